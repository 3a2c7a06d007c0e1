"""A document whose subject is only referred back to ("an agreement on this was signed by A and
B", "Соглашение об этом компания «A» и китайская «B» подписали"): "on this" says nothing of
what it is about, so a reader names the document by the two who signed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.morphology import nominative_phrase

__all__ = ["referred_documents", "referring_tail"]

#: A document noun, then a tail that only refers back.
_DOCUMENT = re.compile(
    r"\b(?P<en>(?i:agreement|memorandum(?:\s+of\s+understanding)?|contract|deal|treaty|protocol))"
    r"(?=\s+(?i:on|about)\s+(?:this|that|it)\b)"
    r"|(?<![\w-])(?P<ru>(?i:соглашени|меморандум|контракт|договор|протокол)\w*)"
    r"(?=\s+(?:об\s+этом|о\s+нём)(?![\w-]))"
)

#: "on this", "about it", "об этом", "о нём" opening a document's tail: the subject is a
#: sentence before's.
_REFERRING_TAIL = re.compile(
    r"\s*(?:(?i:on|about)\s+(?:this|that|it)\b|(?:об\s+этом|о\s+нём)(?![\w-]))"
)
_EN_NAME = r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*"
#: "… was signed by A and B": the two after the passive verb.
_EN_SIGNED_BY = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+signed\s+by\s+(?:the\s+)?(?P<a>" + _EN_NAME + r")"
    r"\s+and\s+(?:the\s+)?(?P<b>" + _EN_NAME + r")"
)
_RU_NAME = r"«[^»]{1,60}»|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*"
#: "… компания «A» и китайская «B» подписали": the two before the verb, the object fronted.
_RU_FRONTED_SIGNERS = re.compile(
    r"\s+(?:[а-яё-]+\s+){0,2}?(?P<a>" + _RU_NAME + r")\s+и\s+(?:[а-яё-]+\s+){0,2}?"
    r"(?P<b>" + _RU_NAME + r")\s+(?:подписали|заключили)(?![\w-])"
)


def referring_tail(tail: str) -> int | None:
    """Where "on this", "об этом" ends when it opens a document's tail; None otherwise."""
    found = _REFERRING_TAIL.match(tail)
    return None if found is None else found.end()


def referred_documents(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each document between ``start`` and ``end`` whose tail only refers
    back and whose two signers follow it, named by them in the text's language."""
    for found in _DOCUMENT.finditer(text, start, end):
        russian = found["ru"] is not None
        tail = referring_tail(text[found.end() : end])
        assert tail is not None  # the pattern looked ahead for it
        pair = _signers_after(text, found.end() + tail, russian)
        if pair is None:
            continue
        noun = found.group()
        noun = noun[:1].upper() + noun[1:]
        if russian:
            name = f"{nominative_phrase(noun)} между {pair[0]} и {pair[1]}"
        else:
            name = f"{noun} between {pair[0]} and {pair[1]}"
        yield found.start(), found.end() + tail, name


def _signers_after(text: str, position: int, russian: bool) -> tuple[str, str] | None:
    """The two named signers right after the document noun ending at ``position``."""
    found = (_RU_FRONTED_SIGNERS if russian else _EN_SIGNED_BY).match(text, position)
    return None if found is None else (found["a"], found["b"])
