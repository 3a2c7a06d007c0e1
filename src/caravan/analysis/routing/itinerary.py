"""Itineraries: the legs of a route with distance, time, cost, crossings and sources.

Every leg and route carries its time and cost as low / typical / high. A leg's range is the
sum of its edges' ranges (one train or truck is fast or slow all along a leg). A route's
range combines its legs' deviations from typical: running, terminal and transfer legs move
together (they are summed), border crossings vary independently of each other and of the
rest (their deviations add in quadrature, root of the sum of squares); see
``docs/network-model.md``. Beside the door-to-door time, every itinerary carries its time
from departure (``from_departure``): the same legs without those at the origin before the
first vehicle leaves and at the destination after the last one arrives (and, when
that vehicle is a ship, without the wait for its sailing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from caravan.analysis.routing.drivers_hours import with_drivers_hours
from caravan.analysis.routing.from_departure import departure_span, sailed
from caravan.network import EdgeKind, NetworkSnapshot

__all__ = ["Itinerary", "Leg", "LegKind", "itinerary_from_edges", "route_range"]


class LegKind(StrEnum):
    """What happens on a leg."""

    RUN = "run"  # moving along links of one mode (and gauge) in one country
    BORDER = "border"  # clearing a border crossing (gauge change or transload included)
    TRANSFER = "transfer"  # changing vehicle inside a place
    TERMINAL = "terminal"  # time at the origin or destination terminal (formation, unloading)


class Leg(BaseModel):
    """One leg of an itinerary."""

    model_config = ConfigDict(frozen=True)

    kind: LegKind
    mode: str | None
    gauge_mm: int | None
    from_id: str
    to_id: str
    length_km: float
    time_h: float
    cost_usd: float
    countries: tuple[str, ...]
    time_h_low: float = 0.0
    time_h_high: float = 0.0
    cost_usd_low: float = 0.0
    cost_usd_high: float = 0.0
    crossing_id: str | None = None
    gauge_change: bool = False
    transfer: str | None = None
    link_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Itinerary(BaseModel):
    """A route: legs and totals; its sources are every parameter behind its numbers."""

    model_config = ConfigDict(frozen=True)

    origin: str
    destination: str
    date: str
    unit: str
    #: how containers travel by rail on it: "block" (container block trains) or "wagonload"
    service: str
    weight: str
    legs: tuple[Leg, ...]
    length_km: float
    time_h: float
    cost_usd: float
    time_h_low: float
    time_h_high: float
    #: the time from the first vehicle's departure to the last one's arrival (low–high)
    time_from_departure_h: float
    time_from_departure_h_low: float
    time_from_departure_h_high: float
    cost_usd_low: float
    cost_usd_high: float
    generalised_usd: float
    value_of_time_usd_per_h: float
    crossings: tuple[str, ...]
    modes: tuple[str, ...]
    gauge_changes: int
    sources: tuple[str, ...]

    @property
    def signature(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What makes two routes meaningfully different: the crossings and the modes used."""
        return self.crossings, self.modes

    def to_geojson(self, coordinates: dict[str, tuple[float, float]]) -> dict[str, Any]:
        """A FeatureCollection with one feature per leg (lon/lat of the places it joins)."""
        features = []
        for number, leg in enumerate(self.legs, start=1):
            points = [coordinates[leg.from_id], coordinates[leg.to_id]]
            geometry: dict[str, Any]
            if leg.from_id == leg.to_id:
                geometry = {"type": "Point", "coordinates": list(points[0])}
            else:
                geometry = {"type": "LineString", "coordinates": [list(p) for p in points]}
            properties = {"leg": number, **leg.model_dump(mode="json")}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
        totals = self.model_dump(mode="json", exclude={"legs"})
        return {"type": "FeatureCollection", "features": features, "properties": totals}


