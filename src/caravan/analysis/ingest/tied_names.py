"""English names of facilities that the name itself or the words beside it tie to another
state (corpus rule 1), where the capitalised-name readers stop:

- **A name that begins with two states** ("the China-Tajikistan Medical Diagnosis and
  Treatment Center in Dushanbe"): lower-case "and", "of", "for" may join its words, and a word
  that elsewhere marks an organisation ("Medical") does not, since two states name it; centres
  of study or the press stay organisations.
- **A hospital, clinic or school built or paid for by a partner** ("the Osh Clinic Hospital,
  which was built with Chinese money"): named after its town, it is still new (rule 6).
- **A Russian facility of two states' friendship**: "моста кыргызско-китайской дружбы" is the
  "Мост кыргызско-китайской дружбы".
- **A capitalised name before "project between"**: "The Two Countries - Two Parks project
  between the Kashgar FEZ in China and Naryn in Kyrgyzstan".
- **A name in capitals** set beside what it is: "the joint venture UZ TRUCK AND BUS MOTORS",
  "TALCO, the aluminum plant that …" (named "TALCO aluminum plant").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["tied_names"]

_WORD = r"(?-i:[A-Z])[\w'’]+"
_HEADS = r"(?:Center|Centre|Hospital|Clinic|Park|Hub|Zone|Plant|Factory|Terminal|School)"
#: Two states joined by a dash, then capitalised words (or and/of/for) up to a facility noun.
_BILATERAL = re.compile(
    r"(?P<name>(?P<a>" + _WORD + r")[-–—](?P<b>" + _WORD + r")"
    r"(?:\s+(?:" + _WORD + r"|and|of|for)){1,8}?\s+" + _HEADS + r")\b"
)
#: Centres of study, research or the press are organisations, whoever founded them.
_STUDY = re.compile(
    r"\b(?:Studies|Research|Analytical|Information|Press|Media|Training|Cultural|Language"
    r"|Education(?:al)?|Scientific|Strategic|Business|Exhibition|Confucius)\b"
)
#: A hospital, clinic or school named by capitalised words (a known town's name allowed).
_CARE = re.compile(r"\bthe\s+(?P<name>(?:" + _WORD + r"\s+){1,4}(?:Hospital|Clinic|School))\b")
#: Built, given or paid for by a partner, in the clause after the name.
_PAID_BY_PARTNER = re.compile(
    r"^[^.;]{0,40}?\b(?:built|financed|funded|paid\s+for|constructed|donated)\b[^.;]{0,40}?"
    r"\b(?:Chin\w*|Kazakh\w*|Uzbek\w*|Kyrgyz\w*|Tajik\w*|Turkmen\w*)\b"
)
_CAPITALS = r"(?-i:[A-Z][A-Z0-9&]+)(?:\s+(?-i:[A-Z][A-Z0-9&]+)){0,5}"
#: "the joint venture NAME IN CAPITALS".
_VENTURE = re.compile(r"\bjoint\s+venture\s+(?P<name>" + _CAPITALS + r")\b")
#: "NAME, the aluminum plant": capitals, then an apposition that says what it is.
_APPOSITION = re.compile(
    r"(?<![\w-])(?P<name>(?-i:[A-Z][A-Z0-9&]{2,}))\s*,\s+the\s+(?P<kind>(?:[a-z]+\s+){0,2}"
    r"(?:plant|factory|smelter|refinery|mine|terminal|complex))\b"
)


#: A Russian facility named by the friendship or cooperation of two states: "моста
#: кыргызско-китайской дружбы" (the head in any case, the rest as written).
_RU_FRIENDSHIP = re.compile(
    r"(?<![\w-])(?P<head>мост|парк|центр|завод|дом)(?:а|у|ом|е)?\s+(?P<rest>(?:китайско|казахстанско"
    r"|кыргызско|киргизско|таджикско|узбекско|туркменско)-[а-яё]+(?:ой|ого)\s+"
    r"(?:дружбы|сотрудничества))(?![\w-])",
    re.IGNORECASE,
)


#: A capitalised name before "project between": "The Two Countries - Two Parks project between
#: the Kashgar FEZ in China and Naryn in Kyrgyzstan" (what it joins ties it).
_PROJECT_BETWEEN = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?P<name>" + _WORD + r"(?:\s+(?:[-–—]\s+)?" + _WORD + r"){1,5})"
    r"\s+project\s+between\b"
)


def tied_names(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each facility named in one of the three shapes above that no
    known project, crossing or agreement covers."""
    for found in _BILATERAL.finditer(view.sentence):
        states = (tokenise(found["a"]), tokenise(found["b"]))
        if not all(words and gazetteer.is_country_word(words[0].key) for words in states):
            continue
        if _STUDY.search(found["name"]):
            continue  # "China-Kazakhstan Studies Center": an organisation
        yield from _unknown(view, found["name"], view.start + found.start("name"))
    for found in _RU_FRIENDSHIP.finditer(view.sentence):
        start = view.start + found.start()
        head = found["head"].casefold()
        for _, _, end in _unknown(view, found.group(), start):
            yield f"{head[:1].upper()}{head[1:]} {found['rest']}", start, end
    for found in _PROJECT_BETWEEN.finditer(view.sentence):
        words = tokenise(found["name"])
        if all(gazetteer.is_country_word(w.key) for w in words):
            continue  # "the China-Kyrgyzstan project between …": which one is not said
        yield from _unknown(view, found["name"], view.start + found.start("name"))
    for found in _CARE.finditer(view.sentence):
        if _PAID_BY_PARTNER.match(view.sentence[found.end() :]):
            yield from _unknown(view, found["name"], view.start + found.start("name"))
    if not _tied_to_a_state(view, gazetteer):
        return
    for found in _VENTURE.finditer(view.sentence):
        yield from _unknown(view, found["name"], view.start + found.start("name"))
    for found in _APPOSITION.finditer(view.sentence):
        start = view.start + found.start("name")
        for name, _, _ in _unknown(view, found["name"], start):
            yield f"{name} {found['kind']}", start, start + len(name)


def _tied_to_a_state(view: SentenceView, gazetteer: Gazetteer) -> bool:
    """True when the sentence names a country or one of its people (rule 1's tie)."""
    if view.of_kind(EntryKind.COUNTRY):
        return True
    return any(gazetteer.is_country_word(t.key) for t in tokenise(view.sentence))


def _unknown(view: SentenceView, name: str, start: int) -> Iterator[tuple[str, int, int]]:
    """The name, unless a known project, crossing or agreement stands in it, or a country's
    name is all of it ("CHINA")."""
    end = start + len(name)
    kinds = (EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.AGREEMENT)
    if view.known_name_over(start, end, *kinds):
        return
    if any(m.start <= start and end <= m.end for m in view.of_kind(EntryKind.COUNTRY)):
        return
    yield name, start, end
