"""Kill and race trials against a real `caravan serve`: shared by the tests and the benchmark.

A trial starts the server on a knowledge base of the synthetic dataset, writes status
events from several threads, kills the server with SIGKILL at a random moment (or
rebuilds the knowledge base under it), then checks that every write the server
acknowledged is in the knowledge base after a restart and after a rebuild, and that
SQLite's integrity checks pass on the knowledge base and on the journal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from caravan import Observatory
from caravan.model import ProjectStatus
from caravan.store import build_knowledge_base
from caravan.store.journal import journal_path_for

__all__ = [
    "TOKEN",
    "TRIAL_SPAN",
    "TrialResult",
    "acknowledged_writes",
    "kill_trial",
    "present_writes",
    "race_trial",
    "running_server",
]

TOKEN = "durability-trial-token-0123456789"
PROJECT = "prj-test-line"
FIRST_DAY = dt.date(2030, 1, 1)
#: Write numbers (days after FIRST_DAY) a kill trial may use: trial n uses n × TRIAL_SPAN on.
TRIAL_SPAN = 1_000


@dataclass(frozen=True)
class TrialResult:
    """What one trial saw: writes acknowledged, found afterwards, and integrity."""

    acknowledged: int
    present_after_restart: int
    present_after_rebuild: int
    lost: int
    failed_requests: int
    integrity_ok: bool


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(
    kb: Path, data_dir: Path, *, workers: int = 1, timeout_s: float = 90.0
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`caravan serve` on a free port with the trial token; yields (process, base URL)."""
    port = _free_port()
    env = {**os.environ, "CARAVAN_WRITE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "caravan", "serve", "--port", str(port)]
    command += ["--kb", str(kb), "--data-dir", str(data_dir)]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            if process.poll() is not None:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"caravan serve exited with {process.returncode}: {error}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/v1/places?limit=1", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("caravan serve did not answer in time")
            time.sleep(0.1)
        yield process, base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if process.stderr:
            process.stderr.close()


def acknowledged_writes(
    base: str,
    first: int,
    writers: int,
    stop: threading.Event,
    per_writer: int = 10_000,
    latencies_s: list[float] | None = None,
) -> tuple[set[int], int]:
    """Write events numbered from ``first`` from ``writers`` threads until ``stop`` is set
    (or the server goes away); returns the numbers acknowledged with 201, and failures.
    Each acknowledged request's duration is appended to ``latencies_s`` when given."""
    acknowledged: set[int] = set()
    failures = 0
    lock = threading.Lock()

    def write(offset: int) -> None:
        nonlocal failures
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            for k in range(per_writer):
                if stop.is_set():
                    return
                number = first + offset + k * writers
                body = {
                    "date": (FIRST_DAY + dt.timedelta(days=number)).isoformat(),
                    "status": ProjectStatus.SUSPENDED.value,
                    "source_ids": ["src-test-news"],
                    "note": f"write {number}",
                }
                started = time.perf_counter()
                try:
                    response = client.post(f"/api/v1/projects/{PROJECT}/events", json=body)
                except httpx.HTTPError:
                    if stop.is_set():
                        return
                    with lock:
                        failures += 1
                    continue
                with lock:
                    if response.status_code == 201:
                        acknowledged.add(number)
                        if latencies_s is not None:
                            latencies_s.append(time.perf_counter() - started)
                    else:
                        failures += 1

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return acknowledged, failures


def present_writes(kb: Path, data_dir: Path) -> set[int]:
    """Numbers of the trial's events in the knowledge base, opened as a restart would."""
    observatory = Observatory.open(kb, data_dir)
    try:
        return {
            (event.date - FIRST_DAY).days
            for event in observatory.kb.timeline(PROJECT)
            if event.date >= FIRST_DAY
        }
    finally:
        observatory.close()


def _integrity_ok(*paths: Path) -> bool:
    for path in paths:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
    return True


def _check(
    kb: Path, data_dir: Path, acknowledged: set[int], failures: int, previous: set[int]
) -> TrialResult:
    after_restart = present_writes(kb, data_dir)
    integrity = _integrity_ok(kb, journal_path_for(kb))
    build_knowledge_base(kb, data_dir)
    after_rebuild = present_writes(kb, data_dir)
    integrity = integrity and _integrity_ok(kb, journal_path_for(kb))
    wanted = acknowledged | previous
    return TrialResult(
        acknowledged=len(acknowledged),
        present_after_restart=len(acknowledged & after_restart),
        present_after_rebuild=len(acknowledged & after_rebuild),
        lost=len(wanted - after_restart) + len(wanted - after_rebuild),
        failed_requests=failures,
        integrity_ok=integrity,
    )


def kill_trial(
    kb: Path,
    data_dir: Path,
    first: int,
    rng: random.Random,
    *,
    writers: int = 8,
    previous: set[int] | None = None,
) -> tuple[TrialResult, set[int]]:
    """Write from ``writers`` threads, SIGKILL the server at a random moment, check."""
    stop = threading.Event()
    with running_server(kb, data_dir) as (process, base):
        result: dict[str, tuple[set[int], int]] = {}
        # At most TRIAL_SPAN numbers per trial, so trials never overlap and dates stay valid.
        per_writer = TRIAL_SPAN // writers
        worker = threading.Thread(
            target=lambda: result.update(
                run=acknowledged_writes(base, first, writers, stop, per_writer)
            )
        )
        worker.start()
        time.sleep(rng.uniform(0.05, 0.8))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        stop.set()
        worker.join()
    # Requests cut off by the kill are expected failures; only acknowledged writes count.
    acknowledged, _ = result["run"]
    return _check(kb, data_dir, acknowledged, 0, previous or set()), acknowledged


def race_trial(
    kb: Path,
    data_dir: Path,
    first: int,
    *,
    writers: int = 8,
    rebuilds: int = 3,
    workers: int = 1,
    on_server: Callable[[str], None] | None = None,
) -> tuple[TrialResult, set[int], set[int]]:
    """Write while the knowledge base is rebuilt under the server; returns the result, the
    acknowledged numbers and the numbers the running server itself shows afterwards."""
    stop = threading.Event()
    with running_server(kb, data_dir, workers=workers) as (_, base):
        result: dict[str, tuple[set[int], int]] = {}
        worker = threading.Thread(
            target=lambda: result.update(run=acknowledged_writes(base, first, writers, stop))
        )
        worker.start()
        for _ in range(rebuilds):
            time.sleep(0.2)
            build_knowledge_base(kb, data_dir)
        time.sleep(0.2)
        stop.set()
        worker.join()
        if on_server:
            on_server(base)
        timeline = httpx.get(f"{base}/api/v1/projects/{PROJECT}", timeout=30).json()["timeline"]
        served = {
            (dt.date.fromisoformat(e["date"]) - FIRST_DAY).days
            for e in timeline
            if dt.date.fromisoformat(e["date"]) >= FIRST_DAY
        }
    acknowledged, failures = result["run"]
    return _check(kb, data_dir, acknowledged, failures, set()), acknowledged, served
