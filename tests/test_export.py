"""Exports in the field's formats can be read back by the field's tools."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pyogrio

from caravan import Observatory
from caravan.api import ExportFormat
from caravan.store.schema import TABLES


def test_geojson_has_points_and_lines_in_lon_lat(mini: Observatory, tmp_path: Path) -> None:
    mini.export(tmp_path, [ExportFormat.GEOJSON])
    places = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    almaty = next(f for f in places["features"] if f["id"] == "kz-almaty")
    assert almaty["geometry"] == {"type": "Point", "coordinates": [76.89, 43.24]}
    assert almaty["properties"]["source"] == ["src-test-atlas"]
    links = json.loads((tmp_path / "links.geojson").read_text(encoding="utf-8"))
    assert {f["geometry"]["type"] for f in links["features"]} == {"LineString"}
    crossings = json.loads((tmp_path / "crossings.geojson").read_text(encoding="utf-8"))
    assert len(crossings["features"]) == 4


def test_geopackage_has_three_layers(mini: Observatory, tmp_path: Path) -> None:
    [path] = mini.export(tmp_path, [ExportFormat.GEOPACKAGE])
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert layers == {"places", "crossings", "links"}
    info = pyogrio.read_info(path, layer="links")
    assert info["features"] == 9
    assert "EPSG:4326" in info["crs"]


def test_csv_and_parquet_hold_every_table(mini: Observatory, tmp_path: Path) -> None:
    written = mini.export(tmp_path, [ExportFormat.CSV, ExportFormat.PARQUET])
    assert len(written) == 2 * len(TABLES)
    with (tmp_path / "trade.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    table = pq.read_table(tmp_path / "places.parquet")
    assert table.num_rows == 8
    assert "name_zh" in table.column_names
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]
