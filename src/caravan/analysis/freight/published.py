"""Modelled loads per crossing beside the volumes sources publish, with the error per crossing.

A crossing's published volume is its ``throughput_mt_per_year`` observation (a volume,
not a capacity) nearest in year to the assignment's year, the later one on a tie; its
year is shown. A border's observation (``border-cn-kz``, rail) is a total over every
crossing of its mode between the two countries and is compared with their loads added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from caravan.analysis.freight.results import FreightAssignment
from caravan.model import Crossing, Observation, Quantity, border_countries
from caravan.store import KnowledgeBase

__all__ = ["PublishedVolume", "loads_against_published"]


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
    """Every crossing and border with a published volume, beside the model."""
    names = {c.crossing_id: c.name for c in result.crossings}
    crossings = {c.id: c for c in kb.crossings()}
    countries = {p.id: p.country_id for p in kb.places()}
    rows = []
    by_subject: dict[str, list[Observation]] = {}
    for row in kb.observations(quantity=Quantity.THROUGHPUT_MT_PER_YEAR):
        by_subject.setdefault(row.subject_id, []).append(row)
    for subject, published in by_subject.items():
        nearest = min(
            published, key=lambda o: (abs(o.valid_from.year - result.year), -o.valid_from.year)
        )
        crossing = crossings.get(subject)
        if crossing is not None:
            name, mode = names.get(subject, crossing.name), crossing.mode.value
            modelled = _modelled(result, subject, nearest.direction.value)
        elif (pair := border_countries(subject)) is not None and nearest.mode is not None:
            mode = nearest.mode.value
            members = _members(crossings.values(), countries, pair, mode)
            name = f"{_BORDER_NAMES.get(pair, '–'.join(pair))} {mode}, all crossings"
            subject = " + ".join(members)
            modelled = sum(_modelled(result, m, nearest.direction.value) for m in members)
        else:
            continue
        year = nearest.valid_from.year
        rows.append(
            PublishedVolume(
                subject, name, mode, modelled, nearest.value, year, nearest.source, nearest.note
            )
        )
    return sorted(rows, key=lambda r: -r.published_mt_per_year)


#: Readable names of the borders that carry a published total.
_BORDER_NAMES = {("cn", "kz"): "China–Kazakhstan", ("cn", "kg"): "China–Kyrgyzstan"}


def _members(
    crossings: Iterable[Crossing], countries: dict[str, str], pair: tuple[str, str], mode: str
) -> list[str]:
    """Ids of the crossings of ``mode`` between the two countries of a border."""
    return [
        c.id
        for c in crossings
        if c.mode.value == mode
        and {countries.get(c.post_a_id), countries.get(c.post_b_id)} == set(pair)
    ]


def _modelled(result: FreightAssignment, crossing_id: str, direction: str) -> float:
    """Modelled Mt/yr through a crossing in a direction (``both``: the two added)."""
    return sum(
        c.mt_per_year
        for c in result.crossings
        if c.crossing_id == crossing_id and direction in ("both", c.direction)
    )
