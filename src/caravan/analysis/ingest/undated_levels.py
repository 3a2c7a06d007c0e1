"""A trade level the text gives without a year: the last whole year before the report.

"Товарооборот между Казахстаном и Китаем вышел на рекордные 44 млрд долларов", "mutual trade
has doubled to $9 billion", "взаимный товарооборот вырос вдвое, до $9 млрд": a level reached,
said in the past or perfect (or given by a dash: "Казахстан — 30,1 млрд") with no year anywhere
near, is the last whole year's (the year trade statistics were last complete). It is proposed flagged as a reading, not a statement.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView

__all__ = ["last_full_year"]

#: A level reached, right before the amount in its clause.
_LEVEL_REACHED = re.compile(
    r"\b(?:reached|hit|stood\s+at|(?:rose|grew|climbed|increased|doubled|tripled)\s+(?:\w+\s+)?to"
    r"|amounted\s+to|totall?ed|has\s+(?:reached|hit|doubled\s+to|grown\s+to|risen\s+to))\s+"
    r"(?:a\s+record\s+|an\s+all-time\s+high\s+of\s+|about\s+|almost\s+|nearly\s+)?$"
    r"|(?<![\w-])(?:вышел\s+на|достиг\w*|составил\w*|(?:вырос|увеличился|удвоился)\w*"
    r"(?:\s+(?:вдвое|втрое|почти\s+вдвое))?,?\s+до)\s+(?:рекордн\w+\s+|почти\s+|около\s+)?$"
    # a level given by a dash or colon for "is" ("торгует с Китаем Казахстан — 30,1 млрд")
    r"|\S\s*[—–:]\s+(?:about\s+|almost\s+|nearly\s+|почти\s+|около\s+)?$",
    re.IGNORECASE,
)
#: How far before the amount its verb may stand.
_REACH = 60


def last_full_year(view: SentenceView, start: int) -> int | None:
    """The last whole year before the report, when the amount at ``start`` is a level
    reached with no year in its sentence; else None."""
    reference = view.context.reference
    if reference is None or view.dates:
        return None
    before = view.text[max(view.start, start - _REACH) : start]  # "вырос вдвое, до": past a comma
    if _LEVEL_REACHED.search(before) is None:
        return None
    return reference.year - 1
