"""Dates written in English and Russian text, with their spans and precision.

Full dates ("17 June 2025", "June 17th, 2025", "17 июня 2025 года", "2025-06-17"),
months ("in June 2025", "в июне 2025 года"), years ("in 2024", "since 2023", "в 2024
году") and dates relative to the document ("today", "this year", "в прошлом году").
A day and month without a year take the year of the reference (document) date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from caravan.analysis.ingest.relative_years import anchor_years, outside_spans_of_years
from caravan.model.enums import DatePrecision

__all__ = ["DateMention", "find_dates", "parse_date_text"]


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: its span, value, precision and how it was introduced."""

    start: int
    end: int
    date: dt.date
    precision: DatePrecision
    since: bool = False  # introduced by "since" / "с": the state holds from then on
    inferred_year: bool = False  # the text gave no year; the reference date's was used


_MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

#: Russian month stems and the endings of their cases (январь, января, январе, январём …).
#: News agencies' short forms ("17 июн", "16 дек.") are read too.
_MONTHS_RU = {
    r"(?:январ(?:ь|я|е|ю|ём|ем)|янв\.?)": 1,
    r"(?:феврал(?:ь|я|е|ю|ём|ем)|фев\.?)": 2,
    r"март(?:а|е|у|ом)?": 3,
    r"(?:апрел(?:ь|я|е|ю|ем)|апр\.?)": 4,
    r"ма(?:й|я|е|ю|ем)": 5,
    r"июн(?:ь|я|е|ю|ем)?": 6,
    r"июл(?:ь|я|е|ю|ем)?": 7,
    r"(?:август(?:а|е|у|ом)?|авг\.?)": 8,
    r"(?:сентябр(?:ь|я|е|ю|ём|ем)|сент?\.?)": 9,
    r"(?:октябр(?:ь|я|е|ю|ём|ем)|окт\.?)": 10,
    r"(?:ноябр(?:ь|я|е|ю|ём|ем)|нояб?\.?)": 11,
    r"(?:декабр(?:ь|я|е|ю|ём|ем)|дек\.?)": 12,
}

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
    "субботу": 5, "воскресенье": 6,
}  # fmt: skip

_EN_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?"
_RU_MONTH = r"(?P<rumonth>" + "|".join(_MONTHS_RU) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Days written as ordinal words: "the fourth of March", "четвертого марта".
_EN_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_RU_ORDINAL_STEMS = [
    "перв",
    "втор",
    "трет",
    "четверт",
    "пят",
    "шест",
    "седьм",
    "восьм",
    "девят",
    "десят",
    "одиннадцат",
    "двенадцат",
    "тринадцат",
    "четырнадцат",
    "пятнадцат",
    "шестнадцат",
    "семнадцат",
    "восемнадцат",
    "девятнадцат",
    "двадцат",
]
_EN_ORDINAL = (
    r"(?P<enord>(?:(?:twenty|thirty)[\s-])?(?:"
    + "|".join(sorted(_EN_ORDINALS, key=len, reverse=True))
    + r")|thirtieth)"
)
_RU_ORDINAL = (
    r"(?P<ruord>(?:(?:двадцать|тридцать)\s+)?(?:"
    + "|".join(sorted(_RU_ORDINAL_STEMS, key=len, reverse=True)).replace("четверт", "четв[её]рт")
    + r"|тридцат)(?:ьего|его|ого|ое|ье))"
)
_SINCE = r"(?P<since>\b(?:since|starting|from|с|начиная\s+с|со)\s+)?"

_PART_OF_YEAR = r"(?:early|mid|late|(?:the\s+)?(?:beginning|middle|end|start|first\s+half|second\s+half|spring|summer|autumn|fall|winter)\s+of)"
_RU_PART_OF_YEAR = (
    r"(?:в\s+|во\s+)?(?:начале|середине|конце|первой\s+половине|второй\s+половине|течение)\s+"
)
_EN_PART_OF_YEAR = (
    r"\b(?:(?:in\s+)?(?:early|mid|late)[\s-]|earlier\s+|later\s+"
    r"|(?:in|at|by)\s+the\s+(?:beginning|middle|end|start|first\s+half|second\s+half)\s+of\s+)"
)

_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_RU_SEASON = r"(?:весной|летом|осенью|зимой)"

