"""The drivers'-hours rule as steps on a crew's state: the one source of the rule.

A crew's state is the hours driven today, driving since the last break, today's limit and
the extended days left. :func:`drive` moves it along a stretch of driving until the
stretch ends or the day's driving is used up while an extension is still possible: there
the rule leaves a choice (extend the day, or take the daily rest). A stop leaves a choice
too: carry on after it, or take the break or the daily rest during it (the stop then lasts
at least the break, or the rest: the reduced one in a border queue, the regular one at a
transfer, as on the road). Every caller tries every way and keeps the least time:
:func:`drive_outcomes` and :func:`stop_outcomes` list the ways through one stretch,
:func:`trip_rest` times a whole trip, and the route search tries them over paths.

Plain Python on floats and arrays, so itineraries call it as it is and the compiled kernels
(``_road_trip_steps``, ``_road_trip_kernels``) compile these same functions with numba.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "CONTINUOUS_DRIVING_H",
    "EXTENDED_DAYS",
    "TOLERANCE_H",
    "branch_rows",
    "covers",
    "drive",
    "drive_outcomes",
    "stop",
    "stop_outcomes",
    "trip_rest",
    "trip_rest_in",
]

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


def branch_rows(hours: float, day: float) -> int:
    """Rows enough for :func:`drive_outcomes` on ``hours`` of driving (outcomes and scratch).

    A choice comes at most once per ``day`` of driving (plus one at the start), and a way
    through extends at most ``EXTENDED_DAYS`` of them.
    """
    choices = int(hours / day) + 2 if day > 0.0 else 2
    rows = 1
    for taken in range(EXTENDED_DAYS + 1):  # ways with 0, 1, 2 extensions: C(choices, taken)
        ways = 1
        for k in range(taken):
            ways = ways * (choices - k) // (k + 1)
        rows += ways
    return max(rows, choices + 2)


def drive_outcomes(
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
    pending: Any,
    out: Any,
) -> int:
    """Every way to drive ``hours`` from a state, as rows of ``out`` (rest added, today,
    continuous, day limit, extensions left); their count. ``pending`` is scratch of 6 columns;
    both have :func:`branch_rows` rows. At each choice the day is extended first, then rested."""
    pending[0, 0], pending[0, 1], pending[0, 2] = hours, today, continuous
    pending[0, 3], pending[0, 4], pending[0, 5] = day_limit, float(extensions), 0.0
    waiting = 1
    count = 0
    while waiting > 0:
        waiting -= 1
        spare = int(pending[waiting, 4])
        added = pending[waiting, 5]
        left, now, since, limit, rested, chosen = drive(
            pending[waiting, 0], pending[waiting, 1], pending[waiting, 2], pending[waiting, 3],
            spare, day, continuous_limit, break_h, rest, extension,
        )  # fmt: skip
        added += rested
        if not chosen:
            out[count, 0], out[count, 1], out[count, 2] = added, now, since
            out[count, 3], out[count, 4] = limit, float(spare)
            count += 1
            continue
        pending[waiting, 0], pending[waiting, 1], pending[waiting, 2] = left, 0.0, 0.0
        pending[waiting, 3], pending[waiting, 4] = day, float(spare)
        pending[waiting, 5] = added + rest
        pending[waiting + 1, 0], pending[waiting + 1, 1] = left, now
        pending[waiting + 1, 2], pending[waiting + 1, 3] = since, limit + extension
        pending[waiting + 1, 4], pending[waiting + 1, 5] = float(spare - 1), added
        waiting += 2
    return count


def stop_outcomes(
    hours: float,
    today: float,
    continuous: float,
    day_limit: float,
    extensions: int,
    day: float,
    break_h: float,
    stop_as_rest: float,
    out: Any,
) -> int:
    """The ways through a stop of ``hours``, as rows of ``out`` (hours it lasts, today,
    continuous, day limit, extensions left); their count (1 to 3).

    Carry on after it (:func:`stop`); or, where the stop is shorter, take the break during
    it (it lasts ``break_h``) or the daily rest (it lasts ``stop_as_rest``, the day resets).
    A stop long enough to be the daily rest may also be taken as no rest (the crew's day goes
    on), since a day reset early can put the next break before the day's end.
    """
    now, since, limit = stop(hours, today, continuous, day_limit, day, break_h, stop_as_rest)
    out[0, 0], out[0, 1], out[0, 2], out[0, 3] = hours, now, since, limit
    count = 1
    if hours >= stop_as_rest - TOLERANCE_H and today > TOLERANCE_H:
        rested = 0.0 if hours >= break_h - TOLERANCE_H else continuous
        out[count, 0], out[count, 1], out[count, 2] = hours, today, rested
        out[count, 3] = day_limit
        count += 1
    if since > TOLERANCE_H and hours < break_h - TOLERANCE_H:
        out[count, 0], out[count, 1], out[count, 2], out[count, 3] = break_h, now, 0.0, limit
        count += 1
    if (now > TOLERANCE_H or since > TOLERANCE_H) and hours < stop_as_rest - TOLERANCE_H:
        out[count, 0], out[count, 1], out[count, 2], out[count, 3] = stop_as_rest, 0.0, 0.0, day
        count += 1
    for row in range(count):
        out[row, 4] = float(extensions)
    return count


def covers(
    spare: float,
    continuous: float,
    extensions: int,
    extensible: bool,
    other_spare: float,
    other_continuous: float,
    other_extensions: int,
    other_extensible: bool,
) -> bool:
    """Whether a crew state is as good as another for any driving ahead: as much of today's
    driving left, no more since the break, no fewer extensions, the day no less extensible."""
    return (
        spare >= other_spare
        and continuous <= other_continuous
        and extensions >= other_extensions
        and (extensible or not other_extensible)
    )


def trip_rest(
    hours: Any,
    driving: Any,
    border: Any,
    count: int,
    day: float,
    continuous_limit: float,
    break_h: float,
    rest: float,
    stop_as_rest: float,
    extension: float,
    added: Any,
) -> float:
    """The least breaks and rests a trip of ``count`` stretches needs; each stretch's into ``added``.

    ``hours[i]`` is a stretch's driving, or a stop's length where ``driving[i]`` is false; a
    stop's share is what resting during it adds to it. A border stop (``border[i]``: the
    crew sleeps in the queue) lasts ``stop_as_rest`` (the reduced rest) when it is the rest,
    any other (a transfer) ``rest``, as on the road, so a detour through a terminal never
    buys a shorter rest. The crew starts rested. Tables for :func:`trip_rest_in` are made
    here, larger until they hold every way kept.
    """
    longest = 0.0
    for index in range(count):
        if driving[index]:
            longest = max(longest, hours[index])
    rows = branch_rows(longest, day)
    ways = 64
    while True:
        total = trip_rest_in(
            hours, driving, border, count, day, continuous_limit, break_h, rest, stop_as_rest,
            extension, added, np.empty((rows, 6)), np.empty((rows, 5)), np.empty((ways, 5)),
            np.empty((ways, 3), dtype=np.int64),
        )  # fmt: skip
        if total >= 0.0:
            return total
        ways *= 4


def trip_rest_in(
    hours: Any,
    driving: Any,
    border: Any,
    count: int,
    day: float,
    continuous_limit: float,
    break_h: float,
    rest: float,
    stop_as_rest: float,
    extension: float,
    added: Any,
    pending: Any,
    outcome: Any,
    floats: Any,
    ints: Any,
) -> float:
    """:func:`trip_rest` in the given tables (-1 where they are too small, nothing else kept).

    ``pending`` (6 columns) and ``outcome`` (5) need :func:`branch_rows` rows for the longest
    driving stretch; ``floats`` (5) and ``ints`` (3) a row per way kept. Every way through
    each stretch is tried, stretch by stretch, and a way whose state another way covers at
    no more time, with as much of today's driving left, is dropped (the first kept of
    equals), so the least is exact: more driving left today is not always better (the day's
    end can fall where a break would), so ways with different days left are all kept.
    """
    longest = 0.0
    for index in range(count):
        if driving[index]:
            longest = max(longest, hours[index])
    if pending.shape[0] < branch_rows(longest, day) or outcome.shape[0] < pending.shape[0]:
        return -1.0
    # per way: time added so far, today, continuous, limit, added on its last stretch;
    # extensions left, the way it continues (-1: the start), dropped (1)
    floats[0, 0], floats[0, 1], floats[0, 2], floats[0, 3], floats[0, 4] = 0.0, 0.0, 0.0, day, 0.0
    ints[0, 0], ints[0, 1], ints[0, 2] = EXTENDED_DAYS, -1, 0
    begin, end = 0, 1
    for index in range(count):
        layer = end
        for way in range(begin, end):
            if ints[way, 2] != 0:
                continue
            today, continuous, limit = floats[way, 1], floats[way, 2], floats[way, 3]
            if driving[index]:
                ways = drive_outcomes(hours[index], today, continuous, limit, ints[way, 0], day,
                                      continuous_limit, break_h, rest, extension, pending,
                                      outcome)  # fmt: skip
            else:
                resting = stop_as_rest if border[index] else rest
                ways = stop_outcomes(hours[index], today, continuous, limit, ints[way, 0], day,
                                     break_h, resting, outcome)  # fmt: skip
                for row in range(ways):
                    outcome[row, 0] -= hours[index]
            for row in range(ways):
                total = floats[way, 0] + outcome[row, 0]
                spare = outcome[row, 3] - outcome[row, 1]
                extensible = outcome[row, 3] == day
                extensions = int(outcome[row, 4])
                dropped = False
                for other in range(layer, end):
                    if ints[other, 2] != 0:
                        continue
                    other_spare = floats[other, 3] - floats[other, 1]
                    other_extensible = floats[other, 3] == day
                    same_day = abs(other_spare - spare) <= TOLERANCE_H
                    if same_day and floats[other, 0] <= total and covers(
                        other_spare, floats[other, 2], ints[other, 0], other_extensible,
                        spare, outcome[row, 2], extensions, extensible,
                    ):  # fmt: skip
                        dropped = True
                        break
                    if same_day and total <= floats[other, 0] and covers(
                        spare, outcome[row, 2], extensions, extensible,
                        other_spare, floats[other, 2], ints[other, 0], other_extensible,
                    ):  # fmt: skip
                        ints[other, 2] = 1
                if dropped:
                    continue
                if end == floats.shape[0]:
                    return -1.0
                floats[end, 0], floats[end, 1], floats[end, 2] = total, outcome[row, 1], outcome[row, 2]  # fmt: skip
                floats[end, 3], floats[end, 4] = outcome[row, 3], outcome[row, 0]
                ints[end, 0], ints[end, 1], ints[end, 2] = extensions, way, 0
                end += 1
        begin = layer
    best = -1
    for way in range(begin, end):
        if ints[way, 2] == 0 and (best < 0 or floats[way, 0] < floats[best, 0]):
            best = way
    total = 0.0
    for index in range(count - 1, -1, -1):
        added[index] = floats[best, 4]
        total += float(added[index])
        best = ints[best, 1]
    return total
