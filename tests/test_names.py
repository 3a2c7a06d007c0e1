"""Place names: shared border-post names are ambiguous (not unknown), spellings resolve."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from asgi_client import assert_problem, request
from caravan import Observatory, UnknownPlaceError
from caravan.cli import app as cli
from caravan.errors import AmbiguousPlaceError
from caravan.http import HttpSettings, create_app
from caravan.model import LinkMode, Place, PlaceKind
from caravan.store import PlaceIndex

runner = CliRunner()
#: A working day on which every crossing of these routes is open.
WEDNESDAY = dt.date(2025, 6, 4)


def _place(place_id: str, name: str, lat: float, lon: float, aliases: str = "") -> Place:
    return Place.model_validate(
        {
            "id": place_id,
            "name_en": name,
            "aliases": tuple(a for a in aliases.split("|") if a),
            "country_id": place_id[:2],
            "kind": PlaceKind.BORDER_POST,
            "lat": lat,
            "lon": lon,
            "source": ("src-test",),
        }
    )


def _places() -> list[Place]:
    return [
        _place("cn-pass", "Pass (CN)", 40.0, 75.0, "Passo"),
        _place("kg-pass", "Pass (KG)", 40.0, 74.0, "Passo"),
        _place("kg-town", "Town", 40.0, 72.0),
        _place("cn-city", "City", 40.0, 78.0),
        _place("cn-gate", "Gate", 44.0, 80.0),
        _place("kz-gate-post", "Gate Post", 44.0, 79.9, "Gate (KZ)"),
        _place("tj-tursunzoda", "Tursunzoda", 38.5, 68.2),
        # West of both passes, yet in China (a Kashgar beside a Khorgos), and a third
        # country's place nearer the Kyrgyz pass.
        _place("cn-outpost", "Outpost", 40.0, 73.6),
        _place("kz-steppe", "Steppe", 40.5, 73.8),
    ]


@pytest.fixture
def index() -> PlaceIndex:
    return PlaceIndex(_places())


def test_a_name_shared_across_a_border_is_ambiguous_with_its_choices(index: PlaceIndex) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        index.resolve("Pass")
    assert caught.value.choices == [("Pass (CN)", "cn-pass"), ("Pass (KG)", "kg-pass")]
    assert "ambiguous place 'Pass': it names cn-pass (Pass (CN)), kg-pass" in str(caught.value)
    # An ambiguous name is still a kind of unknown place: handlers of that keep working.
    assert isinstance(caught.value, UnknownPlaceError)


def test_a_shared_alias_is_ambiguous_too(index: PlaceIndex) -> None:
    with pytest.raises(AmbiguousPlaceError):
        index.resolve("Passo")


def test_a_place_named_outright_wins_over_a_qualified_label(index: PlaceIndex) -> None:
    # "Gate" is the name of cn-gate; kz-gate-post is only "Gate (KZ)".
    assert index.resolve("Gate").id == "cn-gate"
    assert [p.id for p in index.candidates("Gate")] == ["cn-gate", "kz-gate-post"]


def test_ids_are_never_ambiguous(index: PlaceIndex) -> None:
    assert index.resolve("kg-pass").id == "kg-pass"


def test_a_route_takes_the_side_in_the_other_ends_country_and_says_so(index: PlaceIndex) -> None:
    start, end, notes = index.resolve_pair("Pass", "Town")
    assert (start.id, end.id) == ("kg-pass", "kg-town")
    assert notes == [
        "Pass taken as kg-pass (Pass (KG), kg), the side in Town's country; it also names cn-pass"
    ]
    start, end, notes = index.resolve_pair("City", "Pass")
    assert (start.id, end.id, len(notes)) == ("cn-city", "cn-pass", 1)
    # Outpost is nearer the Kyrgyz pass, but it is in China: the Chinese side is meant.
    start, end, notes = index.resolve_pair("Outpost", "Pass")
    assert start.id == "cn-outpost"
    assert end.id == "cn-pass"
    assert notes == [
        "Pass taken as cn-pass (Pass (CN), cn), the side in Outpost's country; "
        "it also names kg-pass"
    ]


def test_a_route_from_a_third_country_takes_the_nearer_side(index: PlaceIndex) -> None:
    start, end, notes = index.resolve_pair("Steppe", "Pass")
    assert start.id == "kz-steppe"
    assert end.id == "kg-pass"
    assert notes == [
        "Pass taken as kg-pass (Pass (KG), kg), the side nearer Steppe; it also names cn-pass"
    ]


def test_an_unambiguous_route_has_no_note(index: PlaceIndex) -> None:
    assert index.resolve_pair("Town", "City")[2] == []


def test_suggestions_never_bring_up_unrelated_places(index: PlaceIndex) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        index.resolve("Passs")
    assert {place_id for _, place_id in caught.value.suggestions} == {"cn-pass", "kg-pass"}
    with pytest.raises(UnknownPlaceError) as caught:
        index.resolve("Tursungate")
    assert caught.value.suggestions == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Xi'anXi'an", "cn-xian"),  # pasted twice
        ("Tashkent region", "uz-tashkent"),
        ("Dushanbe-2 station", "tj-dushanbe"),
    ],
)
def test_a_name_written_inside_a_longer_query_is_suggested(
    embedded: Observatory, typed: str, expected: str
) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        embedded.place(typed)
    assert expected in {place_id for _, place_id in caught.value.suggestions}


@pytest.mark.parametrize("typed", ["Tashkentovich", "Oshkosh"])
def test_a_name_inside_another_word_is_not_suggested(embedded: Observatory, typed: str) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        embedded.place(typed)
    assert caught.value.suggestions == []


def test_a_place_whose_name_holds_the_query_as_words_is_suggested_first(
    embedded: Observatory,
) -> None:
    """ "Baku" is not the port's name, but "Port of Baku (Alat)" holds it: offered before
    the similar spelling "Baketu"."""
    with pytest.raises(UnknownPlaceError) as caught:
        embedded.place("Baku")
    assert [i for _, i in caught.value.suggestions][:2] == ["az-alat", "cn-baketu"]


def test_only_whole_words_of_a_name_are_offered() -> None:
    """ "Tursun" is a word of "Tursun Gate"; "Ursun" is inside a word; "Gate" and "Post" name
    kinds of places, not one place, so "Gate Post" is not offered for "Post"."""
    index = PlaceIndex([*_places(), _place("kz-tursun-gate", "Tursun Gate", 44.0, 79.0)])
    assert index.suggest("Tursun")[0][1] == "kz-tursun-gate"
    assert index.suggest("Ursun") == []
    assert "kz-gate-post" not in {i for _, i in index.suggest("Post")}


# -- the embedded dataset ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Torugart", "Irkeshtam", "Erkeshtam", "Bedel"])
def test_border_pass_names_are_ambiguous_in_the_embedded_data(
    embedded: Observatory, name: str
) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        embedded.place(name)
    ids = {place_id for _, place_id in caught.value.choices}
    assert len(ids) == 2
    assert {i[:2] for i in ids} == {"cn", "kg"}


def test_torugart_suggests_no_unrelated_place(embedded: Observatory) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        embedded.place("Torugartt")
    assert {i for _, i in caught.value.suggestions} == {"cn-torugart", "kg-torugart"}


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Khorgas", "cn-khorgos"),
        ("Korgas", "cn-khorgos"),
        ("Khorgos", "cn-khorgos"),
        ("Dushanbe", "tj-dushanbe"),
        ("Душанбе", "tj-dushanbe"),
        ("Tashkent", "uz-tashkent"),
        ("Toshkent", "uz-tashkent"),
    ],
)
def test_common_spellings_resolve(embedded: Observatory, name: str, place_id: str) -> None:
    assert embedded.place(name).place.id == place_id


def test_route_irkeshtam_osh_takes_the_kyrgyz_post(embedded: Observatory) -> None:
    result = embedded.route("Irkeshtam", "Osh", modes=[LinkMode.ROAD])
    assert result.best.origin == "kg-irkeshtam"
    assert result.best.crossings == ()
    assert result.notes == (
        "Irkeshtam taken as kg-irkeshtam (Irkeshtam (KG), kg), the side in Osh's country; "
        "it also names cn-irkeshtam",
    )


def test_route_kashgar_irkeshtam_takes_the_chinese_post(embedded: Observatory) -> None:
    result = embedded.route("Kashgar", "Irkeshtam", modes=[LinkMode.ROAD])
    assert result.best.destination == "cn-irkeshtam"
    assert "Irkeshtam taken as cn-irkeshtam" in result.notes[0]


def test_route_kashgar_khorgos_takes_the_chinese_post(embedded: Observatory) -> None:
    # The Kazakh post lies about as far from Kashgar as China's; a trip within China is meant.
    result = embedded.route("Kashgar", "Khorgos", modes=[LinkMode.ROAD], date=WEDNESDAY)
    assert result.best.destination == "cn-khorgos"
    # Both ends are then in China, so a route through the neighbours is warned.
    assert not result.best.crossings or any(
        w.startswith("both ends are in China") for w in result.warnings
    )
    assert "Khorgos taken as cn-khorgos" in result.notes[0]
    assert "the side in Kashgar's country" in result.notes[0]
    # From Almaty, the Kazakh side.
    almaty = embedded.route("Almaty", "Khorgos", modes=[LinkMode.ROAD], date=WEDNESDAY)
    assert almaty.best.crossings == ()


def test_the_cli_route_says_which_irkeshtam_it_took(embedded: Observatory) -> None:
    result = runner.invoke(
        cli, ["route", "Irkeshtam", "Osh", "--mode", "road", "--kb", str(embedded.kb.path)]
    )
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "note: Irkeshtam taken as kg-irkeshtam" in flat
    assert "the side in Osh's country" in flat


@pytest.fixture
def http(embedded: Observatory) -> FastAPI:
    return create_app(HttpSettings(), embedded)


def test_http_an_ambiguous_place_is_a_problem_with_its_choices(http: FastAPI) -> None:
    body = assert_problem(request(http, "GET", "/api/v1/places/Torugart"), 404, "ambiguous-place")
    assert {c["id"] for c in body["choices"]} == {"cn-torugart", "kg-torugart"}
    assert body["suggestions"] == body["choices"]


def test_http_a_route_carries_its_note(http: FastAPI) -> None:
    response = request(
        http,
        "GET",
        "/api/v1/route",
        params={"origin": "Irkeshtam", "destination": "Osh", "mode": "road"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["notes"][0].startswith("Irkeshtam taken as kg-irkeshtam")


def test_the_openapi_declares_the_ambiguous_place_problem(http: FastAPI) -> None:
    spec = request(http, "GET", "/api/v1/openapi.json").json()
    described = spec["paths"]["/api/v1/route"]["get"]["responses"]["404"]["description"]
    assert "ambiguous-place" in described
