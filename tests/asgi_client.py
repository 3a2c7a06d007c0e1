"""Requests to the HTTP app in-process, and the check every problem document must pass."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import FastAPI

__all__ = ["PROBLEM_KEYS", "assert_problem", "request"]

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def request(app: FastAPI, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to the app, in-process."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://caravan.test") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(send())


def assert_problem(response: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    """An RFC 9457 problem document of this status and kind; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"] == f"/problems/{kind}"
    assert body["detail"]
    return body
