"""The features a proposal's acceptance is scored by: its fact, the rules' view, its context.

Each proposal becomes a sparse map of named features (a name present with value 1, or a
number scaled to about 0–1): its kind and payload fields, the confidence and flags the rules
gave it, the comparison with the knowledge base, whether its date is stated, the document's
language, how many proposals share its sentence and its document, groups of cue words in
its sentence, and the words near its mention. Every feature is also crossed with the
proposal's kind, so one weight can differ between, say, a figure and an agreement.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from caravan.analysis.ingest.readings import Reading
from caravan.model.proposals import (
    DocumentMeta,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)

__all__ = ["CUE_GROUPS", "NEAR_PREFIX", "NEAR_WORDS", "near_words", "proposal_features"]

#: Words this many either side of the mention are its "near" words.
NEAR_WORDS = 6
#: The prefix of a near word's feature name ("near=plann").
NEAR_PREFIX = "near="
#: A near word is cut to this many letters, so Russian case forms meet ("строительства").
_STEM = 5

#: Groups of cue words whose presence in the evidence sentence is a feature each.
CUE_GROUPS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "future": r"\b(?:will|shall|plan\w*|expect\w*|intend\w*|aim\w*|target\w*|goal|"
        r"to\s+be\s+\w+ed|is\s+to|are\s+to|soon|next\s+year)\b|(?<!\w)(?:будет|будут|"
        r"планир\w*|намер\w*|ожида\w*|предполага\w*|цель\w*|скоро|в\s+ближайш\w*)",
        "modal": r"\b(?:should|could|would|may|might|can|must|need\w*)\b|(?<!\w)(?:должн\w*|"
        r"может|могут|мог\w*|необходим\w*|нужн\w*)",
        "negation": r"\b(?:not|no|never|without|yet\s+to|n't)\b|(?<!\w)(?:не|нет|ни|без)(?!\w)",
        "talk": r"\b(?:discuss\w*|propos\w*|consider\w*|explor\w*|talks?|negotiat\w*|"
        r"called\s+for|urged)\b|(?<!\w)(?:обсуд\w*|обсужд\w*|предлож\w*|рассм\w*|переговор\w*)",
        "reported": r"\b(?:said|says|told|according\s+to|noted|stressed|recalled)\b|(?<!\w)"
        r"(?:заявил\w*|сообщил\w*|отметил\w*|по\s+словам|по\s+данным|подчеркнул\w*)",
        "change": r"\b(?:rose|fell|grew|increas\w*|decreas\w*|declin\w*|growth|up\s+\d|"
        r"down\s+\d|compared)\b|(?<!\w)(?:вырос\w*|снизил\w*|увеличил\w*|сократил\w*|рост\w*|"
        r"по\s+сравнению)",
        "history": r"\b(?:ago|since|earlier|previously|former\w*|in\s+the\s+past|first\s+time)"
        r"\b|(?<!\w)(?:ранее|прошл\w*|бывш\w*|впервые|с\s+тех\s+пор)",
        "percent": r"%|\bper\s*cent\b|\bpercent\b|процент\w*",
        "quote": r"[\"“”«»]",
    }.items()
}

_WORD = re.compile(r"\w+", re.UNICODE)


def proposal_features(readings: Sequence[Reading], meta: DocumentMeta) -> list[dict[str, float]]:
    """The features of each of a document's proposals, in the order given."""
    by_sentence = Counter(r.fact.evidence.start for r in readings)
    kind_by_sentence = Counter((r.fact.kind, r.fact.evidence.start) for r in readings)
    by_kind = Counter(r.fact.kind for r in readings)
    first_sentence = min((r.fact.evidence.start for r in readings), default=0)
    result = []
    for reading in readings:
        fact = reading.fact
        base: dict[str, float] = {
            f"language={meta.language}": 1.0,
            "confidence": fact.confidence,
            f"disposition={fact.comparison.disposition.value}": 1.0,
            "date_stated": float(reading.date_stated),
            "sentence_proposals": _count(by_sentence[fact.evidence.start] - 1),
            "sentence_same_kind": _count(kind_by_sentence[fact.kind, fact.evidence.start] - 1),
            "document_proposals": _count(len(readings) - 1),
            "document_same_kind": _count(by_kind[fact.kind] - 1),
            "first_sentence": float(fact.evidence.start == first_sentence),
            "sentence_words": _count(len(_WORD.findall(fact.evidence.sentence)), 60),
            "mention_words": _count(len(_WORD.findall(fact.mention)), 20),
        }
        for flag in {f.code.value for f in fact.flags}:
            base[f"flag={flag}"] = 1.0
        for name, cue in CUE_GROUPS.items():
            if cue.search(fact.evidence.sentence):
                base[f"cue={name}"] = 1.0
        base.update(_payload_features(fact, meta))
        for word in near_words(fact):
            base[NEAR_PREFIX + word] = 1.0
        kind = fact.kind.value
        features = {f"kind={kind}": 1.0}
        for name, value in base.items():
            features[name] = value
            features[f"{kind}|{name}"] = value
        result.append(features)
    return result


