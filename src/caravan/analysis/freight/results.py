"""What a freight assignment returns: loads per crossing and link, select-link rows, history.

Flows are vehicles per day (trains by rail, lorries by road) and, through the stated
tonnes per vehicle, Mt per year. Utilisation is flow over capacity, None where the element
is uncapacitated; waiting is the congested time minus the free-flow time, hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caravan.analysis.assignment import IterationRecord
from caravan.analysis.freight.capacity import ElementCapacity
from caravan.analysis.freight.parameters import FreightParameters

__all__ = [
    "CrossingLoad",
    "FreightAssignment",
    "LinkLoad",
    "ModeRun",
    "SelectLinkRow",
]


@dataclass(frozen=True)
class CrossingLoad:
    """A crossing's load in one direction at equilibrium."""

    crossing_id: str
    name: str
    mode: str
    direction: str  # a_to_b or b_to_a
    from_place: str
    to_place: str
    vehicles_per_day: float
    mt_per_year: float
    capacity: ElementCapacity
    utilisation: float | None
    free_flow_time_h: float
    time_h: float
    #: whether the free-flow clearance time is the crossing's own published figure (False:
    #: its border's published average or the median of the crossings that publish one)
    clearance_published: bool = True
    #: where the clearance time comes from: ``crossing`` (its own figure), ``border`` (the
    #: border's published average for the direction) or ``median`` (of the crossings)
    clearance_basis: str = "crossing"

    @property
    def waiting_h(self) -> float:
        """Time lost to the queue (or BPR delay) beyond the free-flow clearance, h."""
        return max(self.time_h - self.free_flow_time_h, 0.0)

    def as_row(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return {
            "crossing_id": self.crossing_id,
            "name": self.name,
            "mode": self.mode,
            "direction": self.direction,
            "from_place": self.from_place,
            "to_place": self.to_place,
            "vehicles_per_day": self.vehicles_per_day,
            "mt_per_year": self.mt_per_year,
            "capacity_vehicles_per_day": self.capacity.vehicles_per_day,
            "capacity_note": self.capacity.note,
            "capacity_sources": list(self.capacity.sources),
            "utilisation": self.utilisation,
            "free_flow_time_h": self.free_flow_time_h,
            "time_h": self.time_h,
            "waiting_h": self.waiting_h,
            "clearance_published": self.clearance_published,
            "clearance_basis": self.clearance_basis,
        }


@dataclass(frozen=True)
class LinkLoad:
    """A link's load over both directions from one mode's demand (the mode it crosses borders
    by); vehicles are that mode's (trains or lorries), utilisation the busier direction's."""

    link_id: str
    mode: str
    demand_mode: str
    from_place: str
    to_place: str
    vehicles_per_day: float
    mt_per_year: float
    capacity_vehicles_per_day: float | None
    utilisation: float | None

    def as_row(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class SelectLinkRow:
    """An origin–destination pair's flow through a selected crossing in one direction."""

    crossing_id: str
    direction: str
    origin: str
    destination: str
    vehicles_per_day: float
    mt_per_year: float

    def as_row(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class ModeRun:
    """How one mode's assignment ran: gap reached, history, and demand it could not route."""

    mode: str
    algorithm: str
    relative_gap: float
    target_gap: float
    converged: bool
    objective: float
    history: tuple[IterationRecord, ...]
    demand_vehicles_per_day: float
    unserved_vehicles_per_day: float
    unserved_pairs: int

    def as_row(self) -> dict[str, Any]:
        """A JSON-ready record (history as rows)."""
        row = {k: v for k, v in self.__dict__.items() if k != "history"}
        row["history"] = [
            {"iteration": r.iteration, "relative_gap": r.relative_gap, "step": r.step}
            for r in self.history
        ]
        return row


@dataclass(frozen=True)
class FreightAssignment:
    """Loads on caravan's own network for a year (and scenario), with their provenance."""

    year: int
    date: str
    scenario: str | None
    parameters: FreightParameters
    runs: tuple[ModeRun, ...]
    crossings: tuple[CrossingLoad, ...]
    links: tuple[LinkLoad, ...]
    select_link: tuple[SelectLinkRow, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def crossing_totals(self) -> dict[str, float]:
        """Vehicles per day per crossing, both directions."""
        totals: dict[str, float] = {}
        for load in self.crossings:
            totals[load.crossing_id] = totals.get(load.crossing_id, 0.0) + load.vehicles_per_day
        return totals

    def crossing_mt(self) -> dict[str, float]:
        """Mt per year per crossing, both directions."""
        totals: dict[str, float] = {}
        for load in self.crossings:
            totals[load.crossing_id] = totals.get(load.crossing_id, 0.0) + load.mt_per_year
        return totals

    def link_totals(self) -> dict[str, tuple[float, float | None]]:
        """Per link: Mt per year over both modes' demand, and the highest utilisation."""
        totals: dict[str, tuple[float, float | None]] = {}
        for load in self.links:
            mt, utilisation = totals.get(load.link_id, (0.0, None))
            if load.utilisation is not None:
                utilisation = max(utilisation or 0.0, load.utilisation)
            totals[load.link_id] = (mt + load.mt_per_year, utilisation)
        return totals

    def as_json(self) -> dict[str, Any]:
        """The whole result as JSON data."""
        return {
            "year": self.year,
            "date": self.date,
            "scenario": self.scenario,
            "parameters": self.parameters.model_dump(mode="json"),
            "runs": [r.as_row() for r in self.runs],
            "crossings": [c.as_row() for c in self.crossings],
            "links": [link.as_row() for link in self.links],
            "select_link": [s.as_row() for s in self.select_link],
            "sources": list(self.sources),
            "notes": list(self.notes),
        }
