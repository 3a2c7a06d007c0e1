"""Lines described by the places they link: "a railway linking X and Y with Z", "a road
from X to Y", "железная дорога от X до Y".

An indefinite (or "new") line noun followed by "linking", "connecting", "between" or
"from … to" and capitalised places is a line named by those ends ("X – Y – Z railway"),
when no known line has two of those names (then it is that line, in other words) and no
known project is named in the phrase. Each end keeps its own words ("Jayhun-Panji Poyon in
Tajikistan" gives "Jayhun – Panji Poyon"; the country is where, not a stop). A line said to be
built, finished or laid names its ends with "the" too ("finished the railway from Bukhara to
Khiva", "достроили железную дорогу из Бухары в Хиву", "прокладывают пути из Самарканда в
Ургут"): the works say it is a line of its own, not a way between two towns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.ner_places import place_in_nominative
from caravan.analysis.ingest.russian_ner import place_lemma
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["built_lines", "linking_lines"]

_NAME = r"[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,2}"
_STOP = _NAME + r"(?:\s?[-–—]\s?" + _NAME + r")*"
_IN_COUNTRY = r"(?:\s+in\s+[A-Z][a-z]+)?"
_EN = re.compile(
    r"\b(?:a|an|a\s+new|the\s+new)\s+(?P<noun>railway|railroad|rail\s+line|road|highway|motorway"
    r"|pipeline|power\s+line)\s+(?:linking|connecting|that\s+(?:will\s+)?(?:links?|connects?)|between"
    r"|from)\s+(?P<ends>" + _STOP + _IN_COUNTRY
    + r"(?:,?\s+(?:and|with|to)\s+" + _STOP + _IN_COUNTRY + r"){1,4})"
)  # fmt: skip
_RU_NAME = r"[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?"
_RU = re.compile(
    r"(?<![\w-])(?P<noun>(?:нов\w+\s+)?(?:железн\w+\s+дорог\w+|автодорог\w+|автомобильн\w+\s+дорог\w+"
    r"|трасс\w+))\s+от\s+(?P<a>" + _RU_NAME + r")\s+до\s+(?P<b>" + _RU_NAME + r")"
)
#: A line built from one place to another: "the railway from Bukhara to Khiva".
_EN_BUILT = re.compile(
    r"\bthe\s+(?P<noun>railway|railroad|rail\s+line|line|road|highway)\s+from\s+(?P<a>"
    + _NAME + r")\s+to\s+(?P<b>" + _NAME + r")\b"
)  # fmt: skip
_RU_BUILT = re.compile(
    r"(?<![\w-])(?P<noun>(?:железн\w+\s+дорог\w+|автодорог\w+|автомобильн\w+\s+дорог\w+|пут[иья]"
    r"|(?:железнодорожн\w+\s+)?лини\w+|ветк\w+))\s+из\s+(?P<a>" + _RU_NAME + r")\s+во?\s+(?P<b>"
    + _RU_NAME + r")"
)  # fmt: skip
#: A second line after a built one that borrows its noun: "пути из Самарканда в Ургут, а также
#: от станции Байткурган до Паркентского района".
_RU_ALSO = re.compile(
    r",?\s+а\s+также\s+(?P<span>(?:от|из)\s+(?:станции\s+)?(?P<a>" + _RU_NAME + r")\s+(?:до|в)\s+"
    r"(?P<b>[А-ЯЁ][а-яё]+(?:ого|его|ой)\s+(?:района|области)|" + _RU_NAME + r"))"
)
#: Works on a line: it is being built, laid or finished.
_WORKS = re.compile(
    r"\b(?:built|building|build|laid|laying|finished|completed|constructed|construction)\b"
    r"|(?<![\w-])(?:\w*стро\w+|проклад\w+|проложи\w+|уложи\w+|укладк\w+)",
    re.IGNORECASE,
)
_COUNTRY_TAIL = re.compile(r"\s+in\s+[A-Z][a-z]+$")
_RU_NOUNS = {
    "железн": "Железная дорога",
    "автодорог": "Автодорога",
    "автомобильн": "Автодорога",
    "трасс": "Трасса",
    "пут": "Пути",
    "лини": "Линия",
    "ветк": "Ветка",
}


def linking_lines(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each line the sentence describes by the places it links."""
    for found in _EN.finditer(view.sentence):
        pieces = [
            _COUNTRY_TAIL.sub("", p) for p in re.split(r",?\s+(?:and|with|to)\s+", found["ends"])
        ]
        ends = [e.strip() for p in pieces for e in re.split(r"\s?[-–—]\s?", p) if e.strip()]
        name = " – ".join(ends) + " " + found["noun"]
        yield from _new(view, gazetteer, ends, name, found.start(), found.end())
    for found in _RU.finditer(view.sentence):
        ends = [place_in_nominative(found[g], "до ") for g in ("a", "b")]  # both genitive
        noun = next(v for k, v in _RU_NOUNS.items() if k in found["noun"].casefold())
        name = f"{noun} {' – '.join(ends)}"
        yield from _new(view, gazetteer, ends, name, found.start(), found.end())


def built_lines(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each line the sentence says is built, finished or laid, named by its
    two ends; the ends are the line's, no new places of their own."""
    if not _WORKS.search(view.sentence):
        return
    for found in _EN_BUILT.finditer(view.sentence):
        name = f"{found['a']} – {found['b']} {found['noun']}"
        yield from _new(view, gazetteer, [found["a"], found["b"]], name, found.start(), found.end())
    for found in _RU_BUILT.finditer(view.sentence):
        ends = [place_in_nominative(found["a"], "из "), place_lemma(found["b"])]
        noun = next(v for k, v in _RU_NOUNS.items() if k in found["noun"].casefold())
        name = f"{noun} {' – '.join(ends)}"
        yield from _new(view, gazetteer, ends, name, found.start(), found.end())
        also = _RU_ALSO.match(view.sentence, found.end())
        if also is not None:
            name = f"{noun} {also['span']}"  # the second line as written, with the noun borrowed
            ends = [also["a"], also["b"]]
            yield from _new(view, gazetteer, ends, name, also.start("span"), also.end())


def _new(
    view: SentenceView, gazetteer: Gazetteer, ends: list[str], name: str, start: int, end: int
) -> Iterator[tuple[str, int, int]]:
    at, until = view.start + start, view.start + end
    if len(ends) < 2 or view.known_name_over(at, until, EntryKind.PROJECT):
        return
    keys = {tokenise(e)[0].key for e in ends}
    if gazetteer.project_with_words(keys, at_least=2):
        return  # a known line's ends, in other words
    if all(gazetteer.is_country_word(k) for k in keys):
        return  # "a railway linking China and Europe": countries, not a line's ends
    yield name, at, until
