"""Stations and logistics centres named after a settlement: "Andijan railway station", "the
Andijan logistics center", "станция Ланьчжоу", "на станциях Жылга и Дарбаза". The knowledge
base holds the city or junction (or the line the name ends), not the station (corpus rules 6
and 23); a held port, dry port or border post is the facility itself (rule 23), and a
crossing's post its crossing (rule 16), so neither gives a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise
from caravan.analysis.ingest.world_places import a_system_town
from caravan.model.enums import PlaceKind

__all__ = ["station_names"]

_EN_PLACE = r"(?-i:[A-Z][\w'’]+(?:-\d+)?)"
_RU_PLACE = r"[А-ЯЁ][а-яё]+(?:-\d+|-[А-ЯЁ][а-яё]+)?"
#: "Andijan railway station", "the Andijan logistics center".
_EN = re.compile(
    r"(?<![\w-])(?P<place>" + _EN_PLACE + r")\s+(?P<head>(?:railway\s+|rail\s+)?station|"
    r"logistics\s+(?:center|centre|hub))(?![\w-])"
)
#: "станция Ланьчжоу", "со станции Душанбе-2", "на станциях Жылга и Дарбаза".
_RU = re.compile(
    r"(?<![\w-])(?:[Сс]танци(?:я|и|ю|ей|ях|ям|ями))\s+[«\"]?(?P<place>" + _RU_PLACE + r")[»\"]?"
    r"(?:\s+и\s+[«\"]?(?P<second>" + _RU_PLACE + r")[»\"]?)?(?![\w-])"
)


def station_names(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each station or logistics centre named after a settlement or a
    line's end that is no held facility; a Russian one spans its place's name (two may share
    the head)."""
    for found in _EN.finditer(view.sentence):
        if not _a_town(view, gazetteer, found.start("place"), found.end("place")):
            continue  # "The station will work …": a word opening the sentence, no town
        if _a_new_facility(view, gazetteer, found.start("place"), found.end("place")):
            head = re.sub(r"\s+", " ", found["head"])
            yield f"{found['place']} {head}", *_span(view, found.start(), found.end())
    for found in _RU.finditer(view.sentence):
        for group in ("place", "second"):
            if found[group] is None:
                continue
            start, end = found.start(group), found.end(group)
            if _a_new_facility(view, gazetteer, start, end):
                held = _held(view, *_span(view, start, end))
                name = f"Станция {found[group]}" if held else found[group]  # an unknown town's
                yield name, *_span(view, start, end)


def _a_town(view: SentenceView, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """True when the word at ``start:end`` (in the sentence) is a held place or a town of the
    system the world gazetteer holds."""
    at, until = view.start + start, view.start + end
    if any(m.start <= at and until <= m.end and m.ids(EntryKind.PLACE) for m in view.matches):
        return True
    return a_system_town(view.sentence[start:end], gazetteer)


def _held(view: SentenceView, start: int, end: int) -> bool:
    """True when a held place's name stands at ``start:end``: the station is named with its
    head ("Станция Ланьчжоу"); an unknown station is named by its own name ("Жанатурмыс")."""
    return any(
        m.start <= start and end <= m.end and not m.borrowed and m.ids(EntryKind.PLACE)
        for m in view.matches
    )


def _span(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    return view.start + start, view.start + end


def _a_new_facility(view: SentenceView, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """True when the name at ``start:end`` (in the sentence) is a settlement's or a line end's,
    not a country, a crossing, a held facility place or a held name of the whole station (a
    project borrowed from an earlier sentence over many words is no name here)."""
    start, end = view.start + start, view.start + end
    if any(gazetteer.is_country_word(t.key) for t in tokenise(view.text, start, end)):
        return False
    for match in view.matches:
        if match.start < end and start < match.end and not match.borrowed:
            if match.ids(EntryKind.CROSSING, EntryKind.COUNTRY, EntryKind.FOREIGN):
                return False  # a crossing's post is its crossing (rule 16)
            if match.end > end or match.start < start:
                return False  # a word of a longer held name
            kinds = {view.context.place_kinds.get(i) for i in match.ids(EntryKind.PLACE)}
            if kinds - {PlaceKind.CITY, PlaceKind.JUNCTION, None}:
                return False  # a held port, dry port or border post (rule 23)
    return True
