"""Edits through the API: atomic, sourced, and kept across rebuilds."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from caravan import DataValidationError, Observatory, UnknownRecordError
from caravan.model import ProjectStatus, Source
from caravan.store.journal import journal_entries

NEWS = Source(
    id="src-test-opening",
    url="https://example.org/opening",
    title="Line opens",
    publisher="Test news",
    published_on=dt.date(2026, 9, 1),
)


def test_a_new_status_event_changes_the_status_and_cites_its_source(mini: Observatory) -> None:
    mini.record_status_event(
        "prj-test-line",
        dt.date(2026, 9, 1),
        ProjectStatus.IN_SERVICE,
        new_source=NEWS,
        note="opened",
    )
    [row] = [r for r in mini.projects(as_of=dt.date(2026, 9, 2)) if r.project.id == "prj-test-line"]
    assert row.status == ProjectStatus.IN_SERVICE
    details = mini.project("prj-test-line")
    assert "src-test-opening" in {s.id for s in details.sources}
    assert "rail-almaty-tashkent-new" not in mini.network(dt.date(2026, 9, 2)).closures


def test_an_event_for_an_unknown_project_writes_nothing(mini: Observatory) -> None:
    with pytest.raises(UnknownRecordError):
        mini.record_status_event(
            "prj-nothing", dt.date(2026, 9, 1), ProjectStatus.IN_SERVICE, new_source=NEWS
        )
    assert journal_entries(mini.kb.path) == []


def test_an_event_citing_an_undeclared_source_rolls_back(mini: Observatory) -> None:
    with pytest.raises(DataValidationError, match="src-nowhere"):
        mini.record_status_event(
            "prj-test-line",
            dt.date(2026, 9, 1),
            ProjectStatus.IN_SERVICE,
            source_ids=["src-nowhere"],
        )
    assert journal_entries(mini.kb.path) == []
    with sqlite3.connect(mini.kb.path) as connection:
        assert connection.execute(
            "SELECT count(*) FROM project_events WHERE _file = 'journal'"
        ).fetchone() == (0,)


def test_edits_survive_a_rebuild_from_changed_files(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    observatory = Observatory.open(path, mini_dir)
    observatory.record_status_event(
        "prj-test-line", dt.date(2026, 9, 1), ProjectStatus.IN_SERVICE, source_ids=["src-test-news"]
    )
    observatory.close()
    with (mini_dir / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write("kz-shymkent,Shymkent,,,,,kz,city,42.32,69.59,src-test-atlas,\n")
    rebuilt = Observatory.open(path, mini_dir)
    assert rebuilt.place("Shymkent").place.id == "kz-shymkent"
    assert rebuilt.kb.meta()["journal_applied"] == "1"
    [row] = [
        r for r in rebuilt.projects(as_of=dt.date(2026, 9, 2)) if r.project.id == "prj-test-line"
    ]
    assert row.status == ProjectStatus.IN_SERVICE
