"""Precision and recall of monitoring's extraction on the labelled corpus.

Usage: .venv/bin/python evaluation/ingest_quality.py [--verbose] [--min-precision 0.9]
       [--min-recall 0.8] [--min-kind 0.7] [--corpus DIR [--corpus DIR …]] [--only TEXT]
       [--record]

Reads every text of ``evaluation/ingest_corpus/`` the way ``caravan ingest`` does (a
``.txt`` text without its front matter, whose keys are given as the command's flags
would give them; an ``.html`` page as saved, its metadata read from its own tags; a
``.pdf`` as saved, with its URL and language given as flags),
proposes facts against a freshly built embedded knowledge base, matches them to the
labels (see ``ingest_matching``) and prints precision, recall and F1 per fact kind, per
language and overall. ``--corpus`` repeated scores each folder and then all of them
together; the thresholds apply to the sets together. ``--verbose`` lists every miss and every false positive with its
evidence sentence. Exits 1 when overall precision or recall, or any kind's precision or
recall, is below its threshold; 2 when the corpus or the engine cannot be read.
``--record`` writes the table to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest_labels import CORPUS, Document, LabelError, load_corpus
from ingest_matching import DocumentScore, Score, score_document
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from caravan import Observatory
from caravan.model.enums import DatePrecision
from caravan.model.proposals import DocumentMeta, FactKind, ProposedFact
from caravan.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
SECTION = "ingest_quality"
MEASURED_FILES = ("src/caravan/analysis/ingest/*", "evaluation/ingest_*.py")


def main(argv: Sequence[str] | None = None) -> int:
    """Score the engine on each corpus (and on them together); 0 when every threshold is met."""
    args = _arguments(argv)
    console = Console()
    corpora: list[Path] = args.corpus or [CORPUS]
    try:
        sets = [
            (corpus, [d for d in load_corpus(corpus) if not args.only or args.only in d.name])
            for corpus in corpora
        ]
    except (LabelError, OSError, ValueError) as error:
        console.print(f"[red]corpus unreadable:[/] {error}")
        return 2
    if args.record and not args.only:
        outside = [c for c in corpora if not c.resolve().is_relative_to(ROOT)]
        if outside:
            console.print("[red]not recorded:[/] only a corpus inside the repository is recorded")
            return 2
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        try:
            scored = []
            with Progress(transient=True, console=console) as progress:
                for corpus, documents in sets:
                    name = _folder_name(corpus)
                    track = progress.track(documents, description=f"reading {name}")
                    scored.append((corpus, [(doc, _score(observatory.kb, doc)) for doc in track]))
        finally:
            observatory.close()
    tables = [(corpus, *_table(scores, _folder_name(corpus))) for corpus, scores in scored]
    everything = [pair for _, scores in scored for pair in scores]
    for _, table, _ in tables:
        console.print(table)
    combined_table, totals = _table(everything, f"{len(scored)} sets together")
    if len(scored) > 1:
        console.print(combined_table)
    flags_expected = sum(s.flags_expected for _, s in everything)
    flags_raised = sum(s.flags_raised for _, s in everything)
    console.print(f"expected flags raised on matched facts: {flags_raised} of {flags_expected}")
    if args.verbose:
        _listing(console, everything)
    failures = _failures(totals, args)
    for failure in failures:
        console.print(f"[red]below threshold:[/] {failure}")
    if args.record and not args.only:
        for corpus, table, _ in tables:
            _record(table, [d for d, _ in dict(scored)[corpus]], corpus)
        if len(scored) > 1:
            _record_combined(combined_table, scored)
    return 1 if failures else 0


def _folder_name(corpus: Path) -> str:
    """The corpus folder as written from the repository (or as given, outside it)."""
    resolved = corpus.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(corpus)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a labelled folder (repeat it to score several, each and together);"
        " default: evaluation/ingest_corpus",
    )
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--min-recall", type=float, default=0.8)
    parser.add_argument("--min-kind", type=float, default=0.7, help="per kind, P and R")
    parser.add_argument("--record", action="store_true", help="write benchmarks/RESULTS.md")
    parser.add_argument("--only", metavar="TEXT", help="score only texts whose name contains TEXT")
    return parser.parse_args(argv)


def _score(kb: KnowledgeBase, doc: Document) -> DocumentScore:
    """Read one corpus text as `caravan ingest` would and match its proposals."""
    from caravan.analysis.ingest import propose

    text, meta = read_labelled_text(doc)
    proposals: list[ProposedFact] = list(propose(kb, text, meta))
    return score_document(doc.expected, proposals)


def read_labelled_text(doc: Document) -> tuple[str, DocumentMeta]:
    """A labelled text and its metadata as `caravan ingest` reads them: a saved page or PDF
    as it is, a ``.txt`` text without its front matter, whose keys stand for the flags."""
    from caravan.analysis.ingest import read_document

    if doc.path.suffix == ".html":
        read = read_document(doc.path)
        return read.text, read.meta
    if doc.path.suffix == ".pdf":  # PDFs have no standard place for a URL or a language
        read = read_document(doc.path, url=doc.meta.get("url"), language=doc.meta.get("language"))
        return read.text, read.meta
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / doc.path.name
        body.write_text(doc.body, encoding="utf-8")
        published_on, precision = _publication(doc.meta.get("published_on", ""))
        read = read_document(
            body,
            title=doc.meta.get("title"),
            publisher=doc.meta.get("publisher"),
            published_on=published_on,
            url=doc.meta.get("url"),
            language=doc.meta.get("language"),
        )
        return read.text, read.meta.model_copy(update={"published_precision": precision})


def _publication(text: str) -> tuple[dt.date | None, DatePrecision]:
    """The publication date and how precisely it is known, read as `caravan ingest --date`
    reads it (a month or a year is passed as its first day, at that precision)."""
    from caravan.api import partial_date

    try:
        return partial_date(text)
    except ValueError:
        return None, DatePrecision.DAY


def _table(
    scores: list[tuple[Document, DocumentScore]], name: str
) -> tuple[Table, dict[str, Score]]:
    totals: dict[str, Score] = defaultdict(Score)
    for doc, score in scores:
        for kind, counts in score.by_kind.items():
            totals[kind].add(counts)
            totals["all"].add(counts)
            totals[f"language {doc.language}"].add(counts)
    title = f"ingest quality on {len(scores)} labelled texts ({name})"
    table = Table(title=title, title_justify="left")
    for column in ("scope", "labelled", "proposed", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    rows = [k.value for k in FactKind] + sorted(k for k in totals if k.startswith("language"))
    for name in [*rows, "all"]:
        s = totals[name]
        table.add_row(
            name,
            str(s.true_positives + s.false_negatives),
            str(s.true_positives + s.false_positives),
            str(s.true_positives),
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
        )
    return table, totals


def _failures(totals: dict[str, Score], args: argparse.Namespace) -> list[str]:
    overall = totals["all"]
    failures = []
    if overall.precision < args.min_precision:
        failures.append(f"overall precision {overall.precision:.2f} < {args.min_precision}")
    if overall.recall < args.min_recall:
        failures.append(f"overall recall {overall.recall:.2f} < {args.min_recall}")
    for kind in FactKind:
        s = totals[kind.value]
        for name, value in (("precision", s.precision), ("recall", s.recall)):
            if value < args.min_kind:
                failures.append(f"{kind.value} {name} {value:.2f} < {args.min_kind}")
    return failures


def _listing(console: Console, scores: list[tuple[Document, DocumentScore]]) -> None:
    for doc, score in scores:
        if not (score.missed or score.false_positives or score.flags_missing):
            continue
        console.print(f"\n[bold]{doc.name}[/]")
        for label in score.missed:
            console.print(f"  [yellow]missed[/] {label.describe()}")
            console.print(f"    evidence: {label.fields.get('evidence', '?')}")
        for fact in score.false_positives:
            payload = fact.payload.model_dump(exclude={"kind"}, exclude_none=True)
            console.print(f"  [red]false positive[/] {fact.kind.value} {payload}")
            console.print(f"    evidence: {fact.evidence.sentence.strip()}")
        for label, code in score.flags_missing:
            console.print(f"  [magenta]flag not raised[/] {code} on {label.describe()}")


def _record(table: Table, documents: list[Document], corpus: Path) -> None:
    """Write the table under the corpus's own section of benchmarks/RESULTS.md."""
    check_results = _check_results()
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(table)
    languages = sorted({d.language for d in documents})
    folder = corpus.resolve().relative_to(ROOT).as_posix()
    main_set = corpus.resolve() == CORPUS.resolve()
    command = "`.venv/bin/python evaluation/ingest_quality.py --record"
    command += "`" if main_set else f" --corpus {folder}`"
    heading, note = _section_heading(corpus)
    body = "\n".join(
        [
            heading,
            "",
            *note,
            f"{len(documents)} texts ({', '.join(languages)}), "
            f"{sum(len(d.expected) for d in documents)} labelled facts, measured "
            f"{dt.date.today().isoformat()} with",
            f"{command}:",
            "",
            "```",
            console.export_text().rstrip(),
            "```",
        ]
    )
    files = [*MEASURED_FILES, f"{folder}/*"]
    name = SECTION if main_set else f"{SECTION}_{corpus.resolve().name.removeprefix('ingest_')}"
    check_results.record_section(name, body, files)


