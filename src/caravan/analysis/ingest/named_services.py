"""Freight services and routes named by the chain of countries they link.

"The first China-Kyrgyzstan-Uzbekistan freight train", "the Tianshan China-Europe
(China-Central Asia) freight train", "мультимодального транспортного маршрута Китай –
Кыргызстан – Узбекистан – Туркменистан", "коридора «Китай — Кыргызстан — Узбекистан —
Афганистан»": a service or route the knowledge base lacks. A chain of two ("China-Europe
freight trains") is a kind of traffic, not one service, unless a name of its own leads it
("Tianshan"); a Russian route or corridor needs four countries, as an English corridor does,
when the sentence gives it a service or works of its own (rule 29: "запустило тестовый поезд по
маршруту Китай – … – Иран"; not "газ идет по маршруту …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["named_services"]

_LATIN = r"[A-Z][\w'’]+"
_CYRILLIC = r"[А-ЯЁ][а-яё]+"
_DASH = r"\s?[-–—]\s?"
_LINK_DASH = re.compile(_DASH)
_PLURAL_TRAINS = re.compile(r"\s+trains$")
#: An adjective's oblique masculine ending, read back to the nominative ("-ого" → "-ый").
_OBLIQUE_ADJECTIVE = re.compile(r"(?:ого|ому|ым|ом)$")
_TRAIN = re.compile(
    r"(?<![\w-])(?P<name>(?:(?!(?:The|A|An|First|This|That)\b)(?P<own>" + _LATIN + r")\s+)?"
    r"(?P<chain>" + _LATIN + r"(?:" + _DASH + _LATIN + r"){1,5})"
    r"(?:\s+\([^()]{3,60}\))?\s+(?:freight|container|cargo)\s+trains?)\b"
)
_RU_ROUTE = re.compile(
    r"(?P<head>(?:(?:международн|мультимодальн|интермодальн|транспортн)\w*\s+){0,3}"
    r"(?:коридор\w*|маршрут\w*))\s+[\"«„]?(?P<chain>"
    + _CYRILLIC
    + r"(?:"
    + _DASH
    + _CYRILLIC
    + r"){3,6})"
)

#: A service or works of a route's own (corpus rule 29), in its sentence or the one before: a
#: first, pilot, test or regular run, a launch, a trial operation, a tariff, an operator (logistics
#: companies engaged for it), construction.
_SERVICE = re.compile(
    r"(?<![\w-])(?:перв\w+|пробн\w+|тестов\w+|пилотн\w+|регулярн\w+|запуст\w+|запуск\w*|откры\w+"
    r"|стартова\w+|эксплуатаци\w+|тариф\w*|оператор\w*|строительств\w*"
    r"|логистическ\w+\s+компани\w+)(?![\w-])",
    re.IGNORECASE,
)


def named_services(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each freight service or route named by a chain of countries."""
    for found in _TRAIN.finditer(view.sentence):
        links = _LINK_DASH.split(found["chain"])
        countries = sum(_is_country(gazetteer, link) for link in links)
        if countries < len(links) - 1:
            continue  # a line between places ("Urumqi-Almaty"), not a chain of countries
        if len(links) < 3 and found["own"] is None:
            continue  # "China-Europe freight trains": a kind of traffic
        name = _PLURAL_TRAINS.sub(" train", found["name"])
        yield name, view.start + found.start("name"), view.start + found.end("name")
    for found in _RU_ROUTE.finditer(view.sentence):
        links = _LINK_DASH.split(found["chain"])
        if not all(_is_country(gazetteer, link) for link in links):
            continue
        if not any(_SERVICE.search(v.sentence) for v in view.with_previous(1)):
            continue  # "газ идет по маршруту …", a route promoted: no service of its own (rule 29)
        name = f"{_masculine_nominative(found['head'])} {found['chain']}"
        yield name, view.start + found.start(), view.start + found.end()


def _is_country(gazetteer: Gazetteer, word: str) -> bool:
    """True when ``word`` names a country (a link of a chain of countries)."""
    tokens = tokenise(word)
    return bool(tokens) and gazetteer.is_country_word(tokens[0].key)


def _masculine_nominative(phrase: str) -> str:
    """ "международного мультимодального транспортного маршрута" → "Международный
    мультимодальный транспортный маршрут" (коридор and маршрут are masculine); an adjective
    the dictionary lacks ("мультимодального") takes the regular ending."""
    words = []
    for word in phrase.split():
        parse = analyser().parse(word.casefold())[0]
        form = parse.inflect(
            {"nomn", "sing", "masc"} if parse.tag.POS == "ADJF" else {"nomn", "sing"}
        )
        if parse.is_known and form is not None:
            words.append(str(form.word))
        else:
            words.append(_OBLIQUE_ADJECTIVE.sub("ый", word.casefold()))
    written = " ".join(words)
    return written[:1].upper() + written[1:]
