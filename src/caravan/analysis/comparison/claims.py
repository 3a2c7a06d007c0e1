"""Published claims of what a project saves, and the model's figure for the same pair.

Claims live in ``project_claims.csv`` beside the data files, one claim per row, each citing
sources of the knowledge base. A claim names its own scope ("East Asia to the Middle East
and southern Europe"); the row names the pair of places that stands for that scope in the
model, and a note on why the two may differ.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from caravan.analysis.comparison.records import ClaimCheck, PairChange
from caravan.errors import DataIssue, DataValidationError

__all__ = [
    "CLAIMS_FILE",
    "CORRIDOR_DESTINATIONS",
    "CORRIDOR_ORIGINS",
    "ProjectClaim",
    "check_claim",
    "load_project_claims",
]

CLAIMS_FILE = "project_claims.csv"

#: Where a project's effect on China's routes to Central Asia and beyond is shown.
CORRIDOR_ORIGINS = ("cn-kashgar", "cn-urumqi", "cn-xian", "cn-lianyungang")
CORRIDOR_DESTINATIONS = (
    "uz-andijan",
    "uz-tashkent",
    "kg-osh",
    "kg-jalal-abad",
    "tm-ashgabat",
    "tm-turkmenbashi",
    "ir-sarakhs",
)

_QUANTITIES = {"length_km_saved": "km", "days_saved": "days", "days": "days"}
_COLUMNS = (
    "project_id",
    "quantity",
    "value_low",
    "value_high",
    "origin_id",
    "destination_id",
    "scope",
    "claim",
    "source",
    "note",
)


@dataclass(frozen=True)
class ProjectClaim:
    """One published claim about a project (see the module docstring)."""

    project_id: str
    quantity: str
    low: float
    high: float
    origin: str
    destination: str
    scope: str
    claim: str
    sources: tuple[str, ...]
    note: str


def load_project_claims(data_dir: Path) -> list[ProjectClaim]:
    """The claims of ``data_dir``'s claims file (none when there is no file).

    A malformed row raises :class:`DataValidationError` naming file, row and field.
    """
    path = data_dir / CLAIMS_FILE
    if not path.is_file():
        return []
    claims, issues = [], []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            raise DataValidationError(
                [DataIssue(path.name, 1, None, f"header must be {','.join(_COLUMNS)}")]
            )
        for row_number, row in enumerate(reader, start=2):
            problem = _problem(row)
            if problem:
                issues.append(DataIssue(path.name, row_number, problem[0], problem[1]))
                continue
            claims.append(
                ProjectClaim(
                    project_id=row["project_id"],
                    quantity=row["quantity"],
                    low=float(row["value_low"]),
                    high=float(row["value_high"]),
                    origin=row["origin_id"],
                    destination=row["destination_id"],
                    scope=row["scope"],
                    claim=row["claim"],
                    sources=tuple(s for s in row["source"].split("|") if s),
                    note=row["note"],
                )
            )
    if issues:
        raise DataValidationError(issues)
    return claims


def _problem(row: dict[str, str]) -> tuple[str, str] | None:
    """(field, reason) of the first thing wrong with a row, or None."""
    if row["quantity"] not in _QUANTITIES:
        return "quantity", f"{row['quantity']!r} is not one of {', '.join(_QUANTITIES)}"
    for name in ("value_low", "value_high"):
        try:
            value = float(row[name])
        except ValueError:
            return name, f"{row[name]!r} is not a number"
        if not math.isfinite(value):
            return name, f"{row[name]!r} is not a finite number"
    if float(row["value_low"]) > float(row["value_high"]):
        return "value_high", "is below value_low"
    if not row["source"] or not all(s.startswith("src-") for s in row["source"].split("|")):
        return "source", "give the ids of published sources (src-…), separated by |"
    for name in ("project_id", "origin_id", "destination_id", "claim", "scope"):
        if not row[name]:
            return name, "is empty"
    return None


def check_claim(claim: ProjectClaim, pair: PairChange | None, opened_in: str) -> ClaimCheck:
    """The claim beside the model's figure for its pair (``opened_in``: side with the project)."""
    modelled: float | None = None
    if pair is not None:
        with_project = (pair.time_h_b, pair.length_km_b) if opened_in == "b" else (
            pair.time_h_a, pair.length_km_a
        )  # fmt: skip
        without = (pair.time_h_a, pair.length_km_a) if opened_in == "b" else (
            pair.time_h_b, pair.length_km_b
        )  # fmt: skip
        if claim.quantity == "days" and with_project[0] is not None:
            modelled = with_project[0] / 24.0
        elif None not in (*with_project, *without):
            time_saved = cast(float, without[0]) - cast(float, with_project[0])
            length_saved = cast(float, without[1]) - cast(float, with_project[1])
            modelled = length_saved if claim.quantity == "length_km_saved" else time_saved / 24
    return ClaimCheck(
        project_id=claim.project_id,
        claim=claim.claim,
        scope=claim.scope,
        quantity=claim.quantity,
        claimed_low=claim.low,
        claimed_high=claim.high,
        origin=claim.origin,
        destination=claim.destination,
        modelled=modelled,
        gap=_gap(claim, modelled),
        explanation=claim.note,
        sources=claim.sources,
    )


def _gap(claim: ProjectClaim, modelled: float | None) -> str:
    unit = _QUANTITIES[claim.quantity]
    claimed = (
        f"{claim.low:,.0f} {unit}"
        if claim.low == claim.high
        else f"{claim.low:,.0f}–{claim.high:,.0f} {unit}"
    )
    if modelled is None:
        return f"claimed {claimed}; the model has no route for this pair on one side"
    shown = f"{modelled:,.1f} {unit}" if unit == "days" else f"{modelled:,.0f} {unit}"
    if claim.low <= modelled <= claim.high:
        return f"claimed {claimed}; modelled {shown}: within the claim"
    nearest = claim.low if modelled < claim.low else claim.high
    difference = modelled - nearest
    side = "below" if difference < 0 else "above"
    amount = (
        f"{abs(difference):,.1f} {unit}" if unit == "days" else f"{abs(difference):,.0f} {unit}"
    )
    return f"claimed {claimed}; modelled {shown}: {amount} {side} the claim"
