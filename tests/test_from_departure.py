"""The time from departure beside the door-to-door time (``routing.from_departure``).

Hand-worked numbers on the synthetic dataset with the time assumptions of
``test_time_model`` (formation 5 h at each end of a rail leg, interior origin dwell 30 h):
one train a week from Xi'an adds an 84-h wait that the time from departure leaves out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asgi_client import request
from caravan import Observatory
from caravan.analysis.routing.from_departure import departure_span
from caravan.analysis.routing.itinerary import Itinerary, LegKind, route_range
from caravan.api import LinkMode, Weight
from caravan.cli import app as cli_app
from caravan.http import HttpSettings, create_app
from test_departure_wait import _with_services
from test_time_model import MONDAY, TIME_VALUES, timed

__all__ = ["timed"]  # the fixture, imported to be used here

RAIL = {"modes": [LinkMode.RAIL], "by": Weight.TIME, "date": MONDAY}
WEEKLY_XIAN = "cn-xian,kz,1,2025-01-01,,src-test-atlas,synthetic"
FORMATION = TIME_VALUES["asm-time-rail-terminal-dwell"]
ORIGIN_DWELL = TIME_VALUES["asm-time-rail-origin-dwell"]


def _outside(itinerary: Itinerary) -> float:
    """Hours of the legs outside the span from departure to arrival."""
    first, stop = departure_span(itinerary.legs, itinerary.origin, itinerary.destination)
    return sum(leg.time_h for leg in itinerary.legs[:first] + itinerary.legs[stop:])


def _check(itinerary: Itinerary) -> None:
    """From departure is never longer than door to door, in low, typical and high."""
    assert itinerary.time_from_departure_h <= itinerary.time_h + 1e-9
    assert itinerary.time_from_departure_h_low <= itinerary.time_h_low + 1e-9
    assert itinerary.time_from_departure_h_high <= itinerary.time_h_high + 1e-9
    assert itinerary.time_from_departure_h_low <= itinerary.time_from_departure_h + 1e-9
    assert itinerary.time_from_departure_h <= itinerary.time_from_departure_h_high + 1e-9
    assert itinerary.time_from_departure_h == pytest.approx(itinerary.time_h - _outside(itinerary))


def test_from_departure_is_at_most_door_to_door_on_a_sample_of_embedded_routes(
    embedded: Observatory,
) -> None:
    places = ["cn-xian", "cn-urumqi", "cn-kashgar", "kz-almaty", "uz-tashkent", "kg-osh"]
    checked = 0
    shorter = 0
    for origin, destination in itertools.permutations(places, 2):
        result = embedded.route(origin, destination, alternatives=1, date=dt.date(2025, 7, 1))
        for itinerary in (result.best, *result.alternatives):
            _check(itinerary)
            checked += 1
            shorter += itinerary.time_from_departure_h < itinerary.time_h - 1.0
    assert checked >= 30
    assert shorter > checked // 2  # most load a truck or form a train at an end


def test_without_dwell_or_wait_at_the_ends_from_departure_is_door_to_door(
    mini: Observatory,
) -> None:
    # the synthetic dataset without time assumptions: no terminal time at any end
    for origin, destination in (("cn-xian", "uz-tashkent"), ("kz-almaty", "uz-tashkent")):
        for modes in ([LinkMode.RAIL], [LinkMode.ROAD]):
            best = mini.route(origin, destination, modes=modes, date=MONDAY).best
            assert best.legs[0].kind != LegKind.TERMINAL
            assert best.time_from_departure_h == pytest.approx(best.time_h)
            assert best.time_from_departure_h_low == pytest.approx(best.time_h_low)
            assert best.time_from_departure_h_high == pytest.approx(best.time_h_high)


def test_a_rail_leg_from_a_hub_with_a_frequency_differs_by_the_wait_and_dwell(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    unserved = timed.route("cn-xian", "cn-khorgos", **RAIL).best  # type: ignore[arg-type]
    served = _with_services(mini_dir, tmp_path, [WEEKLY_XIAN], "weekly")
    try:
        best = served.route("cn-xian", "cn-khorgos", **RAIL).best  # type: ignore[arg-type]
    finally:
        served.close()
    _check(best)
    # origin: formation + interior dwell + half a week's headway; destination: unloading
    wait = 84.0
    assert best.time_h - best.time_from_departure_h == pytest.approx(
        FORMATION + ORIGIN_DWELL + wait + FORMATION
    )
    # the wait changes the door-to-door time only: the train's run is the same
    assert best.time_from_departure_h == pytest.approx(unserved.time_from_departure_h)
    assert best.time_h == pytest.approx(unserved.time_h + wait)
    first, stop = departure_span(best.legs, best.origin, best.destination)
    assert (first, stop) == (1, len(best.legs) - 1)
    assert best.legs[first].kind == LegKind.RUN
    assert (best.time_from_departure_h_low, best.time_from_departure_h_high) == pytest.approx(
        route_range(best.legs[first:stop], "time_h")
    )


def test_a_truck_to_train_change_at_the_origin_is_before_departure() -> None:
    from caravan.analysis.routing.itinerary import Leg

    def leg(kind: LegKind, start: str, end: str, hours: float) -> Leg:
        return Leg(
            kind=kind, mode=None, gauge_mm=None, from_id=start, to_id=end, length_km=0.0,
            time_h=hours, cost_usd=0.0, countries=("kz",),
        )  # fmt: skip

    legs = [
        leg(LegKind.TERMINAL, "kz-almaty", "kz-almaty", 2.0),
        leg(LegKind.TRANSFER, "kz-almaty", "kz-almaty", 12.0),
        leg(LegKind.RUN, "kz-almaty", "kz-shu", 5.0),
        leg(LegKind.TRANSFER, "kz-shu", "kz-shu", 3.0),  # mid-route: inside
        leg(LegKind.RUN, "kz-shu", "kz-taraz", 4.0),
        leg(LegKind.TERMINAL, "kz-taraz", "kz-taraz", 2.0),
    ]
    assert departure_span(legs, "kz-almaty", "kz-taraz") == (2, 5)
    # a border crossing at the origin is part of the trip
    border = [leg(LegKind.BORDER, "cn-khorgos", "kz-altynkol", 9.0)]
    assert departure_span(border, "cn-khorgos", "kz-altynkol") == (0, 1)


def _route_line(output: str) -> str:
    return " ".join(output.split())


def test_the_cli_and_http_show_the_time_from_departure(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    best = timed.route("cn-xian", "cn-khorgos", **RAIL).best  # type: ignore[arg-type]
    days = (
        f"{best.time_from_departure_h / 24:.1f} d [{best.time_from_departure_h_low / 24:.1f}–"
        f"{best.time_from_departure_h_high / 24:.1f}]"
    )
    assert best.time_from_departure_h < best.time_h - 1.0
    kb = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    built = runner.invoke(cli_app, ["data", "build", "--kb", kb, "--data-dir", str(mini_dir)])
    assert built.exit_code == 0, built.output
    shown = runner.invoke(
        cli_app,
        [
            "route",
            "Xian",
            "Khorgos",
            "--mode",
            "rail",
            "--by",
            "time",
            "--kb",
            kb,
            "--date",
            "2025-06-02",
        ],
        env={"COLUMNS": "200"},
    )
    assert shown.exit_code == 0, shown.output
    assert f"from departure {days}" in _route_line(shown.output)
    assert re.search(r"\d+\.\d days\) · from departure", _route_line(shown.output))

    body = request(
        create_app(HttpSettings(), timed),
        "GET",
        "/api/v1/route",
        params={
            "origin": "Xian",
            "destination": "Khorgos",
            "mode": "rail",
            "by": "time",
            "date": "2025-06-02",
        },
    ).json()
    assert body["best"]["time_from_departure_h"] == pytest.approx(best.time_from_departure_h)
    assert body["best"]["time_from_departure_h_low"] == pytest.approx(
        best.time_from_departure_h_low
    )
    assert body["best"]["time_from_departure_h_high"] == pytest.approx(
        best.time_from_departure_h_high
    )
