"""Shortest-path kernels on a snapshot: weighted CSR matrices and scipy's Dijkstra.

Parallel edges between the same two nodes are reduced to the lightest one per weight,
and the chosen edge index is kept, so a path maps back to the edges (and sources) used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from caravan.network.snapshot import NetworkSnapshot

if TYPE_CHECKING:  # scipy loads when a kernel first runs, not when caravan is imported
    from scipy.sparse import csr_matrix

__all__ = ["WeightedGraph", "skim_from_edges", "weighted_graph"]


@dataclass(frozen=True)
class WeightedGraph:
    """A CSR matrix of one weight over the usable edges, and the edge chosen per node pair."""

    matrix: csr_matrix
    chosen_edge: csr_matrix  # same sparsity; value = edge index + 1
    edge_of_pair: dict[int, int]  # source * node_count + target -> edge index

    def shortest_from(
        self, sources: int | list[int]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int32]]:
        """Distances and predecessors from one or several source nodes."""
        from scipy.sparse.csgraph import dijkstra

        distances, predecessors = dijkstra(
            self.matrix, directed=True, indices=sources, return_predecessors=True
        )
        return distances, predecessors

    def shortest_to(self, target: int) -> npt.NDArray[np.float64]:
        """Distances from every node to ``target`` (Dijkstra on the reversed graph)."""
        from scipy.sparse.csgraph import dijkstra

        distances = dijkstra(self.matrix.T.tocsr(), directed=True, indices=target)
        return np.asarray(distances)

    def edge_between(self, a: int, b: int) -> int:
        """Index of the edge used between two consecutive nodes of a path."""
        return self.edge_of_pair[a * self.matrix.shape[0] + b]

    def path_edges(self, predecessors: npt.NDArray[np.int32], target: int) -> list[int]:
        """Edge indices from the tree's root to ``target``, in travel order."""
        edges = []
        node = target
        while predecessors[node] >= 0:
            previous = int(predecessors[node])
            edges.append(self.edge_between(previous, node))
            node = previous
        edges.reverse()
        return edges


def weighted_graph(
    snapshot: NetworkSnapshot,
    weights: npt.NDArray[np.float64],
    usable: npt.NDArray[np.bool_] | None = None,
) -> WeightedGraph:
    """Build the CSR graph of ``weights`` over the usable edges (all when None)."""
    from scipy.sparse import csr_matrix

    index = np.arange(snapshot.edge_count)
    if usable is not None:
        index = index[usable]
    weights = np.maximum(weights[index], 1e-9)
    order = np.lexsort((weights, snapshot.target[index], snapshot.source[index]))
    index, weights = index[order], weights[order]
    pairs = snapshot.source[index].astype(np.int64) * snapshot.node_count + snapshot.target[index]
    first = np.ones(index.size, dtype=bool)
    first[1:] = pairs[1:] != pairs[:-1]
    index, weights, pairs = index[first], weights[first], pairs[first]
    shape = (snapshot.node_count, snapshot.node_count)
    rows, cols = snapshot.source[index], snapshot.target[index]
    matrix = csr_matrix((weights, (rows, cols)), shape=shape)
    chosen = csr_matrix((index + 1, (rows, cols)), shape=shape)
    edge_of_pair = dict(zip(pairs.tolist(), index.tolist(), strict=True))
    return WeightedGraph(matrix, chosen, edge_of_pair)


def skim_from_edges(
    init_node: npt.NDArray[np.int64],
    term_node: npt.NDArray[np.int64],
    weight: npt.NDArray[np.float64],
    node_count: int,
    zones: int,
    first_thru_node: int = 1,
) -> npt.NDArray[np.float64]:
    """Shortest-path costs between zones 0..zones-1 of a plain directed network.

    Zones numbered below ``first_thru_node`` (1-based, as in TNTP) may start or end a path
    but not be passed through: each gets a separate origin copy holding its outgoing edges.
    Parallel edges keep the lightest; zero weights stay edges.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    blocked = min(max(first_thru_node - 1, 0), zones)
    sources = init_node.copy()
    origin_copy = np.arange(blocked) + node_count  # node_count + z is zone z's origin copy
    from_blocked = sources < blocked
    sources[from_blocked] = origin_copy[sources[from_blocked]]
    size = node_count + blocked
    weights = np.maximum(weight, 1e-12)
    order = np.lexsort((weights, term_node, sources))
    sources, targets, weights = sources[order], term_node[order], weights[order]
    first = np.ones(sources.size, dtype=bool)
    first[1:] = (sources[1:] != sources[:-1]) | (targets[1:] != targets[:-1])
    matrix = csr_matrix((weights[first], (sources[first], targets[first])), shape=(size, size))
    starts = [node_count + z if z < blocked else z for z in range(zones)]
    distances = dijkstra(matrix, directed=True, indices=starts)
    result = np.asarray(distances)[:, :zones]
    np.fill_diagonal(result, 0.0)
    return result
