"""How far two labellers agree: one label folder scored against another, as the extractor is.

Usage: .venv/bin/python evaluation/label_agreement.py FIRST SECOND [--verbose]

FIRST is a labelled folder (texts and their ``*.expected.toml``, as
``evaluation/ingest_heldout8/``); SECOND holds a second labeller's ``*.expected.toml`` for
the same texts. The first labeller's facts are taken as expected and the second's as
proposed, and they are paired with the scorer's own matching (``ingest_matching``): the
table gives precision, recall and F1 per fact kind, per language and overall. Where a
second label lists several readings (statuses, kinds, a name and its aliases), any one of
them may match. Each label is a fact of its own: one that pairs with none of the other
labelling's is counted against it, never as a duplicate of a label already paired (two similar
centres at one university stay two). ``--verbose`` lists every fact only one labeller gave. Exits 2 when a folder
cannot be read or a text lacks its second labels.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest_labels import (
    Document,
    ExpectedFact,
    LabelError,
    load_corpus,
    load_labels,
    parse_partial_date,
)
from ingest_matching import (
    Closeness,
    DocumentScore,
    Matcher,
    Score,
    closeness,
    matches,
    score_document,
)
from rich.console import Console
from rich.table import Table

from caravan.model.enums import AgreementKind, DatePrecision, ProjectStatus
from caravan.model.proposals import (
    EntityKind,
    Evidence,
    FactKind,
    FigureQuantity,
    Flag,
    FlagCode,
    Payload,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)

__all__ = ["Agreement", "compare_folders", "main", "readings"]


@dataclass(frozen=True)
class DocumentAgreement:
    """One text: its language, the second labeller's facts and how they paired with the first's."""

    document: Document
    second: tuple[ExpectedFact, ...]
    score: DocumentScore
    labels_of: dict[str, ExpectedFact]  # proposal id -> the second label it was made from


@dataclass(frozen=True)
class Agreement:
    """Every text's comparison and the totals per kind, per language and overall."""

    documents: tuple[DocumentAgreement, ...]
    totals: dict[str, Score]

    @property
    def swapped(self) -> Score:
        """Overall counts with the second labeller as expected (matching is not quite symmetric:
        a field one label leaves out, such as a year, is not checked)."""
        total = Score()
        for item in self.documents:
            first = [
                _proposal(item.document.name, label, readings(label)[0])
                for label in item.document.expected
            ]
            alternatives = {
                fact.id: [_proposal(item.document.name, label, p) for p in readings(label)]
                for fact, label in zip(first, item.document.expected, strict=True)
            }
            score = score_document(
                item.second,
                first,
                _any_of(alternatives),
                _closest_of(alternatives),
                repeats=False,
            )
            for counts in score.by_kind.values():
                total.add(counts)
        return total

    @property
    def flags(self) -> tuple[int, int]:
        """Flags the first labeller set on matched facts, and how many the second also set."""
        scores = [d.score for d in self.documents]
        return sum(s.flags_raised for s in scores), sum(s.flags_expected for s in scores)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the agreement table of two label folders; 2 when they cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="labelled folder (texts and first labels)")
    parser.add_argument("second", type=Path, help="the second labeller's folder of labels")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    console = Console(soft_wrap=True)
    try:
        agreement = compare_folders(args.first, args.second)
    except (LabelError, OSError, ValueError) as error:
        console.print(f"[red]labels unreadable:[/] {error}")
        return 2
    console.print(_table(agreement, f"{args.first} (first) against {args.second} (second)"))
    swapped = agreement.swapped
    console.print(
        f"the roles swapped (second as expected): precision {swapped.precision:.2f}, "
        f"recall {swapped.recall:.2f}, F1 {swapped.f1:.2f}"
    )
    raised, expected = agreement.flags
    console.print(
        f"flags of the first labeller also set by the second on matched facts: "
        f"{raised} of {expected}"
    )
    if args.verbose:
        _listing(console, agreement)
    return 0


def compare_folders(first: Path, second: Path) -> Agreement:
    """Score the second folder's labels against the first's, text by text."""
    documents = load_corpus(first)
    if not documents:
        raise LabelError(f"{first}: no labelled texts")
    missing = [
        d.path.stem + ".expected.toml" for d in documents if not _second_labels(second, d).exists()
    ]
    if missing:
        raise LabelError(f"{second}: no second labels for {', '.join(missing)}")
    compared = tuple(_compare(d, load_labels(_second_labels(second, d))[1]) for d in documents)
    totals: dict[str, Score] = defaultdict(Score)
    for item in compared:
        for kind, counts in item.score.by_kind.items():
            totals[kind].add(counts)
            totals[f"language {item.document.language}"].add(counts)
            totals["all"].add(counts)
    return Agreement(compared, dict(totals))


