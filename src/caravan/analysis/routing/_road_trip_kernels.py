"""Compiled drivers'-hours timing of the road trips on many shortest paths at once.

The same rule as :mod:`caravan.analysis.routing.drivers_hours` (which the tests hold these
kernels to), on arrays: each pair's path is read off its shortest-path tree or its search
labels, its road trips found (runs of road driving, road border stops and transfers
between other edges) and re-timed. ``road_trips`` and the skim import this module on a
skim's first block, and itineraries once the process runs the compiled search
(``timed_search.compiled_loaded``), so importing caravan or asking one route pays nothing;
numba compiles the kernels then, or loads them from its disk cache.

Per-edge roles: ``OTHER`` ends a trip (rail, ferry, terminals), ``DRIVE`` is a road link,
``STOP`` a road border crossing, ``WAIT`` a transfer, ``PASS`` an edge an itinerary leaves
out (an access or egress of no duration). Crew rules are rows of ``rules`` (columns
``DAY`` … ``SLOW``); a row starting with NaN has none, and the trip keeps its edge sums.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numba.typed
import numpy as np
import numpy.typing as npt

from caravan.analysis.routing import drivers_rule
from caravan.analysis.routing._road_trip_steps import (
    BREAK,
    DAY,
    DRIVE,
    EXTENSION,
    OTHER,
    REDUCED,
    REST,
    SLOW,
    STOP,
    WAIT,
    compile_rule,
)
from caravan.analysis.routing._timed_search_compiled import path_edges, path_length, search

__all__ = ["added_rest", "lane_count", "path_corrections", "skim_block", "tree_corrections"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
_Function = TypeVar("_Function", bound=Callable[..., Any])

_CONTINUOUS_H = drivers_rule.CONTINUOUS_DRIVING_H

_F = "float64"
_I = "int64"
_FV = "float64[:]"
_IV = "int64[:]"
_BV = "boolean[:]"
_TABLE = "float64[:, ::1]"
#: Per-edge arrays in argument order: role, run key, driving hours, typical, low and high
#: time, rules.
_EDGES = f"{_IV}, {_IV}, {_FV}, {_FV}, {_FV}, {_FV}, {_TABLE}"


def _compiled(signature: str) -> Callable[[_Function], _Function]:
    """Compile a kernel for ``signature`` now (nopython mode, machine code cached on disk)."""

    def compile_now(function: _Function) -> _Function:
        return cast(_Function, numba.njit(signature, cache=True, nogil=True)(function))

    return compile_now


_REST_ARGUMENTS = f"{_FV}, {_BV}, {_BV}, {_I}, {_F}, {_F}, {_F}, {_F}, {_F}, {_F}, {_FV}"
#: Scratch tables for the rule: ways through a stretch (two), ways kept (floats, integers).
_TABLES = f"{_TABLE}, {_TABLE}, {_TABLE}, int64[:, ::1]"
_BRANCH_ROWS, _WAY_ROWS = 64, 256
#: Road trips a skim block keeps the figures of, and their edges (``_kept_correction``).
_KEPT_TRIPS, _KEPT_EDGES = 16_384, 1 << 18
_INT = numba.types.int64

_rest_in = compile_rule("trip_rest_in", f"{_F}({_REST_ARGUMENTS}, {_TABLES})")
#: :func:`caravan.analysis.routing.drivers_rule.trip_rest` compiled: breaks and rests added on
#: each of the first ``count`` stretches (into ``added``), and their total, the least the
#: rule allows. An infinite ``continuous_limit`` stands for a crew that takes its breaks
#: while the other drives.
added_rest = compile_rule("trip_rest", f"{_F}({_REST_ARGUMENTS})")


@_compiled(f"{_F}({_REST_ARGUMENTS}, {_TABLES})")
def _least_rest(
    hours: FloatArray,
    driving: Any,
    border: Any,
    count: int,
    day: float,
    continuous_limit: float,
    break_h: float,
    rest: float,
    stop_as_rest: float,
    extension: float,
    added: FloatArray,
    pending: FloatArray,
    outcome: FloatArray,
    floats: FloatArray,
    ints: IntArray,
) -> float:
    """:data:`added_rest` in the caller's tables (no allocation per trip); larger ones if needed."""
    total: float = _rest_in(hours, driving, border, count, day, continuous_limit, break_h, rest,
                            stop_as_rest, extension, added, pending, outcome, floats, ints)  # fmt: skip
    if total < 0.0:
        total = added_rest(hours, driving, border, count, day, continuous_limit, break_h, rest,
                           stop_as_rest, extension, added)  # fmt: skip
    return total


