"""Check that skims time road trips as itineraries do: the skim cell minus the route, per pair.

Usage: python benchmarks/skim_drivers_hours.py [--date 2025-07-01] [--data-dir DIR]

For the pairs of corridor places whose time-minimising route has a road leg, this prints
the skim's difference from the route's itinerary in time (typical, low, high), cost and
generalised cost, and exits 1 if any differs by more than rounding (1e-6). Both time road
trips by the drivers' hours of the whole trip (breaks and daily rests where they fall, the
rest taken during a border stop where that is quicker), along the paths of least reported
time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import NoRouteError, Observatory
from caravan.api import Weight
from caravan.store import default_data_dir

PLACES = [
    "cn-urumqi", "cn-kashgar", "cn-khorgos", "kz-almaty", "kz-astana", "kz-shymkent",
    "kg-bishkek", "kg-osh", "uz-tashkent", "uz-samarkand", "uz-andijan", "tj-dushanbe",
    "tj-khujand", "tm-ashgabat",
]  # fmt: skip
QUANTITIES = ("time_h", "time_h_low", "time_h_high", "cost_usd", "generalised_usd")
TOLERANCE = 1e-6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2025, 7, 1))
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    args = parser.parse_args()
    gaps: dict[str, list[float]] = {name: [] for name in QUANTITIES}
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", args.data_dir)
        try:
            measure(observatory, args.date, gaps)
        finally:
            observatory.close()
    return report(gaps, args.date)


def measure(observatory: Observatory, date: dt.date, gaps: dict[str, list[float]]) -> None:
    """Append, per quantity, skim minus route for each corridor pair whose route drives."""
    known = {p.id for p in observatory.kb.places()}
    places = [p for p in PLACES if p in known]
    skim = observatory.skim(places, by=Weight.TIME, date=date)
    for i, origin in enumerate(places):
        for j, destination in enumerate(places):
            if i == j or not np.isfinite(skim.time_h[i, j]):
                continue
            try:
                best = observatory.route(origin, destination, by=Weight.TIME, date=date).best
            except NoRouteError:
                continue
            if not any(leg.mode == "road" and leg.kind == "run" for leg in best.legs):
                continue
            for name in QUANTITIES:
                gaps[name].append(float(getattr(skim, name)[i, j]) - getattr(best, name))


def report(gaps: dict[str, list[float]], date: dt.date) -> int:
    """Print the differences; 0 when every pair agrees to rounding, else 1."""
    pairs = len(gaps["time_h"])
    table = Table(title=f"Skim minus route, {pairs} pairs with a road leg, {date}")
    for column in ("quantity", "median", "min", "max"):
        table.add_column(column, justify="right")
    for name, values in gaps.items():
        picks = (statistics.median(values), min(values), max(values)) if values else (0, 0, 0)
        table.add_row(name, *(f"{value:.6f}" for value in picks))
    Console().print(table)
    worst = max((abs(v) for values in gaps.values() for v in values), default=0.0)
    if pairs == 0 or worst > TOLERANCE:
        print(f"FAILED: {pairs} pairs, largest difference {worst:.3g}", file=sys.stderr)
        return 1
    print(f"OK: skim equals route on all {pairs} pairs (largest difference {worst:.2g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
