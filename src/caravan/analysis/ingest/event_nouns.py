"""States given by a noun of the event that took place: "the opening took place on …".

"The opening, which took place in the Almaty Region on November 1, 2024", "the launch of
the line was held on …", "открытие состоялось 1 ноября", "состоялся ввод в эксплуатацию",
"запуск прошёл …": the event noun says the step, and "took place" says it happened (a noun
alone, "the opening is planned for", says nothing). A launch of works ("запуск
строительства", "the launch of construction") is building, read elsewhere.
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["EVENT_NOUN_TRIGGERS"]

_EN_EVENT = r"(?:opening|inauguration|commissioning|launch)(?!\s+of\s+(?:the\s+)?(?:construction|works?|building))"
_EN_HAPPENED = r"(?:took\s+place|was\s+held|happened)"
_RU_EVENT = (
    r"(?:открыти\w*|ввод\w*\s+в\s+(?:эксплуатацию|строй)|запуск\w*)"
    r"(?!\s+(?:строительств|работ|реконструкци)\w*)"
)
_RU_HAPPENED = r"(?:состоял\w*|прош[её]л|прошло|прошла|прошли)"

_EVENT_HAPPENED = re.compile(
    r"\b" + _EN_EVENT + r"\b[^.;]{0,60}?\b" + _EN_HAPPENED + r"\b"
    r"|(?<![\w-])" + _RU_EVENT + r"[^.;]{0,60}?(?<![\w-])" + _RU_HAPPENED + r"(?![\w-])"
    r"|(?<![\w-])" + _RU_HAPPENED + r"\s+(?:\w+\s+){0,2}?" + _RU_EVENT + r"(?![\w-])",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
EVENT_NOUN_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.IN_SERVICE, _EVENT_HAPPENED, 0.75),
)
