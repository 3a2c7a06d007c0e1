"""The drivers' rule's steps compiled, and the codes the road-trip kernels share.

``drive``, ``stop``, ``drive_outcomes``, ``stop_outcomes`` … are
:mod:`caravan.analysis.routing.drivers_rule`'s own functions compiled by numba (one source
for itineraries, skims and the time search); :func:`compile_rule` compiles one more, with
the rule's functions it calls bound to their compiled versions. A route loads only these
and the search (``_timed_search_kernels``); skims load ``_road_trip_kernels``.

Per-edge roles: ``OTHER`` ends a trip (rail, ferry, terminals), ``DRIVE`` is a road link,
``STOP`` a road border crossing (a queue: the reduced rest can be taken there), ``WAIT`` a
transfer (the crew goes on after it; a rest there is the regular one), ``PASS`` an edge an
itinerary leaves out (an access or egress of no duration). Crew rules are rows with
columns ``DAY`` … ``SLOW``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

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
    "WAIT",
    "branch_rows",
    "compile_rule",
    "covers",
    "drive",
    "drive_outcomes",
    "stop",
    "stop_outcomes",
]

#: Edge roles in a road trip.
OTHER, DRIVE, STOP, PASS, WAIT = range(5)
#: Columns of ``rules``: driving hours a day, break, daily rest, reduced daily rest (the
#: rest taken during a stop), hours a day may be extended by, and the high spread of driving.
DAY, BREAK, REST, REDUCED, EXTENSION, SLOW = range(6)
RULE_COUNT = 6

_F = "float64"
_TABLE = "float64[:, ::1]"
#: The rule's module namespace, its functions replaced by their compiled versions as they
#: are compiled (numba resolves a called function by its global name).
_namespace: dict[str, Any] = dict(vars(drivers_rule))


def compile_rule(name: str, signature: str) -> Callable[..., Any]:
    """``drivers_rule.<name>`` compiled now for ``signature`` (machine code cached on disk)."""
    source = getattr(drivers_rule, name)
    function = types.FunctionType(source.__code__, _namespace, name, source.__defaults__)
    compiled = numba.njit(signature, cache=True, nogil=True)(function)
    _namespace[name] = compiled
    return compiled


drive = compile_rule(
    "drive",
    f"Tuple(({_F}, {_F}, {_F}, {_F}, {_F}, boolean))({_F}, {_F}, {_F}, {_F}, int64, {_F}, "
    f"{_F}, {_F}, {_F}, {_F})",
)
stop = compile_rule("stop", f"UniTuple({_F}, 3)({_F}, {_F}, {_F}, {_F}, {_F}, {_F}, {_F})")
branch_rows = compile_rule("branch_rows", f"int64({_F}, {_F})")
covers = compile_rule("covers", f"boolean({_F}, {_F}, int64, boolean, {_F}, {_F}, int64, boolean)")
drive_outcomes = compile_rule(
    "drive_outcomes",
    f"int64({_F}, {_F}, {_F}, {_F}, int64, {_F}, {_F}, {_F}, {_F}, {_F}, {_TABLE}, {_TABLE})",
)
stop_outcomes = compile_rule(
    "stop_outcomes", f"int64({_F}, {_F}, {_F}, {_F}, int64, {_F}, {_F}, {_F}, {_TABLE})"
)
