"""Reading the CSV data files into records, remembering where every row came from."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from caravan.errors import DataIssue
from caravan.model import Record
from caravan.store.schema import TABLES, Table, field_is_list

__all__ = ["LocatedRecord", "RawDataset", "files_of", "read_dataset"]

LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class LocatedRecord:
    """A record and the file and row (line number, header = 1) it was read from."""

    record: Record
    file: str
    row: int


@dataclass
class RawDataset:
    """Every record read from a data folder, plus the issues met while reading."""

    records: dict[str, list[LocatedRecord]]
    issues: list[DataIssue]
    files: list[Path]
    #: ids of rows that failed to parse, so references to them do not add follow-on errors
    unparsed_ids: dict[str, set[str]] = field(default_factory=dict)


def files_of(table: Table, data_dir: Path) -> list[Path]:
    """The files holding a table: `<name>.csv` and `<name>_<part>.csv`, sorted."""
    main = data_dir / f"{table.name}.csv"
    parts = sorted(data_dir.glob(f"{table.name}_*.csv"))
    other_tables = {t.name for t in TABLES if t.name != table.name}
    parts = [p for p in parts if p.stem not in other_tables]
    return ([main] if main.exists() else []) + parts


def read_dataset(data_dir: Path) -> RawDataset:
    """Read every table's files; rows that do not parse become issues, not exceptions."""
    dataset = RawDataset({}, [], [])
    for table in TABLES:
        table_files = files_of(table, data_dir)
        if not table_files:
            dataset.issues.append(DataIssue(f"{table.name}.csv", None, None, "file is missing"))
        dataset.records[table.name] = []
        dataset.unparsed_ids[table.name] = set()
        for path in table_files:
            dataset.files.append(path)
            dataset.records[table.name].extend(_read_file(table, path, dataset))
    return dataset


def _read_file(table: Table, path: Path, dataset: RawDataset) -> Iterator[LocatedRecord]:
    name = path.name
    issues = dataset.issues
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        issues.append(DataIssue(name, None, None, f"not UTF-8 text ({error.reason})"))
        return
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        issues.append(DataIssue(name, None, None, "file is empty (no header)"))
        return
    header = [h.strip() for h in header]
    known = set(table.fields)
    for column in header:
        if column not in known:
            issues.append(DataIssue(name, 1, column, f"unknown column; expected {table.fields}"))
    required = [f for f, info in table.record.model_fields.items() if info.is_required()]
    for column in required:
        if column not in header:
            issues.append(DataIssue(name, 1, column, "required column is missing"))
    for row_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            issues.append(
                DataIssue(
                    name,
                    row_number,
                    None,
                    f"has {len(cells)} fields where the header has {len(header)}",
                )
            )
            continue
        values = _cells_to_values(table, dict(zip(header, cells, strict=True)))
        try:
            record = table.record.model_validate(values)
        except ValidationError as error:
            for problem in error.errors():
                location = problem["loc"]
                field_name = str(location[0]) if location else None
                shown = values.get(field_name, "") if field_name else ""
                issues.append(DataIssue(name, row_number, field_name, _reason(problem, shown)))
            if isinstance(values.get("id"), str):
                dataset.unparsed_ids[table.name].add(values["id"])
            continue
        yield LocatedRecord(record, name, row_number)


def _cells_to_values(table: Table, cells: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, cell in cells.items():
        if column not in table.record.model_fields:
            continue
        text = cell.strip()
        if text == "":
            continue
        if field_is_list(table.record, column):
            values[column] = tuple(p.strip() for p in text.split(LIST_SEPARATOR) if p.strip())
        else:
            values[column] = text
    return values


def _reason(problem: Any, shown: Any) -> str:
    message = str(problem["msg"])
    if problem["type"] == "missing":
        return "is required but empty"
    if isinstance(shown, tuple):
        shown = LIST_SEPARATOR.join(shown)
    if problem["type"] == "extra_forbidden":
        return "unknown column"
    return f"{shown!r}: {message[0].lower() + message[1:]}"
