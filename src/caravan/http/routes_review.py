"""The review queue over HTTP: reading is open, every change needs the operator's token.

Accepting, rejecting and editing run in the compute pool (they wait on the disk).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from caravan.analysis.monitoring import (
    ProposalDetails,
    describe_proposal,
    document_source_id,
    proposed_value,
)
from caravan.api import ProposalFilter, ProposalOrder, StoredProposal
from caravan.http.routes_edits import require_token
from caravan.http.routes_knowledge import ObservatoryDep
from caravan.http.workers import WorkersBusyError, busy_problem, worker_pool
from caravan.model import Assumption, Source
from caravan.model.proposals import (
    Comparison,
    DocumentMeta,
    Evidence,
    FactKind,
    Flag,
    ProposalState,
    ProposedAgreement,
    ProposedEntity,
    ProposedFigure,
    ProposedStatusEvent,
)

__all__ = ["AcceptResult", "ProposalList", "ProposalView", "in_pool", "proposal_view", "router"]

router = APIRouter(prefix="/api/v1", tags=["review"])
T = TypeVar("T")

ProposalId = Annotated[str, Field(min_length=4, max_length=64, pattern=r"^[0-9a-f]+$")]


class ProposalView(BaseModel):
    """A proposal as the review view shows it: the fact, its evidence, document and history."""

    id: str
    kind: FactKind
    state: ProposalState
    summary: str = Field(description="What the proposal would add, in one line.")
    mention: str
    confidence: float
    evidence: Evidence
    payload: ProposedStatusEvent | ProposedFigure | ProposedAgreement | ProposedEntity
    proposed_value: str | None = Field(description="A figure's value as text; null otherwise.")
    comparison: Comparison
    flags: list[Flag]
    document: DocumentMeta
    document_source_id: str = Field(description="The source id accepting gives the document.")
    held_sources: list[Source | Assumption] = Field(
        default_factory=list, description="Sources of the held value compared with."
    )
    created_at: str
    decided_at: str | None
    decided_by: str | None
    reason: str | None
    journal_entry: int | None
    edited_at: str | None
    edited_by: str | None


class ProposalList(BaseModel):
    """One page of proposals and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[ProposalView]


class AcceptResult(BaseModel):
    """What accepting wrote: the journal entry and the row added or newly cited."""

    proposal_id: str
    journal_entry: int
    table: str
    key: str
    kind: str


class RejectRequest(BaseModel):
    """Why a proposal is rejected (optional)."""

    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(None, max_length=2000)


class EditRequest(BaseModel):
    """Fields of the proposal's payload to change, as text (lists as `a|b`; empty clears)."""

    model_config = ConfigDict(extra="forbid")

    set: dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=500)]] = Field(
        min_length=1, max_length=20
    )


@router.get("/proposals", summary="Proposed facts in the review queue, filtered and paged")
def list_proposals(
    observatory: ObservatoryDep,
    state: ProposalState | None = None,
    kind: FactKind | None = None,
    document: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16,64}$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    order: ProposalOrder = ProposalOrder.OLDEST,
) -> ProposalList:
    page = observatory.proposals(ProposalFilter(state, kind, document, limit, offset, order))
    return ProposalList(
        total=page.total, limit=limit, offset=offset, items=[proposal_view(p) for p in page.items]
    )


@router.get(
    "/proposals/{proposal_id}", summary="One proposal, with the sources it is compared with"
)
def get_proposal(observatory: ObservatoryDep, proposal_id: ProposalId) -> ProposalView:
    return _view_of(observatory.proposal(proposal_id))


@router.post(
    "/proposals/{proposal_id}/accept",
    response_model=AcceptResult,
    dependencies=[Depends(require_token)],
    summary="Accept a proposal: its fact is written through the journal (token required)",
)
async def accept_proposal(
    request: Request, observatory: ObservatoryDep, proposal_id: ProposalId
) -> AcceptResult | Response:
    def accept() -> AcceptResult:
        outcome = observatory.accept_proposal(proposal_id, "http")
        return AcceptResult(**vars(outcome))

    return await in_pool(request, accept)


@router.post(
    "/proposals/{proposal_id}/reject",
    response_model=ProposalView,
    dependencies=[Depends(require_token)],
    summary="Reject a proposal; the knowledge base is not touched (token required)",
)
async def reject_proposal(
    request: Request,
    observatory: ObservatoryDep,
    proposal_id: ProposalId,
    body: RejectRequest | None = None,
) -> ProposalView | Response:
    reason = body.reason if body else None
    return await in_pool(
        request, lambda: proposal_view(observatory.reject_proposal(proposal_id, "http", reason))
    )


@router.patch(
    "/proposals/{proposal_id}",
    response_model=ProposalView,
    dependencies=[Depends(require_token)],
    summary="Change fields of a pending proposal; its evidence is kept (token required)",
)
async def edit_proposal(
    request: Request, observatory: ObservatoryDep, proposal_id: ProposalId, body: EditRequest
) -> ProposalView | Response:
    return await in_pool(
        request, lambda: proposal_view(observatory.edit_proposal(proposal_id, body.set, "http"))
    )


@router.api_route(
    "/proposals/{proposal_id}",
    methods=["POST", "PUT", "DELETE", "OPTIONS", "TRACE"],
    include_in_schema=False,
)
def other_methods(proposal_id: str) -> None:
    """405 naming both methods of the path (each route alone would name only its own)."""
    raise HTTPException(405, "Method Not Allowed", headers={"Allow": "GET, PATCH"})


async def in_pool(request: Request, work: Callable[[], T]) -> T | Response:
    try:
        return await worker_pool(request.app).run(work)
    except WorkersBusyError as busy:
        return busy_problem(request, busy)


def _view_of(details: ProposalDetails) -> ProposalView:
    return proposal_view(details.proposal, details)


def proposal_view(stored: StoredProposal, details: ProposalDetails | None = None) -> ProposalView:
    fact = stored.fact
    return ProposalView(
        id=fact.id,
        kind=fact.kind,
        state=fact.state,
        summary=describe_proposal(fact),
        mention=fact.mention,
        confidence=fact.confidence,
        evidence=fact.evidence,
        payload=fact.payload,
        proposed_value=proposed_value(fact),
        comparison=fact.comparison,
        flags=list(fact.flags),
        document=_without_folder(stored.document),
        document_source_id=document_source_id(stored.document),
        held_sources=list(details.held_sources) if details else [],
        created_at=stored.created_at,
        decided_at=stored.decision.at,
        decided_by=stored.decision.by,
        reason=stored.decision.reason,
        journal_entry=stored.decision.journal_entry,
        edited_at=stored.edited.at,
        edited_by=stored.edited.by,
    )


def _without_folder(document: DocumentMeta) -> DocumentMeta:
    """The document with only its file's name: server paths are not for clients."""
    if document.path is None:
        return document
    return document.model_copy(update={"path": Path(document.path).name})
