"""Readings of round 21 (issue #12): figures that are another thing's number, written from the
false figures of `ingest_heldout20`–`ingest_heldout33`. Each is checked with sentences written
for the test: the figure is still read where the aside is absent."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import FigureQuantity, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, figures_in, proposals_from


def _values(kb: KnowledgeBase, text: str, quantity: FigureQuantity) -> set[tuple[str, float]]:
    return {
        (f.subject_id or f.partner_id or "", f.value)
        for f in figures_in(proposals_from(kb, text), quantity)
    }


LENGTH, CAPACITY = FigureQuantity.LENGTH_KM, FigureQuantity.CAPACITY_MT_PER_YEAR
INVESTMENT, TRADE = FigureQuantity.INVESTMENT_USD, FigureQuantity.TRADE_VALUE_USD
ANGREN_PAP, KHORGOS_RAIL = "prj-angren-pap-railway", "bcp-khorgos-altynkol-rail"


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # a line's own length, beside a tunnel's
        ("The Angren-Pap railway is 169 km long.", LENGTH, {(ANGREN_PAP, 169)}),
        ("The Angren-Pap railway, 169 km long, has a 19.2 km tunnel.", LENGTH, {(ANGREN_PAP, 169)}),
        ("Железная дорога Ангрен – Пап имеет протяжённость 169 км.", LENGTH, {(ANGREN_PAP, 169)}),
        # a tunnel named right after its length
        ("The Angren-Pap railway has a 19.2 km tunnel.", LENGTH, set()),
        # a difference
        ("The Angren-Pap railway is 50 km shorter than the old route.", LENGTH, set()),
        ("Железная дорога Ангрен – Пап на 50 км короче старого пути.", LENGTH, set()),
    ],
)
def test_a_length_is_the_lines_own(
    kb: KnowledgeBase, text: str, quantity: FigureQuantity, expected: set[tuple[str, float]]
) -> None:
    assert _values(kb, text, quantity) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Khorgos–Altynkol crossing can handle 20 million tonnes a year.", {20}),
        # the old value of a change
        (
            "The Khorgos–Altynkol crossing can handle 20 million tonnes a year, up from 15 million "
            "tonnes a year before.",
            {20},
        ),
        (
            "Works raise the Khorgos–Altynkol crossing's capacity from 15 million tonnes a year to "
            "20 million tonnes a year.",
            {20},
        ),
        (
            "Переход Хоргос – Алтынколь может пропускать 20 млн тонн в год вместо прежних 15 млн "
            "тонн в год.",
            {20},
        ),
        # a comparison set beside it
        (
            "The Khorgos–Altynkol crossing handles 10 million tonnes a year; for comparison, another "
            "crossing handles 25 million tonnes a year.",
            {10},
        ),
        # an amount added, not the capacity
        (
            "The new track will add 20 million tonnes a year to the Khorgos–Altynkol crossing.",
            set(),
        ),
        ("Новый путь даст переходу Хоргос – Алтынколь ещё 20 млн тонн в год.", set()),
        # a reporting verb is no addition
        ("Он добавил, что переход Хоргос – Алтынколь может пропускать 20 млн тонн в год.", {20}),
        ("He added that the Khorgos–Altynkol crossing can handle 20 million tonnes a year.", {20}),
    ],
)
def test_a_capacity_is_the_crossings_level_now(
    kb: KnowledgeBase, text: str, expected: set[float]
) -> None:
    assert _values(kb, text, CAPACITY) == {(KHORGOS_RAIL, v) for v in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The CKU railway is estimated to cost $4.7 billion.", {4.7e9}),
        (
            "The CKU railway is estimated to cost $4.7 billion, of which $2.4 billion is a loan.",
            {4.7e9},
        ),
        (
            "Стоимость железной дороги Китай – Кыргызстан – Узбекистан оценивается в 4,7 млрд "
            "долларов, из них 2,4 млрд долларов — кредит.",
            {4.7e9},
        ),
    ],
)
def test_a_part_of_a_cost_is_not_the_cost(
    kb: KnowledgeBase, text: str, expected: set[float]
) -> None:
    assert _values(kb, text, INVESTMENT) == {("prj-cku-railway", v) for v in expected}


def test_the_amount_compared_with_keeps_its_own_year(kb: KnowledgeBase) -> None:
    text = (
        "Kazakhstan's trade with China came to $31.4 billion in 2023, 30 percent more than the "
        "$24.2 billion of 2022."
    )
    trade = figures_in(proposals_from(kb, text), TRADE)
    assert {(f.value, f.year) for f in trade} == {(31.4e9, 2023), (24.2e9, 2022)}


def test_a_bound_is_no_comparison(kb: KnowledgeBase) -> None:
    text = "Trade between China and Kyrgyzstan came to more than $2 billion in 2018."
    trade = figures_in(proposals_from(kb, text), TRADE)
    assert {(f.value, f.year) for f in trade} == {(2e9, 2018)}


def test_that_year_is_the_year_named_before(kb: KnowledgeBase) -> None:
    text = (
        "China became Kazakhstan's main trading partner in 2023. Kazakhstan's trade with China "
        "that year came to $31.4 billion, 30 percent more than the $24.2 billion of 2022."
    )
    trade = figures_in(proposals_from(kb, text), TRADE)
    assert {(f.value, f.year) for f in trade} == {(31.4e9, 2023), (24.2e9, 2022)}


# -- an agreement's name goes on over a point between digits (from `ingest_heldout35`) ---------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A Chinese company has signed an agreement to build a $1.75 billion metallurgical plant "
            "in Shymkent.",
            "Agreement to build a $1.75 billion metallurgical plant",
        ),
        (
            "The company signed an agreement on a 1,200 MW solar plant in Shymkent.",
            "Agreement on a 1,200 MW solar plant",
        ),
        (
            "Компания подписала соглашение о строительстве солнечной станции мощностью 1,2 ГВт в "
            "Шымкенте.",
            "Соглашение о строительстве солнечной станции мощностью 1,2 ГВт",
        ),
        # a sentence's full stop still ends it
        (
            "The company signed an agreement to build a plant. Trade grew.",
            "Agreement to build a plant",
        ),
    ],
)
def test_an_agreements_name_goes_on_over_a_decimal_point(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    names = [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert names == [name]


# -- from a review of the round with sentences written for it: the asides reach no further ------


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # "bridges" a verb, tunnels after "with", "through", "including": the line's own length
        ("The 169 km Angren-Pap railway bridges the Kamchik pass.", LENGTH, {(ANGREN_PAP, 169)}),
        (
            "The Angren-Pap railway is 169 km long with tunnels and bridges along the route.",
            LENGTH,
            {(ANGREN_PAP, 169)},
        ),
        (
            "The Angren-Pap railway, 169 km long including tunnels, opened in 2016.",
            LENGTH,
            {(ANGREN_PAP, 169)},
        ),
        # a Russian tunnel named after its length
        ("Железная дорога Ангрен – Пап имеет 19,2-километровый тоннель.", LENGTH, set()),
        # "больше года" and "дальше всех" are no differences without "на" before the amount
        (
            "Железная дорога Ангрен – Пап протяжённостью 169 км больше года была закрыта на ремонт.",
            LENGTH,
            {(ANGREN_PAP, 169)},
        ),
        # a comparison that opens on the subject itself
        ("By comparison, the Angren-Pap railway is 169 km long.", LENGTH, {(ANGREN_PAP, 169)}),
        (
            "By comparison, the Khorgos–Altynkol crossing handles 20 million tonnes a year.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "Для сравнения: переход Хоргос – Алтынколь пропускает 20 млн тонн в год.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "Other lines pale in comparison: the Angren-Pap railway is 169 km long.",
            LENGTH,
            {(ANGREN_PAP, 169)},
        ),
        # "can add" something else, "добавляет смены": no amount added
        (
            "The Khorgos–Altynkol crossing can add wagons quickly and handles 20 million tonnes a "
            "year.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "Переход Хоргос – Алтынколь добавляет новые смены и пропускает 20 млн тонн в год.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        # "предполагает" (provides for) is no expectation
        (
            "Схема работы перехода Хоргос – Алтынколь предполагает пропуск 20 млн тонн грузов в год.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        # wordings of the categories that got through
        (
            "The Khorgos–Altynkol crossing has grown to 20 million tonnes a year from 15 million "
            "tonnes.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "The Khorgos–Altynkol crossing can now handle 20 million tonnes a year against 15 "
            "million tonnes a year in 2019.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "The Khorgos–Altynkol crossing can handle 20 million tonnes a year, of which 5 million "
            "tonnes is transit.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "The Khorgos–Altynkol crossing added 5 million tonnes a year of capacity in 2024.",
            CAPACITY,
            set(),
        ),
        (
            "The Khorgos–Altynkol crossing handles 20 million tonnes a year, 5 million tonnes more "
            "than planned.",
            CAPACITY,
            {(KHORGOS_RAIL, 20)},
        ),
        (
            "The CKU railway is estimated to cost $4.7 billion, including $2.4 billion in Chinese "
            "loans.",
            INVESTMENT,
            {("prj-cku-railway", 4.7e9)},
        ),
        (
            "The CKU railway will now cost $4.7 billion, up from $4.1 billion.",
            INVESTMENT,
            {("prj-cku-railway", 4.7e9)},
        ),
    ],
)
def test_the_asides_reach_no_further_than_their_words(
    kb: KnowledgeBase, text: str, quantity: FigureQuantity, expected: set[tuple[str, float]]
) -> None:
    assert _values(kb, text, quantity) == expected


@pytest.mark.parametrize(
    ("text", "valid_from"),
    [
        # the old value's year dates the old value, not the capacity
        (
            "The Khorgos–Altynkol crossing can now handle 20 million tonnes a year, up from 15 "
            "million tonnes in 2019.",
            DOCUMENT_DAY,
        ),
        (
            "Переход Хоргос – Алтынколь в 2024 году мог пропускать 20 млн тонн в год против 15 млн "
            "тонн в 2019 году.",
            dt.date(2024, 1, 1),
        ),
        (
            "In 2024 the Khorgos–Altynkol crossing can handle 20 million tonnes a year.",
            dt.date(2024, 1, 1),
        ),
    ],
)
def test_a_capacity_is_not_dated_by_the_old_value_beside_it(
    kb: KnowledgeBase, text: str, valid_from: dt.date
) -> None:
    found = figures_in(proposals_from(kb, text), CAPACITY)
    assert [(f.value, f.valid_from) for f in found] == [(20, valid_from)]


# -- a line named by a chain of countries with dashes beside its mode word (from `ingest_heldout34`)


def _opened(kb: KnowledgeBase, text: str) -> set[tuple[str, dt.date]]:
    return {
        (e.project_id, e.date)
        for e in events_in(proposals_from(kb, text))
        if e.status is ProjectStatus.IN_SERVICE
    }


ABC = "prj-ca-china-gas-pipeline-abc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Газопровод Туркменистан – Узбекистан – Казахстан – Китай ввели в эксплуатацию 14 "
            "декабря 2009 года.",
            {(ABC, dt.date(2009, 12, 14))},
        ),
        (
            "The Turkmenistan-Uzbekistan-Kazakhstan-China gas pipeline was commissioned on 14 "
            "December 2009.",
            {(ABC, dt.date(2009, 12, 14))},
        ),
        # the chain is no line's name without its mode word beside it
        (
            "Туркменистан – Узбекистан – Казахстан – Китай: 14 декабря 2009 года ввели в "
            "эксплуатацию новый объект.",
            set(),
        ),
        # another mode's word: no held road joins those four
        (
            "The Turkmenistan-Uzbekistan-Kazakhstan-China highway was commissioned on 14 December "
            "2009.",
            set(),
        ),
    ],
)
def test_a_chain_of_countries_beside_a_mode_word_names_the_held_line(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, dt.date]]
) -> None:
    assert _opened(kb, text) == expected
