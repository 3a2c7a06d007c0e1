"""Benchmark the knowledge base: build time, name resolution and as-of queries, side by side.

Usage: python benchmarks/knowledge_base.py [--data-dir DIR] [--repeat N]

Compares, in one run on the same data:
- fuzzy place suggestions: caravan's rapidfuzz index vs the standard library's difflib;
- exact name look-up: caravan's normalised dictionary vs a linear scan of every name;
- "status of every project as of a date": caravan's query vs one SQL window query.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from caravan.store import (
    KnowledgeBase,
    build_knowledge_base,
    default_data_dir,
    normalise_name,
    validate_data,
)

QUERIES_EXACT = ["Almaty", "Алматы", "西安", "Xian", "Toshkent", "Khorgos", "kz-dostyk", "Urumqi"]
QUERIES_FUZZY = [
    "Tashkennt",
    "Almatty",
    "Khorgoss",
    "Dushambe",
    "Bishkec",
    "Samarkant",
    "Urumchi",
    "Kashgr",
]


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    rows: list[tuple[str, str, float, str, float]] = []

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kb.sqlite"
        validation = timed(lambda: validate_data(args.data_dir), 3)
        build = timed(lambda: build_knowledge_base(path, args.data_dir), 3)
        kb = KnowledgeBase(path)
        places = kb.places()
        index = kb.place_index

        keys = {
            normalise_name(label): p.id
            for p in places
            for label in (p.id, p.name_en, p.name_ru, p.name_zh, p.name_local, *p.aliases)
            if label
        }
        key_list = list(keys)

        def exact_caravan() -> None:
            for query in QUERIES_EXACT:
                index.resolve(query)

        def exact_scan() -> None:
            for query in QUERIES_EXACT:
                wanted = normalise_name(query)
                next(
                    p
                    for p in places
                    if wanted
                    in {
                        normalise_name(x)
                        for x in (p.id, p.name_en, p.name_ru, p.name_zh, p.name_local, *p.aliases)
                        if x
                    }
                )

        def fuzzy_caravan() -> None:
            for query in QUERIES_FUZZY:
                index.suggest(query)

        def fuzzy_difflib() -> None:
            for query in QUERIES_FUZZY:
                difflib.get_close_matches(normalise_name(query), key_list, n=3, cutoff=0.7)

        import datetime as dt

        day = dt.date(2025, 6, 17)

        def as_of_caravan() -> None:
            kb.project_states(day)

        def as_of_sql() -> None:
            kb._connection.execute(
                "SELECT p.id, e.status FROM projects p LEFT JOIN ("
                " SELECT project_id, status, ROW_NUMBER() OVER (PARTITION BY project_id"
                " ORDER BY date DESC) AS n FROM project_events WHERE date <= ?) e"
                " ON e.project_id = p.id AND e.n = 1",
                (day.isoformat(),),
            ).fetchall()

        pairs = [
            ("exact look-up, 8 names", exact_caravan, "linear scan", exact_scan),
            ("fuzzy suggestions, 8 typos", fuzzy_caravan, "difflib", fuzzy_difflib),
            ("project status as of a date", as_of_caravan, "SQL window query", as_of_sql),
        ]
        for label, ours, peer_name, peer in pairs:
            ours_s = statistics.median(timed(ours, args.repeat))
            peer_s = statistics.median(timed(peer, args.repeat))
            rows.append((label, "caravan", ours_s, peer_name, peer_s))
        kb.close()

    console = Console()
    table = Table(
        title=f"knowledge base ({len(places)} places, {len(keys)} names)", title_justify="left"
    )
    for column in ("operation", "caravan (ms)", "peer", "peer (ms)", "peer / caravan"):
        table.add_column(column)
    table.add_row("validate all files", f"{statistics.median(validation) * 1e3:.1f}", "", "", "")
    table.add_row(
        "build SQLite (incl. validation)", f"{statistics.median(build) * 1e3:.1f}", "", "", ""
    )
    for label, _, ours_s, peer_name, peer_s in rows:
        table.add_row(
            label,
            f"{ours_s * 1e3:.3f}",
            peer_name,
            f"{peer_s * 1e3:.3f}",
            f"{peer_s / ours_s:.1f}×",
        )
    console.print(table)


if __name__ == "__main__":
    main()
