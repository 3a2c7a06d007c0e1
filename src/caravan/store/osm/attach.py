"""Attaching places to an imported layer: each place to its nearest node of each layer.

A place attaches only to nodes of its own country (or of no known country), so a border
post is never joined to the neighbour's tracks around the border crossing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from caravan.store.osm.graph import LAYER_NAMES, LayerGraph, NodeRole
from caravan.store.osm.simplify import EARTH_RADIUS_KM

__all__ = ["DEFAULT_ATTACH_RADIUS_KM", "Attachment", "PlacePoint", "attach_places"]

#: A place farther than this from every node of a layer is not attached to that layer.
DEFAULT_ATTACH_RADIUS_KM = 15.0


@dataclass(frozen=True)
class PlacePoint:
    """A place to attach: its id, coordinates and country id."""

    id: str
    lat: float
    lon: float
    country_id: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A place's nearest node on one layer, or why it has none within the radius."""

    place_id: str
    layer: str
    node: int | None  # None: nothing within the radius
    distance_km: float  # to the nearest node of the layer (inf when the layer is empty)


def _unit_vectors(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def attach_places(
    graph: LayerGraph, places: Sequence[PlacePoint], radius_km: float = DEFAULT_ATTACH_RADIUS_KM
) -> list[Attachment]:
    """For each place and each layer present, the nearest junction node (great-circle km)."""
    if not places:
        return []
    places = list(places)
    points = _unit_vectors(np.asarray([p.lat for p in places]), np.asarray([p.lon for p in places]))
    codes = {code: index for index, code in enumerate(graph.country_codes)}
    place_country = np.asarray([codes.get(p.country_id or "", -2) for p in places])
    found: list[Attachment] = []
    junction = graph.node_role == NodeRole.JUNCTION
    for code, layer in enumerate(LAYER_NAMES):
        on_layer = junction & (graph.node_layer == code)
        if not on_layer.any():
            continue
        for country in np.unique(place_country).tolist():
            allowed = on_layer & np.isin(graph.node_country, (country, -1))
            if country == -2:  # a country the layer does not know: any node
                allowed = on_layer
            chosen = np.flatnonzero(place_country == country)
            found += _nearest(graph, np.flatnonzero(allowed), points[chosen],
                              [places[i] for i in chosen], layer, radius_km)  # fmt: skip
    return found


def _nearest(
    graph: LayerGraph,
    nodes: npt.NDArray[np.int64],
    points: npt.NDArray[np.float64],
    places: Sequence[PlacePoint],
    layer: str,
    radius_km: float,
) -> list[Attachment]:
    if nodes.size == 0:
        return [Attachment(p.id, layer, None, float("inf")) for p in places]
    tree = cKDTree(_unit_vectors(graph.node_lat[nodes], graph.node_lon[nodes]))
    chord, nearest = tree.query(points)
    distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(np.asarray(chord) / 2, 0.0, 1.0))
    return [
        Attachment(place.id, layer, int(nodes[index]) if km <= radius_km else None, km)
        for place, km, index in zip(
            places, distance.tolist(), np.asarray(nearest).tolist(), strict=True
        )
    ]
