"""The `caravan` command line: typer + rich over the Python API."""

from caravan.cli.app import app, main

__all__ = ["app", "main"]
