"""Small assignment networks whose equilibria are worked out by hand, shared by the tests."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment import Algorithm, AssignmentNetwork, AssignmentSpec

__all__ = ["TIGHT_GP", "braess", "grid", "net_inflow", "network_of", "two_routes"]

#: Gradient projection to a relative gap of 1e-10, the engine's tight setting in tests.
TIGHT_GP = AssignmentSpec(
    algorithm=Algorithm.GRADIENT_PROJECTION, target_gap=1e-10, max_iterations=500
)


def network_of(
    links: list[tuple[int, int, float, float, float, float]],
    zones: int,
    first_thru_node: int = 1,
    fixed: list[float] | None = None,
) -> AssignmentNetwork:
    """Links as (from, to, free-flow time, capacity, b, power)."""
    table = np.array(links, dtype=np.float64)
    return AssignmentNetwork(
        node_count=int(table[:, :2].max()) + 1,
        zone_count=zones,
        first_thru_node=first_thru_node,
        from_node=table[:, 0].astype(np.int64),
        to_node=table[:, 1].astype(np.int64),
        free_flow_time=table[:, 2],
        capacity=table[:, 3],
        b=table[:, 4],
        power=table[:, 5],
        fixed_cost=np.zeros(len(links)) if fixed is None else np.array(fixed, dtype=np.float64),
    )


def braess() -> tuple[AssignmentNetwork, npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """s = 0, t = 1, a = 2, b = 3; 6 trips from s to t.

    Costs: s→a and b→t 1 + 10x; a→t and s→b 50 + x; a→b 10 + x (BPR of power 1).
    By symmetry paths s-a-t and s-b-t carry p, s-a-b-t carries q = 6 − 2p; equal costs
    give 50 + p = 11 + 10p + 11q, so p = 27/13, q = 24/13 and every path costs 1200/13.
    """
    network = network_of(
        [
            (0, 2, 1.0, 1.0, 10.0, 1.0),
            (2, 1, 50.0, 50.0, 1.0, 1.0),
            (0, 3, 50.0, 50.0, 1.0, 1.0),
            (3, 1, 1.0, 1.0, 10.0, 1.0),
            (2, 3, 10.0, 10.0, 1.0, 1.0),
        ],
        zones=2,
    )
    demand = np.array([[0.0, 6.0], [0.0, 0.0]])
    return network, demand, np.array([51.0, 27.0, 27.0, 51.0, 24.0]) / 13.0


def two_routes() -> tuple[AssignmentNetwork, npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Two parallel links from zone 0 to zone 1 carrying 80 trips.

    Link 0 costs 1 · (1 + (x / 50)^4), link 1 costs 2 whatever its flow (no capacity):
    at equilibrium 1 + (x / 50)^4 = 2, so x = 50 on link 0 and 30 on link 1.
    """
    network = network_of([(0, 1, 1.0, 50.0, 1.0, 4.0), (0, 1, 2.0, 0.0, 0.0, 4.0)], zones=2)
    return network, np.array([[0.0, 80.0], [0.0, 0.0]]), np.array([50.0, 30.0])


def grid(seed: int = 7) -> tuple[AssignmentNetwork, npt.NDArray[np.float64]]:
    """A 5 × 5 grid, links both ways with seeded BPR parameters; the first 6 nodes are zones."""
    rng = np.random.default_rng(seed)
    links = []
    for row in range(5):
        for column in range(5):
            node = row * 5 + column
            for other in (node + 1 if column < 4 else None, node + 5 if row < 4 else None):
                if other is None:
                    continue
                for a, b in ((node, other), (other, node)):
                    links.append((a, b, rng.uniform(1, 5), rng.uniform(20, 60), 0.15, 4.0))
    demand = rng.uniform(0, 30, size=(6, 6))
    np.fill_diagonal(demand, 0.0)
    return network_of(links, zones=6), demand


def net_inflow(
    network: AssignmentNetwork, flow: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Flow into each node minus flow out of it (zero at through nodes)."""
    inflow = np.bincount(network.to_node, weights=flow, minlength=network.node_count)
    outflow = np.bincount(network.from_node, weights=flow, minlength=network.node_count)
    return np.asarray(inflow - outflow, dtype=np.float64)
