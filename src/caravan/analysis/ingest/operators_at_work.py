"""A venture described at its work is in service (corpus rule 39): "JV Zarafshon … is
Tajikistan's biggest gold miner", "the plant remains the country's largest producer of …",
"СП «Зарафшон» является крупнейшим производителем золота в стране".

The description says what the project does as the report is written, so it is dated by the
report. A description of the company alone (its former name, its owners, its staff) holds no
word of work and is read by no rule.
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["OPERATOR_TRIGGERS", "at_work_as_reported"]

_EN_ROLE = r"(?:producer|miner|operator|exporter|supplier|manufacturer|maker|refiner|smelter)s?"
_RU_ROLE = r"(?:производител|добытчик|экспортер|экспортёр|поставщик|изготовител)\w*"
_AT_WORK = re.compile(
    r"\b(?:is|remains)\s+(?:now\s+|still\s+)?(?:the\s+|(?:[A-Z][\w-]*|the\s+country)['’]s\s+|a\s+)?"
    r"(?:biggest|largest|leading|main|major|top|only|second-largest|second-biggest)\s+"
    r"(?:[\w-]+\s+){0,2}?" + _EN_ROLE + r"\b"
    r"|(?<![\w-])(?:является|остается|остаётся)\s+(?:\w+\s+){0,2}?"
    r"(?:крупнейш|ведущ|главн|основн|единственн)\w+\s+(?:[\w-]+\s+){0,3}?" + _RU_ROLE,
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
OPERATOR_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.IN_SERVICE, _AT_WORK, 0.6),
)


def at_work_as_reported(phrase: str) -> bool:
    """True when a status phrase describes the venture at its work, as the report is written."""
    return _AT_WORK.fullmatch(phrase) is not None
