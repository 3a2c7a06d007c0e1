"""Worker threads for CPU-bound requests (routes, skims): off the event loop, and bounded.

A route search or a skim holds the thread that computes it. On the event loop that thread
is the whole server: one heavy question (alternatives, a Pareto front, many via points)
held every other request for seconds. Such requests run here instead, in a small pool of
threads that the loop only awaits. Admission is bounded: at most ``workers`` requests
compute and ``queue`` more wait; the next one is refused at once (503 ``busy`` with
``Retry-After``) rather than queued without end. How long one request may compute is
bounded separately, by the deadline it carries (:class:`~caravan.errors.WorkLimitError`).

The pool of an app is created on first use from the app's settings (``compute_workers``,
``compute_queue``, ``busy_retry_after_s`` when the settings have them, defaults otherwise).
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.applications import Starlette

from caravan.http.problems import RETRY_AFTER_SECONDS, problem

__all__ = [
    "DEFAULT_DEADLINE_S",
    "DEFAULT_QUEUE",
    "DEFAULT_RETRY_AFTER_S",
    "DEFAULT_WORKERS",
    "Slot",
    "WorkerPool",
    "WorkersBusyError",
    "busy_problem",
    "setting",
    "worker_pool",
]

T = TypeVar("T")

#: Threads computing at once. Searches are mostly Python (they hold the GIL), so more threads
#: than cores buys nothing and takes time slices from the event loop.
DEFAULT_WORKERS = max(1, min(4, os.cpu_count() or 1))
#: Admitted requests waiting for a thread, beyond those computing.
DEFAULT_QUEUE = 8
#: Seconds a refused client is asked to wait before trying again (as for other 503s).
DEFAULT_RETRY_AFTER_S = RETRY_AFTER_SECONDS
#: Seconds one route or skim request may compute before it stops (WorkLimitError).
DEFAULT_DEADLINE_S = 10.0

_CREATION = threading.Lock()


def setting(request: Request, name: str, default: T) -> T:
    """A setting of the app serving ``request``, or ``default`` when its settings lack it."""
    value: T = getattr(request.app.state.settings, name, default)
    return value


class WorkersBusyError(Exception):
    """Every worker is busy and the queue is full; try again after ``retry_after_s``."""

    def __init__(self, workers: int, queue: int, retry_after_s: int) -> None:
        self.workers = workers
        self.queue = queue
        self.retry_after_s = retry_after_s
        super().__init__(
            f"the server is busy ({workers} questions computing, {queue} waiting); "
            f"try again in {retry_after_s} s"
        )


class WorkerPool:
    """A thread pool with bounded admission: ``workers`` computing plus ``queue`` waiting.

    A request first takes a :class:`Slot` (refused with :class:`WorkersBusyError` when none
    is free), then runs its work through it. The slot is given back when the work has
    really finished, not when the awaiting request gives up, so the bound holds even for
    abandoned requests whose thread is still computing.
    """

    def __init__(
        self, workers: int, queue: int, retry_after_s: int = DEFAULT_RETRY_AFTER_S
    ) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("a worker pool needs at least one worker and a queue of zero or more")
        self.workers = workers
        self.queue = queue
        self.retry_after_s = retry_after_s
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="caravan-worker")
        self._free = workers + queue
        self._lock = threading.Lock()

    @property
    def admitted(self) -> int:
        """Requests holding a slot (computing or waiting)."""
        with self._lock:
            return self.workers + self.queue - self._free

    def reserve(self) -> Slot:
        """A slot for one request; :class:`WorkersBusyError` when all are taken."""
        with self._lock:
            if self._free == 0:
                raise WorkersBusyError(self.workers, self.queue, self.retry_after_s)
            self._free -= 1
        return Slot(self)

    async def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` in a worker thread and await its result (or its exception)."""
        with self.reserve() as slot:
            return await slot.run(work)

    def shutdown(self) -> None:
        """Stop taking work; threads end once their current work is done."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        return self._executor.submit(contextvars.copy_context().run, work)

    def _give_back(self) -> None:
        with self._lock:
            self._free += 1


class Slot:
    """One admitted request's place in a :class:`WorkerPool`, for one or more steps of work.

    A streamed answer runs each step through the same slot, so it is admitted once.
    """

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool
        self._running: Future[Any] | None = None
        self._released = False

    async def run(self, work: Callable[[], T]) -> T:
        """Run one step of work in a worker thread and await it."""
        if self._released:
            raise RuntimeError("this slot was given back")
        future = self._pool._submit(work)
        self._running = future
        return await asyncio.wrap_future(future)

    def release(self) -> None:
        """Give the slot back once the step in progress (if any) has finished; idempotent."""
        if self._released:
            return
        self._released = True
        running = self._running
        if running is None or running.done():
            self._pool._give_back()
        else:
            running.add_done_callback(lambda _: self._pool._give_back())

    def __enter__(self) -> Slot:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def worker_pool(app: Starlette) -> WorkerPool:
    """The app's worker pool, created on first use from its settings."""
    pool: WorkerPool | None = getattr(app.state, "worker_pool", None)
    if pool is None:
        with _CREATION:
            pool = getattr(app.state, "worker_pool", None)
            if pool is None:
                settings = app.state.settings
                pool = WorkerPool(
                    getattr(settings, "compute_workers", DEFAULT_WORKERS),
                    getattr(settings, "compute_queue", DEFAULT_QUEUE),
                    getattr(settings, "busy_retry_after_s", DEFAULT_RETRY_AFTER_S),
                )
                app.state.worker_pool = pool
                weakref.finalize(app, pool.shutdown)
    return pool


def busy_problem(request: Request, error: WorkersBusyError) -> JSONResponse:
    """503 ``busy`` problem with ``Retry-After``: the request was refused, not queued."""
    return problem(503, "busy", "Server busy", str(error), request, retry_after=error.retry_after_s)
