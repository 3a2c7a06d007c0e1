"""States that have held since a year: a verb of running in the present (perfect) with "since".

"The highway has linked St. Petersburg, Almaty and Lianyungang since 2018", "the field has
supplied gas since 2013", "месторождение разрабатывают с 2013 года", "дорога связывает … с
2018 года": the thing has been in service since that year. The verb says the thing works
(links, carries, serves, supplies, is worked); "since" with a year dates it (the date
reader marks such a date ``since``). Infinitives and futures ("будут связывать") are not
read (the lemma view marks them).
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["SINCE_TRIGGERS"]

_EN_RUNNING_SINCE = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:linked|connected|served|carried|handled|operated|run"
    r"|joined|supplied|delivered|produced|transported|pumped|shipped)\b"
    r"(?=[^;]{0,160}?\bsince\s+(?:(?:early|mid-?|late)\s+)?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_RU_RUNNING_SINCE = LemmaPattern(
    r"(?<!\w)(?:связывать|соединять|обслуживать|перевозить|поставлять|разрабатывать"
    r"|эксплуатировать|добывать|перекачивать)(?!\w)(?=[^.;]{0,80}?\sс\s+(?:19|20)\d\d)"
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
SINCE_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str] | LemmaPattern, float], ...] = (
    (ProjectStatus.IN_SERVICE, _EN_RUNNING_SINCE, 0.7),
    (ProjectStatus.IN_SERVICE, _RU_RUNNING_SINCE, 0.7),
)
