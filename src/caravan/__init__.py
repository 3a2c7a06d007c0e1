"""caravan: an open, offline model of the China–Central Asia cooperation system.

Importing caravan only imports; nothing is read, written or started until asked. The
Python API (:class:`Observatory`, which brings numpy and pydantic; scipy only once skims
or many route searches need it) loads on first use of ``caravan.Observatory``, so that a
command or a script pays only for what it uses.
"""

import logging
from typing import TYPE_CHECKING, Any

from caravan.errors import (
    CaravanError,
    DataValidationError,
    KnowledgeBaseError,
    NoRouteError,
    UnknownPlaceError,
    UnknownRecordError,
)

if TYPE_CHECKING:
    from caravan.api import Observatory

__all__ = [
    "CaravanError",
    "DataValidationError",
    "KnowledgeBaseError",
    "NoRouteError",
    "Observatory",
    "UnknownPlaceError",
    "UnknownRecordError",
    "__version__",
]

__version__ = "0.1.0"

# Library logging: caravan.* loggers stay silent unless the application configures logging.
logging.getLogger("caravan").addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    """Load the Python API on first use of ``caravan.Observatory`` (PEP 562)."""
    if name == "Observatory":
        from caravan.api import Observatory

        return Observatory
    raise AttributeError(f"module 'caravan' has no attribute {name!r}")
