"""Building the SQLite knowledge base from the data files, atomically.

The build writes a new file beside the target inside one transaction and swaps it in
with an atomic rename, so a crash or kill during a build leaves the previous knowledge
base as it was. A knowledge base is rebuilt when the data files or the schema change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from caravan.errors import KnowledgeBaseError
from caravan.store.journal import journal_entries, replay_journal
from caravan.store.schema import SCHEMA_VERSION, TABLES, field_of
from caravan.store.sqlite_schema import create_statements, row_from_record
from caravan.store.validate import ValidationReport, validate_data

__all__ = [
    "BuildProgress",
    "BuildResult",
    "build_knowledge_base",
    "built_from",
    "data_digest",
    "default_data_dir",
    "knowledge_base_is_current",
]

logger = logging.getLogger(__name__)

_TEMP_MARKER = ".building-"


@dataclass(frozen=True)
class BuildProgress:
    """One step of a build: which table, how many of how many."""

    step: str
    done: int
    total: int


ProgressCallback = Callable[[BuildProgress], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    path: Path
    digest: str
    counts: dict[str, int]
    warnings: int


def default_data_dir() -> Path:
    """The embedded dataset shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "data"


def data_digest(data_dir: Path) -> str:
    """A hash of every data file's name and bytes, and of the schema version."""
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    for path in sorted(data_dir.glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def built_from(path: Path) -> Path | None:
    """The data folder a knowledge base was built from, if it still exists."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'data_dir'").fetchone()
    except sqlite3.DatabaseError:
        return None
    if row is None or not Path(row[0]).is_dir():
        return None
    return Path(row[0])


def knowledge_base_is_current(path: Path, data_dir: Path) -> bool:
    """True when ``path`` exists and was built from these files with this schema."""
    if not path.exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return False
    return rows.get("digest") == data_digest(data_dir) and rows.get("schema_version") == str(
        SCHEMA_VERSION
    )


def build_knowledge_base(
    target: Path,
    data_dir: Path | None = None,
    *,
    progress: ProgressCallback | None = None,
    report: ValidationReport | None = None,
) -> BuildResult:
    """Validate the data files and build the knowledge base at ``target`` atomically."""
    data_dir = data_dir or default_data_dir()
    digest = data_digest(data_dir)
    report = report or validate_data(data_dir)
    report.raise_for_issues()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(target)
    journal = journal_entries(target)
    temporary = target.with_name(f".{target.name}{_TEMP_MARKER}{os.getpid()}")
    total = len(TABLES) + 1
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("BEGIN")
            for statement in create_statements():
                connection.execute(statement)
            for done, table in enumerate(TABLES, start=1):
                _insert_table(connection, table.name, report)
                if progress:
                    progress(BuildProgress(table.name, done, total))
            counts = report.counts()
            meta = {
                "schema_version": str(SCHEMA_VERSION),
                "digest": digest,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "boundary_method": report.boundary_method,
                "data_dir": str(data_dir.resolve()),
            }
            replayed = replay_journal(connection, journal)
            meta["journal_applied"] = str(replayed)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            connection.execute("COMMIT")
        finally:
            connection.close()
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_directory(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if progress:
        progress(BuildProgress("swap", total, total))
    logger.info("built knowledge base %s (%s)", target, digest[:12])
    return BuildResult(target, digest, counts, len(report.warnings))


def _insert_table(connection: sqlite3.Connection, name: str, report: ValidationReport) -> None:
    table = next(t for t in TABLES if t.name == name)
    rows = [
        row_from_record(table, item.record, item.file, item.row) for item in report.records[name]
    ]
    if not rows:
        return
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    try:
        connection.executemany(
            f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})',
            [tuple(row[c] for c in columns) for row in rows],
        )
    except sqlite3.DatabaseError as error:
        raise KnowledgeBaseError(f"cannot insert {name}: {error}") from error
    if "source" in table.fields:
        citations = [
            (name, row["_key"], source_id)
            for item, row in zip(report.records[name], rows, strict=True)
            for source_id in field_of(item.record, "source")
        ]
        connection.executemany("INSERT INTO citations VALUES (?, ?, ?)", citations)


def _remove_stale_temporaries(target: Path) -> None:
    for leftover in target.parent.glob(f".{target.name}{_TEMP_MARKER}*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and _process_alive(int(pid)):
            continue
        leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
