"""The time frame a narrative sets: a year named just before holds for the undated steps after.

A review of a past year ("According to the statement, track repair made big strides in 2023.
Construction began on …") reports its steps in that year, not on the day it was published.
An undated step (not a state: "began", not "is under way"; in a sentence with no verb in the
present) takes the year the nearest earlier sentence that gives a date names (its first date
that is no comparison's base, "than in 2022"), when that date is a bare year before the
report's year and comes from one of the two sentences just before.
"""

from __future__ import annotations

import datetime as dt
import re

from caravan.analysis.ingest.context import SentenceView
from caravan.model.enums import DatePrecision

__all__ = ["FRAME_SENTENCES", "framing_year"]

#: How many sentences back a year still frames the narrative.
FRAME_SENTENCES = 2
#: A verb in the present: the sentence describes how things stand, not the year's steps.
_PRESENT = re.compile(r"\b(?:is|are|has|have|remains?)\b")
#: A comparison's base ("than in 2022", "as in 2022", "чем в 2022"): not the narrative's year.
_COMPARED = re.compile(r"\b(?:than|as)\s+(?:in\s+)?$|(?<![\w-])чем\s+(?:в\s+)?$", re.IGNORECASE)


def framing_year(view: SentenceView) -> dt.date | None:
    """The year (its first day) the sentences just before set as the narrative's time, or
    None when the nearest date before is not a bare past year."""
    reference = view.context.reference
    if reference is None or _PRESENT.search(view.sentence):
        return None
    for earlier in view.previous_sentences(FRAME_SENTENCES):
        dates = [
            d
            for d in earlier.dates
            if not _COMPARED.search(view.text, max(0, d.start - 12), d.start)
        ]
        if not dates:
            continue
        date = dates[0]
        if date.precision is DatePrecision.YEAR and date.date.year < reference.year:
            return dt.date(date.date.year, 1, 1)
        return None
    return None
