"""Projects and facilities named by their own name, beside a word that says what they are.

- **Quoted names by a project noun**: "the projects "A", "B" and "C"", "the "Bagtyyarlyk"
  project", "проекты «А», «Б» и «В»", "проект «Б»": each quoted name no known name covers
  is a new project.
- **A facility noun and its name**: "the international customs and logistics park Golden
  Road Asia — Europe", "индустриальный парк «Великий камень»": the capitalised (or quoted)
  name after a park, terminal, hub, centre or zone.
- **A project's title**: "the Amuderya River Right Bank Project", "the Bishkek Municipal Road
  Renovation and Improvement Project": three capitalised words or more before Project.
- **A name ending in a facility noun**: "a China–SCO Member State Artificial Intelligence
  Cooperation Center", "the Khorgos Eastern Gate Logistics Hub", "the Kazakhstan Electrolysis
  Plant": a run of capitalised words that ends in Center, Park, Hub, Terminal, Zone, Plant,
  Factory, Smelter or Refinery.

A facility named after a known place ("Termez Cargo Centre") is that place's, a centre of
study or media ("China Studies Center", "director of the … Center") an organisation, and a
quoted description of a supply ("Provision of Specialized Equipment …") no project, and a name
followed by a company's legal form ("… Elements Plant LLC") the company's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.named_facilities import zone_tied
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["named_projects"]

_QUOTED = r"[\"«„“](?P<{0}>[^\"«»„“”]{{3,160}})[\"»”]"
_QUOTE = re.compile(r"[\"«„“]([^\"«»„“”]{3,160})[\"»”]")
#: A plural project noun and its list of quoted names.
_LISTED = re.compile(
    r"(?:\bprojects|(?<![\w-])проект(?:ы|ов|ам|ами|ах))\s+(?:(?:such\s+as|as|as\s+follows|like"
    r"|namely|including|как|в\s+том\s+числе|:)\s*)?"
    r"(?P<list>[\"«„“][^\"«»„“”]{3,160}[\"»”](?:\s*(?:,|;|\band\b|и|а\s+также)\s*[\"«„“][^\"«»„“”]{3,160}[\"»”])*)",
    re.IGNORECASE,
)
#: One quoted name before or after a singular project noun.
_SINGLE = re.compile(
    r"\bthe\s+" + _QUOTED.format("before") + r"\s+project\b"
    r"|\bproject\s+" + _QUOTED.format("after")
    + r"|(?<![\w-])проект(?:а|у|ом|е)?\s+" + _QUOTED.format("ru"),
)  # fmt: skip
_FACILITY_HEAD = r"(?:park|terminal|hub|cent(?:er|re)|zone|complex)"
#: A facility noun followed by its own capitalised name ("… logistics park Golden Road Asia —
#: Europe"): the name runs over capitalised words and dashes.
_FACILITY_THEN_NAME = re.compile(
    r"\b" + _FACILITY_HEAD + r"\s+(?P<name>(?-i:[A-Z][\w'’]+)(?:\s*[—–-]\s*(?-i:[A-Z][\w'’]+)"
    r"|\s+(?-i:[A-Z][\w'’]+)){1,6})",
    re.IGNORECASE,
)
_RU_FACILITY_THEN_NAME = re.compile(
    r"(?<![\w-])(?:парк|терминал|хаб|центр|зон|комплекс)\w*\s+" + _QUOTED.format("name")
)
#: A run of capitalised words ending in a facility noun ("Artificial Intelligence Cooperation
#: Center"), words of a country chain with dashes allowed ("China–SCO Member State …") and a
#: word in brackets ("China (Xinjiang) Pilot Free Trade Zone"), "and" between two of them ("…
#: Agriculture and Textile Industrial Park").
_NAME_WITH_HEAD = re.compile(
    r"(?P<name>(?:\(?[A-Z][\w'’]*(?:[—–-][A-Z][\w'’]*)?\)?\s+(?:and\s+(?=[A-Z]))?){2,8}(?:Center|Centre|Park|Hub|Terminal|Zone"
    r"|Plant|Factory|Smelter|Refinery))\b"
)
#: A project by a title of three capitalised words or more ("the Amuderya River Right Bank
#: Project", "the Bishkek Municipal Road Renovation and Improvement Project"), "and" allowed
#: between them; a headline's capitalised small words ("Set To Expand … For") make it no title.
_TITLED_PROJECT = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][\w]*(?:-[A-Z][\w]*)?\s+(?:and\s+)?){3,8}Project)\b"
)
_HEADLINE_WORD = re.compile(r"\b(?:To|For|Of|In|On|Over|Set|With|Its|The|A|An|MW|GW|Largest)\b")
_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё-]+")
#: A quoted proper name of up to three words ("Bagtyyarlyk", "Великий камень").
_PROPER = re.compile(r"^[A-ZА-ЯЁ][\w'’-]*(?:\s+[\w'’-]+){0,2}$")
#: Words of works or facilities that make a quoted description a project ("Construction of a
#: solar power plant …"), not a supply or a service ("Provision of Specialized Equipment").
_WORKS = re.compile(
    r"\b(?:construction|creation|building|modernization|modernisation|reconstruction|expansion"
    r"|plant|park|cent(?:er|re)|terminal|railway|road|line|port|hub|factory|enterprise"
    r"|greenhouses?|station|pipeline)\b"
    r"|(?<![\w-])(?:строительств|создани|модернизац|реконструкц|расширени|завод|фабрик|парк|центр"
    r"|терминал|дорог|лини|порт|хаб|станци|теплиц|трубопровод|предприяти)\w*",
    re.IGNORECASE,
)
#: Centres of study, research, media or export promotion are organisations, not facilities.
_ORGANISATION = re.compile(
    r"\b(?:Studies|Research|Analytical|Analysis|Information|Press|Media|Training|Cultural"
    r"|Language|Education(?:al)?|Scientific|Strategic|Data|Trade|Business|Financial|Finance"
    r"|Innovation|Exhibition|Medical|Sports|Shopping|Export|Culture|Recreation)\b"
)
#: "director of the …", "head of the …": the name after is an organisation's.
_HEADED_BY = re.compile(
    r"\b(?:director|head|chairman|chief|president|rector)\s+of\s+(?:the\s+)?$", re.I
)
_HEAD_WORD = re.compile(
    r"Center|Centre|Park|Hub|Terminal|Zone|Plant|Factory|Smelter|Refinery|Project"
)
#: A company's legal form right after a name: the name is the company's, not a facility's.
_LEGAL_FORM_AFTER = re.compile(
    r",?\s*(?-i:LLC|LLP|JSC|PLC|Ltd|Co\.|Inc|Corp|GmbH|ТОО|ООО|ОсОО|АО)\b"
)
#: First words of a capitalised run that are no part of a name.
_LEADING = re.compile(r"^(?:The|A|An|This|That|Its|Their|In|At|On|New)\s+")


def named_projects(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each project or facility the sentence names by its own name
    beside a word that says what it is, when no known name covers it."""
    quoted = [
        (item.group(1), view.start + found.start("list") + item.start(1))
        for found in _LISTED.finditer(view.sentence)
        for item in _QUOTE.finditer(found["list"])
    ]
    for found in _SINGLE.finditer(view.sentence):
        group = next(g for g in ("before", "after", "ru") if found[g])
        quoted.append((found[group], view.start + found.start(group)))
    for name, start in quoted:
        if not (_PROPER.match(name) or _WORKS.search(name)):
            continue  # a supply or a service ("Provision of …"), not a project
        if not _nominative_head(name):
            continue  # "проекты «Большой Евразии»": projects of it, not named it
        yield from _unknown(view, name, start, start + len(name))
    for found in _TITLED_PROJECT.finditer(view.sentence):
        name, start = found["name"], view.start + found.start("name")
        if (
            _HEADLINE_WORD.search(name)
            or _only_known_words(name, gazetteer)
            or _a_headline(view.sentence)
        ):
            continue  # a headline's words, or "China Kazakhstan Project": no title of its own
        yield from _unknown(view, name, start, start + len(name))
    for pattern in (_FACILITY_THEN_NAME, _RU_FACILITY_THEN_NAME, _NAME_WITH_HEAD):
        for found in pattern.finditer(view.sentence):
            name = found["name"]
            start = view.start + found.start("name")
            lead = _LEADING.match(name)
            if lead:
                name, start = name[lead.end() :], start + lead.end()
            # a "Free Trade Zone" is a zone, whatever words of organisations it has
            organisation = _ORGANISATION.search(name) and not name.endswith("Zone")
            if name.endswith("Zone") and not zone_tied(
                view, gazetteer, start, start + len(name.strip())
            ):
                continue  # a zone of one state with no other state near it (rule 17)
            if _only_known_words(name, gazetteer) or organisation:
                continue  # "Kazakhstan Logistics Hub", "China Studies Center": no new facility
            if gazetteer.place_word(tokenise(name)[0].key) and not name.endswith("Zone"):
                continue  # "Termez Cargo Centre": a known place's facility, named after it; a
                # zone named after its town is a zone (rule 19), not the town's facility
            if _HEADED_BY.search(view.text, max(0, start - 30), start):
                continue  # "director of the … Center": an organisation
            if _LEGAL_FORM_AFTER.match(view.text, start + len(name.strip())):
                continue  # "Kashki Rare Earth Elements Plant LLC": a company's name
            yield from _unknown(view, name.strip(), start, start + len(name.strip()))


