"""Facilities of one kind said to work at each of several hosts: "при Таджикском национальном
университете и Горно-металлургическом институте Таджикистана работают культурные центры имени
Конфуция", "at Khujand State University and the Mining Institute, Confucius centres operate".

A plural head with its own name ("имени Конфуция", a capitalised name before it) after two or
more hosts joined by "и" / "and" is one facility at each host (rule 3: each is its own new
entity), named by its kind in the singular, its name and its host as written ("Культурный центр
имени Конфуция при Таджикском национальном университете"). A centre needs a tie to another state
(rule 17): China named in the sentence or one of the two before.

One institution of a kind that many hosts have, named by its founder's name ("Confucius
Institute", "Институт Конфуция"), is a facility of its host when a host follows: "the Confucius
Institute of Education and Culture at the Tajik National University", "Института Конфуция в
Самарканде" (the name as written, the Russian kind in the nominative).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.analysis.ingest.morphology import analyser

__all__ = ["hosted_facilities", "hosted_institutes"]

_RU_HOSTED = re.compile(
    r"(?<![\w-])[Пп]ри\s+(?P<hosts>[А-ЯЁ][^,.;:]{3,160}?)\s+(?:работают|действуют|открыты"
    r"|открылись|созданы|появились)\s+(?P<kind>(?:[а-яё-]+\s+){0,2}?(?:центры|институты"
    r"|мастерские|классы))\s+(?P<name>имени\s+[А-ЯЁ][а-яё]+|«[^«»]{2,40}»)"
)
_EN_HOSTED = re.compile(
    r"\b[Aa]t\s+(?P<hosts>(?:the\s+)?[A-Z][^,.;:]{3,160}?),?\s+(?P<kind>(?:[A-Z][\w-]*\s+){1,2}"
    r"(?:[a-z-]+\s+){0,2}(?:centres|centers|institutes|workshops|classrooms))\s+"
    r"(?:operate|work|are\s+at\s+work|have\s+opened|opened)\b"
)
#: "the Confucius Institute (of Education and Culture) at the Tajik National University".
_EN_INSTITUTE = re.compile(
    r"\b(?P<kind>Confucius\s+(?:Institute|Classroom|Cent(?:er|re))(?:\s+of\s+[A-Z]\w*"
    r"(?:\s+and\s+[A-Z]\w*)?)?)\s+(?P<prep>at|in)\s+(?:the\s+)?(?P<host>[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|of))*\s*[A-Z][\w'’-]*|[A-Z][\w'’-]*)"
)
#: "Института Конфуция в Самарканде", "Институт Конфуция при Ошском государственном университете".
_RU_INSTITUTE = re.compile(
    r"(?<![\w-])(?P<kind>(?:Институт|Класс|Центр)\w*\s+Конфуция)\s+(?P<prep>в|при)\s+"
    r"(?P<host>[А-ЯЁ][\w-]*(?:\s+[а-яё-]+){0,3}?\s+(?:университете|институте)|[А-ЯЁ][\w-]*)"
    r"(?=[\s,.;:)]|$)"
)
_RU_JOIN = re.compile(r"\s*,\s*|\s+и\s+")
_EN_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
#: China named near: the tie a centre needs (rule 17).
_CHINA = re.compile(r"(?i:китай|китаю|кнр|chin)")
_SENTENCES_BACK = 2


def hosted_facilities(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of one facility at each host the sentence lists before a named
    plural kind, when the text ties it to China."""
    if not any(_CHINA.search(s.sentence) for s in view.with_previous(_SENTENCES_BACK)):
        return
    for found in _RU_HOSTED.finditer(view.sentence):
        kind = _russian_singular(found["kind"].split())
        name = found["name"].replace("«", "").replace("»", "")
        yield from _each(view, found, _RU_JOIN, f"{kind} {name} при")
    for found in _EN_HOSTED.finditer(view.sentence):
        kind = re.sub(r"s$", "", found["kind"])
        yield from _each(view, found, _EN_JOIN, f"{kind[:1].upper()}{kind[1:]} at")


def _each(
    view: SentenceView, found: re.Match[str], join: re.Pattern[str], prefix: str
) -> Iterator[tuple[str, int, int]]:
    """One facility per host, when there are two or more and each is a capitalised name."""
    hosts: list[tuple[str, int]] = []
    at = found.start("hosts")
    for piece in join.split(found["hosts"]):
        offset = view.sentence.index(piece, at)
        hosts.append((piece, offset))
        at = offset + len(piece)
    if len(hosts) < 2 or not all(h.removeprefix("the ")[:1].isupper() for h, _ in hosts):
        return
    for host, offset in hosts:
        yield f"{prefix} {host}", view.start + offset, view.start + offset + len(host)


def _russian_singular(words: list[str]) -> str:
    """A plural Russian kind in the singular nominative, its adjectives agreeing ("культурные
    центры" → "Культурный центр")."""
    noun = analyser().parse(words[-1])[0]
    single = noun.inflect({"sing", "nomn"})
    head = str(single.word) if single is not None else words[-1]
    gender = (single or noun).tag.gender
    adjectives = []
    for word in words[:-1]:
        reading = analyser().parse(word)[0]
        form = reading.inflect({"sing", "nomn", gender} if gender else {"sing", "nomn"})
        adjectives.append(str(form.word) if form is not None else word)
    phrase = " ".join([*adjectives, head])
    return phrase[:1].upper() + phrase[1:]


def hosted_institutes(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of an institution of a kind named by its founder's name at the host
    that follows it, when no held project has the name."""
    for found in _EN_INSTITUTE.finditer(view.sentence):
        start, end = view.start + found.start(), view.start + found.end()
        if not view.known_name_over(start, end, EntryKind.PROJECT):
            yield f"{found['kind']} {found['prep']} {found['host']}", start, end
    for found in _RU_INSTITUTE.finditer(view.sentence):
        start, end = view.start + found.start(), view.start + found.end()
        if view.known_name_over(start, end, EntryKind.PROJECT):
            continue
        words = found["kind"].split()
        kind = " ".join([_russian_singular([words[0].casefold()]), words[1]])
        yield f"{kind} {found['prep']} {found['host']}", start, end
