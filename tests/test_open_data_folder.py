"""Which data a knowledge base is (re)built from when none is named.

A knowledge base remembers the folder it was built from, so that a user's own data folder
keeps being used. Another installation's embedded data (a second checkout, an older
install) is not such a choice: the embedded data of the caravan that opens the file is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from caravan import Observatory
from caravan.store import build_knowledge_base
from caravan.store.build import built_from


def _package_copy(root: Path, mini_dir: Path) -> Path:
    """A folder laid out as another installation's ``caravan/data``."""
    package = root / "site-packages" / "caravan"
    shutil.copytree(mini_dir, package / "data")
    (package / "api.py").write_text('"""Another installation."""\n', encoding="utf-8")
    return package / "data"


def test_a_users_own_data_folder_is_kept(tmp_path: Path, mini_dir: Path) -> None:
    own = tmp_path / "my-data"
    shutil.copytree(mini_dir, own)
    target = tmp_path / "kb.sqlite"
    build_knowledge_base(target, own)
    assert built_from(target) == own


def test_another_installations_embedded_data_is_not_kept(tmp_path: Path, mini_dir: Path) -> None:
    other = _package_copy(tmp_path, mini_dir)
    target = tmp_path / "kb.sqlite"
    build_knowledge_base(target, other)
    assert built_from(target) is None


def test_opening_rebuilds_from_this_installations_data(tmp_path: Path, mini_dir: Path) -> None:
    """A file built from another checkout's data is rebuilt from the embedded data."""
    other = _package_copy(tmp_path, mini_dir)
    target = tmp_path / "kb.sqlite"
    build_knowledge_base(target, other)
    observatory = Observatory.open(target)
    try:
        # the embedded data hold the port of Baku; the synthetic copy does not
        assert observatory.place("Port of Baku (Alat)").place.id == "az-alat"
    finally:
        observatory.close()
    assert built_from(target) not in (None, other)
