"""The knowledge base's freight-demand figures, looked up by quantity, year and partner.

A figure for another year than the one asked is used only where the quantity allows it
(load factors, densities); the lookup says which year it took, so the result can note it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from caravan.errors import CaravanError
from caravan.model import FreightFactor, FreightQuantity, TradeFlowKind, ZoneWeight
from caravan.store import KnowledgeBase

__all__ = ["DemandFactors", "FactorValue", "MissingFactorError", "load_demand_factors"]

R = TypeVar("R")


class MissingFactorError(LookupError, CaravanError):
    """A freight-demand figure the knowledge base does not hold."""


@dataclass(frozen=True)
class FactorValue:
    """A figure and what it rests on: its source ids and the year of the row taken."""

    value: float
    sources: tuple[str, ...]
    year: int | None


@dataclass(frozen=True)
class DemandFactors:
    """Every freight factor and zone weight of a knowledge base."""

    factors: tuple[FreightFactor, ...]
    zones: tuple[ZoneWeight, ...]

    def rows(
        self,
        quantity: FreightQuantity,
        *,
        partner: str | None = None,
        direction: TradeFlowKind | None = None,
    ) -> list[FreightFactor]:
        """Rows of one quantity, narrowed to a partner and direction when given."""
        return [
            f
            for f in self.factors
            if f.quantity == quantity
            and (partner is None or f.partner_id == partner)
            and (direction is None or f.direction == direction)
        ]

    def nearest(
        self,
        quantity: FreightQuantity,
        year: int,
        *,
        partner: str | None = None,
        direction: TradeFlowKind | None = None,
    ) -> FactorValue:
        """The row for ``year`` or, failing that, the nearest year (the later on a tie).

        A partner- or direction-specific row beats a general one (partner or direction
        empty) of the same quantity.
        """
        candidates = [
            f
            for f in self.rows(quantity)
            if f.partner_id in (partner, None) and f.direction in (direction, None)
        ]
        if not candidates:
            wanted = " ".join(str(x) for x in (quantity.value, partner, direction) if x)
            raise MissingFactorError(f"freight_factors has no row for {wanted}")

        def rank(f: FreightFactor) -> tuple[int, int, int, int]:
            specific = (f.partner_id is None) + (f.direction is None)
            distance = 0 if f.year is None else abs(f.year - year)
            return (specific, distance, -(f.year or 0), 0)

        best = min(candidates, key=rank)
        return FactorValue(best.value, best.source, best.year)

    def exact(self, quantity: FreightQuantity, year: int) -> list[FreightFactor]:
        """Rows of one quantity for exactly ``year``."""
        return [f for f in self.rows(quantity) if f.year == year]


def load_demand_factors(kb: KnowledgeBase) -> DemandFactors:
    """Read the freight factors and zone weights tables."""
    factors = tuple(_typed(kb.all("freight_factors"), FreightFactor))
    zones = tuple(_typed(kb.all("zone_weights"), ZoneWeight))
    return DemandFactors(factors, zones)


def _typed(records: Iterable[object], kind: type[R]) -> list[R]:
    return [r for r in records if isinstance(r, kind)]
