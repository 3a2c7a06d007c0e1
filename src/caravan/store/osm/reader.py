"""Streaming an OpenStreetMap file into flat arrays: the kept ways and their nodes' locations.

Passes with pyosmium, each filtered in C++ so Python sees only what it keeps:
1. relations: country boundaries (``boundary=administrative`` + ``admin_level=2``);
2. ways: the transport ways the tag rules keep (and the boundaries' member ways): their
   node ids into arrays;
3. nodes: the ids used, through an id filter, into a pyosmium node-location index
   (``flex_mem``: sparse for extracts, dense for planet-sized files), read back per id;
   a last pass picks the ``barrier=border_control`` nodes by tag.
Memory grows with the kept ways and their nodes, never with the whole file.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import osmium
import osmium.filter
import osmium.index
import osmium.io

from caravan.store.osm.errors import OsmImportError
from caravan.store.osm.tags import TagLookup, TagRules

__all__ = ["BoundaryRings", "ImportProgress", "RawExtract", "read_extract"]

#: How often (in objects) the progress callback is told.
_PROGRESS_EVERY = 20_000


@dataclass(frozen=True)
class ImportProgress:
    """One step of an import: what is done, how many of how many (None: unknown)."""

    step: str
    done: int
    total: int | None = None


ProgressCallback = Callable[[ImportProgress], None]


@dataclass
class BoundaryRings:
    """Member ways of each country's boundary relation, as node-id sequences."""

    way_members: dict[str, list[int]] = field(default_factory=dict)  # country -> way ids
    way_refs: dict[int, npt.NDArray[np.int64]] = field(default_factory=dict)


@dataclass
class RawExtract:
    """The kept ways (kinds, refs) and the locations of every node they use."""

    way_ids: npt.NDArray[np.int64]
    way_kinds: npt.NDArray[np.int8]
    way_offsets: npt.NDArray[np.int64]  # refs of way i: refs[offsets[i]:offsets[i + 1]]
    refs: npt.NDArray[np.int64]
    node_ids: npt.NDArray[np.int64]  # sorted
    node_lon: npt.NDArray[np.float64]
    node_lat: npt.NDArray[np.float64]
    border_control: dict[int, str]  # node id -> its name ('' when untagged)
    boundaries: BoundaryRings
    counts: dict[str, int]


def read_extract(
    path: Path, rules: TagRules, progress: ProgressCallback | None = None
) -> RawExtract:
    """Read the ways ``rules`` keep from an OSM file (PBF or XML), streaming in three passes.

    Raises :class:`OsmImportError` for a missing, unreadable or malformed file.
    """
    _check_readable(path)
    tell = progress or (lambda _: None)
    counts: dict[str, int] = {}
    try:
        boundaries = _read_boundaries(path, tell)
        ways = _read_ways(path, rules, counts, tell)
        if boundaries.way_members:
            _read_boundary_ways(path, boundaries, tell)
        used = [ways[3], *boundaries.way_refs.values()]
        node_ids, lon, lat = _read_nodes(path, _sorted_unique(np.concatenate(used)), tell)
        border = _read_border_control(path, node_ids)
    except RuntimeError as error:  # libosmium's I/O and format errors
        raise OsmImportError(f"{path}: not a readable OpenStreetMap file ({error})") from None
    way_ids, kinds, offsets, refs = ways
    counts["nodes located"] = int(node_ids.size)
    counts["border_control nodes"] = len(border)
    order = np.argsort(node_ids, kind="stable")
    return RawExtract(
        way_ids=way_ids,
        way_kinds=kinds,
        way_offsets=offsets,
        refs=refs,
        node_ids=node_ids[order],
        node_lon=lon[order],
        node_lat=lat[order],
        border_control=border,
        boundaries=boundaries,
        counts=counts,
    )


