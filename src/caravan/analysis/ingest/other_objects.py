"""Sentences whose status phrase is about a thing of another kind than the project.

A status phrase in a sentence that names no project is lent the project of the text (or of
the sentence before). When the sentence names a thing of its own kind, a service, a store, a
company, a terminal ("launched trucking from Shenzhen", "opened a tea warehouse", "запустила
автоперевозки"), the phrase is about that thing, not the project, unless the project's own
name carries the same head noun (a terminal project and "the terminal").
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.gazetteer import Match

#: Head nouns of things that are not lines, works or projects (each a stem).
_OTHER_HEADS = re.compile(
    r"\b(?:warehouse|stores?\b|shops?\b|trucking|flights?\b|terminals?\b"
    r"|hubs?\b)"
    r"|(?<![\w-])(?:склад|магазин|автоперевозк|перевозк|рейс|терминал|хаб)",
    re.IGNORECASE,
)
#: Head nouns of the things the projects are (a sentence naming one may be about the project).
_PROJECT_HEADS = re.compile(
    r"\b(?:rail|line|road|highway|motorway|pipeline|port|plant|mine|field|deposit|tunnel|bridge"
    r"|workshop|project|corridor|track)"
    r"|(?<![\w-])(?:железн|дорог|магистрал|трубопровод|газопровод|порт|лини|пут[ьиея]|завод"
    r"|рудник|месторождени|тоннел|мост|проект|коридор|мастерск)",
    re.IGNORECASE,
)


def names_other_thing(text: str, start: int, end: int, project: Match) -> bool:
    """True when ``text[start:end]`` names a thing of another kind (a head noun the project's
    name lacks) and no line, works or project of the kinds projects are."""
    if _PROJECT_HEADS.search(text, start, end):
        return False
    names = " ".join([project.text, *(entry.label for entry in project.entries)]).casefold()
    return any(
        head.group().casefold()[:5] not in names for head in _OTHER_HEADS.finditer(text, start, end)
    )
