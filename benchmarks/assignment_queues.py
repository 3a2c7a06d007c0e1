"""caravan's own freight assignment (queueing crossings) by gradient projection: array
version beside the compiled kernels, side by side in one run.

Usage::

    .venv/bin/python benchmarks/assignment_queues.py [--year 2024] [--repeat 5]
        [--tntp ../shared/data/tntp] [--record]

On the embedded dataset (a knowledge base built in a temporary folder), (1) the year's
whole freight assignment (``caravan.analysis.freight.assign_year``: demand, each mode's
network with its queueing crossings, equilibrium, loads) with gradient projection on arrays
(``compiled=False``) and on the compiled kernels, to relative gaps 1e-6 and 1e-10; (2) the
equilibrium alone on the same rail and road networks and vehicle matrices, the demand also
scaled ×3 as a stress case (not a forecast: more crossings run near or above capacity).
Times are the best of ``--repeat`` interleaved rounds after a warm-up that loads the
compiled kernels; the flows of the two engines are compared link by link. With ``--tntp``,
(3) Sioux Falls and Chicago Sketch (read from that folder, never copied) with every tenth
capacitated link made a queue (T = 60 min, N = capacity × 1 h, J = 0.5: a synthetic mixed
network, one run each, as the array version takes minutes on Chicago Sketch). ``--record``
writes the tables into ``benchmarks/RESULTS.md`` (section ``assignment_queues``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from check_results import record_section
from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.assignment import (
    Algorithm,
    AssignmentNetwork,
    AssignmentResult,
    AssignmentSpec,
    assign,
    network_from_tntp,
)
from caravan.analysis.assignment.queueing import QueueDelay
from caravan.analysis.freight import (
    MODES,
    FreightAssignment,
    FreightParameters,
    assign_year,
    freight_network,
)
from caravan.analysis.freight._graph import ZoneDistances
from caravan.analysis.freight.run import demand_under
from caravan.store import default_data_dir
from caravan.store.tntp import load_tntp_network, load_tntp_trips

SECTION = "assignment_queues"
MEASURED = (
    "src/caravan/analysis/assignment/*.py",
    "src/caravan/analysis/freight/*.py",
    "benchmarks/assignment_queues.py",
)
GAPS = (1e-6, 1e-10)
SCALES = (1.0, 3.0)
ENGINES = {"arrays": False, "compiled": True}
FloatArray = npt.NDArray[np.float64]
Case = tuple[AssignmentNetwork, FloatArray]
Output = TypeVar("Output")


def _spec(compiled: bool, gap: float) -> AssignmentSpec:
    return AssignmentSpec(
        algorithm=Algorithm.GRADIENT_PROJECTION,
        target_gap=gap,
        max_iterations=5000,
        compiled=compiled,
    )


def _best(repeat: int, runs: Mapping[str, Callable[[], Output]]) -> dict[str, tuple[float, Output]]:
    """Best wall time of each run over ``repeat`` interleaved rounds, with its last output."""
    best: dict[str, tuple[float, Output]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            output = run()
            elapsed = time.perf_counter() - start
            if name not in best or elapsed < best[name][0]:
                best[name] = (elapsed, output)
    return best


def _freight(observatory: Observatory, year: int, spec: AssignmentSpec) -> FreightAssignment:
    """The whole freight assignment of ``year`` on the observatory's network."""
    return assign_year(observatory.kb, year, observatory.network, spec=spec)


def _solve(cases: list[Case], spec: AssignmentSpec) -> list[AssignmentResult]:
    """The equilibrium of each case."""
    return [assign(network, matrix, spec) for network, matrix in cases]


def _cases(observatory: Observatory, year: int, scale: float) -> list[Case]:
    """Each mode's network and vehicle matrix (demand × ``scale``), unreachable pairs dropped."""
    kb = observatory.kb
    parameters = FreightParameters.from_knowledge_base(kb)
    demand = demand_under(kb, year)
    snapshot = observatory.network(parameters.date_of(year))
    cases = []
    for mode in MODES:
        net = freight_network(kb, snapshot, mode, demand.zones, parameters)
        per_vehicle = parameters.operating_days_per_year * parameters.tonnes_per_vehicle(mode)
        matrix = scale * np.asarray(demand.tonnes_per_year[mode], dtype=np.float64) / per_vehicle
        np.fill_diagonal(matrix, 0.0)
        distances = ZoneDistances(net.network, net.network.free_flow_time).between_zones()
        cases.append((net.network, np.where(np.isfinite(distances), matrix, 0.0)))
    return cases


