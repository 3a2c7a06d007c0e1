"""The time from departure: an itinerary without what happens at its two ends.

A railway's "the train covers it in 52 h" counts from the train's departure; a forwarder's
"15 days" counts from the shipper's hand-over. The time from departure leaves out the legs
before the first vehicle leaves the origin (the origin terminal: loading, train formation,
consolidation, waiting for the next train; a truck-to-train change at the origin) and those
after the last one arrives at the destination (unloading, release). Its range is built from
the remaining legs as the door-to-door range is (``route_range``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caravan.analysis.routing.itinerary import Leg

__all__ = ["END_KINDS", "departure_span"]

#: Leg kinds that happen at one place without moving the cargo along the route.
END_KINDS = frozenset({"terminal", "transfer"})


def departure_span(legs: Sequence[Leg], origin: str, destination: str) -> tuple[int, int]:
    """(first, stop): the legs ``legs[first:stop]`` from departure to arrival.

    Leading terminal and transfer legs at the origin and trailing ones at the destination
    fall outside; a border crossing or a run always stays inside.
    """
    first, stop = 0, len(legs)
    while first < stop and _at(legs[first], origin):
        first += 1
    while stop > first and _at(legs[stop - 1], destination):
        stop -= 1
    return first, stop


def _at(leg: Leg, place: str) -> bool:
    return leg.kind.value in END_KINDS and leg.from_id == place and leg.to_id == place
