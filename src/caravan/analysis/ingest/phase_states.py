"""Works going on, or a line in use, said by the phase a project entered or the traffic it
began to carry.

- **A phase entered**: "has moved into full-scale construction", "entered the active
  construction stage", "went into implementation": the works are going on.
- **First use**: "began carrying cargo along the … corridor", "начало возить грузы по
  коридору …": traffic on a line puts it in service.

An end awaited ("Once the Darbaza–Maktaral section is finished, …", "когда участок будет
достроен, …") gives no state: a completion still to come is a planned step (corpus rule 21),
and the works need words of their own to be under way as of the report.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["PHASE_TRIGGERS"]

_PHASE_ENTERED = re.compile(
    r"\b(?:entered|moved\s+(?:in)?to|went\s+into|has\s+gone\s+into|proceeded\s+to)\s+"
    r"(?:the\s+|its\s+)?(?:(?!an?\b)[\w-]+\s+){0,2}?(?:construction|implementation)"
    r"(?:\s+(?:phase|stage))?\b(?!\s+(?:contract|agreement|deal|loan|permit))",
    re.IGNORECASE,
)
_FIRST_USE = re.compile(
    r"\b(?:began|started|has\s+begun|have\s+begun)\s+(?:to\s+)?(?:carry|carrying|transport\w*"
    r"|haul\w*|ship\w*|moving|move)\s+(?:\w+\s+){0,2}?(?:cargo|freight|goods|passengers)\b",
    re.IGNORECASE,
)
_RU_FIRST_USE = LemmaPattern(
    r"(?<!\w)(?:начать|начало|стать)\s+инф_(?:возить|перевозить|доставлять|транспортировать"
    r"|отправлять)\s+(?:\w+\s+){0,2}?(?:груз|пассажир|контейнер)(?!\w)"
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
PHASE_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str] | LemmaPattern, float], ...] = (
    (ProjectStatus.UNDER_CONSTRUCTION, _PHASE_ENTERED, 0.75),
    (ProjectStatus.IN_SERVICE, _FIRST_USE, 0.7),
    (ProjectStatus.IN_SERVICE, _RU_FIRST_USE, 0.7),
)
