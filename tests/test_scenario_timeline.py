"""The timeline the observatory replays under a scenario: the scenario's openings are openings.

Under `as-planned-2030` the CKU railway and the Ayagoz–Bakhty line open on their announced
dates (the date slider shows them open after those dates); a scenario's `open_on` override is
likewise an opening of its network; the knowledge base as reported keeps them as plans.
"""

from __future__ import annotations

from pathlib import Path

from asgi_client import request
from caravan import Observatory
from caravan.http import HttpSettings, create_app

CKU_LINKS = [
    "rail-kashgar-torugart",
    "rail-torugart-arpa",
    "rail-arpa-makmal",
    "rail-makmal-jalal-abad",
]


def timeline(embedded_kb_path: Path, scenario: str | None) -> dict[str, dict[str, object]]:
    observatory = Observatory.open(embedded_kb_path)
    app = create_app(HttpSettings(), observatory)
    params = {"scenario": scenario} if scenario else {}
    answer = request(app, "GET", "/api/v1/timeline", params=params)
    assert answer.status_code == 200, answer.text
    return {item["id"]: item for item in answer.json()}


def test_as_planned_openings_are_openings_on_the_timeline(embedded_kb_path: Path) -> None:
    planned = timeline(embedded_kb_path, "as-planned-2030")
    for link in [*CKU_LINKS, "rail-bakhty-ayagoz"]:
        item = planned[link]
        assert item["planned"] is False, item
        assert item["never"] is False, item
        assert str(item["opens_on"]) <= "2030-12-31", item
    assert planned["bcp-torugart-rail"]["planned"] is False
    reported = timeline(embedded_kb_path, None)
    for link in [*CKU_LINKS, "rail-bakhty-ayagoz"]:
        assert reported[link]["planned"] is True or reported[link]["never"] is True, reported[link]


def test_an_open_on_override_is_an_opening_on_its_date(embedded_kb_path: Path) -> None:
    summit = timeline(embedded_kb_path, "summit-2025")
    assert summit["rail-kashgar-torugart"]["opens_on"] == "2030-12-31"
    assert summit["rail-kashgar-torugart"]["planned"] is False
    assert summit["rail-bakhty-ayagoz"]["opens_on"] == "2027-12-31"
    assert summit["rail-bakhty-ayagoz"]["planned"] is False
