"""Lines a text lists by their ends with no line noun beside them: an item of a list with
its length ("Kyzylzhar – Moyinty: 329 km (2025–2026);", "Мойынты – Кызылжар: 329 км"), a pair
with its length in brackets in a sentence on lines ("new lines, among them Moyynty - Kyzylzhar
(360 km) and Bakhty - Ayagoz (272 km)"), or
a section named after "sections —" ("work goes on at several sections — Moyynty–Kyzylzhar,
Maktaral–Darbaza and Ayagoz–Bakhty"); "its sections" are parts of a project named before.
Pairs coordinated before or after a plural line noun ("the Dostyk-Moyynty and Alashankou-Jinghe
sections", "автодороги Бейнеу-Акжигит и Шетпе-Актау"), and a quoted pair before a line noun
('the "Karaganda - Balkhash" highway') are lines too.
A pair whose two ends are close to the words of one known project's name is that project."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["listed_lines"]

_END = r"[A-ZА-ЯЁ][\w'’]+(?:-[A-ZА-ЯЁ][\w'’]+)?"
_PAIR = _END + r"(?:\s?[-–—]\s?" + _END + r"){1,3}"
#: An item of a list: a line's ends, a colon and its length, at the start of a line.
_ITEM = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[-•*]\s+)?(?P<name>" + _PAIR + r")\s*:\s*"
    r"(?:about\s+|около\s+)?\d[\d\s,.]*\s*(?:km|км|kilometres|kilometers|километр\w*)\b",
    re.MULTILINE,
)
#: Sections listed after their noun and a dash or colon.
_SECTIONS = re.compile(
    r"(?:\b(?:sections|lines|stretches)|(?<![\w-])(?:участк\w+|лини[ияй]\w*))\s*[—–:-]\s*"
    r"(?P<list>" + _PAIR + r"(?:\s*,\s*" + _PAIR + r")*(?:\s*,?\s+(?:and|и)\s+" + _PAIR + r")?)"
)
#: A pair of ends with its length in brackets ("Moyynty - Kyzylzhar (360 km)", "Мойынты –
#: Кызылжар (360 км)"), in a sentence that speaks of lines.
_WITH_LENGTH = re.compile(
    r"(?P<name>" + _PAIR + r")\s*\(\s*(?:about\s+|около\s+)?\d[\d\s,.]*\s*"
    r"(?:km|км|kilometres|kilometers|километр\w*)\s*\)"
)
_QUOTED_PAIR = r"[\"“«]?" + _PAIR + r"[\"”»]?"
_PAIR_LIST = _QUOTED_PAIR + r"(?:\s*,\s*" + _QUOTED_PAIR + r")*,?\s+(?:and|и)\s+" + _QUOTED_PAIR
#: Pairs coordinated before a plural line noun ('the "Taldykorgan - Ust-Kamenogorsk" and
#: "Karaganda - Balkhash" roads', "the Dostyk-Moyynty and Alashankou-Jinghe sections"), or after
#: it ("two new railways into service, Zhezkazgan-Beineu and Arkalyk-Shubarkol", "строятся
#: автодороги Бейнеу-Акжигит и Шетпе-Актау"): each pair is a line of its own.
_COORDINATED = re.compile(
    r"\bthe\s+(?P<before>" + _PAIR_LIST + r")\s+(?:railways|railroads|lines|roads|highways"
    r"|motorways|sections)\b"
    r"|\b(?:railways|railroads|lines|roads|highways|motorways)\b[^,.;:]{0,25},\s+(?P<after>"
    + _PAIR_LIST + r")(?=\s*[,.;:]|\s+(?:at|in|on|with|which|were|are|was)\b)"
    r"|(?<![\w-])(?:лини[ийя]|(?:авто|железные\s+)?дорог[иа]|трасс[ыа]|участк[иа]|магистрал[иь]"
    r"|ветк[иа])\s+(?:[а-яё]+\s+){0,2}?(?P<ru>" + _PAIR_LIST + r")(?=\s*[,.;:]|\s+[а-яё])"
)  # fmt: skip
#: One pair in quotes before a line noun ('On the "Karaganda - Balkhash" highway').
_QUOTED_ONE = re.compile(
    r"\bthe\s+[\"“](?P<name>"
    + _PAIR
    + r")[\"”]\s+(?:railway|railroad|line|road|highway|motorway)\b"
)
_LINE_WORD = re.compile(
    r"\b(?:lines?|railways?|railroads?|roads?|highways?|routes?)\b"
    r"|(?<![\w-])(?:лини\w*|железн\w+\s+дорог\w*|дорог\w*|магистрал\w*|трасс\w*)",
    re.IGNORECASE,
)
#: A possessive before the noun: the sections are parts of one project.
_OWNED = re.compile(r"(?:\b(?:its|their)|(?<![\w-])(?:его|её|ее|их))(?:\s+[\w-]+){0,2}\s*$")
_ONE_PAIR = re.compile(_PAIR)
#: Two words this close are one word written another way ("Moyynty", "Moyinty").
_SAME_WORD = 85


def listed_lines(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """Each listed pair of ends that is no known project: name, start, end."""
    spans: list[tuple[int, int]] = []
    for item in _ITEM.finditer(view.sentence):
        spans.append((item.start("name"), item.end("name")))
    if _LINE_WORD.search(view.sentence):  # "new lines, among them A - B (360 km) and …"
        spans += [(f.start("name"), f.end("name")) for f in _WITH_LENGTH.finditer(view.sentence)]
    for found in _SECTIONS.finditer(view.sentence):
        if _OWNED.search(view.sentence[max(0, found.start() - 30) : found.start()]):
            continue  # "three of its sections: …": parts of a project named before
        base = found.start("list")
        for pair in _ONE_PAIR.finditer(found["list"]):
            spans.append((base + pair.start(), base + pair.end()))
    for found in _COORDINATED.finditer(view.sentence):
        if found.group().endswith("sections") and _a_project_before(view):
            continue  # "works go on at the Almaty-Khorgos and … sections" of a corridor named before
        group = next(g for g in ("before", "after", "ru") if found[g])
        base = found.start(group)
        for pair in _ONE_PAIR.finditer(found[group]):
            spans.append((base + pair.start(), base + pair.end()))
    spans += [(f.start("name"), f.end("name")) for f in _QUOTED_ONE.finditer(view.sentence)]
    for a, b in dict.fromkeys(spans):
        start, end = view.start + a, view.start + b
        name = view.text[start:end]
        if view.known_name_over(start, end, EntryKind.PROJECT, EntryKind.CROSSING):
            continue
        ends = [t.key for t in tokenise(name) if t.capitalised]
        if any(gazetteer.is_country_word(key) for key in ends):
            continue  # "Китай – Казахстан": a route between states, not a line's ends
        if _a_known_line(tuple(ends), gazetteer):
            continue
        yield name, start, end


def _a_project_before(view: SentenceView) -> bool:
    """True when one of the two sentences before names a known project: sections spoken of
    next are its parts."""
    return any(earlier.of_kind(EntryKind.PROJECT) for earlier in view.previous_sentences(2))


def _a_known_line(ends: tuple[str, ...], gazetteer: Gazetteer) -> bool:
    """True when two ends are close to words of one known project's name or alias."""
    for entry in gazetteer.entries:  # only for a listed pair: rare enough to read them all
        if entry.kind is EntryKind.PROJECT:
            words = [t.key for t in tokenise(entry.label) if len(t.key) > 3]
            close = [e for e in ends if any(fuzz.ratio(e, w) >= _SAME_WORD for w in words)]
            if len(close) >= 2:
                return True
    return False
