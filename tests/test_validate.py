"""Validation finds every problem in broken copies and names file, row, field and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan import DataValidationError, Observatory
from caravan.errors import DataIssue
from caravan.store import validate_data


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _only_issue(data_dir: Path) -> DataIssue:
    report = validate_data(data_dir)
    assert len(report.issues) == 1, report.issues
    return report.issues[0]


def test_the_synthetic_dataset_is_valid(mini_dir: Path) -> None:
    report = validate_data(mini_dir)
    assert report.ok, report.issues
    assert report.boundary_method == "polygons"
    assert report.counts()["places"] == 8


def test_a_row_without_source_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "links.csv",
        "900,40,,false,in_service,,,src-test-atlas,",
        "900,40,,false,in_service,,,,",
    )
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("links.csv", 4, "source")
    assert "required" in issue.reason


def test_an_undeclared_source_is_refused(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "41.31,69.28,src-test-atlas", "41.31,69.28,src-nowhere")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 8, "source")
    assert "'src-nowhere' is not a declared source" in issue.reason


def test_an_unknown_reference_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "links.csv",
        "rail-keles-tashkent,uz-keles,uz-tashkent",
        "rail-keles-tashkent,uz-keles,uz-samarkand",
    )
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("links.csv", 5, "to_id")
    assert "'uz-samarkand' is not a known id in places" in issue.reason


def test_a_coordinate_in_the_wrong_country_is_refused(mini_dir: Path) -> None:
    # Almaty moved to Urumqi's coordinates: inside China.
    _edit(mini_dir / "places.csv", "kz,city,43.24,76.89", "kz,city,43.82,87.62")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 5, "lat")
    assert "outside kz (in cn" in issue.reason


def test_a_negative_length_is_refused(mini_dir: Path) -> None:
    _edit(mini_dir / "links.csv", "1520,380,40", "1520,-380,40")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("links.csv", 3, "length_km")
    assert "'-380'" in issue.reason
    assert "greater than 0" in issue.reason


def test_an_unknown_enum_value_is_refused(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "cn,dry_port", "cn,spaceport")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 2, "kind")
    assert "'spaceport'" in issue.reason
    assert "border_post" in issue.reason


def test_a_duplicate_id_is_refused_naming_the_first(mini_dir: Path) -> None:
    path = mini_dir / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 10, "id")
    assert "duplicate places key 'cn-xian' (first at places.csv row 2)" in issue.reason


def test_duplicates_are_found_across_split_files(mini_dir: Path) -> None:
    (mini_dir / "places_extra.csv").write_text(
        "id,name_en,country_id,kind,lat,lon,source\ncn-xian,Xi'an,cn,city,34.27,108.94,src-test-atlas\n",
        encoding="utf-8",
    )
    issue = _only_issue(mini_dir)
    assert issue.file == "places_extra.csv"
    assert "duplicate" in issue.reason


def test_every_issue_is_reported_at_once(mini_dir: Path) -> None:
    _edit(mini_dir / "links.csv", "1520,380,40", "1520,-380,40")
    _edit(mini_dir / "places.csv", "cn,dry_port", "cn,spaceport")
    _edit(mini_dir / "places.csv", "41.31,69.28,src-test-atlas", "41.31,69.28,src-nowhere")
    report = validate_data(mini_dir)
    assert {(i.file, i.field) for i in report.issues} == {
        ("links.csv", "length_km"),
        ("places.csv", "kind"),
        ("places.csv", "source"),
    }


def test_a_land_link_may_not_cross_a_border(mini_dir: Path) -> None:
    _edit(
        mini_dir / "links.csv",
        "rail-keles-tashkent,uz-keles,uz-tashkent",
        "rail-keles-tashkent,kz-saryagash,uz-tashkent",
    )
    issue = _only_issue(mini_dir)
    assert issue.field == "to_id"
    assert "borders are crossed through crossings" in issue.reason


def test_a_gauge_change_must_match_the_countries(mini_dir: Path) -> None:
    _edit(
        mini_dir / "crossings.csv",
        "cn-khorgos,kz-altynkol,rail,true",
        "cn-khorgos,kz-altynkol,rail,false",
    )
    issue = _only_issue(mini_dir)
    assert issue.field == "gauge_change"
    assert "differ" in issue.reason


def test_a_project_without_timeline_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "project_events.csv",
        "prj-test-school,2020-01-01,year,in_service,,src-test-news\n",
        "",
    )
    issue = _only_issue(mini_dir)
    assert issue.file == "projects.csv"
    assert "no status event" in issue.reason


def test_a_wrong_column_and_a_short_row_are_reported(mini_dir: Path) -> None:
    _edit(mini_dir / "sources.csv", "id,url,title", "id,link,title")
    _edit(mini_dir / "countries.csv", "uz,UZB,Uzbekistan,", "uz,UZB,")
    report = validate_data(mini_dir)
    reasons = {(i.file, i.row, i.field): i.reason for i in report.issues}
    assert "unknown column" in reasons[("sources.csv", 1, "link")]
    assert "required column is missing" in reasons[("sources.csv", 1, "url")]
    assert "fields where the header has" in reasons[("countries.csv", 4, None)]


def test_trade_totals_must_agree_with_their_split(mini_dir: Path) -> None:
    with (mini_dir / "trade.csv").open("a", encoding="utf-8") as handle:
        handle.write("2024,cn,kz,total,50000000000,,src-test-news,\n")
    issue = _only_issue(mini_dir)
    assert issue.field == "value_usd"
    assert "disagrees" in issue.reason


def test_a_build_of_broken_data_raises_with_every_issue(mini_dir: Path, tmp_path: Path) -> None:
    _edit(mini_dir / "links.csv", "1520,380,40", "1520,-380,40")
    with pytest.raises(DataValidationError) as caught:
        Observatory.build(tmp_path / "kb.sqlite", mini_dir)
    assert "links.csv row 3, field length_km" in str(caught.value)
    assert not (tmp_path / "kb.sqlite").exists()


def test_a_link_shorter_than_the_straight_line_is_flagged(mini_dir: Path) -> None:
    _edit(mini_dir / "links.csv", "1520,380,40", "1520,100,40")  # Altynkol–Almaty is ~300 km apart
    report = validate_data(mini_dir)
    assert report.ok
    [warning] = [w for w in report.warnings if w.field == "length_km"]
    assert (warning.file, warning.row) == ("links.csv", 3)
    assert "shorter than the" in warning.reason
