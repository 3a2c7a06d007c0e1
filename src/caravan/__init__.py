"""caravan: an open, offline model of the China–Central Asia cooperation system.

Importing caravan only imports; nothing is read, written or started until asked.
"""

import logging

from caravan.api import Observatory
from caravan.errors import (
    CaravanError,
    DataValidationError,
    KnowledgeBaseError,
    NoRouteError,
    UnknownPlaceError,
    UnknownRecordError,
)

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
