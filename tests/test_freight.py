"""Freight on caravan's own network: capacities from observations, loads, select-link, faces.

Capacities are read from the embedded observations (the latest in force on the date, by
direction, Mt/yr converted with the stated tonnes per vehicle; none: uncapacitated and said
so). Loads come from a small demand built here, so the invariants are known: every tonne
from Ürümqi to Almaty by rail crosses a China–Kazakhstan rail crossing, select-link rows add
up to the crossing's flow. The CLI and HTTP faces run the year's demand end to end.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner

from asgi_client import assert_problem, request
from assignment_cases import network_of
from caravan import Observatory
from caravan.analysis.assignment import Algorithm, AssignmentSpec, ConvergenceError, assign
from caravan.analysis.freight import (
    CrossingDelay,
    FreightAssignment,
    FreightParameters,
    assign_freight,
    capacity_of,
    freight_network,
    loads_against_published,
)
from caravan.cli.app import app as cli_app
from caravan.errors import InvalidQueryError, UnknownRecordError
from caravan.http import create_app
from caravan.http.settings import HttpSettings
from caravan.model import Direction

FloatArray = npt.NDArray[np.float64]
ZONES = ("cn-urumqi", "kz-almaty", "kg-osh")
RAIL_MT = 5.0  # Ürümqi → Almaty by rail, Mt/yr
ROAD_MT = 0.5  # Ürümqi → Osh by road, Mt/yr


@dataclass(frozen=True)
class SmallDemand:
    """A demand of two flows, built by hand (the shape ``assign_freight`` reads)."""

    year: int = 2024
    zones: tuple[str, ...] = ZONES
    tonnes_per_year: dict[str, FloatArray] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _small_demand() -> SmallDemand:
    rail, road = np.zeros((3, 3)), np.zeros((3, 3))
    rail[0, 1] = RAIL_MT * 1e6
    road[0, 2] = ROAD_MT * 1e6
    return SmallDemand(tonnes_per_year={"rail": rail, "road": road})


@pytest.fixture
def parameters(embedded: Observatory) -> FreightParameters:
    return FreightParameters.from_knowledge_base(embedded.kb)


def _capacity(embedded: Observatory, subject: str, mode: str, day: str, direction: Direction, parameters: FreightParameters) -> float | None:  # fmt: skip
    found = capacity_of(
        embedded.kb, subject, mode, dt.date.fromisoformat(day), direction, parameters
    )
    return found.vehicles_per_day


def test_capacity_is_the_latest_in_force_in_its_direction(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    nur_zholy = "bcp-khorgos-nur-zholy-road"
    # 2023: the 100 trucks/day of March 2023; 2024: the 335/day served that year, either way
    assert _capacity(embedded, nur_zholy, "road", "2023-07-01", Direction.A_TO_B, parameters) == 100
    assert _capacity(embedded, nur_zholy, "road", "2024-07-01", Direction.A_TO_B, parameters) == 335
    # the 800/day quota of 22 Oct 2025 applies to Kazakhstan → China (b_to_a) only
    assert _capacity(embedded, nur_zholy, "road", "2025-11-01", Direction.B_TO_A, parameters) == 800
    assert _capacity(embedded, nur_zholy, "road", "2025-11-01", Direction.A_TO_B, parameters) == 335
    # cut to 650 on 13 Nov 2025, then 1,200/day both ways from 25 Nov 2025
    assert _capacity(embedded, nur_zholy, "road", "2025-11-20", Direction.B_TO_A, parameters) == 650
    assert (
        _capacity(embedded, nur_zholy, "road", "2025-12-01", Direction.B_TO_A, parameters) == 1200
    )


def test_a_tonnage_capacity_is_converted_and_a_train_count_wins_once_newer(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    dostyk = "bcp-alashankou-dostyk-rail"
    converted = 20e6 / parameters.operating_days_per_year / parameters.tonnes_per_train
    assert _capacity(
        embedded, dostyk, "rail", "2024-07-01", Direction.A_TO_B, parameters
    ) == pytest.approx(converted)
    assert _capacity(embedded, dostyk, "rail", "2025-08-01", Direction.A_TO_B, parameters) == 28
    found = capacity_of(
        embedded.kb, dostyk, "rail", dt.date(2024, 7, 1), Direction.A_TO_B, parameters
    )
    assert "20 Mt/yr" in found.note
    assert "src-net-srn-dostyk-2016" in found.sources


def test_throughput_is_not_a_capacity_and_a_crossing_without_one_says_so(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    # Altynkol publishes 16.1 Mt of throughput (2025) but no capacity
    found = capacity_of(
        embedded.kb,
        "bcp-khorgos-altynkol-rail",
        "rail",
        dt.date(2025, 7, 1),
        Direction.A_TO_B,
        parameters,
    )
    assert found.vehicles_per_day is None
    assert not found.capacitated
    assert found.note.startswith("uncapacitated")


def test_bpr_crossing_on_two_routes_splits_as_worked_by_hand() -> None:
    # crossing 2 h · (1 + 0.15 (x/100)^4) against a 3 h bypass, 300 vehicles/day:
    # equal times when (x/100)^4 = 1/0.3, so x = 100 · (10/3)^(1/4) = 135.12
    network = network_of([(0, 1, 2.0, 100.0, 0.15, 4.0), (0, 1, 3.0, 0.0, 0.0, 1.0)], zones=2)
    demand = np.array([[0.0, 300.0], [0.0, 0.0]])
    spec = AssignmentSpec(algorithm=Algorithm.BICONJUGATE_FRANK_WOLFE, target_gap=1e-10)
    result = assign(network, demand, spec)
    crossing = 100.0 * (10.0 / 3.0) ** 0.25
    assert result.flow == pytest.approx([crossing, 300.0 - crossing], rel=1e-5)


def test_loads_reach_every_crossing_and_conserve_the_demand(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    snapshot = embedded.network(dt.date(2024, 7, 1))
    result = assign_freight(embedded.kb, snapshot, _small_demand(), parameters=parameters)
    open_crossings = {
        r.ref_id for r, k in zip(snapshot.records, snapshot.kind, strict=True) if k == 1
    }
    assert {c.crossing_id for c in result.crossings} == open_crossings
    into_kazakhstan = sum(
        c.mt_per_year
        for c in result.crossings
        if c.mode == "rail" and c.from_place.startswith("cn-") and c.to_place.startswith("kz-")
    )
    assert into_kazakhstan == pytest.approx(RAIL_MT, rel=1e-6)
    into_kyrgyzstan = sum(
        c.mt_per_year for c in result.crossings if c.mode == "road" and c.to_place.startswith("kg-")
    )
    assert into_kyrgyzstan == pytest.approx(ROAD_MT, rel=1e-6)
    for load in result.crossings:
        if load.capacity.vehicles_per_day is None:
            assert load.utilisation is None
            assert "uncapacitated" in load.capacity.note
        else:
            assert load.utilisation == pytest.approx(
                load.vehicles_per_day / load.capacity.vehicles_per_day
            )
    assert all(run.converged and run.unserved_pairs == 0 for run in result.runs)
    assert result.runs[0].history[0].iteration == 1


@pytest.mark.parametrize("crossing", ["bcp-alashankou-dostyk-rail", "bcp-khorgos-altynkol-rail"])
def test_select_link_rows_add_up_to_the_crossings_flow(
    embedded: Observatory, parameters: FreightParameters, crossing: str
) -> None:
    snapshot = embedded.network(dt.date(2024, 7, 1))
    result = assign_freight(
        embedded.kb, snapshot, _small_demand(), parameters=parameters, select_crossing=crossing
    )
    for direction in ("a_to_b", "b_to_a"):
        flow = sum(
            c.vehicles_per_day
            for c in result.crossings
            if c.crossing_id == crossing and c.direction == direction
        )
        rows = [s for s in result.select_link if s.direction == direction]
        assert sum(s.vehicles_per_day for s in rows) == pytest.approx(flow, rel=1e-9, abs=1e-12)
    assert {(s.origin, s.destination) for s in result.select_link if s.vehicles_per_day > 0} <= {
        ("cn-urumqi", "kz-almaty")
    }


def test_an_unknown_select_link_crossing_gets_suggestions(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    snapshot = embedded.network(dt.date(2024, 7, 1))
    with pytest.raises(UnknownRecordError, match="bcp-alashankou-dostyk-rail"):
        assign_freight(
            embedded.kb,
            snapshot,
            _small_demand(),
            parameters=parameters,
            select_crossing="bcp-alashankou-dostik-rail",
        )


def test_the_year_is_assigned_end_to_end_with_published_volumes_beside(
    embedded: Observatory,
) -> None:
    result = embedded.assign(2024)
    assert result.date == "2024-07-01"
    assert {r.mode for r in result.runs} == {"rail", "road"}
    rows = {r.name: r for r in loads_against_published(embedded.kb, result)}
    total = rows["China–Kazakhstan rail, all crossings"]
    assert (total.published_mt_per_year, total.published_year) == (32.0, 2024)
    assert total.error_pct == pytest.approx(100 * (total.modelled_mt_per_year / 32.0 - 1))
    altynkol = next(r for r in rows.values() if r.subject == "bcp-khorgos-altynkol-rail")
    published = {(c.crossing_id, c.direction): c.clearance_published for c in result.crossings}
    assert published[("bcp-khorgos-nur-zholy-road", "a_to_b")]  # CPMM's 51.4 h
    assert not published[("bcp-dulata-kolzhat-road", "a_to_b")]  # its border's average
    basis = {(c.crossing_id, c.direction): c.clearance_basis for c in result.crossings}
    assert basis[("bcp-dulata-kolzhat-road", "a_to_b")] == "border"  # CPMM's PRC outbound
    assert basis[("bcp-khorgos-nur-zholy-road", "a_to_b")] == "crossing"
    # the 2024 figure (annualised January–April) is nearer to 2024 than 2025's 16.1 Mt
    assert (altynkol.published_mt_per_year, altynkol.published_year) == (12.6, 2024)
    later_result = embedded.assign(2025)
    later = {r.subject: r for r in loads_against_published(embedded.kb, later_result)}
    assert later["bcp-khorgos-altynkol-rail"].published_mt_per_year == 16.1
    with pytest.raises(InvalidQueryError, match="unknown algorithm"):
        embedded.assign(2024, algorithm="simplex")


def test_a_longer_queue_period_moves_road_freight_off_the_overloaded_crossings(
    embedded: Observatory,
) -> None:
    stated = embedded.freight_parameters()
    assert stated.queue_period_h == 168.0  # asm-freight-queue-period
    one_day = stated.model_copy(update={"queue_period_h": 24.0})
    short = embedded.assign(2024, parameters=one_day).crossing_mt()
    week = embedded.assign(2024).crossing_mt()
    # A queue that builds over a week at Kolzhat's and Irkeshtam's limits is dearer than one
    # that builds over a day, so less freight crosses there and more at Nur Zholy.
    assert week["bcp-dulata-kolzhat-road"] < short["bcp-dulata-kolzhat-road"]
    assert week["bcp-irkeshtam-road"] < short["bcp-irkeshtam-road"]
    assert week["bcp-khorgos-nur-zholy-road"] > short["bcp-khorgos-nur-zholy-road"]
    road = {c: mt for c, mt in week.items() if c.endswith("-road")}
    assert max(road, key=lambda c: road[c]) == "bcp-khorgos-nur-zholy-road"


def test_cli_prints_loads_convergence_and_json(embedded_kb_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(
        cli_app, ["assign", "--year", "2024", "--kb", str(embedded_kb_path), "--compare-published"]
    )
    assert table.exit_code == 0, table.output
    assert "Loads at the crossings" in table.output
    assert "Convergence" in table.output
    assert "against published volumes" in table.output
    raw = runner.invoke(
        cli_app,
        [
            "assign",
            "--year",
            "2024",
            "--kb",
            str(embedded_kb_path),
            "--json",
            "--select-link",
            "bcp-alashankou-dostyk-rail",
        ],
    )
    assert raw.exit_code == 0, raw.output
    data = json.loads(raw.output)
    flow = sum(
        c["vehicles_per_day"]
        for c in data["crossings"]
        if c["crossing_id"] == "bcp-alashankou-dostyk-rail"
    )
    assert sum(s["vehicles_per_day"] for s in data["select_link"]) == pytest.approx(flow, rel=1e-9)
    assert all(r["history"] for r in data["runs"])


def test_http_returns_the_same_loads_and_problems_for_bad_input(embedded: Observatory) -> None:
    app = create_app(HttpSettings(), embedded)
    response = request(app, "GET", "/api/v1/assignment?year=2024&scenario=cku-railway")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["scenario"] == "cku-railway"
    assert body["published"]
    assert body["link_totals"]
    assert any(c["crossing_id"] == "bcp-torugart-rail" for c in body["crossings"])
    assert_problem(
        request(app, "GET", "/api/v1/assignment?year=2024&select_link=bcp-nowhere"),
        404,
        "unknown-record",
    )
    assert_problem(
        request(app, "GET", "/api/v1/assignment?year=2024&gap=0"), 422, "invalid-request"
    )


def test_a_missed_gap_is_an_error_or_reported_never_silent(embedded: Observatory) -> None:
    with pytest.raises(ConvergenceError, match="short of the target"):
        embedded.assign(2024, algorithm="msa", gap=1e-8)
    result = embedded.assign(2024, algorithm="msa", gap=1e-8, report_miss=True)
    missed = [run for run in result.runs if not run.converged]
    assert missed
    assert all(run.relative_gap > 1e-8 for run in missed)
    assert any("missed the target gap" in note for note in result.notes)


def test_a_year_without_trade_figures_names_the_nearest(embedded: Observatory) -> None:
    app = create_app(HttpSettings(), embedded)
    body = assert_problem(
        request(app, "GET", "/api/v1/assignment?year=2026"), 404, "unknown-record"
    )
    assert "2025" in body["detail"]


def test_the_comparison_sets_loads_per_crossing_side_by_side(embedded: Observatory) -> None:
    result = embedded.compare("today", "cku-railway")
    loads = result.summary.crossing_loads
    assert loads is not None
    rows = {r.crossing_id: r for r in loads.rows}
    torugart = rows["bcp-torugart-rail"]
    assert torugart.a_mt_per_year == 0.0
    assert torugart.b_mt_per_year > 0.0
    # the CKU line draws freight onto rail: Irkeshtam's road load falls, rail's rises
    assert rows["bcp-irkeshtam-road"].change_mt_per_year < 0
    rail = sum(r.change_mt_per_year for r in loads.rows if r.mode == "rail")
    road = sum(r.change_mt_per_year for r in loads.rows if r.mode == "road")
    assert rail > 0 > road
    html = result.report_html()
    assert 'id="crossing-loads"' in html
    assert "Torugart (rail, CKU railway)" in html


def test_a_scenario_capacity_applies_on_road_and_is_noted_on_rail(
    embedded: Observatory, parameters: FreightParameters, tmp_path: Path
) -> None:
    path = tmp_path / "wider.toml"
    path.write_text(
        'name = "wider"\ndescription = "Nur Zholy and Dostyk rail at stated capacities."\n'
        '[[crossing]]\nid = "bcp-khorgos-nur-zholy-road"\ncapacity_teu_per_day = 1000\n'
        'source = ["asm-freight-tonnes-per-truck"]\n'
        '[[crossing]]\nid = "bcp-alashankou-dostyk-rail"\ncapacity_teu_per_day = 5000\n'
        'source = ["asm-freight-tonnes-per-train"]\n'
    )
    scenario = embedded.scenario(path)
    day = dt.date(2024, 7, 1)
    snapshot = embedded.network(day, scenario=scenario)
    teu = snapshot.parameters.general["teu_per_truck"].value
    road = freight_network(embedded.kb, snapshot, "road", ZONES, parameters, scenario)
    nur_zholy = [c for c in road.crossings if c.crossing.id == "bcp-khorgos-nur-zholy-road"]
    assert {c.capacity.vehicles_per_day for c in nur_zholy} == {1000 / teu}
    rail = freight_network(embedded.kb, snapshot, "rail", ZONES, parameters, scenario)
    dostyk = [c for c in rail.crossings if c.crossing.id == "bcp-alashankou-dostyk-rail"]
    converted = 20e6 / parameters.operating_days_per_year / parameters.tonnes_per_train
    assert [c.capacity.vehicles_per_day for c in dostyk] == pytest.approx([converted, converted])
    assert all("not applied on rail" in c.capacity.note for c in dostyk)


def test_crossings_may_take_bpr_instead_of_the_queue(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    snapshot = embedded.network(dt.date(2024, 7, 1))
    queued = freight_network(embedded.kb, snapshot, "rail", ZONES, parameters)
    capacitated = [c.link for c in queued.crossings if c.capacity.capacitated]
    assert queued.network.queues is not None
    assert sorted(queued.network.queues.link.tolist()) == sorted(capacitated)
    bpr = parameters.model_copy(update={"crossing_delay": CrossingDelay.BPR})
    plain = freight_network(embedded.kb, snapshot, "rail", ZONES, bpr)
    assert plain.network.queues is None or plain.network.queues.link.size == 0
    assert plain.network.b[capacitated].tolist() == [bpr.bpr_b] * len(capacitated)


def test_a_scenario_moves_freight_between_modes_but_keeps_the_tonnes(
    embedded: Observatory, parameters: FreightParameters
) -> None:
    def tonnes(result: FreightAssignment) -> dict[str, float]:
        return {
            r.mode: parameters.tonnes_per_year(r.demand_vehicles_per_day, r.mode)
            for r in result.runs
        }

    reported, cku = tonnes(embedded.assign(2024)), tonnes(embedded.assign(2024, "cku-railway"))
    assert sum(cku.values()) == pytest.approx(sum(reported.values()), rel=1e-9)
    assert cku["rail"] > reported["rail"]
