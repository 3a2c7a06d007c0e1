"""Two bodies named by what they are, then their signing of an untitled document, with where
or when said between the verb and the document: "the National Bank of Uzbekistan and the
Export-Import Bank of China signed, in Beijing at the forum, a strategic agreement",
"Национальный банк … Узбекистана и Экспортно-импортный банк Китая подписали в Пекине, на
форуме …, стратегическое соглашение". A reader names the document by the two: "Стратегическое
соглашение между Национальным банком … и Экспортно-импортным банком Китая".
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.signing_parties import without_fronted_time

__all__ = ["described_signers", "in_instrumental"]

#: A body in English: capitalised words joined by "of", "for", "the", "and" inside a name.
_EN_BODY = r"(?:the\s+)?(?-i:[A-Z][\w'’.&-]*)(?:\s+(?:(?:of|for|the)\s+)*(?-i:[A-Z0-9][\w'’.&-]*))*"
#: A short name in brackets after a body's: "the Export-Import Bank of China (China Exim Bank)".
_EN_SHORT = r"(?:\s+\([^()]{1,40}\))?"
_EN = re.compile(
    r"(?P<a>"
    + _EN_BODY
    + r")"
    + _EN_SHORT
    + r"\s+and\s+(?P<b>"
    + _EN_BODY
    + r")"
    + _EN_SHORT
    + r"\s+(?:have\s+|has\s+)?"
    r"(?:signed|concluded|inked),?\s+(?:[^.;]{0,80}?,\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
)
#: A body in Russian: a capitalised word, then lower-case words and capitalised genitives.
_RU_BODY = r"(?-i:[А-ЯЁ][\w-]+)(?:\s+(?:(?-i:[а-яё][\w-]*)|(?-i:[А-ЯЁ][\w-]+))){1,6}?"
_RU = re.compile(
    r"(?P<a>" + _RU_BODY + r")\s+и\s+(?P<b>" + _RU_BODY + r")\s+(?:подписали|заключили)\s+"
    r"(?:[^.;]{0,80}?,\s+)?(?:(?-i:[а-яё-]+)\s+){0,2}$"
)
#: Words a body's name does not start with (a pronoun, "the parties").
_NOT_A_BODY = re.compile(r"^(?:This|That|These|They|It|He|She|We|Стороны|Они)\b")


def described_signers(
    text: str, sentence_start: int, start: int, russian: bool
) -> tuple[str, str] | None:
    """The two bodies that signed the untitled document at ``start``, named before the verb
    in the sentence beginning at ``sentence_start``; None when the sentence names no pair."""
    found = (_RU if russian else _EN).search(text, sentence_start, start)
    if found is None or found.end() != start:
        return None
    a, b = without_fronted_time(found["a"]), found["b"]
    if _NOT_A_BODY.match(a):
        return None
    if not russian and not (" of " in a or " of " in b):
        return None  # bodies named by what they are carry "of": "the Bank of China"
    return a, b


def in_instrumental(body: str) -> str:
    """A Russian body in the instrumental, as after "между": its leading words in the
    nominative inflected ("Национальный банк … Узбекистана" → "Национальным банком …
    Узбекистана"), the genitive words after them as written."""
    words = body.split()
    for index, word in enumerate(words):
        parse = next((p for p in analyser().parse(word.casefold()) if "nomn" in p.tag), None)
        if parse is None or parse.tag.POS not in {"ADJF", "NOUN"}:
            break
        form = parse.inflect({"ablt"})
        if form is None:
            break
        written = str(form.word)
        words[index] = written[:1].upper() + written[1:] if word[:1].isupper() else written
        if parse.tag.POS == "NOUN":
            break  # the head noun: what follows is its genitive
    return " ".join(words)
