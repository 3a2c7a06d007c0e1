"""Amounts whose scope is not a country's trade, a project's cost or a count of twinnings.

- **Rates**: an amount per unit ("1,000 yuan (about 140.7 U.S. dollars) per container",
  "$50 a tonne", "150 долларов за контейнер") prices a unit; it is no investment or trade.
- **A region's trade**: "the Abai region's trade with China", "товарооборот Алматинской
  области с Китаем" is a province's, not its country's.
- **Trade with a province named as a party**: "trade between Kazakhstan and Xinjiang",
  "товарооборот между Казахстаном и Синьцзяном": one side is no state the text names, so the
  amount is not two countries' trade.
- **Trade owned by a province**: "Shandong's trade with Kazakhstan", "товарооборот Шаньдуна с
  Казахстаном": an owner that is no state the text names is a province or a city; so is a
  partner after the owning state ("товарооборот Казахстана с СУАР").
- **One sector's trade**: "agricultural trade between China and Central Asia", "trade in farm
  products", "товарооборот сельхозпродукции" is a part of the turnover, not the turnover.
- **Trade carried one way**: "trade … carried by China-Europe freight trains reached 5.32 billion
  yuan", "trade by rail", "товарооборот, перевезённый по железной дороге" is the part of the
  turnover one mode of transport carried, not the turnover.
- **Anniversaries**: "the 40th anniversary of sister ties", "40-летие побратимских связей"
  counts years, not sister cities.
"""

from __future__ import annotations

import re

__all__ = [
    "anniversary",
    "carried_trade",
    "per_unit",
    "regions_trade",
    "sector_trade",
    "subnational_owner",
    "subnational_pair",
]

_PER_UNIT = re.compile(
    r"\s*\)?\s*(?:per|a|an|each|for\s+(?:each|every|one))\s+(?:\w+\s+)?(?:container|box|TEU|ton"
    r"|tonne|wagon|car|truck|trip|unit|kilometre|kilometer|km|passenger|head)s?\b"
    r"|\s*\)?\s*(?:за|на|с)\s+(?:один\s+|каждый\s+|каждую\s+)?(?:контейнер|тонн|вагон|рейс"
    r"|километр|км|пассажир|грузовик)\w*",
    re.IGNORECASE,
)
_REGION_TRADE = re.compile(
    r"\b(?:region|oblast|province|prefecture)['’]s\s+(?:\w+\s+){0,2}$"
    r"|(?<![\w-])(?:област|провинци|регион)\w*\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?-i:[A-Z][\w-]+)\s+(?:region|oblast|province|prefecture)\b"
    r"|\s+(?-i:[А-ЯЁ][\w-]+)\s+(?:области|провинции|округа)(?![\w-])",
    re.IGNORECASE,
)
#: The pair right after a trade word: "between A and B", "между A и B" (names capitalised).
_PAIR_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:between\s+(?P<a>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))\s+and\s+"
    r"(?P<b>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))"
    r"|между\s+(?P<ra>(?-i:[А-ЯЁ][\w-]*))\s+и\s+(?P<rb>(?-i:[А-ЯЁ][\w-]*)))",
    re.IGNORECASE,
)
#: A capitalised owner before a trade word ("Shandong's trade") or, in Russian, in the genitive
#: after it and before the partner ("товарооборот Шаньдуна с Казахстаном").
_OWNER_BEFORE = re.compile(r"(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?['’]s\s+(?:\w+\s+){0,2}$")
_OWNER_AFTER = re.compile(r"\s+(?-i:[А-ЯЁ][\w-]+)\s+(?:со?)\s+(?-i:[А-ЯЁ])")
#: The partner after a state owning the trade: "товарооборот Казахстана с СУАР" (a partner
#: that is no state the text names is a province).
_PARTNER_AFTER = re.compile(r"\s+(?-i:[А-ЯЁ][\w-]+)\s+(?:со?)\s+(?P<partner>(?-i:[А-ЯЁ])[\w-]*)")
_ANNIVERSARY_AFTER = re.compile(
    r"(?:st|nd|rd|th)?[\s-]*(?:anniversary|year\s+anniversary)|\s*-?\s*лети\w+", re.IGNORECASE
)


