"""A document between "the two universities" is between the two the text has just named:
"a delegation of Tashkent State Pedagogical University came to Tianjin Normal University …
signed a cooperation agreement between the two universities" is the agreement between Tashkent
State Pedagogical University and Tianjin Normal University (corpus rule 4: named by its parties).

The bodies are the first two different names of that kind (University, Company, Bank …) in the
sentence or the two before it; with fewer than two the name is left as written. "The two
states" of a document's name are the two states named so ("совместного заявления глав двух
государств" after "Казахстан и Китай": "Совместное заявление глав Казахстана и Китая").
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.analysis.ingest.morphology import inflected, nominative_phrase

__all__ = ["the_two_named"]

#: "the two universities", "двумя университетами" and the head of each body's name.
_THE_TWO = re.compile(
    r"\bthe\s+two\s+(?P<plural>universities|companies|banks|institutes|academies|colleges)\b"
    r"|(?<![\w-])(?:двумя|обоими|двух|обоих)\s+(?P<ruplural>университет|компани|банк|институт"
    r"|академи)\w*",
    re.IGNORECASE,
)
_SINGULAR = {
    "universities": r"University",
    "companies": r"Company",
    "banks": r"Bank",
    "institutes": r"Institute",
    "academies": r"Academy",
    "colleges": r"College",
}
#: A body's name ending in its head: "Tianjin Normal University", "Ташкентским государственным
#: педагогическим университетом" (any case).
_EN_BODY = r"(?:[A-Z][\w'’-]*\s+){{1,5}}{head}\b"
_RU_BODY = r"[А-ЯЁ][а-яё-]+(?:\s+[а-яё-]+){{0,3}}?\s+{head}\w*"
#: How many sentences before may name the two.
_SENTENCES_BEFORE = 2


def the_two_named(view: SentenceView, name: str) -> str:
    """``name`` with "the two universities" put as the two universities named just before."""
    found = _THE_TWO.search(name)
    if found is None:
        return _the_two_states(view, name)
    if found["plural"]:
        body = re.compile(_EN_BODY.format(head=_SINGULAR[found["plural"].casefold()]))
        joint = "and"
    else:
        body = re.compile(_RU_BODY.format(head=found["ruplural"].casefold()))
        joint = "и"
    texts = [v.sentence for v in view.previous_sentences(_SENTENCES_BEFORE)][::-1]
    bodies: list[str] = []
    for sentence in [*texts, view.sentence]:
        for match in body.finditer(sentence):
            named = re.sub(r"^(?:The|A|An|During|On|In|At)\s+", "", match.group(0))
            named = named if found["plural"] else nominative_phrase(named)
            if named not in bodies:
                bodies.append(named)
    if len(bodies) < 2:
        return name
    return f"{name[: found.start()]}{bodies[0]} {joint} {bodies[1]}{name[found.end() :]}"


#: "the two countries", "двух государств" in a document's name, and the Russian case it is in.
_TWO_STATES = re.compile(
    r"\bthe\s+two\s+(?:countries|states|nations)\b"
    r"|(?<![\w-])(?P<ru>двух|обеих|обоих|двумя|обеими|обоими)\s+(?:стран|государств)\w*(?![\w-])",
    re.IGNORECASE,
)
_RU_CASE = {"двух": "gent", "обеих": "gent", "обоих": "gent"}


def _the_two_states(view: SentenceView, name: str) -> str:
    """``name`` with "the two countries" put as the two states named in the sentence or, when
    it names none, the nearest one of the two before that names exactly two."""
    found = _TWO_STATES.search(name)
    if found is None:
        return name
    for current in view.with_previous(_SENTENCES_BEFORE):
        named: dict[str, str] = {}
        for match in current.of_kind(EntryKind.COUNTRY):
            named.setdefault(match.ids(EntryKind.COUNTRY)[0], match.text)
        if not named:
            continue
        if len(named) != 2:
            return name
        ids, texts = list(named), list(named.values())
        if found["ru"]:
            case = _RU_CASE.get(found["ru"].casefold(), "ablt")
            pair = f"{inflected(texts[0], case)} и {inflected(texts[1], case)}"
        else:
            states = [view.context.member_names.get(i, t) for i, t in zip(ids, texts, strict=True)]
            pair = f"{states[0]} and {states[1]}"
        return f"{name[: found.start()]}{pair}{name[found.end() :]}"
    return name
