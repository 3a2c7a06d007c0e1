"""Skims along the paths of least reported time, beside the two skims before them.

Usage: python benchmarks/skim_road_trips.py [--repeat N] [--copies 1 4] [--record]

On today's embedded network, a full skim of every place (and of the place list repeated
``copies`` times, for larger matrices: more cells, the same network) is timed three ways in
one run, interleaved, best of ``repeat``: the skim as it is (the compiled label-setting
search that carries the crew's drivers'-hours state, ``timed_search``); the previous
version (shortest-path trees on the per-edge drivers' factor, each pair's road trips then
re-timed by the rules); and edge sums alone (no re-timing, the version before that). The
kernels are compiled (or loaded from numba's disk cache) before timing. The table also
counts the cells whose time the exact search lowers against the previous version, and the
largest saving. With ``--record`` the table goes into benchmarks/RESULTS.md (section
``skim_road_trips``).
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
    "src/caravan/analysis/routing/_timed_search_kernels.py",
    "src/caravan/analysis/routing/timed_search.py",
    "src/caravan/analysis/routing/drivers_rule.py",
    "benchmarks/skim_road_trips.py",
]


@contextlib.contextmanager
def factor_paths(router: Router) -> Iterator[None]:
    """The previous version: paths of the per-edge weight (no exact search), then re-timed."""
    vars(router)["timed_search"] = lambda *args, **kwargs: None
    try:
        yield
    finally:
        del vars(router)["timed_search"]


@contextlib.contextmanager
def edge_sums_only(router: Router) -> Iterator[None]:
    """The version before: per-edge weight paths, no road trip re-timed."""

    def none_drive(snapshot: object) -> RoadTripTiming:
        timing = road_trip_timing(snapshot)  # type: ignore[arg-type]
        return RoadTripTiming(np.zeros_like(timing.role), *timing._edge_arrays()[1:])

    names = vars(skim_module)
    original = names["road_trip_timing"]
    names["road_trip_timing"] = none_drive
    try:
        with factor_paths(router):
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
                new = before = sums = float("inf")
                for _ in range(args.repeat):
                    new = min(new, wall_ms(router, ids, weight))
                    with factor_paths(router):
                        before = min(before, wall_ms(router, ids, weight))
                    with edge_sums_only(router):
                        sums = min(sums, wall_ms(router, ids, weight))
                with factor_paths(router):
                    previous = skim_matrices(router, ids, weight).time_h
                exact = skim_matrices(router, ids, weight).time_h
                finite = np.isfinite(previous) & np.isfinite(exact)
                saving = np.where(finite, previous - exact, 0.0)
                faster = int((saving > 1e-9).sum()) if weight == Weight.TIME else -1
                most = float(saving.max()) if weight == Weight.TIME else float("nan")
                rows.append((f"{len(ids)} × {len(ids)}", weight.value, sums, before, new,
                             faster, most))  # fmt: skip
    finally:
        observatory.close()
    table = Table(title=f"Full skim, best of {args.repeat} (ms), {snapshot.node_count} nodes")
    for column in ("matrix", "weight", "edge sums", "factor paths re-timed (before)",
                   "least reported time (now)", "now / before", "cells faster",
                   "largest saving (h)"):  # fmt: skip
        table.add_column(column, justify="right")
    cells = [_cells(row) for row in rows]
    for row in cells:
        table.add_row(*row)
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
            "| matrix | weight | edge sums (ms) | factor paths re-timed, before (ms) "
            "| least reported time, now (ms) | now / before | cells faster | largest saving (h) |",
            "|---|---|---|---|---|---|---|---|",
            *("| " + " | ".join(row) + " |" for row in cells),
        ]
        record_section(SECTION, "\n".join(lines), MEASURED)


def _cells(row: tuple[str, str, float, float, float, int, float]) -> list[str]:
    """One table row as text (pair counts and savings for time skims only)."""
    matrix, weight, sums, before, new, faster, most = row
    return [matrix, weight, f"{sums:.1f}", f"{before:.1f}", f"{new:.1f}", f"{new / before:.2f}×",
            f"{faster:,}" if faster >= 0 else "–", f"{most:.1f}" if faster >= 0 else "–"]  # fmt: skip


if __name__ == "__main__":
    main()
