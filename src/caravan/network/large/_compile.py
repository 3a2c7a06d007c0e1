"""numba's ``njit`` behind a typed decorator: compiled on first call, cached on disk.

Compiling on first call keeps importing caravan (and its CLI) free of compile time;
``cache=True`` keeps the machine code beside the module so only the first process pays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba

__all__ = ["compiled"]

_Function = TypeVar("_Function", bound=Callable[..., Any])


def compiled(function: _Function) -> _Function:
    """``function`` compiled to machine code by numba (nopython mode, disk cache)."""
    return cast(_Function, numba.njit(cache=True, nogil=True)(function))
