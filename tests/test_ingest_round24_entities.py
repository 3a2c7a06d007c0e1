"""Readings of round 24: new places and projects named by wordings the reader missed in the
development sets. Each is checked with sentences written for the test, and with a near
sentence it must not read."""

from __future__ import annotations

import pytest

from caravan.model.proposals import EntityKind
from caravan.store import KnowledgeBase
from ingest_helpers import new_entity_names

PROJECT = EntityKind.PROJECT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # oil and gas fields listed before their plural head
        (
            "The station gathers gas from the Kishtivan, Gadyn and Gundogar Eljik fields and "
            "sends it to China.",
            {"Kishtivan field", "Gadyn field", "Gundogar Eljik field"},
        ),
        # a field by its own name
        ("China will buy oil from the Samandepe field.", {"Samandepe field"}),
        # names glossed by their translation in brackets
        (
            "A Chinese company builds a plant at the Kumarghi Bolo (Upper Kumargh) and Duobai "
            "Sharqi (Eastern Duoba) gold deposits.",
            {"Kumarghi Bolo deposit", "Duobai Sharqi deposit"},
        ),
        # a production-sharing area called contractual
        (
            "CNPC brought a new well into operation in the Kelif contractual territory.",
            {"Kelif contractual territory"},
        ),
    ],
)
def test_fields_deposits_and_territories_by_their_names(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    assert expected <= set(new_entity_names(kb, text, PROJECT))


@pytest.mark.parametrize(
    "text",
    [
        "Chinese firms lead in the field of energy.",  # a domain, not a field
        "Begmatov's field of cotton grew with Chinese seeds.",  # a farmer's field
        "The gloss (Upper Kumargh) names no deposit of China's.",
    ],
)
def test_a_field_that_is_no_project(kb: KnowledgeBase, text: str) -> None:
    names = new_entity_names(kb, text, PROJECT)
    assert not any("field" in n or "Kumargh" in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sinohydro won the tender to build the second unit of the Kambarata HPP-2.",
            "Kambarata HPP-2",
        ),
        ("The loan pays for the Kamchik MHPP on the river Akhangaran.", "Kamchik MHPP"),
        (
            "The Dushanbe-2 combined heat and power (CHP) plant was built by a Chinese company.",
            "Dushanbe-2 combined heat and power (CHP) plant",
        ),
        ("The Rasht CHP will be built by China.", "Rasht CHP"),
    ],
)
def test_a_power_plant_by_its_name_and_abbreviation(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_an_abbreviation_alone_names_no_plant(kb: KnowledgeBase) -> None:
    names = new_entity_names(kb, "The HPP was built by a Chinese company in 2016.", PROJECT)
    assert not any("HPP" in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In August the Amuderya River Right Bank Project was launched by CNPC.",
            "Amuderya River Right Bank Project",
        ),
        (
            "China Road and Bridge Corporation signed the contract for the Bishkek Municipal Road "
            "Renovation and Improvement Project.",
            "Bishkek Municipal Road Renovation and Improvement Project",
        ),
        (
            "In 2014 Zhongtai Group began building the Zhongtai New Silk Road Agriculture and "
            "Textile Industrial Park in Tajikistan.",
            "Zhongtai New Silk Road Agriculture and Textile Industrial Park",
        ),
    ],
)
def test_a_project_by_its_title(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


@pytest.mark.parametrize(
    "text",
    [
        "Tajik Customs, Japanese Firm Sign Deal on Cargo Scanning Upgrade Project",  # a headline
        "The delegation toured the Babur Culture and Recreation Park in Andijan.",  # leisure
    ],
)
def test_no_title_of_a_project(kb: KnowledgeBase, text: str) -> None:
    assert not any(n.endswith(("Project", "Park")) for n in new_entity_names(kb, text, PROJECT))


def test_the_tail_of_a_title_is_no_place(kb: KnowledgeBase) -> None:
    text = (
        "China began building the Zhongtai New Silk Road Agriculture and Textile Industrial Park "
        "in Tajikistan."
    )
    assert "Textile Industrial Park" not in new_entity_names(kb, text, EntityKind.PLACE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazakhstan put two new railways into service, Arkalyk-Shubarkol and Kyzyltu-Ermak, "
            "at a ceremony attended by the president.",
            {"Arkalyk-Shubarkol", "Kyzyltu-Ermak"},
        ),
        (
            'Works go on along 24 sections of the "Taldykorgan - Ust-Kamenogorsk" and '
            '"Karaganda - Balkhash" roads.',
            {"Taldykorgan - Ust-Kamenogorsk", "Karaganda - Balkhash"},
        ),
        (
            'On the "Karaganda - Balkhash" highway the lower layer is open to traffic.',
            {"Karaganda - Balkhash"},
        ),
        (
            "В области строятся автодороги Бейнеу-Акжигит и Шетпе-Актау.",
            {"Шетпе-Актау"},
        ),
    ],
)
def test_lines_coordinated_by_their_ends(kb: KnowledgeBase, text: str, expected: set[str]) -> None:
    assert expected <= set(new_entity_names(kb, text, PROJECT))


