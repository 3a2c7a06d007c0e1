"""A signing placed by the meeting it follows: "По итогам заседания стороны подписали …",
"Following the session, the two sides signed …" refer back to the meeting the report told of
earlier ("В среду, 29 ноября, в Ашхабаде прошло заседание …"), however far back: the document
was signed where, and on the day, that meeting was held.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.model.enums import DatePrecision

__all__ = ["referred_meeting"]

#: How many sentences back the meeting referred to may have been told.
MEETING_SENTENCES = 15
#: Kinds of meeting, each with the words that name it in either language.
_FAMILIES: dict[str, str] = {
    "meeting": r"meeting|session|заседани\w*|встреч\w*|совещани\w*|сесси\w*",
    "talks": r"talks|negotiations|переговор\w*",
    "visit": r"visit|визит\w*|delegation|делегаци\w*",
    "summit": r"summit|саммит\w*",
    "forum": r"forum|форум\w*",
    "conference": r"conference|конференци\w*",
    # "At the unveiling ceremony … signed": the opening told before ("opened in Samarkand")
    "ceremony": r"ceremony|unveiling|opening|inauguration|opened|unveiled|inaugurated"
    r"|церемони\w*|открыти\w*|открыл\w*|открыт[аоы]?",
}
_NOUN = "|".join(f"(?P<{family}>{words})" for family, words in _FAMILIES.items())
#: The signing sentence's back reference: a preposition of sequel or setting, then the meeting.
_FOLLOWING = re.compile(
    r"(?:\b(?:following|after|at\s+the\s+end\s+of|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of"
    r"|during|at)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"|(?<![\w-])(?:по\s+итогам|в\s+ходе|по\s+завершении|на\s+полях|в\s+рамках|на|во\s+время)\s+"
    r"(?:этого\s+|этой\s+|[\w-]+\s+){0,2}?)"
    rf"(?:{_NOUN})(?![\w-])",
    re.IGNORECASE,
)


#: A place's name opening a school's or institute's name: "Xi'an Jiaotong University",
#: "Samarkand State University", "Самаркандского государственного университета".
_SCHOOL_AFTER = re.compile(
    r"(?:\s+(?:[A-Z][\w'’-]*|of|and)){0,3}\s+(?:University|Institute|College|Academy|School)\b"
    r"|(?:\s+[а-яё-]+){0,2}\s+(?:университет|институт|академи|колледж|училищ)\w*",
)


def referred_meeting(view: SentenceView) -> tuple[str | None, DateMention | None] | None:
    """(place id, day or None) of the meeting ``view``'s signing follows, told in an earlier
    sentence that names the same kind of meeting and one place (or, failing any, no place and
    one day: a delegation come to a university); None when there is none."""
    found = _FOLLOWING.search(view.sentence)
    if found is None or found.lastgroup is None:
        return None
    family = re.compile(rf"(?<![\w-])(?:{_FAMILIES[found.lastgroup]})(?![\w-])", re.IGNORECASE)
    unplaced: DateMention | None = None  # the day of a meeting told with no place
    for earlier in view.previous_sentences(MEETING_SENTENCES):
        if not family.search(earlier.sentence):
            continue
        places = {
            m.ids(EntryKind.PLACE)[0]
            for m in earlier.of_kind(EntryKind.PLACE)
            if m.start != view.context.dateline_start
            and not m.borrowed
            and not _SCHOOL_AFTER.match(view.text, m.end)
        }  # "Xi'an Jiaotong University" names a school, not where the meeting was
        days = [d for d in earlier.dates if d.precision is DatePrecision.DAY]
        # "В среду, 12 марта": the calendar day, not the weekday read back from the report
        numbered = [d for d in days if any(c.isdigit() for c in view.text[d.start : d.end])]
        days = numbered or days
        one_day = len({d.date for d in days}) == 1
        if len(places) != 1:
            if not places and one_day and unplaced is None:
                unplaced = days[0]  # "On September 3 a delegation … came to … University"
            continue  # a meeting named again without its place: look further back
        return places.pop(), (days[0] if one_day else None)
    return (None, unplaced) if unplaced is not None else None
