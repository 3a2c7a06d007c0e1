"""The rail service: container block trains at their route speed, or wagonload at CPMM speed.

Hand-worked numbers on the synthetic dataset with the time assumptions of
``test_time_model`` (stops 10 h per 1000 km, general spread 0.5–1.1) and one block-train
speed added for Kazakhstan (80 km/h): Altynkol → Almaty is 380 km of rail at 40 km/h, so a
wagon runs 9.5 h moving plus 3.8 h stopped, a block train 380 / 80 = 4.75 h, stops inside
(3.8 h at its best published speed, 100 km/h).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.api import LinkMode, TrainService, Weight
from caravan.cli.app import app as cli_app
from caravan.errors import InvalidQueryError
from caravan.http import HttpSettings, create_app
from caravan.model import RailBlockSpeed
from caravan.network.block_speeds import block_speeds_in_force
from caravan.network.train_service import DEFAULT_SERVICE, train_service
from caravan.store import default_data_dir
from test_time_model import MONDAY, timed

__all__ = ["timed"]  # the fixture, imported to be used here

RAIL = {"modes": [LinkMode.RAIL], "by": Weight.TIME, "date": MONDAY}
BLOCK_KZ_KPH = 80.0
BEST_KZ_KPH = 100.0
runner = CliRunner()


@pytest.fixture
def served(timed: Observatory, mini_dir: Path, tmp_path: Path) -> Iterator[Observatory]:
    """The timed dataset with a block-train speed for Kazakhstan."""
    (mini_dir / "rail_block_speeds.csv").write_text(
        "country_id,speed_kph,best_speed_kph,valid_from,source,note\n"
        f"kz,{BLOCK_KZ_KPH:g},{BEST_KZ_KPH:g},2020-01-01,src-test-atlas,synthetic\n",
        encoding="utf-8",
    )
    observatory = Observatory.open(tmp_path / "served.sqlite", mini_dir)
    yield observatory
    observatory.close()


def _run(observatory: Observatory, service: str | None) -> tuple[float, float, float, str]:
    """(typical, low, high) hours of the rail run Altynkol → Almaty, and the route's service."""
    best = observatory.route("kz-altynkol", "kz-almaty", service=service, **RAIL).best  # type: ignore[arg-type]
    (run,) = [leg for leg in best.legs if leg.kind.value == "run"]
    assert run.length_km == pytest.approx(380.0)
    return run.time_h, run.time_h_low, run.time_h_high, best.service


def test_a_block_train_runs_at_its_route_speed_with_the_stops_inside(served: Observatory) -> None:
    typical, low, high, service = _run(served, "block")
    assert service == "block"
    assert typical == pytest.approx(380.0 / BLOCK_KZ_KPH)
    assert (low, high) == pytest.approx((380.0 / BEST_KZ_KPH, typical * 1.1))


def test_a_wagon_runs_at_cpmm_speed_and_stops_en_route(served: Observatory) -> None:
    typical, low, _, service = _run(served, "wagonload")
    assert service == "wagonload"
    assert typical == pytest.approx(380.0 / 40.0 + 10.0 * 0.380)
    assert low == pytest.approx(380.0 / 40.0)  # moving without stops


def test_block_is_faster_on_the_same_line_by_the_ratio_of_the_speeds(served: Observatory) -> None:
    block, _, _, _ = _run(served, "block")
    wagon, wagon_moving, _, _ = _run(served, "wagonload")
    assert block < wagon
    assert wagon_moving / block == pytest.approx(BLOCK_KZ_KPH / 40.0)


def test_without_a_published_speed_a_block_train_is_timed_as_wagonload(
    timed: Observatory,
) -> None:
    """The synthetic dataset has no block-train speeds (China's case in the real data)."""
    assert _run(timed, "block")[:3] == pytest.approx(_run(timed, "wagonload")[:3])


def test_the_default_service_is_block_and_the_itinerary_says_so(served: Observatory) -> None:
    assert DEFAULT_SERVICE == TrainService.BLOCK
    assert _run(served, None) == _run(served, "block")


