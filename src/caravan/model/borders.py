"""A border between two countries as the subject of an observation (``border-cn-kz``).

Some sources publish one figure for every crossing of a mode between two countries (the
China–Kazakhstan rail freight of a year, a country's average road clearance time with its
neighbour); such a figure is an observation whose subject is the border, not a crossing.
The two country ids are in alphabetical order; ``a_to_b`` runs from the first to the second.
"""

from __future__ import annotations

import re

__all__ = ["BORDER_PREFIX", "border_countries", "border_id"]

BORDER_PREFIX = "border-"
_BORDER = re.compile(r"^border-([a-z]{2})-([a-z]{2})$")


def border_id(country_a: str, country_b: str) -> str:
    """The subject id of the border between two countries (order of the arguments is free)."""
    first, second = sorted((country_a, country_b))
    return f"{BORDER_PREFIX}{first}-{second}"


def border_countries(subject_id: str) -> tuple[str, str] | None:
    """The two country ids a border subject names, in its order; None for any other subject."""
    found = _BORDER.match(subject_id)
    return (found.group(1), found.group(2)) if found else None
