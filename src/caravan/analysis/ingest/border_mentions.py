"""A state named as where a border runs ("close to the border with the Kyrgyz Republic", "у
границы с Кыргызстаном") places something; it is no party to the text's bilateral trade.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.gazetteer import Match

__all__ = ["named_as_border"]

_BORDER_BEFORE = re.compile(
    r"\b(?:border|frontier)\s+with\s+(?:the\s+)?$|(?<![\w-])границ\w*\s+с(?:о)?\s+$",
    re.IGNORECASE,
)
_REACH = 30


def named_as_border(text: str, match: Match) -> bool:
    """True when the state at ``match`` is named right after "border with" / "границы с"."""
    return _BORDER_BEFORE.search(text, max(0, match.start - _REACH), match.start) is not None
