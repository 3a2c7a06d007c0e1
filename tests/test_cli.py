"""The command line over the synthetic dataset: exit codes, tables and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caravan.cli import app

runner = CliRunner()


@pytest.fixture
def kb(mini_dir: Path, tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite"
    result = runner.invoke(app, ["data", "build", "--kb", str(path), "--data-dir", str(mini_dir)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_validate_passes_on_good_data(mini_dir: Path) -> None:
    result = runner.invoke(app, ["data", "validate", "--data-dir", str(mini_dir)])
    assert result.exit_code == 0
    assert "valid" in result.output


def test_validate_fails_with_every_issue(mini_dir: Path) -> None:
    path = mini_dir / "links.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("1520,380,40", "1520,-380,40"), encoding="utf-8"
    )
    result = runner.invoke(app, ["data", "validate", "--data-dir", str(mini_dir), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    assert report["issues"][0]["file"] == "links.csv"
    assert report["issues"][0]["row"] == 3
    assert report["issues"][0]["field"] == "length_km"


def test_place_json_resolves_aliases(kb: str) -> None:
    result = runner.invoke(app, ["place", "Алма-Ата", "--kb", kb, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["place"]["id"] == "kz-almaty"


def test_place_typo_suggests(kb: str) -> None:
    result = runner.invoke(app, ["place", "Tashkennt", "--kb", kb])
    assert result.exit_code != 0
    assert isinstance(result.exception, KeyError)
    assert "did you mean 'Tashkent'" in str(result.exception)


def test_projects_as_of(kb: str) -> None:
    result = runner.invoke(app, ["projects", "--as-of", "2025-06-17", "--kb", kb, "--json"])
    rows = {r["project"]["id"]: r["status"] for r in json.loads(result.output)}
    assert rows["prj-test-line"] == "under_construction"
    result = runner.invoke(app, ["projects", "--as-of", "2023-01-01", "--kb", kb, "--json"])
    rows = {r["project"]["id"]: r["status"] for r in json.loads(result.output)}
    assert rows["prj-test-line"] is None


def test_trade_years_and_partner_filters(kb: str) -> None:
    result = runner.invoke(
        app, ["trade", "--years", "2023-2024", "--partner", "kz", "--kb", kb, "--json"]
    )
    report = json.loads(result.output)
    assert [(y["year"], y["total_usd"]) for y in report["years"]] == [(2023, 41e9), (2024, 43e9)]


@pytest.mark.parametrize(
    "command",
    [
        ["summary"],
        ["places", "--country", "kz"],
        ["agreements"],
        ["sources"],
        ["sources", "--assumptions"],
        ["sister-cities"],
        ["project", "prj-test-line"],
        ["place", "Khorgos"],
        ["projects"],
        ["trade"],
    ],
)
def test_every_listing_prints_a_table(kb: str, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--kb", kb])
    assert result.exit_code == 0, result.output
    assert result.output.strip()


def test_export_writes_files(kb: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = runner.invoke(
        app, ["data", "export", "--out", str(out), "--format", "geojson", "--kb", kb]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "crossings.geojson",
        "links.geojson",
        "places.geojson",
    ]


def test_the_data_dictionary_is_current() -> None:
    result = runner.invoke(app, ["data", "dictionary"])
    committed = Path(__file__).parents[1] / "docs" / "data-dictionary.md"
    assert result.output == committed.read_text(encoding="utf-8")


def test_the_cli_reference_is_current(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "cli.md"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "typer",
            "caravan.cli.app",
            "utils",
            "docs",
            "--name",
            "caravan",
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    committed = Path(__file__).parents[1] / "docs" / "cli.md"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
