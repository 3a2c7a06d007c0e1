"""Skim matrices: time, cost, distance and generalised cost between places.

Each origin–destination cell describes the route minimising the chosen weight; time,
cost and distance are accumulated along that route. Unreachable cells are ``inf``.

``time_h_low`` and ``time_h_high`` are the route's time range, combined from its edges as
an itinerary's is (:func:`caravan.analysis.routing.itinerary.route_range`): deviations from
typical of running, terminal and transfer edges add up, border crossings' deviations and
that sum add in quadrature.

Road trips are timed as an itinerary times them: by the drivers' hours of the whole trip
(``road_trips``), and skims by time or generalised cost follow the paths that minimise that
reported figure (``timed_search``); so a cell's time, range and generalised cost equal the
itinerary of its route. Cost skims follow the cheapest paths (time plays no part there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing.query import Weight
from caravan.analysis.routing.road_trips import RoadTripTiming, road_trip_timing
from caravan.analysis.routing.search import Deadline, Router
from caravan.analysis.routing.timed_search import TimedSearch
from caravan.network import EdgeKind, WeightedGraph

__all__ = ["SkimFormat", "SkimMatrices", "SkimProgress", "iterate_skim", "skim_matrices"]

MATRICES = ("time_h", "time_h_low", "time_h_high", "cost_usd", "length_km", "generalised_usd")

#: Per-edge quantities accumulated along routes: deviations from typical time below and
#: above, summed for non-border edges and squared for border crossings.
_DEVIATIONS = ("below_together", "above_together", "below_apart_sq", "above_apart_sq")


class SkimFormat(StrEnum):
    """File formats for skims."""

    OMX = "omx"
    PARQUET = "parquet"
    CSV = "csv"


@dataclass(frozen=True)
class SkimMatrices:
    """Square matrices over ``place_ids`` (row = origin, column = destination)."""

    place_ids: tuple[str, ...]
    weight: str
    date: str
    time_h: npt.NDArray[np.float64]
    cost_usd: npt.NDArray[np.float64]
    length_km: npt.NDArray[np.float64]
    generalised_usd: npt.NDArray[np.float64]
    #: low and high ends of the route's time (itinerary rule); ``inf`` where unreachable
    time_h_low: npt.NDArray[np.float64]
    time_h_high: npt.NDArray[np.float64]

    def long_rows(self) -> dict[str, Any]:
        """Columns of a long table (origin, destination, one column per matrix)."""
        n = len(self.place_ids)
        ids = np.array(self.place_ids, dtype=object)
        return {
            "origin": np.repeat(ids, n),
            "destination": np.tile(ids, n),
            **{name: getattr(self, name).ravel() for name in MATRICES},
        }

    def save(self, path: Path, file_format: SkimFormat) -> Path:
        """Write as OMX (one matrix per quantity), Parquet or CSV (long tables).

        The file is written aside and renamed onto ``path``, so a failure leaves nothing
        half-written; an OSError names the path at fault when ``path`` is a folder or lies
        under a file.
        """
        from caravan.store.export import atomic_output

        with atomic_output(path) as temporary:
            if file_format == SkimFormat.OMX:
                self._save_omx(temporary)
            else:
                import pandas as pd

                frame = pd.DataFrame(self.long_rows())
                if file_format == SkimFormat.PARQUET:
                    frame.to_parquet(temporary, index=False)
                else:
                    frame.to_csv(temporary, index=False)
        return path

    def _save_omx(self, path: Path) -> None:
        import openmatrix as omx

        handle = omx.open_file(str(path), "w")
        try:
            for name in MATRICES:
                handle[name] = getattr(self, name)
            handle.create_mapping("zone", list(range(1, len(self.place_ids) + 1)))
            encoded = np.array([p.encode("utf-8") for p in self.place_ids])
            handle.create_array(
                handle.root.lookup, "place_id", encoded
            )  # zone n is place_ids[n - 1]
            handle.root._v_attrs.weight = self.weight
            handle.root._v_attrs.date = self.date
        finally:
            handle.close()


@dataclass(frozen=True)
class SkimProgress:
    """How many origins of a skim are done."""

    done: int
    total: int


def iterate_skim(
    router: Router,
    place_ids: list[str],
    weight: Weight = Weight.GENERALISED,
    chunk_size: int = 64,
    deadline: Deadline | None = None,
    modes: tuple[str, ...] | None = None,
    avoid: tuple[str, ...] = (),
) -> Iterator[SkimProgress | SkimMatrices]:
    """Compute skims origin block by origin block, yielding progress, then the matrices.

    ``modes`` restricts the routes to those modes' links (None = every mode), as a route
    query's ``modes`` does; ``avoid`` rules out crossings, places or countries, as its
    ``avoid`` does.

    Stopping the iteration between blocks abandons the work cleanly (nothing is written).
    With a ``deadline``, the clock is read before every block; past it the skim stops with
    :class:`~caravan.errors.WorkLimitError` (never a partial matrix).
    """
    snapshot = router.snapshot
    graph = router.graph(weight, modes, avoid)
    timed = router.timed_search(weight, graph)
    if timed is not None:
        yield from _iterate_timed_skim(router, timed, place_ids, weight, chunk_size, deadline)
        return
    accumulated_names, dense = _dense_edge_values(router, graph)
    origins = [snapshot.origin_node.get(p, -1) for p in place_ids]
    destinations = [snapshot.destination_node.get(p, -1) for p in place_ids]
    n = len(place_ids)
    result = {name: np.full((n, n), np.inf) for name in accumulated_names}
    present = [i for i, node in enumerate(origins) if node >= 0]
    columns = np.array([d if d >= 0 else 0 for d in destinations], dtype=np.int64)
    reachable_columns = np.array([d >= 0 for d in destinations], dtype=bool)
    targets = np.array(destinations, dtype=np.int64)
    timing = road_trip_timing(snapshot)
    trips: RoadTripTiming | None = timing if timing.drives else None
    vot = snapshot.parameters.value_of_time_usd_per_h().value
    for start in range(0, len(present), chunk_size):
        if deadline is not None:
            deadline.check()
        rows = present[start : start + chunk_size]
        distances, predecessors = graph.shortest_from([origins[i] for i in rows])
        accumulated = _accumulate(dense, np.atleast_2d(distances), np.atleast_2d(predecessors))
        blocks = {
            name: values[:, columns]
            for name, values in zip(accumulated_names, accumulated, strict=True)
        }
        if trips is not None:
            _time_road_trips(
                blocks, trips.tree_changes(graph, np.atleast_2d(predecessors), targets), vot
            )
        for name, block in blocks.items():
            block[:, ~reachable_columns] = np.inf
            result[name][rows, :] = block
        yield SkimProgress(min(start + chunk_size, len(present)), len(present))
    yield _finished(router, place_ids, weight, result)


def _iterate_timed_skim(
    router: Router,
    timed: TimedSearch,
    place_ids: list[str],
    weight: Weight,
    chunk_size: int,
    deadline: Deadline | None,
) -> Iterator[SkimProgress | SkimMatrices]:
    """:func:`iterate_skim` along the paths of least reported time (or generalised cost)."""
    snapshot = router.snapshot
    per_edge = _edge_values(router)
    names = list(per_edge)
    quantities = np.stack([np.asarray(v, dtype=np.float64) for v in per_edge.values()])
    origins = [snapshot.origin_node.get(p, -1) for p in place_ids]
    targets = np.array([snapshot.destination_node.get(p, -1) for p in place_ids], dtype=np.int64)
    n = len(place_ids)
    result = {name: np.full((n, n), np.inf) for name in names}
    present = [i for i, node in enumerate(origins) if node >= 0]
    vot = snapshot.parameters.value_of_time_usd_per_h().value
    for start in range(0, len(present), chunk_size):
        if deadline is not None:
            deadline.check()
        rows = present[start : start + chunk_size]
        sums, changes = timed.skim_block(
            np.array([origins[i] for i in rows], dtype=np.int64), targets, quantities
        )
        blocks = dict(zip(names, sums, strict=True))
        _time_road_trips(blocks, changes, vot)
        for name, block in blocks.items():
            result[name][rows, :] = block
        yield SkimProgress(min(start + chunk_size, len(present)), len(present))
    yield _finished(router, place_ids, weight, result)


def _finished(
    router: Router,
    place_ids: list[str],
    weight: Weight,
    result: dict[str, npt.NDArray[np.float64]],
) -> SkimMatrices:
    """The matrices from accumulated blocks: zero diagonal, time range from the deviations."""
    for block in result.values():
        np.fill_diagonal(block, 0.0)
    low, high = _time_range(result)
    matrices = {name: result[name] for name in MATRICES if name in result}
    return SkimMatrices(
        tuple(place_ids),
        weight.value,
        router.snapshot.date.isoformat(),
        time_h_low=low,
        time_h_high=high,
        **matrices,
    )


def skim_matrices(
    router: Router,
    place_ids: list[str],
    weight: Weight = Weight.GENERALISED,
    progress: Callable[[int, int], None] | None = None,
    modes: tuple[str, ...] | None = None,
) -> SkimMatrices:
    """Skims between the given places along the routes minimising ``weight`` (some modes only)."""
    for item in iterate_skim(router, place_ids, weight, modes=modes):
        if isinstance(item, SkimMatrices):
            return item
        if progress:
            progress(item.done, item.total)
    raise AssertionError("iterate_skim always ends with the matrices")  # pragma: no cover


def _dense_edge_values(
    router: Router, graph: WeightedGraph
) -> tuple[list[str], npt.NDArray[np.float64]]:
    """Quantity names, and per quantity a node × node matrix of the chosen edge's value."""
    snapshot = router.snapshot
    size = snapshot.node_count
    rows = np.repeat(np.arange(size), np.diff(graph.indptr))
    cols = graph.indices
    per_edge = _edge_values(router)
    stacked = np.zeros((len(per_edge), size, size))
    for q, values in enumerate(per_edge.values()):
        stacked[q, rows, cols] = values[graph.edges]
    return list(per_edge), stacked