def test_an_unknown_service_is_a_clear_error(served: Observatory) -> None:
    with pytest.raises(InvalidQueryError, match=r"'express'.*block, wagonload"):
        served.route("kz-altynkol", "kz-almaty", service="express")
    assert train_service(" Wagonload ") == TrainService.WAGONLOAD


def test_a_skim_takes_the_service_and_equals_the_route(served: Observatory) -> None:
    for service in ("block", "wagonload"):
        skim = served.skim(
            ["kz-altynkol", "kz-almaty"], by=Weight.TIME, date=MONDAY, service=service
        )
        route = served.route(
            "kz-altynkol", "kz-almaty", by=Weight.TIME, date=MONDAY, service=service
        )
        assert skim.time_h[0, 1] == pytest.approx(route.best.time_h)


def _speed(country: str, start: str, kph: float, best: float | None = None) -> RailBlockSpeed:
    return RailBlockSpeed(
        country_id=country,
        speed_kph=kph,
        best_speed_kph=best,
        valid_from=dt.date.fromisoformat(start),
        source=("src-test-atlas",),
    )


def test_the_speed_in_force_is_the_latest_before_the_date_and_the_first_before_any() -> None:
    rows = [_speed("kz", "2020-01-01", 40.0, 45.0), _speed("kz", "2023-01-01", 50.0)]
    assert block_speeds_in_force(rows, dt.date(2021, 6, 1))["kz"].value == 40.0
    assert block_speeds_in_force(rows, dt.date(2024, 6, 1))["kz"].value == 50.0
    assert block_speeds_in_force(rows, dt.date(2015, 6, 1))["kz"].value == 40.0
    # the best speed where a row gives one, else its typical speed
    assert block_speeds_in_force(rows, dt.date(2021, 6, 1), best=True)["kz"].value == 45.0
    assert block_speeds_in_force(rows, dt.date(2024, 6, 1), best=True)["kz"].value == 50.0


