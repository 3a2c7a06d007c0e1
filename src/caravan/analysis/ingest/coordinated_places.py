"""English places named in groups: after a plural place noun, or each set in its country.

- **A plural place noun and its list**: "the cities of Bukhara and Kunming", "the towns of
  X, Y and Z", "the ports of Bandar Abbas and Chabahar", "the border junctions of A and B":
  each unknown name of the list is a place.
- **Places set in their countries along a link**: "linked St. Petersburg in Russia, Almaty
  in Kazakhstan and Lianyungang in China", "a railway linking X in Tajikistan with Y in
  Afghanistan": an unknown name directly before "in <a country>", after a word that links
  places (from, to, through, via, between, with, linking, and, a comma), in a sentence about
  a line or a route; a place in a country the knowledge base does not hold ("Gwadar in
  Pakistan") is outside the system.

Names may have up to three words ("Sherkhon Bandar", "St. Petersburg"); a name that is a
known place, a country, or starts with a word that names no place is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["grouped_places"]

#: A capitalised name of one to three words ("Sherkhon Bandar", "St. Petersburg", "Ak-Tyuz").
_NAME = r"(?:St\.\s+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*(?:\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*){0,2}"
_PLURAL_PLACES = re.compile(
    r"\b(?:cities|towns|villages|settlements|ports|seaports|stations|junctions|hubs|airports)"
    r"\s+of\s+(?P<list>" + _NAME + r"(?:,\s+" + _NAME + r")*(?:,?\s+and\s+" + _NAME + r"))"
)
_ITEM = re.compile(_NAME)
#: A name set in its country, after a word that links places along a line.
_IN_COUNTRY = re.compile(
    r"(?:\b(?:from|to|through|via|between|with|linking|linked|links|connecting|connects|and)\s+|,\s+)"
    r"(?P<name>" + _NAME + r")\s+in\s+(?P<country>[A-Z][a-z]+)\b"
)
_ROUTE_WORDS = re.compile(
    r"\b(?:railways?|railroads?|lines?|roads?|highways?|routes?|corridors?|links?|linked|linking"
    r"|connect\w*|trains?|transit)\b",
    re.IGNORECASE,
)
#: A facility's noun closing a capitalised name ("Textile Industrial Park"): no place's name.
_FACILITY_LAST = re.compile(r"\b(?:Park|Cent(?:er|re)|Hub|Zone|Terminal|Plant|Factory|Complex)$")
#: A verb or preposition that links places along a line.
_LINKING = re.compile(
    r"\b(?:link\w*|connect\w*|join\w*|from|through|via|between|reach\w*)\b", re.IGNORECASE
)
#: First words of a capitalised run that name no place.
_NOT_PLACES = frozenset(
    {"the", "a", "an", "president", "minister", "ministry", "deputy", "prime", "chairman", "mr",
     "ms", "mrs", "government", "cabinet", "company", "bank", "fund", "university", "north",
     "south", "east", "west", "central", "western", "eastern", "northern", "southern", "new",
     "this", "that", "its", "their", "his", "her", "in", "on", "at"}
)  # fmt: skip


def grouped_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown place a plural place noun lists, or a link sets in
    its country."""
    for found in _PLURAL_PLACES.finditer(view.sentence):
        base = view.start + found.start("list")
        for item in _ITEM.finditer(found["list"]):
            start, end = base + item.start(), base + item.end()
            if _unknown(view, gazetteer, item.group(), start, end):
                yield item.group(), start, end
    if not _ROUTE_WORDS.search(view.sentence) or not _LINKING.search(view.sentence):
        return  # "talks with Xi Jinping in China on the railway": no places linked
    for found in _IN_COUNTRY.finditer(view.sentence):
        at = view.start + found.start("country")
        held = _held_countries(gazetteer)
        if not any(
            m.start == at and set(m.ids(EntryKind.COUNTRY, EntryKind.FOREIGN)) & held
            for m in view.matches
        ):
            continue  # a country outside the knowledge base's is outside the system
        if _FACILITY_LAST.search(found["name"]):
            continue  # "… and Textile Industrial Park in Tajikistan": a facility's title's end
        start, end = view.start + found.start("name"), view.start + found.end("name")
        name = _last_place(view, found["name"], start)
        if name is not None and _unknown(view, gazetteer, *name):
            yield name


def _held_countries(gazetteer: Gazetteer) -> set[str]:
    """Ids of the countries the knowledge base holds (members and transit partners), not
    those only the vocabulary names."""
    kinds = (EntryKind.COUNTRY, EntryKind.FOREIGN)
    return {e.id for e in gazetteer.entries if e.kind in kinds and not e.alias}


def _last_place(view: SentenceView, name: str, start: int) -> tuple[str, int, int] | None:
    """The part of a hyphenated chain after its last known name ("Jayhun-Panji Poyon":
    "Panji Poyon" when Jayhun is known), or the name as written."""
    end = start + len(name)
    known_ends = [m.end for m in view.matches if start <= m.start and m.end < end]
    if not known_ends:
        return name, start, end
    cut = max(known_ends)
    rest = view.text[cut:end].lstrip("-–— ")
    return (rest, end - len(rest), end) if rest else None


def _unknown(view: SentenceView, gazetteer: Gazetteer, name: str, start: int, end: int) -> bool:
    """True when no known name covers the name and none of its words names a known place or
    a country, nor its first word no place."""
    if view.known_name_over(start, end):
        return False
    keys = [t.key for t in tokenise(name)]
    if not keys or keys[0] in _NOT_PLACES:
        return False
    return not any(gazetteer.place_word(k) or gazetteer.is_country_word(k) for k in keys)
