"""A news report's dateline: the city (and day) it was filed from, at the top of the text.

"ASTANA, June 17 (Kazinform) –", "BISHKEK (Reuters) -", "Астана, 17 июня." A document
signed "today" in such a report was signed there unless the sentence names a place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.analysis.ingest.sentences import Sentence

__all__ = ["find_dateline"]

#: How many sentences from the top a dateline may stand (after a headline or a byline).
_DATELINE_SENTENCES = 4
#: Between the city and its day: a comma, perhaps the country or the agency in brackets.
_BEFORE_DAY = re.compile(
    r"(?:\s*,\s*[A-ZА-ЯЁ][\w-]+)?\s*(?:\([^()\n]{1,40}\)\s*)?[,./]?\s*$"
)  # "BISHKEK, Kyrgyzstan, Dec 16": a country may follow the city
#: A city with no day: the agency in brackets, or a dash, right after it.
_NO_DAY = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-|\.)\s", re.UNICODE)


def find_dateline(
    found: Sequence[tuple[Sentence, tuple[Match, ...], tuple[DateMention, ...]]],
) -> tuple[Match, dt.date | None] | None:
    """The place named (and day) of the dateline at the top of a text, if it has one."""
    top = found[:_DATELINE_SENTENCES]
    for number, (sentence, matches, dates) in enumerate(top):
        places = [m for m in matches if m.ids(EntryKind.PLACE)]
        if not places:
            continue
        first = min(places, key=lambda m: m.start)
        if sentence.text[: first.start - sentence.start].strip() or not first.text[:1].isupper():
            continue  # the city must open its line, capitalised
        rest = sentence.text[first.end - sentence.start :]
        if not rest.strip(" .") and number + 1 < len(top):
            # "Бишкек. 16 декабря. …": the city alone, its day opening the next sentence
            following = top[number + 1]
            if following[2] and following[2][0].start == following[0].start:
                return first, following[2][0].date
            if first.text.isupper():
                return first, None  # "XI'AN. KAZINFORM …": the city in capitals, no day
        later = [d for d in dates if d.start >= first.end]
        day = min(later, key=lambda d: d.start) if later else None
        if day is not None and _BEFORE_DAY.fullmatch(
            sentence.text[first.end - sentence.start : day.start - sentence.start]
        ):
            return first, day.date
        if _NO_DAY.match(rest):
            return first, None
    return None
