"""Applying a scenario's overrides to the inputs of a network snapshot.

A scenario changes only what it names: the project statuses on the date (as planned,
opened, delayed, never opened), the records the network is built from (its extra places,
links and crossings), a crossing's clearance time and cost by direction, a link's speed,
a rate, and crossings closed for a period. Everything else is read from the knowledge
base unchanged, so a scenario's snapshot differs from its base's exactly by its overrides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from caravan.model import Crossing, Direction, Link, Place, Project, ProjectStatus, StatusEvent
from caravan.model.scenario import ALL_CROSSINGS, ProjectTimeline, Scenario
from caravan.network.parameters import CostParameters, Parameter
from caravan.store import KnowledgeBase

__all__ = [
    "ScenarioEffects",
    "add_months",
    "planned_date",
    "planned_openings",
    "project_status_under",
]


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` moved by ``months`` (negative goes back), the day clipped to the month's end."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    raise ValueError(f"cannot move {date} by {months} months")  # pragma: no cover


def planned_date(text: str | None) -> dt.date | None:
    """A planned completion `YYYY` (read as the year's last day: done *by* then) or a date."""
    if not text:
        return None
    if len(text) == 4:
        return dt.date(int(text), 12, 31)
    return dt.date.fromisoformat(text)


def planned_openings(
    projects: list[Project], events: list[StatusEvent]
) -> dict[str, tuple[dt.date, tuple[str, ...]]]:
    """Per project never reported in service: its announced opening date and its sources.

    The date is the project's ``planned_completion``; a project without one has none. A
    project already reported in service (or cancelled) keeps its reported timeline.
    """
    reported = {e.project_id for e in events if e.status == ProjectStatus.IN_SERVICE}
    cancelled = {e.project_id for e in events if e.status == ProjectStatus.CANCELLED}
    planned = {}
    for project in projects:
        when = planned_date(project.planned_completion)
        if when and project.id not in reported and project.id not in cancelled:
            planned[project.id] = (when, project.source)
    return planned


def project_status_under(
    kb: KnowledgeBase, scenario: Scenario, date: dt.date
) -> dict[str, ProjectStatus | None]:
    """Every project's status on ``date`` under the scenario's timeline and overrides."""
    planned = (
        planned_openings(
            kb.projects(), [e for e in kb.all("project_events") if isinstance(e, StatusEvent)]
        )
        if scenario.projects == ProjectTimeline.AS_PLANNED
        else {}
    )

    def status_on(day: dt.date) -> dict[str, ProjectStatus | None]:
        states: dict[str, ProjectStatus | None] = {
            s.project.id: s.status for s in kb.project_states(day)
        }
        for project_id, (when, _) in planned.items():
            if day >= when:
                states[project_id] = ProjectStatus.IN_SERVICE
        return states

    status = status_on(date)
    for override in scenario.project:
        if override.open:
            status[override.id] = ProjectStatus.IN_SERVICE
        elif override.open_on is not None:
            if date >= override.open_on:
                status[override.id] = ProjectStatus.IN_SERVICE
            elif status.get(override.id) == ProjectStatus.IN_SERVICE:
                status[override.id] = ProjectStatus.UNDER_CONSTRUCTION
        elif override.never_open:
            if status.get(override.id) == ProjectStatus.IN_SERVICE:
                status[override.id] = ProjectStatus.SUSPENDED
        elif override.delay_months is not None:
            status[override.id] = status_on(add_months(date, -override.delay_months)).get(
                override.id
            )
    return status


@dataclass
class ScenarioEffects:
    """A scenario resolved for one network build: records, closures and parameter overrides."""

    scenario: Scenario
    date: dt.date
    base_date: dt.date
    places: list[Place] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    crossings: list[Crossing] = field(default_factory=list)

    @classmethod
    def of(
        cls, kb: KnowledgeBase, scenario: Scenario | None, date: dt.date, today: dt.date
    ) -> ScenarioEffects | None:
        """The effects of ``scenario`` on the network of ``date`` (None: no scenario)."""
        if scenario is None:
            return None
        effects = cls(scenario, date, scenario.date_or(today))
        effects.places = [*kb.places(), *scenario.new_places]
        effects.links = [*kb.links(), *scenario.new_links]
        opened = {o.id: o for o in scenario.project}
        crossings = []
        for crossing in [*kb.crossings(), *scenario.new_crossings]:
            override = opened.get(crossing.project_id) if crossing.project_id else None
            if override is not None and override.open:
                crossing = crossing.model_copy(update={"opened_on": None})
            elif override is not None and override.open_on is not None:
                crossing = crossing.model_copy(update={"opened_on": override.open_on})
            elif override is not None and override.delay_months and crossing.opened_on:
                delayed = add_months(crossing.opened_on, override.delay_months)
                crossing = crossing.model_copy(update={"opened_on": delayed})
            crossings.append(crossing)
        effects.crossings = crossings
        return effects

    def closure(self, crossing_id: str) -> str | None:
        """Why a crossing is closed on the date by the scenario's disruptions, or None."""
        for closure in self.scenario.closure:
            if closure.id == crossing_id and closure.covers(self.date, self.base_date):
                start = closure.start or self.base_date
                return (
                    f"{crossing_id} is closed in scenario {self.scenario.name} from {start} "
                    f"for {closure.days} days"
                )
        return None

    def clearance(
        self, crossing_id: str, direction: Direction, time_p: Parameter, cost_p: Parameter
    ) -> tuple[Parameter, Parameter]:
        """A crossing's clearance time and cost in one direction after the overrides."""
        for override in self.scenario.crossing:
            if override.id not in (crossing_id, ALL_CROSSINGS):
                continue
            if override.direction not in (Direction.BOTH, direction):
                continue
            note = f" (scenario {self.scenario.name})"
            if override.time_h is not None:
                time_p = Parameter(time_p.name + note, override.time_h, "h", override.source)
            elif override.time_factor is not None:
                time_p = Parameter(
                    time_p.name + note,
                    time_p.value * override.time_factor,
                    time_p.unit,
                    time_p.sources + override.source,
                )
            if override.cost_usd is not None:
                cost_p = Parameter(
                    cost_p.name + note, override.cost_usd, "USD/TEU", override.source
                )
            elif override.cost_factor is not None:
                cost_p = Parameter(
                    cost_p.name + note,
                    cost_p.value * override.cost_factor,
                    cost_p.unit,
                    cost_p.sources + override.source,
                )
        return time_p, cost_p

    def capacity(self, crossing_id: str, direction: Direction) -> float | None:
        """A crossing's capacity (TEU/day) in one direction set by the scenario, or None."""
        found = None
        for override in self.scenario.crossing:
            if override.id in (crossing_id, ALL_CROSSINGS) and override.direction in (
                Direction.BOTH,
                direction,
            ):
                found = override.capacity_teu_per_day or found
        return found

    def speed(self, link_id: str) -> Parameter | None:
        """A link's speed set by the scenario, or None."""
        for override in reversed(self.scenario.link):
            if override.id == link_id:
                name = f"speed {link_id} (scenario {self.scenario.name})"
                return Parameter(name, override.speed_kph, "km/h", override.source)
        return None

    def apply_rates(self, parameters: CostParameters) -> None:
        """Replace the rates the scenario overrides (the parameters are this build's own)."""
        for override in self.scenario.rate:
            key = (override.mode.value, override.country_id)
            name = f"rate {key[0]} {key[1] or 'any'} (scenario {self.scenario.name})"
            parameters.rates[key] = Parameter(
                name, override.usd_per_teu_km, "USD/TEU-km", override.source
            )

    def project_status(self, kb: KnowledgeBase) -> Mapping[str, ProjectStatus | None]:
        """Project statuses on the date under the scenario."""
        return project_status_under(kb, self.scenario, self.date)
