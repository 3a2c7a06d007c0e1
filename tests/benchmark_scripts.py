"""The benchmark scripts (``benchmarks/*.py``, no package) imported by name for their tests."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def benchmark_script(name: str) -> Iterator[ModuleType]:
    """Yield ``benchmarks/<name>.py``, with ``benchmarks/`` on the path while it is in use
    (the scripts import each other); for a fixture to ``yield from``."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))
