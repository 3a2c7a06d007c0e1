"""Freight demand from trade: conservation, pipelines kept apart, the logit and its fit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caravan import Observatory
from caravan.analysis.demand import (
    FreightDemand,
    ModeSkims,
    NoTradeDataError,
    fit_road_constant,
    freight_demand,
    mode_skims,
    road_probability,
    road_value_share,
)
from caravan.analysis.demand.factors import load_demand_factors
from caravan.analysis.demand.trade_values import trade_by_direction
from caravan.errors import InvalidQueryError
from caravan.model import FreightQuantity, TradeFlowKind

INF = np.inf
MODES = ("rail", "road")


# -- the logit on hand-made matrices -----------------------------------------------------------
def test_road_share_falls_when_road_cost_rises() -> None:
    rail = np.array([[0.0, 1000.0], [1200.0, 0.0]])
    road = np.array([[0.0, 900.0], [1500.0, 0.0]])
    before = road_probability(road, rail, constant=0.3, scale=0.002)
    after = road_probability(road + 200.0, rail, constant=0.3, scale=0.002)
    assert after[0, 1] < before[0, 1]
    assert after[1, 0] < before[1, 0]


def test_equal_costs_leave_the_constant_alone() -> None:
    cost = np.array([[0.0, 800.0], [800.0, 0.0]])
    probability = road_probability(cost, cost, constant=0.7, scale=0.002)
    assert probability[0, 1] == pytest.approx(1.0 / (1.0 + np.exp(-0.7)))


def test_a_pair_reachable_by_one_mode_goes_all_that_way() -> None:
    rail = np.array([[0.0, INF, 500.0], [INF, 0.0, INF], [500.0, 600.0, 0.0]])
    road = np.array([[0.0, 700.0, INF], [INF, 0.0, INF], [500.0, INF, 0.0]])
    probability = road_probability(road, rail, constant=-3.0, scale=0.002)
    assert probability[0, 1] == 1.0  # road only
    assert probability[0, 2] == 0.0  # rail only
    assert probability[2, 1] == 0.0


def test_the_fitted_constant_reproduces_the_target_share() -> None:
    rng = np.random.default_rng(11)
    value = rng.uniform(0, 1e9, (6, 6))
    np.fill_diagonal(value, 0.0)
    rail = rng.uniform(500, 3000, (6, 6))
    road = rng.uniform(500, 3000, (6, 6))
    total = value.sum() * 1.2  # pipelines make part of the total unreachable by either mode
    constant = fit_road_constant(value, road, rail, 0.002, total, target_share=0.4)
    share = road_value_share(value, road, rail, constant, 0.002, total)
    assert share == pytest.approx(0.4, abs=1e-12)


def test_a_share_out_of_reach_is_a_clear_error() -> None:
    value = np.array([[0.0, 1.0], [1.0, 0.0]])
    cost = np.array([[0.0, 100.0], [100.0, 0.0]])
    with pytest.raises(InvalidQueryError, match="cannot be reached"):
        fit_road_constant(value, cost, cost, 0.002, total_usd=4.0, target_share=0.9)


# -- the embedded knowledge base -----------------------------------------------------------------
@pytest.fixture(scope="module")
def demand_2024(tmp_path_factory: pytest.TempPathFactory) -> tuple[Observatory, FreightDemand]:
    from caravan.store import default_data_dir

    path = tmp_path_factory.mktemp("demand") / "kb.sqlite"
    observatory = Observatory.open(path, default_data_dir())
    return observatory, observatory.demand(2024)


def _density(observatory: Observatory, direction: TradeFlowKind) -> float:
    factors = load_demand_factors(observatory.kb)
    return factors.nearest(FreightQuantity.VALUE_DENSITY_USD_PER_T, 2024, direction=direction).value


def test_tonnes_are_value_over_density(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    observatory, demand = demand_2024
    china = np.array([c == "cn" for c in demand.zone_countries])
    bilateral = {
        m: demand.tonnes_per_year[m] - (m == "rail") * sum(demand.transit.values())
        for m in ("rail", "road")
    }
    tonnes = bilateral["rail"] + bilateral["road"]
    value = demand.value_usd_per_year["rail"] + demand.value_usd_per_year["road"]
    exports = np.ix_(china, ~china)
    imports = np.ix_(~china, china)
    export_density = _density(observatory, TradeFlowKind.EXPORT)
    import_density = _density(observatory, TradeFlowKind.IMPORT)
    assert tonnes[exports].sum() == pytest.approx(value[exports].sum() / export_density, rel=1e-12)
    assert tonnes[imports].sum() == pytest.approx(value[imports].sum() / import_density, rel=1e-12)
    assert tonnes.sum() > 1e6


def test_pipeline_trade_is_kept_out(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    observatory, demand = demand_2024
    partners = sorted({c for c in demand.zone_countries if c not in ("cn", "az")})
    trade = trade_by_direction(observatory.kb, 2024, partners)
    removed = 0.0
    for pipe in demand.pipeline_energy:
        removed += min(pipe.value_usd, trade.value_usd[(pipe.partner_id, TradeFlowKind.IMPORT)])
    freight_value = sum(m.sum() for m in demand.value_usd_per_year.values())
    assert {p.partner_id for p in demand.pipeline_energy} >= {"tm"}
    assert removed > 1e9
    assert freight_value == pytest.approx(trade.total_usd - removed, rel=1e-12)
    assert demand.trade_value_usd == pytest.approx(trade.total_usd)


def test_no_demand_on_the_diagonal(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    _, demand = demand_2024
    matrices = [
        *demand.tonnes_per_year.values(),
        *demand.vehicles_per_day.values(),
        demand.teu_per_year,
    ]
    for matrix in matrices:
        assert matrix.shape == (len(demand.zones), len(demand.zones))
        assert np.all(np.diag(matrix) == 0.0)
        assert np.all(matrix >= 0.0)


def test_calibration_reproduces_the_published_share(
    demand_2024: tuple[Observatory, FreightDemand],
) -> None:
    _, demand = demand_2024
    assert demand.mode_share_road == pytest.approx(0.518, abs=1e-9)
    assert "src-demand-yicai-cn-ca-road-share-2025" in demand.sources


def test_dearer_roads_move_freight_to_rail(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    observatory, demand = demand_2024
    skims = mode_skims(observatory.kb, demand.zones, dt.date(2024, 7, 1))
    dearer = ModeSkims(
        skims.zones,
        skims.date,
        {**skims.generalised_usd, "road": skims.generalised_usd["road"] + 500.0},
        skims.time_h,
    )
    fixed = demand.parameters
    again = freight_demand(observatory.kb, 2024, skims=dearer, parameters=fixed)
    assert again.mode_share_road < demand.mode_share_road - 0.01
    assert again.total_tonnes("rail") > demand.total_tonnes("rail")


def test_transit_is_inside_the_rail_matrix(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    _, demand = demand_2024
    assert demand.transit, "the embedded data has transit corridors"
    for corridor, matrix in demand.transit.items():
        assert matrix.sum() > 0, corridor
        assert np.all(demand.tonnes_per_year["rail"] >= matrix - 1e-6)
        assert np.all(demand.tonnes_per_year["road"][matrix > 0] == 0.0)


def test_a_year_without_trade_names_the_nearest_years(
    demand_2024: tuple[Observatory, FreightDemand],
) -> None:
    observatory, _ = demand_2024
    years = sorted({r.year for r in observatory.kb.trade() if r.reporter_id == "cn"})
    with pytest.raises(NoTradeDataError) as caught:
        freight_demand(observatory.kb, years[0] - 3)
    assert caught.value.nearest_years == [years[0]]
    assert str(years[0]) in str(caught.value)


def test_parameters_given_are_used_as_given(demand_2024: tuple[Observatory, FreightDemand]) -> None:
    observatory, demand = demand_2024
    constant = demand.parameters.road_constant
    assert constant is not None
    lower = dataclasses.replace(demand.parameters, road_constant=constant - 1)
    again = freight_demand(observatory.kb, 2024, parameters=lower)
    assert again.parameters.road_constant == lower.road_constant
    assert again.mode_share_road < demand.mode_share_road


def test_a_year_between_years_with_trade_names_both(tmp_path: Path, mini_dir: Path) -> None:
    with (mini_dir / "trade.csv").open("a", encoding="utf-8") as rows:
        rows.write("2020,cn,kz,total,20000000000,,src-test-news,\n")
    observatory = Observatory.open(tmp_path / "mini.sqlite", mini_dir)
    try:
        with pytest.raises(NoTradeDataError) as caught:
            freight_demand(observatory.kb, 2022)
    finally:
        observatory.close()
    assert caught.value.nearest_years == [2020, 2023]
    assert "the nearest years with data are 2020 and 2023" in str(caught.value)


# -- data rows ---------------------------------------------------------------------------------
def test_a_factor_without_source_names_file_row_and_field(mini_dir: Path) -> None:
    (mini_dir / "freight_factors.csv").write_text(
        "id,quantity,year,partner_id,direction,corridor,place_id,value,source,note\n"
        "ff-test,tonnes_per_truck,,,,,,20,,\n",
        encoding="utf-8",
    )
    report = Observatory.validate(mini_dir)
    issues = [i for i in report.issues if i.file == "freight_factors.csv"]
    assert [(i.row, i.field) for i in issues] == [(2, "source")]


def test_a_zone_on_an_unknown_place_is_an_error(mini_dir: Path) -> None:
    (mini_dir / "zone_weights.csv").write_text(
        "place_id,region,population,year,source,note\nxx-nowhere,Nowhere,1000,2020,src-test-atlas,\n",
        encoding="utf-8",
    )
    report = Observatory.validate(mini_dir)
    issues = [i for i in report.issues if i.file == "zone_weights.csv"]
    assert [(i.row, i.field) for i in issues][:1] == [(2, "place_id")]


# -- command line ------------------------------------------------------------------------------
def test_cli_demand_of_a_year_without_trade_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "caravan",
            "demand",
            "--year",
            "1991",
            "--kb",
            str(tmp_path / "kb.sqlite"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: no trade figures")
    assert "nearest years with data" in result.stderr
    assert "Traceback" not in result.stderr


@settings(max_examples=60, deadline=None)
@given(
    road=st.floats(0, 20000),
    rail=st.floats(0, 20000),
    extra=st.floats(1, 5000),
    constant=st.floats(-10, 10),
)
def test_a_dearer_road_never_raises_its_share(
    road: float, rail: float, extra: float, constant: float
) -> None:
    cost_rail = np.array([[0.0, rail]])
    before = road_probability(np.array([[0.0, road]]), cost_rail, constant, 0.002)[0, 1]
    after = road_probability(np.array([[0.0, road + extra]]), cost_rail, constant, 0.002)[0, 1]
    assert 0.0 <= after <= before <= 1.0


def test_a_scenario_network_changes_the_split(
    demand_2024: tuple[Observatory, FreightDemand],
) -> None:
    observatory, demand = demand_2024
    date = dt.date.today()  # the closure runs 30 days from the day asked
    closed = observatory.network(date, scenario="khorgos-closed")
    base = mode_skims(observatory.kb, demand.zones, date)
    disrupted = mode_skims(observatory.kb, demand.zones, date, snapshot=closed)
    i, j = demand.zones.index("cn-urumqi"), demand.zones.index("kz-almaty")
    rises = [disrupted.generalised_usd[m][i, j] - base.generalised_usd[m][i, j] for m in MODES]
    assert min(rises) >= 0.0
    assert max(rises) > 0.0
    again = freight_demand(observatory.kb, 2024, skims=disrupted, parameters=demand.parameters)
    assert again.mode_share_road != pytest.approx(demand.mode_share_road, abs=1e-6)
