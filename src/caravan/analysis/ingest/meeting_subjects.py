"""A meeting a document is about ("the memorandum on hosting that meeting", "меморандум о
проведении этой встречи") is not where or when that document was signed: the signing is
placed by other words, never by the meeting told of before.
"""

from __future__ import annotations

import re

__all__ = ["document_about_meeting"]

#: A document noun, its "on"/"о", up to three words, then the meeting it is about.
_ABOUT_MEETING = re.compile(
    r"\b(?:memorand\w*|agreements?|protocols?|contracts?|accords?|treaty|treaties)"
    r"\s+(?:on|about|regarding|concerning)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:meeting|session|summit|forum|conference|congress|games|exhibition|expo)s?\b"
    r"|(?<![\w-])(?:меморандум\w*|соглашени\w*|протокол\w*|договор\w*|контракт\w*)"
    r"\s+(?:о|об|по)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:встреч\w*|заседани\w*|саммит\w*|форум\w*|конференци\w*|сесси\w*|выставк\w*)(?![\w-])",
    re.IGNORECASE,
)


def document_about_meeting(sentence: str) -> bool:
    """True when ``sentence`` names a document whose subject is a meeting, so that meeting
    places nothing about its signing."""
    return _ABOUT_MEETING.search(sentence) is not None
