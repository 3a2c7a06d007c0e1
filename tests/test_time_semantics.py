"""Time as users see it: today by default, and a warning past the Chinese holiday calendar."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from asgi_client import request
from caravan import Observatory
from caravan.cli import app
from caravan.http import HttpSettings, create_app
from caravan.model import LinkMode, ProjectStatus

# The synthetic dataset's holiday calendar lists one day of 2025: it covers 2025.
INSIDE = dt.date(2025, 6, 2)
AFTER = dt.date(2026, 6, 1)
BEFORE = dt.date(2024, 6, 3)
ROAD_POST = "bcp-khorgos-nur-zholy-road"  # closes on Chinese public holidays


def test_a_route_past_the_holiday_calendar_says_the_calendar_ends(mini: Observatory) -> None:
    result = mini.route("Xi'an", "Almaty", modes=[LinkMode.ROAD], date=AFTER)
    assert ROAD_POST in result.best.crossings
    assert result.warnings == (
        f"the Chinese holiday calendar ends on 2025-12-31; closures of {ROAD_POST} on Chinese "
        "public holidays after it are not modelled (route date 2026-06-01)",
    )


def test_a_route_before_the_holiday_calendar_says_it_begins_later(mini: Observatory) -> None:
    result = mini.route("Xi'an", "Almaty", modes=[LinkMode.ROAD], date=BEFORE)
    [warning] = result.warnings
    assert warning.startswith("the Chinese holiday calendar begins on 2025-01-01")


def test_no_warning_inside_the_calendar_or_off_the_posts_it_closes(mini: Observatory) -> None:
    assert mini.route("Xi'an", "Almaty", modes=[LinkMode.ROAD], date=INSIDE).warnings == ()
    by_rail = mini.route("Xi'an", "Almaty", modes=[LinkMode.RAIL], date=AFTER)
    assert ROAD_POST not in by_rail.best.crossings
    assert by_rail.warnings == ()


def test_alternatives_through_the_post_are_warned_too(mini: Observatory) -> None:
    result = mini.route("Xi'an", "Almaty", date=AFTER, alternatives=3, pareto=True)
    used = {c for i in (result.best, *result.alternatives, *result.pareto) for c in i.crossings}
    assert (ROAD_POST in used) == bool(result.warnings)


def test_the_cli_prints_the_warning_and_json_carries_it(mini: Observatory) -> None:
    runner = CliRunner()
    arguments = ["route", "Xi'an", "Almaty", "--mode", "road", "--date", AFTER.isoformat()]
    arguments += ["--kb", str(mini.kb.path)]
    shown = runner.invoke(app, arguments)
    assert shown.exit_code == 0, shown.output
    assert "warning the Chinese holiday calendar ends on 2025-12-31" in " ".join(
        shown.stderr.split()
    )
    as_json = runner.invoke(app, [*arguments, "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["warnings"][0].startswith(
        "the Chinese holiday calendar ends on 2025-12-31"
    )


def test_the_default_date_is_today_not_the_next_quarter(mini: Observatory) -> None:
    today = dt.date.today()
    assert mini.route("Xi'an", "Tashkent").best.date == today.isoformat()
    assert mini.network().date == today
    assert {row.as_of for row in mini.projects()} == {today}
    matrices = mini.skim(["Xi'an", "Tashkent"])
    assert matrices.date == today.isoformat()


def test_the_timeline_calls_a_future_opening_a_plan(mini: Observatory) -> None:
    mini.record_status_event(
        "prj-test-line",
        dt.date.today() + dt.timedelta(days=400),
        ProjectStatus.IN_SERVICE,
        source_ids=["src-test-news"],
    )
    item = next(i for i in mini.timeline() if i.id == "rail-almaty-tashkent-new")
    assert item.opens_on == dt.date.today() + dt.timedelta(days=400)
    assert item.planned


def test_the_http_api_returns_the_warning(mini: Observatory) -> None:
    application = create_app(HttpSettings(), mini)
    params = {"origin": "Xi'an", "destination": "Almaty", "mode": "road", "date": "2026-06-01"}
    response = request(application, "GET", "/api/v1/route", params=params)
    assert response.status_code == 200, response.text
    [warning] = response.json()["warnings"]
    assert warning.startswith("the Chinese holiday calendar ends on 2025-12-31")
    inside = request(application, "GET", "/api/v1/route", params={**params, "date": "2025-06-02"})
    assert inside.json()["warnings"] == []