@_compiled(f"Tuple(({_TABLES}))()")
def _tables() -> tuple[FloatArray, FloatArray, FloatArray, IntArray]:
    """Scratch tables for :func:`_least_rest`, made once per kernel call."""
    return (np.empty((_BRANCH_ROWS, 6)), np.empty((_BRANCH_ROWS, 5)), np.empty((_WAY_ROWS, 5)),
            np.empty((_WAY_ROWS, 3), dtype=np.int64))  # fmt: skip


@_compiled(
    f"Tuple((boolean, {_F}, {_F}, {_F}))({_IV}, {_I}, {_I}, {_EDGES}, {_TABLE}, boolean[:, ::1], "
    f"{_TABLES})"
)
def _one_trip(
    path: IntArray,
    begin: int,
    end: int,
    role: IntArray,
    run_key: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    stretches: FloatArray,
    flags: Any,
    pending: FloatArray,
    outcome: FloatArray,
    floats: FloatArray,
    ints: IntArray,
) -> tuple[bool, float, float, float]:
    """(timed by the rules, change in time, in its deviation below, above) of one road trip.

    The trip is ``path[begin:end]``, its first edge driving. It depends on its edges alone
    (the crew starts rested). ``stretches`` (4 rows: hours at typical, low and high, rest
    added) and ``flags`` (2 rows: driving, at a border) are scratch space at least as long
    as the trip; the last four are the rule's tables (:func:`_least_rest`). A stretch is one
    itinerary leg: a road run (one country) or a stop.
    """
    at_typical, at_low, at_high, added = stretches[0], stretches[1], stretches[2], stretches[3]
    driving, border = flags[0], flags[1]
    first = path[begin]
    count = 0
    edge_time = edge_below = edge_above = 0.0
    usable = not np.isnan(rules[first, DAY])
    previous_key = -1
    for position in range(begin, end):
        edge = path[position]
        if role[edge] == DRIVE:
            usable = usable and not np.isnan(driving_h[edge])
            edge_time += typical[edge]
            edge_below += typical[edge] - low[edge]
            edge_above += high[edge] - typical[edge]
            if count > 0 and driving[count - 1] and run_key[edge] == previous_key:
                at_typical[count - 1] += driving_h[edge]
            else:
                at_typical[count] = driving_h[edge]
                driving[count] = True
                border[count] = False
                count += 1
            previous_key = run_key[edge]
        elif role[edge] == STOP or role[edge] == WAIT:
            at_typical[count] = typical[edge]
            at_low[count] = low[edge]
            at_high[count] = high[edge]
            driving[count] = False
            border[count] = role[edge] == STOP
            count += 1
            previous_key = -1
    if not usable:
        return False, 0.0, 0.0, 0.0
    day, break_h, rest = rules[first, DAY], rules[first, BREAK], rules[first, REST]
    reduced, extension = rules[first, REDUCED], rules[first, EXTENSION]
    slow = rules[first, SLOW]
    driven = 0.0
    for index in range(count):
        if driving[index]:
            at_low[index] = at_typical[index]
            at_high[index] = at_typical[index] * slow
            driven += at_typical[index]
    total = driven + _least_rest(at_typical, driving, border, count, day, _CONTINUOUS_H, break_h,
                                 rest, reduced, extension, added, pending, outcome, floats,
                                 ints)  # fmt: skip
    two_drivers = _least_rest(at_low, driving, border, count, 2.0 * day, np.inf, 0.0, reduced,
                              reduced, 2.0 * extension, added, pending, outcome, floats,
                              ints)  # fmt: skip
    one_slow = _least_rest(at_high, driving, border, count, day, _CONTINUOUS_H, break_h, rest,
                           reduced, extension, added, pending, outcome, floats,
                           ints)  # fmt: skip
    low_total = min(driven + two_drivers, total)
    high_total = max(driven * slow + one_slow, total)
    return (
        True,
        total - edge_time,
        (total - low_total) - edge_below,
        (high_total - total) - edge_above,
    )


