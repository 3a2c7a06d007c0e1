"""Road trips on many paths timed by drivers' hours, as itineraries time them, on arrays.

An itinerary times each road trip by the rules (``drivers_hours``), and the time search
(``timed_search``) chooses paths by that time. A skim asks the same of every
origin–destination pair: :class:`RoadTripTiming` holds what each edge
contributes, and :meth:`RoadTripTiming.tree_changes` gives, for a block of shortest-path
trees, how much each pair's time and its deviations below and above typical change when
its road trips are timed by the rules (nothing for pairs that do not drive on a road).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing import _road_trip_codes as codes
from caravan.analysis.routing.drivers_hours import crew_rules
from caravan.network import EdgeKind, NetworkSnapshot, WeightedGraph

__all__ = ["RoadTripTiming", "road_trip_timing"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: An access or egress this short is not an itinerary leg (as in ``itinerary``).
_NEGLIGIBLE_H = 1e-6


@dataclass(frozen=True)
class RoadTripTiming:
    """Per edge: its role in a road trip, leg key, driving hours, time range and crew rules."""

    role: IntArray
    run_key: IntArray
    driving_h: FloatArray
    typical: FloatArray
    low: FloatArray
    high: FloatArray
    rules: FloatArray

    @property
    def drives(self) -> bool:
        """Whether any edge is a road link with crew rules (else nothing ever changes)."""
        usable = (self.role == codes.DRIVE) & ~np.isnan(self.rules[:, codes.DAY])
        return bool(usable.any())

    def drives_on(self, edges: npt.NDArray[np.int64]) -> bool:
        """Whether any of ``edges`` is a road link with crew rules."""
        chosen = edges[(self.role[edges] == codes.DRIVE)]
        return bool((~np.isnan(self.rules[chosen, codes.DAY])).any())

    def tree_changes(
        self, graph: WeightedGraph, predecessors: npt.NDArray[np.int32], targets: IntArray
    ) -> FloatArray:
        """Changes (time, below, above) × tree × target of the paths to ``targets`` (-1: none).

        ``predecessors`` has one row per origin (scipy's trees on ``graph``).
        """
        from caravan.analysis.routing import _road_trip_kernels as kernels

        out = np.zeros((3, predecessors.shape[0], targets.size))
        kernels.tree_corrections(
            np.ascontiguousarray(predecessors, dtype=np.int32),
            np.ascontiguousarray(targets, dtype=np.int64),
            np.ascontiguousarray(graph.indptr, dtype=np.int32),
            np.ascontiguousarray(graph.indices, dtype=np.int32),
            np.ascontiguousarray(graph.edges, dtype=np.int64),
            *self._edge_arrays(),
            out,
        )
        return out

    def path_change(self, edges: list[int]) -> tuple[float, float, float]:
        """Change (time, below, above) of one path given by its edges in travel order."""
        from caravan.analysis.routing import _road_trip_kernels as kernels

        out = np.zeros(3)
        kernels.path_corrections(np.asarray(edges, dtype=np.int64), *self._edge_arrays(), out)
        return float(out[0]), float(out[1]), float(out[2])

    def _edge_arrays(
        self,
    ) -> tuple[IntArray, IntArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
        return (self.role, self.run_key, self.driving_h, self.typical, self.low, self.high,
                self.rules)  # fmt: skip


def road_trip_timing(snapshot: NetworkSnapshot) -> RoadTripTiming:
    """Every edge's part in road trips, read once per skim from the snapshot's records."""
    count = snapshot.edge_count
    role = np.full(count, codes.OTHER, dtype=np.int64)
    run_key = np.full(count, -1, dtype=np.int64)
    driving_h = np.full(count, np.nan)
    rules = np.full((count, codes.RULE_COUNT), np.nan)
    keys: dict[tuple[object, ...], int] = {}
    typical = np.ascontiguousarray(snapshot.time_h, dtype=np.float64)
    for edge in range(count):
        kind = int(snapshot.kind[edge])
        if kind in (EdgeKind.ACCESS, EdgeKind.EGRESS) and typical[edge] <= _NEGLIGIBLE_H:
            role[edge] = codes.PASS
        elif kind == EdgeKind.CROSSING and snapshot.mode[edge] == "road":
            role[edge] = codes.STOP  # the crew's hours go on across it
        elif kind == EdgeKind.TRANSFER:
            role[edge] = codes.WAIT  # as across a border, but a rest there is the regular one
        elif kind == EdgeKind.LINK:
            layer = snapshot.node_layer[int(snapshot.source[edge])]
            if layer is None or layer.mode != "road":
                continue
            role[edge] = codes.DRIVE
            record = snapshot.records[edge]
            run_key[edge] = keys.setdefault((layer, record.country_ids), len(keys))
            driving_h[edge] = _driving_h(snapshot, edge)
            rules[edge] = _rules_row(snapshot, edge)
    if snapshot.time_h_low.size != count:  # a snapshot built without ranges
        low = high = typical
    else:
        low = np.ascontiguousarray(snapshot.time_h_low, dtype=np.float64)
        high = np.ascontiguousarray(snapshot.time_h_high, dtype=np.float64)
    return RoadTripTiming(role, run_key, driving_h, typical, low, high, rules)


def _driving_h(snapshot: NetworkSnapshot, edge: int) -> float:
    """Hours at the wheel on one edge (length over its speed), NaN without a speed."""
    speed = next((p for p in snapshot.records[edge].parameters if p.unit == "km/h"), None)
    if speed is None or speed.value <= 0:
        return float("nan")
    return float(snapshot.length_km[edge]) / speed.value


def _rules_row(snapshot: NetworkSnapshot, edge: int) -> list[float]:
    """One driver's limits and the high spread from an edge's parameters (NaN: none)."""
    parameters = snapshot.records[edge].parameters
    rules = crew_rules(parameters)
    if rules is None:
        return [float("nan")] * 6
    one = rules[0]
    slow = {p.name: p.value for p in parameters}.get("spread_high", 1.0)
    return [one.daily_driving_h, one.break_h, one.daily_rest_h, one.stop_as_rest_h,
            one.extension_h, slow]  # fmt: skip
