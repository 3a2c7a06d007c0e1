"""Shared fixtures: a tiny synthetic dataset, knowledge bases built into temporary folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from caravan import Observatory
from caravan.store import KnowledgeBase, default_data_dir

MINI = Path(__file__).parent / "fixtures" / "mini"

# In CI the property tests draw the same examples every run, so a result can be reproduced.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_knowledge_base(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's cache: the default knowledge base lives in a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CARAVAN_KNOWLEDGE_BASE", str(home / "kb.sqlite"))


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A private copy of the synthetic dataset, safe to break."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def mini(tmp_path: Path, mini_dir: Path) -> Iterator[Observatory]:
    """An observatory over the synthetic dataset."""
    observatory = Observatory.open(tmp_path / "mini.sqlite", mini_dir)
    yield observatory
    observatory.close()


@pytest.fixture(scope="session")
def embedded_kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded dataset built once per test session."""
    path = tmp_path_factory.mktemp("embedded") / "kb.sqlite"
    Observatory.build(path, default_data_dir())
    return path


@pytest.fixture
def kb(embedded_kb_path: Path) -> Iterator[KnowledgeBase]:
    """The embedded knowledge base opened directly, for tests below the Python API (a module
    may define its own ``kb``)."""
    knowledge_base = KnowledgeBase(embedded_kb_path)
    yield knowledge_base
    knowledge_base.close()


@pytest.fixture
def embedded(embedded_kb_path: Path) -> Iterator[Observatory]:
    """An observatory over the embedded dataset."""
    observatory = Observatory.open(embedded_kb_path, default_data_dir())
    yield observatory
    observatory.close()
