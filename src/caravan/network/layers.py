"""Layers of the multimodal network and kinds of edges between them."""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = ["EdgeKind", "Layer"]


class Layer(StrEnum):
    """A network layer: each place has one node per layer it touches."""

    RAIL_1435 = "rail_1435"
    RAIL_1520 = "rail_1520"
    ROAD = "road"
    SEA = "sea"

    @property
    def mode(self) -> str:
        """Transport mode of the layer (rail, road, ferry)."""
        return {"rail_1435": "rail", "rail_1520": "rail", "road": "road", "sea": "ferry"}[
            self.value
        ]

    @property
    def gauge_mm(self) -> int | None:
        """Rail gauge of the layer, or None."""
        return {"rail_1435": 1435, "rail_1520": 1520}.get(self.value)

    @classmethod
    def of(cls, mode: str, gauge_mm: int | None = None) -> Layer:
        """The layer of a link of this mode and gauge."""
        if mode == "rail":
            return cls.RAIL_1435 if gauge_mm == 1435 else cls.RAIL_1520
        return cls.ROAD if mode == "road" else cls.SEA


class EdgeKind(IntEnum):
    """What an edge of the compiled network stands for."""

    LINK = 0  # running along a rail, road or ferry link
    CROSSING = 1  # clearing a border crossing (with gauge change / transload when needed)
    TRANSFER = 2  # changing layer inside a place (terminal handling, gauge transshipment)
    ACCESS = 3  # entering the network at the origin
    EGRESS = 4  # leaving the network at the destination
