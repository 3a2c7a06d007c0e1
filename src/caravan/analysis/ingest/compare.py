"""How a proposed fact relates to the knowledge base: new, a corroboration, or a conflict.

A figure agrees within :data:`FIGURE_TOLERANCE` (1 %); dates agree at the coarser of the
two precisions (a month agrees with any day in it). A corroboration names the held row
and its sources (the document becomes a second source); a conflict shows the held value
and its sources beside the proposal's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from caravan.errors import UnknownRecordError
from caravan.model import Agreement, Project, StatusEvent
from caravan.model.enums import DatePrecision, ProjectStatus, Quantity, TradeFlowKind
from caravan.model.proposals import (
    Comparison,
    Disposition,
    FigureQuantity,
    ProposedAgreement,
    ProposedEntity,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase

__all__ = ["FIGURE_TOLERANCE", "compare", "same_period"]

#: Relative difference within which two figures are the same figure.
FIGURE_TOLERANCE = 0.01

_CENTRAL_ASIA = ("kz", "kg", "tj", "tm", "uz")
_LIFECYCLE = {
    ProjectStatus.ANNOUNCED: 0,
    ProjectStatus.AGREED: 1,
    ProjectStatus.UNDER_CONSTRUCTION: 2,
    ProjectStatus.IN_SERVICE: 3,
}
_OBSERVED = {
    FigureQuantity.CAPACITY_VEHICLES_PER_DAY: Quantity.CAPACITY_VEHICLES_PER_DAY,
    FigureQuantity.DAILY_QUOTA_VEHICLES: Quantity.DAILY_QUOTA_VEHICLES,
    FigureQuantity.CAPACITY_TRAINS_PER_DAY: Quantity.CAPACITY_TRAINS_PER_DAY,
    FigureQuantity.CAPACITY_MT_PER_YEAR: Quantity.CAPACITY_MT_PER_YEAR,
    FigureQuantity.THROUGHPUT_MT_PER_YEAR: Quantity.THROUGHPUT_MT_PER_YEAR,
}
_NEW = Comparison(disposition=Disposition.NEW)


def compare(
    kb: KnowledgeBase,
    payload: ProposedStatusEvent | ProposedFigure | ProposedAgreement | ProposedEntity,
    *,
    date_stated: bool = True,
) -> Comparison:
    """Compare one proposal with what the knowledge base holds.

    ``date_stated`` is False for a status event dated by its document rather than by the
    text: it then claims only that the status held by that date.
    """
    if isinstance(payload, ProposedStatusEvent):
        return _compare_event(kb, payload, date_stated)
    if isinstance(payload, ProposedFigure):
        return _compare_figure(kb, payload)
    if isinstance(payload, ProposedAgreement):
        return _compare_agreement(kb, payload)
    return _NEW


def same_period(
    a: dt.date, a_precision: DatePrecision | None, b: dt.date, b_precision: DatePrecision | None
) -> bool:
    """True when two dates agree at the coarser of their precisions."""
    order = (DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY)
    coarser = min(
        a_precision or DatePrecision.DAY, b_precision or DatePrecision.DAY, key=order.index
    )
    if coarser is DatePrecision.YEAR:
        return a.year == b.year
    if coarser is DatePrecision.MONTH:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


# -- status events -----------------------------------------------------------------------


def _compare_event(kb: KnowledgeBase, event: ProposedStatusEvent, date_stated: bool) -> Comparison:
    try:
        timeline = kb.timeline(event.project_id)
    except UnknownRecordError:
        return _NEW
    same = [e for e in timeline if e.status == event.status]
    for held in same:
        if date_stated and same_period(
            event.date, event.date_precision, held.date, held.date_precision
        ):
            return _event_comparison(Disposition.CORROBORATION, held)
    state = _state_on(timeline, event.date)
    if state is not None and state.status == event.status:
        first = _start_of_run(timeline, state)
        if not date_stated or event.status not in (
            ProjectStatus.IN_SERVICE,
            ProjectStatus.ANNOUNCED,
        ):
            return _event_comparison(Disposition.CORROBORATION, first)
        return _event_comparison(Disposition.CONFLICT, first)
    if date_stated and same and event.status in (ProjectStatus.IN_SERVICE, ProjectStatus.ANNOUNCED):
        return _event_comparison(Disposition.CONFLICT, same[0])
    if (
        state is not None
        and event.status in _LIFECYCLE
        and _LIFECYCLE[event.status] < _LIFECYCLE.get(state.status, -1)
    ):
        return _event_comparison(Disposition.CONFLICT, _start_of_run(timeline, state))
    return _NEW


def _state_on(timeline: Sequence[StatusEvent], date: dt.date) -> StatusEvent | None:
    held = [e for e in timeline if e.date <= date]
    return held[-1] if held else None


def _start_of_run(timeline: Sequence[StatusEvent], state: StatusEvent) -> StatusEvent:
    index = list(timeline).index(state)
    while index > 0 and timeline[index - 1].status == state.status:
        index -= 1
    return timeline[index]


def _event_comparison(disposition: Disposition, held: StatusEvent) -> Comparison:
    precision = held.date_precision.value if held.date_precision else "day"
    return Comparison(
        disposition=disposition,
        held_value=f"{held.status.value} on {held.date.isoformat()} ({precision})",
        held_sources=tuple(held.source),
        held_ref=f"project_events {held.project_id} {held.date.isoformat()} {held.status.value}",
    )


# -- figures -----------------------------------------------------------------------------


def _compare_figure(kb: KnowledgeBase, figure: ProposedFigure) -> Comparison:
    quantity = figure.quantity
    if quantity is FigureQuantity.TRADE_VALUE_USD:
        return _compare_trade(kb, figure)
    if quantity is FigureQuantity.SISTER_CITY_PAIRS:
        return _compare_sister_cities(kb, figure)
    if quantity in _OBSERVED:
        return _compare_observation(kb, figure, _OBSERVED[quantity])
    project = _project(kb, figure.subject_id)
    if project is None:
        return _NEW
    ref = f"projects {project.id}"
    if quantity is FigureQuantity.INVESTMENT_USD and project.cost_usd is not None:
        return _by_value(
            figure.value,
            project.cost_usd,
            f"{project.cost_usd:,.0f} USD",
            project.source,
            f"{ref} cost_usd",
        )
    if quantity is FigureQuantity.LENGTH_KM and project.length_km is not None:
        return _by_value(
            figure.value,
            project.length_km,
            f"{project.length_km:g} km",
            project.source,
            f"{ref} length_km",
        )
    if quantity is FigureQuantity.PLANNED_OPENING_YEAR and project.planned_completion:
        year = int(project.planned_completion[:4])
        return _by_value(
            figure.value, year, str(year), project.source, f"{ref} planned_completion", tolerance=0
        )
    return _NEW


def _by_value(
    said: float,
    held: float,
    held_text: str,
    sources: Sequence[str],
    ref: str,
    tolerance: float = FIGURE_TOLERANCE,
) -> Comparison:
    agrees = abs(said - held) <= tolerance * abs(held)
    return Comparison(
        disposition=Disposition.CORROBORATION if agrees else Disposition.CONFLICT,
        held_value=held_text,
        held_sources=tuple(dict.fromkeys(sources)),
        held_ref=ref,
    )


def _compare_trade(kb: KnowledgeBase, figure: ProposedFigure) -> Comparison:
    if figure.year is None:
        return _NEW
    reporter = figure.reporter_id or "cn"
    partners = (figure.partner_id,) if figure.partner_id else _CENTRAL_ASIA
    rows = {
        t.partner_id: t
        for t in kb.trade()
        if t.year == figure.year
        and t.reporter_id == reporter
        and t.flow == TradeFlowKind.TOTAL
        and not t.commodity_group
        and t.partner_id in partners
    }
    if set(rows) != set(partners):
        return _NEW
    held = sum(t.value_usd for t in rows.values())
    sources = [s for t in rows.values() for s in t.source]
    scope = figure.partner_id or "+".join(partners)
    return _by_value(
        figure.value,
        held,
        f"{held / 1e9:.2f} bn USD",
        sources,
        f"trade {figure.year} {reporter}->{scope} total",
    )


def _compare_sister_cities(kb: KnowledgeBase, figure: ProposedFigure) -> Comparison:
    scope = figure.partner_id or "all"
    counts = sorted((c for c in kb.sister_city_counts() if c.scope == scope), key=lambda c: c.as_of)
    if not counts:
        return _NEW
    when = figure.valid_from
    held = [c for c in counts if when is None or c.as_of <= when] or counts[:1]
    count = held[-1]
    return _by_value(
        figure.value,
        count.count,
        f"{count.count} pairs as of {count.as_of.isoformat()}",
        count.source,
        f"sister_city_counts {scope} {count.as_of.isoformat()}",
    )


def _compare_observation(
    kb: KnowledgeBase, figure: ProposedFigure, quantity: Quantity
) -> Comparison:
    if figure.subject_id is None:
        return _NEW
    observations = kb.observations(figure.subject_id, quantity)
    if not observations:
        return _NEW
    when = figure.valid_from
    in_force = [o for o in observations if when is None or o.valid_from <= when] or observations[:1]
    held = in_force[-1]
    return _by_value(
        figure.value,
        held.value,
        f"{held.value:g} from {held.valid_from.isoformat()}",
        held.source,
        f"observations {held.subject_id} {quantity.value} {held.valid_from.isoformat()}",
    )


def _project(kb: KnowledgeBase, project_id: str | None) -> Project | None:
    if project_id is None:
        return None
    return next((p for p in kb.projects() if p.id == project_id), None)


# -- agreements --------------------------------------------------------------------------


def _compare_agreement(kb: KnowledgeBase, proposal: ProposedAgreement) -> Comparison:
    if proposal.agreement_id is None:
        return _NEW
    held = next((a for a in kb.agreements() if a.id == proposal.agreement_id), None)
    if held is None:
        return _NEW
    agrees = True
    if proposal.signed_on is not None:
        agrees &= same_period(
            proposal.signed_on, proposal.date_precision, held.signed_on, held.date_precision
        )
    if proposal.place_id is not None and held.place_id is not None:
        agrees &= proposal.place_id == held.place_id
    return Comparison(
        disposition=Disposition.CORROBORATION if agrees else Disposition.CONFLICT,
        held_value=_agreement_text(held),
        held_sources=tuple(held.source),
        held_ref=f"agreements {held.id}",
    )


def _agreement_text(agreement: Agreement) -> str:
    place = f" at {agreement.place_id}" if agreement.place_id else ""
    return f"signed {agreement.signed_on.isoformat()}{place}"
