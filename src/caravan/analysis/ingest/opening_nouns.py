"""An opening named as a noun with its time, and trains set going on a line: in service.

"since its opening in 2009", "С момента открытия в 2009 году … по газопроводу …", "с начала
поставок газа по этому газопроводу 14 декабря 2009 года": the line has run since that time,
which the date reader finds in the clause. "29 января пошли поезда по второму пути на участке
…", "the first passenger train left Tashkent … along the … railway": trains running on it put
it in service. A noun of opening with no time of its own ("the opening ceremony will …") is
dated by nothing here, and a future ("пойдут поезда") is not read.
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["OPENING_TRIGGERS"]

#: "since its opening in 2009", "since the launch in 2012", "since (its) commissioning in".
_EN_SINCE_OPENING = re.compile(
    r"\bsince\s+(?:its|their|the)\s+(?:official\s+)?(?:opening|launch|commissioning|inauguration)"
    r"(?=\s+(?:in|on)\s+(?:(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b|\d))",
    re.IGNORECASE,
)
#: "с момента открытия в 2009 году", "с момента запуска в мае", "с начала поставок газа по".
_RU_SINCE_OPENING = re.compile(
    r"(?<![\w-])(?:с\s+момента|со\s+дня)\s+(?:его\s+|её\s+|ее\s+|их\s+)?(?:открытия|запуска"
    r"|ввода\s+в\s+эксплуатацию|пуска)(?=\s+(?:в\s+)?\d)"
    r"|(?<![\w-])с\s+начала\s+(?:поставок|прокачки|транспортировки)\s+(?:газа\s+)?(?:по|через)(?![\w-])",
    re.IGNORECASE,
)
#: Trains set going on a line: "пошли поезда по", "поезда пошли по", "the first passenger
#: train left … along".
_TRAINS_GOING = re.compile(
    r"(?<![\w-])(?:пош(?:ли|[её]л)\s+(?:\w+\s+)?поезд\w*|поезд\w*\s+пош(?:ли|[её]л))\s+по(?![\w-])"
    r"|\bthe\s+first\s+(?:\w+\s+){0,2}(?:trains?|trucks?)\s+left\b(?=[^.;]{0,80}?\b(?:along|on|via|over)\b)",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
OPENING_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.IN_SERVICE, _EN_SINCE_OPENING, 0.7),
    (ProjectStatus.IN_SERVICE, _RU_SINCE_OPENING, 0.7),
    (ProjectStatus.IN_SERVICE, _TRAINS_GOING, 0.7),
)
