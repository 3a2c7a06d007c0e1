"""Alternative paths on large graphs: the penalty method inside a corridor.

Two scipy Dijkstra trees (from the origin, and to the destination on the reversed graph)
bound the corridor: the nodes through which a path is at most ``max_stretch`` times the
shortest. Inside that subgraph, each round finds the shortest path under penalised
weights, keeps it when it is short enough (true length ≤ stretch × best) and shares at
most ``max_overlap`` of its length with every path kept, then multiplies the weights of
its edges by ``penalty`` so the next round looks elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.network.large.graph import CsrGraph, graph_from_edges

__all__ = ["AlternativePath", "alternative_paths"]


@dataclass(frozen=True)
class AlternativePath:
    """One path: its length under the graph's weights and its edge ids in travel order."""

    length: float
    edges: npt.NDArray[np.int64]


def _corridor(
    graph: CsrGraph, origin: int, destination: int, max_stretch: float
) -> tuple[CsrGraph, npt.NDArray[np.int64], float]:
    """The subgraph of nodes within the stretch bound, its node ids, and the best length."""
    from scipy.sparse.csgraph import dijkstra

    best = graph.distances_from(origin)
    to_destination = np.asarray(
        dijkstra(graph.matrix.T.tocsr(), indices=destination), dtype=np.float64
    )
    shortest = float(best[destination])
    inside = np.flatnonzero(best + to_destination <= shortest * max_stretch * (1 + 1e-12))
    local = np.full(graph.node_count, -1, dtype=np.int64)
    local[inside] = np.arange(inside.size)
    tails, heads = local[graph.sources], local[graph.indices]
    kept = (tails >= 0) & (heads >= 0)
    positions = np.flatnonzero(kept)
    sub = graph_from_edges(
        tails[kept], heads[kept], graph.weights[kept], inside.size, positions.astype(np.int64)
    )
    return sub, local, shortest


def alternative_paths(
    graph: CsrGraph,
    origin: int,
    destination: int,
    count: int = 3,
    max_stretch: float = 1.4,
    max_overlap: float = 0.7,
    penalty: float = 1.5,
    rounds: int | None = None,
) -> list[AlternativePath]:
    """The shortest path then up to ``count`` alternatives, shortest first.

    Empty when the destination is unreachable. ``rounds`` (default 4 × (count + 1))
    bounds the penalised searches.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    origin, destination = graph.check_node(origin), graph.check_node(destination)
    if origin == destination:
        return [AlternativePath(0.0, np.zeros(0, dtype=np.int64))]
    sub, local, shortest = _corridor(graph, origin, destination, max_stretch)
    if not np.isfinite(shortest):
        return []
    start, end = int(local[origin]), int(local[destination])
    penalised = sub.weights.copy()
    kept: list[tuple[float, npt.NDArray[np.int64]]] = []  # (length, positions in sub)
    shape = (sub.node_count, sub.node_count)
    for _ in range(rounds if rounds is not None else 4 * (count + 1)):
        if len(kept) > count:
            break
        matrix = csr_matrix((penalised, sub.indices, sub.indptr), shape=shape)
        _, predecessors = dijkstra(matrix, indices=start, return_predecessors=True)
        positions = _path_positions(sub, predecessors, end)
        length = float(sub.weights[positions].sum())
        penalised[positions] *= penalty
        if length > shortest * max_stretch * (1 + 1e-12):
            continue
        if all(_shared(sub, positions, other) <= max_overlap * length for _, other in kept):
            kept.append((length, positions))
    kept.sort(key=lambda item: item[0])
    return [
        AlternativePath(length, graph.edge_ids[sub.edge_ids[positions]])
        for length, positions in kept[: count + 1]
    ]


def _path_positions(
    sub: CsrGraph, predecessors: npt.NDArray[np.int32], end: int
) -> npt.NDArray[np.int64]:
    """CSR positions of the tree's edges from the root to ``end``, in travel order."""
    positions = []
    node = end
    while predecessors[node] >= 0:
        previous = int(predecessors[node])
        row = slice(int(sub.indptr[previous]), int(sub.indptr[previous + 1]))
        offset = int(np.flatnonzero(sub.indices[row] == node)[0])
        positions.append(int(sub.indptr[previous]) + offset)
        node = previous
    return np.array(positions[::-1], dtype=np.int64)


def _shared(sub: CsrGraph, positions: npt.NDArray[np.int64], other: npt.NDArray[np.int64]) -> float:
    """Length of the edges two paths share."""
    return float(sub.weights[np.intersect1d(positions, other)].sum())
