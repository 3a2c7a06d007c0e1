"""Equilibrium assignment on tiny networks whose equilibria are worked out by hand.

Braess (affine costs, one origin–destination pair, three paths all used at equilibrium),
two parallel routes (one BPR link of power 4, one uncapacitated), a first-thru-node
network and a seeded grid for invariants (flow conservation, AON on shortest paths).
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from pydantic import ValidationError

from assignment_cases import braess, grid, net_inflow, network_of, two_routes
from caravan.analysis.assignment import (
    Algorithm,
    AssignmentSpec,
    ConvergenceError,
    ConvergenceWarning,
    OnMiss,
    all_or_nothing,
    assign,
    network_from_tntp,
)
from caravan.errors import CaravanError, InvalidQueryError, NoRouteError
from caravan.network import beckmann_objective, bpr_time
from caravan.store.tntp import TntpNetwork

EQUILIBRIUM_ALGORITHMS = [a for a in Algorithm if a is not Algorithm.ALL_OR_NOTHING]


def _spec(algorithm: Algorithm, gap: float = 1e-12, iterations: int = 5000) -> AssignmentSpec:
    return AssignmentSpec(algorithm=algorithm, target_gap=gap, max_iterations=iterations)


@pytest.mark.parametrize("algorithm", EQUILIBRIUM_ALGORITHMS)
@pytest.mark.parametrize("case", [braess, two_routes])
def test_every_algorithm_reaches_the_hand_computed_equilibrium(
    algorithm: Algorithm, case: object
) -> None:
    network, demand, expected = case()  # type: ignore[operator]
    result = assign(network, demand, _spec(algorithm))
    assert result.converged
    np.testing.assert_allclose(result.flow, expected, rtol=1e-6, atol=1e-6)


def test_braess_equilibrium_cost_and_beckmann_objective() -> None:
    network, demand, expected = braess()
    result = assign(network, demand, _spec(Algorithm.BICONJUGATE_FRANK_WOLFE))
    path_cost = result.cost[0] + result.cost[1]
    assert path_cost == pytest.approx(1200.0 / 13.0, rel=1e-9)
    reference = beckmann_objective(
        network.free_flow_time, network.b, network.power, network.capacity, expected
    )
    assert result.objective == pytest.approx(reference, rel=1e-12)
    np.testing.assert_allclose(
        result.time,
        bpr_time(network.free_flow_time, network.b, network.power, network.capacity, result.flow),
    )


def test_utilisation_is_flow_over_capacity_and_nan_when_uncapacitated() -> None:
    network, demand, _ = two_routes()
    result = assign(network, demand, _spec(Algorithm.FRANK_WOLFE))
    assert result.utilisation[0] == pytest.approx(1.0, rel=1e-6)
    assert np.isnan(result.utilisation[1])


@pytest.mark.parametrize(
    "algorithm",
    [Algorithm.FRANK_WOLFE, Algorithm.CONJUGATE_FRANK_WOLFE, Algorithm.BICONJUGATE_FRANK_WOLFE],
)
def test_objective_never_rises_and_the_gap_falls(algorithm: Algorithm) -> None:
    network, demand = grid()
    result = assign(network, demand, _spec(algorithm, gap=1e-4))
    objectives = np.array([r.objective for r in result.history])
    assert (np.diff(objectives) <= 1e-9 * objectives[0]).all()
    gaps = np.array([r.relative_gap for r in result.history])
    assert gaps[-1] <= 1e-4 < gaps[0]
    # The gap is not monotone in general (the objective is); the run stops at the first
    # iterate below the target, every earlier one lies above it.
    assert gaps[:-1].min() > 1e-4
    assert [r.iteration for r in result.history] == list(range(1, result.iterations + 1))
    assert result.history[0].step == 1.0


def test_conjugate_directions_need_fewer_iterations_than_frank_wolfe() -> None:
    network, demand = grid()
    counts = {
        a: assign(network, demand, _spec(a, gap=1e-4)).iterations for a in EQUILIBRIUM_ALGORITHMS
    }
    assert counts[Algorithm.BICONJUGATE_FRANK_WOLFE] < counts[Algorithm.FRANK_WOLFE]
    assert counts[Algorithm.CONJUGATE_FRANK_WOLFE] < counts[Algorithm.FRANK_WOLFE]


def test_all_or_nothing_loads_the_shortest_paths() -> None:
    network, demand = grid()
    weights = network.free_flow_time
    graph = nx.DiGraph()
    for index, (a, b) in enumerate(zip(network.from_node, network.to_node, strict=True)):
        graph.add_edge(int(a), int(b), weight=float(weights[index]), index=index)
    expected = np.zeros(network.link_count)
    for origin in range(6):
        paths = nx.single_source_dijkstra_path(graph, origin)
        for destination in range(6):
            path = paths[destination]
            for a, b in itertools.pairwise(path):
                expected[graph[a][b]["index"]] += demand[origin, destination]
    np.testing.assert_allclose(all_or_nothing(network, demand), expected, rtol=1e-12)
    result = assign(network, demand, _spec(Algorithm.ALL_OR_NOTHING, gap=1.0))
    np.testing.assert_allclose(result.flow, expected, rtol=1e-12)
    assert result.iterations == 1


@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_flow_is_conserved_at_every_node(algorithm: Algorithm) -> None:
    network, demand = grid()
    spec = AssignmentSpec(
        algorithm=algorithm,
        target_gap=1.0 if algorithm is Algorithm.ALL_OR_NOTHING else 1e-3,
        max_iterations=5000,
    )
    result = assign(network, demand, spec)
    expected = np.zeros(network.node_count)
    expected[:6] = demand.sum(axis=0) - demand.sum(axis=1)
    np.testing.assert_allclose(net_inflow(network, result.flow), expected, atol=1e-9)


def test_zones_below_the_first_thru_node_are_never_passed_through() -> None:
    # Zones 0, 1, 2 (first thru node 4): 0 → 1 → 2 costs 2 but runs through zone 1, so the
    # trips from 0 to 2 take 0 → 3 → 2 (cost 10); zone 1 still sends and receives its own.
    links = [
        (0, 1, 1.0, 0.0, 0.0, 1.0),
        (1, 2, 1.0, 0.0, 0.0, 1.0),
        (0, 3, 5.0, 0.0, 0.0, 1.0),
        (3, 2, 5.0, 0.0, 0.0, 1.0),
    ]
    demand = np.array([[0.0, 3.0, 10.0], [0.0, 0.0, 4.0], [0.0, 0.0, 0.0]])
    blocked = all_or_nothing(network_of(links, zones=3, first_thru_node=4), demand)
    np.testing.assert_allclose(blocked, [3.0, 4.0, 10.0, 10.0])
    free = all_or_nothing(network_of(links, zones=3, first_thru_node=1), demand)
    np.testing.assert_allclose(free, [13.0, 14.0, 0.0, 0.0])


def test_fixed_costs_steer_routes() -> None:
    _, demand, _ = two_routes()
    tolled = network_of(
        [(0, 1, 1.0, 50.0, 1.0, 4.0), (0, 1, 2.0, 0.0, 0.0, 4.0)], zones=2, fixed=[5.0, 0.0]
    )
    result = assign(tolled, demand, _spec(Algorithm.FRANK_WOLFE))
    # 6 + (x / 50)^4 > 2 for every x: all trips take the untolled link.
    np.testing.assert_allclose(result.flow, [0.0, 80.0], atol=1e-9)
    assert result.time[0] == pytest.approx(1.0)
    assert result.cost[0] == pytest.approx(6.0)


def test_a_missed_target_raises_with_the_result() -> None:
    network, demand = grid()
    spec = AssignmentSpec(algorithm=Algorithm.FRANK_WOLFE, target_gap=1e-12, max_iterations=3)
    with pytest.raises(ConvergenceError, match=r"short of the target 1\.0e-12") as caught:
        assign(network, demand, spec)
    assert isinstance(caught.value, CaravanError)
    result = caught.value.result
    assert not result.converged
    assert result.iterations == 3
    assert result.relative_gap == result.history[-1].relative_gap > 1e-12


def test_a_missed_target_warns_when_asked() -> None:
    network, demand = grid()
    spec = AssignmentSpec(
        algorithm=Algorithm.MSA, target_gap=1e-12, max_iterations=4, on_miss=OnMiss.WARN
    )
    with pytest.warns(ConvergenceWarning, match="msa reached relative gap"):
        result = assign(network, demand, spec)
    assert not result.converged
    assert result.iterations == 4


def test_all_or_nothing_is_checked_against_the_target_too() -> None:
    network, demand, _ = braess()
    with pytest.raises(ConvergenceError):
        assign(network, demand, _spec(Algorithm.ALL_OR_NOTHING, gap=1e-3))


def test_the_spec_is_frozen_and_names_are_checked() -> None:
    spec = AssignmentSpec(algorithm="frank_wolfe", target_gap=1e-4, max_iterations=10)
    assert spec.algorithm is Algorithm.FRANK_WOLFE
    with pytest.raises(ValidationError):
        spec.target_gap = 1e-6  # type: ignore[misc]
    with pytest.raises(ValidationError):
        AssignmentSpec(algorithm="frank_wolf")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        AssignmentSpec(target_gap=0.0)
    with pytest.raises(ValidationError):
        AssignmentSpec(max_iterations=0)


def test_bad_inputs_are_refused_at_the_boundary() -> None:
    network, demand, _ = braess()
    with pytest.raises(InvalidQueryError, match=r"shape \(3, 3\), expected \(2, 2\)"):
        assign(network, np.zeros((3, 3)), _spec(Algorithm.MSA))
    with pytest.raises(InvalidQueryError, match=r"from zone 0 to zone 1 is -6\.0"):
        assign(network, -demand, _spec(Algorithm.MSA))
    with pytest.raises(InvalidQueryError, match=r"capacity of link 1 is -1\.0"):
        network_of([(0, 1, 1.0, 1.0, 0.15, 4.0), (1, 0, 1.0, -1.0, 0.15, 4.0)], zones=2)
    stranded = network_of([(0, 1, 1.0, 1.0, 0.15, 4.0)], zones=2)
    with pytest.raises(NoRouteError, match=r"1 origin–destination pair\(s\).*1->0"):
        assign(stranded, np.array([[0.0, 1.0], [1.0, 0.0]]), _spec(Algorithm.MSA))


def test_network_from_tntp_adds_length_and_toll_to_the_fixed_cost() -> None:
    tntp = TntpNetwork(
        name="tiny",
        zones=2,
        nodes=2,
        first_thru_node=1,
        init_node=np.array([0, 1]),
        term_node=np.array([1, 0]),
        capacity=np.array([10.0, 10.0]),
        length=np.array([2.0, 3.0]),
        free_flow_time=np.array([1.0, 1.0]),
        b=np.array([0.15, 0.15]),
        power=np.array([4.0, 4.0]),
        toll=np.array([100.0, 0.0]),
    )
    network = network_from_tntp(tntp, length_cost=0.04, toll_cost=0.02)
    np.testing.assert_allclose(network.fixed_cost, [2.08, 0.12])
    assert network.zone_count == 2
    assert network.first_thru_node == 1


def test_large_networks_look_link_pairs_up_by_binary_search_with_the_same_flows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from caravan.analysis.assignment import _loading

    network, demand = grid()
    dense = all_or_nothing(network, demand)
    monkeypatch.setattr(_loading, "_DENSE_PAIRS", 0)  # as if node × node were too large
    np.testing.assert_array_equal(all_or_nothing(network, demand), dense)


def test_history_rows_follow_the_history() -> None:
    network, demand, _ = braess()
    result = assign(network, demand, _spec(Algorithm.FRANK_WOLFE, gap=1e-3))
    rows = result.history_rows()
    assert len(rows) == result.iterations
    assert rows[-1]["relative_gap"] == result.relative_gap
    assert rows[0] == {
        "iteration": 1,
        "relative_gap": result.history[0].relative_gap,
        "step": 1.0,
        "objective": result.history[0].objective,
    }
