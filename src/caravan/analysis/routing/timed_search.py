"""Least reported time: paths chosen by the time itineraries report, drivers' hours included.

A per-edge drivers' factor is only an upper bound of the rule that times a road trip
(breaks and rests where they fall, rests taken during stops, extended days), so a
path chosen by it need not have the least reported time, and opening a link could make a
reported trip slower. This search (``_timed_search_kernels``) carries the crew's state on
its labels and minimises exactly ``cost_weight`` × cost + ``time_weight`` × reported time:
time (0, 1) and generalised cost (1, value of time).

The search runs as plain Python for a process's first few single searches (a command
asking one route loads no numba) and compiled for anything larger: see :func:`kernels_for`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing.road_trips import RoadTripTiming
from caravan.network import NetworkSnapshot, WeightedGraph

__all__ = ["PLAIN_SEARCH_NODES", "TimedSearch", "compiled_loaded", "kernels_for", "timed_search"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Nodes a process searches as plain Python before it loads the compiled search: loading
#: numba and the kernels from its disk cache (~0.45 s) costs about as much as 64 plain
#: searches of the embedded network (~470 nodes, ~7 ms each). Work is counted, never
#: timed, so the choice never depends on the machine; both modes give the same labels.
PLAIN_SEARCH_NODES = 64 * 500
_COMPILED = "caravan.analysis.routing._timed_search_compiled"


class _PlainWork:
    """Nodes searched as plain Python in this process (a race between threads only moves
    the switch to compiled by a search, never changes a result)."""

    nodes = 0


def compiled_loaded() -> bool:
    """Whether this process runs the compiled search (itineraries then time trips compiled)."""
    return _COMPILED in sys.modules


def kernels_for(node_count: int, searches: int = 1) -> ModuleType:
    """The search module for ``searches`` searches of a ``node_count``-node graph.

    Plain Python while this process's plain work stays within :data:`PLAIN_SEARCH_NODES`
    and the compiled kernels are not loaded yet; compiled otherwise (one source, the same
    results either way).
    """
    work = node_count * searches
    if not compiled_loaded() and _PlainWork.nodes + work <= PLAIN_SEARCH_NODES:
        _PlainWork.nodes += work
        from caravan.analysis.routing import _timed_search_kernels as plain

        return plain
    from caravan.analysis.routing import _timed_search_compiled as compiled

    return compiled


@dataclass(frozen=True)
class TimedSearch:
    """One weighted graph's arrays for the search, and the weight's cost and time factors."""

    graph: WeightedGraph
    timing: RoadTripTiming
    cost: FloatArray
    rule_id: IntArray
    rule_table: FloatArray
    cost_weight: float
    time_weight: float

    def path(self, origin: int, target: int) -> list[int] | None:
        """Edges of the least-weight walk from node ``origin`` to node ``target`` (None: none)."""
        kernels = kernels_for(self.graph.node_count)
        best, _, links = kernels.search(origin, target, *self._graph_arrays(), self.cost,
                                        self.rule_id, self.rule_table, self.cost_weight,
                                        self.time_weight)  # fmt: skip
        label = int(best[target])
        if label < 0:
            return None
        edges: list[int] = []
        while links[label, 3] >= 0:  # parent label
            edges.append(int(links[label, 4]))
            label = int(links[label, 3])
        return edges[::-1]

    def paths(self, origin: int, targets: IntArray) -> list[list[int] | None]:
        """The edges of the least-weight walk from ``origin`` to each target (None: none)."""
        kernels = kernels_for(self.graph.node_count)
        flat, lengths = kernels.best_paths(
            origin, np.ascontiguousarray(targets, dtype=np.int64), *self._graph_arrays(),
            self.cost, self.rule_id, self.rule_table, self.cost_weight, self.time_weight,
        )  # fmt: skip
        found: list[list[int] | None] = []
        start = 0
        for length in lengths.tolist():
            found.append(None if length < 0 else flat[start : start + length].tolist())
            start += max(length, 0)
        return found

    def structure(
        self, origins: IntArray, targets: IntArray, edge_masks: npt.NDArray[np.uint64]
    ) -> tuple[npt.NDArray[np.uint64], FloatArray]:
        """(item bits OR-ed along each best path, origin × target × word; uses per edge).

        ``edge_masks`` is edge × word; an origin or target of -1 has no path (no bits).
        A path from a place to itself sets bits but counts no use.
        """
        kernels = kernels_for(self.graph.node_count, max(int(np.count_nonzero(origins >= 0)), 1))
        items = np.zeros((origins.size, targets.size, edge_masks.shape[1]), dtype=np.uint64)
        use = np.zeros(edge_masks.shape[0])
        kernels.structure_block(
            np.ascontiguousarray(origins, dtype=np.int64),
            np.ascontiguousarray(targets, dtype=np.int64),
            *self._graph_arrays(), self.cost, self.rule_id, self.rule_table, self.cost_weight,
            self.time_weight, np.ascontiguousarray(edge_masks), items, use,
        )  # fmt: skip
        return items, use

    def skim_block(
        self, origins: IntArray, targets: IntArray, quantities: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """(sums of ``quantities`` along each best path, road-trip changes) × origin × target.

        ``quantities`` is quantity × edge; a target of -1 has no path (``inf`` sums).
        """
        from caravan.analysis.routing import _road_trip_kernels as kernels

        timing = self.timing
        sums = np.empty((quantities.shape[0], origins.size, targets.size))
        changes = np.zeros((3, origins.size, targets.size))
        kernels.skim_block(
            np.ascontiguousarray(origins, dtype=np.int64),
            np.ascontiguousarray(targets, dtype=np.int64),
            *self._graph_arrays(),
            timing.run_key, timing.low, timing.high, timing.rules, self.cost, self.rule_id,
            self.rule_table, self.cost_weight, self.time_weight,
            np.ascontiguousarray(quantities, dtype=np.float64), sums, changes,
            kernels.lane_count(origins.size),
        )  # fmt: skip
        return sums, changes

    def _graph_arrays(
        self,
    ) -> tuple[
        npt.NDArray[np.int32], npt.NDArray[np.int32], IntArray, IntArray, FloatArray, FloatArray
    ]:
        graph, timing = self.graph, self.timing
        return (np.ascontiguousarray(graph.indptr, dtype=np.int32),
                np.ascontiguousarray(graph.indices, dtype=np.int32),
                np.ascontiguousarray(graph.edges, dtype=np.int64),
                timing.role, timing.driving_h, timing.typical)  # fmt: skip


def timed_search(
    snapshot: NetworkSnapshot,
    graph: WeightedGraph,
    timing: RoadTripTiming,
    cost_weight: float,
    time_weight: float,
) -> TimedSearch:
    """The search on ``graph``: crew rules numbered by their distinct rows over road links."""
    from caravan.analysis.routing import _road_trip_codes as kernels

    usable = (timing.role == kernels.DRIVE) & ~np.isnan(timing.driving_h)
    usable &= ~np.isnan(timing.rules).any(axis=1)
    rule_id = np.full(snapshot.edge_count, -1, dtype=np.int64)
    if usable.any():
        table, inverse = np.unique(timing.rules[usable], axis=0, return_inverse=True)
        rule_id[usable] = inverse.ravel()
    else:
        table = np.zeros((1, kernels.RULE_COUNT))
    cost = np.ascontiguousarray(snapshot.cost_usd, dtype=np.float64)
    return TimedSearch(graph, timing, cost, rule_id, np.ascontiguousarray(table),
                       float(cost_weight), float(time_weight))  # fmt: skip
