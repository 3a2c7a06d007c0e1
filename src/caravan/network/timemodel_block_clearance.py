"""Block trains' published clearance times at rail crossings, from ``rail_block_clearances.csv``.

CAREC CPMM's clearance times at Khorgos and Alashankou are averages over the consignments
it samples, mostly wagonload; China's customs publish the clearance of a China–Europe
(Central Asia) freight train, a scheduled container block train, in hours or minutes.
With ``IN_USE``, a crossing with such a row in force takes it under block service in place
of CPMM's figure in that direction (the gauge change's own time is still taken when it is
longer). The rule is not shipped: on the train cases it raised the leave-one-out error
(``benchmarks/validation.md``); the rows are kept with their sources for the comparison.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from caravan.model import Direction, RailBlockClearance
from caravan.network.parameters import Parameter

__all__ = ["IN_USE", "block_clearances_in_force"]

#: Whether block trains take their published clearance. False (shipped): they take CPMM's,
#: as wagonload; ``benchmarks/validate_routes.py --cv`` found the published train clearance
#: raised the leave-one-out error on the train cases of batches 1–8 (``validation.md``).
IN_USE = False


def block_clearances_in_force(
    rows: Iterable[object], date: dt.date
) -> dict[tuple[str, str], Parameter]:
    """Per (crossing, direction): the latest row from before ``date``, else the earliest.

    A row for both directions counts in each.
    """
    by_key: dict[tuple[str, str], list[RailBlockClearance]] = defaultdict(list)
    for row in rows:
        if isinstance(row, RailBlockClearance):
            both = row.direction == Direction.BOTH
            for direction in ("a_to_b", "b_to_a") if both else (row.direction.value,):
                by_key[(row.crossing_id, direction)].append(row)
    found: dict[tuple[str, str], Parameter] = {}
    for (crossing, direction), clearances in by_key.items():
        clearances.sort(key=lambda r: r.valid_from)
        started = [r for r in clearances if r.valid_from <= date]
        row = started[-1] if started else clearances[0]
        name = f"block train clearance time_h {crossing} {direction}"
        found[(crossing, direction)] = Parameter(name, row.time_h, "h", row.source)
    return found