def _end_to_end(observatory: Observatory, year: int, repeat: int) -> list[list[str]]:
    """The whole freight assignment of ``year`` by each engine and gap."""
    rows = []
    for gap in GAPS:
        best = _best(
            repeat,
            {
                engine: partial(_freight, observatory, year, _spec(compiled, gap))
                for engine, compiled in ENGINES.items()
            },
        )
        reference = best["arrays"][0]
        for engine, (seconds, result) in best.items():
            modes = result.runs
            rows.append(
                [
                    f"{gap:.0e}",
                    engine,
                    f"{seconds * 1e3:.1f}",
                    f"{reference / seconds:.2f}×",
                    "/".join(str(len(run.history)) for run in modes),
                    " / ".join(f"{run.relative_gap:.1e}" for run in modes),
                ]
            )
    return rows


def _equilibrium(cases: list[Case], repeat: int, scale: float) -> list[list[str]]:
    """The equilibrium alone on ``cases`` by each engine and gap, flows compared."""
    rows = []
    for gap in GAPS:
        best = _best(
            repeat,
            {
                engine: partial(_solve, cases, _spec(compiled, gap))
                for engine, compiled in ENGINES.items()
            },
        )
        reference = best["arrays"][0]
        difference = max(
            float(np.abs(a.flow - c.flow).max() / max(a.flow.max(), 1e-300))
            for a, c in zip(best["arrays"][1], best["compiled"][1], strict=True)
        )
        for engine, (seconds, results) in best.items():
            rows.append(
                [
                    f"×{scale:g}",
                    f"{gap:.0e}",
                    engine,
                    f"{seconds * 1e3:.1f}",
                    f"{reference / seconds:.2f}×",
                    "/".join(str(r.iterations) for r in results),
                    " / ".join(f"{r.relative_gap:.1e}" for r in results),
                    f"{difference:.1e}" if engine == "compiled" else "",
                ]
            )
    return rows


#: TNTP networks with their generalised cost (length and toll weights), as published.
TNTP = {"SiouxFalls": (0.0, 0.0), "ChicagoSketch": (0.04, 0.02)}
#: Every this many capacitated links of a TNTP network becomes a queue link.
QUEUE_EVERY = 10


def _queued_tntp(folder: Path, name: str) -> Case:
    """A TNTP network with every ``QUEUE_EVERY``-th capacitated link a queue, and its trips."""
    directory = folder / name
    network = network_from_tntp(load_tntp_network(directory / f"{name}_net.tntp"), *TNTP[name])
    links = np.flatnonzero(
        (np.arange(network.link_count) % QUEUE_EVERY == 0) & (network.capacity > 0)
    )
    queue = QueueDelay(
        link=links,
        period=np.full(links.size, 60.0),  # minutes, TNTP's time unit
        served_per_period=network.capacity[links] * 1.0,  # capacity is per hour
        delay_parameter=np.full(links.size, 0.5),
    )
    mixed = AssignmentNetwork(**{**network.__dict__, "queues": queue})
    return mixed, load_tntp_trips(directory / f"{name}_trips.tntp")


def _tntp_rows(folder: Path) -> list[list[str]]:
    """Each TNTP network with queue links, by each engine to each gap (one run each)."""
    rows = []
    for name in TNTP:
        network, trips = _queued_tntp(folder, name)
        _solve([(network, trips)], _spec(True, 1e-2))  # the kernels' first call stays out
        for gap in GAPS:
            best = _best(
                1,
                {
                    engine: partial(_solve, [(network, trips)], _spec(compiled, gap))
                    for engine, compiled in ENGINES.items()
                },
            )
            reference = best["arrays"][0]
            for engine, (seconds, (result,)) in best.items():
                rows.append(
                    [
                        name,
                        f"{network.queues.link.size if network.queues else 0} of "
                        f"{network.link_count}",
                        f"{gap:.0e}",
                        engine,
                        f"{seconds:.3f}",
                        f"{reference / seconds:.1f}×",
                        str(result.iterations),
                        f"{result.relative_gap:.2e}",
                        f"{result.objective:,.6f}",
                    ]
                )
                print(" | ".join(rows[-1]), flush=True)
    return rows


