"""What the best routes of a skim pass through: crossings and modes per pair, use per element.

One Dijkstra per origin block gives shortest-path trees; walking each tree once in order of
distance collects, for every origin–destination pair, a bit set of the crossings and modes
its best route uses (so two scenarios' routes can be told apart without building
itineraries), and walking it back collects how many pairs' best routes use each edge (so
links and crossings that gain or lose routes can be counted). Items (crossing ids, modes)
are numbered in a universe shared by the two sides of a comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing import Router, Weight
from caravan.analysis.routing.timed_search import TimedSearch
from caravan.network import EdgeKind, NetworkSnapshot

__all__ = ["RouteStructure", "item_universe", "route_structure"]

#: Bits per word of an item bit set.
_WORD = 64


def _crossing_item(ref_id: str) -> str:
    return f"crossing:{ref_id}"


def _mode_item(mode: str) -> str:
    return f"mode:{mode}"


def _edge_items(snapshot: NetworkSnapshot) -> list[str | None]:
    """The item each edge marks on a route: its crossing, or its mode for running edges."""
    items: list[str | None] = []
    for kind, record, mode in zip(snapshot.kind, snapshot.records, snapshot.mode, strict=True):
        if kind == EdgeKind.CROSSING and record.ref_id:
            items.append(_crossing_item(record.ref_id))
        elif kind == EdgeKind.LINK and mode:
            items.append(_mode_item(mode))
        else:
            items.append(None)
    return items


def item_universe(snapshots: Iterable[NetworkSnapshot]) -> tuple[str, ...]:
    """Every crossing and mode item of the snapshots, sorted (bit n is item n)."""
    found: set[str] = set()
    for snapshot in snapshots:
        found.update(i for i in _edge_items(snapshot) if i is not None)
    return tuple(sorted(found))


@dataclass(frozen=True)
class RouteStructure:
    """Per pair of places, the items its best route uses; per element, how many routes use it.

    ``items`` has shape (origins, destinations, words): bit ``k`` of word ``k // 64`` is
    ``universe[k]``. ``use`` maps a link or crossing id to the number of ordered pairs of
    the skim's places whose best route passes it.
    """

    place_ids: tuple[str, ...]
    universe: tuple[str, ...]
    items: npt.NDArray[np.uint64]
    use: dict[str, int]

    def names(self, mask: npt.NDArray[np.uint64]) -> tuple[str, ...]:
        """The items of one bit set, in universe order."""
        found = []
        for k, item in enumerate(self.universe):
            if int(mask[k // _WORD]) >> (k % _WORD) & 1:
                found.append(item)
        return tuple(found)


def route_structure(
    router: Router,
    place_ids: Sequence[str],
    universe: Sequence[str],
    weight: Weight = Weight.GENERALISED,
) -> RouteStructure:
    """Items used and element use of the best routes (minimising ``weight``) between places."""
    snapshot = router.snapshot
    graph = router.graph(weight, None, ())
    n = len(place_ids)
    words = max(1, -(-len(universe) // _WORD))
    index = {item: k for k, item in enumerate(universe)}
    edge_masks = np.zeros((snapshot.edge_count + 1, words), dtype=np.uint64)  # last row: none
    for edge, item in enumerate(_edge_items(snapshot)):
        if item is not None and item in index:
            k = index[item]
            edge_masks[edge, k // _WORD] = np.uint64(1) << np.uint64(k % _WORD)
    items = np.zeros((n, n, words), dtype=np.uint64)
    use_per_edge: npt.NDArray[np.float64] = np.zeros(snapshot.edge_count)
    origins = [snapshot.origin_node.get(p, -1) for p in place_ids]
    destinations = np.array([snapshot.destination_node.get(p, -1) for p in place_ids])
    present = [i for i, node in enumerate(origins) if node >= 0]
    timed = router.timed_search(weight, graph)
    if present and timed is not None:
        use_per_edge = _timed_structure(timed, origins, destinations, edge_masks, items)
    elif present:
        distances, predecessors = graph.shortest_from([origins[i] for i in present])
        distances, predecessors = np.atleast_2d(distances), np.atleast_2d(predecessors)
        chosen = graph.chosen_edge.toarray().astype(np.int64) - 1  # -1: no edge
        rows = np.arange(len(present))
        nodes = np.arange(snapshot.node_count)
        safe_previous = np.where(predecessors >= 0, predecessors, 0)
        edge_in = np.where(predecessors >= 0, chosen[safe_previous, nodes[None, :]], -1)
        order = np.argsort(distances, axis=1, kind="stable")
        masks = np.zeros((len(present), snapshot.node_count, words), dtype=np.uint64)
        for rank in range(snapshot.node_count):
            v = order[:, rank]
            u = predecessors[rows, v]
            has = u >= 0
            if has.any():
                r = rows[has]
                masks[r, v[has]] = masks[r, u[has]] | edge_masks[edge_in[r, v[has]]]
        valid = destinations >= 0
        columns = np.where(valid, destinations, 0)
        block = masks[:, columns]
        block[:, ~valid] = 0
        items[present] = block
        counts = np.zeros((len(present), snapshot.node_count))
        for row, i in enumerate(present):
            targets = columns[valid & (np.arange(n) != i)]
            counts[row, targets] += np.isfinite(distances[row, targets])
        for rank in range(snapshot.node_count - 1, -1, -1):
            v = order[:, rank]
            u = predecessors[rows, v]
            has = u >= 0
            if has.any():
                r = rows[has]
                counts[r, u[has]] += counts[r, v[has]]
        reached = edge_in >= 0
        use_per_edge = np.bincount(
            edge_in[reached], weights=counts[reached], minlength=snapshot.edge_count
        ).astype(np.float64)
    use: dict[str, int] = {}
    for edge in (int(e) for e in np.flatnonzero(use_per_edge > 0)):
        record = snapshot.records[edge]
        if record.ref_id and snapshot.kind[edge] in (EdgeKind.LINK, EdgeKind.CROSSING):
            use[record.ref_id] = use.get(record.ref_id, 0) + round(float(use_per_edge[edge]))
    return RouteStructure(tuple(place_ids), tuple(universe), items, use)


def _timed_structure(
    timed: TimedSearch,
    origins: Sequence[int],
    destinations: npt.NDArray[np.int64],
    edge_masks: npt.NDArray[np.uint64],
    items: npt.NDArray[np.uint64],
) -> npt.NDArray[np.float64]:
    """Fill ``items`` from the paths of least reported time (or generalised cost); edge use.

    These are the paths routes and skims take when drivers' hours time the road trips.
    """
    found, use = timed.structure(
        np.asarray(origins, dtype=np.int64),
        np.asarray(destinations, dtype=np.int64),
        edge_masks[:-1],
    )
    items[:] = found
    return use
