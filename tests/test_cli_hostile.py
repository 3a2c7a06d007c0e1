"""Hostile invocations of the command line: one `error:` line, an exit code, no traceback.

Each case runs :func:`caravan.cli.main` (the real entry point, with its error mapping) in
this process, from inside a sandbox folder whose every byte is compared before and after:
a refused output path must leave it exactly as it was. A few cases run the installed
`caravan` script in a subprocess to cover the entry point itself.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from caravan import Observatory
from caravan.analysis.routing.query import RouteQuery
from caravan.cli import main
from caravan.store.export import atomic_output

MINI = Path(__file__).parent / "fixtures" / "mini"
LONG = "x" * 100_000

#: (id, argv template, expected exit code). Templates: {kb} a built knowledge base,
#: {sandbox} the watched folder (also the working directory), {file} a regular file in it,
#: {dir} a folder in it, {long} 100 000 characters, {nul} a NUL byte. Special files are
#: only ever made inside the sandbox: a regression must not replace, say, /dev/null.
CORPUS: list[tuple[str, list[str], int]] = [
    # numbers out of range
    ("alternatives-negative", ["route", "Almaty", "Tashkent", "--alternatives", "-1"], 2),
    ("alternatives-too-many", ["route", "Almaty", "Tashkent", "--alternatives", "11"], 2),
    ("alternatives-huge", ["route", "Almaty", "Tashkent", "--alternatives", "9" * 30], 2),
    # dates and years
    ("date-garbage", ["route", "Almaty", "Tashkent", "--date", "garbage"], 2),
    ("date-impossible", ["route", "Almaty", "Tashkent", "--date", "2024-02-30"], 2),
    ("as-of-garbage", ["projects", "--as-of", "soon"], 2),
    ("years-backwards", ["trade", "--years", "2025-2013"], 2),
    ("years-superscript", ["trade", "--years", "²"], 2),
    ("years-arabic-digits", ["trade", "--years", "٢٠٢٤"], 2),
    ("years-long", ["trade", "--years", "{long}"], 2),
    # unknown names and ids, strange text
    ("place-unknown", ["place", "Atlantis"], 2),
    ("place-empty", ["place", ""], 2),
    ("place-nul", ["place", "{nul}"], 2),
    ("place-markup", ["place", "[/bold]"], 2),
    ("place-long", ["place", "{long}"], 2),
    ("project-unknown", ["project", "prj-nope"], 2),
    ("route-unknown", ["route", "Almaty", "Atlantis"], 2),
    ("route-markup", ["route", "[/x]", "Almaty"], 2),
    ("route-via-unknown-crossing", ["route", "Almaty", "Tashkent", "--via", "bcp-nope"], 2),
    ("route-unknown-mode", ["route", "Almaty", "Tashkent", "--mode", "teleport"], 2),
    ("places-unknown-kind", ["places", "--kind", "castle"], 2),
    ("skim-unknown-place", ["skim", "--places", "Atlantis", "--out", "{sandbox}/s.csv"], 2),
    # knowledge-base paths
    ("kb-folder", ["summary", "--kb", "{dir}"], 2),
    ("kb-under-a-file", ["summary", "--kb", "{file}/kb.sqlite"], 2),
    (
        "kb-unwritable",
        ["data", "build", "--kb", "/proc/caravan-nowhere/kb", "--data-dir", "{mini}"],
        2,
    ),
    ("kb-empty", ["summary", "--kb", ""], 2),
    ("kb-nul", ["summary", "--kb", "kb{nul}.sqlite"], 2),
    ("kb-name-too-long", ["summary", "--kb", "{sandbox}/{long}"], 2),
    ("data-dir-empty", ["data", "validate", "--data-dir", ""], 2),
    ("data-dir-a-file", ["data", "validate", "--data-dir", "{file}"], 1),
    # output files
    ("skim-out-folder", ["skim", "--out", "{dir}"], 2),
    ("skim-out-under-a-file", ["skim", "--out", "{file}/skims.omx"], 2),
    ("skim-out-unwritable", ["skim", "--out", "/proc/caravan-nowhere/skims.omx"], 2),
    ("skim-out-empty", ["skim", "--out", ""], 2),
    ("skim-out-pipe", ["skim", "--format", "csv", "--out", "{sandbox}/pipe"], 2),
    ("skim-out-nul", ["skim", "--out", "s{nul}.omx"], 2),
    ("dictionary-out-folder", ["data", "dictionary", "--out", "{dir}"], 2),
    ("dictionary-out-under-a-file", ["data", "dictionary", "--out", "{file}/d.md"], 2),
    ("dictionary-out-unwritable", ["data", "dictionary", "--out", "/proc/caravan-nowhere/d"], 2),
    ("dictionary-out-empty", ["data", "dictionary", "--out", ""], 2),
    ("dictionary-out-name-too-long", ["data", "dictionary", "--out", "{dir}/{long}"], 2),
    # output folders
    ("export-out-a-file", ["data", "export", "--format", "geojson", "--out", "{file}"], 2),
    ("export-out-under-a-file", ["data", "export", "--out", "{file}/export"], 2),
    ("export-out-unwritable", ["data", "export", "--out", "/proc/caravan-nowhere/x"], 2),
    ("export-out-empty", ["data", "export", "--format", "geojson", "--out", ""], 2),
    ("export-target-a-folder", ["data", "export", "--format", "geojson", "--out", "{dir}"], 2),
]

#: Commands that read the knowledge base get `--kb {kb}` unless they name their own.
NEEDS_KB = {"route", "projects", "trade", "place", "project", "places", "skim", "summary"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic dataset built once for the module (outside every sandbox)."""
    path = tmp_path_factory.mktemp("hostile-kb") / "kb.sqlite"
    Observatory.build(path, MINI)
    return path


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A watched folder, also the working directory: a sentinel, a file, a folder, a pipe."""
    root = tmp_path / "sandbox"
    (root / "dir").mkdir(parents=True)
    (root / "dir" / "inner.txt").write_bytes(os.urandom(64))
    (root / "dir" / "places.geojson").mkdir()  # in the way of an export
    (root / "sentinel.bin").write_bytes(os.urandom(256))
    (root / "file").write_text("not a folder\n", encoding="utf-8")
    os.mkfifo(root / "pipe")
    monkeypatch.chdir(root)
    return root


def fingerprint(root: Path) -> dict[str, str]:
    """Every entry under ``root``: files by the SHA-256 of their bytes, others by kind."""
    entries: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode):
            entries[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            entries[key] = f"kind {stat.S_IFMT(mode):o}"
    return entries


def run_main(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Run the `caravan` entry point in this process; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["caravan", *argv])
    monkeypatch.setenv("COLUMNS", "100")
    try:
        main()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    else:  # pragma: no cover - typer always exits
        code = 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def expand(template: list[str], kb: Path, sandbox: Path) -> list[str]:
    """The argv of a corpus case, with a knowledge base for commands that read one."""
    values = {
        "kb": str(kb),
        "sandbox": str(sandbox),
        "file": str(sandbox / "file"),
        "dir": str(sandbox / "dir"),
        "long": LONG,
        "nul": "\x00",
        "mini": str(MINI),
    }
    argv = [part.format(**values) for part in template]
    if argv[0] in NEEDS_KB and "--kb" not in argv:
        argv += ["--kb", str(kb)]
    if argv[:2] == ["data", "export"]:
        argv += ["--kb", str(kb)]
    return argv


def assert_one_line_failure(code: int, expected: int, out: str, err: str) -> None:
    """Exit code as expected, an error said, never a traceback, no runaway line."""
    both = out + err
    assert code == expected, both[-2000:]
    assert "error" in both.lower()
    assert "Traceback" not in both
    assert max(len(line) for line in both.splitlines()) < 1200


@pytest.mark.parametrize(("argv", "expected"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_hostile_invocation_is_one_error_line(
    argv: list[str],
    expected: int,
    kb: Path,
    sandbox: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = fingerprint(sandbox)
    code, out, err = run_main(expand(argv, kb, sandbox), monkeypatch, capsys)
    assert_one_line_failure(code, expected, out, err)
    if err.startswith("error:"):  # caravan's own line, not click's usage box
        assert len(err.splitlines()) == 1, err
    assert fingerprint(sandbox) == before


def test_refused_output_names_the_path_at_fault(
    kb: Path, sandbox: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(
        ["skim", "--kb", str(kb), "--out", str(sandbox / "file" / "s.omx")], monkeypatch, capsys
    )
    assert (code, err) == (2, f"error: {sandbox / 'file'}: is not a folder\n")
    code, _, err = run_main(
        ["data", "export", "--kb", str(kb), "--format", "geojson", "--out", str(sandbox / "dir")],
        monkeypatch,
        capsys,
    )
    assert (code, err) == (
        2,
        f"error: {sandbox / 'dir' / 'places.geojson'}: is a folder; give a file name\n",
    )


def test_outputs_are_written_whole_and_nothing_else(
    kb: Path, sandbox: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(sandbox)
    target = sandbox / "new" / "deeper" / "skims.csv"
    argv = ["skim", "--kb", str(kb), "--places", "Almaty", "--format", "csv", "--out", str(target)]
    code, out, err = run_main(argv, monkeypatch, capsys)
    assert code == 0, err
    assert "1 places" in out
    after = fingerprint(sandbox)
    added = {k: v for k, v in after.items() if k not in before}
    assert set(added) == {"new", "new/deeper", "new/deeper/skims.csv"}
    assert added["new"] == f"kind {stat.S_IFDIR:o}"
    assert {k: after[k] for k in before} == before
    assert target.read_text(encoding="utf-8").startswith("origin,destination,")


def _write_then_fail(target: Path) -> None:
    """Start writing ``target`` atomically, then fail half-way."""
    with atomic_output(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("disk on fire")


def test_a_ctrl_c_as_the_file_is_kept_leaves_it_whole_and_no_folder_behind(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename and the removal of the private folder are one step for a Ctrl-C."""
    rename = os.replace

    def rename_then_ctrl_c(source: Path, target: Path) -> None:
        rename(source, target)
        signal.raise_signal(signal.SIGINT)  # as a terminal's Ctrl-C would, just after

    monkeypatch.setattr(os, "replace", rename_then_ctrl_c)
    target = sandbox / "dir" / "kept.txt"
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as temporary:
        temporary.write_text("whole\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "whole\n"
    assert not [p for p in (sandbox / "dir").iterdir() if ".partial-" in p.name]


def test_a_failed_write_leaves_nothing_behind(sandbox: Path) -> None:
    (sandbox / "dir" / "kept.txt").write_text("old\n", encoding="utf-8")
    before = fingerprint(sandbox)
    for target in (sandbox / "dir" / "kept.txt", sandbox / "a" / "b" / "new.txt"):
        with pytest.raises(RuntimeError, match="disk on fire"):
            _write_then_fail(target)
        assert fingerprint(sandbox) == before
    with atomic_output(sandbox / "dir" / "kept.txt") as temp:
        temp.write_text("new\n", encoding="utf-8")
    assert (sandbox / "dir" / "kept.txt").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in (sandbox / "dir").iterdir()) == [
        "inner.txt",
        "kept.txt",
        "places.geojson",
    ]


