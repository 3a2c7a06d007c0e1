"""Russian lemmas from pymorphy3's dictionary, so every case form of a word meets its name.

The analyser loads offline (its dictionary ships with the package) in about 0.1 s; it is
created once, on first use. Only words the dictionary knows are lemmatised: a name it
does not know ("Мактаарала") would get a guessed lemma, often wrong ("мактаарать"), so
such words keep their form and the caller's own stemming decides.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymorphy3  # type: ignore[import-untyped]  # the package ships no type hints

__all__ = [
    "NOT_TAKEN_MARK",
    "LemmaMatch",
    "LemmaPattern",
    "LemmaView",
    "WordLemma",
    "agrees_with",
    "analyser",
    "inflected",
    "is_full_participle",
    "is_noun",
    "is_ordinal",
    "lemma_of",
    "lemma_view",
    "name_in_case",
    "nominative_phrase",
    "noun_lemma",
    "only_plural",
    "phrase_in_case",
    "singular_noun",
]

#: Parts of speech whose lemma is a name's base form (nouns and full adjectives).
_NAME_PARTS = frozenset({"NOUN", "ADJF"})
#: Verb forms that do not report a step taken: the infinitive and the (perfective) future.
_NOT_TAKEN = ("INFN", "futr")
#: The mark put before the lemma of a verb form that reports no step ("инф_открыть").
NOT_TAKEN_MARK = "инф_"

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@functools.cache
def analyser() -> pymorphy3.MorphAnalyzer:
    """The one morphological analyser of the process (loaded on first use, ~0.1 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class WordLemma:
    """A word's dictionary lemma (lower case) and whether the form reports no step taken."""

    lemma: str
    known: bool
    part: str | None
    not_taken: bool


@functools.lru_cache(maxsize=65_536)
def lemma_of(word: str) -> WordLemma:
    """The most likely dictionary reading of a Cyrillic word (its own form when unknown)."""
    lowered = word.casefold().replace("ё", "е")
    try:
        parse = analyser().parse(lowered)[0]
    except (KeyError, ValueError):  # a letter pymorphy3 has no shape for ("𗀀"): unknown
        return WordLemma(lowered, known=False, part=None, not_taken=False)
    if not parse.is_known:
        return WordLemma(lowered, known=False, part=None, not_taken=False)
    tag = parse.tag
    not_taken = tag.POS in ("VERB", "INFN") and any(g in tag for g in _NOT_TAKEN)
    return WordLemma(parse.normal_form.replace("ё", "е"), True, tag.POS, not_taken)


@functools.lru_cache(maxsize=4_096)
def is_full_participle(word: str) -> bool:
    """True when a reading of a Russian word is a full past passive participle ("открытый",
    "введённого", "сданную"): it says what was done to the noun beside it, unlike a short one
    ("открыт"), which is the predicate, or a present one ("строящиеся объекты … порта"), whose
    noun may be a part of the project."""
    lowered = word.casefold().replace("ё", "е")
    return _CYRILLIC_WORD.fullmatch(lowered) is not None and any(
        p.tag.POS == "PRTF" and "past" in p.tag and "pssv" in p.tag
        for p in analyser().parse(lowered)
    )


#: Parts of speech that agree with a full participle: its noun and that noun's adjectives.
_AGREEING_PARTS = frozenset({"NOUN", "ADJF", "PRTF"})


def _abbreviation(word: str) -> bool:
    """An indeclinable abbreviation in capitals ("ГОК", "СЭЗ", "СП"): pymorphy3 has no case
    for it, so it stands in any."""
    return len(word) >= 2 and word.isupper() and _CYRILLIC_WORD.fullmatch(word) is not None


@functools.lru_cache(maxsize=16_384)
def is_noun(word: str) -> bool:
    """True when the likeliest reading of a Russian word is a noun, or the word is an
    abbreviation in capitals ("терминал", "порта", "ГОК"; not "железная")."""
    if _abbreviation(word):
        return True
    parses = analyser().parse(word.casefold().replace("ё", "е"))
    return bool(parses) and parses[0].tag.POS == "NOUN"


@functools.lru_cache(maxsize=4_096)
def is_ordinal(word: str) -> bool:
    """True for an ordinal other than the first ("вторая", "третьего"): another one of a kind
    (pymorphy3's ``Anum``); "первый" may name the first of its kind, the thing itself."""
    lowered = word.casefold().replace("ё", "е")
    if lowered.startswith("перв"):
        return False
    return any("Anum" in p.tag for p in analyser().parse(lowered))


@functools.lru_cache(maxsize=16_384)
def agrees_with(word: str, participle: str) -> bool:
    """True when a reading of ``word`` (a noun or an adjective) stands in the case and number
    of a reading of the full ``participle``, and in its gender in the singular: "железная" and
    "дорога" agree with "построенная"; "у" and "компании" do not agree with "открытый". An
    abbreviation in capitals agrees with any ("ГОК", "СЭЗ")."""
    if _abbreviation(word):
        return True
    heads = [p.tag for p in analyser().parse(participle.casefold()) if p.tag.POS == "PRTF"]
    for parse in analyser().parse(word.casefold().replace("ё", "е")):
        tag = parse.tag
        if tag.POS not in _AGREEING_PARTS:
            continue
        for head in heads:
            if tag.case != head.case or tag.number != head.number:
                continue
            if head.number == "sing" and tag.gender and head.gender and tag.gender != head.gender:
                continue
            return True
    return False


@functools.lru_cache(maxsize=4_096)
def only_plural(word: str) -> bool:
    """True when every dictionary reading of a Russian noun is plural ("меморандумы",
    "меморандумов"; not "соглашения", which may be one agreement's genitive)."""
    nouns = [p for p in analyser().parse(word.casefold()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


#: English document nouns in the plural and their singular.
_ENGLISH_SINGULAR = {
    "documents": "document",
    "memoranda": "memorandum",
    "memorandums": "memorandum",
    "memos": "memo",
    "protocols": "protocol",
    "mous": "MoU",
    "agreements": "agreement",
    "contracts": "contract",
}


def singular_noun(word: str) -> str:
    """A plural noun in the singular ("documents" → "document", "меморандумы" →
    "меморандум"); other words (adjectives, unknown nouns) as written."""
    english = _ENGLISH_SINGULAR.get(word.casefold())
    if english is not None:
        return english
    if not only_plural(word):
        return word
    parse = next(p for p in analyser().parse(word.casefold()) if p.tag.POS == "NOUN")
    form = parse.inflect({"sing", "nomn"})
    return word if form is None else str(form.word)


def name_in_case(name: str, case: str) -> str:
    """A Russian name read as a noun in ``case`` and given in the nominative ("Капланбеке",
    "loct" → "Капланбек"); as written when already nominative or not read in that case."""
    parses = analyser().parse(name.casefold())
    if not parses or "nomn" in parses[0].tag:
        return name
    read = next((p for p in parses if p.tag.POS == "NOUN" and case in p.tag), None)
    if read is None:
        return name
    return "-".join(part[:1].upper() + part[1:] for part in str(read.normal_form).split("-"))


def noun_lemma(word: str) -> str:
    """The base form of a noun or adjective the dictionary knows, else the word (lower case)."""
    reading = lemma_of(word)
    if reading.known and reading.part in _NAME_PARTS:
        return reading.lemma
    return word.casefold().replace("ё", "е")


@dataclass(frozen=True)
class LemmaView:
    """A text with each Cyrillic word replaced by its lemma, and the way back to the text.

    The lemma text is cut into pieces, alternately the text between words (copied) and a
    word's lemma; ``pieces[i]`` is (start and end in the lemma text, start and end in the
    original, whether it is a word). A match in the lemmas covers the original words it
    touches.
    """

    text: str
    pieces: tuple[tuple[int, int, int, int, bool], ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was read from."""
        first = self._piece(start, lemma=True)
        last = self._piece(max(start, end - 1), lemma=True)
        begin = first[2] if first[4] else first[2] + start - first[0]
        finish = last[3] if last[4] else last[2] + max(start, end - 1) - last[0] + 1
        return begin, finish

    def _piece(self, position: int, lemma: bool) -> tuple[int, int, int, int, bool]:
        column = 0 if lemma else 2
        index = bisect.bisect_right(self.pieces, position, key=lambda p: p[column]) - 1
        return self.pieces[max(index, 0)]


@functools.lru_cache(maxsize=64)
def lemma_view(text: str, start: int = 0, end: int | None = None) -> LemmaView:
    """``text[start:end]`` with its Cyrillic words lemmatised (see :class:`LemmaView`; spans
    are offsets into ``text``); cached, as every rule asks for the same sentence."""
    stop = len(text) if end is None else end
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int, bool]] = []
    length = 0
    position = start
    for word in _CYRILLIC_WORD.finditer(text, start, stop):
        if word.start() > position:
            gap = word.start() - position
            pieces.append((length, length + gap, position, word.start(), False))
            parts.append(text[position : word.start()])
            length += gap
        reading = lemma_of(word.group())
        lemma = (NOT_TAKEN_MARK if reading.not_taken else "") + reading.lemma
        pieces.append((length, length + len(lemma), word.start(), word.end(), True))
        parts.append(lemma)
        length += len(lemma)
        position = word.end()
    pieces.append((length, length + stop - position, position, stop, False))
    parts.append(text[position:stop])
    return LemmaView("".join(parts), tuple(pieces))


@dataclass(frozen=True)
class LemmaMatch:
    """A match found in the lemmas, reported on the original text (as ``re.Match`` is)."""

    span: tuple[int, int]
    original: str

    def start(self) -> int:
        """Where the matched words start in the original text."""
        return self.span[0]

    def end(self) -> int:
        """Where the matched words end in the original text."""
        return self.span[1]

    def group(self, _index: int = 0) -> str:
        """The matched words as the original text writes them."""
        return self.original


class LemmaPattern:
    """A regular expression over lemmas ("подписать соглашение" finds "подписанного
    соглашения"), searched like ``re.Pattern`` on the original text."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[LemmaMatch]:
        """Every match in ``text[pos:endpos]``, spans in the original text."""
        end = len(text) if endpos is None else endpos
        if not _CYRILLIC_WORD.search(text, pos, end):
            return []  # only Russian words have lemmas to match
        view = lemma_view(text, pos, end)  # the sentence asked about, not the whole text
        found = []
        for match in self.pattern.finditer(view.text):
            span = view.original_span(match.start(), match.end())
            found.append(LemmaMatch(span, text[span[0] : span[1]]))
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> LemmaMatch | None:
        """The first match in ``text[pos:endpos]``, or None."""
        found = self.finditer(text, pos, endpos)
        return found[0] if found else None


#: Parts of speech that lead a Russian noun phrase up to its head noun.
_PHRASE_LEAD = frozenset({"ADJF", "PRTF", "NUMR"})


#: Endings of a hard-stem masculine noun by case ("хаб": "хаба", "хабу", "хабом", "хабе").
_MASCULINE_ENDINGS = {"nomn": "", "accs": "", "gent": "а", "datv": "у", "ablt": "ом", "loct": "е"}


def _unknown_masculine_head(word: str, adjectives: list[Any], written: list[str]) -> str | None:
    """The phrase in the nominative when its head noun is a word the dictionary lacks (a
    loanword such as "хаб") that agrees with masculine adjectives before it: the adjectives'
    case gives the noun's ending ("контейнерного хаба" → "Контейнерный хаб")."""
    if not word.isalpha() or any(a.tag.POS not in _PHRASE_LEAD for a in adjectives):
        return None
    first = adjectives[0].word
    for reading in analyser().parse(first):
        tag = reading.tag
        if tag.POS != "ADJF" or "masc" not in tag or "sing" not in tag:
            continue
        ending = _MASCULINE_ENDINGS.get(str(tag.case))
        if ending is None or not word.casefold().endswith(ending) or len(word) - len(ending) < 2:
            continue
        words = []
        for adjective, as_written in zip(adjectives, written, strict=True):
            form = adjective.inflect({"nomn", "sing", "masc"})
            if form is None:
                return None
            prefix = as_written.rpartition("-")[0]
            words.append(f"{prefix}-{form.word}" if prefix else form.word)
        words.append(word[: len(word) - len(ending)] if ending else word)
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words)
    return None


def _lead_parses(words: list[str]) -> tuple[list[Any], bool]:
    """Parses of the adjectives and head noun that lead a Russian phrase, and whether the head
    noun was reached; the words stop at the first one the dictionary does not read as either."""
    parses: list[Any] = []
    for word in words:
        if not _CYRILLIC_WORD.fullmatch(word):
            return parses, False
        parse = analyser().parse(word.rpartition("-")[2].casefold())[0]
        if not parse.is_known or parse.tag.POS not in _PHRASE_LEAD | {"NOUN"}:
            return parses, False
        parses.append(parse)
        if parse.tag.POS == "NOUN":
            return parses, True
    return parses, False


def _inflected_lead(
    words: list[str], parses: list[Any], case: str, *, keep_capitals: bool
) -> str | None:
    """The phrase with its leading adjectives agreeing with its head noun in ``case`` (a
    compound adjective changes its last part); None when the dictionary cannot inflect one."""
    words = list(words)
    head = parses[-1].tag
    number = "plur" if "plur" in head else "sing"
    agreement = {case, number} | ({head.gender} if number == "sing" and head.gender else set())
    if case == "accs" and head.animacy:
        agreement |= {head.animacy}
    for index, parse in enumerate(parses):
        form = parse.inflect({case, number} if index == len(parses) - 1 else agreement)
        if form is None:
            return None
        prefix = words[index].rpartition("-")[0]
        written = form.word if "ё" in words[index].casefold() else form.word.replace("ё", "е")
        if keep_capitals and words[index][:1].isupper():
            written = written[:1].upper() + written[1:]
        words[index] = f"{prefix}-{written}" if prefix else written
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def nominative_phrase(phrase: str) -> str:
    """A Russian noun phrase with its head noun and the adjectives before it in the
    nominative ("кредитного соглашения о …" → "Кредитное соглашение о …"), capitalised;
    a phrase the dictionary does not read so is returned as written. A compound adjective
    changes its last part ("транспортно-логистического" → "транспортно-логистический")."""
    words = phrase.split(" ")
    parses, headed = _lead_parses(words)
    if not headed:
        stop = len(parses)
        if (
            parses
            and stop < len(words)
            and _CYRILLIC_WORD.fullmatch(words[stop])
            and not analyser().parse(words[stop].rpartition("-")[2].casefold())[0].is_known
            and (guess := _unknown_masculine_head(words[stop], parses, words[:stop]))
        ):
            return guess  # "контейнерного хаба": a loanword noun the dictionary lacks
        return phrase
    inflected_phrase = _inflected_lead(words, parses, "nomn", keep_capitals=False)
    if inflected_phrase is None:
        return phrase
    return inflected_phrase[:1].upper() + inflected_phrase[1:]


@functools.lru_cache(maxsize=4096)
def inflected(word: str, case: str) -> str:
    """A Russian noun in another case ("Кыргызстан", "ablt" → "Кыргызстаном"), keeping its
    capital; the word as written when the dictionary does not know it."""
    parse = analyser().parse(word.casefold())[0]
    form = parse.inflect({case}) if parse.is_known and parse.tag.POS == "NOUN" else None
    if form is None:
        return word
    written: str = form.word
    return written[:1].upper() + written[1:] if word[:1].isupper() else written


@functools.lru_cache(maxsize=1024)
def phrase_in_case(phrase: str, case: str) -> str:
    """A Russian noun phrase with its head noun and the adjectives before it put in ``case``
    ("новый цементный завод", "gent" → "нового цементного завода"), the words after the head
    as written; the phrase as written when the dictionary does not read it so."""
    words = phrase.split(" ")
    parses, headed = _lead_parses(words)
    if not headed:
        return phrase
    return _inflected_lead(words, parses, case, keep_capitals=True) or phrase
