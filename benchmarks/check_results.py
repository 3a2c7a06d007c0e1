"""Notice stale figures in benchmarks/RESULTS.md: sections measured on code that changed since.

A section written by a benchmark script is framed by two comments::

    <!-- results cli_startup: files=src/caravan/api.py,src/caravan/cli/*.py sha256=1a2b… -->
    …the table and its command…
    <!-- end results cli_startup -->

``files`` are the globs (relative to the repository) the figures depend on, and
``sha256`` their digest when the figures were measured. This script recomputes every
digest over the files as committed in HEAD (``--working-tree``: as they are on disk)
and names each section whose files changed: rerun its command (which records the
table and the new digest) to refresh it. By default a stale section is a warning (exit 0:
code changes every day and figures are re-measured deliberately, not on every commit);
with ``--strict`` it fails (exit 1), for the moment figures are about to be quoted.

Usage: ``.venv/bin/python benchmarks/check_results.py [--strict] [--working-tree]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

__all__ = ["commit_digest", "files_digest", "main", "record_section", "stale_sections"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"

_SECTION = re.compile(
    r"<!-- results (?P<name>[\w.-]+): files=(?P<files>\S+) sha256=(?P<digest>[0-9a-f]{64}) -->"
    r"(?P<body>.*?)<!-- end results (?P=name) -->",
    re.DOTALL,
)


def files_digest(patterns: Sequence[str], root: Path = ROOT) -> str:
    """SHA-256 over the names and bytes of the files matching ``patterns`` (sorted)."""
    hasher = hashlib.sha256()
    paths = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})
    for path in paths:
        hasher.update(path.relative_to(root).as_posix().encode() + b"\x00")
        hasher.update(path.read_bytes() + b"\x00")
    return hasher.hexdigest()


def commit_digest(patterns: Sequence[str], commit: str, root: Path = ROOT) -> str:
    """:func:`files_digest` of the files as they are in ``commit`` (the version measured)."""
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-tree", "-r", "--name-only", commit],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    names = sorted(
        {
            name
            for name in listed
            for pattern in patterns
            if len(PurePosixPath(name).parts) == len(PurePosixPath(pattern).parts)
            and PurePosixPath(name).match(pattern)
        }
    )
    hasher = hashlib.sha256()
    for name in names:
        blob = subprocess.run(
            ["git", "-C", str(root), "show", f"{commit}:{name}"], capture_output=True, check=True
        ).stdout
        hasher.update(name.encode() + b"\x00")
        hasher.update(blob + b"\x00")
    return hasher.hexdigest()


def stale_sections(text: str, root: Path = ROOT, commit: str | None = "HEAD") -> list[str]:
    """Names of the sections of ``text`` whose measured files no longer match their digest.

    Files are compared as committed in ``commit`` (work in progress is not yet the code the
    figures describe), or as they are in the working tree when ``commit`` is None.
    """
    return [
        match["name"]
        for match in _SECTION.finditer(text)
        if (
            files_digest(match["files"].split(","), root)
            if commit is None
            else commit_digest(match["files"].split(","), commit, root)
        )
        != match["digest"]
    ]


def record_section(
    name: str,
    body: str,
    patterns: Sequence[str],
    results: Path = RESULTS,
    root: Path = ROOT,
    commit: str | None = None,
) -> None:
    """Write ``body`` as section ``name`` of the results (replacing it, or appended).

    The digest is of the files in ``commit`` when the figures measured a commit, else of
    the working tree.
    """
    digest = files_digest(patterns, root) if commit is None else commit_digest(patterns, commit)
    opening = f"<!-- results {name}: files={','.join(patterns)} sha256={digest} -->"
    block = f"{opening}\n{body.strip()}\n<!-- end results {name} -->"
    text = results.read_text(encoding="utf-8")
    for match in _SECTION.finditer(text):
        if match["name"] == name:
            text = text[: match.start()] + block + text[match.end() :]
            break
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    temporary = results.with_name(results.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(results)


def main(argv: Sequence[str] | None = None) -> int:
    """Report stale sections by name; exit 1 on any with ``--strict``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail on a stale figure")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--working-tree", action="store_true", help="compare uncommitted files, not HEAD's"
    )
    args = parser.parse_args(argv)
    text = args.results.read_text(encoding="utf-8")
    sections = [m["name"] for m in _SECTION.finditer(text)]
    stale = stale_sections(text, commit=None if args.working_tree else "HEAD")
    for name in stale:
        print(
            f"{'error' if args.strict else 'warning'}: {args.results.name} section {name!r} "
            "was measured on code that has changed since; rerun its command to refresh it",
            file=sys.stderr,
        )
    print(f"{len(sections) - len(stale)} of {len(sections)} recorded section(s) current")
    return 1 if stale and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
