"""Numbers and amounts of money written in English and Russian, with their spans.

"94.8 billion US dollars", "$94.8bn", "US$ 1.2 million", "USD 300 m", "94,8 млрд
долларов", "1,5 млрд долл. США", and in words "two billion dollars", "двух миллиардов
долларов" (``number_words``); plain numbers "1,000", "1 000", "94,8", "3.5". In English
a comma before exactly three digits groups thousands; in Russian a comma is the decimal
mark and spaces group thousands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caravan.analysis.ingest.number_words import words_value

__all__ = ["Amount", "Number", "find_money", "find_numbers", "parse_number"]


@dataclass(frozen=True)
class Number:
    """A number written in the text and its value."""

    start: int
    end: int
    value: float


@dataclass(frozen=True)
class Amount:
    """An amount of US dollars written in the text."""

    start: int
    end: int
    value_usd: float


_NUMBER = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUMBER_RE = re.compile(r"(?<![\d.,])(?:" + _NUMBER + r")(?![\d])")

_SCALES = {
    "trillion": 1e12, "tn": 1e12, "трлн": 1e12, "триллион": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "млрд": 1e9, "миллиард": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "млн": 1e6, "миллион": 1e6,
    "thousand": 1e3, "тыс": 1e3, "тысяч": 1e3,
}  # fmt: skip
_SCALE = (
    r"(?P<scale>trillion|billion|million|thousand|bn|bln|mn|mln|tn|b|m|трлн|млрд|млн|тыс"
    r"|триллион\w*|миллиард\w*|миллион\w*|тысяч\w*)\.?"
)
_DOLLARS = (
    r"(?:US\s?dollars?|U\.S\.\s?dollars?|American\s+dollars?|dollars?|USD|US\$|\$"
    r"|(?:американск\w+\s+)?долл(?:ар\w*|\.)?(?:\s*США)?|дол\.(?:\s*США)?)"
)
#: A larger unit before the amount's own: "1 млрд 402,8 млн долларов" is 1,402.8 million.
_BIGGER_UNIT = re.compile(
    r"(?P<n>\d{1,3})\s?(?P<scale>trillion|billion|bn|трлн|млрд|миллиард\w*)\.?\s+(?:(?:and|и)\s+)?$",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    # "$620-million project": the scale may be joined by a hyphen
    r"(?:(?:US\$|USD|\$)\s?(?P<n1>"
    + _NUMBER
    + r")(?:[\s-]?"
    + _SCALE.replace("scale", "s1")
    + r")?"
    r"|(?P<n2>" + _NUMBER + r")\s?(?:" + _SCALE.replace("scale", "s2") + r"\s?)?" + _DOLLARS + r")"
    r"(?![\w])",
    re.IGNORECASE,
)


_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: One comma group before "billion" or more: read as thousands it would be a trillion dollars
#: or more, far beyond any figure of these reports, so the comma is a decimal one, as writers
#: used to it write ("$22,071 billion", "$4,700 billion" for 22.071 and 4.7 billion).
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{3}")
_SPACE_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")


def parse_number(written: str, language: str = "en") -> float | None:
    """The value of a number as written ("1,000" → 1000; "94,8" → 94.8 in Russian)."""
    text = written.replace("\u00a0", " ").replace("\u202f", " ")
    if language == "ru":
        text = text.replace(" ", "").replace(",", ".")
    elif _COMMA_THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif _SPACE_THOUSANDS.fullmatch(text):
        text = text.replace(" ", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    if text.count(".") > 1:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def find_numbers(text: str, language: str = "en") -> list[Number]:
    """Every number in ``text`` with its value."""
    found = []
    for match in _NUMBER_RE.finditer(text):
        value = parse_number(match.group(), language)
        if value is not None:
            found.append(Number(match.start(), match.end(), value))
    return found


def find_money(text: str, language: str = "en") -> list[Amount]:
    """Every amount of US dollars in ``text``, scaled ("94.8 billion" → 9.48e10)."""
    found = []
    for match in _MONEY_RE.finditer(text):
        written = match["n1"] or match["n2"]
        scale_word = (match["s1"] or match["s2"] or "").casefold().rstrip(".")
        value = parse_number(written, language)
        if value is None:
            continue
        scale = 1.0
        if scale_word:
            scale = _SCALES.get(scale_word) or next(
                (v for k, v in _SCALES.items() if len(k) > 4 and scale_word.startswith(k)), 1.0
            )
        if scale >= 1e9 and _DECIMAL_COMMA.fullmatch(written):
            value = float(written.replace(",", "."))  # "$22,071 billion" is 22.071 billion
        start, total = match.start(), value * scale
        bigger = _BIGGER_UNIT.search(text, max(0, start - 20), start)
        if bigger is not None and match["n2"] and scale < 1e9:
            unit = _SCALES.get(bigger["scale"].casefold().rstrip(".")) or 1e9
            start, total = bigger.start(), float(bigger["n"]) * unit + total
        found.append(Amount(start, match.end(), total))
    return found + _amounts_in_words(text, found)


#: A scale and the currency after an amount written in words: "two billion US dollars".
_SCALE_THEN_DOLLARS = re.compile(
    r"(?<![\w-])(?P<scale>trillion|billion|million|триллион\w*|миллиард\w*|миллион\w*|трлн|млрд|млн)"
    r"\.?\s?" + _DOLLARS + r"(?![\w])",
    re.IGNORECASE,
)


def _amounts_in_words(text: str, found: list[Amount]) -> list[Amount]:
    """Amounts whose number is written in words ("two billion dollars", "двух миллиардов
    долларов", "полтора млрд долларов") and not already read in digits."""
    amounts = []
    for match in _SCALE_THEN_DOLLARS.finditer(text):
        if any(a.start <= match.start() < a.end for a in found):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if before and not before[-1].isspace():
            continue
        read = words_value(before.rstrip())
        if read is None:
            continue
        offset, value = read
        scale_word = match["scale"].casefold()
        scale = _SCALES.get(scale_word) or next(
            (v for k, v in _SCALES.items() if len(k) > 4 and scale_word.startswith(k)), 1.0
        )
        start = match.start() - len(before) + offset
        amounts.append(Amount(start, match.end(), value * scale))
    return amounts
