"""Border crossings the knowledge base lacks, named in a text about checkpoints.

Two shapes name a crossing without the word "checkpoint" beside it: a list of posts in
which at least one is a known crossing ("upgrades were finished at several of them,
including Kaplanbek, Atameken, Kolzhat and Alakol", "в том числе на Капланбеке, Атамекене
и Колжате", "на трёх пунктах пропуска: «Гишткуприк» и «Зангиота» в Ташкентской области"), and a post set on a border ("Kazygurt on the border with Uzbekistan", "Казыгурт
на границе с Узбекистаном"). Two more name crossings by the crossing noun itself, so need no
known one beside them: names listed before the plural noun ("at the Konysbayev, Kazygurt and
Atameken checkpoints") and a quoted name after a bare "пункт" ("стройка началась на пункте
«Бесагаш»"). Each counts only in a sentence that (or one of the two before it) speaks of
checkpoints or border crossings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import name_in_case
from caravan.analysis.ingest.tokens import CYRILLIC_NAME, LATIN_NAME, tokenise

__all__ = ["listed_crossings"]

_ITEM = r"«?(?:" + LATIN_NAME + r"|" + CYRILLIC_NAME + r")»?"
_ITEMS = re.compile(_ITEM)
_CYRILLIC = re.compile(CYRILLIC_NAME)

#: Words that make a text speak of border crossings.
_CROSSING_WORDS = re.compile(
    r"\b(?:checkpoints?|check-points?|border\s+crossings?|crossing\s+points?|border\s+posts?)\b"
    r"|(?<![\w-])(?:КПП|пункт\w*\s+пропуска|погранпереход\w*|пограничн\w+\s+переход\w*)(?![\w-])",
    re.IGNORECASE,
)
#: A list after "including", "such as", "в том числе", "включая".
_LIST = re.compile(
    r"(?:\bincluding|\bsuch\s+as|(?<![\w-])в\s+том\s+числе(?:\s+(?:на|в))?|(?<![\w-])включая)\s+(?P<list>"
    + _ITEM
    + r"(?:,\s+"
    + _ITEM
    + r")*,?\s+(?:and|и)\s+"
    + _ITEM
    + r")"
)
#: Where a listed post is, after it: "«Зангиота» в Ташкентской области", "Daut-ata in Karakalpakstan".
_WHERE = r"(?:\s+(?:в|во|in)\s+(?:the\s+)?[А-ЯЁA-Z][\w-]*(?:\s+(?:област\w*|region))?)?"
_PLACED_ITEM = re.compile(r"(?P<item>" + _ITEM + r")" + _WHERE)
#: Posts listed right after the crossing noun: "на трёх пунктах пропуска: «Гишткуприк» и
#: «Зангиота» в Ташкентской области и «Даут-ата» …", "at three checkpoints: A, B and C".
_AFTER_NOUN = re.compile(
    r"(?:\bcheckpoints|(?<![\w-])пункт\w*\s+пропуска)\s*:?\s+(?P<list>"
    + _ITEM + _WHERE + r"(?:(?:,\s+|,?\s+(?:and|и)\s+)" + _ITEM + _WHERE + r")+)"
)  # fmt: skip
#: A post on a border: "Kazygurt on the border with Uzbekistan", "Казыгурт на границе с …".
_ON_THE_BORDER = re.compile(
    r"(?<![\w-])(?P<name>"
    + LATIN_NAME
    + r")\s+on\s+the\s+border\s+with\s+(?P<country>[A-Z][\w'’]+)"
    r"|(?<![\w-])«?(?P<ru_name>"
    + CYRILLIC_NAME
    + r")»?\s+на\s+границе\s+с\s+(?P<ru_country>[А-ЯЁ]\w+)"
)
#: Names listed before the plural crossing noun: "the Konysbayev, Kazygurt and Atameken
#: checkpoints" (a name of one or two words each).
_NAME_OF_POST = LATIN_NAME + r"(?:\s+" + LATIN_NAME + r")?"
_BEFORE_NOUN = re.compile(
    r"\bthe\s+(?P<list>" + _NAME_OF_POST + r"(?:,\s+" + _NAME_OF_POST + r")*,?\s+and\s+"
    + _NAME_OF_POST + r")\s+(?:(?:road|rail|border)\s+)?(?:checkpoints|check-points"
    r"|border\s+crossings|crossing\s+points|border\s+posts)\b"
)  # fmt: skip
_POST_NAMES = re.compile(_NAME_OF_POST)
#: A quoted post after a bare "пункт" in a text about checkpoints: "на пункте «Бесагаш»".
_BARE_POST = re.compile(
    r"(?<![\w-])[Пп]ункт(?:а|у|ом|е)?\s+«(?P<name>" + CYRILLIC_NAME + r")»(?!\s+пропуска)"
)
_SENTENCES_BACK = 2


def listed_crossings(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown post listed beside known crossings or set on a border,
    in a sentence about checkpoints."""
    if not _about_crossings(view):
        return
    for found in [*_LIST.finditer(view.sentence), *_AFTER_NOUN.finditer(view.sentence)]:
        base = view.start + found.start("list")
        items = [
            (m["item"].strip("«»"), base + m.start() + (m["item"][0] == "«"))
            for m in _PLACED_ITEM.finditer(found["list"])
        ]
        spans = [(name, start, start + len(name)) for name, start in items]
        if not any(_a_known_crossing(view, start, end) for _, start, end in spans):
            continue
        for name, start, end in spans:
            if not _known(view, gazetteer, name, start, end):
                yield _nominative(name), start, end
    yield from _named_by_the_noun(view, gazetteer)
    for found in _ON_THE_BORDER.finditer(view.sentence):
        group = "name" if found["name"] else "ru_name"
        country = found["country"] or found["ru_country"]
        if not gazetteer.is_country_word(tokenise(country)[0].key):
            continue
        name = found[group]
        start, end = view.start + found.start(group), view.start + found.end(group)
        if not _known(view, gazetteer, name, start, end):
            yield name, start, end


