"""Gradient projection's compiled kernels on networks mixing BPR and queueing links.

Two routes (a queue against a BPR link) and Braess with a queueing middle link against
equilibria found here by bisection on Akçelik's formula written out afresh; the kernels'
costs and slopes against ``LinkCosts`` below, at and above capacity; seeded random mixed
networks solved by the compiled kernels and by the array version to the same flows.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from assignment_cases import TIGHT_GP, network_of
from caravan.analysis.assignment import (
    AssignmentNetwork,
    _compiled_paths,
    assign,
)
from caravan.analysis.assignment import _path_kernels as kernels
from caravan.analysis.assignment._costs import LinkCosts
from caravan.analysis.assignment.queueing import QueueDelay

FloatArray = npt.NDArray[np.float64]
GP = TIGHT_GP


def _akcelik_wait(flow: float, capacity: float, period: float, served: float, j: float) -> float:
    """(T/4)·[(z − 1) + √((z − 1)² + 8Jz/N)], z = flow / capacity (Akçelik 1991)."""
    z = flow / capacity
    return period / 4.0 * ((z - 1.0) + math.sqrt((z - 1.0) ** 2 + 8.0 * j * z / served))


def _root(function: Callable[[float], float], low: float, high: float) -> float:
    """The root of an increasing ``function`` on [low, high], by bisection to rounding."""
    assert function(low) < 0.0 < function(high)
    for _ in range(200):
        middle = 0.5 * (low + high)
        if function(middle) < 0.0:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def _with_queues(
    network: AssignmentNetwork, links: list[int], period: float, served: list[float], j: float
) -> AssignmentNetwork:
    queue = QueueDelay(
        link=np.array(links, dtype=np.int64),
        period=np.full(len(links), period),
        served_per_period=np.array(served),
        delay_parameter=np.full(len(links), j),
    )
    return AssignmentNetwork(**{**network.__dict__, "queues": queue})


def _count_generate_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each call of the compiled solver's shortest-path round."""
    calls: list[int] = []
    original = _compiled_paths.CompiledPaths.generate

    def counted(self: _compiled_paths.CompiledPaths) -> float:
        calls.append(1)
        return original(self)

    monkeypatch.setattr(_compiled_paths.CompiledPaths, "generate", counted)
    return calls


def test_a_queue_against_a_bpr_route(monkeypatch: pytest.MonkeyPatch) -> None:
    """80 vehicles: a crossing (t0 1, capacity 50, T 8, N 400, J 0.5) or a BPR road
    (2 · (1 + 0.15 (y / 40)⁴)); at equilibrium both cost the same."""
    calls = _count_generate_calls(monkeypatch)
    roads = network_of([(0, 1, 1.0, 50.0, 0.0, 1.0), (0, 1, 2.0, 40.0, 0.15, 4.0)], zones=2)
    network = _with_queues(roads, [0], period=8.0, served=[400.0], j=0.5)
    demand = np.array([[0.0, 80.0], [0.0, 0.0]])

    def excess(x: float) -> float:
        road = 2.0 * (1.0 + 0.15 * ((80.0 - x) / 40.0) ** 4)
        return 1.0 + _akcelik_wait(x, 50.0, 8.0, 400.0, 0.5) - road

    crossing = _root(excess, 0.0, 80.0)
    result = assign(network, demand, GP)
    assert calls, "the compiled solver did not run"
    assert result.relative_gap <= 1e-10
    np.testing.assert_allclose(result.flow, [crossing, 80.0 - crossing], rtol=1e-8)
    assert result.cost[0] == pytest.approx(result.cost[1], rel=1e-9)
    assert 50.0 < crossing < 80.0  # the crossing runs above capacity and still carries most


def test_braess_with_a_queueing_middle_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """Braess (s→a, b→t 1 + 10x; a→t, s→b 50 + x) whose a→b link is a queue: t0 10,
    capacity 1, T 4, N 4, J 0.5. Outer paths carry p each, the middle one q = 6 − 2p;
    equal costs give 50 + p = 11 + 10 (p + q) + wait(q), i.e. wait(q) = 12 − 5.5 q."""
    calls = _count_generate_calls(monkeypatch)
    braess = network_of(
        [
            (0, 2, 1.0, 1.0, 10.0, 1.0),
            (2, 1, 50.0, 50.0, 1.0, 1.0),
            (0, 3, 50.0, 50.0, 1.0, 1.0),
            (3, 1, 1.0, 1.0, 10.0, 1.0),
            (2, 3, 10.0, 1.0, 0.0, 1.0),
        ],
        zones=2,
    )
    network = _with_queues(braess, [4], period=4.0, served=[4.0], j=0.5)
    demand = np.array([[0.0, 6.0], [0.0, 0.0]])
    middle = _root(lambda q: _akcelik_wait(q, 1.0, 4.0, 4.0, 0.5) - (12.0 - 5.5 * q), 0.0, 6.0)
    outer = (6.0 - middle) / 2.0
    result = assign(network, demand, GP)
    assert calls, "the compiled solver did not run"
    assert result.relative_gap <= 1e-10
    expected = [outer + middle, outer, outer, outer + middle, middle]
    np.testing.assert_allclose(result.flow, expected, rtol=1e-8)
    path_cost = 50.0 + outer + 1.0 + 10.0 * (outer + middle)
    assert result.cost[0] + result.cost[4] + result.cost[3] == pytest.approx(path_cost, rel=1e-9)


