"""Planned openings read from a future opening verb and any date of its clause.

Rather than a phrase per way of saying the year, the verb and the date are found apart: a
future or planned opening verb ("will open", "is to be commissioned", "is striving to put …
into use", "откроется",
"введут", "планируется открыть", "будет запущен") and a date the date reader found in the
same clause ("this year", "next year", "in 2027", "в этом году", "в следующем году", "к
концу 2026 года"), or fronted in a phrase of its own ("В 2026 году, по его словам, …"). The planned year is that date's year, when it is not before the report's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.fronted_dates import fronted_date
from caravan.analysis.ingest.morphology import LemmaPattern

__all__ = ["future_openings"]

_EN_FUTURE_OPENING = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set\s+|due\s+|expected\s+|scheduled\s+|planned\s+)?to)\s+"
    r"(?:be\s+)?(?:open(?:ed)?|commissioned|completed|launched|operational|put\s+into\s+"
    r"(?:service|operation)|(?:enter|go\s+into|come\s+into)\s+(?:service|operation))\b"
    # an aim to put the facility into use: "is striving to put both workshops into use next
    # year", "aims to bring the plant into operation in 2027", "hopes to open it"
    r"|\b(?:striv\w+|seek\w*|sought|aim\w*|hop\w+|intend\w*|plan\w*|work\w*|push\w*|tr(?:y|ies|ying)"
    r"|expect\w*|want\w*|promis\w+|pledg\w+|determined|going)\s+to\s+"
    r"(?:(?:put|bring)\s+(?:[\w-]+\s+){0,4}?into\s+(?:service|use|operation)|open|commission|launch"
    r"|complete|finish)\b",
    re.IGNORECASE,
)
#: Russian opening verbs in the (perfective) future or the infinitive (marked ``инф_``), or
#: "будет" with a short participle: "откроется", "введут", "планируется открыть", "будет открыт".
_RU_FUTURE_OPENING = LemmaPattern(
    r"(?<!\w)(?:инф_(?:открыть|открыться|ввести|запустить|сдать|достроить|заработать|завершить)"
    # "в 2026 году в эксплуатацию войдут новые линии", "войдут в строй"
    r"|(?:в\s+(?:эксплуатация|строй)\s+инф_войти|инф_войти\s+в\s+(?:эксплуатация|строй))"
    r"|быть\s+(?:открыть|открытый|ввести|введённый|введенный|запустить|запущенный|сдать|сданный"
    # "строительство должно быть завершено в 2025 году": completion tied to a year (rule 20)
    r"|завершить|завершённый|завершенный|достроить|достроенный))(?!\w)"
)


def future_openings(view: SentenceView) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of each future opening verb with a date in its clause."""
    reference = view.context.reference
    verbs = [
        (m.start(), m.end()) for m in _EN_FUTURE_OPENING.finditer(view.text, view.start, view.end)
    ]
    verbs += [
        (m.start(), m.end()) for m in _RU_FUTURE_OPENING.finditer(view.text, view.start, view.end)
    ]
    for start, end in verbs:
        lo, hi = view.segment_of(start)
        dates = [d for d in view.dates if lo <= d.start and d.end <= hi and not d.since]
        if not dates:
            fronted = fronted_date(view, start, [])
            if fronted is not None and (reference is None or fronted.date.year >= reference.year):
                yield start, end, fronted.date.year  # "В 2026 году, по его словам, … войдут …"
            continue
        date = min(dates, key=lambda d: min(abs(d.start - end), abs(start - d.end)))
        if reference is not None and date.date.year < reference.year:
            continue  # a date before the report: not a plan
        yield min(start, date.start), max(end, date.end), date.date.year