def _edge_values(router: Router) -> dict[str, npt.NDArray[np.float64]]:
    """Per edge, each quantity a skim adds up along its routes."""
    snapshot = router.snapshot
    return {
        "time_h": snapshot.time_h,
        "cost_usd": snapshot.cost_usd,
        "length_km": snapshot.length_km,
        "generalised_usd": router.weights(Weight.GENERALISED),
        **_edge_deviations(router),
    }


def _edge_deviations(router: Router) -> dict[str, npt.NDArray[np.float64]]:
    """Per edge, its time deviations from typical, split as the route range rule needs."""
    snapshot = router.snapshot
    typical = snapshot.time_h
    if snapshot.time_h_low.size != snapshot.edge_count:  # a snapshot built without ranges
        low = high = typical
    else:
        low, high = snapshot.time_h_low, snapshot.time_h_high
    below, above = typical - low, high - typical
    border = snapshot.kind == int(EdgeKind.CROSSING)
    return {
        "below_together": np.where(border, 0.0, below),
        "above_together": np.where(border, 0.0, above),
        "below_apart_sq": np.where(border, below * below, 0.0),
        "above_apart_sq": np.where(border, above * above, 0.0),
    }


def _time_road_trips(
    blocks: dict[str, npt.NDArray[np.float64]], changes: npt.NDArray[np.float64], vot: float
) -> None:
    """Re-time the block's road trips: add each pair's change in time and deviations."""
    blocks["time_h"] += changes[0]
    blocks["below_together"] += changes[1]
    blocks["above_together"] += changes[2]
    blocks["generalised_usd"] += vot * changes[0]


