"""The project tracker under a scenario: the status its network is built with, and since when."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.analysis.project_states import project_states_under
from caravan.cli import app
from caravan.errors import ScenarioError
from caravan.http import HttpSettings, create_app
from caravan.model import ProjectStatus, Scenario
from caravan.model.scenario import ProjectOverride
from caravan.network.scenario import planned_date, project_status_under

ANGREN_PAP = "prj-angren-pap-railway"  # under construction from 2013-09, in service 2016-06
SOURCE = ("src-railwaynews-kamchiq",)  # the source of its timeline


def _angren_pap(override: ProjectOverride) -> Scenario:
    return Scenario(
        name="angren-pap-test",
        description="Angren–Pap railway timeline moved (a test).",
        project=(override,),
    )


def _row(
    observatory: Observatory, project_id: str, on: str, scenario: str | Scenario | None
) -> tuple[ProjectStatus | None, dt.date | None]:
    """A project's (status, since) in the tracker on a date under a scenario."""
    [row] = [
        r
        for r in observatory.projects(as_of=dt.date.fromisoformat(on), scenario=scenario)
        if r.project.id == project_id
    ]
    return row.status, row.since


def test_without_a_scenario_the_states_are_the_reported_ones(embedded: Observatory) -> None:
    on = dt.date(2025, 6, 17)
    assert project_states_under(embedded.kb, on) == embedded.kb.project_states(on)
    assert _row(embedded, ANGREN_PAP, "2017-01-01", None) == (
        ProjectStatus.IN_SERVICE,
        dt.date(2016, 6, 1),
    )


@pytest.mark.parametrize("name", ["cku-railway", "as-planned-2030", "summit-2025", "today"])
def test_every_status_is_the_one_the_scenarios_network_uses(
    embedded: Observatory, name: str
) -> None:
    scenario = embedded.scenario(name)
    on = dt.date(2030, 12, 31)
    expected = project_status_under(embedded.kb, scenario, on)
    states = project_states_under(embedded.kb, on, scenario)
    assert {s.project.id: s.status for s in states} == expected
    reported = {s.project.id: s for s in embedded.kb.project_states(on)}
    changed = {s.project.id for s in states if s.status != reported[s.project.id].status}
    if name == "today":
        assert changed == set()
    else:
        assert changed  # each of the others opens something by 2030
    for state in states:  # what the scenario leaves alone keeps its reported date
        if state.project.id not in changed and not any(
            o.id == state.project.id for o in scenario.project
        ):
            assert state.since == reported[state.project.id].since


def test_an_opened_project_is_in_service_with_no_date_and_a_planned_one_from_its_plan(
    embedded: Observatory,
) -> None:
    assert _row(embedded, "prj-cku-railway", "2026-06-01", None)[0] == (
        ProjectStatus.UNDER_CONSTRUCTION
    )
    assert _row(embedded, "prj-cku-railway", "2026-06-01", "cku-railway") == (
        ProjectStatus.IN_SERVICE,
        None,
    )
    [third] = [p for p in embedded.kb.projects() if p.id == "prj-cn-kz-third-railway"]
    planned = planned_date(third.planned_completion)
    assert planned is not None
    assert _row(embedded, third.id, "2030-12-31", "as-planned-2030") == (
        ProjectStatus.IN_SERVICE,
        planned,
    )


def test_a_delay_moves_the_status_and_its_date(embedded: Observatory) -> None:
    late = _angren_pap(ProjectOverride(source=SOURCE, id=ANGREN_PAP, delay_months=12))
    assert _row(embedded, ANGREN_PAP, "2016-12-01", late) == (
        ProjectStatus.UNDER_CONSTRUCTION,
        dt.date(2014, 9, 1),
    )
    assert _row(embedded, ANGREN_PAP, "2017-08-01", late) == (
        ProjectStatus.IN_SERVICE,
        dt.date(2017, 6, 1),
    )


def test_an_opening_date_is_the_date_it_is_in_service_since(embedded: Observatory) -> None:
    moved = _angren_pap(ProjectOverride(source=SOURCE, id=ANGREN_PAP, open_on=dt.date(2018, 3, 1)))
    assert _row(embedded, ANGREN_PAP, "2017-01-01", moved) == (
        ProjectStatus.UNDER_CONSTRUCTION,
        None,
    )
    assert _row(embedded, ANGREN_PAP, "2019-01-01", moved) == (
        ProjectStatus.IN_SERVICE,
        dt.date(2018, 3, 1),
    )
    never = _angren_pap(ProjectOverride(source=SOURCE, id=ANGREN_PAP, never_open=True))
    assert _row(embedded, ANGREN_PAP, "2019-01-01", never) == (ProjectStatus.SUSPENDED, None)
    assert _row(embedded, ANGREN_PAP, "2015-01-01", never) == (
        ProjectStatus.UNDER_CONSTRUCTION,
        dt.date(2013, 9, 1),
    )


def test_the_projects_resource_takes_a_built_in_scenario(embedded: Observatory) -> None:
    app = create_app(HttpSettings(), embedded)

    def cku(params: dict[str, str]) -> dict[str, object]:
        response = request(app, "GET", "/api/v1/projects", params={**params, "limit": "500"})
        assert response.status_code == 200, response.text
        [row] = [r for r in response.json()["items"] if r["project"]["id"] == "prj-cku-railway"]
        return {"status": row["status"], "since": row["since"]}

    on = {"as_of": "2026-06-01"}
    assert cku(on)["status"] == "under_construction"
    assert cku({**on, "scenario": "cku-railway"}) == {"status": "in_service", "since": None}
    unknown = request(app, "GET", "/api/v1/projects", params={"scenario": "cku-railwya"})
    assert "cku-railway" in assert_problem(unknown, 422, "invalid-request")["detail"]


def test_the_cli_lists_projects_under_a_scenario(embedded_kb_path: Path) -> None:
    def cku(*extra: str) -> dict[str, object]:
        args = ["projects", "--as-of", "2026-06-01", "--kb", str(embedded_kb_path), "--json"]
        result = CliRunner().invoke(app, [*args, *extra])
        assert result.exit_code == 0, result.output
        [row] = [r for r in json.loads(result.output) if r["project"]["id"] == "prj-cku-railway"]
        return {"status": row["status"], "since": row["since"]}

    assert cku()["status"] == "under_construction"
    assert cku("--scenario", "cku-railway") == {"status": "in_service", "since": None}
    unknown = CliRunner().invoke(
        app, ["projects", "--scenario", "cku-railwya", "--kb", str(embedded_kb_path)]
    )
    # The entry point turns it into one `error:` line (tests/test_cli_hostile.py covers that).
    assert isinstance(unknown.exception, ScenarioError)
    assert "no built-in scenario 'cku-railwya'" in str(unknown.exception)
