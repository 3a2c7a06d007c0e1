"""A held project named by the adjective of its one-word name before a facility noun:
"Актогайский ГОК", "Актогайского горно-обогатительного комбината", "Богутинское
месторождение" are the projects held as "Актогай" and "Богуты". Russian makes such adjectives
of a place or a deposit; the noun after it says a facility is meant, not the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from caravan.analysis.ingest.gazetteer import Gazetteer, Match, MatchMethod
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["by_project_adjective"]

#: Endings of the adjectives before the noun, singular and plural ("медного", "медных").
_ADJECTIVE = (
    r"[а-яё]+(?:-[а-яё]+)?(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ом|ем|ую|юю|ым|им"
    r"|ые|ие|ых|их|ыми|ими)"
)
#: Endings of a masculine noun and of a neuter noun in "-ие", every case and number.
_MASCULINE = r"(?:а|у|ом|е|ы|и|ов|ам|ами|ах)?"
_NEUTER = r"(?:е|я|ю|ем|и|й|ям|ями|ях)"
#: A facility noun after the adjective, one or two adjectives of its own allowed ("горно-
#: обогатительного комбината", "медного рудника"); each noun with its own endings, so that
#: "порт" is not the start of "портфеля".
_FACILITY_AFTER = re.compile(
    r"\s+(?:" + _ADJECTIVE + r"\s+){0,2}"
    r"(?:(?:ГОК|ГМК|ГЭС|ТЭС|ТЭЦ|комбинат|рудник|карьер|завод|проект|объект|парк|терминал"
    r"|порт|хаб)" + _MASCULINE + r"|фабрик(?:а|и|е|у|ой|ою|ам|ами|ах)?"
    r"|(?:месторождени|предприяти)" + _NEUTER + r")(?![\w-])",
    re.IGNORECASE,
)


def by_project_adjective(
    text: str, start: int, end: int, matches: Sequence[Match], gazetteer: Gazetteer
) -> list[Match]:
    """``matches`` with each held project named by its adjective before a facility noun added
    (the span runs over the noun), unless a known name already covers the adjective."""
    found = list(_adjectival(text, start, end, gazetteer))
    kept = [m for m in matches if not any(f.start <= m.start and m.end <= f.end for f in found)]
    found = [f for f in found if not any(m.start < f.end and f.start < m.end for m in kept)]
    return sorted([*kept, *found], key=lambda m: m.start)


def _adjectival(text: str, start: int, end: int, gazetteer: Gazetteer) -> Iterator[Match]:
    for token in tokenise(text[start:end]):
        if not token.cyrillic or not token.capitalised:
            continue
        entry = gazetteer.project_of_adjective(token.key)
        if entry is None:
            continue
        noun = _FACILITY_AFTER.match(text, start + token.end)
        if noun is None:
            continue
        at = start + token.start
        yield Match(at, noun.end(), text[at : noun.end()], (entry,), MatchMethod.ALIAS)
