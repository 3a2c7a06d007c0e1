"""A sweep's output folder: caravan's own, tied to one spec, one Parquet file per draw.

Layout::

    caravan-sweep.json        manifest: the spec's name and digest, the knowledge base's key
    draws/draw-00017.parquet  one finished draw (its inputs and outputs), written atomically
    draws.parquet             every finished draw in one table
    summary.parquet, .csv     median, 10th–90th percentile, mean, min, max per output

A folder is used only when it is new, empty, or holds the manifest of the same spec and
knowledge base and nothing but the files above; anything else is refused and left
untouched. Files are written aside and renamed into place, so a killed sweep leaves only
whole draws (and private temporaries, removed on the next run).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from caravan.analysis.sweeps.evaluate import DrawResult
from caravan.errors import CaravanError
from caravan.store.export import atomic_output

__all__ = ["MANIFEST", "SweepFolder", "SweepFolderError", "written_draw_count"]

#: The manifest's file name; its presence marks the folder as a caravan sweep's.
MANIFEST = "caravan-sweep.json"

_FORMAT = "caravan sweep"
_DRAW_FILE = re.compile(r"^draw-(\d{5,})\.parquet$")
_OWN_FILES = {MANIFEST, "draws", "draws.parquet", "summary.parquet", "summary.csv"}
_TEMPORARY = re.compile(r"^\..+\.partial-[A-Za-z0-9_]+$")


def written_draw_count(out_dir: Path) -> int:
    """Draw files written whole in a sweep's folder (what an interrupted run keeps)."""
    draws = out_dir / "draws"
    if not draws.is_dir():
        return 0
    return sum(1 for entry in draws.iterdir() if _DRAW_FILE.match(entry.name))


class SweepFolderError(RuntimeError, CaravanError):
    """An output folder caravan may not use for this sweep; nothing in it was touched."""


class SweepFolder:
    """The output folder of one sweep (spec digest), opened for writing draws."""

    def __init__(self, path: Path, manifest: dict[str, object]) -> None:
        self.path = path
        self.manifest = manifest

    @property
    def draws_dir(self) -> Path:
        """Where the per-draw Parquet files go."""
        return self.path / "draws"

    @classmethod
    def open(cls, path: Path, name: str, digest: str, kb_key: str, draws: int) -> SweepFolder:
        """Claim ``path`` for the sweep, or reopen it for the same sweep; refuse anything else."""
        manifest: dict[str, object] = {
            "format": _FORMAT,
            "version": 1,
            "sweep": name,
            "spec_sha256": digest,
            "knowledge_base_key": kb_key,
            "draws": draws,
        }
        if path.exists() and not path.is_dir():
            raise SweepFolderError(f"{path} is not a folder; choose a folder for the sweep")
        existing = sorted(p.name for p in path.iterdir()) if path.is_dir() else []
        if existing and MANIFEST not in existing:
            shown = ", ".join(existing[:3]) + (" …" if len(existing) > 3 else "")
            raise SweepFolderError(
                f"{path} holds files that are not a caravan sweep's ({shown}); caravan writes "
                "only into folders it created, so it left this one untouched: choose a new "
                "or empty folder"
            )
        if existing:
            cls._check_manifest(path, manifest)
            foreign = [n for n in existing if n not in _OWN_FILES and not _TEMPORARY.match(n)]
            if path.joinpath("draws").is_dir():
                foreign += [
                    f"draws/{p.name}"
                    for p in path.joinpath("draws").iterdir()
                    if not _DRAW_FILE.match(p.name) and not _TEMPORARY.match(p.name)
                ]
            if foreign:
                raise SweepFolderError(
                    f"{path} is this sweep's folder but also holds files caravan did not write "
                    f"({', '.join(sorted(foreign)[:3])}); move them away and run again"
                )
        folder = cls(path, manifest)
        folder._clean_temporaries()
        if not existing:
            folder._write_manifest()
        folder.draws_dir.mkdir(parents=True, exist_ok=True)
        return folder

    @staticmethod
    def _check_manifest(path: Path, wanted: dict[str, object]) -> None:
        try:
            found = json.loads(path.joinpath(MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SweepFolderError(f"{path / MANIFEST} cannot be read ({error})") from None
        if not isinstance(found, dict) or found.get("format") != _FORMAT:
            raise SweepFolderError(f"{path / MANIFEST} is not a caravan sweep manifest")
        if found.get("spec_sha256") != wanted["spec_sha256"]:
            raise SweepFolderError(
                f"{path} holds sweep {found.get('sweep')!r} with another spec "
                f"(sha256 {str(found.get('spec_sha256'))[:12]}…, this one "
                f"{str(wanted['spec_sha256'])[:12]}…); its draws would not mix with this "
                "sweep's: choose another folder"
            )
        if found.get("knowledge_base_key") != wanted["knowledge_base_key"]:
            raise SweepFolderError(
                f"{path} holds draws computed on another knowledge base (its content changed "
                "since); they would not mix with new draws: choose another folder"
            )

    def _write_manifest(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        with atomic_output(self.path / MANIFEST) as temporary:
            temporary.write_text(json.dumps(self.manifest, indent=2) + "\n", encoding="utf-8")

    def _clean_temporaries(self) -> None:
        """Remove the private temporaries a killed run left (caravan's own, by name)."""
        for folder in (self.path, self.draws_dir):
            if folder.is_dir():
                for entry in folder.iterdir():
                    if _TEMPORARY.match(entry.name) and entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)

    def draw_path(self, index: int) -> Path:
        """The Parquet file of draw ``index``."""
        return self.draws_dir / f"draw-{index:05d}.parquet"

    def finished(self) -> dict[int, DrawResult]:
        """The draws already written whole (an unreadable file is not counted: redone)."""
        found = {}
        for entry in self.draws_dir.iterdir():
            match = _DRAW_FILE.match(entry.name)
            if not match:
                continue
            try:
                result = _read_draw(entry)
            except (OSError, pa.ArrowException, KeyError, ValueError):
                continue
            if result.draw == int(match[1]):
                found[result.draw] = result
        return found

    def save_draw(self, result: DrawResult) -> Path:
        """Write one draw atomically."""
        path = self.draw_path(result.draw)
        with atomic_output(path) as temporary:
            pq.write_table(_draw_table([result]), temporary)
        return path

    def save_draws(self, results: Iterable[DrawResult]) -> Path:
        """Every finished draw in one table, ``draws.parquet``."""
        path = self.path / "draws.parquet"
        ordered = sorted(results, key=lambda r: r.draw)
        with atomic_output(path) as temporary:
            pq.write_table(_draw_table(ordered), temporary)
        return path


def _draw_table(results: list[DrawResult]) -> pa.Table:
    """Columns: draw, one per input (``input.<name>``), one per output."""
    columns: dict[str, list[float] | list[int]] = {"draw": [r.draw for r in results]}
    if results:
        for name in results[0].inputs:
            columns[f"input.{name}"] = [r.inputs[name] for r in results]
        for name in results[0].outputs:
            columns[name] = [r.outputs[name] for r in results]
    return pa.table(columns)


def _read_draw(path: Path) -> DrawResult:
    table = pq.read_table(path).to_pylist()
    if len(table) != 1:
        raise ValueError(f"{path} holds {len(table)} rows, not one draw")
    row = table[0]
    inputs = {k[len("input.") :]: float(v) for k, v in row.items() if k.startswith("input.")}
    outputs = {
        k: float("nan") if v is None else float(v)
        for k, v in row.items()
        if k != "draw" and not k.startswith("input.")
    }
    return DrawResult(int(row["draw"]), inputs, outputs)
