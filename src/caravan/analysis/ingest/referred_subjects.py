"""A document whose subject is only referred back to ("an agreement on this was signed by A and
B", "Соглашение об этом компания «A» и китайская «B» подписали", "A had signed a contract for
the work with B", "«A» подписал контракт на эти работы с компанией B"): "on this" or "for the
work" says nothing of what it is about, so a reader names the document by the two who signed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.morphology import nominative_phrase

__all__ = ["referred_documents", "referring_tail"]

#: Tails that only refer back: "on this", "about it", "for the work", "об этом", "на эти работы".
_EN_REFERRING = (
    r"\s+(?i:(?:on|about)\s+(?:this|that|it)\b|for\s+(?:the|this|these|that)\s+works?\b)"
)
_RU_REFERRING = (
    r"\s+(?:об\s+этом|о\s+нём|на\s+(?:эти|выполнение\s+этих|их\s+выполнение)\s*(?:работ\w*)?)"
    r"(?![\w-])"
)
#: A document noun, then a tail that only refers back.
_DOCUMENT = re.compile(
    r"\b(?P<en>(?i:agreement|memorandum(?:\s+of\s+understanding)?|contract|deal|treaty|protocol))"
    r"(?=" + _EN_REFERRING + r")"
    r"|(?<![\w-])(?P<ru>(?i:соглашени|меморандум|контракт|договор|протокол)\w*)"
    r"(?=" + _RU_REFERRING + r")"
)

#: "on this", "about it", "об этом", "о нём" opening a document's tail: the subject is a
#: sentence before's.
_REFERRING_TAIL = re.compile(r"(?:" + _EN_REFERRING + r"|" + _RU_REFERRING + r")")
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
    found = _REFERRING_TAIL.match(tail if tail[:1].isspace() else f" {tail}")
    return None if found is None else found.end() - (0 if tail[:1].isspace() else 1)


def referred_documents(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each document between ``start`` and ``end`` whose tail only refers
    back and whose two signers follow it, named by them in the text's language."""
    for found in _DOCUMENT.finditer(text, start, end):
        russian = found["ru"] is not None
        tail = referring_tail(text[found.end() : end])
        assert tail is not None  # the pattern looked ahead for it
        pair = _signers_after(text, found.end() + tail, russian) or _signer_and_partner(
            text, start, found.start(), found.end() + tail, russian
        )
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


#: "the State Concern "Turkmengaz" had signed a …", "«Туркменгаз» подписал …": who signed,
#: right before the document noun.
_EN_SIGNER_BEFORE = re.compile(
    r"(?P<a>\"[^\"]{1,60}\"|“[^”]{1,60}”|" + _EN_NAME + r")\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:signed|concluded)\s+(?:an?\s+|the\s+)?$"
)
_RU_SIGNER_BEFORE = re.compile(r"(?P<a>" + _RU_NAME + r")\s+(?:подписал\w*|заключил\w*)\s+$")
#: "… with the Chinese company CNPC", "… с китайской компанией CNPC": the other party.
_EN_PARTNER_AFTER = re.compile(
    r"\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<b>" + _EN_NAME + r")"
    r"(?=\s*[,.;]|\s+(?:to|in|on|for|which|that|worth)\b|$)"
)
_RU_PARTNER_AFTER = re.compile(
    r"\s+с\s+(?:[\w-]+\s+){0,3}?(?P<b>" + _RU_NAME + r")"
    r"(?=\s*[,.;]|\s+(?:на|в|о|об|по|который|которая)(?![\w-])|$)"
)
_QUOTES = re.compile(r"[\"“”]")


def _signer_and_partner(
    text: str, sentence_start: int, noun_start: int, tail_end: int, russian: bool
) -> tuple[str, str] | None:
    """Who signed the document (named right before its verb) and with whom (after its tail)."""
    before = (_RU_SIGNER_BEFORE if russian else _EN_SIGNER_BEFORE).search(
        text, sentence_start, noun_start
    )
    after = (_RU_PARTNER_AFTER if russian else _EN_PARTNER_AFTER).match(text, tail_end)
    if before is None or before.end() != noun_start or after is None:
        return None
    return _QUOTES.sub("", before["a"]), after["b"]
