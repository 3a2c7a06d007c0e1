"""Sentences whose status phrase is about a thing of another kind than the project.

A status phrase in a sentence that names no project is lent the project of the text (or of
the sentence before). When the sentence names a thing of its own kind, a service, a store, a
company, a terminal, an office or venue ("launched trucking from Shenzhen", "opened a tea
warehouse", "an office coordinating the construction opened", "запустила автоперевозки", a
university's "branch" or "филиал"), the phrase is about that thing, not the project, unless the project's own
name carries the same head noun (a terminal project and "the terminal").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from caravan.analysis.ingest.gazetteer import Match
from caravan.model.enums import ProjectKind

__all__ = ["LINE_LEMMAS", "line_word_for_other_kind", "names_other_thing"]

#: Head nouns of things that are not lines, works or projects (each a stem).
_OTHER_HEADS = re.compile(
    r"\b(?:warehouse|stores?\b|shops?\b|trucking|flights?\b|terminals?\b"
    r"|hubs?\b|(?<!press\s)offices?\b|venues?\b|headquarters\b|premises\b|assembly\s+points?\b"
    r"|branch(?:es)?\b|campus(?:es)?\b|smelters?\b|refiner(?:y|ies)\b"
    # a body set up to work on it: "the Working Group set up under …", "создана рабочая группа"
    r"|(?:working\s+)?groups?\b|commissions?\b|councils?\b|committees?\b"
    r"|schools?\b|colleges?\b)"
    # a company founded: "… Railway Company LLC was then set up", "создана компания ООО «…»"
    r"|(?-i:Company|LLC|Ltd|JSC|LLP|Corporation)\b(?:\s+\w+){0,3}?\s+(?:was|were|has\s+been)\s+"
    r"(?:\w+\s+)?(?:set\s+up|established|founded|registered|created)\b"
    r"|(?<![\w-])(?:создан\w*|учрежден\w*|зарегистрирован\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:компани\w*|предприяти\w*|(?-i:ООО|ТОО|АО))(?![\w-])"
    r"|(?<![\w-])(?:склад|магазин|автоперевозк|перевозк|рейс|терминал|хаб|офис|представительств"
    r"|рабоч\w+\s+групп|комисси|комитет|школ|колледж|училищ"
    r"|штаб-квартир|филиал|кампус|медеплавильн|плавильн|аффинажн|нефтеперерабатывающ)",
    re.IGNORECASE,
)
#: Head nouns of the things projects are, in groups of one kind (stems, either language).
_HEAD_GROUPS = (
    ("railway", "railroad", "rail", "line", "track", "железн", "магистрал", "лини", "пут"),
    ("highway", "road", "motorway", "автодорог", "дорог", "трасс", "шоссе"),
    ("pipeline", "трубопровод", "газопровод", "нефтепровод"),
    ("port", "порт"),
    ("plant", "factory", "завод", "фабрик"),
    ("mine", "deposit", "field", "рудник", "месторождени", "карьер"),
    ("tunnel", "тоннел", "туннел"),
    ("bridge", "мост"),
    ("workshop", "мастерск"),
    ("branch", "campus", "филиал", "кампус"),
    ("smelter", "refiner", "плавильн", "медеплавильн", "аффинажн"),
    ("project", "проект"),
)
_WORDS = re.compile(r"[^\W\d_]+")
#: A company's whole name ("China-Kyrgyzstan-Uzbekistan Railway Company LLC", "ООО «…»"): its
#: words ("Railway") are not the project's head noun.
_COMPANY_NAME = re.compile(
    r"(?:[A-Z][\w'-]*\s+){1,6}(?:Company|LLC|Ltd|JSC|LLP|Corporation)\b(?:\s+(?:LLC|Ltd|JSC))?"
    r"|(?<![\w-])(?:ООО|ТОО|АО)\s*[«\"“][^»\"”]{1,80}[»\"”]"
)


def names_other_thing(text: str, start: int, end: int, project: Match) -> bool:
    """True when ``text[start:end]`` names a thing of another kind (a head noun the project's
    name lacks) and not the project's own head noun (its line, road, port …)."""
    names = " ".join([project.text, *(entry.label for entry in project.entries)]).casefold()
    others = [h.group().casefold() for h in _OTHER_HEADS.finditer(text, start, end)]
    if not any(head[:5] not in names for head in others):
        return False
    own = {
        stem
        for group in _HEAD_GROUPS
        if any(w.startswith(group) for w in _WORDS.findall(names))
        for stem in group
    }
    words = _WORDS.findall(_COMPANY_NAME.sub(" ", text[start:end]).casefold())
    return not any(w.startswith(tuple(own)) for w in words) if own else True


#: The lemmas of the Russian nouns that name a whole line ("линию", "дороги", "магистраль").
LINE_LEMMAS = frozenset({"линия", "дорога", "магистраль", "газопровод", "трасса"})
#: The head groups of lines: a railway, a road or a pipeline.
_LINE_GROUPS = _HEAD_GROUPS[:3]
#: Kinds of project that are no line, so "the line" is never one of them.
_NOT_LINES = frozenset(
    {
        ProjectKind.PORT,
        ProjectKind.LOGISTICS_HUB,
        ProjectKind.MINING,
        ProjectKind.INDUSTRIAL,
        ProjectKind.AGRICULTURE,
        ProjectKind.EDUCATION,
        ProjectKind.CULTURE,
        ProjectKind.TRADE_PLATFORM,
    }
)
#: A part named after the word: "the railway part of the port".
_PART_AFTER = re.compile(r"\s+(?:part|section|component|segment)\b", re.IGNORECASE)


def line_word_for_other_kind(
    text: str, start: int, end: int, kinds: Collection[ProjectKind]
) -> bool:
    """True when the word referring back at ``start``–``end`` names a line ("the line", "the
    railway", "эта линия") and the project is of a kind that is no line (a port, a plant, a
    school): the line is another one the text spoke of ("the Borzhakty – Yersai railway")."""
    words = _WORDS.findall(text[start:end].casefold())
    if not any(w.startswith(group) for group in _LINE_GROUPS for w in words):
        return False
    return bool(kinds) and set(kinds) <= _NOT_LINES and not _PART_AFTER.match(text, end)