def _section_heading(corpus: Path) -> tuple[str, list[str]]:
    """The RESULTS.md heading of a folder's section and what its figures can claim."""
    name = corpus.resolve().name
    if corpus.resolve() == CORPUS.resolve():
        return "## Monitoring: precision and recall on the labelled set (first development set)", []
    later = ROUND_20_NOTE if name in ROUND_20_SETS else []
    if name in DEVELOPMENT_SETS:
        ordinal, note = DEVELOPMENT_SETS[name]
        return f"## Monitoring: precision and recall on the {ordinal} development set", [
            *note,
            *later,
        ]
    if name in FRESH_SETS:
        return f"## Monitoring: precision and recall on the fresh set `{name}`", [
            *FRESH_SETS[name],
            *later,
        ]
    folder = corpus.resolve().relative_to(ROOT).as_posix()
    return f"## Monitoring: precision and recall on `{folder}`", []


def _record_combined(
    table: Table, scored: list[tuple[Path, list[tuple[Document, DocumentScore]]]]
) -> None:
    """Write the table of several sets together under its own section of RESULTS.md."""
    check_results = _check_results()
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(table)
    folders = [_folder_name(corpus) for corpus, _ in scored]
    documents = [d for _, pairs in scored for d, _ in pairs]
    command = "`.venv/bin/python evaluation/ingest_quality.py --record"
    command += "".join(f" --corpus {f}" for f in folders) + "`"
    body = "\n".join(
        [
            "## Monitoring: precision and recall on the development sets together",
            "",
            *COMBINED_NOTE,
            f"{len(documents)} texts in {len(folders)} folders ({', '.join(folders)}), "
            f"{sum(len(d.expected) for d in documents)} labelled facts, measured "
            f"{dt.date.today().isoformat()} with",
            f"{command}:",
            "",
            "```",
            console.export_text().rstrip(),
            "```",
        ]
    )
    files = [*MEASURED_FILES, *(f"{f}/*" for f in folders)]
    check_results.record_section(f"{SECTION}_together", body, files)


