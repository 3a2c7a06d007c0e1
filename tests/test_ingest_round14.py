"""Capabilities of round 14 (issue #12) for status events and figures, written against the
fourteenth and fifteenth sets' misses as general ways of saying a fact, each checked with
sentences written for the test, in English and Russian, with cases that must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import FigureQuantity
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from

DAY = dt.date(2025, 6, 30)


def _events(
    kb: KnowledgeBase, text: str, day: dt.date = DAY
) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text, day))}


# -- a facility closed is suspended ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "In 2020 the Khorgos International Centre of Boundary Cooperation was closed because"
            " of the pandemic.",
            dt.date(2020, 1, 1),
        ),
        ("The authorities shut down the Khorgos ICBC in March 2020.", dt.date(2020, 3, 1)),
        ("В 2020 году из-за пандемии МЦПС «Хоргос» закрыли.", dt.date(2020, 1, 1)),
        ("МЦПС «Хоргос» закрылся в марте 2020 года на карантин.", dt.date(2020, 3, 1)),
        ("В 2020 году МЦПС «Хоргос» был закрыт из-за коронавируса.", dt.date(2020, 1, 1)),
    ],
)
def test_a_facility_closed_is_suspended_on_its_date(
    kb: KnowledgeBase, text: str, day: dt.date
) -> None:
    assert ("prj-khorgos-icbc", ProjectStatus.SUSPENDED, day) in _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 the Khorgos ICBC closed the deal with its investors.",
        "The Khorgos ICBC will be closed next month for repairs.",
        "Администрация МЦПС «Хоргос» закрыла сделку с инвесторами в 2020 году.",
        "МЦПС «Хоргос» не закрыли даже в пандемию.",
        "МЦПС «Хоргос» закроют в марте на ремонт.",
    ],
)
def test_a_deal_closed_or_a_closing_planned_or_denied_is_no_suspension(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(s is ProjectStatus.SUSPENDED for _, s, _ in _events(kb, text))


# -- works fronted, their pace in the passive ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "The construction of Line D of the Turkmenistan-China gas pipeline should be speeded"
            " up, the president added.",
            "prj-ca-china-gas-pipeline-line-d",
        ),
        (
            "Construction of the China-Kyrgyzstan-Uzbekistan railway must be accelerated, the"
            " ministers agreed.",
            "prj-cku-railway",
        ),
        (
            "The two sides speeded up the construction of the China-Kyrgyzstan-Uzbekistan railway.",
            "prj-cku-railway",
        ),
        (
            "Строительство линии D газопровода Туркменистан – Китай должно быть ускорено, заявил"
            " президент.",
            "prj-ca-china-gas-pipeline-line-d",
        ),
        (
            "Строительство железной дороги Китай – Кыргызстан – Узбекистан необходимо ускорить,"
            " отметили стороны.",
            "prj-cku-railway",
        ),
    ],
)
def test_works_whose_pace_is_to_be_raised_are_under_way_on_the_report_day(
    kb: KnowledgeBase, text: str, project: str
) -> None:
    assert (project, ProjectStatus.UNDER_CONSTRUCTION, DAY) in _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The design of the China-Kyrgyzstan-Uzbekistan railway should be speeded up, the"
        " ministers said.",
        "Construction of the China-Kyrgyzstan-Uzbekistan railway should not be accelerated, an"
        " expert said.",
        "Проектирование железной дороги Китай – Кыргызстан – Узбекистан нужно ускорить.",
        "Строительство железной дороги Китай – Кыргызстан – Узбекистан не нужно ускорять.",
        "The university has sped up its work on opening the Luban Workshop in Kazakhstan.",
    ],
)
def test_a_pace_of_design_or_of_another_step_or_denied_gives_no_works(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(s is ProjectStatus.UNDER_CONSTRUCTION for _, s, _ in _events(kb, text))


# -- a held venture named without its company form -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Zeravshan, Zijin's subsidiary in the country, is now Tajikistan's largest gold producer.",
        "The company Zeravshan is Tajikistan's largest gold producer.",
        "Дочерняя компания «Зарафшон» является крупнейшим производителем золота в стране.",
        "Зарафшон, дочерняя компания Zijin, является крупнейшим производителем золота в стране.",
    ],
)
def test_a_venture_named_bare_beside_a_company_word_is_the_held_one(
    kb: KnowledgeBase, text: str
) -> None:
    assert ("prj-zijin-zeravshan", ProjectStatus.IN_SERVICE, DAY) in _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Zeravshan valley is the largest producer of apricots in the region.",
        "Река Зарафшон является крупнейшим источником воды для долины.",
    ],
)
def test_a_bare_venture_name_with_no_company_word_is_not_the_venture(
    kb: KnowledgeBase, text: str
) -> None:
    assert not any(p == "prj-zijin-zeravshan" for p, _, _ in _events(kb, text))


# -- a venture's output now is a word of state -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Zijin Zeravshan operations produce about 6 tonnes of gold a year.",
        "Zeravshan, Zijin's subsidiary in the country, turns out six tonnes of gold a year.",
        "The annual output of the Zijin Zeravshan operations has reached 20 tonnes.",
        "СП «Зарафшон» добывает около 6 тонн золота в год.",
        "На СП «Зарафшон» годовая добыча золота сегодня достигла 20 тонн.",
    ],
)
def test_a_ventures_output_now_puts_it_in_service_on_the_report_day(
    kb: KnowledgeBase, text: str
) -> None:
    assert ("prj-zijin-zeravshan", ProjectStatus.IN_SERVICE, DAY) in _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Zijin Zeravshan operations are expected to produce 6 tonnes of gold a year.",
        "Zeravshan, Zijin's subsidiary, is to produce ten tonnes of gold a year from 2027.",
        "СП «Зарафшон» будет добывать 10 тонн золота в год.",
        "Годовая добыча на СП «Зарафшон» достигнет 20 тонн.",
    ],
)
def test_an_output_to_come_is_a_target_and_no_state(kb: KnowledgeBase, text: str) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _events(kb, text))


# -- an amount's abbreviation ends a sentence before a capitalised word ------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Компания вложила свыше $450 млн. Годовая добыча достигла 20 тонн.", 2),
        ("It cost $5 bn. The line opened in May.", 2),
        ("Сумма составила 5 млн. USD в 2020 году.", 1),
        ("Сумма составила 5 млн. долларов в 2020 году.", 1),
        ("В 2020 г. Казахстан нарастил экспорт.", 1),
    ],
)
def test_an_amounts_abbreviation_ends_a_sentence_only_before_a_new_one(
    text: str, count: int
) -> None:
    from caravan.analysis.ingest.sentences import split_sentences

    assert len(split_sentences(text)) == count


# -- a Russian money figure refers back to the project named just before -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Рахмон обсудил с Zijin работу СП «Зарафшон». Как отмечалось, за десять лет компания"
        " вложила свыше $450 млн.",
        "Rahmon discussed the Zijin Zeravshan operations with Zijin. The company has invested"
        " over $450 million.",
    ],
)
def test_an_investment_in_the_next_sentence_is_the_named_projects(
    kb: KnowledgeBase, text: str
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.subject_id, f.value) for f in found] == [("prj-zijin-zeravshan", 450_000_000)]


def test_a_trade_figure_after_a_named_project_is_not_its_investment(kb: KnowledgeBase) -> None:
    text = (
        "Рахмон обсудил с Zijin работу СП «Зарафшон». Товарооборот двух стран составил 3 млрд"
        " долларов в 2016 году."
    )
    assert not figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)


# -- trade figures: whose statistics, a goal, one sector, the base year of a change -------------


def _trade(kb: KnowledgeBase, text: str) -> list[tuple[float, str | None, str | None, int | None]]:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return [(f.value, f.reporter_id, f.partner_id, f.year) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "В 2020 году товарооборот Узбекистана с Китаем составил $6,4 млрд, сообщила пресс-служба"
        " Госкомстата республики.",
        "В 2020 году товарооборот Узбекистана с Китаем составил $6,4 млрд, сообщил Комитет по"
        " статистике.",
        "In 2020 Uzbekistan's trade with China came to $6.4 billion, the republic's statistics"
        " committee said.",
        "In 2020 Uzbekistan's trade with China came to $6.4 billion, Goskomstat said.",
    ],
)
def test_a_statistics_body_named_by_its_short_or_generic_name_is_the_partners(
    kb: KnowledgeBase, text: str
) -> None:
    assert _trade(kb, text) == [(6_400_000_000, "uz", "uz", 2020)]


def test_china_s_customs_stay_china_s_statistics(kb: KnowledgeBase) -> None:
    text = "В 2020 году товарооборот Узбекистана с Китаем составил $6,4 млрд, сообщила таможня КНР."
    assert _trade(kb, text) == [(6_400_000_000, "cn", "uz", 2020)]


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan and China can soon bring their trade up to $3 billion, the president said.",
        "The sides are bringing trade between China and Tajikistan up to $3 billion.",
        "Trade between China and Tajikistan could reach $3 billion, the minister said.",
    ],
)
def test_a_level_trade_can_be_brought_to_is_a_goal(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == []


def test_a_level_trade_rose_to_is_a_fact(kb: KnowledgeBase) -> None:
    text = "Trade between China and Tajikistan rose to $3 billion in 2023."
    assert _trade(kb, text) == [(3_000_000_000, "cn", "tj", 2023)]


@pytest.mark.parametrize(
    "text",
    [
        "Agricultural trade between China and Kazakhstan rose to $1.07 billion in 2021.",
        "Trade in farm products between China and Kazakhstan reached $1.07 billion in 2021.",
        "Товарооборот сельхозпродукции между Китаем и Казахстаном в 2021 году составил 1,07 млрд"
        " долларов.",
        "Сельскохозяйственный товарооборот Казахстана с Китаем в 2021 году составил 1,07 млрд"
        " долларов.",
    ],
)
def test_one_sectors_trade_is_not_the_turnover(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "According to China's customs, trade between China and Kazakhstan in 2016 fell by 8.4%"
        " from 2015, to $13.1 billion.",
        "In 2016 trade between China and Kazakhstan was down 8.4 percent from 2015 at $13.1"
        " billion.",
    ],
)
def test_the_year_a_change_is_measured_from_is_not_the_figures(
    kb: KnowledgeBase, text: str
) -> None:
    assert [(v, y) for v, _, _, y in _trade(kb, text)] == [(13_100_000_000, 2016)]


# -- an aim to put a facility into use is a planned opening ------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "The city is speeding up the works at the Luban Workshop in Kazakhstan, and is"
            " striving to put the workshop into use next year.",
            2026,
        ),
        (
            "The Luban Workshop in Kazakhstan is being built, and the college aims to bring it"
            " into operation in 2027.",
            2027,
        ),
        (
            "Строится Мастерская Лу Баня в Казахстане, ее стремятся ввести в эксплуатацию в"
            " следующем году.",
            2026,
        ),
    ],
)
def test_an_aim_to_put_a_facility_into_use_gives_its_planned_year(
    kb: KnowledgeBase, text: str, year: int
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("prj-luban-workshop-kazakhstan", year)]


@pytest.mark.parametrize(
    "text",
    [
        "The Luban Workshop in Kazakhstan was put into use last year.",
        "The college managed to put the Luban Workshop in Kazakhstan into use in 2023.",
    ],
)
def test_a_facility_put_into_use_has_no_planned_year(kb: KnowledgeBase, text: str) -> None:
    assert not figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
