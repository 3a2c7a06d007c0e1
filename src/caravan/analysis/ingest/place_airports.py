"""Airports and dry ports named after a held place: "Navoi Airport", "Tashkent International
Airport", "the airport in Xi'an", "аэропорт Навои", "аэропорт - Пекин Столичный", "the Kolzhat
Dry Port" (corpus rule 6: the knowledge base holds the
city or the crossing, not the facility); a Russian airport "города X" is one whether or not the
town is held ("аэропорта города Ушарал": the town is new as well, read by the place rules).

The name is the place's as written and the head ("Navoi Airport", "Аэропорт Навои"); a
country's name ("Uzbekistan Airports", the operator) or a plural is no airport.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["own_named_airports", "place_airports"]

_EN = re.compile(
    r"(?P<place>(?-i:[A-Z][\w'’-]+))\s+(?P<head>(?:International\s+)?[Aa]irport|Dry\s+Port)"
    r"(?![\w-])"
)
#: "the airport in Xi'an": the head before its place.
_EN_OF = re.compile(
    r"\bthe\s+(?P<head>airport)\s+(?:in|of|at)\s+(?P<place>(?-i:[A-Z][\w'’-]+))(?![\w-])"
)
#: "аэропорт Навои", "базовый аэропорт - Пекин Столичный" (a dash, and an adjective after).
_RU = re.compile(
    r"(?<![\w-])(?P<head>[Аа]эропорт(?:а|у|ом|е)?)\s+(?:[-—–]\s+)?(?P<town>(?:города|г\.)\s*)?"
    r"(?P<place>[А-ЯЁ][\w-]+)"
    r"(?:\s+(?P<epithet>[А-ЯЁ][а-яё]+(?:ый|ий|ой)))?(?![\w-])"
)


#: An airport by a name of its own: "международного аэропорта «Манас»", "аэропорта «Тяньшань» в
#: Урумчи", or before its town: "международного аэропорта Тяньфу города Чэнду".
_RU_OWN_NAME = re.compile(
    r"(?<![\w-])(?P<intl>[Мм]еждународн\w+\s+)?[Аа]эропорт(?:а|у|ом|е)?\s+"
    r"(?:«(?P<quoted>[^«»]{2,30})»|(?P<named>[А-ЯЁ][а-яё-]+)(?=\s+(?:города|г\.)\s*[А-ЯЁ]))"
)
#: "аэропорт в Оше": a held town's airport, the head before the town.
_RU_IN = re.compile(r"(?<![\w-])[Аа]эропорт(?:а|у|ом|е)?\s+в\s+(?P<place>[А-ЯЁ][\w-]+)")


def own_named_airports(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each airport a Russian sentence names by a name of its own
    ("международный аэропорт «Манас»", "международный аэропорт Тяньфу города Чэнду")."""
    for found in _RU_OWN_NAME.finditer(view.sentence):
        own = found["quoted"] or found["named"]
        written = f"«{own}»" if found["quoted"] else own
        head = "Международный аэропорт" if found["intl"] else "Аэропорт"
        yield f"{head} {written}", view.start + found.start(), view.start + found.end()


def place_airports(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each airport the sentence names by a held place's name."""
    for found in _RU_IN.finditer(view.sentence):
        start, end = view.start + found.start("place"), view.start + found.end("place")
        towns = [m for m in view.of_kind(EntryKind.PLACE) if m.start <= start and end <= m.end]
        if not towns or any(
            gazetteer.is_country_word(t.key) for t in tokenise(view.text, start, end)
        ):
            continue  # "аэропорт в Китае": a country, not a town's airport
        yield f"Аэропорт в {found['place']}", view.start + found.start(), view.start + found.end()
    for pattern, english in ((_EN, True), (_EN_OF, True), (_RU, False)):
        for found in pattern.finditer(view.sentence):
            start, end = view.start + found.start("place"), view.start + found.end("place")
            town = not english and bool(found["town"])  # "аэропорта города Ушарал"
            if not town and not any(
                m.start <= start and end <= m.end for m in view.of_kind(EntryKind.PLACE)
            ):
                continue  # an unknown name's airport: the place rules read it
            if any(gazetteer.is_country_word(t.key) for t in tokenise(view.text, start, end)):
                continue
            held = (
                (EntryKind.PROJECT,)
                if "Port" in found["head"]
                else (
                    EntryKind.PROJECT,
                    EntryKind.CROSSING,
                )
            )
            if view.known_name_over(start, end, *held):
                continue  # a held project (or crossing, for an airport) of that name may be it
            head = re.sub(r"\s+", " ", found["head"])
            epithet = f" {found['epithet']}" if not english and found["epithet"] else ""
            name = (
                f"{found['place']} {head[:1].upper()}{head[1:]}"
                if english
                else (f"Аэропорт {found['place']}{epithet}")
            )
            span = (view.start + found.start(), view.start + found.end())
            if town:  # the town named after it is a place of its own, read by the place rules
                span = (view.start + found.start("head"), view.start + found.end("head"))
            yield name, *span
