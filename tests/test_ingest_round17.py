"""Readings of round 17 (issue #12), written from the misses and false positives of
`ingest_heldout20` and `ingest_heldout21` after they were scored once: each checked with
sentences written for the test, with cases that must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import EntityKind, FigureQuantity, ProposedEntity
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, new_entity_names, proposals_from

DAY = dt.date(2015, 6, 17)


# -- a year before ", to $X" dates the level reached ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Uzbekistan and China rose by 19.7 percent in 2012, to $3.233 billion.",
        "Uzbek-Chinese trade rose by 19.7 percent in 2012 to $3.233 billion.",
        "Товарооборот Узбекистана и Китая вырос на 19,7% в 2012 году, до 3,233 млрд долларов.",
    ],
)
def test_the_level_after_a_change_and_its_year_is_the_years_trade(
    kb: KnowledgeBase, text: str
) -> None:
    trade = figures_in(proposals_from(kb, text, DAY), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.partner_id, f.year, f.value) for f in trade] == [("uz", 2012, 3_233_000_000.0)]


def test_a_range_after_a_year_is_still_a_range(kb: KnowledgeBase) -> None:
    text = "Trade between Uzbekistan and China could reach $5 billion to $6 billion in 2015."
    trade = figures_in(proposals_from(kb, text, DAY), FigureQuantity.TRADE_VALUE_USD)
    assert trade == []


# -- money lent is no trade ---------------------------------------------------------------------


def test_money_lent_for_a_road_of_trade_is_no_trade_figure(kb: KnowledgeBase) -> None:
    text = (
        "China is to lend Kyrgyzstan nearly $300 million to build a road of strategic value for"
        " trade, the Kyrgyz government said on Tuesday."
    )
    assert figures_in(proposals_from(kb, text, DAY), FigureQuantity.TRADE_VALUE_USD) == []


def test_trade_beside_money_lent_is_still_trade(kb: KnowledgeBase) -> None:
    text = "Trade between China and Kyrgyzstan reached $5.6 billion in 2014, and banks lent more."
    trade = figures_in(proposals_from(kb, text, DAY), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.partner_id, f.year) for f in trade] == [("kg", 2014)]


# -- a foreign country at the end of a list is no suspicious pair ------------------------------


def test_a_foreign_country_ending_a_list_of_states_is_no_suspicious_statement(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Such transport serves countries along the Belt and Road, such as Uzbekistan,"
        " Kyrgyzstan, Tajikistan and Turkey, said the Chinese side about Central Asia."
    )
    flagged = [f for f in proposals_from(kb, text, DAY) if f.flags]
    assert flagged == []


def test_a_suspicious_pair_is_named_from_a_words_start(kb: KnowledgeBase) -> None:
    text = "Kazakhstan and China agreed on rail transit; Turkmenistan and Turkey are next."
    names = [
        f.payload.name
        for f in proposals_from(kb, text, DAY)
        if isinstance(f.payload, ProposedEntity)
    ]
    assert "Turkmenistan and Turkey" in names


# -- the first word of a hyphened town name is no town -------------------------------------------


def test_the_first_word_of_a_hyphened_name_is_no_town_elsewhere(kb: KnowledgeBase) -> None:
    text = "A Chinese company rebuilt 15 roads and 4 bridges in Kurgan-Tube and Kulob."
    places = new_entity_names(kb, text, EntityKind.PLACE)
    assert "Kurgan" not in places
    assert "Kulob" in places


# -- a project that opened something else -------------------------------------------------------


def test_a_project_that_opened_a_thing_of_its_own_is_not_itself_opened(
    kb: KnowledgeBase,
) -> None:
    text = (
        "On March 12 the Khorgos International Center of Boundary Cooperation opened a"
        " self-service customs passage."
    )
    statuses = {e.status for e in events_in(proposals_from(kb, text, dt.date(2017, 4, 12)))}
    assert ProjectStatus.IN_SERVICE not in statuses


def test_a_project_that_opened_is_opened(kb: KnowledgeBase) -> None:
    text = "The Khorgos International Center of Boundary Cooperation opened in 2012."
    statuses = {e.status for e in events_in(proposals_from(kb, text, dt.date(2017, 4, 12)))}
    assert ProjectStatus.IN_SERVICE in statuses
