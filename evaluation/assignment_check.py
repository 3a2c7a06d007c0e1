"""Check caravan's equilibrium assignment on the TNTP benchmark networks in ../shared.

Usage: python evaluation/assignment_check.py ../shared/data/tntp

For Sioux Falls, Anaheim and Chicago Sketch, bi-conjugate Frank–Wolfe must reach a
relative gap of 1e-5 (all three, Chicago Sketch included: it takes ~100 iterations,
under 10 s on one core) and, where an optimum is published, a Beckmann objective within
1e-5 relative of it (Anaheim, which has none, is held to the objective of its best-known
flows). Any other TNTP network in the folder is solved as well. The last rows run the
path-based algorithm (gradient projection, compiled kernels) on Sioux Falls to relative gap
1e-10 and on Chicago Sketch to 1e-8, objectives held to 1e-9 relative of the published
optima (~0.1 s and ~2 s). Prints a table (iterations, gap, objective, published value, time, and
the largest difference from the best-known link flows relative to the largest flow) and
exits 1 if any check fails. The networks are read from ../shared (research use only) and
never copied into the repository.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan.analysis.assignment import (
    Algorithm,
    AssignmentSpec,
    ConvergenceError,
    assign,
    network_from_tntp,
)
from caravan.network import beckmann_objective
from caravan.store.tntp import load_tntp_flows, load_tntp_network, load_tntp_trips

#: Published optima of the best-known flows (the collection's READMEs, summarised in
#: ../shared/data/tntp/*/SOURCE.md); the same figures as evaluation/tntp_check.py.
PUBLISHED_OBJECTIVE = {
    "SiouxFalls": 42.31335287107440 * 1e5,
    "Anaheim": None,  # no value quoted upstream
    "ChicagoSketch": 17313018.7387477,
}
#: Chicago Sketch's generalised cost adds 0.04 min/mile × length and 0.02 min/cent × toll.
FIXED_COST = {"ChicagoSketch": (0.04, 0.02)}
#: Always checked; any other folder holding ``<name>_net.tntp`` and ``<name>_trips.tntp``
#: is solved too (its gap checked, and its objective against its best-known flows if any).
REQUIRED = ("SiouxFalls", "Anaheim", "ChicagoSketch")
TARGET_GAP = 1e-5
OBJECTIVE_TOLERANCE = 1e-5
MAX_ITERATIONS = 2000
#: The path-based rows: network, target gap, objective tolerance, iteration limit.
PATH_BASED = (("SiouxFalls", 1e-10, 1e-9, 2000), ("ChicagoSketch", 1e-8, 1e-9, 500))


def main(folder: Path) -> int:
    console = Console(width=160)
    table = Table(
        title=(
            f"Bi-conjugate Frank–Wolfe on the TNTP networks ({folder}), target gap "
            f"{TARGET_GAP:.0e}; the last rows: gradient projection (path-based)"
        ),
        title_justify="left",
    )
    for column in (
        "network",
        "links",
        "iterations",
        "relative gap",
        "objective",
        "published",
        "rel. diff",
        "flows vs best-known",
        "time (s)",
        "ok",
    ):
        table.add_column(column, overflow="fold")
    failures = 0
    spec = AssignmentSpec(
        algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE,
        target_gap=TARGET_GAP,
        max_iterations=MAX_ITERATIONS,
    )
    names = list(REQUIRED) + sorted(
        d.name
        for d in folder.iterdir()
        if d.is_dir()
        and d.name not in REQUIRED
        and (d / f"{d.name}_net.tntp").is_file()
        and (d / f"{d.name}_trips.tntp").is_file()
    )
    runs = [(name, spec, OBJECTIVE_TOLERANCE, "") for name in names]
    for path_name, path_gap, path_tolerance, path_iterations in PATH_BASED:
        path_spec = AssignmentSpec(
            algorithm=Algorithm.GRADIENT_PROJECTION,
            target_gap=path_gap,
            max_iterations=path_iterations,
        )
        label = f", path-based, target {path_gap:.0e}"
        runs.append((path_name, path_spec, path_tolerance, label))
    for name, run_spec, tolerance, label in runs:
        directory = folder / name
        tntp = load_tntp_network(directory / f"{name}_net.tntp")
        trips = load_tntp_trips(directory / f"{name}_trips.tntp")
        flow_file = directory / f"{name}_flow.tntp"
        best = load_tntp_flows(flow_file) if flow_file.is_file() else None
        network = network_from_tntp(tntp, *FIXED_COST.get(name, (0.0, 0.0)))
        start = time.perf_counter()
        try:
            result = assign(network, trips, run_spec)
            converged = True
        except ConvergenceError as error:
            result, converged = error.result, False
        elapsed = time.perf_counter() - start
        published = PUBLISHED_OBJECTIVE.get(name)
        if published is None and best is not None:  # best-known flows' objective stands in
            published = beckmann_objective(
                network.free_flow_time,
                network.b,
                network.power,
                network.capacity,
                best.volume,
                network.fixed_cost,
            )
            name = f"{name} (ref.: best-known flows)"
        difference = None if published is None else abs(result.objective - published) / published
        objective_ok = difference is None or difference <= tolerance
        flow_difference = (
            None
            if best is None
            else float(np.abs(result.flow - best.volume).max() / best.volume.max())
        )
        ok = converged and objective_ok
        failures += not ok
        table.add_row(
            name + label,
            str(network.link_count),
            str(result.iterations),
            f"{result.relative_gap:.2e}",
            f"{result.objective:,.4f}",
            "—" if published is None else f"{published:,.4f}",
            "—" if difference is None else f"{difference:.1e}",
            "—" if flow_difference is None else f"{flow_difference:.1e}",
            f"{elapsed:.2f}",
            "yes" if ok else "[red]NO[/]",
        )
    console.print(table)
    print(f"{len(runs) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
