"""Settings of the HTTP face: where the data is, who may write, and the limits per request.

Every setting can come from an environment variable `CARAVAN_<NAME>` (e.g.
`CARAVAN_WRITE_TOKEN`, `CARAVAN_MAX_PAGE_SIZE`); explicit overrides (command-line options)
win. Worker processes of `caravan serve --workers N` get theirs that way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from caravan.errors import CaravanError

__all__ = [
    "ENV_PREFIX",
    "MIN_TOKEN_LENGTH",
    "TOKEN_ENV",
    "HttpSettings",
    "InvalidSettingsError",
    "environment_name",
]

#: Prefix of the environment variables that hold settings: CARAVAN_<NAME>.
ENV_PREFIX = "CARAVAN_"
#: Environment variable holding the operator's write token; unset means no writes at all.
TOKEN_ENV = "CARAVAN_WRITE_TOKEN"
#: Shortest write token accepted.
MIN_TOKEN_LENGTH = 16


class InvalidSettingsError(ValueError, CaravanError):
    """A setting with a value caravan cannot use; the message names it, never its value."""


def environment_name(field: str) -> str:
    """The environment variable of a setting: `write_token` -> `CARAVAN_WRITE_TOKEN`."""
    return ENV_PREFIX + field.upper()


class HttpSettings(BaseModel):
    """Validated settings; unknown keys are refused, and no value is echoed in an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    knowledge_base: Path | None = Field(None, description="Knowledge-base file (default: cache).")
    data_dir: Path | None = Field(None, description="Data folder (default: embedded).")
    write_token: SecretStr | None = Field(
        None, min_length=MIN_TOKEN_LENGTH, description="Bearer token for writes."
    )
    cors_origins: tuple[str, ...] = Field(
        (), description="Origins allowed by CORS; none by default."
    )
    max_body_bytes: int = Field(65_536, gt=0, description="Largest request body accepted.")
    max_document_bytes: int = Field(
        10_485_760,
        gt=0,
        le=1_073_741_824,
        description="Largest document accepted for reading (POST /api/v1/documents).",
    )
    max_page_size: int = Field(500, gt=0, description="Largest page of a listing.")
    max_alternatives: int = Field(
        5, ge=0, description="Most alternatives one route request may ask."
    )
    max_skim_places: int = Field(60, gt=1, description="Most places one skim request may ask.")
    max_header_bytes: int = Field(
        16_384,
        ge=1_024,
        le=1_048_576,
        description="Largest request head (request line and headers); larger gets 431.",
    )
    header_timeout_seconds: float = Field(
        10.0,
        gt=0,
        le=600,
        description=(
            "Seconds a client has to send a complete request head, from connecting or from "
            "the previous response; slower connections are closed."
        ),
    )
    body_timeout_seconds: float = Field(
        30.0,
        gt=0,
        le=3_600,
        description=(
            "Seconds a client has to send a request body once its head has arrived; a slower "
            "body gets 408 and the connection is closed."
        ),
    )
    keep_alive_seconds: int = Field(
        5, ge=1, le=600, description="Seconds an idle kept-alive connection stays open."
    )
    max_concurrency: int = Field(
        512,
        gt=0,
        description=(
            "Most connections or requests one server process handles at once; beyond, 503."
        ),
    )
    compute_workers: int = Field(
        default_factory=lambda: max(1, min(4, os.cpu_count() or 1)),
        ge=1,
        le=64,
        description=(
            "Threads computing routes and skims at once, per server process (default: the "
            "cores, at most 4); more than the cores only takes time from the event loop."
        ),
    )
    compute_queue: int = Field(
        8,
        ge=0,
        le=10_000,
        description="Route and skim requests that may wait for a thread; beyond, 503 busy.",
    )
    route_deadline_s: float = Field(
        10.0,
        gt=0,
        le=600,
        description="Seconds one route request may compute; past it, 503 too-slow.",
    )
    skim_deadline_s: float = Field(
        10.0, gt=0, le=3_600, description="Seconds one skim request may compute; past it, 503."
    )
    busy_retry_after_s: int = Field(
        1, ge=0, le=3_600, description="The Retry-After value sent with 503 busy refusals."
    )

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> HttpSettings:
        """Settings from `CARAVAN_<NAME>` variables, then explicit overrides (None = unset).

        Raises InvalidSettingsError with one line per broken setting, never its value.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        sources: dict[str, str] = {}
        for name in cls.model_fields:
            text = environ.get(environment_name(name))
            if text:
                values[name] = _parse_tuple(text) if name == "cors_origins" else text
                sources[name] = environment_name(name)
        for name, value in overrides.items():
            if value is not None:
                values[name] = value
                sources[name] = name
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            raise InvalidSettingsError(_describe(error, sources)) from None


def _parse_tuple(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _describe(error: ValidationError, sources: Mapping[str, str]) -> str:
    """One clause per broken setting, named as it was given; pydantic's input is left out."""
    clauses = []
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        name = str(item["loc"][0]) if item["loc"] else "settings"
        where = sources.get(name, name)
        if name == "write_token" and item["type"] in ("too_short", "string_too_short"):
            clauses.append(
                f"{where} is too short: at least {MIN_TOKEN_LENGTH} characters are needed"
            )
        elif item["type"] == "extra_forbidden":
            clauses.append(f"{where} is not a setting caravan knows")
        else:
            clauses.append(f"{where} is invalid: {item['msg']}")
    return "; ".join(clauses)
