"""A domestic trip routed through a neighbour is answered as the network allows, and warned."""

from __future__ import annotations

import datetime as dt

from caravan import Observatory
from caravan.analysis.routing.transit import countries_visited
from caravan.api import LinkMode

WEDNESDAY = dt.date(2025, 6, 4)


def test_sary_tash_to_naryn_by_road_crosses_china_and_the_warning_gives_the_kyrgyz_road(
    embedded: Observatory,
) -> None:
    result = embedded.route("Sary-Tash", "Naryn", modes=[LinkMode.ROAD], date=WEDNESDAY)
    assert "cn" in countries_visited(result.best)  # the answer itself is unchanged
    at_home = embedded.route(
        "Sary-Tash", "Naryn", modes=[LinkMode.ROAD], date=WEDNESDAY, avoid=["China"]
    ).best
    assert countries_visited(at_home) == ("kg",)
    assert at_home.length_km > result.best.length_km
    [warning] = [w for w in result.warnings if "both ends" in w]
    assert warning.startswith("both ends are in Kyrgyzstan, but this route crosses China")
    assert f"staying in Kyrgyzstan: {at_home.length_km:,.0f} km" in warning
    assert warning.endswith("(avoid China to take it)")


def test_a_split_railway_says_that_no_route_stays_at_home(embedded: Observatory) -> None:
    """Kyrgyzstan's northern and southern railways meet only through its neighbours."""
    result = embedded.route("Bishkek", "Osh", modes=[LinkMode.RAIL], date=WEDNESDAY)
    [warning] = [w for w in result.warnings if "both ends" in w]
    assert "crosses Kazakhstan and Uzbekistan" in warning
    assert warning.endswith("no route by rail stays in Kyrgyzstan")


def test_trips_that_stay_at_home_or_cross_a_border_on_purpose_are_not_warned(
    embedded: Observatory,
) -> None:
    domestic = embedded.route("Tashkent", "Samarkand", date=WEDNESDAY)
    abroad = embedded.route("Kashgar", "Osh", modes=[LinkMode.ROAD], date=WEDNESDAY)
    asked = embedded.route(
        "Osh", "Naryn", modes=[LinkMode.ROAD], date=WEDNESDAY, via=["bcp-torugart-road"]
    )
    assert countries_visited(domestic.best) == ("uz",)
    assert "kg" in countries_visited(abroad.best)
    assert "cn" in countries_visited(asked.best)
    for result in (domestic, abroad, asked):
        assert not [w for w in result.warnings if "both ends" in w]
