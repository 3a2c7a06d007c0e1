"""``caravan route`` as tables: each itinerary's legs, then the time–cost Pareto front.

A terminal of 120 columns or more shows a leg on one line. A narrower one (80 columns is the
common default) shows each range under its typical value, names the crossings and transfers
under the table and leaves out columns blank on every leg, so that names and figures are not
cut inside a word.
"""

from __future__ import annotations

from collections.abc import Sequence

from caravan.api import Itinerary, Observatory, RouteResult
from caravan.cli.render import console, print_table
from caravan.cli.service import service_label

__all__ = ["WIDE_COLUMNS", "print_route"]

#: The width from which a leg is shown on one line.
WIDE_COLUMNS = 120

_WHOLE = ("leg", "step", "mode", "gauge", "km")


def print_route(observatory: Observatory, result: RouteResult) -> None:
    """Print a route's notes, its best itinerary and alternatives, and its Pareto front."""
    names = {p.id: p.name_en for p in observatory.places()}
    for note in result.notes:
        console.print(f"note: {note}", markup=False)
    options = [("best", result.best)] + [
        (f"alternative {n}", i) for n, i in enumerate(result.alternatives, 1)
    ]
    wide = console.width >= WIDE_COLUMNS
    for label, itinerary in options:
        columns, rows = _legs(itinerary, names, wide)
        caption = _totals(itinerary)
        if not wide:
            steps = [f"leg {row[0]}: {row[-1]}" for row in rows if row[-1]]
            caption = "\n".join([*steps, caption])  # one line each
            columns, rows = _without_blank_columns(columns[:-1], [row[:-1] for row in rows])
        print_table(
            f"{label}: {names[itinerary.origin]} → {names[itinerary.destination]} on "
            f"{itinerary.date} (by {itinerary.weight}, per {itinerary.unit.upper()}"
            f"{service_label(itinerary.service, itinerary.modes)})",
            columns,
            rows,
            caption=caption,
            whole=_WHOLE,
            compact=True,
        )
    if result.pareto:
        print_table(
            "time–cost Pareto front",
            ["hours", "days", "USD", "crossings", "modes"],
            [
                (
                    f"{i.time_h:,.1f}",
                    f"{i.time_h / 24:.1f}",
                    f"{i.cost_usd:,.0f}",
                    ", ".join(i.crossings),
                    ", ".join(i.modes),
                )
                for i in result.pareto
            ],
        )


def _legs(
    itinerary: Itinerary, names: dict[str, str], wide: bool
) -> tuple[list[str], list[tuple[object, ...]]]:
    """The legs table's columns and rows; a range beside its value, or under it when narrow."""

    def typical_and_range(typical: str, low: str, high: str) -> str:
        return f"{typical} ({low}–{high})" if wide else f"{typical}\n{low}–{high}"

    columns = [
        "leg",
        "step",
        "mode",
        "gauge",
        "from",
        "to",
        "km",
        "hours (low–high)" if wide else "hours\nlow–high",
        "USD (low–high)" if wide else "USD\nlow–high",
        "crossing / transfer",
    ]
    rows: list[tuple[object, ...]] = [
        (
            n,
            leg.kind.value if leg.kind.value != "run" else "",
            leg.mode,
            leg.gauge_mm,
            names.get(leg.from_id, leg.from_id),  # OSM junctions show their ids
            names.get(leg.to_id, leg.to_id),
            f"{leg.length_km:,.0f}",
            typical_and_range(
                f"{leg.time_h:,.1f}", f"{leg.time_h_low:,.1f}", f"{leg.time_h_high:,.1f}"
            ),
            typical_and_range(
                f"{leg.cost_usd:,.0f}", f"{leg.cost_usd_low:,.0f}", f"{leg.cost_usd_high:,.0f}"
            ),
            (leg.crossing_id or leg.transfer or "")
            + (" (gauge change)" if leg.gauge_change else ""),
        )
        for n, leg in enumerate(itinerary.legs, 1)
    ]
    return columns, rows


def _without_blank_columns(
    columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> tuple[list[str], list[tuple[object, ...]]]:
    """The columns with something in at least one row ("gauge" on a road route has nothing)."""
    kept = [i for i in range(len(columns)) if any(row[i] not in (None, "") for row in rows)]
    return [columns[i] for i in kept], [tuple(row[i] for i in kept) for row in rows]


def _totals(itinerary: Itinerary) -> str:
    return (
        f"total {itinerary.length_km:,.0f} km · {itinerary.time_h:,.1f} h "
        f"({itinerary.time_h_low:,.1f}–{itinerary.time_h_high:,.1f}; "
        f"{itinerary.time_h / 24:.1f} days) · from departure "
        f"{itinerary.time_from_departure_h / 24:.1f} d "
        f"[{itinerary.time_from_departure_h_low / 24:.1f}–"
        f"{itinerary.time_from_departure_h_high / 24:.1f}] · USD {itinerary.cost_usd:,.0f} "
        f"({itinerary.cost_usd_low:,.0f}–{itinerary.cost_usd_high:,.0f}) · generalised "
        f"USD {itinerary.generalised_usd:,.0f} · sources: {', '.join(itinerary.sources)}"
    )
