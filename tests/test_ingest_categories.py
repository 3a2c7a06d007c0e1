"""Categories of error found on the third development set (issue #12), each checked with
sentences written for the test in English and Russian: reports dated to the month only,
the pair of states a whole text is about, "trade was worth", links to other stories, a
figure of two crossings together, ordinals that are no counts, obligations and commitments
that report no step, and a country's share of a line."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest import propose, read_text
from caravan.analysis.ingest.numbers import find_money
from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import (
    FigureQuantity,
    ProposedAgreement,
    ProposedEntity,
)
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def trade(kb: KnowledgeBase, text: str) -> set[tuple[str | None, int | None, float]]:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return {(f.partner_id, f.year, f.value) for f in found}


# -- a report dated to its month only ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Work continues on the China-Kyrgyzstan-Uzbekistan railway.",
        "Строительство железной дороги Китай – Кыргызстан – Узбекистан продолжается.",
    ],
)
def test_a_state_in_a_report_dated_to_the_month_is_dated_to_that_month(
    kb: KnowledgeBase, text: str
) -> None:
    read = read_text(text, published_on=dt.date(2024, 11, 1))
    meta = read.meta.model_copy(update={"published_precision": DatePrecision.MONTH})
    found = [
        e
        for e in events_in(propose(kb, read.text, meta))
        if e.status is ProjectStatus.UNDER_CONSTRUCTION
    ]
    assert [(e.date, e.date_precision) for e in found] == [
        (dt.date(2024, 11, 1), DatePrecision.MONTH)
    ]


@pytest.mark.parametrize(
    ("published_on", "precision", "signed_on"),
    [
        (dt.date(2016, 1, 1), DatePrecision.YEAR, dt.date(2016, 5, 20)),
        # a report of April: it may be from its last day, and 20 May is then close enough
        (dt.date(2016, 4, 1), DatePrecision.MONTH, dt.date(2016, 5, 20)),
        # a report of 1 April: 20 May is weeks ahead, so it is the year before's
        (dt.date(2016, 4, 1), DatePrecision.DAY, dt.date(2015, 5, 20)),
    ],
)
def test_a_day_without_its_year_falls_in_the_reports_month_or_year(
    kb: KnowledgeBase, published_on: dt.date, precision: DatePrecision, signed_on: dt.date
) -> None:
    text = (
        "On May 20, Kazakhstan and China signed an agreement on the construction of the "
        "Zhezkazgan – Beyneu railway in Astana."
    )
    read = read_text(text, published_on=published_on)
    meta = read.meta.model_copy(update={"published_precision": precision})
    [agreement] = [p.payload for p in propose(kb, read.text, meta) if p.kind.value == "agreement"]
    assert agreement.signed_on == signed_on


# -- trade of the pair of states a text is about --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "China and Tajikistan marked thirty years of ties. Officials spoke of friendship. "
        "They praised the youth exchanges. Bilateral trade reached 3.9 billion US dollars in 2023.",
        "Китай и Таджикистан отметили тридцать лет отношений. Стороны говорили о дружбе. "
        "Отдельно отметили обмены молодёжи. Двусторонний товарооборот в 2023 году достиг"
        " 3,9 млрд долларов.",
    ],
)
def test_bilateral_trade_far_from_the_names_is_the_texts_pair(kb: KnowledgeBase, text: str) -> None:
    assert ("tj", 2023, 3.9e9) in trade(kb, text)


def test_bilateral_trade_is_not_given_a_partner_when_the_text_names_two(
    kb: KnowledgeBase,
) -> None:
    text = (
        "China, Tajikistan and Kyrgyzstan met in Dushanbe. Officials spoke of friendship. "
        "They praised the youth exchanges. Bilateral trade reached 3.9 billion US dollars in 2023."
    )
    assert trade(kb, text) == set()


def test_trade_worth_an_amount_is_trade_not_investment(kb: KnowledgeBase) -> None:
    text = "Trade between China and Kyrgyzstan was worth 19.8 billion US dollars in 2023."
    assert ("kg", 2023, 19.8e9) in trade(kb, text)


def test_a_project_worth_an_amount_is_still_its_investment(kb: KnowledgeBase) -> None:
    text = "China and Kyrgyzstan signed a deal worth 4.7 billion US dollars in 2023."
    assert trade(kb, text) == set()


# -- links to other stories ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Read also: Trucks queue at the Kenzhebek-Tash checkpoint on the Kyrgyz-Kazakh border",
        "Читайте также: Очередь у пункта пропуска «Кенжебек-Таш» выросла",
    ],
)
def test_a_line_of_links_proposes_nothing(kb: KnowledgeBase, line: str) -> None:
    text = f"Trade news of the day.\n\n{line}\n"
    found = [f for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)]
    assert found == []
    # the same words as a sentence of the report are read
    body = line.split(":", 1)[1].strip() + "."
    assert any(isinstance(f.payload, ProposedEntity) for f in proposals_from(kb, body))


# -- a figure of two crossings together ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Only about 10 trucks a day now pass the Irkeshtam and Torugart checkpoints.",
        "Через пункты пропуска Иркештам и Торугарт теперь проходит около 10 грузовиков в сутки.",
    ],
)
def test_a_daily_figure_of_two_crossings_is_no_ones(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert figures_in(facts, FigureQuantity.CAPACITY_VEHICLES_PER_DAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "About 300 trucks a day pass the Irkeshtam checkpoint.",
        "Через пункт пропуска Иркештам проходит около 300 грузовиков в сутки.",
    ],
)
def test_a_daily_figure_of_one_crossing_is_kept(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [f.value for f in found] == [300]


# -- what reports no step, and what is no count or length ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister insisted that the China-Kyrgyzstan-Uzbekistan railway be finished on time.",
        "A feasibility study of the China-Kyrgyzstan-Uzbekistan railway began in 2023.",
        "Стороны обсудили проектирование железной дороги Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_a_demand_or_a_study_reports_no_status(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.IN_SERVICE) not in found
    assert ("prj-cku-railway", ProjectStatus.ANNOUNCED) not in found


def test_finished_building_is_a_completion(kb: KnowledgeBase) -> None:
    text = "In March 2025 the company finished building the China-Kyrgyzstan-Uzbekistan railway."
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.IN_SERVICE) in found


@pytest.mark.parametrize(
    "text",
    [
        "The 15th forum of sister cities of China and Kazakhstan was held in Xi'an.",
        "В Сиане прошёл 15-й форум городов-побратимов Китая и Казахстана.",
    ],
)
def test_an_ordinal_is_no_count_of_sister_cities(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.SISTER_CITY_PAIRS) == []


def test_a_count_of_sister_cities_is_still_read(kb: KnowledgeBase) -> None:
    text = "China and Kazakhstan have 15 pairs of sister cities."
    found = figures_in(proposals_from(kb, text), FigureQuantity.SISTER_CITY_PAIRS)
    assert [f.value for f in found] == [15]


@pytest.mark.parametrize(
    "text",
    [
        "Within Kyrgyzstan the China-Kyrgyzstan-Uzbekistan railway runs for 305 kilometers.",
        "На территории Кыргызстана железная дорога Китай – Кыргызстан – Узбекистан пройдёт"
        " 305 километров.",
    ],
)
def test_a_length_within_one_country_is_its_share(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM) == []


def test_a_section_named_by_places_of_a_known_road_is_no_new_thing(kb: KnowledgeBase) -> None:
    # Khorog and Kulma are both in the name of the known Dushanbe–Khorog–Kulma highway.
    text = "На восстановление участка Хорог - Кульма длиной 395 км нужно 567 млн долларов."
    found = [f for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)]
    assert found == []


# -- agreements named descriptively, in another case, or only planned ------------------------


def agreements_in(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


def test_a_cooperation_document_signed_on_a_known_project_is_an_agreement(
    kb: KnowledgeBase,
) -> None:
    text = (
        "On 15 September 2022 a cooperation document on the China-Kyrgyzstan-Uzbekistan"
        " Railway was signed in Samarkand."
    )
    found = agreements_in(kb, text)
    assert [a.agreement_id for a in found] == ["agr-cku-mou-samarkand-2022"]
    found_events = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.AGREED) in found_events


@pytest.mark.parametrize(
    "text",
    [
        "At the end of the meeting the parties agreed to sign documents on trade and transport.",
        "The ministers will sign a memorandum on the development of logistics next week.",
        "Стороны договорились подписать документы о торговле и транспорте.",
        "Министры подпишут меморандум о развитии логистики на следующей неделе.",
    ],
)
def test_a_planned_signing_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert agreements_in(kb, text) == []


def test_a_russian_title_in_the_genitive_is_named_in_the_nominative(kb: KnowledgeBase) -> None:
    text = (
        "Депутаты рассмотрели ратификацию Соглашения между правительствами Таджикистана и Китая"
        " о предоставлении помощи, подписанного в июле 2021 года."
    )
    found = agreements_in(kb, text)
    assert [(a.name, a.signed_on) for a in found] == [
        (
            "Соглашение между правительствами Таджикистана и Китая о предоставлении помощи",
            dt.date(2021, 7, 1),
        )
    ]


# -- places named as places -----------------------------------------------------------------------


def new_places(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind.value == "place"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trucks will run from the border to the city of Vahdatobod.", "Vahdatobod"),
        ("The forum was held in Zhuzhou, capital of a district in Hunan.", "Zhuzhou"),
        ("The new line starts at Zhanaturmys station.", "Zhanaturmys"),
        ("Поезд прошёл между станцией Жанатурмыс и границей.", "Жанатурмыс"),
        ("Побратимом стал город Вахдатобод.", "Вахдатобод"),
        ("Поезда пойдут на Жанатурмыс (Казахстан) и дальше.", "Жанатурмыс"),
    ],
)
def test_a_name_called_a_place_is_a_new_place(kb: KnowledgeBase, text: str, name: str) -> None:
    assert new_places(kb, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Xi'an is the largest city of Northwest China.",
        "Trucks will run from the border to the city of Almaty.",
        "Поезда пойдут на Ташкент (Узбекистан) и дальше.",
        "Встреча прошла в Бишкеке (по данным агентства).",
    ],
)
def test_known_places_regions_and_other_brackets_are_not_new(kb: KnowledgeBase, text: str) -> None:
    assert new_places(kb, text) == []


# -- coordinated projects, Russian plans in any form --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In May 2024 construction of the Darbaza-Maktaaral (152 km) and Bakhty-Ayagoz (272 km)"
        " lines began.",
        "В мае 2024 года началось строительство линий Дарбаза – Мактаарал (152 км) и Бахты –"
        " Аягоз (272 км).",
    ],
)
def test_a_status_of_coordinated_projects_is_each_ones(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert {
        ("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION),
        ("prj-cn-kz-third-railway", ProjectStatus.UNDER_CONSTRUCTION),
    } <= found


def test_projects_in_separate_clauses_are_not_coordinated(kb: KnowledgeBase) -> None:
    text = (
        "Construction of the Darbaza-Maktaaral line began in May 2024, while the Bakhty-Ayagoz"
        " line is only being designed."
    )
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cn-kz-third-railway", ProjectStatus.UNDER_CONSTRUCTION) not in found


@pytest.mark.parametrize(
    "text",
    [
        "Запустить железную дорогу Китай — Кыргызстан — Узбекистан рассчитывают в 2030 году.",
        "Ввести в эксплуатацию железную дорогу Китай — Кыргызстан — Узбекистан планируется"
        " в 2030 году.",
        "Власти планируют открыть железную дорогу Китай — Кыргызстан — Узбекистан в 2030 году.",
    ],
)
def test_a_russian_plan_to_open_in_any_form_gives_the_year(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("prj-cku-railway", 2030)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Road transport between Tajikistan and China runs under an agreement the governments"
            " of the two countries signed on August 27, 2008.",
            "Agreement between Tajikistan and China",
        ),
        (
            "Перевозки между Таджикистаном и Китаем идут по соглашению, которое правительства"
            " двух стран подписали 27 августа 2008 года.",
            "Соглашение между Таджикистаном и Китаем",
        ),
    ],
)
def test_an_agreement_the_two_countries_signed_is_named_by_them(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = agreements_in(kb, text)
    assert [(a.name, a.signed_on) for a in found] == [(name, dt.date(2008, 8, 27))]


def test_the_two_countries_need_exactly_two_named(kb: KnowledgeBase) -> None:
    text = (
        "China, Tajikistan and Kyrgyzstan trade by road under an agreement the governments of"
        " the two countries signed on August 27, 2008."
    )
    assert [a.name for a in agreements_in(kb, text)] == []


# -- builders at work ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For now the builders are boring tunnels on the China-Kyrgyzstan-Uzbekistan railway.",
        "Сейчас строители укладывают рельсы на железной дороге Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_builders_at_work_are_building(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) in found


@pytest.mark.parametrize(
    "text",
    [
        "Next year the builders will be boring tunnels on the China-Kyrgyzstan-Uzbekistan railway.",
        "Строители будут укладывать рельсы на железной дороге Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_builders_to_work_later_are_not_building_yet(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) not in found


@pytest.mark.parametrize(
    "text",
    [
        "The contract was signed with Sinohydro (China) last year.",
        "Компания Синохайдро (Китай) получила контракт.",
        "Trucks go from the border to the city of Northeast China.",
    ],
)
def test_common_nouns_and_companies_are_not_new_places(kb: KnowledgeBase, text: str) -> None:
    assert new_places(kb, text) == []


# -- numbers written in words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trade between China and Kazakhstan reached two billion US dollars in 2023.", 2e9),
        ("Trade between China and Kazakhstan was twenty-five billion dollars in 2023.", 25e9),
        ("Товарооборот Китая и Казахстана в 2023 году достиг двух миллиардов долларов.", 2e9),
        ("Товарооборот Китая и Казахстана в 2023 году составил полтора млрд долларов.", 1.5e9),
    ],
)
def test_an_amount_in_words_is_read(kb: KnowledgeBase, text: str, value: float) -> None:
    assert ("kz", 2023, value) in trade(kb, text)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("five hundred million dollars", 5e8),
        ("тремя миллиардами долларов", 3e9),
        ("двести пятьдесят миллионов долларов", 2.5e8),
    ],
)
def test_number_words_in_any_case_are_valued(written: str, value: float) -> None:
    assert [(a.start, a.value_usd) for a in find_money(written, "en")] == [(0, value)]


def test_words_that_are_no_numbers_give_no_amount() -> None:
    assert find_money("It cost a million dollars and many billion dollars more.") == []


def test_a_corridor_through_four_countries_is_a_new_project(kb: KnowledgeBase) -> None:
    text = "The China-Tajikistan-Turkmenistan-Iran-Türkiye multimodal transport corridor opened."
    names = [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert names == ["China-Tajikistan-Turkmenistan-Iran-Türkiye multimodal transport corridor"]


def test_a_corridor_of_two_countries_is_too_generic(kb: KnowledgeBase) -> None:
    text = "The China-Kazakhstan transport corridor carries more goods."
    assert [f for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)] == []


# -- facilities described by what they are and where ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The plan covers the transport and logistics center in the city of Almaty.",
            "Transport and logistics center in the city of Almaty",
        ),
        ("The Olympic Village in Tashkent was completed recently.", "Olympic Village in Tashkent"),
        ('Two firms are building a joint "dry port" in Almaty.', "Joint dry port in Almaty"),
        ("Компании строят сухой порт в Алматы.", "Сухой порт в Алматы"),
        (
            "Узбекистан и Китай обсудили развитие индустриального парка в Ташкенте.",  # rule 17
            "Индустриальный парк в Ташкенте",
        ),
    ],
)
def test_a_facility_described_in_a_known_place_is_new(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    names = [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert names == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The plan covers a logistics center in Springfield.",
        "The Khorgos Gateway dry port in Khorgos handled more trains.",
    ],
)
def test_a_facility_in_an_unknown_place_or_with_a_known_name_is_not_proposed(
    kb: KnowledgeBase, text: str
) -> None:
    found = [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert not any("in " in n for n in found)


def test_a_new_city_holding_a_new_facility_is_proposed_too(kb: KnowledgeBase) -> None:
    text = "The plan covers the logistics center in the city of Vahdatobod."
    names = {
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    }
    assert names == {"Logistics center in the city of Vahdatobod", "Vahdatobod"}


# -- twinnings listed as pairs ------------------------------------------------------------------


def test_twinnings_listed_in_english_are_each_an_agreement(kb: KnowledgeBase) -> None:
    text = (
        "During the state visit, two agreements on sister relations were signed: one between"
        " the Kazakh city of Shymkent and China's Lanzhou, the other between Turkistan region"
        " and Gansu Province."
    )
    assert [a.name for a in agreements_in(kb, text)] == [
        "Sister-city agreement between the Kazakh city of Shymkent and China's Lanzhou",
        "Sister-region agreement between Turkistan region and Gansu Province",
    ]


def test_twinnings_listed_in_russian_keep_the_parties_case_and_the_signing_place(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Побратимские отношения установлены между городом Кашгар и городом Фергана Ферганской"
        " области, а также городом Коканд; между уездом Шачэ и городом Маргилан.\n\n"
        "Документы подписали на конференции, которая прошла в рамках Кашгарской ярмарки."
    )
    found = agreements_in(kb, text)
    assert [(a.name, a.place_id) for a in found] == [
        ("Побратимские отношения между городом Кашгар и городом Фергана", "cn-kashgar"),
        ("Побратимские отношения между городом Кашгар и городом Коканд", "cn-kashgar"),
        ("Побратимские отношения между уездом Шачэ и городом Маргилан", "cn-kashgar"),
    ]


def test_between_the_two_countries_is_no_twinning_pair(kb: KnowledgeBase) -> None:
    text = "Sister-city ties between the two countries keep growing, officials said."
    assert agreements_in(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "There are now 60 pairs of sister cities between China and Kazakhstan.",
        "Между Китаем и Казахстаном установлено 60 пар городов-побратимов.",
    ],
)
def test_sister_cities_between_two_countries_are_a_count_not_a_pair(
    kb: KnowledgeBase, text: str
) -> None:
    assert agreements_in(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kyrgyz section of the China-Kyrgyzstan-Uzbekistan railway will be completed in 2027.",
        "Кыргызский участок железной дороги Китай – Кыргызстан – Узбекистан достроят в 2027 году.",
    ],
)
def test_a_sections_planned_completion_is_not_the_lines(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR) == []


@pytest.mark.parametrize(
    "text",
    [
        "The China-Kyrgyzstan-Uzbekistan railway will be completed in 2030.",
        "Железную дорогу Китай – Кыргызстан – Узбекистан достроят в 2030 году.",
    ],
)
def test_a_lines_planned_completion_is_read(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("prj-cku-railway", 2030)]


# -- works without a subject of their own, at a facility that runs --------------------------------


def test_bare_works_take_the_one_project_named_after_them(kb: KnowledgeBase) -> None:
    text = (
        "So far, work has begun on 18 of the 29 tunnels along the China-Kyrgyzstan-Uzbekistan"
        " railway."
    )
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) in found


@pytest.mark.parametrize(
    "text",
    [
        "Work is in full swing at the Khorgos Gateway dry port: the port handles 12 trains a day.",
        "Работа идёт полным ходом: сухой порт «Хоргос – Восточные ворота» принимает 12 поездов"
        " в сутки.",
    ],
)
def test_work_in_full_swing_at_a_running_facility_is_service(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE) in found
    assert ("prj-khorgos-gateway-dry-port", ProjectStatus.UNDER_CONSTRUCTION) not in found


def test_work_on_a_new_part_of_a_running_facility_is_building(kb: KnowledgeBase) -> None:
    text = "Work on the second stage of the Khorgos Gateway dry port is under way."
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE) not in found


# -- lines named by a longer chain with a known line's ends ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the highway on the Dushanbe-Kulob-Darvaz-Murghab-Kulma route began in"
        " May 2023.",
        "В мае 2023 года началось строительство трассы Душанбе-Куляб-Дарваз-Мургаб-Кульма.",
    ],
)
def test_a_chain_with_a_known_lines_ends_is_that_line(kb: KnowledgeBase, text: str) -> None:
    found = {(e.project_id, e.status) for e in events_in(proposals_from(kb, text))}
    assert ("prj-cn-tj-highway-phase2", ProjectStatus.UNDER_CONSTRUCTION) in found


def test_a_chain_with_other_ends_is_another_line(kb: KnowledgeBase) -> None:
    text = "В мае 2023 года началось строительство железной дороги Душанбе-Вахдат-Яван-Курган-Тюбе."
    found = {e.project_id for e in events_in(proposals_from(kb, text))}
    assert "prj-vahdat-yavan-railway" not in found
    assert "prj-cn-tj-highway-phase2" not in found
