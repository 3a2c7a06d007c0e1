"""Categories of error found on the fourth development set (issue #12), each checked with
sentences written for the test in English and Russian: a count of vehicles at a crossing
that has a road and a rail post, groups of documents signed together, and trade between
China and "the five countries"."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.proposals import (
    EntityKind,
    FigureQuantity,
    ProposedAgreement,
    ProposedEntity,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase
from ingest_helpers import figures_in, proposals_from


def agreement_names(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]


# -- vehicles pass the road crossing of a name a rail crossing shares -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "After the repairs, the Torugart checkpoint can handle 150 vehicles a day.",
        "После ремонта пункт пропуска «Торугарт» может пропускать 150 автомобилей в сутки.",
    ],
)
def test_vehicles_at_a_name_with_road_and_rail_posts_are_the_road_crossings(
    kb: KnowledgeBase, text: str
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [(f.subject_id, f.value) for f in found] == [("bcp-torugart-road", 150.0)]


# -- groups of documents -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # given only as a count (corpus rule 4; a group said to be on its topics is one
        # agreement, see test_ingest_round11)
        "Kazakhstan and China signed a number of documents in Astana on 3 July 2024.",
        "Казахстан и Китай подписали семь меморандумов – об экономике, энергетике и образовании.",
        "Министерство транспорта Узбекистана подписало меморандумы о сотрудничестве с "
        "несколькими китайскими логистическими компаниями.",
    ],
)
def test_a_group_of_documents_with_no_names_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert agreement_names(kb, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The two sides also signed documents on grant assistance and on cooperation in "
            "customs.",
            ["Document on grant assistance", "Document on cooperation in customs"],
        ),
        (
            "Стороны подписали меморандумы о гуманитарной помощи и о сотрудничестве в области "
            "таможни.",
            ["Меморандум о гуманитарной помощи", "Меморандум о сотрудничестве в области таможни"],
        ),
    ],
)
def test_documents_each_on_its_own_topic_are_one_agreement_each(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert agreement_names(kb, text) == names


def test_a_single_untitled_memorandum_is_still_an_agreement(kb: KnowledgeBase) -> None:
    text = "Казахстан и Китай подписали соглашения о сотрудничестве в области таможни."
    assert agreement_names(kb, text) == ["Соглашение о сотрудничестве в области таможни"]


# -- China and "the five countries" --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Relations between China and the five countries are thirty years old, and trade between "
        "the two sides reached $50 billion in 2021.",
        "Отношениям Китая и пяти стран тридцать лет, а товарооборот между сторонами в 2021 году "
        "достиг 50 млрд долларов.",
    ],
)
def test_trade_of_china_and_the_five_countries_is_the_total(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.partner_id, f.year, f.value) for f in found] == [(None, 2021, 50e9)]


# -- a text on China's trade: partners and years said once ----------------------------------------


def trade(kb: KnowledgeBase, text: str) -> set[tuple[str | None, str | None, int | None, float]]:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return {(f.partner_id, f.reporter_id, f.year, f.value) for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with Central Asia grew fast in 2023. Officials were pleased. "
        "Trade with Uzbekistan climbed to $14bn, though Uzbek exports came to only $1.6bn.",
        "Товарооборот Китая со странами Центральной Азии в 2023 году быстро рос. Чиновники "
        "довольны. Торговля с Узбекистаном выросла до 14 млрд долларов, а узбекский экспорт "
        "составил лишь 1,6 млрд долларов.",
    ],
)
def test_a_partners_trade_in_a_text_on_chinas_trade_takes_the_year_said_before(
    kb: KnowledgeBase, text: str
) -> None:
    assert trade(kb, text) == {("uz", "cn", 2023, 14e9)}


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's trade grew fast in 2023. Trade with Uzbekistan climbed to $1.4bn.",
        "Торговля Казахстана в 2023 году быстро росла. Торговля с Узбекистаном выросла до "
        "1,4 млрд долларов.",
    ],
)
def test_a_partners_trade_in_a_text_not_on_chinas_trade_is_not_chinas(
    kb: KnowledgeBase, text: str
) -> None:
    assert trade(kb, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with Central Asia grew in January-June 2023. Trade with Uzbekistan "
        "climbed to $7bn.",
        "Товарооборот Китая со странами Центральной Азии за шесть месяцев 2023 года вырос. "
        "Торговля с Узбекистаном выросла до 7 млрд долларов.",
    ],
)
def test_the_year_said_before_of_part_of_a_year_dates_nothing(kb: KnowledgeBase, text: str) -> None:
    assert trade(kb, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with the region rose in 2024: turnover grew for Kazakhstan (by $2.8 "
        "billion), while Tajikistan saw it shrink by about $260 million and $65 million.",
        "Товарооборот Китая с регионом в 2024 году вырос: с Казахстаном (на 2,8 млрд "
        "долларов), а с Таджикистаном сократился на 260 млн и 65 млн долларов.",
    ],
)
def test_changes_in_brackets_and_coordinated_are_not_levels(kb: KnowledgeBase, text: str) -> None:
    assert trade(kb, text) == set()


def test_another_sentences_china_is_not_the_reporter(kb: KnowledgeBase) -> None:
    text = (
        "Figures often fail to match China's. Uzbekistan's Statistics Agency put turnover "
        "with China for 2023 at $13.7bn."
    )
    assert trade(kb, text) == {("uz", "uz", 2023, 13.7e9)}


def test_a_russian_agencys_own_country_is_the_reporter(kb: KnowledgeBase) -> None:
    text = (
        "Данные часто расходятся с китайскими. Статистическое агентство Узбекистана оценило "
        "товарооборот с Китаем за 2023 год в 13,7 млрд долларов."
    )
    assert trade(kb, text) == {("uz", "uz", 2023, 13.7e9)}


# -- crossings named by a post, listed beside known ones, or set on a border ---------------------


def new_crossings(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.CROSSING
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Zhibek Zholy checkpoint now handles 1,000 vehicles a day.",
        "Пункт пропуска «Жибек Жолы» теперь пропускает 1000 автомобилей в сутки.",
    ],
)
def test_a_crossing_is_named_by_one_of_its_posts(kb: KnowledgeBase, text: str) -> None:
    found = proposals_from(kb, text)
    daily = figures_in(found, FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [(f.subject_id, f.value) for f in daily] == [("bcp-saryagash-keles-road", 1000.0)]
    assert new_crossings(kb, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The programme covers nine checkpoints. Upgrades were finished at several of them, "
            "including Kaplanbek, Atameken, Kolzhat and Alakol.",
            ["Kaplanbek", "Atameken"],
        ),
        (
            "Программа охватывает девять КПП. Работы завершены на нескольких из них, в том "
            "числе на Капланбеке, Атамекене, Колжате и Алаколе.",
            ["Капланбек", "Атамекен"],
        ),
    ],
)
def test_unknown_posts_listed_beside_known_crossings_are_new_crossings(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert new_crossings(kb, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "The delegation visited several towns, including Kaplanbek, Atameken and Zharkent.",
        "Делегация посетила несколько городов, в том числе Капланбек, Атамекен и Жаркент.",
    ],
)
def test_a_list_in_a_text_not_about_checkpoints_names_no_crossing(
    kb: KnowledgeBase, text: str
) -> None:
    assert new_crossings(kb, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Two upgraded road checkpoints opened: Kazygurt on the border with Uzbekistan and "
            "Temir-Baba on the border with Turkmenistan.",
            ["Kazygurt", "Temir-Baba"],
        ),
        (
            "Открылись два обновлённых пункта пропуска: Казыгурт на границе с Узбекистаном и "
            "Темир-Баба на границе с Туркменистаном.",
            ["Казыгурт", "Темир-Баба"],
        ),
    ],
)
def test_a_post_set_on_a_border_is_a_new_crossing(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert new_crossings(kb, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Upgrades were finished at several checkpoints, including Kolzhat and Alakol, and the "
        "work at Tazhen and Bakhty is to be completed by the end of this year.",
        "Модернизация завершена на нескольких КПП, в том числе на Колжате и Алаколе, а работы в "
        "Тажене и Бахты будут завершены в 2026 году.",
    ],
)
def test_a_plan_for_places_of_its_own_clause_is_not_the_crossing_before(
    kb: KnowledgeBase, text: str
) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR) == []


# -- a line named by a letter, either way round --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The two countries are pressing on with a fourth pipeline, the 1,000-km D line.",
        "Протяжённость нитки D газопровода составляет 1000 км.",
    ],
)
def test_a_lettered_line_is_found_either_way_round(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM)
    assert [(f.subject_id, f.value) for f in found] == [
        ("prj-ca-china-gas-pipeline-line-d", 1000.0)
    ]


# -- joint statements issued by two named states --------------------------------------------------


def signed(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The sides reaffirmed the joint statement that Turkmenistan and China issued in "
            "Beijing on 6 January 2023.",
            "Joint statement between Turkmenistan and China",
        ),
        (
            "Стороны подтвердили совместное заявление, которое Туркменистан и Китай приняли в "
            "Пекине 6 января 2023 года.",
            "Совместное заявление между Туркменистаном и Китаем",
        ),
        (
            "Туркменистан и Китай подписали совместное заявление в Пекине 6 января 2023 года.",
            "Совместное заявление между Туркменистаном и Китаем",
        ),
    ],
)
def test_a_joint_statement_two_named_states_issued_is_named_by_them(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = signed(kb, text)
    assert [(a.name, a.signed_on, a.place_id) for a in found] == [
        (name, dt.date(2023, 1, 6), "cn-beijing")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The sides reaffirmed the treaty in Beijing on 6 January 2023.",
        "Стороны подтвердили договор в Пекине 6 января 2023 года.",
    ],
)
def test_a_document_referred_back_to_is_not_signed_again(kb: KnowledgeBase, text: str) -> None:
    assert signed(kb, text) == []


# -- stops of a route: "from X through Y to the border" ------------------------------------------


def new_places(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PLACE
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The first stage covers the line from Yerdaut through Zhetysai to the state border.",
            ["Yerdaut", "Zhetysai"],
        ),
        (
            "Первый этап охватывает линию от Ердаута через Жетысай до государственной границы.",
            ["Ердаут", "Жетысай"],
        ),
        ("Goods go by rail from Dongchuan in Lanzhou to Kashgar.", ["Dongchuan"]),
    ],
)
def test_unknown_stops_of_a_route_to_a_border_are_new_places(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert new_places(kb, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "The line gives one more transit route from China to Europe through Kazakhstan.",
        "Мост увеличит грузопоток из Китая в Центральную Азию и дальше.",
        "Trains to Almaty run from Monday to Friday.",
    ],
)
def test_a_chain_without_a_border_or_a_placed_stop_names_no_place(
    kb: KnowledgeBase, text: str
) -> None:
    assert new_places(kb, text) == []


# -- a daily figure stepped up within its sentence -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        (
            "The Chinese side agreed to accept more Kazakh lorries. Up to 650 vehicles a day pass "
            "Nur Zholy now; from 1 July it will be 750, and in September 1,000.",
            FigureQuantity.DAILY_QUOTA_VEHICLES,
            1000.0,
        ),
        (
            "Китайская сторона будет принимать больше казахстанских машин. Через Нур Жолы "
            "проходит до 650 автомобилей в день; с 1 июля их будет 750, а в сентябре – 1000.",
            FigureQuantity.DAILY_QUOTA_VEHICLES,
            1000.0,
        ),
        (
            "Nur Zholy handles 650 vehicles a day, and in September this will rise to 1,000.",
            FigureQuantity.CAPACITY_VEHICLES_PER_DAY,
            1000.0,
        ),
    ],
)
def test_a_daily_figure_stepped_up_in_its_sentence_keeps_its_last_step(
    kb: KnowledgeBase, text: str, quantity: FigureQuantity, value: float
) -> None:
    found = [
        f
        for f in figures_in(proposals_from(kb, text), quantity)
        if f.subject_id == "bcp-khorgos-nur-zholy-road"
    ]
    assert [(f.value, f.valid_from) for f in found] == [(value, dt.date(2025, 9, 1))]


def test_a_share_after_a_daily_figure_is_no_step(kb: KnowledgeBase) -> None:
    text = "Nur Zholy handles 650 vehicles a day, and traffic will be 20 % higher in 2026."
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [f.value for f in found] == [650.0]


# -- a programme named by the count of its projects -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and China are carrying out 52 joint projects with investment of $21 billion.",
        "Казахстан и Китай реализуют 52 совместных проекта с инвестициями на 21 млрд долларов.",
    ],
)
def test_the_joint_projects_list_is_the_capacity_programme(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.subject_id, f.value) for f in found] == [("prj-kz-cn-capacity-cooperation", 21e9)]


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and China carry out 40 joint projects worth $1 billion along the Darbaza – "
        "Maktaaral railway.",
        "Вдоль железной дороги Дарбаза – Мактаарал реализуют 40 совместных проектов на 1 млрд "
        "долларов.",
    ],
)
def test_other_counts_of_projects_are_still_no_ones_cost(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD) == []


# -- "opened" as a figure of speech ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Khorgos Gateway dry port opened the way to industrial modernization.",
        "The Khorgos Gateway dry port opened a new 'golden 30 years' of cooperation.",
        "The Khorgos Gateway dry port opened up new prospects for trade.",
        "Сухой порт «Хоргос – Восточные ворота» открыл новую страницу сотрудничества.",
    ],
)
def test_opening_a_way_or_a_chapter_opens_no_project(kb: KnowledgeBase, text: str) -> None:
    assert [f for f in proposals_from(kb, text) if isinstance(f.payload, ProposedStatusEvent)] == []


def test_a_project_that_opened_still_opened(kb: KnowledgeBase) -> None:
    found = [
        f.payload
        for f in proposals_from(kb, "The Khorgos Gateway dry port opened in 2015.")
        if isinstance(f.payload, ProposedStatusEvent)
    ]
    assert [(e.project_id, e.date.year) for e in found] == [("prj-khorgos-gateway-dry-port", 2015)]


# -- plants by their own name ---------------------------------------------------------------------


def new_projects(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PROJECT
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Projects such as the 100 MW Zhanatas wind farm, the JAC vehicle assembly line and "
            "the Shymkent Oil Refinery are under way.",
            ["Zhanatas wind farm", "JAC vehicle assembly line", "Shymkent Oil Refinery"],
        ),
        (
            "Среди крупных проектов – ВЭС «Жанатас» мощностью 100 МВт и СЭС «Бурное».",
            ["ВЭС Жанатас", "СЭС Бурное"],
        ),
    ],
)
def test_a_plant_named_by_its_own_name_is_a_new_project(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert new_projects(kb, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "The power plant and the refinery were closed for repairs.",
        "Электростанция и нефтеперерабатывающий завод закрыты на ремонт.",
    ],
)
def test_a_plant_without_a_name_is_no_new_project(kb: KnowledgeBase, text: str) -> None:
    assert new_projects(kb, text) == []


# -- services and routes named by a chain of countries --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A ceremony in Lanzhou sent off the first China-Kyrgyzstan-Uzbekistan freight train.",
            "China-Kyrgyzstan-Uzbekistan freight train",
        ),
        (
            "The heavy lifting is done by the Tianshan China-Europe freight train.",
            "Tianshan China-Europe freight train",
        ),
        (
            "Стартовала эксплуатация международного мультимодального транспортного маршрута "
            "Китай – Кыргызстан – Узбекистан – Туркменистан.",
            "Международный мультимодальный транспортный маршрут Китай – Кыргызстан – Узбекистан "
            "– Туркменистан",
        ),
    ],
)
def test_a_service_named_by_a_chain_of_countries_is_a_new_project(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert new_projects(kb, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "China-Europe freight trains made 10,000 trips last year.",
        "Объём перевозок по маршруту Китай – Европа вырос.",
    ],
)
def test_traffic_between_two_regions_is_no_service(kb: KnowledgeBase, text: str) -> None:
    assert new_projects(kb, text) == []


# -- a quoted list of lines ------------------------------------------------------------------------


def events_of(kb: KnowledgeBase, text: str) -> set[tuple[str, str]]:
    return {
        (f.payload.project_id, f.payload.status.value)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedStatusEvent)
    }


@pytest.mark.parametrize(
    "text",
    [
        'Construction is under way on the lines "Darbaza – Maktaaral", "Almaty Ring Railway" '
        'and "Dostyk – Moiynty".',
        'По словам министра, строятся линии "Дарбаза – Мактаарал", "Алматинская кольцевая '
        'железная дорога" и "Достык – Мойынты".',
    ],
)
def test_a_status_holds_for_each_line_of_a_quoted_list(kb: KnowledgeBase, text: str) -> None:
    assert {
        ("prj-darbaza-maktaaral-railway", "under_construction"),
        ("prj-dostyk-moyinty-second-track", "under_construction"),
    } <= events_of(kb, text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            'Work goes on on the lines "Moiynty – Kyzylzhar" and "Almaty Ring Railway".',
            ["Moiynty – Kyzylzhar", "Almaty Ring Railway"],
        ),
        (
            'Строятся линии "Мойынты – Кызылжар" и "Алматинская кольцевая железная дорога".',
            ["Мойынты – Кызылжар", "Алматинская кольцевая железная дорога"],
        ),
    ],
)
def test_unknown_quoted_lines_are_new_projects(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert new_projects(kb, text) == names


def test_a_quoted_known_line_or_a_quoted_slogan_is_no_new_project(kb: KnowledgeBase) -> None:
    text = 'Строятся линии "Дарбаза – Мактаарал" и "Мактаарал – Дарбаза" под девизом "Вперёд".'
    assert new_projects(kb, text) == []


# -- openings that are due ---------------------------------------------------------------------------


def planned(kb: KnowledgeBase, text: str) -> set[tuple[str | None, float]]:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    return {(f.subject_id, f.value) for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "In 2026 two more lines are due to enter service: Dostyk – Moiynty and Darbaza – "
        "Maktaaral.",
        "В 2026 году должны вступить в строй еще две линии – «Достык – Мойынты» и «Дарбаза – "
        "Мактаарал».",
    ],
)
def test_a_year_said_first_holds_for_each_line_due_after_it(kb: KnowledgeBase, text: str) -> None:
    assert planned(kb, text) == {
        ("prj-dostyk-moyinty-second-track", 2026.0),
        ("prj-darbaza-maktaaral-railway", 2026.0),
    }


def test_a_russian_line_due_in_a_year_has_that_planned_opening(kb: KnowledgeBase) -> None:
    text = "Линия «Дарбаза – Мактаарал» должна вступить в строй в 2026 году."
    assert planned(kb, text) == {("prj-darbaza-maktaaral-railway", 2026.0)}


@pytest.mark.parametrize(
    "text",
    [
        "The Darbaza – Maktaaral line was due to open in 2020, but the date slipped.",
        "Линия «Дарбаза – Мактаарал» должна была вступить в строй в 2020 году, но сроки "
        "сдвинулись.",
    ],
)
def test_a_date_that_was_due_and_passed_is_no_planned_opening(kb: KnowledgeBase, text: str) -> None:
    assert planned(kb, text) == set()


# -- letters of intent ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Almaty and Shanghai signed a letter of intent on establishing sister-city relations.",
            "Letter of intent on establishing sister-city relations",
        ),
        (
            "Алматы и Шанхай подписали Письмо о намерениях, которое должно привести к "
            "побратимским отношениям.",
            "Письмо о намерениях",
        ),
    ],
)
def test_a_letter_of_intent_is_a_signed_document(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [a.name for a in signed(kb, text)] == [name]


def test_a_letter_of_intent_to_be_signed_is_not_signed(kb: KnowledgeBase) -> None:
    assert signed(kb, "Almaty and Shanghai will sign a letter of intent next year.") == []


def test_the_verb_after_a_letter_of_intent_is_not_its_title(kb: KnowledgeBase) -> None:
    text = "Подписи под Письмом о намерениях поставили посол Казахстана и мэр Шанхая."
    assert [a.name for a in signed(kb, text)] == ["Письмо о намерениях"]


# -- a container hub in a port -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The railway intends to build a container hub in the port of Aktau.",
            "Container hub in the port of Aktau",
        ),
        (
            "Железная дорога намерена построить контейнерный хаб в порту Актау.",
            "Контейнерный хаб в порту Актау",
        ),
    ],
)
def test_a_container_hub_in_a_known_port_is_a_new_facility(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    # a hub may fairly be read as a place or a project (the corpus README, for dry ports)
    assert [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity)
        and f.payload.entity_kind in (EntityKind.PLACE, EntityKind.PROJECT)
    ] == [name]


# -- where an event was held -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kazakhstan did well at the China International Import Expo in Shanghai.", "Shanghai"),
        ("Казахстан успешно выступил на выставке в Шанхае.", "Шанхай"),
    ],
)
def test_an_unknown_place_an_event_was_held_in_is_a_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert new_places(kb, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The forum in March drew many guests; the summit in Astana followed.",
        "Форум в марте собрал гостей, а саммит в Астане прошёл следом.",
    ],
)
def test_a_month_or_a_known_city_after_an_event_is_no_new_place(
    kb: KnowledgeBase, text: str
) -> None:
    assert new_places(kb, text) == []


# -- a place set beside its country ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Goods then go by ferry to Baku, in Azerbaijan.", "Baku"),
        ("Дальше грузы идут паромом и попадают в Баку, в Азербайджан.", "Баку"),
    ],
)
def test_an_unknown_place_beside_its_country_is_a_new_place(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert new_places(kb, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Goods then go by train to Almaty, in Kazakhstan.",
        "Решение приняли в Минтрансе, в Узбекистане.",
    ],
)
def test_a_known_place_or_an_office_beside_a_country_is_no_new_place(
    kb: KnowledgeBase, text: str
) -> None:
    assert new_places(kb, text) == []
