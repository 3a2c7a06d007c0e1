"""Equilibrium assignment: caravan's and AequilibraE's bi-conjugate Frank–Wolfe side by side.

Usage::

    .venv/bin/python benchmarks/assignment.py ../shared/data/tntp \
        --aequilibrae-python /tmp/aeqvenv/bin/python [--aequilibrae-cores 1]

On Sioux Falls and Chicago Sketch (from ../shared, never copied), each engine runs to
relative gaps 1e-4, 1e-5 and 1e-6 in the same run; the table prints the wall time of the solve
(AequilibraE: ``execute()`` only, its graph and matrix set-up excluded; caravan:
``assign()`` whole), the iterations, the gap each engine reports, the Beckmann objective of
each engine's flows (computed by caravan, so both are measured alike) and the time ratio.
AequilibraE (``benchmarks/requirements-assignment.txt``) runs in its own interpreter, given
by ``--aequilibrae-python``, so it never enters caravan's environment; without it only
caravan runs. caravan is single-threaded; AequilibraE's thread count is printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NETWORKS = ("SiouxFalls", "ChicagoSketch")
GAPS = (1e-4, 1e-5, 1e-6)
FIXED_COST = {"ChicagoSketch": (0.04, 0.02)}


def _load(folder: Path, name: str) -> tuple[Any, Any]:
    from caravan.store.tntp import load_tntp_network, load_tntp_trips

    directory = folder / name
    return (
        load_tntp_network(directory / f"{name}_net.tntp"),
        load_tntp_trips(directory / f"{name}_trips.tntp"),
    )


def run_caravan(folder: Path, name: str, gap: float) -> dict[str, Any]:
    """Solve with caravan's BFW; wall time of ``assign``."""
    from caravan.analysis.assignment import Algorithm, AssignmentSpec, assign, network_from_tntp

    tntp, trips = _load(folder, name)
    network = network_from_tntp(tntp, *FIXED_COST.get(name, (0.0, 0.0)))
    spec = AssignmentSpec(
        algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE, target_gap=gap, max_iterations=5000
    )
    start = time.perf_counter()
    result = assign(network, trips, spec)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
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
    assignment.max_iter = 5000
    assignment.rgap_target = gap
    start = time.perf_counter()
    assignment.execute()
    seconds = time.perf_counter() - start
    results = assignment.results().sort_index()
    report = assignment.report()
    return {
        "seconds": seconds,
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--aequilibrae-python", default=None)
    parser.add_argument("--aequilibrae-cores", type=int, default=1)
    parser.add_argument("--engine", choices=("caravan", "aequilibrae"), default=None)
    parser.add_argument("--network", default=None)
    parser.add_argument("--gap", type=float, default=None)
    arguments = parser.parse_args()
    if arguments.engine:  # one solve, as JSON on stdout (how the parent calls each engine)
        if arguments.engine == "caravan":
            answer = run_caravan(arguments.folder, arguments.network, arguments.gap)
        else:
            answer = run_aequilibrae(
                arguments.folder, arguments.network, arguments.gap, arguments.aequilibrae_cores
            )
        print(json.dumps(answer))
        return 0
    import numpy as np
    from rich.console import Console
    from rich.table import Table

    source = str(Path(__file__).resolve().parents[1] / "src")
    table = Table(
        title="Bi-conjugate Frank–Wolfe to a relative gap, side by side "
        f"(caravan 1 thread, AequilibraE {arguments.aequilibrae_cores} thread(s))",
        title_justify="left",
    )
    for column in (
        "network",
        "target gap",
        "engine",
        "iterations",
        "reported gap",
        "objective",
        "time (s)",
        "AequilibraE / caravan",
    ):
        table.add_column(column)
    scratch = Path(tempfile.mkdtemp(prefix="caravan-assignment-"))
    for name in NETWORKS:
        tntp, trips = _load(arguments.folder, name)
        length_cost, toll_cost = FIXED_COST.get(name, (0.0, 0.0))
        arrays = scratch / f"{name}.npz"
        np.savez(
            arrays,
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
        for gap in GAPS:
            rows = {}
            engines = [("caravan", sys.executable)]
            if arguments.aequilibrae_python:
                engines.append(("aequilibrae", arguments.aequilibrae_python))
            for engine, python in engines:
                command = [
                    python,
                    __file__,
                    str(arguments.folder if engine == "caravan" else arrays),
                    "--engine",
                    engine,
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
                rows[engine] = json.loads(output.strip().splitlines()[-1])
            for engine, row in rows.items():
                ratio = ""
                if engine == "aequilibrae":
                    ratio = f"{row['seconds'] / rows['caravan']['seconds']:.2f}×"
                table.add_row(
                    name,
                    f"{gap:.0e}",
                    engine,
                    str(row["iterations"]),
                    f"{row['gap']:.2e}",
                    f"{_objective(arguments.folder, name, row['flow']):,.4f}",
                    f"{row['seconds']:.2f}",
                    ratio,
                )
    shutil.rmtree(scratch)
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
