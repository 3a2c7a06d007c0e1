"""A project named otherwise than the knowledge base names it is flagged as a spelling variant.

Corpus rule 14: the flag is set when the name as the text writes it (case, punctuation and
inflection aside) is no name or alias of the project's row, whether it differs by letters
(read as a variant by the gazetteer), by script ("Галкыныш" for the held "Galkynysh") or by
words ("мастерская Лу Баня", the reader's own Russian rendering, or "… International Border
Cooperation Center" for the held "… International Centre of Boundary Cooperation").
"""

from __future__ import annotations

import functools

from caravan.analysis.ingest.gazetteer import EntryKind, Match, load_vocabulary
from caravan.analysis.ingest.languages import is_cyrillic
from caravan.analysis.ingest.tokens import tokenise
from caravan.model.proposals import Flag, FlagCode

__all__ = ["unheld_name_flags"]


def unheld_name_flags(match: Match) -> tuple[Flag, ...]:
    """A spelling-variant flag when the project ``match`` names is written with no held name
    of it (some of a held name's words, "the Galkynysh gas field", are that name); none for a
    name referred back to ("the line") or one already read as a variant."""
    if match.variant_of is not None or match.borrowed:
        return ()
    projects = [e for e in match.entries if e.kind is EntryKind.PROJECT]
    if not projects:
        return ()
    written = _words(match.text)
    cyrillic = _proper_in_cyrillic(match.text)
    for entry in projects:
        held = (entry.id, entry.label) not in _vocabulary_names()
        same_script = _proper_in_cyrillic(entry.label) == cyrillic
        if held and same_script and written <= _words(entry.label):
            return ()  # the held name, or its first words ("the Galkynysh gas field")
    return (
        Flag(
            code=FlagCode.SPELLING_VARIANT,
            message=f"'{match.text}' is none of the names held for {projects[0].id}",
        ),
    )


def _proper_in_cyrillic(name: str) -> bool:
    """True when the name's own words (capitalised, not abbreviations) are Cyrillic:
    "предприятие Zeravshan" is the Latin name with a Russian kind before it, "СП «Зеравшан»"
    the Cyrillic one."""
    proper = [t.text for t in tokenise(name) if t.capitalised and not t.text.isupper()] or [name]
    return any(is_cyrillic(c) for word in proper for c in word)


def _words(name: str) -> set[str]:
    """The name's words as matched (case- and inflection-blind), in any order."""
    return {t.key for t in tokenise(name)}


@functools.cache
def _vocabulary_names() -> frozenset[tuple[str, str]]:
    """The reader's own names of things (``vocabulary.csv``): none is held by the knowledge base."""
    return frozenset((e.id, e.label) for e in load_vocabulary())
