"""How far road skims (drivers' hours per edge) are from itineraries (drivers' hours per trip).

Usage: python benchmarks/skim_drivers_hours.py [--date 2025-07-01]

Skims add edge times along shortest-path trees, with the drivers' hours charged as a factor
on every road edge; an itinerary re-times its road trip by the rules (breaks and daily rests
where they fall, a long border stop as the rest). For the pairs of corridor places whose
time-minimising route has a road leg, this prints the skim's excess over the itinerary's
typical time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import NoRouteError, Observatory
from caravan.api import Weight

PLACES = [
    "cn-urumqi", "cn-kashgar", "cn-khorgos", "kz-almaty", "kz-astana", "kz-shymkent",
    "kg-bishkek", "kg-osh", "uz-tashkent", "uz-samarkand", "uz-andijan", "tj-dushanbe",
    "tj-khujand", "tm-ashgabat",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2025, 7, 1))
    args = parser.parse_args()
    observatory = Observatory.open()
    try:
        known = {p.id for p in observatory.kb.places()}
        places = [p for p in PLACES if p in known]
        skim = observatory.skim(places, by=Weight.TIME, date=args.date)
        excess_h: list[float] = []
        excess_pct: list[float] = []
        for i, origin in enumerate(places):
            for j, destination in enumerate(places):
                if i == j or not np.isfinite(skim.time_h[i, j]):
                    continue
                try:
                    best = observatory.route(
                        origin, destination, by=Weight.TIME, date=args.date
                    ).best
                except NoRouteError:
                    continue
                if not any(leg.mode == "road" and leg.kind == "run" for leg in best.legs):
                    continue
                excess_h.append(float(skim.time_h[i, j]) - best.time_h)
                excess_pct.append(100.0 * excess_h[-1] / best.time_h)
    finally:
        observatory.close()
    table = Table(title=f"Road skim minus itinerary time, {len(excess_h)} pairs, {args.date}")
    for column in ("statistic", "hours", "% of itinerary time"):
        table.add_column(column, justify="right")
    for name, pick in (("median", statistics.median), ("min", min), ("max", max)):
        table.add_row(name, f"{pick(excess_h):.1f}", f"{pick(excess_pct):.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
