"""Places the knowledge base lacks, named with a word that says they are places.

A name after a settlement or station noun ("the city of Kulob", "станцией Ердауит",
"городом Маргилан"), before "station" ("Yerdaut station") or a lower-case "city" after a
preposition ("from Shanlo city"), set beside its country in
brackets ("Хаваст (Узбекистан)") or called a capital ("Shenyang, capital of …") is a place;
when no known name covers it, it is proposed as new. A name in any other place of a
sentence is left alone: capitalised words are too often people, companies or regions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser, name_in_case
from caravan.analysis.ingest.tokens import CYRILLIC_NAME, LATIN_NAME, tokenise
from caravan.model.enums import PlaceKind

__all__ = ["beside_country", "new_cities", "typed_places", "venues"]


#: (pattern with a ``name`` group, whether a country must follow in brackets).
_RULES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:the\s+)?(?:city|town|village|settlement|station|port)\s+of\s+(?P<name>"
        + LATIN_NAME
        + r")"
    ),
    re.compile(r"(?<![\w-])(?P<name>" + LATIN_NAME + r")\s+(?:railway\s+)?station\b"),
    # a name before a lower-case "city" after a preposition: "a delegation from Shanlo city"
    re.compile(
        r"\b(?:from|in|to|of|near)\s+(?P<name>"
        + LATIN_NAME
        + r")\s+city(?=\s*[,.;:)]|\s+(?:in|and|to|at|on)\b)"
    ),
    re.compile(r"(?<![\w-])(?P<name>" + LATIN_NAME + r"),\s+(?:the\s+)?capital\s+of\b"),
    re.compile(
        r"(?<![\w-])(?:город|города|городу|городом|городе|станция|станции|станцию|станцией"
        r"|пос[её]лок|пос[её]лка|пос[её]лке|пос[её]лком|село|села|селе|селом|аул|аула|ауле"
        r"|кишлак|кишлака|кишлаке)\s+«?(?P<name>" + CYRILLIC_NAME + r")»?"
    ),
    re.compile(
        # after a word of place or route ("на Хаваст (Узбекистан)", "to Gorgan (Iran)"): a
        # company's name is often followed by its country too, but not after these
        r"(?:\b(?:to|in|at|via|through|from|and|near)\s+|(?<![\w-])(?:на|в|во|через|до|из|и|под)\s+|,\s+)"
        r"(?P<name>" + CYRILLIC_NAME + "|" + LATIN_NAME + r")\s+\((?P<country>[^()]{3,30})\)"
    ),
)
#: Where an event was held: "the Import Expo in Shanghai", "a forum in Shenyang", "на ярмарке
#: в Урумчи" (a Russian name after "в" is in the locative: read back to the nominative).
_VENUE = re.compile(
    r"\b(?i:expo|fair|forum|exhibition|summit|conference)\s+in\s+(?P<name>" + LATIN_NAME + r")\b"
    r"|(?<![\w-])(?i:ярмарк\w*|форум\w*|выставк\w*|саммит\w*|конференци\w*)\s+в\s+(?P<ru>"
    + CYRILLIC_NAME
    + r")(?![\w-])"
)

_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "январе", "феврале", "марте", "апреле", "мае", "июне",
     "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"}
)  # fmt: skip

#: A place set beside its country: "в Баку, в Азербайджан", "to Gorgan, in Iran".
_BESIDE_COUNTRY = re.compile(
    r"(?:(?<![\w-])(?:в|во|из|до|через)\s+)(?P<name>" + CYRILLIC_NAME + r"),\s+(?:в|во)\s+"
    r"(?P<country>[А-ЯЁ][а-яё]+)(?![\w-])"
    r"|\b(?:to|in|from|via)\s+(?P<en>" + LATIN_NAME + r"),\s+in\s+(?P<en_country>[A-Z][a-z]+)\b"
)

#: Words written with a capital that are not places.
_NOT_PLACES = frozenset(
    {"the", "a", "new", "old", "read", "see", "also", "photo", "source", "north", "south", "east",
     "west", "northwest", "northeast", "southwest", "southeast", "central", "western", "eastern",
     "railway", "rail", "train", "bus", "metro", "power", "pumping", "compressor", "gas", "oil",
     "police", "space", "petrol", "filling", "border", "customs", "terminal", "container",
     "freight", "cargo", "river", "sea", "dry", "main", "this", "that", "each"}
)  # fmt: skip


def typed_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each place the sentence names as a place and nobody knows."""
    for pattern in _RULES:
        for found in pattern.finditer(view.sentence):
            start, end = view.start + found.start("name"), view.start + found.end("name")
            if "country" in pattern.groupindex and not _country_named(view, found):
                continue
            if pattern is _RULES[0] and _a_place_in_a_region(
                view.text, view.start + found.start(), end
            ):
                continue  # "Horgos, a border city of Xinjiang": the region the city lies in
            if _unknown(view, gazetteer, found["name"], start, end):
                yield found["name"], start, end


#: "a (border) city of X" describes a city by the region it lies in; so does "city of X
#: Province" ("Weinan, a city of Shaanxi Province"): X is the region, which is not labelled.
_INDEFINITE_BEFORE = re.compile(
    r"\b[Aa]n?\s+(?:(?!(?:in|at|of|on|to|near|from|the)\s)[\w-]+\s+){0,2}$", re.IGNORECASE
)
_REGION_AFTER = re.compile(
    r"\s+(?:(?:Uygur|Uyghur|Hui|Zhuang)\s+)?(?:Autonomous\s+)?(?:Province|Region|Oblast|Prefecture)\b"
)


