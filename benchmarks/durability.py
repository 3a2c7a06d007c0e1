"""Durability and concurrency of writes: kill trials, concurrent writers, rebuild races.

Runs the real `caravan serve` on a knowledge base of the synthetic test dataset and
prints Markdown tables:

- kill trials: writes from 8 threads, SIGKILL of the server at a random moment, then a
  restart and a rebuild; acknowledged writes against those found (goal: 0 lost);
- concurrent writers: 16 threads writing for a fixed time to one server process and to
  two processes (``--workers 2``) on the same file (goal: 0 failures), beside the floor
  of the same durable commits made directly with SQLite (WAL, synchronous=FULL);
- a rebuild racing writes: acknowledged against found, and what the running server shows.

Usage: .venv/bin/python benchmarks/durability.py [--trials 50] [--seconds 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from caravan.store import build_knowledge_base  # noqa: E402
from harness_durability import (  # noqa: E402
    TRIAL_SPAN,
    acknowledged_writes,
    kill_trial,
    race_trial,
    running_server,
)

MINI = ROOT / "tests" / "fixtures" / "mini"


def _fresh(workdir: Path, name: str) -> tuple[Path, Path]:
    data_dir = workdir / f"{name}-data"
    shutil.copytree(MINI, data_dir)
    kb = workdir / f"{name}.sqlite"
    build_knowledge_base(kb, data_dir)
    return kb, data_dir


def kill_trials(workdir: Path, trials: int) -> None:
    kb, data_dir = _fresh(workdir, "kill")
    rng = random.Random(20250617)
    everything: set[int] = set()
    acknowledged = restart = rebuild = lost = bad = empty = 0
    for trial in range(trials):
        result, acked = kill_trial(kb, data_dir, trial * TRIAL_SPAN, rng, previous=everything)
        everything |= acked
        acknowledged += result.acknowledged
        restart += result.present_after_restart
        rebuild += result.present_after_rebuild
        lost += result.lost
        bad += 0 if result.integrity_ok else 1
        empty += 1 if result.acknowledged == 0 else 0
        print(f"  trial {trial + 1}/{trials}: {result}", file=sys.stderr)
    print(f"\n### Kill trials ({trials} × SIGKILL during writes from 8 threads)\n")
    print(
        "| trials | killed before any acknowledgement | acknowledged | present after restart "
        "| present after rebuild | lost | integrity failures |"
    )
    print("|---|---|---|---|---|---|---|")
    print(f"| {trials} | {empty} | {acknowledged} | {restart} | {rebuild} | {lost} | {bad} |")


def _sqlite_floor(workdir: Path, writers: int, seconds: float) -> tuple[int, list[float]]:
    """The same number of durable commits made straight into SQLite (WAL, FULL)."""
    path = workdir / "floor.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, payload TEXT)")
    latencies: list[float] = []
    failures = 0
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def write() -> None:
        nonlocal failures
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA synchronous = FULL")
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("INSERT INTO entries (payload) VALUES ('x')")
                connection.execute("COMMIT")
            except sqlite3.OperationalError:
                with lock:
                    failures += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures, latencies


def _row(label: str, count: int, failures: int, latencies: list[float], seconds: float) -> str:
    ordered = sorted(latencies) or [float("nan")]
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return (
        f"| {label} | {count} | {failures} | {count / seconds:.0f} | "
        f"{statistics.median(ordered) * 1000:.1f} | {p99 * 1000:.1f} |"
    )


def concurrent_writers(workdir: Path, writers: int, seconds: float) -> None:
    rows = []
    for workers in (1, 2):
        kb, data_dir = _fresh(workdir, f"writers-{workers}")
        with running_server(kb, data_dir, workers=workers) as (_, base):
            stop = threading.Event()
            timer = threading.Timer(seconds, stop.set)
            timer.start()
            latencies: list[float] = []
            acked, failures = acknowledged_writes(base, 0, writers, stop, latencies_s=latencies)
            timer.join()
        label = f"caravan serve, {workers} process{'es' if workers > 1 else ''}"
        rows.append(_row(label, len(acked), failures, latencies, seconds))
    failures, latencies = _sqlite_floor(workdir, writers, seconds)
    rows.append(
        _row(
            "bare SQLite commits (WAL, FULL), no HTTP", len(latencies), failures, latencies, seconds
        )
    )
    print(f"\n### Concurrent writers ({writers} threads, {seconds:.0f} s each)\n")
    print("| target | acknowledged | failures | writes/s | p50 (ms) | p99 (ms) |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


def rebuild_race(workdir: Path) -> None:
    kb, data_dir = _fresh(workdir, "race")
    result, acked, served = race_trial(kb, data_dir, 0, writers=16, rebuilds=5)
    print("\n### Rebuilds racing writes (16 writers, 5 rebuilds under a running server)\n")
    print(
        "| acknowledged | failed requests | lost after restart and rebuild | acknowledged but not shown by the running server | integrity |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| {result.acknowledged} | {result.failed_requests} | {result.lost} | "
        f"{len(acked - served)} | {'ok' if result.integrity_ok else 'FAILED'} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--writers", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caravan-durability-") as folder:
        workdir = Path(folder)
        kill_trials(workdir, args.trials)
        concurrent_writers(workdir, args.writers, args.seconds)
        rebuild_race(workdir)


if __name__ == "__main__":
    main()
