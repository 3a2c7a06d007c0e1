"""Rules that keep the dataset consistent with itself: each tested with rows that break it."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan.errors import DataIssue
from caravan.store import validate_data
from caravan.store.validate import is_search_results_url, url_key


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def _only_issue(data_dir: Path) -> DataIssue:
    report = validate_data(data_dir)
    assert len(report.issues) == 1, report.issues
    return report.issues[0]


# -- a crossing's opening and its project's timeline ------------------------------------------
_KHORGOS = (
    "bcp-khorgos-altynkol-rail,Khorgos–Altynkol,cn-khorgos,kz-altynkol,rail,true,,daily,false,"
)


def test_a_crossing_opening_off_its_projects_timeline_is_refused(mini_dir: Path) -> None:
    # The crossing opens on 2012-12-01, its project is in service from 2020 (year precision).
    _edit(
        mini_dir / "crossings.csv",
        _KHORGOS + ",in_service,2012-12-01,,",
        _KHORGOS + ",in_service,2012-12-01,prj-test-school,",
    )
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("crossings.csv", 2, "opened_on")
    assert "2012-12-01 disagrees with the timeline of prj-test-school" in issue.reason
    assert "2020-01-01" in issue.reason


def test_a_crossing_opening_inside_its_projects_event_precision_is_accepted(
    mini_dir: Path,
) -> None:
    # The project's in-service event is known to the year only: any day of 2020 agrees.
    _edit(
        mini_dir / "crossings.csv",
        _KHORGOS + ",in_service,2012-12-01,,",
        _KHORGOS + ",in_service,2020-05-05,prj-test-school,",
    )
    assert validate_data(mini_dir).ok


def test_a_planned_crossing_must_open_in_its_projects_completion_year(mini_dir: Path) -> None:
    _edit(
        mini_dir / "crossings.csv",
        _KHORGOS + ",in_service,2012-12-01,,",
        _KHORGOS + ",planned,2031-01-01,prj-test-line,",
    )
    issue = _only_issue(mini_dir)
    assert issue.field == "opened_on"
    assert "2031 disagrees with prj-test-line's planned completion 2030" in issue.reason


# -- a break of gauge declared twice ------------------------------------------------------------
def test_a_gauge_change_at_a_crossing_where_the_line_keeps_its_gauge_is_refused(
    mini_dir: Path,
) -> None:
    # The Kazakh side is laid in 1435 mm by a project and changes gauge at Almaty: the crossing
    # still says the gauge changes at the border, a second break on one line.
    _edit(
        mini_dir / "links.csv",
        "rail-altynkol-almaty,kz-altynkol,kz-almaty,rail,1520,380,40,,false,in_service,,,",
        "rail-altynkol-almaty,kz-altynkol,kz-almaty,rail,1435,380,40,,false,in_service,,prj-test-line,",
    )
    _edit(
        mini_dir / "links.csv",
        "rail-almaty-saryagash,kz-almaty,kz-saryagash,rail,1520,900,40,,false,in_service,,,",
        "rail-almaty-saryagash,kz-almaty,kz-saryagash,rail,1520,900,40,,false,in_service,,"
        "prj-test-line,",
    )
    _edit(
        mini_dir / "crossings.csv",
        _KHORGOS + ",in_service,2012-12-01,,",
        _KHORGOS + ",in_service,2012-12-01,prj-test-line,",
    )
    report = validate_data(mini_dir)
    gauge = [i for i in report.issues if i.field == "gauge_change"]
    assert len(gauge) == 1, report.issues
    assert (gauge[0].file, gauge[0].row) == ("crossings.csv", 2)
    assert "declared twice on one line" in gauge[0].reason
    assert "breaks gauge at kz-almaty" in gauge[0].reason


def test_a_crossing_between_two_gauges_without_a_gauge_change_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "crossings.csv",
        _KHORGOS + ",in_service,2012-12-01,,",
        _KHORGOS.replace("rail,true", "rail,false") + ",in_service,2012-12-01,,",
    )
    issue = _only_issue(mini_dir)
    assert issue.field == "gauge_change"
    assert "false but the rail links at cn-khorgos (1435 mm)" in issue.reason


# -- dates without their precision -------------------------------------------------------------
_TREATY = "agr-test-treaty,Test treaty,2025-06-17,kz-almaty"


def test_a_first_of_month_date_without_precision_is_refused(mini_dir: Path) -> None:
    _edit(mini_dir / "agreements.csv", _TREATY, _TREATY.replace("2025-06-17", "2025-06-01"))
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("agreements.csv", 2, "date_precision")
    assert "2025-06-01 may stand for a month or a year" in issue.reason


def test_a_first_of_month_date_with_its_precision_is_accepted(mini_dir: Path) -> None:
    path = mini_dir / "agreements.csv"
    _edit(path, "signed_on,place_id", "signed_on,date_precision,place_id")
    _edit(path, "2025-06-17,kz-almaty", "2025-06-01,month,kz-almaty")
    assert validate_data(mini_dir).ok


# -- sources: one URL, one id; no search results ------------------------------------------------
def test_a_url_registered_twice_is_refused(mini_dir: Path) -> None:
    _append(
        mini_dir / "sources.csv",
        "src-test-atlas-again,http://www.example.org/atlas/,Test atlas again,Test publisher,,",
    )
    _edit(mini_dir / "places.csv", "41.31,69.28,src-test-atlas", "41.31,69.28,src-test-atlas-again")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("sources.csv", 4, "url")
    assert "already registered as 'src-test-atlas' (sources.csv row 2)" in issue.reason


@pytest.mark.parametrize(
    "url",
    [
        "https://www.google.com/search?q=khorgos+rail",
        "https://yandex.ru/search/?text=%D1%85%D0%BE%D1%80%D0%B3%D0%BE%D1%81",
        "https://www.baidu.com/s?wd=%E9%9C%8D%E5%B0%94%E6%9E%9C%E6%96%AF",
        "https://enow.com/content;_ylt=AwrhQ;_ylu=Y29s?ei=UTF-8&q=uzbekistan+railways",
        "https://en.wikipedia.org/w/index.php?search=Altynkol",
        "https://news.example.org/search?query=bedel",
    ],
)
def test_a_search_results_page_as_source_is_refused(mini_dir: Path, url: str) -> None:
    _edit(mini_dir / "sources.csv", "https://example.org/news", url)
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("sources.csv", 3, "url")
    assert "page of search results" in issue.reason


@pytest.mark.parametrize(
    "url",
    [
        "https://review.clateway.com/wiki/view_html.php?lang=en&q=Kuytun",  # an article view
        "https://kz.kursiv.media/?p=6836916",  # an article by number
        "https://24.kg/english/303987_Bedel-Avtodorozhny_checkpoint/",
    ],
)
def test_article_pages_are_not_search_results(url: str) -> None:
    assert not is_search_results_url(url)


def test_url_key_ignores_scheme_www_trailing_slash_and_fragment() -> None:
    assert url_key("http://www.example.org/a/") == url_key("https://example.org/a#top")
    assert url_key("https://example.org/a?id=1") != url_key("https://example.org/a?id=2")


# -- events resting on assumptions alone --------------------------------------------------------
def test_an_assumption_only_event_of_a_sourced_project_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "project_events.csv",
        "prj-test-line,2024-06-06,day,agreed,,src-test-news",
        "prj-test-line,2024-06-06,day,agreed,,asm-test-speed",
    )
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("project_events.csv", 3, "source")
    assert "rests on assumptions alone (asm-test-speed)" in issue.reason


def test_an_assumption_beside_the_source_it_starts_from_is_accepted(mini_dir: Path) -> None:
    _edit(
        mini_dir / "project_events.csv",
        "prj-test-line,2024-06-06,day,agreed,,src-test-news",
        "prj-test-line,2024-06-06,day,agreed,,src-test-news|asm-test-speed",
    )
    assert validate_data(mini_dir).ok


# -- a country's roads in one piece ---------------------------------------------------------
def test_a_countrys_roads_in_two_pieces_are_reported_at_the_islands_road(mini_dir: Path) -> None:
    # Almaty–Saryagash becomes Altynkol–Saryagash: Kazakhstan's roads fall into two pieces.
    _edit(
        mini_dir / "links.csv",
        "road-almaty-saryagash,kz-almaty,kz-saryagash",
        "road-almaty-saryagash,kz-altynkol,kz-saryagash",
    )
    report = validate_data(mini_dir)
    assert report.ok
    [island] = [w for w in report.warnings if "fall into pieces" in w.reason]
    assert (island.file, island.row, island.field) == ("links.csv", 9, "to_id")
    assert (
        "the roads of kz fall into pieces: kz-altynkol, kz-saryagash reach no other"
        in island.reason
    )


def test_a_planned_road_neither_joins_nor_splits_the_pieces(mini_dir: Path) -> None:
    # The same island, but its road is only planned: no in-service road, no island.
    _edit(
        mini_dir / "links.csv",
        "road-almaty-saryagash,kz-almaty,kz-saryagash,road,,800,60,2,,in_service",
        "road-almaty-saryagash,kz-altynkol,kz-saryagash,road,,800,60,2,,planned",
    )
    report = validate_data(mini_dir)
    assert not [w for w in report.warnings if "fall into pieces" in w.reason]


def test_a_row_citing_one_source_twice_is_refused(mini_dir: Path) -> None:
    _edit(
        mini_dir / "links.csv",
        "road-keles-tashkent,uz-keles,uz-tashkent,road,,25,40,4,,in_service,,,src-test-atlas,",
        "road-keles-tashkent,uz-keles,uz-tashkent,road,,25,40,4,,in_service,,,"
        "src-test-atlas|src-test-atlas,",
    )
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("links.csv", 10, "source")
    assert issue.reason == "cites src-test-atlas twice"
