"""From kept ways to a junction graph: split, measure, mark crossings and gauge changes, merge.

Ways are cut at every node another kept way uses, at way ends, at border crossings and
at ``barrier=border_control`` nodes; each piece becomes an edge whose length is the sum
of the haversine lengths of its segments. A crossing is the point where the country of
consecutive nodes changes (the file's or Natural Earth's boundaries) or a border-control
node on the way; a border-control node within :data:`CROSSING_WINDOW_KM` of a boundary
along the same way is that boundary's crossing (counted once). Each crossing splits its
node in two, joined by a zero-length crossing edge. Finally, chains of edges through
nodes of degree two whose layer and country do not change are merged into one edge.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from caravan.store.osm.countries import NO_COUNTRY, CountryLookup
from caravan.store.osm.graph import EdgeType, LayerGraph, NodeRole
from caravan.store.osm.reader import RawExtract
from caravan.store.osm.tags import WayKind

__all__ = ["CROSSING_WINDOW_KM", "EARTH_RADIUS_KM", "graph_from_extract", "haversine_km"]

EARTH_RADIUS_KM = 6371.0088
#: Along a way, a border-control node this close to a boundary is that boundary's post.
CROSSING_WINDOW_KM = 25.0
#: Countries whose untagged rail is read as standard gauge (as the curated network does).
STANDARD_GAUGE_COUNTRIES = ("cn", "ir")

_LAYER_OF_KIND = {WayKind.RAIL_1435: 0, WayKind.RAIL_1520: 1, WayKind.ROAD: 2, WayKind.FERRY: 3}
_RAIL_LAYERS = (0, 1)
_SEA_LAYER = 3


def haversine_km(
    lon_a: npt.NDArray[np.float64],
    lat_a: npt.NDArray[np.float64],
    lon_b: npt.NDArray[np.float64],
    lat_b: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Great-circle distance in km between point arrays (degrees)."""
    phi_a, phi_b = np.radians(lat_a), np.radians(lat_b)
    d_phi, d_lambda = phi_b - phi_a, np.radians(lon_b - lon_a)
    h = np.sin(d_phi / 2) ** 2 + np.cos(phi_a) * np.cos(phi_b) * np.sin(d_lambda / 2) ** 2
    distance: npt.NDArray[np.float64] = (
        2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    )
    return distance


def graph_from_extract(extract: RawExtract, countries: CountryLookup) -> LayerGraph:
    """The junction graph of the kept ways, with crossings, gauge changes and port links."""
    ways = _Positions(extract, countries)
    crossings = ways.crossings(extract.border_control)
    graph = _Graph(ways, crossings)
    del ways  # the positions' arrays are no longer needed
    graph.add_transfers()
    graph.merge_chains()
    return graph.finish(countries.codes, extract.counts)


