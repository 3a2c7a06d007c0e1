"""Capacities of crossings and links in vehicles per day, from the knowledge base's observations.

For a date and direction, the candidates are the observations in force (the latest valid
from on or before the date, a value for the direction winning over one for both): trains
per day on rail, vehicles per day or a daily quota on road, and a design capacity in Mt/yr
on either, converted with the stated tonnes per vehicle and days per year. The most recent
candidate applies (on the same date a count of vehicles wins over a converted tonnage).
Annual throughput is a volume, never a capacity. A scenario's ``capacity_teu_per_day``
replaces it on road crossings (at the knowledge base's TEU per lorry). With none of these
an element is **uncapacitated**, and says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from caravan.analysis.freight.parameters import FreightParameters
from caravan.model import Direction, Quantity
from caravan.store import KnowledgeBase

__all__ = ["ElementCapacity", "capacity_of"]

_COUNTS = {
    "rail": (Quantity.CAPACITY_TRAINS_PER_DAY,),
    "road": (Quantity.CAPACITY_VEHICLES_PER_DAY, Quantity.DAILY_QUOTA_VEHICLES),
}


@dataclass(frozen=True)
class ElementCapacity:
    """The capacity of a crossing or link in one direction, and where it comes from.

    ``vehicles_per_day`` is None when the element is uncapacitated (no observation).
    """

    subject_id: str
    direction: Direction
    vehicles_per_day: float | None
    quantity: str | None = None
    observed_value: float | None = None
    valid_from: dt.date | None = None
    sources: tuple[str, ...] = ()
    note: str = "uncapacitated: no capacity, quota or train limit in the knowledge base"

    @property
    def capacitated(self) -> bool:
        """Whether a capacity applies."""
        return self.vehicles_per_day is not None


def capacity_of(
    kb: KnowledgeBase,
    subject_id: str,
    mode: str,
    date: dt.date,
    direction: Direction,
    parameters: FreightParameters,
    scenario_teu_per_day: float | None = None,
    teu_per_truck: float | None = None,
) -> ElementCapacity:
    """The capacity in force on ``date`` in ``direction`` (see the module docstring)."""
    if scenario_teu_per_day is not None and mode == "road" and teu_per_truck:
        return ElementCapacity(
            subject_id,
            direction,
            scenario_teu_per_day / teu_per_truck,
            "capacity_teu_per_day (scenario)",
            scenario_teu_per_day,
            date,
            note=f"scenario capacity {scenario_teu_per_day:g} TEU/day at {teu_per_truck:g} TEU per lorry",
        )
    candidates: list[tuple[dt.date, int, ElementCapacity]] = []
    for quantity in _COUNTS.get(mode, ()):
        found = kb.value_at(subject_id, quantity, date, direction)
        if found is not None:
            unit = "trains" if mode == "rail" else "vehicles"
            note = f"{quantity.value} {found.value:g} {unit}/day from {found.valid_from}"
            capacity = ElementCapacity(
                subject_id, direction, found.value, quantity.value, found.value,
                found.valid_from, found.source, note,
            )  # fmt: skip
            candidates.append((found.valid_from, 1, capacity))
    tonnage = kb.value_at(subject_id, Quantity.CAPACITY_MT_PER_YEAR, date, direction)
    if tonnage is not None:
        per_day = parameters.vehicles_per_day(tonnage.value * 1e6, mode)
        vehicle = "train" if mode == "rail" else "lorry"
        note = (
            f"capacity_mt_per_year {tonnage.value:g} Mt/yr from {tonnage.valid_from}, at "
            f"{parameters.tonnes_per_vehicle(mode):g} t per {vehicle} over "
            f"{parameters.operating_days_per_year:g} days"
        )
        capacity = ElementCapacity(
            subject_id, direction, per_day, Quantity.CAPACITY_MT_PER_YEAR.value,
            tonnage.value, tonnage.valid_from, tonnage.source + parameters.sources[:3], note,
        )  # fmt: skip
        candidates.append((tonnage.valid_from, 0, capacity))
    result = (
        max(candidates, key=lambda c: (c[0], c[1]))[2]
        if candidates
        else ElementCapacity(subject_id, direction, None)
    )
    if scenario_teu_per_day is not None:  # a rail crossing: TEU cannot become trains
        unconverted = (
            f"; the scenario's {scenario_teu_per_day:g} TEU/day is not applied on rail "
            "(no TEU-per-train figure in the knowledge base)"
        )
        result = replace(result, note=result.note + unconverted)
    return result
