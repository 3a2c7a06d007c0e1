"""Export of the knowledge base to the field's formats: GeoJSON, GeoPackage, CSV, Parquet.

Every file is written beside its target and renamed into place, so an interrupted export
never leaves a half-written file under the final name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from caravan.store.queries import KnowledgeBase
from caravan.store.schema import TABLES

__all__ = [
    "ExportFormat",
    "export_knowledge_base",
    "geojson_collection",
    "geojson_feature",
    "network_feature_collections",
]


class ExportFormat(StrEnum):
    """Formats the knowledge base can be written to."""

    GEOJSON = "geojson"
    GEOPACKAGE = "gpkg"
    CSV = "csv"
    PARQUET = "parquet"


def export_knowledge_base(
    kb: KnowledgeBase,
    out_dir: Path,
    formats: list[ExportFormat],
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the chosen formats into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for export_format in formats:
        if progress:
            progress(export_format.value)
        written.extend(_WRITERS[export_format](kb, out_dir))
    return written


def network_feature_collections(kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    """GeoJSON FeatureCollections of places, crossings and links (lon/lat, WGS84)."""
    places = {p.id: p for p in kb.places()}
    place_features = [
        geojson_feature(
            {"type": "Point", "coordinates": [p.lon, p.lat]},
            p.model_dump(mode="json", exclude={"lat", "lon"}),
        )
        for p in places.values()
    ]
    crossing_features = []
    for crossing in kb.crossings():
        a, b = places[crossing.post_a_id], places[crossing.post_b_id]
        point = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2]
        crossing_features.append(
            geojson_feature(
                {"type": "Point", "coordinates": point}, crossing.model_dump(mode="json")
            )
        )
    link_features = []
    for link in kb.links():
        a, b = places[link.from_id], places[link.to_id]
        line = [[a.lon, a.lat], [b.lon, b.lat]]
        link_features.append(
            geojson_feature(
                {"type": "LineString", "coordinates": line}, link.model_dump(mode="json")
            )
        )
    return {
        "places": geojson_collection(place_features),
        "crossings": geojson_collection(crossing_features),
        "links": geojson_collection(link_features),
    }


def geojson_feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature whose id is the record's id."""
    return {
        "type": "Feature",
        "id": properties.get("id"),
        "geometry": geometry,
        "properties": properties,
    }


def geojson_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": features}


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    temporary = path.with_name(f".{path.stem}.partial-{os.getpid()}{path.suffix}")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_geojson(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    written = []
    for name, collection in network_feature_collections(kb).items():
        path = out_dir / f"{name}.geojson"
        with _atomic(path) as temporary:
            temporary.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


def _write_geopackage(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    import geopandas as gpd

    path = out_dir / "caravan.gpkg"
    with _atomic(path) as temporary:
        for name, collection in network_feature_collections(kb).items():
            frame = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
            for column in frame.columns:
                if column != "geometry" and frame[column].map(lambda v: isinstance(v, list)).any():
                    frame[column] = frame[column].map(
                        lambda v: "|".join(map(str, v)) if isinstance(v, list) else v
                    )
            frame.to_file(temporary, layer=name, driver="GPKG", engine="pyogrio")
    return [path]


def _frames(kb: KnowledgeBase) -> Iterator[tuple[str, Any]]:
    import pandas as pd

    for table in TABLES:
        rows = kb.rows_as_dicts(table.name)
        frame = pd.DataFrame(rows, columns=["_key", "_file", "_row", *table.fields])
        for column in frame.columns:
            kinds = {type(v) for v in frame[column] if v is not None and v == v}
            if str in kinds and len(kinds) > 1:  # e.g. an assumption's value: a number or a text
                frame[column] = frame[column].map(lambda v: None if v is None or v != v else str(v))
        yield table.name, frame.drop(columns=["_key"])


def _write_csv(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    written = []
    for name, frame in _frames(kb):
        path = out_dir / f"{name}.csv"
        with _atomic(path) as temporary:
            frame.to_csv(temporary, index=False)
        written.append(path)
    return written


def _write_parquet(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    written = []
    for name, frame in _frames(kb):
        path = out_dir / f"{name}.parquet"
        with _atomic(path) as temporary:
            frame.to_parquet(temporary, index=False)
        written.append(path)
    return written


_WRITERS: dict[ExportFormat, Callable[[KnowledgeBase, Path], list[Path]]] = {
    ExportFormat.GEOJSON: _write_geojson,
    ExportFormat.GEOPACKAGE: _write_geopackage,
    ExportFormat.CSV: _write_csv,
    ExportFormat.PARQUET: _write_parquet,
}