#: A mode of transport right after a trade word: "trade between the two countries carried by
#: China-Europe freight trains", "trade by rail", "товарооборот, перевезённый по железной дороге".
_CARRIED_AFTER = re.compile(
    r"[^.;,$\d]{0,60}?\b(?:carried|transported|moved|shipped|delivered)\s+(?:by|via|on|aboard)\s"
    r"|\s+by\s+(?:rail|road|sea|air|trains?|trucks?)\b"
    r"|,?\s+(?:[\w-]+\s+){0,4}?(?:перевез[её]нн|перевезенн|доставленн)\w*\s+"
    r"(?:по\s+железной\s+дороге|поезд\w*|железнодорожн\w*|автомобильн\w*)",
    re.IGNORECASE,
)


def carried_trade(sentence: str, cue_end: int) -> bool:
    """True when the trade word ending at ``cue_end`` is the trade one mode of transport
    carried ("trade … carried by China-Europe freight trains"), a part of the turnover."""
    return _CARRIED_AFTER.match(sentence, cue_end) is not None


def per_unit(sentence: str, amount_end: int) -> bool:
    """True when the amount ending at ``amount_end`` is a price per unit."""
    return _PER_UNIT.match(sentence, amount_end) is not None


_SECTOR_EN = (
    r"(?:agricultural|agri-?food|agrarian|farm|food|energy|oil|gas|grain|textile|e-commerce"
    r"|online|digital|electronic|mineral|metals?)"
)
_SECTOR_RU = (
    r"(?:сельскохозяйственн|сельхоз|агропромышленн|аграрн|продовольствен|продовольств|энергетическ"
    r"|энергоносител|нефт|газ|зерн|текстил|электронн)"
)
#: A sector named right before the trade word ("agricultural trade", "сельскохозяйственный
#: товарооборот").
_SECTOR_BEFORE = re.compile(
    r"\b" + _SECTOR_EN + r"(?:\s+(?:products?|goods|produce))?\s+$"
    r"|(?<![\w-])" + _SECTOR_RU + r"\w*\s+$",
    re.IGNORECASE,
)
#: A sector's goods right after it ("trade in farm products", "товарооборот сельхозпродукции",
#: "торговля энергоносителями").
_SECTOR_AFTER = re.compile(
    r"\s+in\s+" + _SECTOR_EN + r"\b"
    r"|\s+(?:\w+\s+)?" + _SECTOR_RU + r"\w*(?![\w-])",
    re.IGNORECASE,
)


def sector_trade(sentence: str, cue_start: int, cue_end: int) -> bool:
    """True when the trade word at ``cue_start:cue_end`` is one sector's trade."""
    return (
        _SECTOR_BEFORE.search(sentence, max(0, cue_start - 40), cue_start) is not None
        or _SECTOR_AFTER.match(sentence, cue_end) is not None
    )


def regions_trade(sentence: str, cue_start: int, cue_end: int) -> bool:
    """True when the trade word at ``cue_start:cue_end`` is a region's or a province's."""
    return (
        _REGION_TRADE.search(sentence, max(0, cue_start - 40), cue_start) is not None
        or _REGION_AFTER.match(sentence, cue_end) is not None
    )


def subnational_pair(sentence: str, cue_end: int, states: list[tuple[int, int]]) -> bool:
    """True when the pair after the trade word ending at ``cue_end`` has a side that is none of
    ``states`` (spans of country and group names in ``sentence``): a province's trade."""
    pair = _PAIR_AFTER.match(sentence, cue_end)
    if pair is None:
        return False
    sides = ("a", "b") if pair["a"] else ("ra", "rb")
    return any(not any(a <= pair.start(side) < b for a, b in states) for side in sides)


def subnational_owner(
    sentence: str, cue_start: int, cue_end: int, states: list[tuple[int, int]]
) -> bool:
    """True when the trade word at ``cue_start:cue_end`` has an owner that is none of ``states``
    (spans of country and group names in ``sentence``): a province's or a city's trade."""
    before = _OWNER_BEFORE.search(sentence, max(0, cue_start - 50), cue_start)
    if before is not None and not any(a <= before.start() < b for a, b in states):
        return True
    after = _OWNER_AFTER.match(sentence, cue_end)
    if after is not None and not any(a <= cue_end + 1 < b for a, b in states):
        return True
    partner = _PARTNER_AFTER.match(sentence, cue_end)  # "товарооборот Казахстана с СУАР"
    return partner is not None and not any(a <= partner.start("partner") < b for a, b in states)


def anniversary(sentence: str, number_end: int) -> bool:
    """True when the number ending at ``number_end`` counts the years of an anniversary."""
    return _ANNIVERSARY_AFTER.match(sentence, number_end) is not None
