"""A scenario: a frozen, validated set of overrides on the project timelines and parameters.

A scenario never copies the knowledge base. It says which date its questions are asked on
by default, whether projects open as their promoters planned or only as reported, and what
it changes: projects opened, delayed or never opened; a crossing's clearance time, cost or
capacity; a link's speed; a rate; a crossing closed for a period; and the links, places and
crossings the knowledge base lacks, each citing a source or an assumption exactly as data
rows do. The network layer applies it (``caravan.network.scenario``); the analysis layer
loads it from TOML and checks its ids against the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from caravan.model.enums import Direction, LinkMode
from caravan.model.records import Assumption, Crossing, Link, Place, Source

__all__ = [
    "ALL_CROSSINGS",
    "Closure",
    "CrossingOverride",
    "LayerMode",
    "LinkOverride",
    "ProjectOverride",
    "ProjectTimeline",
    "RateOverride",
    "Scenario",
]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
SourceRef = Annotated[str, Field(pattern=r"^(src|asm)-[a-z0-9]+(-[a-z0-9]+)*$")]

#: A crossing override whose ``id`` is this applies to every crossing.
ALL_CROSSINGS = "*"


class ProjectTimeline(StrEnum):
    """How projects open: only as reported so far, or also at their announced dates."""

    AS_REPORTED = "as_reported"
    AS_PLANNED = "as_planned"


class LayerMode(StrEnum):
    """How an imported network layer (``caravan osm import``) joins the curated network."""

    EXTEND = "extend"  # the curated links and crossings, plus the layer
    REPLACE = "replace"  # the layer alone: places attach to it


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _cited() -> tuple[SourceRef, ...]:
    return Field(min_length=1, description="Source ids (src-…) or assumption ids (asm-…).")  # type: ignore[no-any-return]


class ProjectOverride(_Spec):
    """One project opened (from the start, or on a date), never opened, or delayed."""

    id: Slug = Field(description="Project id, `prj-…`.")
    open: bool = Field(False, description="In service on every date of the scenario.")
    open_on: dt.date | None = Field(None, description="In service from this date on.")
    never_open: bool = Field(False, description="Never in service, whatever its timeline says.")
    delay_months: int | None = Field(
        None, ge=1, le=600, description="Opening (reported or planned) delayed by N months."
    )
    source: tuple[SourceRef, ...] = _cited()

    @model_validator(mode="after")
    def _one_action(self) -> ProjectOverride:
        chosen = [
            name
            for name, given in (
                ("open", self.open),
                ("open_on", self.open_on is not None),
                ("never_open", self.never_open),
                ("delay_months", self.delay_months is not None),
            )
            if given
        ]
        if len(chosen) != 1:
            shown = ", ".join(chosen) or "none"
            raise ValueError(
                f"give exactly one of open, open_on, never_open, delay_months (given: {shown})"
            )
        return self


class CrossingOverride(_Spec):
    """A crossing's clearance time, cost or capacity in one direction or both.

    Values replace the published ones; factors multiply them (``time_factor = 0.5``
    halves clearance). ``id = "*"`` applies to every crossing.
    """

    id: str = Field(description="Crossing id `bcp-…`, or `*` for every crossing.")
    direction: Direction = Field(Direction.BOTH, description="a_to_b, b_to_a or both.")
    time_h: float | None = Field(None, ge=0, le=2000, description="Clearance time, h.")
    time_factor: float | None = Field(
        None, gt=0, le=100, description="Clearance time multiplied by this."
    )
    cost_usd: float | None = Field(None, ge=0, le=1e6, description="Clearance cost, USD/TEU.")
    cost_factor: float | None = Field(
        None, gt=0, le=100, description="Clearance cost multiplied by this."
    )
    capacity_teu_per_day: float | None = Field(
        None, ge=0, description="Capacity, TEU per day (recorded; routes ignore capacity)."
    )
    source: tuple[SourceRef, ...] = _cited()

    @model_validator(mode="after")
    def _something_changes(self) -> CrossingOverride:
        if self.id != ALL_CROSSINGS and not self.id.startswith("bcp-"):
            raise ValueError(f"id {self.id!r} is neither a crossing id (bcp-…) nor '*'")
        if self.time_h is not None and self.time_factor is not None:
            raise ValueError("give time_h or time_factor, not both")
        if self.cost_usd is not None and self.cost_factor is not None:
            raise ValueError("give cost_usd or cost_factor, not both")
        values = (self.time_h, self.time_factor, self.cost_usd, self.cost_factor)
        if all(v is None for v in values) and self.capacity_teu_per_day is None:
            raise ValueError(
                "changes nothing: give time_h, time_factor, cost_usd, cost_factor "
                "or capacity_teu_per_day"
            )
        return self


class LinkOverride(_Spec):
    """A link's typical freight speed."""

    id: Slug = Field(description="Link id.")
    speed_kph: float = Field(gt=0, le=200, description="Typical freight speed, km/h.")
    source: tuple[SourceRef, ...] = _cited()


