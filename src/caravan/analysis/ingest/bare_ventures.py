"""A held venture named without its company form: "Zeravshan, Zijin's subsidiary in the
country, …" for the held "Zeravshan LLC", "компания «Зарафшон»" for "Zarafshon JV".

A venture's name alone is often also a river's, a valley's or a town's, so the bare name is read
as the venture only where the text says it is a company: an apposition right after it ("X,
Zijin's subsidiary", "X, a joint venture of …", "X, дочерняя компания …") or a company noun right
before it ("the company X", "subsidiary X", "компания «X»", "предприятие X"). A bare name with no
such word beside it is left unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from caravan.analysis.ingest.tokens import Token

__all__ = ["COMPANY_FORMS", "bare_name", "venture_spans"]

#: A company's form after its name in a held alias: "Zarafshon JV", "Zeravshan LLC".
COMPANY_FORMS = frozenset({"JV", "LLC", "LLP", "JSC", "Ltd"})

_COMPANY_NOUN = (
    r"(?:subsidiary|(?:joint\s+)?venture|company|operator|unit|miner|producer|firm"
    r"|дочерн\w+\s+(?:компани\w*|предприяти\w*)|(?:совместн\w+\s+)?предприяти\w*|компани\w*"
    r"|оператор\w*|производител\w*)"
)
#: "X, Zijin's subsidiary", "X, a joint venture of", "X, дочерняя компания …".
_APPOSED_AFTER = re.compile(
    r"[»\"”]?\s*,\s*(?:(?:[A-Z][\w-]*['’]s|its|their|a|an|the|the\s+\w+['’]s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _COMPANY_NOUN + r"(?![\w-])",
    re.IGNORECASE,
)
#: "the company X", "subsidiary X", "компания «X»", "предприятие X".
_NOUN_BEFORE = re.compile(r"(?<![\w-])" + _COMPANY_NOUN + r"\s*[«\"“]?\s*$", re.IGNORECASE)


def bare_name(label: str) -> str | None:
    """The name of a held venture without its form ("Zeravshan LLC" → "Zeravshan")."""
    words = label.split()
    if len(words) < 2 or words[-1] not in COMPANY_FORMS:
        return None
    return " ".join(words[:-1])


def venture_spans(
    text: str,
    tokens: list[Token],
    names: Mapping[tuple[str, ...], object],
    taken: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Token windows ``(i, j)`` that spell a held venture's bare name (a key of ``names``)
    with a company word beside them, outside spans already read (``taken``)."""
    found: list[tuple[int, int]] = []
    longest = max((len(k) for k in names), default=0)
    for i, token in enumerate(tokens):
        if not token.capitalised:
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            keys = tuple(t.key for t in tokens[i : i + n])
            if keys not in names:
                continue
            start, end = token.start, tokens[i + n - 1].end
            if taken(start, end):
                break
            if _APPOSED_AFTER.match(text, end) or _NOUN_BEFORE.search(
                text, max(0, start - 40), start
            ):
                found.append((i, i + n))
            break
    return found
