"""Label-setting search for the least reported time (drivers' hours included), plain Python.

A label at a node is one way of reaching it: its weight, its reported time, and the crew's
state the drivers'-hours rule needs (driving today, since the last break, today's limit,
extended days left, and which crew rules the road trip drives under, -1 off the road).
Road links extend a label by the rule's own ways through a stretch
(``drivers_rule.drive_outcomes``: both ways where the rule leaves a choice); road border
crossings and transfers by ``drivers_rule.stop_outcomes`` (carry on, or take the break or
the daily rest during the stop: the reduced rest at a border, the regular one at a
transfer); any other edge (rail, ferry, terminal) ends the road trip. Labels are settled in order of weight; a label that
another label at its node dominates (weighs no more, same rules, a state that
``drivers_rule.covers``) is dropped, or skipped if already queued. The first label settled
at a node has the least weight any walk there allows.

One source, two ways to run it: as it is (a few searches, nothing to load), or compiled by
``_timed_search_compiled`` (numba: skims and many searches), which gives the same labels.
"""

from __future__ import annotations

import heapq
from typing import Any

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing._road_trip_codes import (
    BREAK,
    DAY,
    DRIVE,
    EXTENSION,
    OTHER,
    REDUCED,
    REST,
    STOP,
    WAIT,
)
from caravan.analysis.routing.drivers_rule import (
    CONTINUOUS_DRIVING_H,
    EXTENDED_DAYS,
    branch_rows,
    covers,
    drive_outcomes,
    stop_outcomes,
)

