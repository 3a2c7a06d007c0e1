"""Reading the CSV data files into records, remembering where every row came from.

Broken or hostile files never raise: a file that is missing, a folder, a broken link or
unreadable, text that is not UTF-8, quoting the csv module refuses, a field over its size
limit or a control character in a field each becomes a :class:`DataIssue` naming file, row
and field, and reading goes on with the next row wherever the rest of the file can be told
apart.

Row numbers are the line a record starts on, the header's line being 1: what a text editor
shows, and a spreadsheet too as long as no cell holds a line break. Records end only at a
real CR or LF outside quotes; any other separator (U+2028, form feed …) stays in its field.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from caravan.errors import DataIssue
from caravan.model import Record
from caravan.store.schema import TABLES, Table, field_is_list

__all__ = ["TOPIC_TABLES", "LocatedRecord", "RawDataset", "files_of", "read_dataset"]

LIST_SEPARATOR = "|"

#: Tables kept only as topic files (`sources_trade.csv` …) without a `<name>.csv`; every
#: other table's `<name>.csv` must exist (docs/data-format.md).
TOPIC_TABLES = frozenset({"sources", "assumptions"})

#: C0 control characters a field may not hold: all but tab, and CR and LF (which only a
#: quoted field can hold, as a line break).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: Longest text quoted back in a reason; longer values are cut.
_SHOWN_CHARS = 60

#: Characters of each field kept when stepping over a record the csv module refused.
_KEPT_CHARS = 256


@dataclass(frozen=True)
class LocatedRecord:
    """A record and the file and row (line it starts on, header = 1) it was read from."""

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
    #: tables with a file missing or not read to its end: their ids are unknown, so
    #: references into them are not checked (the missing file is the one issue)
    unread_tables: set[str] = field(default_factory=set)


def files_of(table: Table, data_dir: Path) -> list[Path]:
    """The files holding a table: `<name>.csv` and `<name>_<part>.csv`, sorted."""
    main = data_dir / f"{table.name}.csv"
    parts = sorted(data_dir.glob(f"{table.name}_*.csv"))
    other_tables = {t.name for t in TABLES if t.name != table.name}
    parts = [p for p in parts if p.stem not in other_tables]
    return ([main] if main.exists() or main.is_symlink() else []) + parts


def read_dataset(data_dir: Path) -> RawDataset:
    """Read every table's files; problems become issues, not exceptions.

    Files that are missing or cannot be read are reported first, before any row.
    """
    dataset = RawDataset({}, [], [])
    for table in TABLES:
        dataset.records[table.name] = []
        dataset.unparsed_ids[table.name] = set()
    if not data_dir.is_dir():
        reason = "is not a folder" if data_dir.exists() else "data folder does not exist"
        dataset.issues.append(DataIssue(str(data_dir), None, None, reason))
        dataset.unread_tables.update(t.name for t in TABLES)
        return dataset
    texts: list[tuple[Table, Path, str]] = []
    for table in TABLES:
        try:
            table_files = files_of(table, data_dir)
        except OSError as error:
            reason = f"cannot be read: {error.strerror or error}"
            dataset.issues.append(DataIssue(str(data_dir), None, None, reason))
            dataset.unread_tables.update(t.name for t in TABLES)
            return dataset
        main = data_dir / f"{table.name}.csv"
        if main not in table_files and (table.name not in TOPIC_TABLES or not table_files):
            dataset.issues.append(DataIssue(main.name, None, None, "file is missing"))
            dataset.unread_tables.add(table.name)
        for path in table_files:
            dataset.files.append(path)
            text = _read_text(path)
            if isinstance(text, DataIssue):
                dataset.issues.append(text)
                dataset.unread_tables.add(table.name)
            else:
                texts.append((table, path, text))
    for table, path, text in texts:
        dataset.records[table.name].extend(_read_rows(table, path.name, text, dataset))
    return dataset


def _read_text(path: Path) -> str | DataIssue:
    """A file's text without a leading byte-order mark, or the issue that stops reading it."""
    name = path.name
    try:
        if path.is_symlink() and not path.exists():
            return DataIssue(name, None, None, "is a broken link")
        if path.is_dir():
            return DataIssue(name, None, None, "is a folder, not a file")
        if not path.exists():
            return DataIssue(name, None, None, "file is missing")
        if not path.is_file():
            return DataIssue(name, None, None, "is not a regular file")
        data = path.read_bytes()
    except OSError as error:
        return DataIssue(name, None, None, f"cannot be read: {error.strerror or error}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DataIssue(name, None, None, "is UTF-16 text; save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1  # the line of the bad byte
        return DataIssue(name, line, None, f"not UTF-8 text ({error.reason})")


class _Lines:
    """A text's lines (split only at CR, LF and CRLF, endings kept) fed one at a time to
    :func:`csv.reader`; ``next_index`` is where the next record starts, so a record the
    reader refused can be stepped over."""

    def __init__(self, text: str) -> None:
        self.lines = io.StringIO(text, newline="").readlines()
        self.next_index = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next_index >= len(self.lines):
            raise StopIteration
        self.next_index += 1
        return self.lines[self.next_index - 1]


@dataclass
class _Scan:
    """A record read by hand after the csv module refused it."""

    #: index of the line after the record; None when a quoted field never closes
    end: int | None = None
    #: each field's first characters
    starts: list[str] = field(default_factory=lambda: [""])
    #: each field's full length
    lengths: list[int] = field(default_factory=lambda: [0])

    def add(self, chunk: str) -> None:
        self.lengths[-1] += len(chunk)
        room = _KEPT_CHARS - len(self.starts[-1])
        if room > 0:
            self.starts[-1] += chunk[:room]

    def next_field(self) -> None:
        self.starts.append("")
        self.lengths.append(0)


def _scan_record(lines: list[str], start: int) -> _Scan:
    """Find where the record at ``lines[start]`` ends and how long its fields are, following
    the csv module's default dialect, so reading can resume after a record it refused."""
    scan = _Scan()
    quoted = False
    at_field_start = True
    for index in range(start, len(lines)):
        line = lines[index]
        content_end = len(line.rstrip("\r\n"))
        position = 0
        while position < len(line):
            if quoted:
                close = line.find('"', position)
                if close == -1:
                    scan.add(line[position:])
                    break
                scan.add(line[position:close])
                if line.startswith('"', close + 1):  # a doubled quote stands for one quote
                    scan.add('"')
                    position = close + 2
                else:
                    quoted = False
                    position = close + 1
            elif position >= content_end:
                break
            elif line[position] == ",":
                scan.next_field()
                at_field_start = True
                position += 1
            elif line[position] == '"' and at_field_start:
                quoted = True
                at_field_start = False
                position += 1
            else:
                stop = line.find(",", position, content_end)
                stop = content_end if stop == -1 else stop
                scan.add(line[position:stop])
                at_field_start = False
                position = stop
        if not quoted:
            scan.end = index + 1
            return scan
    return scan


def _read_rows(table: Table, name: str, text: str, dataset: RawDataset) -> Iterator[LocatedRecord]:
    """Parse one file's text into records; every problem becomes an issue."""
    issues = dataset.issues
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    header: list[str] | None = None
    while True:
        row = lines.next_index + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            scan = _scan_record(lines.lines, row - 1)
            columns = header or []
            issues.append(_csv_issue(name, row, columns, scan, error))
            if header is None or scan.end is None:
                dataset.unread_tables.add(table.name)
                return
            _remember_unparsed(dataset, table, columns, scan.starts, scan.lengths)
            lines.next_index = max(lines.next_index, scan.end)
            continue
        if header is None:
            if not any(cell.strip() for cell in cells):
                continue
            header = [h.strip() for h in cells]
            if not _header_is_usable(table, name, header, row, issues):
                dataset.unread_tables.add(table.name)
                return
            continue
        if not any(cell.strip() for cell in cells) and not any(map(_CONTROL.search, cells)):
            continue
        located = _record(table, name, row, header, cells, dataset)
        if located is not None:
            yield located
    if header is None:
        issues.append(DataIssue(name, None, None, "file is empty (no header)"))
        dataset.unread_tables.add(table.name)


def _header_is_usable(
    table: Table, name: str, header: list[str], row: int, issues: list[DataIssue]
) -> bool:
    """Report what is wrong with a header; False when rows cannot be read with it."""
    usable = True
    known = set(table.fields)
    seen: dict[str, int] = {}
    for position, column in enumerate(header, start=1):
        control = _CONTROL.search(column)
        if control:
            issues.append(
                DataIssue(name, row, None, f"column {position} name {_control(control[0])}")
            )
            usable = False
        elif column == "":
            issues.append(DataIssue(name, row, None, f"column {position} has no name"))
        elif column in seen:
            issues.append(
                DataIssue(
                    name,
                    row,
                    column,
                    f"column appears twice (columns {seen[column]} and {position})",
                )
            )
            usable = False
        elif column not in known:
            issues.append(
                DataIssue(name, row, _shorten(column), f"unknown column; expected {table.fields}")
            )
        seen.setdefault(column, position)
    required = [f for f, info in table.record.model_fields.items() if info.is_required()]
    for column in required:
        if column not in header:
            issues.append(DataIssue(name, row, column, "required column is missing"))
            usable = False
    if not usable:
        issues.append(DataIssue(name, None, None, "rows not read until the header is fixed"))
    return usable


def _record(
    table: Table, name: str, row: int, header: list[str], cells: list[str], dataset: RawDataset
) -> LocatedRecord | None:
    """One row as a record, or None after reporting why it cannot be one."""
    issues = dataset.issues
    controls = [
        DataIssue(name, row, header[i] if i < len(header) else None, _control(found[0]))
        for i, cell in enumerate(cells)
        if (found := _CONTROL.search(cell))
    ]
    if controls or len(cells) != len(header):
        issues.extend(controls)
        if len(cells) != len(header):
            reason = f"has {len(cells)} fields where the header has {len(header)}"
            issues.append(DataIssue(name, row, None, reason))
        _remember_unparsed(dataset, table, header, cells, [len(c) for c in cells])
        return None
    values = _cells_to_values(table, dict(zip(header, cells, strict=True)))
    try:
        record = table.record.model_validate(values)
    except ValidationError as error:
        for problem in error.errors():
            location = problem["loc"]
            field_name = str(location[0]) if location else None
            shown = values.get(field_name, "") if field_name else ""
            issues.append(DataIssue(name, row, field_name, _reason(problem, shown)))
        _remember_unparsed(dataset, table, header, cells, [len(c) for c in cells])
        return None
    return LocatedRecord(record, name, row)


def _remember_unparsed(
    dataset: RawDataset, table: Table, header: list[str], cells: list[str], lengths: list[int]
) -> None:
    """Note the id of a row that was not loaded, so references to it add no more errors."""
    if "id" not in header:
        return
    position = header.index("id")
    if position < len(cells) and lengths[position] <= _KEPT_CHARS:
        record_id = cells[position].strip()
        # An id spoilt by a control character most likely meant the id without it.
        for candidate in (record_id, _CONTROL.sub("", record_id).strip()):
            if candidate:
                dataset.unparsed_ids[table.name].add(candidate)


def _csv_issue(name: str, row: int, header: list[str], scan: _Scan, error: csv.Error) -> DataIssue:
    """The issue for a record the csv module refused, naming its field where known."""

    def column(position: int) -> str | None:
        return header[position] if position < len(header) else None

    what = "header" if not header else "row"
    if scan.end is None:
        reason = "a quoted field is never closed, so the rest of the file is not read"
        return DataIssue(name, row, column(len(scan.lengths) - 1), reason)
    limit = csv.field_size_limit()
    for position, length in enumerate(scan.lengths):
        if length > limit:
            reason = f"field is longer than {limit} characters ({length})"
            if not header:
                reason += "; the file is not read"
            return DataIssue(name, row, column(position), reason)
    message = str(error)
    if "expected after" in message:
        reason = "text follows a closing quote; a quote inside a quoted field must be doubled"
    else:
        reason = f"{what} is not valid CSV ({message})"
    if not header:
        reason += "; the file is not read"
    return DataIssue(name, row, None, reason)


def _control(char: str) -> str:
    """How a forbidden control character is named in a reason."""
    code = f"U+{ord(char):04X}"
    return (
        f"contains a NUL character ({code})"
        if char == "\x00"
        else f"contains a control character ({code})"
    )


def _shorten(text: str) -> str:
    """Text short enough to quote back: cut, with its full length, when long."""
    if len(text) <= _SHOWN_CHARS:
        return text
    return f"{text[:_SHOWN_CHARS]}… ({len(text)} characters)"


def _quoted(value: object) -> str:
    """A value quoted back in a reason, cut (with its full length) when long."""
    if isinstance(value, str) and len(value) > _SHOWN_CHARS:
        return f"{value[:_SHOWN_CHARS]!r}… ({len(value)} characters)"
    return repr(value)


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
    return f"{_quoted(shown)}: {message[0].lower() + message[1:]}"
