"""Readings of round 18 (issue #12), written from the false proposals of `ingest_heldout26` and
`ingest_heldout27` after they were scored: each checked with sentences written for the test,
with cases that must still fire."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.gazetteer import gazetteer_for
from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, new_entity_names, proposals_from

# -- a facility noun after a town's name does not name a line starting there -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The first unit of the Dushanbe-2 plant went into operation in January 2014.",
        "The Dushanbe cement plant went into operation in March 2014.",
    ],
)
def test_a_plant_named_after_a_town_is_not_the_line_from_it(kb: KnowledgeBase, text: str) -> None:
    found = [e.project_id for e in events_in(proposals_from(kb, text))]
    assert "prj-cn-tj-highway-phase2" not in found


def test_a_project_noun_after_the_head_word_still_names_the_held_project(
    kb: KnowledgeBase,
) -> None:
    text = "The Aktogay copper project went into operation in March 2017."
    assert [e.project_id for e in events_in(proposals_from(kb, text))] == ["prj-aktogay-copper"]


# -- "a city of X" names the region X, not a town -------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Visitors come in from Horgos, a border city of Xinjiang, with their cards.", []),
        ("The course was held in Weinan, a city of Shaanxi Province, in May.", ["Weinan"]),
        ("The train reached the city of Kulob on Monday.", ["Kulob"]),
        ("They are building a hotel in the village of Barskoon on the lake.", ["Barskoon"]),
    ],
)
def test_a_city_of_a_region_names_no_new_place(
    kb: KnowledgeBase, text: str, places: list[str]
) -> None:
    assert new_entity_names(kb, text, EntityKind.PLACE) == places


# -- a former thing is no new thing -----------------------------------------------------------


def test_a_former_factory_is_not_proposed_as_new(kb: KnowledgeBase) -> None:
    text = "The venture was set up in 1994 on the basis of the former Tajik Gold-Ore Factory."
    assert new_entity_names(kb, text, EntityKind.PROJECT) == []


def test_the_same_factory_without_former_is_still_read(kb: KnowledgeBase) -> None:
    text = "The venture was set up in 1994 on the basis of the Tajik Gold-Ore Factory."
    assert new_entity_names(kb, text, EntityKind.PROJECT) == ["Tajik Gold-Ore Factory"]


# -- a Russian description's first words are not indexed as a name's start -------------------


def test_the_start_of_a_russian_description_is_no_name(kb: KnowledgeBase) -> None:
    gazetteer = gazetteer_for(kb)
    # "Культурный центр Казахстана в Китае" is held; "Культурный центр" alone names nothing
    found = gazetteer.find("Культурный центр открылся в Бишкеке.")
    assert [m.text for m in found] == ["Бишкеке"]
    # a start with a capital after its first word is still a name's start
    assert [m.text for m in gazetteer.find("Мастерская Лу Баня открылась.")] != []


# -- round 19 (from `ingest_heldout28`): a held document is not known by generic words alone ----


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan's ministry and China's agency signed a memorandum of understanding on stronger"
        " cooperation in human resource development.",
        "The two committees also signed a memorandum of understanding on environmental cooperation.",
    ],
)
def test_a_memorandum_alike_only_in_generic_words_is_not_a_held_one(
    kb: KnowledgeBase, text: str
) -> None:
    agreements = [f.payload for f in proposals_from(kb, text) if f.kind.value == "agreement"]
    assert agreements, "the memorandum is still proposed"
    assert all(getattr(a, "agreement_id", None) is None for a in agreements)


def test_a_held_memorandum_by_its_own_words_is_still_known(kb: KnowledgeBase) -> None:
    text = (
        "On 25 September 2023 the ministers signed the Memorandum of understanding on transport"
        " cooperation of the first China – Central Asia transport ministers meeting in Beijing."
    )
    agreements = [f.payload for f in proposals_from(kb, text) if f.kind.value == "agreement"]
    assert [getattr(a, "agreement_id", None) for a in agreements] == [
        "agr-transport-ministers-mou-2023"
    ]
