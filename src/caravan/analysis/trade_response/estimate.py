"""Partial-equilibrium trade response to a change in door-to-door time and freight cost.

Two published channels give the range:

* **time, reduced form** (Djankov, Freund & Pham 2010): trade falls by about 1 % per added
  day, Δln T = −β · Δdays. This is the *typical* value of the time channel.
* **ad valorem, structural** (Hummels & Schaur 2013 with a trade elasticity θ): a day in
  transit costs τ of the goods' value and freight cost c per TEU costs c / V, so
  Δln T = −θ · (τ · Δdays + Δc / V), with τ ∈ [0.6 %, 2.1 %] and θ ∈ [4, 5].

The typical change is the reduced-form time channel plus the cost channel at the low
elasticity; low and high are the extremes over both channels' bounds. Everything holds
the rest of the world fixed (no price, income or diversion effects): partial equilibrium.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol

from caravan.analysis.trade_response.records import (
    PairTradeResponse,
    Range,
    TradeResponse,
    TradeResponseParameters,
)

__all__ = ["CountryPairDelta", "estimate_trade_response", "pair_change_log"]

METHOD = (
    "each country pair's mean change in time and cost is weighted over rail and road by the "
    "share of trade each carries; typical: −1 % of trade per added day (Djankov, Freund & Pham 2010) plus the freight-cost "
    "change as a share of cargo value × the low trade elasticity; range: the extremes of that "
    "and of θ · (τ · Δdays + Δcost / value) with τ = 0.6–2.1 % per day (Hummels & Schaur "
    "2013) and θ = 4–5. Partial equilibrium: other partners, prices and incomes held fixed."
)


class CountryPairDelta(Protocol):
    """What the estimate reads of a country pair's change (a comparison's row fits)."""

    @property
    def countries(self) -> tuple[str, str]: ...

    @property
    def trade_usd(self) -> float | None: ...

    @property
    def mean_time_change_h(self) -> float | None: ...

    @property
    def mean_cost_change_usd(self) -> float | None: ...


def pair_change_log(
    time_change_days: float, cost_change_usd: float, parameters: TradeResponseParameters
) -> Range:
    """Change in log trade (low, typical, high) for a change in days and cost per TEU."""
    cost_share = cost_change_usd / parameters.cargo_value_usd_per_teu
    reduced_form = -parameters.delay_semi_elasticity_per_day * time_change_days
    typical = reduced_form - parameters.trade_cost_elasticity_low * cost_share
    candidates = [typical, reduced_form - parameters.trade_cost_elasticity_high * cost_share]
    for tau in (parameters.time_share_per_day_low, parameters.time_share_per_day_high):
        for theta in (parameters.trade_cost_elasticity_low, parameters.trade_cost_elasticity_high):
            candidates.append(-theta * (tau * time_change_days + cost_share))
    return Range(low=min(candidates), typical=typical, high=max(candidates))


def _percent(log_change: float) -> float:
    return 100.0 * math.expm1(log_change)


def estimate_trade_response(
    rows: Iterable[CountryPairDelta],
    parameters: TradeResponseParameters,
    year: int | None,
) -> TradeResponse:
    """The response of every pair with trade and a time change; totals add the pairs."""
    pairs: list[PairTradeResponse] = []
    notes: list[str] = []
    for row in rows:
        if not row.trade_usd:
            continue
        if row.mean_time_change_h is None:
            notes.append(f"{'–'.join(row.countries)}: no route on both sides, not estimated")
            continue
        days = row.mean_time_change_h / 24.0
        cost = row.mean_cost_change_usd
        log_change = pair_change_log(days, cost or 0.0, parameters)
        pct = Range(
            low=_percent(log_change.low),
            typical=_percent(log_change.typical),
            high=_percent(log_change.high),
        )
        usd = Range(
            low=row.trade_usd * pct.low / 100,
            typical=row.trade_usd * pct.typical / 100,
            high=row.trade_usd * pct.high / 100,
        )
        pairs.append(
            PairTradeResponse(
                countries=row.countries,
                trade_usd=row.trade_usd,
                time_change_days=days,
                cost_change_usd=cost,
                change_pct=pct,
                change_usd=usd,
            )
        )
    total = sum(p.trade_usd for p in pairs)
    change = Range(
        low=sum(p.change_usd.low for p in pairs),
        typical=sum(p.change_usd.typical for p in pairs),
        high=sum(p.change_usd.high for p in pairs),
    )
    share = Range(
        low=100 * change.low / total if total else 0.0,
        typical=100 * change.typical / total if total else 0.0,
        high=100 * change.high / total if total else 0.0,
    )
    if not pairs:
        notes.append("no country pair with trade changes time: no response estimated")
    return TradeResponse(
        year=year,
        pairs=tuple(sorted(pairs, key=lambda p: p.change_usd.typical, reverse=True)),
        total_trade_usd=total,
        total_change_usd=change,
        total_change_pct=share,
        parameters=parameters,
        method=METHOD,
        notes=tuple(notes),
    )
