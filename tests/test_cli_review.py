"""`caravan review …` over the synthetic dataset: tables, evidence, decisions, errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import review_cases as cases
from caravan import Observatory
from caravan.cli import app
from caravan.store.journal import journal_path_for
from caravan.store.proposals import ProposalFilter

runner = CliRunner()


@pytest.fixture(autouse=True)
def _wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables wide enough that no cell is folded across lines."""
    monkeypatch.setenv("COLUMNS", "240")


@pytest.fixture
def kb(mini_dir: Path, tmp_path: Path) -> str:
    """A knowledge base whose queue holds the test document's facts."""
    path = tmp_path / "cli.sqlite"
    observatory = Observatory.open(path, mini_dir)
    observatory.review.queue.add(cases.document(), cases.all_facts(cases.document()))
    observatory.close()
    return str(path)


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_list_shows_every_pending_proposal(kb: str) -> None:
    code, output = _invoke("review", "list", "--kb", kb, "--json")
    assert code == 0
    listed = json.loads(output)
    assert listed["total"] == 6
    assert {item["id"] for item in listed["items"]} == {
        f.id for f in cases.all_facts(cases.document())
    }
    code, output = _invoke("review", "list", "--kb", kb, "--kind", "figure")
    assert code == 0
    assert "3 pending proposal(s)" in output
    assert "trade_value_usd" in output


def test_show_gives_both_sides_of_a_conflict(kb: str) -> None:
    fact = cases.trade_conflict(cases.document())
    code, output = _invoke("review", "show", fact.id[:12], "--kb", kb)
    assert code == 0, output
    assert "conflict" in output
    assert "13000000000" in output  # held
    assert "14,000,000,000" in output  # proposed
    assert "src-test-news" in output
    assert "src-doc-" in output
    assert fact.evidence.sentence[:40] in output


def test_accept_then_reject_reports_each_id(kb: str) -> None:
    opening = cases.opening(cases.document())
    code, output = _invoke("review", "accept", opening.id[:12], "--kb", kb, "--by", "ana")
    assert code == 0, output
    assert "project_events prj-test-line/2026-09-01/in_service" in output
    assert journal_path_for(Path(kb)).exists()
    code, output = _invoke("review", "show", opening.id, "--kb", kb, "--json")
    assert json.loads(output)["state"] == "accepted"
    assert json.loads(output)["decided_by"] == "ana"
    place = cases.new_place(cases.document())
    code, output = _invoke("review", "reject", place.id, "--kb", kb, "--reason", "not a place")
    assert code == 0
    assert "rejected" in output
    _, output = _invoke("review", "list", "--kb", kb, "--state", "accepted", "--json")
    assert [item["id"] for item in json.loads(output)["items"]] == [opening.id]
    _, output = _invoke("review", "list", "--kb", kb, "--all", "--json")
    assert json.loads(output)["total"] == 6


def test_unknown_ids_and_refusals_are_one_line_errors(kb: str) -> None:
    code, output = _invoke("review", "accept", "ffffffffffff", "--kb", kb)
    assert code == 2
    assert "unknown proposal" in output
    assert "Traceback" not in output
    place = cases.new_place(cases.document())
    code, output = _invoke("review", "accept", place.id, "--kb", kb)
    assert code == 2
    assert "never invents coordinates" in output


def test_edit_sets_fields_and_refuses_bad_pairs(kb: str) -> None:
    fact = cases.memorandum(cases.document())
    code, output = _invoke("review", "edit", fact.id, "--set", "parties=kz|uz", "--kb", kb)
    assert code == 0, output
    assert "parties kz uz" in output
    code, output = _invoke("review", "edit", fact.id, "--set", "parties", "--kb", kb)
    assert code == 2
    assert "expected field=value" in output


def test_ingest_a_folder_reports_each_file_and_reads_nothing_twice(kb: str, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The Test line opened to freight traffic on 1 September 2026.\n", encoding="utf-8"
    )
    (folder / "b.html").write_text(
        "<html><head><title>Treaty</title><script>alert(1)</script></head><body>"
        "<p>Trade between China and Uzbekistan reached 13 billion dollars in 2024.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7 not really a pdf")
    options = ["--kb", kb, "--publisher", "Test wire", "--url", "https://example.org/t"]
    code, output = _invoke("ingest", str(folder), *options, "--json")
    assert code == 1  # one file could not be read; the others were stored
    outcomes = {Path(o["path"]).name: o for o in json.loads(output)}
    assert outcomes["broken.pdf"]["error"]
    assert outcomes["a.txt"]["new"] >= 1
    assert outcomes["b.html"]["new"] >= 1
    code, output = _invoke("ingest", str(folder / "a.txt"), *options)
    assert code == 0
    assert f"0 new, {outcomes['a.txt']['new']} already known" in output


