"""Domestic trips that cross a neighbour: said, with the trip on the home network beside it.

The network has no transit or cabotage permits: a truck from Kashgar to Khorgos may run
through Kyrgyzstan and Kazakhstan when that is cheaper by the query's weight. Such an answer
is kept (it is what the network allows), but the result says so and gives the best route
that stays at home, so that a reader does not take a permit-bound detour for the obvious
domestic trip.
"""

from __future__ import annotations

from collections.abc import Mapping

from caravan.analysis.routing.itinerary import Itinerary
from caravan.analysis.routing.search import Deadline, Router, RouteResult
from caravan.errors import NoRouteError

__all__ = ["countries_visited", "with_transit_warning"]


def countries_visited(itinerary: Itinerary) -> tuple[str, ...]:
    """Every country the itinerary's legs touch, in the order first reached."""
    return tuple(dict.fromkeys(c for leg in itinerary.legs for c in leg.countries))


def with_transit_warning(
    result: RouteResult,
    router: Router,
    home: str,
    country_names: Mapping[str, str],
    deadline: Deadline | None = None,
) -> RouteResult:
    """The result, warned when both ends lie in ``home`` but the best route leaves it.

    The warning names the countries crossed and gives the best route on ``home``'s own
    network (every other country avoided), or says that none exists with the query's modes.
    A query with via points asked for its path and is not warned.
    """
    query = result.query
    if query.via:
        return result
    abroad = [c for c in countries_visited(result.best) if c != home]
    if not abroad:
        return result
    others = tuple(c for c in country_names if c != home and c not in query.avoid)
    at_home_query = query.model_copy(
        update={"avoid": (*query.avoid, *others), "alternatives": 0, "pareto": False}
    )
    try:
        at_home: Itinerary | None = router.route(at_home_query, deadline).best
    except NoRouteError:
        at_home = None
    return result.model_copy(
        update={
            "warnings": (
                *result.warnings,
                _warning(home, abroad, at_home, query.modes, country_names),
            )
        }
    )


def _warning(
    home: str,
    abroad: list[str],
    at_home: Itinerary | None,
    modes: tuple[str, ...] | None,
    names: Mapping[str, str],
) -> str:
    """One sentence: where the route goes, what the network does not model, the home route."""
    home_name = names.get(home, home)
    crossed = _and([names.get(c, c) for c in abroad])
    lead = (
        f"both ends are in {home_name}, but this route crosses {crossed}: the network models "
        "no transit or cabotage permits"
    )
    if at_home is None:
        by = f" by {_and(list(modes))}" if modes else ""
        return f"{lead}; no route{by} stays in {home_name}"
    return (
        f"{lead}; staying in {home_name}: {at_home.length_km:,.0f} km, "
        f"{_duration(at_home.time_h)} (avoid {crossed} to take it)"
    )


def _and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _duration(hours: float) -> str:
    """Hours under two days, days from there, as the route summaries print them."""
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.1f} days"
