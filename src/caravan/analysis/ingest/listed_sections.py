"""Lines listed after a status phrase: "construction is still going on at several key sections —
Moyynty – Kyzylzhar, Darbaza – Maktaaral and Bakhty – Ayagoz", "строительство продолжается на
участках: Дарбаза – Мактаарал и Бахты – Аягоз". Each known line of the list is in that state.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import Match
from caravan.analysis.ingest.other_objects import names_other_thing

__all__ = ["listed_after", "object_after", "other_thing_between"]

#: The noun the list hangs on, then its dash or colon.
_LIST_HEAD = re.compile(
    r"[^.;]{0,60}?\b(?:sections?|lines?|railways?|roads?|projects?|stretch(?:es)?)"
    r"(?:\s*[—–:-]|,\s+(?:among\s+them|including|such\s+as))\s*"
    r"|[^.;]{0,60}?(?<![\w-])(?:участк\w*|лини\w*|дорог\w*|проект\w*)"
    r"(?:\s*[—–:-]|,\s+(?:в\s+том\s+числе|среди\s+них|включая))\s*",
    re.IGNORECASE,
)
#: Where the list ends: a closing dash before the sentence goes on in lower case (a dash
#: inside a name, "Дарбаза – Мактаарал", is no end), a comma before the verb, or the sentence's end.
_LIST_END = re.compile(
    r"\s+[—–]\s+(?=[a-zа-яё])|,\s+(?:is|are|was|were|has|have|идёт|идет|ведётся|ведется|продолжа\w*)\b|[.;]"
)


def listed_after(view: SentenceView, projects: list[Match], position: int) -> list[Match]:
    """The projects of a list introduced right after ``position`` by a noun and a dash, a
    colon or "among them" ("work on big projects, among them A and B, is well advanced"), in
    order; none when no such list follows."""
    head = _LIST_HEAD.match(view.text, position, view.end)
    if head is None:
        return []
    end = _LIST_END.search(view.text, head.end(), view.end)
    stop = end.start() if end is not None else view.end
    return [p for p in projects if head.end() <= p.start and p.end <= stop and not p.borrowed]


#: What joins works to what they build: "construction of the …", "строительство железной дороги".
_OF = re.compile(r"\s+(?:(?:of|on)\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


def object_after(view: SentenceView, projects: list[Match], position: int) -> Match | None:
    """The project right after works that end at ``position`` ("… including the construction
    of the CKU railway"), when the phrase's clause names none of its own."""
    for project in projects:
        if project.start > position and not project.borrowed:
            joined = _OF.fullmatch(view.text, position, project.start)
            return project if joined is not None else None
    return None


#: How far before a status phrase a thing of another kind stands as its subject.
_SUBJECT_REACH = 40


def other_thing_between(view: SentenceView, project: Match, position: int) -> bool:
    """True when a thing of another kind stands between the project named before a status
    phrase (or, for one referred back to, the phrase's clause start) and the phrase ("Khorgos
    Gateway is …, after the logistics terminal opened at …"): the phrase is that thing's."""
    if not project.borrowed and project.end > position:
        return False
    named_end = view.start if project.borrowed else project.end  # one referred back: the clause
    start = max(named_end, view.segment_of(position)[0], position - _SUBJECT_REACH)
    return start < position and names_other_thing(view.text, start, position, project)
