"""The drivers'-hours rule as steps on a crew's state: the one source of the rule.

A crew's state is the hours driven today, driving since the last break, today's limit and
the extended days left. :func:`drive` moves it along a stretch of driving until the
stretch ends or the day's driving is used up while an extension is still possible: there
the rule leaves a choice (extend the day, or take the daily rest), which every caller tries
both ways and keeps the least time (itineraries over a trip's choices, the route search over
paths and choices). :func:`stop` applies a stop (border queue) to the state.

Plain Python on floats, so the itinerary calls it as it is and the compiled kernels
(``_road_trip_kernels``) compile these same functions with numba.
"""

from __future__ import annotations

__all__ = ["CONTINUOUS_DRIVING_H", "EXTENDED_DAYS", "TOLERANCE_H", "drive", "stop"]

#: AETR: a break is due after this much continuous driving (asm-time-road-break).
CONTINUOUS_DRIVING_H = 4.5
#: AETR: the daily driving may be extended twice a week (asm-time-road-extended-driving-day);
#: a trip is taken to last under a week, so twice a trip.
EXTENDED_DAYS = 2
TOLERANCE_H = 1e-9


def drive(
    hours: float,
    today: float,
    continuous: float,
    day_limit: float,
    extensions: int,
    day: float,
    continuous_limit: float,
    break_h: float,
    rest: float,
    extension: float,
) -> tuple[float, float, float, float, float, bool]:
    """Drive ``hours`` from a state: (hours left, today, continuous, day limit, rest added, choice).

    Breaks and daily rests fall where the rule puts them (a rest only when more driving
    follows). It stops early, with ``choice`` true, where the day is used up and could be
    extended: the caller then extends (limit + ``extension``, one extension fewer) or rests.
    """
    remaining = hours
    added = 0.0
    while remaining > TOLERANCE_H:
        allowed = min(day_limit - today, continuous_limit - continuous)
        if allowed > TOLERANCE_H:
            driven = min(allowed, remaining)
            remaining -= driven
            today += driven
            continuous += driven
        elif day_limit - today > TOLERANCE_H:
            added += break_h
            continuous = 0.0
        elif day_limit == day and extensions > 0 and extension > 0.0:
            return remaining, today, continuous, day_limit, added, True
        else:
            added += rest
            today = 0.0
            continuous = 0.0
            day_limit = day
    return 0.0, today, continuous, day_limit, added, False


def stop(
    hours: float,
    today: float,
    continuous: float,
    day_limit: float,
    day: float,
    break_h: float,
    stop_as_rest: float,
) -> tuple[float, float, float]:
    """A stop of ``hours``: (today, continuous, day limit); long enough, it is the rest or a break."""
    if hours >= stop_as_rest - TOLERANCE_H:
        return 0.0, 0.0, day
    if hours >= break_h - TOLERANCE_H:
        return today, 0.0, day_limit
    return today, continuous, day_limit
