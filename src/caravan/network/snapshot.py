"""The compiled network of one date: nodes per place and layer, edges as flat arrays.

A snapshot is built once per (knowledge base, date, scenario, settings) and cached. Edges
are kept as parallel numpy arrays (source, target, time, cost, length, kind …); weight
matrices in CSR form are derived from them on demand by the routing kernels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from caravan.network.layers import EdgeKind, Layer
from caravan.network.parameters import CostParameters, Parameter

__all__ = ["EdgeRecord", "NetworkSnapshot"]


@dataclass(frozen=True)
class EdgeRecord:
    """What one edge stands for, for itineraries: its record id and the sources of its figures."""

    kind: EdgeKind
    ref_id: str | None  # link id, crossing id or transfer kind
    country_ids: tuple[str, ...]
    gauge_change: bool
    parameters: tuple[Parameter, ...]
    handling_time_h: float = 0.0  # part of a crossing's time spent on gauge change / transload
    handling_cost_usd: float = 0.0


@dataclass
class NetworkSnapshot:
    """Nodes, edges and their costs for one date; read-only once built."""

    date: dt.date
    parameters: CostParameters
    node_place: list[str]
    node_layer: list[Layer | None]
    origin_node: dict[str, int]
    destination_node: dict[str, int]
    source: npt.NDArray[np.int32]
    target: npt.NDArray[np.int32]
    time_h: npt.NDArray[np.float64]
    cost_usd: npt.NDArray[np.float64]
    length_km: npt.NDArray[np.float64]
    kind: npt.NDArray[np.int8]
    mode: list[str | None]
    records: list[EdgeRecord]
    closures: dict[str, str] = field(default_factory=dict)
    place_country: dict[str, str] = field(default_factory=dict)
    #: low and high ends of each edge's time and cost (see caravan.network.timemodel)
    time_h_low: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    time_h_high: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    cost_usd_low: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    cost_usd_high: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    @property
    def node_count(self) -> int:
        """Number of nodes (layer nodes plus origin and destination nodes)."""
        return len(self.node_place)

    @property
    def edge_count(self) -> int:
        """Number of directed edges."""
        return int(self.source.size)

    def layer_nodes(self, place_id: str) -> list[int]:
        """Nodes of a place's layers (not its origin/destination nodes)."""
        return [
            n
            for n, (p, layer) in enumerate(zip(self.node_place, self.node_layer, strict=True))
            if p == place_id and layer is not None
        ]
