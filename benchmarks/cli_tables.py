"""Printing a large CLI table, the previous version of `cli/render.py` against this one.

The previous version's `render.py` is read with ``git show <commit>:src/caravan/cli/render.py``
and loaded as a module of its own beside the current one (it needs only rich and pydantic).
Both print the same table (``--rows`` rows of ten columns, words of trade and route tables)
into a console writing to memory, at 80 columns (the table does not fit in boxes and is
printed compact) and at 200 (it fits); the best of ``--repeat`` runs is reported, the two
versions alternating.

Usage: ``.venv/bin/python benchmarks/cli_tables.py [--before 3ee4019] [--rows 3000]
[--repeat 5] [--record]``; ``--record`` writes the table into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from rich.console import Console

sys.path.insert(0, str(Path(__file__).parent))
from check_results import record_section

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
RENDER = "src/caravan/cli/render.py"
SECTION = "cli_tables"
MEASURED = [RENDER, "benchmarks/cli_tables.py"]
COLUMNS = ["year", "exports", "imports", "total", "kg", "kz", "tj", "tm", "uz", "coverage"]


def _load(name: str, source: str, folder: Path) -> ModuleType:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(count: int) -> list[tuple[str, ...]]:
    """Rows like a trade table's: years, figures, and a coverage note of several words."""
    return [
        (
            str(2000 + i % 26),
            f"{i * 1.37 % 97:,.2f}",
            f"{i * 2.11 % 89:,.2f}",
            "partial" if i % 3 else f"{i * 3.7 % 120:,.2f}",
            *(f"{(i + k) * 0.73 % 45:,.2f}" for k in range(5)),
            "partial: kg, tj missing" if i % 3 else "complete",
        )
        for i in range(count)
    ]


def _time(module: ModuleType, rows: list[tuple[str, ...]], width: int) -> tuple[float, str]:
    """Seconds to print the table into memory at ``width`` columns, and the text printed."""
    sink = io.StringIO()
    module.console = Console(file=sink, width=width, color_system=None, legacy_windows=False)
    start = time.perf_counter()
    module.print_table("trade", COLUMNS, rows, caption="a caption")
    return time.perf_counter() - start, sink.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="3ee4019", help="previous version (commit)")
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    before = subprocess.run(
        ["git", "show", f"{args.before}:{RENDER}"], cwd=ROOT, capture_output=True, text=True
    )
    if before.returncode != 0:
        sys.exit(f"error: cannot read {RENDER} at {args.before}: {before.stderr.strip()}")
    rows = _rows(args.rows)
    lines = [
        f"Printing a table of {args.rows:,} rows × {len(COLUMNS)} columns into memory, best of "
        f"{args.repeat} (s); previous = `{args.before}`, current = working tree.",
        "",
        "| width | previous | current | ratio | same text |",
        "|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        versions = {
            "previous": _load("render_previous", before.stdout, Path(folder)),
            "current": _load("render_current", (ROOT / RENDER).read_text("utf-8"), Path(folder)),
        }
        for width in (80, 200):
            best = {name: float("inf") for name in versions}
            text = {}
            for _ in range(args.repeat):
                for name, module in versions.items():
                    seconds, text[name] = _time(module, rows, width)
                    best[name] = min(best[name], seconds)
            ratio = best["previous"] / best["current"]
            same = "yes" if text["previous"] == text["current"] else "no"
            lines.append(
                f"| {width} | {best['previous']:.2f} | {best['current']:.2f} | "
                f"{ratio:.2f}× | {same} |"
            )
    command = (
        f"Command: `.venv/bin/python benchmarks/cli_tables.py --before {args.before} "
        f"--rows {args.rows} --repeat {args.repeat} --record`"
    )
    body = "\n".join(["### CLI tables: printing a large table", "", *lines, "", command, ""])
    print(body)
    if args.record:
        record_section(SECTION, body, MEASURED)


if __name__ == "__main__":
    main()
