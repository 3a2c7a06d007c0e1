"""Which knowledge-base rows a comparison's ``held_ref`` names, as (table, keys).

The engine names the held row readably (``observations bcp-… capacity_… 2025-01-01``,
``trade 2024 cn->kz total``); accepting a corroboration needs the rows' keys. A total
over several partners names every partner row it sums.
"""

from __future__ import annotations

from caravan.analysis.monitoring.errors import ReviewError
from caravan.store import KnowledgeBase
from caravan.store.schema import table_named

__all__ = ["held_rows"]


def held_rows(kb: KnowledgeBase, held_ref: str) -> tuple[str, tuple[str, ...]]:
    """The table and keys of the rows ``held_ref`` names; ReviewError if it names none."""
    table, _, rest = held_ref.partition(":")
    if rest and " " not in table:  # already ``table:key``
        return table, (rest,)
    table, *parts = held_ref.split()
    keys: tuple[str, ...] = ()
    if table in ("projects", "agreements") and parts:
        keys = (parts[0],)
    elif table == "project_events" and len(parts) >= 3:
        keys = ("/".join(parts[:3]),)
    elif table == "sister_city_counts" and len(parts) >= 2:
        keys = (f"{parts[1]}/{parts[0]}",)
    elif table == "trade" and len(parts) >= 2 and "->" in parts[1]:
        reporter, partners = parts[1].split("->", 1)
        keys = tuple(f"{parts[0]}/{reporter}/{p}/total/" for p in partners.split("+"))
    elif table == "observations" and len(parts) >= 3:
        subject, quantity, valid_from = parts[:3]
        observations = table_named("observations")
        keys = tuple(
            observations.key_of(o)
            for o in kb.observations(subject)
            if o.quantity.value == quantity and o.valid_from.isoformat() == valid_from
        )
    if not keys:
        raise ReviewError(f"cannot tell which held row {held_ref!r} names")
    return table, keys