class _Positions:
    """Every located node occurrence of every kept way, in way order, with its piece.

    Per position only indexes are kept (way, node in the extract's sorted node arrays),
    with the piece, country, layer and distance along the piece; ids and coordinates are
    looked up in the extract when needed, so memory per position stays small.
    """

    def __init__(self, extract: RawExtract, countries: CountryLookup) -> None:
        self.extract = extract
        nodes = extract.node_ids.size
        way_index = np.repeat(np.arange(extract.way_ids.size, dtype=np.int32),
                              np.diff(extract.way_offsets))  # fmt: skip
        index = np.minimum(np.searchsorted(extract.node_ids, extract.refs), max(nodes - 1, 0))
        found = (
            extract.node_ids[index] == extract.refs
            if nodes
            else np.zeros(extract.refs.size, dtype=bool)
        )
        # a piece starts at a way's start, or after a node missing from the extract
        start = np.ones(extract.refs.size, dtype=bool)
        start[1:] = (way_index[1:] != way_index[:-1]) | ~found[:-1]
        start, way_index, node = start[found], way_index[found], index[found].astype(np.int32)
        del index, found
        piece = np.cumsum(start, dtype=np.int32) - 1
        long_enough = np.bincount(piece)[piece] >= 2 if piece.size else piece.astype(bool)
        self.start = start[long_enough]
        self.way = way_index[long_enough]
        self.node = node[long_enough]
        del start, way_index, node, piece, long_enough
        self.piece = np.cumsum(self.start, dtype=np.int32) - 1
        self.end = np.ones(self.start.size, dtype=bool)
        self.end[:-1] = self.start[1:]
        self.country = countries.index_of(extract.node_lon, extract.node_lat)[self.node]
        self.codes = countries.codes
        self.piece_start = np.flatnonzero(self.start).astype(np.int32)[self.piece]
        self.layer = self._layers(extract.way_kinds[self.way])
        lon, lat = self.lon(slice(None)), self.lat(slice(None))
        segment = np.zeros(self.start.size)
        if segment.size > 1:
            segment[1:] = haversine_km(lon[:-1], lat[:-1], lon[1:], lat[1:])
        del lon, lat
        segment[self.start] = 0.0
        self.along_km = np.cumsum(segment)

    def osm_id(self, positions: npt.NDArray[np.int64] | slice) -> npt.NDArray[np.int64]:
        """OSM node ids at positions."""
        found: npt.NDArray[np.int64] = self.extract.node_ids[self.node[positions]]
        return found

    def lon(self, positions: npt.NDArray[np.int64] | slice) -> npt.NDArray[np.float64]:
        """Longitudes at positions."""
        found: npt.NDArray[np.float64] = self.extract.node_lon[self.node[positions]]
        return found

    def lat(self, positions: npt.NDArray[np.int64] | slice) -> npt.NDArray[np.float64]:
        """Latitudes at positions."""
        found: npt.NDArray[np.float64] = self.extract.node_lat[self.node[positions]]
        return found

    def way_id(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """OSM way ids at positions."""
        found: npt.NDArray[np.int64] = self.extract.way_ids[self.way[positions]]
        return found

    def _layers(self, kinds: npt.NDArray[np.int8]) -> npt.NDArray[np.int8]:
        layer = np.full(kinds.size, -1, dtype=np.int8)
        for kind, code in _LAYER_OF_KIND.items():
            layer[kinds == kind] = code
        untagged = kinds == WayKind.RAIL_UNTAGGED
        if untagged.any():  # by the country of the piece's first located node
            standard = [self.codes.index(c) for c in STANDARD_GAUGE_COUNTRIES if c in self.codes]
            first_country = self.country[self.piece_start]
            layer[untagged] = np.where(np.isin(first_country[untagged], standard), 0, 1)
        return layer

    def previous_known_country(self) -> npt.NDArray[np.int16]:
        """At each position, the last known country strictly before it on its piece (-1: none)."""
        positions = np.arange(self.start.size)
        known = np.where(self.country != NO_COUNTRY, positions, -1)
        last = np.maximum.accumulate(known) if known.size else known
        previous = np.full(self.start.size, NO_COUNTRY, dtype=np.int16)
        if previous.size > 1:
            before = last[:-1]
            same_piece = before >= self.piece_start[1:]
            previous[1:] = np.where(same_piece, self.country[np.maximum(before, 0)], NO_COUNTRY)
        return previous

    def crossings(self, border_control: dict[int, str]) -> dict[int, tuple[int, int, str]]:
        """Crossing positions: (country before, country after, label) by position."""
        previous = self.previous_known_country()
        changes = np.flatnonzero(
            ~self.start
            & (self.country != NO_COUNTRY)
            & (previous != NO_COUNTRY)
            & (self.country != previous)
        )
        is_post = np.zeros(self.extract.node_ids.size, dtype=bool)
        post_ids = np.fromiter(border_control, dtype=np.int64)
        is_post[np.searchsorted(self.extract.node_ids, post_ids)] = True  # all are located
        posts = np.flatnonzero(is_post[self.node] & ~self.start)
        found: dict[int, tuple[int, int, str]] = {}
        for post in posts.tolist():
            before, after = self._sides(post)
            osm_id = int(self.extract.node_ids[self.node[post]])
            found[post] = (before, after, border_control[osm_id] or f"border control node {osm_id}")
        post_pieces: dict[int, list[int]] = {}
        for post in posts.tolist():
            post_pieces.setdefault(int(self.piece[post]), []).append(post)
        for change in changes.tolist():
            nearby = [
                p
                for p in post_pieces.get(int(self.piece[change]), [])
                if abs(self.along_km[p] - self.along_km[change]) <= CROSSING_WINDOW_KM
            ]
            if nearby:
                continue  # that post is this boundary's crossing
            label = (
                f"{self.codes[previous[change]]}–{self.codes[self.country[change]]} boundary "
                f"at {self.extract.node_lat[self.node[change]]:.4f}, "
                f"{self.extract.node_lon[self.node[change]]:.4f}"
            )
            found[change] = (int(previous[change]), int(self.country[change]), label)
        return found

    def _sides(self, position: int) -> tuple[int, int]:
        """Countries before and after a post: the farthest known within the window each way."""
        piece_start = int(self.piece_start[position])
        before = after = int(self.country[position])
        back = position
        while back > piece_start and self.along_km[position] - self.along_km[back - 1] <= (
            CROSSING_WINDOW_KM
        ):
            back -= 1
            if self.country[back] != NO_COUNTRY:
                before = int(self.country[back])
        ahead, last = position, self.start.size - 1
        while ahead < last and not self.start[ahead + 1]:
            if self.along_km[ahead + 1] - self.along_km[position] > CROSSING_WINDOW_KM:
                break
            ahead += 1
            if self.country[ahead] != NO_COUNTRY:
                after = int(self.country[ahead])
        return before, after


class _Graph:
    """Edges between split positions, crossing nodes split in two, then chains merged."""

    def __init__(self, ways: _Positions, crossings: dict[int, tuple[int, int, str]]) -> None:
        # nodes of the graph are (OSM node, layer): counted and numbered without sorting
        key = ways.node.astype(np.int64) * 4 + ways.layer
        slots = 4 * max(ways.extract.node_ids.size, 1)
        split = ways.start | ways.end | (np.bincount(key, minlength=slots)[key] > 1)
        split[np.fromiter(crossings, dtype=np.int64)] = True
        cut = np.flatnonzero(split)
        del split
        is_node = np.zeros(slots, dtype=bool)
        is_node[key[cut]] = True
        node_of_cut = (np.cumsum(is_node, dtype=np.int32) - 1)[key[cut]]
        count = int(is_node.sum())
        del is_node, key
        first = np.zeros(count, dtype=np.int64)
        first[node_of_cut[::-1]] = cut[::-1]  # a position of each node
        self.osm_id = ways.osm_id(first)
        self.layer = ways.layer[first]
        self.lon, self.lat = ways.lon(first), ways.lat(first)
        self.country = ways.country[first]
        self.role = np.zeros(count, dtype=np.int8)
        pairs = np.flatnonzero(ways.piece[cut[:-1]] == ways.piece[cut[1:]])
        starts, ends = cut[pairs], cut[pairs + 1]
        self.u = node_of_cut[pairs].astype(np.int64)
        self.v = node_of_cut[pairs + 1].astype(np.int64)
        self.length = ways.along_km[ends] - ways.along_km[starts]
        self.type = np.zeros(self.u.size, dtype=np.int8)
        self.way_id = ways.way_id(starts)
        link_country = np.where(ways.country[starts] != NO_COUNTRY, ways.country[starts],
                                ways.country[ends])  # fmt: skip
        self.country_a = link_country.astype(np.int16)
        self.country_b = self.country_a.copy()
        self.labels: dict[int, str] = {}
        self._split_crossings(ends, crossings)

    def _split_crossings(
        self, ends: npt.NDArray[np.int64], crossings: dict[int, tuple[int, int, str]]
    ) -> None:
        """Each crossing position's incoming edge ends on a new node, joined by a crossing edge."""
        lon: list[float] = []
        lat: list[float] = []
        osm_id: list[int] = []
        layer: list[int] = []
        country: list[int] = []
        u: list[int] = []
        v: list[int] = []
        country_a: list[int] = []
        country_b: list[int] = []
        labels: list[str] = []
        next_node = self.osm_id.size
        for position, (before, after, label) in sorted(crossings.items()):
            edge = int(np.searchsorted(ends, position))  # ends ascend with the positions
            node = int(self.v[edge])
            clone = next_node + len(lon)
            lon.append(float(self.lon[node]))
            lat.append(float(self.lat[node]))
            osm_id.append(int(self.osm_id[node]))
            layer.append(int(self.layer[node]))
            country.append(before)
            self.v[edge] = clone
            self.country[node] = after  # the post's own node lies on the far side
            u.append(clone)
            v.append(node)
            country_a.append(before)
            country_b.append(after)
            labels.append(label)
        if not lon:
            return
        count = len(lon)
        self.osm_id = np.concatenate((self.osm_id, np.asarray(osm_id, dtype=np.int64)))
        self.layer = np.concatenate((self.layer, np.asarray(layer, dtype=np.int8)))
        self.lon = np.concatenate((self.lon, np.asarray(lon)))
        self.lat = np.concatenate((self.lat, np.asarray(lat)))
        self.country = np.concatenate((self.country, np.asarray(country, dtype=np.int16)))
        self.role = np.concatenate((self.role, np.full(count, NodeRole.CROSSING_SIDE, np.int8)))
        self._append_edges(
            np.asarray(u), np.asarray(v), EdgeType.CROSSING, np.asarray(country_a),
            np.asarray(country_b), labels,
        )  # fmt: skip

    def _append_edges(
        self,
        u: npt.NDArray[np.int64],
        v: npt.NDArray[np.int64],
        edge_type: EdgeType,
        country_a: npt.NDArray[np.int64],
        country_b: npt.NDArray[np.int64],
        labels: Sequence[str] = (),
    ) -> None:
        base = self.u.size
        for offset, label in enumerate(labels):
            self.labels[base + offset] = label
        self.u = np.concatenate((self.u, u.astype(np.int64)))
        self.v = np.concatenate((self.v, v.astype(np.int64)))
        self.length = np.concatenate((self.length, np.zeros(u.size)))
        self.type = np.concatenate((self.type, np.full(u.size, edge_type, dtype=np.int8)))
        self.way_id = np.concatenate((self.way_id, np.zeros(u.size, dtype=np.int64)))
        self.country_a = np.concatenate((self.country_a, country_a.astype(np.int16)))
        self.country_b = np.concatenate((self.country_b, country_b.astype(np.int16)))

    def add_transfers(self) -> None:
        """Gauge-change edges where both gauges use a node; port edges where a ferry meets land."""
        junction = self.role == NodeRole.JUNCTION
        order = np.lexsort((self.layer, self.osm_id))
        order = order[junction[order]]
        same = self.osm_id[order[1:]] == self.osm_id[order[:-1]]
        a, b = order[:-1][same], order[1:][same]  # nodes of one OSM node on two layers
        rail = np.isin(self.layer[a], _RAIL_LAYERS) & np.isin(self.layer[b], _RAIL_LAYERS)
        gauge = rail & (self.layer[a] != self.layer[b])
        self._append_edges(
            a[gauge], b[gauge], EdgeType.GAUGE_CHANGE, self.country[a[gauge]],
            self.country[a[gauge]],
        )  # fmt: skip
        # a ferry terminal: the sea node joins every land layer at the same OSM node
        sea_nodes = {
            int(self.osm_id[n]): int(n) for n in order[self.layer[order] == _SEA_LAYER].tolist()
        }
        if not sea_nodes:
            return
        land = order[
            np.isin(self.osm_id[order], list(sea_nodes)) & (self.layer[order] != _SEA_LAYER)
        ]
        sea = np.asarray([sea_nodes[int(self.osm_id[n])] for n in land.tolist()], dtype=np.int64)
        self._append_edges(sea, land, EdgeType.PORT, self.country[land], self.country[land])

    def merge_chains(self) -> None:
        """Merge link chains through degree-2 junctions where layer and country stay the same."""
        nodes = self.osm_id.size
        degree = np.bincount(self.u, minlength=nodes) + np.bincount(self.v, minlength=nodes)
        candidate = (degree == 2) & (self.role == NodeRole.JUNCTION)
        ends = np.concatenate((self.u, self.v))
        edges = np.concatenate((np.arange(self.u.size), np.arange(self.u.size)))
        chosen = candidate[ends]
        ends, edges = ends[chosen], edges[chosen]
        order = np.argsort(ends, kind="stable")
        ends, edges = ends[order], edges[order]
        incident: dict[int, list[int]] = {}
        for node, first, second in zip(
            ends[0::2].tolist(), edges[0::2].tolist(), edges[1::2].tolist(), strict=True
        ):
            incident[node] = [first, second]
        # numpy arrays edited in place: per candidate a few item accesses, no per-edge lists
        u, v, length = self.u, self.v, self.length
        alive = np.ones(u.size, dtype=bool)
        link = self.type == EdgeType.LINK
        country = self.country_a
        for node, (keep, drop) in incident.items():
            if keep == drop or not (link[keep] and link[drop]) or country[keep] != country[drop]:
                continue
            far = int(v[drop]) if u[drop] == node else int(u[drop])
            if u[keep] == node:
                u[keep] = far
            else:
                v[keep] = far
            length[keep] += length[drop]
            alive[drop] = False
            around = incident.get(far)
            if around is not None:
                around[around.index(drop)] = keep
        self._keep_edges(alive & (u != v))

    def _keep_edges(self, kept: npt.NDArray[np.bool_]) -> None:
        new_index = np.cumsum(kept) - 1
        self.labels = {int(new_index[e]): t for e, t in self.labels.items() if kept[e]}
        for name in ("u", "v", "length", "type", "way_id", "country_a", "country_b"):
            setattr(self, name, getattr(self, name)[kept])

    def finish(self, codes: list[str], counts: dict[str, int]) -> LayerGraph:
        """Drop nodes no edge uses and number the rest from zero."""
        used = np.zeros(self.osm_id.size, dtype=bool)
        used[self.u] = used[self.v] = True
        number = np.cumsum(used) - 1
        counts = {
            **counts,
            "junction nodes": int((used & (self.role == NodeRole.JUNCTION)).sum()),
            "edges": int(self.u.size),
            "border crossings": int((self.type == EdgeType.CROSSING).sum()),
            "gauge changes": int((self.type == EdgeType.GAUGE_CHANGE).sum()),
        }
        return LayerGraph(
            node_osm_id=self.osm_id[used],
            node_layer=self.layer[used].astype(np.int8),
            node_lon=self.lon[used],
            node_lat=self.lat[used],
            node_country=self.country[used].astype(np.int16),
            node_role=self.role[used],
            edge_u=number[self.u].astype(np.int32),
            edge_v=number[self.v].astype(np.int32),
            edge_type=self.type,
            edge_length_km=self.length,
            edge_way_id=self.way_id,
            edge_country=self.country_a,
            edge_country_b=self.country_b,
            country_codes=list(codes),
            crossing_labels=self.labels,
            counts=counts,
        )
