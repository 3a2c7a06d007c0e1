"""Numbers written in words: "two", "twenty-five", "five hundred", "два", "двух", "полутора".

Russian numerals are read by their pymorphy3 lemma, so every case form counts ("двух
миллиардов", "тремя миллионами") without listing the forms.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import lemma_of

__all__ = ["words_value"]

_ENGLISH = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_RUSSIAN = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5,
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def _value(word: str) -> float | None:
    """The value of one number word (an English one as written, a Russian one by its lemma)."""
    lowered = word.casefold()
    if lowered in _ENGLISH:
        return float(_ENGLISH[lowered])
    if lowered == "hundred":
        return 100.0
    if any("\u0400" <= c <= "\u04ff" for c in lowered):
        reading = lemma_of(lowered)
        if reading.known and reading.lemma in _RUSSIAN:
            return float(_RUSSIAN[reading.lemma])
    return None


def words_value(phrase: str) -> tuple[int, float] | None:
    """(offset in ``phrase`` where the number begins, its value) for the longest run of
    number words that ends ``phrase`` ("trade reached twenty-five" → the offset of
    "twenty-five", 25.0), or None when its last word is no number."""
    run: list[tuple[int, str, float]] = []
    for word in reversed(list(_WORD.finditer(phrase))):
        value = _value(word.group())
        if value is None:
            break
        run.append((word.start(), word.group().casefold(), value))
    if not run:
        return None
    run.reverse()
    total = 0.0
    for _, written, value in run:
        # English "hundred" multiplies what comes before it ("five hundred"); Russian
        # hundreds are words of their own ("пятьсот").
        total = (total or 1.0) * 100 if written == "hundred" else total + value
    return run[0][0], total
