"""Categories of the eleventh development set (issue #12) for status events, figures and
agreements, each checked with sentences written for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest.numbers import find_money
from caravan.model.enums import AgreementKind, ProjectStatus
from caravan.model.proposals import FigureQuantity, FlagCode, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, figures_in, proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


def _trade(kb: KnowledgeBase, text: str) -> list[tuple[float, str | None, int | None]]:
    """Trade figures as (value in billions, rounded to 3 places; partner; year)."""
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return [(round(f.value / 1e9, 3), f.partner_id, f.year) for f in found]


# -- a decimal comma before "billion" -------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "language", "value"),
    [
        ("trade reached $22,071 billion", "en", 22.071e9),
        ("the line will cost $4,700 billion", "en", 4.7e9),
        ("товарооборот достиг 22,071 млрд долларов", "ru", 22.071e9),
        ("a loan of $1,500 million", "en", 1.5e9),  # thousands of millions stay thousands
    ],
)
def test_a_comma_group_before_billion_is_a_decimal_comma(
    written: str, language: str, value: float
) -> None:
    assert [a.value_usd for a in find_money(written, language)] == [pytest.approx(value)]


# -- a whole year after part of it in the same sentence -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "China's customs put trade between Kyrgyzstan and China at $19.9 billion for"
        " January-November 2024 and at $22.1 billion for the whole of 2024.",
        "По данным таможни Китая, товарооборот Кыргызстана и Китая за январь–ноябрь 2024 года"
        " составил 19,9 млрд долларов, а за весь 2024 год — 22,1 млрд долларов.",
    ],
)
def test_an_amount_for_the_whole_year_is_read_beside_one_for_part_of_it(
    kb: KnowledgeBase, text: str
) -> None:
    assert _trade(kb, text) == [(22.1, "kg", 2024)]


# -- an undated amount after trade for part of a year ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan's trade with China came to $964 million in January-May 2025. Tajik goods"
        " worth $177 million went to China, while imports from China came to $787 million.",
        "Товарооборот Таджикистана с Китаем за январь–май 2025 года составил 964 млн долларов."
        " Экспорт в Китай составил 177 млн долларов, а импорт из Китая — 787 млн долларов.",
    ],
)
def test_an_undated_amount_after_part_of_a_year_is_of_that_part(
    kb: KnowledgeBase, text: str
) -> None:
    assert _trade(kb, text) == []


# -- a province's trade ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shandong's trade with Kazakhstan came to $2 billion in 2024.",
        "Товарооборот Шаньдуна с Казахстаном в 2024 году составил 2 млрд долларов.",
    ],
)
def test_a_provinces_trade_is_not_chinas(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's trade with China reached $44 billion in 2024.",
        "Товарооборот Казахстана с Китаем в 2024 году составил 44 млрд долларов.",
    ],
)
def test_a_states_trade_is_still_read(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [(44.0, "kz", 2024)]


# -- an output to be reached is no capacity (corpus rule 11) --------------------------------


@pytest.mark.parametrize(
    ("text", "capacity"),
    [
        ("The Boguty deposit is to yield 3.3 million tons of ore a year.", False),
        ("The Boguty deposit can handle 3.3 million tons of ore a year.", True),
        ("Рудник Богуты рассчитывают выводить на 3,3 млн тонн руды в год.", False),
        ("Рудник Богуты рассчитан на 3,3 млн тонн руды в год.", True),
    ],
)
def test_an_output_to_be_reached_is_a_target(kb: KnowledgeBase, text: str, capacity: bool) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_MT_PER_YEAR)
    assert [(f.value, f.subject_id) for f in found] == (
        [(3.3, "prj-boguty-tungsten")] if capacity else []
    )


# -- trains a day counted as "составы" ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Up to 200 freight trains a day can now pass along the Dostyk-Moyinty second track.",
        "Через вторые пути Достык — Мойынты теперь может проходить 200 грузовых составов в сутки.",
    ],
)
def test_trains_a_day_in_either_word(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_TRAINS_PER_DAY)
    assert [(f.value, f.subject_id) for f in found] == [(200.0, "prj-dostyk-moyinty-second-track")]


# -- a place name tied to another country in brackets ---------------------------------------


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The Karasu (Kazakhstan) checkpoint can handle up to 300 vehicles a day.", False),
        ("The Karasu (China) checkpoint can handle up to 300 vehicles a day.", True),
        (
            "Очереди стоят у пунктов пропуска «Ак-Тилек» (Кыргызстан) и «Карасу» (Казахстан)."
            " Пункт пропуска «Карасу» способен пропустить до 300 автомобилей в сутки.",
            False,
        ),
        ("Пункт пропуска «Карасу» (Китай) способен пропустить до 300 автомобилей в сутки.", True),
    ],
)
def test_a_name_placed_in_another_country_is_another_place(
    kb: KnowledgeBase, text: str, held: bool
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [f.subject_id for f in found] == (["bcp-karasu-kulma-road"] if held else [])


# -- works measured against their schedule --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the China-Kyrgyzstan-Uzbekistan railway is ahead of schedule.",
        "Work on the China-Kyrgyzstan-Uzbekistan railway is moving faster than planned.",
        "Строительство железной дороги Китай — Кыргызстан — Узбекистан опережает график.",
        # a finish to come early is a planned completion: no state (rule 21, round-8 tests)
    ],
)
def test_works_ahead_of_their_schedule_are_under_way(kb: KnowledgeBase, text: str) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION, DOCUMENT_DAY)]


# -- a document named by the parties after it -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "At the end of the meeting a memorandum was signed between the Food Corporation and"
            " Binzhou Zhongyu Foods. A second memorandum, between the Kazakh Agrotechnical"
            " University and the Shandong Academy of Agricultural Sciences, covers seed research.",
            [
                "Memorandum between Food Corporation and Binzhou Zhongyu Foods",
                "Memorandum between Kazakh Agrotechnical University and Shandong Academy of"
                " Agricultural Sciences",
            ],
        ),
        (
            "По итогам встречи был подписан меморандум между «Продкорпорацией» и Binzhou Zhongyu"
            " Foods. Ещё один меморандум, между «Казагроуниверситетом» и Shandong Academy,"
            " касается семеноводства.",
            [
                "Меморандум между Продкорпорацией и Binzhou Zhongyu Foods",
                "Меморандум между «Казагроуниверситетом» и Shandong Academy",
            ],
        ),
    ],
)
def test_a_document_is_named_by_the_parties_after_it(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    found = _agreements(kb, text)
    assert [a.name for a in found] == names
    assert all(a.agreement_kind is AgreementKind.MEMORANDUM for a in found)
    assert all(a.agreement_id is None for a in found)


def test_one_more_document_needs_a_signing_just_before(kb: KnowledgeBase) -> None:
    text = (
        "The ministers discussed grain exports. A second memorandum, between the Food"
        " Corporation and Binzhou Zhongyu Foods, is being drafted."
    )
    assert _agreements(kb, text) == []


# -- signers named as companies -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "14 мая компания «ЕвроХим» и китайская China National Engineering Company (CNCEC)"
            " торжественно подписали контракт.",
            "Контракт между «ЕвроХим» и China National Engineering Company (CNCEC)",
        ),
        (
            "In May Kazatomprom and China National Uranium Corporation signed a contract.",
            "Contract between Kazatomprom and China National Uranium Corporation",
        ),
    ],
)
def test_a_contract_is_named_by_its_company_signers(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [(a.name, a.agreement_kind) for a in _agreements(kb, text)] == [
        (name, AgreementKind.AGREEMENT)
    ]


# -- a protocol is an agreement (corpus rule 15) --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 6 February in Bishkek the ministry and Hebei Dongguang Chemical signed an additional"
        " protocol on the fertilizer plant.",
        "6 февраля в Бишкеке министерство и Hebei Dongguang Chemical подписали дополнительный"
        " протокол о строительстве завода удобрений.",
    ],
)
def test_a_protocol_is_an_agreement(kb: KnowledgeBase, text: str) -> None:
    found = _agreements(kb, text)
    assert [a.agreement_kind for a in found] == [AgreementKind.AGREEMENT]


# -- a capsule laid, works done by "them", a project launched ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Workers laid a time capsule in the foundation of new tracks at the KTZE Khorgos Gateway"
        " dry port.",
        "В основание новых путей сухого порта KTZE Khorgos Gateway заложили капсулу.",
        "Их строят на перегрузочном терминале сухого порта KTZE Khorgos Gateway.",
    ],
)
def test_a_capsule_laid_or_works_going_on_at_a_held_facility(kb: KnowledgeBase, text: str) -> None:
    found = [(e.project_id, e.status) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-khorgos-gateway-dry-port", ProjectStatus.UNDER_CONSTRUCTION)]


@pytest.mark.parametrize(
    "text",
    [
        "The president singled out the launch of the China-Kyrgyzstan-Uzbekistan railway on"
        " December 27, 2024, a project that will connect China with Central Asia.",
        "Президент отметил запуск проекта железной дороги Китай — Кыргызстан — Узбекистан"
        " 27 декабря 2024 года.",
    ],
)
def test_the_launch_of_a_project_that_is_built_starts_its_construction(
    kb: KnowledgeBase, text: str
) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2024, 12, 27))]


# -- a project written with none of its held names (corpus rule 14) -------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a project no Cyrillic name is held for (the Galkynysh field now has one)
        ("Коридор Кашгар – Иркештам – Ош – Андижан – Ташкент открыт в феврале 2018 года.", True),
        ("Газовое месторождение Галкыныш введено в эксплуатацию в 2013 году.", False),
        ("The Galkynysh gas field was put into operation in 2013.", False),
        ("МЦПС Хоргос открылся в апреле 2012 года.", False),
        ("The Khorgos International Centre of Boundary Cooperation opened in April 2012.", False),
    ],
)
def test_a_project_written_in_another_script_is_a_spelling_variant(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    facts = [f for f in proposals_from(kb, text) if f.kind.value == "status_event"]
    assert len(facts) == 1
    codes = {flag.code for flag in facts[0].flags}
    assert (FlagCode.SPELLING_VARIANT in codes) is flagged


# -- a facility shown in use ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Today 14 companies work in the Pengsheng Industrial Park.",
        "Сегодня в парке Peng Sheng работают 14 компаний.",
    ],
)
def test_firms_at_work_in_a_park_show_it_in_service_as_reported(
    kb: KnowledgeBase, text: str
) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-pengsheng-industrial-park", ProjectStatus.IN_SERVICE, DOCUMENT_DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "More than 1.3 million people had checked in and out of the Khorgos International Centre"
        " of Boundary Cooperation this year.",
        "В этом году через МЦПС Хоргос прошли более 1,3 млн человек.",
    ],
)
def test_people_through_a_centre_show_it_in_service_as_reported(
    kb: KnowledgeBase, text: str
) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-khorgos-icbc", ProjectStatus.IN_SERVICE, DOCUMENT_DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "On July 5, 2023 the Zarafshon JV copper plant turned out its first products.",
        "5 июля 2023 года медный завод Zarafshon JV выпустил первую продукцию.",
    ],
)
def test_first_products_put_a_plant_in_service_on_their_day(kb: KnowledgeBase, text: str) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-zijin-zeravshan", ProjectStatus.IN_SERVICE, dt.date(2023, 7, 5))]


# -- a deal named back by its parties -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kazakhstan said on Thursday that it had agreed a long-term deal to supply uranium to"
            " China. The contract, between the national atomic company Kazatomprom and China"
            " National Uranium Corporation, covers deliveries of concentrate.",
            "Contract between Kazatomprom and China National Uranium Corporation",
        ),
        (
            "Казахстан сообщил, что договорился о долгосрочной сделке по поставкам урана в Китай."
            " Как уточнили в компании, контракт, заключённый между «Казатомпромом» и China"
            " National Uranium Corporation, предусматривает поставки концентрата.",
            "Контракт между «Казатомпромом» и China National Uranium Corporation",
        ),
    ],
)
def test_a_deal_agreed_is_the_contract_named_back_by_its_parties(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [(a.name, a.agreement_kind) for a in _agreements(kb, text)] == [
        (name, AgreementKind.AGREEMENT)
    ]


def test_a_contract_named_back_with_no_deal_before_is_not_proposed(kb: KnowledgeBase) -> None:
    text = (
        "Kazakhstan mines more uranium than any other country. The contract, between"
        " Kazatomprom and China National Uranium Corporation, covers deliveries of concentrate."
    )
    assert _agreements(kb, text) == []


# -- scales joined or written out -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "language", "value"),
    [
        ("the $620-million project", "en", 620e6),
        ("a $2.5-billion loan", "en", 2.5e9),
        ("проект стоимостью $620 млн", "ru", 620e6),
    ],
)
def test_a_scale_joined_by_a_hyphen(written: str, language: str, value: float) -> None:
    assert [a.value_usd for a in find_money(written, language)] == [pytest.approx(value)]


@pytest.mark.parametrize(
    "text",
    [
        "Up to 2.5 thousand vehicles a day will be able to pass through the Khorgos crossing.",
        "Через пункт пропуска Хоргос смогут проезжать до 2,5 тысячи автомобилей в сутки.",
    ],
)
def test_vehicles_a_day_counted_in_thousands(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    assert [f.value for f in found] == [2500.0]


# -- a list of amounts that leaves the currency out -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with Kazakhstan was $30.1 billion in 2024. Uzbekistan came second with"
        " 18 billion, and Turkmenistan third with 10.6 billion.",
        "В 2024 году больше всех торговал с Китаем Казахстан — 30,1 миллиарда долларов. Второе"
        " место у Узбекистана — 18 миллиардов, третье у Туркменистана — 10,6 миллиарда.",
    ],
)
def test_a_list_running_on_from_dollars_is_in_dollars(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [(30.1, "kz", 2024), (18.0, "uz", 2024), (10.6, "tm", 2024)]


def test_a_scaled_count_after_no_dollars_is_no_trade(kb: KnowledgeBase) -> None:
    text = (
        "China's trade with Kazakhstan grew in 2024. Uzbekistan came second with 18 million"
        " tonnes of cargo."
    )
    assert _trade(kb, text) == []


# -- "over the year": the year named before -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "By the end of 2023 China had overtaken Russia among Uzbekistan's partners. According to"
        " Uzbekistan's statistics committee, trade with China came to $13.7 billion over the year.",
        "К концу 2023 года Китай обошёл Россию среди партнёров Узбекистана. По данным статкомитета"
        " Узбекистана, товарооборот с Китаем за год составил 13,7 млрд долларов.",
    ],
)
def test_the_year_spoken_of_is_the_one_named_before(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [(13.7, "uz", 2023)]


# -- the last fiscal year ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last fiscal year, trade between Uzbekistan and China topped $13 billion.",
        "В прошлом финансовом году товарооборот Узбекистана и Китая превысил 13 млрд долларов.",
    ],
)
def test_the_last_fiscal_year_is_last_year(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [(13.0, "uz", DOCUMENT_DAY.year - 1)]


# -- the cost of a part of a line -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        (
            "The China-Kyrgyzstan-Uzbekistan railway will run for more than 300 kilometers in"
            " Kyrgyzstan, and the cost of that stretch is put at $4.7 billion.",
            False,
        ),
        (
            "Железная дорога Китай — Кыргызстан — Узбекистан пройдёт по Кыргызстану более 300 км,"
            " стоимость этого участка оценивается в 4,7 млрд долларов.",
            False,
        ),
        ("The China-Kyrgyzstan-Uzbekistan railway will cost $4.7 billion in total.", True),
    ],
)
def test_the_cost_of_a_stretch_is_not_the_projects(
    kb: KnowledgeBase, text: str, cost: bool
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.value, f.subject_id) for f in found] == (
        [(4.7e9, "prj-cku-railway")] if cost else []
    )


# -- works well advanced --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "Work on the China-Kyrgyzstan-Uzbekistan highway is well advanced.",
            "prj-cn-kg-uz-highway",
        ),
        (
            "Строительство вторых путей Достык — Мойынты продвинулось далеко.",
            "prj-dostyk-moyinty-second-track",
        ),
    ],
)
def test_works_well_advanced_are_under_way(kb: KnowledgeBase, text: str, project: str) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [(project, ProjectStatus.UNDER_CONSTRUCTION, DOCUMENT_DAY)]


# -- a document in force, named with no signing ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kazakhstan and Russia are in talks. The existing intergovernmental agreement allows"
            " up to 10 million tonnes a year.",
            "Intergovernmental agreement",
        ),
        (
            "Казахстан и Россия ведут переговоры. Действующее соглашение о транзите нефти"
            " позволяет перевозить до 10 млн тонн в год.",
            "Соглашение о транзите нефти",
        ),
    ],
)
def test_a_document_in_force_is_proposed_without_a_date(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [(a.name, a.signed_on) for a in _agreements(kb, text)] == [(name, None)]


def test_an_agreement_being_negotiated_is_not_in_force(kb: KnowledgeBase) -> None:
    text = "Kazakhstan and Russia are negotiating a new intergovernmental agreement on oil transit."
    assert _agreements(kb, text) == []


# -- a line's capacity raised by its works, in the future -----------------------------------


@pytest.mark.parametrize(
    ("text", "capacity"),
    [
        (
            "The Dostyk-Moyinty second track opened this year. The line's capacity will rise from"
            " 12 to 60 pairs of trains a day.",
            True,
        ),
        (
            "Вторые пути Достык — Мойынты открыли в этом году. Пропускная способность линии"
            " увеличится с 12 до 60 пар поездов в сутки.",
            True,
        ),
        (
            "Вторые пути Достык — Мойынты открыли в этом году. Линия будет пропускать 60 пар"
            " поездов в сутки.",
            False,
        ),
    ],
)
def test_a_capacity_raised_by_the_works_is_read_in_the_future(
    kb: KnowledgeBase, text: str, capacity: bool
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_TRAINS_PER_DAY)
    assert [(f.value, f.subject_id) for f in found] == (
        [(60.0, "prj-dostyk-moyinty-second-track")] if capacity else []
    )


# -- a group of documents named by its topics -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On July 3 in Astana the sides signed a number of documents on trade, transport and"
            " energy, which would give fresh impetus to their relations.",
            "Documents on trade, transport and energy",
        ),
        (
            "3 июля в Астане стороны подписали несколько документов о сотрудничестве в торговле,"
            " транспорте и энергетике.",
            "Документы о сотрудничестве в торговле, транспорте и энергетике",
        ),
        (
            "On July 3 in Astana the sides signed 29 new documents. They deal with trade, transport"
            " and energy.",
            "Documents on trade, transport and energy",
        ),
        (
            "3 июля в Астане стороны подписали 29 новых документов о сотрудничестве. Они касаются"
            " торговли, транспорта и энергетики.",
            "Документы о сотрудничестве: торговли, транспорта и энергетики",
        ),
    ],
)
def test_a_group_of_documents_is_named_by_its_topics(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = _agreements(kb, text)
    assert [(a.name, a.agreement_kind, a.signed_on) for a in found] == [
        (name, AgreementKind.OTHER, dt.date(2025, 7, 3))
    ]


def test_topics_after_no_group_signed_name_nothing(kb: KnowledgeBase) -> None:
    text = "The ministers met in Astana. They deal with trade, transport and energy."
    assert _agreements(kb, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On July 4 in Bishkek the two countries signed several agreements to widen their"
            " cooperation. The documents deal with exports of farm produce and the media.",
            "Agreements on exports of farm produce and the media",
        ),
        (
            "4 июля в Бишкеке стороны подписали несколько соглашений. Они касаются экспорта"
            " сельхозпродукции и СМИ.",
            "Соглашения о сотрудничестве: экспорта сельхозпродукции и СМИ",
        ),
    ],
)
def test_a_group_of_agreements_named_after_it_is_of_agreements(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = [(a.name, a.agreement_kind) for a in _agreements(kb, text)]
    assert (name, AgreementKind.AGREEMENT) in found


def test_documents_signed_by_the_two_sides_are_not_counted_by_them(kb: KnowledgeBase) -> None:
    text = (
        "In Tianjin the two sides also signed further documents on grant assistance and on"
        " standardization."
    )
    assert all(not a.name.startswith("Documents on") for a in _agreements(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "The KTZE Khorgos Gateway dry port now operates around the clock.",
        "Сейчас работает сухой порт KTZE Khorgos Gateway.",
    ],
)
def test_a_facility_at_work_now_is_in_service_as_reported(kb: KnowledgeBase, text: str) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE, DOCUMENT_DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "On 29 January 2025 trains began running on the Dostyk-Moyinty second track.",
        "29 января 2025 года пошли поезда по вторым путям Достык — Мойынты.",
    ],
)
def test_trains_started_on_a_line_put_it_in_service_on_their_day(
    kb: KnowledgeBase, text: str
) -> None:
    found = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert found == [
        ("prj-dostyk-moyinty-second-track", ProjectStatus.IN_SERVICE, dt.date(2025, 1, 29))
    ]
