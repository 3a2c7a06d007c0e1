"""Compiled kernels of path-based gradient projection: trees, column generation, shifts.

Each kernel has its signature, so numba compiles all of them when this module is first
imported, or loads them from its disk cache (``cache=True``) — never in the middle of a
solve. Only ``_compiled_paths`` imports this module, and ``solve`` imports that on the
first call of gradient projection: importing caravan or starting its CLI pays nothing.

Each link's volume–delay function is chosen by its kind code (``kind[link]``) and read from
its row of ``parameters`` (columns ``BASE`` … ``SCALE``): ``BPR`` costs ``base +
coefficient · x ** power``; ``QUEUE`` costs ``base`` plus Akçelik's waiting time with flow
period ``T``, capacity and ``k = 8 J / N`` (the formulas of ``queueing.QueueDelay``).

Path storage is flat: path ``i`` holds ``entries[path_start[i] : path_start[i] +
path_length[i]]`` (its link indices) and ``path_flow[i]``; pair ``p`` holds the paths
``pair_paths[p, : pair_count[p]]``. New paths are appended; dropped ones leave their
entries behind until ``compact`` copies the live paths into fresh arrays.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numpy as np
import numpy.typing as npt

__all__ = [
    "BASE",
    "BPR",
    "CAPACITY",
    "COEFFICIENT",
    "PARAMETER_COUNT",
    "PERIOD",
    "POWER",
    "QUEUE",
    "SCALE",
    "compact",
    "generate",
    "link_state",
    "live_sizes",
    "sweep",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
_Function = TypeVar("_Function", bound=Callable[..., Any])

#: A tree path joins its pair's set only if cheaper than every path there by this much
#: (relative): a path equal to one already held differs only by rounding.
_NEW_PATH_MARGIN = 1e-13
#: Below this sum of cost derivatives a shift is not Newton-scaled: all the flow moves.
_FLAT = 1e-300


#: Kind codes of the volume–delay functions.
BPR = 0
QUEUE = 1
#: Columns of the per-link ``parameters`` array: base (t0 + fixed) for every kind; BPR's
#: coefficient ``t0 · b / capacity ** power`` and power; the queue's period T, capacity and
#: k = 8 J / N.
BASE, COEFFICIENT, POWER, PERIOD, CAPACITY, SCALE = range(6)
PARAMETER_COUNT = 6

#: numba type names of the kernels' arguments
_I = "int64"
_F = "float64"
_IV = "int64[:]"
_FV = "float64[:]"
_PAIRS = "int64[:, :]"
#: Path storage in argument order: pair_paths, pair_count, path_start, path_length,
#: path_flow, entries.
_STORED = f"{_PAIRS}, {_IV}, {_IV}, {_IV}, {_FV}, {_IV}"
_TABLE = "float64[:, ::1]"
#: Volume–delay functions and link state: kind, parameters, flow, cost, slope.
_LINKS = f"{_IV}, {_TABLE}, {_FV}, {_FV}, {_FV}"


def _compiled(signature: str) -> Callable[[_Function], _Function]:
    """Compile a kernel for ``signature`` now (nopython mode, machine code cached on disk)."""

    def compile_now(function: _Function) -> _Function:
        return cast(_Function, numba.njit(signature, cache=True, nogil=True)(function))

    return compile_now


def _inlined(signature: str) -> Callable[[_Function], _Function]:
    """A kernel for ``signature`` that numba inlines into the kernels calling it, where a call
    would pass every array argument field by field (per link, in the sweeps' inner loop)."""

    def compile_now(function: _Function) -> _Function:
        jit = numba.njit(signature, cache=True, nogil=True, inline="always")
        return cast(_Function, jit(function))

    return compile_now


@_inlined(f"void({_I}, {_F}, {_LINKS})")
def _set_flow(
    link: int,
    value: float,
    kind: IntArray,
    parameters: FloatArray,
    flow: FloatArray,
    cost: FloatArray,
    slope: FloatArray,
) -> None:
    """Set one link's flow, and its cost and slope by the link's volume–delay kind.

    Queue links follow ``QueueDelay.wait`` and ``wait_derivative`` operation for operation;
    BPR links of power 4 (TNTP's) need no call to ``pow``; slopes are 0 at zero flow for
    powers below 1.
    """
    flow[link] = value
    base = parameters[link, BASE]
    if kind[link] == QUEUE:
        capacity = parameters[link, CAPACITY]
        quarter_period = 0.25 * parameters[link, PERIOD]
        k = parameters[link, SCALE]
        z = value / capacity
        root = math.sqrt((z - 1.0) ** 2 + k * z)
        # (z − 1) + √R, written without cancellation below capacity
        bracket = k * z / (root - (z - 1.0)) if z < 1.0 else (z - 1.0) + root
        cost[link] = base + quarter_period * bracket
        slope[link] = quarter_period / capacity * (1.0 + (z - 1.0 + 0.5 * k) / root)
        return
    coefficient = parameters[link, COEFFICIENT]
    power = parameters[link, POWER]
    if coefficient == 0.0:
        cost[link] = base
        slope[link] = 0.0
    elif power == 4.0:
        square = value * value
        cost[link] = base + coefficient * square * square
        slope[link] = 4.0 * coefficient * value * value * value
    elif power == 1.0:
        cost[link] = base + coefficient * math.pow(value, power)
        slope[link] = coefficient
    else:
        cost[link] = base + coefficient * math.pow(value, power)
        slope[link] = coefficient * power * math.pow(value, power - 1.0) if value > 0.0 else 0.0


@_compiled(f"void({_STORED}, {_LINKS})")
def link_state(
    pair_paths: IntArray,
    pair_count: IntArray,
    path_start: IntArray,
    path_length: IntArray,
    path_flow: FloatArray,
    entries: IntArray,
    kind: IntArray,
    parameters: FloatArray,
    flow: FloatArray,
    cost: FloatArray,
    slope: FloatArray,
) -> None:
    """Link flows summed afresh from the path flows, and their costs and slopes."""
    flow[:] = 0.0
    for pair in range(pair_count.size):
        for slot in range(pair_count[pair]):
            path = pair_paths[pair, slot]
            start = path_start[path]
            for k in range(start, start + path_length[path]):
                flow[entries[k]] += path_flow[path]
    for link in range(flow.size):
        _set_flow(link, flow[link], kind, parameters, flow, cost, slope)


@_compiled(
    f"void({_I}, {_I}, {_IV}, {_IV}, {_IV}, {_FV}, {_FV}, {_IV}, {_FV}, {_IV}, {_IV}, {_I}, {_I})"
)
def _tree(
    origin: int,
    blocked: int,
    out_start: IntArray,
    out_link: IntArray,
    to_node: IntArray,
    cost: FloatArray,
    distance: FloatArray,
    via: IntArray,
    heap_key: FloatArray,
    heap_node: IntArray,
    target: IntArray,
    stamp: int,
    targets: int,
) -> None:
    """Dijkstra from ``origin`` (binary heap, lazy deletion) until its targets settle.

    ``via[v]`` is the link into ``v`` on the tree; zones below ``blocked`` other than the
    origin are reached but never passed through; ``target[v] == stamp`` marks a target.
    """
    distance[:] = np.inf
    via[:] = -1
    distance[origin] = 0.0
    heap_key[0] = 0.0
    heap_node[0] = origin
    size = 1
    settled = 0
    while size > 0:
        key = heap_key[0]
        node = heap_node[0]
        size -= 1
        # pop: move the last entry to the root and sift it down
        last_key = heap_key[size]
        last_node = heap_node[size]
        at = 0
        while True:
            child = 2 * at + 1
            if child >= size:
                break
            if child + 1 < size and heap_key[child + 1] < heap_key[child]:
                child += 1
            if heap_key[child] >= last_key:
                break
            heap_key[at] = heap_key[child]
            heap_node[at] = heap_node[child]
            at = child
        heap_key[at] = last_key
        heap_node[at] = last_node
        if key > distance[node]:
            continue  # a stale entry
        if target[node] == stamp:
            settled += 1
            if settled == targets:
                return
        if node < blocked and node != origin:
            continue
        for k in range(out_start[node], out_start[node + 1]):
            link = out_link[k]
            head = to_node[link]
            reached = key + cost[link]
            if reached < distance[head]:
                distance[head] = reached
                via[head] = link
                at = size  # push: sift up from the end
                size += 1
                while at > 0:
                    parent = (at - 1) >> 1
                    if heap_key[parent] <= reached:
                        break
                    heap_key[at] = heap_key[parent]
                    heap_node[at] = heap_node[parent]
                    at = parent
                heap_key[at] = reached
                heap_node[at] = head


@_compiled(
    f"Tuple(({_I}, {_F}))({_I}, {_IV}, {_IV}, {_IV}, {_FV}, {_I}, {_IV}, {_IV}, {_IV}, {_IV}, {_FV}, {_STORED}, {_IV}, {_FV}, {_IV})"
)
def generate(
    first: int,
    origin_node: IntArray,
    pair_start: IntArray,
    pair_destination: IntArray,
    pair_demand: FloatArray,
    blocked: int,
    out_start: IntArray,
    out_link: IntArray,
    from_node: IntArray,
    to_node: IntArray,
    cost: FloatArray,
    pair_paths: IntArray,
    pair_count: IntArray,
    path_start: IntArray,
    path_length: IntArray,
    path_flow: FloatArray,
    entries: IntArray,
    used: IntArray,
    work_float: FloatArray,
    work_int: IntArray,
) -> tuple[int, float]:
    """Shortest paths of origins ``first, first + 1, …`` at fixed ``cost``.

    Adds each pair's tree path when cheaper than every path the pair holds (a pair with
    none gets it with all its demand). Returns the origin to resume from (all done when
    it equals the origin count; earlier when the arrays must grow first) and the
    shortest-path total ``Σ demand × distance`` of the origins done. ``used`` holds the
    paths and entries in use; the work arrays are scratch space.
    """
    nodes = out_start.size - 1
    links = to_node.size
    distance = work_float[:nodes]
    heap_key = work_float[nodes : nodes + links + 1]
    via = work_int[:nodes]
    target = work_int[nodes : 2 * nodes]
    heap_node = work_int[2 * nodes : 2 * nodes + links + 1]
    slots = pair_paths.shape[1]
    total = 0.0
    for o in range(first, origin_node.size):
        low, high = pair_start[o], pair_start[o + 1]
        if used[0] + (high - low) > path_flow.size:
            return o, total
        for pair in range(low, high):
            if pair_count[pair] >= slots:
                return o, total
            target[pair_destination[pair]] = o + 1
        origin = origin_node[o]
        _tree(
            origin,
            blocked,
            out_start,
            out_link,
            to_node,
            cost,
            distance,
            via,
            heap_key,
            heap_node,
            target,
            o + 1,
            high - low,
        )
        needed = 0
        for pair in range(low, high):
            node = pair_destination[pair]
            while node != origin:
                needed += 1
                node = from_node[via[node]]
        if used[1] + needed > entries.size:
            return o, total
        for pair in range(low, high):
            node = pair_destination[pair]
            offer = distance[node]
            total += pair_demand[pair] * offer
            best = np.inf
            for slot in range(pair_count[pair]):
                path = pair_paths[pair, slot]
                held = 0.0
                for k in range(path_start[path], path_start[path] + path_length[path]):
                    held += cost[entries[k]]
                best = min(best, held)
            if not offer < best * (1.0 - _NEW_PATH_MARGIN):
                continue
            path = used[0]
            path_start[path] = used[1]
            length = 0
            while node != origin:
                link = via[node]
                entries[used[1] + length] = link
                length += 1
                node = from_node[link]
            path_length[path] = length
            path_flow[path] = pair_demand[pair] if pair_count[pair] == 0 else 0.0
            pair_paths[pair, pair_count[pair]] = path
            pair_count[pair] += 1
            used[0] += 1
            used[1] += length
    return origin_node.size, total


@_inlined(f"void({_I}, {_I}, {_I}, {_IV}, {_IV}, {_I}, {_F}, {_LINKS})")
def _move(
    path: int,
    start: int,
    length: int,
    entries: IntArray,
    skip: IntArray,
    stamp: int,
    change: float,
    kind: IntArray,
    parameters: FloatArray,
    flow: FloatArray,
    cost: FloatArray,
    slope: FloatArray,
) -> None:
    """Add ``change`` to the flow of the path's links not marked ``stamp`` in ``skip``."""
    for k in range(start, start + length):
        link = entries[k]
        if skip[link] == stamp:
            continue
        _set_flow(link, max(flow[link] + change, 0.0), kind, parameters, flow, cost, slope)


@_compiled(f"{_I}({_STORED}, {_LINKS}, {_IV}, {_IV}, {_I})")
def sweep(
    pair_paths: IntArray,
    pair_count: IntArray,
    path_start: IntArray,
    path_length: IntArray,
    path_flow: FloatArray,
    entries: IntArray,
    kind: IntArray,
    parameters: FloatArray,
    flow: FloatArray,
    cost: FloatArray,
    slope: FloatArray,
    in_basic: IntArray,
    in_path: IntArray,
    stamp: int,
) -> int:
    """One Gauss–Seidel sweep of Newton shifts over every pair; returns the next stamp.

    Each path ``q`` of a pair sheds ``min(f_q, (C_q − C_s) / H_q)`` to the pair's cheapest
    path ``s``, cost differences and ``H_q`` (the summed cost derivatives) taken over the
    links of ``q`` or ``s`` but not both; link flows, costs and derivatives move at once.
    Paths left without flow are dropped. ``in_basic`` and ``in_path`` are link marks.
    """
    for pair in range(pair_count.size):
        count = pair_count[pair]
        if count < 2:
            continue
        cheapest = 0
        least = np.inf
        for slot in range(count):
            path = pair_paths[pair, slot]
            held = 0.0
            for k in range(path_start[path], path_start[path] + path_length[path]):
                held += cost[entries[k]]
            if held < least:
                least, cheapest = held, slot
        basic = pair_paths[pair, cheapest]
        basic_start, basic_length = path_start[basic], path_length[basic]
        stamp += 1
        basic_stamp = stamp
        for k in range(basic_start, basic_start + basic_length):
            in_basic[entries[k]] = basic_stamp
        for slot in range(count):
            if slot == cheapest:
                continue
            path = pair_paths[pair, slot]
            start, length = path_start[path], path_length[path]
            stamp += 1
            difference = 0.0
            curvature = 0.0
            for k in range(start, start + length):
                link = entries[k]
                in_path[link] = stamp
                if in_basic[link] != basic_stamp:
                    difference += cost[link]
                    curvature += slope[link]
            for k in range(basic_start, basic_start + basic_length):
                link = entries[k]
                if in_path[link] != stamp:
                    difference -= cost[link]
                    curvature += slope[link]
            if difference <= 0.0:
                continue
            shift = path_flow[path]
            if curvature > _FLAT:
                shift = min(shift, difference / curvature)
            if shift <= 0.0:
                continue
            path_flow[path] = 0.0 if shift >= path_flow[path] else path_flow[path] - shift
            path_flow[basic] += shift
            _move(
                path, start, length, entries, in_basic, basic_stamp, -shift,
                kind, parameters, flow, cost, slope,
            )  # fmt: skip
            _move(
                basic, basic_start, basic_length, entries, in_path, stamp, shift,
                kind, parameters, flow, cost, slope,
            )  # fmt: skip
        kept = 0
        for slot in range(count):
            path = pair_paths[pair, slot]
            if slot == cheapest or path_flow[path] > 0.0:
                pair_paths[pair, kept] = path
                kept += 1
        pair_count[pair] = kept
    return stamp


@_compiled(f"Tuple(({_I}, {_I}))({_PAIRS}, {_IV}, {_IV})")
def live_sizes(
    pair_paths: IntArray, pair_count: IntArray, path_length: IntArray
) -> tuple[int, int]:
    """Paths held by the pairs and their entries."""
    paths = 0
    held = 0
    for pair in range(pair_count.size):
        for slot in range(pair_count[pair]):
            paths += 1
            held += path_length[pair_paths[pair, slot]]
    return paths, held


@_compiled(f"void({_STORED}, {_IV}, {_IV}, {_FV}, {_IV}, {_IV})")
def compact(
    pair_paths: IntArray,
    pair_count: IntArray,
    path_start: IntArray,
    path_length: IntArray,
    path_flow: FloatArray,
    entries: IntArray,
    new_start: IntArray,
    new_length: IntArray,
    new_flow: FloatArray,
    new_entries: IntArray,
    used: IntArray,
) -> None:
    """Copy the live paths into the ``new_`` arrays, renumbering them in ``pair_paths``."""
    paths = 0
    held = 0
    for pair in range(pair_count.size):
        for slot in range(pair_count[pair]):
            path = pair_paths[pair, slot]
            start, length = path_start[path], path_length[path]
            new_entries[held : held + length] = entries[start : start + length]
            new_start[paths] = held
            new_length[paths] = length
            new_flow[paths] = path_flow[path]
            pair_paths[pair, slot] = paths
            paths += 1
            held += length
    used[0] = paths
    used[1] = held
