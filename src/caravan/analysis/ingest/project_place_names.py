"""A project named after a place is named by any of that place's spellings: "Khorgos
International Centre of Boundary Cooperation" is also "Horgos …" and "Huoerguosi …", as
"Хоргос" and "Khorgas" name the same city.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["respelled_names"]

_WORD = re.compile(r"[\w'’-]+")


def _script(word: str) -> str:
    return "cyrillic" if any("\u0400" <= c <= "\u04ff" for c in word) else "latin"


def respelled_names(name: str, spellings: dict[str, list[str]]) -> Iterator[str]:
    """``name`` with its one-word place name written each other way the place is written in the
    same script; ``spellings`` maps a casefolded one-word place name to all its spellings."""
    for word in _WORD.finditer(name):
        others = spellings.get(word.group().casefold())
        if others is None:
            continue
        for other in others:
            if other.casefold() == word.group().casefold():
                continue
            if _script(other) != _script(word.group()) or " " in other:
                continue
            yield name[: word.start()] + other + name[word.end() :]
