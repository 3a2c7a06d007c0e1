"""Facilities named by a bare name and an apposition that says what they are: "из депо
Априна, крупнейшего сухого порта Ирана" → "Априн"; "from Aprin, Iran's largest dry port" →
"Aprin". A dry port, logistics centre or terminal is a place or a project (corpus rule 19);
the name is given in the nominative, as the apposition agrees with it in case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["apposed_facilities"]

#: "Априна, крупнейшего сухого порта Ирана": a name, a comma, up to two words, the kind.
_RU = re.compile(
    r"(?<![\w-])(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*,\s+(?:[а-яё]+\s+){0,2}?"
    r"(?P<head>сух\w+\s+порт\w*|логистическ\w+\s+(?:центр|хаб)\w*|контейнерн\w+\s+терминал\w*)"
    r"(?![\w-])"
)
#: "Aprin, Iran's largest dry port", "Aprin, the largest dry port in Iran".
_EN = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*,\s+(?:the\s+|[A-Z][\w'’]+['’]s\s+)?"
    r"(?:[a-z]+\s+){0,2}?(?P<head>dry\s+port|logistics\s+(?:centre|center|hub)|container\s+terminal)"
    r"(?![\w-])"
)


def apposed_facilities(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each unknown name an apposition calls a dry port, logistics centre
    or container terminal; the span is the name's."""
    for pattern, russian in ((_RU, True), (_EN, False)):
        for found in pattern.finditer(view.sentence):
            start, end = view.start + found.start("name"), view.start + found.end("name")
            if view.known_name_over(start, end) or any(
                gazetteer.is_country_word(t.key) for t in tokenise(view.text, start, end)
            ):
                continue
            name = _nominative(found["name"], found["head"]) if russian else found["name"]
            yield name, start, end


def _nominative(name: str, head: str) -> str:
    """The name in the case its apposition's head is in, read back to the nominative."""
    last = head.split()[-1].casefold()
    parse = next(iter(analyser().parse(last)), None)
    case = None if parse is None else parse.tag.case
    if case in (None, "nomn"):
        return name
    read = next(
        (p for p in analyser().parse(name.casefold()) if p.tag.POS == "NOUN" and case in p.tag),
        None,
    )  # the case is known: a reading in it, even when another reads the word as nominative
    if read is None:
        return name
    return "-".join(part[:1].upper() + part[1:] for part in str(read.normal_form).split("-"))
