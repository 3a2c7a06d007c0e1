"""Routing on the synthetic network: known answers, constraints and invariants."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caravan.api
import caravan.network.cache
from caravan import NoRouteError, Observatory
from caravan.analysis.routing import RouteQuery, Router
from caravan.analysis.routing.search import Deadline
from caravan.analysis.routing.skim import SkimProgress, iterate_skim
from caravan.api import LinkMode, ShipmentUnit, Weight
from caravan.errors import InvalidQueryError, WorkLimitError
from caravan.network import EdgeKind, NetworkSnapshot, network_from_knowledge_base

MONDAY = dt.date(2025, 6, 2)
WEDNESDAY = dt.date(2025, 6, 4)


def test_rail_route_changes_gauge_once_at_the_border(mini: Observatory) -> None:
    best = mini.route("Xi'an", "Tashkent", modes=[LinkMode.RAIL], date=MONDAY).best
    assert best.modes == ("rail",)
    assert best.gauge_changes == 1
    border = next(leg for leg in best.legs if leg.gauge_change)
    assert border.crossing_id == "bcp-khorgos-altynkol-rail"
    assert (border.from_id, border.to_id) == ("cn-khorgos", "kz-altynkol")
    # clearance a→b is 25 h (published for that direction); it includes the 6 h transshipment
    assert border.time_h == pytest.approx(25.0)
    assert border.cost_usd == pytest.approx(
        300.0
    )  # transshipment cost exceeds the 100 USD clearance


def test_totals_are_the_sum_of_the_legs(mini: Observatory) -> None:
    result = mini.route("Xi'an", "Tashkent", date=MONDAY, alternatives=3, pareto=True)
    for itinerary in (result.best, *result.alternatives, *result.pareto):
        assert itinerary.time_h == pytest.approx(sum(leg.time_h for leg in itinerary.legs))
        assert itinerary.cost_usd == pytest.approx(sum(leg.cost_usd for leg in itinerary.legs))
        assert itinerary.length_km == pytest.approx(sum(leg.length_km for leg in itinerary.legs))
        vot = itinerary.value_of_time_usd_per_h
        assert itinerary.generalised_usd == pytest.approx(
            itinerary.cost_usd + vot * itinerary.time_h
        )


def test_the_best_route_minimises_its_weight(mini: Observatory) -> None:
    result = mini.route(
        "Xi'an", "Tashkent", date=MONDAY, by=Weight.TIME, alternatives=3, pareto=True
    )
    assert all(
        result.best.time_h <= i.time_h + 1e-9 for i in (*result.alternatives, *result.pareto)
    )
    cheapest = mini.route("Xi'an", "Tashkent", date=MONDAY, by=Weight.COST).best
    assert all(cheapest.cost_usd <= i.cost_usd + 1e-9 for i in result.pareto)


def test_alternatives_differ_in_crossings_or_modes(mini: Observatory) -> None:
    result = mini.route("Xi'an", "Tashkent", date=MONDAY, alternatives=3)
    signatures = [i.signature for i in (result.best, *result.alternatives)]
    assert len(result.alternatives) == 3
    assert len(set(signatures)) == len(signatures)


def test_the_pareto_front_is_non_dominated(mini: Observatory) -> None:
    front = mini.route("Xi'an", "Tashkent", date=MONDAY, pareto=True).pareto
    assert len(front) >= 2
    for a, b in itertools.permutations(front, 2):
        assert not (a.time_h <= b.time_h and a.cost_usd <= b.cost_usd), (a.signature, b.signature)


def test_avoiding_a_crossing_takes_another(mini: Observatory) -> None:
    best = mini.route("Xi'an", "Almaty", date=MONDAY).best
    other = mini.route("Xi'an", "Almaty", date=MONDAY, avoid=[best.crossings[0]]).best
    assert best.crossings[0] not in other.crossings
    assert other.crossings


def test_via_forces_a_crossing(mini: Observatory) -> None:
    forced = mini.route("Xi'an", "Tashkent", date=MONDAY, via=["bcp-khorgos-nur-zholy-road"]).best
    assert "bcp-khorgos-nur-zholy-road" in forced.crossings


def test_a_chinese_holiday_closes_road_ports_and_says_so(mini: Observatory) -> None:
    national_day = dt.date(2025, 10, 1)
    with pytest.raises(
        NoRouteError,
        match="bcp-khorgos-nur-zholy-road is closed on 2025-10-01, a Chinese public holiday",
    ):
        mini.route("Xi'an", "Almaty", modes=[LinkMode.ROAD], date=national_day)
    assert mini.route("Xi'an", "Almaty", modes=[LinkMode.RAIL], date=national_day).best.crossings


def test_a_seasonal_closure_is_named(mini: Observatory) -> None:
    winter = dt.date(2025, 1, 15)
    with pytest.raises(
        NoRouteError,
        match=r"bcp-saryagash-keles-road is closed on 2025-01-15 \(open 04-01..10-31 only\)",
    ):
        mini.route("Almaty", "Tashkent", modes=[LinkMode.ROAD], date=winter)


def test_a_missing_connection_is_named(mini: Observatory) -> None:
    with pytest.raises(NoRouteError, match="no connection"):
        mini.route("Xi'an", "Tashkent", avoid=["kz"], date=MONDAY)


def test_a_project_link_appears_only_once_in_service(mini: Observatory) -> None:
    snapshot = mini.network(MONDAY)
    assert "rail-almaty-tashkent-new" in snapshot.closures
    assert "prj-test-line" in snapshot.closures["rail-almaty-tashkent-new"]


def test_feu_and_tonne_units_scale_costs_not_times(mini: Observatory) -> None:
    teu = mini.route("Xi'an", "Almaty", date=MONDAY, by=Weight.TIME).best
    feu = mini.route("Xi'an", "Almaty", date=MONDAY, by=Weight.TIME, unit=ShipmentUnit.FEU).best
    tonne = mini.route("Xi'an", "Almaty", date=MONDAY, by=Weight.TIME, unit=ShipmentUnit.TONNE).best
    assert feu.time_h == pytest.approx(teu.time_h)
    assert feu.cost_usd == pytest.approx(1.5 * teu.cost_usd)
    assert tonne.cost_usd == pytest.approx(teu.cost_usd / 10)


def test_itinerary_geojson_has_a_feature_per_leg(mini: Observatory) -> None:
    best = mini.route("Xi'an", "Tashkent", date=MONDAY).best
    collection = best.to_geojson(mini.place_coordinates())
    assert len(collection["features"]) == len(best.legs)
    assert collection["features"][0]["geometry"]["coordinates"][0] == [108.94, 34.27]
    assert collection["properties"]["time_h"] == pytest.approx(best.time_h)


def _transfer_bound(mini: Observatory) -> dict[str, float]:
    """Per place, the largest generalised weight of changing layer there (inf when not possible)."""
    snapshot = mini.network(MONDAY)
    vot = snapshot.parameters.value_of_time_usd_per_h().value
    bound: dict[str, float] = {}
    for place in set(snapshot.node_place):
        layers = {snapshot.node_layer[n] for n in snapshot.layer_nodes(place)}
        transfers = [
            e
            for e in range(snapshot.edge_count)
            if snapshot.kind[e] == EdgeKind.TRANSFER
            and snapshot.node_place[snapshot.source[e]] == place
        ]
        pairs = {
            (snapshot.node_layer[snapshot.source[e]], snapshot.node_layer[snapshot.target[e]])
            for e in transfers
        }
        complete = all((a, b) in pairs for a in layers for b in layers if a != b)
        weights = [snapshot.cost_usd[e] + vot * snapshot.time_h[e] for e in transfers]
        bound[place] = max(weights, default=0.0) if complete else float("inf")
    return bound


def test_skims_obey_the_triangle_inequality(mini: Observatory) -> None:
    skim = mini.skim(date=MONDAY)
    g = skim.generalised_usd
    slack = _transfer_bound(mini)
    n = len(skim.place_ids)
    for i, j, k in itertools.product(range(n), repeat=3):
        allowance = slack.get(skim.place_ids[j], float("inf"))
        assert g[i, k] <= g[i, j] + g[j, k] + allowance + 1e-6


def test_skims_agree_with_single_routes(mini: Observatory) -> None:
    skim = mini.skim(date=MONDAY)
    for i, origin in enumerate(skim.place_ids):
        for j, destination in enumerate(skim.place_ids):
            if i == j:
                continue
            best = mini.route(origin, destination, date=MONDAY).best
            assert skim.generalised_usd[i, j] == pytest.approx(best.generalised_usd)
            assert skim.time_h[i, j] == pytest.approx(best.time_h)
            assert skim.length_km[i, j] == pytest.approx(best.length_km)


def test_skims_mark_unreachable_pairs_with_inf(mini: Observatory) -> None:
    skim = mini.skim(["Xi'an", "Tashkent"], date=dt.date(2025, 10, 1))
    assert np.isfinite(skim.time_h).all()
    assert np.diag(skim.time_h).tolist() == [0.0, 0.0]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2031, 12, 31)))
def test_no_route_uses_a_link_or_crossing_out_of_service(mini: Observatory, date: dt.date) -> None:
    snapshot = mini.network(date)
    try:
        best = mini.route("Xi'an", "Tashkent", date=date).best
    except NoRouteError:
        return
    used = list(best.crossings) + [link for leg in best.legs for link in leg.link_ids]
    assert not [item for item in used if item in snapshot.closures]


# -- explanations and deadlines -------------------------------------------------------------------


class _CountingExplain:
    """An explain callable that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, query: RouteQuery) -> str:
        self.calls += 1
        return "counted"