def _a_headline(sentence: str) -> bool:
    """True when most words of the sentence are capitalised, as in a headline ("Tajik Customs,
    Japanese Firm Sign Deal on Cargo Scanning Upgrade Project"): its capitals say no name."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    lower = sum(1 for w in words if w[0].islower())
    return lower * 3 < len(words)


def _nominative_head(name: str) -> bool:
    """False when the first Russian noun of a quoted name cannot be nominative (a name in
    the genitive names whose projects they are); True otherwise."""
    for word in name.split():
        if not _CYRILLIC_WORD.fullmatch(word):
            continue
        parses = analyser().parse(word.casefold())
        if any(p.tag.POS == "NOUN" for p in parses[:1]):
            return any("nomn" in p.tag for p in parses)
    return True


def _unknown(view: SentenceView, name: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The name, unless a known project, crossing or agreement stands in it or a known place
    is all of it (a place inside a longer name, "… in the city of Dushanbe", is a part)."""
    if view.known_name_over(start, end, EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.AGREEMENT):
        return
    if any(m.start <= start and end <= m.end for m in view.of_kind(EntryKind.PLACE)):
        return
    yield name, start, end


def _only_known_words(name: str, gazetteer: Gazetteer) -> bool:
    """True when every capitalised word but the head is a country's or known place's."""
    words = [t for t in tokenise(name) if t.capitalised]
    if words and _HEAD_WORD.fullmatch(words[-1].text):
        words = words[:-1]
    return bool(words) and all(
        gazetteer.is_country_word(w.key) or gazetteer.place_word(w.key) for w in words
    )
