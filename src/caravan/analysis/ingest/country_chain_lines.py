"""Lines named by the countries they cross, or by the initials of those countries.

- **A chain of four countries or more before a line noun**: "the China-Kyrgyzstan-Tajikistan-
  Afghanistan-Iran line", "the Turkmenistan–Afghanistan–Pakistan–India gas pipeline" is one
  project (a pair or three of the member states is too often a generic description: "the
  China-Kazakhstan-Uzbekistan railway").
- **An acronym of the chain's initials**: "the Turkmenistan-Afghanistan-Tajikistan (TAT)
  line", "трубопровод ТАПИ (Туркменистан — Афганистан — Пакистан — Индия)": the letters
  spell the countries' initials, so the chain names one line even with three countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import nominative_phrase
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["country_chain_lines"]

_WORD = r"[A-ZА-ЯЁ][\w'’]+"
_DASH = r"\s?[-–—]\s?"
_CHAIN = _WORD + r"(?:" + _DASH + _WORD + r"){2,7}"
_EN_LINE = (
    r"(?:railway|railroad|rail\s+line|line|gas\s+pipeline|oil\s+pipeline|pipeline|highway|road"
    r"|corridor)"
)
#: "the A-B-C (ABC) line", "the A-B-C-D line".
_EN = re.compile(
    r"\b(?P<chain>" + _CHAIN + r")(?:\s+\((?P<abbr>[A-Z]{3,8})\))?\s+(?P<noun>" + _EN_LINE + r")\b"
)
#: "трубопровод ТАПИ (Туркменистан — Афганистан — Пакистан — Индия)", "the TAPI pipeline (…)".
_ACRONYM_THEN_CHAIN = re.compile(
    r"(?P<noun>(?<![\w-])(?:трубопровод\w*|газопровод\w*|нефтепровод\w*|железн\w+\s+дорог\w+"
    r"|магистрал\w*|коридор\w*)|\b(?:pipeline|railway|line|corridor))\s+"
    r"(?P<abbr>[A-ZА-ЯЁ]{3,8})\s*\((?P<chain>" + _CHAIN + r")\)"
    r"|\b(?P<abbr2>[A-Z]{3,8})\s+(?P<noun2>" + _EN_LINE + r")\s*\((?P<chain2>" + _CHAIN + r")\)"
)


def country_chain_lines(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each line a chain of countries (or its acronym) names, unless a
    known project's name covers it."""
    for found in _EN.finditer(view.sentence):
        countries = _countries(found["chain"], gazetteer)
        if countries is None:
            continue
        if len(countries) < 4 and not _initials_of(found["abbr"], countries):
            continue
        yield from _unknown(view, found.group(), found.start(), found.end())
    for found in _ACRONYM_THEN_CHAIN.finditer(view.sentence):
        chain, abbr = found["chain"] or found["chain2"], found["abbr"] or found["abbr2"]
        countries = _countries(chain, gazetteer)
        if countries is None or not _initials_of(abbr, countries):
            continue
        written = found.group()
        if found["noun"] and found["noun"][:1].casefold() in "абвгдежзийклмнопрстуфхцчшщэюя":
            # "по трубопроводу ТАПИ (…)": the line noun in the nominative
            written = nominative_phrase(found["noun"]) + written[len(found["noun"]) :]
        yield from _unknown(view, written, found.start(), found.end())


def _countries(chain: str, gazetteer: Gazetteer) -> list[str] | None:
    """The chain's names when every one is a country's, else None."""
    names = re.split(_DASH, chain)
    keys = [tokenise(n)[0].key for n in names]
    return names if all(gazetteer.is_country_word(k) for k in keys) else None


def _initials_of(abbr: str | None, names: list[str]) -> bool:
    """True when the acronym spells the names' initials ("TAT", "ТАПИ")."""
    return abbr is not None and abbr.casefold() == "".join(n[0] for n in names).casefold()


def _unknown(
    view: SentenceView, written: str, start: int, end: int
) -> Iterator[tuple[str, int, int]]:
    at, until = view.start + start, view.start + end
    if not view.known_name_over(at, until, EntryKind.PROJECT):
        name = written[:1].upper() + written[1:]
        yield name, at, until
