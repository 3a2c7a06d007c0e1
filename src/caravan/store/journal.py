"""Edits made through the API after a build: recorded in a journal, replayed on rebuild.

The CSV files stay the reviewed source of truth; an analyst's new status event (with the
source it comes from) is written to the knowledge base in one transaction and to its
journal, so a rebuild from changed files keeps it. A journal entry that no longer fits
the files (its project was removed) is kept in the journal but not applied.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from caravan.errors import DataIssue, DataValidationError, UnknownRecordError
from caravan.model import Source, StatusEvent
from caravan.store.schema import table_named
from caravan.store.sqlite_schema import row_from_record

__all__ = ["STATUS_EVENT", "journal_entries", "record_status_event", "replay_journal"]

STATUS_EVENT = "status_event"
JOURNAL_FILE = "journal"


def record_status_event(path: Path, event: StatusEvent, new_source: Source | None = None) -> int:
    """Add a project status event (and its new source) in one transaction; returns the entry id."""
    payload = {
        "event": event.model_dump(mode="json"),
        "source": new_source.model_dump(mode="json") if new_source else None,
    }
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            cursor = connection.execute(
                "INSERT INTO journal (recorded_at, kind, payload) VALUES (?, ?, ?)",
                (
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    STATUS_EVENT,
                    json.dumps(payload, ensure_ascii=False),
                ),
            )
            entry = int(cursor.lastrowid or 0)
            _apply(connection, entry, payload)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()
    return entry


def journal_entries(path: Path) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(id, recorded_at, kind, payload) of every journal entry of a knowledge base."""
    if not path.exists():
        return []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT id, recorded_at, kind, payload FROM journal ORDER BY id"
            ).fetchall()
    except sqlite3.DatabaseError:
        return []
    return [(int(r[0]), str(r[1]), str(r[2]), json.loads(r[3])) for r in rows]


def replay_journal(
    connection: sqlite3.Connection, entries: list[tuple[int, str, str, dict[str, Any]]]
) -> int:
    """Copy entries into a knowledge base being built and apply those that still fit."""
    applied = 0
    for entry, recorded_at, kind, payload in entries:
        connection.execute(
            "INSERT INTO journal (id, recorded_at, kind, payload) VALUES (?, ?, ?, ?)",
            (entry, recorded_at, kind, json.dumps(payload, ensure_ascii=False)),
        )
        if kind != STATUS_EVENT:
            continue
        connection.execute("SAVEPOINT replay")
        try:
            _apply(connection, entry, payload)
        except (DataValidationError, UnknownRecordError, sqlite3.IntegrityError):
            connection.execute("ROLLBACK TO replay")
        else:
            applied += 1
        connection.execute("RELEASE replay")
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
    for source_id in event.source:
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
    _insert(connection, "project_events", event, entry)


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
