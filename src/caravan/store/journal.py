"""The journal of edits: the system of record for changes made after a build.

The data files are the reviewed source of truth; an analyst's new status event (with the
source it comes from) is an *edit*. Edits live in their own SQLite file beside the
knowledge base (``knowledge-base.edits.sqlite``), in WAL mode with full sync, so an edit
is acknowledged only once its commit is on disk. The knowledge base is derived from the
files and the journal and may be rebuilt or replaced at any time; the journal never is.

Applying an edit to the knowledge base and appending it to the journal happen while the
writer holds the knowledge base's write lock, so edits reach both in the same order. If
a process dies between the two, the knowledge base lacks an edit the journal has: every
writer, every build and every reopening applies such pending edits first. An edit that
no longer fits the files (its project was removed) stays in the journal, is recorded in
the knowledge base as skipped, and is not applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caravan.errors import (
    DataIssue,
    DataValidationError,
    KnowledgeBaseBusyError,
    KnowledgeBaseError,
    UnknownRecordError,
)
from caravan.model import Source, StatusEvent
from caravan.store._durability import fsync_directory, fsync_file
from caravan.store.ownership import (
    JOURNAL_APPLICATION_ID,
    FileKind,
    reading_own_database,
    require_own_file,
)
from caravan.store.schema import table_named
from caravan.store.sqlite_schema import row_from_record

__all__ = [
    "BUSY_TIMEOUT_S",
    "CITATION_ADDED",
    "RECORD_ADDED",
    "STATUS_EVENT",
    "EditJournal",
    "JournalEntry",
    "ReplayOutcome",
    "apply_pending_edits",
    "apply_pending_in",
    "journal_path_for",
    "pending_edit_ids",
    "record_edit",
    "record_status_event",
    "replay_journal",
    "writable_connection",
]

STATUS_EVENT = "status_event"
#: A new row of a dated table (observations, trade, agreements, …) with its new sources.
RECORD_ADDED = "record_added"
#: A further source for a row already held (a corroboration).
CITATION_ADDED = "citation_added"
#: Tables a journalled ``record_added`` may add to: rows that carry their own date or key.
RECORD_TABLES = frozenset(
    {"project_events", "observations", "trade", "agreements", "sister_city_counts"}
)
JOURNAL_FILE = "journal"
#: How long a writer waits for another writer's lock before giving up (seconds).
BUSY_TIMEOUT_S = 30.0

_APPLIED = "applied"
_SKIPPED = "skipped"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "recorded_at TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL)"
)
_process_locks: dict[Path, threading.Lock] = {}
_process_locks_guard = threading.Lock()


@dataclass(frozen=True)
class JournalEntry:
    """One durable edit: its number, when it was recorded, its kind and its content."""

    id: int
    recorded_at: str
    kind: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ReplayOutcome:
    """How many journal entries a replay applied, and which ones no longer fit."""

    applied: int
    skipped: tuple[int, ...]


def journal_path_for(knowledge_base: Path) -> Path:
    """Where the journal of a knowledge base lives: ``<stem>.edits<suffix>`` beside it."""
    suffix = knowledge_base.suffix or ".sqlite"
    return knowledge_base.with_name(f"{knowledge_base.stem}.edits{suffix}")


class EditJournal:
    """The append-only journal file of one knowledge base."""

    def __init__(self, path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.busy_timeout_s = busy_timeout_s

    def ids(self) -> set[int]:
        """Numbers of every entry; an absent journal has none, an unreadable one raises."""
        with self._reading() as connection:
            if connection is None:
                return set()
            return {int(row[0]) for row in connection.execute("SELECT id FROM entries")}

    def entries(self, only: set[int] | None = None, after: int = 0) -> list[JournalEntry]:
        """Every entry in order (or those numbered in ``only``, or after ``after``)."""
        with self._reading() as connection:
            if connection is None:
                return []
            rows = connection.execute(
                "SELECT id, recorded_at, kind, payload FROM entries WHERE id > ? ORDER BY id",
                (after,),
            ).fetchall()
        entries = []
        for entry_id, recorded_at, kind, payload in rows:
            if only is not None and int(entry_id) not in only:
                continue
            try:
                content = json.loads(payload)
            except json.JSONDecodeError as error:
                raise KnowledgeBaseError(
                    f"{self.path}: journal entry {entry_id} is not valid JSON ({error})"
                ) from error
            entries.append(JournalEntry(int(entry_id), str(recorded_at), str(kind), content))
        return entries

    def append(
        self, kind: str, payload: dict[str, Any], recorded_at: str | None = None
    ) -> JournalEntry:
        """Add an entry and return once its commit is on disk (WAL, synchronous = FULL)."""
        self._create_if_absent()
        recorded_at = recorded_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        with self._connection() as connection:
            try:
                connection.execute("BEGIN IMMEDIATE")
                cursor = connection.execute(
                    "INSERT INTO entries (recorded_at, kind, payload) VALUES (?, ?, ?)",
                    (recorded_at, kind, text),
                )
                connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                _rollback_quietly(connection)
                raise _write_error(self.path, error) from error
        return JournalEntry(int(cursor.lastrowid or 0), recorded_at, kind, payload)

    # -- plumbing ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        with reading_own_database(
            self.path, FileKind.JOURNAL, self._connection, "the journal of edits"
        ) as connection:
            yield connection

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        # Read-write even for reading, so that SQLite can recover after a crashed writer.
        connection = sqlite3.connect(
            f"file:{self.path}?mode=rw",
            uri=True,
            timeout=self.busy_timeout_s,
            isolation_level=None,
        )
        try:
            connection.execute("PRAGMA synchronous = FULL")
            yield connection
        finally:
            connection.close()

    def _create_if_absent(self) -> None:
        """Create the journal whole (schema, id, WAL) under a temporary name, then link it."""
        if require_own_file(self.path, FileKind.JOURNAL) is not FileKind.ABSENT:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.creating-{os.getpid()}")
        temporary.unlink(missing_ok=True)
        try:
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                connection.execute(_SCHEMA)
                connection.execute(f"PRAGMA application_id = {JOURNAL_APPLICATION_ID}")
                connection.execute("PRAGMA journal_mode = WAL")
            finally:
                connection.close()
            fsync_file(temporary)
            with contextlib.suppress(FileExistsError):  # another process created it first
                os.link(temporary, self.path)
            fsync_directory(self.path.parent)
        finally:
            temporary.unlink(missing_ok=True)
        require_own_file(self.path, FileKind.JOURNAL)


# -- writing to a knowledge base ---------------------------------------------------------
@contextlib.contextmanager
def writable_connection(
    knowledge_base: Path,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
    attach: dict[str, Path] | None = None,
) -> Iterator[sqlite3.Connection]:
    """The knowledge base under its write lock, inside a transaction committed on success.

    The lock is taken on the file now at ``knowledge_base``: if the name was pointed at
    another file while we waited, the lock is taken again on that one. ``attach`` names
    other databases to attach (read) before the transaction starts.
    """
    require_own_file(knowledge_base, FileKind.KNOWLEDGE_BASE, FileKind.LEGACY_KNOWLEDGE_BASE)
    with _process_lock(knowledge_base):
        for _ in range(10):
            before = _identity(knowledge_base)
            connection = sqlite3.connect(
                f"file:{knowledge_base}?mode=rw",
                uri=True,
                timeout=busy_timeout_s,
                isolation_level=None,
            )
            try:
                connection.execute("PRAGMA synchronous = FULL")
                for schema, path in (attach or {}).items():
                    connection.execute(f"ATTACH DATABASE ? AS {schema}", (str(path),))
                try:
                    connection.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as error:
                    raise _write_error(knowledge_base, error) from error
                if _identity(knowledge_base) != before:
                    connection.execute("ROLLBACK")
                    continue
                try:
                    yield connection
                    try:
                        connection.execute("COMMIT")
                    except sqlite3.OperationalError as error:
                        raise _write_error(knowledge_base, error) from error
                except BaseException:
                    _rollback_quietly(connection)
                    raise
                return
            finally:
                connection.close()
        raise KnowledgeBaseBusyError(
            f"{knowledge_base} was replaced repeatedly while waiting to write; try again"
        )


def record_status_event(
    knowledge_base: Path,
    event: StatusEvent,
    new_source: Source | None = None,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> JournalEntry:
    """Add a project status event (and its new source); returns once the edit is durable.

    The edit is checked against the knowledge base first (nothing is journalled if it
    does not fit), then appended to the journal, then applied, under one write lock.
    """
    payload = {
        "event": event.model_dump(mode="json"),
        "source": new_source.model_dump(mode="json") if new_source else None,
    }
    return record_edit(knowledge_base, STATUS_EVENT, payload, busy_timeout_s)


def record_edit(
    knowledge_base: Path,
    kind: str,
    payload: dict[str, Any],
    busy_timeout_s: float = BUSY_TIMEOUT_S,
    on_durable: Callable[[JournalEntry], None] | None = None,
) -> JournalEntry:
    """Journal one edit of ``kind`` and apply it, under one write lock; returns once durable.

    The edit is tried on the knowledge base first (nothing is journalled if it does not
    fit). ``on_durable`` runs once the entry is on disk, still under the lock, so that a
    caller's own bookkeeping (a proposal's state) follows the journal in the same order.
    """
    journal = EditJournal(journal_path_for(knowledge_base), busy_timeout_s)
    with writable_connection(knowledge_base, busy_timeout_s) as connection:
        apply_pending_in(connection, journal)
        connection.execute("SAVEPOINT trial")
        try:
            _APPLIERS[kind](connection, 0, payload)
        finally:
            connection.execute("ROLLBACK TO trial")
            connection.execute("RELEASE trial")
        entry = journal.append(kind, payload)
        if on_durable is not None:
            on_durable(entry)
        _replay_one(connection, entry)
    return entry


def pending_edit_ids(knowledge_base: sqlite3.Connection, journal: EditJournal) -> set[int]:
    """Journal entries the knowledge base has neither applied nor skipped."""
    known = {int(row[0]) for row in knowledge_base.execute("SELECT id FROM journal")}
    return journal.ids() - known


def apply_pending_edits(knowledge_base: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> int:
    """Bring a knowledge base up to date with its journal; returns how many entries were new."""
    journal = EditJournal(journal_path_for(knowledge_base), busy_timeout_s)
    with writable_connection(knowledge_base, busy_timeout_s) as connection:
        return apply_pending_in(connection, journal)


def replay_journal(connection: sqlite3.Connection, entries: list[JournalEntry]) -> ReplayOutcome:
    """Apply entries to a knowledge base being built; those that no longer fit are skipped."""
    skipped = [entry.id for entry in entries if not _replay_one(connection, entry)]
    return ReplayOutcome(len(entries) - len(skipped), tuple(skipped))


def apply_pending_in(connection: sqlite3.Connection, journal: EditJournal) -> int:
    """Apply, inside the caller's write transaction, the entries the knowledge base lacks."""
    pending = pending_edit_ids(connection, journal)
    if pending:
        replay_journal(connection, journal.entries(only=pending))
    return len(pending)


