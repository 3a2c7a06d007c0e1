"""Drivers' hours on a whole road trip: breaks and daily rests where the rules put them.

A road edge's own time charges drivers' hours as a factor (an upper bound of the rules);
an itinerary's reported road time is recomputed here from its sequence of driving
stretches and stops, by the rule in ``drivers_rule`` (which the time search shares): AETR
(Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan) asks for a 45 min break
after 4.5 h of driving and a daily rest after a day's driving, none after the last
stretch. The crew may take its break or its daily rest during any stop (a border queue, a
transfer): the stop then lasts at least the break or the daily rest (the reduced rest in
a border queue, the regular one at a transfer), where that gives the least time. A two-driver crew takes its breaks while the other drives and rests
together after both have driven a day (9 h in 30 h). See docs/network-model.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from caravan.analysis.routing import drivers_rule
from caravan.analysis.routing.drivers_rule import CONTINUOUS_DRIVING_H
from caravan.network import NetworkSnapshot
from caravan.network.parameters import Parameter

if TYPE_CHECKING:  # the itinerary module calls this one
    from caravan.analysis.routing.itinerary import Leg

__all__ = [
    "CrewRules",
    "Stretch",
    "added_rest_h",
    "crew_rules",
    "with_drivers_hours",
]


@dataclass(frozen=True)
class CrewRules:
    """Limits one crew drives under: driving per day, continuous driving, breaks, rests."""

    daily_driving_h: float
    continuous_driving_h: float | None  # None: breaks taken while a co-driver drives
    break_h: float
    daily_rest_h: float
    #: a stop at least this long counts as the daily rest (the reduced daily rest)
    stop_as_rest_h: float
    #: hours a day's driving may be extended by, on at most EXTENDED_DAYS days
    extension_h: float = 0.0


@dataclass(frozen=True)
class Stretch:
    """One piece of a road trip: driving hours, or a stop in hours (at a border, or not)."""

    hours: float
    driving: bool
    #: a stop in a border queue, where the rest taken is the reduced one (elsewhere, as at a
    #: transfer, the regular one)
    border: bool = True


def added_rest_h(stretches: Sequence[Stretch], rules: CrewRules) -> list[float]:
    """Hours of breaks and daily rest the rules add during or right after each stretch.

    The crew starts rested; rest is taken only when more driving follows, so a trip's last
    stretch never ends in a rest. A day is extended (twice at most) and a stop made the
    break or the daily rest (it then lasts the break, or the rest: the reduced one at a
    border, the regular one elsewhere; its share is the difference) wherever that gives the
    trip its least time (``drivers_rule.trip_rest``).
    """
    hours = np.array([s.hours for s in stretches], dtype=np.float64)
    driving = np.array([s.driving for s in stretches], dtype=np.bool_)
    border = np.array([s.border for s in stretches], dtype=np.bool_)
    added = np.zeros(len(stretches))
    limit = math.inf if rules.continuous_driving_h is None else rules.continuous_driving_h
    _trip_rest()(
        hours, driving, border, len(stretches), rules.daily_driving_h, limit, rules.break_h,
        rules.daily_rest_h, rules.stop_as_rest_h, rules.extension_h, added,
    )  # fmt: skip
    return [float(value) for value in added]


def _trip_rest() -> Callable[..., float]:
    """``drivers_rule.trip_rest`` as plain Python, or compiled (the same source and figures)
    once the process runs the compiled search, where routes build many itineraries."""
    from caravan.analysis.routing.timed_search import compiled_loaded

    if compiled_loaded():
        from caravan.analysis.routing._road_trip_kernels import added_rest

        return added_rest
    return drivers_rule.trip_rest


def crew_rules(parameters: Sequence[Parameter]) -> tuple[CrewRules, CrewRules] | None:
    """(one driver, two-driver crew) from a road edge's time-model parameters, or None."""
    values = {p.name: p.value for p in parameters}
    needed = ("road_driving_h_per_day", "road_break_h", "road_daily_rest_h")
    if not all(name in values for name in needed):
        return None
    day, rest = values["road_driving_h_per_day"], values["road_daily_rest_h"]
    reduced = values.get("road_reduced_daily_rest_h", rest)
    extension = max(values.get("road_extended_driving_h_per_day", day) - day, 0.0)
    breaks = values["road_break_h"]
    one = CrewRules(day, CONTINUOUS_DRIVING_H, breaks, rest, reduced, extension)
    two = CrewRules(2.0 * day, None, 0.0, reduced, reduced, 2.0 * extension)
    return one, two


