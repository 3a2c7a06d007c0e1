"""New Russian places from the statistical model's place names, kept only with a cue.

The model (``russian_ner``) tags many names as places: regions, rivers, passes, known
cities in a case the gazetteer missed. A place name it finds that no known name covers is
proposed as a new place only where the sentence says it is a settlement or a stop:

- **a list with a known place**: "станциям Сарыагаш, Жетысай и Жылга" (an unknown item the
  model tags as a place, or the dictionary reads as a geographical name), or after a plural
  settlement noun ("между городами Бухарой и Кунмином");
- **the head of a city**: "аким Костаная", "мэр Хэфэя", "хоким Ферганы";
- **an event or facility in it**: "на бизнес-форуме в Гуанчжоу", "штаб-квартира … в Хэфэе";
- **a document signed in it**: "соглашение, подписанное 12 ноября 2024 года в Баку";
- **its economy or its people**: "в хозяйство Пенджикента", "жители Хорога";
- **a journey**: "из / через / до X" in a sentence about trains, freight or a route.

Natural features ("реки Амударьи", "перевал Соок"), regions ("области", "-стан") and
abbreviations are left. Names are given in the nominative (pymorphy3's geographical
reading), with a lower confidence than the rules' (the model's guess is weaker evidence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.russian_ner import place_lemma
from caravan.analysis.ingest.tokens import CYRILLIC_NAME, tokenise

__all__ = ["NER_CONFIDENCE", "model_places", "place_in_nominative"]

#: Confidence of a place the model found (rules' new things have 0.5).
NER_CONFIDENCE = 0.45

_NAME = re.compile(r"^" + CYRILLIC_NAME + r"$")
#: Words before a name that make it a natural feature or an area, not a settlement.
_FEATURE_BEFORE = re.compile(
    r"(?<![\w-])(?:рек\w*|перевал\w*|долин\w*|озер\w*|озёр\w*|гор\w?|хреб\w+|ущель\w*|област\w*"
    r"|район\w*|округ\w*|уезд\w*|провинци\w*|регион\w*|месторождени\w*|канал\w*|пустын\w*)\s+$",
    re.IGNORECASE,
)
#: An official at the head of a city, whose city follows in the genitive.
_CITY_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?:аким\w*|мэр\w*|хоким\w*|градоначальник\w*)\s+(?:города\s+)?$", re.IGNORECASE
)
#: An event or facility placed "в X": "на бизнес-форуме в Гуанчжоу", "штаб-квартира … в Хэфэе".
_HELD_IN_BEFORE = re.compile(
    r"(?:форум\w*|выставк\w*|ярмарк\w*|саммит\w*|конференци\w*|штаб-квартир\w*|завод\w*|офис\w*"
    r"|терминал\w*|хаб\w*|порт\w*|центр\w*|представительств\w*)"
    r"(?:\s+[а-яё-]+){0,4}?\s+(?:в|во)\s+$",
    re.IGNORECASE,
)
#: A document signed in it: "подписанное 12 ноября 2024 года в Баку".
_SIGNED_IN_BEFORE = re.compile(
    r"(?<![\w-])(?:подписа\w*|заключ[её]н\w*)(?:\s+[\w-]+){0,5}?\s+(?:в|во)\s+$", re.IGNORECASE
)
#: Its economy or its people: "в хозяйство Пенджикента", "жители Хорога".
_ITS_OWN_BEFORE = re.compile(r"(?<![\w-])(?:хозяйств\w*|экономик\w*|жител\w*)\s+$", re.IGNORECASE)
#: A stop of a journey: "из X", "через X", "до X".
_JOURNEY_BEFORE = re.compile(r"(?<![\w-])(?:из|через|до)\s+$", re.IGNORECASE)
_JOURNEY_WORDS = re.compile(
    r"(?<![\w-])(?:поезд\w*|груз\w*|маршрут\w*|состав\w*|контейнер\w*|перевоз\w*|доставк\w*"
    r"|отправ\w*|прибы\w*|рейс\w*)",
    re.IGNORECASE,
)
#: A plural settlement or stop noun before a list: "городами", "станций", "портов".
_PLURAL_PLACES_BEFORE = re.compile(
    r"(?<![\w-])(?:город(?:а|ов|ам|ами|ах)|станци(?:и|й|ям|ями|ях)|порт(?:ы|ов|ам|ами|ах)"
    r"|пос[её]лк(?:и|ов|ам|ами|ах))\s+$",
    re.IGNORECASE,
)
#: Items of a list: names joined by commas and "и".
_LIST_JOINT = re.compile(r"^(?:,\s*|\s+и\s+|,\s+и\s+)$")
#: A region or country by its ending ("Каракалпакстан"): not a settlement.
_LAND = re.compile(r"стан$", re.IGNORECASE)
#: A Russian adjective of a place ("Келесского района"): the area, not a settlement.
_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def model_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name in the nominative, start, end) of each unknown place the model found in the
    sentence where a cue says it is a settlement or a stop."""
    spans = [
        s
        for s in view.context.named_spans
        if s.kind == "LOC" and view.start <= s.start and s.end <= view.end
    ]
    if not spans:
        return
    for span in spans:
        if not _candidate_name(view, gazetteer, span.text, span.start, span.end):
            continue
        before = view.text[max(view.start, span.start - 60) : span.start]
        if _FEATURE_BEFORE.search(before):
            continue
        if _cued(view, gazetteer, span.start, span.end, before):
            yield place_in_nominative(span.text, before), span.start, span.end
    yield from _listed_beside(view, gazetteer, {(s.start, s.end) for s in spans})


