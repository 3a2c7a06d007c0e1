"""Typed results of the Python API: each can become a table (rows), JSON or GeoJSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from caravan.model import (
    Assumption,
    Crossing,
    Link,
    Observation,
    Place,
    Project,
    ProjectStatus,
    Source,
    StatusEvent,
    TradeFlow,
)

__all__ = [
    "Citation",
    "CrossingView",
    "PlaceDetails",
    "ProjectDetails",
    "ProjectRow",
    "SourceDetails",
    "Summary",
    "TableCount",
    "TradeReport",
    "TradeYear",
]


class View(BaseModel):
    """Base of API results: immutable, JSON-ready."""

    model_config = ConfigDict(frozen=True)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-compatible dict."""
        return self.model_dump(mode="json")


class CrossingView(View):
    """A crossing with its two posts and the latest dated observations."""

    crossing: Crossing
    post_a: Place
    post_b: Place
    observations: list[Observation]
    sources: list[Source | Assumption]


class PlaceDetails(View):
    """A place with its crossings, links and the sources behind each."""

    place: Place
    crossings: list[CrossingView]
    links: list[Link]
    sources: list[Source | Assumption]


class ProjectRow(View):
    """A project and its status on the date asked."""

    project: Project
    status: ProjectStatus | None
    since: dt.date | None
    as_of: dt.date


class ProjectDetails(View):
    """A project with its timeline, what it builds and every source."""

    project: Project
    status: ProjectStatus | None
    timeline: list[StatusEvent]
    links: list[Link]
    crossings: list[Crossing]
    sources: list[Source | Assumption]


class TradeYear(View):
    """One year's trade of a reporter with the selected partners.

    A year is ``partial`` when a partner's figure was not found: then ``total_usd`` (and the
    split) is None, never the sum of the partners found, which ``subtotal_usd`` holds.
    """

    year: int
    exports_usd: float | None  # None when a partner's split is not published or missing
    imports_usd: float | None
    total_usd: float | None  # None when the year is partial
    subtotal_usd: float  # sum over the partners found (the total when complete)
    by_partner_usd: dict[str, float]
    partial: bool
    missing_partners: list[str]


class TradeReport(View):
    """Trade rows as one reporter publishes them, with yearly totals."""

    reporter_id: str
    rows: list[TradeFlow]
    years: list[TradeYear]


class TableCount(View):
    """Rows of one table and how they are backed."""

    table: str
    rows: int
    published_only: int
    assumption_only: int
    both: int


class Summary(View):
    """What the knowledge base holds, for a first look."""

    knowledge_base: str
    built_at: str
    boundary_method: str
    tables: list[TableCount]
    sources: int
    assumptions: int
    latest_trade_year: int | None
    latest_trade_total_usd: float | None


class Citation(View):
    """A row that cites a source: its table and key."""

    table: str
    key: str


class SourceDetails(View):
    """A source or assumption and every row that cites it."""

    record: Source | Assumption
    kind: str  # "source" or "assumption"
    cited_by: list[Citation]
