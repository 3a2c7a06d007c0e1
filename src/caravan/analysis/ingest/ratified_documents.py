"""A document ratified: "the Majilis passed the law that ratifies the agreement between A and B
on …", "нижняя палата ратифицировала инвестиционное соглашение между правительством и …". A
document ratified was signed before, so the sentence names a signed agreement; the day and
place it gives are the ratification's, not the signing's, and are not the document's. When a
sentence after it tells of that signing ("The two governments concluded the agreement in May
2023", "Правительства двух стран подписали то соглашение 15 июня 2019 года"), that sentence
names the document with its day, and the ratification's sentence leaves it to it.
"""

from __future__ import annotations

import re

__all__ = ["ratified", "signing_told_later"]

#: A ratifying verb with a document for its object, a few words of description between:
#: "ratified the intergovernmental agreement", "ратифицировала инвестиционное соглашение".
_RATIFIED_DOCUMENT = re.compile(
    r"\bratif(?:y|ies|ied|ying)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|memorand(?:um|a|ums)|treaty|treaties|protocols?|contracts?|conventions?)\b"
    r"|(?<![\w-])ратифицир\w*\s+(?:[а-яё-]+\s+){0,3}?"
    r"(?:соглашени\w*|меморандум\w*|договор\w*|протокол\w*|контракт\w*|конвенци\w*)(?![\w-])",
    re.IGNORECASE,
)


def ratified(sentence: str) -> bool:
    """True when the sentence reports a document ratified (the verb with the document after
    it), which says the document was signed before."""
    return _RATIFIED_DOCUMENT.search(sentence) is not None


#: How far after a ratification a sentence telling of the document's signing is looked for.
LOOK_AHEAD = 600
#: A document referred back to: "the agreement", "this document", "то соглашение", "Само
#: соглашение", "заключили соглашение".
_REFERRED = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:agreement|document|memorandum|treaty|protocol|contract)\b"
    # Russian has no article: a bare "соглашение" may be the one named before
    r"|(?<![\w-])(?:(?:то|это|этот|само|сам|данное|данный)\s+)?"
    r"(?:соглашение|документ|меморандум|договор|протокол|контракт)(?![\w-])",
    re.IGNORECASE,
)
#: A signing verb of the past: "concluded", "signed", "подписали", "было подписано".
_SIGNED_PAST = re.compile(
    r"\b(?:signed|concluded|inked)\b|(?<![\w-])(?:подписал\w*|подписан\w*|заключил\w*|заключен\w*)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+")


def signing_told_later(text: str, end: int) -> bool:
    """True when a sentence of the text after ``end`` (within LOOK_AHEAD characters) refers
    back to a document and tells of its signing: it names the ratified document itself."""
    after = text[end : end + LOOK_AHEAD]
    return any(
        _REFERRED.search(sentence) is not None and _SIGNED_PAST.search(sentence) is not None
        for sentence in _SENTENCE_END.split(after)
    )
