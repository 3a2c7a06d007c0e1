"""Upgrades of a held line already in service, a project of their own (corpus rule 27): "На
участке Алтынколь – Жетыген продолжается строительство вторых путей" → "Вторые пути на
участке Алтынколь – Жетыген"; "electrification of the Shymkent–Tashkent line" →
"Electrification of the Shymkent–Tashkent line"; "второй железнодорожной линии Алтынколь –
Жетыген" → "Вторая железнодорожная линия Алтынколь – Жетыген". A line not yet in service is built with its
upgrade (rule 8), and a held upgrade ("the Dostyk–Moyinty second track") is no new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, Match
from caravan.analysis.ingest.morphology import nominative_phrase

__all__ = ["line_upgrades"]

#: Words of an upgrade, with the name each gives ("{line}" is the line as written).
_UPGRADES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?<![\w-])(?:втор\w+\s+пут\w+|двухпутк\w+)", re.IGNORECASE),
        "Вторые пути на участке {line}",
    ),
    # a second line beside the held one: "второй железнодорожной линии Алтынколь – Жетыген"
    (
        re.compile(r"(?<![\w-])втор\w+\s+(?:[а-яё]+\s+)?лини\w+", re.IGNORECASE),
        "{words} {line}",
    ),
    (re.compile(r"(?<![\w-])электрификаци\w+", re.IGNORECASE), "Электрификация участка {line}"),
    (
        re.compile(r"\b(?:second\s+tracks?|double[- ]track(?:ing)?)\b", re.IGNORECASE),
        "Second tracks on the {line} section",
    ),
    (
        re.compile(r"\belectrif(?:ication|ying)\b", re.IGNORECASE),
        "Electrification of the {line} line",
    ),
    (
        re.compile(r"\bsecond\s+(?:railway\s+|rail\s+)?line\b", re.IGNORECASE),
        "Second line {line}",
    ),
)
#: A held name that is itself an upgrade: the upgrade is held.
_HELD_UPGRADE = re.compile(
    r"second\s+(?:track|line)|втор\w+\s+(?:пут|лини)|electrif|электрифик", re.IGNORECASE
)
#: Ends joined by a dash: the line as the text names it.
_ENDS = re.compile(r"\S\s?[-–—]\s?\S")


def line_upgrades(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each upgrade of a held line in service the sentence speaks of;
    the span is the upgrade's words (the line's name is a held project's)."""
    for pattern, template in _UPGRADES:
        upgrade = pattern.search(view.sentence)
        if upgrade is None:
            continue
        for match in view.of_kind(EntryKind.PROJECT):
            if _a_line_in_service(view, gazetteer, match):
                span = view.start + upgrade.start(), view.start + upgrade.end()
                words = nominative_phrase(upgrade.group())  # "Вторая железнодорожная линия"
                yield template.format(line=match.text, words=words), *span
        return  # one upgrade word gives the sentence's name


def _a_line_in_service(view: SentenceView, gazetteer: Gazetteer, match: Match) -> bool:
    """True when the match names a held line by its ends, in service and no upgrade itself."""
    if match.borrowed or _ENDS.search(match.text) is None:
        return False  # "the Khorgos railway", "the line": not named by the section's ends
    ids = set(match.ids(EntryKind.PROJECT))
    if any(
        e.kind is EntryKind.PROJECT and e.id in ids and _HELD_UPGRADE.search(e.label)
        for e in gazetteer.entries
    ):
        return False  # any name of the row says it is the upgrade
    return bool(ids & view.context.in_service_since.keys())
