"""A signing dated in a later sentence: "A and B signed a memorandum of understanding …. The
document was signed on 22 August during the visit" / "Документ был подписан 22 августа": the
undated document named just before takes the day the sentence referring back to it gives, and
the place it gives ("Документ стороны подписали 1 декабря 2024 года в китайском городе Чэнду").
Documents signed during a visit or talks told without their day take the day and place of the
leaders' meeting a sentence soon after tells ("Во время визита … стороны подписали десять
документов. Среди главных — соглашение о … Президенты встретились 31 августа в Тяньцзине").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from caravan.analysis.ingest.context import Candidate, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind
from caravan.model.enums import DatePrecision
from caravan.model.proposals import ProposedAgreement

__all__ = ["dated_by_later_sentence"]

#: How many sentences before the dated one the document may have been named.
LOOK_BACK = 2
#: Nouns of no kind of their own: they refer back to a document of any kind.
_ANY_KIND = ("document", "документ", "it")

#: A sentence opening on a document referred back to, then its signing.
_REFERRING_SIGNING = re.compile(
    r"\s*(?:(?i:the|this)\s+(?P<en>document|agreement|memorandum|contract|treaty|protocol|deal)"
    r"|(?P<it>It))\s+(?:was|had\s+been)\s+signed\b"
    r"|\s*(?:(?:Этот|Данный|Сам)\s+)?(?P<ru>(?i:[Дд]окумент|[Сс]оглашение|[Мм]еморандум|[Кк]онтракт"
    r"|[Дд]оговор|[Пп]ротокол))\b[^.;!?]{0,60}?(?<![\w-])подписа\w*",
)


def dated_by_later_sentence(
    candidates: Sequence[tuple[Candidate, SentenceView]], views: Sequence[SentenceView]
) -> list[Candidate]:
    """The candidates (each with its sentence), an undated agreement dated by a sentence of
    ``views`` after it that refers back to it and gives the signing's day, or by the meeting of
    the visit it was signed during; others as they were."""
    result = [candidate for candidate, _ in candidates]
    result = _placed_by_later_meeting(list(candidates), result, views)
    for later in views:
        referring = _REFERRING_SIGNING.match(later.sentence)
        if referring is None or not later.dates:
            continue
        noun = (referring["en"] or referring["ru"] or referring["it"]).casefold()
        day = min(later.dates, key=lambda d: abs(d.start - (later.start + referring.end())))
        place = _place_said(later)
        for index in _undated_before(candidates, later, noun):
            payload = result[index].payload
            assert isinstance(payload, ProposedAgreement)
            update: dict[str, object] = {"signed_on": day.date, "date_precision": day.precision}
            if place is not None:
                update["place_id"] = place
            result[index] = dataclasses.replace(
                result[index], payload=payload.model_copy(update=update)
            )
    return result


#: A place said with "in" / "в", a city's noun and a country's adjective allowed between ("in
#: the Chinese city of Chengdu", "в китайском городе Чэнду").
_IN_BEFORE = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:(?:city|town|capital)\s+of\s+)?"
    r"|(?<![\w-])(?:в|во)\s+(?:[а-яё-]+(?:ом|ой|ем)\s+)?(?:городе\s+|столице\s+)?)$",
)


def _place_said(view: SentenceView) -> str | None:
    """The one place the sentence says the signing was at, if any."""
    places = {
        m.ids(EntryKind.PLACE)[0]
        for m in view.of_kind(EntryKind.PLACE)
        if not m.borrowed
        and m.start != view.context.dateline_start
        and _IN_BEFORE.search(view.text, max(view.start, m.start - 40), m.start)
    }
    return places.pop() if len(places) == 1 else None


def _undated_before(
    candidates: Sequence[tuple[Candidate, SentenceView]],
    later: SentenceView,
    noun: str,
) -> list[int]:
    """Indexes of the undated proposals of the one agreement the nearest sentence before
    ``later`` (at most LOOK_BACK back) named of the noun's kind; none when it named several."""
    for earlier in later.previous_sentences(LOOK_BACK):
        found = {
            i: candidate.payload
            for i, (candidate, view) in enumerate(candidates)
            if view.start == earlier.start
            and isinstance(candidate.payload, ProposedAgreement)
            and (noun in _ANY_KIND or noun[:6] in candidate.payload.name.casefold())
        }
        if found:
            if len({p.name for p in found.values()}) > 1:
                return []
            return [i for i, p in found.items() if p.signed_on is None]
    return []


#: How many sentences after a signing's the meeting of its visit may be told.
MEETING_AHEAD = 2
#: A signing told as part of a visit or talks: "Во время визита … в Китай стороны подписали",
#: "during the President's visit the sides signed".
_DURING_VISIT = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of)\s+(?:[^.;]{0,60}?\s)?(?:visit|talks)\b"
    r"|(?<![\w-])(?:в\s+ходе|во\s+время)\s+(?:[^.;]{0,60}?\s)?(?:визита|переговоров)(?![\w-])",
    re.IGNORECASE,
)
#: The leaders' meeting: "Президент … и председатель КНР встретились 31 августа в Тяньцзине",
#: "the two presidents met on 31 August in Tianjin".
_MET = re.compile(
    r"\b(?:met|held\s+talks)\b|(?<![\w-])(?:встретил\w*|провели\s+переговоры)(?![\w-])",
    re.IGNORECASE,
)


def _placed_by_later_meeting(
    candidates: list[tuple[Candidate, SentenceView]],
    result: list[Candidate],
    views: Sequence[SentenceView],
) -> list[Candidate]:
    """``result`` with each agreement signed during a visit, told with no day nor place, given
    the day and place of the meeting a sentence soon after tells (one day, one place)."""
    order = {view.start: i for i, view in enumerate(views)}
    updated = list(result)
    for index, (candidate, view) in enumerate(candidates):
        payload = updated[index].payload
        if not isinstance(payload, ProposedAgreement) or payload.signed_on or payload.place_id:
            continue
        if not any(_DURING_VISIT.search(v.sentence) for v in view.with_previous(MEETING_AHEAD)):
            continue
        at = order.get(view.start)
        if at is None:
            continue
        for later in views[at + 1 : at + 1 + MEETING_AHEAD]:
            days = [d for d in later.dates if d.precision is DatePrecision.DAY]
            place = _place_said(later)
            if _MET.search(later.sentence) and len(days) == 1 and place is not None:
                update = {"signed_on": days[0].date, "date_precision": days[0].precision}
                updated[index] = dataclasses.replace(
                    candidate, payload=payload.model_copy(update={**update, "place_id": place})
                )
                break
    return updated
