"""Imported layers on disk: one SQLite file per layer, caravan's own, written atomically.

The graph's arrays are stored one per row as raw bytes (fast to write and read at millions
of edges), with the layer's description in ``meta`` and the crossings' labels beside them.
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
LAYER_FORMAT = 2
LAYER_SUFFIX = ".layer.sqlite"
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE arrays (
    name TEXT PRIMARY KEY, dtype TEXT NOT NULL, length INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE crossings (edge INTEGER PRIMARY KEY, label TEXT NOT NULL);
"""

#: The graph's arrays, stored one per row as raw little-endian bytes.
_NODE_ARRAYS = ("node_osm_id", "node_layer", "node_lon", "node_lat", "node_country", "node_role")
_EDGE_ARRAYS = (
    "edge_u", "edge_v", "edge_type", "edge_length_km", "edge_way_id", "edge_country",
    "edge_country_b",
)  # fmt: skip


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
        stored = {
            **meta,
            "format": str(LAYER_FORMAT),
            "layers": json.dumps(LAYER_NAMES),
            "countries": json.dumps(graph.country_codes),
            "counts": json.dumps(graph.counts),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(stored.items()))
        for name in (*_NODE_ARRAYS, *_EDGE_ARRAYS):
            values = np.ascontiguousarray(getattr(graph, name))
            little = values.astype(values.dtype.newbyteorder("<"), copy=False)
            connection.execute(
                "INSERT INTO arrays VALUES (?, ?, ?, ?)",
                (name, little.dtype.str, int(values.size), little.tobytes()),
            )
        connection.executemany(
            "INSERT INTO crossings VALUES (?, ?)", sorted(graph.crossing_labels.items())
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
        rows = connection.execute("SELECT name, dtype, length, data FROM arrays").fetchall()
        labels = dict(connection.execute("SELECT edge, label FROM crossings").fetchall())
    finally:
        connection.close()
    arrays = {
        name: np.frombuffer(data, dtype=np.dtype(dtype)).astype(np.dtype(dtype).newbyteorder("="))
        for name, dtype, _, data in rows
    }
    missing = [n for n in (*_NODE_ARRAYS, *_EDGE_ARRAYS) if n not in arrays]
    nodes = {arrays[n].size for n in _NODE_ARRAYS if n in arrays}
    edges = {arrays[n].size for n in _EDGE_ARRAYS if n in arrays}
    if (
        missing
        or len(nodes) > 1
        or len(edges) > 1
        or json.loads(meta["layers"]) != list(LAYER_NAMES)
    ):
        raise OsmImportError(f"{path} is a damaged layer file: import the extract again")
    return LayerGraph(
        **{name: arrays[name] for name in (*_NODE_ARRAYS, *_EDGE_ARRAYS)},
        country_codes=json.loads(meta["countries"]),
        crossing_labels={int(edge): str(label) for edge, label in labels.items()},
        counts=json.loads(meta.get("counts", "{}")),
    )