@pytest.mark.parametrize("step", ["mkdtemp", "rmtree"])
def test_a_ctrl_c_in_the_bookkeeping_leaves_nothing_behind(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A real SIGINT just after the temporary folder is made, or just before it is removed."""
    module = tempfile if step == "mkdtemp" else shutil
    real = getattr(module, step)

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        if step == "mkdtemp":
            made = real(*args, **kwargs)
            signal.raise_signal(signal.SIGINT)
            return made
        signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)

    before = fingerprint(sandbox)
    monkeypatch.setattr(module, step, interrupted)
    with pytest.raises(KeyboardInterrupt), atomic_output(sandbox / "dir" / "new.txt") as temp:
        temp.write_text("whole\n", encoding="utf-8")
    monkeypatch.undo()
    after = fingerprint(sandbox)
    if step == "rmtree":  # the file was renamed into place before the Ctrl-C
        assert (sandbox / "dir" / "new.txt").read_text(encoding="utf-8") == "whole\n"
        after.pop("dir/new.txt")
    assert after == before


def test_special_files_are_never_replaced(sandbox: Path) -> None:
    before = fingerprint(sandbox)
    with (
        pytest.raises(FileExistsError, match="not a regular file"),
        atomic_output(sandbox / "pipe"),
    ):
        pass  # pragma: no cover - refused before the body runs
    assert fingerprint(sandbox) == before


def test_validation_errors_are_one_line_each_without_the_input(
    kb: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bad_route(self: Observatory, *args: object, **kwargs: object) -> object:
        return RouteQuery.model_validate(
            {"origin": "a", "destination": "b", "alternatives": "7" * 5000, "by": "y" * 5000}
        )

    monkeypatch.setattr(Observatory, "route", bad_route)
    code, _, err = run_main(["route", "A", "B", "--kb", str(kb)], monkeypatch, capsys)
    lines = err.splitlines()
    assert code == 2
    assert len(lines) == 2
    assert all(line.startswith("error: RouteQuery.") for line in lines), lines
    assert "7777777777" not in err
    assert "yyyyyyyyyy" not in err


def test_an_unexpected_error_is_one_line_unless_debugging(
    kb: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: Observatory) -> object:
        raise ZeroDivisionError("boom\nsecond line")

    monkeypatch.setattr(Observatory, "summary", broken)
    monkeypatch.delenv("CARAVAN_DEBUG", raising=False)
    code, _, err = run_main(["summary", "--kb", str(kb)], monkeypatch, capsys)
    assert code == 70
    assert err == (
        "error: internal error (ZeroDivisionError: boom\\nsecond line); "
        "set CARAVAN_DEBUG=1 to see the traceback\n"
    )
    monkeypatch.setenv("CARAVAN_DEBUG", "1")
    code, _, err = run_main(["summary", "--kb", str(kb)], monkeypatch, capsys)
    assert code == 70
    assert "Traceback (most recent call last)" in err
    assert 'raise ZeroDivisionError("boom' in err
    assert err.splitlines()[-1].startswith("error: internal error (ZeroDivisionError")


class _FullStream(io.StringIO):
    """Standard output on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_standard_output_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _FullStream())
    monkeypatch.setattr(sys, "stderr", errors)
    monkeypatch.setattr(sys, "argv", ["caravan", "data", "dictionary"])
    try:
        with pytest.raises(SystemExit) as stop:
            main()
    finally:
        monkeypatch.undo()
    assert stop.value.code == 2
    assert errors.getvalue() == f"error: {os.strerror(errno.ENOSPC)}\n"


