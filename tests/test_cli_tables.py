"""Tables of the CLI in terminals of common widths: the legs of `caravan route`, and a table
whose words do not fit in boxes."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.measure import Measurement
from typer.testing import CliRunner

from caravan import Observatory
from caravan.cli import app as cli
from caravan.cli import render
from caravan.cli.render import usd_bn
from caravan.model import LinkMode

runner = CliRunner()


def test_each_leg_takes_one_line_at_120_columns(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    legs = embedded.route("Kashgar", "Osh", modes=[LinkMode.ROAD]).best.legs
    result = runner.invoke(
        cli, ["route", "Kashgar", "Osh", "--mode", "road", "--kb", str(embedded.kb.path)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 120
    head = next(i for i, line in enumerate(lines) if line.split()[:2] == ["leg", "step"])
    body = lines[head + 2 : head + 2 + len(legs)]  # under the header and its rule
    assert [line.split()[0] for line in body] == [str(n) for n in range(1, len(legs) + 1)]
    assert not lines[head + 2 + len(legs)].strip()  # no leg folded onto a second line
    for leg, line in zip(legs, body, strict=True):
        assert f"{leg.length_km:,.0f}" in line.split()


def test_at_80_columns_names_figures_and_crossings_stay_whole(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    best = embedded.route("Urumqi", "Tashkent", modes=[LinkMode.RAIL]).best
    names = {p.id: p.name_en for p in embedded.places()}
    result = runner.invoke(
        cli, ["route", "Urumqi", "Tashkent", "--mode", "rail", "--kb", str(embedded.kb.path)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    table = "\n".join(lines[: next(i for i, line in enumerate(lines) if "total" in line)])
    for leg in best.legs:
        for place in (names[leg.from_id], names[leg.to_id]):
            assert place in table  # never cut inside the name
        assert f"{leg.time_h_low:,.1f}–{leg.time_h_high:,.1f}" in table
    flat = " ".join(result.output.split())
    for crossing in best.crossings:
        assert crossing in flat  # named under the table, whole


def test_a_table_whose_words_do_not_fit_in_boxes_is_printed_compact(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    result = runner.invoke(cli, ["trade", "--years", "2020-2024", "--kb", str(embedded.kb.path)])
    assert result.exit_code == 0, result.output
    report = embedded.trade(None, range(2020, 2025))
    header = next(line for line in result.output.splitlines() if "year" in line)
    blank = [
        name
        for name, values in (
            ("exports", [y.exports_usd for y in report.years]),
            ("imports", [y.imports_usd for y in report.years]),
        )
        if all(v is None for v in values)
    ]
    assert header.split() == [
        c
        for c in ["year", "exports", "imports", "total", "kg", "kz", "tj", "tm", "uz", "coverage"]
        if c not in blank  # a column blank in every year is left out
    ]
    assert "┃" not in result.output  # no side borders
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line.strip()}
    for year in report.years:
        row = rows[str(year.year)]  # each year's figures on the year's own line, whole
        for figure in year.by_partner_usd.values():
            assert usd_bn(figure) in row
        if not year.partial:
            assert usd_bn(year.total_usd) in row


def test_a_table_too_wide_even_compact_is_printed_as_records(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(cli, ["projects", "--kb", str(embedded.kb.path)])
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    flat = " ".join(result.output.split())
    for project in (row.project for row in embedded.projects()):
        heading = lines.index(project.id)  # the id whole, on a line of its own
        assert lines[heading + 1].split()[0] == "name"
        assert " ".join(project.name_en.split()) in flat  # the name whole, folded at spaces


def _printed(
    monkeypatch: pytest.MonkeyPatch, width: int, columns: list[str], rows: list[tuple[str, ...]]
) -> str:
    sink = io.StringIO()
    monkeypatch.setattr(render, "console", Console(file=sink, width=width, color_system=None))
    render.print_table("t", columns, rows, whole=["id"])
    return sink.getvalue()


def test_the_three_layouts_by_width(monkeypatch: pytest.MonkeyPatch) -> None:
    columns = ["id", "name", "note"]
    rows = [("prj-a-rather-long-id", "A line of two countries", "planned")]
    boxed = _printed(monkeypatch, 60, columns, rows)
    assert "┃" in boxed
    compact = _printed(monkeypatch, 44, columns, rows)
    assert "┃" not in compact
    lines = [line.split() for line in compact.splitlines() if line.strip()]
    assert lines[1] == columns  # a table still, its heading on a line
    assert lines[3][0] == "prj-a-rather-long-id"  # the id whole
    records = _printed(monkeypatch, 36, columns, rows)
    assert [line.split() for line in records.splitlines() if line.strip()] == [
        ["t"],
        ["prj-a-rather-long-id"],
        ["name", "A", "line", "of", "two", "countries"],
        ["note", "planned"],
    ]


@pytest.mark.parametrize(
    ("columns", "rows"),
    [
        (["year", "total"], [("2024", "94.82"), ("2021", "partial: tj missing")]),
        (["from", "to"], [("Khorgos–Altynkol", "中国 铁路"), ("[x]", "")]),
        (["id"], []),
    ],
)
def test_the_least_width_is_rich_own(columns: list[str], rows: list[tuple[str, ...]]) -> None:
    # counted from the text in one pass; rich's measurement of the boxed table agrees
    table = render._table("t", columns, rows, None, (), False, None)
    options = render.console.options.update_width(100_000)
    assert (
        render._least_width(columns, rows)
        == Measurement.get(render.console, options, table).minimum
    )


def test_records_name_their_heading_and_join_two_line_column_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    columns = ["leg", "hours\nlow–high", "note"]
    rows = [("1", "23.8 8.3–26.2", "a-rather-long-unbreakable-word-here")]
    printed = _printed(monkeypatch, 30, columns, rows)
    lines = [line.split() for line in printed.splitlines() if line.strip()]
    assert lines[1] == ["leg", "1"]  # a heading that is not an id says what it is
    assert lines[2][:2] == ["hours", "low–high"]  # the column's two lines on one
    assert "hours low–high 23.8 8.3–26.2" in " ".join(printed.split())


def test_a_whole_column_counts_at_its_full_length(monkeypatch: pytest.MonkeyPatch) -> None:
    columns = ["id", "state", "note"]
    rows = [("prj-1", "under construction since 2020 in full", "a b c")]
    sink = io.StringIO()
    monkeypatch.setattr(render, "console", Console(file=sink, width=40, color_system=None))
    render.print_table("t", columns, rows, whole=["state"])
    flat = " ".join(sink.getvalue().split())
    assert "state under construction since 2020 in full" in flat  # as records: never cut
    assert "prj-1" in sink.getvalue().split()


def test_a_wide_terminal_folds_a_url_rather_than_print_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    columns = ["id", "url"]
    rows = [("src-a", "https://example.org/" + "x" * 150)]
    printed = _printed(monkeypatch, 120, columns, rows)
    heading = next(line for line in printed.splitlines() if "url" in line)
    assert heading.replace("┃", " ").split() == columns  # a table, the URL folded in its cell
