"""Load test of the route endpoint on loopback, side by side with a bare endpoint.

Usage: python benchmarks/load_http.py [--seconds 10] [--requests 5000] [--concurrency 16]

Starts `caravan serve` in a child process on 127.0.0.1 (a free port), sends route requests
for random origin–destination pairs from one async client, bounded by both a request count
and a time limit, then does the same against `/api/v1/sister-cities/counts` (a three-row
read: the framework's ceiling on this machine). Prints throughput and p50/p99 latency for both.
Goal: >= 500 route requests/s with p99 < 100 ms. Traffic goes to loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table
from serving import free_port, wait_until_serving

PLACES = [
    "Xi'an",
    "Urumqi",
    "Kashgar",
    "Lianyungang",
    "Chongqing",
    "Almaty",
    "Astana",
    "Tashkent",
    "Bishkek",
    "Osh",
    "Dushanbe",
    "Ashgabat",
    "Samarkand",
    "Aktau",
    "Khorgos",
    "Andijan",
]


async def hammer(
    base: str, paths: list[str], total: int, seconds: float, concurrency: int
) -> tuple[list[float], int, float]:
    """Send requests (cycling through paths) until count or time runs out; latencies in s."""
    latencies: list[float] = []
    failures = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal sent, failures
            while sent < total and time.perf_counter() < deadline:
                path = paths[sent % len(paths)]
                sent += 1
                start = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200:
                    failures += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, failures, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    folder = tempfile.mkdtemp(prefix="caravan-load-")
    environment = {**os.environ, "CARAVAN_KNOWLEDGE_BASE": str(Path(folder) / "kb.sqlite")}
    server = subprocess.Popen(
        [sys.executable, "-m", "caravan", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(base, server)
        rng = random.Random(args.seed)
        pairs = [rng.sample(PLACES, 2) for _ in range(200)]
        routes = [
            str(httpx.URL("/api/v1/route", params={"origin": o, "destination": d}))
            for o, d in pairs
        ]
        asyncio.run(hammer(base, routes[:50], 200, 5, 4))  # warm the snapshot and caches
        results = {
            "GET /api/v1/route (random pairs)": asyncio.run(
                hammer(base, routes, args.requests, args.seconds, args.concurrency)
            ),
            "GET /api/v1/sister-cities/counts (tiny read, ceiling)": asyncio.run(
                hammer(
                    base,
                    ["/api/v1/sister-cities/counts"],
                    args.requests,
                    args.seconds,
                    args.concurrency,
                )
            ),
        }
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    table = Table(
        title=f"HTTP load on loopback, {args.concurrency} concurrent, ≤{args.requests} requests or "
        f"{args.seconds:g} s each",
        title_justify="left",
    )
    for column in ("endpoint", "requests", "failures", "requests/s", "p50 (ms)", "p99 (ms)"):
        table.add_column(column)
    for name, (latencies, failures, elapsed) in results.items():
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        table.add_row(
            name,
            str(len(latencies)),
            str(failures),
            f"{len(latencies) / elapsed:,.0f}",
            f"{statistics.median(ordered) * 1e3:.1f}",
            f"{p99 * 1e3:.1f}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
