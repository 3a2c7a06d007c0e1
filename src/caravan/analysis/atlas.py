"""The network as map layers for a date, and the timeline of when each part opens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from caravan.model import Crossing, Link, ProjectStatus, Quantity, Scenario, StatusEvent
from caravan.model.scenario import ProjectOverride, ProjectTimeline
from caravan.network import EdgeKind, NetworkSnapshot
from caravan.network.scenario import add_months, planned_openings, project_status_under
from caravan.store import KnowledgeBase
from caravan.store.export import geojson_collection, geojson_feature

__all__ = ["TimelineItem", "map_layers", "network_timeline"]


class TimelineItem(BaseModel):
    """When a link or crossing joins the network: a date, and whether it is only planned."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str  # link or crossing
    project_id: str | None
    opens_on: dt.date | None  # None: in service since before the record starts
    planned: bool  # True when opens_on is a plan, not a fact
    never: bool = False  # closed, or under way with no planned date


def network_timeline(
    kb: KnowledgeBase, today: dt.date, scenario: Scenario | None = None
) -> list[TimelineItem]:
    """For every link and crossing, the date it opened (or is planned to open).

    Under a scenario its extra links and crossings are listed too, and its project
    overrides move their records' dates: opened from the start (no date), on a date,
    delayed by N months, or never. Under an as-planned scenario a project's announced
    completion is an opening of the scenario's network, not only a plan (``planned`` False).
    """
    opened = _first_in_service(kb)
    as_planned: dict[str, dt.date] = {}
    if scenario is not None and scenario.projects == ProjectTimeline.AS_PLANNED:
        events = [e for e in kb.all("project_events") if isinstance(e, StatusEvent)]
        as_planned = {k: when for k, (when, _) in planned_openings(kb.projects(), events).items()}
    planned = {p.id: _planned_date(p.planned_completion) for p in kb.projects()}
    overrides = {o.id: o for o in scenario.project} if scenario else {}
    links = [*kb.links(), *(scenario.new_links if scenario else ())]
    crossings = [*kb.crossings(), *(scenario.new_crossings if scenario else ())]
    records: list[tuple[str, Link | Crossing]] = [("link", link) for link in links]
    records += [("crossing", crossing) for crossing in crossings]
    items = []
    for kind, record in records:
        opens_on, is_plan, never = _opening(record, opened, planned, today)
        planned_on = as_planned.get(record.project_id or "")
        if planned_on is not None:
            opens_on, is_plan, never = planned_on, False, False
        override = overrides.get(record.project_id) if record.project_id else None
        if override is not None:
            opens_on, is_plan, never = _overridden(override, opens_on, is_plan, never, today)
        items.append(
            TimelineItem(
                id=record.id,
                kind=kind,
                project_id=record.project_id,
                opens_on=opens_on,
                planned=is_plan,
                never=never,
            )
        )
    return items


def _overridden(
    override: ProjectOverride,
    opens_on: dt.date | None,
    is_plan: bool,
    never: bool,
    today: dt.date,
) -> tuple[dt.date | None, bool, bool]:
    """(opens_on, planned, never) of a record whose project a scenario overrides."""
    if override.open:
        return None, False, False
    if override.open_on is not None:
        return override.open_on, False, False  # the scenario's network opens it then
    if override.never_open:
        return None, False, True
    if override.delay_months and opens_on is not None:
        delayed = add_months(opens_on, override.delay_months)
        return delayed, delayed > today, never
    return opens_on, is_plan, never


def _first_in_service(kb: KnowledgeBase) -> dict[str, dt.date]:
    """Per project, the date of its first in-service event."""
    first: dict[str, dt.date] = {}
    for event in kb.all("project_events", order_by="date"):
        if isinstance(event, StatusEvent) and event.status == ProjectStatus.IN_SERVICE:
            first.setdefault(event.project_id, event.date)
    return first


def _opening(
    record: Link | Crossing,
    opened: dict[str, dt.date],
    planned: dict[str, dt.date | None],
    today: dt.date,
) -> tuple[dt.date | None, bool, bool]:
    """(opens_on, whether that date is only a plan, whether it never opens on the record)."""
    if record.project_id:
        if record.project_id in opened:  # an in-service event dated after today is a plan
            opened_on = opened[record.project_id]
            return opened_on, opened_on > today, False
        when = planned.get(record.project_id)
        return when, True, when is None
    status, recorded = record.status.value, record.opened_on
    if status in ("in_service", "temporary"):
        return recorded, bool(recorded and recorded > today), False
    if status in ("planned", "under_construction"):
        return recorded, True, recorded is None
    return None, False, True


def _status(states: dict[str, ProjectStatus | None], project_id: str | None) -> str | None:
    status = states.get(project_id) if project_id else None
    return status.value if status else None


def _planned_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    if len(text) == 4:
        return dt.date(int(text), 12, 31)
    return dt.date.fromisoformat(text)


