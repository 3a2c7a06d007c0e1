"""The drivers' rule's steps compiled, and the helper that compiles a module's functions.

``drive``, ``stop``, ``drive_outcomes``, ``stop_outcomes`` … are
:mod:`caravan.analysis.routing.drivers_rule`'s own functions compiled by numba (one source
for itineraries, skims and the time search); :func:`compile_rule` compiles one more, with
the rule's functions it calls bound to their compiled versions, and :func:`compile_from`
does the same for another module's plain functions (the time search's). Only compiled work
(skims, many searches) loads this module; the codes it re-exports live in
``_road_trip_codes``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import numba

from caravan.analysis.routing import drivers_rule
from caravan.analysis.routing._road_trip_codes import (
    BREAK,
    DAY,
    DRIVE,
    EXTENSION,
    OTHER,
    PASS,
    REDUCED,
    REST,
    RULE_COUNT,
    SLOW,
    STOP,
    WAIT,
)

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
    "compile_from",
    "compile_rule",
    "covers",
    "drive",
    "drive_outcomes",
    "stop",
    "stop_outcomes",
]

_F = "float64"
_TABLE = "float64[:, ::1]"
#: The rule's module namespace, its functions replaced by their compiled versions as they
#: are compiled (numba resolves a called function by its global name).
_namespace: dict[str, Any] = dict(vars(drivers_rule))


def compile_rule(name: str, signature: str) -> Callable[..., Any]:
    """``drivers_rule.<name>`` compiled now for ``signature`` (machine code cached on disk)."""
    return compile_from(getattr(drivers_rule, name), _namespace, signature)


def compile_from(
    source: Callable[..., Any], namespace: dict[str, Any], signature: str | None = None
) -> Callable[..., Any]:
    """``source``'s code compiled with its globals read from ``namespace``, where it is put too.

    Numba binds a called function by its global name, so the functions ``source`` calls are
    compiled first into ``namespace``; without a signature, compiled on the first call (or
    loaded from numba's disk cache, keyed by ``source``'s file).
    """
    name = source.__name__
    function = types.FunctionType(source.__code__, namespace, name, source.__defaults__)
    jit = (
        numba.njit(signature, cache=True, nogil=True)
        if signature
        else numba.njit(cache=True, nogil=True)
    )
    compiled: Callable[..., Any] = jit(function)
    namespace[name] = compiled
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
