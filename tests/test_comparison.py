"""Comparison: zero change against itself, trade weighting by hand, claims, the CLI's files."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from caravan import Observatory
from caravan.analysis.comparison import RouteChange, compare_skims, load_project_claims
from caravan.analysis.comparison.core import country_pair_changes, trade_weighted_change
from caravan.analysis.routing import SkimMatrices
from caravan.cli.app import app
from caravan.errors import DataValidationError
from caravan.store import default_data_dir

INF = math.inf


@pytest.fixture(scope="module")
def observatory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Observatory]:
    path = tmp_path_factory.mktemp("comparison") / "kb.sqlite"
    opened = Observatory.open(path, default_data_dir())
    yield opened
    opened.close()


def _skim(ids: tuple[str, ...], time_h: list[list[float]], cost: list[list[float]]) -> SkimMatrices:
    times, costs = np.array(time_h), np.array(cost)
    length = np.where(np.isfinite(times), times * 10, INF)
    return SkimMatrices(ids, "generalised", "2025-01-01", times, costs, length, costs, times, times)


def test_a_scenario_compared_with_itself_changes_nothing(observatory: Observatory) -> None:
    result = observatory.compare("cku-railway", "cku-railway")
    table, summary = result.table, result.summary
    for name in ("time_h", "cost_usd", "length_km"):
        change = table.change(name)
        assert np.all(np.nan_to_num(change) == 0.0)
    assert set(np.unique(table.route_change)) <= {RouteChange.SAME, RouteChange.NONE}
    assert summary.pairs_changed == 0
    assert summary.route_changes_total == summary.lost_total == summary.gained_total == 0
    assert summary.elements == ()
    assert summary.projects == ()
    assert summary.top_gains == ()
    assert summary.trade_weighted.time_change_h == 0.0
    assert summary.trade_weighted.cost_change_usd == 0.0
    for row in summary.country_pairs:
        assert row.mean_time_change_h in (0.0, None)
        assert row.mean_cost_change_usd in (0.0, None)


def test_trade_weighted_means_match_a_hand_computation() -> None:
    ids = ("cn-a", "cn-b", "kz-x", "uz-y")
    before = _skim(
        ids,
        [[0, 1, 10, 20], [1, 0, 12, 22], [10, 12, 0, 5], [20, 22, 5, 0]],
        [[0, 1, 100, 200], [1, 0, 120, 220], [100, 120, 0, 50], [200, 220, 50, 0]],
    )
    after = _skim(  # cn-a→kz-x 4 h faster; uz-y unreachable from cn-b (lost); kz–uz unchanged
        ids,
        [[0, 1, 6, 14], [1, 0, 12, INF], [10, 12, 0, 5], [20, 22, 5, 0]],
        [[0, 1, 80, 200], [1, 0, 120, INF], [100, 120, 0, 50], [200, 220, 50, 0]],
    )
    table = compare_skims(before, after)
    countries = {p: p[:2] for p in ids}
    rows = country_pair_changes(table, countries, {"kz": 3e9, "uz": 1e9})
    by_pair = {r.countries: r for r in rows}
    kz, uz = by_pair[("cn", "kz")], by_pair[("cn", "uz")]
    # cn–kz pairs, both directions: -4, 0, 0, 0 hours; costs -20, 0, 0, 0
    assert kz.pairs == 4
    assert kz.mean_time_change_h == pytest.approx(-1.0)
    assert kz.mean_cost_change_usd == pytest.approx(-5.0)
    assert kz.mean_time_change_pct == pytest.approx(-40.0 / 4)
    # cn–uz: cn-a→uz-y -6 h, three others 0; cn-b→uz-y lost
    assert uz.pairs == 3
    assert uz.lost_pairs == 1
    assert uz.mean_time_change_h == pytest.approx(-2.0)
    assert kz.trade_share == pytest.approx(0.75)
    assert uz.trade_share == pytest.approx(0.25)
    assert by_pair[("kz", "uz")].trade_usd is None
    weighted = trade_weighted_change(rows, 2024)
    assert weighted.time_change_h == pytest.approx(0.75 * -1.0 + 0.25 * -2.0)
    assert weighted.cost_change_usd == pytest.approx(0.75 * -5.0 + 0.25 * 0.0)
    assert weighted.partners == ("kz", "uz")
    assert table.route_change[1, 3] == RouteChange.LOST


def test_the_cku_railway_shortens_kashgar_to_andijan_by_rail(observatory: Observatory) -> None:
    summary = observatory.compare("today", "cku-railway").summary
    [cku] = [p for p in summary.projects if p.project_id == "prj-cku-railway"]
    assert cku.opened_in == "b"
    assert cku.mode == "rail"
    [pair] = [p for p in cku.corridor if (p.origin, p.destination) == ("cn-kashgar", "uz-andijan")]
    assert pair.length_km_b is not None
    assert pair.length_km_a is not None
    assert pair.length_km_b < pair.length_km_a
    assert "bcp-torugart-rail" in pair.crossings_b
    assert cku.claims
    assert all(c.sources for c in cku.claims)
    assert all(c.gap.startswith("claimed") for c in cku.claims)
    assert any(e.id == "bcp-torugart-rail" and e.change > 0 for e in summary.elements)


def test_embedded_claims_cite_known_sources(observatory: Observatory) -> None:
    claims = load_project_claims(default_data_dir())
    assert claims
    known = {s.id for s in observatory.sources()}
    assert {s for c in claims for s in c.sources} <= known


def test_a_malformed_claim_names_its_row_and_field(tmp_path: Path) -> None:
    header = (
        "project_id,quantity,value_low,value_high,origin_id,destination_id,scope,claim,source,note"
    )
    (tmp_path / "project_claims.csv").write_text(
        f"{header}\nprj-x,km_saved,1,2,cn-a,kz-b,scope,claim,src-a,\n", encoding="utf-8"
    )
    with pytest.raises(DataValidationError) as caught:
        load_project_claims(tmp_path)
    [issue] = caught.value.issues
    assert (issue.row, issue.field) == (2, "quantity")


def test_cli_writes_report_tables_and_layers(observatory: Observatory, tmp_path: Path) -> None:
    report, out = tmp_path / "cku.html", tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["compare", "today", "cku-railway", "--report", str(report), "--out", str(out),
         "--kb", str(observatory.kb.path), "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    before_sources = text.split("<h2>Sources</h2>")[0]
    assert not any(tag in before_sources for tag in ("<script", "<link", " src=", 'href="http'))
    for name in ("pairs", "country_pairs", "elements", "route_changes", "project_claims"):
        assert (out / f"{name}.csv").is_file()
        assert (out / f"{name}.parquet").is_file()
    assert (out / "changed_routes.geojson").is_file()
    assert '"trade_weighted"' in result.stdout


def test_http_compare_answers_json_and_refuses_unknown_scenarios(
    observatory: Observatory,
) -> None:
    import asyncio

    import httpx

    from caravan.http import HttpSettings, create_app

    async def ask() -> tuple[httpx.Response, httpx.Response]:
        settings = HttpSettings(knowledge_base=observatory.kb.path)
        application = create_app(settings, observatory)
        async with application.router.lifespan_context(application):
            transport = httpx.ASGITransport(app=application)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                good = await client.get(
                    "/api/v1/compare", params={"a": "today", "b": "cku-railway"}
                )
                bad = await client.get("/api/v1/compare", params={"a": "today", "b": "../etc"})
        return good, bad

    good, bad = asyncio.run(ask())
    assert good.status_code == 200
    body = good.json()
    assert body["b"]["name"] == "cku-railway"
    assert any(p["project_id"] == "prj-cku-railway" for p in body["projects"])
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