def _check_results() -> Any:
    """benchmarks/check_results.py, loaded from its path (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "check_results", ROOT / "benchmarks" / "check_results.py"
    )
    assert spec is not None
    assert spec.loader is not None
    check_results = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_results)
    return check_results


#: What the figures of the sets together claim (above their table).
COMBINED_NOTE = [
    "Every folder here is a development set: the rules were written against its misses.",
    "The goals are precision ≥ 0.9, recall ≥ 0.8 and no kind below 0.7. Since round 24 they",
    "are met here (status events with one fact to spare) and `.ci/run` gates these twenty",
    "together at the goals. Only texts the rules have not read measure how far the rules",
    "carry: round 24 was written from these sets' misses and moved sets 20–37 from 399 to 419",
    "matched of 865 (precision 0.69 → 0.70, recall 0.46 → 0.48), and each fresh pair scored on",
    'first reading stood at 0.6–0.8 precision and 0.36–0.51 recall (docs/ingest.md, "Known',
    'limits").',
    "",
]


#: What the ninth development set's figures can and cannot claim (above its table).
NINTH_SET_NOTE = [
    "The 31 texts of `evaluation/ingest_heldout8/` were written as a held-out set and first",
    "scored once as such (P 0.57 / R 0.21, before any rule was written against them; a second,",
    "independent labelling agrees with the first at F1 0.92); their misses and false positives",
    "have since been read, by category, to write the ninth round's rules, so they are",
    "development material now.",
    "",
]

#: What the tenth development set's figures can and cannot claim (above its table).
TENTH_SET_NOTE = [
    "The 30 texts of `evaluation/ingest_heldout9/` were written as a held-out set and first",
    "scored once as such (P 0.74 / R 0.53, before any rule was written against them; a second,",
    "independent labelling agrees with the first at F1 0.97); their misses and false positives",
    "have since been read, by category, to write the tenth round's rules, so they are",
    "development material now.",
    "",
]

#: What the eleventh development set's figures can and cannot claim (above its table).
ELEVENTH_SET_NOTE = [
    "The 25 texts of `evaluation/ingest_heldout10/` were written as a held-out set and first",
    "scored once as such after round 10 (P 0.61 / R 0.40, before any rule was written against",
    "them; a second, independent labelling agrees with the first at F1 0.95); their misses and",
    "false positives have since been read, by category, to write the eleventh round's rules, so",
    "they are development material now.",
    "",
]

#: What the twelfth development set's figures can and cannot claim (above its table).
TWELFTH_SET_NOTE = [
    "The 29 texts of `evaluation/ingest_heldout11/` were written as a held-out set and first",
    "scored once as such after round 11 (P 0.68 / R 0.53, before any rule was written against",
    "them; a second, independent labelling agrees with the first at F1 0.91); their misses and",
    "false positives have since been read, by category, to write the twelfth round's rules, so",
    "they are development material now.",
    "",
]

#: What the thirteenth development set's figures can and cannot claim (above its table).
THIRTEENTH_SET_NOTE = [
    "The 31 texts of `evaluation/ingest_heldout12/` were written blind as a held-out set and",
    "first scored once as such after round 12 (P 0.45 / R 0.32, before any rule was written",
    "against them; a second, independent labelling agrees with the first at F1 0.96, or P / R",
    "0.92 / 0.98 without the twelve names its second labeller saw); their misses and false positives have",
    "since been read, by category, to write the thirteenth round's rules, so they are",
    "development material now.",
    "",
]

#: What the fourteenth development set's figures can and cannot claim (above its table).
FOURTEENTH_SET_NOTE = [
    "The 26 texts of `evaluation/ingest_heldout13/` were written blind as a held-out set and",
    "first scored once as such after round 12, beside `ingest_heldout12` (P 0.79 / R 0.49,",
    "before any rule was written against them; a second, independent labelling agrees with the",
    "first at F1 0.91); their misses and false positives have since been read, by category, to",
    "write the thirteenth round's rules, so they are development material now.",
    "",
]

#: What the fifteenth development set's figures can and cannot claim (above its table).
FIFTEENTH_SET_NOTE = [
    "The 26 texts of `evaluation/ingest_heldout14/` were written blind as a held-out set and",
    "first scored once as such after round 13 (P 0.69 / R 0.48, 20 of 42, before any rule was",
    "written against them; a second, independent labelling agrees with the first at F1 0.89);",
    "their labels were read again under rules 44–53, and their misses and false positives have",
    "since been read to write round 14's rules, so they are development material now.",
    "",
]

#: What the sixteenth development set's figures can and cannot claim (above its table).
SIXTEENTH_SET_NOTE = [
    "The 28 texts of `evaluation/ingest_heldout15/` were written blind as a held-out set and",
    "first scored once as such after round 13, beside `ingest_heldout14` (P 0.55 / R 0.41, 17",
    "of 41, before any rule was written against them; a second, independent labelling agrees",
    "with the first at F1 0.96); their misses and false positives have since been read to write",
    "round 14's rules, so they are development material now.",
    "",
]

#: What the seventeenth to twentieth development sets' figures can and cannot claim.
SEVENTEENTH_SET_NOTE = [
    "The 26 texts of `evaluation/ingest_heldout16/` were written blind as a held-out set and",
    "first scored once as such after round 13 (P 0.45 / R 0.40, 18 of 45; a second, independent",
    "labelling agrees with the first at F1 0.96); round 14, written on other texts, changed no",
    "proposal on them; their misses and false positives have since been read to write round",
    "15's rules, so they are development material now.",
    "",
]
EIGHTEENTH_SET_NOTE = [
    "The 28 texts of `evaluation/ingest_heldout17/` were written blind as a held-out set and",
    "first scored once as such after round 13, beside `ingest_heldout16` (P 0.69 / R 0.37, 22",
    "of 60; a second labelling agrees at F1 0.94); round 14 changed no proposal on them; their",
    "misses and false positives have since been read to write round 15's rules, so they are",
    "development material now.",
    "",
]
NINETEENTH_SET_NOTE = [
    "The 25 texts of `evaluation/ingest_heldout18/` were written blind as a held-out set and",
    "first scored once as such after round 15 (P 0.70 / R 0.44, 30 of 68; 29 before the round;",
    "a second, independent labelling agrees with the first at F1 0.92); their misses and",
    "false positives have since been read to write round 16's rules, so they are development",
    "material now.",
    "",
]
TWENTIETH_SET_NOTE = [
    "The 27 texts of `evaluation/ingest_heldout19/` were written blind as a held-out set and",
    "first scored once as such after round 15, beside `ingest_heldout18` (P 0.67 / R 0.39, 22 of",
    "57; identical before the round; a second labelling agrees at F1 0.95); their misses and",
    "false positives have since been read to write round 16's rules, so they are development",
    "material now.",
    "",
]

TWENTY_FIRST_SET_NOTE = [
    "The 24 texts of `evaluation/ingest_heldout20/` were written blind as a held-out set and",
    "first scored once as such after round 16 (P 0.57 / R 0.47, 20 of 43; a second, independent",
    "labelling agrees with the first at F1 0.98); round 17 was then written from its false",
    "positives and misses, so it is development material now. `.ci/run` prints it beside the",
    "gated sets, not gated: with it and the twenty-second set the goal's recall is not met.",
    "",
]
TWENTY_SECOND_SET_NOTE = [
    "The 25 texts of `evaluation/ingest_heldout21/` were written blind as a held-out set and",
    "first scored once as such after round 16 (P 0.66 / R 0.51, 27 of 53; a second labelling",
    "agrees at F1 0.93 on the 23 texts labelled blind); round 17 was then written from its",
    "false positives and misses, so it is development material now, printed beside the gated",
    "sets, not gated.",
    "",
]

#: What the eighth development set's figures can and cannot claim (above its table).
EIGHTH_SET_NOTE = [
    "The 30 texts of `evaluation/ingest_heldout7/` were written as a held-out set and first",
    "scored once as such (P 0.59 / R 0.18, before any rule was written against them); their",
    "misses and false positives have since been read, by category, to write the eighth round's",
    "rules, so they are development material now.",
    "",
]

#: What the seventh development set's figures can and cannot claim (above its table).
SEVENTH_SET_NOTE = [
    "The 31 texts of `evaluation/ingest_heldout6/` were written as a held-out set and first",
    "scored once as such (P 0.45 / R 0.30, before any rule was written against them); their",
    "misses have since been read to find categories of language the rules lacked, so they are",
    "development material now.",
    "",
]

#: What the sixth development set's figures can and cannot claim (above its table).
SIXTH_SET_NOTE = [
    "The 36 texts of `evaluation/ingest_heldout5/` were written as a held-out set and first",
    "scored unseen (precision 0.51, recall 0.32 on 1 December 2026). Their misses and false",
    "positives have since been read, by category, to write general rules, so they are",
    "development material now.",
    "",
]

#: What the fifth development set's figures can and cannot claim (above its table).
FIFTH_SET_NOTE = [
    "The 32 texts of `evaluation/ingest_heldout4/` were written as a held-out set and first",
    "scored unseen (precision 0.53, recall 0.19 on 1 December 2026). Their misses and false",
    "positives have since been read, by category, to write general rules (and a statistical",
    "model for Russian place names), so they are development material now.",
    "",
]

FOURTH_SET_NOTE = [
    "The 33 texts of `evaluation/ingest_heldout3/` were written as a held-out set and first",
    "scored unseen (precision 0.63, recall 0.26 on 1 December 2026). Their misses and false",
    "positives have since been read, by category, to write general rules, so they are",
    "development material now.",
    "",
]

#: What the third development set's figures can and cannot claim (above its table).
THIRD_SET_NOTE = [
    "The 28 texts of `evaluation/ingest_heldout2/` were written as a held-out set and first",
    "scored unseen (precision 0.59, recall 0.30 on 1 December 2026). Their misses and false",
    "positives have since been read, by category, to write general rules (Russian morphology",
    "among them), so they are development material now.",
    "",
]

#: What the second development set's figures can and cannot claim (above its table).
SECOND_SET_NOTE = [
    "Texts 60–74 and 01–06 of `evaluation/ingest_heldout/` were written as a held-out set and",
    "first scored unseen (precision 0.81, recall 0.59 on 1 December 2026). Their misses have",
    "since been read to find categories of language the rules lacked, so they are development",
    "material now, like the labelled set; texts the rules have not read are scored apart.",
    "",
]


#: Folders that were written as held-out sets and have since been read to write rules:
#: their ordinal among the development sets and what their figures can claim.
DEVELOPMENT_SETS: dict[str, tuple[str, list[str]]] = {
    "ingest_heldout": ("second", SECOND_SET_NOTE),
    "ingest_heldout2": ("third", THIRD_SET_NOTE),
    "ingest_heldout3": ("fourth", FOURTH_SET_NOTE),
    "ingest_heldout4": ("fifth", FIFTH_SET_NOTE),
    "ingest_heldout5": ("sixth", SIXTH_SET_NOTE),
    "ingest_heldout6": ("seventh", SEVENTH_SET_NOTE),
    "ingest_heldout7": ("eighth", EIGHTH_SET_NOTE),
    "ingest_heldout8": ("ninth", NINTH_SET_NOTE),
    "ingest_heldout9": ("tenth", TENTH_SET_NOTE),
    "ingest_heldout10": ("eleventh", ELEVENTH_SET_NOTE),
    "ingest_heldout11": ("twelfth", TWELFTH_SET_NOTE),
    "ingest_heldout12": ("thirteenth", THIRTEENTH_SET_NOTE),
    "ingest_heldout13": ("fourteenth", FOURTEENTH_SET_NOTE),
    "ingest_heldout14": ("fifteenth", FIFTEENTH_SET_NOTE),
    "ingest_heldout15": ("sixteenth", SIXTEENTH_SET_NOTE),
    "ingest_heldout16": ("seventeenth", SEVENTEENTH_SET_NOTE),
    "ingest_heldout17": ("eighteenth", EIGHTEENTH_SET_NOTE),
    "ingest_heldout18": ("nineteenth", NINETEENTH_SET_NOTE),
    "ingest_heldout19": ("twentieth", TWENTIETH_SET_NOTE),
    "ingest_heldout20": ("twenty-first", TWENTY_FIRST_SET_NOTE),
    "ingest_heldout21": ("twenty-second", TWENTY_SECOND_SET_NOTE),
}

#: Folders written blind as held-out sets, that no rule has been written against.
#: The sets whose misses round 20 was written from (docs/ingest.md), read together.
ROUND_20_SETS = frozenset(f"ingest_heldout{n}" for n in range(20, 34))
ROUND_20_NOTE = [
    "Round 20 (tests/test_ingest_round20.py) was written later from the status events missed",
    "and falsely proposed on sets 20–33 read together, and round 21 (tests/test_ingest_round21.py)",
    "from their false figures, so for the rules since then this set is a development set as well;",
    "the first scores above stand as measured.",
    "",
]
FRESH_SETS: dict[str, list[str]] = {
    "ingest_heldout22": [
        "The texts of `evaluation/ingest_heldout22/` were written blind as a held-out set (their",
        "writer never opened the rules, their tests or the extractor's output) and labelled by the",
        "corpus rules 1–53. Scored once, after round 17, with the labels as written: P 0.67 /",
        "R 0.46 (30 of 65); every proposal the same at the commit before round 15 and after round",
        "16. No extraction rule has been written against its texts; its scores, with sets 14–23,",
        "showed the document's-one-project reading wrong far more often than right, and that",
        "reading was removed after a test on sets 24 and 25 (docs/ingest.md).",
        "",
    ],
    "ingest_heldout23": [
        "The texts of `evaluation/ingest_heldout23/` were written blind as a held-out set by another",
        "writer than `ingest_heldout22`'s and labelled by the corpus rules 1–53. Scored once, after",
        "round 17, with the labels as written: P 0.65 / R 0.54 (28 of 52); every proposal the same",
        "at the commit before round 15 and after round 16. No extraction rule has been written",
        "against its texts; its scores entered the measure that led to the test on sets 24 and 25",
        "(the document's-one-project reading, removed since: docs/ingest.md).",
        "",
    ],
    "ingest_heldout24": [
        "The 24 texts of `evaluation/ingest_heldout24/` were written blind as a held-out set (their",
        "writer never opened the rules, their tests or the extractor's output) and labelled by the",
        "corpus rules 1–53; a second, independent labelling agrees at F1 0.98. Scored once at",
        "`2c85b9d`, with the labels as written: P 0.46 / R 0.41 (23 of 56); then without the",
        "document's-one-project reading, as declared before (docs/ingest.md): 0.52 / 0.41. No",
        "extraction rule has been written against it.",
        "",
    ],
    "ingest_heldout25": [
        "The 24 texts of `evaluation/ingest_heldout25/` were written blind as a held-out set by",
        "another writer than `ingest_heldout24`'s and labelled by the corpus rules 1–53; a second,",
        "independent labelling agrees at F1 0.94. Scored once at `2c85b9d`, with the labels as",
        "written: P 0.46 / R 0.32 (12 of 38); then without the",
        "document's-one-project reading, as declared before (docs/ingest.md): 0.48 / 0.29. No",
        "extraction rule has been written against it.",
        "",
    ],
    "ingest_heldout26": [
        "The 24 texts of `evaluation/ingest_heldout26/` (China's side of its ties with Central Asia)",
        "were written blind as a held-out set and labelled by the corpus rules 1–53; a second,",
        "independent labelling agrees at F1 0.90. Scored once, after the document's-one-project",
        "reading was removed (`30ed434`), with the labels as written: P 0.34 / R 0.25 (12 of 48);",
        "with that reading (at `2c85b9d`): 0.35 / 0.27 (13). Round 18 was then written from its",
        "and `ingest_heldout27`'s false proposals (tests/test_ingest_round18.py): since then it is",
        "a development set, printed in CI and not gated.",
        "",
    ],
    "ingest_heldout27": [
        "The 22 texts of `evaluation/ingest_heldout27/` (energy, mining, farming and education, from",
        "the Central Asian side) were written blind as a held-out set by another writer than",
        "`ingest_heldout26`'s and labelled by the corpus rules 1–53; a second, independent labelling",
        "agrees at F1 0.91. Scored once, after the document's-one-project reading was removed",
        "(`30ed434`), with the labels as written: P 0.41 / R 0.35 (13 of 37); with that reading (at",
        "`2c85b9d`): 0.33 / 0.35 (13). Round 18 was then written from its and `ingest_heldout26`'s",
        "false proposals (tests/test_ingest_round18.py): since then it is a development set,",
        "printed in CI and not gated.",
        "",
    ],
    "ingest_heldout28": [
        "The 23 texts of `evaluation/ingest_heldout28/` (official releases: ministries, railways,",
        "customs, presidents' sites) were written blind for the second declared test (docs/ingest.md)",
        "and labelled by the corpus rules 1–53; a second labelling agrees at F1 0.99 (its labeller saw",
        "the first labels of texts 01 and 22 before labelling them; without them F1 0.99 too).",
        "Scored once at `3df88a9`, with the labels as written: P 0.63 / R 0.52 (26 of 50); the",
        "same at `e27de0b`, before round 18. Round 19 was then written from one of its false",
        "proposals (a memorandum taken for a held one); it changed no score.",
        "",
    ],
    "ingest_heldout29": [
        "The 24 texts of `evaluation/ingest_heldout29/` (business and regional press on trade and",
        "investment) were written blind for the second declared test by another writer than",
        "`ingest_heldout28`'s and labelled by the corpus rules 1–53; a second labelling",
        "agrees at F1 0.84 (0.83 without the one first label its labeller saw). Scored once at",
        "`3df88a9`, with the labels as written: P 0.68 / R 0.33",
        "(13 of 39); the same at `e27de0b`, before round 18. The proposal scorer was applied to it",
        "once, in the test declared at `343e4ff`; the readings of projects named by a description",
        "(`5a0678d`) were written from its and sets 30 and 31's missed status events.",
        "",
    ],
    "ingest_heldout30": [
        "The 22 texts of `evaluation/ingest_heldout30/` (progress of named projects, half of them",
        "held) were written blind for the third declared test (docs/ingest.md) and labelled by the",
        "corpus rules 1–53; a second, independent labelling agrees at F1 0.82. Scored once at",
        "`343e4ff`, with the labels as written: P 0.66 / R 0.37 (19 of 51); the same at `8c2b105`,",
        "before the pipeline system's names and `sibling_lines.py`. Since a year-only date is",
        "passed at year precision (`68e5257`), 20 of 51. The readings of projects named by a",
        "description (`5a0678d`) were written from its and sets 29 and 31's missed status events.",
        "",
    ],
    "ingest_heldout31": [
        "The 23 texts of `evaluation/ingest_heldout31/` (agreements, figures and new facilities,",
        "mostly in Russian) were written blind for the third declared test by another writer than",
        "`ingest_heldout30`'s and labelled by the corpus rules 1–53; a second labelling agrees at",
        "F1 0.95 (its labeller saw three commit subjects of the set, naming no fact). Scored once at",
        "`343e4ff`, with the labels as written: P 0.88 / R 0.48 (21 of 44); the same at `8c2b105`.",
        "Since a year-only date is passed at year precision (`68e5257`), 22 of 44. The readings of",
        "projects named by a description (`5a0678d`) were written from its and sets 29 and 30's",
        "missed status events.",
        "",
    ],
    "ingest_heldout32": [
        "The 23 texts of `evaluation/ingest_heldout32/` (status of named projects; 54 facts, 12",
        "status events) were written blind for the fourth declared test (docs/ingest.md) and",
        "labelled by the corpus rules 1–53; a second, independent labelling agrees at F1 0.87.",
        "Scored once at `5a0678d`, with the labels as written: P 0.66 / R 0.43 (23 of 54); the",
        "same at `d4b7aa0`, before the readings of projects named by a description. No extraction",
        "rule has been written against it.",
        "",
    ],
    "ingest_heldout33": [
        "The 18 texts of `evaluation/ingest_heldout33/` (a news desk's mix of 2012–2026; 33 facts)",
        "were written blind for the fourth declared test by another writer than",
        "`ingest_heldout32`'s and labelled by the corpus rules 1–53; a second labelling agrees at",
        "F1 0.89 (0.77 with the roles swapped). Scored once at `5a0678d`, with the labels as",
        "written: P 0.70 / R 0.48 (16 of 33); the same at `d4b7aa0`. No extraction rule has been",
        "written against it.",
        "",
    ],
    "ingest_heldout34": [
        "The 20 texts of `evaluation/ingest_heldout34/` (transport and trade: states of held",
        "projects, lengths, capacities, trade; 42 facts) were written blind for the fifth declared",
        "test (docs/ingest.md) and labelled by the corpus rules 1–53; a second, independent",
        "labelling agrees at F1 0.94. Scored once at `43da1df`, with the labels as written: P 0.78",
        "/ R 0.60 (25 of 42); the same at `390f441`, before round 21. A line named by a chain",
        "of countries beside its mode word (docs/ingest.md) was read after one of its missed",
        "status events was read.",
        "",
    ],
    "ingest_heldout35": [
        "The 20 texts of `evaluation/ingest_heldout35/` (agreements, investment and industry; 40",
        "facts) were written blind for the fifth declared test by another writer than",
        "`ingest_heldout34`'s and labelled by the corpus rules 1–53; a second labelling agrees at",
        "F1 0.94. Scored once at `43da1df`, with the labels as written: P 0.74 / R 0.35 (14 of 40);",
        "the same at `390f441`. One reading was mended after its false proposals were read: an",
        "agreement's name no longer stops at the point of “$1.75 billion”",
        "(`tests/test_ingest_round21.py`).",
        "",
    ],
    "ingest_heldout36": [
        "The 20 texts of `evaluation/ingest_heldout36/` (states of held transport and logistics",
        "projects; 68 facts, 31 of them status events) were written blind for the sixth declared",
        "test (docs/ingest.md) and labelled by the corpus rules 1–53; a second labelling agrees at",
        "F1 0.95. Scored once at `baa4522`, with the labels as written: P 0.60 / R 0.38 (26 of 68);",
        "P 0.57 / R 0.35 (24) at `ccdcb8c`, before round 22. Round 23 (docs/ingest.md) was written",
        "from its misses and false proposals and those of set 37.",
        "",
    ],
    "ingest_heldout37": [
        "The 20 texts of `evaluation/ingest_heldout37/` (states of held energy, mining, industry,",
        "agriculture and education projects; 52 facts, 31 of them status events) were written",
        "blind for the sixth declared test by another writer than `ingest_heldout36`'s and",
        "labelled by the corpus rules 1–53; a second labelling agrees at F1 0.90. Scored once at",
        "`baa4522`, with the labels as written: P 0.71 / R 0.33 (17 of 52); the same at `ccdcb8c`.",
        "Round 23 (docs/ingest.md) was written from its misses and false proposals and those of",
        "set 36.",
        "",
    ],
}

if __name__ == "__main__":
    sys.exit(main())
