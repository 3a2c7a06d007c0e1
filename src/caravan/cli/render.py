"""Turning API results into rich tables and JSON for the terminal."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

__all__ = [
    "console",
    "error_console",
    "one_line",
    "print_error",
    "print_json",
    "print_table",
    "short_sources",
    "stage_bar",
    "usd_bn",
]

#: Terminals narrower than this print a table whose words do not fit even without side
#: borders as records; wider ones fold the longest words instead (a long list stays a table).
RECORDS_BELOW = 100
#: Longest error line printed; longer messages keep their start and end.
ERROR_LINE_LIMIT = 1000

console = Console()
error_console = Console(stderr=True)


@contextmanager
def stage_bar(
    verb: str, counts: str = "{task.completed}/{task.total}"
) -> Iterator[Callable[[str, int, int | None], None]]:
    """A progress bar on stderr (terminals only) fed by ``update(stage, done, total)``."""
    with Progress(
        TextColumn(f"[bold]{verb}[/] {{task.description}}"),
        BarColumn(),
        TextColumn(counts),
        TimeElapsedColumn(),
        console=error_console,
        transient=True,
        disable=not error_console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def update(stage: str, done: int, total: int | None) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update


def print_json(value: Any) -> None:
    """Print API results as JSON (lists of records, a record, or plain data)."""
    console.print_json(json.dumps(_plain(value), ensure_ascii=False), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def print_table(
    title: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    caption: str | None = None,
    whole: Collection[str] = (),
    compact: bool = False,
    shares: Mapping[str, int] | None = None,
) -> None:
    """Print a rich table; None cells show as blank; text is shown as is (never markup).
    Columns named in ``whole`` (ids, short codes) are never wrapped: the long ones give way;
    a ``compact`` table has no side borders, for many columns in a narrow terminal (a table
    whose words do not fit the terminal in boxes is printed compact too, and one whose words
    do not fit even so is printed as records, a field to a line, in a terminal narrower than
    ``RECORDS_BELOW`` columns); with ``shares`` it fills the
    terminal's width, the wrapped columns taking those shares of it. A column blank in every
    row is left out."""
    plain = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
    kept = [i for i in range(len(columns)) if not plain or any(row[i] for row in plain)]
    if len(kept) < len(columns):
        columns = [columns[i] for i in kept]
        plain = [tuple(row[i] for i in kept) for row in plain]
    least = _least_width(columns, plain, whole)
    if not compact:
        compact = least > console.width
    if (
        shares is None
        and len(columns) > 1
        and console.width < RECORDS_BELOW
        and least - len(columns) - 1 > console.width
    ):
        _print_records(title, columns, plain, caption)
        return
    cells = [tuple(escape(cell) for cell in row) for row in plain]
    console.print(_table(title, columns, cells, caption, whole, compact, shares))


def _print_records(
    title: str, columns: Sequence[str], cells: Sequence[Sequence[str]], caption: str | None
) -> None:
    """A table too wide for the terminal, as records: each row headed by its first cell (after
    its column's name, but for an id), then its other fields, one to a line under their
    column's name (blank ones left out)."""
    names = [" ".join(column.split()) for column in columns]  # "hours\nlow–high" on one line
    console.print(Text(title, style="bold"))
    for row in cells:
        console.print()
        heading = row[0] or "–"
        console.print(Text(heading if names[0] == "id" else f"{names[0]} {heading}", style="bold"))
        fields = Table.grid(padding=(0, 2), pad_edge=False)
        fields.add_column(style="dim", no_wrap=True)
        fields.add_column(overflow="fold")
        for column, cell in zip(names[1:], row[1:], strict=True):
            if cell:
                fields.add_row(Text(f"  {column}"), Text(cell))
        console.print(fields)
    if caption:
        console.print()
        console.print(Text(caption, style="dim"))


def _least_width(
    columns: Sequence[str], cells: Sequence[Sequence[str]], whole: Collection[str] = ()
) -> int:
    """The width a boxed table needs to show its longest words whole: each column as wide as
    its longest word (a column kept ``whole`` as its longest cell), plus a space each side and
    a rule between columns. Without ``whole`` columns this is rich's own minimum, counted from
    the text in one pass rather than by measuring every cell's rendering; a URL or Chinese
    text, which is folded anyway, counts as a short word."""
    widest = [max((_word_width(w) for w in column.split()), default=0) for column in columns]
    kept = [column in whole for column in columns]
    for row in cells:
        for index, cell in enumerate(row):
            need = (
                cell_len(cell)
                if kept[index]
                else max((_word_width(w) for w in cell.split()), default=0)
            )
            widest[index] = max(widest[index], need)
    return sum(widest) + 3 * len(columns) + 1


#: The width a URL or a run of Chinese characters is counted at: either is folded anywhere.
_FOLDED_WIDTH = 12


def _word_width(word: str) -> int:
    """A word's width for the choice of layout: a URL or wide (CJK) text counts as short."""
    width = cell_len(word)
    return min(width, _FOLDED_WIDTH) if "://" in word or width > len(word) else width


def _table(
    title: str,
    columns: Sequence[str],
    cells: Sequence[Sequence[str]],
    caption: str | None,
    whole: Collection[str],
    compact: bool,
    shares: Mapping[str, int] | None,
) -> Table:
    table = Table(
        title=escape(title),
        caption=escape(caption) if caption is not None else None,
        header_style="bold",
        title_justify="left",
        caption_justify="left",
        expand=shares is not None,
        box=box.SIMPLE_HEAD if compact else box.HEAVY_HEAD,
        pad_edge=not compact,
        collapse_padding=compact,
    )
    for column in columns:
        table.add_column(
            escape(column),
            overflow="fold",
            no_wrap=column in whole,
            ratio=(shares or {}).get(column),
        )
    for row in cells:
        table.add_row(*row)
    return table


def one_line(text: str, limit: int = ERROR_LINE_LIMIT) -> str:
    """``text`` on one line: control characters escaped, the middle of long text elided."""
    flat = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if len(flat) <= limit:
        return flat
    head = limit * 2 // 3
    return f"{flat[:head]} … {flat[len(flat) - (limit - head) :]}"


def print_error(message: str) -> None:
    """Print ``error: <message>`` on one line of standard error (message never markup)."""
    error_console.print(
        Text.assemble(("error:", "red"), " ", one_line(message)), soft_wrap=True, highlight=False
    )


def short_sources(ids: Sequence[str]) -> str:
    """Source ids for a table cell."""
    return ", ".join(ids)


def usd_bn(value: float | None) -> str:
    """USD as billions with two decimals."""
    return "" if value is None else f"{value / 1e9:,.2f}"
