"""Building the SQLite knowledge base from the data files and the journal, atomically.

The build writes a new file beside the target inside one transaction, replays the whole
journal of edits into it (failing loudly if the journal cannot be read) and checks its
integrity. It then replaces the target's content in one transaction under the target's
write lock, applying the edits that reached the journal meanwhile. The file is never
renamed over while others have it open, so nobody reads a deleted copy and no stale
SQLite journal can be paired with another file. A crash or kill at any point leaves the
previous knowledge base as it was. A path that is not a caravan knowledge base is never
written; a knowledge base of an earlier schema, or one holding tables caravan does not
know, is first copied to a backup beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from caravan.errors import KnowledgeBaseError
from caravan.store._durability import fsync_directory, fsync_file, recovering_reader
from caravan.store.journal import (
    BUSY_TIMEOUT_S,
    EditJournal,
    apply_pending_edits,
    apply_pending_in,
    journal_path_for,
    replay_journal,
    writable_connection,
)
from caravan.store.ownership import (
    KNOWLEDGE_BASE_APPLICATION_ID,
    FileKind,
    file_kind,
    require_own_file,
)
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
    #: journal entries applied, and the numbers of those that no longer fit the files
    edits_applied: int = 0
    edits_skipped: tuple[int, ...] = ()
    #: where the replaced knowledge base of an earlier schema was kept, if there was one
    backup: Path | None = None


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
    """The data folder a knowledge base was built from, if it still exists.

    Another installation's embedded data (a second checkout, an older install) does not
    count: the embedded data of the caravan that opens the knowledge base is its default.
    """
    if file_kind(path)[0] not in (FileKind.KNOWLEDGE_BASE, FileKind.LEGACY_KNOWLEDGE_BASE):
        return None
    try:
        with contextlib.closing(recovering_reader(path)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'data_dir'").fetchone()
    except sqlite3.DatabaseError:
        return None
    if row is None or not Path(row[0]).is_dir():
        return None
    folder = Path(row[0])
    if _is_embedded_data(folder) and folder.resolve() != default_data_dir():
        return None
    return folder


def _is_embedded_data(folder: Path) -> bool:
    """Whether a folder is the ``data`` folder inside an installed ``caravan`` package."""
    package = folder.resolve().parent
    return folder.name == "data" and package.name == "caravan" and (package / "api.py").is_file()


def knowledge_base_is_current(path: Path, data_dir: Path) -> bool:
    """True when ``path`` is a knowledge base built from these files with this schema."""
    if file_kind(path)[0] is not FileKind.KNOWLEDGE_BASE:
        return False
    try:
        with contextlib.closing(recovering_reader(path)) as connection:
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
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> BuildResult:
    """Validate the data files and build the knowledge base at ``target`` atomically."""
    kind = require_own_file(target, FileKind.KNOWLEDGE_BASE, FileKind.LEGACY_KNOWLEDGE_BASE)
    journal = EditJournal(journal_path_for(target), busy_timeout_s)
    data_dir = data_dir or default_data_dir()
    digest = data_digest(data_dir)
    report = report or validate_data(data_dir)
    report.raise_for_issues()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(target)
    if kind is FileKind.LEGACY_KNOWLEDGE_BASE:
        _adopt_legacy_journal(target, journal)
    entries = journal.entries()
    temporary = target.with_name(f".{target.name}{_TEMP_MARKER}{os.getpid()}")
    total = len(TABLES) + 1
    backup = None
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
            outcome = replay_journal(connection, entries)
            meta = {
                "schema_version": str(SCHEMA_VERSION),
                "digest": digest,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "boundary_method": report.boundary_method,
                "data_dir": str(data_dir.resolve()),
                "journal_applied": str(outcome.applied),
            }
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            connection.execute("COMMIT")
            _verify(connection, temporary)
        finally:
            connection.close()
        fsync_file(temporary)
        if kind is not FileKind.ABSENT and _needs_backup(target, kind):
            backup = _keep_backup(target)
        late = _install(temporary, target, busy_timeout_s)
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(f"{temporary.name}-journal").unlink(missing_ok=True)
    if progress:
        progress(BuildProgress("swap", total, total))
    logger.info(
        "built knowledge base %s (%s): %d journal entries replayed, %d skipped, %d arrived late",
        target,
        digest[:12],
        outcome.applied,
        len(outcome.skipped),
        late,
    )
    return BuildResult(
        target,
        digest,
        counts,
        len(report.warnings),
        edits_applied=outcome.applied,
        edits_skipped=outcome.skipped,
        backup=backup,
    )


def _verify(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse to swap in a file that fails SQLite's integrity check."""
    result = connection.execute("PRAGMA integrity_check").fetchone()
    if result is None or result[0] != "ok":
        raise KnowledgeBaseError(f"the new knowledge base {path} failed its integrity check")


