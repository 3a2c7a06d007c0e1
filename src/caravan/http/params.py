"""Parameter types of the HTTP face that are stricter than pydantic's lax defaults."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from caravan.api import builtin_names

__all__ = ["ISO_DATE_PATTERN", "IsoDate", "ScenarioName"]

#: A calendar date written the ISO 8601 way, e.g. 2025-06-02.
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_ISO_DATE = re.compile(ISO_DATE_PATTERN, re.ASCII)


def _iso_date_text(value: object) -> object:
    """Let through only `YYYY-MM-DD` text (or a date): lax pydantic would read `0` as 1970-01-01."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("a date must be written YYYY-MM-DD, e.g. 2025-06-02")


#: A date given as `YYYY-MM-DD` and nothing else (no numbers, no times, no other layouts).
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_text)]


def _builtin_scenario(value: str) -> str:
    """Only built-in scenario names over HTTP: a path would read the server's files."""
    names = builtin_names()
    if value not in names:
        raise ValueError(f"unknown scenario {value!r}; built-ins: {', '.join(names)}")
    return value


#: A built-in scenario's name (the OpenAPI document lists them as an enum).
ScenarioName = Annotated[
    str,
    AfterValidator(_builtin_scenario),
    WithJsonSchema(
        {
            "type": "string",
            "enum": builtin_names(),
            "description": "A built-in scenario (GET /api/v1/scenarios lists them).",
        }
    ),
]
