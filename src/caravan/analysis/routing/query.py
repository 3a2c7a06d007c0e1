"""A route question as an immutable, validated record."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from caravan.model import LinkMode

__all__ = ["RouteQuery", "Weight"]


class Weight(StrEnum):
    """What a route minimises."""

    TIME = "time"
    COST = "cost"
    GENERALISED = "generalised"


class RouteQuery(BaseModel):
    """Origin and destination (place ids), what to minimise, and constraints."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    origin: str = Field(description="Place id of the origin.")
    destination: str = Field(description="Place id of the destination.")
    by: Weight = Field(Weight.GENERALISED, description="What the best route minimises.")
    modes: tuple[LinkMode, ...] | None = Field(None, description="Modes allowed; None = all.")
    avoid: tuple[str, ...] = Field((), description="Crossing, place or country ids to avoid.")
    via: tuple[str, ...] = Field((), description="Crossing or place ids to pass, in order.")
    alternatives: int = Field(0, ge=0, le=10, description="How many alternatives besides the best.")
    pareto: bool = Field(False, description="Also return the time–cost Pareto front.")
