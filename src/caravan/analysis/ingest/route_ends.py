"""A line named by a longer chain of stops with the same two ends as a known line's name:
"the highway on the Dushanbe-Kulob-Darvaz-Murghab-Kulma route" is the known
Dushanbe–Khorog–Kulma highway (the same ends, other stops between).

A chain with other ends names another line ("Душанбе-Вахдат-Яван-Курган-Тюбе" is not the
"Вахдат – Яван" railway), so only the two ends decide; a pair of ends shared by two known
lines decides nothing. The match is read with a variant's confidence and no misspelt label
(``variant_of`` stays empty: the name is not a misspelling, and no flag says so).
"""

from __future__ import annotations

import itertools
import re

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, Match, MatchMethod
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["lines_by_a_pair", "lines_by_their_ends"]

_STOP = r"[A-ZА-ЯЁ][\w'’]+"
_CHAIN = re.compile(_STOP + r"(?:\s?[-–—]\s?" + _STOP + r"){2,}")
_SPLIT = re.compile(r"\s?[-–—]\s?")
_LABEL_SPLIT = re.compile(r"\s+[–—-]\s+|(?<=\w)[–—](?=\w)")
_BRACKETS = re.compile(r"\s*\([^()]*\)")


def lines_by_their_ends(
    text: str, start: int, end: int, gazetteer: Gazetteer, matches: list[Match]
) -> list[Match]:
    """Known lines named in ``text[start:end]`` by a chain of three stops or more whose ends
    are theirs (and that no known name covers already)."""
    found = []
    ends = _line_ends(gazetteer)
    for chain in _CHAIN.finditer(text, start, end):
        if any(
            m.start < chain.end() and chain.start() < m.end
            for m in matches
            if m.ids(EntryKind.PROJECT)
        ):
            continue
        stops = _SPLIT.split(chain.group())
        first, last = _place_ids(stops[0], gazetteer), _place_ids(stops[-1], gazetteer)
        lines = {i for a in first for b in last for i in ends.get(frozenset((a, b)), ())}
        if len(lines) == 1:
            (line_id,) = lines
            entry = Entry(EntryKind.PROJECT, line_id, chain.group(), alias=True)
            found.append(
                Match(chain.start(), chain.end(), chain.group(), (entry,), MatchMethod.VARIANT)
            )
    return found


def lines_by_a_pair(text: str, gazetteer: Gazetteer, matches: list[Match]) -> list[Match]:
    """Known lines named by their two end places written as a pair the gazetteer did not take
    for the line ("Maktaral–Darbaza" for the Darbaza – Maktaaral railway: the other order, a
    letter missing): two places joined by a dash that are the ends of one known line."""
    ends = _line_ends(gazetteer)
    places = [m for m in matches if m.ids(EntryKind.PLACE) and not m.borrowed]
    found = []
    for a, b in itertools.pairwise(places):
        if not _PAIR_DASH.fullmatch(text[a.end : b.start]):
            continue
        if any(m.ids(EntryKind.PROJECT) and m.start <= a.start and b.end <= m.end for m in matches):
            continue
        lines = {
            line
            for x in a.ids(EntryKind.PLACE)
            for y in b.ids(EntryKind.PLACE)
            for line in ends.get(frozenset((x, y)), ())
        }
        if len(lines) == 1:
            (line_id,) = lines
            written = text[a.start : b.end]
            label = next(e.label for e in gazetteer.entries if e.id == line_id and not e.alias)
            entry = Entry(EntryKind.PROJECT, line_id, label, alias=True)
            found.append(Match(a.start, b.end, written, (entry,), MatchMethod.VARIANT, label))
    return found


_PAIR_DASH = re.compile(r"\s?[-–—]\s?")


def _place_ids(name: str, gazetteer: Gazetteer) -> set[str]:
    """The known places ``name`` may be."""
    keys = tuple(t.key for t in tokenise(name))
    return gazetteer.place_ids(keys)


_ENDS: dict[int, tuple[Gazetteer, dict[frozenset[str], set[str]]]] = {}


def _line_ends(gazetteer: Gazetteer) -> dict[frozenset[str], set[str]]:
    """The two end places of every known line named by its stops ("A – B – C road"),
    worked out once per gazetteer."""
    cached = _ENDS.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    ends: dict[frozenset[str], set[str]] = {}
    for entry in gazetteer.entries:
        if entry.kind is not EntryKind.PROJECT:
            continue
        label = _BRACKETS.sub("", entry.label)
        parts = [p.strip() for p in _LABEL_SPLIT.split(label)]
        if len(parts) < 2:
            continue
        last = parts[-1].split(" ")[0]  # "Kulma highway": the stop before the kind
        first = parts[0].split(" ")[-1]  # "China – Tajikistan highway": never a place pair
        a, b = _place_ids(first, gazetteer), _place_ids(last, gazetteer)
        if len(a) == 1 and len(b) == 1 and a != b:
            ends.setdefault(frozenset(a | b), set()).add(entry.id)
    _ENDS.clear()
    _ENDS[id(gazetteer)] = (gazetteer, ends)
    return ends
