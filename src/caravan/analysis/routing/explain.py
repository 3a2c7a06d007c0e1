"""Saying what blocks a route: closures on the route the full network would take."""

from __future__ import annotations

import threading
from collections.abc import Callable

from caravan.analysis.routing.query import RouteQuery
from caravan.analysis.routing.search import Router
from caravan.errors import NoRouteError
from caravan.network import NetworkSnapshot

__all__ = ["Explainer", "blocking_reasons"]


def blocking_reasons(query: RouteQuery, dated: NetworkSnapshot, full: NetworkSnapshot) -> str:
    """Why ``query`` has no route on the dated snapshot, judged against the full network."""
    return _reasons(query, dated, Router(full))


class Explainer:
    """Explains failed route queries on one dated snapshot, for :class:`Router`.

    The open-everything network an explanation needs costs as much to compile as the dated
    one, so it is compiled lazily, on the first explanation, and then kept (with its
    router's graph cache) for every later one. Safe to call from several threads: the
    network is compiled once.
    """

    def __init__(self, dated: NetworkSnapshot, open_network: Callable[[], NetworkSnapshot]) -> None:
        self.dated = dated
        self._open_network = open_network
        self._full: Router | None = None
        self._lock = threading.Lock()

    def __call__(self, query: RouteQuery) -> str:
        """Why ``query`` has no route on the dated snapshot."""
        return _reasons(query, self.dated, self._full_router())

    def _full_router(self) -> Router:
        with self._lock:
            if self._full is None:
                self._full = Router(self._open_network())
            return self._full


def _reasons(query: RouteQuery, dated: NetworkSnapshot, full: Router) -> str:
    constraints = []
    if query.modes:
        constraints.append("modes " + ", ".join(m.value for m in query.modes))
    if query.avoid:
        constraints.append("avoiding " + ", ".join(query.avoid))
    if query.via:
        constraints.append("via " + ", ".join(query.via))
    try:
        result = full.route(query.model_copy(update={"alternatives": 0, "pareto": False}))
    except NoRouteError:
        shown = f" with {'; '.join(constraints)}" if constraints else ""
        return f"the network has no connection between them{shown}, even with every project built"
    used = [leg.crossing_id for leg in result.best.legs if leg.crossing_id]
    used += [link for leg in result.best.legs for link in leg.link_ids]
    reasons = [dated.closures[item] for item in dict.fromkeys(used) if item in dated.closures]
    if not reasons:
        return "blocked by closures on every alternative"
    return "; ".join(reasons)