_PATTERNS: tuple[tuple[re.Pattern[str], DatePrecision], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), precision)
    for pattern, precision in (
        (_SINCE + r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b", DatePrecision.DAY),
        (_SINCE + r"\b(?P<dnum>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b", DatePrecision.DAY),
        (_SINCE + r"\b" + _DAY + r"\s+(?:of\s+)?" + _EN_MONTH + r",?\s+" + _YEAR + r"\b", DatePrecision.DAY),
        (_SINCE + r"\b" + _EN_MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", DatePrecision.DAY),
        (_SINCE + r"\b" + _DAY + r"\s+(?:of\s+)?" + _EN_MONTH + r"\b", DatePrecision.DAY),
        (_SINCE + r"\b" + _DAY + r"\s+" + _RU_MONTH + r"(?:\s+" + _YEAR + r"(?:\s*(?:года|году|г\.))?)?(?![а-я])", DatePrecision.DAY),
        (_SINCE + r"\b(?:the\s+)?" + _EN_ORDINAL + r"\s+of\s+" + _EN_MONTH + r"(?:,?\s+" + _YEAR + r")?\b", DatePrecision.DAY),
        (_SINCE + r"(?<![\w-])" + _RU_ORDINAL + r"\s+" + _RU_MONTH + r"(?:\s+" + _YEAR + r"(?:\s*(?:года|году|г\.))?)?(?![а-я])", DatePrecision.DAY),
        (_SINCE + r"\b" + _EN_MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b", DatePrecision.MONTH),
        (_SINCE + r"\b" + _RU_MONTH + r"\s+" + _YEAR + r"(?:\s*(?:года|году|г\.))?", DatePrecision.MONTH),
        (r"\b(?:(?P<since>since|starting\s+in|from|с|со|начиная\s+с)|in|by|for|during|of|until|in\s+the\s+year|в|во|до|к|за|по\s+итогам)\s+" + _YEAR + r"(?:\s*(?:году|года|год|г\.))?(?!\d)(?!\s*(?:km|км|%|million|billion|тонн|млн|млрд))", DatePrecision.YEAR),
        (r"(?P<since>)\b" + _YEAR + r"\s*(?:году|года|год|г\.)", DatePrecision.YEAR),
        # A part of a year is dated at the year's precision: "in mid-2016", "early 2017".
        (r"(?P<since>)\b" + _PART_OF_YEAR + r"[\s-]+" + _YEAR + r"\b(?!\s*(?:km|км|%))", DatePrecision.YEAR),
        # A month without a year takes the document's year: "in June", "в сентябре".
        (r"(?P<since>)(?<![\w-])(?:in|в|во)\s+" + _RU_MONTH + r"(?![\w-])(?!\s+(?:19|20)\d\d)", DatePrecision.MONTH),
        (r"(?P<since>)\bin\s+(?P<month>January|February|March|April|June|July|August|September|October|November|December)\b(?!,?\s+(?:19|20)\d\d)", DatePrecision.MONTH),
    )
)  # fmt: skip

_RELATIVE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), meaning)
    for pattern, meaning in (
        # A month of a year named relative to the report: "in May this year", "in March next
        # year", "в декабре прошлого года" (the month's precision).
        (
            r"\b(?:in\s+)?" + _EN_MONTH + r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"
            r"|(?<![\w-])(?:в|во)\s+"
            + _RU_MONTH
            + r"\s+(?P<rurel>этого|текущего|нынешнего|прошлого|следующего)\s+года(?![\w-])",
            "month of year",
        ),
        # "this September", "last May" (the month written with its capital, so "this may"
        # is no month): this one of the report's year, the last one before the report's month
        (
            r"\b(?P<near>this|last)\s+(?-i:(?P<month>January|February|March|April|May|June|July"
            r"|August|September|October|November|December))\b(?!\s+\d)",
            "named month",
        ),
        (r"\b(?:today|сегодня)\b", "today"),
        # "на днях", "the other day": a step in the days just before the report, which dates it
        (r"\b(?:the\s+other\s+day)\b|(?<![\w-])(?:на\s+днях|днями)(?![\w-])", "today"),
        (r"\b(?:yesterday|вчера)\b", "yesterday"),
        (r"\b(?:this\s+year|в\s+(?:этом|текущем|нынешнем)\s+году)\b", "this year"),
        (
            r"\b(?:last\s+(?:fiscal\s+|financial\s+)?year|в\s+прошлом\s+(?:финансовом\s+)?году)\b"
            # "in the previous fiscal year", "в минувшем году": the year before the report's
            r"|\bin\s+the\s+previous\s+(?:fiscal\s+|financial\s+|calendar\s+)?year\b"
            r"|(?<![\w-])в\s+(?:минувшем|предыдущем)\s+(?:финансовом\s+)?году(?![\w-])",
            "last year",
        ),
        (r"\b(?:next\s+year|в\s+следующем\s+году)\b", "next year"),
        # A part of a year named relative to the document: "in mid-last year", "в середине
        # прошлого года", "earlier this year" (dated at the year's precision).
        (
            _EN_PART_OF_YEAR
            + r"this\s+year\b|"
            + _RU_PART_OF_YEAR
            + r"(?:этого|текущего|нынешнего)\s+года",
            "this year",
        ),
        # "in the middle of the year", "this summer", "летом этого года": the report's year
        (
            r"\b(?:in\s+|at\s+)?(?:the\s+)?(?:mid-year|(?:beginning|middle|end|start)\s+of\s+the\s+year)\b"
            r"|\b(?:this|earlier\s+this)\s+" + _SEASON + r"\b"
            r"|(?<![\w-])(?:"
            + _RU_PART_OF_YEAR
            + r"года|"
            + _RU_SEASON
            + r"\s+(?:этого|текущего|нынешнего)\s+года"
            r"|(?:этим|нынешним)\s+" + _RU_SEASON + r")(?![\w-])",
            "this year",
        ),
        (
            r"\blast\s+" + _SEASON + r"\b"
            r"|(?<![\w-])(?:"
            + _RU_SEASON
            + r"\s+прошлого\s+года|прошл\w+\s+"
            + _RU_SEASON
            + r")(?![\w-])",
            "last year",
        ),
        (_EN_PART_OF_YEAR + r"last\s+year\b|" + _RU_PART_OF_YEAR + r"прошлого\s+года", "last year"),
        (
            _EN_PART_OF_YEAR + r"next\s+year\b|" + _RU_PART_OF_YEAR + r"следующего\s+года",
            "next year",
        ),
        (
            r"\b(?:last\s+week|(?:a|one)\s+week\s+ago)\b|(?<![\w-])(?:на\s+прошлой\s+неделе|неделю\s+назад)(?![\w-])",
            "last week",
        ),
        (
            r"\b(?:earlier\s+)?this\s+week\b|(?<![\w-])на\s+(?:этой|текущей)\s+неделе(?![\w-])",
            "this week",
        ),
        (
            r"\b(?:last\s+month|(?:a|one)\s+month\s+ago)\b|(?<![\w-])(?:в\s+прошлом\s+месяце|месяц\s+назад)(?![\w-])",
            "last month",
        ),
        (
            r"\b(?:earlier\s+)?this\s+month\b|(?<![\w-])в\s+(?:этом|текущем)\s+месяце(?![\w-])",
            "this month",
        ),
        (
            r"\b(?P<count>\d{1,2}|two|three|four|five|six|seven)\s+days\s+ago\b|(?<![\w-])(?P<rucount>\d{1,2}|два|две|три|четыре|пять|шесть|семь)\s+(?:дня|дней)\s+назад(?![\w-])",
            "days ago",
        ),
        (
            r"\b(?:(?:on\s+)?last\s+|on\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
            r"(?!,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
            "weekday",
        ),
        (
            r"(?<![\w-])в\s+(?:(?:минувш|прошл)(?:ий|ую|ое)\s+)?(?P<ruweekday>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\w-])",
            "weekday",
        ),
    )
)


