"""The Python Dijkstra agrees with scipy's; the vectorised skim accumulation with a node walk
(and, on paths that drive on a road, with the itinerary's timing)."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from caravan import Observatory
from caravan.analysis.routing import _road_trip_steps as road_trip_steps
from caravan.analysis.routing.itinerary import itinerary_from_edges
from caravan.analysis.routing.query import Weight
from caravan.analysis.routing.road_trips import road_trip_timing
from caravan.analysis.routing.search import Router
from caravan.analysis.routing.skim import (
    MATRICES,
    SkimMatrices,
    _dense_edge_values,
    _edge_values,
    skim_matrices,
)
from caravan.network import CostSettings, WeightedGraph, kernels, weighted_graph
from caravan.network.snapshot import NetworkSnapshot

DATE = dt.date(2025, 6, 4)


def _router(embedded: Observatory) -> Router:
    return embedded._router(DATE, CostSettings())


def _graphs(router: Router) -> list[WeightedGraph]:
    """Every weight, plus a mode restriction and an avoided crossing (masked edges)."""
    graphs = [router.graph(weight, None, ()) for weight in Weight]
    graphs.append(router.graph(Weight.TIME, ("rail",), ()))
    graphs.append(router.graph(Weight.GENERALISED, None, ("bcp-alashankou-dostyk-rail", "kz")))
    return graphs


def test_python_kernel_returns_scipys_trees_on_the_embedded_network(
    embedded: Observatory,
) -> None:
    router = _router(embedded)
    rng = random.Random(7)
    for graph in _graphs(router):
        for source in rng.sample(range(graph.node_count), 120):
            ours = graph.shortest_from(source, kernel="python")
            theirs = graph.shortest_from(source, kernel="scipy")
            np.testing.assert_array_equal(ours[0], theirs[0])
            np.testing.assert_array_equal(ours[1], theirs[1])
            np.testing.assert_array_equal(
                graph.shortest_to(source, kernel="python"),
                graph.shortest_to(source, kernel="scipy"),
            )


def test_python_kernel_returns_scipys_paths_for_random_place_pairs(
    embedded: Observatory,
) -> None:
    router = _router(embedded)
    snapshot = router.snapshot
    rng = random.Random(11)
    origins, destinations = sorted(snapshot.origin_node), sorted(snapshot.destination_node)
    graph = router.graph(Weight.GENERALISED, None, ())
    compared = 0
    for _ in range(300):
        origin = snapshot.origin_node[rng.choice(origins)]
        target = snapshot.destination_node[rng.choice(destinations)]
        ours = graph.shortest_from(origin, kernel="python")
        theirs = graph.shortest_from(origin, kernel="scipy")
        assert ours[0][target] == theirs[0][target]
        if np.isfinite(theirs[0][target]):
            assert graph.path_edges(ours[1], target) == graph.path_edges(theirs[1], target)
            compared += 1
    assert compared > 250


def test_exact_ties_resolve_as_scipy_does() -> None:
    # two equal paths to every later node; scipy settles the higher-numbered node first
    source = np.array([0, 0, 0, 1, 2, 3, 4], dtype=np.int32)
    target = np.array([1, 2, 3, 4, 4, 4, 5], dtype=np.int32)
    snapshot = _bare_snapshot(6, source, target)
    graph = weighted_graph(snapshot, np.ones(7))
    ours = graph.shortest_from(0, kernel="python")
    theirs = graph.shortest_from(0, kernel="scipy")
    np.testing.assert_array_equal(ours[1], theirs[1])
    assert ours[1].tolist() == [-9999, 0, 0, 0, 3, 4]
    assert ours[0].tolist() == [0.0, 1.0, 1.0, 1.0, 2.0, 3.0]


def test_unreachable_nodes_are_inf_with_no_predecessor() -> None:
    snapshot = _bare_snapshot(3, np.array([0], dtype=np.int32), np.array([1], dtype=np.int32))
    graph = weighted_graph(snapshot, np.array([2.5]))
    distances, predecessors = graph.shortest_from(0, kernel="python")
    assert distances.tolist() == [0.0, 2.5, np.inf]
    assert predecessors.tolist() == [-9999, 0, -9999]
    assert graph.weight_between(0, 1) == 2.5
    assert graph.weight_between(1, 0) is None


def test_a_route_in_a_fresh_process_does_not_import_scipy_sparse(embedded_kb_path: Path) -> None:
    # a single route runs the time search as plain Python and its graphs as CSR arrays:
    # neither numba (which loads scipy's core) nor the sparse-graph library is needed
    code = (
        "import datetime, sys; from pathlib import Path; from caravan import Observatory;"
        f"o = Observatory.open(Path({str(embedded_kb_path)!r}));"
        "r = o.route('cn-xian', 'uz-tashkent', date=datetime.date(2025, 6, 4));"
        "assert r.best.legs; print(sorted(m for m in sys.modules if m.startswith('scipy.sparse')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_vectorised_skim_equals_a_node_by_node_walk(embedded: Observatory) -> None:
    """Cost skims: edge sums along the cheapest-path trees, bit for bit; a path that drives
    on a road is timed by the itinerary rule (drivers' hours over the whole trip) instead."""
    weight = Weight.COST
    router = _router(embedded)
    snapshot = router.snapshot
    place_ids = [p.id for p in embedded.kb.places()]
    skim = skim_matrices(router, place_ids, weight)
    graph = router.graph(weight, None, ())
    names, dense = _dense_edge_values(router, graph)
    origins = [snapshot.origin_node.get(p, -1) for p in place_ids]
    destinations = [snapshot.destination_node.get(p, -1) for p in place_ids]
    present = [i for i, node in enumerate(origins) if node >= 0]
    distances, predecessors = graph.shortest_from([origins[i] for i in present])
    walked = _walk(dense, distances, predecessors)
    drives = np.zeros((len(place_ids), len(place_ids)), dtype=bool)
    roles = road_trip_timing(snapshot).role
    for row, i in enumerate(present):
        for j, node in enumerate(destinations):
            if node >= 0 and i != j and np.isfinite(distances[row, node]):
                edges = graph.path_edges(predecessors[row], node)
                drives[i, j] = bool((roles[edges] == road_trip_steps.DRIVE).any())
    for q, name in enumerate(names):
        if name not in MATRICES:
            continue
        expected = np.full((len(place_ids), len(place_ids)), np.inf)
        for row, i in enumerate(present):
            for j, node in enumerate(destinations):
                if node >= 0:
                    expected[i, j] = walked[q, row, node]
        np.fill_diagonal(expected, 0.0)
        if name in ("time_h", "generalised_usd"):
            np.testing.assert_array_equal(skim_of(skim, name)[~drives], expected[~drives], name)
        else:
            np.testing.assert_array_equal(getattr(skim, name), expected, err_msg=name)
    assert drives.sum() >= 100
    rng = random.Random(5)
    driving_pairs = list(zip(*np.nonzero(drives), strict=True))
    for i, j in rng.sample(driving_pairs, 300):
        row = present.index(int(i))
        edges = graph.path_edges(predecessors[row], destinations[j])
        itinerary = itinerary_from_edges(snapshot, edges, place_ids[i], place_ids[j], weight)
        for name in ("time_h", "time_h_low", "time_h_high", "generalised_usd", "cost_usd"):
            assert skim_of(skim, name)[i, j] == pytest.approx(getattr(itinerary, name), rel=1e-9)


@pytest.mark.parametrize("weight", [Weight.TIME, Weight.GENERALISED])
def test_timed_skim_sums_edges_along_its_paths_in_travel_order(
    embedded: Observatory, weight: Weight
) -> None:
    """Time and generalised skims follow the least-reported-time search's paths: edge sums
    along them bit for bit where they do not drive, the itinerary's figures where they do."""
    router = _router(embedded)
    snapshot = router.snapshot
    place_ids = [p.id for p in embedded.kb.places()]
    skim = skim_matrices(router, place_ids, weight)
    timed = router.timed_search(weight, router.graph(weight, None, ()))
    assert timed is not None
    per_edge = _edge_values(router)
    roles = road_trip_timing(snapshot).role
    targets = np.array([snapshot.destination_node.get(p, -1) for p in place_ids])
    rng = random.Random(5)
    driving = plain = 0
    for i, origin in enumerate(place_ids):
        if origin not in snapshot.origin_node:
            continue
        for j, edges in enumerate(timed.paths(snapshot.origin_node[origin], targets)):
            if i == j or edges is None:
                assert i == j or not np.isfinite(skim.time_h[i, j])
                continue
            if not (roles[edges] == road_trip_steps.DRIVE).any():
                plain += 1
                for name in ("time_h", "cost_usd", "length_km", "generalised_usd"):
                    total = 0.0
                    for edge in edges:
                        total += float(per_edge[name][edge])
                    assert skim_of(skim, name)[i, j] == total, name
            elif rng.random() < 0.05:
                driving += 1
                itinerary = itinerary_from_edges(snapshot, edges, origin, place_ids[j], weight)
                for name in ("time_h", "time_h_low", "time_h_high", "generalised_usd"):
                    assert skim_of(skim, name)[i, j] == pytest.approx(
                        getattr(itinerary, name), rel=1e-9
                    ), name
    assert plain >= 1000
    assert driving >= 100


def skim_of(skim: SkimMatrices, name: str) -> npt.NDArray[np.float64]:
    """One matrix of a skim by name."""
    matrix: npt.NDArray[np.float64] = getattr(skim, name)
    return matrix


def _walk(
    dense: npt.NDArray[np.float64],
    distances: npt.NDArray[np.float64],
    predecessors: npt.NDArray[np.int32],
) -> npt.NDArray[np.float64]:
    """The reference: visit nodes in order of distance, adding each edge to its parent's sum."""
    quantities, block = dense.shape[0], distances.shape[0]
    totals = np.where(np.isfinite(distances), 0.0, np.inf)[None].repeat(quantities, axis=0)
    for row in range(block):
        for node in np.argsort(distances[row], kind="stable").tolist():
            parent = int(predecessors[row, node])
            if parent >= 0:
                totals[:, row, node] = totals[:, row, parent] + dense[:, parent, node]
    return totals


def _bare_snapshot(
    node_count: int, source: npt.NDArray[np.int32], target: npt.NDArray[np.int32]
) -> NetworkSnapshot:
    """A stand-in with the three fields weighted_graph reads."""

    class Bare:
        pass

    bare = Bare()
    bare.node_count = node_count  # type: ignore[attr-defined]
    bare.edge_count = int(source.size)  # type: ignore[attr-defined]
    bare.source, bare.target = source, target  # type: ignore[attr-defined]
    return bare  # type: ignore[return-value]


def test_auto_runs_python_until_the_budget_or_scipy_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "scipy.sparse.csgraph", raising=False)
    monkeypatch.setattr(kernels, "_python_searches", kernels.PYTHON_SEARCH_BUDGET - 1)
    assert kernels._choose_python("auto", 500)
    assert not kernels._choose_python("auto", 500)  # the budget is spent
    assert kernels._choose_python("python", 500)
    monkeypatch.setattr(kernels, "_python_searches", 0)
    monkeypatch.setitem(sys.modules, "scipy.sparse.csgraph", sys)  # as if loaded
    assert not kernels._choose_python("auto", 500)
    assert kernels._python_searches == 0


def test_a_large_graph_is_never_searched_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under "auto", a graph above the size limit goes to scipy even within the budget."""
    monkeypatch.delitem(sys.modules, "scipy.sparse.csgraph", raising=False)
    monkeypatch.setattr(kernels, "_python_searches", 0)
    assert kernels._choose_python("auto", kernels.PYTHON_SEARCH_MAX_NODES + 1) is False
    assert kernels._choose_python("python", kernels.PYTHON_SEARCH_MAX_NODES + 1) is True
    assert kernels._python_searches == 0
