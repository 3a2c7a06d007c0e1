"""The time from departure: an itinerary without what happens at its two ends.

A railway's "the train covers it in 52 h" counts from the train's departure; a forwarder's
"15 days" counts from the shipper's hand-over. The time from departure leaves out the legs
before the first vehicle leaves the origin (the origin terminal: loading, train formation,
consolidation, waiting for the next train; a truck-to-train change at the origin) and those
after the last one arrives at the destination (unloading, release). When the first
vehicle is a ship, the wait for its sailing is left out too (``sailed``): a ferry link's
time holds the wait for the next sailing (half a headway typical, a whole one high) on
top of the sailing time, and a sailing counted from departure has already begun; the ship's
wait at anchor for a berth on arrival (the high end only) stays. Its range is built from the
remaining legs as the door-to-door range is (``route_range``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from caravan.network.timemodel import ANCHORAGE_NAME

if TYPE_CHECKING:
    from caravan.analysis.routing.itinerary import Leg
    from caravan.network import NetworkSnapshot

__all__ = ["END_KINDS", "departure_span", "sailed"]

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


def sailed(leg: Leg, snapshot: NetworkSnapshot, first_edge: int) -> Leg:
    """The first travelling leg without the wait for its sailing, if it begins at sea.

    A ferry link's low is its sailing time (the ship leaves on arrival); what its typical
    and high hold beyond that is the wait for a sailing, which a time from departure does
    not hold (on an imported layer the wait is on the edge putting out from a port's place,
    the sailing's first edge too). The high's wait at anchor on arrival is not a wait for the
    sailing and stays. Any other leg, or a snapshot without ranges, is returned as it is.
    """
    if leg.kind.value != "run" or leg.mode != "ferry":
        return leg
    if snapshot.time_h_low.size != snapshot.edge_count:
        return leg
    low = float(snapshot.time_h_low[first_edge])
    wait = float(snapshot.time_h[first_edge]) - low
    anchorage = sum(
        p.value for p in snapshot.records[first_edge].parameters if p.name == ANCHORAGE_NAME
    )
    wait_high = float(snapshot.time_h_high[first_edge]) - low - anchorage
    return leg.model_copy(
        update={"time_h": leg.time_h - wait, "time_h_high": leg.time_h_high - wait_high}
    )
