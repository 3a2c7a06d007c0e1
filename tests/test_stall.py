"""Heavy questions do not hold the server: the worker pool, its busy refusals, and deadlines.

The stall test runs the app in a real uvicorn server on loopback (the in-process transport
would hide a blocked event loop: it runs one request at a time).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading

import httpx
import pytest

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.http.workers import WorkerPool, WorkersBusyError
from live_server import serving

MONDAY = "2025-06-02"
CHEAP = "/api/v1/places?limit=5"


# -- the pool ---------------------------------------------------------------------------------


def test_a_slot_is_given_back_when_its_work_ends_not_when_its_request_gives_up() -> None:
    pool = WorkerPool(workers=1, queue=0)
    started, finish = threading.Event(), threading.Event()

    def work() -> str:
        started.set()
        finish.wait(10)
        return "done"

    async def scenario() -> None:
        waiting = asyncio.create_task(pool.run(work))
        await asyncio.to_thread(started.wait, 10)
        with pytest.raises(WorkersBusyError, match="1 questions computing, 0 waiting"):
            pool.reserve()
        waiting.cancel()  # the request gives up …
        with pytest.raises(asyncio.CancelledError):
            await waiting
        assert pool.admitted == 1  # … but its thread still computes: the slot stays taken
        finish.set()
        for _ in range(1000):
            if pool.admitted == 0:
                break
            await asyncio.sleep(0.01)
        assert pool.admitted == 0
        assert await pool.run(lambda: "next") == "next"

    try:
        asyncio.run(scenario())
    finally:
        pool.shutdown()


def test_work_runs_off_the_event_loop_thread_and_its_errors_come_back() -> None:
    pool = WorkerPool(workers=2, queue=0)

    def fail() -> None:
        raise LookupError("no path")

    async def scenario() -> None:
        loop_thread = threading.current_thread()
        assert await pool.run(threading.current_thread) is not loop_thread
        with pytest.raises(LookupError, match="no path"):
            await pool.run(fail)
        assert pool.admitted == 0

    try:
        asyncio.run(scenario())
    finally:
        pool.shutdown()


# -- the HTTP face ----------------------------------------------------------------------------


def test_a_full_pool_refuses_heavy_questions_at_once_with_retry_after(mini: Observatory) -> None:
    app = create_app(HttpSettings(), mini)
    pool = WorkerPool(workers=1, queue=0, retry_after_s=2)
    app.state.worker_pool = pool
    held = pool.reserve()
    try:
        for url, params in (
            ("/api/v1/route", {"origin": "Xian", "destination": "Almaty", "date": MONDAY}),
            ("/api/v1/skim", {"places": ["Xian", "Almaty"], "date": MONDAY}),
            ("/api/v1/skim/stream", {"places": ["Xian", "Almaty"], "date": MONDAY}),
        ):
            response = request(app, "GET", url, params=params)
            body = assert_problem(response, 503, "busy")
            assert response.headers["retry-after"] == "2"
            assert "busy" in body["detail"]
        assert request(app, "GET", CHEAP).status_code == 200  # cheap reads are not held
    finally:
        held.release()
    response = request(
        app, "GET", "/api/v1/route", params={"origin": "Xian", "destination": "Almaty"}
    )
    assert response.status_code == 200
    assert pool.admitted == 0
    pool.shutdown()


def test_questions_past_their_deadline_are_refused_not_cut_short(mini: Observatory) -> None:
    # A nanosecond: gone before the first search step checks it.
    app = create_app(HttpSettings(route_deadline_s=1e-9, skim_deadline_s=1e-9), mini)
    route = request(
        app,
        "GET",
        "/api/v1/route",
        params={"origin": "Xian", "destination": "Tashkent", "alternatives": 2, "date": MONDAY},
    )
    body = assert_problem(route, 503, "too-slow")
    assert body["detail"] == (
        "route search stopped after 1e-09 s: ask for fewer alternatives or via points"
    )
    skim = request(app, "GET", "/api/v1/skim", params={"places": ["Xian", "Almaty"]})
    assert assert_problem(skim, 503, "too-slow")["detail"].startswith("skim stopped after 1e-09 s")
    stream = request(
        app, "GET", "/api/v1/skim/stream", params={"places": ["Xian", "Almaty"], "chunk": 1}
    )
    assert stream.status_code == 200  # the status line goes before the first block
    events = [block for block in stream.text.split("\n\n") if block.strip()]
    assert len(events) == 1
    assert events[0].startswith("event: error\n")
    assert '"type": "/problems/too-slow"' in events[0]
    assert "skim stopped after 1e-09 s: ask for fewer places" in events[0]


# -- the stall test ---------------------------------------------------------------------------


def heavy_route(day: int) -> str:
    """A heavy route request: 5 alternatives, the Pareto front, 3 via points, a new date."""
    date = dt.date(2025, 1, 1) + dt.timedelta(days=day)
    params = {
        "origin": "Xi'an",
        "destination": "Tashkent",
        "alternatives": 5,
        "pareto": "true",
        "via": ["Almaty", "Bishkek", "Osh"],
        "date": date.isoformat(),  # not compiled yet: each request also compiles a network
    }
    return str(httpx.URL("/api/v1/route", params=params))


def test_cheap_requests_are_answered_while_heavy_routes_compute(embedded: Observatory) -> None:
    """A cheap request overtakes the heavy routes in flight when it was sent (an order, not a
    time: a server that blocked on a heavy route would answer the cheap one only after it).

    The latency goal (< 100 ms) is measured by benchmarks/http_stall.py, not here."""
    app = create_app(HttpSettings(), embedded)

    async def measure(base: str) -> tuple[list[bool], list[int], list[int]]:
        overtook: list[bool] = []  # per cheap request: a heavy one sent before it still running
        heavy_statuses: list[int] = []
        running: set[int] = set()
        stop = asyncio.Event()
        days = iter(range(365))
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            await client.get(CHEAP)  # connection and app warm

            async def keep_heavy() -> None:
                while not stop.is_set():
                    day = next(days)
                    running.add(day)
                    response = await client.get(heavy_route(day))
                    running.discard(day)
                    heavy_statuses.append(response.status_code)

            heavy = [asyncio.create_task(keep_heavy()) for _ in range(2)]
            await asyncio.sleep(0.1)  # both heavy requests in flight
            statuses = []
            for _ in range(50):
                before = set(running)
                assert len(before) == 2  # every cheap request has two heavy ones beside it
                response = await client.get(CHEAP)
                overtook.append(bool(before & running))
                statuses.append(response.status_code)
            stop.set()
            await asyncio.gather(*heavy)
        return overtook, statuses, heavy_statuses

    with serving(app) as base:
        overtook, statuses, heavy_statuses = asyncio.run(measure(base))
    assert set(statuses) == {200}
    assert len(heavy_statuses) >= 2
    assert set(heavy_statuses) == {200}
    # A blocking server answers a cheap request only once the heavy routes sent before it are
    # done, so none would overtake; allow a few answered just as a heavy route finished.
    assert sum(overtook) >= 45, f"only {sum(overtook)} of 50 cheap requests overtook a heavy route"
