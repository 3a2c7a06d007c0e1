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
from caravan.analysis.ingest.world_places import a_system_town

__all__ = ["city_chain_services", "first_trains", "named_services"]

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


#: A freight train or route named by the places it links, with words of its kind before its
#: head: "the Tianjin - Tashkent freight train route", "Chongqing - Tashkent regular freight
#: train route", "Ganzhou - Kazakhstan freight train", "Xinxiang - Central Asia freight train".
_CITY_TRAIN = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|First|This|That|New)\s)(?P<chain>(?P<first>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)(?:\s?[-–—]\s?(?-i:[A-Z][\w'’]+"
    r"(?:\s[A-Z][a-z'’][\w'’]*)?)){1,3})\s+(?P<kind>(?:(?:regular|international|container|cargo|freight"
    r"|rail|railway|rail-road|intermodal|combined|express|block|TIR|road|transport)\s+){1,4})"
    r"(?P<head>trains?\s+(?:route|service)|train|route|service)\b"
)
#: The same in Russian: "грузовой железнодорожный маршрут Чэнду - Ташкент", "поезд Урумчи —
#: Бишкек", "экспресс-доставка Урумчи - Бишкек".
_RU_CITY_ROUTE = re.compile(
    r"(?<![\w-])(?P<head>(?:(?:грузов|контейнерн|железнодорожн|международн|регулярн)\w*\s+){0,3}"
    r"(?:маршрут\w*|поезд\w*|экспресс-доставк\w*))\s+[\"«„]?(?P<chain>[А-ЯЁ][а-яё]+"
    r"(?:\s?[-–—]\s?[А-ЯЁ][а-яё]+){1,3})"
)
#: A run of a route's own in English (rule 29): a first, pilot, test or regular run, a launch,
#: a departure or an arrival.
_EN_SERVICE = re.compile(
    r"\b(?:first|maiden|inaugural|pilot|test|trial|regular|launch\w*|left|departed|set\s+off"
    r"|arrived|opened|started|began|runs?|ran|operat\w+)\b",
    re.IGNORECASE,
)


#: A first train from one place to another (rule 29: a first run makes the route a project of
#: its own): "the first freight train from Ganzhou to Kazakhstan", "первый грузовой поезд из
#: Урумчи в Бишкек". The route is named by its ends.
_FIRST_TRAIN = re.compile(
    r"\b(?P<train>first\s+(?:(?:direct|regular|international|container|cargo|freight|block)\s+){0,3}trains?)"
    r"\s+from\s+(?P<from>(?-i:[A-Z][\w'’]+)(?:\s(?-i:[A-Z][\w'’]+))?)\s+(?:to|for)\s+(?:the\s+)?"
    r"(?P<to>(?-i:[A-Z][\w'’]+)(?:\s(?-i:[A-Z][\w'’]+))?)",
    re.IGNORECASE,
)
_RU_FIRST_TRAIN = re.compile(
    r"(?<![\w-])(?P<train>перв\w+\s+(?:(?:грузов|контейнерн|международн|прям)\w*\s+){0,2}(?:поезд|состав)\w*)"
    r"\s+из\s+(?P<from>[А-ЯЁ][а-яё]+)\s+в\s+(?P<to>[А-ЯЁ][а-яё]+)",
    re.IGNORECASE,
)
#: A train that leaves one place for another on a new route: "The train left the northern port
#: city of Tianjin for Tashkent on a new route".
_NEW_ROUTE = re.compile(
    r"\b(?:left|departed(?:\s+from)?)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:(?:city|town|port)\s+of\s+)?"
    r"(?P<from>(?-i:[A-Z][\w'’]+))\s+for\s+(?P<to>(?-i:[A-Z][\w'’]+))\s+"
    r"(?P<train>on\s+a\s+new\s+(?:(?:freight|rail|railway|cargo)\s+)?route)\b"
)
#: Flights: an air route is no route of rule 29.
_AIR = re.compile(
    r"\b(?:flights?|fly|flew|airlines?|air\s+route)\b|(?<![\w-])(?:рейс|лет[аеия]\w*|полет|полёт|авиа)\w*",
    re.IGNORECASE,
)


def first_trains(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of the route a first train runs, named by its ends (the Russian ends
    put in the nominative); the span is the train's words, so the places stay places."""
    readings = (
        (_FIRST_TRAIN, lambda f: (f["from"], f["to"]), "{} - {} freight train"),
        (_NEW_ROUTE, lambda f: (f["from"], f["to"]), "{} - {} freight train route"),
        (
            _RU_FIRST_TRAIN,
            lambda f: (_nominative(f["from"], "gent"), _nominative(f["to"], "accs")),
            "Грузовой поезд {} - {}",
        ),
    )
    for pattern, ends_of, name in readings:
        for found in pattern.finditer(view.sentence):
            ends = ends_of(found)
            if all(_is_country(gazetteer, e) for e in ends) or not all(
                _a_place(view, gazetteer, e) for e in ends
            ):
                continue
            yield (
                name.format(*ends),
                view.start + found.start("train"),
                view.start + found.end("train"),
            )


def _nominative(word: str, case: str) -> str:
    """A place name written in ``case`` ("gent" after "из", "accs" after "в"), in the nominative:
    "Сианя" → "Сиань", "Чунцина" → "Чунцин"; a name written the same in every case stays."""
    parses = [p for p in analyser().parse(word.casefold()) if p.tag.POS == "NOUN" and case in p.tag]
    if not parses:
        return word
    best = next((p for p in parses if "Geox" in p.tag), parses[0])
    lemma = str(best.normal_form)
    return lemma[:1].upper() + lemma[1:]


def city_chain_services(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each freight train or route named by the places it links (rule
    29: a route the text gives a run of its own), with at least one end a place or a state of
    the system that the knowledge base or the world gazetteer knows."""
    sentences = list(view.with_previous(1))
    if _AIR.search(view.sentence):
        return  # a flight between two airports is no route of rule 29
    for found in _CITY_TRAIN.finditer(view.sentence):
        links = _LINK_DASH.split(found["chain"])
        if sum(_is_country(gazetteer, link) for link in links) == len(links):
            continue  # a chain of countries: ``named_services`` reads it
        if not all(_a_place(view, gazetteer, link) for link in links):
            continue
        if not any(_EN_SERVICE.search(v.sentence) for v in sentences):
            continue  # a route only named or promoted (rule 29)
        name = f"{found['chain']} {found['kind']}{found['head']}"
        yield name, view.start + found.start("chain"), view.start + found.end("head")
    for found in _RU_CITY_ROUTE.finditer(view.sentence):
        links = _LINK_DASH.split(found["chain"])
        if sum(_is_country(gazetteer, link) for link in links) == len(links):
            continue
        if not all(_a_place(view, gazetteer, link) for link in links):
            continue
        if not any(_SERVICE.search(v.sentence) for v in sentences):
            continue
        head = found["head"]
        if not head.casefold().startswith("экспресс"):
            head = _masculine_nominative(head)
        name = f"{head[:1].upper()}{head[1:]} {found['chain']}"
        yield name, view.start + found.start(), view.start + found.end()


def _a_place(view: SentenceView, gazetteer: Gazetteer, written: str) -> bool:
    """True when a link of a chain is a place, a state or a region the gazetteer holds, or a
    town of the system's states the world gazetteer knows ("Ganzhou", "Чэнду")."""
    tokens = tokenise(written)
    if not tokens:
        return False
    if gazetteer.is_country_word(tokens[0].key) or gazetteer.place_ids(
        tuple(t.key for t in tokens)
    ):
        return True
    if written in ("Central Asia", "Europe") or written.startswith("Центральн"):
        return True
    return a_system_town(written, gazetteer)


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
