"""Every proposal the rules read from a document, with what the scorer needs beside it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from caravan.analysis.ingest.compare import compare
from caravan.analysis.ingest.extract import extract
from caravan.model.proposals import (
    DocumentMeta,
    Evidence,
    Flag,
    FlagCode,
    ProposedFact,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase

__all__ = ["LOW_CONFIDENCE_BELOW", "Reading", "read_proposals"]

#: Proposals less sure than this carry a LOW_CONFIDENCE flag.
LOW_CONFIDENCE_BELOW = 0.5


@dataclass(frozen=True)
class Reading:
    """A proposal and whether its text states its date (not only the document's day)."""

    fact: ProposedFact
    date_stated: bool


def read_proposals(
    kb: KnowledgeBase,
    document_text: str,
    meta: DocumentMeta,
    *,
    warnings: Sequence[Flag] = (),
) -> list[Reading]:
    """Every fact the rules read from a document, compared with the knowledge base, before
    any scoring: one proposal per fact, with the evidence of its most confident reading."""
    readings: dict[str, Reading] = {}  # by payload: one proposal per fact
    found_all = extract(kb, document_text, meta)
    dated = {
        (f.candidate.payload.project_id, f.candidate.payload.status)
        for f in found_all
        if isinstance(f.candidate.payload, ProposedStatusEvent) and f.candidate.date_stated
    }
    for found in found_all:
        payload = found.candidate.payload
        if (
            isinstance(payload, ProposedStatusEvent)
            and not found.candidate.date_stated
            and not found.candidate.ongoing
            and (payload.project_id, payload.status) in dated
        ):
            continue  # the text dates this step elsewhere; "as of the document" adds nothing
        candidate, sentence = found.candidate, found.sentence
        payload_json = candidate.payload.model_dump_json()
        fact_id = hashlib.sha256(
            f"{meta.id}\x00{payload_json}\x00{sentence.start}:{sentence.end}".encode()
        ).hexdigest()[:32]
        held = readings.get(payload_json)
        if held is not None and held.fact.confidence >= candidate.confidence:
            continue
        flags = [*candidate.flags, *warnings]
        if candidate.confidence < LOW_CONFIDENCE_BELOW and all(
            f.code is not FlagCode.LOW_CONFIDENCE for f in flags
        ):
            flags.append(
                Flag(
                    code=FlagCode.LOW_CONFIDENCE,
                    message=f"confidence {candidate.confidence:.2f} from the rule that fired",
                )
            )
        fact = ProposedFact(
            id=fact_id,
            document_id=meta.id,
            payload=candidate.payload,
            evidence=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end),
            mention=document_text[candidate.start : candidate.end],
            confidence=candidate.confidence,
            comparison=compare(kb, candidate.payload, date_stated=candidate.date_stated),
            flags=tuple(flags),
        )
        readings[payload_json] = Reading(fact, candidate.date_stated)
    return list(readings.values())
