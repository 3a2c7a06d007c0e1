"""Routes on the embedded network: the questions planners ask, answered as the record says."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from caravan import Observatory
from caravan.api import LinkMode, Weight

WEDNESDAY = dt.date(2025, 6, 4)
CN_KG_ROAD = {"bcp-irkeshtam-road", "bcp-torugart-road", "bcp-bedel-road"}


def test_xian_to_almaty_by_rail_changes_gauge_once_at_a_china_kazakhstan_crossing(
    embedded: Observatory,
) -> None:
    best = embedded.route("Xi'an", "Almaty", modes=[LinkMode.RAIL], date=WEDNESDAY).best
    assert best.gauge_changes == 1
    [border] = [leg for leg in best.legs if leg.crossing_id]
    assert border.crossing_id in {"bcp-alashankou-dostyk-rail", "bcp-khorgos-altynkol-rail"}
    assert border.gauge_change
    assert border.countries == ("cn", "kz")
    assert border.time_h > 0
    assert border.cost_usd > 0
    assert border.sources
    gauges = [leg.gauge_mm for leg in best.legs if leg.kind == "run"]
    assert gauges[0] == 1435
    assert gauges[-1] == 1520


def test_kashgar_to_osh_by_road_uses_a_kyrgyz_crossing_and_avoiding_it_another(
    embedded: Observatory,
) -> None:
    best = embedded.route("Kashgar", "Osh", modes=[LinkMode.ROAD], date=WEDNESDAY).best
    [first] = [c for c in best.crossings if c in CN_KG_ROAD]
    other = embedded.route(
        "Kashgar", "Osh", modes=[LinkMode.ROAD], date=WEDNESDAY, avoid=[first]
    ).best
    [second] = [c for c in other.crossings if c in CN_KG_ROAD]
    assert second != first
    assert other.time_h > best.time_h


def test_tashkent_to_xian_pareto_front_mixes_modes_or_crossings(embedded: Observatory) -> None:
    # Xi'an to Tashkent has one signature (rail via Altynkol, then road at Saryagash): out of
    # China, Dulata–Kolzhat takes the PRC's outbound road average (17.0 h, USD 358, CPMM
    # 2023) instead of the road median (3.9 h), so the road from China is dominated there.
    front = embedded.route("Tashkent", "Xi'an", pareto=True, date=WEDNESDAY).pareto
    assert len({i.signature for i in front}) >= 2
    for a, b in itertools.permutations(front, 2):
        assert not (a.time_h <= b.time_h and a.cost_usd <= b.cost_usd)


def test_the_cku_railway_carries_nothing_before_it_opens(embedded: Observatory) -> None:
    cku_links = {link.id for link in embedded.project("prj-cku-railway").links}
    assert cku_links
    best = embedded.route(
        "Kashgar", "Andijan", modes=[LinkMode.RAIL], date=WEDNESDAY, by=Weight.TIME
    )
    used = {link for leg in best.best.legs for link in leg.link_ids}
    assert not used & cku_links
    snapshot = embedded.network(WEDNESDAY)
    assert all(link in snapshot.closures for link in cku_links)


def test_a_skim_of_the_corridor_cities_is_complete(embedded: Observatory) -> None:
    cities = ["Xi'an", "Urumqi", "Almaty", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Astana"]
    skim = embedded.skim(cities, date=WEDNESDAY)
    off_diagonal = ~np.eye(len(cities), dtype=bool)
    assert (skim.time_h[off_diagonal] > 0).all()
    assert np.isfinite(skim.generalised_usd).all()


def test_every_kazakh_road_place_reaches_almaty_by_road_and_the_trunk_roads_stay_at_home(
    embedded: Observatory,
) -> None:
    """Astana, the centre, the east (Maikapchagai too) and the Caspian reach Almaty on Kazakh roads.

    The best route may run through a neighbour (then it is warned); with every other country
    avoided, the trunk places still reach Almaty, on Kazakh roads only.
    """
    road_places = {
        end
        for link in embedded.kb.links(mode="road")
        for end in (link.from_id, link.to_id)
        if end.startswith("kz-")
    }
    trunk = {"kz-astana", "kz-karaganda", "kz-zhezkazgan", "kz-ayagoz", "kz-bakhty", "kz-semey"}
    trunk |= {"kz-aktau", "kz-kuryk", "kz-beyneu", "kz-atyrau", "kz-aktobe"}
    trunk |= {"kz-maikapchagai", "kz-kalbatau", "kz-ust-kamenogorsk"}
    assert trunk <= road_places
    abroad = [c.id for c in embedded.kb.countries() if c.id != "kz"]
    for place in sorted(road_places - {"kz-almaty"}):
        result = embedded.route(place, "kz-almaty", modes=[LinkMode.ROAD], date=WEDNESDAY)
        left = {c for leg in result.best.legs for c in leg.countries} - {"kz"}
        # A trip that runs through a neighbour (the Caspian by Uzbekistan's A380) says so.
        assert bool(left) == any("both ends are in Kazakhstan" in w for w in result.warnings)
        if place in trunk:
            at_home = embedded.route(
                place, "kz-almaty", modes=[LinkMode.ROAD], date=WEDNESDAY, avoid=abroad
            ).best
            visited = {end for leg in at_home.legs for end in (leg.from_id, leg.to_id)}
            assert visited <= road_places, (place, sorted(visited - road_places))


def test_karakalpakstan_reaches_tashkent_on_uzbek_roads(embedded: Observatory) -> None:
    """The A380 ties Nukus, Kungrad and the Daut-Ata post to Bukhara, so none goes by Kazakhstan."""
    for place in ("uz-nukus", "uz-kungrad", "uz-karakalpakiya"):
        best = embedded.route(place, "uz-tashkent", modes=[LinkMode.ROAD], date=WEDNESDAY).best
        used = {link for leg in best.legs for link in leg.link_ids}
        assert "road-bukhara-nukus" in used, place
        assert not best.crossings, (place, best.crossings)
        assert best.length_km < 1600, (place, best.length_km)


def test_the_north_south_road_ties_osh_to_naryn_once_it_opened(embedded: Observatory) -> None:
    """Kazarman–Jalal-Abad is in use from October 2024; before it Osh reached Naryn by Bishkek."""
    best = embedded.route("kg-osh", "kg-naryn", modes=[LinkMode.ROAD], date=WEDNESDAY).best
    used = {link for leg in best.legs for link in leg.link_ids}
    assert {"road-kazarman-jalal-abad", "road-kochkor-kazarman", "road-kochkor-naryn"} <= used
    assert not best.crossings
    assert best.length_km == pytest.approx(100 + 142 + 236 + 165)
    before = embedded.route(
        "kg-osh", "kg-naryn", modes=[LinkMode.ROAD], date=dt.date(2024, 6, 1), avoid=["China"]
    ).best
    assert "road-kazarman-jalal-abad" not in {link for leg in before.legs for link in leg.link_ids}
    assert before.length_km > 1000
