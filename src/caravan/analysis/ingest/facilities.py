"""A project named by the distinctive word its name starts with and a generic noun.

Reports rarely repeat a mine's or a plant's full name: "the Aktogay copper project",
"the Solton-Sary deposit", "месторождение Кутессай". When exactly one known project's name
(or alias) starts with that word and a facility noun (project, mine, deposit, field,
plant, месторождение, рудник, комбинат …) stands right after it (or, in Russian, before
it), the words name that project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, Match, MatchMethod
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["facility_heads", "facility_mentions"]

#: A facility noun up to two words after the head word ("Aktogay copper project").
_NOUN_AFTER = re.compile(
    r"(?:(?:[\s-]+[\w-]+){0,3}?\s+(?:project|mine|deposit|field|plant|mill|concentrator|complex|site|месторождени\w*"
    r"|рудник\w*|комбинат\w*|проект\w*)"
    # a school's branch by its owner's name: "the BLCU branch", "the BLCU Kazakhstan campus"
    r"|(?:\s+(?-i:[A-Z])[\w-]*)?\s+(?:branch|campus|workshop))\b",
    re.IGNORECASE,
)
#: A Russian facility noun right before the head word ("месторождение Кутессай").
_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?:месторождени\w*|рудник\w*|комбинат\w*|проект\w*|филиал\w*|кампус\w*|мастерск\w*|deposit"
    r"|mine|field|branch|campus)\s+(?:of\s+(?:the\s+)?)?[«\"]?$",
    re.IGNORECASE,
)


def facility_heads(
    names: Iterable[tuple[str, str]], gazetteer: Gazetteer
) -> dict[str, tuple[str, str]]:
    """First-word key → (project id, label) for words that start exactly one project's names.

    ``names`` are (project id, name or alias) pairs; a country's or region's word starts
    too many things to say which.
    """
    owners: dict[str, dict[str, str]] = {}
    for project_id, name in names:
        tokens = tokenise(name)
        if not tokens or len(tokens[0].key) < 4 or gazetteer.is_country_word(tokens[0].key):
            continue
        owners.setdefault(tokens[0].key, {}).setdefault(project_id, name)
    return {key: next(iter(found.items())) for key, found in owners.items() if len(found) == 1}


def facility_mentions(
    text: str,
    start: int,
    end: int,
    matches: list[Match],
    heads: dict[str, tuple[str, str]],
) -> list[Match]:
    """Projects the sentence ``text[start:end]`` names by head word and facility noun."""
    taken = [(m.start, m.end) for m in matches if m.ids(EntryKind.PROJECT)]
    found: list[Match] = []
    for token in tokenise(text, start, end):
        head = heads.get(token.key)
        if head is None or not token.text[:1].isupper():
            continue
        if any(a <= token.start < b for a, b in taken):
            continue
        after = _NOUN_AFTER.match(text, token.end, end)
        before = _NOUN_BEFORE.search(text, max(start, token.start - 30), token.start)
        if after is None and before is None:
            continue
        span_start = before.start() if before is not None else token.start
        span_end = after.end() if after is not None else token.end
        project_id, label = head
        if after is not None and _another_kind_between(text[token.end : after.end()], label):
            continue  # "the North-South highway project" is no "North–South railway"
        said = after if after is not None else before
        if said is not None and _a_site_noun_for_a_line(said.group(0), label):
            continue  # "the Dushanbe-2 plant" is no "Dushanbe–Khorog–Kulma highway"
        entry = Entry(EntryKind.PROJECT, project_id, label, alias=True)
        found.append(
            Match(span_start, span_end, text[span_start:span_end], (entry,), MatchMethod.ALIAS)
        )
    return found


#: Kinds of line: one between the head word and the noun that the name lacks names another.
_LINE_KIND = re.compile(
    r"\b(?:railway|railroad|highway|road|motorway|expressway|pipeline|bridge|tunnel)\b"
    r"|(?<![\w-])(?:автодорог|трасс|газопровод|нефтепровод|железн)\w*",
    re.IGNORECASE,
)


#: Nouns of a facility on one site (a plant, a mine, a school's branch): none names a line.
_SITE_NOUN = re.compile(
    r"\b(?:mine|deposit|field|plant|mill|concentrator|complex|site|branch|campus|workshop)\b"
    r"|(?<![\w-])(?:месторождени|рудник|комбинат|филиал|кампус|мастерск)\w*",
    re.IGNORECASE,
)


def _a_site_noun_for_a_line(noun_words: str, label: str) -> bool:
    """True when the words name a facility on one site and the held name is a line's (a
    railway, road or pipeline): the head word is then a town's the line starts from."""
    return bool(_SITE_NOUN.search(noun_words)) and bool(_LINE_KIND.search(label))


def _another_kind_between(between: str, label: str) -> bool:
    """True when the words after the head word say a kind of line the name does not."""
    said = {k.group().casefold() for k in _LINE_KIND.finditer(between)}
    named = {k.group().casefold() for k in _LINE_KIND.finditer(label)}
    return bool(said - named)
