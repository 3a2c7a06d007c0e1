"""Durability: fsync a file and the folder that names it; reading after a crash; Ctrl-C
held back while a step that must not stop half-way runs."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

__all__ = ["fsync_directory", "fsync_file", "interrupts_deferred", "recovering_reader"]


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_directory(path: Path) -> None:
    """Flush a folder's entries to disk, so that a rename or a new name survives a crash."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def recovering_reader(path: Path, busy_timeout_s: float = 30.0) -> sqlite3.Connection:
    """A connection that only reads, opened read-write so that SQLite can roll back a hot
    journal left by a killed writer (a read-only open cannot, and fails); read-only when
    the file may not be written at all."""
    try:
        connection = sqlite3.connect(
            f"file:{path}?mode=rw", uri=True, timeout=busy_timeout_s, check_same_thread=False
        )
    except sqlite3.OperationalError:
        connection = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_s, check_same_thread=False
        )
    connection.execute("PRAGMA query_only = ON")
    return connection


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) back until the body has finished, then raise it.

    For bookkeeping that must run whole: a temporary folder created and its name kept, or
    removed. Elsewhere than in the main thread (where Python delivers signals) it does
    nothing, and a handler other than Python's default is left in place.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    caught: list[int] = []

    def remember(number: int, _frame: FrameType | None) -> None:
        caught.append(number)

    signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt
