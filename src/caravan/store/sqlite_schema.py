"""SQLite layout generated from the table declarations, and row conversion both ways."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

from caravan.model import Record
from caravan.store.ownership import KNOWLEDGE_BASE_APPLICATION_ID
from caravan.store.schema import (
    SCHEMA_VERSION,
    TABLES,
    Table,
    field_is_list,
    field_python_type,
    sql_type,
)

__all__ = ["create_statements", "record_from_row", "row_from_record"]


def create_statements() -> list[str]:
    """CREATE statements for every table, the citation index and the meta table."""
    statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE journal (id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, "
        "kind TEXT NOT NULL, payload TEXT NOT NULL, "
        "outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'skipped')))",
        "CREATE TABLE citations (table_name TEXT NOT NULL, record_key TEXT NOT NULL, "
        "source_id TEXT NOT NULL)",
        "CREATE INDEX citations_by_source ON citations (source_id)",
        "CREATE INDEX citations_by_record ON citations (table_name, record_key)",
    ]
    for table in TABLES:
        statements.append(_create_table(table))
    statements.append(f"PRAGMA user_version = {SCHEMA_VERSION}")
    statements.append(f"PRAGMA application_id = {KNOWLEDGE_BASE_APPLICATION_ID}")
    return statements


def _create_table(table: Table) -> str:
    columns = ["_key TEXT PRIMARY KEY", "_file TEXT NOT NULL", "_row INTEGER NOT NULL"]
    for name, info in table.record.model_fields.items():
        python_type = field_python_type(table.record, name)
        column = (
            f'"{name}" {"TEXT" if field_is_list(table.record, name) else sql_type(python_type)}'
        )
        if info.is_required():
            column += " NOT NULL"
        if issubclass(python_type, Enum) and not field_is_list(table.record, name):
            allowed = ", ".join(f"'{member.value}'" for member in python_type)
            column += f' CHECK ("{name}" IS NULL OR "{name}" IN ({allowed}))'
        columns.append(column)
    return f'CREATE TABLE "{table.name}" ({", ".join(columns)})'


def row_from_record(table: Table, record: Record, file: str, row: int) -> dict[str, Any]:
    """Values to insert: lists as JSON arrays, enums as values, dates as ISO text."""
    values: dict[str, Any] = {"_key": table.key_of(record), "_file": file, "_row": row}
    for name in table.fields:
        value = getattr(record, name)
        if isinstance(value, tuple):
            value = json.dumps([_plain(v) for v in value], ensure_ascii=False)
        else:
            value = _plain(value)
        values[name] = value
    return values


def record_from_row(table: Table, row: dict[str, Any]) -> Record:
    """Rebuild a record from a SQLite row (the inverse of :func:`row_from_record`)."""
    values = {}
    for name in table.fields:
        value = row[name]
        if value is None:
            continue
        if field_is_list(table.record, name):
            value = tuple(json.loads(value))
        values[name] = value
    return table.record.model_validate(values)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
