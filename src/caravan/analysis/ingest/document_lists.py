"""Documents signed together: items of a list after a signing, and coordinated titles.

- **A list of documents**: a sentence ending in a colon that reports a signing, or follows
  one ("Fifteen documents were signed during the visit. Among them:", "Подписаны следующие
  документы:"), opens a list; each item that begins with a document noun ("- a Memorandum on
  …;", "— Соглашение о …;", "2) Программа …") is one document, named by the whole item.
- **The signing's day**: a document named without a date takes the day of the signing, or of
  the visit or talks, the sentences just before report ("A set of documents was signed
  today …", "С 4 по 6 июля … с государственным визитом").
- **The event's place**: a signing "at the exhibition", "на выставке" with no place of its
  own is placed where the text said that event was held ("… на ЭКСПО, которая прошла в
  Урумчи").
- **Coordinated titles**: "соглашение о купле-продаже газа и договор о разделе продукции",
  "an agreement on X and a memorandum on Y" are two documents.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.model.enums import DatePrecision

__all__ = ["coordinated_titles", "event_place", "list_head", "listed_title", "signing_day"]

#: How many items a list of signed documents may hold.
LIST_ITEMS = 20
#: How many sentences back the day of a signing (or its visit) is looked for.
SIGNING_SENTENCES = 3

_DOCUMENT_NOUN = (
    r"(?:Memorand(?:um|a)(?:\s+of\s+Understanding)?|MoU|Agreements?|Treaty|Protocol|Programm?e?"
    r"|Joint\s+Statement|Declaration|(?:Exchange\s+)?Letters?(?:\s+of\s+(?:Intent|Exchange))?"
    r"|Action\s+Plan|Plan|Road\s?map|Contract|Charter"
    r"|Меморандум\w*|Соглашени\w+|Договор(?:ам?и?|ах|ов|ом|[аеуы])?(?![\w-])|Программ\w+|Протокол\w*|Совместн\w+\s+заявлени\w+"
    r"|Деклараци\w+|План\w*\s+(?:действий|мероприятий|сотрудничества)|Дорожн\w+\s+карт\w+|Письм\w+"
    r"|Обмен\w*\s+нотами|Контракт\w*|Хартия)"
)
#: An item of a list: a bullet or a number, an article, then the document and its words.
_ITEM = re.compile(
    r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])?\s*(?:an?\s+|the\s+)?"
    r"(?P<title>(?:[\w'’-]+\s+){0,3}?" + _DOCUMENT_NOUN + r"\b.*?)\s*[;.,]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
#: A line that is an item of a list at all (a bullet, a number or a lower-case start).
_ANY_ITEM = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)]|(?:an?\s+|the\s+)?[a-zа-яё])")
_SIGNED = re.compile(
    r"\bsign(?:ed|ing)\b|\bconcluded\b|\binked\b|\badopted\b|\bexchanged\b"
    r"|(?<![\w-])(?:подписа\w*|заключ[её]н\w*|заключили|приня[тл]\w*)(?![\w-])",
    re.IGNORECASE,
)
#: A report of a meeting, talks or visit, whose day a signing after it shares.
_MEETING = re.compile(
    r"\b(?:met|meeting|talks|visit\w*|negotiations)\b"
    r"|(?<![\w-])(?:встреч\w*|переговор\w*|визит\w*)(?![\w-])",
    re.IGNORECASE,
)
#: A second document noun after "and" / "и" inside a title: where the first title ends.
_SECOND_TITLE = re.compile(
    r"\s+(?:and|и|а\s+также)\s+(?:(?:an?|the)\s+)?(?="
    + _DOCUMENT_NOUN
    + r"\s+(?:on|of|о|об|по)\s)",
    re.IGNORECASE,
)


def list_head(view: SentenceView) -> SentenceView | None:
    """The sentence that opens the list of signed documents this sentence is an item of."""
    if not _ANY_ITEM.match(view.sentence):
        return None
    for earlier in view.previous_sentences(LIST_ITEMS):
        if earlier.sentence.rstrip().endswith(":"):
            before = earlier.previous
            opened = _SIGNED.search(earlier.sentence) or (
                before is not None and _SIGNED.search(before.sentence)
            )
            return earlier if opened else None
        if not _ANY_ITEM.match(earlier.sentence):
            return None
    return None


def listed_title(view: SentenceView) -> tuple[int, int, str] | None:
    """(start, end, name) of the document an item of a list names: the whole item, its
    bullet, article and closing punctuation left out."""
    found = _ITEM.match(view.sentence)
    if found is None:
        return None
    start, end = view.start + found.start("title"), view.start + found.end("title")
    name = view.text[start:end].strip()
    return start, end, name[:1].upper() + name[1:]


def signing_day(view: SentenceView) -> DateMention | None:
    """The day (or month) of the signing, visit or talks the sentence or the few before it
    report, nearest first."""
    for earlier in view.with_previous(SIGNING_SENTENCES):
        if not (_SIGNED.search(earlier.sentence) or _MEETING.search(earlier.sentence)):
            continue
        days = [d for d in earlier.dates if d.precision is not DatePrecision.YEAR]
        if days:
            return days[0]
    return None


#: Kinds of event a signing may be "at".
_EVENT = r"(?:expo|exhibition|fair|forum|conference|summit|ЭКСПО|выставк\w*|ярмарк\w*|форум\w*|конференци\w*|саммит\w*)"
_AT_EVENT = re.compile(
    r"\b(?:at|during)\s+the\s+" + _EVENT + r"|(?<![\w-])(?:на|в\s+ходе)\s+" + _EVENT, re.IGNORECASE
)
_EVENT_WORD = re.compile(_EVENT, re.IGNORECASE)
#: How many sentences back the event's own place is looked for.
EVENT_SENTENCES = 6
#: How far after the event's word its place may stand ("ЭКСПО «Китай-Евразия», которая прошла в").
_EVENT_REACH = 80


def event_place(view: SentenceView) -> str | None:
    """The known place of the event a signing was at ("на выставке"), from the sentence (or
    the ones before) that named the event with its place."""
    if not _AT_EVENT.search(view.sentence):
        return None
    for earlier in view.with_previous(EVENT_SENTENCES):
        for word in _EVENT_WORD.finditer(earlier.text, earlier.start, earlier.end):
            places = [
                m
                for m in earlier.of_kind(EntryKind.PLACE)
                if word.end() <= m.start <= word.end() + _EVENT_REACH
                and m.start != view.context.dateline_start
            ]
            if places:
                return places[0].ids(EntryKind.PLACE)[0]
    return None


def coordinated_titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the documents a title coordinates ("X о … и Y о …"), or the title alone."""
    cut = _SECOND_TITLE.search(text, start, end)
    if cut is None:
        return [(start, end)]
    return [(start, cut.start()), *coordinated_titles(text, cut.end(), end)]
