"""Places named as the stops of a route: "from X through Y to Z", "из X через Y в Z".

A capitalised name is a stop when it stands in a chain that starts with "from" and runs
"through" or "to" further stops. The chain is a route (and its unknown stops new places)
when it ends at a border ("to the state border", "до границы") or a stop is placed "in" a
known place ("from Dongchuan in Lanzhou"); a chain of names alone ("from China to Europe",
"from Monday to Friday") is left alone (known stops in a list are ``entities.route_places``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import name_in_case
from caravan.analysis.ingest.tokens import CYRILLIC_NAME, LATIN_NAME, tokenise

__all__ = ["route_chain_places"]

_IN_PLACE_EN = r"(?:\s+in\s+(?:the\s+)?" + LATIN_NAME + r")?"
_STOP_EN = r"(?:the\s+(?:state\s+)?border|" + LATIN_NAME + _IN_PLACE_EN + r")"
_STOP_RU = r"(?:(?:государственной\s+)?границ\w+|" + CYRILLIC_NAME + r")"
_CHAIN = re.compile(
    r"\bfrom\s+" + _STOP_EN + r"(?:\s+(?:through|via|to)\s+" + _STOP_EN + r")+"
    r"|(?<![\w-])(?:из|от)\s+" + _STOP_RU + r"(?:\s+(?:через|в|до)\s+" + _STOP_RU + r")+"
)
_NAME = re.compile(LATIN_NAME + r"|" + CYRILLIC_NAME)
_CYRILLIC = re.compile(CYRILLIC_NAME)
#: "in" or "in the" just before a name: the name places the stop before it.
_PLACED_IN = re.compile(r"\bin\s+(?:the\s+)?$")
#: "of" or "for" just after a name ("Xinhua of …"): a source or an owner, not a stop.
_OF_AFTER = re.compile(r"\s+(?:of|for)\b")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_BORDER = re.compile(r"\bborder\b|границ", re.IGNORECASE)
_ROUTE_WORDS = re.compile(
    r"\b(?:railway|railroad|line|branch|road|highway|route|corridor|trains?|rail|goods|cargo)\b"
    r"|(?<![\w-])(?:железн\w+|дорог\w*|лини\w+|ветк\w+|маршрут\w*|поезд\w*|груз\w*|трасс\w+)(?![\w-])",
    re.IGNORECASE,
)
_LINKS = frozenset({"From", "The", "In", "Through", "Via", "To"})
#: Words of a chain that are no stop's name ("to the state border").
_NO_STOPS = frozenset({"the", "state", "border"})


def route_chain_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown stop of a route chain that ends at a border or has
    a stop placed in a known place."""
    if not _ROUTE_WORDS.search(view.sentence):
        return
    for chain in _CHAIN.finditer(view.sentence):
        base = view.start + chain.start()
        names = [
            (m.group(), base + m.start(), base + m.end())
            for m in _NAME.finditer(chain.group())
            if m.group() not in _LINKS
        ]
        # "from Dongchuan in Lanzhou": Lanzhou places the stop, it is no stop of its own
        placing = {n for n in names if _PLACED_IN.search(view.text[n[1] - 8 : n[1]])}
        placed_in_known = any(_is_known(view, gazetteer, *n) for n in placing)
        if not placed_in_known and not _BORDER.search(chain.group()):
            continue
        for name, start, end in names:
            if (name, start, end) in placing or _is_known(view, gazetteer, name, start, end):
                continue
            if gazetteer.is_country_word(tokenise(name)[0].key):
                continue
            if _OF_AFTER.match(view.text[end : end + 5]):
                continue  # "from Xinhua of …": not a stop
            yield _nominative(view.text, name, start), start, end


#: The case a Russian preposition of a route puts its stop in.
_RU_CASES = {"из": "gent", "от": "gent", "до": "gent", "через": "accs", "в": "accs"}


def _nominative(text: str, name: str, start: int) -> str:
    """A Russian stop's name in the nominative ("из Ердаута" → "Ердаут"), Latin as written."""
    if not _CYRILLIC.fullmatch(name):
        return name
    before = _WORD_BEFORE.search(text[max(0, start - 12) : start])
    case = _RU_CASES.get(before.group(1).casefold()) if before else None
    return name if case is None else name_in_case(name, case)


def _is_known(view: SentenceView, gazetteer: Gazetteer, name: str, start: int, end: int) -> bool:
    """True when the stop is a known place or country, or a word of the chain itself."""
    places = (EntryKind.PLACE, EntryKind.CROSSING, EntryKind.COUNTRY, EntryKind.FOREIGN)
    if view.known_name_over(start, end, *places):
        return True  # a known place (a project's name holding the word is no place known)
    key = tokenise(name)[0].key
    return (
        gazetteer.place_word(key) or gazetteer.is_country_word(key) or name.casefold() in _NO_STOPS
    )