@pytest.fixture
def script_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a `caravan` subprocess, its default knowledge base in tmp_path."""
    env = dict(os.environ)
    env["CARAVAN_KNOWLEDGE_BASE"] = str(tmp_path / "home" / "kb.sqlite")
    env.pop("CARAVAN_DEBUG", None)
    env["COLUMNS"] = "100"
    return env


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["route", "Almaty", "Tashkent", "--alternatives", "-1"], 2),
        (["skim", "--kb", "{kb}", "--out", "{dir}"], 2),
        (["data", "dictionary", "--out", "{file}/dictionary.md"], 2),
        (["trade", "--kb", "{kb}", "--years", "²"], 2),
    ],
    ids=["usage-error", "skim-out-folder", "dictionary-under-a-file", "years-superscript"],
)
def test_the_installed_script_prints_no_traceback(
    argv: list[str], expected: int, kb: Path, sandbox: Path, script_env: dict[str, str]
) -> None:
    before = fingerprint(sandbox)
    values = {"kb": str(kb), "dir": str(sandbox / "dir"), "file": str(sandbox / "file")}
    result = subprocess.run(
        [sys.executable, "-m", "caravan", *(part.format(**values) for part in argv)],
        capture_output=True,
        text=True,
        env=script_env,
        cwd=sandbox,
        timeout=60,
        check=False,
    )
    assert_one_line_failure(result.returncode, expected, result.stdout, result.stderr)
    assert fingerprint(sandbox) == before
