"""The drivers' rule's steps compiled, and the codes the road-trip kernels share.

``drive`` and ``stop`` are :mod:`caravan.analysis.routing.drivers_rule`'s own functions
compiled by numba (one source for itineraries, skims and the time search). A route loads
only these and the search (``_timed_search_kernels``); skims load ``_road_trip_kernels``.

Per-edge roles: ``OTHER`` ends a trip (rail, ferry, terminals), ``DRIVE`` is a road link,
``STOP`` a road border crossing or a transfer, ``PASS`` an edge an itinerary leaves out (an
access or egress of no duration). Crew rules are rows with columns ``DAY`` … ``SLOW``.
"""

from __future__ import annotations

import numba

from caravan.analysis.routing import drivers_rule

__all__ = [
    "BREAK",
    "DAY",
    "DRIVE",
    "EXTENSION",
    "OTHER",
    "PASS",
    "REDUCED",
    "REST",
    "RULE_COUNT",
    "SLOW",
    "STOP",
    "drive",
    "stop",
]

#: Edge roles in a road trip.
OTHER, DRIVE, STOP, PASS = range(4)
#: Columns of ``rules``: driving hours a day, break, daily rest, reduced daily rest (a stop
#: this long is the rest), hours a day may be extended by, and the high spread of driving.
DAY, BREAK, REST, REDUCED, EXTENSION, SLOW = range(6)
RULE_COUNT = 6

_F = "float64"

#: The rule's steps, compiled now (machine code cached on disk) from the itinerary's source.
drive = numba.njit(
    f"Tuple(({_F}, {_F}, {_F}, {_F}, {_F}, boolean))({_F}, {_F}, {_F}, {_F}, int64, {_F}, "
    f"{_F}, {_F}, {_F}, {_F})",
    cache=True,
    nogil=True,
)(drivers_rule.drive)
stop = numba.njit(
    f"UniTuple({_F}, 3)({_F}, {_F}, {_F}, {_F}, {_F}, {_F}, {_F})", cache=True, nogil=True
)(drivers_rule.stop)