def test_sections_after_a_known_project_are_its_parts(kb: KnowledgeBase) -> None:
    text = (
        "We plan to put the Western Europe-Western China corridor into operation in 2016. "
        "Works are now going on at the Almaty-Khorgos and Shymkent-Tashkent sections."
    )
    names = new_entity_names(kb, text, PROJECT)
    assert "Almaty-Khorgos" not in names
    assert "Shymkent-Tashkent" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China will build a small hydro power plant at the Tuyabuguz reservoir.",
            "Small hydro power plant at Tuyabuguz reservoir",
        ),
        (
            "A Chinese language and culture center has opened at Bukhara State University.",
            "Chinese language and culture center in Bukhara State University",
        ),
    ],
)
def test_a_facility_placed_at_a_reservoir_or_after_has_opened(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_a_facility_with_no_place_nor_other_mark(kb: KnowledgeBase) -> None:
    names = new_entity_names(kb, "A language center has opened.", PROJECT)
    assert not any("center" in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A new building of the Confucius Institute of Education and Culture at the Tajik "
            "National University was opened.",
            "Confucius Institute of Education and Culture at Tajik National University",
        ),
        (
            "Посол КНР приняла участие в церемонии открытия Института Конфуция в Самарканде.",
            "Институт Конфуция в Самарканде",
        ),
        (
            "Институт Конфуция при Ошском государственном университете открыт в 2013 году.",
            "Институт Конфуция при Ошском государственном университете",
        ),
    ],
)
def test_an_institute_of_a_kind_at_its_host(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_an_institute_with_no_host_is_none(kb: KnowledgeBase) -> None:
    names = new_entity_names(kb, "Students of the Confucius Institute met the ambassador.", PROJECT)
    assert not any("Confucius" in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Китайская компания TBEA закончила работы на линии электропередачи 220 кВ Айни — "
            "Рудаки в Таджикистане.",
            "линия электропередачи 220 кВ Айни — Рудаки",
        ),
        (
            "The bank lent money to the greenfield Bozshakol copper project with China.",
            "Bozshakol copper project",
        ),
    ],
)
def test_a_power_line_by_its_ends_and_a_mineral_project_by_its_name(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_a_power_line_without_ends_and_a_project_without_a_mineral(kb: KnowledgeBase) -> None:
    names = new_entity_names(
        kb, "Работы на линии электропередачи завершены. The Bozshakol project grew.", PROJECT
    )
    assert not any("электропередачи" in n or "Bozshakol" in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The train left the northern port city of Tianjin for Tashkent on a new route.",
            "Tianjin - Tashkent freight train route",
        ),
        (
            "The Zhengzhou-Almaty TIR road transport route was officially launched.",
            "Zhengzhou-Almaty TIR road transport route",
        ),
    ],
)
def test_a_new_route_by_its_ends(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_leaving_on_no_route_is_no_route(kb: KnowledgeBase) -> None:
    names = new_entity_names(kb, "The delegation left Beijing for Astana on a new day.", PROJECT)
    assert not any("route" in n for n in names)


def test_a_name_before_a_lower_case_city(kb: KnowledgeBase) -> None:
    text = "Fergana officials met a delegation from Shanlo city in Shaanxi Province of China."
    assert "Shanlo" in new_entity_names(kb, text, EntityKind.PLACE)


def test_a_city_as_a_modifier_is_no_place(kb: KnowledgeBase) -> None:
    text = "Investors from Smart city projects in China came to Tashkent."
    assert "Smart" not in new_entity_names(kb, text, EntityKind.PLACE)


def test_a_town_fronted_after_an_adverb_places_a_facility(kb: KnowledgeBase) -> None:
    text = "Недавно в Коканде китайская компания начала строительство металлургического комбината."
    assert "Металлургический комбинат в Коканде" in new_entity_names(kb, text, PROJECT)


def test_a_foreign_town_fronted_places_no_facility(kb: KnowledgeBase) -> None:
    text = "В Бостоне компания начала строительство металлургического комбината."
    assert not any("комбинат" in n for n in new_entity_names(kb, text, PROJECT))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The containers go by rail from the Lanzhou New Area railway port to Kashgar.",
            "Lanzhou New Area railway port",
        ),
        (
            "A cargo train pulled out of the Dulaying International land-sea logistics port.",
            "Dulaying International land-sea logistics port",
        ),
    ],
)
def test_a_railway_port_by_its_name(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert expected in new_entity_names(kb, text, PROJECT)


def test_a_railway_port_without_a_name(kb: KnowledgeBase) -> None:
    names = new_entity_names(kb, "The train left the area's railway port for Tashkent.", PROJECT)
    assert not any("port" in n for n in names)


def test_things_listed_after_these_include_are_projects(kb: KnowledgeBase) -> None:
    text = "Chinese banks paid for many plants. These include the Dushanbe TPP-2 and new roads."
    assert "Dushanbe TPP-2" in new_entity_names(kb, text, PROJECT)


def test_what_a_project_includes_is_its_part(kb: KnowledgeBase) -> None:
    text = "The Chinese project includes the Dushanbe TPP-2 and new roads."
    assert "Dushanbe TPP-2" not in new_entity_names(kb, text, PROJECT)
