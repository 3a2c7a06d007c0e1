"""The README's table of what the embedded data holds gives the rows each table has."""

from __future__ import annotations

import re
from pathlib import Path

from caravan.store import KnowledgeBase

README = Path(__file__).resolve().parents[1] / "README.md"
_ROW = re.compile(r"^\| ([a-z_, ]+) \| ([\d, ]+) \|", re.MULTILINE)


def _readme_counts() -> dict[str, int]:
    section = README.read_text(encoding="utf-8").split("## What it knows", 1)[1].split("\n## ")[0]
    counts: dict[str, int] = {}
    for names, numbers in _ROW.findall(section):
        tables = [n.strip() for n in names.split(",")]
        values = [int(v) for v in numbers.split(",")]
        assert len(tables) == len(values), f"README row {names!r} names {len(tables)} tables"
        counts.update(zip(tables, values, strict=True))
    return counts


def test_the_readme_gives_each_tables_rows_as_the_embedded_data_has_them(
    kb: KnowledgeBase,
) -> None:
    stated = _readme_counts()
    assert len(stated) >= 20  # the table was found and read
    held = kb.counts()
    wrong = {t: (n, held.get(t)) for t, n in stated.items() if held.get(t) != n}
    assert not wrong, f"README rows (stated, held): {wrong}"