class RateOverride(_Spec):
    """A freight rate per TEU-km for a mode, in one country or in all (no country)."""

    mode: LinkMode = Field(description="rail or road.")
    country_id: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = Field(
        None, description="Country where it applies; empty: the regional rate."
    )
    usd_per_teu_km: float = Field(gt=0, le=100, description="Rate, USD per TEU-km.")
    source: tuple[SourceRef, ...] = _cited()


class Closure(_Spec):
    """A crossing closed for a period (a disruption); ``start`` defaults to the base date."""

    id: Slug = Field(description="Crossing id `bcp-…`.")
    start: dt.date | None = Field(None, description="First day closed (default: base date).")
    days: int = Field(ge=1, le=36600, description="How many days it stays closed.")
    source: tuple[SourceRef, ...] = _cited()

    def covers(self, date: dt.date, base_date: dt.date) -> bool:
        """True when ``date`` falls in the closure (``base_date`` standing in for no start)."""
        start = self.start or base_date
        return start <= date < start + dt.timedelta(days=self.days)


class Scenario(_Spec):
    """A named, sourced set of overrides on the knowledge base's timelines and parameters.

    ``base_date`` is the date questions are asked on by default (None: the day they are
    asked). Lists extend those of ``base`` when a file extends another; the loader merges
    them, so a loaded scenario is complete in itself.
    """

    name: Slug = Field(description="Scenario name, e.g. `cku-railway`.")
    description: str = Field(min_length=10, description="What the scenario asks, in a sentence.")
    sources: tuple[SourceRef, ...] = Field((), description="Sources or assumptions behind it.")
    base: Slug | None = Field(None, description="Scenario this one extends.")
    base_date: dt.date | None = Field(None, description="Default date of its questions.")
    projects: ProjectTimeline = Field(
        ProjectTimeline.AS_REPORTED, description="as_reported or as_planned."
    )
    layer: Slug | None = Field(
        None, description="Imported network layer to route on (`caravan osm import --name`)."
    )
    layer_mode: LayerMode = Field(
        LayerMode.EXTEND, description="extend (curated plus the layer) or replace (the layer)."
    )
    project: tuple[ProjectOverride, ...] = ()
    crossing: tuple[CrossingOverride, ...] = ()
    link: tuple[LinkOverride, ...] = ()
    rate: tuple[RateOverride, ...] = ()
    closure: tuple[Closure, ...] = ()
    new_places: tuple[Place, ...] = ()
    new_links: tuple[Link, ...] = ()
    new_crossings: tuple[Crossing, ...] = ()
    new_sources: tuple[Source, ...] = ()
    new_assumptions: tuple[Assumption, ...] = ()

    def date_or(self, today: dt.date) -> dt.date:
        """The scenario's base date, else ``today``."""
        return self.base_date or today

    def changes_nothing(self) -> bool:
        """True when the scenario is the knowledge base as reported (no override at all)."""
        return self.projects == ProjectTimeline.AS_REPORTED and not any(
            (self.project, self.crossing, self.link, self.rate, self.closure,
             self.new_places, self.new_links, self.new_crossings, self.layer)
        )  # fmt: skip

    def key(self) -> str:
        """What the scenario changes, as text: equal keys compile equal networks."""
        return self.model_dump_json(exclude={"name", "description", "sources", "base"})
