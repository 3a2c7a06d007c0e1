"""Proposed facts made by hand for the review tests: a document and a few facts it states."""

from __future__ import annotations

import datetime as dt
import hashlib

from caravan.model import ProjectStatus
from caravan.model.enums import AgreementKind, DatePrecision
from caravan.model.proposals import (
    Comparison,
    Disposition,
    DocumentMeta,
    EntityKind,
    Evidence,
    FigureQuantity,
    Flag,
    FlagCode,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)

TEXT = (
    "The Test line opened to freight on 1 September 2026. "
    "Trade between China and Uzbekistan reached 14 billion dollars in 2024. "
    "China and Uzbekistan traded 13 billion dollars in 2024, customs said. "
    "The Khorgos road crossing now clears 1,200 trucks a day. "
    "A new dry port opened at Kyzyltepa. "
    "The ministers signed a Test memorandum on transit in Almaty on 2 October 2026."
)


def document(url: str | None = "https://example.org/test-line-opens") -> DocumentMeta:
    """The document the test facts are read from."""
    return DocumentMeta(
        id=hashlib.sha256(TEXT.encode()).hexdigest()[:32],
        title="Test line opens",
        publisher="Test wire",
        published_on=dt.date(2026, 9, 2),
        url=url,
        language="en",
        path="test-line.txt",
        characters=len(TEXT),
    )


def _fact(
    meta: DocumentMeta,
    payload: ProposedStatusEvent | ProposedFigure | ProposedAgreement | ProposedEntity,
    sentence_start: str,
    mention: str,
    comparison: Comparison | None = None,
    flags: tuple[Flag, ...] = (),
) -> ProposedFact:
    start = TEXT.index(sentence_start)
    end = TEXT.index(".", start + len(sentence_start) - 1) + 1
    sentence = TEXT[start:end]
    identity = f"{meta.id}|{payload.model_dump_json()}|{start}:{end}"
    return ProposedFact(
        id=hashlib.sha256(identity.encode()).hexdigest()[:32],
        document_id=meta.id,
        payload=payload,
        evidence=Evidence(sentence=sentence, start=start, end=end),
        mention=mention,
        confidence=0.9,
        comparison=comparison or Comparison(disposition=Disposition.NEW),
        flags=flags,
    )


def opening(meta: DocumentMeta) -> ProposedFact:
    """The Test line opened on 1 September 2026."""
    payload = ProposedStatusEvent(
        project_id="prj-test-line",
        status=ProjectStatus.IN_SERVICE,
        date=dt.date(2026, 9, 1),
        date_precision=DatePrecision.DAY,
    )
    return _fact(meta, payload, "The Test line", "Test line opened")


def trade_conflict(meta: DocumentMeta) -> ProposedFact:
    """14 bn for China–Uzbekistan 2024, where the knowledge base holds 13 bn."""
    payload = ProposedFigure(
        quantity=FigureQuantity.TRADE_VALUE_USD,
        value=14e9,
        reporter_id="cn",
        partner_id="uz",
        year=2024,
    )
    comparison = Comparison(
        disposition=Disposition.CONFLICT,
        held_value="13000000000",
        held_sources=("src-test-news",),
        held_ref="trade 2024 cn->uz total",
    )
    return _fact(meta, payload, "Trade between", "14 billion dollars", comparison)


def trade_corroboration(meta: DocumentMeta) -> ProposedFact:
    """13 bn for China–Uzbekistan 2024, as the knowledge base holds."""
    payload = ProposedFigure(
        quantity=FigureQuantity.TRADE_VALUE_USD,
        value=13e9,
        reporter_id="cn",
        partner_id="uz",
        year=2024,
    )
    comparison = Comparison(
        disposition=Disposition.CORROBORATION,
        held_value="13000000000",
        held_sources=("src-test-news",),
        held_ref="trade 2024 cn->uz total",
    )
    return _fact(meta, payload, "China and Uzbekistan traded", "13 billion dollars", comparison)


def crossing_capacity(meta: DocumentMeta) -> ProposedFact:
    """Khorgos road clears 1,200 trucks a day from the document's date."""
    payload = ProposedFigure(
        quantity=FigureQuantity.CAPACITY_VEHICLES_PER_DAY,
        value=1200,
        subject_id="bcp-khorgos-nur-zholy-road",
        valid_from=dt.date(2026, 9, 2),
    )
    return _fact(meta, payload, "The Khorgos road", "1,200 trucks a day")


def new_place(meta: DocumentMeta) -> ProposedFact:
    """A dry port the knowledge base does not know."""
    payload = ProposedEntity(entity_kind=EntityKind.PLACE, name="Kyzyltepa", country_ids=("uz",))
    flags = (Flag(code=FlagCode.UNKNOWN_ENTITY, message="Kyzyltepa is not a known place"),)
    return _fact(meta, payload, "A new dry port", "Kyzyltepa", flags=flags)


def memorandum(meta: DocumentMeta) -> ProposedFact:
    """A memorandum signed in Almaty whose parties the text leaves out."""
    payload = ProposedAgreement(
        name="Test memorandum on transit",
        agreement_kind=AgreementKind.MEMORANDUM,
        signed_on=dt.date(2026, 10, 2),
        date_precision=DatePrecision.DAY,
        place_id="kz-almaty",
    )
    return _fact(meta, payload, "The ministers signed", "Test memorandum on transit")


def all_facts(meta: DocumentMeta) -> list[ProposedFact]:
    """Every fact of the test document."""
    return [
        opening(meta),
        trade_conflict(meta),
        trade_corroboration(meta),
        crossing_capacity(meta),
        new_place(meta),
        memorandum(meta),
    ]


def with_confidences(meta: DocumentMeta, confidences: list[float]) -> list[ProposedFact]:
    """Every fact of the test document, each with the confidence given for it (in order)."""
    facts = all_facts(meta)
    return [
        fact.model_copy(update={"confidence": sure})
        for fact, sure in zip(facts, confidences, strict=True)
    ]
