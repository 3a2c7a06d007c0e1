"""Equilibrium assignment: caravan (bi-conjugate FW, gradient projection) beside AequilibraE.

Usage::

    .venv/bin/python benchmarks/assignment.py ../shared/data/tntp \
        --aequilibrae-python /tmp/aeqvenv/bin/python [--aequilibrae-cores 1] [--record]

On Sioux Falls and Chicago Sketch (from ../shared, never copied), in the same run and each
solve in its own process: caravan's bi-conjugate Frank–Wolfe and AequilibraE's to relative
gaps 1e-4, 1e-5 and 1e-6, and caravan's gradient projection to 1e-4 … 1e-8 beside
AequilibraE's bi-conjugate FW to 1e-8 with an iteration cap (``AEQUILIBRAE_CAP``: it does
not reach 1e-8 on Chicago Sketch in reasonable time). The table prints the wall time of the
solve (AequilibraE: ``execute()`` only, its graph and matrix set-up excluded; caravan:
``assign()`` whole, after a warm-up solve that loads the compiled kernels, whose time is
printed apart), the iterations, the gap each engine reports, the Beckmann objective of each
engine's flows (computed by caravan, so both are measured alike) and AequilibraE's time
over caravan's. AequilibraE (``benchmarks/requirements-assignment.txt``) runs in its own
interpreter, given by ``--aequilibrae-python``, so it never enters caravan's environment;
without it only caravan runs. caravan is single-threaded; AequilibraE's thread count and
the machine's load average are printed. ``--record`` writes the table into
``benchmarks/RESULTS.md`` (section ``assignment``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NETWORKS = ("SiouxFalls", "ChicagoSketch")
#: Gaps per engine and algorithm (caravan's bi-conjugate FW takes minutes to 1e-8).
GAPS = {
    ("caravan", "bfw"): (1e-4, 1e-5, 1e-6),
    ("caravan", "gp"): (1e-4, 1e-5, 1e-6, 1e-8),
    ("aequilibrae", "bfw"): (1e-4, 1e-5, 1e-6, 1e-8),
}
#: AequilibraE's iteration cap (~75 s on Chicago Sketch; 1e-6 took it ~450 iterations).
AEQUILIBRAE_CAP = 1000
FIXED_COST = {"ChicagoSketch": (0.04, 0.02)}
SECTION = "assignment"
MEASURED = ("src/caravan/analysis/assignment/*.py", "benchmarks/assignment.py")


def _load(folder: Path, name: str) -> tuple[Any, Any]:
    from caravan.store.tntp import load_tntp_network, load_tntp_trips

    directory = folder / name
    return (
        load_tntp_network(directory / f"{name}_net.tntp"),
        load_tntp_trips(directory / f"{name}_trips.tntp"),
    )


def run_caravan(folder: Path, name: str, gap: float, algorithm: str) -> dict[str, Any]:
    """Solve with caravan's BFW or gradient projection; wall time of ``assign``.

    A warm-up solve of two iterates first loads the compiled kernels (numba's disk cache;
    compiled there on the very first run): its time is returned as ``first_call``.
    """
    import warnings

    from caravan.analysis.assignment import (
        Algorithm,
        AssignmentSpec,
        ConvergenceWarning,
        OnMiss,
        assign,
        network_from_tntp,
    )

    tntp, trips = _load(folder, name)
    network = network_from_tntp(tntp, *FIXED_COST.get(name, (0.0, 0.0)))
    chosen = {
        "bfw": Algorithm.BICONJUGATE_FRANK_WOLFE,
        "gp": Algorithm.GRADIENT_PROJECTION,
    }[algorithm]
    warm_up = AssignmentSpec(
        algorithm=chosen, target_gap=1e-12, max_iterations=2, on_miss=OnMiss.WARN
    )
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        assign(network, trips, warm_up)
    first_call = time.perf_counter() - start
    spec = AssignmentSpec(algorithm=chosen, target_gap=gap, max_iterations=5000)
    start, cpu = time.perf_counter(), time.process_time()
    result = assign(network, trips, spec)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "first_call": first_call,
        "seconds": seconds,
        "cpu": cpu,
        "iterations": result.iterations,
        "gap": result.relative_gap,
        "flow": result.flow.tolist(),
    }


def run_aequilibrae(folder: Path, name: str, gap: float, cores: int) -> dict[str, Any]:
    """Solve with AequilibraE's BFW; ``folder`` is the parent's ``.npz`` of the network."""
    import logging

    import numpy as np
    import pandas as pd
    from aequilibrae.matrix import AequilibraeMatrix
    from aequilibrae.paths import Graph, TrafficAssignment, TrafficClass

    logging.getLogger("aequilibrae").setLevel(logging.ERROR)
    arrays = np.load(folder)  # the parent's arrays: this interpreter need not import caravan
    zones, links = int(arrays["zones"]), int(arrays["init_node"].size)
    trips = arrays["trips"]
    fixed = arrays["fixed_cost"]
    network = pd.DataFrame(
        {
            "link_id": np.arange(1, links + 1),
            "a_node": arrays["init_node"] + 1,
            "b_node": arrays["term_node"] + 1,
            "direction": 1,
            "capacity": arrays["capacity"],
            # AequilibraE refuses zero free-flow times (Chicago Sketch's connectors have them):
            # 1e-9 min changes no route and the objective by far less than the gaps asked.
            "free_flow_time": np.maximum(arrays["free_flow_time"], 1e-9),
            "b": arrays["b"],
            "power": arrays["power"],
            "fixed_cost": fixed,
        }
    )
    graph = Graph()
    graph.network = network
    graph.prepare_graph(np.arange(1, zones + 1))
    graph.set_graph("free_flow_time")
    graph.set_skimming(["free_flow_time"])
    graph.set_blocked_centroid_flows(int(arrays["first_thru_node"]) > 1)
    matrix = AequilibraeMatrix()
    matrix.create_empty(zones=zones, matrix_names=["matrix"], memory_only=True)
    matrix.index[:] = np.arange(1, zones + 1)
    matrix.matrices[:, :, 0] = trips
    matrix.computational_view(["matrix"])
    traffic_class = TrafficClass("car", graph, matrix)
    if fixed.any():
        traffic_class.set_fixed_cost("fixed_cost", 1.0)
    assignment = TrafficAssignment()
    assignment.set_classes([traffic_class])
    assignment.set_vdf("BPR")
    assignment.set_vdf_parameters({"alpha": "b", "beta": "power"})
    assignment.set_capacity_field("capacity")
    assignment.set_time_field("free_flow_time")
    assignment.set_algorithm("bfw")
    assignment.set_cores(cores)
    assignment.max_iter = AEQUILIBRAE_CAP if gap < 1e-6 else 5000
    assignment.rgap_target = gap
    start, cpu = time.perf_counter(), time.process_time()
    assignment.execute()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    results = assignment.results().sort_index()
    report = assignment.report()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "iterations": len(report),
        "gap": float(report["rgap"].iloc[-1]),
        "flow": results.loc[np.arange(1, links + 1), "matrix_tot"].to_numpy().tolist(),
    }


def _objective(folder: Path, name: str, flow: list[float]) -> float:
    import numpy as np

    from caravan.analysis.assignment import network_from_tntp
    from caravan.network import beckmann_objective

    tntp, _ = _load(folder, name)
    network = network_from_tntp(tntp, *FIXED_COST.get(name, (0.0, 0.0)))
    return beckmann_objective(
        network.free_flow_time,
        network.b,
        network.power,
        network.capacity,
        np.asarray(flow),
        network.fixed_cost,
    )


def _solve(
    arguments: argparse.Namespace, arrays: Path, name: str, engine: str, algorithm: str, gap: float
) -> dict[str, Any]:
    """One solve in its own process (caravan's interpreter or AequilibraE's), as a dict."""
    python = sys.executable if engine == "caravan" else arguments.aequilibrae_python
    source = str(Path(__file__).resolve().parents[1] / "src")
    command = [
        python,
        __file__,
        str(arguments.folder if engine == "caravan" else arrays),
        "--engine",
        engine,
        "--algorithm",
        algorithm,
        "--network",
        name,
        "--gap",
        str(gap),
        "--aequilibrae-cores",
        str(arguments.aequilibrae_cores),
    ]
    output = subprocess.run(
        command,
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": source, "PATH": "/usr/bin:/bin"},
    ).stdout
    answer: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return answer


def _save_arrays(folder: Path, name: str, target: Path) -> None:
    """The network and trips as plain arrays, for AequilibraE's interpreter."""
    import numpy as np

    tntp, trips = _load(folder, name)
    length_cost, toll_cost = FIXED_COST.get(name, (0.0, 0.0))
    np.savez(
        target,
        zones=tntp.zones,
        first_thru_node=tntp.first_thru_node,
        init_node=tntp.init_node,
        term_node=tntp.term_node,
        capacity=tntp.capacity,
        free_flow_time=tntp.free_flow_time,
        b=tntp.b,
        power=tntp.power,
        fixed_cost=length_cost * tntp.length + toll_cost * tntp.toll,
        trips=trips,
    )


