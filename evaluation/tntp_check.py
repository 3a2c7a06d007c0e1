"""Check caravan's network kernels on the TNTP benchmark networks in ../shared.

Usage: python evaluation/tntp_check.py ../shared/data/tntp

For each network (Sioux Falls, Anaheim, Chicago Sketch): the reader agrees with the
files' own metadata; the BPR times at the best-known flows reproduce the flow files' cost
column; the Beckmann objective of those flows equals the published optimum; and
caravan's free-flow zone-to-zone skim equals networkx's Dijkstra. Prints one line per
check, timings side by side, and exits 1 if any check fails. The networks are read from
../shared (research use only) and never copied into the repository.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
from rich.console import Console
from rich.table import Table

from caravan.network import beckmann_objective, bpr_time, skim_from_edges
from caravan.store.tntp import load_tntp_flows, load_tntp_network, load_tntp_trips

#: Published optima of the best-known flows (objective of the Beckmann program), with where
#: they are stated: the collection's READMEs as summarised in ../shared/data/tntp/*/SOURCE.md.
PUBLISHED_OBJECTIVE = {
    "SiouxFalls": 42.31335287107440 * 1e5,  # upstream quotes the value scaled by 1e-5
    "Anaheim": None,  # no value quoted upstream
    "ChicagoSketch": 17313018.7387477,
}
#: Chicago Sketch's generalized cost adds 0.04 min/mile × length and 0.02 min/cent × toll.
FIXED_COST = {"ChicagoSketch": (0.04, 0.02)}


def main(folder: Path) -> int:
    console = Console()
    table = Table(title=f"TNTP benchmark networks ({folder})", title_justify="left")
    for column in ("network", "check", "expected", "caravan", "ok"):
        table.add_column(column, overflow="fold")
    results: list[bool] = []

    def record(network: str, check: str, expected: str, got: str, ok: bool) -> None:
        results.append(ok)
        table.add_row(network, check, expected, got, "yes" if ok else "[red]NO[/]")

    timings = Table(title="free-flow zone skims, side by side", title_justify="left")
    for column in ("network", "zones", "caravan (ms)", "networkx (ms)", "networkx / caravan"):
        timings.add_column(column)
    for name in ("SiouxFalls", "Anaheim", "ChicagoSketch"):
        directory = folder / name
        network = load_tntp_network(directory / f"{name}_net.tntp")
        flows = load_tntp_flows(directory / f"{name}_flow.tntp")
        trips = load_tntp_trips(directory / f"{name}_trips.tntp")
        meta_total = _total_od_flow(directory / f"{name}_trips.tntp")
        record(
            name,
            "total trips",
            f"{meta_total:,.2f}",
            f"{trips.sum():,.2f}",
            abs(trips.sum() - meta_total) < 1e-6 * meta_total,
        )
        aligned = bool(
            (flows.init_node == network.init_node).all()
            and (flows.term_node == network.term_node).all()
        )
        record(
            name,
            "flow file follows the links",
            f"{network.links} links",
            f"{flows.volume.size} rows",
            aligned,
        )
        length_factor, toll_factor = FIXED_COST.get(name, (0.0, 0.0))
        fixed = length_factor * network.length + toll_factor * network.toll
        times = (
            bpr_time(
                network.free_flow_time, network.b, network.power, network.capacity, flows.volume
            )
            + fixed
        )
        error = float(np.max(np.abs(times - flows.cost) / np.maximum(flows.cost, 1e-9)))
        record(
            name,
            "BPR cost at best-known flows",
            "flow file's cost column",
            f"max rel. diff {error:.1e}",
            error < 1e-6,
        )
        objective = beckmann_objective(
            network.free_flow_time, network.b, network.power, network.capacity, flows.volume, fixed
        )
        published = PUBLISHED_OBJECTIVE[name]
        if published is not None:
            record(
                name,
                "Beckmann objective",
                f"{published:,.4f}",
                f"{objective:,.4f}",
                abs(objective - published) <= 1e-6 * published,
            )
        weights = network.free_flow_time + fixed
        start = time.perf_counter()
        ours = skim_from_edges(
            network.init_node,
            network.term_node,
            weights,
            network.nodes,
            network.zones,
            network.first_thru_node,
        )
        ours_s = time.perf_counter() - start
        start = time.perf_counter()
        theirs = _networkx_skim(network, weights)
        theirs_s = time.perf_counter() - start
        difference = float(
            np.nanmax(
                np.abs(
                    np.where(np.isfinite(ours), ours, 0) - np.where(np.isfinite(theirs), theirs, 0)
                )
            )
        )
        same_reach = bool((np.isfinite(ours) == np.isfinite(theirs)).all())
        record(
            name,
            "free-flow skim vs networkx",
            "identical",
            f"max diff {difference:.1e}",
            same_reach and difference < 1e-6,
        )
        timings.add_row(
            name,
            str(network.zones),
            f"{ours_s * 1e3:.1f}",
            f"{theirs_s * 1e3:.1f}",
            f"{theirs_s / ours_s:.1f}×",
        )
    console.print(table)
    console.print(timings)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed or not results else 0


def _total_od_flow(path: Path) -> float:
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("<TOTAL OD FLOW>"):
            return float(line.split(">", 1)[1])
    raise SystemExit(f"{path.name}: no <TOTAL OD FLOW> in the metadata")


def _networkx_skim(network, weights):  # type: ignore[no-untyped-def]
    """The same skim with networkx: zones below the first through node get origin copies."""
    graph = nx.DiGraph()
    blocked = network.first_thru_node - 1
    for a, b, w in zip(
        network.init_node.tolist(), network.term_node.tolist(), weights.tolist(), strict=True
    ):
        source = ("origin", a) if a < blocked else a
        if graph.has_edge(source, b) and graph[source][b]["weight"] <= w:
            continue
        graph.add_edge(source, b, weight=w)
    result = np.full((network.zones, network.zones), np.inf)
    for zone in range(network.zones):
        start = ("origin", zone) if zone < blocked else zone
        if start not in graph:
            continue
        lengths = nx.single_source_dijkstra_path_length(graph, start)
        for other in range(network.zones):
            if other in lengths:
                result[zone, other] = lengths[other]
    np.fill_diagonal(result, 0.0)
    return result


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