def _replay_one(connection: sqlite3.Connection, entry: JournalEntry) -> bool:
    """Apply one entry and record its outcome in the knowledge base's copy of the journal."""
    applied = False
    apply = _APPLIERS.get(entry.kind)
    if apply is not None:
        connection.execute("SAVEPOINT replay")
        try:
            apply(connection, entry.id, entry.payload)
        except (
            DataValidationError,
            UnknownRecordError,
            sqlite3.IntegrityError,
            ValueError,
            KeyError,
        ):
            connection.execute("ROLLBACK TO replay")
        else:
            applied = True
        connection.execute("RELEASE replay")
    connection.execute(
        "INSERT INTO journal (id, recorded_at, kind, payload, outcome) VALUES (?, ?, ?, ?, ?)",
        (
            entry.id,
            entry.recorded_at,
            entry.kind,
            json.dumps(entry.payload, ensure_ascii=False, sort_keys=True),
            _APPLIED if applied else _SKIPPED,
        ),
    )
    return applied


def _apply(connection: sqlite3.Connection, entry: int, payload: dict[str, Any]) -> None:
    event = StatusEvent.model_validate(payload["event"])
    source = Source.model_validate(payload["source"]) if payload.get("source") else None
    if (
        connection.execute("SELECT 1 FROM projects WHERE id = ?", (event.project_id,)).fetchone()
        is None
    ):
        raise UnknownRecordError("project", event.project_id)
    if source is not None:
        _insert(connection, "sources", source, entry)
    _require_sources(connection, entry, event.source)
    _insert(connection, "project_events", event, entry)


