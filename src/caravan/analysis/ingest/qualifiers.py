"""Words around a figure that say it is not a plain fact: a target, a range, a part of a
year; and whose statistics a figure is (the agency or portal a text cites).

These are categories of language, not phrases of particular texts: a goal or plan states
what is wanted, a range states no single value, "the first eleven months" is not the year.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import CENTRAL_ASIA, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = [
    "in_range",
    "is_bound",
    "is_change",
    "is_target",
    "is_upper_bound",
    "partial_period",
    "statistics_owner",
]

#: Goals, plans, forecasts and intentions before a figure, in its clause.
_TARGET_BEFORE = re.compile(
    r"\b(?:goals?|targets?|targeted|targeting|objectives?|ambitions?|aims?|aimed|aiming|plans?|planned|planning"
    r"|intends?|intended|seeks?|sought|hopes?|strives?|expects?|expected|forecasts?|projected|projections?"
    r"|potential|will|would|could|should|shall|envisag\w*)\b"
    r"|\bto\s+(?:bring|raise|increase|boost|double|triple|lift|expand|grow|reach|hit|exceed|take|push)\b"
    r"|\b(?:reaching|achieving|attaining)\b"  # "confident of reaching the $20 billion"
    # a level that can be reached: "can soon bring their trade up to $3 billion"
    r"|\b(?:can|could|may|might)\s+(?:\w+\s+){0,2}?(?:bring|raise|increase|boost|lift|push|take"
    r"|reach|double|triple)\b|\bbring(?:s|ing)?\s+(?:\w+\s+){0,3}?up\s+to\b"
    r"|(?<![\w-])(?:цел\w*|задач\w*|планир\w*|запланир\w*|намер\w*|рассчитыва\w*|надеется|надеются"
    r"|поднять|повысить|довести|доведения|увеличить|увеличения"
    r"|нарастить|наращивания|достичь|достижени\w*|достигнуть|ожида\w*|прогноз\w*|будет|будут|может|могут"
    r"|должн\w*|стремятся|стремится)(?![\w-])",
    re.IGNORECASE,
)
#: "the $20 billion target", "a goal": a target word right after the figure.
_TARGET_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:targets?|goals?|objectives?|mark\s+(?:by|in)\s+(?:19|20)\d\d)\b|^\W*(?:\w+\W+){0,2}?цел\w*"
    r"|^\W*(?:\w+\W+){0,2}?(?:set|fixed|named)\s+as\s+(?:a|the|their)\s+(?:\w+\s+)?(?:goal|target)\b",
    re.IGNORECASE,
)
#: How far back in a figure's clause a target word still governs it.
_TARGET_REACH = 90


def is_target(view: SentenceView, start: int, end: int) -> bool:
    """True when the figure at ``start:end`` (absolute) is a goal, plan or forecast."""
    clause_start, _ = view.segment_of(start)
    before = view.text[max(clause_start, start - _TARGET_REACH, view.start) : start]
    after = view.text[end : min(view.end, end + 30)]
    return _TARGET_BEFORE.search(before) is not None or _TARGET_AFTER.match(after) is not None


_NUMBER = r"\$?\d[\d.,]*\s*(?:million|billion|mln|bn|m|млн\.?|млрд\.?)?"
_RANGE_BEFORE = re.compile(
    r"(?P<lead>\b(?:from|between|от|с|со)\s+)?"
    + _NUMBER
    + r"\s*(?P<link>–|—|-|to|and|до|и)\s*\$?$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"^\s*(?:–|—|-|to|до)\s*\$?\d", re.IGNORECASE)


def in_range(sentence: str, start: int, end: int) -> bool:
    """True when the number at ``start:end`` (in ``sentence``) is an end of a range
    ("10–12 Mt", "between 10 and 12", "от 10 до 12") or the first value of a change
    ("from 12 to 60": only 60 is the fact)."""
    if _RANGE_AFTER.match(sentence[end : end + 12]):
        return True
    found = _RANGE_BEFORE.search(sentence[max(0, start - 30) : start])
    if found is None:
        return False
    if _YEAR_BEFORE.search(sentence[max(0, start - 30) : start]):
        return False  # "rose by 20 % in 2022 to $9 billion": a year, not a range's start
    lead = (found["lead"] or "").strip().casefold()
    link = found["link"].casefold()
    if lead in {"from", "с", "со"}:
        return False  # "rose from 12 to 60": 60 is the new value
    if lead == "between" or lead == "от":
        return True
    return link not in {"and", "и"}


#: A year before a figure's "to" ("in 2022 to $9 billion", "in 2012, to $3.2 billion") dates the
#: figure, it starts no range.
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|of|by|for)|(?<![\w-])(?:в|за))\s+(?:19|20)\d\d\s*(?:году\s*)?,?\s*(?:to|до)\s*\$?$",
    re.IGNORECASE,
)

#: The size of a change, not a level: "up $5.4 billion on 2023", "grew by $2 billion",
#: "an increase of $3 billion", "вырос на 5 млрд", "увеличился на 2 млрд долларов".
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:up|down)\s+(?:by\s+)?|\b(?:rose|risen|rise|grew|grown|grow|increased|decreased|fell|fallen"
    r"|fall|dropped|jumped|climbed|declined|expanded|shrank|shrunk|shrink|added|gained|lost)\s+(?:\w+\s+){0,2}?by\s+"
    r"|\(\s*(?:by|на)\s+"
    r"|\b(?:increase|rise|growth|decline|drop|fall|jump|gain)\s+of\s+"
    r"|(?<![\w-])(?:вырос\w*|вырост\w*|увеличил\w*|увеличени\w*|рост\w*|сократил\w*|сокращени\w*"
    r"|снизил\w*|снижени\w*|уменьшил\w*|возрос\w*|прибавил\w*|прирост\w*)\s+(?:\w+\s+){0,2}?на\s+)"
    r"(?:about|some|nearly|almost|around|over|more\s+than|около|почти|примерно|более\s+чем|более|свыше)?\s*$",
    re.IGNORECASE,
)


#: A bound, not the value: "exceeded $31 billion", "more than", "nearly", "превысил",
#: "приблизился к 4 млрд" ("about", "около", "примерно" are values, told roughly).
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es)?|top(?:ped|s)|over|more\s+than|above|beyond|nearly"
    r"|almost|close\s+to|approach(?:ed|es|ing)?|under|less\s+than|below)"
    r"|(?<![\w-])(?:превысил\w*|превышает|превысит|превзош\w*|свыше|более|больше|почти|приблизил\w*\s+к"
    r"|порядка|менее|меньше|не\s+менее))\s*(?:the\s+|a\s+)?(?:mark\s+of\s+|отметк\w+\s+(?:в\s+)?)?$",
    re.IGNORECASE,
)


def is_bound(sentence: str, start: int) -> bool:
    """True when the amount at ``start`` is a bound ("exceeded $31 billion"), not a value."""
    return _BOUND_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


#: An upper bound: "under", "less than", "approached", "менее", "приблизился к" (a level
#: not reached). An approximate value ("nearly", "almost", "почти", "порядка") is read at its
#: stated value (corpus rule 36).
_UPPER_BOUND_BEFORE = re.compile(
    r"(?:\b(?:under|less\s+than|below|approach(?:ed|es|ing)?)"
    r"|(?<![\w-])(?:менее|меньше|приблизил\w*\s+к))\s*(?:the\s+|a\s+)?"
    r"(?:mark\s+of\s+|отметк\w+\s+(?:в\s+)?)?$",
    re.IGNORECASE,
)


def is_upper_bound(sentence: str, start: int) -> bool:
    """True when the amount at ``start`` is an upper bound ("under $4 billion", "приблизился к
    4 млрд"). A lower bound
    ("topped $13 billion") and an approximate value ("nearly $4 billion", "почти 2 млрд") are
    read at their stated value, as the corpus labels them (rule 36)."""
    return _UPPER_BOUND_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


def is_change(sentence: str, start: int) -> bool:
    """True when the amount at ``start`` (in ``sentence``) is the size of a change
    ("up $5.4 billion", "вырос на 2 млрд"), not the level reached."""
    return _CHANGE_BEFORE.search(sentence[max(0, start - 50) : start]) is not None


#: Parts of a year: "the first eleven months", "January–July", "H1", "за семь месяцев".
_PARTIAL = re.compile(
    r"\b(?:first|past|last|initial)\s+(?:\w+\s+){0,2}(?:months?|quarters?|half|weeks?)\b"
    r"|\b(?:the\s+)?\w+[- ]month(?:s)?\b(?!\s+high)|\bnine\s+months\b|\bhalf[- ]year\b|\bH[12]\b|\bQ[1-4]\b"
    r"|\b(?:first|second|third|fourth)\s+quarter\b"
    r"|\b(?:January|Jan\.?)\s*(?:–|—|-|to|through|and)\s*(?:February|March|April|May|June|July|August|September|October|November|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov)\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\b|\byear[- ]to[- ]date\b|\bYTD\b"
    r"|(?<![\w-])(?:за\s+(?:\w+\s+){0,2}(?:месяц\w*|полугоди\w*|квартал\w*)"
    r"|(?:дв|тр|четыр|пят|шест|сем|восьм|девят|десят|одиннадцат|\d{1,2})\w*\s+месяц\w*"
    r"|(?:перв\w+|втор\w+|трет\w+)\s+(?:\w+\s+)?(?:полугоди\w*|квартал\w*|месяц\w*)"
    r"|январ\w*\s*(?:–|—|-)\s*(?:феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр)\w*"
    r"|\w+месячн\w*)(?![\w-])",
    re.IGNORECASE,
)
#: Words right before a year that make it whole: "for the whole of 2024", "за весь 2024 год".
_WHOLE_YEAR = re.compile(
    r"\b(?:(?:the\s+)?whole\s+(?:of\s+)?|all\s+of\s+|(?:the\s+)?(?:full|entire)\s+(?:year\s+(?:of\s+)?)?)$"
    r"|(?<![\w-])(?:весь|целый|весь\s+целый|полный)\s+$",
    re.IGNORECASE,
)


def speaks_of_part_of_year(view: SentenceView) -> bool:
    """True when the sentence names a part of a year ("January–May", "за пять месяцев")."""
    return _PARTIAL.search(view.text, view.start, view.end) is not None


#: A part-of-year phrase this close before a year names that year's part ("months of 2024").
_PARTIAL_REACH = 20


def partial_period(view: SentenceView, start: int, year: tuple[int, int] | None) -> bool:
    """True when the figure at ``start`` is for part of a year: the phrase is in its clause,
    or in (or just before) the year the figure was given (``year``: that date's span). A
    year said to be whole ("for the whole of 2024", "за весь 2024 год") is whole, whatever
    part of it the sentence gave before."""
    if year is not None and _WHOLE_YEAR.search(view.text, max(view.start, year[0] - 20), year[0]):
        return False
    clause = view.segment_of(start)
    for found in _PARTIAL.finditer(view.text, view.start, view.end):
        if clause[0] <= found.start() < clause[1]:
            return True
        if year is not None and year[0] < found.end() + _PARTIAL_REACH and found.start() < year[1]:
            return True
    return False


#: Bodies whose figures are a country's own statistics.
_AGENCY = re.compile(
    r"\b(?:statistic\w*|customs|bureau|committee|agency|ministry|portal|department|office|service|data|figures)\b"
    r"|(?<![\w-])(?:статисти\w*|таможн\w*|таможен\w*|бюро|комитет\w*|агентств\w*|министерств\w*|ведомств\w*"
    r"|портал\w*|служб\w*|нацстат\w*|статкомитет\w*|данн\w+)(?![\w-])",
    re.IGNORECASE,
)
#: A country owns the agency named this close to it ("Kazakhstan's Bureau of National
#: Statistics", "the Bureau of National Statistics of Kazakhstan").
_AGENCY_REACH = 45
#: How many sentences before a figure a cited source still speaks for it.
_SOURCE_SENTENCES = 2


#: A cited web address on a country's domain: "according to stat.uz", "по данным kapital.kz".
_NATIONAL_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?P<tld>kz|kg|tj|tm|uz|cn)\b", re.IGNORECASE)


def statistics_owner(view: SentenceView) -> str | None:
    """The country whose agency or portal the sentence (or the one or two before) cites
    for its figures, nearest in text; None when none is cited."""
    for current in view.with_previous(_SOURCE_SENTENCES):
        owner = _owner_in(current)
        if owner is not None:
            return owner
    return None


_CLAUSE_BREAK = re.compile(r"[,;:]|\band\b|\bwith\b|\bи\b|\bс\b")


def _owner_in(view: SentenceView) -> str | None:
    domain = _NATIONAL_DOMAIN.search(view.text, view.start, view.end)
    if domain is not None:
        return domain["tld"].casefold()
    countries = [
        (m, i)
        for m in view.of_kind(EntryKind.COUNTRY)
        for i in m.ids(EntryKind.COUNTRY)[:1]
        if i == "cn" or i in CENTRAL_ASIA
    ]
    best: tuple[int, str] | None = None
    for agency in _AGENCY.finditer(view.text, view.start, view.end):
        for match, country in countries:
            gap = max(match.start - agency.end(), agency.start() - match.end)
            between = view.text[min(match.end, agency.end()) : max(match.start, agency.start())]
            if gap > _AGENCY_REACH or _CLAUSE_BREAK.search(between):
                continue
            if best is None or gap < best[0]:
                best = (gap, country)
    return best[1] if best is not None else None
