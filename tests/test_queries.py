"""Queries over a knowledge base built from the synthetic dataset (known answers)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan import Observatory, UnknownPlaceError, UnknownRecordError
from caravan.model import Direction, ProjectStatus, Quantity
from caravan.store import normalise_name


@pytest.mark.parametrize(
    "name", ["Almaty", "almaty", "Алматы", "阿拉木图", "Alma-Ata", "kz-almaty", " ALMATY "]
)
def test_every_name_of_a_place_resolves(mini: Observatory, name: str) -> None:
    assert mini.place(name.strip()).place.id == "kz-almaty"


@pytest.mark.parametrize("name", ["Xi'an", "Xian", "Xi an", "XI’AN", "西安"])
def test_apostrophes_and_spaces_do_not_matter(mini: Observatory, name: str) -> None:
    assert mini.place(name).place.id == "cn-xian"


def test_a_typo_gets_suggestions(mini: Observatory) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        mini.place("Tashkennt")
    assert caught.value.suggestions[0] == ("Tashkent", "uz-tashkent")
    assert "did you mean 'Tashkent' (uz-tashkent)?" in str(caught.value)
    assert isinstance(caught.value, KeyError)


def test_nonsense_gets_no_suggestion(mini: Observatory) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        mini.place("Qqqqzzzz")
    assert caught.value.suggestions == []


def test_a_place_shows_its_crossings_with_both_posts_and_sources(mini: Observatory) -> None:
    details = mini.place("Khorgos")
    assert {v.crossing.id for v in details.crossings} == {
        "bcp-khorgos-altynkol-rail",
        "bcp-khorgos-nur-zholy-road",
    }
    view = next(v for v in details.crossings if v.crossing.mode == "rail")
    assert (view.post_a.id, view.post_b.id) == ("cn-khorgos", "kz-altynkol")
    assert [s.id for s in view.sources] == ["src-test-atlas"]
    assert [s.id for s in details.sources] == ["src-test-atlas"]


def test_the_value_in_force_is_the_latest_before_the_date(mini: Observatory) -> None:
    kb, crossing, quantity = mini.kb, "bcp-khorgos-altynkol-rail", Quantity.CLEARANCE_TIME_H
    assert kb.value_at(crossing, quantity, dt.date(2019, 12, 31)) is None
    assert kb.value_at(crossing, quantity, dt.date(2022, 6, 1)).value == 30  # type: ignore[union-attr]
    assert kb.value_at(crossing, quantity, dt.date(2023, 1, 1)).value == 20  # type: ignore[union-attr]
    directed = kb.value_at(crossing, quantity, dt.date(2024, 1, 1), Direction.A_TO_B)
    assert directed is not None
    assert directed.value == 25
    assert kb.value_at(crossing, quantity, dt.date(2024, 1, 1), Direction.B_TO_A).value == 20  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (dt.date(2023, 1, 1), None),
        (dt.date(2023, 5, 19), ProjectStatus.ANNOUNCED),
        (dt.date(2024, 12, 26), ProjectStatus.AGREED),
        (dt.date(2024, 12, 27), ProjectStatus.UNDER_CONSTRUCTION),
        (dt.date(2025, 6, 17), ProjectStatus.UNDER_CONSTRUCTION),
    ],
)
def test_project_status_as_of_a_date(
    mini: Observatory, as_of: dt.date, status: ProjectStatus | None
) -> None:
    [row] = [r for r in mini.projects(as_of=as_of) if r.project.id == "prj-test-line"]
    assert row.status == status


def test_project_filters(mini: Observatory) -> None:
    as_of = dt.date(2025, 1, 1)
    assert [r.project.id for r in mini.projects(direction="people_to_people", as_of=as_of)] == [
        "prj-test-school"
    ]
    assert [r.project.id for r in mini.projects(country="uz", as_of=as_of)] == ["prj-test-line"]
    assert [r.project.id for r in mini.projects(status=ProjectStatus.IN_SERVICE, as_of=as_of)] == [
        "prj-test-school"
    ]


def test_a_project_lists_its_links_timeline_and_sources(mini: Observatory) -> None:
    details = mini.project("prj-test-line")
    assert [link.id for link in details.links] == ["rail-almaty-tashkent-new"]
    assert next(e.status for e in details.timeline) == ProjectStatus.ANNOUNCED
    assert {s.id for s in details.sources} == {"src-test-news"}
    with pytest.raises(UnknownRecordError):
        mini.project("prj-nothing")


def test_trade_uses_the_split_where_published_and_totals_elsewhere(mini: Observatory) -> None:
    report = mini.trade(years=[2024])
    [year] = report.years
    assert year.by_partner_usd == {"kz": 43e9, "uz": 13e9}
    assert year.total_usd == 56e9
    assert year.exports_usd is None  # Uzbekistan's split is not in the data
    assert all(r.commodity_group is None and r.reporter_id == "cn" for r in report.rows)


def test_trade_of_another_reporter_is_kept_apart(mini: Observatory) -> None:
    report = mini.trade(reporter="kz")
    assert [(y.year, y.total_usd) for y in report.years] == [(2024, 20e9)]


def test_provenance_counts_published_and_assumed_rows(mini: Observatory) -> None:
    links = next(p for p in mini.kb.provenance() if p.table == "links")
    assert (links.rows, links.published_only, links.assumption_only, links.both) == (9, 6, 1, 2)


@given(st.text(max_size=30))
def test_normalising_a_name_is_idempotent(text: str) -> None:
    assert normalise_name(normalise_name(text)) == normalise_name(text)


def _state(mini: Observatory, project_id: str, as_of: dt.date) -> tuple[object, object]:
    state = next(s for s in mini.kb.project_states(as_of) if s.project.id == project_id)
    return state.status, state.since


def test_since_is_when_the_current_status_began_not_the_latest_report(mini: Observatory) -> None:
    # prj-test-line: announced 2023-05-19, agreed 2024-06-06, under construction 2024-12-27.
    mini.record_status_event(
        "prj-test-line",
        dt.date(2025, 4, 29),
        ProjectStatus.UNDER_CONSTRUCTION,
        source_ids=["src-test-news"],
        note="first tunnel",
    )
    mini.record_status_event(
        "prj-test-line",
        dt.date(2025, 12, 5),
        ProjectStatus.UNDER_CONSTRUCTION,
        source_ids=["src-test-news"],
        note="progress report",
    )
    under_way = (ProjectStatus.UNDER_CONSTRUCTION, dt.date(2024, 12, 27))
    assert _state(mini, "prj-test-line", dt.date(2026, 1, 1)) == under_way
    assert _state(mini, "prj-test-line", dt.date(2025, 5, 1)) == under_way
    assert _state(mini, "prj-test-line", dt.date(2024, 12, 26)) == (
        ProjectStatus.AGREED,
        dt.date(2024, 6, 6),
    )
    assert _state(mini, "prj-test-line", dt.date(2023, 5, 18)) == (None, None)
    row = next(
        r for r in mini.projects(as_of=dt.date(2026, 1, 1)) if r.project.id == "prj-test-line"
    )
    assert row.since == dt.date(2024, 12, 27)


def test_since_restarts_when_a_status_returns_after_another(mini: Observatory) -> None:
    for date, status in (
        (dt.date(2025, 3, 1), ProjectStatus.SUSPENDED),
        (dt.date(2025, 9, 1), ProjectStatus.UNDER_CONSTRUCTION),
        (dt.date(2025, 10, 1), ProjectStatus.UNDER_CONSTRUCTION),
    ):
        mini.record_status_event("prj-test-line", date, status, source_ids=["src-test-news"])
    assert _state(mini, "prj-test-line", dt.date(2025, 6, 1)) == (
        ProjectStatus.SUSPENDED,
        dt.date(2025, 3, 1),
    )
    assert _state(mini, "prj-test-line", dt.date(2026, 1, 1)) == (
        ProjectStatus.UNDER_CONSTRUCTION,
        dt.date(2025, 9, 1),
    )


def test_on_the_same_day_the_later_lifecycle_step_wins_and_starts_the_run(
    mini: Observatory,
) -> None:
    mini.record_status_event(
        "prj-test-line", dt.date(2026, 2, 2), ProjectStatus.IN_SERVICE, source_ids=["src-test-news"]
    )
    mini.record_status_event(
        "prj-test-line",
        dt.date(2026, 2, 2),
        ProjectStatus.UNDER_CONSTRUCTION,
        source_ids=["src-test-news"],
    )
    assert _state(mini, "prj-test-line", dt.date(2026, 2, 2)) == (
        ProjectStatus.IN_SERVICE,
        dt.date(2026, 2, 2),
    )


def test_the_holiday_calendar_covers_the_whole_years_it_lists(mini: Observatory) -> None:
    assert mini.kb.holiday_calendar() == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_decoded_tables_follow_an_edit(mini: Observatory) -> None:
    before = len(mini.kb.timeline("prj-test-line"))
    assert mini.kb.all("projects") == mini.kb.all("projects")  # cached, equal copies
    mini.record_status_event(
        "prj-test-line", dt.date(2026, 3, 3), ProjectStatus.IN_SERVICE, source_ids=["src-test-news"]
    )
    assert len(mini.kb.timeline("prj-test-line")) == before + 1
    assert _state(mini, "prj-test-line", dt.date(2026, 3, 3))[0] == ProjectStatus.IN_SERVICE
