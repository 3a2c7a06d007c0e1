"""A held document cited with its own date was signed that day: "записанных в Сианьской
декларации от 19 мая 2023 года", "the goals set in the Xi'an Declaration of 19 May 2023".

The date written right after the title ("от", "of", "dated") is the document's, whatever the
sentence's verb; a held title alone, cited without its day, is no proposal (nothing says it
was signed, corpus rule 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.model.enums import DatePrecision

__all__ = ["dated_held_documents"]

#: The word joining a title to its date: "от 19 мая 2023 года", "of 19 May 2023", "dated …".
_DATED = re.compile(r"\s*,?\s*(?:от|of|dated|signed\s+on)\s+", re.IGNORECASE)


def dated_held_documents(view: SentenceView) -> Iterator[tuple[Match, DateMention]]:
    """Each held agreement named in the sentence with its day right after its title."""
    for match in view.of_kind(EntryKind.AGREEMENT):
        if match.borrowed:
            continue
        joined = _DATED.match(view.text, match.end, view.end)
        if joined is None:
            continue
        for date in view.dates:
            if date.start == joined.end() and date.precision is DatePrecision.DAY:
                yield match, date
