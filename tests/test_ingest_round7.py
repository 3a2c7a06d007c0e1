"""Categories of the seventh development set (issue #12), each checked with sentences written
for the test, in English and Russian."""

from __future__ import annotations

import pytest

from caravan.model.proposals import ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _agreement_names(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]


# -- deals counted by their value are no named document -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At a fair in Xi'an, Kazakh and Chinese firms signed agreements worth $2 billion.",
        "На ярмарке в Сиане Казахстан и Китай заключили соглашения на сумму 2 млрд долларов.",
        "На ярмарке в Сиане Казахстан и Китай подписали соглашения более чем на 2 млрд долларов.",
    ],
)
def test_deals_summed_by_value_are_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreement_names(kb, text) == []


def test_a_document_on_a_topic_is_still_an_agreement(kb: KnowledgeBase) -> None:
    text = "Казахстан и Китай подписали соглашение о строительстве нового пункта пропуска."
    assert _agreement_names(kb, text) == ["Соглашение о строительстве нового пункта пропуска"]


# -- a quoted clause of a speaker is no title ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"After the vote we signed a roadmap that fixes every deadline," the minister said.',
        "«После голосования мы подписали дорожную карту, где расписаны все сроки», — сказал"
        " министр.",
    ],
)
def test_a_quoted_clause_is_no_title(kb: KnowledgeBase, text: str) -> None:
    names = _agreement_names(kb, text)
    assert not any("signed" in n or "подписали" in n for n in names), names


def test_a_quoted_title_is_still_a_title(kb: KnowledgeBase) -> None:
    text = 'The ministers signed the "Agreement on International Road Transport of Goods".'
    assert _agreement_names(kb, text) == ["Agreement on International Road Transport of Goods"]


# -- a document named before and then said to be signed is not a second document ------------


@pytest.mark.parametrize(
    "text",
    [
        "The parliament ratified the Agreement on the Construction of the Naryn Bridge.\n"
        "The agreement itself was signed in Beijing on 26 September 2024.",
        "Парламент ратифицировал Соглашение о строительстве моста через Нарын.\n"
        "Само соглашение было подписано в Пекине 26 сентября 2024 года.",
        "Парламент ратифицировал Соглашение о строительстве моста через Нарын.\n"
        "Это соглашение было подписано в Пекине 26 сентября 2024 года.",
    ],
)
def test_the_document_said_to_be_signed_is_the_one_named(kb: KnowledgeBase, text: str) -> None:
    names = _agreement_names(kb, text)
    assert not any("signed" in n or "подписано" in n or n in {"Соглашение"} for n in names), names
