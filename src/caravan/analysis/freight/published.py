"""Modelled loads per crossing beside the volumes sources publish, with the error per crossing.

A crossing's published volume is its ``throughput_mt_per_year`` observation (a volume,
not a capacity) nearest in year to the assignment's year, the later one on a tie; its
year is shown. A total over several crossings is compared where a source publishes one
(China–Kazakhstan rail freight, all rail crossings between the two countries).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from caravan.analysis.freight.results import FreightAssignment
from caravan.model import Quantity
from caravan.store import KnowledgeBase

__all__ = ["PublishedTotal", "PublishedVolume", "loads_against_published"]


@dataclass(frozen=True)
class PublishedTotal:
    """A published volume over every rail (or road) crossing between two countries."""

    label: str
    mode: str
    countries: frozenset[str]
    mt_per_year: float
    year: int
    source: str


#: Totals published for several crossings at once (each row cites its source).
PUBLISHED_TOTALS = (
    PublishedTotal(
        "China–Kazakhstan rail, all crossings",
        "rail",
        frozenset({"cn", "kz"}),
        32.0,
        2024,
        "src-demand-astanatimes-kz-cn-rail-2024",
    ),
)


@dataclass(frozen=True)
class PublishedVolume:
    """A modelled load beside a published volume (both directions unless the source gives one)."""

    subject: str
    name: str
    mode: str
    modelled_mt_per_year: float
    published_mt_per_year: float
    published_year: int
    sources: tuple[str, ...]
    note: str | None

    @property
    def error_pct(self) -> float:
        """(modelled − published) / published, percent."""
        return 100.0 * (self.modelled_mt_per_year / self.published_mt_per_year - 1.0)

    def as_row(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return {**self.__dict__, "sources": list(self.sources), "error_pct": self.error_pct}


def loads_against_published(kb: KnowledgeBase, result: FreightAssignment) -> list[PublishedVolume]:
    """Every crossing with a published volume, and the published totals, beside the model."""
    modelled = result.crossing_mt()
    names = {c.crossing_id: c.name for c in result.crossings}
    crossings = {c.id: c for c in kb.crossings()}
    rows = []
    for crossing in crossings.values():
        observed = kb.observations(crossing.id, Quantity.THROUGHPUT_MT_PER_YEAR)
        if not observed:
            continue
        nearest = min(
            observed, key=lambda o: (abs(o.valid_from.year - result.year), -o.valid_from.year)
        )
        rows.append(
            PublishedVolume(
                crossing.id,
                names.get(crossing.id, crossing.name),
                crossing.mode.value,
                _modelled(result, crossing.id, nearest.direction.value),
                nearest.value,
                nearest.valid_from.year,
                nearest.source,
                nearest.note,
            )
        )
    countries = {p.id: p.country_id for p in kb.places()}
    for total in PUBLISHED_TOTALS:
        members = [
            c.id
            for c in crossings.values()
            if c.mode.value == total.mode
            and {countries.get(c.post_a_id), countries.get(c.post_b_id)} == total.countries
        ]
        rows.append(
            PublishedVolume(
                " + ".join(members),
                total.label,
                total.mode,
                sum(modelled.get(m, 0.0) for m in members),
                total.mt_per_year,
                total.year,
                (total.source,),
                None,
            )
        )
    return sorted(rows, key=lambda r: -r.published_mt_per_year)


def _modelled(result: FreightAssignment, crossing_id: str, direction: str) -> float:
    """Modelled Mt/yr through a crossing in a direction (``both``: the two added)."""
    return sum(
        c.mt_per_year
        for c in result.crossings
        if c.crossing_id == crossing_id and direction in ("both", c.direction)
    )
