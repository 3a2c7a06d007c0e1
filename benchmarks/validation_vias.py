"""Cases routed leg by leg as their source describes them ("by rail to Kashgar, then by truck").

``validation_vias.csv`` gives, for a multimodal case whose source names its sequence of
modes and transfer points, the legs as ``mode:place|mode:place|mode`` (each mode runs from
the previous place, the first from the case's origin, the last to its destination), with
the words of the source (or of the case's note) that say so. A case not listed is routed once with all its
modes, as before; the router then picks where to change mode (and may truck across China).

Each leg is routed on its own with its one mode, and the legs are joined: times, lengths
and ranges add up. At a transfer point the arriving leg's unloading and the leaving leg's
loading both count (a transshipment from train to truck or back).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caravan.analysis.routing.from_departure import departure_span
from caravan.api import LinkMode

__all__ = ["Joined", "Segment", "join", "read_vias", "route_case", "segments"]

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Segment:
    """One leg of a published sequence: a mode from one place to the next."""

    origin: str
    destination: str
    mode: str


@dataclass(frozen=True)
class Joined:
    """The legs' routes joined into one itinerary, with the fields the validation reads."""

    origin: str
    destination: str
    service: str
    legs: tuple[Any, ...]
    crossings: tuple[str, ...]
    length_km: float
    time_h: float
    time_h_low: float
    time_h_high: float
    time_from_departure_h: float
    time_from_departure_h_low: float
    time_from_departure_h_high: float


def read_vias(path: Path = HERE / "validation_vias.csv") -> dict[str, str]:
    """Each listed case's legs (``mode:place|…|mode``)."""
    with path.open(encoding="utf-8") as handle:
        return {row["case_id"]: row["legs"] for row in csv.DictReader(handle)}


def segments(origin: str, destination: str, legs: str) -> list[Segment]:
    """The case's legs, from its origin through each transfer point to its destination."""
    found: list[Segment] = []
    start = origin
    parts = legs.split("|")
    for number, part in enumerate(parts):
        mode, _, place = part.partition(":")
        last = number == len(parts) - 1
        if last == bool(place):
            raise ValueError(f"legs {legs!r}: every leg but the last names where it ends")
        end = destination if last else place
        found.append(Segment(start, end, mode))
        start = end
    return found


def join(
    parts: Sequence[Segment], route: Callable[[Segment, list[str]], Any], crossing: str
) -> Joined:
    """Route each leg with its mode (the published crossing on the leg of its mode); join."""
    results = []
    for part in parts:
        via = [crossing] if crossing and crossing.endswith(f"-{part.mode}") else []
        results.append(route(part, via))
    legs = tuple(leg for result in results for leg in result.legs)
    first, stop = departure_span(legs, parts[0].origin, parts[-1].destination)
    kept = legs[first:stop]
    return Joined(
        origin=parts[0].origin,
        destination=parts[-1].destination,
        service=next((r.service for r in results if r.service), ""),
        legs=legs,
        crossings=tuple(c for r in results for c in r.crossings),
        length_km=sum(r.length_km for r in results),
        time_h=sum(r.time_h for r in results),
        time_h_low=sum(r.time_h_low for r in results),
        time_h_high=sum(r.time_h_high for r in results),
        time_from_departure_h=sum(leg.time_h for leg in kept),
        time_from_departure_h_low=sum(leg.time_h_low for leg in kept),
        time_from_departure_h_high=sum(leg.time_h_high for leg in kept),
    )


def route_case(
    route: Callable[[str, str, list[LinkMode], list[str]], Any],
    case: dict[str, str],
    vias: dict[str, str],
) -> Any:
    """A case's best itinerary: leg by leg where ``vias`` lists its source's legs, else once
    with all its modes through its published crossing. ``route(origin, destination, modes,
    via)`` routes one piece; it raises ``NoRouteError`` where there is no route."""
    if case["id"] in vias:
        parts = segments(case["origin_id"], case["destination_id"], vias[case["id"]])
        return join(
            parts,
            lambda part, through: route(
                part.origin, part.destination, [LinkMode(part.mode)], through
            ),
            case["crossing_id"],
        )
    modes = [LinkMode(m) for m in case["mode"].split("+")]
    via = [case["crossing_id"]] if case["crossing_id"] else []
    return route(case["origin_id"], case["destination_id"], modes, via)