def _time_range(
    result: dict[str, npt.NDArray[np.float64]],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Low and high time matrices from the accumulated deviations (itinerary rule)."""
    typical = result["time_h"]
    below = np.sqrt(result["below_together"] ** 2 + result["below_apart_sq"])
    above = np.sqrt(result["above_together"] ** 2 + result["above_apart_sq"])
    with np.errstate(invalid="ignore"):
        low = np.where(np.isfinite(typical), np.maximum(typical - below, 0.0), np.inf)
        high = np.where(np.isfinite(typical), typical + above, np.inf)
    return low, high


def _accumulate(
    dense: npt.NDArray[np.float64],
    distances: npt.NDArray[np.float64],
    predecessors: npt.NDArray[np.int32],
) -> npt.NDArray[np.float64]:
    """Add edge quantities along every shortest-path tree of a block of origins.

    ``dense`` is quantities × nodes × nodes; the result is quantities × origins × nodes.
    A node's total is its predecessor's total plus the edge between them, computed for all
    nodes of one tree depth at once (depths found by pointer jumping), so each total is the
    same left-to-right sum along the path as a node-by-node walk gives, bit for bit.
    """
    block, size = distances.shape
    flat_predecessors = predecessors.ravel().astype(np.int64)
    has = flat_predecessors >= 0
    row_start = np.repeat(np.arange(block, dtype=np.int64) * size, size)
    parent = np.where(has, row_start + flat_predecessors, -1)
    edge_values = np.zeros((dense.shape[0], block * size))
    target = np.tile(np.arange(size), block)
    edge_values[:, has] = dense[:, flat_predecessors[has], target[has]]
    totals = np.repeat(
        np.where(np.isfinite(distances), 0.0, np.inf).reshape(1, -1), dense.shape[0], axis=0
    )
    depth = has.astype(np.int64)
    ancestor = parent
    while True:
        jumping = np.flatnonzero(ancestor >= 0)
        if jumping.size == 0:
            break
        above = ancestor[jumping]
        depth, ancestor = depth.copy(), ancestor.copy()
        depth[jumping] += depth[above]
        ancestor[jumping] = ancestor[above]
    by_depth = np.argsort(depth, kind="stable")
    bounds = np.searchsorted(depth[by_depth], np.arange(1, int(depth.max(initial=0)) + 2))
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        nodes = by_depth[start:end]
        totals[:, nodes] = totals[:, parent[nodes]] + edge_values[:, nodes]
    return totals.reshape(dense.shape[0], block, size)
