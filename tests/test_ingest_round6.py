"""Categories of the sixth development set (issue #12), each checked with sentences written
for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.store import KnowledgeBase
from ingest_helpers import events_in, proposals_from

# -- a status phrase about a thing of another kind is not the project's ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "The China-Kyrgyzstan-Uzbekistan railway is being built across the Fergana valley.\n"
        "A Sichuan tea maker has opened a warehouse in Tashkent.",
        "Железную дорогу Китай – Кыргызстан – Узбекистан строят через Ферганскую долину.\n"
        "Компания из Чжэнчжоу запустила автоперевозки грузов из Шэньчжэня в Ташкент.",
        "Железную дорогу Китай – Кыргызстан – Узбекистан строят через Ферганскую долину.\n"
        "Чайная фабрика открыла склад в Ташкенте.",
    ],
)
def test_an_opening_of_another_thing_lends_no_project(kb: KnowledgeBase, text: str) -> None:
    statuses = {e.status.value for e in events_in(proposals_from(kb, text))}
    assert "in_service" not in statuses


@pytest.mark.parametrize(
    "text",
    [
        "The China-Kyrgyzstan-Uzbekistan railway will cross the Fergana valley.\n"
        "Construction started on 13 September 2024.",
        "Железная дорога Китай – Кыргызстан – Узбекистан пересечёт Ферганскую долину.\n"
        "Строительство началось 13 сентября 2024 года.",
    ],
)
def test_a_status_phrase_with_no_other_thing_still_borrows_the_project(
    kb: KnowledgeBase, text: str
) -> None:
    (event,) = events_in(proposals_from(kb, text))
    assert (event.project_id, event.status.value, event.date) == (
        "prj-cku-railway",
        "under_construction",
        dt.date(2024, 9, 13),
    )
