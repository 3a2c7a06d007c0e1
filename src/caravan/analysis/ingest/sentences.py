"""Splitting text into sentences with exact character offsets (English and Russian).

A sentence ends at `.`, `!`, `?` or `…` followed by space and a capital, digit, quote
or bracket, and at every line break. Abbreviations ("bn.", "Mr.", "т.е.", "млрд."),
initials ("V. Putin") and decimals ("94.8") do not end one, save an amount's
abbreviation after a number before a word in capitals ("$450 млн. Годовая добыча …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits: ``text[start:end] == sentence.text``."""

    start: int
    end: int
    text: str


#: Words that take a full stop without ending the sentence (compared case-blind).
ABBREVIATIONS = frozenset(
    {
        # English
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "eg",
        "ie", "inc", "ltd", "co", "corp", "jr", "sr", "gen", "gov", "govt", "dept", "approx",
        "est", "bn", "mn", "mln", "bln", "tn", "m", "u.s", "u.k", "u.n", "fig", "vol", "art",
        "para", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "p", "pp", "cf", "al",
        # Russian
        "т.е", "т.к", "т.д", "т.п", "т.н", "и.о", "г", "гг", "млрд", "млн", "тыс", "трлн",
        "руб", "долл", "ул", "им", "др", "пр", "см", "стр", "проф", "акад", "тов", "кв",
        "обл", "р", "ст", "с", "в", "вв", "н.э", "чел", "ок", "мин", "зам", "ген", "рис",
    }
)  # fmt: skip

_END = re.compile(r"[.!?…]+[\"'”»)\]]*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_STARTS_SENTENCE = re.compile(r"[\"'“«(\[]*[A-ZА-ЯЁ0-9]")


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, stripped of surrounding space."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        _split_line(text, line_start, line_end, sentences)
        line_start = line_end + 1
    return sentences


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    begin = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if stop < end and not text[stop].isspace():
            continue  # "94.8", "e.g.x", "U.S.-China": no space after the stop
        following = text[stop:end].lstrip()
        if following and not _STARTS_SENTENCE.match(following):
            continue
        if (
            match.group().startswith(".")
            and _is_abbreviation(text[begin : match.start()])
            and not _amount_ends_sentence(text[begin : match.start()], following)
        ):
            continue
        _add(text, begin, stop, out)
        begin = stop
    _add(text, begin, end, out)


#: Words of amount that take a full stop after a number ("$450 млн.", "5 bn."): the stop ends
#: the sentence too when a word in lower case after a capital follows ("млн. Годовая добыча"),
#: not a currency's code or sign ("млн. USD").
_AMOUNT_WORDS = frozenset({"млрд", "млн", "тыс", "трлн", "bn", "mn", "mln", "bln", "tn"})
_NUMBER_BEFORE = re.compile(r"\d\s*([\w.]+)$")
_WORD_IN_CAPITAL = re.compile(r"[\"'“«(\[]*[A-ZА-ЯЁ][a-zа-яё]")


def _amount_ends_sentence(before: str, following: str) -> bool:
    """True when an amount's abbreviation after a number closes the sentence ("вложила свыше
    $450 млн. Годовая добыча …")."""
    word = _NUMBER_BEFORE.search(before)
    return (
        word is not None
        and word.group(1).casefold().strip(".") in _AMOUNT_WORDS
        and _WORD_IN_CAPITAL.match(following) is not None
    )


def _is_abbreviation(before: str) -> bool:
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    token = word.group(1).casefold().strip(".")
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "V. Putin", "Н. Назарбаев"
    return token in ABBREVIATIONS


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
