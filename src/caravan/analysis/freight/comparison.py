"""Loads per crossing on both sides of a scenario comparison, and how they shift.

One year's freight demand (the latest year with China's customs' figures, up to side a's
date) is split by mode on each side's network and assigned there with capacities; each
crossing's load on a and b is set side by side. The tonnes between places are the same on
both sides: the shift is mode and route choice under capacity, not a change in trade (the
trade response estimates that separately).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from pydantic import BaseModel, ConfigDict, Field

from caravan.analysis.assignment import AssignmentSpec
from caravan.analysis.freight.assign import assign_freight
from caravan.analysis.freight.parameters import FreightParameters
from caravan.analysis.freight.results import FreightAssignment
from caravan.analysis.freight.run import demand_under
from caravan.errors import CaravanError, UnknownRecordError
from caravan.model import Scenario
from caravan.network import NetworkSnapshot
from caravan.store import KnowledgeBase

__all__ = [
    "CrossingLoadChange",
    "CrossingLoads",
    "comparison_loads",
    "crossing_load_changes",
    "crossing_loads_html",
]

#: Loads below this (Mt/yr) on both sides are left out of the comparison's table.
_NEGLIGIBLE_MT = 0.005


class CrossingLoadChange(BaseModel):
    """A crossing's load (both directions) and busier-direction utilisation on a and on b."""

    model_config = ConfigDict(frozen=True)

    crossing_id: str
    name: str
    mode: str
    a_mt_per_year: float
    b_mt_per_year: float
    a_utilisation: float | None = Field(description="None: uncapacitated or closed.")
    b_utilisation: float | None
    a_waiting_h: float
    b_waiting_h: float

    @property
    def change_mt_per_year(self) -> float:
        """b − a, Mt/yr."""
        return self.b_mt_per_year - self.a_mt_per_year


class CrossingLoads(BaseModel):
    """Loads per crossing on both sides of a comparison, with the year and method."""

    model_config = ConfigDict(frozen=True)

    year: int
    rows: tuple[CrossingLoadChange, ...]
    notes: tuple[str, ...] = ()


def _totals(result: FreightAssignment) -> dict[str, tuple[str, str, float, float | None, float]]:
    totals: dict[str, tuple[str, str, float, float | None, float]] = {}
    for load in result.crossings:
        name, mode, mt, utilisation, waiting = totals.get(
            load.crossing_id, (load.name, load.mode, 0.0, None, 0.0)
        )
        if load.utilisation is not None:
            utilisation = max(utilisation or 0.0, load.utilisation)
        totals[load.crossing_id] = (
            name, mode, mt + load.mt_per_year, utilisation, max(waiting, load.waiting_h),
        )  # fmt: skip
    return totals


def crossing_load_changes(
    a: FreightAssignment, b: FreightAssignment
) -> tuple[CrossingLoadChange, ...]:
    """Every crossing loaded on either side, largest shift first."""
    on_a, on_b = _totals(a), _totals(b)
    rows = []
    for crossing_id in dict.fromkeys([*on_a, *on_b]):
        first = on_a.get(crossing_id)
        second = on_b.get(crossing_id)
        name, mode = (first or second or ("", "", 0.0, None, 0.0))[:2]
        a_mt = first[2] if first else 0.0
        b_mt = second[2] if second else 0.0
        if max(a_mt, b_mt) < _NEGLIGIBLE_MT:
            continue
        rows.append(
            CrossingLoadChange(
                crossing_id=crossing_id, name=name, mode=mode,
                a_mt_per_year=a_mt, b_mt_per_year=b_mt,
                a_utilisation=first[3] if first else None,
                b_utilisation=second[3] if second else None,
                a_waiting_h=first[4] if first else 0.0,
                b_waiting_h=second[4] if second else 0.0,
            )
        )  # fmt: skip
    return tuple(sorted(rows, key=lambda r: (-abs(r.change_mt_per_year), -r.b_mt_per_year)))


def comparison_loads(
    kb: KnowledgeBase, scenarios: Sequence[Scenario | None]
) -> Callable[[NetworkSnapshot, NetworkSnapshot], CrossingLoads | None]:
    """What a comparison calls with its two snapshots to get the loads (None when the
    knowledge base lacks demand figures or the freight parameters; nothing is guessed)."""

    def loads(a: NetworkSnapshot, b: NetworkSnapshot) -> CrossingLoads | None:
        try:
            parameters = FreightParameters.from_knowledge_base(kb)
            year = a.date.year
            try:
                reported = demand_under(kb, year)
            except UnknownRecordError as missing:
                years = [int(y) for y in missing.suggestions]
                earlier = [y for y in years if y <= year]
                if not years:
                    return None
                year = max(earlier) if earlier else min(years)
                reported = demand_under(kb, year)
            results = [
                assign_freight(
                    kb,
                    snapshot,
                    demand_under(kb, year, snapshot, reported),
                    spec=AssignmentSpec(),
                    parameters=parameters,
                    scenario=scenario,
                    report_miss=True,
                )
                for snapshot, scenario in zip((a, b), scenarios, strict=True)
            ]
        except CaravanError:
            return None
        notes = (
            f"China's trade of {year} as freight (rail and road), its mode split recomputed "
            "on each side's network with the constant fitted on the network as reported, and "
            "assigned with capacities (bi-conjugate Frank–Wolfe to a relative gap of 1e-4); "
            "the tonnes between places are the same on both sides",
            *(n for r in results for n in r.notes if "missed" in n),
        )
        return CrossingLoads(year=year, rows=crossing_load_changes(*results), notes=notes)

    return loads


def _number(value: float | None, digits: int = 2) -> str:
    return "uncapacitated" if value is None else f"{value:,.{digits}f}"


def crossing_loads_html(loads: CrossingLoads | None) -> str:
    """The report's section: loads per crossing on a and b, largest shift first."""
    if loads is None:
        return ""
    header = "".join(
        f"<th>{escape(h)}</th>"
        for h in ("crossing", "mode", "a Mt/yr", "b Mt/yr", "Δ Mt/yr", "a utilisation",
                  "b utilisation", "a waiting h", "b waiting h")
    )  # fmt: skip
    body = "".join(
        "<tr>"
        + f"<td>{escape(r.name)}</td><td>{escape(r.mode)}</td>"
        + "".join(
            f'<td class="num">{cell}</td>'
            for cell in (
                _number(r.a_mt_per_year),
                _number(r.b_mt_per_year),
                f"{r.change_mt_per_year:+,.2f}",
                _number(None if r.a_utilisation is None else 100 * r.a_utilisation, 0),
                _number(None if r.b_utilisation is None else 100 * r.b_utilisation, 0),
                f"{r.a_waiting_h:,.1f}",
                f"{r.b_waiting_h:,.1f}",
            )
        )
        + "</tr>"
        for r in loads.rows
    )
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in loads.notes)
    return (
        f'<h2 id="crossing-loads">Loads at the crossings, {loads.year} freight</h2>{notes}'
        f'<table class="crossing-loads"><caption>Load per crossing (both directions) and '
        f"utilisation (busier direction, %) on a and b</caption><thead><tr>{header}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
