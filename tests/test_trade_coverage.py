"""Trade years lacking a partner's figure are marked partial and never summed as a total."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caravan import Observatory
from caravan.cli.app import app
from caravan.views import TradeYear

runner = CliRunner()
FIVE = ["kg", "kz", "tj", "tm", "uz"]


@pytest.fixture
def kb(mini_dir: Path, tmp_path: Path) -> str:
    """The synthetic dataset built for the CLI."""
    path = tmp_path / "cli.sqlite"
    Observatory.build(path, mini_dir)
    return str(path)


def trade_years(data_dir: Path, kb_path: Path, years: list[int] | None) -> list[TradeYear]:
    """The yearly trade summary of a dataset."""
    observatory = Observatory.open(kb_path, data_dir)
    try:
        return observatory.trade(years=years).years
    finally:
        observatory.close()


def test_a_year_without_a_partners_figure_is_partial_with_no_total(mini: Observatory) -> None:
    report = mini.trade(years=[2023, 2024])
    partial, complete = report.years
    assert (partial.year, partial.partial, partial.missing_partners) == (2023, True, ["uz"])
    assert partial.total_usd is None
    assert partial.subtotal_usd == 41e9
    assert partial.by_partner_usd == {"kz": 41e9}
    assert partial.exports_usd is None
    assert (complete.partial, complete.missing_partners, complete.total_usd) == (False, [], 56e9)


def test_every_wanted_year_is_listed_even_with_nothing_found(mini: Observatory) -> None:
    report = mini.trade(years=[2020, 2024])
    empty = report.years[0]
    assert (empty.year, empty.partial, empty.missing_partners) == (2020, True, ["kz", "uz"])
    assert (empty.total_usd, empty.subtotal_usd, empty.by_partner_usd) == (None, 0.0, {})


def test_without_years_the_gaps_between_the_first_and_last_year_are_listed(
    mini_dir: Path, tmp_path: Path
) -> None:
    with (mini_dir / "trade.csv").open("a", encoding="utf-8") as handle:
        handle.write("2021,cn,kz,total,25000000000,,src-test-news,\n")
    years = trade_years(mini_dir, tmp_path / "kb.sqlite", None)
    assert [y.year for y in years] == [2021, 2022, 2023, 2024]
    assert [y.partial for y in years] == [True, True, True, False]
    assert years[1].missing_partners == ["kz", "uz"]


def test_one_direction_alone_is_not_a_partners_total(mini_dir: Path, tmp_path: Path) -> None:
    with (mini_dir / "trade.csv").open("a", encoding="utf-8") as handle:
        handle.write("2022,cn,kz,export,20000000000,,src-test-news,\n")
        handle.write("2022,cn,uz,total,9000000000,,src-test-news,\n")
    [year] = trade_years(mini_dir, tmp_path / "kb.sqlite", [2022])
    assert (year.partial, year.missing_partners, year.total_usd) == (True, ["kz"], None)
    assert year.by_partner_usd == {"uz": 9e9}


def test_a_chosen_partner_is_complete_on_its_own(mini: Observatory) -> None:
    [year] = mini.trade(partners=["kz"], years=[2023]).years
    assert (year.partial, year.total_usd) == (False, 41e9)


def test_the_cli_marks_partial_years_and_missing_partners(kb: str) -> None:
    result = runner.invoke(
        app, ["trade", "--years", "2023-2024", "--kb", kb], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    lines = {line.split()[1]: line for line in result.output.splitlines() if "│ 202" in line}
    header = next(line for line in result.output.splitlines() if "┃ year" in line)
    column = {name.strip(): i for i, name in enumerate(header.split("┃"))}
    assert "partial: uz missing" in lines["2023"]
    assert lines["2023"].split("│")[column["uz"]].strip() == "–"  # the uz column: no figure
    assert "partial" in lines["2023"].split("│")[column["total"]]  # no total
    assert "complete" in lines["2024"]
    assert "56.00" in lines["2024"]


def test_the_cli_json_carries_the_marks(kb: str) -> None:
    result = runner.invoke(app, ["trade", "--years", "2023", "--kb", kb, "--json"])
    [year] = json.loads(result.output)["years"]
    assert (year["partial"], year["missing_partners"], year["total_usd"]) == (True, ["uz"], None)


def test_embedded_series_covers_2000_to_2025_or_says_what_is_missing(
    embedded: Observatory,
) -> None:
    years = embedded.trade(years=range(2000, 2026)).years
    assert [y.year for y in years] == list(range(2000, 2026))
    for year in years:
        found = sorted(year.by_partner_usd)
        assert sorted(found + year.missing_partners) == FIVE
        assert year.partial == bool(year.missing_partners)
        assert (year.total_usd is None) == year.partial
    [y2024] = embedded.trade(years=[2024]).years
    assert not y2024.partial
    assert y2024.total_usd is not None
    assert abs(y2024.total_usd / 1e9 - 94.8) <= 0.1
