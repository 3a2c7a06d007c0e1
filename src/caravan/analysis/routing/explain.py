"""Saying what blocks a route: closures on the route the full network would take."""

from __future__ import annotations

from caravan.analysis.routing.query import RouteQuery
from caravan.analysis.routing.search import Router
from caravan.errors import NoRouteError
from caravan.network import NetworkSnapshot

__all__ = ["blocking_reasons"]


def blocking_reasons(query: RouteQuery, dated: NetworkSnapshot, full: NetworkSnapshot) -> str:
    """Why ``query`` has no route on the dated snapshot, judged against the full network."""
    constraints = []
    if query.modes:
        constraints.append("modes " + ", ".join(m.value for m in query.modes))
    if query.avoid:
        constraints.append("avoiding " + ", ".join(query.avoid))
    if query.via:
        constraints.append("via " + ", ".join(query.via))
    try:
        result = Router(full).route(query.model_copy(update={"alternatives": 0, "pareto": False}))
    except NoRouteError:
        shown = f" with {'; '.join(constraints)}" if constraints else ""
        return f"the network has no connection between them{shown}, even with every project built"
    used = [leg.crossing_id for leg in result.best.legs if leg.crossing_id]
    used += [link for leg in result.best.legs for link in leg.link_ids]
    reasons = [dated.closures[item] for item in dict.fromkeys(used) if item in dated.closures]
    if not reasons:
        return "blocked by closures on every alternative"
    return "; ".join(reasons)
