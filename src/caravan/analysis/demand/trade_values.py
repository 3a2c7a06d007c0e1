"""China's trade with each partner in one year, by direction, as China's customs report it.

Where a year gives only a partner's total, the split between China's exports and imports
is taken from the nearest year that gives it (both directions, or a total and one of them);
the notes say which. Partners without a figure are left out and named.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from caravan.errors import InvalidQueryError
from caravan.model import TradeFlow, TradeFlowKind
from caravan.store import KnowledgeBase

__all__ = ["NoTradeDataError", "TradeByDirection", "trade_by_direction"]

#: Whose statistics demand is built from: China's customs (GACC), as the summit counts trade.
REPORTER = "cn"

EXPORT, IMPORT, TOTAL = TradeFlowKind.EXPORT, TradeFlowKind.IMPORT, TradeFlowKind.TOTAL


class NoTradeDataError(InvalidQueryError):
    """A year for which the knowledge base has no trade figure of China's customs."""

    def __init__(self, year: int, years_with_data: list[int]) -> None:
        self.year = year
        before = [y for y in years_with_data if y < year]
        after = [y for y in years_with_data if y > year]
        #: the nearest year with data before and after ``year`` (where there is one)
        self.nearest_years = [*([max(before)] if before else []), *([min(after)] if after else [])]
        nearest = " and ".join(str(y) for y in self.nearest_years)
        hint = f"; the nearest years with data are {nearest}" if nearest else ""
        super().__init__(
            f"no trade figures of China's customs for {year} in the knowledge base{hint}"
        )


@dataclass(frozen=True)
class TradeByDirection:
    """Value by (partner, direction from China's view), the sources used and notes."""

    year: int
    value_usd: dict[tuple[str, TradeFlowKind], float]
    total_usd: float
    sources: tuple[str, ...]
    notes: tuple[str, ...]


def trade_by_direction(kb: KnowledgeBase, year: int, partners: list[str]) -> TradeByDirection:
    """China's exports to and imports from each partner in ``year`` (all goods)."""
    by_key: dict[tuple[int, str], dict[TradeFlowKind, TradeFlow]] = defaultdict(dict)
    for row in kb.trade():
        if row.reporter_id == REPORTER and row.commodity_group is None:
            by_key[(row.year, row.partner_id)][row.flow] = row
    years = sorted({y for y, _ in by_key})
    if year not in years:
        raise NoTradeDataError(year, years)
    values: dict[tuple[str, TradeFlowKind], float] = {}
    sources: list[str] = []
    notes: list[str] = []
    missing: list[str] = []
    for partner in partners:
        flows = by_key.get((year, partner), {})
        split = _split(flows)
        if split is not None:
            export, imported = split
        elif TOTAL in flows:
            share_year, export_share = _nearest_export_share(by_key, partner, year)
            total = flows[TOTAL].value_usd
            export, imported = total * export_share, total * (1 - export_share)
            notes.append(
                f"{partner}: {year} gives only the total ({total / 1e9:.2f} bn USD); split "
                f"{export_share:.0%} China's exports / {1 - export_share:.0%} imports as in "
                f"{share_year}"
            )
            sources += [s for f in by_key[(share_year, partner)].values() for s in f.source]
        else:
            missing.append(partner)
            continue
        values[(partner, EXPORT)] = export
        values[(partner, IMPORT)] = imported
        sources += [s for f in flows.values() for s in f.source]
    if missing:
        notes.append(
            f"partial year: no total of China's customs for {', '.join(missing)} in {year}; "
            "their trade is left out of the demand"
        )
    return TradeByDirection(
        year,
        values,
        sum(values.values()),
        tuple(dict.fromkeys(sources)),
        tuple(notes),
    )


def _split(flows: dict[TradeFlowKind, TradeFlow]) -> tuple[float, float] | None:
    """(exports, imports) when the year gives both, or the total and one of them."""
    if EXPORT in flows and IMPORT in flows:
        return flows[EXPORT].value_usd, flows[IMPORT].value_usd
    if TOTAL in flows and IMPORT in flows:
        total, imported = flows[TOTAL].value_usd, flows[IMPORT].value_usd
        return max(total - imported, 0.0), imported
    if TOTAL in flows and EXPORT in flows:
        total, export = flows[TOTAL].value_usd, flows[EXPORT].value_usd
        return export, max(total - export, 0.0)
    return None


def _nearest_export_share(
    by_key: dict[tuple[int, str], dict[TradeFlowKind, TradeFlow]], partner: str, year: int
) -> tuple[int, float]:
    """The year nearest ``year`` whose flows give a split, and China's export share in it."""
    candidates = []
    for (other_year, other_partner), flows in by_key.items():
        split = _split(flows) if other_partner == partner else None
        if split is not None and sum(split) > 0:
            candidates.append((abs(other_year - year), -other_year, split[0] / sum(split)))
    if not candidates:
        raise InvalidQueryError(
            f"no year gives China's exports and imports apart for {partner}; the direction "
            "of its trade cannot be estimated"
        )
    _, negative_year, share = min(candidates)
    return -negative_year, share
