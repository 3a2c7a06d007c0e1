"""The FastAPI application: one app for the API and the web page, usable in-process."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caravan import __version__
from caravan.api import Observatory
from caravan.http import (
    routes_documents,
    routes_edits,
    routes_freight,
    routes_knowledge,
    routes_questions,
    routes_review,
)
from caravan.http.problems import (
    Problem,
    install_problem_handlers,
    problem,
    problem_responses,
)
from caravan.http.settings import HttpSettings
from caravan.http.web import mount_api_docs, mount_web

__all__ = ["API_RESPONSES", "create_app"]

#: Problems any operation of the API can answer: what the body limit, the knowledge base and
#: the validation of any value can refuse. Each router adds its own (404, 401, 403).
API_RESPONSES = problem_responses(400, 413, 422, 500, 503)

#: Smallest response body sent gzip-compressed (smaller ones gain little for the CPU).
GZIP_MINIMUM_BYTES = 1024
#: The problems of each router beyond API_RESPONSES (routes_knowledge declares its own per route).
ROUTER_RESPONSES = {
    routes_knowledge: problem_responses(),
    routes_questions: problem_responses(404),
    routes_freight: problem_responses(404),
    routes_edits: problem_responses(401, 403, 404),
    routes_review: problem_responses(401, 403, 404),
    routes_documents: problem_responses(401, 403),
}

DESCRIPTION = """The China–Central Asia system, computable: places, border crossings, links,
projects with dated timelines, agreements, trade and sister cities, each fact with its
source; freight routes and skims on the network of a date. Reading is open; writing needs
the operator's bearer token. Every error is an RFC 9457 problem document."""


class BodyLimit:
    """Refuse request bodies larger than the configured limit (413, problem document).

    A declared Content-Length over the limit is refused before the app runs; a body without
    one (chunked) is counted as it arrives and refused once past the limit, so no body is
    ever held in memory beyond it. Paths in `larger` (document uploads) have their own limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope.get("path", ""), self.max_bytes)
        detail = f"request bodies are limited to {limit} bytes"
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            response = problem(413, "too-large", "Request too large", detail, Request(scope))
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised where the app reads the body: mapped to the 413 problem there.
                    raise HTTPException(413, detail)
            return message

        await self.app(scope, counted, send)


def create_app(
    settings: HttpSettings | None = None, observatory: Observatory | None = None
) -> FastAPI:
    """Build the app; opens (and if needed builds) the knowledge base unless one is given."""
    settings = settings or HttpSettings.from_environment()
    app = FastAPI(
        title="caravan",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # served by mount_api_docs with local assets (offline)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.observatory = observatory or Observatory.open(
        settings.knowledge_base, settings.data_dir
    )
    install_problem_handlers(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        larger={routes_documents.UPLOAD_PATH: settings.max_document_bytes},
    )
    # Responses of 1 KB or more go gzip-compressed to clients that accept it (the map's
    # GeoJSON shrinks ~10x); event streams are never buffered for compression.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=6)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET"],
            allow_headers=["Authorization", "Content-Type"],
        )
    for module, responses in ROUTER_RESPONSES.items():
        app.include_router(module.router, responses={**API_RESPONSES, **responses})
    mount_web(app)
    mount_api_docs(app, "/api/v1/docs", "/api/v1/openapi.json")
    _publish_problem_schema(app, settings)
    return app


def _publish_problem_schema(app: FastAPI, settings: HttpSettings) -> None:
    """Complete the OpenAPI document: the `Problem` schema and this server's own limits."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            _document_limits(document, settings)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document_limits(document: dict[str, Any], settings: HttpSettings) -> None:
    """Publish the operator's work limits as the bounds of the parameters they cap.

    The routes declare absolute bounds; the settings may be tighter, and a request beyond them
    is refused (422 too-much-work), so the document states the tighter bound.
    """
    limits = {
        ("/api/v1/route", "alternatives"): ("maximum", settings.max_alternatives),
        ("/api/v1/skim", "places"): ("maxItems", settings.max_skim_places),
        ("/api/v1/skim/stream", "places"): ("maxItems", settings.max_skim_places),
    }
    for (path, name), (keyword, limit) in limits.items():
        for operation in document["paths"].get(path, {}).values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == name:
                    schema = parameter["schema"]
                    schema[keyword] = min(schema.get(keyword, limit), limit)