def _install(temporary: Path, target: Path, busy_timeout_s: float) -> int:
    """Put the new build in place; returns how many edits arrived while it was built.

    A new target takes the file by an atomic link. An existing one is rewritten in place,
    in one transaction under its write lock: its tables are replaced by the new build's
    and edits journalled since the build read the journal are applied, so readers never
    see a half-built file and no edit falls between the build and the swap. A crash
    during that transaction is rolled back by SQLite; the file keeps its name and inode,
    so no reader or writer is left on a deleted copy.
    """
    if not target.exists():
        try:
            os.link(temporary, target)
        except FileExistsError:
            pass  # another build created it meanwhile: install into it like any other
        else:
            fsync_directory(target.parent)
            return apply_pending_edits(target, busy_timeout_s)
    journal = EditJournal(journal_path_for(target), busy_timeout_s)
    with writable_connection(target, busy_timeout_s, attach={"fresh": temporary}) as connection:
        old = connection.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for (name,) in old:
            connection.execute(f'DROP TABLE main."{name}"')
        fresh = connection.execute(
            "SELECT type, name, sql FROM fresh.sqlite_master WHERE sql IS NOT NULL "
            "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END"
        ).fetchall()
        for kind, name, sql in fresh:
            connection.execute(sql)
            if kind == "table":
                connection.execute(f'INSERT INTO main."{name}" SELECT * FROM fresh."{name}"')
        connection.execute(f"PRAGMA main.user_version = {SCHEMA_VERSION}")
        connection.execute(f"PRAGMA main.application_id = {KNOWLEDGE_BASE_APPLICATION_ID}")
        return apply_pending_in(connection, journal)


def _needs_backup(target: Path, kind: FileKind) -> bool:
    """An earlier schema, or tables caravan does not know, are kept rather than replaced."""
    if kind is FileKind.LEGACY_KNOWLEDGE_BASE:
        return True
    ours = {t.name for t in TABLES} | {"meta", "journal", "citations"}
    with contextlib.closing(recovering_reader(target)) as connection:
        names = {
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    return bool(names - ours)


def _keep_backup(target: Path) -> Path:
    """A consistent copy of the old knowledge base, named by its schema and time."""
    with contextlib.closing(recovering_reader(target)) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = row[0] if row else "unknown"
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    backup = target.with_name(f"{target.name}.schema-{version}-{stamp}.bak")
    with (
        contextlib.closing(recovering_reader(target)) as source,
        contextlib.closing(sqlite3.connect(backup)) as copy,
    ):
        source.backup(copy)
    fsync_file(backup)
    fsync_directory(target.parent)
    logger.warning("kept the previous knowledge base as %s", backup)
    return backup


def _adopt_legacy_journal(target: Path, journal: EditJournal) -> None:
    """Move the edits an earlier schema kept inside the knowledge base into the journal."""
    with contextlib.closing(recovering_reader(target)) as connection:
        try:
            rows = connection.execute(
                "SELECT id, recorded_at, kind, payload FROM journal ORDER BY id"
            ).fetchall()
        except sqlite3.OperationalError:
            return
    known = {(e.recorded_at, e.kind, _canonical(e.payload)) for e in journal.entries()}
    for _, recorded_at, kind, payload in rows:
        content = json.loads(payload)
        if (recorded_at, kind, _canonical(content)) not in known:
            journal.append(kind, content, recorded_at=recorded_at)


def _canonical(payload: dict[str, object]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


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
        if not pid.isdigit() or _process_alive(int(pid)):
            continue
        leftover.unlink(missing_ok=True)  # a build killed before its swap, by its own name
        leftover.with_name(f"{leftover.name}-journal").unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
