"""New facilities described, not named, in a sentence that reports their building.

"Construction began … on a bypass line around Almaty", "a freight terminal for Kazakhstan
was built", "построен новый терминал для казахстанских грузов", "начато строительство
обходной линии вокруг Алматы": an indefinite facility noun phrase (an article "a"/"an", or
"new" / "новый") whose head says what it is (bypass, terminal, depot, bridge, warehouse …),
followed by where or whom it serves ("around Almaty", "for Kazakhstan", "вокруг Алматы"),
in a sentence with a step of building, opening or planning ("set up", "plans include",
"проект"), is a new project named by the phrase (ring roads, "кольцевой дороги в Ташкенте", as
bypasses are); hubs and dry ports "at the seaport of Aktau",
"в порту Актау" among them.
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
    r"(?:bypass(?:\s+(?:line|road|railway))?|ring\s+(?:road|railway)|(?:freight|container|grain|oil|passenger|cargo)\s+"
    r"terminal|terminal|depot|bridge|warehouse|logistics\s+(?:centre|center|hub)|overpass"
    r"|marshalling\s+yard|transshipment\s+(?:point|hub|station)|(?:container|transport|transit"
    r"|logistics|cargo)\s+hub|dry\s+port)"
)
#: Where a facility is: a known place, or a port, city or crossing of one ("at the seaport of
#: Aktau", "in the Aktau Port", "in the city of Xi'an").
_EN_WHERE = (
    r"\s+(?:around|for|near|outside|at|in)\s+(?:the\s+)?(?:(?:sea)?port\s+of\s+|city\s+of\s+"
    r"|town\s+of\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}"
    # a crossing or port named by its place: "at the Irkeshtam checkpoint"
    r"(?:\s+(?:checkpoint|border\s+crossing|crossing|seaport|port|station))?"
)
_EN = re.compile(
    r"\b(?:a|an|a\s+new|an\s+additional)\s+(?P<name>(?P<what>(?:(?!the\b|a\b|an\b)[a-z-]+\s+){0,2}?"
    + _EN_HEAD
    + r")"
    + _EN_WHERE
    + r")"
)
_RU_HEAD = (
    r"(?:(?:обходн|объездн|обводн|кольцев)\w+\s+(?:автомобильн\w+\s+)?(?:лини\w+|дорог\w+|автодорог\w+"
    r"|железн\w+\s+дорог\w+)|терминал\w*|депо|мост\w*|склад\w*"
    r"|логистическ\w+\s+(?:центр\w*|хаб\w*)|путепровод\w*|сортировочн\w+\s+станци\w+"
    r"|(?:контейнерн|транспортн|логистическ|транзитн)\w+\s+хаб\w*|хаб\w*|сух\w+\s+порт\w*)"
)
_RU = re.compile(
    r"(?<![\w-])(?P<name>(?:нов\w+\s+)?(?:[а-яё-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ей|ую|юю|ых|их|ым|им)\s+){0,2}?" + _RU_HEAD
    + r"\s+(?:вокруг|для|возле|у|под|в\s+(?:морском\s+)?(?:порту|городе))\s+(?:[а-яё]+\s+)?[А-ЯЁ][\w-]+"
    # a ring road in its city: "кольцевой дороги в Ташкенте"
    r"|кольцев\w+\s+(?:автомобильн\w+\s+)?(?:авто)?дорог\w+\s+(?:вокруг|в|во)\s+[А-ЯЁ][\w-]+"
    # a bypass of a city names it in the genitive: "обводную линию Алматы", "обводную станцию"
    r"|(?:обходн|объездн|обводн)\w+\s+(?:лини\w+|дорог\w+|станци\w+)\s+[А-ЯЁ][\w-]+)"
)  # fmt: skip
#: A step of building or opening in the sentence.
_BUILT = re.compile(
    r"\b(?:built|constructed|construction|building|opened|commissioned|launched|completed"
    r"|erected|set\s+up|to\s+be\s+built)\b|(?<![\w-])(?:постро\w+|строительств\w*"
    r"|стро[ия]т\w*|достро\w*|возвед\w+|открыт\w*|открыл\w*|введ[её]н\w*|запущен\w*|сооружен\w*"
    r"|созда\w*)(?![\w-])",
    re.IGNORECASE,
)
#: A plan in the sentence: the facility counts when it is at a known place ("Plans include …
#: a container hub in Aktau"), not anywhere a plan covers ("a logistics center in Springfield").
_PLANNED = re.compile(
    r"\b(?:plans?|planned|include)\b|(?<![\w-])(?:проект\w*|планир\w*)(?![\w-])", re.IGNORECASE
)


#: A bypass said with what it is for, not where: "достроена объездная дорога для
#: крупногабаритного транспорта", "a bypass road for heavy trucks was finished".
_RU_BYPASS_FOR = re.compile(
    r"(?<![\w-])(?P<name>(?:обходн|объездн|обводн)\w+\s+(?:автомобильн\w+\s+)?дорог\w+"
    r"(?:\s+для(?:\s+(?!(?:был\w*|будет|будут|стал\w*|достро\w*|постро\w*|открыт\w*|заверш\w*"
    r"|введ\w*)(?![\w-]))[а-яё-]+){1,3})?)(?!\s+(?:вокруг|возле|у|под|в)\s)"
)
_EN_BYPASS_FOR = re.compile(
    r"\b(?:a|an|a\s+new)\s+(?P<name>bypass(?:\s+road)?(?:\s+for(?:\s+(?!(?:was|were|is|are|will"
    r"|has|have|had|been|to)\b)[a-z-]+){1,3})?)(?!\s+(?:around|near|at|in|of)\s)"
)


def _bypasses_of_the_post(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """A bypass built in a sentence that names one held border post and no other place ("Для
    того чтобы пункт пропуска «Нұр жолы» пропускал больше машин, достроена объездная дорога для
    крупногабаритного транспорта"): the post's bypass, named by it."""
    posts = {
        (m.start, m.end, m.text)
        for m in view.of_kind(EntryKind.PLACE, EntryKind.CROSSING)
        if m.ids(EntryKind.CROSSING)
        or any(view.context.crossings_at.get(i) for i in m.ids(EntryKind.PLACE))
    }
    others = [m for m in view.of_kind(EntryKind.PLACE) if (m.start, m.end, m.text) not in posts]
    if len(posts) != 1 or others:
        return
    ((_, _, post),) = posts
    for found in _RU_BYPASS_FOR.finditer(view.sentence):
        words = found["name"].split(" для ", 1)
        name = f"{nominative_phrase(words[0])} пункта пропуска «{post}»"
        name += f" для {words[1]}" if len(words) > 1 else ""
        yield from _new(view, found, name)
    for found in _EN_BYPASS_FOR.finditer(view.sentence):
        name = found["name"]
        yield from _new(view, found, f"{post} checkpoint {name}")


def built_facilities(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each new facility the sentence describes as built or opened."""
    built = _BUILT.search(view.sentence) is not None
    if not built and not _PLANNED.search(view.sentence):
        return
    if built:
        yield from _bypasses_of_the_post(view)
    for found in _EN.finditer(view.sentence):
        if built or _at_known_place(view, found):
            yield from _new(view, found, found["name"][:1].upper() + found["name"][1:])
    for found in _RU.finditer(view.sentence):
        if built or _at_known_place(view, found):
            head = _nominative_head(found["name"])
            yield from _new(view, found, head[:1].upper() + head[1:])


def _at_known_place(view: SentenceView, found: re.Match[str]) -> bool:
    """True when a known place or crossing is named inside the facility phrase."""
    start, end = view.start + found.start("name"), view.start + found.end("name")
    return any(
        start <= m.start and m.end <= end for m in view.of_kind(EntryKind.PLACE, EntryKind.CROSSING)
    )


def _nominative_head(name: str) -> str:
    """The Russian phrase with its facility noun (and adjectives) in the nominative
    ("обходной линии вокруг Алматы" → "Обходная линия вокруг Алматы")."""
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        if words[cut].casefold() in {"вокруг", "для", "возле", "у", "под", "в"}:
            return f"{nominative_phrase(' '.join(words[:cut]))} {' '.join(words[cut:])}"
    if len(words) > 1 and words[-1][:1].isupper():  # "обводную линию Алматы": its place after
        return f"{nominative_phrase(' '.join(words[:-1]))} {words[-1]}"
    return name


def _new(view: SentenceView, found: re.Match[str], name: str) -> Iterator[tuple[str, int, int]]:
    """The facility, its span the words of what it is: a held crossing or port it stands at
    ("a control warehouse at the Irkeshtam checkpoint") is its place, no name of it."""
    group = "what" if "what" in found.re.groupindex and found["what"] else "name"
    start, end = view.start + found.start(group), view.start + found.end(group)
    if not view.known_name_over(start, end, EntryKind.PROJECT, EntryKind.CROSSING):
        yield name, start, end