LABELS = {
    ("caravan", "bfw"): "caravan bi-conjugate FW",
    ("caravan", "gp"): "caravan gradient projection",
    ("aequilibrae", "bfw"): "AequilibraE bi-conjugate FW",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--aequilibrae-python", default=None)
    parser.add_argument("--aequilibrae-cores", type=int, default=1)
    parser.add_argument("--engine", choices=("caravan", "aequilibrae"), default=None)
    parser.add_argument("--algorithm", choices=("bfw", "gp"), default="bfw")
    parser.add_argument("--network", default=None)
    parser.add_argument("--gap", type=float, default=None)
    parser.add_argument("--record", action="store_true")
    arguments = parser.parse_args()
    if arguments.engine:  # one solve, as JSON on stdout (how the parent calls each engine)
        if arguments.engine == "caravan":
            answer = run_caravan(
                arguments.folder, arguments.network, arguments.gap, arguments.algorithm
            )
        else:
            answer = run_aequilibrae(
                arguments.folder, arguments.network, arguments.gap, arguments.aequilibrae_cores
            )
        print(json.dumps(answer))
        return 0
    from rich.console import Console
    from rich.table import Table

    load_before = os.getloadavg()
    header = (
        "network",
        "target gap",
        "engine, algorithm",
        "iterations",
        "reported gap",
        "objective",
        "wall (s)",
        "CPU (s)",
        "AequilibraE / this: wall, CPU",
    )
    rows: list[tuple[str, ...]] = []
    first_calls: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="caravan-assignment-"))
    engines = [key for key in GAPS if key[0] == "caravan" or arguments.aequilibrae_python]
    for name in NETWORKS:
        arrays = scratch / f"{name}.npz"
        _save_arrays(arguments.folder, name, arrays)
        gaps = sorted({gap for key in engines for gap in GAPS[key]}, reverse=True)
        for gap in gaps:
            solved = {
                key: _solve(arguments, arrays, name, *key, gap)
                for key in engines
                if gap in GAPS[key]
            }
            reference = solved.get(("aequilibrae", "bfw"))
            for key, row in solved.items():
                ratio = ""
                if key[0] == "caravan" and reference is not None:
                    wall = reference["seconds"] / row["seconds"]
                    cpu = reference["cpu"] / max(row["cpu"], 1e-9)
                    ratio = f"{wall:.1f}×, {cpu:.1f}×"
                    if reference["gap"] > gap:
                        ratio = f"≥ {ratio} (AequilibraE capped)"
                missed = " (capped)" if row["gap"] > gap else ""
                rows.append(
                    (
                        name,
                        f"{gap:.0e}",
                        LABELS[key],
                        str(row["iterations"]),
                        f"{row['gap']:.2e}{missed}",
                        f"{_objective(arguments.folder, name, row['flow']):,.4f}",
                        f"{row['seconds']:.3f}",
                        f"{row['cpu']:.3f}",
                        ratio,
                    )
                )
                print(" | ".join(rows[-1]), flush=True)
                if "first_call" in row:
                    first_calls.append(f"{row['first_call']:.2f}")
    shutil.rmtree(scratch)
    load_after = os.getloadavg()
    title = (
        f"Time to a relative gap, side by side (caravan 1 thread, AequilibraE "
        f"{arguments.aequilibrae_cores} thread(s)); load average before "
        f"{load_before[0]:.1f}, after {load_after[0]:.1f} (2 cores)"
    )
    table = Table(title=title, title_justify="left")
    for column in header:
        table.add_column(column)
    for row_cells in rows:
        table.add_row(*row_cells)
    Console(width=200).print(table)
    warm = f"warm-up solves (first call, kernels loaded): {min(first_calls)}–{max(first_calls)} s"
    print(warm)
    if arguments.record:
        _record(arguments, header, rows, title, warm)
    return 0