@_compiled(f"void({_IV}, {_I}, {_EDGES}, {_TABLE}, boolean[:, ::1], {_FV}, {_TABLES})")
def _trip_correction(
    path: IntArray,
    length: int,
    role: IntArray,
    run_key: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    stretches: FloatArray,
    flags: Any,
    out: FloatArray,
    pending: FloatArray,
    outcome: FloatArray,
    floats: FloatArray,
    ints: IntArray,
) -> None:
    """Into ``out``: what the path's road trips change in time, its deviation below and above.

    ``path`` holds the first ``length`` edges in travel order; a road trip runs from a
    driving edge up to the next edge that ends trips. Scratch as :func:`_one_trip`.
    """
    out[0] = 0.0
    out[1] = 0.0
    out[2] = 0.0
    position = 0
    while position < length:
        if role[path[position]] != DRIVE:
            position += 1
            continue
        begin = position
        while position < length and role[path[position]] != OTHER:
            position += 1
        usable, change, below, above = _one_trip(
            path, begin, position, role, run_key, driving_h, typical, low, high, rules,
            stretches, flags, pending, outcome, floats, ints,
        )  # fmt: skip
        if usable:
            out[0] += change
            out[1] += below
            out[2] += above


@numba.njit(cache=True, nogil=True)
def _kept_correction(
    path: IntArray,
    length: int,
    kept: Any,
    trip_edges: IntArray,
    trips: IntArray,
    trip_changes: FloatArray,
    filled: IntArray,
    role: IntArray,
    run_key: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    stretches: FloatArray,
    flags: Any,
    out: FloatArray,
    pending: FloatArray,
    outcome: FloatArray,
    floats: FloatArray,
    ints: IntArray,
) -> None:
    """:func:`_trip_correction`, each trip's figures kept by its edges for the next path
    that drives it (a skim's paths share most trips): the same figures, added in order.

    ``kept`` maps first edge × edge count + last edge to a row of ``trips`` (start in
    ``trip_edges``, length, timed) and ``trip_changes``; ``filled`` counts rows and edges
    used. A trip is taken from there only if its edges are the same; when the tables are
    full, trips are timed without being kept.
    """
    out[0] = 0.0
    out[1] = 0.0
    out[2] = 0.0
    edge_count = role.size
    position = 0
    while position < length:
        if role[path[position]] != DRIVE:
            position += 1
            continue
        begin = position
        while position < length and role[path[position]] != OTHER:
            position += 1
        size = position - begin
        key = path[begin] * edge_count + path[position - 1]
        row = kept[key] if key in kept else -1  # noqa: SIM401 (numba: get() is Optional)
        if row >= 0 and trips[row, 1] == size:
            start = trips[row, 0]
            for index in range(size):
                if trip_edges[start + index] != path[begin + index]:
                    row = -1
                    break
        else:
            row = -1
        if row >= 0:
            usable = trips[row, 2] != 0
            change, below, above = trip_changes[row, 0], trip_changes[row, 1], trip_changes[row, 2]
        else:
            usable, change, below, above = _one_trip(
                path, begin, position, role, run_key, driving_h, typical, low, high, rules,
                stretches, flags, pending, outcome, floats, ints,
            )  # fmt: skip
            row, start = filled[0], filled[1]
            if key not in kept and row < trips.shape[0] and start + size <= trip_edges.size:
                trip_edges[start : start + size] = path[begin:position]
                trips[row, 0], trips[row, 1], trips[row, 2] = start, size, 1 if usable else 0
                trip_changes[row, 0], trip_changes[row, 1], trip_changes[row, 2] = (
                    change, below, above
                )  # fmt: skip
                kept[key] = row
                filled[0] += 1
                filled[1] += size
        if usable:
            out[0] += change
            out[1] += below
            out[2] += above


