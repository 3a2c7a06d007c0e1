"""One error shape for every failure: RFC 9457 problem details, mapped in one place.

The same module declares those documents in the OpenAPI description (`problem_responses`), so
what is published is what is served: `application/problem+json` with the `Problem` schema.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException

from caravan.errors import (
    AmbiguousPlaceError,
    CaravanError,
    DataValidationError,
    InvalidQueryError,
    KnowledgeBaseBusyError,
    KnowledgeBaseError,
    NoRouteError,
    UnknownPlaceError,
    UnknownRecordError,
    WorkLimitError,
)

__all__ = [
    "MAX_LISTED_ERRORS",
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_SCHEMA_REF",
    "RETRY_AFTER_SECONDS",
    "Problem",
    "TooMuchWorkError",
    "install_problem_handlers",
    "problem",
    "problem_responses",
    "without_paths",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
#: Where the OpenAPI document keeps the `Problem` schema (registered by the app).
PROBLEM_SCHEMA_REF = "#/components/schemas/Problem"
#: Seconds a client is asked to wait after a 503 that is expected to pass (busy, too slow).
RETRY_AFTER_SECONDS = 1
#: At most this many validation errors are listed in one problem document.
MAX_LISTED_ERRORS = 20
logger = logging.getLogger(__name__)

# An absolute file path (POSIX or Windows) inside a message: never shown to HTTP clients.
_PATH = re.compile(r"""(?<![\w/])(?:[A-Za-z]:\\|/)[^\s'"]*[/\\][^\s'"]*""")


class TooMuchWorkError(Exception):
    """A request that asks for more work than the operator allows (422, too-much-work)."""


class Problem(BaseModel):
    """RFC 9457 problem details, with extension members where useful."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="Kind of problem, as a relative URI: /problems/<kind>.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, in words.")
    instance: str | None = Field(None, description="Path of the request that failed.")


_RESPONSES: dict[int, str] = {
    400: "Bad request: a question caravan cannot answer in this form.",
    401: "No valid bearer token: writing needs the operator's token.",
    403: "Writes are disabled on this server (no write token configured).",
    404: (
        "Unknown place or record (with close matches as `suggestions`), or a place name that "
        "fits several places (`ambiguous-place`, with the ids it fits as `choices`); a place "
        "problem gives the name as typed as `name`."
    ),
    413: "Request too large.",
    422: (
        "Invalid request: a parameter or body that breaks its schema (`errors` lists each), "
        "a place with no route (`no-route`), data that would break the knowledge base "
        "(`invalid-data`) or more work than the operator allows (`too-much-work`)."
    ),
    500: "Unexpected error (logged on the server; the detail holds no internals).",
    503: (
        "Knowledge base unavailable or busy, question past its deadline, or too many "
        "requests at once; `Retry-After` says when to try again when that is expected to help."
    ),
}

_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "The scheme to use: Bearer.",
            "required": True,
            "schema": {"type": "string"},
        }
    },
    503: {
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "required": False,
            "schema": {"type": "integer", "minimum": 0},
        }
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring each status as a problem document."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        entry: dict[str, Any] = {
            "description": _RESPONSES[status],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
        }
        if status in _HEADERS:
            entry["headers"] = _HEADERS[status]
        responses[status] = entry
    return responses


def without_paths(text: str) -> str:
    """The text with every absolute file path replaced: server paths are not for clients."""
    return _PATH.sub("<path>", text)


def problem(
    status: int,
    kind: str,
    title: str,
    detail: str,
    request: Request | None = None,
    *,
    retry_after: int | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A problem-details response (with `Retry-After` when a retry is expected to help)."""
    body = {
        "type": f"/problems/{kind}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path) if request else None,
        **extensions,
    }
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _listed(errors: list[dict[str, str | list[str]]]) -> list[dict[str, str | list[str]]]:
    return errors[:MAX_LISTED_ERRORS]


def _invalid_request(request: Request, errors: list[dict[str, str | list[str]]]) -> JSONResponse:
    """422 listing each broken field by location and reason, never echoing the input."""
    listed = _listed(errors)
    detail = "; ".join(f"{'.'.join(e['location'])}: {e['reason']}" for e in listed)
    if len(errors) > len(listed):
        detail += f"; and {len(errors) - len(listed)} more"
    return problem(
        422,
        "invalid-request",
        "Invalid request",
        detail or "invalid request",
        request,
        errors=listed,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Map every exception to a problem response (domain errors to their HTTP codes)."""

    @app.exception_handler(AmbiguousPlaceError)
    async def ambiguous_place(request: Request, error: AmbiguousPlaceError) -> JSONResponse:
        choices = [{"name": n, "id": i} for n, i in error.choices]
        return problem(
            404,
            "ambiguous-place",
            "Ambiguous place",
            str(error),
            request,
            name=error.name,
            choices=choices,
            suggestions=choices,
        )

    @app.exception_handler(UnknownPlaceError)
    async def unknown_place(request: Request, error: UnknownPlaceError) -> JSONResponse:
        return problem(
            404,
            "unknown-place",
            "Unknown place",
            str(error),
            request,
            name=error.name,
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
                for i in error.issues[:MAX_LISTED_ERRORS]
            ],
        )

    @app.exception_handler(InvalidQueryError)
    async def invalid_query(request: Request, error: InvalidQueryError) -> JSONResponse:
        return problem(422, "invalid-request", "Invalid request", str(error), request)

    @app.exception_handler(KnowledgeBaseBusyError)
    async def busy(request: Request, error: KnowledgeBaseBusyError) -> JSONResponse:
        return problem(
            503,
            "busy",
            "Knowledge base busy",
            "another write holds the knowledge base; try again shortly",
            request,
            retry_after=RETRY_AFTER_SECONDS,
        )

    @app.exception_handler(KnowledgeBaseError)
    async def knowledge_base(request: Request, error: KnowledgeBaseError) -> JSONResponse:
        detail = without_paths(str(error))
        return problem(503, "knowledge-base", "Knowledge base unavailable", detail, request)

    @app.exception_handler(WorkLimitError)
    async def too_slow(request: Request, error: WorkLimitError) -> JSONResponse:
        return problem(
            503,
            "too-slow",
            "Question past its deadline",
            without_paths(str(error)) or "the question went past its deadline",
            request,
            retry_after=RETRY_AFTER_SECONDS,
        )

    @app.exception_handler(CaravanError)
    async def caravan_error(request: Request, error: CaravanError) -> JSONResponse:
        detail = without_paths(str(error)) or "bad request"
        return problem(400, "bad-request", "Bad request", detail, request)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return _invalid_request(
            request,
            [
                {"location": [str(part) for part in e.get("loc", ())], "reason": str(e.get("msg"))}
                for e in error.errors()
            ],
        )

    @app.exception_handler(ValidationError)
    async def invalid_values(request: Request, error: ValidationError) -> JSONResponse:
        # Raised by the Python API's own models (e.g. a malformed source id in a body).
        return _invalid_request(
            request,
            [
                {"location": [str(part) for part in e["loc"]], "reason": e["msg"]}
                for e in error.errors(include_url=False, include_input=False)
            ],
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
