"""Reading documents into proposed facts: the extraction engine of monitoring.

:func:`read_document` reads a text, HTML or PDF file into its metadata and text;
:func:`propose` reads that text into proposed facts (status events, figures, agreements,
new entities) with evidence, a confidence, flags, and a comparison with the knowledge
base. Nothing here writes: review and the journal do (``caravan.analysis.monitoring``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from caravan.analysis.ingest.compare import compare
from caravan.analysis.ingest.documents import (
    DEFAULT_MAX_CHARACTERS,
    DocumentFormat,
    ReadResult,
    document_id,
    read_document,
    read_text,
)
from caravan.analysis.ingest.errors import (
    DocumentError,
    DocumentTooLargeError,
    UnreadableDocumentError,
)
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

__all__ = [
    "DEFAULT_MAX_CHARACTERS",
    "LOW_CONFIDENCE_BELOW",
    "DocumentError",
    "DocumentFormat",
    "DocumentTooLargeError",
    "ReadResult",
    "UnreadableDocumentError",
    "compare",
    "document_id",
    "propose",
    "read_document",
    "read_text",
]

#: Proposals less sure than this carry a LOW_CONFIDENCE flag.
LOW_CONFIDENCE_BELOW = 0.5


def propose(
    kb: KnowledgeBase,
    document_text: str,
    meta: DocumentMeta,
    *,
    warnings: Sequence[Flag] = (),
) -> list[ProposedFact]:
    """Every fact the rules read from a document, compared with the knowledge base.

    ``warnings`` (a :class:`ReadResult`'s, e.g. PARTIAL_DOCUMENT) are added to each
    proposal's flags. Reading the same text again gives the same proposals and ids. A fact
    the document states more than once (a headline and its body, a repeated paragraph) is
    proposed once, with the evidence of its most confident reading.
    """
    proposals: dict[str, ProposedFact] = {}  # by payload: one proposal per fact
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
        held = proposals.get(payload_json)
        if held is not None and held.confidence >= candidate.confidence:
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
        proposals[payload_json] = ProposedFact(
            id=fact_id,
            document_id=meta.id,
            payload=candidate.payload,
            evidence=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end),
            mention=document_text[candidate.start : candidate.end],
            confidence=candidate.confidence,
            comparison=compare(kb, candidate.payload, date_stated=candidate.date_stated),
            flags=tuple(flags),
        )
    return list(proposals.values())
