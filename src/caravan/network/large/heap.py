"""An indexed binary min-heap over node ids, compiled with numba for the searches here.

The heap lives in three arrays owned by the caller: ``keys`` and ``nodes`` (heap order)
and ``position`` (where each node sits, -1 when absent), so a search allocates them once
and reuses them; a node is in the heap at most once and its key only goes down or up
in place (no stale duplicates, capacity = node count).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from caravan.network.large._compile import compiled

__all__ = ["heap_arrays", "heap_pop", "heap_push", "heap_remove_all"]

Keys = npt.NDArray[np.float64]
Nodes = npt.NDArray[np.int64]


def heap_arrays(
    node_count: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Empty heap storage for ``node_count`` nodes: keys, nodes, positions (all -1)."""
    return (
        np.zeros(node_count, dtype=np.float64),
        np.zeros(node_count, dtype=np.int64),
        np.full(node_count, -1, dtype=np.int64),
    )


@compiled
def _less(keys: Keys, nodes: Nodes, a: int, b: int) -> bool:
    """Heap order: smaller key first, of equal keys the higher node (scipy's tie order)."""
    return bool(keys[a] < keys[b] or (keys[a] == keys[b] and nodes[a] > nodes[b]))


@compiled
def _swap(keys: Keys, nodes: Nodes, position: Nodes, a: int, b: int) -> None:
    keys[a], keys[b] = keys[b], keys[a]
    nodes[a], nodes[b] = nodes[b], nodes[a]
    position[nodes[a]] = a
    position[nodes[b]] = b


@compiled
def _sift_up(keys: Keys, nodes: Nodes, position: Nodes, at: int) -> None:
    while at > 0:
        parent = (at - 1) >> 1
        if not _less(keys, nodes, at, parent):
            return
        _swap(keys, nodes, position, at, parent)
        at = parent


@compiled
def _sift_down(
    keys: Keys,
    nodes: Nodes,
    position: Nodes,
    at: int,
    size: int,
) -> None:
    while True:
        left = 2 * at + 1
        if left >= size:
            return
        child = left
        if left + 1 < size and _less(keys, nodes, left + 1, left):
            child = left + 1
        if not _less(keys, nodes, child, at):
            return
        _swap(keys, nodes, position, at, child)
        at = child


@compiled
def heap_push(
    keys: Keys,
    nodes: Nodes,
    position: Nodes,
    size: int,
    node: int,
    key: float,
) -> int:
    """Insert ``node`` with ``key``, or move it to ``key`` if present; returns the new size."""
    at = position[node]
    if at < 0:
        at = size
        size += 1
        keys[at] = key
        nodes[at] = node
        position[node] = at
        _sift_up(keys, nodes, position, at)
        return size
    old = keys[at]
    keys[at] = key
    if key < old:
        _sift_up(keys, nodes, position, at)
    else:
        _sift_down(keys, nodes, position, at, size)
    return size


@compiled
def heap_pop(
    keys: Keys,
    nodes: Nodes,
    position: Nodes,
    size: int,
) -> tuple[int, float, int]:
    """Remove the smallest entry: returns (node, key, new size); the heap must not be empty."""
    node = nodes[0]
    key = keys[0]
    size -= 1
    position[node] = -1
    if size > 0:
        keys[0] = keys[size]
        nodes[0] = nodes[size]
        position[nodes[0]] = 0
        _sift_down(keys, nodes, position, 0, size)
    return node, key, size


@compiled
def heap_remove_all(nodes: Nodes, position: Nodes, size: int) -> int:
    """Empty the heap (positions reset to -1); returns 0, the new size."""
    for at in range(size):
        position[nodes[at]] = -1
    return 0
