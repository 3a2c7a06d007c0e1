"""Records refuse values that break their declarations."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from caravan.model import Crossing, Link, Place


def _link(**changes: object) -> Link:
    values: dict[str, object] = {
        "id": "rail-a-b",
        "from_id": "kz-a",
        "to_id": "kz-b",
        "mode": "rail",
        "gauge_mm": 1520,
        "length_km": 10,
        "status": "in_service",
        "source": ("src-x",),
    }
    values.update(changes)
    return Link.model_validate(values)


def test_a_valid_link_parses_strings_into_types() -> None:
    link = _link(length_km="12.5", gauge_mm="1435")
    assert link.length_km == 12.5
    assert link.gauge_mm == 1435


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("length_km", -3),
        ("gauge_mm", 1000),
        ("mode", "canal"),
        ("source", ()),
        ("source", ("http://not-an-id",)),
        ("id", "Rail A"),
        ("speed_kph", 0),
    ],
)
def test_a_link_refuses_bad_values(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        _link(**{field: value})
    assert caught.value.errors()[0]["loc"][0] == field


def test_a_link_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        _link(colour="red")


def test_a_place_id_needs_a_country_prefix() -> None:
    with pytest.raises(ValidationError, match="country code"):
        Place(
            id="almaty",
            name_en="Almaty",
            country_id="kz",
            kind="city",
            lat=43.2,
            lon=76.9,
            source=("src-x",),
        )


@pytest.mark.parametrize("season", ["05-01..11-30", "12-01..02-28"])
def test_seasons_accept_calendar_days(season: str) -> None:
    crossing = Crossing(
        id="bcp-a-b-road",
        name="A–B",
        post_a_id="cn-a",
        post_b_id="tj-b",
        mode="road",
        status="in_service",
        seasonal_open=season,
        source=("src-x",),
    )
    assert crossing.seasonal_open == season


@pytest.mark.parametrize("season", ["May..November", "02-30..11-30", "13-01..11-30"])
def test_seasons_refuse_anything_else(season: str) -> None:
    with pytest.raises(ValidationError):
        Crossing(
            id="bcp-a-b-road",
            name="A–B",
            post_a_id="cn-a",
            post_b_id="tj-b",
            mode="road",
            status="in_service",
            seasonal_open=season,
            source=("src-x",),
        )
