"""Benchmark a full comparison of two scenarios, side by side with computing their skims alone.

Usage: python benchmarks/compare.py [A] [B] [--repeat N] [--record]

Over every place of the embedded dataset (one knowledge base built in a temporary folder,
networks compiled once beforehand so neither side pays for compilation), compares:
- caravan compare in-process (``Observatory.compare``): two skims, two shortest-path-tree
  passes for the routes' crossings and modes and the elements' use, country-pair means,
  project corridors by rail, claims, the changed routes' itineraries;
- the two skims alone (``Observatory.skim`` for each side), the floor any comparison pays;
- the HTML report written from a finished comparison.
Best of ``--repeat`` runs. Goal: the full comparison <= 1 s in-process.
With ``--record``, the table is written into benchmarks/RESULTS.md (section ``compare``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.store import default_data_dir

SECTION = "compare"
MEASURED = ["src/caravan/analysis/comparison/*.py", "src/caravan/analysis/routing/*.py"]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Fastest of ``repeat`` runs, seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", nargs="?", default="today")
    parser.add_argument("b", nargs="?", default="cku-railway")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", default_data_dir())
        result = observatory.compare(args.a, args.b)  # compiles both networks once
        places = result.summary.places
        compare_s = best_of(args.repeat, lambda: observatory.compare(args.a, args.b))
        skims_s = best_of(
            args.repeat,
            lambda: [observatory.skim(scenario=s) for s in (args.a, args.b)],
        )
        report_s = best_of(args.repeat, result.report_html)
        observatory.close()
    rows = [
        ("caravan compare (in-process, everything in the report)", compare_s),
        ("the two skims alone (Observatory.skim, each side)", skims_s),
        ("HTML report from a finished comparison", report_s),
    ]
    table = Table(title=f"{args.a} → {args.b}, {places} places (best of {args.repeat})")
    for column in ("work", "time (ms)", "vs compare"):
        table.add_column(column)
    for label, seconds in rows:
        table.add_row(label, f"{seconds * 1e3:.1f}", f"{seconds / compare_s:.2f}×")
    Console().print(table)
    if args.record:
        import sys

        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import record_section

        body = "\n".join(
            [
                f"## Scenario comparison (issue 8): {args.a} → {args.b}",
                "",
                f"Command: `.venv/bin/python benchmarks/compare.py {args.a} {args.b} --record` "
                f"({places} × {places} places, generalised cost, networks compiled beforehand).",
                "",
                f"| work, best of {args.repeat} | time (ms) | vs compare |",
                "|---|---|---|",
                *(f"| {label} | {s * 1e3:.1f} | {s / compare_s:.2f}× |" for label, s in rows),
                "",
                f"Goal: a full comparison of two scenarios over all places ≤ 1 s in-process — "
                f"{'met' if compare_s <= 1 else 'NOT met'} ({compare_s * 1e3:.0f} ms).",
            ]
        )
        record_section(SECTION, body, MEASURED)


if __name__ == "__main__":
    main()
