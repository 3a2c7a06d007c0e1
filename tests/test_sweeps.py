"""Sweep specs, sampling, drawn scenarios and the output folder (no Dask here)."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan import Observatory
from caravan.analysis.scenarios import scenario_from_mapping
from caravan.analysis.sweeps import (
    DrawResult,
    SweepFolderError,
    SweepSpecError,
    draw_values,
    load_sweep_spec,
    run_draws_in_loop,
)
from caravan.analysis.sweeps.folder import MANIFEST, SweepFolder
from caravan.analysis.sweeps.sampling import grid_values, quantile
from caravan.analysis.sweeps.spec import TriangularDistribution, UniformDistribution
from caravan.analysis.sweeps.summary import summarise

SPEC = """
name = "small"
description = "A small sweep over the CKU railway for the tests."
a = "today"
b = "cku-railway"
date = 2026-12-01
modes = ["rail"]
sources = ["asm-test-range"]

[sampling]
method = "monte_carlo"
draws = 8
seed = 7

[[input]]
name = "cku-speed"
kind = "link_speed_kph"
ids = ["rail-kashgar-torugart", "rail-torugart-arpa"]
side = "b"
distribution = { kind = "uniform", low = 30, high = 60 }
note = "A test range for the CKU line's speed."
source = ["asm-test-range"]

[[input]]
name = "kz-clearance"
kind = "crossing_time_factor"
ids = ["bcp-khorgos-altynkol-rail"]
distribution = { kind = "triangular", low = 0.5, mode = 1, high = 2 }
note = "A test range for a clearance time."
source = ["asm-test-range"]

[[output]]
name = "kashgar-tashkent-h"
kind = "pair"
origin = "Kashgar"
destination = "Tashkent"
quantity = "time_h"

[[output]]
name = "cn-uz-h"
kind = "country_pair"
countries = ["cn", "uz"]
quantity = "time_h"

