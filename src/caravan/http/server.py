"""Running the HTTP face under uvicorn with caravan's limits on connections and request heads.

uvicorn bounds a request head's size (h11) but not the time it or its body takes to arrive,
so a client could hold a connection open by sending a byte at a time; `CaravanH11Protocol`
closes a connection whose request head is not complete within `header_timeout_seconds`, and
answers 408 when a body is not complete within `body_timeout_seconds` of its head.
Beyond `max_concurrency`, requests get a 503 problem document with `Retry-After`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
from collections.abc import Callable
from typing import Any

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn._types import ASGIReceiveCallable, ASGISendCallable, Scope
from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState
from uvicorn.supervisors import Multiprocess

from caravan.http.app import create_app
from caravan.http.problems import PROBLEM_MEDIA_TYPE, RETRY_AFTER_SECONDS
from caravan.http.settings import HttpSettings, environment_name

__all__ = [
    "APP_FACTORY",
    "CaravanConfig",
    "CaravanH11Protocol",
    "app_from_environment",
    "environment_for",
    "serve",
]

#: Import string of the app factory that worker processes call.
APP_FACTORY = "caravan.http.server:app_from_environment"


def app_from_environment() -> FastAPI:
    """The app, with settings from the `CARAVAN_*` variables: what each worker process runs."""
    return create_app(HttpSettings.from_environment())


def environment_for(settings: HttpSettings) -> dict[str, str]:
    """The `CARAVAN_*` variables that give a worker process these settings."""
    variables: dict[str, str] = {}
    for name in HttpSettings.model_fields:
        value = getattr(settings, name)
        if value is None:
            continue
        if name == "write_token":
            value = value.get_secret_value()
        elif isinstance(value, tuple):
            value = ",".join(value)
        variables[environment_name(name)] = str(value)
    return variables


class CaravanConfig(Config):
    """uvicorn's configuration plus the time a request head and its body may take to arrive."""

    def __init__(
        self, app: Any, *, header_timeout: float, body_timeout: float = 30.0, **kwargs: Any
    ) -> None:
        super().__init__(app, **kwargs)
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout


# The end of a request head: an empty line (h11 also accepts bare line feeds).
_HEAD_END = re.compile(rb"\n\r?\n")
_REFUSALS = {
    400: ("bad-request", "Bad Request"),
    408: ("too-slow", "Request Timeout"),
    431: ("too-large", "Request Header Fields Too Large"),
}


def _problem_bytes(status: int, kind: str, title: str, detail: str) -> bytes:
    body = {"type": f"/problems/{kind}", "title": title, "status": status, "detail": detail}
    return json.dumps(body).encode()


