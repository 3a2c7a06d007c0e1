"""Running a sweep's draws as tasks on Dask, keeping every finished draw on disk.

The draws not yet in the output folder are split into chunks; each chunk is one task,
shipped as the knowledge base's path, the prepared spec and the draw numbers (never a
network). Tasks run on a ``distributed.LocalCluster`` of worker *processes* (the work is
CPU-bound numpy/scipy, one thread each) or on a running scheduler given by address.
Results come back as they complete (``as_completed``) and are written draw by draw, so an
interruption keeps everything finished: pending tasks are cancelled, the cluster closed,
and the next run with the same spec and folder computes only the draws still missing.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from caravan.analysis.sweeps.evaluate import DrawResult, evaluate_chunk
from caravan.analysis.sweeps.folder import SweepFolder
from caravan.analysis.sweeps.loading import PreparedSweep
from caravan.analysis.sweeps.summary import OutputSummary, save_summaries, summarise
from caravan.store import KnowledgeBase

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "SweepProgress",
    "SweepRun",
    "chunks_of",
    "dask_client",
    "run_draws_in_loop",
    "run_sweep",
]

logger = logging.getLogger(__name__)

#: Configuration of local workers. No statistical profiler: it samples every thread's
#: stack every 10 ms, slowing the route searches' Python loops. No MALLOC_TRIM_THRESHOLD_
#: of 64 KiB (Dask's default for its workers): each draw allocates and frees large
#: temporary arrays, which that threshold hands back to the system and faults in again,
#: costing about 70 % more CPU per draw than in a plain process (measured).
_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@dataclass(frozen=True)
class SweepProgress:
    """Draws finished so far (``reused`` of them from an earlier run) out of ``total``."""

    done: int
    total: int
    reused: int


@dataclass(frozen=True)
class SweepRun:
    """A finished sweep: every draw, the outputs' distributions, and what was computed."""

    name: str
    folder: Path
    results: list[DrawResult]
    summaries: list[OutputSummary]
    computed: int
    reused: int
    wall_s: float
    files: list[Path]


def chunks_of(indices: Sequence[int], size: int) -> list[list[int]]:
    """``indices`` in consecutive chunks of at most ``size``."""
    return [list(indices[i : i + size]) for i in range(0, len(indices), size)]


@contextlib.contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: on ``scheduler`` (``tcp://host:8786``), else on a local cluster.

    The local cluster runs ``workers`` processes of one thread each, without a dashboard;
    both are closed on leaving, also after an interruption.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler, timeout="10s") as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with _workers_ignore_interrupts(), dask.config.set(_WORKER_CONFIG):
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: no clash with another cluster
            scheduler_kwargs={"dashboard": False},
            # Workers log at CRITICAL only: a task's error reaches the caller through its
            # future, while a worker's heartbeat failing as the cluster closes after Ctrl-C
            # would print a traceback that says nothing to the user.
            silence_logs=logging.CRITICAL,
        )
    try:
        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
    finally:
        cluster.close()


@contextlib.contextmanager
def _workers_ignore_interrupts() -> Iterator[None]:
    """Start worker processes with Ctrl-C ignored: this process handles it (cancels, closes).

    A terminal's Ctrl-C reaches every process of the foreground group; workers that took
    it would die printing tracebacks while this process closes them in order. An ignored
    signal stays ignored in a spawned process, so it is ignored while they start.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_draws_in_loop(
    kb_path: Path, sweep: PreparedSweep, indices: Sequence[int]
) -> list[DrawResult]:
    """The draws computed one after another in this process (no Dask), for comparison."""
    return evaluate_chunk(str(kb_path), sweep, list(indices))


def run_sweep(
    kb: KnowledgeBase,
    sweep: PreparedSweep,
    out_dir: Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    chunk_size: int | None = None,
    progress: Callable[[SweepProgress], None] | None = None,
) -> SweepRun:
    """Run the draws missing from ``out_dir`` on Dask, then summarise every draw.

    ``chunk_size`` draws go in one task (default: about four tasks per worker).
    """
    started = time.perf_counter()
    total = sweep.spec.draw_count()
    folder = SweepFolder.open(out_dir, sweep.spec.name, sweep.digest(), kb.content_key(), total)
    finished = folder.finished()
    reused = len(finished)
    missing = [i for i in range(total) if i not in finished]
    if progress:
        progress(SweepProgress(reused, total, reused))
    if missing:
        size = chunk_size or max(1, min(16, -(-len(missing) // (4 * max(workers, 1)))))
        with dask_client(workers, scheduler) as client:
            for result in _computed(client, str(kb.path), sweep, chunks_of(missing, size)):
                folder.save_draw(result)
                finished[result.draw] = result
                if progress:
                    progress(SweepProgress(len(finished), total, reused))
    results = [finished[i] for i in range(total)]
    summaries = summarise(sweep.spec, results)
    files = [folder.save_draws(results), *save_summaries(summaries, folder.path)]
    return SweepRun(
        name=sweep.spec.name,
        folder=out_dir,
        results=results,
        summaries=summaries,
        computed=total - reused,
        reused=reused,
        wall_s=time.perf_counter() - started,
        files=files,
    )


def _computed(
    client: Client, kb_path: str, sweep: PreparedSweep, chunks: list[list[int]]
) -> Iterator[DrawResult]:
    """Each draw as its task completes; pending tasks cancelled if the caller stops."""
    from distributed import as_completed

    futures = [client.submit(evaluate_chunk, kb_path, sweep, chunk, pure=False) for chunk in chunks]
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            yield from future.result()
    finally:  # interrupted, failed or done: nothing is left running
        pending = [f for f in futures if not f.done()]  # type: ignore[no-untyped-call]
        if pending:
            client.cancel(pending)  # type: ignore[no-untyped-call]