@_compiled(f"void({_IV}, {_EDGES}, {_FV})")
def path_corrections(
    path: IntArray,
    role: IntArray,
    run_key: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    out: FloatArray,
) -> None:
    """Into ``out`` (3 values): one path's change in time and its deviations below and above."""
    size = max(path.size, 1)
    pending, outcome, floats, ints = _tables()
    _trip_correction(path, path.size, role, run_key, driving_h, typical, low, high, rules,
                     np.empty((4, size)), np.zeros((2, size), dtype=np.bool_), out, pending, outcome,
                     floats, ints)  # fmt: skip


@_compiled(
    f"void(int32[:, ::1], {_IV}, int32[::1], int32[::1], {_IV}, {_EDGES}, float64[:, :, ::1])"
)
def tree_corrections(
    predecessors: Any,
    targets: IntArray,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    run_key: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    out: FloatArray,
) -> None:
    """Into ``out[:, row, column]``: the road-trip change of the path to ``targets[column]``.

    Row ``row`` of ``predecessors`` is one origin's shortest-path tree; a negative target is
    no node. Each path is read back through the tree, the edge between two nodes found by
    bisection in the graph's CSR row, and re-timed only if it drives on a road.
    """
    block, node_count = predecessors.shape
    path = np.empty(node_count, dtype=np.int64)
    reversed_path = np.empty(node_count, dtype=np.int64)
    stretches = np.empty((4, node_count))
    flags = np.zeros((2, node_count), dtype=np.bool_)
    values = np.zeros(3)
    pending, outcome, floats, ints = _tables()
    for row in range(block):
        for column in range(targets.size):
            out[0, row, column] = 0.0
            out[1, row, column] = 0.0
            out[2, row, column] = 0.0
            node = targets[column]
            if node < 0:
                continue
            length = 0
            drives = False
            while predecessors[row, node] >= 0 and length < node_count:
                parent = predecessors[row, node]
                lo, hi = indptr[parent], indptr[parent + 1]
                while lo < hi:
                    middle = (lo + hi) // 2
                    if indices[middle] < node:
                        lo = middle + 1
                    else:
                        hi = middle
                edge = graph_edges[lo]
                drives = drives or role[edge] == DRIVE
                reversed_path[length] = edge
                length += 1
                node = parent
            if not drives:
                continue
            for index in range(length):
                path[index] = reversed_path[length - 1 - index]
            _trip_correction(path, length, role, run_key, driving_h, typical, low, high, rules,
                             stretches, flags, values, pending, outcome, floats,
                             ints)  # fmt: skip
            out[0, row, column] = values[0]
            out[1, row, column] = values[1]
            out[2, row, column] = values[2]


