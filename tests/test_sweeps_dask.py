"""Sweeps on a 2-worker local Dask cluster: same results as a plain loop, resume after a kill."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from caravan import Observatory
from caravan.analysis.routing import Router, skim_matrices
from caravan.analysis.sweeps import DrawResult, SweepRun, run_draws_in_loop
from caravan.analysis.sweeps.execution import dask_client
from caravan.analysis.sweeps.skims import skim_on_dask
from caravan.cli.app import app
from test_sweeps import SPEC, write_spec

runner = CliRunner()


def _same(found: list[DrawResult], expected: list[DrawResult]) -> None:
    assert [r.draw for r in found] == [r.draw for r in expected]
    for mine, theirs in zip(found, expected, strict=True):
        assert mine.inputs == theirs.inputs
        assert mine.outputs == pytest.approx(theirs.outputs, nan_ok=True, rel=0, abs=0)


def test_a_sweep_on_two_workers_equals_the_plain_loop(
    tmp_path: Path, embedded: Observatory
) -> None:
    spec = write_spec(tmp_path)
    seen: list[int] = []
    run = embedded.sweep(
        spec, tmp_path / "out", workers=2, chunk_size=2, progress=lambda p: seen.append(p.done)
    )
    expected = run_draws_in_loop(embedded.kb.path, embedded.sweep_spec(spec), range(8))
    _same(run.results, expected)
    assert (run.computed, run.reused) == (8, 0)
    assert (seen[0], seen[-1]) == (0, 8)
    assert seen == sorted(seen)
    assert sorted(p.name for p in (tmp_path / "out" / "draws").iterdir()) == [
        f"draw-{i:05d}.parquet" for i in range(8)
    ]
    table = pq.read_table(tmp_path / "out" / "draws.parquet").to_pylist()
    assert [row["kashgar-tashkent-h"] for row in table] == [
        r.outputs["kashgar-tashkent-h"] for r in expected
    ]
    summary = {s.output: s for s in run.summaries}["kashgar-tashkent-h"]
    values = sorted(r.outputs["kashgar-tashkent-h"] for r in expected)
    assert (summary.min, summary.max) == (values[0], values[-1])
    assert (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8").startswith('"output"')

    again = embedded.sweep(spec, tmp_path / "out", workers=2)  # everything is there already
    assert (again.computed, again.reused) == (0, 8)
    _same(again.results, expected)


def _finished(folder: Path) -> dict[str, int]:
    draws = folder / "draws"
    if not draws.is_dir():
        return {}
    return {p.name: p.stat().st_mtime_ns for p in draws.glob("draw-*.parquet")}


def test_a_killed_sweep_resumes_without_redoing_finished_draws(
    tmp_path: Path, embedded: Observatory
) -> None:
    spec = write_spec(tmp_path, SPEC.replace("draws = 8", "draws = 40"))
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "caravan", "sweep", "run", str(spec), "--out", str(out),
        "--kb", str(embedded.kb.path), "--workers", "1", "--chunk-size", "1",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while len(_finished(out)) < 3 and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.05)
    finally:  # the sweep, its scheduler and its worker processes: one process group
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if process.stderr:
            process.stderr.close()
    kept = _finished(out)
    assert 3 <= len(kept) < 40, "the kill should land in the middle of the sweep"

    run: SweepRun = embedded.sweep(spec, out, workers=2)
    assert (run.reused, run.computed) == (len(kept), 40 - len(kept))
    after = _finished(out)
    assert {name: after[name] for name in kept} == kept  # finished draws were not rewritten
    assert len(after) == 40
    expected = run_draws_in_loop(embedded.kb.path, embedded.sweep_spec(spec), range(40))
    _same(run.results, expected)
    assert not [p for p in out.rglob(".*") if "partial" in p.name]


def test_the_command_line_runs_a_sweep_and_prints_its_distributions(
    tmp_path: Path, embedded: Observatory
) -> None:
    spec = write_spec(tmp_path, SPEC.replace("draws = 8", "draws = 4"))
    out = tmp_path / "out"
    arguments = ["sweep", "run", str(spec), "--out", str(out), "--kb", str(embedded.kb.path)]
    result = runner.invoke(app, [*arguments, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["computed"], report["reused"]) == (4, 0)
    assert [s["output"] for s in report["summaries"]] == ["kashgar-tashkent-h", "cn-uz-h"]
    assert report["summaries"][0]["draws"] == 4
    assert report["summaries"][0]["p10"] <= report["summaries"][0]["median"] < 0

    (out / "draws" / "draw-00001.parquet").unlink()
    result = runner.invoke(app, [*arguments, "--workers", "1"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())  # rich wraps lines at the terminal's width
    assert "4 draws (1 computed, 3 kept" in shown
    assert "distributions over the draws" in shown


def test_the_command_line_refuses_a_folder_it_does_not_own(
    tmp_path: Path, embedded_kb_path: Path
) -> None:
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.xlsx").write_bytes(b"someone's work")
    result = subprocess.run(
        [sys.executable, "-m", "caravan", "sweep", "run", str(spec), "--out", str(out),
         "--kb", str(embedded_kb_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a caravan sweep's (results.xlsx)" in result.stderr
    assert [p.name for p in out.iterdir()] == ["results.xlsx"]


def test_a_skim_split_into_blocks_on_dask_equals_the_skim_in_one_process(
    embedded: Observatory,
) -> None:
    date = dt.date(2026, 12, 1)
    expected = embedded.skim(scenario="cku-railway", date=date)
    rail = skim_matrices(
        Router(embedded.network(date, scenario="cku-railway")),
        list(expected.place_ids),
        modes=("rail",),
    )
    done: list[int] = []
    with dask_client(workers=2) as client:
        found = skim_on_dask(
            embedded.kb.path, expected.place_ids, date=date,
            scenario=embedded.scenario("cku-railway"), block_size=25, client=client,
            progress=lambda d, _: done.append(d),
        )  # fmt: skip
        found_rail = skim_on_dask(
            embedded.kb.path, expected.place_ids, date=date,
            scenario=embedded.scenario("cku-railway"), modes=("rail",), client=client,
        )  # fmt: skip
    assert done[-1] == len(expected.place_ids)
    assert len(done) == -(-len(expected.place_ids) // 25)
    assert np.isinf(rail.time_h).any()  # places without a railway stay unreachable by rail
    for mine, theirs in ((found, expected), (found_rail, rail)):
        assert mine.place_ids == theirs.place_ids
        for name in ("time_h", "time_h_low", "time_h_high", "cost_usd", "length_km"):
            assert np.array_equal(getattr(mine, name), getattr(theirs, name)), name
        np.testing.assert_allclose(mine.generalised_usd, theirs.generalised_usd, rtol=1e-12)


def test_the_python_api_skims_on_dask(embedded: Observatory) -> None:
    places = ["Kashgar", "Tashkent", "Almaty", "Urumqi"]
    expected = embedded.skim(places, scenario="cku-railway")
    found = embedded.skim_on_dask(places, scenario="cku-railway", workers=1, block_size=2)
    assert found.place_ids == expected.place_ids
    assert np.array_equal(found.time_h, expected.time_h)


def test_a_skim_of_an_earlier_date_on_dask_takes_the_asking_process_day(
    embedded: Observatory,
) -> None:
    """A scenario without a date of its own takes today's date in both processes."""
    places = ["Kashgar", "Tashkent", "Almaty", "Urumqi", "Osh", "Andijan"]
    date = dt.date(2024, 7, 1)
    expected = embedded.skim(places, scenario="cku-railway", date=date)
    with dask_client(workers=1) as client:
        found = skim_on_dask(
            embedded.kb.path, expected.place_ids, date=date,
            scenario=embedded.scenario("cku-railway"), block_size=3, client=client,
        )  # fmt: skip
    assert np.array_equal(found.time_h, expected.time_h)
    assert np.array_equal(found.generalised_usd, expected.generalised_usd)


