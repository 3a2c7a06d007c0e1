"""A country given to a filter is read by id, ISO code or name; an unknown one is an error
with the closest countries, never an empty answer."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.cli import app as cli
from caravan.cli import main
from caravan.errors import NoRouteError, UnknownRecordError
from caravan.http import HttpSettings, create_app

runner = CliRunner()


@pytest.mark.parametrize("name", ["kz", "KZ", "KAZ", "Kazakhstan", "kazakhstan ", "Казахстан"])
def test_a_country_resolves_by_id_iso_code_or_name_in_any_of_its_languages(
    mini: Observatory, name: str
) -> None:
    assert mini.kb.resolve_country(name).id == "kz"
    assert mini.kb.resolve_country("哈萨克斯坦").id == "kz"


def test_a_misspelt_country_suggests_the_one_meant_and_nothing_far_from_it(
    mini: Observatory,
) -> None:
    with pytest.raises(UnknownRecordError) as raised:
        mini.kb.resolve_country("Uzbekstan")
    assert raised.value.kind == "country"
    assert raised.value.suggestions == ["uz (Uzbekistan)"]


def test_a_code_like_nothing_held_lists_the_member_countries(mini: Observatory) -> None:
    with pytest.raises(UnknownRecordError) as raised:
        mini.kb.resolve_country("zz")
    assert raised.value.suggestions == ["cn (China)", "kz (Kazakhstan)", "uz (Uzbekistan)"]


def test_every_country_filter_of_the_api_reads_a_name(mini: Observatory) -> None:
    assert mini.places(country="Kazakhstan") == mini.places(country="kz")
    assert mini.places(country="kz")  # the filter still filters
    assert mini.agreements(party="Uzbekistan") == mini.agreements(party="uz")
    assert mini.projects(country="Казахстан") == mini.projects(country="kz")


UNKNOWN_COUNTRY_CALLS: dict[str, Callable[[Observatory], object]] = {
    "places": lambda o: o.places(country="zz"),
    "crossings": lambda o: o.crossings(country="zz"),
    "projects": lambda o: o.projects(country="zz"),
    "agreements": lambda o: o.agreements(party="zz"),
    "trade partner": lambda o: o.trade(partners=["kz", "zz"]),
    "trade reporter": lambda o: o.trade(reporter="zz"),
    "sister cities": lambda o: o.sister_cities(country="zz"),
}


@pytest.mark.parametrize("what", list(UNKNOWN_COUNTRY_CALLS))
def test_every_country_filter_of_the_api_refuses_an_unknown_country(
    mini: Observatory, what: str
) -> None:
    with pytest.raises(UnknownRecordError, match="unknown country 'zz'"):
        UNKNOWN_COUNTRY_CALLS[what](mini)


def test_trade_takes_partners_and_reporter_by_name(mini: Observatory) -> None:
    by_id = mini.trade(partners=["kz"], reporter="cn")
    by_name = mini.trade(partners=["Kazakhstan"], reporter="China")
    assert by_name == by_id
    assert by_id.rows  # the mini data holds China's figures for Kazakhstan


def test_the_http_api_answers_an_unknown_country_with_a_404_listing_the_choices(
    mini: Observatory,
) -> None:
    app: FastAPI = create_app(HttpSettings(), mini)
    for path in (
        "/api/v1/agreements?party=zz",
        "/api/v1/trade?reporter=zz",
        "/api/v1/places?country=zz",
    ):
        body = assert_problem(request(app, "GET", path), 404, "unknown-record")
        assert "unknown country 'zz'" in body["detail"], path
        assert "kz (Kazakhstan)" in body["suggestions"], path
    assert request(app, "GET", "/api/v1/agreements?party=kz").status_code == 200


def test_the_cli_says_which_country_was_meant(
    mini: Observatory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["caravan", "agreements", "--party", "Kazakstan", "--kb", str(mini.kb.path)]
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "unknown country 'Kazakstan'" in error
    assert "kz (Kazakhstan)" in error
    shown = runner.invoke(cli, ["places", "--country", "Kazakhstan", "--kb", str(mini.kb.path)])
    assert shown.exit_code == 0, shown.output
    assert "kz-almaty" in shown.output


def test_an_unknown_project_suggests_projects_by_id_or_name(embedded: Observatory) -> None:
    with pytest.raises(UnknownRecordError) as raised:
        embedded.project("prj-cku-railwy")
    assert raised.value.suggestions[0] == "prj-cku-railway"
    with pytest.raises(UnknownRecordError) as by_name:
        embedded.project("angren")
    assert by_name.value.suggestions == ["prj-angren-pap-railway"]
    with pytest.raises(UnknownRecordError) as unlike:
        embedded.project("prj-nope")
    assert unlike.value.suggestions == []


@pytest.mark.parametrize("country", ["kz", "Kazakhstan", "KAZ", "Казахстан"])
def test_a_route_avoids_a_country_given_by_id_code_or_name(mini: Observatory, country: str) -> None:
    with pytest.raises(NoRouteError, match="no connection"):
        mini.route("Xi'an", "Tashkent", avoid=[country], date=dt.date(2025, 6, 2))
