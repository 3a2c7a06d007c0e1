"""The embedded dataset: valid, complete enough for its users, and true to the summit's figures."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caravan import Observatory
from caravan.cli import app
from caravan.model import LinkStatus, PriorityDirection, ProjectStatus
from caravan.store import default_data_dir, validate_data

MEMBERS = {"cn", "kz", "kg", "tj", "tm", "uz"}

CORRIDOR_PLACES = [
    "cn-lianyungang",
    "cn-zhengzhou",
    "cn-xian",
    "cn-chongqing",
    "cn-chengdu",
    "cn-lanzhou",
    "cn-urumqi",
    "cn-kashgar",
    "cn-yining",
    "cn-khorgos",
    "cn-alashankou",
    "cn-tacheng",
    "kz-astana",
    "kg-bishkek",
    "tj-dushanbe",
    "tm-ashgabat",
    "uz-tashkent",
    "kz-almaty",
    "kz-dostyk",
    "kz-altynkol",
    "kz-aktau",
    "kz-kuryk",
    "tm-turkmenbashi",
]

CHINA_CENTRAL_ASIA_CROSSINGS = [
    "bcp-alashankou-dostyk-rail",
    "bcp-khorgos-altynkol-rail",
    "bcp-tacheng-bakhty-rail",
    "bcp-khorgos-nur-zholy-road",
    "bcp-alashankou-dostyk-road",
    "bcp-baketu-bakhty-road",
    "bcp-dulata-kolzhat-road",
    "bcp-jeminay-maikapchagai-road",
    "bcp-irkeshtam-road",
    "bcp-torugart-road",
    "bcp-bedel-road",
    "bcp-karasu-kulma-road",
]

SUMMIT_PROJECTS = [
    "prj-cku-railway",
    "prj-cn-kz-third-railway",
    "prj-cn-tj-highway-phase2",
    "prj-ca-china-gas-pipeline-line-d",
    "prj-galkynysh-gas-field",
    "prj-ca-trade-platform",
]

runner = CliRunner()


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return validate_data(default_data_dir())


def test_the_embedded_data_is_valid_against_country_polygons(report) -> None:  # type: ignore[no-untyped-def]
    assert report.issues == []
    assert report.boundary_method == "polygons"


def test_every_declared_source_is_cited(report) -> None:  # type: ignore[no-untyped-def]
    assert [str(w) for w in report.warnings if "never cited" in w.reason] == []
    assert [str(w) for w in report.warnings if "fall into pieces" in w.reason] == []


def test_the_six_countries_have_names_in_four_languages(embedded: Observatory) -> None:
    countries = {c.id: c for c in embedded.kb.countries() if c.member}
    assert set(countries) == MEMBERS
    for country in countries.values():
        assert all((country.name_en, country.name_ru, country.name_zh, country.name_local))
        assert country.capital_id is not None
        assert embedded.place(country.capital_id).place.country_id == country.id


def test_places_cover_the_corridors(embedded: Observatory) -> None:
    places = embedded.places()
    assert len(places) >= 80
    ids = {p.id for p in places}
    assert [p for p in CORRIDOR_PLACES if p not in ids] == []
    assert {p.country_id for p in places} >= MEMBERS
    kinds = {p.kind.value for p in places}
    assert {"port", "dry_port", "border_post", "gauge_change_station"} <= kinds


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Almaty", "kz-almaty"),
        ("Алматы", "kz-almaty"),
        ("阿拉木图", "kz-almaty"),
        ("Xian", "cn-xian"),
        ("西安", "cn-xian"),
        ("Toshkent", "uz-tashkent"),
        ("Ташкент", "uz-tashkent"),
    ],
)
def test_aliases_in_other_scripts_resolve(embedded: Observatory, name: str, place_id: str) -> None:
    assert embedded.place(name).place.id == place_id


def test_china_central_asia_freight_crossings_are_all_there(embedded: Observatory) -> None:
    ids = {view.crossing.id for view in embedded.crossings()}
    assert [c for c in CHINA_CENTRAL_ASIA_CROSSINGS if c not in ids] == []
    # 1435 mm meets 1520 mm on every rail route out of China: at the border, or further on at
    # a gauge-change station of the line's project (the CKU railway at Makmal).
    stations = {p.id for p in embedded.places() if p.kind.value == "gauge_change_station"}
    for view in embedded.crossings(country="cn", mode="rail"):
        crossing = view.crossing
        project_places = {
            end
            for link in embedded.kb.links()
            if crossing.project_id and link.project_id == crossing.project_id
            for end in (link.from_id, link.to_id)
        }
        assert crossing.gauge_change or project_places & stations, crossing.id


def test_every_place_is_reachable_through_links_and_crossings(embedded: Observatory) -> None:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for link in embedded.kb.links():
        neighbours[link.from_id].add(link.to_id)
        neighbours[link.to_id].add(link.from_id)
    for view in embedded.crossings():
        neighbours[view.post_a.id].add(view.post_b.id)
        neighbours[view.post_b.id].add(view.post_a.id)
    ids = {p.id for p in embedded.places()}
    seen, frontier = {"cn-xian"}, ["cn-xian"]
    while frontier:
        for other in neighbours[frontier.pop()] - seen:
            seen.add(other)
            frontier.append(other)
    assert sorted(ids - seen) == []


def test_the_network_today_joins_every_capital_and_port(embedded: Observatory) -> None:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for link in embedded.kb.links():
        if link.status == LinkStatus.IN_SERVICE:
            neighbours[link.from_id].add(link.to_id)
            neighbours[link.to_id].add(link.from_id)
    for view in embedded.crossings():
        if view.crossing.status.value in ("in_service", "temporary"):
            neighbours[view.post_a.id].add(view.post_b.id)
            neighbours[view.post_b.id].add(view.post_a.id)
    seen, frontier = {"cn-lianyungang"}, ["cn-lianyungang"]
    while frontier:
        for other in neighbours[frontier.pop()] - seen:
            seen.add(other)
            frontier.append(other)
    wanted = {c.capital_id for c in embedded.kb.countries() if c.member} | {
        p.id for p in embedded.places(kind="port") if p.country_id in MEMBERS
    }
    assert sorted(wanted - seen) == []


def test_projects_span_all_six_directions(embedded: Observatory) -> None:
    rows = embedded.projects(as_of=dt.date(2025, 12, 31))
    assert len(rows) >= 25
    for direction in PriorityDirection:
        assert any(direction in r.project.directions for r in rows), direction
    ids = {r.project.id for r in rows}
    assert [p for p in SUMMIT_PROJECTS if p not in ids] == []


def test_the_cku_railway_timeline_matches_the_record(embedded: Observatory) -> None:
    def status_on(date: str) -> ProjectStatus | None:
        result = runner.invoke(
            app, ["projects", "--as-of", date, "--json", "--kb", str(embedded.kb.path)]
        )
        assert result.exit_code == 0, result.output
        return next(
            r["status"]
            for r in json.loads(result.output)
            if r["project"]["id"] == "prj-cku-railway"
        )

    assert status_on("2025-06-17") == "under_construction"
    assert status_on("2023-01-01") not in ("under_construction", "in_service")
    assert embedded.project("prj-cku-railway").links, "the CKU railway adds links to the network"


def test_agreements_of_both_summits(embedded: Observatory) -> None:
    xian = embedded.agreements(summit="xian-2023")
    astana = embedded.agreements(summit="astana-2025")
    assert xian
    assert astana
    assert all(a.signed_on.year == 2023 for a in xian)
    assert any(a.kind.value == "treaty" and a.signed_on == dt.date(2025, 6, 17) for a in astana)


def test_chinas_2024_trade_matches_the_summit_figure(embedded: Observatory) -> None:
    result = runner.invoke(
        app, ["trade", "--years", "2024", "--json", "--kb", str(embedded.kb.path)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    flows: dict[str, dict[str, float]] = defaultdict(dict)
    for row in report["rows"]:
        assert row["reporter_id"] == "cn"
        flows[row["partner_id"]][row["flow"]] = row["value_usd"]
    assert set(flows) == MEMBERS - {"cn"}
    by_rows = sum(
        f["export"] + f["import"] if {"export", "import"} <= set(f) else f["total"]
        for f in flows.values()
    )
    assert abs(by_rows / 1e9 - 94.8) <= 0.1
    assert abs(report["years"][0]["total_usd"] / 1e9 - 94.8) <= 0.1


def test_trade_is_a_series_not_a_point(embedded: Observatory) -> None:
    years = {y.year for y in embedded.trade().years}
    assert len(years) >= 8
    assert 2024 in years


def test_sister_cities_and_the_official_count(embedded: Observatory) -> None:
    assert len(embedded.sister_cities()) >= 20
    assert {p.partner_country_id for p in embedded.sister_cities()} == MEMBERS - {"cn"}
    assert max(c.count for c in embedded.sister_city_counts() if c.scope == "all") >= 100


def test_the_summit_texts_errors_are_recorded(embedded: Observatory) -> None:
    quotes = " ".join(e.quote for e in embedded.kb.errata())
    assert "Kyrgyztou" in quotes
    assert "Turkey" in quotes


def test_khorgos_shows_its_posts_and_sources(embedded: Observatory) -> None:
    result = runner.invoke(app, ["place", "Khorgos", "--kb", str(embedded.kb.path)])
    assert result.exit_code == 0, result.output
    assert "Altynkol" in result.output
    assert "Nur Zholy" in result.output
    assert "src-" in result.output


def test_a_typo_of_tashkent_is_answered_with_tashkent(embedded: Observatory) -> None:
    result = runner.invoke(app, ["place", "Tashkennt", "--kb", str(embedded.kb.path)])
    assert result.exit_code != 0
    assert "did you mean 'Tashkent' (uz-tashkent)" in str(result.exception)


def test_the_data_files_are_plain_utf8_csv() -> None:
    for path in Path(default_data_dir()).glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n"), path.name
        assert "\r" not in text, path.name


def test_the_embedded_data_exports_to_every_format(embedded: Observatory, tmp_path: Path) -> None:
    from caravan.api import ExportFormat

    written = embedded.export(tmp_path, list(ExportFormat))
    names = {p.name for p in written}
    assert {"places.geojson", "links.geojson", "crossings.geojson", "caravan.gpkg"} <= names
    assert {"assumptions.parquet", "trade.parquet", "assumptions.csv"} <= names
