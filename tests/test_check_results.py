"""benchmarks/check_results.py names the RESULTS.md sections measured on code changed since."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "check_results.py"


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_results", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_results"] = module
    spec.loader.exec_module(module)
    return module


def test_a_recorded_section_is_current_until_its_files_change(
    check: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "src").mkdir()
    measured = tmp_path / "src" / "fast.py"
    measured.write_text("SPEED = 1\n", encoding="utf-8")
    (tmp_path / "src" / "other.py").write_text("X = 1\n", encoding="utf-8")
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\nHand-written text stays.\n", encoding="utf-8")
    check.record_section("speed", "| a | b |\n|---|---|", ["src/fast.py"], results, tmp_path)
    check.record_section("other", "figures", ["src/other.py"], results, tmp_path)
    text = results.read_text(encoding="utf-8")
    assert "Hand-written text stays." in text
    assert check.stale_sections(text, tmp_path, None) == []
    measured.write_text("SPEED = 2\n", encoding="utf-8")
    assert check.stale_sections(text, tmp_path, None) == ["speed"]
    check.record_section("speed", "| a | c |\n|---|---|", ["src/fast.py"], results, tmp_path)
    text = results.read_text(encoding="utf-8")
    assert check.stale_sections(text, tmp_path, None) == []
    assert text.count("<!-- results speed:") == 1
    assert "| a | c |" in text
    assert "| a | b |" not in text


def test_a_stale_section_warns_by_default_and_fails_when_strict(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "RESULTS.md"
    stale = "<!-- results cli: files=nothing/*.py sha256=" + "0" * 64 + " -->\nold\n"
    results.write_text(stale + "<!-- end results cli -->\n", encoding="utf-8")
    assert check.main(["--results", str(results), "--working-tree"]) == 0
    assert "section 'cli' was measured on code that has changed" in capsys.readouterr().err
    assert check.main(["--results", str(results), "--working-tree", "--strict"]) == 1


def test_the_recorded_results_of_this_repository_parse(check: ModuleType) -> None:
    text = check.RESULTS.read_text(encoding="utf-8")
    assert "cli_startup" in [m["name"] for m in check._SECTION.finditer(text)]
