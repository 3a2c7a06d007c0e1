"""Documents uploaded for reading: the request body (plain text, HTML or PDF) becomes proposals.

The body is limited by the server's document limit (``max_document_bytes``); metadata comes as
query parameters. Reading and proposing run in the compute pool. Token required.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from caravan.api import (
    DocumentDetails,
    Observatory,
    ProposalFilter,
    StoredProposal,
    partial_date,
)
from caravan.errors import InvalidQueryError
from caravan.http.routes_edits import require_token
from caravan.http.routes_knowledge import ObservatoryDep
from caravan.http.routes_review import ProposalView, in_pool, proposal_view
from caravan.model import DatePrecision

__all__ = ["DOCUMENT_TYPES", "UPLOAD_PATH", "IngestResult", "router"]

router = APIRouter(prefix="/api/v1", tags=["review"])

#: Where documents are uploaded: its body limit is `max_document_bytes`, not `max_body_bytes`.
UPLOAD_PATH = "/api/v1/documents"

#: Upload media types and the file suffix the reader recognises them by.
DOCUMENT_TYPES = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf"}


class IngestResult(BaseModel):
    """What an uploaded document proposed: new and already-known counts, and the proposals."""

    document_id: str
    new: int
    known: int
    warnings: list[str]
    proposals: list[ProposalView]


@router.post(
    "/documents",
    status_code=201,
    response_model=IngestResult,
    dependencies=[Depends(require_token)],
    summary="Upload a document (text, HTML or PDF) and propose facts from it (token required)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in DOCUMENT_TYPES
            },
        }
    },
)
async def upload_document(
    request: Request,
    observatory: ObservatoryDep,
    title: Annotated[str | None, Query(max_length=500)] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    date: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Publication date: YYYY-MM-DD, or YYYY-MM or YYYY for a report dated "
            "by its month or year alone (what it says holds 'now' is dated that precisely).",
        ),
    ] = None,
    url: Annotated[str | None, Query(max_length=2000, pattern=r"^https?://\S+$")] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
) -> IngestResult | Response:
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media not in DOCUMENT_TYPES:
        raise InvalidQueryError(f"upload text/plain, text/html or application/pdf, not {media!r}")
    body = await request.body()
    if not body:
        raise InvalidQueryError("the document is empty")
    try:
        published = partial_date(date) if date is not None else None
    except ValueError as error:
        raise InvalidQueryError(f"date: {error}") from None
    on, precision = published if published is not None else (None, DatePrecision.DAY)
    details = DocumentDetails(title, publisher, on, url, language, published_precision=precision)

    def read() -> IngestResult:
        with tempfile.TemporaryDirectory(prefix="caravan-upload-") as folder:
            path = Path(folder) / f"upload{DOCUMENT_TYPES[media]}"
            path.write_bytes(body)
            [outcome] = list(observatory.ingest([path], details))
        if outcome.error or outcome.document_id is None:
            # The reader names the file it read: the server's temporary path means nothing
            # to the client (and is none of its business).
            reason = (outcome.error or "").replace(f"{path}: ", "").replace(str(path), "upload")
            raise InvalidQueryError(f"the document could not be read: {reason}")
        held = {p.fact.id: p for p in _all_of_document(observatory, outcome.document_id)}
        return IngestResult(
            document_id=outcome.document_id,
            new=outcome.new,
            known=outcome.known,
            warnings=list(outcome.warnings),
            proposals=[proposal_view(held[i]) for i in outcome.proposal_ids if i in held],
        )

    return await in_pool(request, read)


def _all_of_document(observatory: Observatory, document_id: str) -> list[StoredProposal]:
    return observatory.proposals(ProposalFilter(document_id=document_id, limit=10_000)).items
