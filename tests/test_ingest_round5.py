"""Categories of the fifth development set (issue #12), each checked with sentences written
for the test: Russian places found by the statistical model (natasha) with a cue, and the
extraction without the model."""

from __future__ import annotations

import logging

import pytest

from caravan.analysis.ingest import russian_ner
from caravan.model.proposals import EntityKind, ProposedEntity, ProposedFact
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, proposals_from


def new_places(facts: list[ProposedFact]) -> list[str]:
    return [
        f.payload.name
        for f in facts
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PLACE
    ]


# -- Russian places by the statistical model ---------------------------------------------------


def test_the_model_tags_a_russian_place_the_gazetteer_lacks() -> None:
    spans = russian_ner.named_spans("На прошлой неделе аким Экибастуза Ержан Иманов посетил Китай.")
    assert ("LOC", "Экибастуза") in {(s.kind, s.text) for s in spans}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the head of a city, the city in the genitive
        ("На прошлой неделе аким Экибастуза Ержан Иманов посетил Китай.", "Экибастуз"),
        ("Мэр Хэфэя подписал меморандум с казахстанскими партнёрами.", "Хэфэй"),
        # a stop of a journey
        ("Контейнерный поезд отправился из Шицзячжуана в Алматы.", "Шицзячжуан"),
        # an item of a list beside a known place
        ("Новые поезда остановятся на станциях Сарыагаш, Шаульдер и Тимур.", "Шаульдер"),
    ],
)
def test_a_place_the_model_finds_with_a_cue_is_new(
    kb: KnowledgeBase, text: str, place: str
) -> None:
    facts = proposals_from(kb, text)
    assert place in new_places(facts)
    (found,) = [f for f in facts if isinstance(f.payload, ProposedEntity)]
    assert found.confidence < 0.5  # weaker evidence than a rule's


@pytest.mark.parametrize(
    "text",
    [
        # natural features and areas are no settlements
        "Уровень воды в реке Чирчик упал, а на перевале Кумбель выпал снег.",
        # a place the model finds with no cue
        "Экибастуз известен угольными разрезами.",
        # a region by its ending, and an adjective of an area
        "Компания откроет склады в Андижане и Каракалпакстане для Келесского района.",
    ],
)
def test_a_place_the_model_finds_without_a_cue_is_left(kb: KnowledgeBase, text: str) -> None:
    assert new_places(proposals_from(kb, text)) == []


def test_extraction_runs_on_rules_alone_when_the_model_is_unavailable(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unavailable() -> russian_ner._Tagger:
        raise ImportError("natasha is not installed")

    monkeypatch.setattr(russian_ner, "load_tagger", unavailable)
    russian_ner._tagger.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger=russian_ner.__name__):
            facts = proposals_from(
                kb,
                "Мэр Хэфэя сообщил, что строительство железной дороги Китай – Кыргызстан – "
                "Узбекистан началось 27 декабря 2024 года.",
            )
    finally:
        russian_ner._tagger.cache_clear()  # the next test loads the real model again
    assert "Хэфэй" not in new_places(facts)
    assert [e.project_id for e in events_in(facts)] == ["prj-cku-railway"]
    assert "rules only" in caplog.text
