"""The network an assignment runs on: link arrays with their volume–delay parameters.

Link cost is the BPR time plus a fixed cost, both in the network's own unit (minutes for
TNTP networks)::

    cost(x) = free_flow_time · (1 + b · (x / capacity) ** power) + fixed_cost

A link with ``capacity == 0`` is uncapacitated: its cost does not grow with flow. Links
listed in ``queues`` take Akçelik's queueing delay instead of BPR (``queueing``). Zones are
nodes ``0 .. zone_count - 1``; zones numbered below ``first_thru_node`` (1-based, TNTP's
rule) may start or end a path but never be passed through.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment.queueing import QueueDelay
from caravan.errors import InvalidQueryError
from caravan.store.tntp import TntpNetwork

__all__ = ["AssignmentNetwork", "network_from_tntp"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class AssignmentNetwork:
    """Directed links as parallel arrays (nodes 0-based), validated once on construction."""

    node_count: int
    zone_count: int
    first_thru_node: int
    from_node: IntArray
    to_node: IntArray
    free_flow_time: FloatArray
    capacity: FloatArray
    b: FloatArray
    power: FloatArray
    fixed_cost: FloatArray
    #: links whose delay is a queue rather than BPR (their ``b`` and ``power`` are unused)
    queues: QueueDelay | None = None

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise InvalidQueryError("assignment network: " + "; ".join(problems))
        for name in ("from_node", "to_node", "free_flow_time", "capacity", "b", "power"):
            getattr(self, name).setflags(write=False)
        self.fixed_cost.setflags(write=False)

    def _problems(self) -> list[str]:
        """Every way the arrays break the record's rules (empty when valid)."""
        links = self.from_node.size
        found = []
        for name in ("to_node", "free_flow_time", "capacity", "b", "power", "fixed_cost"):
            if getattr(self, name).shape != (links,):
                found.append(f"{name} has shape {getattr(self, name).shape}, expected ({links},)")
        if found:
            return found
        if not 0 < self.zone_count <= self.node_count:
            found.append(f"zone_count {self.zone_count} is not in 1..{self.node_count}")
        for name in ("from_node", "to_node"):
            values = getattr(self, name)
            if links and (values.min() < 0 or values.max() >= self.node_count):
                found.append(f"{name} holds a node outside 0..{self.node_count - 1}")
        for name in ("free_flow_time", "capacity", "b", "power", "fixed_cost"):
            values = getattr(self, name)
            bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
            if bad.size:
                found.append(
                    f"{name} of link {int(bad[0])} is {float(values[bad[0]])!r}: "
                    "costs and parameters must be finite and non-negative"
                )
        if self.queues is not None and not found:
            found += self.queues.problems(links, self.capacity)
        return found

    @property
    def link_count(self) -> int:
        """Number of links."""
        return int(self.from_node.size)


def network_from_tntp(
    network: TntpNetwork, length_cost: float = 0.0, toll_cost: float = 0.0
) -> AssignmentNetwork:
    """An assignment network from a TNTP network.

    ``length_cost`` and ``toll_cost`` turn length and toll into the fixed part of the
    generalised cost (Chicago Sketch's published optimum uses 0.04 min per mile and 0.02
    min per cent).
    """
    return AssignmentNetwork(
        node_count=network.nodes,
        zone_count=network.zones,
        first_thru_node=network.first_thru_node,
        from_node=network.init_node.astype(np.int64),
        to_node=network.term_node.astype(np.int64),
        free_flow_time=network.free_flow_time.astype(np.float64),
        capacity=network.capacity.astype(np.float64),
        b=network.b.astype(np.float64),
        power=network.power.astype(np.float64),
        fixed_cost=length_cost * network.length + toll_cost * network.toll,
    )
