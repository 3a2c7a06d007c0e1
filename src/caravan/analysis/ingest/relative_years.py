"""A day or month written with a year relative to the report ("on June 6 last year",
"6 июня прошлого года", "in March of next year") takes that year, not the report's; a year
inside a span of years ("the programme for 2023–2027", "на 2023–2027 годы") names a period,
not the date of an event."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from caravan.model.enums import DatePrecision

if TYPE_CHECKING:
    from caravan.analysis.ingest.dates import DateMention

__all__ = ["anchor_years", "outside_spans_of_years"]

_YEAR_AFTER = re.compile(
    r",?\s+(?:of\s+)?(?P<en>this|last|next|the\s+previous|the\s+current)\s+year\b"
    r"|,?\s+(?P<ru>этого|текущего|нынешнего|прошлого|минувшего|следующего|будущего)\s+года"
    r"(?![\w-])",
    re.IGNORECASE,
)
_OFFSETS = {
    "this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1,
    "этого": 0, "текущего": 0, "нынешнего": 0, "прошлого": -1, "минувшего": -1,
    "следующего": 1, "будущего": 1,
}  # fmt: skip


def anchor_years(text: str, mentions: list[DateMention], reference: dt.date) -> list[DateMention]:
    """``mentions`` with each yearless day or month followed by a relative year given that
    year (its span taking the year's words in)."""
    anchored: list[DateMention] = []
    for mention in mentions:
        after = _YEAR_AFTER.match(text, mention.end)
        if (
            after is None
            or not mention.inferred_year
            or mention.precision not in (DatePrecision.DAY, DatePrecision.MONTH)
        ):
            anchored.append(mention)
            continue
        word = re.sub(r"\s+", " ", (after["en"] or after["ru"]).casefold())
        year = reference.year + _OFFSETS[word]
        try:
            date = mention.date.replace(year=year)
        except ValueError:
            anchored.append(mention)
            continue
        anchored.append(
            dataclasses.replace(mention, date=date, end=after.end(), inferred_year=False)
        )
    return anchored


_SPAN_OF_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d\s?[–—-]\s?(?:19|20)?\d\d(?!\d)")


def outside_spans_of_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` without the years of a span ("2023–2027"): a period, not a date."""
    spans = [(m.start(), m.end()) for m in _SPAN_OF_YEARS.finditer(text)]
    return [
        m
        for m in mentions
        if not (
            m.precision is DatePrecision.YEAR
            and any(a <= m.start < b or a < m.end <= b for a, b in spans)
        )
    ]
