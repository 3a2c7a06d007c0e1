"""A draw as two complete scenarios: ``a`` and ``b`` with the drawn overrides appended.

Each drawn scenario is an ordinary :class:`~caravan.model.Scenario`, complete in itself:
printed as TOML (``caravan sweep show SPEC --draw N``) it reproduces that draw with
``caravan compare``. Overrides are appended after the base scenario's own, so a drawn
opening year replaces a base's ``open = true`` (later overrides win).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from caravan.analysis.sweeps.sampling import draw_values
from caravan.analysis.sweeps.spec import InputKind, Side, SweepInput, SweepSpec
from caravan.model import Scenario

__all__ = ["OPENING_DAY", "drawn_scenario", "drawn_scenarios"]

#: A drawn opening year opens the project on this day of the year (mid-year).
OPENING_DAY = (7, 1)


def _override(item: SweepInput, value: float) -> tuple[str, list[dict[str, Any]]]:
    """(scenario list key, rows) that set ``item`` to ``value``."""
    source = list(item.source)
    if item.kind == InputKind.CROSSING_TIME_FACTOR:
        return "crossing", [{"id": i, "time_factor": value, "source": source} for i in item.ids]
    if item.kind == InputKind.CROSSING_COST_FACTOR:
        return "crossing", [{"id": i, "cost_factor": value, "source": source} for i in item.ids]
    if item.kind == InputKind.LINK_SPEED_KPH:
        return "link", [{"id": i, "speed_kph": value, "source": source} for i in item.ids]
    if item.kind == InputKind.RATE_USD_PER_TEU_KM:
        row = {"mode": item.mode, "country_id": item.country_id, "usd_per_teu_km": value}
        return "rate", [{**row, "source": source}]
    if item.kind == InputKind.PROJECT_OPENING_YEAR:
        day = dt.date(int(value), *OPENING_DAY)
        return "project", [{"id": i, "open_on": day, "source": source} for i in item.ids]
    months = int(value)
    return "project", [{"id": i, "delay_months": months, "source": source} for i in item.ids]


def drawn_scenario(
    spec: SweepSpec, base: Scenario, side: Side, index: int, values: dict[str, float]
) -> Scenario:
    """Scenario ``base`` with the draw's overrides for ``side`` (a or b) appended."""
    table = {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in base.model_dump(exclude={"name", "description", "base"}).items()
    }
    for item in spec.input:
        if item.side not in (side, Side.BOTH):
            continue
        key, rows = _override(item, values[item.name])
        table[key] = [*table[key], *rows]
    known_sources = {s["id"] for s in table["new_sources"]}
    table["new_sources"] += [s.model_dump() for s in spec.new_sources if s.id not in known_sources]
    known = {a["id"] for a in table["new_assumptions"]}
    table["new_assumptions"] += [a.model_dump() for a in spec.new_assumptions if a.id not in known]
    table["sources"] = list(dict.fromkeys([*table["sources"], *spec.sources]))
    table["base_date"] = spec.date
    drawn = ", ".join(f"{name} = {value:g}" for name, value in values.items())
    return Scenario.model_validate(
        {
            **table,
            "name": f"{spec.name}-{index}-{side.value}",
            "description": f"Sweep {spec.name}, draw {index}, side {side.value} "
            f"({base.name}): {drawn}.",
        }
    )


def drawn_scenarios(
    spec: SweepSpec, scenario_a: Scenario, scenario_b: Scenario, index: int
) -> tuple[Scenario, Scenario]:
    """Draw ``index``'s two scenarios (a, b)."""
    values = draw_values(spec, index)
    return (
        drawn_scenario(spec, scenario_a, Side.A, index, values),
        drawn_scenario(spec, scenario_b, Side.B, index, values),
    )
