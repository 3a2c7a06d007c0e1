"""Path-based assignment (gradient projection) on tiny networks worked out by hand.

Braess and two parallel routes to a relative gap of 1e-10 against their hand-computed
equilibria; agreement with bi-conjugate Frank–Wolfe on a seeded grid; flow conservation;
a seeded random network to 1e-10; zones that may not be passed through and fixed costs as
the all-or-nothing loading has them; misses reported like every other algorithm's.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from assignment_cases import braess, grid, net_inflow, network_of, two_routes
from caravan.analysis.assignment import (
    Algorithm,
    AssignmentNetwork,
    AssignmentSpec,
    ConvergenceError,
    ConvergenceWarning,
    OnMiss,
    all_or_nothing,
    assign,
)
from caravan.network import beckmann_objective

GP = Algorithm.GRADIENT_PROJECTION
FloatArray = npt.NDArray[np.float64]


def _spec(gap: float = 1e-10, iterations: int = 5000, **kwargs: object) -> AssignmentSpec:
    return AssignmentSpec(algorithm=GP, target_gap=gap, max_iterations=iterations, **kwargs)


def _random_network(seed: int) -> tuple[AssignmentNetwork, FloatArray]:
    """12 nodes (a ring both ways plus 20 random chords, some parallel), 5 zones of which the
    first 2 may not be passed through, fixed costs on a third of the links, congested demand."""
    rng = np.random.default_rng(seed)
    nodes = 12
    pairs = [(i, (i + 1) % nodes) for i in range(nodes)] + [
        ((i + 1) % nodes, i) for i in range(nodes)
    ]
    while len(pairs) < 2 * nodes + 20:
        a, b = (int(v) for v in rng.integers(0, nodes, size=2))
        if a != b:
            pairs.append((a, b))
    links = [
        (a, b, rng.uniform(1, 10), rng.uniform(10, 40), rng.uniform(0.1, 1.0), 4.0)
        for a, b in pairs
    ]
    fixed = np.where(rng.random(len(links)) < 1 / 3, rng.uniform(0, 3, len(links)), 0.0)
    demand = rng.uniform(0, 25, size=(5, 5))
    np.fill_diagonal(demand, 0.0)
    return network_of(links, zones=5, first_thru_node=3, fixed=fixed.tolist()), demand


@pytest.mark.parametrize("case", [braess, two_routes])
def test_hand_computed_equilibria_to_1e_10(case: object) -> None:
    network, demand, expected = case()  # type: ignore[operator]
    result = assign(network, demand, _spec())
    assert result.converged
    assert result.relative_gap <= 1e-10
    np.testing.assert_allclose(result.flow, expected, rtol=1e-8, atol=1e-8)
    reference = beckmann_objective(
        network.free_flow_time, network.b, network.power, network.capacity, expected
    )
    assert result.objective == pytest.approx(reference, rel=1e-12)


def test_braess_paths_cost_the_same() -> None:
    network, demand, _ = braess()
    cost = assign(network, demand, _spec()).cost
    for path in ([0, 1], [2, 3], [0, 4, 3]):
        assert cost[path].sum() == pytest.approx(1200.0 / 13.0, rel=1e-9)


def test_agrees_with_biconjugate_frank_wolfe_on_a_grid() -> None:
    network, demand = grid()
    paths = assign(network, demand, _spec())
    bfw = assign(
        network,
        demand,
        AssignmentSpec(
            algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE, target_gap=1e-7, max_iterations=20000
        ),
    )
    assert paths.relative_gap <= 1e-10
    # The link flows of a strictly increasing cost are unique; BFW at 1e-7 is near them
    # (measured: 1.5e-6 of the largest flow apart, objectives 3.5e-13 apart).
    scale = float(paths.flow.max())
    assert float(np.abs(paths.flow - bfw.flow).max()) <= 1e-4 * scale
    assert paths.objective <= bfw.objective
    assert paths.objective == pytest.approx(bfw.objective, rel=1e-10)


@pytest.mark.parametrize("case", [grid, lambda: _random_network(3)])
def test_flow_is_conserved_at_every_node(case: object) -> None:
    network, demand = case()  # type: ignore[operator]
    result = assign(network, demand, _spec())
    expected = np.zeros(network.node_count)
    expected[: network.zone_count] = demand.sum(axis=0) - demand.sum(axis=1)
    np.testing.assert_allclose(net_inflow(network, result.flow), expected, atol=1e-9)
    assert (result.flow >= 0).all()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_seeded_random_network_reaches_1e_10(seed: int) -> None:
    network, demand = _random_network(seed)
    result = assign(network, demand, _spec())
    assert result.converged
    assert result.relative_gap <= 1e-10
    gaps = [r.relative_gap for r in result.history]
    assert gaps[0] > 1e-10 >= gaps[-1]
    objectives = np.array([r.objective for r in result.history])
    assert (np.diff(objectives) <= 1e-12 * objectives[0]).all()  # never rises
    assert [r.iteration for r in result.history] == list(range(1, result.iterations + 1))
    assert result.history[0].step == 1.0
    assert all(0.0 <= r.step <= 1.0 for r in result.history)


def test_the_first_iterate_is_the_free_flow_loading() -> None:
    network, demand = _random_network(2)
    one = assign(network, demand, _spec(gap=1.0, iterations=1))
    np.testing.assert_allclose(one.flow, all_or_nothing(network, demand), rtol=1e-12)


def test_zones_below_the_first_thru_node_are_never_passed_through() -> None:
    # 0 → 1 → 2 costs 2 but runs through zone 1 (first thru node 4): trips 0 → 2 go by 3.
    links = [
        (0, 1, 1.0, 0.0, 0.0, 1.0),
        (1, 2, 1.0, 0.0, 0.0, 1.0),
        (0, 3, 5.0, 0.0, 0.0, 1.0),
        (3, 2, 5.0, 0.0, 0.0, 1.0),
    ]
    demand = np.array([[0.0, 3.0, 10.0], [0.0, 0.0, 4.0], [0.0, 0.0, 0.0]])
    blocked = assign(network_of(links, zones=3, first_thru_node=4), demand, _spec())
    np.testing.assert_allclose(blocked.flow, [3.0, 4.0, 10.0, 10.0])
    free = assign(network_of(links, zones=3, first_thru_node=1), demand, _spec())
    np.testing.assert_allclose(free.flow, [13.0, 14.0, 0.0, 0.0])


def test_fixed_costs_steer_routes() -> None:
    _, demand, _ = two_routes()
    # A fixed cost of 0.5 on the BPR link: 1.5 + (x/50)^4 = 2 gives x = 50 · 0.5^¼.
    tolled = network_of(
        [(0, 1, 1.0, 50.0, 1.0, 4.0), (0, 1, 2.0, 0.0, 0.0, 4.0)], zones=2, fixed=[0.5, 0.0]
    )
    result = assign(tolled, demand, _spec())
    x = 50.0 * 0.5**0.25
    np.testing.assert_allclose(result.flow, [x, 80.0 - x], rtol=1e-8)
    assert result.cost[0] == pytest.approx(2.0, rel=1e-10)


def test_binary_search_pair_lookup_gives_the_same_flows(monkeypatch: pytest.MonkeyPatch) -> None:
    from caravan.analysis.assignment import _loading

    network, demand = _random_network(1)
    dense = assign(network, demand, _spec()).flow
    monkeypatch.setattr(_loading, "_DENSE_PAIRS", 0)  # as if node × node were too large
    np.testing.assert_array_equal(assign(network, demand, _spec()).flow, dense)


def test_a_missed_target_raises_or_warns_with_the_result() -> None:
    network, demand = grid()
    with pytest.raises(ConvergenceError, match="gradient_projection") as caught:
        assign(network, demand, _spec(iterations=3))
    assert caught.value.result.iterations == 3
    assert not caught.value.result.converged
    with pytest.warns(ConvergenceWarning, match="short of the target"):
        result = assign(network, demand, _spec(iterations=3, on_miss=OnMiss.WARN))
    assert result.relative_gap > 1e-10
    assert len(result.history_rows()) == 3


def test_no_demand_is_an_equilibrium() -> None:
    network, _ = grid()
    result = assign(network, np.zeros((6, 6)), _spec())
    assert result.converged
    np.testing.assert_array_equal(result.flow, np.zeros(network.link_count))
