"""A scenario written back as TOML, in the format ``caravan`` reads (``docs/scenarios.md``).

Used to print a sweep's drawn scenario so that one draw can be rerun on its own; reading
the text back (:func:`caravan.analysis.scenarios.scenario_from_mapping`) gives the same
scenario.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from enum import Enum

from caravan.model import Scenario

__all__ = ["scenario_to_toml"]

_TABLES = (
    "project", "crossing", "link", "rate", "closure", "new_places", "new_links",
    "new_crossings", "new_sources", "new_assumptions",
)  # fmt: skip


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return _value(value.value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{k} = {_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + pairs + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def scenario_to_toml(scenario: Scenario) -> str:
    """The scenario as a TOML document (empty fields left out)."""
    data = scenario.model_dump(exclude_none=True)
    lines = [f"{key} = {_value(value)}" for key, value in data.items() if key not in _TABLES]
    for key in _TABLES:
        for row in data.get(key, ()):
            lines += ["", f"[[{key}]]"]
            lines += [f"{name} = {_value(value)}" for name, value in row.items()]
    return "\n".join(lines) + "\n"
