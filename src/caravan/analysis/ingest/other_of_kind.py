"""A held name counted with an ordinal is another one of its kind: "the second Luban Workshop
in Kazakhstan", "вторая мастерская Лу Баня", "another Luban Workshop" is not the held first.

The first ("the first Luban Workshop") is the held one; an ordinal before another word ("the
second phase of the … railway", "второй очереди …") leaves the name the project's.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.gazetteer import Match

__all__ = ["another_of_its_kind"]

_ORDINAL_BEFORE = re.compile(
    r"(?<![\w-])(?:second|third|fourth|fifth|sixth|another|2nd|3rd|4th|5th"
    r"|втор(?:ой|ая|ое|ого|ую|ую|ом|ой)|треть(?:его|ей|ю|ем|я|е)|трет(?:ий)"
    r"|четв[её]рт\w+|пят(?:ый|ая|ое|ого|ую|ой|ом)|ещ[её]\s+одн\w+)\s+[«\"“]?$",
    re.IGNORECASE,
)
_REACH = 16


def another_of_its_kind(text: str, match: Match) -> bool:
    """True when an ordinal other than the first stands right before the held name."""
    return _ORDINAL_BEFORE.search(text, max(0, match.start - _REACH), match.start) is not None
