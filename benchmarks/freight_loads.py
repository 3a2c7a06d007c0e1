"""Freight loads of 2024 on caravan's own network against published volumes, and solver times.

Usage: python benchmarks/freight_loads.py [--year 2024] [--repeat N] [--record] [--results FILE]

On the embedded dataset (a knowledge base built in a temporary folder), assigns the year's
freight demand (rail and road) with capacities, bi-conjugate Frank–Wolfe to a relative gap
of 1e-4, and prints (1) the crossings ranked by modelled load with capacity, utilisation and
waiting, (2) each crossing's modelled load beside its published volume with the error, and
(3) the time each algorithm's equilibrium takes to a relative gap of 1e-6 on the same
networks and demand (best of ``--repeat`` interleaved rounds, ratio to bi-conjugate
Frank–Wolfe), side by side in one run. With
``--record``, the tables are written into benchmarks/RESULTS.md (section ``freight_loads``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.assignment import (
    Algorithm,
    AssignmentNetwork,
    AssignmentResult,
    AssignmentSpec,
    ConvergenceError,
    assign,
)
from caravan.analysis.freight import MODES, FreightParameters, freight_network
from caravan.analysis.freight._graph import ZoneDistances
from caravan.analysis.freight.run import demand_under
from caravan.store import default_data_dir

SECTION = "freight_loads"
MEASURED = [
    "src/caravan/analysis/freight/*.py",
    "src/caravan/analysis/assignment/*.py",
    "src/caravan/analysis/demand/*.py",
    "src/caravan/data/observations.csv",
    "src/caravan/data/observations_cpmm.csv",
    "src/caravan/data/crossings.csv",
    "src/caravan/data/links.csv",
    "src/caravan/data/transfers.csv",
    "src/caravan/data/assumptions_timemodel.csv",
    "src/caravan/data/rail_services.csv",
    "src/caravan/network/*.py",
    "src/caravan/analysis/routing/*.py",
    "src/caravan/network/freight_closures.py",
    "src/caravan/data/assumptions_freight.csv",
    "src/caravan/data/freight_factors.csv",
    "src/caravan/data/trade.csv",
    "benchmarks/freight_loads.py",
]
TIMED = (
    Algorithm.BICONJUGATE_FRANK_WOLFE,
    Algorithm.CONJUGATE_FRANK_WOLFE,
    Algorithm.FRANK_WOLFE,
    Algorithm.GRADIENT_PROJECTION,
)
TIMED_GAP = 1e-6
#: Queue periods (h) whose road ranking is shown beside the stated one (asm-freight-queue-period).
QUEUE_PERIODS_H = (24.0, 72.0, 168.0, 720.0)
#: Road crossings to Kazakhstan and Kyrgyzstan the sensitivity table follows.
FOLLOWED = (
    "bcp-khorgos-nur-zholy-road",
    "bcp-dulata-kolzhat-road",
    "bcp-alashankou-dostyk-road",
    "bcp-irkeshtam-road",
    "bcp-torugart-road",
)


def _solver_times(observatory: Observatory, year: int, repeat: int) -> list[tuple[str, float, str]]:
    """Seconds of the equilibrium alone (both modes) per algorithm, best of ``repeat``
    interleaved rounds, on the networks and vehicle matrices of the year."""
    kb = observatory.kb
    parameters = FreightParameters.from_knowledge_base(kb)
    demand = demand_under(kb, year)
    snapshot = observatory.network(parameters.date_of(year))
    cases = []
    for mode in MODES:
        net = freight_network(kb, snapshot, mode, demand.zones, parameters)
        tonnes = demand.tonnes_per_year[mode]
        matrix = tonnes / (parameters.operating_days_per_year * parameters.tonnes_per_vehicle(mode))
        np.fill_diagonal(matrix, 0.0)
        reachable = np.isfinite(
            ZoneDistances(net.network, net.network.free_flow_time).between_zones()
        )
        cases.append((net.network, np.where(reachable, matrix, 0.0)))
    best = dict.fromkeys(TIMED, float("inf"))
    iterations: dict[Algorithm, str] = {}
    for _ in range(repeat):
        for algorithm in TIMED:
            spec = AssignmentSpec(algorithm=algorithm, target_gap=TIMED_GAP)
            start = time.perf_counter()
            runs = [_solve(network, matrix, spec) for network, matrix in cases]
            best[algorithm] = min(best[algorithm], time.perf_counter() - start)
            iterations[algorithm] = "/".join(
                f"{r.iterations}" if r.relative_gap <= TIMED_GAP else
                f"{r.iterations} (missed: gap {r.relative_gap:.1e} at the iteration limit)"
                for r in runs
            )  # fmt: skip
    return [(a.value, best[a], iterations[a]) for a in TIMED]


def _solve(
    network: AssignmentNetwork, matrix: np.ndarray, spec: AssignmentSpec
) -> AssignmentResult:
    """The equilibrium, or the last iterate when the algorithm misses the gap (shown as such)."""
    try:
        return assign(network, matrix, spec)
    except ConvergenceError as missed:
        return missed.result


def _queue_period_rows(observatory: Observatory, year: int) -> list[tuple[str, ...]]:
    """Road loads of the followed crossings and the busiest road crossing, per queue period."""
    stated = observatory.freight_parameters()
    rows = []
    for period in QUEUE_PERIODS_H:
        parameters = stated.model_copy(update={"queue_period_h": period})
        loads = observatory.assign(year, parameters=parameters, report_miss=True).crossing_mt()
        road = {c: mt for c, mt in loads.items() if c.endswith("-road")}
        busiest = max(road, key=lambda c: road[c])
        mark = " (stated)" if period == stated.queue_period_h else ""
        rows.append((f"{period:g}{mark}", *(f"{road.get(c, 0.0):.2f}" for c in FOLLOWED), busiest))
    return rows


def _pct(value: float | None) -> str:
    return "uncapacitated" if value is None else f"{value:.0%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--results", type=Path, default=None, help="RESULTS.md to record into")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", default_data_dir())
        result = observatory.assign(args.year)
        published = observatory.loads_against_published(result)
        timings = _solver_times(observatory, args.year, args.repeat)
        sensitivity = _queue_period_rows(observatory, args.year)
        observatory.close()
    loads: dict[str, list[object]] = {}
    for load in result.crossings:
        row = loads.setdefault(load.crossing_id, [load.name, load.mode, 0.0, None, None, 0.0])
        row[2] = float(row[2]) + load.mt_per_year  # type: ignore[arg-type]
        capacity = load.capacity.vehicles_per_day
        if capacity is not None:
            row[3] = f"{capacity:,.0f}" if row[3] is None else f"{row[3]} / {capacity:,.0f}"
        if load.utilisation is not None:
            row[4] = max(float(row[4] or 0.0), load.utilisation)  # type: ignore[arg-type]
        row[5] = max(float(row[5]), load.waiting_h)  # type: ignore[arg-type]
    ranked = sorted(loads.values(), key=lambda r: -float(r[2]))  # type: ignore[arg-type]
    ranked_rows = [
        (str(name), str(mode), f"{float(mt):.2f}", str(capacity or "uncapacitated"),  # type: ignore[arg-type]
         _pct(utilisation), f"{float(waiting):.1f}")  # type: ignore[arg-type]
        for name, mode, mt, capacity, utilisation, waiting in ranked
        if float(mt) >= 0.01  # type: ignore[arg-type]
    ]  # fmt: skip
    published_rows = [
        (p.name, p.mode, f"{p.modelled_mt_per_year:.2f}", f"{p.published_mt_per_year:.2f}",
         str(p.published_year), f"{p.error_pct:+.0f} %", ", ".join(p.sources))
        for p in published
    ]  # fmt: skip
    reference = timings[0][1]
    timing_rows = [
        (name, f"{seconds * 1e3:.0f}", f"{seconds / reference:.2f}×", iterations)
        for name, seconds, iterations in timings
    ]
    console = Console()
    for title, headers, rows in (
        (f"Crossings by modelled load, {args.year}",
         ("crossing", "mode", "Mt/yr", "capacity/day (a→b / b→a)", "utilisation", "waiting h"),
         ranked_rows),
        ("Modelled against published", ("crossing", "mode", "modelled Mt/yr", "published Mt/yr",
                                        "year", "error", "sources"), published_rows),
        ("Road loads (Mt/yr) by the queue period T, h",
         ("T h", *(c.removeprefix("bcp-").removesuffix("-road") for c in FOLLOWED), "busiest road"),
         sensitivity),
        (f"Time to relative gap {TIMED_GAP:g}, best of {args.repeat}",
         ("algorithm", "ms", "vs BFW", "iterations rail/road"), timing_rows),
    ):  # fmt: skip
        table = Table(title=title)
        for header in headers:
            table.add_column(header)
        for cells in rows:
            table.add_row(*cells)
        console.print(table)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import RESULTS, record_section

        gaps = ", ".join(f"{r.mode} {r.relative_gap:.1e}" for r in result.runs)
        body = "\n".join(
            [
                f"## Freight loads {args.year} against published volumes",
                "",
                "Command: `.venv/bin/python benchmarks/freight_loads.py --record` (embedded "
                f"data; demand of {args.year} from `freight_demand`, network and capacities of "
                f"{result.date}; bi-conjugate Frank–Wolfe, relative gap reached: {gaps}; "
                "method and limits in `docs/freight.md`).",
                "",
                "| crossing | mode | modelled Mt/yr | capacity/day (a→b / b→a) | utilisation "
                "| waiting h |",
                "|---|---|---|---|---|---|",
                *("| " + " | ".join(row) + " |" for row in ranked_rows),
                "",
                "| crossing | mode | modelled Mt/yr | published Mt/yr | year | error | sources |",
                "|---|---|---|---|---|---|---|",
                *("| " + " | ".join(row) + " |" for row in published_rows),
                "",
                "Ranking by modelled load: "
                + "; ".join(
                    f"{mode} " + ", ".join([str(r[0]) for r in ranked if r[1] == mode][:4])
                    for mode in ("rail", "road")
                )
                + ". The sources put Alashankou–Dostyk first by rail and Khorgos–Nur Zholy "
                "first by road to Kazakhstan (2.56 Mt in 2024, the only 2024 road volume in "
                "the table).",
                "",
                "A published volume of another year than the assignment's is shown with its "
                "year; the China–Kazakhstan total is an observation of the border "
                "(`border-cn-kz`, rail) and adds every rail crossing between the two. Road "
                "loads follow the clearance times and capacities in force on the date: a "
                "crossing direction takes its own CPMM figure or its border's published "
                "average for the direction, whichever is of the later year (its own on a "
                "tie), else the median of the crossings that publish one; one without a "
                "capacity is uncapacitated. Kolzhat's 250 vehicles a day is a stated upper "
                "bound (its first published quota, 2025).",
                "",
                "The road ranking depends on the queueing function's flow period T "
                "(`asm-freight-queue-period`): out of China, Nur Zholy's own 51.4 h (CPMM "
                "2023) stands against the 17.0 h border average Dulata–Kolzhat takes, and only "
                "a queue that builds over more than a day at Kolzhat's capacity closes that "
                "gap. T = 168 h is the shortest period tried at which the ranking matches the "
                "sources, so T is calibrated on this ranking (stated in the assumption); the "
                "multi-day queues reported at Nur Zholy (1,500 lorries against 650 a day, "
                "November 2025) are of that size. Loads per period, same demand and network:",
                "",
                "| T h | "
                + " | ".join(c.removeprefix("bcp-").removesuffix("-road") for c in FOLLOWED)
                + " | busiest road |",
                "|---" * (len(FOLLOWED) + 2) + "|",
                *("| " + " | ".join(row) + " |" for row in sensitivity),
                "",
                "Published clearance times include the waiting at the flow they were measured "
                "at; the queueing function still comes on top of them (`docs/freight.md`).",
                "",
                f"Time of the equilibrium alone to a relative gap of {TIMED_GAP:g}, rail and "
                f"road networks together, same demand (best of {args.repeat} interleaved "
                "rounds):",
                "",
                "| algorithm | ms | vs BFW | iterations rail/road |",
                "|---|---|---|---|",
                *("| " + " | ".join(row) + " |" for row in timing_rows),
            ]
        )
        record_section(SECTION, body, MEASURED, results=args.results or RESULTS)


if __name__ == "__main__":
    main()