def find_dates(
    text: str, reference: dt.date | None = None, latest: dt.date | None = None
) -> list[DateMention]:
    """Every date written in ``text``, left to right, longest reading first.

    ``reference`` (the document's date) dates "today" and "this year" and gives the year
    of a day written without one; without it those are skipped. ``latest`` is the last day
    the document may be from when only its month or year is known (a day of that year is not
    taken for the year before); the reference itself by default.
    """
    found: list[DateMention] = []
    for pattern, precision in _PATTERNS:
        for match in pattern.finditer(text):
            mention = _mention(match, precision, reference, latest or reference)
            if mention is not None:
                found.append(mention)
    if reference is not None:
        for pattern, meaning in _RELATIVE:
            for match in pattern.finditer(text):
                found.append(_relative(match, meaning, reference))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    kept = outside_spans_of_years(text, kept)  # "for 2023–2027": a period, not a date
    if reference is None:
        return kept
    anchored = anchor_years(text, kept, reference)  # "on June 6 last year"
    return [m for i, m in enumerate(anchored) if i == 0 or m.start >= anchored[i - 1].end]


_ISO_DAY_START = re.compile(r"^((?:19|20)\d\d-[01]\d-[0-3]\d)")


def parse_date_text(value: str) -> dt.date | None:
    """A date from a metadata value: ISO 8601 (with or without a time) or a written date."""
    value = value.strip()
    iso = _ISO_DAY_START.match(value)
    if iso:
        try:
            return dt.date.fromisoformat(iso[1])
        except ValueError:
            return None
    for mention in find_dates(value):
        if mention.precision is DatePrecision.DAY and not mention.inferred_year:
            return mention.date
    return None