def test_the_skim_command_splits_origins_on_dask(tmp_path: Path, embedded: Observatory) -> None:
    common = ["skim", "--places", "Kashgar", "--places", "Tashkent", "--places", "Almaty"]
    common += ["--format", "csv", "--kb", str(embedded.kb.path)]
    one = runner.invoke(app, [*common, "--out", str(tmp_path / "one.csv")])
    split = runner.invoke(app, [*common, "--workers", "1", "--out", str(tmp_path / "split.csv")])
    assert one.exit_code == 0, one.output
    assert split.exit_code == 0, split.output
    one_text = (tmp_path / "one.csv").read_text(encoding="utf-8")
    assert (tmp_path / "split.csv").read_text(encoding="utf-8") == one_text


def test_ctrl_c_stops_a_sweep_cleanly_and_keeps_finished_draws(
    tmp_path: Path, embedded: Observatory
) -> None:
    spec = write_spec(tmp_path, SPEC.replace("draws = 8", "draws = 60"))
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "caravan", "sweep", "run", str(spec), "--out", str(out),
        "--kb", str(embedded.kb.path), "--workers", "2", "--chunk-size", "1",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(_finished(out)) < 2 and time.monotonic() < deadline:
            assert process.poll() is None
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130
    assert "Traceback" not in stderr
    kept = len(_finished(out))
    assert f"interrupted: {kept} of 60 draws kept" in " ".join(stderr.split())
    assert 2 <= kept < 60
    assert not [p for p in out.rglob("*") if "partial" in p.name]
