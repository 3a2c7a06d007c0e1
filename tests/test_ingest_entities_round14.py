"""Agreements and new places and projects, round 14 (issue #12): ways of saying a signed
document or a new thing that the fourteenth and fifteenth development sets showed missing,
each checked with sentences written for the test, in English and Russian, positives and
negatives."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import DatePrecision
from caravan.model.proposals import ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _agreements(
    kb: KnowledgeBase, text: str, day: dt.date = dt.date(2025, 6, 30)
) -> list[ProposedAgreement]:
    return [
        f.payload for f in proposals_from(kb, text, day) if isinstance(f.payload, ProposedAgreement)
    ]


# -- agreements: the words of documents -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A visiting delegation met the region's governor, and the two sides signed a memo of"
            " cooperation in agriculture.",
            "Memo of cooperation in agriculture",
        ),
        ("The ministries signed two memos on tourism and on sport.", "Memo on sport"),
        (
            "The two customs services have signed a memorandum on statistics, as well as a"
            " Protocol on exchanging data on transit cargo.",
            "Protocol on exchanging data on transit cargo",
        ),
        (
            "Министры подписали меморандум о туризме, а также Протокол об обмене данными о"
            " транзитных грузах.",
            "Протокол об обмене данными о транзитных грузах",
        ),
    ],
)
def test_short_and_capitalised_document_nouns_are_documents(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in [a.name for a in _agreements(kb, text)]


def test_a_memo_of_a_meeting_quoted_is_no_signing(kb: KnowledgeBase) -> None:
    text = "Investors are keen to come to the region, the memo says."
    assert _agreements(kb, text) == []


# -- agreements: who signed, said in the passive ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The idea goes back to an exchange-of-notes agreement signed by the governments of"
            " China and Kyrgyzstan on May 3, 2017.",
            "Exchange-of-notes agreement between China and Kyrgyzstan",
        ),
        (
            "The plan rests on an agreement signed by Kazakhstan and China on 12 March 2019.",
            "Agreement between Kazakhstan and China",
        ),
        (
            "Идея восходит к соглашению, подписанному правительствами Китая и Кыргызстана 3 мая"
            " 2017 года.",
            "Соглашение между Китаем и Кыргызстаном",
        ),
    ],
)
def test_a_document_signed_by_two_named_states_is_named_by_them(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


def test_a_document_signed_by_unnamed_officials_is_not_named_by_them(kb: KnowledgeBase) -> None:
    text = "The agreement was signed by the ministers on May 3, 2017."
    assert _agreements(kb, text) == []


def test_a_sister_city_compound_stays_a_twinning(kb: KnowledgeBase) -> None:
    text = "Shanghai concluded a sister-city agreement with Almaty in Kazakhstan."
    assert [a.name for a in _agreements(kb, text)] == [
        "Sister-city agreement between Shanghai and Almaty"
    ]


# -- agreements: a month named relative to the report ----------------------------------------


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "The joint statement of Kazakhstan and China, which the heads of state signed during"
            " the state visit to China this September, approved a new partnership.",
            dt.date(2019, 9, 1),
        ),
        ("The two ministers signed the memorandum on tourism last March.", dt.date(2019, 3, 1)),
        ("The two ministers signed the memorandum on tourism last December.", dt.date(2018, 12, 1)),
    ],
)
def test_this_or_last_month_by_name_dates_a_signing(
    kb: KnowledgeBase, text: str, month: dt.date
) -> None:
    agreements = _agreements(kb, text, dt.date(2019, 11, 2))
    assert [(a.signed_on, a.date_precision) for a in agreements] == [(month, DatePrecision.MONTH)]


def test_this_may_in_lower_case_is_no_month(kb: KnowledgeBase) -> None:
    text = "The ministers signed a memorandum on tourism; this may help trade, they said."
    assert [a.signed_on for a in _agreements(kb, text, dt.date(2019, 11, 2))] == [None]


# -- agreements: a contract won ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Earlier this year the company won a contract with Turkmenistan to supply 500 trucks.",
            "Contract with Turkmenistan to supply 500 trucks",
        ),
        (
            "In March the Chinese firm was awarded a $40 million contract to build a bridge.",
            "Contract to build a bridge ($40 million)",
        ),
        (
            "В этом году компания выиграла контракт с Туркменистаном на поставку 500 грузовиков.",
            "Контракт с Туркменистаном на поставку 500 грузовиков",
        ),
    ],
)
def test_a_contract_won_or_awarded_is_signed(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The company won a tender and hopes to sign a contract in May.",
        "The team won the cup, and its sponsor praised the contract system.",
        "Компания выиграла тендер и надеется подписать контракт в мае.",
    ],
)
def test_a_tender_or_a_prize_won_signs_no_contract(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


# -- agreements: a signing worked towards -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Work has also gone into bringing about the signing of an agreement on mutual visa"
        " exemption.",
        "The ministries are paving the way for the signing of a treaty on water.",
        "Стороны готовятся к подписанию соглашения о взаимной отмене виз.",
        "Казахстан намерен добиться подписания соглашения о водных ресурсах.",
    ],
)
def test_a_signing_worked_towards_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "After long work the signing of an agreement on mutual visa exemption took place in May.",
        "Стороны приступили к подписанию соглашения о взаимной отмене виз.",
    ],
)
def test_a_signing_that_took_place_is_still_an_agreement(kb: KnowledgeBase, text: str) -> None:
    assert len(_agreements(kb, text)) == 1
