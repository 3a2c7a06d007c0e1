"""Twinnings listed as pairs: "two agreements on sister relations were signed: one between
Shymkent and Xi'an, the other between …"; "побратимские отношения установлены между округом
Кашгар и Кизирикским районом …; между городом Кашгар и …, а также городом Фергана".

Each pair "between A and B" ("между A и B") of a sentence that speaks of twinning is one
agreement; "as well as C" ("а также C") pairs C with the A before it. The place is where the
text says the documents were signed (the summit's, else the place of the signing event the
document names, by name or by its adjective: "Кашгарской ярмарки" is Kashgar's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = ["Pair", "twinning_pairs"]

_TWINNING = re.compile(
    r"\bsister[- ](?:city|cities|relations|region|province|ties)|\btwin(?:ned|ning)?\s+(?:cit|town)"
    r"|(?<![\w-])(?:побратим\w*|породнил\w*|породнён\w*|породнен\w*)",
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"\b(?:between)\s+(?P<a>[^;:]{2,80}?)\s+and\s+(?P<b>[^;:,]{2,80}?)(?=\s*(?:[;,.]|$|\s+as\s+well\s+as\b))"
    r"|(?<![\w-])между\s+(?P<ra>[^;:]{2,80}?)\s+и\s+(?P<rb>[^;:,]{2,80}?)(?=\s*(?:[;,.]|$|\s+а\s+также\b))",
)
_ALSO = re.compile(
    r"\s*,?\s*(?:as\s+well\s+as|а\s+также)\s+(?P<c>[^;:,.]{2,80}?)(?=\s*(?:[;,.]|$))", re.IGNORECASE
)
#: A party named by a capitalised word, at most one lower-case word before it ("the city Xi'an").
_NAMED_PARTY = re.compile(r"(?:the\s+)?(?:[a-zа-яё]+\s+)?[A-ZА-ЯЁ]")
#: A party ends before a region or province it lies in, in the genitive or after a comma:
#: "Кизирикским районом Сурхандарьинской области" → "Кизирикским районом".
_RU_REGION_TAIL = re.compile(
    r"\s+[А-ЯЁ][а-яё-]+(?:ой|ского|кого)\s+(?:области|края|округа|района)$"
)


Pair = tuple[str, str, int, int]  # (first party, second party, start, end) in the text


def twinning_pairs(view: SentenceView) -> Iterator[Pair]:
    """Each pair of twinned parties listed in a sentence about twinning."""
    if _TWINNING.search(view.sentence) is None:
        return
    for found in _PAIR.finditer(view.sentence):
        russian = found["ra"] is not None
        a = found["ra"] if russian else found["a"]
        b = found["rb"] if russian else found["b"]
        if not _NAMED_PARTY.match(a):
            continue  # "between the two countries": not a party named
        group = "ra" if russian else "a"
        if _a_country(view, view.start + found.start(group), view.start + found.end(group)):
            continue  # "sister cities between China and Kazakhstan": a count, not a pair
        yield a, _party(b), view.start + found.start(), view.start + found.end()
        also = _ALSO.match(view.sentence, found.end())
        if also is not None:
            yield a, _party(also["c"]), view.start + found.start(), view.start + also.end()


def _a_country(view: SentenceView, start: int, end: int) -> bool:
    """True when the party at ``start:end`` is a country or a group of countries."""
    return any(
        m.start >= start
        and m.end <= end
        and m.ids(EntryKind.COUNTRY, EntryKind.FOREIGN, EntryKind.GROUP)
        and not view.text[start:end].replace(m.text, "").strip(" ,'’s")
        for m in view.matches
    )


def _party(text: str) -> str:
    """A party as named, without the region it lies in."""
    return _RU_REGION_TAIL.sub("", text.strip())
