"""Capabilities of round 15 (issue #12), written against the sixteenth and seventeenth sets'
misses as general ways of naming a new facility or writing a date, each checked with sentences written for the
test, with cases that must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest.dates import find_dates
from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import EntityKind, FigureQuantity, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, new_entity_names, proposals_from


def _agreements(kb: KnowledgeBase, text: str, day: dt.date) -> list[ProposedAgreement]:
    """The agreements proposed from ``text`` read as published on ``day``."""
    return [
        f.payload for f in proposals_from(kb, text, day) if isinstance(f.payload, ProposedAgreement)
    ]


# -- a facility named by an unknown name before its head ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Sarybulak gas-collecting station was built together with China's CNPC.",
            "Sarybulak gas-collecting station",
        ),
        (
            "A Chinese contractor will modernise the Tash-Kumyr CHP, the government said.",
            "Tash-Kumyr CHP",
        ),
        (
            "China Energy Engineering and the ministry discussed the Upper Chatkal HPP.",
            "Upper Chatkal HPP",
        ),
        (
            "Kyrgyzstan and China discussed the Kokomeren HPP and the Suusamyr HPP.",
            "Suusamyr HPP",
        ),
    ],
)
def test_an_unknown_name_before_a_facility_head_is_a_new_project(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in new_entity_names(kb, text, EntityKind.PROJECT)


def test_two_names_of_one_head_are_two_facilities_and_a_name_said_again_is_one(
    kb: KnowledgeBase,
) -> None:
    text = (
        "A Chinese power company will build the Kokomeren HPP (300 MW), the Suusamyr HPP"
        " (150 MW) and later the Kokomeren HPP's second unit."
    )
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert names.count("Kokomeren HPP") == 1
    assert "Suusamyr HPP" in names


@pytest.mark.parametrize(
    "text",
    [
        # no tie to China or a Chinese party anywhere in the text (corpus rule 17)
        "The Sarybulak gas-collecting station was built by Turkmengaz in 2019.",
        # a capitalised head is a body's own name, not a facility
        "The National Institute of Mountain Studies signed a memorandum with a Chinese university.",
        "Experts of the Republican Centre of Space Communication met Chinese colleagues.",
        # no name before the head
        "A Chinese company repaired the gas-collecting station in 2019.",
    ],
)
def test_no_new_facility_without_a_name_a_tie_or_with_a_bodys_head(
    kb: KnowledgeBase, text: str
) -> None:
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert not any("station" in n or "Institute" in n or "Centre" in n for n in names), names


# -- days written as ordinal words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Документ подписан четвертого марта в Душанбе.", dt.date(2014, 3, 4)),
        ("Соглашение подписали двадцать первого июня 2015 года.", dt.date(2015, 6, 21)),
        ("Линию открыли тридцать первого декабря 2016 года.", dt.date(2016, 12, 31)),
        ("The memorandum was signed on the fourth of March.", dt.date(2014, 3, 4)),
        ("The line opened on the twenty-second of May, 2019.", dt.date(2019, 5, 22)),
    ],
)
def test_a_day_written_as_an_ordinal_word_is_a_date(text: str, day: dt.date) -> None:
    found = find_dates(text, dt.date(2014, 3, 10))
    assert [(m.date, m.precision) for m in found] == [(day, DatePrecision.DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "The first of the projects opened in Osh.",
        "Работы второго этапа начнутся скоро.",
        "Третьего дня делегация уехала.",
        "the second of the two lines",
    ],
)
def test_an_ordinal_word_without_a_month_is_no_date(text: str) -> None:
    assert find_dates(text, dt.date(2014, 3, 10)) == []


def test_a_document_signed_on_a_day_in_words_takes_that_date(kb: KnowledgeBase) -> None:
    text = (
        "Китайская компания заключила соглашение с ОАО «Таджиктрансгаз» о создании совместной"
        " компании. Документ подписан четвертого марта в Душанбе."
    )
    signed = [a.signed_on for a in _agreements(kb, text, dt.date(2014, 3, 5))]
    assert signed == [dt.date(2014, 3, 4)]


# -- a name followed by a company's legal form is the company's ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A company was registered in Kyrgyzstan, Kashka Rare Metals Plant LLC, with Chinese founders.",
        "Its partner is Orda Building Materials Factory Ltd., owned by a Chinese group.",
    ],
)
def test_a_facility_like_name_with_a_legal_form_is_no_new_project(
    kb: KnowledgeBase, text: str
) -> None:
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert not any(n.endswith(("Plant", "Factory")) for n in names), names


def test_the_same_name_without_a_legal_form_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "A Chinese investor will build the Kashka Rare Metals Plant in Kyrgyzstan."
    assert "Kashka Rare Metals Plant" in new_entity_names(kb, text, EntityKind.PROJECT)


# -- a document's value is no part of its name ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "В ноябре 2014 года АО «Узхимпром» заключило с китайской компанией контракт на"
            " строительство шинного завода стоимостью около 200 миллионов долларов.",
            "Контракт на строительство шинного завода",
        ),
        (
            "В марте 2019 года стороны подписали соглашение о строительстве цементного завода на"
            " сумму 150 миллионов долларов с китайской компанией.",
            "Соглашение о строительстве цементного завода",
        ),
    ],
)
def test_an_agreement_named_before_its_value_is_named_without_it(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    names = [a.name for a in _agreements(kb, text, dt.date(2019, 6, 1))]
    assert name in names, names


# -- a list of held lines set off after a plural noun of their kind ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan put two new railways into service, Zhezkazgan-Beineu and Arkalyk-Shubarkol,"
        " at a ceremony on 22 August 2014.",
        "Kazakhstan put two new railways, Zhezkazgan-Beineu and Arkalyk-Shubarkol, into service"
        " on 22 August 2014.",
    ],
)
def test_a_held_line_listed_after_a_plural_noun_takes_the_status(
    kb: KnowledgeBase, text: str
) -> None:
    events = {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}
    assert ("prj-zhezkazgan-beyneu-railway", ProjectStatus.IN_SERVICE, dt.date(2014, 8, 22)) in (
        events
    )


@pytest.mark.parametrize(
    "text",
    [
        # the list after the comma holds other words than names: no apposition
        "Kazakhstan put two new railways into service, said the ministry, and the"
        " Zhezkazgan-Beineu line was one of them.",
        # no plural noun of the kind: the clause after the comma is its own
        "The president opened a hospital on 22 August 2014, Zhezkazgan-Beineu works went on.",
    ],
)
def test_no_apposed_list_without_a_plural_noun_or_with_other_words(
    kb: KnowledgeBase, text: str
) -> None:
    events = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-zhezkazgan-beyneu-railway", ProjectStatus.IN_SERVICE) not in events


# -- names in a list of regions are regions -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Eight more projects will be finished this year in Turkestan, Kostanay, East"
            " Kazakhstan and Kyzylorda regions, a Chinese official said.",
            "Kostanay",
        ),
        (
            "The plants are to be built by a Chinese company in the Jizzakh and Tashkent regions.",
            "Jizzakh",
        ),
    ],
)
def test_a_name_in_a_list_of_regions_is_no_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name not in new_entity_names(kb, text, EntityKind.PLACE)


def test_a_town_in_a_list_of_towns_is_still_a_place(kb: KnowledgeBase) -> None:
    text = "A Chinese company opened plants in Kostanay and Almaty."
    assert "Kostanay" in new_entity_names(kb, text, EntityKind.PLACE)


# -- a Russian title that opens its sentence ends before its predicate ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Соглашение по проекту было подписано 15 октября 2009 года.", "Соглашение по проекту"),
        (
            "Соглашение о строительстве дороги подписано 15 октября 2009 года в Бишкеке.",
            "Соглашение о строительстве дороги",
        ),
        (
            "Меморандум о сотрудничестве в области энергетики был подписан 4 января 2022 года.",
            "Меморандум о сотрудничестве в области энергетики",
        ),
    ],
)
def test_a_russian_title_opening_a_sentence_ends_before_its_verb_and_date(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text, dt.date(2022, 6, 1))] == [name]


# -- the lettered lines of the Central Asia – China gas pipeline --------------------------------


def test_lines_a_b_and_c_are_the_held_pipeline_not_line_d(kb: KnowledgeBase) -> None:
    text = (
        "Line A went into operation in December 2009. Construction of Line D is expected to begin"
        " at the end of this year."
    )
    events = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-ca-china-gas-pipeline-abc", ProjectStatus.IN_SERVICE) in events
    assert ("prj-ca-china-gas-pipeline-line-d", ProjectStatus.IN_SERVICE) not in events


# -- a completion that is due is a planned opening, not a state ---------------------------------


@pytest.mark.parametrize(
    ("text", "project", "year"),
    [
        (
            "Строительство вторых путей Достык-Мойынты должно быть завершено в 2025 году.",
            "prj-dostyk-moyinty-second-track",
            2025,
        ),
        (
            "Железная дорога Китай — Кыргызстан — Узбекистан должна быть достроена в 2030 году.",
            "prj-cku-railway",
            2030,
        ),
        (
            "Construction of the Dostyk-Moiynty second track is to be completed in 2025.",
            "prj-dostyk-moyinty-second-track",
            2025,
        ),
    ],
)
def test_a_completion_due_in_a_year_is_a_planned_opening_and_no_event(
    kb: KnowledgeBase, text: str, project: str, year: int
) -> None:
    facts = proposals_from(kb, text, dt.date(2022, 11, 17))
    planned = [
        (f.subject_id, f.value) for f in figures_in(facts, FigureQuantity.PLANNED_OPENING_YEAR)
    ]
    assert (project, float(year)) in planned
    assert not [e for e in events_in(facts) if e.status is ProjectStatus.IN_SERVICE]


def test_construction_due_to_start_is_no_planned_opening(kb: KnowledgeBase) -> None:
    text = "Construction of the Dostyk-Moiynty second track will start in 2023."
    facts = proposals_from(kb, text, dt.date(2022, 11, 17))
    assert figures_in(facts, FigureQuantity.PLANNED_OPENING_YEAR) == []


# -- "начала работ" is the start of works, "начала работу" an opening ------------------------------


def test_the_start_of_works_is_no_opening_and_starting_work_is(kb: KnowledgeBase) -> None:
    works = "В церемонии начала работ на участке Достык-Мойынты участвовал премьер-министр."
    statuses = {e.status for e in events_in(proposals_from(kb, works, dt.date(2022, 11, 17)))}
    assert ProjectStatus.IN_SERVICE not in statuses
    opened = "Сухой порт Хоргос начал работу в 2015 году."
    statuses = {e.status for e in events_in(proposals_from(kb, opened, dt.date(2022, 11, 17)))}
    assert ProjectStatus.IN_SERVICE in statuses


# -- freight trains and routes named by the places they link (rule 29) --------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The first freight train from Ganzhou to Kazakhstan left on July 27.",
            "Ganzhou - Kazakhstan freight train",
        ),
        (
            "The Tianjin - Tashkent freight train route was launched in 2024.",
            "Tianjin - Tashkent freight train route",
        ),
        (
            "The Chongqing - Tashkent regular freight train route opened on Monday.",
            "Chongqing - Tashkent regular freight train route",
        ),
        (
            "Первый грузовой поезд из Сианя в Алматы отправился вчера.",
            "Грузовой поезд Сиань - Алматы",
        ),
        (
            "Открыт грузовой железнодорожный маршрут Чэнду - Ташкент.",
            "Грузовой железнодорожный маршрут Чэнду - Ташкент",
        ),
    ],
)
def test_a_train_route_between_places_with_a_run_is_a_new_project(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in new_entity_names(kb, text, EntityKind.PROJECT)


@pytest.mark.parametrize(
    "text",
    [
        # a route only promoted: no run of its own
        "Kazakhstan promotes the Lianyungang - Almaty freight train route.",
        # a flight is no route of rule 29
        "Летать по маршруту Урумчи – Ош будут по субботам, первый рейс уже открыт.",
        # a first train between two countries is a kind of traffic
        "The first freight train from China to Kazakhstan left.",
    ],
)
def test_no_train_route_without_a_run_for_flights_or_between_countries(
    kb: KnowledgeBase, text: str
) -> None:
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert not any(("train" in n or "аршрут" in n) for n in names), names


def test_the_places_a_first_train_links_stay_places(kb: KnowledgeBase) -> None:
    text = "The first freight train from Ganzhou to Kazakhstan left on July 27."
    assert "Ganzhou" in new_entity_names(kb, text, EntityKind.PLACE)


# -- airports by a name of their own, and a held town's airport -----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Из международного аэропорта «Тяньшань» в Урумчи вылетел первый рейс в Ош.",
            "Международный аэропорт «Тяньшань»",
        ),
        (
            "Самолет вылетел из международного аэропорта Тяньфу города Чэнду в Алматы.",
            "Международный аэропорт Тяньфу",
        ),
        ("Китайские партнеры модернизируют аэропорт в Оше.", "Аэропорт в Оше"),
    ],
)
def test_an_airport_by_its_own_name_or_its_town_is_a_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert name in new_entity_names(kb, text, EntityKind.PLACE)


def test_an_airport_in_a_country_is_no_airport_of_a_town(kb: KnowledgeBase) -> None:
    text = "Самолет приземлился в аэропорт в Китае."
    assert not any("эропорт" in n for n in new_entity_names(kb, text, EntityKind.PLACE))


def test_a_small_hydropower_plant_by_its_abbreviation(kb: KnowledgeBase) -> None:
    text = "A Chinese company will build the Kamchik MHPP on the river Akhangaran."
    assert "Kamchik MHPP" in new_entity_names(kb, text, EntityKind.PROJECT)
