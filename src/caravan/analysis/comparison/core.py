"""The arithmetic of a comparison: per-pair changes, country-pair means, trade weighting.

Changes are always ``b − a``: negative time or cost is a gain. A pair counts in a mean only
when both sides reach it; pairs reached on one side only are counted apart (lost, gained).

Trade weighting (the World Bank's headline measure, "Belt and Road Economics", 2019): each
country pair's mean is the plain mean over its place pairs (both directions; the knowledge
base has no trade below country level), and the headline is the mean of China's country
pairs weighted by China's customs' total trade with each partner in one year. Country
pairs without a China-reported trade flow (between two Central Asian states, or with a
gateway neighbour) are listed with their plain mean and no weight, and stay out of the
headline.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from caravan.analysis.comparison.records import CountryPairChange, TradeWeightedChange
from caravan.analysis.routing import SkimMatrices

__all__ = [
    "PairTable",
    "RouteChange",
    "compare_skims",
    "country_pair_changes",
    "trade_weighted_change",
]

#: China, whose customs' figures weigh the country pairs.
CHINA = "cn"


class RouteChange(IntEnum):
    """How a pair's best route differs between the sides."""

    NONE = 0  # neither side reaches it
    SAME = 1
    CROSSING = 2
    MODE = 3
    CROSSING_AND_MODE = 4
    LOST = 5
    GAINED = 6

    @property
    def label(self) -> str:
        """Short label used in tables ('' for the same route)."""
        return _LABELS[self]


_LABELS = {
    RouteChange.NONE: "unreachable",
    RouteChange.SAME: "",
    RouteChange.CROSSING: "crossing",
    RouteChange.MODE: "mode",
    RouteChange.CROSSING_AND_MODE: "crossing+mode",
    RouteChange.LOST: "lost",
    RouteChange.GAINED: "gained",
}


@dataclass(frozen=True)
class PairTable:
    """Every ordered pair of places on both sides: matrices over ``place_ids``."""

    place_ids: tuple[str, ...]
    a: SkimMatrices
    b: SkimMatrices
    route_change: npt.NDArray[np.int8]

    @property
    def both(self) -> npt.NDArray[np.bool_]:
        """Pairs reached on both sides (off the diagonal)."""
        reach = np.isfinite(self.a.time_h) & np.isfinite(self.b.time_h)
        np.fill_diagonal(reach, False)
        return reach

    def change(self, name: str) -> npt.NDArray[np.float64]:
        """``b − a`` of one matrix (``time_h``, ``cost_usd``, ``length_km``); NaN unless both."""
        with np.errstate(invalid="ignore"):
            delta: npt.NDArray[np.float64] = getattr(self.b, name) - getattr(self.a, name)
        return np.where(self.both, delta, np.nan)

    def columns(self) -> dict[str, Any]:
        """A long table: one row per ordered pair, ``inf`` where a side has no route."""
        n = len(self.place_ids)
        ids = np.array(self.place_ids, dtype=object)
        labels = np.array([RouteChange(c).label for c in range(len(RouteChange))], dtype=object)
        columns: dict[str, Any] = {"origin": np.repeat(ids, n), "destination": np.tile(ids, n)}
        for name in ("time_h", "cost_usd", "length_km", "generalised_usd"):
            columns[f"{name}_a"] = getattr(self.a, name).ravel()
            columns[f"{name}_b"] = getattr(self.b, name).ravel()
        for name, short in (("time_h", "time"), ("cost_usd", "cost"), ("length_km", "length")):
            unit = name.split("_", 1)[1]
            columns[f"{short}_change_{unit}"] = self.change(name).ravel()
        columns["route_change"] = labels[self.route_change.ravel()]
        return columns