def test_every_embedded_block_speed_is_sourced_or_an_assumption_of_the_time_model() -> None:
    with (default_data_dir() / "rail_block_speeds.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    known: set[str] = set()
    for path in [
        *default_data_dir().glob("sources_*.csv"),
        default_data_dir() / "assumptions_timemodel.csv",
    ]:
        with path.open(encoding="utf-8") as handle:
            known |= {row["id"] for row in csv.DictReader(handle)}
    assert {row["country_id"] for row in rows} >= {"kz", "uz", "kg", "tj", "tm"}
    for row in rows:
        assert set(row["source"].split("|")) <= known, row


def test_on_the_embedded_data_a_block_train_beats_a_wagon_tashkent_andijan(
    embedded: Observatory,
) -> None:
    times = {
        s: embedded.route("Tashkent", "Andijan", service=s, **RAIL).best.time_h  # type: ignore[arg-type]
        for s in ("block", "wagonload")
    }
    assert times["block"] < times["wagonload"]


def test_cli_route_takes_the_service_and_names_it(served: Observatory) -> None:
    kb = str(served.kb.path)
    for service, words in (("wagonload", "rail as wagonload"), ("block", "block trains")):
        result = runner.invoke(
            cli_app,
            ["route", "kz-altynkol", "kz-almaty", "--mode", "rail", "--by", "time",
             "--service", service, "--kb", kb],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert words in " ".join(result.output.split())


def test_cli_route_refuses_an_unknown_service_without_a_traceback(served: Observatory) -> None:
    result = runner.invoke(
        cli_app,
        ["route", "kz-altynkol", "kz-almaty", "--service", "express", "--kb", str(served.kb.path)],
    )
    assert result.exit_code == 2
    assert "block" in result.output
    assert "wagonload" in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def http(served: Observatory) -> FastAPI:
    return create_app(HttpSettings(), served)


def test_http_route_takes_the_service(http: FastAPI) -> None:
    url = "/api/v1/route?origin=kz-altynkol&destination=kz-almaty&mode=rail&by=time&date=2025-06-02"
    block = request(http, "GET", url + "&service=block").json()["best"]
    wagon = request(http, "GET", url + "&service=wagonload").json()["best"]
    default = request(http, "GET", url).json()["best"]
    assert (block["service"], wagon["service"], default["service"]) == (
        "block",
        "wagonload",
        "block",
    )
    assert block["time_h"] < wagon["time_h"]
    assert default["time_h"] == block["time_h"]


def test_http_route_refuses_an_unknown_service(http: FastAPI) -> None:
    response = request(
        http, "GET", "/api/v1/route?origin=kz-altynkol&destination=kz-almaty&service=express"
    )
    body = assert_problem(response, 422, "invalid-request")
    assert "wagonload" in str(body)


BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def benchmarks() -> tuple[ModuleType, ModuleType]:
    """``validate_routes`` and ``service_pairing`` from benchmarks/."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import service_pairing
        import validate_routes
    finally:
        sys.path.remove(str(BENCHMARKS))
    return validate_routes, service_pairing


def test_block_train_km_take_no_stop_rate_in_the_fit(
    benchmarks: tuple[ModuleType, ModuleType],
) -> None:
    validate, _ = benchmarks
    links = {
        "r1": SimpleNamespace(from_id="cn-urumqi", to_id="cn-khorgos", length_km=600.0),
        "r2": SimpleNamespace(from_id="kz-altynkol", to_id="kz-almaty", length_km=300.0),
    }
    leg = SimpleNamespace
    legs = [
        leg(kind=SimpleNamespace(value="run"), mode="rail", from_id="cn-urumqi",
            to_id="cn-khorgos", link_ids=("r1",), transfer=None),
        leg(kind=SimpleNamespace(value="border"), mode=None, from_id="cn-khorgos",
            to_id="kz-altynkol", link_ids=(), transfer=None, gauge_change=True),
        leg(kind=SimpleNamespace(value="run"), mode="rail", from_id="kz-altynkol",
            to_id="kz-almaty", link_ids=("r2",), transfer=None),
    ]  # fmt: skip
    wagon = validate._features(legs, links, frozenset({"cn-urumqi", "cn-khorgos"}), {}, 12.0)
    block = validate._features(
        legs, links, frozenset({"cn-urumqi", "cn-khorgos"}), {}, 12.0,
        block_countries=frozenset({"kz"}),
    )  # fmt: skip
    assert (wagon["rail_km"], wagon["block_km"]) == (300.0, 0.0)
    assert (block["rail_km"], block["block_km"]) == (0.0, 300.0)
    assert block["rail_km_cn"] == wagon["rail_km_cn"] == 600.0  # China runs as wagonload


def test_a_case_is_paired_with_its_published_service_unstated_at_the_default(
    benchmarks: tuple[ModuleType, ModuleType],
) -> None:
    _, pairing = benchmarks
    assert pairing.case_service({"service": "wagonload"}) == "wagonload"
    assert pairing.case_service({"service": "block"}) == "block"
    assert pairing.case_service({"service": "unstated"}) is None
    assert pairing.case_service({}) is None
    assert pairing.VARIANTS["block"]({"service": "wagonload"}) == "block"


def test_the_service_variant_chosen_is_the_least_mean_loo_error(
    benchmarks: tuple[ModuleType, ModuleType],
) -> None:
    _, pairing = benchmarks
    score = SimpleNamespace
    scores = {
        "paired": score(mean_abs=22.0),
        "block": score(mean_abs=20.9),
        "wagonload": score(mean_abs=24.7),
    }
    assert pairing.choose_variant(scores) == "block"
    tied = {name: score(mean_abs=21.0) for name in scores}
    assert pairing.choose_variant(tied) == pairing.SHIPPED_VARIANT


def test_cli_road_route_names_no_rail_service(embedded: Observatory) -> None:
    result = runner.invoke(
        cli_app,
        ["route", "Irkeshtam", "Osh", "--mode", "road", "--kb", str(embedded.kb.path)],
    )
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "best:" in flat
    assert "rail as" not in flat
