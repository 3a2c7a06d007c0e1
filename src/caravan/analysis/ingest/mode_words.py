"""The mode word decides which line a name means: "автодороги Китай — Кыргызстан — Узбекистан"
is the China – Kyrgyzstan – Uzbekistan highway even though the railway holds the bare chain of
countries as an alias. A name with a road word beside it never resolves to a railway (nor a
rail word to a road): it is read as the project of that mode with the same countries, or as
no known project when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Match, MatchMethod
from caravan.analysis.ingest.tokens import tokenise
from caravan.model.enums import ProjectKind

__all__ = ["LineProject", "by_countries_in_other_order", "by_mode_word"]


@dataclass(frozen=True)
class LineProject:
    """What a mode word is checked against: a project's id, name, kind and countries."""

    id: str
    name: str
    kind: ProjectKind
    countries: frozenset[str]


#: Mode words written right before a name ("автодороги Китай — …", "the highway China – …").
_BEFORE = {
    ProjectKind.ROAD: re.compile(
        r"(?:(?<![\w-])(?:автодорог|автомобильн\w*\s+дорог|автотрасс|автомагистрал|шоссе)\w*"
        r"|\b(?:highway|road|motorway))\s+$",
        re.IGNORECASE,
    ),
    ProjectKind.RAILWAY: re.compile(
        r"(?:(?<![\w-])(?:железн\w*\s+дорог|железнодорожн\w*\s+(?:лини|магистрал))\w*"
        r"|\b(?:railway|railroad|rail\s+line))\s+$",
        re.IGNORECASE,
    ),
}
#: Mode words written right after a name ("the China – Kyrgyzstan – Uzbekistan highway").
_AFTER = {
    ProjectKind.ROAD: re.compile(r"\s+(?:highway|road|motorway)\b", re.IGNORECASE),
    ProjectKind.RAILWAY: re.compile(r"\s+(?:railway|railroad|rail\s+line)\b", re.IGNORECASE),
}
_REACH = 40
_DASHES = re.compile(r"\s?[-–—]\s?")


def by_mode_word(
    text: str,
    matches: Sequence[Match],
    projects: Iterable[LineProject],
    is_country: Callable[[str], bool],
) -> list[Match]:
    """``matches``, each line project named beside another mode's word read as the project of
    that mode named by the same chain of countries, or as no project (a line between two
    places is not another line between them)."""
    held = list(projects)
    by_id = {p.id: p for p in held}
    result: list[Match] = []
    for match in matches:
        ids = match.ids(EntryKind.PROJECT)
        named = by_id.get(ids[0]) if len(ids) == 1 else None
        mode = _mode_beside(text, match) if named is not None else None
        if named is None or mode is None or mode is named.kind or named.kind not in _BEFORE:
            result.append(match)
            continue
        same = [p for p in held if p.kind is mode and p.countries == named.countries]
        if len(same) == 1 and _country_chain(match.text, is_country):
            entry = Entry(EntryKind.PROJECT, same[0].id, same[0].name, alias=True)
            others = tuple(e for e in match.entries if e.kind is not EntryKind.PROJECT)
            result.append(replace(match, entries=(entry, *others)))
        elif any(e.kind is not EntryKind.PROJECT for e in match.entries):
            others = tuple(e for e in match.entries if e.kind is not EntryKind.PROJECT)
            result.append(replace(match, entries=others))
    return result


def _country_chain(name: str, is_country: Callable[[str], bool]) -> bool:
    """True when the name is a chain of countries ("Китай – Кыргызстан – Узбекистан")."""
    parts = [p for p in _DASHES.split(name) if p.strip()]
    return len(parts) >= 2 and all(is_country(tokenise(p)[0].key) for p in parts if tokenise(p))


def _mode_beside(text: str, match: Match) -> ProjectKind | None:
    """The mode a word right before or after the name gives; None when the name carries a
    mode word of its own ("the CKU railway") or no word is beside it."""
    if any(pattern.search(f" {match.text}") for pattern in _AFTER.values()):
        return None
    before = text[max(0, match.start - _REACH) : match.start]
    for mode, pattern in _BEFORE.items():
        if pattern.search(before):
            return mode
    for mode, pattern in _AFTER.items():
        if pattern.match(text, match.end):
            return mode
    return None


def by_countries_in_other_order(
    text: str,
    matches: Sequence[Match],
    projects: Iterable[LineProject],
    is_country: Callable[[str], bool],
) -> list[Match]:
    """``matches``, a chain of three countries or more with a mode word beside it ("the
    Uzbekistan–Kyrgyzstan–China railway") read as the held line of that mode named by the same
    countries in another order (flagged as a variant), the countries' own matches dropped."""
    lines = [p for p in projects if p.kind in _BEFORE and _country_chain(p.name, is_country)]
    result = list(matches)
    for chain in _country_chains(text, matches):
        first, last = chain[0], chain[-1]
        span = Match(first.start, last.end, text[first.start : last.end], (), first.method)
        mode = _mode_beside(text, span)
        countries = frozenset(i for m in chain for i in m.ids(EntryKind.COUNTRY)[:1])
        same = [p for p in lines if p.kind is mode and p.countries == countries]
        if len(same) != 1 or len(countries) != len(chain):
            continue
        entry = Entry(EntryKind.PROJECT, same[0].id, same[0].name, alias=True)
        line = replace(span, entries=(entry,), method=MatchMethod.VARIANT, variant_of=same[0].name)
        result = [m for m in result if not any(m is c for c in chain)] + [line]
    return sorted(result, key=lambda m: m.start)


def _country_chains(text: str, matches: Sequence[Match]) -> list[list[Match]]:
    """Runs of three country names or more joined by dashes."""
    chains: list[list[Match]] = []
    run: list[Match] = []
    for match in matches:
        if not match.ids(EntryKind.COUNTRY) or match.ids(EntryKind.PROJECT):
            run = []
            continue
        if run and not _DASHES.fullmatch(text[run[-1].end : match.start]):
            if len(run) >= 3:
                chains.append(run)
            run = []
        run.append(match)
    if len(run) >= 3:
        chains.append(run)
    return chains
