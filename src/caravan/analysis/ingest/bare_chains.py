"""A chain of country names is a project's name only beside the project's head noun.

"Китай – Кыргызстан – Узбекистан" is an alias of the CKU railway in the knowledge base, but
"по маршруту Китай — Кыргызстан — Узбекистан" of a trucking route, or a chain of states in
a sentence about trade, names no railway. A chain of countries counts as the project when a
line, works or project noun stands right before or after it ("the China-Kyrgyzstan-
Uzbekistan project", "строительство Китай – Кыргызстан – Узбекистан"); otherwise its words
are the countries they name.
"""

from __future__ import annotations

import re

__all__ = ["beside_head_noun"]

#: Nouns of the things projects are, or of the works on them, in either language (stems).
_HEAD_AFTER = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?[\"»”]?\s*(?:(?:rail|railroad|railway|line|road|highway"
    r"|motorway|pipeline|gas\s+pipeline|corridor|project|tunnel|bridge|железн|магистрал"
    r"|дорог|трубопровод|газопровод|коридор|проект|автодорог|лини))",
    re.IGNORECASE,
)
_HEAD_BEFORE = re.compile(
    r"(?:railway|railroad|line|road|highway|pipeline|corridor|project|construction|building"
    r"|дорог[аиеуойы]*|магистрал[ьиейя]*|трубопровод[аеуом]*|газопровод[аеуом]*|коридор[аеуом]*"
    r"|проект[аеуом]*|строительств[оаеу]м?|лини[яиейю]|ККУ|CKU)\s+[\"«„“]?\s*$",
    re.IGNORECASE,
)


def beside_head_noun(text: str, start: int, end: int) -> bool:
    """True when a line, works or project noun stands right before or after ``text[start:end]``."""
    return bool(
        _HEAD_AFTER.match(text, end) or _HEAD_BEFORE.search(text, max(0, start - 40), start)
    )
