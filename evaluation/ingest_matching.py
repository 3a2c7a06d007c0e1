"""Matching proposed facts to labelled ones, and counting precision and recall.

A proposal matches a label when they are of the same kind and agree on the label's key
fields: for a status event the project, the status and the date at the label's precision;
for a figure the quantity, the subject, the trade partner (and reporter when labelled),
the year when labelled and the value within 0.5 %; for an agreement its kind, the date
and place when labelled, and the known agreement id or a similar name; for a new entity
its kind and a similar name. Each label is matched at most once per document: as many pairs as
possible, and among those each proposal with the label it states most closely. A further proposal
of a matched fact is a duplicate, unless the proposals are distinct facts by construction (a second
labeller's labels), when one left unpaired is false.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ingest_labels import ExpectedFact, parse_partial_date
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from caravan.model.proposals import (
    FactKind,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)

__all__ = [
    "Closeness",
    "DocumentScore",
    "Matcher",
    "Score",
    "closeness",
    "matches",
    "score_document",
]

VALUE_TOLERANCE = 0.005  # 0.5 %
NAME_SIMILARITY = 70  # rapidfuzz token_set_ratio (token_sort_ratio for held documents), 0-100
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass
class Score:
    """Counts of matched labels, missed labels and false proposals."""

    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0

    def add(self, other: Score) -> None:
        """Accumulate another score's counts."""
        self.true_positives += other.true_positives
        self.false_negatives += other.false_negatives
        self.false_positives += other.false_positives

    @property
    def precision(self) -> float:
        """Share of distinct proposals that match a label (1.0 when nothing was proposed)."""
        proposed = self.true_positives + self.false_positives
        return self.true_positives / proposed if proposed else 1.0

    @property
    def recall(self) -> float:
        """Share of labels matched by a proposal (1.0 when nothing was labelled)."""
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """One document's matches, misses, false positives and flag checks, by kind."""

    by_kind: dict[str, Score] = field(default_factory=dict)
    matched: list[tuple[ExpectedFact, ProposedFact]] = field(default_factory=list)
    missed: list[ExpectedFact] = field(default_factory=list)
    false_positives: list[ProposedFact] = field(default_factory=list)
    duplicates: list[ProposedFact] = field(default_factory=list)
    flags_expected: int = 0
    flags_raised: int = 0
    flags_missing: list[tuple[ExpectedFact, str]] = field(default_factory=list)


#: Whether a proposal states a label's fact; ``matches`` unless a caller widens it.
Matcher = Callable[[ExpectedFact, ProposedFact], bool]
#: How closely a matching proposal states a label's fact, 0 to 1; ``closeness`` by default.
Closeness = Callable[[ExpectedFact, ProposedFact], float]


def score_document(
    expected: Sequence[ExpectedFact],
    proposals: Sequence[ProposedFact],
    match: Matcher | None = None,
    close: Closeness | None = None,
    *,
    repeats: bool = True,
) -> DocumentScore:
    """Match one document's proposals to its labels (one-to-one, as many as possible, each
    proposal with the label it states most closely).

    ``match`` and ``close`` replace :func:`matches` and :func:`closeness` (a second labeller's
    label may list several readings). ``repeats=False`` says each proposal is a fact of its own
    (another labelling's labels): one left unpaired is false, never a duplicate."""
    match = match or matches
    close = close or closeness
    distinct = _distinct(proposals)
    result = DocumentScore(by_kind={kind.value: Score() for kind in FactKind})
    pairs = _assign(expected, distinct, match, close)
    matched_labels = {i for i, _ in pairs}
    matched_proposals = {j for _, j in pairs}
    for i, j in pairs:
        label, fact = expected[i], distinct[j]
        result.matched.append((label, fact))
        result.by_kind[label.kind].true_positives += 1
        raised = {flag.code.value for flag in fact.flags}
        for code in label.flags:
            result.flags_expected += 1
            if code in raised:
                result.flags_raised += 1
            else:
                result.flags_missing.append((label, code))
    for i, label in enumerate(expected):
        if i not in matched_labels:
            result.missed.append(label)
            result.by_kind[label.kind].false_negatives += 1
    for j, fact in enumerate(distinct):
        if j in matched_proposals:
            continue
        if repeats and any(match(label, fact) for label in expected):
            result.duplicates.append(fact)  # a second reading of a fact already matched
            continue
        result.false_positives.append(fact)
        result.by_kind[fact.kind.value].false_positives += 1
    return result


def matches(label: ExpectedFact, fact: ProposedFact) -> bool:
    """True when the proposal states the labelled fact (same kind, same key fields)."""
    if label.kind != fact.kind.value:
        return False
    payload = fact.payload
    fields = label.fields
    if isinstance(payload, ProposedStatusEvent):
        return _status_matches(fields, payload)
    if isinstance(payload, ProposedFigure):
        return _figure_matches(fields, payload)
    if isinstance(payload, ProposedAgreement):
        return _agreement_matches(fields, payload)
    if isinstance(payload, ProposedEntity):
        return _entity_matches(fields, payload)
    return False


def closeness(label: ExpectedFact, fact: ProposedFact) -> float:
    """How closely a matching proposal states the label, 0 to 1: its name against the label's
    names, its value against the label's; 1 for a status event, whose key fields are all equal."""
    payload = fact.payload
    if isinstance(payload, ProposedEntity | ProposedAgreement):
        return _name_closeness(payload.name, _names(label.fields))
    if isinstance(payload, ProposedFigure):
        expected = float(label.fields["value"])
        return 1.0 - min(1.0, abs(payload.value - expected) / max(abs(expected), 1e-9))
    return 1.0