def _count_failed_searches(router: Router, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Wrap the router's path search; the returned list grows by one per search with no path."""
    failures: list[int] = []
    path = router._path

    def counting(*args: Any, **kwargs: Any) -> list[int] | None:
        edges = path(*args, **kwargs)
        if edges is None:
            failures.append(1)
        return edges

    monkeypatch.setattr(router, "_path", counting)
    return failures


def test_a_found_route_builds_no_explanation_for_its_failed_side_searches(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    explain = _CountingExplain()
    router = Router(embedded.network(WEDNESDAY), explain)
    failures = _count_failed_searches(router, monkeypatch)
    # Yiwu has rail links only, so not every side search finds a path
    query = RouteQuery(origin="cn-yiwu", destination="uz-tashkent", alternatives=3, pareto=True)
    result = router.route(query)
    assert result.alternatives
    assert result.pareto
    assert failures  # some side searches (alternatives, Pareto steps) find no path …
    assert explain.calls == 0  # … and none of them is explained


def test_a_failed_route_is_explained_once(mini: Observatory) -> None:
    explain = _CountingExplain()
    router = Router(mini.network(MONDAY), explain)
    query = RouteQuery(
        origin="cn-xian", destination="uz-tashkent", avoid=("kz",), alternatives=3, pareto=True
    )
    with pytest.raises(NoRouteError, match=r"no route from cn-xian to uz-tashkent .*: counted"):
        router.route(query)
    assert explain.calls == 1


def test_the_open_network_is_compiled_once_per_router(
    mini: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[bool] = []

    def counting(*args: Any, open_everything: bool = False, **kwargs: Any) -> NetworkSnapshot:
        compiled.append(open_everything)
        return network_from_knowledge_base(*args, open_everything=open_everything, **kwargs)

    monkeypatch.setattr(caravan.network.cache, "network_from_knowledge_base", counting)
    national_day = dt.date(2025, 10, 1)
    mini.route("Xi'an", "Almaty", date=national_day, alternatives=3, pareto=True)
    assert compiled == [False]  # a found route needs no open network
    for _ in range(3):
        with pytest.raises(NoRouteError, match="a Chinese public holiday"):
            mini.route("Xi'an", "Almaty", modes=[LinkMode.ROAD], date=national_day)
    with pytest.raises(NoRouteError, match="no connection"):
        mini.route("Xi'an", "Tashkent", avoid=["kz"], date=national_day)
    assert compiled == [False, True]


class _Ticks:
    """A clock that advances one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def _ticking_deadline(reads: int) -> Deadline:
    """A deadline that comes at the ``reads``-th reading of a ticking clock."""
    return Deadline(at=float(reads), seconds=float(reads), clock=_Ticks())


def test_a_deadline_is_checked_between_searches_and_never_yields_part_of_an_answer(
    embedded: Observatory,
) -> None:
    router = Router(embedded.network(WEDNESDAY))
    query = RouteQuery(
        origin="cn-xian",
        destination="uz-tashkent",
        alternatives=5,
        pareto=True,
        via=("kz-almaty", "kg-bishkek"),
    )
    complete = router.route(query)
    # the best route alone needs three readings (before it and before each via step) …
    assert (
        router.route(
            query.model_copy(update={"alternatives": 0, "pareto": False}), _ticking_deadline(4)
        ).best
        == complete.best
    )
    # … so a deadline after five readings stops among the alternatives, with no partial answer
    with pytest.raises(
        WorkLimitError,
        match="route search stopped after 5 s: ask for fewer alternatives or via points",
    ):
        router.route(query, _ticking_deadline(5))
    assert router.route(query, _ticking_deadline(10_000)) == complete


def test_observatory_routes_and_skims_keep_their_deadlines(embedded: Observatory) -> None:
    with pytest.raises(WorkLimitError, match="route search stopped after 0 s"):
        embedded.route("Xi'an", "Tashkent", date=WEDNESDAY, alternatives=3, deadline_s=0.0)
    with pytest.raises(WorkLimitError, match="skim stopped after 0 s: ask for fewer places"):
        list(embedded.iterate_skim(["Xi'an", "Almaty", "Tashkent"], date=WEDNESDAY, deadline_s=0))
    generous = embedded.route("Xi'an", "Tashkent", date=WEDNESDAY, alternatives=3, deadline_s=60)
    assert generous == embedded.route("Xi'an", "Tashkent", date=WEDNESDAY, alternatives=3)


def test_a_skim_past_its_deadline_stops_between_blocks(mini: Observatory) -> None:
    router = Router(mini.network(MONDAY))
    places = ["cn-xian", "kz-almaty", "uz-tashkent"]
    steps = iterate_skim(router, places, chunk_size=1, deadline=_ticking_deadline(3))
    assert isinstance(next(steps), SkimProgress)
    assert isinstance(next(steps), SkimProgress)
    with pytest.raises(WorkLimitError, match="stopped after 3 s"):
        next(steps)


def test_a_route_from_a_place_to_itself_is_refused_not_a_zero_km_route(mini: Observatory) -> None:
    with pytest.raises(InvalidQueryError, match="same place"):
        mini.route("Almaty", "Almaty")