def near_words(fact: ProposedFact) -> list[str]:
    """The words either side of the mention in its sentence, lower case, cut to a stem."""
    sentence = fact.evidence.sentence
    at = sentence.find(fact.mention)
    if at < 0:
        at, end = 0, 0
    else:
        end = at + len(fact.mention)
    before = _WORD.findall(sentence[:at])[-NEAR_WORDS:]
    after = _WORD.findall(sentence[end:])[:NEAR_WORDS]
    return sorted(
        {w.casefold()[:_STEM] for w in (*before, *after) if not w.isdigit() and len(w) > 1}
    )


def _payload_features(fact: ProposedFact, meta: DocumentMeta) -> dict[str, float]:
    payload = fact.payload
    published = meta.published_on
    features: dict[str, float] = {}
    if isinstance(payload, ProposedStatusEvent):
        features[f"status={payload.status.value}"] = 1.0
        features[f"precision={payload.date_precision.value}"] = 1.0
        if published is not None:
            days = (payload.date - published).days
            features["after_publication"] = float(days > 0)
            features["years_before_publication"] = _count(max(0, -days) // 365, 20)
    elif isinstance(payload, ProposedFigure):
        features[f"quantity={payload.quantity.value}"] = 1.0
        features["has_subject"] = float(payload.subject_id is not None)
        features["has_partner"] = float(payload.partner_id is not None)
        features["has_reporter"] = float(payload.reporter_id is not None)
        year = payload.year or (payload.valid_from.year if payload.valid_from else None)
        features["has_year"] = float(year is not None)
        if year is not None and published is not None:
            features["after_publication"] = float(year > published.year)
            features["years_before_publication"] = _count(max(0, published.year - year), 20)
    elif isinstance(payload, ProposedAgreement):
        features[f"agreement_kind={payload.agreement_kind.value}"] = 1.0
        features["has_date"] = float(payload.signed_on is not None)
        features["has_place"] = float(payload.place_id is not None)
        features["known_agreement"] = float(payload.agreement_id is not None)
        features["parties"] = _count(len(payload.parties), 6)
        features["name_words"] = _count(len(_WORD.findall(payload.name)), 20)
        if payload.signed_on is not None and published is not None:
            features["after_publication"] = float(payload.signed_on > published)
    elif isinstance(payload, ProposedEntity):
        features[f"entity_kind={payload.entity_kind.value}"] = 1.0
        features["countries"] = _count(len(payload.country_ids), 6)
        features["name_words"] = _count(len(_WORD.findall(payload.name)), 20)
    return features


def _count(n: int, scale: int = 10) -> float:
    """A count on a log scale, about 0 to 1 for counts up to ``scale``."""
    return math.log1p(max(0, n)) / math.log1p(scale)
