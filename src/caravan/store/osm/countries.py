"""Which country each imported node lies in: the file's own boundaries, else Natural Earth.

A file that carries country boundary relations (``admin_level=2`` with an ISO 3166-1
code) is read with them, for the countries whose boundary closes into an area; the
Natural Earth polygons caravan installs (``caravan.store.boundaries``) stand in for the
other countries. Bounding boxes overlap, so without polygons (world-atlas not installed)
only the file's countries are known, and borders elsewhere come from
``barrier=border_control`` nodes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from caravan.store.boundaries import country_shapes
from caravan.store.osm.reader import RawExtract

__all__ = ["CountryLookup", "countries_of_extract"]

#: Country index of a node outside every known boundary.
NO_COUNTRY = -1


@dataclass(frozen=True)
class CountryLookup:
    """Country polygons by id, and where they come from."""

    method: str  # "file", "natural-earth" or "none"
    geometries: dict[str, Any]
    default: str | None = None  # the country of a node outside every known boundary

    @property
    def codes(self) -> list[str]:
        """Country ids in index order."""
        return sorted(set(self.geometries) | ({self.default} if self.default else set()))

    def index_of(
        self, lon: npt.NDArray[np.float64], lat: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.int16]:
        """The index (in :attr:`codes`) of the country of each point, or -1 outside all."""
        found = np.full(lon.size, NO_COUNTRY, dtype=np.int16)
        for index, code in enumerate(self.codes):
            geometry = self.geometries[code]
            min_lon, min_lat, max_lon, max_lat = geometry.bounds
            candidates = np.flatnonzero(
                (found == NO_COUNTRY)
                & (lon >= min_lon) & (lon <= max_lon) & (lat >= min_lat) & (lat <= max_lat)
            )  # fmt: skip
            inside = shapely.contains_xy(geometry, lon[candidates], lat[candidates])
            found[candidates[inside]] = index
        if self.default is not None:
            found[found == NO_COUNTRY] = self.codes.index(self.default)
        return found


def countries_of_extract(extract: RawExtract, default: str | None = None) -> CountryLookup:
    """The file's country boundaries where they close; Natural Earth's for the other countries.

    A country extract carries its own boundary whole but its neighbours' only in part, so
    the neighbours come from Natural Earth, less the file's countries (no overlap). With
    ``default``, a node outside every known boundary is taken to lie in that country.
    """
    found = _countries_of_extract(extract)
    if default is None:
        return found
    return CountryLookup(f"{found.method}; elsewhere {default}", found.geometries, default)


def _countries_of_extract(extract: RawExtract) -> CountryLookup:
    from_file = _file_boundaries(extract)
    shapes = country_shapes()
    if shapes.method != "polygons":
        return CountryLookup("file" if from_file else "none", from_file)
    if not from_file:
        return CountryLookup("natural-earth", dict(shapes.geometries))
    covered = shapely.union_all(list(from_file.values()))
    merged = dict(from_file)
    for code, geometry in shapes.geometries.items():
        if code not in merged:
            rest = shapely.difference(geometry, covered)
            if not rest.is_empty:
                shapely.prepare(rest)
                merged[code] = rest
    return CountryLookup("file, others from natural-earth", merged)


def _file_boundaries(extract: RawExtract) -> dict[str, Any]:
    rings = extract.boundaries
    found: dict[str, Any] = {}
    for country, members in rings.way_members.items():
        lines = []
        for way_id in members:
            refs = rings.way_refs.get(way_id)
            if refs is None or refs.size < 2:
                continue
            index = np.searchsorted(extract.node_ids, refs)
            index = np.minimum(index, extract.node_ids.size - 1)
            if not np.all(extract.node_ids[index] == refs):
                continue  # a member cut off by the extract
            lines.append(
                shapely.linestrings(
                    np.column_stack((extract.node_lon[index], extract.node_lat[index]))
                )
            )
        if not lines:
            continue
        area = shapely.build_area(shapely.line_merge(shapely.union_all(lines)))
        if area.is_empty:
            continue
        shapely.prepare(area)
        found[country] = area
    return found
