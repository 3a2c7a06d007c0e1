"""Writes: only with the operator's token. Now: a project's new status event with its source."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from caravan.http.params import IsoDate
from caravan.http.routes_knowledge import ObservatoryDep
from caravan.model import DatePrecision, ProjectStatus, Source, StatusEvent
from caravan.model.records import SourceRef

__all__ = ["StatusEventRequest", "require_token", "router"]

router = APIRouter(prefix="/api/v1")


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Allow the request only with `Authorization: Bearer <operator token>`."""
    token = (secret := request.app.state.settings.write_token) and secret.get_secret_value()
    if not token:
        raise HTTPException(
            403, "writes are disabled: the operator has not configured a write token"
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401,
            "a valid bearer token is required to write",
            headers={"WWW-Authenticate": 'Bearer realm="caravan"'},
        )


class StatusEventRequest(BaseModel):
    """A new dated status of a project, and the source it comes from."""

    model_config = ConfigDict(extra="forbid")

    date: IsoDate
    status: ProjectStatus
    date_precision: DatePrecision = DatePrecision.DAY
    note: str | None = Field(None, max_length=2000)
    source_ids: list[SourceRef] = Field(
        default_factory=list,
        max_length=10,
        description="Declared source (`src-…`) or assumption (`asm-…`) ids; or give new_source.",
    )
    new_source: Source | None = None


@router.post(
    "/projects/{project_id}/events",
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Record a project's new status event with its source (token required)",
)
def add_status_event(
    observatory: ObservatoryDep, project_id: str, body: StatusEventRequest
) -> StatusEvent:
    if not body.source_ids and body.new_source is None:
        raise HTTPException(422, "a status event needs a source: source_ids or new_source")
    return observatory.record_status_event(
        project_id,
        body.date,
        body.status,
        source_ids=body.source_ids,
        new_source=body.new_source,
        note=body.note,
        date_precision=body.date_precision,
    )
