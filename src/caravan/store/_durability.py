"""Durability: fsync a file and the folder that names it; reading after a crash."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

__all__ = ["fsync_directory", "fsync_file", "recovering_reader"]


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
