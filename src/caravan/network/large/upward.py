"""Searches on a contraction hierarchy, compiled with numba: one-to-one and many-to-many.

The hierarchy is two upward graphs in CSR form: ``forward`` holds each edge ``u → w`` with
rank(u) < rank(w) at ``u``; ``backward`` holds each edge ``u → w`` with rank(u) > rank(w)
at ``w`` (pointing at ``u``), so both searches only climb. A shortest path climbs from the
origin and descends to the destination, so a forward search from the origin and a
backward search from the destination meet at its highest node. Both stop once their
smallest key reaches the best meeting found, and *stall on demand*: a node reached more
cheaply from a higher node (through an edge of the other direction) is not expanded.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from caravan.network.large._compile import compiled
from caravan.network.large.heap import heap_pop, heap_push, heap_remove_all

__all__ = ["many_to_many", "one_to_one", "unpack"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Small = npt.NDArray[np.int32]


@compiled
def _stalled(
    node: int, reached: float, indptr: Ints, indices: Small, weights: Floats, distance: Floats
) -> bool:
    """Whether a node is reached more cheaply through a higher node (the opposite graph)."""
    for k in range(indptr[node], indptr[node + 1]):
        if distance[indices[k]] + weights[k] < reached:
            return True
    return False


@compiled
def _settle(
    keys: Floats,
    nodes: Ints,
    position: Ints,
    size: int,
    indptr: Ints,
    indices: Small,
    weights: Floats,
    pool_edge: Small,
    other_indptr: Ints,
    other_indices: Small,
    other_weights: Floats,
    distance: Floats,
    predecessor: Ints,
    touched: Ints,
    touched_count: int,
) -> tuple[int, float, int, int, bool]:
    """Settle the next node of one search; returns (node, key, heap size, touched, stalled)."""
    node, reached, size = heap_pop(keys, nodes, position, size)
    if _stalled(node, reached, other_indptr, other_indices, other_weights, distance):
        return node, reached, size, touched_count, True
    for k in range(indptr[node], indptr[node + 1]):
        head = indices[k]
        candidate = reached + weights[k]
        if candidate < distance[head]:
            if distance[head] == np.inf:
                touched[touched_count] = head
                touched_count += 1
            distance[head] = candidate
            predecessor[head] = pool_edge[k]
            size = heap_push(keys, nodes, position, size, head, candidate)
    return node, reached, size, touched_count, False


@compiled
def one_to_one(
    origin: int,
    destination: int,
    forward: tuple[Ints, Small, Floats, Small],
    backward: tuple[Ints, Small, Floats, Small],
    workspace: tuple[
        Floats, Floats, Ints, Ints, Ints, Ints, Floats, Ints, Ints, Floats, Ints, Ints
    ],
    pool_tails: Small,
    pool_heads: Small,
) -> tuple[float, Ints]:
    """Distance from ``origin`` to ``destination`` and the hierarchy edges of its path.

    ``inf`` and an empty path when the destination is unreachable. The workspace comes back
    clean (distances ``inf``, heaps empty) for the next query.
    """
    f_ptr, f_idx, f_w, f_edge = forward
    b_ptr, b_idx, b_w, b_edge = backward
    (dist_f, dist_b, pred_f, pred_b, touched_f, touched_b,
     keys_f, nodes_f, pos_f, keys_b, nodes_b, pos_b) = workspace  # fmt: skip
    dist_f[origin] = 0.0
    dist_b[destination] = 0.0
    touched_f[0] = origin
    touched_b[0] = destination
    count_f = 1
    count_b = 1
    size_f = heap_push(keys_f, nodes_f, pos_f, 0, origin, 0.0)
    size_b = heap_push(keys_b, nodes_b, pos_b, 0, destination, 0.0)
    best = np.inf
    meeting = -1
    while True:
        key_f = keys_f[0] if size_f > 0 else np.inf
        key_b = keys_b[0] if size_b > 0 else np.inf
        if min(key_f, key_b) >= best:
            break
        if key_f <= key_b:
            node, reached, size_f, count_f, stalled = _settle(
                keys_f, nodes_f, pos_f, size_f, f_ptr, f_idx, f_w, f_edge, b_ptr, b_idx, b_w,
                dist_f, pred_f, touched_f, count_f,
            )  # fmt: skip
            if not stalled and reached + dist_b[node] < best:
                best = reached + dist_b[node]
                meeting = node
        else:
            node, reached, size_b, count_b, stalled = _settle(
                keys_b, nodes_b, pos_b, size_b, b_ptr, b_idx, b_w, b_edge, f_ptr, f_idx, f_w,
                dist_b, pred_b, touched_b, count_b,
            )  # fmt: skip
            if not stalled and reached + dist_f[node] < best:
                best = reached + dist_f[node]
                meeting = node
    path = []
    if meeting >= 0:
        node = meeting
        while node != origin:
            path.append(pred_f[node])
            node = pool_tails[pred_f[node]]
        path.reverse()
        node = meeting
        while node != destination:
            path.append(pred_b[node])
            node = pool_heads[pred_b[node]]
    heap_remove_all(nodes_f, pos_f, size_f)
    heap_remove_all(nodes_b, pos_b, size_b)
    for r in range(count_f):
        dist_f[touched_f[r]] = np.inf
    for r in range(count_b):
        dist_b[touched_b[r]] = np.inf
    result = np.empty(len(path), dtype=np.int64)
    for i in range(len(path)):
        result[i] = path[i]
    return best, result


@compiled
def unpack(path: Ints, first: Small, second: Small) -> Ints:
    """The original pool edges a path of hierarchy edges stands for, in travel order."""
    stack = [path[i] for i in range(path.size - 1, -1, -1)]
    original = []
    while len(stack) > 0:
        k = stack.pop()
        if first[k] < 0:
            original.append(k)
        else:
            stack.append(second[k])
            stack.append(first[k])
    result = np.empty(len(original), dtype=np.int64)
    for i in range(len(original)):
        result[i] = original[i]
    return result


@compiled
def _upward_space(
    start: int,
    indptr: Ints,
    indices: Small,
    weights: Floats,
    other_indptr: Ints,
    other_indices: Small,
    other_weights: Floats,
    distance: Floats,
    touched: Ints,
    keys: Floats,
    nodes: Ints,
    position: Ints,
    settled: Ints,
    settled_distance: Floats,
) -> int:
    """All unstalled nodes an upward search from ``start`` settles, with their distances.

    Fills ``settled[:count]`` and ``settled_distance[:count]``; returns ``count``. The
    workspace comes back clean.
    """
    distance[start] = 0.0
    touched[0] = start
    touched_count = 1
    size = heap_push(keys, nodes, position, 0, start, 0.0)
    count = 0
    while size > 0:
        node, reached, size = heap_pop(keys, nodes, position, size)
        if _stalled(node, reached, other_indptr, other_indices, other_weights, distance):
            continue
        settled[count] = node
        settled_distance[count] = reached
        count += 1
        for k in range(indptr[node], indptr[node + 1]):
            head = indices[k]
            candidate = reached + weights[k]
            if candidate < distance[head]:
                if distance[head] == np.inf:
                    touched[touched_count] = head
                    touched_count += 1
                distance[head] = candidate
                size = heap_push(keys, nodes, position, size, head, candidate)
    for r in range(touched_count):
        distance[touched[r]] = np.inf
    return count


@compiled
def many_to_many(
    origins: Ints,
    destinations: Ints,
    forward: tuple[Ints, Small, Floats, Small],
    backward: tuple[Ints, Small, Floats, Small],
    node_count: int,
) -> Floats:
    """Distances from each origin (rows) to each destination (columns): bucket method.

    A backward upward search from every destination leaves (destination, distance) in a
    bucket at each node it settles; a forward upward search from every origin then scans
    the buckets of the nodes it settles. ``inf`` where unreachable.
    """
    f_ptr, f_idx, f_w, _ = forward
    b_ptr, b_idx, b_w, _ = backward
    distance = np.full(node_count, np.inf)
    touched = np.empty(node_count, dtype=np.int64)
    keys = np.empty(node_count, dtype=np.float64)
    nodes = np.empty(node_count, dtype=np.int64)
    position = np.full(node_count, -1, dtype=np.int64)
    settled = np.empty(node_count, dtype=np.int64)
    settled_distance = np.empty(node_count, dtype=np.float64)
    capacity = 1024
    bucket_node = np.empty(capacity, dtype=np.int64)
    bucket_column = np.empty(capacity, dtype=np.int64)
    bucket_distance = np.empty(capacity, dtype=np.float64)
    entries = 0
    for column in range(destinations.size):
        count = _upward_space(
            destinations[column], b_ptr, b_idx, b_w, f_ptr, f_idx, f_w, distance, touched,
            keys, nodes, position, settled, settled_distance,
        )  # fmt: skip
        while entries + count > capacity:
            capacity *= 2
            bucket_node = np.concatenate((bucket_node, np.empty(capacity // 2, np.int64)))
            bucket_column = np.concatenate((bucket_column, np.empty(capacity // 2, np.int64)))
            bucket_distance = np.concatenate((bucket_distance, np.empty(capacity // 2, np.float64)))
        for r in range(count):
            bucket_node[entries] = settled[r]
            bucket_column[entries] = column
            bucket_distance[entries] = settled_distance[r]
            entries += 1
    order = np.argsort(bucket_node[:entries], kind="mergesort")
    bucket_ptr = np.zeros(node_count + 1, dtype=np.int64)
    for r in range(entries):
        bucket_ptr[bucket_node[r] + 1] += 1
    for v in range(node_count):
        bucket_ptr[v + 1] += bucket_ptr[v]
    columns = bucket_column[order]
    lengths = bucket_distance[order]
    result = np.full((origins.size, destinations.size), np.inf)
    for row in range(origins.size):
        count = _upward_space(
            origins[row], f_ptr, f_idx, f_w, b_ptr, b_idx, b_w, distance, touched,
            keys, nodes, position, settled, settled_distance,
        )  # fmt: skip
        for r in range(count):
            node = settled[r]
            reached = settled_distance[r]
            for entry in range(bucket_ptr[node], bucket_ptr[node + 1]):
                total = reached + lengths[entry]
                if total < result[row, columns[entry]]:
                    result[row, columns[entry]] = total
    return result
