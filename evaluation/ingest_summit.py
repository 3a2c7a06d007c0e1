"""Check what monitoring reads from the summit text against the facts labelled for it.

Usage: .venv/bin/python evaluation/ingest_summit.py ../shared/seeds/summit-article.txt
       [--expected evaluation/ingest_summit.expected.toml] [--verbose]

The text stays outside the repository; its labels live in
``evaluation/ingest_summit.expected.toml``. Reads the text as ``caravan ingest`` would
with the labels' ``[document]`` metadata as flags, proposes facts against a freshly built
embedded knowledge base, and prints one line per labelled fact: found or not, and the
flags it should carry. Exits 1 when a fact marked ``required`` is not proposed or lacks an
expected flag, 2 when the text or labels cannot be read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ingest_labels import ExpectedFact, LabelError, load_labels, parse_partial_date
from ingest_matching import DocumentScore, score_document
from rich.console import Console

from caravan import Observatory

LABELS = Path(__file__).resolve().parent / "ingest_summit.expected.toml"


def main(argv: Sequence[str] | None = None) -> int:
    """Compare the summit text's proposals with its labels; 0 when every required one holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="the summit text (../shared/seeds/…)")
    parser.add_argument("--expected", type=Path, default=LABELS)
    parser.add_argument("--verbose", action="store_true", help="list the other proposals")
    args = parser.parse_args(argv)
    console = Console()
    try:
        meta, labels = load_labels(args.expected)
        text = args.text.read_text(encoding="utf-8")
    except (LabelError, OSError, ValueError) as error:
        console.print(f"[red]cannot read:[/] {error}")
        return 2
    flat = " ".join(text.split())
    for label in labels:
        quoted = " ".join(str(label.fields.get("evidence", "")).split())
        if quoted and quoted not in flat:
            console.print(f"[yellow]warning:[/] fact {label.index} quotes words not in the text")
    score = _score(args.text, meta, labels)
    _lines(console, labels, score)
    failures = _failures(score)
    found = sum(s.true_positives for s in score.by_kind.values())
    others = len(score.false_positives)
    console.print(f"{found} of {len(labels)} labelled facts proposed; {others} other proposals")
    if args.verbose:
        for fact in score.false_positives:
            payload = fact.payload.model_dump(exclude={"kind"}, exclude_none=True)
            console.print(f"  other: {fact.kind.value} {payload}")
            console.print(f"    evidence: {fact.evidence.sentence.strip()}")
    for failure in failures:
        console.print(f"[red]required:[/] {failure}")
    return 1 if failures else 0


def _score(path: Path, meta: dict[str, str], labels: Sequence[ExpectedFact]) -> DocumentScore:
    from caravan.analysis.ingest import propose, read_document

    day, _ = parse_partial_date(meta["published_on"])
    read = read_document(
        path,
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        published_on=day,
        url=meta.get("url"),
        language=meta.get("language"),
    )
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        try:
            proposals = list(propose(observatory.kb, read.text, read.meta))
        finally:
            observatory.close()
    return score_document(labels, proposals)


def _lines(console: Console, labels: Sequence[ExpectedFact], score: DocumentScore) -> None:
    """One line per labelled fact: proposed or not, required or not, flags expected and raised."""
    found = {id(label): fact for label, fact in score.matched}
    console.print("[bold]summit text: labelled facts[/]")
    for label in labels:
        fact = found.get(id(label))
        mark = "[green]proposed[/]" if fact else "[red]missing [/]"
        required = "required" if label.fields.get("required") else "        "
        console.print(f"{mark} {required} {label.describe()}")
        if label.flags:
            raised = sorted({flag.code.value for flag in fact.flags}) if fact else []
            console.print(f"         flags expected {', '.join(label.flags)}; raised {raised}")


def _failures(score: DocumentScore) -> list[str]:
    failures = [
        f"not proposed: {label.describe()}"
        for label in score.missed
        if label.fields.get("required")
    ]
    failures += [
        f"flag {code} not raised on {label.describe()}"
        for label, code in score.flags_missing
        if label.fields.get("required")
    ]
    return failures


if __name__ == "__main__":
    sys.exit(main())
