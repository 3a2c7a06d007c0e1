"""Observatory.open takes its paths as strings as well as Path objects."""

from __future__ import annotations

from pathlib import Path

from caravan import Observatory


def test_open_accepts_string_paths(tmp_path: Path, mini_dir: Path) -> None:
    target = tmp_path / "from-strings.sqlite"
    observatory = Observatory.open(str(target), str(mini_dir))
    try:
        assert target.exists()
        assert observatory.summary().tables
    finally:
        observatory.close()
