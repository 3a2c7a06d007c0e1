"""Changing a container between truck and train takes terminal time, so rail is no crew rest.

A hand-worked transfer on the synthetic network (values from tests/test_time_model.py's
time assumptions), and on the embedded network: no fastest path leaves the road for a
short rail ride that brings it back where it left the road.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from caravan import Observatory
from caravan.analysis.routing import Router, Weight
from caravan.analysis.routing.itinerary import LegKind
from caravan.network.layers import EdgeKind
from caravan.network.snapshot import NetworkSnapshot
from test_time_model import MONDAY, TIME_VALUES, timed  # noqa: F401 (fixture)

#: A rail ride from and back to the road within this distance is a relay, not a route.
NEAR_KM = 50.0


def test_truck_to_train_waits_for_the_departure_and_train_to_truck_for_release(
    timed: Observatory,  # noqa: F811
) -> None:
    # by cost the container rides rail Almaty -> Saryagash after a road run from Nur Zholy
    best = timed.route("kz-nur-zholy", "kz-saryagash", by=Weight.COST, date=MONDAY).best
    transfer = next(leg for leg in best.legs if leg.kind == LegKind.TRANSFER)
    lift, dwell = 2.0, TIME_VALUES["asm-time-rail-terminal-dwell"]
    wait = TIME_VALUES["asm-time-road-rail-departure-wait"]
    # the synthetic lift (transfers.csv, 2 h) + rail terminal dwell (5 h) + the wait (12 h)
    assert transfer.time_h == pytest.approx(lift + dwell + wait)
    assert "asm-time-road-rail-departure-wait" in transfer.sources
    back = timed.route("kz-saryagash", "kz-nur-zholy", by=Weight.COST, date=MONDAY).best
    arrival = next(leg for leg in back.legs if leg.kind == LegKind.TRANSFER)
    release = TIME_VALUES["asm-time-rail-road-release"]
    assert arrival.time_h == pytest.approx(lift + dwell + release)
    assert "asm-time-rail-road-release" in arrival.sources
    # the itinerary's total is its legs' sum, the transfer included
    assert best.time_h == pytest.approx(sum(leg.time_h for leg in best.legs))


def test_a_train_leaving_chinas_interior_waits_in_its_origin_dwell_only(
    timed: Observatory,  # noqa: F811
) -> None:
    snapshot = timed.network(MONDAY)
    road_to_rail = [
        float(snapshot.time_h[e])
        for e in range(len(snapshot.records))
        if snapshot.kind[e] == EdgeKind.TRANSFER
        and snapshot.node_place[int(snapshot.source[e])] == "cn-xian"
        and snapshot.node_layer[int(snapshot.source[e])] is not None
        and str(snapshot.node_layer[int(snapshot.source[e])]) == "road"
    ]
    origin_dwell = TIME_VALUES["asm-time-rail-origin-dwell"]
    assert road_to_rail == [
        pytest.approx(2.0 + TIME_VALUES["asm-time-rail-terminal-dwell"] + origin_dwell)
    ]


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _rail_rides_between_roads(snapshot: NetworkSnapshot, edges: list[int]) -> list[tuple[str, str]]:
    """(where rail starts, where the road resumes) for each road → rail → road on a path."""
    rides: list[tuple[str, str]] = []
    drove, board = False, None
    for edge in edges:
        if snapshot.kind[edge] != EdgeKind.LINK:
            continue
        mode, place = snapshot.mode[edge], snapshot.node_place[int(snapshot.source[edge])]
        if mode == "road":
            if board is not None:
                rides.append((board, place))
            drove, board = True, None
        elif mode == "rail":
            board = place if drove and board is None else board
        else:
            drove, board = False, None
    return rides


def test_no_fastest_path_rides_rail_out_and_back_to_the_road(embedded: Observatory) -> None:
    snapshot = embedded.network()
    where = {p.id: (p.lat, p.lon) for p in embedded.kb.places()}
    router = Router(snapshot)
    timed_search = router.timed_search(Weight.TIME, router.graph(Weight.TIME, None, ()))
    assert timed_search is not None
    places = sorted(snapshot.origin_node)
    targets = np.array([snapshot.destination_node.get(p, -1) for p in places], dtype=np.int64)
    relays: list[tuple[str, str, str, str]] = []
    rides = 0
    for origin in places:
        for destination, edges in zip(
            places, timed_search.paths(snapshot.origin_node[origin], targets), strict=True
        ):
            for board, alight in _rail_rides_between_roads(snapshot, edges or []):
                rides += 1
                if _distance_km(where[board], where[alight]) <= NEAR_KM:
                    relays.append((origin, destination, board, alight))
    assert rides > 0  # road → rail → road itself is allowed where rail carries the box onward
    assert relays == [], relays[:5]