def _require_sources(connection: sqlite3.Connection, entry: int, source_ids: Iterable[str]) -> None:
    """Refuse an edit citing a source or assumption the knowledge base does not declare."""
    for source_id in source_ids:
        table = "sources" if source_id.startswith("src-") else "assumptions"
        if (
            connection.execute(f"SELECT 1 FROM {table} WHERE id = ?", (source_id,)).fetchone()
            is None
        ):
            raise DataValidationError(
                [
                    DataIssue(
                        JOURNAL_FILE, entry, "source", f"{source_id!r} is not a declared source"
                    )
                ]
            )


def _apply_record(connection: sqlite3.Connection, entry: int, payload: dict[str, Any]) -> None:
    """Add one row (``payload["table"]``, ``payload["record"]``) with its new sources."""
    table_name = str(payload["table"])
    if table_name not in RECORD_TABLES:
        raise ValueError(f"a journalled record cannot be added to {table_name!r}")
    table = table_named(table_name)
    record = table.record.model_validate(payload["record"])
    for source in payload.get("sources") or ():
        _insert(connection, "sources", Source.model_validate(source), entry)
    _require_sources(connection, entry, getattr(record, "source", ()))
    _require_references(connection, entry, table_name, record)
    _insert(connection, table_name, record, entry)


