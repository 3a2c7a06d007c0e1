"""A second name and date after a dated status phrase, its verb left out: the same step.

"Line A went into operation in December 2009 and Line B in October 2010", "линия A введена в
декабре 2009 года, а линия B – в октябре 2010 года": line B went into operation in October
2010. Only a bare name and date after "and" count, with the clause ending there; a name with
a verb of its own ("and Line B opened later") is read by the status reader itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from caravan.analysis.ingest.context import Candidate, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.model.proposals import ProposedStatusEvent

__all__ = ["gapped_events"]

#: What joins the first date to the second name: "and", ", а", "и".
_JOIN = re.compile(r"\s*,?\s*(?:and|а|и)\s+(?:the\s+)?", re.IGNORECASE)
#: What joins the second name to its date: " in ", " – в ".
_BEFORE_DATE = re.compile(r"\s*(?:[-–—]\s*)?(?:in|on|в|во)\s+", re.IGNORECASE)
#: The clause ends after the second date.
_CLAUSE_END = re.compile(r"\s*(?:[.;,)]|$)")
#: How far after a phrase its date may stand.
_DATE_REACH = 60


def gapped_events(view: SentenceView, produced: Iterable[Candidate]) -> Iterator[Candidate]:
    """The same step for a name and date that follow a dated status phrase with no verb."""
    projects = view.of_kind(EntryKind.PROJECT)
    for candidate in list(produced):
        payload = candidate.payload
        if not isinstance(payload, ProposedStatusEvent) or not candidate.date_stated:
            continue
        first = [
            d
            for d in view.dates
            if d.date == payload.date and candidate.start <= d.start <= candidate.end + _DATE_REACH
        ]
        if not first:
            continue
        joined = _JOIN.match(view.text, first[0].end)
        if joined is None:
            continue
        second = [p for p in projects if p.start == joined.end() and not p.borrowed]
        if not second:
            continue
        before_date = _BEFORE_DATE.match(view.text, second[0].end)
        dates = [d for d in view.dates if before_date and d.start == before_date.end()]
        if not dates or not _CLAUSE_END.match(view.text, dates[0].end, view.end):
            continue
        yield Candidate(
            payload=ProposedStatusEvent(
                project_id=second[0].ids(EntryKind.PROJECT)[0],
                status=payload.status,
                date=dates[0].date,
                date_precision=dates[0].precision,
            ),
            start=second[0].start,
            end=dates[0].end,
            confidence=candidate.confidence,
            flags=candidate.flags,
        )