def _mention(
    match: re.Match[str],
    precision: DatePrecision,
    reference: dt.date | None,
    latest: dt.date | None,
) -> DateMention | None:
    groups = match.groupdict()
    month = _month_of(groups)
    day = (
        int(groups.get("dnum") or groups.get("day") or _ordinal_day(groups) or 1)
        if precision is DatePrecision.DAY
        else 1
    )
    inferred = groups.get("year") is None
    if inferred and reference is None:
        return None
    year = int(groups["year"]) if not inferred else reference.year  # type: ignore[union-attr]
    try:
        date = dt.date(year, month or 1, day)
    except ValueError:
        return None
    if inferred and latest is not None and date > latest + dt.timedelta(days=31):
        try:
            date = date.replace(year=year - 1)
        except ValueError:
            return None
    since = bool(groups.get("since"))
    start = match.start()
    if since and precision is not DatePrecision.YEAR:
        start = match.end("since")
    return DateMention(start, match.end(), date, precision, since, inferred)


def _ordinal_day(groups: dict[str, str | None]) -> int | None:
    """The day an ordinal word gives: "fourth" 4, "twenty-first" 21, "четвертого" 4."""
    if groups.get("enord"):
        words = re.split(r"[\s-]+", (groups["enord"] or "").casefold())
        tens = {"twenty": 20, "thirty": 30}.get(words[0], 0) if len(words) > 1 else 0
        last = words[-1]
        return tens + (30 if last == "thirtieth" else _EN_ORDINALS.index(last) + 1)
    if groups.get("ruord"):
        words = (groups["ruord"] or "").casefold().replace("ё", "е").split()
        tens = {"двадцать": 20, "тридцать": 30}.get(words[0], 0) if len(words) > 1 else 0
        last = words[-1]
        if last.startswith("тридцат"):
            return 30
        stem = max((s for s in _RU_ORDINAL_STEMS if last.startswith(s)), key=len)
        return tens + _RU_ORDINAL_STEMS.index(stem) + 1
    return None


def _month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("mnum"):
        return int(groups["mnum"] or 0) or None
    if groups.get("month"):
        return _MONTHS_EN[(groups["month"] or "").casefold().rstrip(".")]
    if groups.get("rumonth"):
        word = (groups["rumonth"] or "").casefold()
        for pattern, number in _MONTHS_RU.items():
            if re.fullmatch(pattern, word):
                return number
    return None


def _relative(match: re.Match[str], meaning: str, reference: dt.date) -> DateMention:
    span = (match.start(), match.end())
    if meaning == "today":
        return DateMention(*span, reference, DatePrecision.DAY)
    if meaning == "yesterday":
        return DateMention(*span, reference - dt.timedelta(days=1), DatePrecision.DAY)
    if meaning == "weekday":
        # "on Friday" in a news report: the latest such day on or before the report's date.
        name = (
            match.groupdict().get("weekday") or match.groupdict().get("ruweekday") or ""
        ).casefold()
        target = _WEEKDAYS[name]
        back = (reference.weekday() - target) % 7
        return DateMention(*span, reference - dt.timedelta(days=back), DatePrecision.DAY)
    if meaning == "days ago":
        groups = match.groupdict()
        count = _count(groups.get("count") or groups.get("rucount") or "")
        return DateMention(*span, reference - dt.timedelta(days=count), DatePrecision.DAY)
    if meaning in _MONTH_BACK:
        day = reference - dt.timedelta(days=_MONTH_BACK[meaning])
        if meaning == "last month":
            day = reference.replace(day=1) - dt.timedelta(days=1)
        return DateMention(*span, day.replace(day=1), DatePrecision.MONTH)
    if meaning == "month of year":
        groups = match.groupdict()
        word = (groups.get("rel") or groups.get("rurel") or "").casefold()
        shift = {"last": -1, "прошлого": -1, "next": 1, "следующего": 1}.get(word, 0)
        month = _month_of(groups) or 1
        return DateMention(*span, dt.date(reference.year + shift, month, 1), DatePrecision.MONTH)
    if meaning == "named month":
        groups = match.groupdict()
        month = _month_of(groups) or 1
        last = (groups.get("near") or "").casefold() == "last" and month >= reference.month
        return DateMention(*span, dt.date(reference.year - last, month, 1), DatePrecision.MONTH)
    offset = {"this year": 0, "last year": -1, "next year": 1}[meaning]
    return DateMention(*span, dt.date(reference.year + offset, 1, 1), DatePrecision.YEAR)


#: Weeks and months relative to the report, dated at the month's precision: how many days
#: back the week lies ("last week" is the month of the day seven days before).
_MONTH_BACK = {"this week": 0, "last week": 7, "this month": 0, "last month": 0}
_COUNTS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "день": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
}  # fmt: skip


def _count(word: str) -> int:
    word = word.casefold()
    return int(word) if word.isdigit() else _COUNTS.get(word, 1)
