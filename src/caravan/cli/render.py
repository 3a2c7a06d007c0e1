"""Turning API results into rich tables and JSON for the terminal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

__all__ = ["console", "print_json", "print_table", "short_sources"]

console = Console()
error_console = Console(stderr=True)


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
    title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str | None = None
) -> None:
    """Print a rich table; None cells show as blank."""
    table = Table(title=title, caption=caption, header_style="bold", title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(table)


def short_sources(ids: Sequence[str]) -> str:
    """Source ids for a table cell."""
    return ", ".join(ids)


def usd_bn(value: float | None) -> str:
    """USD as billions with two decimals."""
    return "" if value is None else f"{value / 1e9:,.2f}"