__all__ = ["KERNELS", "best_paths", "search", "structure_block"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Float columns of a label: weight, reported time, driving today, since the break, limit.
_WEIGHT, _TIME, _TODAY, _CONTINUOUS, _LIMIT = range(5)
#: Integer columns: node, rules (-1: off the road), extensions left, parent label, edge,
#: next label at the same node, dead (another label there is as good and weighs no more).
_NODE, _RULES, _EXTENSIONS, _PARENT, _EDGE, _NEXT, _DEAD = range(7)


def _put(row: FloatArray, a: float, b: float, c: float, d: float, e: float) -> None:
    """Fill the first five cells of ``row``."""
    row[0], row[1], row[2], row[3], row[4] = a, b, c, d, e


def _grow(labels: FloatArray, links: IntArray, needed: int) -> tuple[FloatArray, IntArray]:
    """The label tables, doubled while they hold fewer than ``needed`` rows."""
    size = labels.shape[0]
    if needed <= size:
        return labels, links
    while size < needed:
        size *= 2
    bigger = np.empty((size, labels.shape[1]))
    bigger[: labels.shape[0]] = labels
    wider = np.empty((size, links.shape[1]), dtype=np.int64)
    wider[: links.shape[0]] = links
    return bigger, wider


def _covers(
    labels: FloatArray,
    links: IntArray,
    label: int,
    rules: int,
    today: float,
    continuous: float,
    limit: float,
    extensions: int,
    day: float,
    reverse: bool,
) -> bool:
    """Whether ``label``'s state is as good as the given one in every part (``reverse``: the
    given state as good as ``label``'s). Only states under the same crew rules compare."""
    if links[label, _RULES] != rules:
        return False
    if rules < 0:
        return True
    spare = labels[label, _LIMIT] - labels[label, _TODAY]
    can = labels[label, _LIMIT] == day
    held = links[label, _EXTENSIONS]
    if reverse:
        return bool(covers(limit - today, continuous, extensions, limit == day,
                           spare, labels[label, _CONTINUOUS], held, can))  # fmt: skip
    return bool(covers(spare, labels[label, _CONTINUOUS], held, can,
                       limit - today, continuous, extensions, limit == day))  # fmt: skip


def _dominated(
    labels: FloatArray,
    links: IntArray,
    head: IntArray,
    node: int,
    weight: float,
    rules: int,
    today: float,
    continuous: float,
    limit: float,
    extensions: int,
    day: float,
) -> bool:
    """Whether a live label at ``node`` weighs no more and is as good in every part of the
    state; if not, the live labels there that the new one is as good as die (and leave the
    node's list)."""
    label = head[node]
    while label >= 0:
        if labels[label, _WEIGHT] <= weight and _covers(
            labels, links, label, rules, today, continuous, limit, extensions, day, False
        ):
            return True
        label = links[label, _NEXT]
    label = head[node]
    previous = -1
    while label >= 0:
        following = links[label, _NEXT]
        if labels[label, _WEIGHT] >= weight and _covers(
            labels, links, label, rules, today, continuous, limit, extensions, day, True
        ):
            links[label, _DEAD] = 1  # out of the node's list; skipped when it leaves the heap
            if previous < 0:
                head[node] = following
            else:
                links[previous, _NEXT] = following
        else:
            previous = label
        label = following
    return False


def search(
    origin: int,
    target: int,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    cost: FloatArray,
    rule_id: IntArray,
    rules: FloatArray,
    cost_weight: float,
    time_weight: float,
) -> tuple[IntArray, FloatArray, IntArray]:
    """(first label settled per node or -1, label floats, label integers) from ``origin``.

    Stops once ``target`` is settled (a negative target: search everything). A label's
    weight is ``cost_weight`` × cost + ``time_weight`` × reported time.
    """
    node_count = indptr.size - 1
    best = np.full(node_count, -1, dtype=np.int64)
    head = np.full(node_count, -1, dtype=np.int64)
    labels = np.empty((max(2 * node_count, 16), 5))
    links = np.empty((labels.shape[0], 7), dtype=np.int64)
    _put(labels[0], 0.0, 0.0, 0.0, 0.0, 0.0)
    links[0, _NODE], links[0, _RULES], links[0, _EXTENSIONS] = origin, -1, EXTENDED_DAYS
    links[0, _PARENT], links[0, _EDGE], links[0, _NEXT], links[0, _DEAD] = -1, -1, -1, 0
    head[origin] = 0
    count = 1
    heap = [(0.0, 0)]
    rows = 3  # a stop's ways through
    for edge in range(role.size):
        if role[edge] == DRIVE and rule_id[edge] >= 0:
            rows = max(rows, branch_rows(driving_h[edge], rules[rule_id[edge], DAY]))
    pending = np.empty((rows, 6))
    outcome = np.empty((rows, 5))
    while heap:
        weight, label = heapq.heappop(heap)
        if links[label, _DEAD] != 0:
            continue
        node = links[label, _NODE]
        if best[node] < 0:
            best[node] = label
            if node == target:
                break
        time = labels[label, _TIME]
        for position in range(indptr[node], indptr[node + 1]):
            edge = graph_edges[position]
            successor = indices[position]
            kind = role[edge]
            trip = links[label, _RULES]
            today = labels[label, _TODAY]
            continuous = labels[label, _CONTINUOUS]
            limit = labels[label, _LIMIT]
            extensions = links[label, _EXTENSIONS]
            outcomes = 1
            if kind == DRIVE and rule_id[edge] >= 0:
                if trip < 0:
                    trip = rule_id[edge]
                    today = continuous = 0.0
                    limit = rules[trip, DAY]
                    extensions = EXTENDED_DAYS
                outcomes = drive_outcomes(
                    driving_h[edge], today, continuous, limit, extensions, rules[trip, DAY],
                    CONTINUOUS_DRIVING_H, rules[trip, BREAK], rules[trip, REST],
                    rules[trip, EXTENSION], pending, outcome,
                )  # fmt: skip
                for index in range(outcomes):
                    outcome[index, 0] += driving_h[edge]
            elif kind in (STOP, WAIT) and trip >= 0:
                resting = rules[trip, REDUCED] if kind == STOP else rules[trip, REST]
                outcomes = stop_outcomes(
                    typical[edge], today, continuous, limit, extensions, rules[trip, DAY],
                    rules[trip, BREAK], resting, outcome,
                )  # fmt: skip
            else:
                if kind == OTHER:
                    trip = -1
                    today = continuous = limit = 0.0
                    extensions = EXTENDED_DAYS
                _put(outcome[0], typical[edge], today, continuous, limit, extensions)
            day_next = rules[trip, DAY] if trip >= 0 else 0.0
            for index in range(outcomes):
                spent = outcome[index, 0]
                today, continuous, limit = outcome[index, 1], outcome[index, 2], outcome[index, 3]
                extensions = int(outcome[index, 4])
                reached = weight + cost_weight * cost[edge] + time_weight * spent
                if _dominated(labels, links, head, successor, reached, trip, today, continuous,
                              limit, extensions, day_next):  # fmt: skip
                    continue
                labels, links = _grow(labels, links, count + 1)
                _put(labels[count], reached, time + spent, today, continuous, limit)
                links[count, _NODE], links[count, _RULES] = successor, trip
                links[count, _EXTENSIONS], links[count, _PARENT] = extensions, label
                links[count, _EDGE], links[count, _NEXT] = edge, head[successor]
                links[count, _DEAD] = 0
                head[successor] = count
                heapq.heappush(heap, (reached, count))
                count += 1
    return best, labels[:count], links[:count]


def _path_length(links: IntArray, label: int) -> int:
    """The number of edges from the origin to ``label``."""
    length = 0
    while links[label, _PARENT] >= 0:
        length += 1
        label = links[label, _PARENT]
    return length


def _path(links: IntArray, label: int, reversed_path: IntArray, path: IntArray) -> int:
    """Into ``path``: the edges from the origin to ``label`` in travel order; their count."""
    length = 0
    while links[label, _PARENT] >= 0:
        reversed_path[length] = links[label, _EDGE]
        length += 1
        label = links[label, _PARENT]
    for index in range(length):
        path[index] = reversed_path[length - 1 - index]
    return length


def best_paths(
    origin: int,
    targets: IntArray,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    cost: FloatArray,
    rule_id: IntArray,
    rules: FloatArray,
    cost_weight: float,
    time_weight: float,
) -> tuple[IntArray, IntArray]:
    """(edges of every path, one after the other; each target's path length, -1: none)."""
    best, _, links = search(origin, -1, indptr, indices, graph_edges, role, driving_h, typical,
                            cost, rule_id, rules, cost_weight, time_weight)  # fmt: skip
    lengths = np.full(targets.size, -1, dtype=np.int64)
    total = 0
    for column in range(targets.size):
        label = best[targets[column]] if targets[column] >= 0 else -1
        if label < 0:
            continue
        length = _path_length(links, label)
        lengths[column] = length
        total += length
    flat = np.empty(total, dtype=np.int64)
    reversed_path = np.empty(max(total, 1), dtype=np.int64)
    start = 0
    for column in range(targets.size):
        if lengths[column] <= 0:
            continue
        _path(links, best[targets[column]], reversed_path, flat[start:])
        start += lengths[column]
    return flat, lengths


def structure_block(
    origins: IntArray,
    targets: IntArray,
    indptr: Any,
    indices: Any,
    graph_edges: IntArray,
    role: IntArray,
    driving_h: FloatArray,
    typical: FloatArray,
    cost: FloatArray,
    rule_id: IntArray,
    rules: FloatArray,
    cost_weight: float,
    time_weight: float,
    edge_masks: Any,
    items: Any,
    use: FloatArray,
) -> None:
    """Per origin (-1: none) and target: the items along the best path (``edge_masks`` OR-ed
    into ``items[row, column]``), and how many paths to other places use each edge."""
    for row in range(origins.size):
        if origins[row] < 0:
            continue
        best, _, links = search(origins[row], -1, indptr, indices, graph_edges, role, driving_h,
                                typical, cost, rule_id, rules, cost_weight, time_weight)  # fmt: skip
        for column in range(targets.size):
            label = best[targets[column]] if targets[column] >= 0 else -1
            while label >= 0 and links[label, _PARENT] >= 0:
                edge = links[label, _EDGE]
                for word in range(edge_masks.shape[1]):
                    items[row, column, word] |= edge_masks[edge, word]
                if row != column:
                    use[edge] += 1.0
                label = links[label, _PARENT]


#: The functions above in the order they are compiled (each after those it calls).
KERNELS = (
    _put,
    _grow,
    _covers,
    _dominated,
    search,
    _path_length,
    _path,
    best_paths,
    structure_block,
)
