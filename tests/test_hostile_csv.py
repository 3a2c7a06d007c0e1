"""Broken and hostile data files become precise issues (file, row, field, reason), never
exceptions, and never pass unnoticed; harmless oddities (a byte-order mark, U+2028 in a
note) are read as meant."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from caravan.cli import app
from caravan.errors import DataIssue
from caravan.store import default_data_dir, validate_data
from caravan.store.schema import field_of
from caravan.store.validate import ValidationReport

MINI = Path(__file__).parent / "fixtures" / "mini"
ALMATY = "Alma-Ata|Алма-Ата,kz,city,43.24,76.89,src-test-atlas,"  # places.csv row 5, up to note
LONG = "x" * 200_000  # over the csv module's 131072-character field limit


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")


def _where(report: ValidationReport) -> list[tuple[str, int | None, str | None]]:
    return [(i.file, i.row, i.field) for i in report.issues]


def _only_issue(data_dir: Path) -> DataIssue:
    report = validate_data(data_dir)
    assert len(report.issues) == 1, report.issues
    return report.issues[0]


def _place_rows(report: ValidationReport) -> dict[str, int]:
    return {str(field_of(r.record, "id")): r.row for r in report.records["places"]}


# -- fields over the csv module's size limit ----------------------------------------------


def test_an_overlong_field_is_reported_and_the_next_rows_are_read(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", ALMATY, ALMATY + LONG)
    report = validate_data(mini_dir)
    assert _where(report) == [("places.csv", 5, "note")]
    assert "longer than 131072 characters" in report.issues[0].reason
    rows = _place_rows(report)
    assert "kz-almaty" not in rows
    assert rows["uz-tashkent"] == 8  # later rows read, at their own lines
    assert report.counts()["places"] == 7  # and links to Almaty add no follow-on errors


def test_an_overlong_quoted_field_over_several_lines_is_stepped_over(mini_dir: Path) -> None:
    # The note spans lines 5–8, so Saryagash starts on line 9 and Keles on line 10.
    _edit(mini_dir / "places.csv", ALMATY, ALMATY + f'"one\ntwo, ""three""\n{LONG}\nfour"')
    _edit(mini_dir / "places.csv", "uz,border_post", "uz,spaceport")
    report = validate_data(mini_dir)
    assert _where(report) == [("places.csv", 5, "note"), ("places.csv", 10, "kind")]
    assert "longer than 131072 characters" in report.issues[0].reason
    assert "'spaceport'" in report.issues[1].reason
    assert _place_rows(report)["kz-saryagash"] == 9


def test_an_overlong_header_stops_its_file_only(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "id,name_en", f"id,{LONG},name_en")
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 1, None)
    assert "longer than 131072 characters" in issue.reason
    assert "not read" in issue.reason


# -- files that are not readable files --------------------------------------------------


def test_a_folder_in_place_of_a_file_is_named(mini_dir: Path) -> None:
    (mini_dir / "links.csv").unlink()
    (mini_dir / "links.csv").mkdir()
    assert validate_data(mini_dir).issues == [
        DataIssue("links.csv", None, None, "is a folder, not a file")
    ]


def test_a_folder_named_like_a_part_file_is_named(mini_dir: Path) -> None:
    (mini_dir / "places_extra.csv").mkdir()
    assert validate_data(mini_dir).issues == [
        DataIssue("places_extra.csv", None, None, "is a folder, not a file")
    ]


def test_a_broken_link_is_named(mini_dir: Path) -> None:
    (mini_dir / "links.csv").unlink()
    (mini_dir / "links.csv").symlink_to(mini_dir / "gone.csv")
    assert validate_data(mini_dir).issues == [
        DataIssue("links.csv", None, None, "is a broken link")
    ]


def test_an_unreadable_file_is_named_with_the_reason(
    mini_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "links.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert validate_data(mini_dir).issues == [
        DataIssue("links.csv", None, None, "cannot be read: Permission denied")
    ]


def test_a_named_pipe_is_refused_without_reading_it(mini_dir: Path) -> None:
    (mini_dir / "links.csv").unlink()
    os.mkfifo(mini_dir / "links.csv")  # reading it would block forever
    assert validate_data(mini_dir).issues == [
        DataIssue("links.csv", None, None, "is not a regular file")
    ]


def test_a_missing_data_folder_is_one_issue(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert validate_data(missing).issues == [
        DataIssue(str(missing), None, None, "data folder does not exist")
    ]


# -- missing files: one issue, no follow-on references -----------------------------------


def test_a_missing_places_file_is_the_one_issue_in_the_embedded_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    assert (data / "places_links.csv").exists()  # a part file remains: the table is not empty
    (data / "places.csv").unlink()
    report = validate_data(data)
    assert [str(i) for i in report.issues] == ["places.csv: file is missing"]


@pytest.mark.parametrize("name", ["places.csv", "countries.csv", "project_events.csv"])
def test_a_missing_file_adds_no_follow_on_errors(mini_dir: Path, name: str) -> None:
    (mini_dir / name).unlink()
    assert validate_data(mini_dir).issues == [DataIssue(name, None, None, "file is missing")]


def test_a_table_other_than_sources_needs_its_main_file(mini_dir: Path) -> None:
    (mini_dir / "places.csv").rename(mini_dir / "places_all.csv")
    assert validate_data(mini_dir).issues == [
        DataIssue("places.csv", None, None, "file is missing")
    ]


def test_sources_may_be_kept_in_topic_files_only(mini_dir: Path) -> None:
    (mini_dir / "sources.csv").rename(mini_dir / "sources_test.csv")
    (mini_dir / "assumptions.csv").rename(mini_dir / "assumptions_test.csv")
    assert validate_data(mini_dir).ok


def test_a_header_without_the_id_column_stops_its_file(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "id,name_en", "ident,name_en")
    report = validate_data(mini_dir)
    assert _where(report) == [
        ("places.csv", 1, "ident"),
        ("places.csv", 1, "id"),
        ("places.csv", None, None),
    ]
    assert "required column is missing" in report.issues[1].reason
    assert "rows not read until the header is fixed" in report.issues[2].reason


def test_a_column_named_twice_is_reported(mini_dir: Path) -> None:
    _edit(mini_dir / "sources.csv", "id,url,title", "id,url,url")
    issues = validate_data(mini_dir).issues
    assert issues[0] == DataIssue("sources.csv", 1, "url", "column appears twice (columns 2 and 3)")
    assert ("sources.csv", 1, "title") in {(i.file, i.row, i.field) for i in issues}


@pytest.mark.parametrize("text", ["", "\n\n\r\n"])
def test_an_empty_file_is_reported(mini_dir: Path, text: str) -> None:
    (mini_dir / "places.csv").write_text(text, encoding="utf-8")
    assert validate_data(mini_dir).issues == [
        DataIssue("places.csv", None, None, "file is empty (no header)")
    ]


# -- encodings ---------------------------------------------------------------------------


def test_a_byte_order_mark_is_accepted(mini_dir: Path) -> None:
    for name in ("places.csv", "links.csv"):
        path = mini_dir / name
        crlf = path.read_bytes().replace(b"\n", b"\r\n")  # as a spreadsheet saves it
        path.write_bytes(b"\xef\xbb\xbf" + crlf)
    report = validate_data(mini_dir)
    assert report.issues == []
    assert report.counts()["places"] == 8
    assert _place_rows(report)["cn-xian"] == 2


def test_a_file_not_in_utf8_names_the_line_of_the_bad_byte(mini_dir: Path) -> None:
    path = mini_dir / "places.csv"
    path.write_bytes(path.read_bytes().replace("Алма-Ата,kz".encode(), b"\xc0lma-Ata,kz"))
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("places.csv", 5, None)
    assert "not UTF-8 text" in issue.reason


def test_utf16_text_is_named_as_such(mini_dir: Path) -> None:
    path = mini_dir / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert _only_issue(mini_dir) == DataIssue(
        "places.csv", None, None, "is UTF-16 text; save it as UTF-8"
    )


# -- separators and control characters inside fields --------------------------------------


@pytest.mark.parametrize(
    "note",
    ['"a\u2028b"', '"a\u2029b"', '"a\x85b"', '"a\nb"', '"a\r\nb"', "a\u2028b"],
    ids=["U+2028", "U+2029", "NEL", "LF", "CRLF", "U+2028-unquoted"],
)
def test_a_separator_inside_a_field_stays_in_it(mini_dir: Path, note: str) -> None:
    _edit(mini_dir / "places.csv", ALMATY, ALMATY + note)
    report = validate_data(mini_dir)
    assert report.issues == []
    assert report.counts()["places"] == 8
    [almaty] = [r for r in report.records["places"] if field_of(r.record, "id") == "kz-almaty"]
    assert field_of(almaty.record, "note") == note.strip('"')
    breaks = note.count("\n")  # only real line breaks move the later rows down
    assert _place_rows(report)["uz-tashkent"] == 8 + breaks


@pytest.mark.parametrize("char", ["\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x07", "\x1b"])
def test_a_control_character_in_a_quoted_field_is_reported_not_split(
    mini_dir: Path, char: str
) -> None:
    _edit(mini_dir / "places.csv", ALMATY, ALMATY + f'"before{char}after"')
    report = validate_data(mini_dir)
    code = f"U+{ord(char):04X}"
    assert report.issues == [
        DataIssue("places.csv", 5, "note", f"contains a control character ({code})")
    ]
    rows = _place_rows(report)
    assert "kz-almaty" not in rows  # the row is not loaded …
    assert rows["kz-saryagash"] == 6  # … and the file is not split at the character
    assert report.counts()["places"] == 7


def test_a_nul_character_is_reported_and_its_row_not_loaded(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "kz-almaty,Almaty", "kz-almaty,Alm\x00aty")
    report = validate_data(mini_dir)
    assert report.issues == [
        DataIssue("places.csv", 5, "name_en", "contains a NUL character (U+0000)")
    ]
    assert "kz-almaty" not in _place_rows(report)


def test_a_control_character_in_an_id_adds_no_follow_on_errors(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "kz-almaty,Almaty", "kz-almaty\x07,Almaty")
    assert validate_data(mini_dir).issues == [
        DataIssue("places.csv", 5, "id", "contains a control character (U+0007)")
    ]


def test_a_line_of_only_control_characters_is_not_skipped_as_blank(mini_dir: Path) -> None:
    with (mini_dir / "links.csv").open("a", encoding="utf-8") as handle:
        handle.write("\x0c\n")
    issues = validate_data(mini_dir).issues
    assert issues[0] == DataIssue("links.csv", 11, "id", "contains a control character (U+000C)")


def test_a_control_character_in_a_column_name_stops_its_file(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "id,name_en", "id,name\x00_en")
    issues = validate_data(mini_dir).issues
    assert issues[0] == DataIssue(
        "places.csv", 1, None, "column 2 name contains a NUL character (U+0000)"
    )
    assert issues[-1].reason == "rows not read until the header is fixed"


# -- quoting ----------------------------------------------------------------------------


def test_an_unterminated_quote_at_the_end_names_row_and_field(mini_dir: Path) -> None:
    with (mini_dir / "links.csv").open("a", encoding="utf-8") as handle:
        handle.write('rail-x,"kz-almaty,kz-saryagash\n')
    issue = _only_issue(mini_dir)
    assert (issue.file, issue.row, issue.field) == ("links.csv", 11, "from_id")
    assert "quoted field is never closed" in issue.reason


def test_an_unterminated_quote_mid_file_stops_the_file_without_follow_ons(
    mini_dir: Path,
) -> None:
    _edit(mini_dir / "places.csv", "kz-almaty,Almaty", 'kz-almaty,"Almaty')
    issue = _only_issue(mini_dir)  # places after it are unread: links to them are not errors
    assert (issue.file, issue.row, issue.field) == ("places.csv", 5, "name_en")
    assert "rest of the file is not read" in issue.reason


def test_text_after_a_closing_quote_is_reported_and_reading_goes_on(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "kz-almaty,Almaty", 'kz-almaty,"Alm"aty')
    report = validate_data(mini_dir)
    assert _where(report) == [("places.csv", 5, None)]
    assert "must be doubled" in report.issues[0].reason
    assert report.counts()["places"] == 7


def test_row_numbers_are_the_lines_records_start_on(mini_dir: Path) -> None:
    # Two notes with line breaks (rows 2 and 4) push later records down by one line each.
    _edit(
        mini_dir / "places.csv",
        "cn,dry_port,34.27,108.94,src-test-atlas,",
        'cn,dry_port,34.27,108.94,src-test-atlas,"a\nb"',
    )
    _edit(
        mini_dir / "places.csv",
        "kz,gauge_change_station,44.17,80.37,src-test-atlas,",
        'kz,gauge_change_station,44.17,80.37,src-test-atlas,"c\r\nd"',
    )
    _edit(mini_dir / "places.csv", "uz,city", "uz,spaceport")
    report = validate_data(mini_dir)
    assert _where(report) == [("places.csv", 10, "kind")]
    assert _place_rows(report)["kz-almaty"] == 7


# -- any bytes at all ----------------------------------------------------------------------

NAMES = sorted(p.name for p in MINI.glob("*.csv"))
HOSTILE_BYTES = st.lists(
    st.sampled_from([b'"', b",", b"\n", b"\r", b"\x00", b"\x0c", b"\xff", b"|", b"a"])
    | st.sampled_from(["\ufeff", "\u2028", "\x85", "é"]).map(str.encode)
    | st.binary(min_size=1, max_size=4)
    | st.just(b"y" * 140_000),  # over the csv module's field limit
    min_size=1,
    max_size=12,
).map(b"".join)


#: Where to insert: None appends, a number is taken modulo the file's length + 1.
POSITIONS = st.none() | st.integers(min_value=0, max_value=10**6)


def _insert(folder: Path, name: str, junk: bytes, position: int | None) -> None:
    shutil.copytree(MINI, folder, dirs_exist_ok=True)
    original = (MINI / name).read_bytes()
    at = len(original) if position is None else position % (len(original) + 1)
    (folder / name).write_bytes(original[:at] + junk + original[at:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), junk=HOSTILE_BYTES, position=POSITIONS)
def test_any_bytes_inserted_into_a_file_give_issues_not_exceptions(
    tmp_path_factory: pytest.TempPathFactory, name: str, junk: bytes, position: int | None
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    _insert(folder, name, junk, position)
    report = validate_data(folder)  # must not raise
    assert all(isinstance(issue, DataIssue) for issue in report.issues)
    if b"\x00" in junk:
        assert report.issues, "a NUL byte was accepted silently"


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(NAMES), position=POSITIONS)
def test_a_nul_byte_anywhere_never_passes_silently(
    tmp_path_factory: pytest.TempPathFactory, name: str, position: int | None
) -> None:
    folder = tmp_path_factory.mktemp("nul")
    _insert(folder, name, b"\x00", position)
    report = validate_data(folder)
    # Reported as a NUL, or (inside a multi-byte character) as text that is not UTF-8.
    assert any(
        issue.file == name and ("NUL character" in issue.reason or "not UTF-8" in issue.reason)
        for issue in report.issues
    ), report.issues


# -- through the command line --------------------------------------------------------------


def test_the_cli_lists_hostile_issues_without_a_traceback(mini_dir: Path) -> None:
    _edit(mini_dir / "places.csv", "kz-almaty,Almaty", "kz-almaty,Alm\x00aty")
    (mini_dir / "links.csv").unlink()
    (mini_dir / "links.csv").mkdir()
    result = CliRunner().invoke(
        app, ["data", "validate", "--data-dir", str(mini_dir)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "links.csv: is a folder, not a file" in result.output
    assert "places.csv row 5, field name_en: contains a NUL character (U+0000)" in result.output
    assert "2 error(s)" in result.output
    assert "Traceback" not in result.output
