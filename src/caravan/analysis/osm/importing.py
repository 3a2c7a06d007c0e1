"""Importing an OSM extract for a knowledge base: its places attach, its folder keeps the layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from caravan.analysis.osm.layers import layer_folder
from caravan.store import KnowledgeBase
from caravan.store.osm import (
    DEFAULT_ATTACH_RADIUS_KM,
    ImportProgress,
    ImportReport,
    OsmImportError,
    PlacePoint,
    TagRules,
    import_osm,
    layer_path,
)

__all__ = ["import_layer", "place_points"]


def place_points(kb: KnowledgeBase) -> list[PlacePoint]:
    """The knowledge base's places as points to attach."""
    return [PlacePoint(p.id, p.lat, p.lon, p.country_id) for p in kb.places()]


def import_layer(
    kb: KnowledgeBase,
    source: Path,
    name: str,
    *,
    out: Path | None = None,
    rules: TagRules | None = None,
    radius_km: float | None = None,
    country: str | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
) -> ImportReport:
    """Import ``source`` as layer ``name`` (in the layers folder unless ``out``), places attached.

    ``country``: a knowledge-base country id, the country of nodes outside every boundary.
    """
    known = sorted(c.id for c in kb.countries())
    if country is not None and country not in known:
        raise OsmImportError(
            f"unknown country {country!r}; the knowledge base has {', '.join(known)}"
        )
    target = out if out is not None else layer_path(layer_folder(kb.path), name)
    if out is not None:
        layer_path(out.parent, name)  # the name is checked even when the path is given
    return import_osm(
        source,
        target,
        name=name,
        rules=rules,
        places=place_points(kb),
        radius_km=radius_km if radius_km is not None else DEFAULT_ATTACH_RADIUS_KM,
        country=country,
        progress=progress,
    )
