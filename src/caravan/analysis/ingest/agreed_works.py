"""A held project an agreement read in the text is about: agreed on the agreement's day.

"правительство Китая подписало с Узбекистаном, Таджикистаном и Кыргызстаном межправительственные
соглашения о строительстве линии D": the signing is read as an agreement with its date, and
the line its topic names is agreed then. "… signed a memorandum on May 18. … the document
covers building and reconstructing the … highway": the document named again, what it covers
is agreed on the day it was signed. The topic must follow the agreement's word ("on", "о",
"covers"), and the signing must be dated; a line the knowledge base holds in service since an
earlier year is not agreed again by papers about its use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from caravan.analysis.ingest.context import Candidate, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.model.enums import ProjectStatus
from caravan.model.proposals import ProposedAgreement, ProposedStatusEvent

__all__ = ["agreed_works"]

#: An agreement's word and its topic up to the project's name: "agreements on the
#: construction of", "соглашения о строительстве", "a contract to build".
_TOPIC_BEFORE = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|contracts?|deals?)\s+(?:on|for|about|to\s+build"
    r"|to\s+finance|to\s+construct)\s[^.;:]{0,80}$"
    r"|(?<![\w-])(?:соглашени\w*|меморандум\w*|контракт\w*|договор\w*)\s+(?:о|об|по|на)\s"
    r"[^.;:]{0,80}$",
    re.IGNORECASE,
)
#: The agreement named again, and what it covers: "the document covers", "The agreement
#: provides for", "соглашение предусматривает".
_COVERS = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:agreement|document|memorandum|contract|deal)\s+"
    r"(?:also\s+)?(?:covers|provides\s+for|envisages|includes|concerns|stipulates)\b"
    r"|(?<![\w-])(?:соглашение|документ|меморандум|договор|контракт)\s+(?:также\s+)?"
    r"(?:предусматривает|касается|охватывает)(?![\w-])",
    re.IGNORECASE,
)
#: How many sentences back the signing of an agreement named again may be.
_SIGNED_BACK = 3
#: A word that closes the topic before the project: another agreement's word, or a clause.
_OTHER_TOPIC = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|contracts?)\b|(?<![\w-])(?:соглашени|меморандум|контракт)\w*"
    r"|\b(?:which|that)\b|(?<![\w-])(?:котор\w+)(?![\w-])",
    re.IGNORECASE,
)


def agreed_works(
    view: SentenceView,
    produced: Iterable[Candidate],
    agreements_of: Callable[[SentenceView], Iterable[Candidate]],
) -> Iterator[Candidate]:
    """Agreed events of the held projects this sentence's agreements (or one signed in the
    sentences before and named again here) are about."""
    produced = list(produced)
    agreed_already = {
        c.payload.project_id
        for c in produced
        if isinstance(c.payload, ProposedStatusEvent) and c.payload.status is ProjectStatus.AGREED
    }
    signed_here = [c for c in produced if _dated_agreement(c)]
    covers = _COVERS.search(view.text, view.start, view.end)
    for project in view.of_kind(EntryKind.PROJECT):
        if project.borrowed:
            continue
        project_id = project.ids(EntryKind.PROJECT)[0]
        if project_id in agreed_already:
            continue
        signing = _signing_before(view, project, signed_here)
        if signing is None and covers is not None and covers.end() <= project.start:
            signing = _earlier_signing(view, agreements_of)
        if signing is None or not isinstance(signing.payload, ProposedAgreement):
            continue
        signed_on, precision = signing.payload.signed_on, signing.payload.date_precision
        if (
            signed_on is None
            or precision is None
            or view.context.in_service_before_year_of(project_id, signed_on)
        ):
            continue
        agreed_already.add(project_id)
        yield Candidate(
            payload=ProposedStatusEvent(
                project_id=project_id,
                status=ProjectStatus.AGREED,
                date=signed_on,
                date_precision=precision,
            ),
            start=project.start,
            end=project.end,
            confidence=round(0.6 * project.confidence, 3),
        )


def _dated_agreement(candidate: Candidate) -> bool:
    """True for an agreement read with the day, month or year it was signed."""
    payload = candidate.payload
    return isinstance(payload, ProposedAgreement) and payload.signed_on is not None


def _signing_before(
    view: SentenceView, project: Match, signed_here: list[Candidate]
) -> Candidate | None:
    """The agreement of this sentence whose topic runs on to the project's name."""
    lead = view.text[max(view.start, project.start - 120) : project.start]
    topic = _TOPIC_BEFORE.search(lead)
    if topic is None or _OTHER_TOPIC.search(lead, topic.start() + 4):
        return None
    return signed_here[0] if len(signed_here) == 1 else None


def _earlier_signing(
    view: SentenceView, agreements_of: Callable[[SentenceView], Iterable[Candidate]]
) -> Candidate | None:
    """The one dated agreement of the nearest sentence before that signed one."""
    for earlier in view.previous_sentences(_SIGNED_BACK):
        signed = [c for c in agreements_of(earlier) if _dated_agreement(c)]
        if signed:
            return signed[0] if len(signed) == 1 else None
    return None
