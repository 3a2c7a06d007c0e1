"""The Pareto front of two weights between two nodes: bounded label setting in numba.

Each label is a path's (first, second) weight at a node. Labels leave a heap in order of
the first weight (then the second); a new label is dropped when a label at its node
dominates it, and when, completed by exact lower bounds to the destination (two backward
Dijkstra searches), it could not beat a path already found by more than a factor
``1 + epsilon`` on the second weight (epsilon = 0: the exact front). A path found has a first
weight no larger than any later label's, so with epsilon > 0 every Pareto-optimal path has a
returned one within that factor on both weights, and fewer labels are kept. (The factor is
not also spent at the nodes: pruning there compounds along a path.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.errors import WorkLimitError
from caravan.network.large._compile import compiled
from caravan.network.large.graph import CsrGraph

__all__ = ["ParetoPath", "pareto_paths"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Small = npt.NDArray[np.int32]


@dataclass(frozen=True)
class ParetoPath:
    """One path of the front: its two weights and the graph's edge ids in travel order."""

    first: float
    second: float
    edges: npt.NDArray[np.int64]


@compiled
def _heap_push(heap: Ints, size: int, label: int, first: Floats, second: Floats) -> Ints:
    """Push a label id (heap grown when full); the caller counts the size."""
    if size == heap.size:
        grown = np.empty(2 * heap.size, dtype=np.int64)
        grown[:size] = heap[:size]
        heap = grown
    at = size
    heap[at] = label
    while at > 0:
        parent = (at - 1) >> 1
        a, b = heap[at], heap[parent]
        if first[a] < first[b] or (first[a] == first[b] and second[a] < second[b]):
            heap[at], heap[parent] = b, a
            at = parent
        else:
            break
    return heap


@compiled
def _heap_pop(heap: Ints, size: int, first: Floats, second: Floats) -> int:
    """Remove and return the smallest label id; ``size`` is the size before the pop."""
    top = heap[0]
    size -= 1
    heap[0] = heap[size]
    at = 0
    while True:
        smallest = at
        for child in (2 * at + 1, 2 * at + 2):
            if child < size:
                a, b = heap[child], heap[smallest]
                if first[a] < first[b] or (first[a] == first[b] and second[a] < second[b]):
                    smallest = child
        if smallest == at:
            return int(top)
        heap[at], heap[smallest] = heap[smallest], heap[at]
        at = smallest


