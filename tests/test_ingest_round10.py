"""Categories of the tenth development set (issue #12) for status events, figures and
agreements, each checked with sentences written for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import AgreementKind
from caravan.model.proposals import ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- a document about a meeting is not placed or dated by that meeting ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 the bank said its annual meeting would be held in Samarkand on September 25."
        " During the visit, the bank and the Government of Uzbekistan signed the memorandum on"
        " hosting that meeting.",
        "В 2023 году банк сообщил, что его ежегодная встреча пройдет в Самарканде 25 сентября."
        " Во время визита банк и правительство Узбекистана подписали меморандум о проведении"
        " этой встречи.",
    ],
)
def test_a_document_about_a_meeting_is_not_signed_at_that_meeting(
    kb: KnowledgeBase, text: str
) -> None:
    found = _agreements(kb, text)
    assert found, "the memorandum itself is still proposed"
    assert all(a.place_id != "uz-samarkand" for a in found)
    assert all(a.signed_on != dt.date(2023, 9, 25) for a in found)
    assert all(a.agreement_id is None for a in found)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Samarkand on September 25. Following the meeting, Uzbekistan and"
        " China signed a memorandum on customs cooperation.",
        "Министры встретились в Самарканде 25 сентября. По итогам встречи Узбекистан и Китай"
        " подписали меморандум о таможенном сотрудничестве.",
    ],
)
def test_a_document_signed_after_a_meeting_is_still_placed_there(
    kb: KnowledgeBase, text: str
) -> None:
    found = _agreements(kb, text)
    assert [a.place_id for a in found] == ["uz-samarkand"]


# -- an investment or cooperation programme is a document kind ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On January 24 in Beijing the bank and Uzbekistan signed a three-year investment"
        " programme for the country's regions.",
        "24 января в Пекине банк и Узбекистан подписали трехлетнюю инвестиционную программу"
        " для регионов страны.",
    ],
)
def test_a_signed_investment_programme_is_an_agreement(kb: KnowledgeBase, text: str) -> None:
    found = _agreements(kb, text)
    assert [(a.agreement_kind, a.signed_on) for a in found] == [
        (AgreementKind.PROGRAMME, dt.date(2025, 1, 24))
    ]
    assert found[0].place_id == "cn-beijing"


@pytest.mark.parametrize(
    "text",
    [
        "On January 24 in Beijing the bank and Uzbekistan discussed a three-year investment"
        " programme for the country's regions.",
        "24 января в Пекине банк и Узбекистан обсудили трехлетнюю инвестиционную программу"
        " для регионов страны.",
    ],
)
def test_a_programme_only_discussed_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []
