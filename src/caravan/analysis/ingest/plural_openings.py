"""A planned opening said of several lines named just before: "Kyzylzhar – Moyinty and Darbaza –
Maktaaral are being built … All these projects will be commissioned this year", "Сейчас
строятся линии … все эти объекты сдадут в нынешнем году". Each known project of the sentence
before that is not yet in service takes the year; one in service is being upgraded, not opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.future_openings import future_openings
from caravan.analysis.ingest.gazetteer import EntryKind, Match

__all__ = ["openings_of_those_named"]

#: A subject that gathers the things named before.
_ALL_THESE = re.compile(
    r"\b(?:all\s+(?:of\s+)?(?:these|those|the)\s+(?:\w+\s+)?(?:projects|lines|facilities|sections)"
    r"|all\s+of\s+them|they\s+all)\b"
    r"|(?<![\w-])(?:все\s+(?:эти|перечисленные|указанные)\s+(?:\w+\s+)?(?:объект\w*|проект\w*|лини\w*"
    r"|участк\w*)|все\s+они)(?![\w-])",
    re.IGNORECASE,
)


def openings_of_those_named(view: SentenceView) -> Iterator[tuple[Match, int, int, int]]:
    """(project, year, start, end) for each known project the sentence before names, not in
    service, when this sentence says all of them will open in a year."""
    if view.previous is None or any(not m.borrowed for m in view.of_kind(EntryKind.PROJECT)):
        return  # a project named here is the subject (one referred back to is not)
    gathered = _ALL_THESE.search(view.sentence)
    if gathered is None:
        return
    opening = next(iter(future_openings(view)), None)
    if opening is None:
        return
    start, end, year = opening
    since = view.context.in_service_since
    seen: set[str] = set()
    for project in view.previous.of_kind(EntryKind.PROJECT):
        project_id = project.ids(EntryKind.PROJECT)[0]
        if project.borrowed or project_id in since or project_id in seen:
            continue
        seen.add(project_id)
        yield project, year, start, end
