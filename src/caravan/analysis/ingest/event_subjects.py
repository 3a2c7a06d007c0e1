"""An event that opens is no project opening: "The 27th Yangling Agricultural Hi-tech Fair
opened on Oct. 22", "в зоне открылась 27-я ярмарка": the subject of the verb is a fair, forum
or exhibition, held for days, not a facility put into service.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView

__all__ = ["event_is_subject"]

#: An event as the subject right before the verb ("… Hi-tech Fair opened", "the forum was opened").
_BEFORE = re.compile(
    r"(?<![\w-])(?:fair|exhibition|expo|forum|conference|festival|summit|congress"
    r"|ярмарка|выставка|форум|конференция|фестиваль|саммит|конгресс)"
    r"(?:\s+(?:was|has\s+been|had\s+been))?\s+$",
    re.IGNORECASE,
)
#: A Russian event as the subject after the verb, a few words on and no preposition between
#: ("открылась 27-я ярмарка", not "открылся на форуме").
_AFTER = re.compile(
    r"^\s+(?:(?!(?:на|в|во|перед|после|при|к|по|для)\s)[\w-]+\s+){0,3}?"
    r"(?:ярмарка|выставка|форум|конференция|фестиваль|саммит|конгресс)(?![\w-])",
    re.IGNORECASE,
)
#: How far before the verb the subject's last word may stand.
_REACH = 40


def event_is_subject(view: SentenceView, verb_start: int, verb_end: int) -> bool:
    """True when the verb at ``verb_start:verb_end`` has an event (a fair, a forum) for subject."""
    before = view.text[max(view.start, verb_start - _REACH) : verb_start]
    after = view.text[verb_end : min(view.end, verb_end + _REACH)]
    return _BEFORE.search(before) is not None or _AFTER.match(after) is not None
