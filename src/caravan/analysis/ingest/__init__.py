"""Reading documents into proposed facts: the extraction engine of monitoring.

:func:`read_document` reads a text, HTML or PDF file into its metadata and text;
:func:`propose` reads that text into proposed facts (status events, figures, agreements,
new entities) with evidence, a confidence, flags, and a comparison with the knowledge
base. Nothing here writes: review and the journal do (``caravan.analysis.monitoring``).
"""

from __future__ import annotations

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
from caravan.analysis.ingest.proposal_scorer import default_scorer
from caravan.analysis.ingest.readings import LOW_CONFIDENCE_BELOW, read_proposals
from caravan.model.proposals import DocumentMeta, Flag, ProposedFact
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
    proposed once, with the evidence of its most confident reading. Each proposal's
    confidence is the learned probability that a reviewer accepts it (``proposal_scorer``):
    on texts no rule or fit had read it ranks right proposals above wrong ones where the
    rules' own confidence did not (docs/ingest.md).
    """
    readings = read_proposals(kb, document_text, meta, warnings=warnings)
    accepted = default_scorer().probabilities(readings, meta)
    return [
        r.fact.model_copy(update={"confidence": round(p, 3)})
        for r, p in zip(readings, accepted, strict=True)
    ]
