"""The queueing volume–delay function at crossings and its place in the equilibrium engine.

Akçelik's function with J = 0.5: near zero well below capacity, growing as the queue builds
above it; its derivative and Beckmann integral checked against finite differences and
quadrature; and a two-route network whose equilibrium split is worked out by hand.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import quad

from assignment_cases import network_of
from caravan.analysis.assignment import Algorithm, AssignmentNetwork, AssignmentSpec, assign
from caravan.analysis.assignment.queueing import QueueDelay
from caravan.errors import InvalidQueryError

CAPACITY = 100.0  # vehicles per day
PERIOD_H = 24.0


def _queue(links: list[int], served: float = CAPACITY, j: float = 0.5) -> QueueDelay:
    size = len(links)
    return QueueDelay(
        link=np.asarray(links, dtype=np.int64),
        period=np.full(size, PERIOD_H),
        served_per_period=np.full(size, served),
        delay_parameter=np.full(size, j),
    )


def _wait(flow: float) -> float:
    return float(_queue([0]).wait(np.array([flow]), np.array([CAPACITY]))[0])


def test_wait_is_near_zero_well_below_capacity_and_matches_md1() -> None:
    # M/D/1 steady-state wait x / (2 c (1 − x)) days at half the capacity: 0.005 days
    assert _wait(50.0) == pytest.approx(0.5 / (2 * CAPACITY * 0.5) * 24.0, rel=0.05)
    assert _wait(50.0) < 0.2  # hours, against clearance times of several hours
    assert _wait(0.0) == 0.0


def test_wait_grows_as_the_queue_builds_above_capacity() -> None:
    flows = np.linspace(0.0, 300.0, 61)
    waits = _queue([0]).wait(flows, np.full(flows.size, CAPACITY))
    assert (np.diff(waits) > 0).all()
    # far above capacity the mean wait tends to the deterministic queue T (z − 1) / 2
    assert _wait(300.0) == pytest.approx(PERIOD_H * (3.0 - 1.0) / 2.0, rel=0.01)
    assert _wait(150.0) > 5 * _wait(90.0)


@pytest.mark.parametrize("flow", [0.0, 10.0, 99.0, 100.0, 101.0, 250.0])
def test_derivative_and_integral_match_numerical_ones(flow: float) -> None:
    queue, capacity = _queue([0]), np.array([CAPACITY])
    step = 1e-4
    numeric = (_wait(flow + step) - _wait(max(flow - step, 0.0))) / (
        flow + step - max(flow - step, 0.0)
    )
    assert float(queue.wait_derivative(np.array([flow]), capacity)[0]) == pytest.approx(
        numeric, rel=1e-4
    )
    integral, _ = quad(_wait, 0.0, flow, limit=200, epsabs=1e-12)
    assert float(queue.wait_integral(np.array([flow]), capacity)[0]) == pytest.approx(
        integral, rel=1e-7, abs=1e-9
    )


def _two_routes_with_a_queue() -> AssignmentNetwork:
    """Zone 0 → zone 1 by a crossing (1 h + queue, 100/day) or a bypass of 7 h (uncapacitated)."""
    base = network_of([(0, 1, 1.0, CAPACITY, 0.0, 1.0), (0, 1, 7.0, 0.0, 0.0, 1.0)], zones=2)
    return AssignmentNetwork(**{**base.__dict__, "queues": _queue([0])})


@pytest.mark.parametrize(
    "algorithm",
    [Algorithm.FRANK_WOLFE, Algorithm.BICONJUGATE_FRANK_WOLFE, Algorithm.GRADIENT_PROJECTION],
)
def test_two_route_equilibrium_with_a_queue_matches_the_hand_solution(algorithm: Algorithm) -> None:
    # 300/day: equal costs when wait(x) = 6 h, i.e. (z − 1) + √((z − 1)² + k z) = 1 with
    # k = 8 J / N = 0.04, so (2 + k) z = 3: z = 3 / 2.04, x = 147.06 and the bypass 152.94.
    demand = np.array([[0.0, 300.0], [0.0, 0.0]])
    spec = AssignmentSpec(algorithm=algorithm, target_gap=1e-9, max_iterations=2000)
    result = assign(_two_routes_with_a_queue(), demand, spec)
    crossing = 100.0 * 3.0 / 2.04
    assert result.flow == pytest.approx([crossing, 300.0 - crossing], rel=1e-5)
    assert result.time[0] == pytest.approx(7.0, rel=1e-5)
    assert result.utilisation[0] == pytest.approx(crossing / CAPACITY, rel=1e-5)


def test_below_capacity_everything_takes_the_crossing() -> None:
    demand = np.array([[0.0, 60.0], [0.0, 0.0]])
    result = assign(_two_routes_with_a_queue(), demand, AssignmentSpec(target_gap=1e-9))
    assert result.flow == pytest.approx([60.0, 0.0])
    # the M/D/1 wait at 60 % of capacity: 0.6 / (2 · 100 · 0.4) days, about 11 minutes
    assert result.time[0] - 1.0 == pytest.approx(0.6 / (2 * CAPACITY * 0.4) * 24.0, rel=0.05)


def test_queue_links_need_a_capacity_and_valid_parameters() -> None:
    base = network_of([(0, 1, 1.0, 0.0, 0.0, 1.0)], zones=2)
    with pytest.raises(InvalidQueryError, match="no capacity"):
        AssignmentNetwork(**{**base.__dict__, "queues": _queue([0])})
    with pytest.raises(InvalidQueryError, match="positive"):
        _queue([0], served=0.0)
