"""One line saying what a proposal would add, the same in the CLI, the API and the web view."""

from __future__ import annotations

from caravan.model.proposals import (
    FigureQuantity,
    ProposedAgreement,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)

__all__ = ["describe_proposal", "proposed_value"]


def describe_proposal(fact: ProposedFact) -> str:
    """What the proposal states, in a line: subject, value or status, date, scope."""
    payload = fact.payload
    if isinstance(payload, ProposedStatusEvent):
        return (
            f"{payload.project_id}: {payload.status.value} on {payload.date.isoformat()}"
            f" ({payload.date_precision.value})"
        )
    if isinstance(payload, ProposedFigure):
        scope = [
            payload.subject_id,
            "→".join(p for p in (payload.reporter_id, payload.partner_id) if p) or None,
            str(payload.year) if payload.year else None,
            f"from {payload.valid_from.isoformat()}" if payload.valid_from else None,
        ]
        where = ", ".join(part for part in scope if part)
        return f"{payload.quantity.value} = {proposed_value(fact)}" + (
            f" ({where})" if where else ""
        )
    if isinstance(payload, ProposedAgreement):
        parts = [payload.agreement_kind.value]
        if payload.signed_on:
            parts.append(payload.signed_on.isoformat())
        if payload.place_id:
            parts.append(f"at {payload.place_id}")
        if payload.parties:
            parts.append("parties " + " ".join(payload.parties))
        known = f" = {payload.agreement_id}" if payload.agreement_id else ""
        return f"{payload.name!r}{known} ({', '.join(parts)})"
    countries = f" ({' '.join(payload.country_ids)})" if payload.country_ids else ""
    return f"new {payload.entity_kind.value} {payload.name!r}{countries}"


def proposed_value(fact: ProposedFact) -> str | None:
    """The proposed figure as text (whole numbers without decimals); None for other kinds."""
    payload = fact.payload
    if not isinstance(payload, ProposedFigure):
        return None
    value = payload.value
    if payload.quantity is FigureQuantity.PLANNED_OPENING_YEAR:
        return f"{value:.0f}"  # a year, not a count: 2027, never 2,027
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
