"""An agreement on a project reported as signed, in the passive or a participle: "an
agreement on the … railway signed by China, Kyrgyzstan and Uzbekistan on June 6", "the
memorandum on the line, signed in 2023", "соглашение о строительстве … подписано 6 июня",
"подписанное 6 июня соглашение о …": the project is agreed on that date. The agreement's
topic must follow it ("on", "о"): "an agreement the two governments signed in 2008" names no
project of its own."""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["SIGNED_TRIGGERS"]

_SIGNED_AFTER = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|contracts?|deals?)\s+(?:on|for|about|to\s+build|to\s+finance)\s"
    r"[^.;]{0,120}?\b(?:was\s+|were\s+)?"
    r"(?<!be\s)signed\s+(?:by|on|in|at|between)\b",
    re.IGNORECASE,
)
_RU_SIGNED = re.compile(
    r"(?<![\w-])(?:соглашени\w*|меморандум\w*|контракт\w*)\s+(?:о|об|по|на)\s[^.;]{0,120}?(?<![\w-])"
    r"(?:был[оаи]?\s+)?(?<!будет\s)(?<!будут\s)подписан[аоы]?(?![\w-])"
    r"|(?<![\w-])подписанн\w+\s+(?:[^.;]{0,40}?\s)?(?:соглашени\w*|меморандум\w*|контракт\w*)",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
SIGNED_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.AGREED, _SIGNED_AFTER, 0.7),
    (ProjectStatus.AGREED, _RU_SIGNED, 0.7),
)