def _apply_citation(connection: sqlite3.Connection, entry: int, payload: dict[str, Any]) -> None:
    """Cite one more source for held rows (``payload["table"]``, ``payload["keys"]``)."""
    table = table_named(str(payload["table"]))
    keys = [str(key) for key in payload.get("keys") or [payload["key"]]]
    if "source" not in table.fields:
        raise ValueError(f"rows of {table.name!r} cite no sources")
    source = Source.model_validate(payload["source"])
    _insert(connection, "sources", source, entry)
    for key in keys:
        row = connection.execute(
            f'SELECT source FROM "{table.name}" WHERE _key = ?', (key,)
        ).fetchone()
        if row is None:
            raise UnknownRecordError(table.name, key)
        cited = list(json.loads(row[0]))
        if source.id in cited:
            continue
        connection.execute(
            f'UPDATE "{table.name}" SET source = ? WHERE _key = ?',
            (json.dumps([*cited, source.id], ensure_ascii=False), key),
        )
        connection.execute("INSERT INTO citations VALUES (?, ?, ?)", (table.name, key, source.id))


def _require_references(
    connection: sqlite3.Connection, entry: int, table_name: str, record: Any
) -> None:
    """Refuse a row whose references (places, countries, crossings …) name nothing held."""
    for field_name, targets in table_named(table_name).refs.items():
        value = getattr(record, field_name)
        for reference in value if isinstance(value, tuple) else (value,):
            if reference is None:
                continue
            if not any(
                connection.execute(
                    f'SELECT 1 FROM "{target}" WHERE _key = ?', (reference,)
                ).fetchone()
                for target in targets
            ):
                raise DataValidationError(
                    [
                        DataIssue(
                            JOURNAL_FILE,
                            entry,
                            field_name,
                            f"{reference!r} is not in {' or '.join(targets)}",
                        )
                    ]
                )


_APPLIERS: dict[str, Callable[[sqlite3.Connection, int, dict[str, Any]], None]] = {
    STATUS_EVENT: _apply,
    RECORD_ADDED: _apply_record,
    CITATION_ADDED: _apply_citation,
}


def _insert(connection: sqlite3.Connection, table_name: str, record: Any, entry: int) -> None:
    table = table_named(table_name)
    row = row_from_record(table, record, JOURNAL_FILE, entry)
    exists = connection.execute(
        f'SELECT 1 FROM "{table.name}" WHERE _key = ?', (row["_key"],)
    ).fetchone()
    if exists:
        if table_name == "sources":
            return
        raise DataValidationError(
            [
                DataIssue(
                    JOURNAL_FILE, entry, table.key[0], f"{table.name} already has {row['_key']!r}"
                )
            ]
        )
    columns = list(row)
    connection.execute(
        f'INSERT INTO "{table.name}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )
    if "source" in table.fields:
        connection.executemany(
            "INSERT INTO citations VALUES (?, ?, ?)",
            [(table.name, row["_key"], s) for s in record.source],
        )


# -- small helpers ------------------------------------------------------------------------
def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


@contextlib.contextmanager
def _process_lock(path: Path) -> Iterator[None]:
    """Writers of one process take turns before SQLite's lock (no busy-wait between threads)."""
    key = path.resolve()
    with _process_locks_guard:
        lock = _process_locks.setdefault(key, threading.Lock())
    with lock:
        yield


def _write_error(path: Path, error: sqlite3.OperationalError) -> KnowledgeBaseError:
    if "locked" in str(error) or "busy" in str(error):
        return KnowledgeBaseBusyError(
            f"{path} is busy with another writer; nothing was written, try again"
        )
    return KnowledgeBaseError(f"cannot write {path}: {error}")


def _rollback_quietly(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        connection.execute("ROLLBACK")
