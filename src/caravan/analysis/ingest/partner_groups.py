"""Documents signed with a group of partners ("A also signed cooperation memoranda with several
large Chinese logistics companies", "«A» подписал меморандумы о сотрудничестве с несколькими
китайскими компаниями"): one proposal, named by the signer and the partners as the text gives
them (corpus rule 4: a document in the plural that the text says what it is is labelled once).
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView

__all__ = ["documents_with_partners"]

_EN_NAME = r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*"
#: A Russian signer by its own name, quoted or in Latin letters (a ministry named by its kind,
#: "Министерство транспорта Узбекистана", signs memoranda with companies the text then lists).
_RU_NAME = r"«[^»]{1,60}»|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*"
#: Who signed, right before the verb: "Uztemiryulcontainer also signed …".
_EN_SIGNER = re.compile(
    r"(?P<who>" + _EN_NAME + r")\s+(?:also\s+|has\s+|have\s+|had\s+)*signed\s+(?:[\w-]+\s+){0,2}$"
)
_RU_SIGNER = re.compile(
    r"(?P<who>" + _RU_NAME + r")\s+(?:также\s+)?(?:подписал\w*|заключил\w*)\s+(?:[а-яё-]+\s+){0,2}$"
)
#: What may stand before the signer's name in its clause: nothing, or an article.
_BARE_SUBJECT = frozenset({"", "The", "the"})
#: The partners after the document: "with several large Chinese logistics companies".
_EN_PARTNERS = re.compile(r"\s+with\s+(?P<partners>[^,.;:()]{3,80}?)\s*(?=[,.;:(]|$)")
_RU_PARTNERS = re.compile(
    r"\s+(?P<about>о\s+[^,.;:()]{3,60}?\s+)?с\s+(?P<partners>[^,.;:()]{3,80}?)\s*(?=[,.;:(]|$)"
)


def documents_with_partners(
    view: SentenceView, noun: str, start: int, noun_end: int
) -> tuple[int, int, str] | None:
    """(start, end, name) of the group of documents ``noun`` (plural, ending at ``noun_end``)
    signed with partners named after it, when the clause names who signed them."""
    russian = any("\u0400" <= c <= "\u04ff" for c in noun)
    partners = (_RU_PARTNERS if russian else _EN_PARTNERS).match(view.text, noun_end, view.end)
    if partners is None:
        return None
    clause_start = view.segment_of(start)[0]
    signer = (_RU_SIGNER if russian else _EN_SIGNER).search(view.text, clause_start, start)
    if signer is None or signer.end() != start:
        return None
    if view.text[clause_start : signer.start()].strip() not in _BARE_SUBJECT:
        return None  # "The Ministry of Transport signed …": its name is longer than the match
    head = noun[:1].upper() + noun[1:]
    if russian:
        about = f" {partners['about'].strip()}" if partners["about"] else ""
        name = f"{head}{about} между {signer['who']} и {partners['partners']}"
    else:
        name = f"{head} between {signer['who']} and {partners['partners']}"
    return start, partners.end(), name