@numba.njit(cache=True, nogil=True)
def _skim_lane(
    lane: int,
    lanes: int,
    origins: IntArray,
    targets: IntArray,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    run_key: IntArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    cost: FloatArray,
    rule_id: IntArray,
    rule_table: FloatArray,
    cost_weight: float,
    time_weight: float,
    quantities: FloatArray,
    sums: FloatArray,
    changes: FloatArray,
) -> None:
    """:func:`skim_block` for the rows ``lane``, ``lane + lanes``, …: its own scratch tables and
    kept trips, so lanes run side by side; a row's figures do not depend on its lane."""
    node_count = indptr.size - 1
    reversed_path = np.empty(node_count * 4 + 4, dtype=np.int64)
    path = np.empty(node_count * 4 + 4, dtype=np.int64)
    stretches = np.empty((4, node_count * 4 + 4))
    flags = np.zeros((2, node_count * 4 + 4), dtype=np.bool_)
    values = np.zeros(3)
    pending, outcome, floats, ints = _tables()
    kept = numba.typed.Dict.empty(key_type=_INT, value_type=_INT)
    trip_edges = np.empty(_KEPT_EDGES, dtype=np.int64)
    trips = np.empty((_KEPT_TRIPS, 3), dtype=np.int64)
    trip_changes = np.empty((_KEPT_TRIPS, 3))
    filled = np.zeros(2, dtype=np.int64)
    for row in range(lane, origins.size, lanes):
        best, _, links = search(origins[row], -1, indptr, indices, graph_edges, role, driving_h,
                                typical, cost, rule_id, rule_table, cost_weight,
                                time_weight)  # fmt: skip
        for column in range(targets.size):
            node = targets[column]
            label = best[node] if node >= 0 else -1
            for index in range(3):
                changes[index, row, column] = 0.0
            if label < 0:
                for q in range(quantities.shape[0]):
                    sums[q, row, column] = np.inf
                continue
            length = path_length(links, label)
            if length > path.size:
                reversed_path = np.empty(length, dtype=np.int64)
                path = np.empty(length, dtype=np.int64)
                stretches = np.empty((4, length))
                flags = np.zeros((2, length), dtype=np.bool_)
            length = path_edges(links, label, reversed_path, path)
            for q in range(quantities.shape[0]):
                total = 0.0
                for index in range(length):
                    total += quantities[q, path[index]]
                sums[q, row, column] = total
            drives = False
            for index in range(length):
                drives = drives or role[path[index]] == DRIVE
            if drives:
                _kept_correction(path, length, kept, trip_edges, trips, trip_changes, filled,
                                 role, run_key, driving_h, typical, low, high, rules, stretches,
                                 flags, values, pending, outcome, floats, ints)  # fmt: skip
                for index in range(3):
                    changes[index, row, column] = values[index]


def lane_count(origin_count: int) -> int:
    """Lanes for a skim block of ``origin_count`` origins: one per numba thread, at least one."""
    return max(min(numba.get_num_threads(), origin_count), 1)


@numba.njit(cache=True, nogil=True, parallel=True)
def skim_block(
    origins: IntArray,
    targets: IntArray,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    run_key: IntArray,
    low: FloatArray,
    high: FloatArray,
    rules: FloatArray,
    cost: FloatArray,
    rule_id: IntArray,
    rule_table: FloatArray,
    cost_weight: float,
    time_weight: float,
    quantities: FloatArray,
    sums: FloatArray,
    changes: FloatArray,
    lanes: int,
) -> None:
    """Per origin and target (-1: none): edge sums along the best path, and its road-trip change.

    ``quantities`` is quantity × edge; ``sums[q, row, column]`` gets their sums along the
    path, in travel order (``inf`` where there is none); ``changes[:, row, column]`` what the
    drivers' hours change in time and its deviations below and above (as ``_trip_correction``;
    a road trip driven by many of a lane's paths is timed once, ``_kept_correction``).
    The origins run in ``lanes`` on numba's threads (:func:`lane_count`); each row is written
    by its lane alone, so the figures are the same for any number of lanes.
    """
    for lane in numba.prange(lanes):
        _skim_lane(lane, lanes, origins, targets, indptr, indices, graph_edges, role, driving_h,
                   typical, run_key, low, high, rules, cost, rule_id, rule_table, cost_weight,
                   time_weight, quantities, sums, changes)  # fmt: skip
