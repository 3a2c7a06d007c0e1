"""Scenarios: loading and its errors, the built-ins, and the invariants of applying them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Set as AbstractSet
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asgi_client import request
from caravan import Observatory
from caravan.analysis.routing import skim_matrices
from caravan.analysis.scenarios import builtin_names
from caravan.api import Weight
from caravan.errors import DataValidationError, ScenarioError
from caravan.http import HttpSettings, create_app
from caravan.model import (
    Closure,
    CrossingOverride,
    LinkMode,
    ProjectOverride,
    ProjectTimeline,
    Scenario,
)
from caravan.network import (
    CostSettings,
    EdgeKind,
    NetworkSnapshot,
    network_from_knowledge_base,
)

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
DATE = dt.date(2025, 6, 4)
SOURCE = ("asm-model-teu-per-truck",)  # any existing id: the properties test mechanics
#: A spread of places on both sides of the borders, for best-time comparisons.
PLACES = [
    "cn-kashgar", "cn-urumqi", "cn-xian", "cn-khorgos", "kz-almaty", "kz-astana",
    "kg-bishkek", "kg-osh", "uz-tashkent", "uz-andijan", "tj-dushanbe", "tm-ashgabat",
]  # fmt: skip
Edge = tuple[object, ...]
PROPERTY = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _scenario(**changes: object) -> Scenario:
    return Scenario.model_validate(
        {"name": "probe", "description": "a scenario built by a test", **changes}
    )


def _edges(snapshot: NetworkSnapshot, exclude: AbstractSet[str] = frozenset()) -> Counter[Edge]:
    """Every edge as (from node, to node, kind, record, time, cost, length), node-order free."""
    role = dict.fromkeys(snapshot.origin_node.values(), "origin")
    role |= dict.fromkeys(snapshot.destination_node.values(), "destination")

    def node(n: int) -> tuple[object, ...]:
        return (snapshot.node_place[n], snapshot.node_layer[n], role.get(n, "layer"))

    edges: Counter[Edge] = Counter()
    for e in range(snapshot.edge_count):
        ref = snapshot.records[e].ref_id
        if ref in exclude:
            continue
        edges[
            (
                node(int(snapshot.source[e])),
                node(int(snapshot.target[e])),
                int(snapshot.kind[e]),
                ref,
                round(float(snapshot.time_h[e]), 9),
                round(float(snapshot.cost_usd[e]), 9),
                round(float(snapshot.length_km[e]), 9),
            )
        ] += 1
    return edges


def _best_times(observatory: Observatory, scenario: Scenario | None) -> npt.NDArray[np.float64]:
    """Least reported times between the places (skims by time: road trips by drivers' hours).

    The time search minimises the time itineraries report, so these invariants hold on it.
    """
    router = observatory._router(DATE, CostSettings(), scenario)
    return skim_matrices(router, PLACES, Weight.TIME).time_h


# -- loading -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fixture", "key", "reason"),
    [
        ("unknown-key.toml", "speed_everything_up", "unknown key"),
        ("unknown-project.toml", "project.0.id", "unknown project 'prj-cku-railwya'"),
        ("impossible-factor.toml", "crossing.0.time_factor", "greater than 0"),
        ("two-actions.toml", "project.0", "exactly one of"),
        ("unsourced-link.toml", "new_links.0.source", "at least 1 item"),
        ("unknown-place-link.toml", "new_links.0.to_id", "unknown place 'kg-atlantis'"),
        ("cycle-a.toml", "base", "cycle"),
    ],
)
def test_loader_errors_name_file_key_and_reason(
    embedded: Observatory, fixture: str, key: str, reason: str
) -> None:
    with pytest.raises(ScenarioError) as raised:
        embedded.scenario(FIXTURES / fixture)
    error = raised.value
    assert isinstance(error, DataValidationError)
    assert isinstance(error, ValueError)
    issue = next(i for i in error.issues if i.field == key)
    assert Path(issue.file).name == fixture
    assert reason in issue.reason
    assert fixture in str(error)
    assert key in str(error)


def test_a_ferry_has_no_speed_to_override(embedded: Observatory, tmp_path: Path) -> None:
    path = tmp_path / "ferry.toml"
    path.write_text(
        'name = "ferry"\ndescription = "Speeds up a Caspian ferry."\n'
        '[[link]]\nid = "ferry-aktau-alat"\nspeed_kph = 30\nsource = ["asm-model-teu-per-truck"]\n'
    )
    with pytest.raises(ScenarioError, match="ferry") as raised:
        embedded.scenario(path)
    assert raised.value.key == "link.0.id"


def test_unknown_builtin_lists_the_builtins(embedded: Observatory) -> None:
    with pytest.raises(ScenarioError, match="built-ins: today, as-planned-2030"):
        embedded.scenario("cku-railwya")


def test_a_file_extends_a_builtin(embedded: Observatory) -> None:
    child = embedded.scenario(FIXTURES / "extends-cku.toml")
    parent = embedded.scenario("cku-railway")
    assert child.base == "cku-railway"
    assert child.project == parent.project
    assert [c.id for c in child.crossing] == ["bcp-torugart-rail"]
    assert set(parent.sources) <= set(child.sources)


def test_builtins_load_with_descriptions_and_sources(embedded: Observatory) -> None:
    found = {s.name: s for s in embedded.scenarios()}
    assert set(found) == set(builtin_names())
    assert {
        "today", "as-planned-2030", "cku-railway", "ayagoz-bakhty-railway", "cn-tj-highway",
        "summit-2025", "faster-borders", "khorgos-closed",
    } <= set(found)  # fmt: skip
    assert found["today"].changes_nothing()
    assert found["as-planned-2030"].base_date == dt.date(2030, 12, 31)
    for name, scenario in found.items():
        assert len(scenario.description) > 20
        if name != "today":
            assert scenario.sources, name


# -- the built-ins' answers ---------------------------------------------------------------------
def test_cku_railway_runs_kashgar_to_andijan_with_one_gauge_change_at_makmal(
    embedded: Observatory,
) -> None:
    today = embedded.route("Kashgar", "Andijan", modes=[LinkMode.RAIL], date=DATE).best
    cku = embedded.route(
        "Kashgar", "Andijan", modes=[LinkMode.RAIL], date=DATE, scenario="cku-railway"
    ).best
    assert "bcp-torugart-rail" in cku.crossings
    changes = [leg for leg in cku.legs if leg.gauge_change]
    assert [(leg.from_id, leg.transfer) for leg in changes] == [
        ("kg-makmal", "gauge_transshipment")
    ]
    assert 500 <= cku.length_km <= 560  # published: about 523 km
    assert cku.length_km < today.length_km / 5
    assert cku.time_h < today.time_h


def test_as_planned_2030_opens_cku_and_ayagoz_bakhty(embedded: Observatory) -> None:
    network = embedded.network(scenario="as-planned-2030")
    assert network.date == dt.date(2030, 12, 31)
    for record in ("rail-kashgar-torugart", "rail-bakhty-ayagoz", "bcp-tacheng-bakhty-rail"):
        assert record not in network.closures
    today = embedded.network(DATE)
    assert "rail-bakhty-ayagoz" in today.closures
    route = embedded.route(
        "Tacheng", "Ayagoz", modes=[LinkMode.RAIL], scenario="as-planned-2030"
    ).best
    assert "bcp-tacheng-bakhty-rail" in route.crossings
    timeline = {i.id: i for i in embedded.timeline(scenario="as-planned-2030")}
    assert timeline["rail-kashgar-torugart"].opens_on == dt.date(2030, 12, 31)


def test_khorgos_closed_closes_both_khorgos_crossings_for_30_days(embedded: Observatory) -> None:
    scenario = embedded.scenario("khorgos-closed")
    start = embedded.network(DATE, scenario=scenario.model_copy(update={"base_date": DATE}))
    later = embedded.network(
        DATE + dt.timedelta(days=30), scenario=scenario.model_copy(update={"base_date": DATE})
    )
    for crossing in ("bcp-khorgos-altynkol-rail", "bcp-khorgos-nur-zholy-road"):
        assert "closed in scenario khorgos-closed" in start.closures[crossing]
        assert crossing not in later.closures


def test_faster_borders_halves_every_clearance(embedded: Observatory) -> None:
    base = embedded.network(DATE)
    fast = embedded.network(DATE, scenario="faster-borders")
    for snapshot in (base, fast):
        assert snapshot.edge_count == base.edge_count
    crossing = base.kind == EdgeKind.CROSSING
    # a crossing edge's first parameter is its clearance time (the handling is part of it)
    clearance = np.array(
        [r.parameters[0].value if r.kind == EdgeKind.CROSSING else 0.0 for r in base.records]
    )
    handling = np.array([r.handling_time_h for r in base.records])
    expected = np.maximum(clearance * 0.5, handling)[crossing]
    assert np.allclose(fast.time_h[crossing], expected)
    assert np.all(fast.time_h[crossing] <= base.time_h[crossing] + 1e-9)
    assert np.array_equal(fast.time_h[~crossing], base.time_h[~crossing])


# -- invariants ----------------------------------------------------------------------------
@PROPERTY
@given(day=st.dates(dt.date(2014, 1, 1), dt.date(2031, 12, 31)))
def test_a_scenario_equal_to_its_base_changes_nothing(embedded: Observatory, day: dt.date) -> None:
    plain = network_from_knowledge_base(embedded.kb, day)
    today = network_from_knowledge_base(embedded.kb, day, scenario=embedded.scenario("today"))
    assert _edges(plain) == _edges(today)
    assert plain.closures == today.closures
    cku = embedded.scenario("cku-railway")
    same = cku.model_copy(update={"name": "copy", "base": "cku-railway"})
    assert _edges(network_from_knowledge_base(embedded.kb, day, scenario=cku)) == _edges(
        network_from_knowledge_base(embedded.kb, day, scenario=same)
    )


def _projects_with_links(observatory: Observatory) -> list[str]:
    return sorted({link.project_id for link in observatory.kb.links() if link.project_id})


def _crossings(observatory: Observatory) -> list[str]:
    return sorted(c.id for c in observatory.kb.crossings())


@PROPERTY
@given(data=st.data())
def test_opening_a_project_never_makes_a_best_time_worse(
    embedded: Observatory, data: st.DataObject
) -> None:
    project = data.draw(st.sampled_from(_projects_with_links(embedded)))
    opened = _scenario(project=[ProjectOverride(id=project, open=True, source=SOURCE)])
    assert np.all(_best_times(embedded, opened) <= _best_times(embedded, None) + 1e-9)


@PROPERTY
@given(data=st.data(), factor=st.floats(0.01, 1.0))
def test_shortening_a_clearance_never_makes_a_best_time_worse(
    embedded: Observatory, data: st.DataObject, factor: float
) -> None:
    crossing = data.draw(st.sampled_from(_crossings(embedded)))
    faster = _scenario(crossing=[CrossingOverride(id=crossing, time_factor=factor, source=SOURCE)])
    assert np.all(_best_times(embedded, faster) <= _best_times(embedded, None) + 1e-9)


@pytest.mark.parametrize("factor", [0.05, 0.4, 0.8])
def test_shortening_road_clearances_never_makes_a_best_time_worse(
    embedded: Observatory, factor: float
) -> None:
    # every road crossing alone, then all at once: a road queue shortened below the break or
    # the reduced daily rest is still the crew's break or rest (it lasts that long then)
    road = sorted(c.id for c in embedded.kb.crossings() if c.mode == "road")
    assert len(road) >= 10
    today = _best_times(embedded, None)
    for chosen in [*([c] for c in road), road]:
        overrides = [CrossingOverride(id=c, time_factor=factor, source=SOURCE) for c in chosen]
        faster = _best_times(embedded, _scenario(crossing=overrides))
        assert np.all(faster <= today + 1e-9), (chosen, factor)


@PROPERTY
@given(data=st.data(), days=st.integers(1, 400))
def test_closing_a_crossing_never_makes_a_best_time_better(
    embedded: Observatory, data: st.DataObject, days: int
) -> None:
    crossing = data.draw(st.sampled_from(_crossings(embedded)))
    closed = _scenario(
        base_date=DATE, closure=[Closure(id=crossing, start=DATE, days=days, source=SOURCE)]
    )
    assert np.all(_best_times(embedded, closed) >= _best_times(embedded, None) - 1e-9)


@PROPERTY
@given(data=st.data(), factor=st.floats(0.1, 3.0), speed=st.floats(5.0, 120.0))
def test_a_scenarios_changes_are_exactly_its_overrides(
    embedded: Observatory, data: st.DataObject, factor: float, speed: float
) -> None:
    base = network_from_knowledge_base(embedded.kb, DATE)
    in_service = {
        base.records[e].ref_id for e in range(base.edge_count) if base.kind[e] != EdgeKind.TRANSFER
    }
    crossing = data.draw(st.sampled_from(sorted(set(_crossings(embedded)) & in_service)))
    link = data.draw(
        st.sampled_from(
            sorted(
                lk.id
                for lk in embedded.kb.links()
                if lk.id in in_service and lk.mode != LinkMode.FERRY
            )
        )
    )
    scenario = _scenario(
        crossing=[CrossingOverride(id=crossing, time_factor=factor, source=SOURCE)],
        link=[{"id": link, "speed_kph": speed, "source": SOURCE}],
    )
    changed = network_from_knowledge_base(embedded.kb, DATE, scenario=scenario)
    assert _edges(base, {crossing, link}) == _edges(changed, {crossing, link})
    assert base.closures == changed.closures
    touched = [e for e in range(changed.edge_count) if changed.records[e].ref_id == link]
    assert touched
    assert all(
        any(p.value == speed and p.unit == "km/h" for p in changed.records[e].parameters)
        for e in touched
    )
    # opening a project adds edges and removes none; the added ones are its records' or
    # the transfers and terminals at their ends
    project = data.draw(st.sampled_from(_projects_with_links(embedded)))
    opened = network_from_knowledge_base(
        embedded.kb,
        DATE,
        scenario=_scenario(project=[ProjectOverride(id=project, open=True, source=SOURCE)]),
    )
    before, after = _edges(base), _edges(opened)
    assert not before - after
    owned = {lk.id for lk in embedded.kb.links() if lk.project_id == project}
    owned |= {c.id for c in embedded.kb.crossings() if c.project_id == project}
    for edge in after - before:
        assert edge[3] in owned or edge[2] in (
            EdgeKind.TRANSFER, EdgeKind.ACCESS, EdgeKind.EGRESS
        )  # fmt: skip


def test_as_planned_without_plans_reached_is_as_reported(embedded: Observatory) -> None:
    planned = _scenario(projects=ProjectTimeline.AS_PLANNED)
    early = dt.date(2015, 6, 1)  # before any planned completion in the data
    assert _edges(network_from_knowledge_base(embedded.kb, early)) == _edges(
        network_from_knowledge_base(embedded.kb, early, scenario=planned)
    )


def test_delay_and_never_open(embedded: Observatory) -> None:
    day = dt.date(2031, 6, 1)
    planned = {"projects": ProjectTimeline.AS_PLANNED, "base_date": day}
    on_time = embedded.network(scenario=_scenario(**planned))
    late = embedded.network(
        scenario=_scenario(
            **planned,
            project=[ProjectOverride(id="prj-cku-railway", delay_months=12, source=SOURCE)],
        )
    )
    never = embedded.network(
        scenario=_scenario(
            **planned,
            project=[ProjectOverride(id="prj-cku-railway", never_open=True, source=SOURCE)],
        )
    )
    assert "rail-kashgar-torugart" not in on_time.closures
    assert "rail-kashgar-torugart" in late.closures
    assert "rail-kashgar-torugart" in never.closures


# -- HTTP ------------------------------------------------------------------------------------
@pytest.fixture
def app(embedded: Observatory) -> FastAPI:
    return create_app(HttpSettings(), embedded)


def test_http_scenarios_route_and_enum(app: FastAPI) -> None:
    listed = request(app, "GET", "/api/v1/scenarios").json()
    assert [s["name"] for s in listed] == builtin_names()
    answer = request(
        app,
        "GET",
        "/api/v1/route",
        params={"origin": "Kashgar", "destination": "Andijan", "mode": "rail",
                "scenario": "cku-railway", "date": DATE.isoformat()},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert "bcp-torugart-rail" in answer.json()["best"]["crossings"]
    refused = request(
        app,
        "GET",
        "/api/v1/route",
        params={"origin": "Kashgar", "destination": "Andijan", "scenario": "/etc/passwd"},
    )
    assert refused.status_code == 422
    spec = request(app, "GET", "/api/v1/openapi.json").json()
    parameters = spec["paths"]["/api/v1/route"]["get"]["parameters"]
    scenario = next(p for p in parameters if p["name"] == "scenario")
    assert "cku-railway" in str(scenario["schema"])
    timeline = request(app, "GET", "/api/v1/timeline", params={"scenario": "as-planned-2030"})
    assert timeline.status_code == 200
