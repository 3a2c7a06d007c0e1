"""Typed records of a trade response: parameters with their sources, and ranges per pair."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["PairTradeResponse", "Range", "TradeResponse", "TradeResponseParameters"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TradeResponseParameters(_Record):
    """Elasticities of trade to time and cost, each read from a cited assumption."""

    delay_semi_elasticity_per_day: float = Field(
        ge=0, le=0.2, description="Fall in trade per added day, share (Djankov et al. 2010)."
    )
    time_share_per_day_low: float = Field(
        ge=0, le=0.2, description="Time cost per day in transit, share of value, low."
    )
    time_share_per_day_high: float = Field(
        ge=0, le=0.2, description="Time cost per day in transit, share of value, high."
    )
    trade_cost_elasticity_low: float = Field(
        gt=0, le=20, description="Elasticity of trade to ad valorem trade costs, low."
    )
    trade_cost_elasticity_high: float = Field(
        gt=0, le=20, description="Elasticity of trade to ad valorem trade costs, high."
    )
    cargo_value_usd_per_teu: float = Field(
        gt=0, description="Value of the goods in one TEU, USD (turns a cost change ad valorem)."
    )
    road_share: float = Field(
        ge=0, le=1, description="Share of the trade moved by road; the rest weighs rail changes."
    )
    sources: tuple[str, ...] = Field((), description="Assumption ids behind the values.")


class Range(_Record):
    """Low, typical and high estimates of one quantity (low ≤ typical ≤ high)."""

    low: float
    typical: float
    high: float


class PairTradeResponse(_Record):
    """The estimated change in one country pair's trade when time and cost change."""

    countries: tuple[str, str]
    trade_usd: float = Field(description="Trade of the pair in the base year, USD.")
    time_change_days: float = Field(description="Mean change in door-to-door days, b − a.")
    cost_change_usd: float | None = Field(
        description="Mean change in freight cost per TEU, USD, b − a (None: not compared)."
    )
    change_pct: Range = Field(description="Change in the pair's trade, percent.")
    change_usd: Range = Field(description="Change in the pair's trade, USD.")


class TradeResponse(_Record):
    """A scenario's partial-equilibrium trade response, per country pair and in total."""

    year: int | None = Field(description="Year of the trade the response applies to.")
    pairs: tuple[PairTradeResponse, ...]
    total_trade_usd: float
    total_change_usd: Range
    total_change_pct: Range
    parameters: TradeResponseParameters
    method: str = Field(description="How the range is built, in a sentence or two.")
    notes: tuple[str, ...] = ()
