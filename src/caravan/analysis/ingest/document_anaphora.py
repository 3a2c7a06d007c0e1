"""A document referred back to: "the agreement", "the document", "соглашение" with a signing
verb and a date or place of its own ("the two governments concluded the agreement in May 2023
in Xi'an") is the document a sentence before named by what it is about ("ratified the
intergovernmental agreement with China on international road transportation").

A sentence that says what the document just reported signed is ("This is the first time that
China has signed a comprehensive cooperation document on …") speaks of that document, not of a
new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = ["antecedent_document", "characterises_signed"]

#: How many sentences back the document referred to may have been named.
ANTECEDENT_SENTENCES = 6
#: The fewest words of a name that says what the document is about.
DESCRIBED_WORDS = 3
#: Nouns of no kind of their own: they refer to a document of any kind.
_ANY_KIND = ("document", "документ")

#: The opening of a sentence that characterises what the sentence before reported.
_CHARACTERISING = re.compile(
    r"^\s*(?:This|It|That)\s+(?:is|was|marks|marked)\s+(?:also\s+)?the\s+first\s+(?:time|such)\b"
)

Finder = Callable[[SentenceView], Iterable[tuple[int, int, str]]]


def _stem(noun: str) -> str:
    """The kind word of a document noun ("intergovernmental agreement" → "agreem")."""
    return noun.split()[-1].casefold()[:6]


def antecedent_document(
    view: SentenceView, noun: str, find: Finder, signed: Callable[[str], bool]
) -> str | None:
    """The name of the document ``noun`` (after "the", "this", "это") refers back to, when
    ``view`` gives its signing a date or place and a sentence before names it by what it is
    about without reporting it signed there (else it was proposed there); None otherwise."""
    own_place = any(
        m.start != view.context.dateline_start and not m.borrowed
        for m in view.of_kind(EntryKind.PLACE)
    )
    if not (view.dates or own_place):
        return None
    any_kind = _stem(noun) in {_stem(word) for word in _ANY_KIND}
    for earlier in view.previous_sentences(ANTECEDENT_SENTENCES):
        named = [
            name
            for _, _, name in find(earlier)
            if len(name.split()) >= DESCRIBED_WORDS and (any_kind or _stem(noun) in name.casefold())
        ]
        if named:
            return named[0] if len(named) == 1 and not signed(earlier.sentence) else None
    return None


def characterises_signed(view: SentenceView, signed: Callable[[str], bool]) -> bool:
    """True when the sentence opens by characterising ("This is the first time that …") what
    the sentence before reports signed: a document it names is that one, not a new one."""
    if not _CHARACTERISING.match(view.sentence):
        return False
    earlier = next(iter(view.previous_sentences(1)), None)
    return earlier is not None and signed(earlier.sentence)
