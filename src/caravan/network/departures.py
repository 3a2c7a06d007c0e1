"""Waiting for the next train, from published departure frequencies (``rail_services.csv``).

A container that reaches a rail hub at a random moment waits on average half the time
between two departures (the headway, 168 h / trains a week): low no wait (the train is
about to leave), typical half a headway, high a whole one, as for a ferry's sailings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from caravan.model import RailService
from caravan.network.parameters import Parameter

__all__ = ["HOURS_PER_WEEK", "departures_in_force", "wait_range_h"]

HOURS_PER_WEEK = 168.0


def departures_in_force(rows: Iterable[object], date: dt.date) -> dict[str, Parameter]:
    """Trains per week in force at each origin on a date (the most frequent service there).

    A row holds from ``valid_from`` to ``valid_until``, or without one until the next row
    of the same origin and destination. The departure does not know where a container
    goes, so where several services are in force the most frequent one is taken.
    """
    by_service: dict[tuple[str, str], list[RailService]] = defaultdict(list)
    for row in rows:
        if isinstance(row, RailService):
            by_service[(row.origin_id, row.towards)].append(row)
    found: dict[str, Parameter] = {}
    for (origin, _), rows_of_service in by_service.items():
        current = _row_in_force(rows_of_service, date)
        if current is None:
            continue
        known = found.get(origin)
        if known is None or current.trains_per_week > known.value:
            found[origin] = Parameter(
                f"rail departures {origin}", current.trains_per_week, "per week", current.source
            )
    return found


def wait_range_h(trains_per_week: float) -> tuple[float, float, float]:
    """(low, typical, high) hours waiting for the next departure: 0, half and a whole headway."""
    headway = HOURS_PER_WEEK / trains_per_week
    return 0.0, headway / 2.0, headway


def _row_in_force(rows: list[RailService], date: dt.date) -> RailService | None:
    started = [r for r in rows if r.valid_from <= date]
    if not started:
        return None
    latest = max(started, key=lambda r: r.valid_from)
    if latest.valid_until is not None and latest.valid_until < date:
        return None
    return latest
