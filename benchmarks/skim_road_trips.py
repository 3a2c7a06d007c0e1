"""Skim time with road trips timed by drivers' hours, beside the edge-sum skim it replaced.

Usage: python benchmarks/skim_road_trips.py [--repeat N] [--copies 1 4] [--record]

On today's embedded network, a full skim of every place (and of the place list repeated
``copies`` times, for larger matrices: more cells, the same network) is timed two ways in
one run, interleaved, best of ``repeat``: the skim as it is (edge sums, then each pair's
path read back through its tree and its road trips re-timed in a compiled kernel), and the
previous version's edge sums alone (the re-timing switched off). The kernel is compiled (or
loaded from numba's disk cache) before timing. With ``--record`` the table goes into
benchmarks/RESULTS.md (section ``skim_road_trips``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.routing import Router, Weight, skim_matrices
from caravan.analysis.routing import skim as skim_module
from caravan.analysis.routing.road_trips import RoadTripTiming, road_trip_timing

SECTION = "skim_road_trips"
MEASURED = [
    "src/caravan/analysis/routing/skim.py",
    "src/caravan/analysis/routing/road_trips.py",
    "src/caravan/analysis/routing/_road_trip_kernels.py",
    "benchmarks/skim_road_trips.py",
]


@contextlib.contextmanager
def edge_sums_only() -> Iterator[None]:
    """The previous version: no road trip is re-timed (every edge plays no part in one)."""

    def none_drive(snapshot: object) -> RoadTripTiming:
        timing = road_trip_timing(snapshot)  # type: ignore[arg-type]
        return RoadTripTiming(np.zeros_like(timing.role), *timing._edge_arrays()[1:])

    names = vars(skim_module)
    original = names["road_trip_timing"]
    names["road_trip_timing"] = none_drive
    try:
        yield
    finally:
        names["road_trip_timing"] = original


def wall_ms(router: Router, ids: list[str], weight: Weight) -> float:
    """Wall time of one full skim, in ms."""
    start = time.perf_counter()
    skim_matrices(router, ids, weight)
    return (time.perf_counter() - start) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    observatory = Observatory.open()
    try:
        snapshot = observatory.network()
        router = Router(snapshot)
        places = sorted(snapshot.origin_node)
        skim_matrices(router, places[:4], Weight.TIME)  # compile or load the kernel
        rows = []
        for copies in args.copies:
            ids = places * copies
            for weight in (Weight.TIME, Weight.GENERALISED):
                new = old = float("inf")
                for _ in range(args.repeat):
                    new = min(new, wall_ms(router, ids, weight))
                    with edge_sums_only():
                        old = min(old, wall_ms(router, ids, weight))
                with edge_sums_only():
                    plain = skim_matrices(router, ids, weight)
                timed = skim_matrices(router, ids, weight)
                changed = int((np.abs(timed.time_h - plain.time_h) > 1e-9).sum())
                rows.append((f"{len(ids)} × {len(ids)}", weight.value, old, new, changed))
    finally:
        observatory.close()
    table = Table(title=f"Full skim, best of {args.repeat} (ms), {snapshot.node_count} nodes")
    for column in ("matrix", "weight", "edge sums (before)", "road trips timed", "ratio",
                   "cells re-timed"):  # fmt: skip
        table.add_column(column, justify="right")
    for matrix, weight_name, old, new, changed in rows:
        table.add_row(matrix, weight_name, f"{old:.1f}", f"{new:.1f}", f"{new / old:.2f}×",
                      f"{changed:,}")  # fmt: skip
    Console().print(table)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import record_section

        lines = [
            "## Skims time road trips as routes do (issue 9)",
            "",
            "Command: `.venv/bin/python benchmarks/skim_road_trips.py "
            f"--repeat {args.repeat} --copies {' '.join(map(str, args.copies))} --record` "
            f"(today's embedded network, {snapshot.node_count} nodes; interleaved, best of "
            f"{args.repeat}; the place list repeated for the larger matrix).",
            "",
            "| matrix | weight | edge sums, before (ms) | road trips timed (ms) | ratio "
            "| cells re-timed |",
            "|---|---|---|---|---|---|",
            *(
                f"| {m} | {w} | {o:.1f} | {n:.1f} | {n / o:.2f}× | {c:,} |"
                for m, w, o, n, c in rows
            ),
        ]
        record_section(SECTION, "\n".join(lines), MEASURED)


if __name__ == "__main__":
    main()
