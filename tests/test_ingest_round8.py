"""Categories of the eighth development set (issue #12), each checked with sentences written
for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import FlagCode, ProposedAgreement, ProposedStatusEvent
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, proposals_from

_LUBAN_KZ = "prj-luban-workshop-kazakhstan"
_BLCU = "prj-blcu-kazakhstan-branch"


def _states(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, int]]:
    return {(e.project_id, e.status, e.date.year) for e in events_in(proposals_from(kb, text))}


# -- a thing that came into being or began to work is in service ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Luban Workshop in Kazakhstan came into being in 2023.",
        "In 2023 the Luban Workshop in Kazakhstan began working, its staff said.",
        "Мастерская Лу Баня в Казахстане, которая появилась в 2023 году, принимает студентов.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня.",
    ],
)
def test_coming_into_being_is_in_service(kb: KnowledgeBase, text: str) -> None:
    assert (_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023) in _states(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году у мастерской Лу Баня в Казахстане появилась возможность принять студентов.",
        "В 2023 году мастерская Лу Баня в Казахстане заработала на заказах 2 млн долларов.",
        "The Luban Workshop in Kazakhstan began working on a new course in 2023.",
    ],
)
def test_abstract_things_and_earnings_start_nothing(kb: KnowledgeBase, text: str) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _states(kb, text))


# -- a name several countries' projects share is read by the text's one country ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan is widening its technical training. A Luban Workshop opened in 2023.",
        "Казахстан расширяет подготовку кадров. Мастерская Лу Баня открылась в 2023 году.",
    ],
)
def test_a_shared_name_takes_the_texts_country(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {(_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023)}


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan sent its minister. At the Central Asia–China meeting $40 million was"
        " pledged to build a checkpoint.",
        "Кыргызстан направил министра. На встрече Центральная Азия – Китай обещали 40 млн"
        " долларов на строительство пункта пропуска.",
    ],
)
def test_a_shared_name_of_several_countries_stays_unread(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert not any("gas-pipeline" in f.payload.model_dump_json() for f in facts)


# -- a school's branch by its owner's short name ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the two governments opened the BLCU branch in Astana.",
        "Мы гордимся тем, что в 2024 году открыли филиал BLCU в Казахстане.",
    ],
)
def test_a_branch_by_its_owners_name(kb: KnowledgeBase, text: str) -> None:
    assert (_BLCU, ProjectStatus.IN_SERVICE, 2024) in _states(kb, text)


def test_a_name_two_words_before_campus_is_no_owner(kb: KnowledgeBase) -> None:
    text = "In March 2024 BLCU principal Duan Peng said the campus would open soon."
    assert not any(
        e.project_id.startswith("prj-pengsheng") for e in events_in(proposals_from(kb, text))
    )


# -- the days just before the report date a step -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The other day the second stage of the Luban Workshop in Kazakhstan began working.",
        "На днях в Казахстане заработала вторая очередь мастерской Лу Баня.",
    ],
)
def test_the_days_before_the_report_date_a_step(kb: KnowledgeBase, text: str) -> None:
    facts = [
        (f.payload, f.flags)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedStatusEvent)
    ]
    assert [(event.date, event.date_precision) for event, _ in facts] == [
        (DOCUMENT_DAY, DatePrecision.DAY)
    ]
    assert all(flag.code is not FlagCode.LOW_CONFIDENCE for flag in facts[0][1])


def test_a_later_stage_named_by_the_head_noun_alone(kb: KnowledgeBase) -> None:
    text = (
        "Наша газета писала о мастерской Лу Баня в Казахстане, которая появилась в 2023 году."
        " Площадку создали на базе университета. На днях заработала вторая очередь мастерской."
    )
    events = {(e.date, e.date_precision) for e in events_in(proposals_from(kb, text))}
    assert events == {(dt.date(2023, 1, 1), DatePrecision.YEAR), (DOCUMENT_DAY, DatePrecision.DAY)}


# -- a branch another body opened is not the project's ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Luban Workshop opened in Kazakhstan in 2023. Xi'an Polytechnical University, which"
        " opened its branch at the Kazakh university last year, widens its ties.",
        "A Luban Workshop opened in Kazakhstan in 2023. Xi'an Polytechnical University, which"
        " opened a branch at the Kazakh university last year, widens its ties.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня. Сианьский политехнический"
        " университет, который в прошлом году открыл свой филиал в Алматы, расширяет связи.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня. Сианьский политехнический"
        " университет, который в прошлом году открыл филиал в Алматы, расширяет связи.",
    ],
)
def test_a_branch_another_body_opened(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {(_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023)}


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]
