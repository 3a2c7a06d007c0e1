"""Dated closures of a crossing to freight, by direction (``closed_to_freight`` observations).

A source that reports a crossing shut to freight (a COVID-19 closure, a one-way "special
algorithm") gives a row of 1 from that day; the report of its reopening a row of 0. The
latest row in force in a direction decides; without any the crossing is open.
"""

from __future__ import annotations

import datetime as dt

from caravan.model import Crossing, Direction, Quantity
from caravan.store import KnowledgeBase

__all__ = ["closed_directions", "direction_closure"]


def direction_closure(
    kb: KnowledgeBase, crossing: Crossing, date: dt.date, direction: Direction
) -> str | None:
    """Why ``crossing`` takes no freight in ``direction`` on ``date``, or None when it does."""
    found = kb.value_at(crossing.id, Quantity.CLOSED_TO_FREIGHT, date, direction)
    if found is None or found.value == 0:
        return None
    sources = ", ".join(found.source)
    return f"{crossing.id} closed to freight {direction.value} from {found.valid_from} ({sources})"


def closed_directions(kb: KnowledgeBase, crossing: Crossing, date: dt.date) -> dict[Direction, str]:
    """The directions closed to freight on ``date``, each with its reason."""
    reasons = {
        direction: direction_closure(kb, crossing, date, direction)
        for direction in (Direction.A_TO_B, Direction.B_TO_A)
    }
    return {direction: reason for direction, reason in reasons.items() if reason}