def compare_skims(
    a: SkimMatrices,
    b: SkimMatrices,
    route_change: npt.NDArray[np.int8] | None = None,
) -> PairTable:
    """Pair the two sides' skims (same places, same order); route changes default to SAME."""
    if a.place_ids != b.place_ids:
        raise ValueError("the two skims cover different places; compare over the same places")
    reach_a, reach_b = np.isfinite(a.time_h), np.isfinite(b.time_h)
    codes = np.full(a.time_h.shape, RouteChange.NONE, dtype=np.int8)
    codes[reach_a & reach_b] = RouteChange.SAME
    codes[reach_a & ~reach_b] = RouteChange.LOST
    codes[~reach_a & reach_b] = RouteChange.GAINED
    if route_change is not None:
        both = reach_a & reach_b
        codes[both] = route_change[both]
    return PairTable(a.place_ids, a, b, codes)


def _mean(values: npt.NDArray[np.float64]) -> float | None:
    return float(values.mean()) if values.size else None


def country_pair_changes(
    table: PairTable,
    place_country: Mapping[str, str],
    trade_usd: Mapping[str, float],
    counted: Collection[str] | None = None,
) -> tuple[CountryPairChange, ...]:
    """Mean changes per unordered country pair over the ``counted`` places (all by default).

    ``trade_usd`` maps a partner of China to the trade weight of the pair (China, partner).
    """
    ids = table.place_ids
    keep = np.array([counted is None or p in counted for p in ids], dtype=bool)
    countries = np.array([place_country.get(p, "") for p in ids], dtype=object)
    chosen = keep[:, None] & keep[None, :]
    np.fill_diagonal(chosen, False)
    both = table.both & chosen
    lost = (table.route_change == RouteChange.LOST) & chosen
    gained = (table.route_change == RouteChange.GAINED) & chosen
    changes = {name: table.change(name) for name in ("time_h", "cost_usd", "length_km")}
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = {
            name: 100.0 * changes[name] / getattr(table.a, name) for name in ("time_h", "cost_usd")
        }
    weighted_total = sum(
        trade_usd.get(c, 0.0) for c in set(countries[keep]) if c != CHINA and c in trade_usd
    )
    rows = []
    present = sorted(set(countries[keep]))
    for i, first in enumerate(present):
        for second in present[i:]:
            in_pair = (countries[:, None] == first) & (countries[None, :] == second)
            in_pair |= (countries[:, None] == second) & (countries[None, :] == first)
            base = both & in_pair
            partner = second if first == CHINA else first if second == CHINA else None
            weight = trade_usd.get(partner) if partner and partner != CHINA else None
            finite_pct = {k: v[base & np.isfinite(v)] for k, v in pct.items()}
            rows.append(
                CountryPairChange(
                    countries=(first, second),
                    pairs=int(base.sum()),
                    lost_pairs=int((lost & in_pair).sum()),
                    gained_pairs=int((gained & in_pair).sum()),
                    mean_time_change_h=_mean(changes["time_h"][base]),
                    mean_cost_change_usd=_mean(changes["cost_usd"][base]),
                    mean_length_change_km=_mean(changes["length_km"][base]),
                    mean_time_change_pct=_mean(finite_pct["time_h"]),
                    mean_cost_change_pct=_mean(finite_pct["cost_usd"]),
                    trade_usd=weight,
                    trade_share=weight / weighted_total if weight and weighted_total else None,
                )
            )
    rows.sort(key=lambda r: (CHINA not in r.countries, -(r.trade_usd or 0.0), r.countries))
    return tuple(rows)


def trade_weighted_change(
    rows: tuple[CountryPairChange, ...], year: int | None
) -> TradeWeightedChange:
    """The mean of China's country-pair means, weighted by trade (pairs with a mean only)."""
    weighted = [r for r in rows if r.trade_usd and r.pairs and CHINA in r.countries]

    def mean(field: str) -> float | None:
        usable = [(r.trade_usd or 0.0, getattr(r, field)) for r in weighted]
        usable = [(w, v) for w, v in usable if v is not None]
        total = sum(w for w, _ in usable)
        return sum(w * v for w, v in usable) / total if total else None

    return TradeWeightedChange(
        year=year,
        time_change_h=mean("mean_time_change_h"),
        cost_change_usd=mean("mean_cost_change_usd"),
        time_change_pct=mean("mean_time_change_pct"),
        cost_change_pct=mean("mean_cost_change_pct"),
        partners=tuple(sorted(next(c for c in r.countries if c != CHINA) for r in weighted)),
    )
