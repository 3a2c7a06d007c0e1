"""Check the knowledge base against the figures and names of the summit text.

Usage: python evaluation/summit_facts.py ../shared/seeds/summit-article.txt

Reads the text, finds the facts it states (trade total and year, the projects it names,
the six priority directions, the sister-city count) and compares each with what the
embedded knowledge base holds. Prints one line per fact; exits 1 if any disagrees.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from caravan import Observatory

SUMMIT_DAY = dt.date(2025, 6, 17)

#: Phrases of the text (with its misspellings) and the project each names.
NAMED_PROJECTS = {
    r"China-Kyrgyz\w*-Uzbekistan Railway": "prj-cku-railway",
    r"third China-Kazakhstan railway": "prj-cn-kz-third-railway",
    r"second phase of the China-Tajikistan Highway": "prj-cn-tj-highway-phase2",
    r"energy cooperation between China and (Turkey|Turkmenistan)": "prj-galkynysh-gas-field",
    r"Trade Unimpeded Cooperation Platform": "prj-ca-trade-platform",
}

DIRECTIONS = {
    "unimpeded trade": "unimpeded_trade",
    "industrial investment": "industrial_investment",
    "connectivity": "connectivity",
    "green minerals": "green_minerals",
    "agricultural modernization": "agricultural_modernisation",
    "personnel exchanges": "people_to_people",
}


def main(text_path: Path) -> int:
    """Compare every fact found in the text with the knowledge base; 0 when all agree."""
    text = text_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        checks = list(_checks(text, observatory))
        observatory.close()
    table = Table(title=f"summit text vs knowledge base ({text_path.name})", title_justify="left")
    for column in ("fact", "text says", "knowledge base", "agrees"):
        table.add_column(column, overflow="fold")
    for fact, said, held, agrees in checks:
        table.add_row(fact, said, held, "yes" if agrees else "[red]NO[/]")
    Console().print(table)
    failed = sum(1 for *_, agrees in checks if not agrees)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed or not checks else 0


def _checks(text: str, observatory: Observatory):  # type: ignore[no-untyped-def]
    match = re.search(
        r"In (\d{4}), the trade volume between China and the five Central Asian "
        r"countries reached ([\d.]+) billion US dollars",
        text,
    )
    if match:
        year, value = int(match[1]), float(match[2])
        years = observatory.trade(years=[year]).years
        held = years[0].total_usd / 1e9 if years else None
        yield (
            f"trade {year}, bn USD (China's customs)",
            f"{value}",
            "missing" if held is None else f"{held:.2f}",
            held is not None and abs(held - value) <= 0.1,
        )
    projects = {row.project.id: row for row in observatory.projects(as_of=SUMMIT_DAY)}
    for pattern, project_id in NAMED_PROJECTS.items():
        found = re.search(pattern, text)
        if not found:
            continue
        row = projects.get(project_id)
        status = row.status.value if row and row.status else "missing"
        yield (
            f"project named: {found[0]}",
            "named",
            f"{project_id}: {status} on {SUMMIT_DAY}",
            row is not None and row.status is not None,
        )
    for phrase, direction in DIRECTIONS.items():
        if phrase in text:
            count = sum(1 for row in projects.values() if direction in row.project.directions)
            yield (f"priority direction: {phrase}", "named", f"{count} projects", count > 0)
    match = re.search(r"number of sister cities exceeded (\d+) pairs", text)
    if match:
        counts = [c.count for c in observatory.sister_city_counts() if c.scope == "all"]
        held_count = max(counts) if counts else 0
        yield ("sister-city pairs", f"> {match[1]}", str(held_count), held_count >= int(match[1]))
    errata = " ".join(e.quote for e in observatory.kb.errata())
    for wrong in ("Kyrgyztou", "China and Turkey"):
        if wrong in text:
            yield (
                f"error in the text: {wrong!r}",
                "as printed",
                "recorded in errata",
                wrong in errata,
            )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
