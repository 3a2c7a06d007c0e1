"""Things that came into being or began to work: a verb of existence or of starting to run.

"The workshop came into being in 2023", "the branch began working last year", "заработала
вторая очередь мастерской": the thing is in service from then ("появилась в 2023 году" is read
in ``progress_states``). Russian verbs are read on lemmas, so infinitives and futures
("заработает") are not read; "заработал 2 млн" or "заработал на заказах" (earned money) is
not a facility starting.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["BEING_TRIGGERS"]

_EN_CAME_INTO_BEING = re.compile(
    r"\b(?:came\s+into\s+(?:being|existence)|(?:began|started)\s+(?:to\s+work|working)"
    r"(?!\s+(?:on|at|to|for|with|towards?)\b))",
    re.IGNORECASE,
)
#: What follows "заработать" when money is earned, not a facility started.
_EARNED = (
    r"(?!\s+(?:на\s|\d|(?:более|свыше|около|почти|деньги|миллион|миллиард|млн|млрд|доллар)(?!\w)))"
)
_RU_CAME_INTO_BEING = LemmaPattern(r"(?<!\w)заработать(?!\w)" + _EARNED)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
BEING_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str] | LemmaPattern, float], ...] = (
    (ProjectStatus.IN_SERVICE, _EN_CAME_INTO_BEING, 0.7),
    (ProjectStatus.IN_SERVICE, _RU_CAME_INTO_BEING, 0.7),
)
