"""A line named by the countries it joins, listed after its mode word: "the railway linking
China, Kyrgyzstan and Uzbekistan", "the railway link between Kazakhstan, Turkmenistan and
Iran", "газопровод, связывающий Туркменистан, Узбекистан, Казахстан и Китай", or chained with
dashes beside it: "газопровод Туркменистан – Узбекистан – Казахстан – Китай". Three countries or
more with a mode word name one held line when exactly one line of that mode joins them: the
countries of its name ("Kazakhstan – Turkmenistan – Iran railway") or the countries it crosses.
Two countries are left alone: "a railway between China and Kazakhstan" is any of several.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, Match, MatchMethod
from caravan.model.enums import ProjectKind

__all__ = ["CountryLine", "by_listed_countries", "country_reader", "country_sets"]

#: The fewest countries a list needs to name one line.
FEWEST_LISTED = 3

_EN_MODES = {
    ProjectKind.RAILWAY: r"railway|railroad|rail",
    ProjectKind.ROAD: r"highway|road|motorway",
    ProjectKind.PIPELINE: r"(?:gas\s+|oil\s+)?pipeline",
}
_RU_MODES = {
    ProjectKind.RAILWAY: r"железн\w+\s+дорог\w*|железнодорожн\w+\s+(?:лини|магистрал)\w*",
    ProjectKind.ROAD: r"автодорог\w*|автомобильн\w+\s+дорог\w*|автотрасс\w*|автомагистрал\w*",
    ProjectKind.PIPELINE: r"газопровод\w*|трубопровод\w*",
}
#: What may stand between the mode word and the list: "link between", ", which will connect".
_EN_JOINING = (
    r"(?:\s+(?:link|line|corridor|connection|route|project))?,?\s+"
    r"(?:between|linking|connecting|joining|through|across"
    r"|(?:that|which)\s+(?:will\s+|would\s+|is\s+to\s+)?(?:links?|connects?|joins?|runs?\s+through)"
    r"|to\s+(?:link|connect|join))\s+(?:the\s+)?$"
)
_RU_JOINING = (
    r",?\s+(?:между|через|соединяющ\w+|связывающ\w+|объединяющ\w+"
    r"|котор\w+\s+(?:соедин|свяж|связыва|объедин|пройд|проход|пролега)\w*(?:\s+через)?)\s+$"
)
_MODE_BEFORE = {
    kind: re.compile(
        r"(?:\b(?:" + _EN_MODES[kind] + r")" + _EN_JOINING + r")"
        r"|(?:(?<![\w-])(?:" + _RU_MODES[kind] + r")" + _RU_JOINING + r")",
        re.IGNORECASE,
    )
    for kind in _EN_MODES
}
#: How far before the list its mode word may stand.
_REACH = 80
#: What joins the names of a list: ", ", " and ", ", and ", " и ".
_GLUE = re.compile(r"\s*,\s*(?:and\s+|и\s+)?(?:the\s+)?|\s+(?:and|и)\s+(?:the\s+)?", re.IGNORECASE)
#: What joins the names of a chain written as the line's name: "Туркменистан – Узбекистан".
_DASH_GLUE = re.compile(r"\s?[-–—]\s?")
#: A chain is the line's name when its mode word stands right before it ("газопровод
#: Туркменистан – Узбекистан – Казахстан – Китай") or right after it ("the Turkmenistan-
#: Uzbekistan-Kazakhstan-China gas pipeline").
_MODE_RIGHT_BEFORE = {
    kind: re.compile(
        r"(?:\b(?:" + _EN_MODES[kind] + r")|(?<![\w-])(?:" + _RU_MODES[kind] + r"))\s+$",
        re.IGNORECASE,
    )
    for kind in _EN_MODES
}
_MODE_RIGHT_AFTER = {
    kind: re.compile(r"\s+(?:" + _EN_MODES[kind] + r")\b", re.IGNORECASE) for kind in _EN_MODES
}


@dataclass(frozen=True)
class CountryLine:
    """A held line, its mode, and the sets of countries that name it."""

    id: str
    name: str
    kind: ProjectKind
    names: tuple[frozenset[str], ...]


def by_listed_countries(
    text: str, matches: Sequence[Match], lines: Iterable[CountryLine]
) -> list[Match]:
    """``matches``, each list of three countries or more after a line's mode word read as the
    one held line of that mode the countries name, the countries' own matches dropped."""
    held = list(lines)
    result = list(matches)
    for run in _country_runs(text, matches, _DASH_GLUE):
        before = text[max(0, run[0].start - _REACH) : run[0].start]
        listed = frozenset(_country_id(m) for m in run)
        for kind in _EN_MODES:
            mode = _MODE_RIGHT_BEFORE[kind].search(before)
            after = _MODE_RIGHT_AFTER[kind].match(text, run[-1].end)
            if mode is None and after is None:
                continue
            same = [p for p in held if p.kind is kind and listed in p.names]
            if len(same) != 1 or len(listed) != len(run):
                break
            start = run[0].start - len(before) + mode.start() if mode else run[0].start
            end = after.end() if after else run[-1].end
            entry = Entry(EntryKind.PROJECT, same[0].id, same[0].name, alias=True)
            line = Match(start, end, text[start:end], (entry,), MatchMethod.ALIAS)
            result = [m for m in result if not any(m is c for c in run)] + [line]
            break
    for run in _country_runs(text, matches, _GLUE):
        first = run[0]
        before = text[max(0, first.start - _REACH) : first.start]
        for kind, pattern in _MODE_BEFORE.items():
            mode = pattern.search(before)
            if mode is None:
                continue
            listed = frozenset(_country_id(m) for m in run)
            same = [p for p in held if p.kind is kind and listed in p.names]
            if len(same) != 1 or len(listed) != len(run):
                break
            start = first.start - len(before) + mode.start()
            entry = Entry(EntryKind.PROJECT, same[0].id, same[0].name, alias=True)
            line = Match(start, run[-1].end, text[start : run[-1].end], (entry,), MatchMethod.ALIAS)
            result = [m for m in result if not any(m is c for c in run)] + [line]
            break
    return sorted(result, key=lambda m: m.start)


