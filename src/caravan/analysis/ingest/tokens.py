"""Word tokens with offsets and the script-, case- and inflection-blind keys they match by.

A Cyrillic word is reduced to its dictionary lemma when pymorphy3 knows it as a noun or
adjective (so every case form meets its name), then to a crude stem (Russian case endings
dropped, which also covers names the dictionary lacks) and transliterated, so "Казахстаном", "Казахстана" and "Kazakhstan" share the key
``kazakhstan``; a Latin word is folded to lower case without accents or apostrophes, with
British spellings made American ("neighbour" → "neighbor").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from caravan.analysis.ingest.languages import is_cyrillic
from caravan.analysis.ingest.morphology import noun_lemma

__all__ = ["CYRILLIC_NAME", "LATIN_NAME", "Token", "token_key", "tokenise", "transliterate"]

#: A capitalised name of one word or two joined by a hyphen ("Kulob", "Ak-Tyuz"), in Latin
#: and in Cyrillic letters: regular-expression sources the reading rules build on.
LATIN_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
CYRILLIC_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"


@dataclass(frozen=True)
class Token:
    """A word and its span; ``key`` is what it matches names by."""

    start: int
    end: int
    text: str
    key: str

    @property
    def capitalised(self) -> bool:
        """True when the word starts with a capital letter or a digit."""
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def cyrillic(self) -> bool:
        """True when the word is written in Cyrillic."""
        return any(is_cyrillic(c) for c in self.text)


_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh, Kyrgyz and Tajik letters
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ҷ": "j", "ӣ": "i", "ӯ": "u", "ҳ": "h",
}  # fmt: skip

#: Russian endings dropped to reach a stem, longest first.
_ENDINGS = (
    "иями", "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый",
    "ая", "яя", "ое", "ее", "ые", "ие", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ую",
    "юю", "ию", "ия", "ии", "а", "я", "о", "е", "и", "ы", "у", "ю", "й", "ь",
)  # fmt: skip

_SPELLINGS = (
    (re.compile(r"neighbour"), "neighbor"),
    (re.compile(r"isation"), "ization"),
    (re.compile(r"centre"), "center"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"kilometre"), "kilometer"),
)


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    return [
        Token(m.start(), m.end(), m.group(), token_key(m.group()))
        for m in _WORD.finditer(text, start, len(text) if end is None else end)
    ]


#: Turkic and Slavic Latin letters spelt with two letters in English and in transliteration.
_TURKIC = str.maketrans({"ş": "sh", "ç": "ch", "š": "sh", "č": "ch", "ž": "zh"})


_APOSTROPHES = re.compile(r"['’ʼ`]")


@functools.lru_cache(maxsize=65_536)
def token_key(word: str) -> str:
    """The form a word is matched by (see the module docstring); words repeat, so cached."""
    word = word.casefold()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if any(is_cyrillic(c) for c in word):
        return transliterate(_stem(noun_lemma(word)))
    word = word.translate(_TURKIC)  # "Galkynyş" is said "Galkynysh", as Russian writes it
    decomposed = unicodedata.normalize("NFKD", word)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _APOSTROPHES.sub("", folded)
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, folded)
    return folded


def transliterate(word: str) -> str:
    """Latin letters for a Cyrillic word ("дж" as "j", so Таджикистан → tajikistan)."""
    word = word.replace("дж", "j")
    return "".join(_TRANSLIT.get(c, c) for c in word)


def _stem(word: str) -> str:
    word = word.replace("ё", "е")
    if len(word) < 4:
        return word
    for ending in _ENDINGS:
        # A stem keeps four letters before a longer ending ("Кит-ая" would lose Китай's
        # stem) and three before a single letter ("Ази-я", "Ази-и").
        if word.endswith(ending) and len(word) - len(ending) >= (3 if len(ending) == 1 else 4):
            return word[: -len(ending)]
    return word
