"""Edits: durable in their own journal, applied atomically, replayed by every rebuild."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from caravan import DataValidationError, KnowledgeBaseError, Observatory, UnknownRecordError
from caravan.model import ProjectStatus, Source, StatusEvent
from caravan.store import build_knowledge_base
from caravan.store.journal import STATUS_EVENT, EditJournal, journal_path_for

NEWS = Source(
    id="src-test-opening",
    url="https://example.org/opening",
    title="Line opens",
    publisher="Test news",
    published_on=dt.date(2026, 9, 1),
)


def _journal(observatory: Observatory) -> EditJournal:
    return EditJournal(journal_path_for(observatory.kb.path))


def _status(observatory: Observatory, project_id: str, on: dt.date) -> ProjectStatus | None:
    [row] = [r for r in observatory.projects(as_of=on) if r.project.id == project_id]
    return row.status


def _event_payload(day: int, source: str = "src-test-news") -> dict[str, object]:
    event = StatusEvent(
        project_id="prj-test-line",
        date=dt.date(2026, 9, day),
        status=ProjectStatus.SUSPENDED,
        source=(source,),
    )
    return {"event": event.model_dump(mode="json"), "source": None}


def test_the_journal_lives_beside_the_knowledge_base() -> None:
    assert journal_path_for(Path("/x/knowledge-base.sqlite")) == Path(
        "/x/knowledge-base.edits.sqlite"
    )
    assert journal_path_for(Path("/x/kb")) == Path("/x/kb.edits.sqlite")


def test_a_new_status_event_changes_the_status_and_cites_its_source(mini: Observatory) -> None:
    mini.record_status_event(
        "prj-test-line",
        dt.date(2026, 9, 1),
        ProjectStatus.IN_SERVICE,
        new_source=NEWS,
        note="opened",
    )
    assert _status(mini, "prj-test-line", dt.date(2026, 9, 2)) == ProjectStatus.IN_SERVICE
    details = mini.project("prj-test-line")
    assert "src-test-opening" in {s.id for s in details.sources}
    assert "rail-almaty-tashkent-new" not in mini.network(dt.date(2026, 9, 2)).closures
    [entry] = _journal(mini).entries()
    assert entry.kind == STATUS_EVENT
    assert entry.payload["source"]["id"] == "src-test-opening"


def test_the_journal_is_durable_in_wal_mode_with_its_own_id(mini: Observatory) -> None:
    mini.record_status_event(
        "prj-test-line", dt.date(2026, 9, 1), ProjectStatus.IN_SERVICE, new_source=NEWS
    )
    path = journal_path_for(mini.kb.path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x4352564A


def test_an_event_for_an_unknown_project_writes_nothing(mini: Observatory) -> None:
    with pytest.raises(UnknownRecordError):
        mini.record_status_event(
            "prj-nothing", dt.date(2026, 9, 1), ProjectStatus.IN_SERVICE, new_source=NEWS
        )
    assert _journal(mini).entries() == []


def test_an_event_citing_an_undeclared_source_rolls_back(mini: Observatory) -> None:
    with pytest.raises(DataValidationError, match="src-nowhere"):
        mini.record_status_event(
            "prj-test-line",
            dt.date(2026, 9, 1),
            ProjectStatus.IN_SERVICE,
            source_ids=["src-nowhere"],
        )
    assert _journal(mini).entries() == []
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
    assert _status(rebuilt, "prj-test-line", dt.date(2026, 9, 2)) == ProjectStatus.IN_SERVICE


def test_an_edit_that_no_longer_fits_is_kept_but_skipped(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    journal = EditJournal(journal_path_for(path))
    journal.append(STATUS_EVENT, _event_payload(1, source="src-gone"))
    journal.append(STATUS_EVENT, _event_payload(2))
    result = build_knowledge_base(path, mini_dir)
    assert (result.edits_applied, result.edits_skipped) == (1, (1,))
    assert [e.id for e in journal.entries()] == [1, 2]


def test_an_unreadable_journal_fails_the_build_loudly(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build_knowledge_base(path, mini_dir)
    before = path.read_bytes()
    journal = journal_path_for(path)
    EditJournal(journal).append(STATUS_EVENT, _event_payload(1))
    with sqlite3.connect(journal) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged = bytearray(journal.read_bytes())
    damaged[100:4096] = b"\xff" * (4096 - 100)  # the schema page, header intact
    journal.write_bytes(bytes(damaged))
    with pytest.raises(KnowledgeBaseError, match="journal"):
        build_knowledge_base(path, mini_dir)
    assert path.read_bytes() == before


def test_an_edit_journalled_but_not_applied_is_applied_on_opening(
    mini_dir: Path, tmp_path: Path
) -> None:
    # A writer killed between its journal commit and its knowledge-base commit.
    path = tmp_path / "kb.sqlite"
    Observatory.open(path, mini_dir).close()
    EditJournal(journal_path_for(path)).append(STATUS_EVENT, _event_payload(3))
    observatory = Observatory.open(path, mini_dir)
    assert _status(observatory, "prj-test-line", dt.date(2026, 9, 4)) == ProjectStatus.SUSPENDED


def test_a_running_observatory_follows_a_rebuild(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    observatory = Observatory.open(path, mini_dir)
    assert len(observatory.places()) == 8
    with (mini_dir / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write("kz-shymkent,Shymkent,,,,,kz,city,42.32,69.59,src-test-atlas,\n")
    build_knowledge_base(path, mini_dir)
    assert observatory.place("Shymkent").place.id == "kz-shymkent"
    assert len(observatory.places()) == 9


def test_a_running_observatory_sees_edits_made_by_another(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    reader = Observatory.open(path, mini_dir)
    assert "rail-almaty-tashkent-new" in reader.network(dt.date(2026, 9, 2)).closures
    writer = Observatory.open(path, mini_dir)
    writer.record_status_event(
        "prj-test-line", dt.date(2026, 9, 1), ProjectStatus.IN_SERVICE, source_ids=["src-test-news"]
    )
    assert "rail-almaty-tashkent-new" not in reader.network(dt.date(2026, 9, 2)).closures


def test_an_older_knowledge_base_keeps_its_edits_and_a_backup(
    mini_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kb.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("schema_version", "2"), ("digest", "old")]
        )
        connection.execute(
            "CREATE TABLE journal (id INTEGER PRIMARY KEY, recorded_at TEXT, kind TEXT, "
            "payload TEXT)"
        )
        connection.execute(
            "INSERT INTO journal VALUES (1, '2026-09-01T00:00:00+00:00', ?, ?)",
            (STATUS_EVENT, json.dumps(_event_payload(5))),
        )
        connection.execute("CREATE TABLE my_notes (text TEXT)")
        connection.execute("INSERT INTO my_notes VALUES ('keep me')")
    observatory = Observatory.open(path, mini_dir)
    assert _status(observatory, "prj-test-line", dt.date(2026, 9, 6)) == ProjectStatus.SUSPENDED
    [backup] = [p for p in tmp_path.iterdir() if ".schema-2-" in p.name]
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT text FROM my_notes").fetchall() == [("keep me",)]
    assert len(EditJournal(journal_path_for(path)).entries()) == 1
    # Opening again adopts nothing twice.
    observatory.close()
    build_knowledge_base(path, mini_dir)
    assert len(EditJournal(journal_path_for(path)).entries()) == 1
