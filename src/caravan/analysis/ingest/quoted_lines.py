"""Lines named in quotes after a line noun: "строятся линии "Достык – Мойынты",
"Алматинская кольцевая железная дорога" и "Мойынты – Кызылжар"", "the lines "A – B" and
"C – D"", also with the directions between ("линии построят на направлениях «A – B» и «C –
D»", "lines will be built in the directions "A – B" and "C – D""). Each quoted item that no known name covers, and that is itself a chain of places
("Мойынты – Кызылжар") or names a line ("… железная дорога"), is a new project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["quoted_lines"]

_ITEM = r"[\"«„“](?P<item>[^\"«»„“”]{3,60})[\"»”]"
_LIST = re.compile(
    r"(?:(?<![\w-])(?:лини\w*|магистрал\w*|ветк\w*)(?:(?:\s+[а-яё-]+){0,3}?\s+(?:на|по)\s+направлени\w+)?"
    r"|\b(?:lines|railways)(?:(?:\s+[a-z-]+){0,4}?\s+(?:in|along)\s+the\s+directions?(?:\s+of)?)?)\s+"
    r"(?P<list>[\"«„“][^\"«»„“”]{3,60}[\"»”](?:(?:\s*,\s*|\s+(?:и|and)\s+)[\"«„“][^\"«»„“”]{3,60}[\"»”])*)"
)
_QUOTED = re.compile(_ITEM)
_THINGS = (EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.AGREEMENT)
_CHAIN = re.compile(r"^[A-ZА-ЯЁ][\w'’-]+(?:\s?[-–—]\s?[A-ZА-ЯЁ][\w'’-]+)+$")
_LINE_WORD = re.compile(
    r"(?<![\w-])(?:дорог\w*|магистрал\w*|лини\w*)(?![\w-])|\b(?:railway|road|line)\b", re.IGNORECASE
)


def quoted_lines(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each quoted line of a list after a line noun that is not known."""
    for found in _LIST.finditer(view.sentence):
        base = view.start + found.start("list")
        for quoted in _QUOTED.finditer(found["list"]):
            item = quoted["item"].strip()
            start = base + quoted.start("item")
            end = start + len(quoted["item"])
            if view.known_name_over(start, end, *_THINGS) and not _posts_within(view, start, end):
                continue  # a known line (its places may be known: they are its ends)
            if not (_CHAIN.match(item) or _LINE_WORD.search(item)):
                continue
            proper = {t.key for t in tokenise(item) if t.capitalised}
            if len(proper) >= 2 and gazetteer.project_with_words(proper, at_least=2):
                continue  # a known line's ends in another order
            yield item, start, end


def _posts_within(view: SentenceView, start: int, end: int) -> bool:
    """True when the only known things in ``start:end`` are crossings named by a stop of the
    chain ("Бекабад" of "Нурафшан – … – Бекабад – Янгиер"): its ends, not the line."""
    inside = [m for m in view.matches if m.start < end and start < m.end and m.ids(*_THINGS)]
    return bool(inside) and all(
        start <= m.start
        and m.end <= end
        and (m.end - m.start) < (end - start)
        and not m.ids(EntryKind.PROJECT, EntryKind.AGREEMENT)
        for m in inside
    )