[[new_assumptions]]
id = "asm-test-range"
subject = "test ranges"
reasoning = "Ranges made up for the tests; no source gives them."
"""


def write_spec(folder: Path, text: str = SPEC, name: str = "small.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- validation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (("high = 60", "high = 20"), "input.0.distribution", "low (30.0) must be below high"),
        (("kind = \"link_speed_kph\"", "kind = \"speed\""), "input.0.kind", "Input should be"),
        (("draws = 8", "draws = 0"), "sampling.draws", "greater than or equal to 1"),
        (("seed = 7", "seed = 7\nsize = 3"), "sampling.size", "unknown key"),
        (("quantity = \"time_h\"\n\n[[output]]", "quantity = \"time_pct\"\n\n[[output]]"),
         "output.0", "a pair reports"),
        (("name = \"cn-uz-h\"", "name = \"cku-speed\""), None, "repeated: ['cku-speed']"),
    ],
)  # fmt: skip
def test_a_broken_spec_names_its_file_field_and_reason(
    tmp_path: Path, change: tuple[str, str], field: str | None, reason: str
) -> None:
    assert change[0] in SPEC
    path = write_spec(tmp_path, SPEC.replace(change[0], change[1], 1))
    with pytest.raises(SweepSpecError) as caught:
        load_sweep_spec(path)
    issue = caught.value.issues[0]
    assert issue.file == str(path)
    assert issue.field == field
    assert reason in issue.reason


def test_a_spec_that_is_not_toml_is_refused_with_its_file(tmp_path: Path) -> None:
    path = write_spec(tmp_path, "name = ")
    with pytest.raises(SweepSpecError, match=r"small\.toml: is not valid TOML"):
        load_sweep_spec(path)


def test_an_unknown_built_in_lists_the_built_ins() -> None:
    with pytest.raises(SweepSpecError, match="built-ins: cku-saving"):
        load_sweep_spec("cku-savings")


def test_ids_and_places_are_checked_against_the_knowledge_base(
    tmp_path: Path, embedded: Observatory
) -> None:
    text = SPEC.replace('"bcp-khorgos-altynkol-rail"', '"bcp-khorgos-altynkol-rial"')
    text = text.replace('destination = "Tashkent"', 'destination = "Tashkennt"')
    with pytest.raises(SweepSpecError) as caught:
        embedded.sweep_spec(write_spec(tmp_path, text))
    reasons = {issue.field: issue.reason for issue in caught.value.issues}
    assert "Tashkent" in reasons["output.0.destination"]
    assert "did you mean bcp-khorgos-altynkol-rail" in reasons["input.1.ids.0"]


def test_an_uncited_range_is_refused(tmp_path: Path, embedded: Observatory) -> None:
    text = SPEC.replace('source = ["asm-test-range"]', 'source = ["asm-nowhere"]', 1)
    with pytest.raises(SweepSpecError) as caught:
        embedded.sweep_spec(write_spec(tmp_path, text))
    assert [i.field for i in caught.value.issues] == ["input.0.source.0"]


# -- sampling ----------------------------------------------------------------------------
def test_monte_carlo_draws_are_reproducible_and_independent_of_the_count(
    tmp_path: Path,
) -> None:
    spec, _, _ = load_sweep_spec(write_spec(tmp_path))
    more, _, _ = load_sweep_spec(write_spec(tmp_path, SPEC.replace("draws = 8", "draws = 80")))
    first = [draw_values(spec, i) for i in range(8)]
    assert first == [draw_values(spec, i) for i in range(8)]
    assert first == [draw_values(more, i) for i in range(8)]
    reseeded, _, _ = load_sweep_spec(write_spec(tmp_path, SPEC.replace("seed = 7", "seed = 8")))
    assert first != [draw_values(reseeded, i) for i in range(8)]
    speeds = [draw_values(more, i)["cku-speed"] for i in range(80)]
    assert min(speeds) >= 30
    assert max(speeds) <= 60
    assert 40 < float(np.mean(speeds)) < 50  # uniform 30..60 has mean 45
    with pytest.raises(IndexError, match=r"0\.\.7"):
        draw_values(spec, 8)


def test_a_grid_covers_every_combination_once(tmp_path: Path) -> None:
    text = SPEC.replace('method = "monte_carlo"\ndraws = 8', 'method = "grid"\npoints = 4')
    spec, _, _ = load_sweep_spec(write_spec(tmp_path, text))
    assert spec.draw_count() == 16
    draws = {tuple(draw_values(spec, i).values()) for i in range(16)}
    assert len(draws) == 16
    speeds = sorted({d[0] for d in draws})
    assert speeds == pytest.approx([33.75, 41.25, 48.75, 56.25])


@given(
    low=st.floats(-100, 100),
    width=st.floats(0.01, 100),
    share=st.floats(0, 1),
    p=st.floats(0, 1),
)
def test_triangular_quantiles_stay_in_range_and_grow(
    low: float, width: float, share: float, p: float
) -> None:
    distribution = TriangularDistribution(
        kind="triangular", low=low, mode=low + share * width, high=low + width
    )
    value = quantile(distribution, p)
    assert low - 1e-9 <= value <= low + width + 1e-9
    assert quantile(distribution, min(1.0, p + 0.1)) >= value - 1e-9
    assert math.isclose(quantile(distribution, 0.5 * share), quantile(distribution, 0.5 * share))


def test_a_uniform_grid_takes_the_middles_of_equal_slices() -> None:
    grid = grid_values(UniformDistribution(kind="uniform", low=0, high=10), 5)
    assert grid == pytest.approx((1, 3, 5, 7, 9))


# -- drawn scenarios ---------------------------------------------------------------------
def test_a_draw_is_two_complete_scenarios_that_read_back_from_toml(
    tmp_path: Path, embedded: Observatory
) -> None:
    prepared = embedded.sweep_spec(write_spec(tmp_path))
    values = draw_values(prepared.spec, 3)
    scenario_a, scenario_b = embedded.sweep_draw(write_spec(tmp_path), 3)
    assert [c.time_factor for c in scenario_a.crossing] == [values["kz-clearance"]]
    assert scenario_a.link == ()  # the speed applies to side b only
    assert [link.speed_kph for link in scenario_b.link] == [values["cku-speed"]] * 2
    assert scenario_b.project[0].id == "prj-cku-railway"  # the base scenario's own override
    for scenario in (scenario_a, scenario_b):
        text = Observatory.scenario_toml(scenario)
        assert scenario_from_mapping(tomllib.loads(text)) == scenario
        path = tmp_path / f"{scenario.name}.toml"
        path.write_text(text, encoding="utf-8")
        assert embedded.scenario(path) == scenario


def test_a_draw_in_a_loop_reads_its_outputs_from_the_two_networks(
    tmp_path: Path, embedded: Observatory
) -> None:
    prepared = embedded.sweep_spec(write_spec(tmp_path))
    [result] = run_draws_in_loop(embedded.kb.path, prepared, [2])
    scenario_a, scenario_b = prepared.draw(2)
    times = []
    for scenario in (scenario_a, scenario_b):
        route = embedded.route(
            "Kashgar", "Tashkent", modes=["rail"], scenario=scenario, date=prepared.spec.date
        )
        times.append(route.best.time_h)
    assert result.outputs["kashgar-tashkent-h"] == pytest.approx(times[1] - times[0])
    assert result.outputs["kashgar-tashkent-h"] < -10  # the CKU line shortens the rail route
    assert result.outputs["cn-uz-h"] < 0
    assert result.inputs == draw_values(prepared.spec, 2)


# -- summaries ---------------------------------------------------------------------------
def test_summaries_count_draws_without_a_value_apart(tmp_path: Path) -> None:
    spec, _, _ = load_sweep_spec(write_spec(tmp_path))
    values = [float(v) for v in range(1, 11)] + [float("nan")]
    results = [
        DrawResult(i, {}, {"kashgar-tashkent-h": v, "cn-uz-h": float("nan")})
        for i, v in enumerate(values)
    ]
    first, second = summarise(spec, results)
    assert (first.draws, first.missing) == (10, 1)
    assert first.median == pytest.approx(5.5)
    assert first.p10 == pytest.approx(1.9)
    assert first.p90 == pytest.approx(9.1)
    assert (first.min, first.max, first.mean) == (1.0, 10.0, 5.5)
    assert (second.draws, second.missing, second.median) == (0, 11, None)


# -- the output folder -------------------------------------------------------------------
def test_a_folder_with_foreign_files_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SweepFolderError, match="not a caravan sweep's"):
        SweepFolder.open(folder, "small", "a" * 64, "kb", 8)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_folder_of_another_spec_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    SweepFolder.open(folder, "small", "a" * 64, "kb", 8)
    manifest = (folder / MANIFEST).read_bytes()
    with pytest.raises(SweepFolderError, match="another spec"):
        SweepFolder.open(folder, "small", "b" * 64, "kb", 8)
    with pytest.raises(SweepFolderError, match="another knowledge base"):
        SweepFolder.open(folder, "small", "a" * 64, "kb2", 8)
    assert (folder / MANIFEST).read_bytes() == manifest
    (folder / "draws" / "stray.csv").write_text("x", encoding="utf-8")
    with pytest.raises(SweepFolderError, match=r"draws/stray\.csv"):
        SweepFolder.open(folder, "small", "a" * 64, "kb", 8)
    assert (folder / "draws" / "stray.csv").exists()


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(SweepFolderError, match="is not a folder"):
        SweepFolder.open(path, "small", "a" * 64, "kb", 8)
    assert path.read_text(encoding="utf-8") == "x"


def test_draws_are_written_whole_and_read_back(tmp_path: Path) -> None:
    folder = SweepFolder.open(tmp_path / "out", "small", "a" * 64, "kb", 8)
    result = DrawResult(5, {"x": 1.5}, {"y": -2.0, "z": float("nan")})
    folder.save_draw(result)
    leftover = folder.draws_dir / ".draw-00006.parquet.partial-abc123"
    leftover.mkdir()  # what a run killed while writing draw 6 leaves
    (folder.draws_dir / "draw-00007.parquet").write_bytes(b"not parquet")
    reopened = SweepFolder.open(tmp_path / "out", "small", "a" * 64, "kb", 8)
    assert not leftover.exists()
    found = reopened.finished()
    assert list(found) == [5]
    assert found[5].inputs == {"x": 1.5}
    assert found[5].outputs["y"] == -2.0
    assert math.isnan(found[5].outputs["z"])