def _status_matches(fields: dict[str, Any], payload: ProposedStatusEvent) -> bool:
    if payload.project_id != fields["project_id"] or payload.status.value not in _any(
        fields["status"]
    ):
        return False
    return _date_matches(str(fields["date"]), payload.date, payload.date_precision.value)


def _figure_matches(fields: dict[str, Any], payload: ProposedFigure) -> bool:
    if payload.quantity.value != fields["quantity"]:
        return False
    if payload.subject_id != fields.get("subject_id"):
        return False
    if fields["quantity"] == "trade_value_usd" and not _trade_scope_matches(fields, payload):
        return False
    if "year" in fields:
        year = payload.year or (payload.valid_from.year if payload.valid_from else None)
        if year != fields["year"]:
            return False
    return math.isclose(payload.value, float(fields["value"]), rel_tol=VALUE_TOLERANCE)


def _trade_scope_matches(fields: dict[str, Any], payload: ProposedFigure) -> bool:
    """Same Central Asian counterpart (none for the five together); reporter if labelled."""
    reporter = payload.reporter_id or "cn"
    counterpart = payload.partner_id if payload.partner_id != "cn" else reporter
    if counterpart == "cn":
        counterpart = None
    if counterpart != fields.get("partner_id"):
        return False
    return "reporter_id" not in fields or reporter == fields["reporter_id"]


def _agreement_matches(fields: dict[str, Any], payload: ProposedAgreement) -> bool:
    if payload.agreement_kind.value not in _any(fields["agreement_kind"]):
        return False
    if "signed_on" in fields:
        if payload.signed_on is None or payload.date_precision is None:
            return False
        if not _date_matches(
            str(fields["signed_on"]), payload.signed_on, payload.date_precision.value
        ):
            return False
    if "place_id" in fields and payload.place_id != fields["place_id"]:
        return False
    known = fields.get("agreement_id")
    if known and payload.agreement_id:
        return bool(payload.agreement_id == known)
    if known:
        return _alike_in_order(payload.name, _names(fields))
    return _similar_name(payload.name, _names(fields))


def _entity_matches(fields: dict[str, Any], payload: ProposedEntity) -> bool:
    allowed = _any(fields["entity_kind"])
    return payload.entity_kind.value in allowed and _similar_name(payload.name, _names(fields))


def _any(value: str | list[str]) -> set[str]:
    """A label's field may name one value or a list of acceptable readings."""
    return {value} if isinstance(value, str) else set(value)


def _date_matches(expected: str, proposed: dt.date, proposed_precision: str) -> bool:
    """Equal at the label's precision, and the proposal at least that precise."""
    day, precision = parse_partial_date(expected)
    if _PRECISION_RANK[proposed_precision] < _PRECISION_RANK[precision]:
        return False
    width = {"year": 4, "month": 7, "day": 10}[precision]
    return proposed.isoformat()[:width] == day.isoformat()[:width]


def _names(fields: dict[str, Any]) -> list[str]:
    return [str(fields["name"]), *(str(alias) for alias in fields.get("aliases", ()))]


def _normal(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold().replace("ё", "е")).strip()


def _similar_name(proposed: str, names: Iterable[str]) -> bool:
    candidate = _normal(proposed)
    return any(fuzz.token_set_ratio(candidate, _normal(n)) >= NAME_SIMILARITY for n in names)


def _alike_in_order(proposed: str, names: Iterable[str]) -> bool:
    """A proposal without an id meets the label of a held document only by a name alike in all
    its words: the token-set ratio would let a short, generic name ("the cooperation document on
    industry") meet any held title that holds its words."""
    candidate = _normal(proposed)
    return any(fuzz.token_sort_ratio(candidate, _normal(n)) >= NAME_SIMILARITY for n in names)


def _name_closeness(proposed: str, names: Iterable[str]) -> float:
    """Shared words and spelling together: a name that only shares words with the label's
    ("HSK test center at Bukhara State University" against "language centre at …") is less close
    than one spelled alike."""
    candidate = _normal(proposed)
    return max(
        (fuzz.token_set_ratio(candidate, _normal(n)) + fuzz.ratio(candidate, _normal(n))) / 200
        for n in names
    )


def _distinct(proposals: Sequence[ProposedFact]) -> list[ProposedFact]:
    """One proposal per distinct payload: re-reading the same fact is not a new claim."""
    seen: set[str] = set()
    distinct = []
    for fact in proposals:
        key = fact.payload.model_dump_json()
        if key not in seen:
            seen.add(key)
            distinct.append(fact)
    return distinct


def _assign(
    expected: Sequence[ExpectedFact],
    proposals: Sequence[ProposedFact],
    match: Matcher,
    close: Closeness,
) -> list[tuple[int, int]]:
    """The largest one-to-one set of matching (label, proposal) pairs, and of those the closest.

    A pair's weight is ``size + closeness``: with ``size`` above the number of pairs possible,
    one pair more always outweighs any gain in closeness."""
    if not expected or not proposals:
        return []
    size = min(len(expected), len(proposals)) + 1
    cost = [
        [-(size + close(label, fact)) if match(label, fact) else 0.0 for fact in proposals]
        for label in expected
    ]
    rows, columns = linear_sum_assignment(cost)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True) if cost[i][j] < 0]
