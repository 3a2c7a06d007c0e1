"""Stand-in clearances by kind of crossing: a break of gauge or the same gauge on both sides.

A rail crossing with no clearance figure of its own or of its border takes the median of
the figures published for rail crossings of its own kind, not of every rail crossing: the
crossings that publish one are China's gauge-change crossings, whose transshipment queues
say nothing of a border between two 1520 mm railways. A border's published average (CAREC
CPMM's country average over its rail crossings) counts for the kind of the rail crossings
on that border; the same country average copied onto several borders counts once. Where a
kind has no figure, the median of all rail crossings stands in, as before
(``docs/network-model.md``, "Time model and ranges").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from caravan.model import Crossing, Observation, Quantity, border_countries, border_id

__all__ = ["BY_KIND", "kind_figures"]

#: Whether a rail crossing without a figure takes its own kind's median (the shipped rule,
#: chosen by ``benchmarks/validate_routes.py --cv``); False gives every rail crossing the
#: median of all rail crossings that publish one (the rule before).
BY_KIND = True


def kind_figures(
    crossings: Iterable[Crossing],
    observations: Iterable[Observation],
    country_of: Callable[[str], str],
    quantity: Quantity,
    date: dt.date,
) -> dict[bool, list[Observation]]:
    """The rail figures in force on ``date`` by kind (True: a break of gauge).

    Each crossing's own latest figure and each border direction's latest average, the
    back-cast earliest where none is yet in force; one figure per value and first source
    (a country average copied onto several borders).
    """
    rail = [c for c in crossings if c.mode.value == "rail"]
    kind_of_crossing = {c.id: c.gauge_change for c in rail}
    kinds_of_border: dict[str, set[bool]] = defaultdict(set)
    for crossing in rail:
        border = border_id(country_of(crossing.post_a_id), country_of(crossing.post_b_id))
        kinds_of_border[border].add(crossing.gauge_change)
    groups: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for observation in observations:
        if observation.quantity != quantity:
            continue
        subject = observation.subject_id
        if subject in kind_of_crossing:
            groups[(subject, "")].append(observation)
        elif (
            border_countries(subject) is not None
            and observation.mode is not None
            and observation.mode.value == "rail"
            and len(kinds_of_border.get(subject, set())) == 1
        ):
            groups[(subject, observation.direction.value)].append(observation)
    found: dict[bool, dict[tuple[float, str], Observation]] = defaultdict(dict)
    for (subject, _), rows in groups.items():
        latest = _latest(rows, date)
        kind = (
            kind_of_crossing[subject]
            if subject in kind_of_crossing
            else next(iter(kinds_of_border[subject]))
        )
        found[kind].setdefault((latest.value, latest.source[0] if latest.source else ""), latest)
    return {kind: list(figures.values()) for kind, figures in found.items()}


def _latest(rows: list[Observation], date: dt.date) -> Observation:
    """The latest row in force on ``date``, else the earliest (back-cast)."""
    in_force = [r for r in rows if r.valid_from <= date]
    if in_force:
        return max(in_force, key=lambda r: r.valid_from)
    return min(rows, key=lambda r: r.valid_from)
