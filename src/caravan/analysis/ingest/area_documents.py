"""Documents signed in areas listed: one document for each area.

- **Areas listed**: "the sides signed cooperation documents in areas such as facilitating
  personnel exchanges, green minerals, unimpeded trade, connectivity, industry, and customs"
  names six documents, one on each area ("Cooperation document on green minerals").
- **The held document of an area**: a document of the list is the one held document signed in
  the same period whose title holds every word of its area ("green minerals": "Memorandum of
  understanding on strengthening investment cooperation in green minerals"; "industry":
  "Memorandum on industrial cooperation …", a word matched by its first letters); when
  several do, the one whose title says least besides its area; when none does, a new one.

A group counted and named by its topics ("a number of documents on trade, transport …") stays
one proposal (``group_documents``): the list here is of areas, each its own document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from caravan.analysis.ingest.document_words import DOCUMENT_KIND_KEYS
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["area_documents", "held_of_area"]

#: The most words an area may have; a longer item is a clause, not an area.
AREA_WORDS = 4
#: How many first letters of a word match it to a word of a title ("industry", "industrial").
STEM_LETTERS = 5

_LISTED = re.compile(
    r"\b(?P<noun>(?:cooperation\s+)?(?:documents|agreements|memoranda))\s+"
    r"in\s+(?:the\s+)?(?:areas|fields|spheres|sectors)\s+(?:such\s+as|of|including|like)\s+"
    r"(?P<list>[^.;:()]{3,400})",
    re.IGNORECASE,
)
#: The last item of a list ("…, and customs", "… or energy").
_LAST = re.compile(r"^(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)
#: An item that begins a clause of its own: the list has ended.
_CLAUSE = re.compile(r"^(?:which|that|who|where|while|with|among|including)\b", re.IGNORECASE)


def area_documents(sentence: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, area) of each document the sentence names by its area, offsets in the
    sentence (whether it reports them signed is the caller's to check)."""
    found = _LISTED.search(sentence)
    if found is None:
        return
    noun = found["noun"].casefold()
    lead = (
        "Agreement on"
        if "agreement" in noun
        else "Memorandum on"
        if "memorand" in noun
        else "Cooperation document on"
    )
    for start, end in _items(found["list"], found.start("list")):
        area = sentence[start:end]
        yield start, end, f"{lead} {area}", area


def _items(listed: str, offset: int) -> Iterator[tuple[int, int]]:
    """Spans of the areas of a comma-separated list, up to its item after "and"."""
    for piece in re.finditer(r"[^,]+", listed):
        text = piece.group()
        start = offset + piece.start() + len(text) - len(text.lstrip())
        item = text.strip()
        last = _LAST.match(item)
        if last is not None:
            start += last.end()
            item = item[last.end() :]
        elif " and " in item:  # "industry and customs": two areas, the last
            first, _, second = item.partition(" and ")
            if _area(first) and _area(second):
                yield start, start + len(first)
                second_start = start + len(first) + len(" and ")
                yield second_start, second_start + len(second)
            return
        if not _area(item):
            return
        yield start, start + len(item)
        if last is not None:
            return


def _area(item: str) -> bool:
    """True when an item reads as an area: a few words in lower case, no clause."""
    words = item.split()
    return 0 < len(words) <= AREA_WORDS and not _CLAUSE.match(item) and item[:1].islower()


def held_of_area(area: str, held: Iterable[tuple[str, str]]) -> str | None:
    """The id of the held document (``held``: id and title) whose title holds every word of the
    area; when several do, the one with fewest other words; None when none does or two tie."""
    wanted = [w for w in _words(area) if len(w) > 2]
    if not wanted:
        return None
    extra: dict[str, int] = {}  # a held document's fewest other words, over its titles
    for agreement_id, title in held:
        words = _words(title)
        stems = [w[:STEM_LETTERS] for w in words]
        if all(any(s.startswith(w[:STEM_LETTERS]) for s in stems) for w in wanted):
            other = len(words) - len(wanted)
            extra[agreement_id] = min(other, extra.get(agreement_id, other))
    scored = sorted((other, agreement_id) for agreement_id, other in extra.items())
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _words(text: str) -> list[str]:
    """The keys of the words that say what a document covers (no kind of document)."""
    return [t.key for t in tokenise(text) if t.key not in DOCUMENT_KIND_KEYS]
