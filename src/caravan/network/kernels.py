"""Shortest-path kernels on a snapshot: weighted CSR graphs and Dijkstra.

Parallel edges between the same two nodes are reduced to the lightest one per weight,
and the chosen edge index is kept, so a path maps back to the edges (and sources) used.

The graph is held as plain CSR arrays built with numpy. Searches from many sources (skims)
run scipy's Dijkstra. A search from one source runs a small heap-based Dijkstra in Python
while ``scipy.sparse.csgraph`` is not imported yet, for the first
:data:`PYTHON_SEARCH_BUDGET` such searches of the process: on the curated network (~470
nodes) one takes ~0.2 ms against ~0.05 ms in scipy, but importing scipy costs ~0.15 s, so
a one-off process (``caravan route``, even with alternatives and the Pareto front) is done
before scipy would have paid off, while a server or a long session switches to scipy
after a few requests. Both kernels relax on strictly shorter distances and settle, of
nodes at equal distance, the highest-numbered first (scipy's priority queue order), so
they return the same distances and the same shortest-path trees, exact ties included;
``tests/test_kernels.py`` checks this on the embedded network.
"""

from __future__ import annotations

import heapq
import math
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from caravan.network.snapshot import NetworkSnapshot

if TYPE_CHECKING:  # scipy loads when a kernel first needs it, not when caravan is imported
    from scipy.sparse import csr_matrix

__all__ = [
    "PYTHON_SEARCH_BUDGET",
    "Kernel",
    "WeightedGraph",
    "skim_from_edges",
    "weighted_graph",
]

#: Which Dijkstra runs a single-source search: "auto" (the rule above), "python" or "scipy".
Kernel = Literal["auto", "python", "scipy"]

#: Single-source searches per process that run in Python (under "auto") before scipy.
PYTHON_SEARCH_BUDGET = 256

#: Largest graph (nodes) searched in Python under "auto": beyond it scipy's compiled
#: search wins even with its import paid (an imported network layer, say).
PYTHON_SEARCH_MAX_NODES = 20_000

#: scipy's marker for "no predecessor" (the source itself, or an unreachable node).
_NO_PREDECESSOR = -9999

#: Single-source searches run in Python so far (a racy count is harmless: it only
#: decides which of two equivalent kernels runs).
_python_searches = 0


def _choose_python(kernel: Kernel, node_count: int) -> bool:
    """Whether one single-source search runs in Python (counted against the budget)."""
    global _python_searches
    if kernel != "auto":
        return kernel == "python"
    if (
        _python_searches >= PYTHON_SEARCH_BUDGET
        or node_count > PYTHON_SEARCH_MAX_NODES
        or "scipy.sparse.csgraph" in sys.modules
    ):
        return False
    _python_searches += 1
    return True


@dataclass(frozen=True)
class _Adjacency:
    """CSR arrays as Python lists (what the Python Dijkstra iterates fastest)."""

    indptr: list[int]
    indices: list[int]
    weights: list[float]


