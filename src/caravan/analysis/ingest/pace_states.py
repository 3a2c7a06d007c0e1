"""Works whose pace is spoken of: they are under way as the report is written.

"Agreed to speed up construction of the … railway", "ускорить строительство": a faster pace is
said only of works going on, whatever tense carries it. So is a pace measured against the plan
("is ahead of schedule", "moving faster than planned", "опережает график", "стройка идёт
быстрее"). The state holds on the report's day. A finish to come early ("would be finished
early", "достроят раньше срока") is a planned completion, which gives no state (corpus rule 21).
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["PACE_TRIGGERS", "pace_of_works"]

_EN_PACE = re.compile(
    r"\b(?:speed(?:ing|ed)?\s+up|sped\s+up|accelerat\w*|step(?:ping|ped)?\s+up|expedit\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    # "… speed up big projects, including the construction of …": the works listed
    r"(?:(?:\w+\s+){0,2}projects?,?\s+(?:including|among\s+them|such\s+as)\s+(?:the\s+)?)?"
    # "sped up its work on opening the branch": work towards another step, not building
    r"(?:construction|building|works?(?!\s+(?:on|towards?)\s+(?!build|construct|lay)\w+ing\b))\b"
    r"|\b(?:construction|building|works?|project|line|railway|road|highway)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:is|are|was|were|remains?|stays?)\s+(?:now\s+|still\s+|well\s+|running\s+)*"
    r"(?:ahead\s+of\s+(?:schedule|plan|the\s+schedule)"
    r"|(?:moving|going|progressing|proceeding)\s+faster\s+than\s+(?:planned|expected|scheduled))\b"
    # the works fronted, the pace verb passive: "construction of X should be speeded up"
    r"|\b(?:construction|building|works?)\b(?:(?!\bnot\b|\bnever\b)[^.;]){0,80}?"
    r"\b(?:be|been|being|is|are|was|were)\s+(?:further\s+|significantly\s+|considerably\s+)?"
    r"(?:speeded\s+up|sped\s+up|stepped\s+up|accelerated|expedited)\b",
    re.IGNORECASE,
)
_RU_PACE = LemmaPattern(
    r"(?<!\w)(?:инф_)?(?:ускорить|ускорять|ускорение)\s+(?:\w+\s+)?"
    r"(?:(?:\w+\s+){0,3}?проект\s*,?\s+(?:в\s+тот\s+число|включая|включать)\s+)?"
    r"(?:строительство|работа|возведение)(?!\w)"
    r"|(?<!\w)(?:строительство|стройка|работа|возведение)\s+(?:\w+\s+)?(?:идти|вестись)\s+"
    r"(?:\w+\s+)?быстрый(?!\w)"
    r"|(?<!\w)(?:опережать|опережение)\s+(?:\w+\s+)?график(?!\w)"
    # the works fronted: "строительство линии должно быть ускорено", "стройку нужно ускорить"
    r"|(?<!\w)(?:строительство|стройка|возведение|прокладка)\s(?:(?!(?<!\w)не\s)[^.;]){0,80}?"
    r"(?:быть\s+|нужно\s+|надо\s+|необходимо\s+|следовать\s+)(?:инф_)?(?:ускорить|ускорять)(?!\w)"
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
PACE_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str] | LemmaPattern, float], ...] = (
    (ProjectStatus.UNDER_CONSTRUCTION, _EN_PACE, 0.7),
    (ProjectStatus.UNDER_CONSTRUCTION, _RU_PACE, 0.7),
)

#: What marks a trigger as one of pace (read in any tense, dated by the report).
_PACE_WORDS = re.compile(
    r"speed|accelerat|step|expedit|early|ahead|faster|ускор|раньше|ранее\s+срок|досрочно|быстрее"
    r"|опереж",
    re.IGNORECASE,
)


def pace_of_works(phrase: str) -> bool:
    """True when a status phrase speaks of the pace of works (finished early, sped up)."""
    return _PACE_WORDS.search(phrase) is not None
