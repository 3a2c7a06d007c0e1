"""Errors raised while reading a document, in caravan's one family.

::

    CaravanError
    └── DocumentError(ValueError)          a document that cannot be read as given
        ├── UnreadableDocumentError        binary junk, a PDF or HTML that does not parse
        └── DocumentTooLargeError          larger than the configured limit (and not truncated)
"""

from __future__ import annotations

from pathlib import Path

from caravan.errors import CaravanError

__all__ = ["DocumentError", "DocumentTooLargeError", "UnreadableDocumentError"]


class DocumentError(ValueError, CaravanError):
    """A document that cannot be read; names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnreadableDocumentError(DocumentError):
    """Binary junk, an unknown encoding, or a PDF or HTML file that does not parse."""


class DocumentTooLargeError(DocumentError):
    """A file above the size limit, refused rather than read in part."""
