"""New facilities described, not named, in a sentence that reports their building.

"Construction began … on a bypass line around Almaty", "a freight terminal for Kazakhstan
was built", "построен новый терминал для казахстанских грузов", "начато строительство
обходной линии вокруг Алматы": an indefinite facility noun phrase (an article "a"/"an", or
"new" / "новый") whose head says what it is (bypass, terminal, depot, bridge, warehouse …),
followed by where or whom it serves ("around Almaty", "for Kazakhstan", "вокруг Алматы"),
in a sentence with a step of building or opening, is a new project named by the phrase.
A definite phrase ("the terminal") refers to a thing already named, and is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.analysis.ingest.morphology import nominative_phrase

__all__ = ["built_facilities"]

_EN_HEAD = (
    r"(?:bypass(?:\s+(?:line|road|railway))?|(?:freight|container|grain|oil|passenger|cargo)\s+"
    r"terminal|terminal|depot|bridge|warehouse|logistics\s+(?:centre|center|hub)|overpass"
    r"|marshalling\s+yard|transshipment\s+(?:point|hub|station))"
)
_EN = re.compile(
    r"\b(?:a|an|a\s+new|an\s+additional)\s+(?P<name>(?:(?!the\b|a\b|an\b)[a-z-]+\s+){0,2}?"
    + _EN_HEAD
    + r"\s+(?:around|for|near|outside|at|in)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})"
)
_RU_HEAD = (
    r"(?:обходн\w+\s+(?:лини\w+|дорог\w+|железн\w+\s+дорог\w+)|терминал\w*|депо|мост\w*|склад\w*"
    r"|логистическ\w+\s+(?:центр\w*|хаб\w*)|путепровод\w*|сортировочн\w+\s+станци\w+)"
)
_RU = re.compile(
    r"(?<![\w-])(?P<name>(?:нов\w+\s+)?(?:[а-яё-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ей|ую|юю|ых|их|ым|им)\s+){0,2}?" + _RU_HEAD
    + r"\s+(?:вокруг|для|возле|у|под)\s+(?:[а-яё]+\s+)?[А-ЯЁ][\w-]+)"
)  # fmt: skip
#: A step of building or opening in the sentence.
_BUILT = re.compile(
    r"\b(?:built|constructed|construction|building|opened|commissioned|launched|completed"
    r"|erected)\b|(?<![\w-])(?:постро\w+|строительств\w*|строит\w*|возвед\w+|открыт\w*|открыл\w*"
    r"|введ[её]н\w*|запущен\w*|сооружен\w*)(?![\w-])",
    re.IGNORECASE,
)


def built_facilities(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each new facility the sentence describes as built or opened."""
    if not _BUILT.search(view.sentence):
        return
    for found in _EN.finditer(view.sentence):
        yield from _new(view, found, found["name"][:1].upper() + found["name"][1:])
    for found in _RU.finditer(view.sentence):
        yield from _new(view, found, _nominative_head(found["name"]))


def _nominative_head(name: str) -> str:
    """The Russian phrase with its facility noun (and adjectives) in the nominative
    ("обходной линии вокруг Алматы" → "Обходная линия вокруг Алматы")."""
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        if words[cut].casefold() in {"вокруг", "для", "возле", "у", "под"}:
            return f"{nominative_phrase(' '.join(words[:cut]))} {' '.join(words[cut:])}"
    return name


def _new(view: SentenceView, found: re.Match[str], name: str) -> Iterator[tuple[str, int, int]]:
    start, end = view.start + found.start("name"), view.start + found.end("name")
    if not view.known_name_over(start, end, EntryKind.PROJECT, EntryKind.CROSSING):
        yield name, start, end
