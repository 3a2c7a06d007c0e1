"""Benchmark routing and skims on the curated network, side by side with networkx and scipy.

Usage: python benchmarks/routing.py [--data-dir DIR] [--queries N] [--seed S]

On one snapshot (today's network, generalised cost), compares:
- a single route query: caravan end to end (search + itinerary), caravan's kernel alone
  (CSR Dijkstra + path), scipy's Dijkstra from the origin, networkx's single-source
  Dijkstra to the target; p50 and p99 over the same random origin–destination pairs;
- the full skim of all places: caravan (time, cost, distance, generalised along the
  chosen routes), scipy's multi-source Dijkstra (one matrix, no accumulation), networkx's
  Dijkstra from every origin.
Goals: route p50 <= 1 ms in-process; full skim <= 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.sparse.csgraph import dijkstra

from caravan import Observatory
from caravan.analysis.routing import RouteQuery, Router, Weight, skim_matrices
from caravan.store import default_data_dir


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.median(ordered) * 1e3, p99 * 1e3


def time_each(pairs: list[tuple[str, str]], call: Callable[[str, str], object]) -> list[float]:
    """Seconds per call over the pairs."""
    samples = []
    for origin, destination in pairs:
        start = time.perf_counter()
        call(origin, destination)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite", args.data_dir)
        snapshot = observatory.network()
        router = Router(snapshot)
        graph = router.graph(Weight.GENERALISED, None, ())
        places = sorted(snapshot.origin_node)
        rng = random.Random(args.seed)
        reachable = []
        while len(reachable) < args.queries:
            origin, destination = rng.sample(places, 2)
            distances, _ = graph.shortest_from(snapshot.origin_node[origin])
            if np.isfinite(distances[snapshot.destination_node[destination]]):
                reachable.append((origin, destination))

        weights = router.weights(Weight.GENERALISED)
        nx_graph = nx.DiGraph()
        coo = graph.matrix.tocoo()
        nx_graph.add_weighted_edges_from(
            zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True)
        )
        del weights

        def caravan_route(o: str, d: str) -> object:
            return router.route(RouteQuery(origin=o, destination=d))

        def caravan_kernel(o: str, d: str) -> object:
            _, predecessors = graph.shortest_from(snapshot.origin_node[o])
            return graph.path_edges(predecessors, snapshot.destination_node[d])

        def scipy_tree(o: str, d: str) -> object:
            return dijkstra(graph.matrix, directed=True, indices=snapshot.origin_node[o])

        def networkx_path(o: str, d: str) -> object:
            return nx.single_source_dijkstra(
                nx_graph, snapshot.origin_node[o], snapshot.destination_node[d]
            )

        for call in (caravan_route, caravan_kernel, scipy_tree, networkx_path):  # warm caches
            time_each(reachable[:20], call)
        single = {
            "caravan route (search + itinerary)": time_each(reachable, caravan_route),
            "caravan kernel (CSR Dijkstra + path)": time_each(reachable, caravan_kernel),
            "scipy dijkstra (one source, full tree)": time_each(reachable, scipy_tree),
            "networkx single_source_dijkstra": time_each(reachable, networkx_path),
        }

        origins = [snapshot.origin_node[p] for p in places]
        repeats = 5

        def best_of(call: Callable[[], object]) -> float:
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                call()
                samples.append(time.perf_counter() - start)
            return min(samples)

        skims = {
            "caravan skim (4 matrices along chosen routes)": best_of(
                lambda: skim_matrices(router, places)
            ),
            "scipy dijkstra, all origins (1 matrix)": best_of(
                lambda: dijkstra(graph.matrix, indices=origins)
            ),
            "networkx dijkstra from every origin (1 matrix)": best_of(
                lambda: [nx.single_source_dijkstra_path_length(nx_graph, o) for o in origins]
            ),
        }
        observatory.close()

    console = Console()
    table = Table(
        title=f"single route, {len(reachable)} random pairs "
        f"({snapshot.node_count} nodes, {snapshot.edge_count} edges)",
        title_justify="left",
    )
    for column in ("implementation", "p50 (ms)", "p99 (ms)", "p50 vs caravan route"):
        table.add_column(column)
    reference = percentiles(single["caravan route (search + itinerary)"])[0]
    for name, samples in single.items():
        p50, p99 = percentiles(samples)
        table.add_row(name, f"{p50:.3f}", f"{p99:.3f}", f"{p50 / reference:.2f}×")
    console.print(table)
    table = Table(
        title=f"full skim, {len(places)} × {len(places)} places (best of {repeats})",
        title_justify="left",
    )
    for column in ("implementation", "time (ms)", "vs caravan"):
        table.add_column(column)
    reference = skims["caravan skim (4 matrices along chosen routes)"]
    for name, seconds in skims.items():
        table.add_row(name, f"{seconds * 1e3:.1f}", f"{seconds / reference:.2f}×")
    console.print(table)


if __name__ == "__main__":
    main()
