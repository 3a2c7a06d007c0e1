"""Whose trade a trade value is: a state's foreign trade with the whole world ("Uzbekistan's
foreign trade reached $62.6 billion", "внешняя торговля Узбекистана") and a third state's trade
("Russia's trade with Uzbekistan", "товарооборот России с Узбекистаном") are not trade with China.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = ["chinas_elided_trade", "third_state_trade", "whole_foreign_trade"]

#: The words before a trade noun that make it a state's trade with all its partners.
_FOREIGN = re.compile(
    r"\b(?:foreign|external)\s+$|(?<![\w-])(?:внешн\w*|внешнеторгов\w*)\s+$", re.IGNORECASE
)
#: China named as the partner just after the trade noun: "foreign trade with China".
_WITH_CHINA = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:with\s+(?:the\s+)?(?:China|PRC)\b|с\s+(?:Китаем|КНР)(?![\w-]))",
    re.IGNORECASE,
)
#: China owning a trade noun left out after a third state's: "while China's was $9 billion",
#: "а у Китая — 9 млрд".
_CHINAS_ELIDED = re.compile(
    r"\b(?:China|PRC)['’]s\s+(?:was|were|stood\s+at|reached|came\s+to|amounted\s+to|totall?ed)"
    r"(?:\s+[\w-]+){0,3}\s+$"
    r"|(?<![\w-])у\s+(?:Китая|КНР)\s+(?:[—–-]\s+|(?:он\w*\s+)?(?:составил\w*|достиг\w*)\s+)"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: An owner and what joins it to its trade: "Russia's trade", "Russia’s total turnover".
_POSSESSIVE = re.compile(r"[\w .-]{2,30}?['’]s\s+(?:\w+\s+)?")


def whole_foreign_trade(sentence: str, cue_start: int, cue_end: int) -> bool:
    """True when the trade noun at ``cue_start``–``cue_end`` of ``sentence`` is a state's foreign
    trade with the world, China not named as its partner."""
    if _FOREIGN.search(sentence[max(0, cue_start - 30) : cue_start]) is None:
        return False
    return _WITH_CHINA.search(sentence[cue_end : cue_end + 60]) is None


def third_state_trade(view: SentenceView, cue_start: int, cue_end: int) -> bool:
    """True when a state outside the system owns the trade noun at ``cue_start``–``cue_end``
    (absolute offsets): "Russia's trade", "товарооборот России"."""
    for state in view.of_kind(EntryKind.FOREIGN):
        if state.end <= cue_start and _POSSESSIVE.fullmatch(view.text[state.start : cue_start]):
            return True
        if 0 <= state.start - cue_end <= 1:
            return True  # the owner in the genitive just after the noun
    return False


def chinas_elided_trade(sentence: str, amount_start: int) -> bool:
    """True when China owns the amount at ``amount_start`` through a trade noun left out after
    another state's trade: "Russia's trade was $9.4 billion, while China's was $9 billion"."""
    return _CHINAS_ELIDED.search(sentence[max(0, amount_start - 60) : amount_start]) is not None
