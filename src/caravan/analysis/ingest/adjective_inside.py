"""A held line's name with a word of description inside: the held line.

"the Turkmenistan-China transnational gas pipeline", "the China-Central Asia Natural Gas
Pipeline", "the Turkmenistan-China strategic gas pipeline": without the describing words
("transnational", "natural", "strategic") the words are a name the knowledge base holds, so
they name that line. The countries and the line's noun must be those of the held name, and
the words between are at most two, none of them a word that joins ("and", "to", "of"); a line's
noun that describes a service ("the China-Kyrgyzstan-Uzbekistan combined railway international
train") names no line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, Match, MatchMethod

__all__ = ["by_name_without_description"]

_PART = r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
#: A dashed chain of names, one or two describing words, a line's noun.
_DESCRIBED = re.compile(
    r"(?<![\w-])(?!(?:The|This|That|A|An)\s)(?P<chain>"
    + _PART
    + r"(?:\s?[-–—]\s?"
    + _PART
    + r")+)\s+"
    r"(?P<words>(?:[A-Za-z][a-z-]+\s+){1,2}?)"
    r"(?P<noun>(?i:gas\s+pipeline|oil\s+pipeline|pipeline|railway|railroad|highway|road))\b"
    r"(?!\s+(?:(?:international|freight|container|cargo|express|block)\s+)*(?i:trains?|services?"
    r"|freight|transport|routes?|stations?|company))"
)
#: Words that join two things rather than describe one.
_JOINING = frozenset({"and", "to", "of", "the", "or", "via", "through", "from", "with", "for"})


def by_name_without_description(
    text: str, start: int, end: int, matches: Sequence[Match], gazetteer: Gazetteer
) -> list[Match]:
    """``matches``, a held line named with describing words inside read as that line."""
    result = list(matches)
    for found in _DESCRIBED.finditer(text, start, end):
        words = found["words"].split()
        if any(w.casefold() in _JOINING for w in words):
            continue
        if any(
            m.ids(EntryKind.PROJECT) and m.start < found.end() and found.start() < m.end
            for m in result
        ):
            continue  # a held name covers it already
        bare = f"{found['chain']} {found['noun']}"
        held = [
            m
            for m in gazetteer.find(bare)
            if m.start == 0 and m.end == len(bare) and m.ids(EntryKind.PROJECT)
        ]
        if len(held) != 1:
            continue
        line = replace(
            held[0],
            start=found.start(),
            end=found.end(),
            text=found.group(),
            method=MatchMethod.ALIAS,
        )
        inside = [m for m in result if found.start() <= m.start and m.end <= found.end()]
        result = [m for m in result if not any(m is i for i in inside)] + [line]
    return sorted(result, key=lambda m: m.start)
