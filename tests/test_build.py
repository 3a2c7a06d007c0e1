"""The knowledge base is built atomically and rebuilt when its files change."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from caravan import KnowledgeBaseError, Observatory
from caravan.errors import NotAKnowledgeBaseError
from caravan.store import (
    BuildProgress,
    build_knowledge_base,
    data_digest,
    knowledge_base_is_current,
)
from caravan.store.queries import KnowledgeBase
from caravan.store.schema import SCHEMA_VERSION

NEW_PLACE = "kz-shymkent,Shymkent,Шымкент,奇姆肯特,Шымкент,,kz,city,42.32,69.59,src-test-atlas,\n"


def _add_place(data_dir: Path) -> None:
    with (data_dir / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write(NEW_PLACE)


def _place_ids(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM places")}


def test_a_build_reports_progress_and_records_its_inputs(mini_dir: Path, tmp_path: Path) -> None:
    steps: list[BuildProgress] = []
    result = build_knowledge_base(tmp_path / "kb.sqlite", mini_dir, progress=steps.append)
    assert [s.done for s in steps] == list(range(1, len(steps) + 1))
    assert steps[-1].done == steps[-1].total
    assert result.counts["places"] == 8
    kb = KnowledgeBase(result.path)
    assert kb.meta()["digest"] == data_digest(mini_dir)
    assert kb.meta()["schema_version"] == str(SCHEMA_VERSION)


def test_the_knowledge_base_is_rebuilt_when_a_file_changes(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    Observatory.open(path, mini_dir).close()
    assert knowledge_base_is_current(path, mini_dir)
    _add_place(mini_dir)
    assert not knowledge_base_is_current(path, mini_dir)
    observatory = Observatory.open(path, mini_dir)
    assert observatory.place("Shymkent").place.id == "kz-shymkent"


def test_a_failed_build_leaves_the_previous_knowledge_base(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build_knowledge_base(path, mini_dir)
    before = path.read_bytes()
    (mini_dir / "places.csv").write_text("id,name_en\nbroken,Broken\n", encoding="utf-8")
    with pytest.raises(ValueError, match="data issue"):
        build_knowledge_base(path, mini_dir)
    assert path.read_bytes() == before


def test_an_exception_midway_leaves_no_partial_file(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build_knowledge_base(path, mini_dir)
    _add_place(mini_dir)

    def interrupt(step: BuildProgress) -> None:
        if step.done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_knowledge_base(path, mini_dir, progress=interrupt)
    assert "kz-shymkent" not in _place_ids(path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kb.sqlite.building")]


def test_a_build_killed_midway_leaves_the_previous_knowledge_base(
    mini_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kb.sqlite"
    build_knowledge_base(path, mini_dir)
    previous_digest = KnowledgeBase(path).meta()["digest"]
    _add_place(mini_dir)
    script = textwrap.dedent("""
        import os, signal, sys
        from pathlib import Path
        from caravan.store import build_knowledge_base

        def kill_midway(step):
            if step.done == 6:
                os.kill(os.getpid(), signal.SIGKILL)

        build_knowledge_base(Path(sys.argv[1]), Path(sys.argv[2]), progress=kill_midway)
    """)
    completed = subprocess.run(
        [sys.executable, "-c", script, str(path), str(mini_dir)], check=False
    )
    assert completed.returncode == -signal.SIGKILL
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".kb.sqlite.building-")]
    assert leftovers, "the killed build should have been writing beside the target"
    kb = KnowledgeBase(path)
    assert kb.meta()["digest"] == previous_digest
    assert "kz-shymkent" not in _place_ids(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    build_knowledge_base(path, mini_dir)
    assert "kz-shymkent" in _place_ids(path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kb.sqlite.building-")]


def test_a_file_that_is_not_a_knowledge_base_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not a caravan knowledge base"):
        KnowledgeBase(path)


def test_opening_refuses_a_file_that_is_not_a_knowledge_base(
    mini_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotAKnowledgeBaseError, match="left this one untouched"):
        Observatory.open(path, mini_dir)
    assert path.read_text(encoding="utf-8") == "not a database"
