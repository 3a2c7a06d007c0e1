"""A date set before its clause as a phrase of its own dates the clause that follows.

"Before that, on June 6, 2024, the governments … signed an agreement", "Then, in March 2023,
the line was opened", "Ранее, 6 июня 2024 года, правительства … подписали соглашение": the
date stands between commas at the head of the sentence, far from the verb, and is the
verb's. A fronted date is taken only when no other status verb comes between it and the
trigger.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.dates import DateMention

__all__ = ["fronted_date"]

#: Words that may stand beside a fronted date in its own phrase ("on", "in", "then", "ранее").
_MOST_WORDS_BESIDE = 3
_WORD = re.compile(r"[^\W\d_]+")


def fronted_date(view: SentenceView, start: int, others: list[int]) -> DateMention | None:
    """The date heading the sentence in a phrase of its own before ``start``, if any."""
    for date in view.dates:
        if date.end > start:
            break
        lo, hi = view.segment_of(date.start)
        if hi >= start or hi >= view.end or view.text[hi] != ",":
            continue  # the date's phrase must close with a comma before the trigger's clause
        beside = view.text[lo : date.start] + " " + view.text[date.end : hi]
        if len(_WORD.findall(beside)) > _MOST_WORDS_BESIDE:
            continue  # a clause of its own with its own verb, not a fronted phrase
        if any(date.end < verb < start for verb in others):
            continue
        if len(_WORD.findall(view.text[view.start : lo])) > _MOST_WORDS_BESIDE:
            continue  # not at the head of the sentence
        return date
    return None
