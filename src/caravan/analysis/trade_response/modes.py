"""Country-pair changes weighted over modes: what the average shipment of a pair gains.

A comparison's best routes pick one mode per pair, so a railway that helps rail shippers
may leave the best (road) route unchanged. The trade response weighs each mode's mean
change by the share of trade that mode carries (a first-order change of the expected
cost over modes), renormalised over the modes that reach the pair on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from caravan.analysis.trade_response.estimate import CountryPairDelta

__all__ = ["ModeWeightedDelta", "mode_weighted_rows"]


@dataclass(frozen=True)
class ModeWeightedDelta:
    """A country pair's change weighted over modes (fits :class:`CountryPairDelta`)."""

    countries: tuple[str, str]
    trade_usd: float | None
    mean_time_change_h: float | None
    mean_cost_change_usd: float | None


def mode_weighted_rows(
    rows_by_mode: Mapping[str, Sequence[CountryPairDelta]], shares: Mapping[str, float]
) -> list[ModeWeightedDelta]:
    """One row per country pair: Σ share × change over the modes with a change, renormalised."""
    pairs: dict[tuple[str, str], dict[str, CountryPairDelta]] = {}
    for mode, rows in rows_by_mode.items():
        for row in rows:
            pairs.setdefault(row.countries, {})[mode] = row
    weighted = []
    for countries, by_mode in pairs.items():
        usable = {
            m: r
            for m, r in by_mode.items()
            if r.mean_time_change_h is not None and shares.get(m, 0.0) > 0
        }
        trade = next((r.trade_usd for r in by_mode.values() if r.trade_usd), None)
        total_share = sum(shares[m] for m in usable)
        if not usable or total_share <= 0:
            weighted.append(ModeWeightedDelta(countries, trade, None, None))
            continue
        time = sum(shares[m] * (r.mean_time_change_h or 0.0) for m, r in usable.items())
        cost = sum(shares[m] * (r.mean_cost_change_usd or 0.0) for m, r in usable.items())
        weighted.append(ModeWeightedDelta(countries, trade, time / total_share, cost / total_share))
    return weighted
