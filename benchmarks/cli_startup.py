"""`caravan route` as a whole process, and routes and skims in-process, two versions side by side.

Each version is exported with ``git archive <commit> src`` into a temporary folder and run
with ``PYTHONPATH`` pointing at it (its own code and its own embedded data), with its own
knowledge base built beforehand. Runs of the two versions alternate, so a busy machine
slows both alike.

- warm: the knowledge base is built and one route was asked before (so files, bytecode
  and, where the version has one, the snapshot cache are warm); each run is a new
  ``python -m caravan route "Xi'an" Tashkent --date 2025-06-04`` process.
- cold: every run compiles all bytecode afresh (an empty ``PYTHONPYCACHEPREFIX``, numpy
  and scipy included) and finds no snapshot cache: the worst first run after installing.
- in-process: one Observatory, warm; a route with 3 alternatives and the Pareto front
  (p50 over corridor pairs) and the full skim of every place (best of 5).

Usage: ``.venv/bin/python benchmarks/cli_startup.py [--before 6b15821] [--after HEAD]
[--runs 15] [--record]``; ``--record`` writes the table into benchmarks/RESULTS.md with a
hash of the files it measures (see benchmarks/check_results.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_results import record_section

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
ROUTE = ["route", "Xi'an", "Tashkent", "--date", "2025-06-04"]
SECTION = "cli_startup"
#: What these figures depend on: a change to any of these files makes them stale.
MEASURED = (
    "src/caravan/__init__.py",
    "src/caravan/api.py",
    "src/caravan/cli/*.py",
    "src/caravan/network/*.py",
    "src/caravan/store/queries.py",
    "src/caravan/analysis/routing/*.py",
    "benchmarks/cli_startup.py",
)

IN_PROCESS = r"""
import datetime as dt, json, statistics, sys, time
from pathlib import Path
from caravan import Observatory
observatory = Observatory.open(Path(sys.argv[1]))
date = dt.date(2025, 6, 4)
pairs = [("cn-xian", "uz-tashkent"), ("cn-urumqi", "kz-almaty"), ("cn-kashgar", "kg-osh"),
         ("cn-lanzhou", "kg-bishkek"), ("cn-chongqing", "uz-samarkand"), ("kz-almaty", "uz-tashkent")]
for origin, destination in pairs:  # warm: compile the network, build the graphs
    observatory.route(origin, destination, alternatives=3, pareto=True, date=date)
times = []
for _ in range(30):
    for origin, destination in pairs:
        start = time.perf_counter()
        observatory.route(origin, destination, alternatives=3, pareto=True, date=date)
        times.append(time.perf_counter() - start)
observatory.skim(date=date)
skims = []
for _ in range(5):
    start = time.perf_counter()
    observatory.skim(date=date)
    skims.append(time.perf_counter() - start)
print(json.dumps({"route_p50_ms": statistics.median(times) * 1e3,
                  "route_p99_ms": sorted(times)[int(0.99 * len(times))] * 1e3,
                  "skim_ms": min(skims) * 1e3}))
"""


class Version:
    """One version of caravan exported from git, with its own knowledge base."""

    def __init__(self, label: str, commit: str, folder: Path) -> None:
        self.label, self.commit, self.folder = label, commit, folder
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        self.kb = folder / "kb.sqlite"
        self.env = {**os.environ, "PYTHONPATH": str(folder / "src")}
        self.run_caravan(["data", "build", "--kb", str(self.kb)])
        self.run_caravan([*ROUTE, "--kb", str(self.kb)])  # warm-up (and the snapshot cache)

    def run_caravan(self, arguments: list[str], env: dict[str, str] | None = None) -> float:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "caravan", *arguments],
            env=env or self.env,
            cwd=self.folder,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - start

    def warm(self) -> float:
        return self.run_caravan([*ROUTE, "--kb", str(self.kb)])

    def cold(self) -> float:
        for cache in self.folder.glob("kb.snapshots.sqlite*"):
            cache.unlink()
        with tempfile.TemporaryDirectory() as pycache:
            env = {**self.env, "PYTHONPYCACHEPREFIX": pycache}
            return self.run_caravan([*ROUTE, "--kb", str(self.kb)], env)

    def in_process(self) -> dict[str, float]:
        result = subprocess.run(
            [sys.executable, "-c", IN_PROCESS, str(self.kb)],
            env=self.env,
            cwd=self.folder,
            check=True,
            capture_output=True,
            text=True,
        )
        return dict(json.loads(result.stdout))


def _commit(name: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def main() -> None:
    """Measure both versions, print the tables, and record them when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="6b15821", help="previous version (commit)")
    parser.add_argument("--after", default="HEAD", help="this version (commit)")
    parser.add_argument("--runs", type=int, default=15, help="warm runs per version")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs per version")
    parser.add_argument("--record", action="store_true", help="write into RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as before_dir, tempfile.TemporaryDirectory() as after_dir:
        versions = [
            Version("previous", _commit(args.before), Path(before_dir)),
            Version("this version", _commit(args.after), Path(after_dir)),
        ]
        warm: dict[str, list[float]] = {v.label: [] for v in versions}
        cold: dict[str, list[float]] = {v.label: [] for v in versions}
        for _ in range(args.runs):
            for version in versions:
                warm[version.label].append(version.warm())
        for _ in range(args.cold_runs):
            for version in versions:
                cold[version.label].append(version.cold())
        inside = {v.label: v.in_process() for v in versions}
    lines = [
        f"Command: `.venv/bin/python benchmarks/cli_startup.py --before {args.before} "
        f"--runs {args.runs} --cold-runs {args.cold_runs}` (previous = {versions[0].commit}, "
        f"this version = {versions[1].commit}; runs alternate between the versions)",
        "",
        '| `caravan route "Xi\'an" Tashkent`, whole process | version | runs | median (s) '
        "| min (s) | max (s) |",
        "|---|---|---|---|---|---|",
    ]
    for kind, figures in (("warm", warm), ("cold", cold)):
        for version in versions:
            times = figures[version.label]
            lines.append(
                f"| {kind} | {version.label} ({version.commit}) | {len(times)} "
                f"| {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} |"
            )
    lines += [
        "",
        "| in-process, warm | version | route, 3 alternatives + Pareto, p50 (ms) "
        "| p99 (ms) | full skim, best of 5 (ms) |",
        "|---|---|---|---|---|",
    ]
    for version in versions:
        figures_in = inside[version.label]
        lines.append(
            f"| | {version.label} ({version.commit}) | {figures_in['route_p50_ms']:.1f} "
            f"| {figures_in['route_p99_ms']:.1f} | {figures_in['skim_ms']:.1f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.record:
        record_section(SECTION, table, MEASURED, commit=versions[1].commit)
        print(f"\nrecorded in benchmarks/RESULTS.md (section {SECTION})")


if __name__ == "__main__":
    main()
