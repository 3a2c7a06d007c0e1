"""The data dictionary page, generated from the record declarations."""

from __future__ import annotations

import re
from enum import Enum

from caravan.store.schema import TABLES, field_is_list, field_python_type

__all__ = ["data_dictionary_markdown"]

_UNITS = {
    "_km": "km",
    "_kph": "km/h",
    "_h": "h",
    "_usd": "USD",
    "_m": "m",
    "_mm": "mm",
    "_teu": "TEU",
    "_per_day": "per day",
    "_per_year": "per year",
}


def data_dictionary_markdown() -> str:
    """Markdown describing every table and field: type, unit, required, allowed values."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from the record declarations in `src/caravan/model/records.py` by",
        "`caravan data dictionary`; do not edit by hand. File formats and conventions are",
        "in [data-format.md](data-format.md).",
        "",
    ]
    for table in TABLES:
        key = ", ".join(f"`{k}`" for k in table.key)
        lines += [
            f"## {table.name}",
            "",
            table.description,
            "",
            f"Files: `{table.name}.csv`, `{table.name}_*.csv`. Key: {key}.",
            "",
        ]
        if table.refs:
            refs = "; ".join(f"`{f}` → {' / '.join(t)}" for f, t in table.refs.items())
            lines += [f"References: {refs}.", ""]
        lines += ["| field | type | unit | required | description |", "|---|---|---|---|---|"]
        for name, info in table.record.model_fields.items():
            python_type = field_python_type(table.record, name)
            type_text = _type_text(python_type)
            if field_is_list(table.record, name):
                type_text = f"list of {type_text} (`|`-separated)"
            unit = _unit_of(name)
            required = "yes" if info.is_required() else ""
            description = (info.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {type_text} | {unit} | {required} | {description} |")
        lines.append("")
    return "\n".join(lines)


def _type_text(python_type: type) -> str:
    if issubclass(python_type, Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in python_type)
    return {
        "str": "text",
        "float": "number",
        "int": "integer",
        "bool": "`true`/`false`",
        "date": "date (YYYY-MM-DD)",
    }.get(python_type.__name__, python_type.__name__)


def _unit_of(name: str) -> str:
    for suffix, unit in _UNITS.items():
        if name.endswith(suffix):
            return unit
    if re.fullmatch(r"lat|lon|\w+_lat|\w+_lon", name):
        return "degrees"
    return ""
