"""Route speeds of container block trains by country, from ``rail_block_speeds.csv``.

A published distance a day of container trains (1,100 km a day across Kazakhstan) is a
route speed: stops en route are inside it. A block train is timed by it where the
country has a row; elsewhere (China, whose railways publish none) it runs as wagonload,
at CAREC CPMM's speed without delay plus the fitted stops.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from caravan.model import RailBlockSpeed
from caravan.network.parameters import Parameter

__all__ = ["block_speeds_in_force"]


def block_speeds_in_force(
    rows: Iterable[object], date: dt.date, *, best: bool = False
) -> dict[str, Parameter]:
    """Each country's block-train speed on a date: its latest row from before the date.

    Typical speeds, or with ``best`` the best published ones (where a row gives none, its
    typical speed). Before a country's first row that first row stands in (the speed of a
    period before any publication is not known; the earliest published one is the nearest).
    """
    by_country: dict[str, list[RailBlockSpeed]] = defaultdict(list)
    for row in rows:
        if isinstance(row, RailBlockSpeed):
            by_country[row.country_id].append(row)
    found: dict[str, Parameter] = {}
    for country, speeds in by_country.items():
        speeds.sort(key=lambda r: r.valid_from)
        started = [r for r in speeds if r.valid_from <= date]
        row = started[-1] if started else speeds[0]
        speed = (row.best_speed_kph or row.speed_kph) if best else row.speed_kph
        name = f"block train {'best ' if best else ''}speed {country}"
        found[country] = Parameter(name, speed, "km/h", row.source)
    return found