def itinerary_from_edges(
    snapshot: NetworkSnapshot, edges: list[int], origin: str, destination: str, weight: str
) -> Itinerary:
    """Group a path's edges into legs and add everything up.

    Road runs are timed by the drivers' hours of their whole trip (``drivers_hours``), not
    by the per-edge factor in the edges' own time.
    """
    legs: list[Leg] = []
    leg_edges: list[list[int]] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            legs.append(_run_leg(snapshot, run))
            leg_edges.append(list(run))
            run.clear()

    for edge in edges:
        kind = EdgeKind(int(snapshot.kind[edge]))
        if kind in (EdgeKind.ACCESS, EdgeKind.EGRESS):
            if snapshot.time_h[edge] > _NEGLIGIBLE_H:
                close_run()
                legs.append(_single_leg(snapshot, edge, kind))
                leg_edges.append([edge])
            continue
        if kind == EdgeKind.LINK:
            if run and not _continues(snapshot, run[-1], edge):
                close_run()
            run.append(edge)
            continue
        close_run()
        legs.append(_single_leg(snapshot, edge, kind))
        leg_edges.append([edge])
    close_run()
    legs = with_drivers_hours(snapshot, legs, leg_edges)
    vot = snapshot.parameters.value_of_time_usd_per_h()
    time_h = sum(leg.time_h for leg in legs)
    cost = sum(leg.cost_usd for leg in legs)
    sources = dict.fromkeys(s for leg in legs for s in leg.sources)
    sources.update(dict.fromkeys(vot.sources))
    time_low, time_high = route_range(legs, "time_h")
    cost_low, cost_high = route_range(legs, "cost_usd")
    first, stop = departure_span(legs, origin, destination)
    travelling = legs[first:stop]
    if travelling:  # a first sailing counted from departure holds no wait for the ship
        travelling = [sailed(travelling[0], snapshot, leg_edges[first][0]), *travelling[1:]]
    departure_low, departure_high = route_range(travelling, "time_h")
    return Itinerary(
        origin=origin,
        destination=destination,
        date=snapshot.date.isoformat(),
        unit=snapshot.parameters.settings.unit.value,
        service=snapshot.parameters.settings.rail_service.value,
        weight=weight,
        legs=tuple(legs),
        length_km=sum(leg.length_km for leg in legs),
        time_h=time_h,
        cost_usd=cost,
        time_h_low=time_low,
        time_h_high=time_high,
        time_from_departure_h=sum(leg.time_h for leg in travelling),
        time_from_departure_h_low=departure_low,
        time_from_departure_h_high=departure_high,
        cost_usd_low=cost_low,
        cost_usd_high=cost_high,
        generalised_usd=cost + vot.value * time_h,
        value_of_time_usd_per_h=vot.value,
        crossings=tuple(leg.crossing_id for leg in legs if leg.crossing_id),
        modes=tuple(sorted({leg.mode for leg in legs if leg.mode})),
        gauge_changes=sum(1 for leg in legs if leg.gauge_change),
        sources=tuple(sources),
    )


def route_range(legs: Sequence[Leg], quantity: str) -> tuple[float, float]:
    """(low, high) of a route's ``time_h`` or ``cost_usd`` from its legs' ranges.

    Non-border legs move together: their deviations from typical are summed. Border legs
    are independent: their deviations, and the summed non-border deviation, add in
    quadrature.
    """
    low_name, high_name = f"{quantity}_low", f"{quantity}_high"
    typical = 0.0
    together_below = together_above = apart_below = apart_above = 0.0
    for leg in legs:  # one pass: every itinerary computes three ranges
        value = getattr(leg, quantity)
        typical += value
        below, above = value - getattr(leg, low_name), getattr(leg, high_name) - value
        if leg.kind == LegKind.BORDER:
            apart_below += below * below
            apart_above += above * above
        else:
            together_below += below
            together_above += above
    return (
        max(typical - math.sqrt(together_below**2 + apart_below), 0.0),
        typical + math.sqrt(together_above**2 + apart_above),
    )


