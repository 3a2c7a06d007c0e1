"""caravan never writes to a path it did not create: foreign files stay byte-for-byte intact."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from caravan import KnowledgeBaseError, Observatory
from caravan.errors import NotAKnowledgeBaseError
from caravan.store import build_knowledge_base
from caravan.store.journal import STATUS_EVENT, EditJournal, journal_path_for
from caravan.store.ownership import FileKind, file_kind


def _text_file(path: Path) -> Path:
    path.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return path


def _other_database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
        connection.execute("INSERT INTO accounts VALUES (1, 100.0)")
    return path


def _empty_file(path: Path) -> Path:
    path.touch()
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    (path / "inside.txt").write_text("keep", encoding="utf-8")
    return path


def _fingerprint(path: Path) -> str:
    if path.is_dir():
        return ",".join(sorted(f"{p.name}:{_fingerprint(p)}" for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


FOREIGN: dict[str, Callable[[Path], Path]] = {
    "text file": _text_file,
    "another program's database": _other_database,
    "empty file": _empty_file,
    "folder": _folder,
}


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_opening_or_building_a_foreign_path_leaves_it_intact(
    make: Callable[[Path], Path], tmp_path: Path, mini_dir: Path
) -> None:
    path = make(tmp_path / "target")
    before = _fingerprint(path)
    with pytest.raises(NotAKnowledgeBaseError, match="left this one untouched"):
        Observatory.open(path, mini_dir)
    with pytest.raises(NotAKnowledgeBaseError):
        build_knowledge_base(path, mini_dir)
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "target"]


def test_a_journal_is_not_taken_for_a_knowledge_base(tmp_path: Path, mini_dir: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    Observatory.open(kb, mini_dir).close()
    journal = journal_path_for(kb)
    EditJournal(journal).append(STATUS_EVENT, {"event": {}, "source": None})
    assert file_kind(journal)[0] is FileKind.JOURNAL
    before = _fingerprint(journal)
    with pytest.raises(NotAKnowledgeBaseError, match="journal of edits"):
        Observatory.open(journal, mini_dir)
    assert _fingerprint(journal) == before


def test_a_foreign_file_where_the_journal_belongs_is_refused(
    tmp_path: Path, mini_dir: Path
) -> None:
    kb = tmp_path / "kb.sqlite"
    observatory = Observatory.open(kb, mini_dir)
    journal = _text_file(journal_path_for(kb))
    with pytest.raises(KnowledgeBaseError, match="untouched"):
        build_knowledge_base(kb, mini_dir)
    assert journal.read_text(encoding="utf-8").startswith("root:")
    observatory.close()


@pytest.mark.parametrize("command", [["summary"], ["data", "build"], ["place", "Almaty"]])
def test_the_command_line_refuses_a_foreign_kb_in_one_line(
    command: list[str], tmp_path: Path, mini_dir: Path
) -> None:
    path = _text_file(tmp_path / "passwd")
    before = _fingerprint(path)
    completed = subprocess.run(
        [sys.executable, "-m", "caravan", *command, "--kb", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr + completed.stdout
    assert "is not a caravan knowledge base" in completed.stderr
    assert _fingerprint(path) == before