def _named_by_the_noun(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """Unknown posts the crossing noun itself names: listed before its plural ("the A, B and C
    checkpoints"), or quoted after a bare "пункт" ("на пункте «Бесагаш»")."""
    for found in _BEFORE_NOUN.finditer(view.sentence):
        base = view.start + found.start("list")
        for item in _POST_NAMES.finditer(found["list"]):
            start, end = base + item.start(), base + item.end()
            if not _known(view, gazetteer, item.group(), start, end):
                yield item.group(), start, end
    for found in _BARE_POST.finditer(view.sentence):
        start, end = view.start + found.start("name"), view.start + found.end("name")
        if not _known(view, gazetteer, found["name"], start, end):
            yield found["name"], start, end


def _about_crossings(view: SentenceView) -> bool:
    """True when the sentence or one of the two before it speaks of checkpoints."""
    return any(_CROSSING_WORDS.search(s.sentence) for s in view.with_previous(_SENTENCES_BACK))


def _a_known_crossing(view: SentenceView, start: int, end: int) -> bool:
    """True when a known crossing, or a place with one, is named at ``start:end``."""
    crossings_at = view.context.crossings_at
    return any(
        m.start < end
        and start < m.end
        and (m.ids(EntryKind.CROSSING) or any(crossings_at.get(i) for i in m.ids(EntryKind.PLACE)))
        for m in view.matches
    )


def _known(view: SentenceView, gazetteer: Gazetteer, name: str, start: int, end: int) -> bool:
    """True when a known name (or a country's) covers the item."""
    if view.known_name_over(start, end):
        return True
    key = tokenise(name)[0].key
    return gazetteer.place_word(key) or gazetteer.is_country_word(key)


def _nominative(name: str) -> str:
    """A Russian post's name out of the locative a list puts it in ("на Капланбеке" →
    "Капланбек"); a Latin name as written."""
    return name_in_case(name, "loct") if _CYRILLIC.fullmatch(name) else name
