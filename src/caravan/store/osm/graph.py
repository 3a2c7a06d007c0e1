"""An imported network layer: junction nodes and edges as flat arrays, ready to store."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np
import numpy.typing as npt

__all__ = ["LAYER_NAMES", "EdgeType", "LayerGraph", "NodeRole"]

#: Layer of each node, by code (the names are caravan.network.layers.Layer values).
LAYER_NAMES = ("rail_1435", "rail_1520", "road", "sea")


class EdgeType(IntEnum):
    """What an imported edge is."""

    LINK = 0  # along rail, road or ferry ways, between junctions
    CROSSING = 1  # a border crossing: country boundary or barrier=border_control
    GAUGE_CHANGE = 2  # tracks of 1,435 and 1,520 mm meeting at a node
    PORT = 3  # a ferry route meeting a road or rail at a node


class NodeRole(IntEnum):
    """Whether a node is a junction of the ways or one side of a border crossing."""

    JUNCTION = 0
    CROSSING_SIDE = 1


@dataclass
class LayerGraph:
    """Nodes (OSM id, layer, location, country) and undirected edges of an imported layer."""

    node_osm_id: npt.NDArray[np.int64]
    node_layer: npt.NDArray[np.int8]  # index into LAYER_NAMES
    node_lon: npt.NDArray[np.float64]
    node_lat: npt.NDArray[np.float64]
    node_country: npt.NDArray[np.int16]  # index into country_codes, -1 unknown
    node_role: npt.NDArray[np.int8]
    edge_u: npt.NDArray[np.int32]
    edge_v: npt.NDArray[np.int32]
    edge_type: npt.NDArray[np.int8]
    edge_length_km: npt.NDArray[np.float64]
    edge_way_id: npt.NDArray[np.int64]  # 0 for crossings and transfers
    edge_country: npt.NDArray[np.int16]  # country of a link; the first side of a crossing
    edge_country_b: npt.NDArray[np.int16]  # the other side of a crossing (else = edge_country)
    country_codes: list[str]
    crossing_labels: dict[int, str] = field(default_factory=dict)  # edge index -> label
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return int(self.node_osm_id.size)

    @property
    def edge_count(self) -> int:
        """Number of undirected edges."""
        return int(self.edge_u.size)

    def country(self, index: int) -> str | None:
        """The country id of a country index, or None for -1."""
        return self.country_codes[index] if index >= 0 else None
