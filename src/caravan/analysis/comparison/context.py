"""What a comparison reads from the knowledge base: places, trade weights, projects, claims."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from caravan.analysis.comparison.claims import load_project_claims
from caravan.analysis.comparison.compare import ComparisonContext
from caravan.analysis.freight.comparison import comparison_loads
from caravan.analysis.trade_response import TradeResponseParameters, trade_response_parameters
from caravan.errors import KnowledgeBaseError
from caravan.model import Assumption, Scenario, Source, TradeFlowKind
from caravan.store import KnowledgeBase

__all__ = ["comparison_context", "trade_weights"]


def trade_weights(kb: KnowledgeBase) -> tuple[int | None, dict[str, float], tuple[str, ...]]:
    """China's customs' total trade with each member partner in the latest complete year.

    A year is complete when every partner has a total (or both directions); the result is
    (year, partner -> USD, source ids), or (None, {}, ()) when no year is complete.
    """
    partners = sorted(c.id for c in kb.countries() if c.member and c.id != "cn")
    rows = [r for r in kb.trade() if r.reporter_id == "cn" and r.commodity_group is None]
    for year in sorted({r.year for r in rows}, reverse=True):
        found: dict[str, float] = {}
        sources: list[str] = []
        for partner in partners:
            flows = {r.flow: r for r in rows if r.year == year and r.partner_id == partner}
            if TradeFlowKind.TOTAL in flows:
                found[partner] = flows[TradeFlowKind.TOTAL].value_usd
                sources += flows[TradeFlowKind.TOTAL].source
            elif TradeFlowKind.EXPORT in flows and TradeFlowKind.IMPORT in flows:
                found[partner] = (
                    flows[TradeFlowKind.EXPORT].value_usd + flows[TradeFlowKind.IMPORT].value_usd
                )
                sources += [
                    *flows[TradeFlowKind.EXPORT].source,
                    *flows[TradeFlowKind.IMPORT].source,
                ]
        if len(found) == len(partners):
            return year, found, tuple(dict.fromkeys(sources))
    return None, {}, ()


def comparison_context(
    kb: KnowledgeBase, data_dir: Path, scenarios: Sequence[Scenario | None]
) -> ComparisonContext:
    """The context of a comparison between networks built under ``scenarios``."""
    year, weights, sources = trade_weights(kb)
    elements: dict[str, set[str]] = {}
    links = [*kb.links(), *(link for s in scenarios if s for link in s.new_links)]
    crossings = [*kb.crossings(), *(c for s in scenarios if s for c in s.new_crossings)]
    for record_id, project_id in [
        *((link.id, link.project_id) for link in links),
        *((crossing.id, crossing.project_id) for crossing in crossings),
    ]:
        if project_id:
            elements.setdefault(project_id, set()).add(record_id)
    projects = {p.id: (p.name_en, frozenset(elements.get(p.id, ())), p.kind) for p in kb.projects()}
    return ComparisonContext(
        places=kb.places() + [p for s in scenarios if s for p in s.new_places],
        trade_usd=weights,
        trade_year=year,
        trade_sources=sources,
        projects=projects,
        claims=load_project_claims(data_dir),
        citations=_citations(kb, scenarios),
        trade_response=_trade_response(kb),
        crossing_loads=comparison_loads(kb, scenarios),
    )


def _trade_response(kb: KnowledgeBase) -> TradeResponseParameters | None:
    """The elasticities, or None when the knowledge base lacks them (a note says so)."""
    try:
        return trade_response_parameters(kb)
    except KnowledgeBaseError:
        return None


def _citations(
    kb: KnowledgeBase, scenarios: Sequence[Scenario | None]
) -> dict[str, Source | Assumption]:
    """Every source and assumption of the knowledge base and of the scenarios, by id."""
    found: dict[str, Source | Assumption] = {}
    for spec in (s for s in scenarios if s):
        found.update({r.id: r for r in spec.new_sources})
        found.update({r.id: r for r in spec.new_assumptions})
    found.update({r.id: r for r in kb.sources()})
    found.update({r.id: r for r in kb.assumptions()})
    return found
