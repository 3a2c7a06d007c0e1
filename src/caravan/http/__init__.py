"""The HTTP face: a FastAPI app over the Python API, and the web observatory's files."""

from caravan.http.app import create_app
from caravan.http.settings import HttpSettings

__all__ = ["HttpSettings", "create_app"]
