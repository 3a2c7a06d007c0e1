"""Freight assignments as tasks on a 2-worker local Dask cluster equal the one-process runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caravan import Observatory
from caravan.analysis.sweeps.assignments import AssignmentRun, assign_on_dask, assign_run
from caravan.analysis.sweeps.execution import dask_client
from caravan.cli.app import app
from caravan.store import default_data_dir
from osm_pbf import khorgos_like
from test_cli_hostile import run_main

runner = CliRunner()


def test_assignments_on_two_workers_equal_the_one_process_runs(embedded: Observatory) -> None:
    cku = embedded.scenario("cku-railway")
    runs = [AssignmentRun(2024), AssignmentRun(2024, cku), AssignmentRun(2023)]
    seen: list[tuple[int, int]] = []
    with dask_client(workers=2) as client:
        found = assign_on_dask(
            embedded.kb.path, runs, client=client, progress=lambda d, t: seen.append((d, t))
        )
    assert seen[-1] == (3, 3)
    assert [(r.year, r.scenario) for r in found] == [(2024, None), (2024, cku.name), (2023, None)]
    for result, run in zip(found, runs, strict=True):
        expected = embedded.assign(run.year, run.scenario)
        mine, theirs = result.crossing_mt(), expected.crossing_mt()
        assert mine.keys() == theirs.keys()
        for crossing, value in theirs.items():
            assert mine[crossing] == pytest.approx(value, rel=1e-9, abs=1e-9), crossing
    assert found[0].crossing_mt() != found[1].crossing_mt()  # the railway moves freight


def test_a_process_compiles_and_assigns_alike_whatever_its_string_hash_seed(
    embedded: Observatory,
) -> None:
    """Dask workers hash strings with seeds of their own: iterating a set of layers once gave
    each process its own edge order, hence its own tie-breaks and equilibrium path (a Nur
    Zholy load 1 % apart), whenever a worker compiled a network instead of reading the cache."""
    script = Path(__file__).with_name("assignment_fingerprint.py")
    argv = [sys.executable, str(script), str(embedded.kb.path), "2024", "cku-railway"]
    argv.append(dt.date.today().isoformat())
    processes = [
        subprocess.Popen(
            argv, env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE, text=True
        )
        for seed in ("1", "2", "6")  # three different set orders before the fix
    ]
    found = [json.loads(p.communicate(timeout=300)[0]) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0]
    assert found[0]["crossing_mt"]  # the run assigned freight to crossings
    assert found[1] == found[0]
    assert found[2] == found[0]


def test_a_worker_assigns_a_scenario_on_its_imported_layer_as_one_process_does(
    embedded_kb_path: Path, tmp_path: Path
) -> None:
    """A worker once compiled the curated network for a scenario naming an OSM layer."""
    path = tmp_path / "kb" / "kb.sqlite"
    path.parent.mkdir()
    shutil.copy(embedded_kb_path, path)
    observatory = Observatory.open(path, default_data_dir())
    try:
        observatory.import_osm(khorgos_like(tmp_path / "khorgos.osm.pbf"), "khorgos")
        toml = tmp_path / "on-osm.toml"
        toml.write_text(
            'name = "on-osm"\ndescription = "Freight on the imported test layer too."\n'
            'layer = "khorgos"\nlayer_mode = "extend"\n',
            encoding="utf-8",
        )
        scenario = observatory.scenario(toml)
        expected = observatory.assign(2024, scenario).crossing_mt()
        curated = observatory.assign(2024).crossing_mt()
        found = assign_run(str(path), AssignmentRun(2024, scenario)).crossing_mt()
    finally:
        observatory.close()
    assert expected != curated  # the layer moves freight
    assert found.keys() == expected.keys()
    for crossing, value in expected.items():
        assert found[crossing] == pytest.approx(value, rel=1e-9, abs=1e-9), crossing


def test_the_command_line_assigns_several_years_on_dask(embedded: Observatory) -> None:
    result = runner.invoke(
        app,
        ["assign-many", "--years", "2023-2024", "--workers", "2", "--json",
         "--kb", str(embedded.kb.path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    runs = json.loads(result.output)
    assert [r["year"] for r in runs] == [2023, 2024]


def test_a_bad_year_range_is_one_line_not_a_traceback(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["assign-many", "--years", "2024-2020", "--kb", str(embedded.kb.path)]
    code, out, err = run_main(argv, monkeypatch, capsys)
    assert code == 2
    assert "Traceback" not in out + err
    assert "range of years" in err
    assert len(err.strip().splitlines()) == 1
