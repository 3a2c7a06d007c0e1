"""Country shapes for checking that coordinates lie in the right country.

Polygons come from Natural Earth 1:10m, installed from the npm registry as the
``world-atlas`` package (TopoJSON) by the setup command. Where that package is not
installed, the check falls back to country bounding boxes derived from the same data.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "BOUNDARIES_ENV",
    "CountryShapes",
    "boundary_file",
    "country_shapes",
]

#: Environment variable naming a world-atlas TopoJSON file to use instead of the default.
BOUNDARIES_ENV = "CARAVAN_BOUNDARIES"

_ISO_NUMERIC = {
    "cn": "156",
    "kz": "398",
    "kg": "417",
    "tj": "762",
    "tm": "795",
    "uz": "860",
    "az": "031",
    "ir": "364",
    "ru": "643",
    "af": "004",
}

# Bounding boxes (min_lon, min_lat, max_lon, max_lat) computed from Natural Earth 1:10m
# (world-atlas 2.0.2, countries-10m.json) with `python -m caravan.store.boundaries`.
_BBOXES: dict[str, tuple[float, float, float, float]] = {
    "cn": (73.60, 15.78, 134.77, 53.57),
    "kz": (46.48, 40.58, 87.32, 55.43),
    "kg": (69.23, 39.19, 80.26, 43.26),
    "tj": (67.34, 36.68, 75.16, 41.04),
    "tm": (52.44, 35.14, 66.65, 42.79),
    "uz": (55.98, 37.18, 73.15, 45.56),
    "az": (44.78, 38.39, 50.63, 41.89),
    "ir": (44.02, 25.06, 63.32, 39.77),
    "ru": (-180.0, 41.19, 180.0, 81.86),
    "af": (60.49, 29.39, 74.89, 38.47),
}

_KM_PER_DEGREE_LAT = 110.57
_KM_PER_DEGREE_LON_EQUATOR = 111.32


def boundary_file() -> Path | None:
    """The world-atlas countries file in use, or None when it is not installed."""
    configured = os.environ.get(BOUNDARIES_ENV)
    if configured:
        path = Path(configured)
        return path if path.exists() else None
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "node_modules" / "world-atlas" / "countries-10m.json"
        if candidate.exists():
            return candidate
    return None


@dataclass(frozen=True)
class CountryShapes:
    """Country geometries (or boxes) answering 'how far outside country X is this point?'."""

    method: str
    geometries: dict[str, Any]

    def km_outside(self, country_id: str, lat: float, lon: float) -> float | None:
        """Distance in km from the point to the country (0 inside); None if unknown country."""
        if self.method == "bbox":
            box = _BBOXES.get(country_id)
            if box is None:
                return None
            return _km_outside_box(box, lat, lon)
        geometry = self.geometries.get(country_id)
        if geometry is None:
            return None
        import shapely

        point = shapely.Point(lon, lat)
        if geometry.contains(point):
            return 0.0
        return _km_between(geometry, point, lat)

    def country_at(self, lat: float, lon: float) -> str | None:
        """The country containing the point, if any of those known."""
        for country_id in self.geometries if self.method == "polygons" else _BBOXES:
            if self.km_outside(country_id, lat, lon) == 0.0:
                return country_id
        return None


@lru_cache(maxsize=4)
def country_shapes(path: Path | None = None) -> CountryShapes:
    """Load the country shapes once per file; bounding boxes when no file is installed."""
    path = path or boundary_file()
    if path is None:
        return CountryShapes("bbox", {})
    return CountryShapes("polygons", _decode_topojson(path, _ISO_NUMERIC))


def _km_outside_box(box: tuple[float, float, float, float], lat: float, lon: float) -> float:
    min_lon, min_lat, max_lon, max_lat = box
    d_lat = max(min_lat - lat, 0.0, lat - max_lat) * _KM_PER_DEGREE_LAT
    d_lon = max(min_lon - lon, 0.0, lon - max_lon) * _KM_PER_DEGREE_LON_EQUATOR
    return math.hypot(d_lat, d_lon * math.cos(math.radians(lat)))


def _km_between(geometry: Any, point: Any, lat: float) -> float:
    """Distance in km, on a local equirectangular projection around the point."""
    import shapely
    from shapely import affinity

    x_scale = _KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(lat))
    nearby = shapely.box(point.x - 3, point.y - 3, point.x + 3, point.y + 3).intersection(geometry)
    if nearby.is_empty:
        nearby = geometry
    scaled = affinity.scale(nearby, x_scale, _KM_PER_DEGREE_LAT, origin=(0, 0))
    scaled_point = affinity.scale(point, x_scale, _KM_PER_DEGREE_LAT, origin=(0, 0))
    return float(scaled.distance(scaled_point))


def _decode_topojson(path: Path, wanted: dict[str, str]) -> dict[str, Any]:
    """Decode the wanted countries of a world-atlas TopoJSON file into shapely geometries."""
    import shapely

    topology = json.loads(path.read_text(encoding="utf-8"))
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indices: Sequence[int]) -> list[tuple[float, float]]:
        coords: list[tuple[float, float]] = []
        for index in indices:
            points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            coords.extend(points if not coords else points[1:])
        return coords

    by_numeric = {numeric: country for country, numeric in wanted.items()}
    shapes: dict[str, Any] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = by_numeric.get(str(geometry.get("id")))
        if country is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = [
            shapely.Polygon(ring(rings[0]), [ring(hole) for hole in rings[1:]])
            for rings in polygons
        ]
        shape = shapely.make_valid(shapely.MultiPolygon(parts))
        shapely.prepare(shape)
        shapes[country] = shape
    return shapes


def _print_bboxes() -> None:  # pragma: no cover - maintenance helper
    shapes = country_shapes()
    for country, geometry in shapes.geometries.items():
        print(country, tuple(round(v, 2) for v in geometry.bounds))


if __name__ == "__main__":  # pragma: no cover
    _print_bboxes()