def _queue_links(cases: list[Case]) -> str:
    counts = [
        f"{mode} {0 if n.queues is None else n.queues.link.size} of {n.link_count}"
        for mode, (n, _) in zip(MODES, cases, strict=True)
    ]
    return ", ".join(counts)


def _options(args: argparse.Namespace) -> str:
    """The command-line options given, as typed (``--record`` aside)."""
    options = [f" --year {args.year}"] if args.year != 2024 else []
    options += [f" --repeat {args.repeat}"] if args.repeat != 5 else []
    options += [f" --tntp {args.tntp}"] if args.tntp else []
    return "".join(options)


def _markdown(headers: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


END_TO_END = ["target gap", "engine", "ms", "speed-up vs arrays", "iterations rail/road",
              "gap reached rail / road"]  # fmt: skip
TNTP_HEADERS = ["network", "queue links", "target gap", "engine", "s", "speed-up vs arrays",
                "iterations", "gap reached", "objective"]  # fmt: skip
EQUILIBRIUM = ["demand", "target gap", "engine", "ms", "speed-up vs arrays",
               "iterations rail/road", "gap reached rail / road",
               "max flow difference (of max flow)"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run both comparisons and print them; with ``--record``, write them into RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tntp", type=Path, default=None, help="folder of TNTP networks")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", default_data_dir())
        start = time.perf_counter()
        assign_year(observatory.kb, args.year, observatory.network, spec=_spec(True, 1e-6))
        warm_up = time.perf_counter() - start
        end_to_end = _end_to_end(observatory, args.year, args.repeat)
        equilibrium, queues = [], ""
        for scale in SCALES:
            cases = _cases(observatory, args.year, scale)
            queues = _queue_links(cases)
            equilibrium += _equilibrium(cases, args.repeat, scale)
        observatory.close()
    tntp = _tntp_rows(args.tntp) if args.tntp else []
    console = Console()
    for title, headers, rows in (
        (f"Freight assignment {args.year}, end to end (best of {args.repeat})", END_TO_END,
         end_to_end),
        (f"Equilibrium alone (best of {args.repeat}); queue links: {queues}", EQUILIBRIUM,
         equilibrium),
        ("TNTP networks with queue links (one run each)", TNTP_HEADERS, tntp),
    ):  # fmt: skip
        if not rows:
            continue
        table = Table(title=title)
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*row)
        console.print(table)
    console.print(f"warm-up (kernels loaded, first solve): {warm_up:.2f} s")
    if args.record:
        body = "\n".join(
            [
                "## Freight assignment with queueing crossings: gradient projection on "
                "arrays and on compiled kernels (issue 11)",
                "",
                f"Command: `.venv/bin/python benchmarks/assignment_queues.py{_options(args)} "
                f"--record` (embedded data, year {args.year}; gradient projection, "
                "`compiled=False` "
                "against the default compiled kernels; best of "
                f"{args.repeat} interleaved rounds, wall time, one process, after a warm-up of "
                f"{warm_up:.2f} s that loads the kernels; load average {load_before:.1f} "
                f"before, {os.getloadavg()[0]:.1f} after, 2 shared cores). Queue links "
                f"(Akçelik's delay at capacitated crossings): {queues}.",
                "",
                f"The whole `assign_year({args.year})` (demand, networks, equilibrium, loads):",
                "",
                *_markdown(END_TO_END, end_to_end),
                "",
                "The equilibrium alone, rail and road together, on the same networks and "
                "vehicle matrices (×3: the 2024 demand tripled, a stress case that puts more "
                "crossings near or above capacity, not a forecast); the flow difference is the "
                "largest link difference between the two engines over the largest link flow:",
                "",
                *_markdown(EQUILIBRIUM, equilibrium),
            ]
        )
        if tntp:
            body += "\n".join(
                [
                    "",
                    "",
                    "With `--tntp`: Sioux Falls and Chicago Sketch (its generalised "
                    f"cost) with every {QUEUE_EVERY}th capacitated link a queue link (T = 60 "
                    "min, N = capacity × 1 h, J = 0.5: synthetic, to load the engines with "
                    "many pairs and queues), one run each from scratch, wall time of "
                    "`assign()`:",
                    "",
                    *_markdown(TNTP_HEADERS, tntp),
                ]
            )
        record_section(SECTION, body, MEASURED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
