"""One error shape for every failure: RFC 9457 problem details, mapped in one place."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException

from caravan.errors import (
    CaravanError,
    DataValidationError,
    InvalidQueryError,
    KnowledgeBaseError,
    NoRouteError,
    UnknownPlaceError,
    UnknownRecordError,
)

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "Problem",
    "TooMuchWorkError",
    "install_problem_handlers",
    "problem",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
logger = logging.getLogger(__name__)


class TooMuchWorkError(Exception):
    """A request that asks for more work than the operator allows (422, too-much-work)."""


class Problem(BaseModel):
    """RFC 9457 problem details, with extension members where useful."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None


def problem(
    status: int,
    kind: str,
    title: str,
    detail: str,
    request: Request | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A problem-details response."""
    body = {
        "type": f"/problems/{kind}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path) if request else None,
        **extensions,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE)


def install_problem_handlers(app: FastAPI) -> None:
    """Map every exception to a problem response (domain errors to their HTTP codes)."""

    @app.exception_handler(UnknownPlaceError)
    async def unknown_place(request: Request, error: UnknownPlaceError) -> JSONResponse:
        return problem(
            404,
            "unknown-place",
            "Unknown place",
            str(error),
            request,
            suggestions=[{"name": n, "id": i} for n, i in error.suggestions],
        )

    @app.exception_handler(UnknownRecordError)
    async def unknown_record(request: Request, error: UnknownRecordError) -> JSONResponse:
        return problem(
            404,
            "unknown-record",
            f"Unknown {error.kind}",
            str(error),
            request,
            suggestions=error.suggestions,
        )

    @app.exception_handler(TooMuchWorkError)
    async def too_much_work(request: Request, error: TooMuchWorkError) -> JSONResponse:
        return problem(422, "too-much-work", "Too much work", str(error), request)

    @app.exception_handler(NoRouteError)
    async def no_route(request: Request, error: NoRouteError) -> JSONResponse:
        return problem(422, "no-route", "No route", str(error), request)

    @app.exception_handler(DataValidationError)
    async def invalid_data(request: Request, error: DataValidationError) -> JSONResponse:
        return problem(
            422,
            "invalid-data",
            "Invalid data",
            f"{len(error.issues)} data issue(s)",
            request,
            errors=[
                {"file": i.file, "row": i.row, "field": i.field, "reason": i.reason}
                for i in error.issues
            ],
        )

    @app.exception_handler(InvalidQueryError)
    async def invalid_query(request: Request, error: InvalidQueryError) -> JSONResponse:
        return problem(422, "invalid-request", "Invalid request", str(error), request)

    @app.exception_handler(KnowledgeBaseError)
    async def knowledge_base(request: Request, error: KnowledgeBaseError) -> JSONResponse:
        return problem(503, "knowledge-base", "Knowledge base unavailable", str(error), request)

    @app.exception_handler(CaravanError)
    async def caravan_error(request: Request, error: CaravanError) -> JSONResponse:
        return problem(400, "bad-request", "Bad request", str(error), request)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            {"location": [str(part) for part in e.get("loc", ())], "reason": str(e.get("msg"))}
            for e in error.errors()
        ]
        return problem(
            422,
            "invalid-request",
            "Invalid request",
            "; ".join(f"{'.'.join(e['location'])}: {e['reason']}" for e in errors),
            request,
            errors=errors,
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        kinds = {
            401: "unauthorized",
            403: "forbidden",
            404: "not-found",
            405: "method-not-allowed",
            413: "too-large",
        }
        title = {
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not found",
            405: "Method not allowed",
            413: "Request too large",
        }.get(error.status_code, "HTTP error")
        response = problem(
            error.status_code,
            kinds.get(error.status_code, "http-error"),
            title,
            str(error.detail),
            request,
        )
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return problem(
            500,
            "internal",
            "Internal error",
            "an unexpected error occurred; it was logged",
            request,
        )
