"""Imported layers on disk: one SQLite file per layer, caravan's own, written atomically.

The file carries caravan's layer application id; a path holding anything else is never
written. A layer is written to a temporary file beside its destination and moved over it
only once complete, so an interruption (Ctrl-C) leaves the previous file, or none.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from caravan.store.osm.errors import OsmImportError
from caravan.store.osm.graph import LAYER_NAMES, LayerGraph
from caravan.store.ownership import OSM_LAYER_APPLICATION_ID, FileKind, require_own_file

__all__ = [
    "LAYER_FORMAT",
    "LAYER_SUFFIX",
    "LayerInfo",
    "layer_path",
    "load_layer",
    "read_layer_info",
    "save_layer",
]

#: Bump when the tables of a layer file change.
LAYER_FORMAT = 1
LAYER_SUFFIX = ".layer.sqlite"
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (
    id INTEGER PRIMARY KEY, osm_id INTEGER NOT NULL, layer TEXT NOT NULL,
    lon REAL NOT NULL, lat REAL NOT NULL, country TEXT, role INTEGER NOT NULL);
CREATE TABLE edges (
    id INTEGER PRIMARY KEY, u INTEGER NOT NULL, v INTEGER NOT NULL, type INTEGER NOT NULL,
    length_km REAL NOT NULL, way_id INTEGER NOT NULL, country TEXT, country_b TEXT,
    label TEXT);
"""


@dataclass(frozen=True)
class LayerInfo:
    """What a stored layer is: its name, where it came from, the rules and the counts."""

    name: str
    path: Path
    source_file: str
    imported_at: str
    rules: str
    boundaries: str
    counts: dict[str, int]


def layer_path(folder: Path, name: str) -> Path:
    """Where a layer named ``name`` lives in ``folder``; the name must be a slug."""
    if not _NAME.match(name):
        raise OsmImportError(
            f"layer name {name!r} is not a slug: use lower-case letters, digits and hyphens "
            "(e.g. 'kz-rail')"
        )
    return folder / f"{name}{LAYER_SUFFIX}"


def save_layer(path: Path, graph: LayerGraph, meta: dict[str, str]) -> Path:
    """Write ``graph`` to ``path`` atomically (temporary file, then replace); returns ``path``."""
    require_own_file(path, FileKind.OSM_LAYER)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _write(temporary, graph, meta)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return path


def _write(path: Path, graph: LayerGraph, meta: dict[str, str]) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA application_id = {OSM_LAYER_APPLICATION_ID}")
        connection.execute("PRAGMA journal_mode = OFF")  # a temporary file: replaced or removed
        connection.executescript(_SCHEMA)
        connection.execute("BEGIN")
        codes = graph.country_codes
        stored = {
            **meta,
            "format": str(LAYER_FORMAT),
            "countries": json.dumps(codes),
            "counts": json.dumps(graph.counts),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(stored.items()))
        country = [codes[c] if c >= 0 else None for c in range(-1, len(codes))]
        connection.executemany(
            "INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?)",
            zip(
                range(graph.node_count),
                graph.node_osm_id.tolist(),
                (LAYER_NAMES[i] for i in graph.node_layer.tolist()),
                graph.node_lon.tolist(),
                graph.node_lat.tolist(),
                (country[c + 1] for c in graph.node_country.tolist()),
                graph.node_role.tolist(),
                strict=True,
            ),
        )
        labels = graph.crossing_labels
        connection.executemany(
            "INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            zip(
                range(graph.edge_count),
                graph.edge_u.tolist(),
                graph.edge_v.tolist(),
                graph.edge_type.tolist(),
                graph.edge_length_km.tolist(),
                graph.edge_way_id.tolist(),
                (country[c + 1] for c in graph.edge_country.tolist()),
                (country[c + 1] for c in graph.edge_country_b.tolist()),
                (labels.get(e) for e in range(graph.edge_count)),
                strict=True,
            ),
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


def _open(path: Path) -> sqlite3.Connection:
    kind = require_own_file(path, FileKind.OSM_LAYER)
    if kind is FileKind.ABSENT:
        raise OsmImportError(f"no layer at {path}: import one with `caravan osm import`")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.execute("PRAGMA query_only = ON")
    return connection


def _meta(connection: sqlite3.Connection, path: Path) -> dict[str, str]:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != str(LAYER_FORMAT):
        raise OsmImportError(
            f"{path} is a layer of format {meta.get('format')}, this caravan reads format "
            f"{LAYER_FORMAT}: import it again"
        )
    return meta


def read_layer_info(path: Path) -> LayerInfo:
    """The description of the layer stored at ``path`` (not its graph)."""
    connection = _open(path)
    try:
        meta = _meta(connection, path)
    finally:
        connection.close()
    return LayerInfo(
        name=meta.get("name", path.name.removesuffix(LAYER_SUFFIX)),
        path=path,
        source_file=meta.get("source_file", ""),
        imported_at=meta.get("imported_at", ""),
        rules=meta.get("rules", ""),
        boundaries=meta.get("boundaries", ""),
        counts=json.loads(meta.get("counts", "{}")),
    )


def load_layer(path: Path) -> LayerGraph:
    """The graph of the layer stored at ``path``."""
    connection = _open(path)
    try:
        meta = _meta(connection, path)
        codes: list[str] = json.loads(meta["countries"])
        index = {code: i for i, code in enumerate(codes)}
        nodes = connection.execute(
            "SELECT osm_id, layer, lon, lat, country, role FROM nodes ORDER BY id"
        ).fetchall()
        edges = connection.execute(
            "SELECT u, v, type, length_km, way_id, country, country_b, label FROM edges ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    layer_code = {name: i for i, name in enumerate(LAYER_NAMES)}
    node_columns = list(zip(*nodes, strict=True)) if nodes else [()] * 6
    edge_columns = list(zip(*edges, strict=True)) if edges else [()] * 8
    return LayerGraph(
        node_osm_id=np.asarray(node_columns[0], dtype=np.int64),
        node_layer=np.asarray([layer_code[n] for n in node_columns[1]], dtype=np.int8),
        node_lon=np.asarray(node_columns[2], dtype=np.float64),
        node_lat=np.asarray(node_columns[3], dtype=np.float64),
        node_country=np.asarray([index.get(c, -1) for c in node_columns[4]], dtype=np.int16),
        node_role=np.asarray(node_columns[5], dtype=np.int8),
        edge_u=np.asarray(edge_columns[0], dtype=np.int32),
        edge_v=np.asarray(edge_columns[1], dtype=np.int32),
        edge_type=np.asarray(edge_columns[2], dtype=np.int8),
        edge_length_km=np.asarray(edge_columns[3], dtype=np.float64),
        edge_way_id=np.asarray(edge_columns[4], dtype=np.int64),
        edge_country=np.asarray([index.get(c, -1) for c in edge_columns[5]], dtype=np.int16),
        edge_country_b=np.asarray([index.get(c, -1) for c in edge_columns[6]], dtype=np.int16),
        country_codes=codes,
        crossing_labels={e: label for e, label in enumerate(edge_columns[7]) if label},
        counts=json.loads(meta.get("counts", "{}")),
    )