def map_layers(
    kb: KnowledgeBase, snapshot: NetworkSnapshot, scenario: Scenario | None = None
) -> dict[str, dict[str, Any]]:
    """GeoJSON layers of the network on the snapshot's date: places, links, crossings, sister cities.

    Under a scenario (the one the snapshot was compiled with), its extra records are drawn
    and project statuses are the scenario's.
    """
    extra_places = scenario.new_places if scenario else ()
    places = {p.id: p for p in [*kb.places(), *extra_places]}
    states: dict[str, ProjectStatus | None] = (
        project_status_under(kb, scenario, snapshot.date)
        if scenario
        else {s.project.id: s.status for s in kb.project_states(snapshot.date)}
    )
    links = []
    for link in [*kb.links(), *(scenario.new_links if scenario else ())]:
        a, b = places[link.from_id], places[link.to_id]
        closure = snapshot.closures.get(link.id)
        links.append(
            geojson_feature(
                {"type": "LineString", "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]},
                {
                    "id": link.id,
                    "mode": link.mode.value,
                    "gauge_mm": link.gauge_mm,
                    "length_km": link.length_km,
                    "status": link.status.value,
                    "in_service": closure is None,
                    "closure": closure,
                    "project_id": link.project_id,
                    "project_status": _status(states, link.project_id),
                    "source": list(link.source),
                },
            )
        )
    modelled = _modelled_clearance(snapshot)
    crossings = []
    for crossing in [*kb.crossings(), *(scenario.new_crossings if scenario else ())]:
        a, b = places[crossing.post_a_id], places[crossing.post_b_id]
        closure = snapshot.closures.get(crossing.id)
        time = kb.value_at(crossing.id, Quantity.CLEARANCE_TIME_H, snapshot.date)
        crossings.append(
            geojson_feature(
                {"type": "Point", "coordinates": [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2]},
                {
                    "id": crossing.id,
                    "name": crossing.name,
                    "mode": crossing.mode.value,
                    "gauge_change": crossing.gauge_change,
                    "status": crossing.status.value,
                    "open": closure is None,
                    "closure": closure,
                    "clearance_time_h": time.value if time else None,
                    "clearance_source": list(time.source) if time else [],
                    # What the router uses on this date, by direction (a stand-in where
                    # no crossing-specific figure is published), with its sources.
                    "model_clearance_time_h": modelled.get(crossing.id, ((), ()))[0],
                    "model_clearance_source": modelled.get(crossing.id, ((), ()))[1],
                    "elevation_m": crossing.elevation_m,
                    "seasonal_open": crossing.seasonal_open,
                    "source": list(crossing.source),
                },
            )
        )
    place_features = [
        geojson_feature(
            {"type": "Point", "coordinates": [p.lon, p.lat]},
            {
                "id": p.id,
                "name": p.name_en,
                "name_ru": p.name_ru,
                "name_zh": p.name_zh,
                "kind": p.kind.value,
                "country_id": p.country_id,
                "source": list(p.source),
            },
        )
        for p in places.values()
    ]
    sister = [
        geojson_feature(
            {
                "type": "LineString",
                "coordinates": [[s.cn_lon, s.cn_lat], [s.partner_lon, s.partner_lat]],
            },
            {
                "id": s.id,
                "cn_city": s.cn_city,
                "partner_city": s.partner_city,
                "partner_country_id": s.partner_country_id,
                "established_year": s.established_year,
                "source": list(s.source),
            },
        )
        for s in kb.sister_cities()
        if None not in (s.cn_lat, s.cn_lon, s.partner_lat, s.partner_lon)
    ]
    return {
        "places": geojson_collection(place_features),
        "links": geojson_collection(links),
        "crossings": geojson_collection(crossings),
        "sister_cities": geojson_collection(sister),
    }


def _modelled_clearance(
    snapshot: NetworkSnapshot,
) -> dict[str, tuple[tuple[float, ...], tuple[str, ...]]]:
    """Per crossing id: the clearance hours of its edges in the snapshot (each direction, low
    to high) and the sources of those figures, as the router uses them."""
    hours: dict[str, list[float]] = {}
    sources: dict[str, dict[str, None]] = {}
    crossing_edges = (snapshot.kind == EdgeKind.CROSSING).nonzero()[0]
    for edge in crossing_edges:
        record = snapshot.records[int(edge)]
        if record.ref_id is None:
            continue
        hours.setdefault(record.ref_id, []).append(round(float(snapshot.time_h[edge]), 1))
        cited = sources.setdefault(record.ref_id, {})
        for parameter in record.parameters:
            if "clearance" in parameter.name or "border" in parameter.name:
                cited.update(dict.fromkeys(parameter.sources))
    return {
        ref: (tuple(sorted(set(values))), tuple(sources.get(ref, {})))
        for ref, values in hours.items()
    }
