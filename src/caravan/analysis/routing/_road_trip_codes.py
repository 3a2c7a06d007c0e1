"""The codes road-trip arrays share: an edge's role in a road trip, the crew-rule columns.

Plain constants, so a route reads them without loading the compiled kernels (numba).

Per-edge roles: ``OTHER`` ends a trip (rail, ferry, terminals), ``DRIVE`` is a road link,
``STOP`` a road border crossing (a queue: the reduced rest can be taken there), ``WAIT`` a
transfer (the crew goes on after it; a rest there is the regular one), ``PASS`` an edge an
itinerary leaves out (an access or egress of no duration). Crew rules are rows with
columns ``DAY`` … ``SLOW``.
"""

from __future__ import annotations

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
    "WAIT",
]

#: Edge roles in a road trip.
OTHER, DRIVE, STOP, PASS, WAIT = range(5)
#: Columns of ``rules``: driving hours a day, break, daily rest, reduced daily rest (the
#: rest taken during a stop), hours a day may be extended by, and the high spread of driving.
DAY, BREAK, REST, REDUCED, EXTENSION, SLOW = range(6)
RULE_COUNT = 6
