"""The freight assignment's parameters: unit conversions and volume–delay settings, each cited.

Every default is an assumption row of ``assumptions_freight.csv`` (id ``asm-freight-…``)
with its reasoning; :meth:`FreightParameters.from_knowledge_base` reads them, so a changed
row changes the run and the result names what it used.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from caravan.errors import KnowledgeBaseError
from caravan.store import KnowledgeBase

__all__ = ["CrossingDelay", "FreightParameters"]


class CrossingDelay(StrEnum):
    """The volume–delay function of a capacitated border crossing."""

    #: Akçelik's time-dependent queueing function (see ``assignment.queueing``).
    QUEUE = "queue"
    #: The BPR function, as on links.
    BPR = "bpr"


#: Field name -> assumption id it is read from.
_ASSUMPTIONS = {
    "tonnes_per_train": "asm-freight-tonnes-per-train",
    "tonnes_per_truck": "asm-freight-tonnes-per-truck",
    "operating_days_per_year": "asm-freight-operating-days",
    "bpr_b": "asm-freight-bpr-b",
    "bpr_power": "asm-freight-bpr-power",
    "queue_delay_parameter": "asm-freight-queue-delay-parameter",
    "queue_period_h": "asm-freight-queue-period",
}


class FreightParameters(BaseModel):
    """How tonnes become vehicles and how flow becomes delay (frozen, validated)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tonnes_per_train: float = Field(gt=0, description="Tonnes per freight train, t.")
    tonnes_per_truck: float = Field(gt=0, description="Tonnes per lorry, t.")
    operating_days_per_year: float = Field(gt=0, le=366, description="Days a year, days.")
    bpr_b: float = Field(ge=0, description="BPR coefficient b on capacitated links.")
    bpr_power: float = Field(ge=0, description="BPR power p on capacitated links.")
    queue_delay_parameter: float = Field(gt=0, description="Akçelik's J at crossings.")
    queue_period_h: float = Field(gt=0, description="Akçelik's flow period T, h.")
    crossing_delay: CrossingDelay = CrossingDelay.QUEUE
    year_date: str = Field("07-01", pattern=r"^\d{2}-\d{2}$", description="MM-DD of a year.")
    sources: tuple[str, ...] = ()

    @classmethod
    def from_knowledge_base(cls, kb: KnowledgeBase) -> FreightParameters:
        """The defaults as the knowledge base's ``asm-freight-…`` assumptions give them."""
        by_id = {a.id: a for a in kb.assumptions()}
        values: dict[str, float] = {}
        missing = []
        for name, assumption_id in _ASSUMPTIONS.items():
            found = by_id.get(assumption_id)
            if found is None or not isinstance(found.value, int | float):
                missing.append(assumption_id)
            else:
                values[name] = float(found.value)
        if missing:
            raise KnowledgeBaseError(
                "the freight assignment needs the assumptions "
                + ", ".join(missing)
                + " (assumptions_freight.csv), which this knowledge base lacks"
            )
        day = by_id.get("asm-freight-year-date")
        year_date = str(day.value) if day is not None and day.value else "07-01"
        used = (*_ASSUMPTIONS.values(), "asm-freight-year-date")
        return cls(**values, year_date=year_date, sources=used)

    def date_of(self, year: int) -> dt.date:
        """The date a year's network and capacities are taken on."""
        month, day = (int(part) for part in self.year_date.split("-"))
        return dt.date(year, month, day)

    def tonnes_per_vehicle(self, mode: str) -> float:
        """Tonnes per train (rail) or per lorry (road)."""
        return self.tonnes_per_train if mode == "rail" else self.tonnes_per_truck

    def vehicles_per_day(self, tonnes_per_year: float, mode: str) -> float:
        """Annual tonnes as vehicles per operating day."""
        return tonnes_per_year / self.operating_days_per_year / self.tonnes_per_vehicle(mode)

    def tonnes_per_year(self, vehicles_per_day: float, mode: str) -> float:
        """Vehicles per operating day as annual tonnes."""
        return vehicles_per_day * self.operating_days_per_year * self.tonnes_per_vehicle(mode)
