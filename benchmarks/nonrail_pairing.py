"""Which time a case without rail is compared with: door-to-door, or from departure.

The rail structures are compared with and without the pairing by ``counts_from`` inside the
leave-one-out (``timemodel_fit``): there a fitted origin dwell can take up what a published
time leaves out. A case whose route has no rail (road, a sailing alone) meets no fitted
parameter, so its pairing is compared apart, on the train cases of the choice's batches:
each compared with door-to-door, or (counted from departure) with the time from departure
(the published times' own words, ``validation_cases_rules.md``). Nothing is fitted, so the
errors are out of sample as they are; the least mean absolute error is shipped, a tie
keeping door-to-door.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from timemodel_fit import SHIPPED_PAIRED, paired

__all__ = [
    "NONRAIL_PAIRED",
    "choose_nonrail",
    "compared",
    "has_rail",
    "nonrail_lines",
    "nonrail_rows",
    "nonrail_scores",
]

#: Whether a case without rail, counted from departure, is compared with the time from
#: departure (the choice in ``validation.md``).
NONRAIL_PAIRED = True

LABELS = {
    False: "door-to-door for every case without rail",
    True: "paired by counts_from: from departure where the case counts from departure",
}


def has_rail(row: dict[str, Any]) -> bool:
    """Whether a routed case runs any rail kilometre."""
    return float(row["rail_km"] + row["rail_km_cn"] + row.get("block_km", 0.0)) > 0.0


def compared(row: dict[str, Any], nonrail_paired: bool = NONRAIL_PAIRED) -> dict[str, Any]:
    """A routed case as the report compares it: the rail pairing, or the one without rail."""
    if row["model"] is None:
        return row
    return paired(row, SHIPPED_PAIRED if has_rail(row) else nonrail_paired)


def nonrail_rows(rows: Sequence[dict[str, Any]], batches: Sequence[str]) -> list[dict[str, Any]]:
    """Train time cases of the batches, routed, comparable, with no rail: what is compared."""
    return [
        r
        for r in rows
        if r["split"] == "train"
        and str(r["batch"]) in batches
        and not r["not_comparable"]
        and not r["kind"].endswith("distance_km")
        and r["model"] is not None
        and not has_rail(r)
    ]


def nonrail_scores(rows: Sequence[dict[str, Any]]) -> dict[bool, list[float]]:
    """Signed errors (percent) of the cases without rail, door-to-door and paired."""
    return {
        pairing: [float(paired(r, pairing)["error_pct"]) for r in rows] for pairing in (False, True)
    }


def choose_nonrail(scores: dict[bool, list[float]]) -> bool:
    """The pairing with the least mean absolute error; door-to-door on a tie."""
    return min(scores, key=lambda p: (round(statistics.fmean(map(abs, scores[p])), 1), p))


def nonrail_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The comparison as Markdown: per case, then the means and the choice."""
    scores = nonrail_scores(rows)
    if not rows:
        return ["No train case without rail: the pairing without rail is unchanged."]
    chosen = choose_nonrail(scores)
    lines = [
        f"Cases without rail (nothing fitted), on the {len(rows)} train cases of the choice's "
        "batches: door-to-door against the time from departure where the case counts from "
        "departure (others are door-to-door in both):",
        "",
        "| case | counts from | published | door-to-door | error | compared, paired | error |",
        "|---|---|---|---|---|---|---|",
    ]
    for row, door, pair in zip(rows, scores[False], scores[True], strict=True):
        model = paired(row, True)["model"]
        lines.append(
            f"| {row['id']} | {row['counts_from']} | {row['published']:,.1f} h | "
            f"{row['model']:,.1f} h | {door:+.0f} % | {model:,.1f} h | {pair:+.0f} % |"
        )
    means = {p: statistics.fmean(map(abs, e)) for p, e in scores.items()}
    lines += [
        "",
        f"Mean absolute error: door-to-door {means[False]:.1f} %, paired {means[True]:.1f} %. "
        f"Least: **{LABELS[chosen]}**; shipped: **{LABELS[NONRAIL_PAIRED]}**.",
    ]
    return lines
