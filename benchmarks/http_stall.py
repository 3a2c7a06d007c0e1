"""Does a heavy route request stall the server? Cheap-request latency under heavy load.

Usage: python benchmarks/http_stall.py [--seconds 15] [--cheap 300] [--switch-interval S]

Starts the app (embedded data, default settings) in a child process, served as `caravan
serve` serves it, on 127.0.0.1 (a free port), then, side by side in one run:
- latency of a cheap request (`GET /api/v1/places?limit=5`, one at a time) with no load,
  then with 1 and with 2 heavy route requests kept in flight the whole time (Xi'an →
  Tashkent, 5 alternatives, the Pareto front and 3 via points, each on a date not compiled
  yet, so each also compiles that date's network);
- throughput of the route endpoint with 3 alternatives and the Pareto front on (warm
  snapshot, a few corridor pairs, 4 concurrent clients).
Each phase stops after ``--cheap`` requests or ``--seconds``, whichever comes first.
Prints a Markdown table. Goal: cheap p99 < 100 ms with heavy requests in flight.
``--switch-interval`` sets the server's ``sys.setswitchinterval`` (default: Python's 5 ms);
``--workers`` its number of compute threads.
Traffic goes to loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from serving import free_port, wait_until_serving

#: Runs in the child process: argv = port, knowledge base, switch interval, workers ("": default).
#: It serves as `caravan serve` does (caravan.http.server), or with plain uvicorn on versions
#: that predate that module, so older commits can be measured the same way.
SERVER = """
import sys
from caravan.http import HttpSettings, create_app
port, knowledge_base, interval, workers = sys.argv[1:5]
if interval:
    sys.setswitchinterval(float(interval))
settings = HttpSettings(knowledge_base=knowledge_base)
app = create_app(settings)
if workers:
    from caravan.http.workers import DEFAULT_QUEUE, WorkerPool
    app.state.worker_pool = WorkerPool(int(workers), DEFAULT_QUEUE)
try:
    from caravan.http.server import serve
except ImportError:
    import uvicorn
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")
else:
    serve(settings, host="127.0.0.1", port=int(port), app=app)
"""

CHEAP = "/api/v1/places?limit=5"
PAIRS = [
    ("Xi'an", "Tashkent"),
    ("Urumqi", "Almaty"),
    ("Kashgar", "Osh"),
    ("Lianyungang", "Tashkent"),
    ("Chongqing", "Almaty"),
    ("Xi'an", "Bishkek"),
]


def heavy_paths() -> itertools.cycle[str]:
    """Heavy route requests, each on its own date (so each compiles a network)."""
    first = dt.date(2025, 1, 1)
    paths = [
        str(
            httpx.URL(
                "/api/v1/route",
                params={
                    "origin": "Xi'an",
                    "destination": "Tashkent",
                    "alternatives": 5,
                    "pareto": "true",
                    "via": ["Almaty", "Bishkek", "Osh"],
                    "date": (first + dt.timedelta(days=day)).isoformat(),
                },
            )
        )
        for day in range(365)
    ]
    return itertools.cycle(paths)


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.median(ordered) * 1e3, p99 * 1e3


async def cheap_under_load(
    base: str, heavy: int, count: int, seconds: float, paths: itertools.cycle[str]
) -> tuple[list[float], list[float], int]:
    """Cheap latencies (s) while ``heavy`` heavy requests stay in flight; heavy latencies; failures."""
    cheap: list[float] = []
    heavy_latencies: list[float] = []
    failures = 0
    stop = asyncio.Event()
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:

        async def keep_heavy() -> None:
            nonlocal failures
            while not stop.is_set():
                start = time.perf_counter()
                response = await client.get(next(paths))
                heavy_latencies.append(time.perf_counter() - start)
                failures += response.status_code != 200

        loaders = [asyncio.create_task(keep_heavy()) for _ in range(heavy)]
        await asyncio.sleep(0.2 if heavy else 0)  # let the heavy requests get going
        deadline = time.perf_counter() + seconds
        while len(cheap) < count and time.perf_counter() < deadline:
            start = time.perf_counter()
            response = await client.get(CHEAP)
            cheap.append(time.perf_counter() - start)
            failures += response.status_code != 200
        stop.set()
        await asyncio.gather(*loaders)
    return cheap, heavy_latencies, failures


async def route_throughput(
    base: str, seconds: float, concurrency: int
) -> tuple[list[float], int, float]:
    """Route requests with 3 alternatives and the Pareto front: latencies, failures, elapsed."""
    paths = itertools.cycle(
        str(
            httpx.URL(
                "/api/v1/route",
                params={"origin": o, "destination": d, "alternatives": 3, "pareto": "true"},
            )
        )
        for o, d in PAIRS
    )
    latencies: list[float] = []
    failures = 0
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        for _ in range(len(PAIRS)):  # warm: every pair once
            await client.get(next(paths))
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal failures
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                response = await client.get(next(paths))
                latencies.append(time.perf_counter() - start)
                failures += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, failures, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--cheap", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--switch-interval", type=float, default=None)
    parser.add_argument(
        "--workers", type=int, default=None, help="compute threads (default: app's)"
    )
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    folder = tempfile.mkdtemp(prefix="caravan-stall-")
    knowledge_base = str(Path(folder) / "kb.sqlite")
    interval = "" if args.switch_interval is None else str(args.switch_interval)
    workers = "" if args.workers is None else str(args.workers)
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), knowledge_base, interval, workers],
        env={**os.environ, "CARAVAN_KNOWLEDGE_BASE": knowledge_base},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(base, server)
        for _ in range(20):  # warm the app and today's snapshot
            httpx.get(base + CHEAP)
            httpx.get(f"{base}/api/v1/route", params={"origin": "Xi'an", "destination": "Almaty"})
        paths = heavy_paths()
        cheap_rows = [
            (heavy, *asyncio.run(cheap_under_load(base, heavy, args.cheap, args.seconds, paths)))
            for heavy in (0, 1, 2)
        ]
        throughput = asyncio.run(route_throughput(base, args.seconds, args.concurrency))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    shown = "Python's default" if args.switch_interval is None else f"{args.switch_interval:g} s"
    threads = "the app's default" if args.workers is None else str(args.workers)
    print(f"Server switch interval: {shown}; compute threads: {threads}; at most {args.cheap}")
    print(f"requests or {args.seconds:g} s per phase.\n")
    print(
        "| heavy requests in flight | cheap requests | cheap p50 (ms) | cheap p99 (ms) "
        "| cheap max (ms) | heavy done | heavy p50 (ms) | failures |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for heavy, cheap, heavy_latencies, failures in cheap_rows:
        p50, p99 = percentiles(cheap)
        heavy_p50 = f"{statistics.median(heavy_latencies) * 1e3:.0f}" if heavy_latencies else "–"
        print(
            f"| {heavy} | {len(cheap)} | {p50:.1f} | {p99:.1f} | {max(cheap) * 1e3:.1f} "
            f"| {len(heavy_latencies)} | {heavy_p50} | {failures} |"
        )
    latencies, failures, elapsed = throughput
    p50, p99 = percentiles(latencies)
    print()
    print(
        "| route endpoint, 3 alternatives + Pareto, "
        f"{args.concurrency} clients | requests | requests/s | p50 (ms) | p99 (ms) | failures |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {len(PAIRS)} corridor pairs, warm | {len(latencies)} | {len(latencies) / elapsed:.1f} "
        f"| {p50:.1f} | {p99:.1f} | {failures} |"
    )


if __name__ == "__main__":
    main()