def _record(
    arguments: argparse.Namespace,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    title: str,
    warm: str,
) -> None:
    """Write the table into RESULTS.md, section ``assignment``."""
    from check_results import record_section

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    body = (
        "## Equilibrium assignment: caravan vs AequilibraE (issue 11)\n\n"
        "Command (AequilibraE 1.7.2 from PyPI in its own environment, "
        "`benchmarks/requirements-assignment.txt`; it needed no system library for "
        "assignment from in-memory arrays):\n\n```bash\n"
        "python3 -m venv /tmp/aeqvenv && /tmp/aeqvenv/bin/pip install -r "
        "benchmarks/requirements-assignment.txt\n"
        ".venv/bin/python benchmarks/assignment.py ../shared/data/tntp --aequilibrae-python "
        f"/tmp/aeqvenv/bin/python --aequilibrae-cores {arguments.aequilibrae_cores} --record\n"
        "```\n\n"
        f"{title}. Each solve runs in its own process; time is the solve's wall time "
        "(AequilibraE: `execute()`, its graph and matrix set-up excluded; caravan: `assign()` "
        f"whole, after a warm-up solve: {warm}); CPU is the solving process's own CPU "
        "time, which other engineers' jobs on the shared machine inflate less than wall "
        "time. The objective is the Beckmann objective of "
        "each engine's flows, computed by caravan for both (Chicago Sketch with its "
        "generalised cost; AequilibraE is given 1e-9 min instead of the zero free-flow times "
        "of Chicago's connectors, which it refuses). AequilibraE runs to 1e-8 with a cap of "
        f"{AEQUILIBRAE_CAP} iterations; where it stops short, the ratio is a lower bound.\n\n"
        + "\n".join(lines)
        + "\n"
    )
    record_section(SECTION, body, MEASURED)


if __name__ == "__main__":
    sys.exit(main())