def readings(label: ExpectedFact) -> list[Payload]:
    """Every proposal a label stands for: one per listed status or kind, and name or alias."""
    fields = label.fields
    if label.kind == FactKind.STATUS_EVENT:
        day, precision = parse_partial_date(str(fields["date"]))
        return [
            ProposedStatusEvent(
                project_id=fields["project_id"],
                status=ProjectStatus(status),
                date=day,
                date_precision=DatePrecision(precision),
            )
            for status in _listed(fields["status"])
        ]
    if label.kind == FactKind.FIGURE:
        return [_figure(fields)]
    names = [str(fields["name"]), *(str(a) for a in fields.get("aliases", ()))]
    if label.kind == FactKind.AGREEMENT:
        return [
            _agreement(fields, name, kind)
            for kind, name in itertools.product(_listed(fields["agreement_kind"]), names)
        ]
    return [
        ProposedEntity(entity_kind=EntityKind(kind), name=name)
        for kind, name in itertools.product(_listed(fields["entity_kind"]), names)
    ]


def _second_labels(second: Path, document: Document) -> Path:
    return second / f"{document.path.stem}.expected.toml"


def _compare(document: Document, second: tuple[ExpectedFact, ...]) -> DocumentAgreement:
    """Pair one text's labels: a second label matches when any of its readings does."""
    proposals: list[ProposedFact] = []
    alternatives: dict[str, list[ProposedFact]] = {}
    labels_of: dict[str, ExpectedFact] = {}
    for label in second:
        facts = [_proposal(document.name, label, payload) for payload in readings(label)]
        proposals.append(facts[0])
        alternatives[facts[0].id] = facts
        labels_of[facts[0].id] = label

    score = score_document(
        document.expected,
        proposals,
        _any_of(alternatives),
        _closest_of(alternatives),
        repeats=False,
    )
    return DocumentAgreement(document, second, score, labels_of)


def _any_of(alternatives: dict[str, list[ProposedFact]]) -> Matcher:
    """A match when any reading of the proposal's label states the expected fact."""

    def any_reading(expected: ExpectedFact, fact: ProposedFact) -> bool:
        return any(matches(expected, reading) for reading in alternatives[fact.id])

    return any_reading


def _closest_of(alternatives: dict[str, list[ProposedFact]]) -> Closeness:
    """How closely the proposal's closest reading states the expected fact."""

    def closest_reading(expected: ExpectedFact, fact: ProposedFact) -> float:
        return max(
            closeness(expected, reading)
            for reading in alternatives[fact.id]
            if matches(expected, reading)
        )

    return closest_reading


def _proposal(document: str, label: ExpectedFact, payload: Payload) -> ProposedFact:
    """A second label read as a proposal, with its flags and its evidence as the sentence."""
    sentence = str(label.fields.get("evidence") or label.describe())
    digest = hashlib.sha256(f"{document}\n{label.index}".encode()).hexdigest()
    return ProposedFact(
        id=digest,
        document_id=hashlib.sha256(document.encode()).hexdigest(),
        payload=payload,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        mention=sentence,
        confidence=1.0,
        flags=tuple(
            Flag(code=FlagCode(code), message="set by the labeller") for code in label.flags
        ),
    )


def _figure(fields: dict[str, Any]) -> ProposedFigure:
    return ProposedFigure(
        quantity=FigureQuantity(fields["quantity"]),
        value=float(fields["value"]),
        subject_id=fields.get("subject_id"),
        reporter_id=fields.get("reporter_id"),
        partner_id=fields.get("partner_id"),
        year=fields.get("year"),
    )


def _agreement(fields: dict[str, Any], name: str, kind: str) -> ProposedAgreement:
    signed_on, precision = None, None
    if "signed_on" in fields:
        day, exactness = parse_partial_date(str(fields["signed_on"]))
        signed_on, precision = day, DatePrecision(exactness)
    return ProposedAgreement(
        name=name,
        agreement_kind=AgreementKind(kind),
        signed_on=signed_on,
        date_precision=precision,
        place_id=fields.get("place_id"),
        agreement_id=fields.get("agreement_id"),
    )


def _listed(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _table(agreement: Agreement, title: str) -> Table:
    table = Table(
        title=f"label agreement on {len(agreement.documents)} texts: {title}", title_justify="left"
    )
    for column in ("scope", "first", "second", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    languages = sorted(k for k in agreement.totals if k.startswith("language"))
    for name in [*(k.value for k in FactKind), *languages, "all"]:
        s = agreement.totals.get(name, Score())
        table.add_row(
            name,
            str(s.true_positives + s.false_negatives),
            str(s.true_positives + s.false_positives),
            str(s.true_positives),
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
        )
    return table


def _listing(console: Console, agreement: Agreement) -> None:
    for item in agreement.documents:
        score = item.score
        if not (score.missed or score.false_positives or score.flags_missing):
            continue
        console.print(f"\n[bold]{item.document.name}[/]")
        for label in score.missed:
            console.print(f"  [yellow]first only[/] {label.describe()}", highlight=False)
            console.print(f"    evidence: {label.fields.get('evidence', '?')}", highlight=False)
        for fact in score.false_positives:
            second = item.labels_of[fact.id]
            console.print(f"  [red]second only[/] {second.describe()}", highlight=False)
            console.print(f"    evidence: {second.fields.get('evidence', '?')}", highlight=False)
        for label, code in score.flags_missing:
            console.print(f"  [magenta]flag only first[/] {code} on {label.describe()}")


if __name__ == "__main__":
    sys.exit(main())
