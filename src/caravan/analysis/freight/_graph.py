"""Shortest-path distances between zones on an assignment network, zones never passed through.

Edges into a zone are redirected to a separate sink node per zone, so a zone has only its
outgoing (access) edges and no path crosses it; parallel edges keep the cheapest.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from caravan.analysis.assignment import AssignmentNetwork

__all__ = ["ZoneDistances"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class ZoneDistances:
    """Distances from every zone to every node, and from every node to every zone."""

    def __init__(self, network: AssignmentNetwork, cost: FloatArray) -> None:
        zones, nodes = network.zone_count, network.node_count
        self.nodes = nodes
        self.head = np.where(
            network.to_node < zones, nodes + network.to_node, network.to_node
        ).astype(np.int64)
        tail = network.from_node
        order = np.lexsort((cost, self.head, tail))
        first = np.ones(order.size, dtype=bool)
        first[1:] = (tail[order][1:] != tail[order][:-1]) | (
            self.head[order][1:] != self.head[order][:-1]
        )
        keep = order[first]
        size = nodes + zones
        graph = csr_matrix(
            (np.maximum(cost[keep], 1e-12), (tail[keep], self.head[keep])), shape=(size, size)
        )
        self.from_zone: FloatArray = dijkstra(graph, indices=np.arange(zones))
        self.to_zone: FloatArray = dijkstra(graph.T.tocsr(), indices=nodes + np.arange(zones))

    def between_zones(self) -> FloatArray:
        """Shortest cost from each zone to each zone (inf when unreachable)."""
        zones = self.from_zone.shape[0]
        return self.from_zone[:, self.nodes : self.nodes + zones]

    def through(self, link: int, tail: int, cost: float) -> FloatArray:
        """Cheapest cost of each zone pair's paths forced through ``link`` (tail → head)."""
        head = int(self.head[link])
        return self.from_zone[:, tail][:, None] + cost + self.to_zone[:, head][None, :]
