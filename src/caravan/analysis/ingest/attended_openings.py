"""An opening attended is an opening that took place: "attended the opening of the … line",
"took part in the launch ceremony of …", "приняли участие в открытии …", "присутствовали на
церемонии открытия …".

Guests at an opening say it happened, on the day the sentence gives; the event noun alone
("the opening is planned") says nothing and is read by no rule.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaMatch, LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["ATTENDED_TRIGGERS"]

_ATTENDED_BEFORE = re.compile(
    r"(?<![\w-])(?:attended|witnessed|took\s+part\s+in|participated\s+in|(?:were|was)\s+present\s+at"
    r"|принял\w*\s+участие\s+в|участвовал\w*\s+в|присутствовал\w*\s+на)"
    r"(?:[^.;]{0,60}?[\s,])?\s*$",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:the\s+)?(?:opening|inauguration|launch|commissioning)(?:\s+ceremony)?\s+of\b"
    r"(?!\s+(?:the\s+)?(?:construction|works?|building))"
    r"|(?<![\w-])(?:церемони\w+\s+)?(?:открыти[ияюе]|запуск[ауе]?|ввод[ауе]?\s+в\s+эксплуатацию)"
    r"(?!\s+(?:строительств|работ|реконструкци)\w*)(?![\w-])",
    re.IGNORECASE,
)
#: How far before the event noun its attending verb may stand.
_REACH = 80


class _OpeningAttended(LemmaPattern):
    """The event noun of an opening whose attending verb stands before it in the sentence; the
    match is the noun, so the noun's clause gives the project and the date."""

    def __init__(self) -> None:
        super().__init__(_OPENING.pattern)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[LemmaMatch]:
        """Every attended opening noun in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        return [
            LemmaMatch((m.start(), m.end()), m.group(0))
            for m in _OPENING.finditer(text, pos, end)
            if _ATTENDED_BEFORE.search(text, max(pos, m.start() - _REACH), m.start())
        ]


#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
ATTENDED_TRIGGERS: tuple[tuple[ProjectStatus, LemmaPattern, float], ...] = (
    (ProjectStatus.IN_SERVICE, _OpeningAttended(), 0.75),
)
