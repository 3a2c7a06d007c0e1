"""Which language a text is written in, from its share of Cyrillic letters."""

from __future__ import annotations

__all__ = ["CYRILLIC_SHARE_FOR_RUSSIAN", "detect_language", "is_cyrillic"]

#: Share of Cyrillic among the letters above which a text is taken as Russian.
CYRILLIC_SHARE_FOR_RUSSIAN = 0.3

_SAMPLE_CHARACTERS = 200_000


def is_cyrillic(character: str) -> bool:
    """True for a letter of the Cyrillic blocks (Russian, Kazakh, Kyrgyz, Tajik …)."""
    return "\u0400" <= character <= "\u052f"


def detect_language(text: str) -> str:
    """`ru` when Cyrillic letters make up a good share of the text, else `en`."""
    letters = [c for c in text[:_SAMPLE_CHARACTERS] if c.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for c in letters if is_cyrillic(c))
    return "ru" if cyrillic / len(letters) >= CYRILLIC_SHARE_FOR_RUSSIAN else "en"
