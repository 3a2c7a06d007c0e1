"""A line of a system named beside the system's name: the line, not the lines the name also fits.

Held projects whose names share a stem before a comma ("Central Asia – China gas pipeline,
lines A, B and C" and "…, line D") are lines of one system, and reports name the built lines
by the system's name. "Line D of the Central Asia – China gas pipeline" names line D alone:
where a sentence names one sibling by its letter ("line D", "нитка D", "ветка D"), a sibling
named there by the system's name is read as that line too. An ordinal names the line of its
letter ("the fourth line", "четвёртой ниткой": line D).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Match

__all__ = ["Siblings", "by_lettered_line", "named_by_letter", "siblings_of"]

#: A line named by its letter: "line D", "Line D", "D line", "линия D", "нитки D", "ветка D".
_LETTERED = re.compile(
    r"(?i)^(?:lines?|лини[яиюей]|нитк[аиуеой]|ветк[аиуеой])\s+[A-ZА-Я]$|^[A-Z]\s+line$"
)


#: An ordinal before a word for a line: "fourth line", "четвертой ниткой", "четвёртая ветка".
_ORDINAL_LINE = re.compile(
    r"(?i)\b(?P<ordinal>first|second|third|fourth|перв|втор|трет|четв[её]рт)\w*\s+"
    r"(?:lines?|branch|string|лини\w*|нитк\w*|ветк\w*)\b"
)
_ORDINAL_LETTER = {
    "first": "A", "перв": "A", "second": "B", "втор": "B", "third": "C", "трет": "C",
    "fourth": "D", "четверт": "D", "четвёрт": "D",
}  # fmt: skip
#: A held name of one line: "Line D".
_LINE_NAME = re.compile(r"Line\s+(?P<letter>[A-Z])")


def named_by_letter(name: str) -> bool:
    """True when a name is a line's letter alone: "Line D", "линии D", "D line"."""
    return _LETTERED.match(name.strip()) is not None


@dataclass(frozen=True)
class Siblings:
    """Projects that are lines of one system, and the project each line's letter names."""

    of: dict[str, frozenset[str]]
    by_letter: dict[tuple[str, str], str]  # (a member, a letter) -> the member of that letter


def siblings_of(names: Iterable[tuple[str, Sequence[str]]]) -> Siblings:
    """The projects whose English names (the first of each project's ``names``) share their
    stem before a comma, with the letters their "Line X" names give them."""
    families: dict[str, set[str]] = {}
    letters: dict[str, set[str]] = {}
    for project_id, every in names:
        stem, comma, _part = every[0].partition(",")
        if comma:
            families.setdefault(stem.strip().casefold(), set()).add(project_id)
        found = (_LINE_NAME.fullmatch(n.strip()) for n in every)
        letters[project_id] = {f["letter"] for f in found if f is not None}
    of = {
        member: frozenset(family - {member})
        for family in families.values()
        if len(family) > 1
        for member in family
    }
    by_letter = {
        (member, letter): other
        for member, others in of.items()
        for other in (member, *others)
        for letter in letters.get(other, ())
    }
    return Siblings(of, by_letter)


def by_lettered_line(
    text: str, start: int, end: int, matches: Iterable[Match], siblings: Siblings
) -> Iterator[Match]:
    """The sentence's names (``text[start:end]``), a sibling named by the system's name read
    as the one other sibling the sentence names by its letter or ordinal."""
    found = list(matches)
    lettered = {
        project_id
        for m in found
        if named_by_letter(m.text)
        for project_id in m.ids(EntryKind.PROJECT)
    }
    ordinals = {
        _ORDINAL_LETTER[o["ordinal"].casefold()] for o in _ORDINAL_LINE.finditer(text, start, end)
    }
    for m in found:
        ids = m.ids(EntryKind.PROJECT)
        if len(ids) != 1 or named_by_letter(m.text):
            yield m
            continue
        others = siblings.of.get(ids[0], frozenset())
        meant = (others & lettered) | {
            siblings.by_letter[(ids[0], letter)]
            for letter in ordinals
            if (ids[0], letter) in siblings.by_letter
        }
        if len(meant) == 1 and ids[0] not in lettered and ids[0] not in meant:
            # "line D of the Central Asia – China gas pipeline": line D, not lines A–C
            entry = m.entries[0]
            line = Entry(entry.kind, next(iter(meant)), entry.label, alias=True)
            yield Match(m.start, m.end, m.text, (line,), m.method, m.variant_of, m.borrowed)
        else:
            yield m
