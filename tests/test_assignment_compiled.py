"""Gradient projection on compiled kernels (BPR networks) against hand-worked equilibria.

Braess and two routes to 1e-10; the compiled Dijkstra's shortest-path total against
scipy's; storage that starts tiny (grows and compacts) gives the same flows; random small
networks agree with bi-conjugate Frank–Wolfe's objective within its own gap's bound;
``compiled=False``, or numba missing, takes the array solver (queue links: see
``test_assignment_queues.py``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assignment_cases import TIGHT_GP, braess, grid, net_inflow, network_of, two_routes
from caravan.analysis.assignment import (
    Algorithm,
    AssignmentNetwork,
    AssignmentSpec,
    _compiled_paths,
    assign,
    solve,
)
from caravan.analysis.assignment._costs import LinkCosts
from caravan.analysis.assignment._loading import ShortestPathLoader
from caravan.network import beckmann_objective

FloatArray = npt.NDArray[np.float64]
GP = TIGHT_GP


def _random_network(
    seed: int, nodes: int = 10, zones: int = 4
) -> tuple[AssignmentNetwork, FloatArray]:
    """A ring both ways plus random chords (some parallel), half the zones not passable."""
    rng = np.random.default_rng(seed)
    pairs = [(i, (i + 1) % nodes) for i in range(nodes)] + [
        ((i + 1) % nodes, i) for i in range(nodes)
    ]
    while len(pairs) < 2 * nodes + 15:
        a, b = (int(v) for v in rng.integers(0, nodes, size=2))
        if a != b:
            pairs.append((a, b))
    links = [
        (
            a,
            b,
            rng.uniform(0.5, 10),
            rng.uniform(5, 40),
            rng.uniform(0.1, 1.0),
            rng.choice([1.0, 2.0, 4.0]),
        )
        for a, b in pairs
    ]
    fixed = np.where(rng.random(len(links)) < 0.3, rng.uniform(0, 3, len(links)), 0.0)
    demand = rng.uniform(0, 30, size=(zones, zones)) * (rng.random((zones, zones)) < 0.8)
    np.fill_diagonal(demand, 0.0)
    network = network_of(links, zones=zones, first_thru_node=zones // 2 + 1, fixed=fixed.tolist())
    return network, demand


def _count_generate_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each call of the compiled solver's shortest-path round."""
    calls: list[int] = []
    original = _compiled_paths.CompiledPaths.generate

    def counted(self: _compiled_paths.CompiledPaths) -> float:
        calls.append(1)
        return original(self)

    monkeypatch.setattr(_compiled_paths.CompiledPaths, "generate", counted)
    return calls


@pytest.mark.parametrize("case", [braess, two_routes])
def test_hand_computed_equilibria_to_1e_10(case: object, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_generate_calls(monkeypatch)
    network, demand, expected = case()  # type: ignore[operator]
    result = assign(network, demand, GP)
    assert calls, "the compiled solver did not run"
    assert result.relative_gap <= 1e-10
    np.testing.assert_allclose(result.flow, expected, rtol=1e-9, atol=1e-9)
    reference = beckmann_objective(
        network.free_flow_time, network.b, network.power, network.capacity, expected
    )
    assert result.objective == pytest.approx(reference, rel=1e-12)
    assert [r.step for r in result.history] == [1.0] * result.iterations


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_shortest_path_total_matches_scipy(seed: int) -> None:
    network, demand = _random_network(seed)
    costs = LinkCosts.of(network)
    loader = ShortestPathLoader(network, demand)
    paths = _compiled_paths.CompiledPaths(network, loader, costs)
    weights = costs.base * np.random.default_rng(seed).uniform(1.0, 3.0, network.link_count)
    paths.cost[:] = weights
    distances, _, _ = loader.trees(weights)
    rows, destinations, pair_demand = loader.od_pairs()
    expected = float(pair_demand @ distances[rows, destinations])
    assert paths.generate() == pytest.approx(expected, rel=1e-12)


def test_a_grid_conserves_demand_and_matches_frank_wolfe() -> None:
    network, demand = grid()
    result = assign(network, demand, GP)
    expected = np.zeros(network.node_count)
    expected[: network.zone_count] = demand.sum(axis=0) - demand.sum(axis=1)
    np.testing.assert_allclose(net_inflow(network, result.flow), expected, atol=1e-9)
    bfw = assign(
        network,
        demand,
        AssignmentSpec(
            algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE, target_gap=1e-7, max_iterations=20000
        ),
    )
    assert result.objective <= bfw.objective
    assert result.objective == pytest.approx(bfw.objective, rel=1e-10)


def test_storage_that_starts_tiny_grows_and_compacts_to_the_same_flows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    network, demand = grid(seed=11)
    roomy = assign(network, demand, GP)
    monkeypatch.setattr(_compiled_paths, "_START_SLOTS", 1)
    monkeypatch.setattr(_compiled_paths, "_START_LENGTH", 1)
    monkeypatch.setattr(_compiled_paths, "_GARBAGE_RATIO", 1)
    tight = assign(network, demand, GP)
    assert tight.relative_gap <= 1e-10
    np.testing.assert_allclose(tight.flow, roomy.flow, rtol=1e-9, atol=1e-9)
    assert tight.iterations == roomy.iterations


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), nodes=st.integers(4, 14), zones=st.integers(2, 4))
def test_random_networks_agree_with_biconjugate_frank_wolfe(
    seed: int, nodes: int, zones: int
) -> None:
    network, demand = _random_network(seed, nodes, zones)
    paths = assign(network, demand, GP)
    bfw = assign(
        network,
        demand,
        AssignmentSpec(
            algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE, target_gap=1e-6, max_iterations=50000
        ),
    )
    assert paths.relative_gap <= 1e-10
    expected = np.zeros(network.node_count)
    expected[:zones] = demand.sum(axis=0) - demand.sum(axis=1)
    np.testing.assert_allclose(net_inflow(network, paths.flow), expected, atol=1e-8)
    # The objective is convex: BFW's lies above the optimum by at most its gap × its total
    # cost, and gradient projection's at 1e-10 lies between the two.
    total = float(bfw.cost @ bfw.flow)
    slack = 1e-12 * max(abs(bfw.objective), 1.0)
    assert paths.objective <= bfw.objective + slack
    assert paths.objective >= bfw.objective - bfw.relative_gap * total - slack


@pytest.mark.parametrize("route", ["spec", "numba missing"])
def test_the_array_solver_runs_when_asked_or_without_numba(
    route: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_generate_calls(monkeypatch)
    network, demand, expected = two_routes()
    spec = GP
    if route == "spec":
        spec = GP.model_copy(update={"compiled": False})
    else:
        monkeypatch.setattr(solve, "_numba_available", lambda: False)
    result = assign(network, demand, spec)
    assert not calls
    assert result.relative_gap <= 1e-10
    np.testing.assert_allclose(result.flow, expected, rtol=1e-9, atol=1e-9)
