"""Settings of the HTTP face: where the data is, who may write, and the limits per request."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["TOKEN_ENV", "HttpSettings"]

#: Environment variable holding the operator's write token; unset means no writes at all.
TOKEN_ENV = "CARAVAN_WRITE_TOKEN"


class HttpSettings(BaseModel):
    """Validated settings; unknown keys are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    knowledge_base: Path | None = Field(None, description="Knowledge-base file (default: cache).")
    data_dir: Path | None = Field(None, description="Data folder (default: embedded).")
    write_token: str | None = Field(None, min_length=16, description="Bearer token for writes.")
    cors_origins: tuple[str, ...] = Field(
        (), description="Origins allowed by CORS; none by default."
    )
    max_body_bytes: int = Field(65_536, gt=0, description="Largest request body accepted.")
    max_page_size: int = Field(500, gt=0, description="Largest page of a listing.")
    max_alternatives: int = Field(
        5, ge=0, description="Most alternatives one route request may ask."
    )
    max_skim_places: int = Field(60, gt=1, description="Most places one skim request may ask.")

    @classmethod
    def from_environment(cls, **overrides: object) -> HttpSettings:
        """Settings from the environment (token), then explicit overrides."""
        values: dict[str, object] = {"write_token": os.environ.get(TOKEN_ENV) or None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
