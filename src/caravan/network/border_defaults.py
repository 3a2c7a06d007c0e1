"""A crossing's clearance time or cost: its own figure or its border's, the more current.

Zero is not a clearance time. A crossing without its own figure takes the figure published
for its border and mode in that direction (an observation of ``border-<a>-<b>``, such as
CPMM's country average for trucks leaving China), in force on the date or, before the
first publication, the earliest (back-cast). Only without one does the median of the
crossings that publish a figure stand in (:meth:`NetworkParameters.clearance`).

Where both exist, the figure of the later year wins and, in the same year, the crossing's
own (:func:`current_clearance`): a crossing's 2022 fee does not outlive its border's 2023
average, since the figures of a year are measured on the same sample of shipments.
"""

from __future__ import annotations

import datetime as dt

from caravan.model import Direction, Observation, Quantity, border_countries, border_id
from caravan.store import KnowledgeBase

__all__ = ["BORDER_AVERAGE", "border_clearance", "current_clearance", "is_border_average"]

#: Marks a parameter name as a border average (``clearance time_h border-cn-kz average``).
BORDER_AVERAGE = "average"


def border_clearance(
    kb: KnowledgeBase,
    countries: tuple[str, str],
    mode: str,
    quantity: Quantity,
    date: dt.date,
    direction: Direction,
) -> Observation | None:
    """The border's figure for ``mode`` from ``countries[0]`` to ``countries[1]`` on ``date``.

    ``direction`` is the crossing's (a→b runs from its first post's country); it is turned
    into the border's own, whose countries are in alphabetical order.
    """
    border = border_id(*countries)
    named = border_countries(border)
    if named is None or direction == Direction.BOTH:
        return None
    forward = (direction == Direction.A_TO_B) == (countries[0] == named[0])
    wanted = Direction.A_TO_B if forward else Direction.B_TO_A
    rows = [
        o
        for o in kb.observations(border, quantity)
        if o.mode is not None and o.mode.value == mode and o.direction in (wanted, Direction.BOTH)
    ]
    if not rows:
        return None
    in_force = [o for o in rows if o.valid_from <= date]
    if in_force:
        return max(in_force, key=lambda o: (o.valid_from, o.direction == wanted))
    return min(rows, key=lambda o: (o.valid_from, o.direction != wanted))


def current_clearance(
    own: Observation | None, border: Observation | None, date: dt.date
) -> Observation | None:
    """The figure to use on ``date``: the later year's of those in force, the crossing's on a tie.

    A figure in force beats a back-cast one (published only after ``date``); with both
    back-cast, the crossing's own stands, as it did before any border figure existed.
    """
    if own is None or border is None:
        return own or border
    own_in_force, border_in_force = own.valid_from <= date, border.valid_from <= date
    if own_in_force != border_in_force:
        return own if own_in_force else border
    if own_in_force and border.valid_from.year > own.valid_from.year:
        return border
    return own


def is_border_average(parameter_name: str) -> bool:
    """Whether a clearance parameter's name says it is a border's average."""
    return parameter_name.endswith(f" {BORDER_AVERAGE}") and " border-" in parameter_name
