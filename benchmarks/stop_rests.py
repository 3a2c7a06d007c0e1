"""Routes and skims before and after crews may rest during any stop, two versions side by side.

Usage: ``.venv/bin/python benchmarks/stop_rests.py [--before 662f972^] [--after HEAD]
[--rounds 3] [--repeat 3] [--record]``

Both versions are ``git archive <after> src`` (code and embedded data); the previous one
has the rule's files (``RULE_FILES``) as they were in ``--before``, so the two differ by the
drivers'-hours rule alone, whatever else changed between the commits. Each runs in its own
process (``PYTHONPATH`` pointing at it, its own knowledge base); rounds alternate between
the versions, so a busy machine slows both alike, and each figure is the best round. Per
version, on today's network: the full skim of every place by time and by generalised cost
(best of ``repeat``), and single routes by time over every ordered pair of the corridor
places, twice (p50, p99). The time skims of the two versions are then compared cell by
cell: how many pairs the rule makes faster, the largest saving, and how many it makes
slower (none: resting in a stop is one more choice). With ``--record`` the table goes into
benchmarks/RESULTS.md (section ``stop_rests``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
SECTION = "stop_rests"
#: The drivers'-hours rule, the search and the kernels that apply it.
RULE_FILES = [
    "src/caravan/analysis/routing/drivers_rule.py",
    "src/caravan/analysis/routing/drivers_hours.py",
    "src/caravan/analysis/routing/_road_trip_steps.py",
    "src/caravan/analysis/routing/_road_trip_kernels.py",
    "src/caravan/analysis/routing/_timed_search_kernels.py",
    "src/caravan/analysis/routing/road_trips.py",
]
MEASURED = [*RULE_FILES, "benchmarks/stop_rests.py"]

#: Run inside one version's process: prints its figures as JSON, saves its time skim.
MEASURE = r"""
import datetime as dt, json, statistics, sys, time
from pathlib import Path
import numpy as np
from caravan import NoRouteError, Observatory
from caravan.api import Weight
kb, out, repeat = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
date = dt.date(2025, 7, 1)
places = ["cn-urumqi", "cn-kashgar", "cn-khorgos", "cn-xian", "kz-almaty", "kz-astana",
          "kz-shymkent", "kg-bishkek", "kg-osh", "uz-tashkent", "uz-samarkand", "uz-andijan",
          "tj-dushanbe", "tj-khujand", "tm-ashgabat"]
observatory = Observatory.open(kb)
figures = {}
for by in (Weight.TIME, Weight.GENERALISED):
    skim = observatory.skim(by=by, date=date)  # compiles or loads the kernels
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        observatory.skim(by=by, date=date)
        best = min(best, time.perf_counter() - start)
    figures[f"skim_{by.value}_ms"] = best * 1e3
    if by == Weight.TIME:
        np.save(out, skim.time_h)
        out.with_suffix(".json").write_text(json.dumps(list(skim.place_ids)))
        figures["places"] = len(skim.place_ids)
pairs = [(a, b) for a in places for b in places if a != b]
times = []
for origin, destination in pairs * 3:
    start = time.perf_counter()
    try:
        observatory.route(origin, destination, by=Weight.TIME, date=date)
    except NoRouteError:
        pass
    times.append(time.perf_counter() - start)