class CaravanH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with deadlines on request heads and bodies, refusing as problems.

    - A request head (request line and headers) must be complete within `header_timeout`
      seconds of the connection opening or of the previous response; else the connection is
      closed.
    - A body must be complete within `body_timeout` seconds of its head; else 408 and close.
    - A head larger than `h11_max_incomplete_event_size` gets 431 (uvicorn answers 400).
    - Over the concurrency limit the answer is a 503 problem with `Retry-After`.
    """

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout: float = getattr(config, "header_timeout", 10.0)
        self.max_head_bytes: int = config.h11_max_incomplete_event_size or 16_384
        self.body_timeout: float = getattr(config, "body_timeout", 30.0)
        self.head_deadline: asyncio.TimerHandle | None = None
        self.body_deadline: asyncio.TimerHandle | None = None
        # The concurrency check moves into the app so that its refusal is a problem document.
        self.concurrency = self.limit_concurrency
        self.limit_concurrency = None
        self.app = self._guard(self.app)

    # -- the deadline on request heads --------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_head_deadline()

    def data_received(self, data: bytes) -> None:
        if self._head_too_large(data):
            return
        super().data_received(data)
        state = self.conn.their_state
        if state is not h11.IDLE:  # a head arrived (or the connection failed)
            self._stop_head_deadline()
        if state is h11.SEND_BODY:
            if self.body_deadline is None:
                self.body_deadline = self.loop.call_later(self.body_timeout, self._body_too_slow)
        else:
            self._stop_body_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._start_head_deadline()  # the next request's head is due in time too

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_deadline()
        self._stop_body_deadline()
        super().connection_lost(exc)

    def _start_head_deadline(self) -> None:
        self._stop_head_deadline()
        self.head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _stop_head_deadline(self) -> None:
        if self.head_deadline is not None:
            self.head_deadline.cancel()
            self.head_deadline = None

    def _head_too_slow(self) -> None:
        self.head_deadline = None
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self.logger.info("closing a connection whose request head took too long")
            with contextlib.suppress(h11.LocalProtocolError):
                self.conn.send(h11.ConnectionClosed())
            self.transport.close()

    # -- the deadline on request bodies ------------------------------------------------------
    def _stop_body_deadline(self) -> None:
        if self.body_deadline is not None:
            self.body_deadline.cancel()
            self.body_deadline = None

    def _body_too_slow(self) -> None:
        """A body still incomplete at its deadline: 408 if no answer has begun, then close."""
        self.body_deadline = None
        if self.transport.is_closing() or self.conn.their_state is not h11.SEND_BODY:
            return
        self.logger.info("closing a connection whose request body took too long")
        cycle = self.cycle
        if cycle is not None and not cycle.response_started:
            cycle.response_started = True  # the app's own answer, if any, is not sent
            self._refuse(408, f"request bodies must arrive within {self.body_timeout:g} s")
        else:
            self.transport.close()

    # -- refusals as problem documents ----------------------------------------------------------
    def _head_too_large(self, data: bytes) -> bool:
        """Refuse a request head over the size limit, however fast it arrives.

        h11 bounds only a head still incomplete after a read; a large head arriving in one read
        would pass. While a head is awaited (IDLE), or queued behind a request in progress
        (DONE, pipelining), the end of the head must come within the limit.
        """
        state = self.conn.their_state
        if state is not h11.IDLE and state is not h11.DONE:
            return False
        buffered = self.conn.trailing_data[0]
        if len(buffered) + len(data) <= self.max_head_bytes:
            return False
        if _HEAD_END.search((buffered + data)[: self.max_head_bytes + 3]):
            return False
        if state is h11.IDLE:
            self._refuse(431, f"request heads are limited to {self.max_head_bytes} bytes")
        else:  # a response is under way on this connection: no room for an answer
            self.transport.close()
        return True

    def send_400_response(self, msg: str) -> None:
        """A malformed request head (h11 refused it): 431 when over the size limit, else 400."""
        if len(self.conn.trailing_data[0]) > self.max_head_bytes:
            self._refuse(431, f"request heads are limited to {self.max_head_bytes} bytes")
        else:
            self._refuse(400, msg)

    def _refuse(self, status: int, detail: str) -> None:
        """Answer a request that never reached the app with a problem document, then close."""
        kind, title = _REFUSALS[status]
        body = _problem_bytes(status, kind, title, detail)
        head = (
            f"HTTP/1.1 {status} {title}\r\n"
            f"content-type: {PROBLEM_MEDIA_TYPE}\r\n"
            f"content-length: {len(body)}\r\n"
            "connection: close\r\n\r\n"
        )
        self._stop_head_deadline()
        if not self.transport.is_closing():
            self.transport.write(head.encode("ascii") + body)
            self.transport.close()

    def _guard(self, app: Any) -> Callable[..., Any]:
        """The app behind a check of this process's connections and requests in flight."""
        limit = self.concurrency
        if limit is None:
            return app  # type: ignore[no-any-return]
        body = _problem_bytes(
            503, "busy", "Too many requests at once", "the server is at its concurrency limit"
        )

        async def guarded(
            scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable
        ) -> None:
            # This request's own task is already counted, hence `>` where uvicorn has `>=`.
            if len(self.connections) > limit or len(self.tasks) > limit:
                self.logger.warning("exceeded concurrency limit")
                await send(
                    {
                        "type": "http.response.start",
                        "status": 503,
                        "headers": [
                            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
                            (b"connection", b"close"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body, "more_body": False})
                return
            await app(scope, receive, send)

        return guarded


def serve(
    settings: HttpSettings,
    *,
    host: str,
    port: int,
    workers: int = 1,
    app: FastAPI | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Listen on host:port and serve until interrupted, with caravan's limits.

    One worker serves `app` (or the app of `settings`). More workers each build their own
    app from the `CARAVAN_*` variables, which are set here from `settings` and inherited.
    `announce` receives the address actually listened on, once the socket is bound.
    """
    if workers > 1:
        os.environ.update(environment_for(settings))
        target: Any = APP_FACTORY
    else:
        target = app if app is not None else create_app(settings)
    config = CaravanConfig(
        target,
        header_timeout=settings.header_timeout_seconds,
        body_timeout=settings.body_timeout_seconds,
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        http=CaravanH11Protocol,
        ws="none",
        h11_max_incomplete_event_size=settings.max_header_bytes,
        limit_concurrency=settings.max_concurrency,
        timeout_keep_alive=settings.keep_alive_seconds,
        log_level="warning",
    )
    socket = config.bind_socket()
    bound_host, bound_port = socket.getsockname()[:2]
    if announce is not None:
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        announce(f"http://{shown}:{bound_port}/")
    server = uvicorn.Server(config)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[socket]).run()
        else:
            server.run(sockets=[socket])
    except KeyboardInterrupt:  # Ctrl+C: uvicorn has shut down gracefully
        pass
    finally:
        socket.close()
    if workers == 1 and not server.started:
        raise SystemExit(STARTUP_FAILURE)
