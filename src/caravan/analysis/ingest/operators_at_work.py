"""A venture described at its work is in service (corpus rule 39): "JV Zarafshon … is
Tajikistan's biggest gold miner", "the plant remains the country's largest producer of …",
"СП «Зарафшон» является крупнейшим производителем золота в стране"; and its output now: "turns
out six tonnes of gold a year", "годовая добыча золота достигла 20 тонн".

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


_NUMBER = (
    r"(?:(?:about|around|some|over|nearly|almost|up\s+to|more\s+than|около|почти|более|свыше|порядка)\s+)?"
    r"(?:\d[\d.,\s]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|a\s+hundred|hundreds\s+of|один|два|две|три|четыре|пять|шесть|семь|восемь"
    r"|девять|десять|двадцать|тридцать|сорок|пятьдесят|сто)\s*(?:million|thousand|млн\.?|тыс\.?)?"
)
_UNIT = (
    r"(?:tonnes|tons|t|kilograms|kg|ounces|oz|cubic\s+met(?:re|er)s|barrels|megawatt-hours|MWh|kWh"
    r"|units|vehicles|cars|buses|тонн\w*|т|килограмм\w*|кг|унци\w*|кубометр\w*|кубических\s+метров"
    r"|баррел\w*|единиц\w*|автомобил\w*|автобус\w*)"
)
#: An output the venture turns out now, in the present tense or as a level reached: "turns
#: out six tonnes of gold a year", "annual output reached 20 tonnes", "добывает 6 тонн золота в
#: год", "годовая добыча достигла 20 тонн" (corpus rule 39: "produces"). An output to come ("is
#: to produce", "добудет", "планирует выпускать") is a target and is dropped as future.
_OUTPUT_NOW = re.compile(
    r"\b(?:produces?|turns?\s+out|yields?|extracts?|smelts?|outputs?|manufactures?)\s+"
    + _NUMBER
    + r"\s*"
    + _UNIT
    + r"\b[^.;]{0,40}?\b(?:a|per|each|every)\s+year\b"
    r"|\b(?:produces?|turns?\s+out|yields?|extracts?|smelts?|outputs?|manufactures?)\s+"
    + _NUMBER
    + r"\s*"
    + _UNIT
    + r"\b[^.;]{0,40}?\bannually\b"
    r"|\b(?:annual|yearly)\s+(?:\w+\s+){0,2}?(?:output|production)\s+(?:of\s+(?:[\w-]+\s+){1,4}?)?"
    r"(?:(?:now|today|currently)\s+)?(?:is|stands\s+at|totals|has\s+reached|reached|came\s+to)\s+"
    + _NUMBER
    + r"\s*"
    + _UNIT
    + r"\b"
    r"|(?<![\w-])(?:добывает|добывают|производит|производят|выпускает|выпускают|выплавляет"
    r"|перерабатывает)\s+(?:\w+\s+){0,2}?"
    + _NUMBER
    + r"\s*"
    + _UNIT
    + r"(?:\s+\w+){0,2}?\s+(?:в\s+год|ежегодно)(?![\w-])"
    r"|(?<![\w-])(?:годов\w+|ежегодн\w+)\s+(?:добыч\w+|производств\w+|выпуск\w*|выплавк\w+)"
    r"(?:\s+\w+){0,3}?\s+(?:сейчас\s+|сегодня\s+|уже\s+)?(?:составляет|составила|составил|достигла"
    r"|достиг|достигло|превышает|превысила|превысил)\s+" + _NUMBER + r"\s*" + _UNIT + r"(?![\w-])",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
OPERATOR_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.IN_SERVICE, _AT_WORK, 0.6),
    (ProjectStatus.IN_SERVICE, _OUTPUT_NOW, 0.6),
)


def at_work_as_reported(phrase: str) -> bool:
    """True when a status phrase describes the venture at its work, or its output now, as the
    report is written."""
    return _AT_WORK.fullmatch(phrase) is not None or _OUTPUT_NOW.fullmatch(phrase) is not None
