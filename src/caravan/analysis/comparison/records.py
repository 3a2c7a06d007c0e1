"""Typed records of a comparison's summary (JSON-ready); the per-pair table stays in arrays."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from caravan.analysis.freight.comparison import CrossingLoads
from caravan.analysis.trade_response import TradeResponse

__all__ = [
    "ClaimCheck",
    "ComparedSide",
    "ComparisonSummary",
    "CountryPairChange",
    "ElementChange",
    "PairChange",
    "ProjectEffect",
    "RoutePath",
    "TradeWeightedChange",
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class ComparedSide(_Record):
    """One side of a comparison: a scenario (or the knowledge base as reported on a date)."""

    name: str = Field(description="Scenario name, or the ISO date of the network as reported.")
    description: str = Field("", description="What the side stands for.")
    date: str = Field(description="Date of the compiled network, ISO.")
    sources: tuple[str, ...] = Field((), description="Sources or assumptions behind it.")


class PairChange(_Record):
    """One origin–destination pair on both sides (None where unreachable)."""

    origin: str
    destination: str
    origin_name: str
    destination_name: str
    time_h_a: float | None
    time_h_b: float | None
    cost_usd_a: float | None
    cost_usd_b: float | None
    length_km_a: float | None
    length_km_b: float | None
    time_change_h: float | None = Field(description="b − a, hours; None unless both reachable.")
    cost_change_usd: float | None
    length_change_km: float | None
    crossings_a: tuple[str, ...] = ()
    crossings_b: tuple[str, ...] = ()
    modes_a: tuple[str, ...] = ()
    modes_b: tuple[str, ...] = ()
    route_change: str = Field(
        "",
        description="'' (same crossings and modes), crossing, mode, crossing+mode, "
        "lost (no route in b) or gained (no route in a).",
    )


class CountryPairChange(_Record):
    """Mean change over the place pairs between two countries (both directions)."""

    countries: tuple[str, str]
    pairs: int = Field(description="Place pairs with a route on both sides (the mean's base).")
    lost_pairs: int = Field(description="Place pairs with a route in a and none in b.")
    gained_pairs: int = Field(description="Place pairs with a route in b and none in a.")
    mean_time_change_h: float | None
    mean_cost_change_usd: float | None
    mean_length_change_km: float | None
    mean_time_change_pct: float | None
    mean_cost_change_pct: float | None
    trade_usd: float | None = Field(description="Trade weight (China's customs), USD; None: none.")
    trade_share: float | None = Field(description="Share of the weighted total, 0–1.")


class TradeWeightedChange(_Record):
    """The trade-weighted mean change over China's country pairs (World Bank's headline)."""

    year: int | None = Field(description="Year of the trade weights (China's customs).")
    time_change_h: float | None
    cost_change_usd: float | None
    time_change_pct: float | None
    cost_change_pct: float | None
    partners: tuple[str, ...] = Field((), description="Partners whose pairs carry a weight.")


class ElementChange(_Record):
    """A link or crossing whose number of best routes changes."""

    id: str
    kind: str = Field(description="link or crossing.")
    from_id: str
    to_id: str
    routes_a: int
    routes_b: int
    change: int


class RoutePath(_Record):
    """The best route of a pair on one side, as the places it passes (for drawing)."""

    origin: str
    destination: str
    side: str = Field(description="a or b.")
    places: tuple[str, ...]
    link_ids: tuple[str, ...] = Field((), description="Links it runs on, in order (to draw).")
    modes: tuple[str, ...]
    crossings: tuple[str, ...]
    time_h: float
    length_km: float


class ClaimCheck(_Record):
    """A published claim for a project beside the model's figure for the pair it names."""

    project_id: str
    claim: str = Field(description="The claim, as published (paraphrased).")
    scope: str = Field(description="What the claim is about, in its own words.")
    quantity: str = Field(description="length_km_saved, days_saved or days (after).")
    claimed_low: float
    claimed_high: float
    origin: str = Field(description="Place id standing for the claim's origin in the model.")
    destination: str
    modelled: float | None = Field(description="The model's figure for the same quantity.")
    gap: str = Field(description="The gap, stated plainly.")
    explanation: str = Field(description="Why model and claim may differ.")
    sources: tuple[str, ...]


class ProjectEffect(_Record):
    """A project in service on one side only: its modelled effect, and its published claims."""

    project_id: str
    name: str
    opened_in: str = Field(description="a or b: the side where it is in service.")
    mode: str | None = Field(description="Mode the corridor is compared by (None: all).")
    corridor: tuple[PairChange, ...] = Field(description="China → UZ, KG, TM and beyond.")
    claims: tuple[ClaimCheck, ...] = ()


class ComparisonSummary(_Record):
    """Everything a comparison reports except the full pair table."""

    a: ComparedSide
    b: ComparedSide
    weight: str = Field(description="What the best routes minimise.")
    places: int = Field(description="Places compared (pairs = places²).")
    pairs_changed: int = Field(description="Pairs whose time, cost or distance changes.")
    trade_weighted: TradeWeightedChange
    country_pairs: tuple[CountryPairChange, ...]
    top_gains: tuple[PairChange, ...]
    route_changes: tuple[PairChange, ...]
    route_changes_total: int
    elements: tuple[ElementChange, ...]
    lost: tuple[PairChange, ...]
    lost_total: int
    gained: tuple[PairChange, ...]
    gained_total: int
    projects: tuple[ProjectEffect, ...]
    paths: tuple[RoutePath, ...] = Field((), description="Routes that changed, both sides.")
    trade_response: TradeResponse | None = Field(
        None, description="Partial-equilibrium change in trade by country pair, as ranges."
    )
    crossing_loads: CrossingLoads | None = Field(
        None, description="Freight loads per crossing on a and b (equilibrium assignment)."
    )
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = Field((), description="Sources of the sides, weights and claims.")
