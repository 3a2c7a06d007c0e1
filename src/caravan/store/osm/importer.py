"""Importing an OpenStreetMap file into a stored network layer, with a report of what it kept."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from caravan.store.osm.attach import DEFAULT_ATTACH_RADIUS_KM, Attachment, PlacePoint, attach_places
from caravan.store.osm.countries import countries_of_extract
from caravan.store.osm.errors import OsmImportError
from caravan.store.osm.layer_file import LayerInfo, read_layer_info, save_layer
from caravan.store.osm.reader import ImportProgress, ProgressCallback, read_extract
from caravan.store.osm.simplify import graph_from_extract
from caravan.store.osm.tags import TagRules
from caravan.store.ownership import FileKind, require_own_file

__all__ = ["ImportReport", "import_osm"]


@dataclass(frozen=True)
class ImportReport:
    """The stored layer, and which places attach to it (and which do not, with distances)."""

    layer: LayerInfo
    attachments: tuple[Attachment, ...]
    radius_km: float

    extent: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat of the layer
    places_outside: int  # places outside the layer's extent (not expected to attach)

    @property
    def unattached(self) -> list[str]:
        """Places inside the layer's extent attached to no layer within the radius."""
        attached = {a.place_id for a in self.attachments if a.node is not None}
        return sorted({a.place_id for a in self.attachments} - attached)


def import_osm(
    source: Path,
    out: Path,
    *,
    name: str,
    rules: TagRules | None = None,
    places: Sequence[PlacePoint] = (),
    radius_km: float = DEFAULT_ATTACH_RADIUS_KM,
    country: str | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Read ``source``, simplify it to junctions and store it at ``out`` as layer ``name``.

    ``out`` is checked before reading (a file caravan did not create is never written) and
    replaced atomically at the end; an interruption leaves it as it was. ``country`` (an
    id such as ``kz``) is the country of nodes outside every known boundary.
    """
    if country is not None and not re.fullmatch(r"[a-z]{2}", country):
        raise OsmImportError(f"country {country!r} is not a two-letter country id such as 'kz'")
    require_own_file(out, FileKind.OSM_LAYER)
    rules = rules or TagRules()
    tell = progress or (lambda _: None)
    extract = read_extract(source, rules, tell)
    if extract.way_ids.size == 0:
        read = extract.counts.get("ways with transport tags", 0)
        raise OsmImportError(
            f"{source}: no way the rules keep ({read} ways with railway, highway or route "
            f"tags read; rules: {rules.describe()}); nothing was written"
        )
    tell(ImportProgress("simplifying to junctions", 0, 1))
    countries = countries_of_extract(extract, country)
    graph = graph_from_extract(extract, countries)
    if graph.edge_count == 0:
        raise OsmImportError(
            f"{source}: the kept ways have no located nodes (an extract cut without its "
            "nodes?); nothing was written"
        )
    tell(ImportProgress("simplifying to junctions", 1, 1))
    tell(ImportProgress("writing the layer", 0, 1))
    meta = {
        "name": name,
        "source_file": source.name,
        "source_bytes": str(source.stat().st_size),
        "imported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "rules": rules.describe(),
        "boundaries": countries.method,
    }
    save_layer(out, graph, meta)
    tell(ImportProgress("writing the layer", 1, 1))
    extent = (
        float(graph.node_lon.min()), float(graph.node_lat.min()),
        float(graph.node_lon.max()), float(graph.node_lat.max()),
    )  # fmt: skip
    inside = [p for p in places if _within(extent, p, radius_km)]
    attachments = attach_places(graph, inside, radius_km)
    return ImportReport(
        read_layer_info(out), tuple(attachments), radius_km, extent, len(places) - len(inside)
    )


def _within(extent: tuple[float, float, float, float], place: PlacePoint, radius_km: float) -> bool:
    """True when the place lies inside the extent grown by the radius (about 111 km/degree)."""
    margin = radius_km / 111.0
    min_lon, min_lat, max_lon, max_lat = extent
    return min_lat - margin <= place.lat <= max_lat + margin and min_lon - margin / max(
        math.cos(math.radians(place.lat)), 0.1
    ) <= place.lon <= max_lon + margin / max(math.cos(math.radians(place.lat)), 0.1)
