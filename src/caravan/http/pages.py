"""Pagination: one envelope for every listing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel, Field

__all__ = ["Page", "PageParams", "paginate"]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A slice of a listing, with the total and a relative link to the next slice."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = Field(
        description=(
            "Path and query of the next slice, relative to this server "
            "(e.g. /api/v1/places?limit=100&offset=100); null on the last slice."
        )
    )


class PageParams:
    """`limit` and `offset` query parameters, capped by the app's settings."""

    def __init__(
        self,
        request: Request,
        limit: int = Query(100, ge=1, le=10_000),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> None:
        self.request = request
        self.limit = min(limit, request.app.state.settings.max_page_size)
        self.offset = offset


def paginate(items: Sequence[T], page: PageParams) -> Page[T]:
    """Cut a full listing into the requested page."""
    chunk = list(items[page.offset : page.offset + page.limit])
    following = page.offset + page.limit
    next_url = None
    if following < len(items):
        # Relative on purpose: an absolute link would repeat whatever Host header was sent.
        url = page.request.url.include_query_params(offset=following, limit=page.limit)
        next_url = f"{url.path}?{url.query}"
    return Page[T](
        items=chunk, total=len(items), limit=page.limit, offset=page.offset, next=next_url
    )
