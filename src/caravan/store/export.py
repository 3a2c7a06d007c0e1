"""Export of the knowledge base to the field's formats: GeoJSON, GeoPackage, CSV, Parquet.

Every file is written in a private temporary folder beside its target and renamed into
place, so an interrupted export never leaves a half-written file under the final name, and
nothing but the named outputs (and parent folders that did not exist) is ever created,
replaced or removed.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from caravan.store._durability import interrupts_deferred
from caravan.store.queries import KnowledgeBase
from caravan.store.schema import TABLES

__all__ = [
    "ExportFormat",
    "atomic_output",
    "export_knowledge_base",
    "geojson_collection",
    "geojson_feature",
    "network_feature_collections",
    "output_folder",
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
    """Write the chosen formats into ``out_dir``; returns the files written.

    ``out_dir`` (and missing parents) is created; an OSError names the path at fault when
    ``out_dir`` is a file, lies under a file, or one of the files to write is a folder.
    """
    with output_folder(out_dir):
        for export_format in formats:
            for name in _file_names(export_format):
                _check_output_file(out_dir / name)
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


#: Longest file name (bytes) the usual file systems accept.
_NAME_MAX = 255


def _file_names(export_format: ExportFormat) -> list[str]:
    """The names of the files one format writes."""
    if export_format is ExportFormat.GEOJSON:
        return [f"{name}.geojson" for name in ("places", "crossings", "links")]
    if export_format is ExportFormat.GEOPACKAGE:
        return ["caravan.gpkg"]
    return [f"{table.name}.{export_format.value}" for table in TABLES]


def _nearest_existing(path: Path) -> Path | None:
    """``path`` or its closest ancestor that exists (None if none does)."""
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return None


def _check_output_file(path: Path) -> None:
    """Refuse an output file that is a folder, a device or pipe, or lies under a file."""
    if path.name in ("", ".", ".."):
        raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", str(path))
    if len(os.fsencode(path.name)) > _NAME_MAX:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    if os.path.lexists(path):
        mode = os.stat(path).st_mode if path.exists() else stat.S_IFLNK
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", str(path))
        if not stat.S_ISREG(mode) and not stat.S_ISLNK(mode):
            raise FileExistsError(
                errno.EEXIST,
                "exists and is not a regular file; caravan will not replace it",
                str(path),
            )
    _check_parent_folders(path.parent)


def _check_parent_folders(folder: Path) -> None:
    """Refuse a folder that is, or lies under, something other than a folder."""
    existing = _nearest_existing(folder)
    if existing is not None and not existing.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is not a folder", str(existing))


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns those created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)][::-1]
    created: list[Path] = []
    try:
        for path in missing:
            path.mkdir()
            created.append(path)
    except BaseException:
        _remove_folders(created)
        raise
    return created


def _remove_folders(created: list[Path]) -> None:
    """Remove folders this process created, innermost first, as long as they are empty."""
    for path in reversed(created):
        try:
            path.rmdir()
        except OSError:
            return


@contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """Make sure ``folder`` is a folder caravan can write into; yields it.

    Raises NotADirectoryError when it (or an ancestor) is a file. Missing folders are
    created and removed again, if still empty, when the body fails.
    """
    _check_parent_folders(folder)
    created = _make_folders(folder)
    try:
        yield folder
    except BaseException:
        _remove_folders(created)
        raise


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary file path; when the body succeeds, rename it onto ``path``.

    ``path`` must not be a folder, a device or a pipe, nor lie under a file (an OSError
    naming the path at fault says so). The temporary file lives in a private folder
    created beside ``path`` and removed afterwards, so a failure leaves nothing behind
    and no other file in the folder is ever touched.
    """
    _check_output_file(path)
    with output_folder(path.parent):
        scratch: Path | None = None
        try:
            # a Ctrl-C between creating the folder and keeping its name would leave it behind
            with interrupts_deferred():
                scratch = Path(
                    tempfile.mkdtemp(prefix=f".{path.name[:40]}.partial-", dir=path.parent)
                )
            temporary = scratch / path.name
            yield temporary
            # kept and tidied as one step: a Ctrl-C just after the rename would otherwise
            # leave the emptied folder behind
            with interrupts_deferred():
                os.replace(temporary, path)
                shutil.rmtree(scratch, ignore_errors=True)
                scratch = None
        except OSError as error:
            if scratch is None or error.filename != str(scratch / path.name):
                raise
            # name the file asked for, not the private temporary
            raise type(error)(error.errno, error.strerror, str(path)) from error
        finally:
            if scratch is not None:
                with interrupts_deferred():  # removed whole, then the Ctrl-C goes on
                    shutil.rmtree(scratch, ignore_errors=True)


def _write_geojson(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    written = []
    for name, collection in network_feature_collections(kb).items():
        path = out_dir / f"{name}.geojson"
        with atomic_output(path) as temporary:
            temporary.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


def _write_geopackage(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    import geopandas as gpd

    path = out_dir / "caravan.gpkg"
    with atomic_output(path) as temporary:
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
        with atomic_output(path) as temporary:
            frame.to_csv(temporary, index=False)
        written.append(path)
    return written


def _write_parquet(kb: KnowledgeBase, out_dir: Path) -> list[Path]:
    written = []
    for name, frame in _frames(kb):
        path = out_dir / f"{name}.parquet"
        with atomic_output(path) as temporary:
            frame.to_parquet(temporary, index=False)
        written.append(path)
    return written


_WRITERS: dict[ExportFormat, Callable[[KnowledgeBase, Path], list[Path]]] = {
    ExportFormat.GEOJSON: _write_geojson,
    ExportFormat.GEOPACKAGE: _write_geopackage,
    ExportFormat.CSV: _write_csv,
    ExportFormat.PARQUET: _write_parquet,
}