times = sorted(times[len(pairs):])  # the first of three passes warms the graphs
figures["route_p50_ms"] = statistics.median(times) * 1e3
figures["route_p99_ms"] = times[int(0.99 * len(times))] * 1e3
observatory.close()
print(json.dumps(figures))
"""


class Version:
    """One version of caravan exported from git (``rules_from``: the rule's files from
    another commit), with its own knowledge base."""

    def __init__(self, label: str, commit: str, rules_from: str, folder: Path) -> None:
        self.label, self.folder = label, folder
        for source, paths in ((commit, ["src"]), (rules_from, RULE_FILES)):
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", source, *paths],
                                     capture_output=True, check=True)  # fmt: skip
            subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        self.env = {**os.environ, "PYTHONPATH": str(folder / "src")}
        self.skim = folder / "time_h.npy"

    def measure(self, repeat: int) -> dict[str, float]:
        """One round of this version's figures (a fresh process)."""
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, str(self.folder / "kb.sqlite"), str(self.skim),
             str(repeat)],
            env=self.env, cwd=self.folder, check=True, capture_output=True, text=True,
        )  # fmt: skip
        return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _commit(name: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def main() -> None:
    """Measure both versions, print the table, and record it when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="662f972^", help="previous version (commit)")
    parser.add_argument("--after", default="HEAD", help="this version (commit)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    before, after = _commit(args.before), _commit(args.after)
    with tempfile.TemporaryDirectory() as folder:
        versions = []
        for label, rules in (("before", before), ("after", after)):
            (Path(folder) / label).mkdir()
            versions.append(Version(label, after, rules, Path(folder) / label))
        for version in versions:
            version.measure(1)  # build the knowledge base, compile the kernels
        rounds: dict[str, list[dict[str, float]]] = {v.label: [] for v in versions}
        for _ in range(args.rounds):
            for version in versions:
                rounds[version.label].append(version.measure(args.repeat))
        old, new = (np.load(v.skim) for v in versions)
        places = json.loads(versions[1].skim.with_suffix(".json").read_text())
    best = {label: _best(figures) for label, figures in rounds.items()}
    finite = np.isfinite(old) & np.isfinite(new)
    saving = np.zeros(new.shape)
    saving[finite] = old[finite] - new[finite]
    rows = _rows(best["before"], best["after"])
    origin, destination = (int(i) for i in np.unravel_index(int(np.argmax(saving)), saving.shape))
    faster = saving[saving > 1e-9]
    changed = (
        f"{faster.size:,} of {int(np.isfinite(new).sum()):,} time-skim pairs faster (median "
        f"saving {np.median(faster) if faster.size else 0.0:.1f} h, largest "
        f"{saving.max():.1f} h: {places[origin]} → {places[destination]}, {old[origin, destination]:.1f} h → "
        f"{new[origin, destination]:.1f} h), {int((saving < -1e-9).sum())} slower"
    )
    title = f"{after}, the rule before ({before}) and after, best of {args.rounds} rounds"
    table = Table(title=title)
    for column in ("work", "before (ms)", "after (ms)", "after / before"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
    print(changed)
    if args.record:
        _record(args, before, after, int(best["after"]["places"]), rows, changed)


def _best(figures: list[dict[str, float]]) -> dict[str, float]:
    """The least of each figure over the rounds."""
    return {name: min(round_[name] for round_ in figures) for name in figures[0]}


def _rows(before: dict[str, float], after: dict[str, float]) -> list[list[str]]:
    """One table row per figure: name, before, after, ratio."""
    names = {
        "skim_time_ms": "full skim by time",
        "skim_generalised_ms": "full skim by generalised cost",
        "route_p50_ms": "route by time, p50",
        "route_p99_ms": "route by time, p99",
    }
    return [
        [label, f"{before[name]:.1f}", f"{after[name]:.1f}", f"{after[name] / before[name]:.2f}×"]
        for name, label in names.items()
    ]


def _record(  # the section, its digest over the measured files as they are now
    args: argparse.Namespace,
    before: str,
    after: str,
    places: int,
    rows: list[list[str]],
    changed: str,
) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from check_results import record_section

    lines = [
        "## Crews resting during any stop: routes and skims before and after (issue 9)",
        "",
        f"Command: `.venv/bin/python benchmarks/stop_rests.py --before {before} --after {after} "
        f"--rounds {args.rounds} --repeat {args.repeat} --record` (both versions "
        f"`git archive {after}`, the previous one with the rule's files from {before}; each "
        f"in its own process, rounds alternating; best round; skims of {places} × {places} places, routes over the 210 ordered pairs of "
        "15 corridor places twice, 1 July 2025).",
        "",
        "| work | before (ms) | after (ms) | after / before |",
        "|---|---|---|---|",
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
        f"Time skim, after against before: {changed}.",
    ]
    record_section(SECTION, "\n".join(lines), MEASURED)


if __name__ == "__main__":
    main()
