"""Every project's status on a date under a scenario, and since when, for the project tracker.

The status is the one the scenario's network is built with (``project_status_under``), so
the tracker and the map of a scenario agree. ``since`` is the knowledge base's own while the
scenario leaves the status unchanged; where it changes it, the date the scenario gives (an
opening date, an announced completion, a reported date moved by the delay), else None.
"""

from __future__ import annotations

import datetime as dt

from caravan.model import ProjectStatus, Scenario, StatusEvent
from caravan.model.scenario import ProjectOverride, ProjectTimeline
from caravan.network.scenario import add_months, planned_openings, project_status_under
from caravan.store import KnowledgeBase, ProjectState

__all__ = ["project_states_under"]


def project_states_under(
    kb: KnowledgeBase, as_of: dt.date, scenario: Scenario | None = None
) -> list[ProjectState]:
    """Every project with its status on ``as_of`` under ``scenario`` (None: as reported)."""
    reported = kb.project_states(as_of)
    if scenario is None:
        return reported
    status = project_status_under(kb, scenario, as_of)
    overrides = {override.id: override for override in scenario.project}
    planned: dict[str, dt.date] = {}
    if scenario.projects == ProjectTimeline.AS_PLANNED:
        events = [e for e in kb.all("project_events") if isinstance(e, StatusEvent)]
        planned = {key: when for key, (when, _) in planned_openings(kb.projects(), events).items()}
    states = []
    for state in reported:
        now = status.get(state.project.id, state.status)
        override = overrides.get(state.project.id)
        if override is not None:
            since = _since_overridden(kb, override, state, now, as_of)
        elif now == state.status:
            since = state.since
        elif now == ProjectStatus.IN_SERVICE:
            since = planned.get(state.project.id)
        else:
            since = None
        states.append(ProjectState(state.project, now, since))
    return states


def _since_overridden(
    kb: KnowledgeBase,
    override: ProjectOverride,
    reported: ProjectState,
    status: ProjectStatus | None,
    as_of: dt.date,
) -> dt.date | None:
    """Since when a project the scenario overrides holds ``status`` (None: not dated)."""
    if override.open:
        return None  # in service on every date of the scenario
    if override.open_on is not None and status == ProjectStatus.IN_SERVICE:
        return override.open_on
    if override.delay_months is not None:
        earlier = add_months(as_of, -override.delay_months)
        [state] = [s for s in kb.project_states(earlier) if s.project.id == override.id]
        return add_months(state.since, override.delay_months) if state.since else None
    return reported.since if status == reported.status else None