def _dijkstra_python(
    adjacency: _Adjacency, node_count: int, source: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int32]]:
    """Distances and predecessors from ``source`` (heap-based Dijkstra, scipy's conventions).

    Unreachable nodes are at ``inf`` with predecessor -9999, as is the source itself.
    """
    indptr, indices, weights = adjacency.indptr, adjacency.indices, adjacency.weights
    inf = math.inf
    distance = [inf] * node_count
    predecessor = [_NO_PREDECESSOR] * node_count
    settled = [False] * node_count
    distance[source] = 0.0
    # Entries are (distance, -node): of nodes at equal distance the highest-numbered is
    # settled first, as scipy's priority queue does, so exact ties resolve alike.
    heap: list[tuple[float, int]] = [(0.0, -source)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        d, negative = pop(heap)
        u = -negative
        if settled[u]:
            continue
        settled[u] = True
        for k in range(indptr[u], indptr[u + 1]):
            v = indices[k]
            if settled[v]:
                continue
            candidate = d + weights[k]
            if candidate < distance[v]:
                distance[v] = candidate
                predecessor[v] = u
                push(heap, (candidate, -v))
    return np.array(distance, dtype=np.float64), np.array(predecessor, dtype=np.int32)


@dataclass(frozen=True)
class WeightedGraph:
    """CSR arrays of one weight over the usable edges, and the edge chosen per node pair.

    Row ``u`` holds ``indices[indptr[u]:indptr[u + 1]]`` (targets, ascending) with their
    ``weights`` and the snapshot ``edges`` chosen between ``u`` and each target.
    """

    node_count: int
    indptr: npt.NDArray[np.int32]
    indices: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float64]
    edges: npt.NDArray[np.int64]
    edge_of_pair: dict[int, int] = field(repr=False)  # source * node_count + target -> edge

    @cached_property
    def matrix(self) -> csr_matrix:
        """The weights as a scipy CSR matrix (loads scipy)."""
        from scipy.sparse import csr_matrix

        shape = (self.node_count, self.node_count)
        return csr_matrix((self.weights, self.indices, self.indptr), shape=shape)

    @cached_property
    def chosen_edge(self) -> csr_matrix:
        """Same sparsity as :attr:`matrix`; value = chosen edge index + 1 (loads scipy)."""
        from scipy.sparse import csr_matrix

        shape = (self.node_count, self.node_count)
        return csr_matrix((self.edges + 1, self.indices, self.indptr), shape=shape)

    @cached_property
    def _forward(self) -> _Adjacency:
        return _Adjacency(self.indptr.tolist(), self.indices.tolist(), self.weights.tolist())

    @cached_property
    def _backward(self) -> _Adjacency:
        sources = np.repeat(np.arange(self.node_count), np.diff(self.indptr))
        order = np.lexsort((sources, self.indices))
        counts = np.bincount(self.indices, minlength=self.node_count)
        indptr = np.concatenate(([0], np.cumsum(counts)))
        return _Adjacency(indptr.tolist(), sources[order].tolist(), self.weights[order].tolist())

    @cached_property
    def _weight_of_pair(self) -> dict[int, float]:
        rows = np.repeat(np.arange(self.node_count, dtype=np.int64), np.diff(self.indptr))
        pairs = rows * self.node_count + self.indices
        return dict(zip(pairs.tolist(), self.weights.tolist(), strict=True))

    def shortest_from(
        self, sources: int | list[int], kernel: Kernel = "auto"
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int32]]:
        """Distances and predecessors from one or several source nodes.

        One source gives 1-d arrays, a list gives one row per source. ``kernel`` picks the
        Dijkstra (see the module docstring); a list of sources always runs scipy's.
        """
        if isinstance(sources, int) and _choose_python(kernel, self.node_count):
            return _dijkstra_python(self._forward, self.node_count, sources)
        from scipy.sparse.csgraph import dijkstra

        distances, predecessors = dijkstra(
            self.matrix, directed=True, indices=sources, return_predecessors=True
        )
        return distances, predecessors

    def shortest_to(self, target: int, kernel: Kernel = "auto") -> npt.NDArray[np.float64]:
        """Distances from every node to ``target`` (Dijkstra on the reversed graph)."""
        if _choose_python(kernel, self.node_count):
            return _dijkstra_python(self._backward, self.node_count, target)[0]
        from scipy.sparse.csgraph import dijkstra

        distances = dijkstra(self.matrix.T.tocsr(), directed=True, indices=target)
        return np.asarray(distances)

    def edge_between(self, a: int, b: int) -> int:
        """Index of the edge used between two consecutive nodes of a path."""
        return self.edge_of_pair[a * self.node_count + b]

    def weight_between(self, a: int, b: int) -> float | None:
        """Weight of the edge from ``a`` to ``b``, or None when the graph has none."""
        return self._weight_of_pair.get(a * self.node_count + b)

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
    rows = snapshot.source[index]
    counts = np.bincount(rows, minlength=snapshot.node_count)
    indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
    edge_of_pair = dict(zip(pairs.tolist(), index.tolist(), strict=True))
    return WeightedGraph(
        snapshot.node_count,
        indptr,
        snapshot.target[index].astype(np.int32),
        weights.astype(np.float64),
        index.astype(np.int64),
        edge_of_pair,
    )


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
