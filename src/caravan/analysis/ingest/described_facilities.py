"""New facilities named by what they are and where: "the transport and logistics center in
the city of Kulob", "a joint "dry port" in Almaty", "the Olympic Village in Tashkent".

The facility is new when the place after "in" is a known place (or one the text calls a
city or town) and no known name covers the phrase; it is named as the text describes it ("Transport and logistics center in the
city of Kulob"). Logistics facilities are places (as a dry port is), a capitalised complex
("Olympic Village") is a project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import nominative_phrase
from caravan.analysis.ingest.named_facilities import zone_tied
from caravan.model.enums import PlaceKind
from caravan.model.proposals import EntityKind

__all__ = ["described_facilities"]

#: The Russian forms: "транспортно-логистического центра в городе Куляб", "сухой порт в
#: Алматы" (named in the nominative: "Транспортно-логистический центр в городе Куляб").
_RU_FACILITY_IN = re.compile(
    r"(?<![\w-])(?P<name>(?P<facility>(?:(?:транспортно-)?логистическ\w+\s+(?:центр|хаб|комплекс|терминал)\w*"
    r"|контейнерн\w+\s+(?:хаб|терминал)\w*"
    r"|сух\w+\s+порт\w*|индустриальн\w+\s+парк\w*|свободн\w+\s+экономическ\w+\s+зон\w+))"
    r"\s+в\s+(?P<city>(?:городе|г\.|порту)\s+)?(?P<place>[А-ЯЁ][\w-]+))",
)

_LOGISTICS = (
    r"(?:(?:(?!(?:the|a|an|of|in|on|at|to|for|with|by|is|are|was|were)\s)(?-i:[a-z-]+)\s+){0,4}?(?:logistics\s+(?:center|centre|hub|park|complex|terminal)|"
    r"[\"“]?dry\s+port[\"”]?|industrial\s+park|free\s+(?:economic|trade)\s+zone|container\s+(?:terminal|hub)))"
)
_COMPLEX = r"(?-i:(?:[A-Z][a-z]+\s+){1,3}(?:Village|Park|Complex|Centre|Center|Terminal|Hub))"
_FACILITY_IN = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?P<name>(?:(?P<logistics>" + _LOGISTICS + r")|" + _COMPLEX + r")"
    r"\s+in\s+(?P<city>the\s+(?:city|town|port)\s+of\s+)?(?P<place>[A-Z][\w'’-]+))",
    re.IGNORECASE,
)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def described_facilities(
    view: SentenceView, gazetteer: Gazetteer
) -> Iterator[tuple[EntityKind, str, int, int]]:
    """(kind, name, start, end) of each facility described by kind and known place; a park or
    zone only when tied to a state other than its place's (corpus rule 17)."""
    for found in _FACILITY_IN.finditer(view.sentence):
        if _PARK_OR_ZONE.search(found["name"]) and not zone_tied(
            view, gazetteer, *_span(view, found)
        ):
            continue  # "an industrial park in Horgos" with only China named: no tie
        if _new_and_placed(view, found):
            name = _QUOTE_MARKS.sub("", found["name"])
            kind = EntityKind.PLACE if found["logistics"] else EntityKind.PROJECT
            yield kind, name[:1].upper() + name[1:], *_span(view, found)
    for found in _RU_FACILITY_IN.finditer(view.sentence):
        if _PARK_OR_ZONE.search(found["name"]) and not zone_tied(
            view, gazetteer, *_span(view, found)
        ):
            continue
        if _new_and_placed(view, found):
            facility = nominative_phrase(found["facility"])
            facility = facility[:1].upper() + facility[1:]  # also when the dictionary lacks a word
            name = f"{facility}{found['name'][len(found['facility']) :]}"
            yield EntityKind.PLACE, name, *_span(view, found)


#: Parks and zones, which need a tie to another state (rule 17).
_PARK_OR_ZONE = re.compile(r"\b(?:park|zone)\b|(?<![\w-])(?:парк|зон)\w*", re.IGNORECASE)
#: A logistics hub is a port as a whole (rule 23), unlike a new one or a container hub or
#: terminal within it.
_PORT_AS_A_WHOLE = re.compile(
    r"^(?!.*(?:\bnew\b|(?<![\w-])нов))(?:.*\s)?(?:logistics\s+hub|логистическ\w+\s+хаб\w*)$",
    re.IGNORECASE,
)


def _new_and_placed(view: SentenceView, found: re.Match[str]) -> bool:
    """True when the facility stands in a known place (or one the text calls a city) and no
    known project's or crossing's name stands in it; a hub in a held port is that port."""
    place_start = view.start + found.start("place")
    known_place = any(m.start == place_start and m.ids(EntryKind.PLACE) for m in view.matches)
    if not known_place and not found["city"]:
        return False
    if _PORT_AS_A_WHOLE.search(found["facility"] if "facility" in found.re.groupindex else "") or (
        "logistics" in found.re.groupindex and _PORT_AS_A_WHOLE.search(found["logistics"] or "")
    ):
        kinds = {
            view.context.place_kinds.get(i)
            for m in view.matches
            if m.start == place_start
            for i in m.ids(EntryKind.PLACE)
        }
        if kinds & {PlaceKind.PORT}:
            return False  # "the renewed logistics hub in Turkmenbashi": the held port (rule 23)
    start = view.start + found.start("name")
    return not view.known_name_over(start, place_start, EntryKind.PROJECT, EntryKind.CROSSING)


def _span(view: SentenceView, found: re.Match[str]) -> tuple[int, int]:
    """Where the facility's name stands in the whole text."""
    return view.start + found.start("name"), view.start + found.end("name")