def with_drivers_hours(
    snapshot: NetworkSnapshot, legs: Sequence[Leg], leg_edges: Sequence[Sequence[int]]
) -> list[Leg]:
    """The legs with each road run's time recomputed from its trip's drivers' hours.

    A trip is a run of road legs, road border crossings and transfers between other legs
    (terminals, rail, ferry): a transfer between two road stretches is a stop, so the crew's
    hours go on across it (else a detour through a terminal would stand for a rest). Typical: one driver, each rest on the leg where it falls. Low:
    a two-driver crew with stops at their low; high: one driver driving at the high spread,
    stops at their high. The trip's low and high are shared among its road legs in
    proportion to their typical time, so the route's range (legs moving together) keeps them.
    """
    result = list(legs)
    start = 0
    while start < len(result):
        if not _drives(result[start]):
            start += 1
            continue
        end = start
        while end + 1 < len(result) and (_drives(result[end + 1]) or _stops(result[end + 1])):
            end += 1
        while not _drives(result[end]):
            end -= 1
        _schedule_trip(snapshot, result, leg_edges, range(start, end + 1))
        start = end + 1
    return result


def _drives(leg: Leg) -> bool:
    return leg.kind == "run" and leg.mode == "road"


def _stops(leg: Leg) -> bool:
    """A stop inside a road trip: a road border, or a transfer (the truck goes on after it)."""
    return (leg.kind == "border" and leg.mode == "road") or leg.kind == "transfer"


def _schedule_trip(
    snapshot: NetworkSnapshot, legs: list[Leg], leg_edges: Sequence[Sequence[int]], trip: range
) -> None:
    measured = {i: _driving_h(snapshot, leg_edges[i]) for i in trip if _drives(legs[i])}
    first = snapshot.records[leg_edges[trip[0]][0]].parameters
    rules = crew_rules(first)
    if rules is None or None in measured.values():
        return
    driving = {i: hours for i, hours in measured.items() if hours is not None}
    one, two = rules
    slow = {p.name: p.value for p in first}.get("spread_high", 1.0)

    def stretches(stop: str, scale: float) -> list[Stretch]:
        return [
            Stretch(driving[i] * scale, True)
            if i in driving
            else Stretch(getattr(legs[i], stop), False, legs[i].kind == "border")
            for i in trip
        ]

    typical = _on_runs(trip, driving, added_rest_h(stretches("time_h", 1.0), one))
    runs = [i for i in trip if i in driving]
    times = {i: driving[i] + typical[i] for i in runs}
    total = sum(times.values())
    hours = sum(driving.values())
    low = min(hours + sum(added_rest_h(stretches("time_h_low", 1.0), two)), total)
    high = max(hours * slow + sum(added_rest_h(stretches("time_h_high", slow), one)), total)
    for i in runs:
        share = times[i] / total if total > 0 else 1.0 / len(runs)
        legs[i] = legs[i].model_copy(
            update={
                "time_h": times[i],
                "time_h_low": times[i] - (total - low) * share,
                "time_h_high": times[i] + (high - total) * share,
            }
        )


def _on_runs(trip: range, driving: dict[int, float], added: list[float]) -> dict[int, float]:
    """Rest per road leg: a rest taken during a stop counts on the road leg before it."""
    on_runs: dict[int, float] = {}
    last = trip[0]  # a trip starts with a road leg
    for position, leg in enumerate(trip):
        if leg in driving:
            last = leg
        on_runs[last] = on_runs.get(last, 0.0) + added[position]
    return on_runs


def _driving_h(snapshot: NetworkSnapshot, edges: Sequence[int]) -> float | None:
    """Hours at the wheel on a run's edges: length over each edge's speed."""
    total = 0.0
    for edge in edges:
        speed = next((p for p in snapshot.records[edge].parameters if p.unit == "km/h"), None)
        if speed is None or speed.value <= 0:
            return None
        total += float(snapshot.length_km[edge]) / speed.value
    return total
