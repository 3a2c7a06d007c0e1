"""The error an OpenStreetMap import raises: what is wrong with which file, and why."""

from __future__ import annotations

from caravan.errors import CaravanError

__all__ = ["OsmImportError"]


class OsmImportError(ValueError, CaravanError):
    """An OSM file that cannot be imported (missing, malformed, nothing kept) or a bad layer."""
