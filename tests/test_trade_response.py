"""The trade response: ranges from cited elasticities, signs, totals, and its place in a comparison."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from caravan.analysis.trade_response import (
    TradeResponseParameters,
    estimate_trade_response,
    mode_weighted_rows,
    pair_change_log,
    trade_response_parameters,
)
from caravan.api import Observatory

PARAMETERS = TradeResponseParameters(
    delay_semi_elasticity_per_day=0.01,
    time_share_per_day_low=0.006,
    time_share_per_day_high=0.021,
    trade_cost_elasticity_low=4.0,
    trade_cost_elasticity_high=5.0,
    cargo_value_usd_per_teu=40_000.0,
    road_share=0.518,
)
SHARES = {"road": 0.518, "rail": 0.482}


@dataclass(frozen=True)
class Row:
    countries: tuple[str, str]
    trade_usd: float | None
    mean_time_change_h: float | None
    mean_cost_change_usd: float | None


def test_a_day_saved_raises_trade_by_the_published_rates() -> None:
    change = pair_change_log(-1.0, 0.0, PARAMETERS)
    assert change.typical == pytest.approx(0.01)  # Djankov, Freund & Pham: 1 % per day
    assert change.low == pytest.approx(0.01)
    assert change.high == pytest.approx(5 * 0.021)  # θ high × τ high


def test_a_day_lost_lowers_trade_and_the_range_is_ordered() -> None:
    change = pair_change_log(2.0, 150.0, PARAMETERS)
    assert change.low <= change.typical <= change.high < 0
    assert change.low == pytest.approx(-5 * (0.021 * 2 + 150 / 40_000))


def test_no_change_in_time_or_cost_changes_nothing() -> None:
    change = pair_change_log(0.0, 0.0, PARAMETERS)
    assert (change.low, change.typical, change.high) == (0.0, 0.0, 0.0)


def test_totals_add_the_pairs_and_pairs_without_routes_are_noted() -> None:
    rows = [
        Row(("cn", "kz"), 50e9, -24.0, -100.0),
        Row(("cn", "uz"), 10e9, 48.0, 0.0),
        Row(("cn", "tj"), 4e9, None, None),
        Row(("kz", "uz"), None, -10.0, 0.0),
    ]
    response = estimate_trade_response(rows, PARAMETERS, 2024)
    assert [p.countries for p in response.pairs] == [("cn", "kz"), ("cn", "uz")]
    assert response.total_trade_usd == pytest.approx(60e9)
    assert response.total_change_usd.typical == pytest.approx(
        sum(p.change_usd.typical for p in response.pairs)
    )
    kz = response.pairs[0]
    assert kz.change_pct.typical == pytest.approx(100 * math.expm1(0.01 + 4 * 100 / 40_000))
    assert any("cn–tj" in note for note in response.notes)


def test_parameters_come_from_cited_assumptions(embedded: Observatory) -> None:
    parameters = trade_response_parameters(embedded.kb)
    assert parameters.delay_semi_elasticity_per_day == pytest.approx(0.01)
    assert (parameters.time_share_per_day_low, parameters.time_share_per_day_high) == (
        pytest.approx(0.006),
        pytest.approx(0.021),
    )
    cited = {a.id: a for a in embedded.assumptions()}
    for source_id in parameters.sources:
        assert cited[source_id].based_on, source_id


def test_a_comparison_reports_the_trade_response_with_its_sources(embedded: Observatory) -> None:
    result = embedded.compare("today", "faster-borders")
    response = result.summary.trade_response
    assert response is not None
    assert response.pairs, "faster borders change time for China's partners"
    assert response.total_change_usd.typical > 0
    assert response.total_change_usd.low <= response.total_change_usd.high
    assert set(response.parameters.sources) <= set(result.summary.sources)
    html = result.report_html()
    assert 'id="trade-response"' in html
    assert "partial equilibrium" in html.lower()


def test_modes_are_weighted_by_their_share_over_the_modes_that_reach() -> None:
    rail = [Row(("cn", "uz"), 16e9, -48.0, -200.0), Row(("cn", "tj"), 4e9, None, None)]
    road = [Row(("cn", "uz"), 16e9, 0.0, 0.0), Row(("cn", "tj"), 4e9, 12.0, 50.0)]
    rows = {r.countries: r for r in mode_weighted_rows({"rail": rail, "road": road}, SHARES)}
    assert rows[("cn", "uz")].mean_time_change_h == pytest.approx(0.482 * -48.0)
    assert rows[("cn", "uz")].mean_cost_change_usd == pytest.approx(0.482 * -200.0)
    assert rows[("cn", "tj")].mean_time_change_h == pytest.approx(12.0)  # road alone reaches
    assert rows[("cn", "uz")].trade_usd == pytest.approx(16e9)
