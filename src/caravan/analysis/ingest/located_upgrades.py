"""A project that is itself built along a section ("the second tracks on the Dostyk–Moyinty
section", "вторые пути на участке Достык – Мойынты"): the section word says where the held
upgrade lies, not that a part of it is meant, when the clause writes the words of the project's
own name that its match left out ("second track" beside "Dostyk–Moyinty").
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = ["own_upgrade_in_clause"]

_WORDS = re.compile(r"[^\W\d_]{4,}")
#: Letters of a word compared (its stem, enough to pass "tracks" for "track", "пути" for "путь").
_STEM = 4
#: Stems of a line's generic head nouns: a name that adds only these ("… railway") is the
#: line itself, whose section is a part of it.
_LINE_HEADS = frozenset(
    {"rail", "road", "line", "high", "pipe", "proj", "желе", "доро", "лини", "маги", "трас",
     "авто", "газо", "нефт", "труб", "прое"}
)  # fmt: skip


def own_upgrade_in_clause(view: SentenceView, position: int) -> bool:
    """True when a project named in the clause of ``position`` has a name or alias with words
    beyond those its match covers, and the clause writes every one of them."""
    clause_start, clause_end = view.segment_of(position)
    clause = view.text[clause_start:clause_end].casefold()
    written = {w[:_STEM] for w in _WORDS.findall(clause)}
    for match in view.of_kind(EntryKind.PROJECT):
        if not (clause_start <= match.start and match.end <= clause_end) or match.borrowed:
            continue
        matched = {w[:_STEM] for w in _WORDS.findall(match.text.casefold())}
        for project_id in match.ids(EntryKind.PROJECT):
            for name in view.context.project_names.get(project_id, ()):
                extra = {w[:_STEM] for w in _WORDS.findall(name.casefold())} - matched
                if extra - _LINE_HEADS and extra <= written:
                    return True
    return False