def _sorted_unique(ids: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The distinct ids, sorted (a sort and a mask: faster than np.unique's hashing here)."""
    ordered = np.sort(ids)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise OsmImportError(f"{path}: no such file")
    if not path.is_file():
        raise OsmImportError(f"{path}: not a file")
    if path.stat().st_size == 0:
        raise OsmImportError(f"{path}: the file is empty; expected an OpenStreetMap .osm.pbf")


def _country_code(tags: TagLookup) -> str | None:
    code = tags.get("ISO3166-1:alpha2") or tags.get("ISO3166-1")
    return code.strip().lower() if code and len(code.strip()) == 2 else None


def _read_boundaries(path: Path, tell: ProgressCallback) -> BoundaryRings:
    rings = BoundaryRings()
    processor = osmium.FileProcessor(str(path), osmium.osm.RELATION).with_filter(
        osmium.filter.TagFilter(("boundary", "administrative"))
    )
    for seen, relation in enumerate(processor, 1):
        if seen % _PROGRESS_EVERY == 0:
            tell(ImportProgress("reading boundary relations", seen))
        if not isinstance(relation, osmium.osm.Relation):
            continue
        if relation.tags.get("admin_level") != "2":
            continue
        country = _country_code(relation.tags)
        if country is None:
            continue
        members = [m.ref for m in relation.members if m.type == "w" and m.role != "subarea"]
        rings.way_members.setdefault(country, []).extend(members)
    return rings


def _read_ways(
    path: Path,
    rules: TagRules,
    counts: dict[str, int],
    tell: ProgressCallback,
) -> tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int8], npt.NDArray[np.int64], npt.NDArray[np.int64]
]:
    way_ids, kinds, offsets, refs = array("q"), array("b"), array("q", [0]), array("q")
    seen = dropped = short = 0
    processor = osmium.FileProcessor(str(path), osmium.osm.WAY).with_filter(
        osmium.filter.KeyFilter("railway", "highway", "route")
    )
    for way in processor:
        seen += 1
        if seen % _PROGRESS_EVERY == 0:
            tell(ImportProgress("reading ways", seen))
        if not isinstance(way, osmium.osm.Way):
            continue
        way_kinds = rules.kinds(way.tags)
        if not way_kinds:
            dropped += 1
            continue
        nodes = [n.ref for n in way.nodes]
        if len(nodes) < 2:
            short += 1
            continue
        for kind in way_kinds:  # a dual-gauge track is a way on each gauge's layer
            way_ids.append(way.id)
            kinds.append(int(kind))
            refs.extend(nodes)
            offsets.append(len(refs))
    tell(ImportProgress("reading ways", seen))
    counts.update(
        {"ways with transport tags": seen, "ways kept": len(way_ids), "ways dropped": dropped}
    )
    if short:
        counts["ways with fewer than two nodes"] = short
    return (
        np.frombuffer(way_ids, dtype=np.int64).copy(),
        np.frombuffer(kinds, dtype=np.int8).copy(),
        np.frombuffer(offsets, dtype=np.int64).copy(),
        np.frombuffer(refs, dtype=np.int64).copy(),
    )


def _read_boundary_ways(path: Path, rings: BoundaryRings, tell: ProgressCallback) -> None:
    wanted = {w for members in rings.way_members.values() for w in members}
    processor = osmium.FileProcessor(str(path), osmium.osm.WAY).with_filter(
        osmium.filter.IdFilter(wanted)
    )
    for seen, way in enumerate(processor, 1):
        if seen % _PROGRESS_EVERY == 0:
            tell(ImportProgress("reading boundary ways", seen))
        if not isinstance(way, osmium.osm.Way):
            continue
        rings.way_refs[way.id] = np.array([n.ref for n in way.nodes], dtype=np.int64)


def _read_nodes(
    path: Path, wanted: npt.NDArray[np.int64], tell: ProgressCallback
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Locations of the wanted node ids (sorted); ids missing from the file are left out."""
    index = osmium.index.create_map("flex_mem")
    reader = osmium.io.Reader(str(path), osmium.osm.NODE)
    try:
        osmium.apply(reader, osmium.filter.IdFilter(wanted.tolist()),
                     osmium.NodeLocationsForWays(index))  # fmt: skip
    finally:
        reader.close()
    lon = np.full(wanted.size, np.nan)
    lat = np.full(wanted.size, np.nan)
    get = index.get
    for position, node_id in enumerate(wanted.tolist()):
        if position % _PROGRESS_EVERY == 0:
            tell(ImportProgress("locating nodes", position, int(wanted.size)))
        try:
            location = get(node_id)
        except KeyError:  # a node the extract cut off
            continue
        lon[position], lat[position] = location.lon, location.lat
    tell(ImportProgress("locating nodes", int(wanted.size), int(wanted.size)))
    found = ~np.isnan(lon)
    return wanted[found], lon[found], lat[found]


def _read_border_control(path: Path, used: npt.NDArray[np.int64]) -> dict[int, str]:
    """Names of the ``barrier=border_control`` nodes among the used ones ('' when unnamed)."""
    border: dict[int, str] = {}
    processor = osmium.FileProcessor(str(path), osmium.osm.NODE).with_filter(
        osmium.filter.TagFilter(("barrier", "border_control"))
    )
    for node in processor:
        position = int(np.searchsorted(used, node.id))
        if position < used.size and used[position] == node.id:
            border[node.id] = node.tags.get("name:en") or node.tags.get("name") or ""
    return border
