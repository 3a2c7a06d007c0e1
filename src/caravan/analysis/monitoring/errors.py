"""The one error review raises on purpose: a proposal that cannot be taken as it stands."""

from __future__ import annotations

from caravan.errors import InvalidQueryError

__all__ = ["ReviewError"]


class ReviewError(InvalidQueryError):
    """A review step refused: the message says what is missing or held, and what to do."""
