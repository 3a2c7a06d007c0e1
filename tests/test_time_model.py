"""The time model on hand-made networks with known answers, and its ranges on real routes.

The synthetic dataset (tests/fixtures/mini) has no time assumptions, so the plain model
applies there; these tests add a set of time assumptions to a private copy and check the
drivers' hours, terminal legs, stop time, ferry waiting, direction-dependent clearance and
the low–typical–high ranges against numbers worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caravan import NoRouteError, Observatory
from caravan.analysis.routing import Itinerary
from caravan.analysis.routing.itinerary import Leg, LegKind
from caravan.api import LinkMode, Weight

MONDAY = dt.date(2025, 6, 2)

#: Time assumptions added to the synthetic dataset (values for tests of the machinery).
TIME_VALUES = {
    "asm-time-rail-terminal-dwell": 5.0,
    "asm-time-rail-origin-dwell": 30.0,
    "asm-time-rail-enroute-stops": 10.0,
    "asm-time-road-driving-day": 9.0,
    "asm-time-road-extended-driving-day": 10.0,
    "asm-time-road-break": 0.75,
    "asm-time-road-daily-rest": 11.0,
    "asm-time-road-reduced-daily-rest": 9.0,
    "asm-time-road-two-drivers": 1.5,
    "asm-time-road-terminal-dwell": 2.0,
    "asm-time-road-rail-departure-wait": 12.0,
    "asm-time-rail-road-release": 2.0,
    "asm-time-spread-low": 0.5,
    "asm-time-spread-high": 1.1,
}


def _append(path: Path, lines: list[str]) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(f"{line}\n" for line in lines))


@pytest.fixture
def timed(tmp_path: Path, mini_dir: Path) -> Iterator[Observatory]:
    """The synthetic dataset with time assumptions, an 18-h road link and a ferry."""
    _append(
        mini_dir / "assumptions.csv",
        [
            f"{aid},time model,{value:g},h,Synthetic value for tests of the machinery only.,"
            for aid, value in TIME_VALUES.items()
        ]
        + [
            "asm-time-xinjiang-places,time model,cn-khorgos,,"
            "Synthetic value for tests of the machinery only.,"
        ],
    )
    links = (mini_dir / "links.csv").read_text(encoding="utf-8")
    # 1080 km at 60 km/h: exactly 18 hours at the wheel
    links = links.replace(
        "road-almaty-saryagash,kz-almaty,kz-saryagash,road,,800,60",
        "road-almaty-saryagash,kz-almaty,kz-saryagash,road,,1080,60",
    )
    (mini_dir / "links.csv").write_text(links, encoding="utf-8")
    _append(
        mini_dir / "places.csv",
        [
            "kz-port-one,Port One,Порт 1,港一,,,kz,port,44.0,51.0,src-test-atlas,synthetic",
            "kz-port-two,Port Two,Порт 2,港二,,,kz,port,43.6,51.3,src-test-atlas,synthetic",
        ],
    )
    _append(
        mini_dir / "links.csv",
        ["ferry-test,kz-port-one,kz-port-two,ferry,,300,20,,,in_service,,,src-test-atlas,"],
    )
    _append(
        mini_dir / "ferry_services.csv",
        ["ferry-test,2,20,500,2020-01-01,src-test-atlas,synthetic: two sailings a week"],
    )
    observatory = Observatory.open(tmp_path / "timed.sqlite", mini_dir)
    yield observatory
    observatory.close()


def _ordered(item: Leg | Itinerary) -> None:
    assert item.time_h_low <= item.time_h + 1e-9 <= item.time_h_high + 2e-9, item
    assert item.cost_usd_low <= item.cost_usd + 1e-9 <= item.cost_usd_high + 2e-9, item


def _by_hand(legs: tuple[Leg, ...], quantity: str) -> tuple[float, float]:
    """The documented rule: non-border deviations add, border ones add in quadrature."""
    typical = sum(getattr(leg, quantity) for leg in legs)
    ranges = []
    for end, sign in (("low", -1.0), ("high", 1.0)):
        deviation = [
            sign * (getattr(leg, f"{quantity}_{end}") - getattr(leg, quantity)) for leg in legs
        ]
        together = sum(
            d for d, leg in zip(deviation, legs, strict=True) if leg.kind != LegKind.BORDER
        )
        apart = [d for d, leg in zip(deviation, legs, strict=True) if leg.kind == LegKind.BORDER]
        ranges.append(math.sqrt(together**2 + sum(d * d for d in apart)))
    return max(typical - ranges[0], 0.0), typical + ranges[1]


def test_an_18_hour_drive_takes_two_driving_days_with_their_breaks_and_rests(
    timed: Observatory,
) -> None:
    best = timed.route("kz-almaty", "kz-saryagash", modes=[LinkMode.ROAD], date=MONDAY).best
    run = next(leg for leg in best.legs if leg.kind == LegKind.RUN)
    # 4.5 h, break, 4.5 h, daily rest, 4.5 h, break, 4.5 h: no rest after the last day
    assert run.time_h == pytest.approx(18 + 2 * 0.75 + 11)
    assert run.time_h_low == pytest.approx(18)  # two drivers: 18 h is one crew day
    # slow (x1.1): 19.8 h at the wheel in two days extended to 10 h (twice a week allowed),
    # each with two breaks (after 4.5 and 9 h), one rest between them
    assert run.time_h_high == pytest.approx(19.8 + 4 * 0.75 + 11)


def test_road_legs_load_and_unload_at_each_end(timed: Observatory) -> None:
    best = timed.route("kz-almaty", "kz-saryagash", modes=[LinkMode.ROAD], date=MONDAY).best
    assert [leg.kind for leg in best.legs] == [LegKind.TERMINAL, LegKind.RUN, LegKind.TERMINAL]
    for terminal in (best.legs[0], best.legs[-1]):
        assert terminal.time_h == pytest.approx(2.0)
        assert (terminal.time_h_low, terminal.time_h_high) == pytest.approx((1.0, 2.2))
        assert "asm-time-road-terminal-dwell" in terminal.sources
    assert best.time_h == pytest.approx(2 + 30.5 + 2)


def test_rail_legs_have_terminal_time_at_both_ends_and_stops_en_route(
    timed: Observatory,
) -> None:
    best = timed.route(
        "cn-xian", "cn-khorgos", modes=[LinkMode.RAIL], by=Weight.TIME, date=MONDAY
    ).best
    assert [leg.kind for leg in best.legs] == [LegKind.TERMINAL, LegKind.RUN, LegKind.TERMINAL]
    # the train starts at Xi'an, in China's interior: formation plus the consolidation dwell
    assert best.legs[0].time_h == pytest.approx(5.0 + 30.0)
    assert "asm-time-rail-origin-dwell" in best.legs[0].sources
    # it ends at Khorgos: unloading only
    assert best.legs[-1].time_h == pytest.approx(5.0)
    assert "asm-time-rail-origin-dwell" not in best.legs[-1].sources
    run = best.legs[1]
    # 3200 km at 40 km/h = 80 h moving, plus 10 h per 1000 km stopped (one rate everywhere)
    assert run.time_h == pytest.approx(80 + 32)
    assert (run.time_h_low, run.time_h_high) == pytest.approx((80.0, 112 * 1.1))
    assert "asm-time-rail-enroute-stops" in run.sources


def test_the_origin_dwell_is_taken_where_a_train_starts_in_the_interior_only(
    timed: Observatory,
) -> None:
    inbound = timed.route(
        "cn-khorgos", "cn-xian", modes=[LinkMode.RAIL], by=Weight.TIME, date=MONDAY
    ).best
    # arriving in the interior is unloading only
    assert inbound.legs[-1].time_h == pytest.approx(5.0)
    outbound = timed.route(
        "cn-xian", "cn-khorgos", modes=[LinkMode.RAIL], by=Weight.TIME, date=MONDAY
    ).best
    assert outbound.time_h == pytest.approx(inbound.time_h + 30.0)
    # the dwell's range is the terminals' general spread (0.5 and 1.1 of typical)
    assert (outbound.legs[0].time_h_low, outbound.legs[0].time_h_high) == pytest.approx(
        (17.5, 38.5)
    )


def test_a_train_starting_in_xinjiang_takes_no_origin_dwell(timed: Observatory) -> None:
    best = timed.route(
        "cn-khorgos", "kz-almaty", modes=[LinkMode.RAIL], by=Weight.TIME, date=MONDAY
    ).best
    assert best.legs[0].time_h == pytest.approx(5.0)
    assert all("asm-time-rail-origin-dwell" not in leg.sources for leg in best.legs)


def test_rail_outside_china_stops_at_the_other_rate(timed: Observatory) -> None:
    best = timed.route(
        "kz-almaty", "kz-saryagash", modes=[LinkMode.RAIL], by=Weight.TIME, date=MONDAY
    ).best
    run = next(leg for leg in best.legs if leg.kind == LegKind.RUN)
    # 900 km at 40 km/h = 22.5 h moving, plus 10 h per 1000 km stopped
    assert run.time_h == pytest.approx(22.5 + 9.0)
    assert "asm-time-rail-enroute-stops" in run.sources


def test_a_ferry_waits_half_the_interval_between_sailings(timed: Observatory) -> None:
    best = timed.route("kz-port-one", "kz-port-two", modes=[LinkMode.FERRY], date=MONDAY).best
    (sailing,) = [leg for leg in best.legs if leg.kind == LegKind.RUN]
    assert sailing.mode == "ferry"
    headway = 168 / 2  # two sailings a week
    assert sailing.time_h == pytest.approx(20 + headway / 2)
    assert sailing.time_h_low == pytest.approx(20)  # the ship sails on arrival
    assert sailing.time_h_high == pytest.approx(20 + headway)  # a sailing just missed


def test_clearance_depends_on_the_direction_where_the_data_differ(timed: Observatory) -> None:
    outbound = timed.route("Xi'an", "Almaty", modes=[LinkMode.RAIL], date=MONDAY).best
    inbound = timed.route("Almaty", "Xi'an", modes=[LinkMode.RAIL], date=MONDAY).best
    (out_border,) = [leg for leg in outbound.legs if leg.kind == LegKind.BORDER]
    (in_border,) = [leg for leg in inbound.legs if leg.kind == LegKind.BORDER]
    # 2023: 25 h published for Khorgos → Altynkol, 20 h for both directions
    assert out_border.time_h == pytest.approx(25.0)
    assert in_border.time_h == pytest.approx(20.0)
    # CPMM year-to-year spread of the rail crossing: 30 and 20 h around their median of 25
    assert (out_border.time_h_low, out_border.time_h_high) == pytest.approx((20.0, 30.0))
    assert (in_border.time_h_low, in_border.time_h_high) == pytest.approx((16.0, 24.0))


def test_before_a_direction_was_published_its_own_first_value_stands_in(
    timed: Observatory,
) -> None:
    # 2015: nothing published yet; the first value of each direction (2020, both: 30 h)
    early = dt.date(2015, 6, 1)
    outbound = timed.route("Xi'an", "Almaty", modes=[LinkMode.RAIL], date=early).best
    (border,) = [leg for leg in outbound.legs if leg.kind == LegKind.BORDER]
    assert border.time_h == pytest.approx(30.0)


def test_every_leg_and_route_is_ordered_low_typical_high(timed: Observatory) -> None:
    for origin, destination in [
        ("Xi'an", "Tashkent"),
        ("Tashkent", "Xi'an"),
        ("Almaty", "Saryagash"),
        ("kz-port-one", "kz-port-two"),
    ]:
        result = timed.route(origin, destination, date=MONDAY, alternatives=3, pareto=True)
        for itinerary in (result.best, *result.alternatives, *result.pareto):
            _ordered(itinerary)
            for leg in itinerary.legs:
                _ordered(leg)


def test_a_route_range_combines_its_legs_as_documented(timed: Observatory) -> None:
    best = timed.route("Xi'an", "Tashkent", modes=[LinkMode.RAIL], date=MONDAY).best
    kinds = {leg.kind for leg in best.legs}
    assert {LegKind.BORDER, LegKind.RUN, LegKind.TERMINAL} <= kinds
    for quantity in ("time_h", "cost_usd"):
        low, high = _by_hand(best.legs, quantity)
        assert getattr(best, f"{quantity}_low") == pytest.approx(low)
        assert getattr(best, f"{quantity}_high") == pytest.approx(high)
    # the border deviations are independent: the route range is narrower than their sum
    spread = sum(leg.time_h_high - leg.time_h_low for leg in best.legs)
    assert best.time_h_high - best.time_h_low < spread


def test_a_leg_range_is_the_sum_of_its_edges(timed: Observatory) -> None:
    # Almaty → Saryagash → Keles → Tashkent by rail: one run leg per country
    best = timed.route("Almaty", "Tashkent", modes=[LinkMode.RAIL], date=MONDAY).best
    runs = [leg for leg in best.legs if leg.kind == LegKind.RUN]
    assert [r.length_km for r in runs] == pytest.approx([900, 20])
    kz = runs[0]
    assert kz.time_h_low == pytest.approx(900 / 40)
    assert kz.time_h_high == pytest.approx((900 / 40 + 9) * 1.1)


def test_skims_carry_the_route_time_ranges(timed: Observatory) -> None:
    places = ["cn-xian", "kz-almaty", "uz-tashkent", "kz-saryagash"]
    skim = timed.skim(places, by=Weight.TIME, date=MONDAY)
    assert np.all(skim.time_h_low <= skim.time_h + 1e-9)
    assert np.all(skim.time_h <= skim.time_h_high + 1e-9)
    assert np.all(np.diag(skim.time_h_low) == 0.0)
    compared = road = 0
    for i, origin in enumerate(places):
        for j, destination in enumerate(places):
            if i == j:
                continue
            best = timed.route(origin, destination, by=Weight.TIME, date=MONDAY).best
            # road trips included: skims and routes both time them by drivers' hours
            road += any(leg.mode == "road" and leg.kind == LegKind.RUN for leg in best.legs)
            assert skim.time_h[i, j] == pytest.approx(best.time_h)
            assert skim.time_h_low[i, j] == pytest.approx(best.time_h_low)
            assert skim.time_h_high[i, j] == pytest.approx(best.time_h_high)
            compared += 1
    assert compared > 0
    assert road > 0


def test_an_unreachable_skim_cell_has_an_infinite_range(timed: Observatory) -> None:
    skim = timed.skim(["kz-port-one", "cn-xian"], by=Weight.TIME, date=MONDAY)
    assert np.isinf(skim.time_h[0, 1])
    assert np.isinf(skim.time_h_low[0, 1])
    assert np.isinf(skim.time_h_high[0, 1])


_PLACES = [
    "cn-xian",
    "cn-urumqi",
    "cn-kashgar",
    "kz-almaty",
    "kz-aktau",
    "kg-bishkek",
    "kg-osh",
    "uz-tashkent",
    "tj-dushanbe",
    "tm-ashgabat",
    "az-alat",
]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    pair=st.lists(st.sampled_from(_PLACES), min_size=2, max_size=2, unique=True),
    modes=st.sampled_from(
        [None, [LinkMode.RAIL], [LinkMode.ROAD], [LinkMode.RAIL, LinkMode.FERRY]]
    ),
    year=st.integers(min_value=2014, max_value=2026),
    by=st.sampled_from(list(Weight)),
)
def test_ranges_are_ordered_on_embedded_routes(
    embedded: Observatory,
    pair: list[str],
    modes: list[LinkMode] | None,
    year: int,
    by: Weight,
) -> None:
    try:
        best = embedded.route(pair[0], pair[1], modes=modes, by=by, date=dt.date(year, 7, 1)).best
    except NoRouteError:
        return
    _ordered(best)
    for leg in best.legs:
        _ordered(leg)
    low, high = _by_hand(best.legs, "time_h")
    assert (best.time_h_low, best.time_h_high) == pytest.approx((low, high))


def test_embedded_clearance_differs_by_direction_where_cpmm_publishes_both(
    embedded: Observatory,
) -> None:
    date = dt.date(2024, 7, 1)
    via = ["bcp-tursunzoda-sariosiyo-road"]
    out = embedded.route("Dushanbe", "Termez", modes=[LinkMode.ROAD], via=via, date=date).best
    back = embedded.route("Termez", "Dushanbe", modes=[LinkMode.ROAD], via=via, date=date).best
    (out_border,) = [leg for leg in out.legs if leg.kind == LegKind.BORDER]
    (back_border,) = [leg for leg in back.legs if leg.kind == LegKind.BORDER]
    # CPMM 2022 (Dusti): 3.8 h outbound from Tajikistan, 2.2 h inbound
    assert out_border.time_h == pytest.approx(3.8)
    assert back_border.time_h == pytest.approx(2.2)