def _continues(snapshot: NetworkSnapshot, previous: int, edge: int) -> bool:
    layer = snapshot.node_layer[int(snapshot.source[edge])]
    return (
        snapshot.node_layer[int(snapshot.source[previous])] == layer
        and snapshot.records[previous].country_ids == snapshot.records[edge].country_ids
    )


def _edge_sources(snapshot: NetworkSnapshot, edge: int) -> list[str]:
    return [s for parameter in snapshot.records[edge].parameters for s in parameter.sources]


def _run_leg(snapshot: NetworkSnapshot, edges: list[int]) -> Leg:
    first, last = edges[0], edges[-1]
    layer = snapshot.node_layer[int(snapshot.source[first])]
    return Leg(
        kind=LegKind.RUN,
        mode=layer.mode if layer else None,
        gauge_mm=layer.gauge_mm if layer else None,
        from_id=snapshot.node_place[int(snapshot.source[first])],
        to_id=snapshot.node_place[int(snapshot.target[last])],
        length_km=float(snapshot.length_km[edges].sum()),
        time_h=float(snapshot.time_h[edges].sum()),
        cost_usd=float(snapshot.cost_usd[edges].sum()),
        **_ranges(snapshot, edges),
        countries=tuple(dict.fromkeys(c for e in edges for c in snapshot.records[e].country_ids)),
        link_ids=tuple(str(snapshot.records[e].ref_id) for e in edges),
        sources=tuple(dict.fromkeys(s for e in edges for s in _edge_sources(snapshot, e))),
    )


def _single_leg(snapshot: NetworkSnapshot, edge: int, kind: EdgeKind) -> Leg:
    record = snapshot.records[edge]
    target_layer = snapshot.node_layer[int(snapshot.target[edge])]
    layer = target_layer or snapshot.node_layer[int(snapshot.source[edge])]
    return Leg(
        kind=_LEG_KINDS[kind],
        mode=snapshot.mode[edge],
        gauge_mm=layer.gauge_mm if layer else None,
        from_id=snapshot.node_place[int(snapshot.source[edge])],
        to_id=snapshot.node_place[int(snapshot.target[edge])],
        length_km=0.0,
        time_h=float(snapshot.time_h[edge]),
        cost_usd=float(snapshot.cost_usd[edge]),
        **_ranges(snapshot, [edge]),
        countries=record.country_ids,
        crossing_id=record.ref_id if kind == EdgeKind.CROSSING else None,
        gauge_change=record.gauge_change,
        transfer=record.ref_id if kind == EdgeKind.TRANSFER else None,
        sources=tuple(dict.fromkeys(_edge_sources(snapshot, edge))),
    )


_NEGLIGIBLE_H = 1e-6

_LEG_KINDS = {
    EdgeKind.CROSSING: LegKind.BORDER,
    EdgeKind.TRANSFER: LegKind.TRANSFER,
    EdgeKind.ACCESS: LegKind.TERMINAL,
    EdgeKind.EGRESS: LegKind.TERMINAL,
}


def _ranges(snapshot: NetworkSnapshot, edges: list[int]) -> dict[str, float]:
    """Low and high time and cost of a leg: the sums over its edges."""
    if snapshot.time_h_low.size != snapshot.edge_count:  # a snapshot built without ranges
        time, cost = float(snapshot.time_h[edges].sum()), float(snapshot.cost_usd[edges].sum())
        return {"time_h_low": time, "time_h_high": time, "cost_usd_low": cost,
                "cost_usd_high": cost}  # fmt: skip
    return {
        "time_h_low": float(snapshot.time_h_low[edges].sum()),
        "time_h_high": float(snapshot.time_h_high[edges].sum()),
        "cost_usd_low": float(snapshot.cost_usd_low[edges].sum()),
        "cost_usd_high": float(snapshot.cost_usd_high[edges].sum()),
    }