def _cued(view: SentenceView, gazetteer: Gazetteer, start: int, end: int, before: str) -> bool:
    """True when the words around the name say it is a settlement or a stop."""
    if _CITY_HEAD_BEFORE.search(before) or _HELD_IN_BEFORE.search(before):
        return True
    if _SIGNED_IN_BEFORE.search(before) or _ITS_OWN_BEFORE.search(before):
        return True  # a signing in it, its economy or its people: a settlement
    if _JOURNEY_BEFORE.search(before) and _JOURNEY_WORDS.search(view.sentence):
        return True
    items = _list_items(view, start, end)
    if items and _PLURAL_PLACES_BEFORE.search(view.text[view.start : items[0][0]]):
        return True  # "между городами Бухарой и Кунмином"
    return any(_known_place(view, a, b) for a, b in items)


def _listed_beside(
    view: SentenceView, gazetteer: Gazetteer, tagged: set[tuple[int, int]]
) -> Iterator[tuple[str, int, int]]:
    """Untagged items of a list the model tagged a place in, beside a known place, that the
    dictionary reads as geographical names ("Сарыагаш, Жетысай и Жылга")."""
    done: set[tuple[int, int]] = set()
    for start, end in tagged:
        items = _list_items(view, start, end)
        if not any(_known_place(view, a, b) for a, b in items):
            continue
        for a, b in items:
            if (a, b) in tagged or (a, b) in done or _known_place(view, a, b):
                continue
            done.add((a, b))
            name = view.text[a:b]
            if _candidate_name(view, gazetteer, name, a, b) and _geographical(name):
                yield place_in_nominative(name, view.text[view.start : a]), a, b


#: Words after which a name stands in the genitive ("из Шицзячжуана", "аким Костаная") or
#: the instrumental ("между городами Бухарой и Кунмином": the list's case is its first item's).
_GENITIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:из|до|от|аким\w*|мэр\w*|хоким\w*|градоначальник\w*|хозяйств\w*|экономик\w*"
    r"|жител\w*)\s+$",
    re.IGNORECASE,
)
_INSTRUMENTAL_BEFORE = re.compile(r"(?<![\w-])[а-яё]+ами\s+(?:[А-ЯЁ][\w-]*(?:,\s*|\s+и\s+))*$")
#: Endings undone, by case: (ending after a vowel or consonant, the nominative's).
_CASE_ENDINGS = {
    "gent": ((r"(?<=[аеиоуыэюя])я$", "й"), (r"(?<=[бвгджзклмнпрстфхцчшщ])а$", "")),
    "ablt": ((r"(?<=[бвгджзклмнпрстфхцчшщ])[оеё]м$", ""), (r"ой$", "а"), (r"ей$", "я")),
}


def place_in_nominative(name: str, before: str) -> str:
    """The name in the nominative: the dictionary's geographical reading, else the ending of
    the case the words before govern undone ("Шицзячжуана" → "Шицзячжуан")."""
    lemma = place_lemma(name)
    if lemma != name:
        return lemma
    case = (
        "gent"
        if _GENITIVE_BEFORE.search(before)
        else "ablt"
        if _INSTRUMENTAL_BEFORE.search(before)
        else None
    )
    for ending, nominative in _CASE_ENDINGS.get(case or "", ()):
        if re.search(ending, name):
            return re.sub(ending, nominative, name)
    return name


def _list_items(view: SentenceView, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised names coordinated with the name at ``start:end`` (itself included)."""
    names = [
        (view.start + m.start(), view.start + m.end())
        for m in re.finditer(CYRILLIC_NAME, view.sentence)
    ]
    if (start, end) not in names:
        return []
    at = names.index((start, end))
    first = last = at
    while first > 0 and _LIST_JOINT.match(view.text[names[first - 1][1] : names[first][0]]):
        first -= 1
    while last + 1 < len(names) and _LIST_JOINT.match(
        view.text[names[last][1] : names[last + 1][0]]
    ):
        last += 1
    return names[first : last + 1] if last > first else []


def _known_place(view: SentenceView, start: int, end: int) -> bool:
    return any(
        m.start <= start and end <= m.end and m.ids(EntryKind.PLACE, EntryKind.CROSSING)
        for m in view.matches
    )


def _candidate_name(
    view: SentenceView, gazetteer: Gazetteer, name: str, start: int, end: int
) -> bool:
    """True for one capitalised word (or two hyphenated) that no known name covers and that
    is no country's, region's or known place's word."""
    if not _NAME.match(name) or _ADJECTIVE.search(name) or view.known_name_over(start, end):
        return False
    if _LAND.search(place_lemma(name)):
        return False
    keys = [t.key for t in tokenise(name)]
    return not any(gazetteer.known_word(k) or gazetteer.is_country_word(k) for k in keys)


def _geographical(name: str) -> bool:
    """True when the dictionary reads the word as a geographical name."""
    return any("Geox" in p.tag for p in analyser().parse(name.casefold()))
