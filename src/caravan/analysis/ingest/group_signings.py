"""Documents of a group signed together: dated and placed by the sentence reporting the group,
or by the event the report opens with.

"Kazakh and Chinese companies put their names to 58 documents at the forum in Astana. Among
them is an investment agreement with … The Investment Committee also signed an investment
contract with …", "25 октября стороны подписали несколько соглашений … Кроме того, заключен
договор о …": a document named in the few sentences after a group of documents was reported
signed, and given no date or place of its own, was signed where and when the group was.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.model.enums import DatePrecision

__all__ = ["group_signing", "opening_event"]

#: How many sentences back the group's signing may stand.
GROUP_SENTENCES = 6
#: A group of documents signed: "58 documents", "several agreements", "пакет документов",
#: "несколько соглашений", "29 документов".
_GROUP = re.compile(
    r"\b(?:\d+|several|many|a\s+number\s+of|a\s+package\s+of|a\s+series\s+of|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of)\s+(?:\w+\s+){0,2}?"
    r"(?:documents|agreements|memoranda|contracts|deals)\b"
    r"|(?<![\w-])(?:\d+|несколько|ряд|пакет|более\s+\d+|два|две|три|четыре|пять|шесть|семь|восемь"
    r"|девять|десять|одиннадцать|двенадцать|полтора\s+десятка|десятки)\s+(?:\w+\s+){0,2}?"
    r"(?:документ\w*|соглашени\w*|меморандум\w*|договор\w*|контракт\w*)"
    # deals counted by their value: "agreements worth $2 billion", "соглашения более чем на 1 млрд"
    r"|\b(?:documents|agreements|deals|contracts)\s+(?:worth|valued\s+at)\b"
    r"|(?<![\w-])(?:документ\w*|соглашени\w*|контракт\w*|сделк\w*)\s+(?:на\s+(?:общую\s+)?сумму"
    r"|(?:более|свыше|почти|около)\s+(?:чем\s+)?на)\s",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\bsign(?:ed|ing)\b|\bconcluded\b|\binked\b|\bput\s+their\s+names\s+to\b"
    r"|(?<![\w-])(?:подписа\w*|заключ[её]н\w*|заключили)(?![\w-])",
    re.IGNORECASE,
)


def group_signing(view: SentenceView) -> tuple[str | None, DateMention | None] | None:
    """(place id, date) of the group of documents signed a few sentences before ``view``, or
    None when no such sentence stands there. The dateline's city is no place of the group."""
    found = False
    place: str | None = None
    date: DateMention | None = None
    for earlier in view.previous_sentences(GROUP_SENTENCES):
        if not (_GROUP.search(earlier.sentence) and _SIGNED.search(earlier.sentence)):
            continue
        # "… 25 октября стороны подписали несколько соглашений. … После переговоров подписали
        # пакет документов": the group told twice, its date in the first telling
        found = True
        places = {
            m.ids(EntryKind.PLACE)[0]
            for m in earlier.of_kind(EntryKind.PLACE)
            if m.start != view.context.dateline_start
        }
        dates = [d for d in earlier.dates if d.precision is not DatePrecision.YEAR]
        place = place or (places.pop() if len(places) == 1 else None)
        date = date or (dates[0] if dates else None)
    return (place, date) if found else None


#: How many sentences back the report's opening may stand.
OPENING_SENTENCES = 12
#: An event a report may open with.
_EVENT = re.compile(
    r"\b(?:conference|forum|summit|expo|exhibition|fair|congress)\b"
    r"|(?<![\w-])(?:конференци|форум|саммит|выставк|ярмарк|конгресс)\w*",
    re.IGNORECASE,
)


def opening_event(view: SentenceView) -> tuple[str, DateMention] | None:
    """(place id, day) of the event the report opens with ("12 ноября 2024 года в Чэнду начала
    работу конференция …"), for a document signed later in the report with neither; None
    when the first sentence names no event with one day and one place."""
    earlier = list(view.previous_sentences(OPENING_SENTENCES))
    if not earlier or earlier[-1].previous is not None:
        return None  # the report's first sentence is further back
    first = earlier[-1]
    if not _EVENT.search(first.sentence):
        return None
    places = {m.ids(EntryKind.PLACE)[0] for m in first.of_kind(EntryKind.PLACE) if not m.borrowed}
    days = [d for d in first.dates if d.precision is DatePrecision.DAY]
    if len(places) != 1 or len(days) != 1:
        return None
    return places.pop(), days[0]