def test_kernel_costs_and_slopes_match_link_costs() -> None:
    """Every kind of link, below, at and above capacity, with and without fixed costs."""
    links = [
        (0, 1, 2.0, 10.0, 0.15, 4.0),
        (1, 0, 1.0, 5.0, 0.5, 2.0),
        (0, 1, 3.0, 8.0, 1.0, 1.0),
        (1, 0, 4.0, 0.0, 0.0, 4.0),
        (0, 1, 1.5, 20.0, 0.0, 1.0),
        (1, 0, 0.5, 6.0, 0.0, 1.0),
        (0, 1, 0.0, 3.0, 0.15, 0.5),
    ]
    plain = network_of(links, zones=2, fixed=[0.0, 1.0, 0.0, 2.0, 0.5, 0.0, 0.0])
    network = _with_queues(plain, [4, 5], period=6.0, served=[120.0, 3.0], j=0.3)
    costs = LinkCosts.of(network)
    kind, parameters = _compiled_paths.link_functions(costs, network.link_count)
    assert kind.tolist() == [kernels.BPR] * 4 + [kernels.QUEUE] * 2 + [kernels.BPR]
    capacity = np.where(network.capacity > 0, network.capacity, 10.0)
    for share in (0.0, 0.3, 0.999, 1.0, 1.001, 2.5):
        flow = share * capacity
        cost, slope, state = np.zeros(flow.size), np.zeros(flow.size), np.zeros(flow.size)
        for link in range(flow.size):
            kernels._set_flow(link, flow[link], kind, parameters, state, cost, slope)
        np.testing.assert_array_equal(state, flow)
        np.testing.assert_allclose(cost, costs.cost(flow), rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(slope, costs.derivative(flow), rtol=1e-12, atol=1e-15)


def _mixed_network(
    seed: int, nodes: int, served_scale: float
) -> tuple[AssignmentNetwork, FloatArray]:
    """A ring both ways plus random chords, about a third of the links queues; half the
    zones not passable, some fixed costs. ``served_scale`` multiplies N = capacity × T
    (large: a sharp bend at capacity)."""
    rng = np.random.default_rng(seed)
    pairs = [(i, (i + 1) % nodes) for i in range(nodes)] + [
        ((i + 1) % nodes, i) for i in range(nodes)
    ]
    while len(pairs) < 2 * nodes + 15:
        a, b = (int(v) for v in rng.integers(0, nodes, size=2))
        if a != b:
            pairs.append((a, b))
    links = [
        (a, b, rng.uniform(0.5, 10), rng.uniform(5, 40), rng.uniform(0.1, 1.0), 4.0)
        for a, b in pairs
    ]
    fixed = np.where(rng.random(len(links)) < 0.3, rng.uniform(0, 3, len(links)), 0.0)
    zones = 4
    demand = rng.uniform(0, 30, size=(zones, zones)) * (rng.random((zones, zones)) < 0.8)
    np.fill_diagonal(demand, 0.0)
    plain = network_of(links, zones=zones, first_thru_node=3, fixed=fixed.tolist())
    queued = np.flatnonzero(rng.random(len(links)) < 0.35)
    period = rng.uniform(1.0, 24.0, queued.size)
    queue = QueueDelay(
        link=queued,
        period=period,
        served_per_period=plain.capacity[queued] * period * served_scale,
        delay_parameter=rng.uniform(0.1, 1.0, queued.size),
    )
    return AssignmentNetwork(**{**plain.__dict__, "queues": queue}), demand


@pytest.mark.parametrize("served_scale", [1.0, 1e4])
@pytest.mark.parametrize("seed", [3, 8, 21])
def test_random_mixed_networks_agree_with_the_array_solver(
    seed: int, served_scale: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    network, demand = _mixed_network(seed, nodes=8 + seed % 7, served_scale=served_scale)
    assert network.queues is not None
    assert network.queues.link.size > 0
    tight = GP.model_copy(update={"target_gap": 1e-12, "max_iterations": 2000})
    arrays = assign(network, demand, tight.model_copy(update={"compiled": False}))
    calls = _count_generate_calls(monkeypatch)
    compiled = assign(network, demand, tight)
    assert calls, "the compiled solver did not run"
    assert compiled.relative_gap <= 1e-12
    assert arrays.relative_gap <= 1e-12
    np.testing.assert_allclose(compiled.flow, arrays.flow, rtol=1e-6, atol=1e-6)
    assert compiled.objective == pytest.approx(arrays.objective, rel=1e-12)