@compiled
def _label_setting(
    origin: int,
    destination: int,
    indptr: Ints,
    indices: Small,
    first_weights: Floats,
    second_weights: Floats,
    first_bound: Floats,
    second_bound: Floats,
    epsilon: float,
    max_labels: int,
) -> tuple[Ints, Floats, Floats, Ints, Ints, bool]:
    """Labels of the front at the destination, and the label pool to trace their paths.

    Returns (front label ids, label first, label second, label predecessor, label edge,
    finished); ``finished`` is False when ``max_labels`` was reached.
    """
    node_count = indptr.size - 1
    capacity = 1024
    node_of = np.empty(capacity, dtype=np.int64)
    first = np.empty(capacity, dtype=np.float64)
    second = np.empty(capacity, dtype=np.float64)
    predecessor = np.empty(capacity, dtype=np.int64)
    edge_of = np.empty(capacity, dtype=np.int64)
    next_at_node = np.empty(capacity, dtype=np.int64)
    alive = np.empty(capacity, dtype=np.bool_)
    head = np.full(node_count, -1, dtype=np.int64)
    heap = np.empty(1024, dtype=np.int64)
    count = 1
    node_of[0], first[0], second[0], predecessor[0], edge_of[0] = origin, 0.0, 0.0, -1, -1
    next_at_node[0], alive[0] = -1, True
    head[origin] = 0
    heap = _heap_push(heap, 0, 0, first, second)
    size = 1
    front = []
    best_second = np.inf  # smallest second weight of the paths found so far
    slack = 1.0 + epsilon
    while size > 0:
        label = _heap_pop(heap, size, first, second)
        size -= 1
        if not alive[label]:
            continue
        node = node_of[label]
        if node == destination:
            if second[label] < best_second:
                front.append(label)
                best_second = second[label]
            continue
        if best_second <= (second[label] + second_bound[node]) * slack:
            continue
        for k in range(indptr[node], indptr[node + 1]):
            target = indices[k]
            new_first = first[label] + first_weights[k]
            new_second = second[label] + second_weights[k]
            if first_bound[target] == np.inf:
                continue
            if best_second <= (new_second + second_bound[target]) * slack:
                continue
            dominated = False
            other = head[target]
            while other >= 0:
                # exact at the nodes: a slack here would compound along the path (a label
                # pruned by one within the factor, that one by another, …); the factor is spent
                # once, against the paths already found at the destination
                near_first = first[other] <= new_first
                if alive[other] and near_first and second[other] <= new_second:
                    dominated = True
                    break
                other = next_at_node[other]
            if dominated:
                continue
            other = head[target]
            while other >= 0:
                if alive[other] and first[other] >= new_first and second[other] >= new_second:
                    alive[other] = False
                other = next_at_node[other]
            if count == max_labels:
                return (np.array(front, dtype=np.int64), first, second, predecessor, edge_of,
                        False)  # fmt: skip
            if count == capacity:
                capacity *= 2
                node_of = np.concatenate((node_of, np.empty(count, np.int64)))
                first = np.concatenate((first, np.empty(count, np.float64)))
                second = np.concatenate((second, np.empty(count, np.float64)))
                predecessor = np.concatenate((predecessor, np.empty(count, np.int64)))
                edge_of = np.concatenate((edge_of, np.empty(count, np.int64)))
                next_at_node = np.concatenate((next_at_node, np.empty(count, np.int64)))
                alive = np.concatenate((alive, np.empty(count, np.bool_)))
            node_of[count], first[count], second[count] = target, new_first, new_second
            predecessor[count], edge_of[count], alive[count] = label, k, True
            next_at_node[count] = head[target]
            head[target] = count
            heap = _heap_push(heap, size, count, first, second)
            size += 1
            count += 1
    return np.array(front, dtype=np.int64), first, second, predecessor, edge_of, True


def pareto_paths(
    graph: CsrGraph,
    second_weights: npt.ArrayLike,
    origin: int,
    destination: int,
    epsilon: float = 0.0,
    max_labels: int = 5_000_000,
) -> list[ParetoPath]:
    """Non-dominated paths by (``graph.weights``, ``second_weights``), first weight ascending.

    ``second_weights`` follow the graph's CSR order. Raises :class:`WorkLimitError` when
    more than ``max_labels`` labels would be needed (a larger ``epsilon`` keeps fewer, but
    a small one saves little on large graphs: ``docs/kernels.md``).
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    origin, destination = graph.check_node(origin), graph.check_node(destination)
    seconds = np.asarray(second_weights, dtype=np.float64)
    if seconds.shape != graph.weights.shape or not np.all(np.isfinite(seconds) & (seconds >= 0)):
        raise ValueError("second weights must be finite, ≥ 0 and one per edge of the graph")
    shape = (graph.node_count, graph.node_count)
    bounds = []
    for weights in (graph.weights, seconds):
        reversed_matrix = csr_matrix((weights, graph.indices, graph.indptr), shape=shape).T
        bounds.append(np.asarray(dijkstra(reversed_matrix.tocsr(), indices=destination)))
    front, first, second, predecessor, edge_of, finished = _label_setting(
        origin, destination, graph.indptr, graph.indices, graph.weights, seconds,
        bounds[0], bounds[1], float(epsilon), int(max_labels),
    )  # fmt: skip
    if not finished:
        raise WorkLimitError(
            f"the Pareto front needs more than {max_labels:,} labels: "
            "give a larger label limit, or an epsilon (it drops only labels that could not beat "
            "a path already found by that factor, so a small one saves little)"
        )
    paths = []
    for label in front:
        positions = []
        at = int(label)
        while predecessor[at] >= 0:
            positions.append(int(edge_of[at]))
            at = int(predecessor[at])
        edges = graph.edge_ids[np.array(positions[::-1], dtype=np.int64)]
        paths.append(ParetoPath(float(first[label]), float(second[label]), edges))
    return paths
