"""Speed of the reading rules against an earlier version of themselves, side by side.

Usage: .venv/bin/python benchmarks/ingest_rules_versions.py [--base ce515a8] [--repeat 5] [--record]

Extracts ``src/caravan/analysis/ingest`` as it was at ``--base`` (``git archive``) into a
temporary package, then proposes the facts of every ``.txt`` text of the development
corpus with both versions, alternating runs, against one embedded knowledge base. Prints
the best of ``--repeat`` runs of each and their ratio; ``--record`` writes the table to
``benchmarks/RESULTS.md``. The default base is the commit before the generalisation round
of 1 December 2026.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

from check_results import record_section

from caravan import Observatory
from caravan.analysis.ingest import propose, read_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "evaluation" / "ingest_corpus"
SECTION = "ingest_rules_versions"
FILES = [
    "src/caravan/analysis/ingest/*.py",
    "src/caravan/analysis/ingest/vocabulary.csv",
    "benchmarks/ingest_rules_versions.py",
]
PACKAGE = "caravan.analysis.ingest"


def earlier_rules(base: str, folder: Path) -> ModuleType:
    """The ingest package as it was at commit ``base``, importable as ``earlier_ingest``."""
    archive = folder / "base.tar"
    with archive.open("wb") as handle:
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", base, "src/caravan/analysis/ingest"],
            stdout=handle,
            check=True,
        )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    package = folder / "earlier_ingest"
    (folder / "src" / "caravan" / "analysis" / "ingest").rename(package)
    for source in package.glob("*.py"):
        source.write_text(
            source.read_text(encoding="utf-8").replace(PACKAGE, "earlier_ingest"),
            encoding="utf-8",
        )
    sys.path.insert(0, str(folder))
    return importlib.import_module("earlier_ingest")


def main(argv: list[str] | None = None) -> int:
    """Measure both versions and print (and with ``--record`` save) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="ce515a8")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    texts = [read_text(_body(p), language=_language(p)) for p in sorted(CORPUS.glob("*.txt"))]
    characters = sum(len(t.text) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        earlier = earlier_rules(args.base, Path(folder))
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        try:
            times: dict[str, list[float]] = {"earlier": [], "current": []}
            for _ in range(args.repeat + 1):  # the first round warms caches and is dropped
                for name, run in (("earlier", earlier.propose), ("current", propose)):
                    start = time.perf_counter()
                    for read in texts:
                        run(observatory.kb, read.text, read.meta)
                    times[name].append((time.perf_counter() - start) * 1000)
        finally:
            observatory.close()
    best = {name: min(values[1:]) for name, values in times.items()}
    cold = {name: values[0] for name, values in times.items()}
    table = "\n".join(
        [
            "| rules | propose facts for the corpus (ms) | ratio to earlier "
            "| first run, caches cold (ms) | ratio to earlier |",
            "|---|---|---|---|---|",
            f"| at {args.base} (earlier) | {best['earlier']:.0f} | 1.00 "
            f"| {cold['earlier']:.0f} | 1.00 |",
            f"| working tree (current) | {best['current']:.0f} | "
            f"{best['current'] / best['earlier']:.2f} | {cold['current']:.0f} | "
            f"{cold['current'] / cold['earlier']:.2f} |",
        ]
    )
    command = (
        f"`.venv/bin/python benchmarks/ingest_rules_versions.py --base {args.base} "
        f"--repeat {args.repeat} --record`"
    )
    body = "\n".join(
        [
            "## Monitoring: reading rules against their earlier version",
            "",
            f"Command: {command}",
            "",
            f"Corpus: the {len(texts)} `.txt` texts of `evaluation/ingest_corpus/`, "
            f"{characters:,} characters; best of {args.repeat} alternating runs.",
            "",
            table,
            "",
            "A ratio above 1 means the current rules take longer: they try more patterns per",
            "sentence (each round of rules adds readers).",
            "The first run builds the gazetteer and fills the word caches (for the current",
            "rules also the pymorphy3 analyser and its lemmas); later runs reuse them.",
        ]
    )
    print(body)
    if args.record:
        record_section(SECTION, body, FILES)
    return 0


def _body(path: Path) -> str:
    """A corpus text without its front matter."""
    text = path.read_text(encoding="utf-8")
    return text.split("---", 2)[2] if text.startswith("---") else text


def _language(path: Path) -> str:
    return "ru" if "-ru-" in path.name else "en"


if __name__ == "__main__":
    sys.exit(main())
