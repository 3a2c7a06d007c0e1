"""Skims time road trips as itineraries do: drivers' hours over the whole trip, on arrays."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caravan import NoRouteError, Observatory
from caravan.analysis.comparison.claims import CORRIDOR_DESTINATIONS, CORRIDOR_ORIGINS
from caravan.analysis.comparison.compare import _mode_routes
from caravan.analysis.routing import _road_trip_kernels as kernels
from caravan.analysis.routing import _road_trip_steps as steps
from caravan.analysis.routing.drivers_hours import CrewRules, Stretch, added_rest_h
from caravan.analysis.routing.itinerary import Itinerary, itinerary_from_edges
from caravan.analysis.routing.query import RouteQuery, Weight
from caravan.analysis.routing.road_trips import road_trip_timing
from caravan.analysis.routing.search import Router
from caravan.analysis.routing.skim import skim_matrices
from caravan.model import LinkMode
from caravan.network import CostSettings

DATE = dt.date(2025, 7, 1)
PLACES = [
    "cn-urumqi", "cn-kashgar", "cn-khorgos", "cn-xian", "kz-almaty", "kz-astana",
    "kz-shymkent", "kg-bishkek", "kg-osh", "uz-tashkent", "uz-samarkand", "uz-andijan",
    "tj-dushanbe", "tj-khujand", "tm-ashgabat",
]  # fmt: skip
QUANTITIES = ("time_h", "time_h_low", "time_h_high", "cost_usd", "length_km", "generalised_usd")


def _compiled_added(stretches: list[Stretch], rules: CrewRules) -> list[float]:
    hours = np.array([s.hours for s in stretches] or [0.0])
    driving = np.array([s.driving for s in stretches] or [False])
    border = np.array([s.border for s in stretches] or [False])
    added = np.zeros(hours.size)
    limit = np.inf if rules.continuous_driving_h is None else rules.continuous_driving_h
    kernels.added_rest(hours, driving, border, len(stretches), rules.daily_driving_h, limit,
                       rules.break_h, rules.daily_rest_h, rules.stop_as_rest_h,
                       rules.extension_h, added)  # fmt: skip
    return [float(value) for value in added[: len(stretches)]]


_stretches = st.lists(
    st.builds(Stretch, st.floats(0.0, 30.0, allow_nan=False), st.booleans(), st.booleans()),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_stretches, st.floats(6.0, 11.0), st.floats(0.0, 2.0), st.sampled_from([0.0, 1.0]))
def test_compiled_rest_rule_equals_the_itinerary_rule(
    stretches: list[Stretch], day: float, extension: float, breaks: float
) -> None:
    one = CrewRules(day, kernels._CONTINUOUS_H, 0.75, 11.0, 9.0, extension)
    two = CrewRules(2.0 * day, None, 0.0, 9.0, 9.0, 2.0 * extension)
    odd = CrewRules(day, kernels._CONTINUOUS_H, breaks, 11.0, 9.0, extension)
    for rules in (one, two, odd):
        assert _compiled_added(stretches, rules) == pytest.approx(added_rest_h(stretches, rules))


def test_the_compiled_rule_adds_rests_where_the_hand_worked_trip_has_them() -> None:
    # 20 h of driving, one driver: two 10-h days (extended), each 4.5 + 4.5 + 1 h with two
    # breaks, and one daily rest between them
    one = CrewRules(9.0, 4.5, 0.75, 11.0, 9.0, 1.0)
    added = _compiled_added([Stretch(20.0, True)], one)
    assert sum(added) == pytest.approx(11.0 + 4 * 0.75)
    # a 10-h border stop between two 10-h drives is the rest: breaks only
    stopped = _compiled_added([Stretch(10.0, True), Stretch(10.0, False), Stretch(10.0, True)], one)
    assert stopped == pytest.approx([1.5, 0.0, 1.5])


def _route_or_none(
    observatory: Observatory, origin: str, destination: str, by: Weight, road_only: bool = False
) -> Itinerary | None:
    try:
        modes: list[LinkMode] | None = [LinkMode.ROAD] if road_only else None
        return observatory.route(origin, destination, by=by, modes=modes, date=DATE).best
    except NoRouteError:
        return None


@pytest.mark.parametrize("by", [Weight.TIME, Weight.GENERALISED])
def test_skim_cells_equal_the_routes_of_road_and_mixed_pairs(
    embedded: Observatory, by: Weight
) -> None:
    known = {p.id for p in embedded.kb.places()}
    places = [p for p in PLACES if p in known]
    skim = embedded.skim(places, by=by, date=DATE)
    road_pairs = 0
    for i, origin in enumerate(places):
        for j, destination in enumerate(places):
            if i == j:
                continue
            best = _route_or_none(embedded, origin, destination, by)
            if best is None:
                assert not np.isfinite(skim.time_h[i, j])
                continue
            road_pairs += any(leg.mode == "road" and leg.kind == "run" for leg in best.legs)
            for name in QUANTITIES:
                assert getattr(skim, name)[i, j] == pytest.approx(
                    getattr(best, name), rel=1e-9, abs=1e-9
                ), (origin, destination, name)
    assert road_pairs >= 20


def test_road_only_skims_equal_road_only_routes(embedded: Observatory) -> None:
    router = embedded._router(DATE, CostSettings())
    places = [p for p in PLACES if p in router.snapshot.origin_node]
    skim = skim_matrices(router, places, Weight.TIME, modes=("road",))
    rested = 0
    for i, origin in enumerate(places):
        for j, destination in enumerate(places):
            best = None if i == j else _route_or_none(
                embedded, origin, destination, Weight.TIME, road_only=True
            )  # fmt: skip
            if best is None:
                continue
            for name in ("time_h", "time_h_low", "time_h_high", "cost_usd"):
                assert getattr(skim, name)[i, j] == pytest.approx(
                    getattr(best, name), rel=1e-9, abs=1e-9
                ), (origin, destination, name)
            rested += best.time_h > 24.0  # more than a day's driving: rests are due
    assert rested >= 10


def test_a_skim_differs_from_edge_sums_only_on_paths_that_drive(embedded: Observatory) -> None:
    router = embedded._router(DATE, CostSettings())
    snapshot = router.snapshot
    places = [p for p in PLACES if p in snapshot.origin_node]
    graph = router.graph(Weight.TIME, None, ())
    timed = router.timed_search(Weight.TIME, graph)
    assert timed is not None
    timing = road_trip_timing(snapshot)
    skim = skim_matrices(router, places, Weight.TIME)
    changed = faster = 0
    for i, origin in enumerate(places):
        distances, predecessors = graph.shortest_from(snapshot.origin_node[origin])
        for j, destination in enumerate(places):
            target = snapshot.destination_node[destination]
            if i == j or not np.isfinite(distances[target]):
                continue
            edges = timed.path(snapshot.origin_node[origin], target)
            assert edges is not None
            edge_sum = float(snapshot.time_h[edges].sum())
            drives = any(timing.role[e] == steps.DRIVE for e in edges)
            if not drives:
                assert skim.time_h[i, j] == pytest.approx(edge_sum, rel=1e-12)
            else:
                changed += abs(skim.time_h[i, j] - edge_sum) > 1e-6
            itinerary = itinerary_from_edges(snapshot, edges, origin, destination, "time")
            assert skim.time_h[i, j] == pytest.approx(itinerary.time_h, rel=1e-9)
            change = timing.path_change(edges)
            assert edge_sum + change[0] == pytest.approx(itinerary.time_h, rel=1e-9)
            # the path the per-edge drivers' factor chooses reports no less time
            by_factor = graph.path_edges(predecessors, target)
            factor_time = itinerary_from_edges(snapshot, by_factor, origin, destination, "time")
            assert itinerary.time_h <= factor_time.time_h + 1e-9
            faster += itinerary.time_h < factor_time.time_h - 1e-6
    assert changed >= 20
    assert faster >= 1


def test_a_skim_without_road_keeps_edge_sums(embedded: Observatory) -> None:
    router = embedded._router(DATE, CostSettings())
    snapshot = router.snapshot
    places = [p for p in PLACES if p in snapshot.origin_node]
    rail = skim_matrices(router, places, Weight.TIME, modes=("rail",))
    graph = router.graph(Weight.TIME, ("rail",), ())
    compared = 0
    for i, origin in enumerate(places):
        distances, predecessors = graph.shortest_from(snapshot.origin_node[origin])
        for j, destination in enumerate(places):
            target = snapshot.destination_node[destination]
            if i != j and np.isfinite(distances[target]):
                edges = graph.path_edges(predecessors, target)
                assert rail.time_h[i, j] == float(np.cumsum(snapshot.time_h[edges])[-1])
                compared += 1
    assert compared >= 50


def test_timing_needs_the_crew_rules_of_the_first_road_edge(embedded: Observatory) -> None:
    router: Router = embedded._router(DATE, CostSettings())
    timing = road_trip_timing(router.snapshot)
    drives = timing.role == steps.DRIVE
    assert drives.any()
    assert timing.drives
    assert np.isfinite(timing.driving_h[drives]).all()
    assert (timing.rules[drives, steps.DAY] > 0).all()
    assert (timing.rules[~drives, steps.DAY] != timing.rules[~drives, steps.DAY]).all()


@pytest.mark.parametrize("mode", ["road", None])
def test_comparison_times_each_mode_as_its_routes(embedded: Observatory, mode: str | None) -> None:
    router = embedded._router(DATE, CostSettings())
    pairs = [(o, d) for o in CORRIDOR_ORIGINS for d in CORRIDOR_DESTINATIONS]
    found = _mode_routes(router, pairs, mode)
    modes = (LinkMode(mode),) if mode else None
    compared = 0
    for (origin, destination), route in found.items():
        if route is None:
            continue
        query = RouteQuery(origin=origin, destination=destination, modes=modes)
        best = router.route(query).best
        assert route.time_h == pytest.approx(best.time_h, rel=1e-12), (origin, destination)
        assert route.cost_usd == pytest.approx(best.cost_usd, rel=1e-12)
        compared += "road" in best.modes
    assert compared >= 5
