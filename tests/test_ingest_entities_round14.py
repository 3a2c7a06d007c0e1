"""Agreements and new places and projects, round 14 (issue #12): ways of saying a signed
document or a new thing that the fourteenth and fifteenth development sets showed missing,
each checked with sentences written for the test, in English and Russian, positives and
negatives."""

from __future__ import annotations

import datetime as dt

import pytest

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