def country_sets(
    name: str, countries: Iterable[str], country_of: Callable[[str], str | None]
) -> tuple[frozenset[str], ...]:
    """The sets of countries that name a line: those its name chains ("Kazakhstan –
    Turkmenistan – Iran railway line", "Железная дорога Китай – Кыргызстан – Узбекистан"), and
    those it crosses, each when it has three or more; the same set once."""
    chain = [p.strip() for p in re.split(r"\s?[-–—]\s?", re.sub(r"\s*\([^()]*\)|,.*$", "", name))]
    named = [country_of(part) for part in chain[1:-1]]
    if len(chain) >= 2:
        named = [_country_in(chain[0], country_of, last=True), *named]
        named.append(_country_in(chain[-1], country_of, last=False))
    sets: list[frozenset[str]] = []
    if len(named) >= FEWEST_LISTED and all(named):
        sets.append(frozenset(i for i in named if i))
    crossed = frozenset(countries)
    if len(crossed) >= FEWEST_LISTED and crossed not in sets:
        sets.append(crossed)
    return tuple(sets)


def _country_in(part: str, country_of: Callable[[str], str | None], last: bool) -> str | None:
    """The country at one end of a chain's part, its mode words aside: the last words of the
    first part ("Железная дорога Китай"), the first words of the last ("Iran railway line")."""
    words = part.split()
    for size in range(len(words), 0, -1):
        found = country_of(" ".join(words[-size:] if last else words[:size]))
        if found is not None:
            return found
    return None


def country_reader(gazetteer: Gazetteer) -> Callable[[str], str | None]:
    """A reader of one country's name ("Iran", "Kazakhstan") to its id; None for anything else."""

    def country_of(name: str) -> str | None:
        found = gazetteer.find(name)
        if len(found) != 1 or found[0].end - found[0].start != len(name):
            return None
        ids = found[0].ids(EntryKind.COUNTRY) or found[0].ids(EntryKind.FOREIGN)
        return ids[0] if ids else None

    return country_of


def _country_id(match: Match) -> str:
    return (match.ids(EntryKind.COUNTRY) or match.ids(EntryKind.FOREIGN))[0]


def _country_runs(text: str, matches: Sequence[Match], glue: re.Pattern[str]) -> list[list[Match]]:
    """Runs of three country names or more joined by ``glue`` (commas and "and", or dashes)."""
    runs: list[list[Match]] = []
    run: list[Match] = []
    for match in matches:
        is_country = bool(match.ids(EntryKind.COUNTRY) or match.ids(EntryKind.FOREIGN))
        if not is_country or match.ids(EntryKind.PROJECT):
            if len(run) >= FEWEST_LISTED:
                runs.append(run)
            run = []
            continue
        if run and not glue.fullmatch(text[run[-1].end : match.start]):
            if len(run) >= FEWEST_LISTED:
                runs.append(run)
            run = []
        run.append(match)
    if len(run) >= FEWEST_LISTED:
        runs.append(run)
    return runs