def _a_place_in_a_region(text: str, start: int, end: int) -> bool:
    """True when "city of X" at ``start`` names the region X a city lies in."""
    return bool(
        _INDEFINITE_BEFORE.search(text, max(0, start - 40), start) or _REGION_AFTER.match(text, end)
    )


#: A city being built or founded: "the new city of Alatau", "строится новый город Алатау".
_NEW_CITY = re.compile(
    r"\bnew\s+(?:city|town)\s+(?:of\s+|called\s+|named\s+)?(?P<name>" + LATIN_NAME + r")"
    r"|(?<![\w-])нов\w+\s+город\w*\s+«?(?P<ru>" + CYRILLIC_NAME + r")»?"
)


def new_cities(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each new city the sentence names: unknown, or held only as an
    alias of a row of another kind (corpus rule 46: "Alatau", held as a name of the Zhetygen
    junction, is a city being built, not that station); a held city, or a row's own name, is
    that row."""
    for found in _NEW_CITY.finditer(view.sentence):
        group = "name" if found["name"] else "ru"
        start, end = view.start + found.start(group), view.start + found.end(group)
        held = [m for m in view.matches if m.start < end and start < m.end]
        if any(
            m.ids(EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.COUNTRY)
            or any(_own_name(gazetteer, e.id, found[group]) for e in m.entries)
            or any(
                view.context.place_kinds.get(i) == PlaceKind.CITY for i in m.ids(EntryKind.PLACE)
            )
            for m in held
        ):
            continue  # a held city, or a place's own name: that place
        if not held and not _unknown(view, gazetteer, found[group], start, end):
            continue
        yield found[group], start, end


def _own_name(gazetteer: Gazetteer, place_id: str, written: str) -> bool:
    """True when ``written`` is the held place's own name (its English name in any script:
    "Алматы" of Almaty), not only one of its aliases ("Alatau" of Zhetygen)."""
    key = " ".join(t.key for t in tokenise(written))
    return any(
        e.id == place_id
        and e.kind is EntryKind.PLACE
        and not e.alias
        and fuzz.ratio(" ".join(t.key for t in tokenise(e.label)), key) >= _SAME_NAME
        for e in gazetteer.entries
    )


#: How alike a written name and a held English name are when one is the other in another
#: script ("Алматы" read as "almat", "Almaty").
_SAME_NAME = 80


def venues(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown place an event was held in."""
    for found in _VENUE.finditer(view.sentence):
        group = "name" if found["name"] else "ru"
        start, end = view.start + found.start(group), view.start + found.end(group)
        if any(d.start < end and start < d.end for d in view.dates):
            continue  # a month ("the forum in March")
        if found[group].casefold() in _MONTHS or not _unknown(
            view, gazetteer, found[group], start, end
        ):
            continue
        name = found[group] if group == "name" else name_in_case(found[group], "loct")
        yield name, start, end


def beside_country(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown place set beside its country after a comma."""
    for found in _BESIDE_COUNTRY.finditer(view.sentence):
        group, country = ("name", "country") if found["name"] else ("en", "en_country")
        at = view.start + found.start(country)
        if not any(
            m.start == at and m.ids(EntryKind.COUNTRY, EntryKind.FOREIGN) for m in view.matches
        ):
            continue
        start, end = view.start + found.start(group), view.start + found.end(group)
        if view.known_name_over(start, end):
            continue
        keys = [t.key for t in tokenise(found[group])]
        if not keys or keys[0] in _NOT_PLACES or gazetteer.is_country_word(keys[0]):
            continue
        if not _ROUTE_WORDS.search(view.sentence) or (
            group == "name" and not _geographic(found[group])
        ):
            continue  # "решение приняли в Минтрансе, в Узбекистане": an office, not a stop
        yield found[group], start, end


#: Words of a journey, which make "to X, in Y" a destination.
_ROUTE_WORDS = re.compile(
    r"\b(?:go|goes|went|travel\w*|ship\w*|ferr\w+|trains?|trucks?|rail|route|deliver\w*|arriv\w*|goods|cargo)\b"
    r"|(?<![\w-])(?:ид[уёе]т|идут|попада\w*|доставля\w*|везут|перевоз\w*|паром\w*|поезд\w*|маршрут\w*|груз\w*)",
    re.IGNORECASE,
)


def _unknown(view: SentenceView, gazetteer: Gazetteer, name: str, start: int, end: int) -> bool:
    """True when no known name covers ``name`` at ``start:end``, its first word is not one
    that names no place ("North", "Railway") and none of its words is a known name's or a
    country's."""
    if view.known_name_over(start, end):
        return False  # a known name (a place, a country, a project's word)
    keys = [t.key for t in tokenise(name)]
    if not keys or keys[0] in _NOT_PLACES:
        return False
    return not any(gazetteer.known_word(k) or gazetteer.is_country_word(k) for k in keys)


def _geographic(name: str) -> bool:
    """True unless the dictionary reads the Russian word as something other than a place name."""
    parses = analyser().parse(name.casefold())
    known = [p for p in parses if p.is_known]
    return not known or any("Geox" in p.tag for p in known)


def _country_named(view: SentenceView, found: re.Match[str]) -> bool:
    """True when the brackets after the name hold only a country's name."""
    start, end = view.start + found.start("country"), view.start + found.end("country")
    return any(
        m.start == start and m.end == end and m.ids(EntryKind.COUNTRY, EntryKind.FOREIGN)
        for m in view.matches
    )