def test_ingest_of_nothing_is_a_usage_error(kb: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    code, output = _invoke("ingest", str(empty), "--kb", kb)
    assert code == 2
    assert "no documents found" in output


def test_ctrl_c_keeps_the_files_already_stored(kb: str, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(2000):
        (folder / f"report-{number:04}.txt").write_text(
            f"The Test line opened to freight traffic on {number % 28 + 1} September 2026, "
            f"report {number} said.\n",
            encoding="utf-8",
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "caravan", "ingest", str(folder), "--kb", kb],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "1000"},  # one line per file, never wrapped
    )
    assert process.stdout is not None
    printed = [process.stdout.readline() for _ in range(5)]
    process.send_signal(signal.SIGINT)
    rest, errors = process.communicate(timeout=60)
    printed += rest.splitlines()
    assert process.returncode == 130, errors
    assert "interrupted" in errors
    assert "Traceback" not in errors
    observatory = Observatory.open(Path(kb))
    stored = observatory.proposals(ProposalFilter(limit=10_000)).items
    observatory.close()
    documents = {p.document.id for p in stored} - {cases.document().id}
    read = [line for line in printed if "already known" in line]
    assert len(read) <= len(documents) <= len(read) + 1 < 2000
    leftovers = [p.name for p in Path(kb).parent.iterdir() if ".creating-" in p.name]
    assert leftovers == []


@pytest.mark.parametrize(
    ("date", "day", "precision"),
    [("2026", "2026-01-01", "year"), ("2026-05", "2026-05-01", "month")],
)
def test_ingest_a_report_known_by_its_year_or_month_dates_what_is_under_way_to_it(
    kb: str, tmp_path: Path, date: str, day: str, precision: str
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Construction of the Test line is under way.\n", encoding="utf-8")
    code, output = _invoke("ingest", str(report), "--kb", kb, "--date", date, "--json")
    assert code == 0, output
    (outcome,) = json.loads(output)
    observatory = Observatory.open(Path(kb))
    try:
        stored = [observatory.review.queue.get(i) for i in outcome["proposal_ids"]]
    finally:
        observatory.close()
    events = [p.fact.payload for p in stored if p.fact.kind.value == "status_event"]
    assert [(str(e.date), e.date_precision.value) for e in events] == [(day, precision)]


@pytest.mark.parametrize("date", ["2026-13", "26", "2026-02-30", "May 2026"])
def test_ingest_refuses_a_date_it_cannot_read(kb: str, tmp_path: Path, date: str) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Construction of the Test line is under way.\n", encoding="utf-8")
    code, output = _invoke("ingest", str(report), "--kb", kb, "--date", date)
    assert code == 2
    assert "--date" in output
    assert date in output


def test_list_in_order_of_confidence(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "ranked.sqlite"
    meta = cases.document()
    sure = [0.4, 0.95, 0.2, 0.7, 0.5, 0.6]
    observatory = Observatory.open(path, mini_dir)
    observatory.review.queue.add(meta, cases.with_confidences(meta, sure))
    observatory.close()
    code, output = _invoke("review", "list", "--kb", str(path), "--order", "confidence", "--json")
    assert code == 0, output
    assert [item["confidence"] for item in json.loads(output)["items"]] == sorted(
        sure, reverse=True
    )
    code, output = _invoke("review", "list", "--kb", str(path), "--order", "best")
    assert code == 2


def test_the_list_keeps_ids_and_codes_whole_in_an_80_column_terminal(
    kb: str, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("COLUMNS", "80")
    code, output = _invoke("review", "list", "--kb", kb)
    assert code == 0, output
    assert max(len(line) for line in output.splitlines()) <= 80
    for fact in cases.all_facts(cases.document()):
        assert fact.id[:12] in output  # never folded across lines
    rows = [line for line in output.splitlines() if "pending" in line and "proposal" not in line]
    assert len(rows) == 6  # one state cell per proposal, whole
