"""Readings of round 24 (issue #12), written from the missed status events of the development
sets. Each is checked with sentences written for the test, and with the reading it must not
make."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, proposals_from

LINE_D, CKU = (
    "prj-ca-china-gas-pipeline-line-d",
    "prj-cku-railway",
)
AGREED = ProjectStatus.AGREED


def _events(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the topic of a dated signing, however many parties stand between verb and noun
        (
            "В сентябре 2013 года правительство Китая подписало с Узбекистаном, Таджикистаном и "
            "Кыргызстаном межправительственные соглашения о строительстве линии D.",
            {(LINE_D, AGREED, dt.date(2013, 9, 1))},
        ),
        # the agreement named again after its signing: what it covers is agreed that day
        (
            "The Cabinet of Ministers of Kyrgyzstan and the railway company signed an investment "
            "agreement in Bishkek on December 21, 2024. The agreement covers the design, "
            "construction, financing and operation of the China–Kyrgyzstan–Uzbekistan railway.",
            {(CKU, AGREED, dt.date(2024, 12, 21))},
        ),
        (
            "Министерства транспорта Кыргызстана и Китая подписали меморандум о сотрудничестве 18 мая "
            "2023 года в Бишкеке. Документ "
            "предусматривает строительство железной дороги Китай – Кыргызстан – Узбекистан.",
            {(CKU, AGREED, dt.date(2023, 5, 18))},
        ),
    ],
)
def test_a_project_an_agreement_is_about_is_agreed_on_its_day(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert expected <= _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # the project is not the agreement's topic: a clause of its own
        "В сентябре 2013 года правительство Китая подписало с Узбекистаном, Таджикистаном и "
        "Кыргызстаном соглашения о поставках газа, который пойдёт по линии D.",
        # no signing read with a date before the agreement is named again
        "The agreement covers the design and construction of the China–Kyrgyzstan–Uzbekistan "
        "railway.",
        # a line in service for years: papers on its use do not agree it again
        "In May 2023 the two governments signed an agreement on the Vahdat – Yavan railway's "
        "maintenance.",
    ],
)
def test_no_agreed_event_without_a_dated_signing_on_the_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert not {e for e in _events(kb, text) if e[1] is AGREED}
