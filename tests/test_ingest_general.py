"""General reading rules (issue #12): targets, ranges, parts of a year, whose statistics,
Russian plans and dates, undated status changes, sections, datelines. Each text is short,
written for the test, in English and Russian, and names the category it checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caravan.analysis.ingest.qualifiers import in_range
from caravan.analysis.monitoring.ingest import DocumentDetails, ingest_files
from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import (
    FigureQuantity,
    FlagCode,
    ProposedAgreement,
    ProposedFigure,
)
from caravan.store import KnowledgeBase
from caravan.store.proposals import ProposalQueue
from ingest_helpers import events_in, figures_in, proposals_from, tiny_pdf


def trade(kb: KnowledgeBase, text: str) -> list[ProposedFigure]:
    return figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)


# -- 1. targets, goals and ranges are not figures ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The sides aim to bring trade between China and Kazakhstan to $60 billion by 2030.",
        "China and Uzbekistan set the goal of $20 billion in trade turnover in 2025.",
        "Trade between China and Kyrgyzstan is expected to reach $25 billion in 2026.",
        "Китай и Казахстан планируют довести товарооборот до 40 млрд долларов в 2030 году.",
        "Цель — довести товарооборот Китая и Узбекистана до 20 млрд долларов в 2027 году.",
    ],
)
def test_a_trade_target_is_not_a_trade_figure(kb: KnowledgeBase, text: str) -> None:
    assert trade(kb, text) == []


def test_a_stated_trade_figure_beside_a_target_is_kept(kb: KnowledgeBase) -> None:
    text = (
        "In 2024 China's trade with Kazakhstan reached $43.82 billion, "
        "and the sides aim to raise it to $60 billion by 2030."
    )
    [figure] = trade(kb, text)
    assert (figure.year, figure.partner_id) == (2024, "kz")
    assert figure.value == pytest.approx(43.82e9)


@pytest.mark.parametrize(
    "text",
    [
        "The Khorgos crossing handles 10-12 million tonnes per year.",
        "Через Хоргос проходит 10–12 млн тонн в год.",
    ],
)
def test_a_range_is_not_a_capacity(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    tonnes = [
        *figures_in(facts, FigureQuantity.CAPACITY_MT_PER_YEAR),
        *figures_in(facts, FigureQuantity.THROUGHPUT_MT_PER_YEAR),
    ]
    assert tonnes == []


def test_ranges_and_changes_are_told_apart() -> None:
    sentence = "rose from 12 to 60 pairs, carried 10–12 Mt, between 5 and 7, от 3 до 4, 8 and 9"
    at = {word: sentence.index(word) for word in ("12", "60", "10", "5", "7", "3", "4", "9")}
    assert in_range(sentence, at["12"], at["12"] + 2)  # the old value of a change
    assert not in_range(sentence, at["60"], at["60"] + 2)  # the new value is the fact
    assert in_range(sentence, at["10"], at["10"] + 2)
    assert in_range(sentence, at["7"], at["7"] + 1)
    assert in_range(sentence, at["4"], at["4"] + 1)
    assert not in_range(sentence, at["9"], at["9"] + 1)  # a list, not a range


# -- 2. whose statistics, parts of a year, regional totals ---------------------------------


@pytest.mark.parametrize(
    ("text", "reporter", "partner"),
    [
        (
            "According to Kazakhstan's Bureau of National Statistics, trade between "
            "Kazakhstan and China reached $43.8 billion in 2024.",
            "kz",
            "kz",
        ),
        (
            "По данным Бюро национальной статистики Казахстана, товарооборот Казахстана и "
            "Китая в 2024 году составил 43,8 млрд долларов.",
            "kz",
            "kz",
        ),
        (
            "The Uzbek statistics agency reported its figures on Monday. Trade between "
            "Uzbekistan and China reached $13.7 billion in 2024.",
            "uz",
            "uz",
        ),
        (
            "According to stat.uz, trade between Uzbekistan and China amounted to $13.7 billion in 2024.",
            "uz",
            "uz",
        ),
        (
            "По данным казахстанской стороны, товарооборот Казахстана и Китая в 2024 году "
            "составил 43,8 млрд долларов.",
            "kz",
            "kz",
        ),
        (
            "Chinese customs data show trade with Kazakhstan reached $43.8 billion in 2024.",
            "cn",
            "kz",
        ),
        ("In 2024 China's trade with Kazakhstan reached $43.82 billion.", "cn", "kz"),
    ],
)
def test_the_reporter_is_the_country_whose_agency_is_cited(
    kb: KnowledgeBase, text: str, reporter: str, partner: str
) -> None:
    [figure] = trade(kb, text)
    assert (figure.reporter_id, figure.partner_id, figure.year) == (reporter, partner, 2024)


@pytest.mark.parametrize(
    "text",
    [
        "In the first eleven months of 2024, trade between China and Kazakhstan reached $40.1 billion.",
        "China-Uzbekistan trade in January-July 2024 reached $7 billion.",
        "В январе–июле 2024 года товарооборот Казахстана и Китая составил 25 млрд долларов.",
        "За семь месяцев 2024 года товарооборот Китая и Узбекистана составил 7 млрд долларов.",
        "In the first half of 2024, China's trade with Kyrgyzstan totalled $10 billion.",
        "In January-November 2024, Kazakhstan-China trade totalled $40 billion.",
        "По итогам девяти месяцев 2024 года товарооборот Казахстана и Китая составил 32 млрд долларов.",
    ],
)
def test_a_part_of_a_year_is_not_the_years_trade(kb: KnowledgeBase, text: str) -> None:
    assert trade(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kazakh President Tokayev said trade between China and Central Asia reached $94.8 billion in 2024.",
        "China's trade with the Central Asian countries reached $94.8 billion in 2024, Uzbek media reported.",
        "Президент Казахстана сообщил, что товарооборот Китая со странами Центральной Азии в 2024 году составил 94,8 млрд долларов.",
    ],
)
def test_a_regional_total_is_not_given_to_one_partner(kb: KnowledgeBase, text: str) -> None:
    [figure] = trade(kb, text)
    assert figure.partner_id is None
    assert figure.value == pytest.approx(94.8e9)


# -- 3. Russian figures, plans and dates ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году товарооборот Кыргызстана с Китаем составил 19,8 млрд долларов.",
        "Товарооборот Кыргызстана и Китая составил 19,8 млрд долларов в 2023 году.",
    ],
)
def test_a_russian_trade_figure_takes_the_year_of_its_sentence(
    kb: KnowledgeBase, text: str
) -> None:
    [figure] = trade(kb, text)
    assert (figure.partner_id, figure.year) == ("kg", 2023)
    assert figure.value == pytest.approx(19.8e9)


def test_american_dollars_in_russian_are_dollars(kb: KnowledgeBase) -> None:
    text = "В 2023 году товарооборот Кыргызстана с Китаем составил 19,8 млрд американских долларов."
    [figure] = trade(kb, text)
    assert figure.value == pytest.approx(19.8e9)


@pytest.mark.parametrize(
    "text",
    [
        "Запуск железной дороги Китай — Кыргызстан — Узбекистан запланирован на 2030 год.",
        "Открытие железной дороги Китай — Кыргызстан — Узбекистан планируется в 2030 году.",
        "Железную дорогу Китай — Кыргызстан — Узбекистан планируется ввести в эксплуатацию в 2030 году.",
        "The China–Kyrgyzstan–Uzbekistan railway is scheduled for completion in 2030.",
        "The China–Kyrgyzstan–Uzbekistan railway is expected to be operational by 2030.",
        "The China–Kyrgyzstan–Uzbekistan railway will go into operation in 2030.",
        "Ожидается, что железная дорога Китай — Кыргызстан — Узбекистан будет открыта в 2030 году.",
        "В 2030 году планируется ввести в эксплуатацию железную дорогу Китай — Кыргызстан — Узбекистан.",
        "By 2030, the China–Kyrgyzstan–Uzbekistan railway will be completed.",
        "In 2030 the China–Kyrgyzstan–Uzbekistan railway is expected to open.",
    ],
)
def test_a_planned_opening_year(kb: KnowledgeBase, text: str) -> None:
    [figure] = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert (figure.subject_id, figure.value) == ("prj-cku-railway", 2030)


def test_a_goal_to_open_this_year_in_russian(kb: KnowledgeBase) -> None:
    text = (
        "Главы государств поставили задачу открыть железную дорогу Китай — Кыргызстан — "
        "Узбекистан уже в этом, 2030 году."
    )
    [figure] = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert (figure.subject_id, figure.value) == ("prj-cku-railway", 2030)


@pytest.mark.parametrize(
    "text",
    [
        "The China–Kyrgyzstan–Uzbekistan railway will be completed by the end of the year.",
        "Железную дорогу Китай — Кыргызстан — Узбекистан планируется открыть до конца года.",
    ],
)
def test_the_end_of_the_year_is_the_reports_year(kb: KnowledgeBase, text: str) -> None:
    [figure] = figures_in(
        proposals_from(kb, text, dt.date(2025, 6, 30)), FigureQuantity.PLANNED_OPENING_YEAR
    )
    assert (figure.subject_id, figure.value) == ("prj-cku-railway", 2025)


def test_a_crossing_has_a_planned_opening_year_too(kb: KnowledgeBase) -> None:
    text = "Стороны намерены открыть пункт пропуска «Бедел» в 2026 году."
    [figure] = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert (figure.subject_id, figure.value) == ("bcp-bedel-road", 2026)


def test_coordinated_projects_each_take_their_year(kb: KnowledgeBase) -> None:
    text = (
        "The Darbaza–Maktaaral railway is to be commissioned in 2026, "
        "and the China–Kyrgyzstan–Uzbekistan railway in 2030."
    )
    figures = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert {(f.subject_id, f.value) for f in figures} == {
        ("prj-darbaza-maktaaral-railway", 2026),
        ("prj-cku-railway", 2030),
    }


def test_a_range_of_years_is_not_a_planned_opening_year(kb: KnowledgeBase) -> None:
    text = "The China–Kyrgyzstan–Uzbekistan railway is expected to be completed in 2029–2030."
    assert figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR) == []


@pytest.mark.parametrize(
    "text",
    [
        "Строительство железной дороги Китай — Кыргызстан — Узбекистан планируется начать в 2026 году.",
        "Construction of the China–Kyrgyzstan–Uzbekistan railway is scheduled for 2026.",
        "In 2026, construction of the China–Kyrgyzstan–Uzbekistan railway will be launched.",
    ],
)
def test_a_planned_start_of_works_is_neither_an_opening_nor_an_event(
    kb: KnowledgeBase, text: str
) -> None:
    facts = proposals_from(kb, text)
    assert figures_in(facts, FigureQuantity.PLANNED_OPENING_YEAR) == []
    assert events_in(facts) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Движение по железной дороге Ангрен — Пап открыли в середине прошлого года.", 2024),
        ("The Angren–Pap railway was put into service in mid-2016.", 2016),
        ("The Angren–Pap railway was opened late last year.", 2024),
        ("Железная дорога Ангрен — Пап была открыта в начале 2016 года.", 2016),
        ("The Angren–Pap railway opened last summer.", 2024),
        ("Железную дорогу Ангрен — Пап открыли прошлым летом.", 2024),
        ("The Angren–Pap railway was put into operation in the middle of the year.", 2025),
        ("Железную дорогу Ангрен — Пап ввели в эксплуатацию в середине года.", 2025),
    ],
)
def test_a_part_of_a_year_dates_an_event_at_year_precision(
    kb: KnowledgeBase, text: str, year: int
) -> None:
    [event] = events_in(proposals_from(kb, text, dt.date(2025, 6, 30)))
    assert (event.status, event.date, event.date_precision) == (
        ProjectStatus.IN_SERVICE,
        dt.date(year, 1, 1),
        DatePrecision.YEAR,
    )


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Traffic on the Angren–Pap railway was suspended last week.", dt.date(2025, 5, 1), DatePrecision.MONTH),
        ("Движение по железной дороге Ангрен — Пап приостановлено на прошлой неделе.", dt.date(2025, 5, 1), DatePrecision.MONTH),
        ("Traffic on the Angren–Pap railway was suspended earlier this month.", dt.date(2025, 6, 1), DatePrecision.MONTH),
        ("Движение по железной дороге Ангрен — Пап приостановлено в прошлом месяце.", dt.date(2025, 5, 1), DatePrecision.MONTH),
        ("Traffic on the Angren–Pap railway was suspended three days ago.", dt.date(2025, 5, 31), DatePrecision.DAY),
        ("Движение по железной дороге Ангрен — Пап приостановлено пять дней назад.", dt.date(2025, 5, 29), DatePrecision.DAY),
    ],
)  # fmt: skip
def test_weeks_months_and_days_before_the_report(
    kb: KnowledgeBase, text: str, date: dt.date, precision: DatePrecision
) -> None:
    [event] = events_in(proposals_from(kb, text, dt.date(2025, 6, 3)))
    assert (event.status, event.date, event.date_precision) == (
        ProjectStatus.SUSPENDED,
        date,
        precision,
    )


def test_a_russian_weekday_is_dated_by_the_report(kb: KnowledgeBase) -> None:
    text = "В среду железная дорога Ангрен — Пап была открыта после ремонта."
    [event] = events_in(proposals_from(kb, text, dt.date(2025, 6, 30)))  # a Monday
    assert (event.date, event.date_precision) == (dt.date(2025, 6, 25), DatePrecision.DAY)


# -- 4. status changes: suspended, resumed -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        ("Traffic on the Angren–Pap railway was suspended after a landslide.", ProjectStatus.SUSPENDED, None),
        ("Traffic on the Angren–Pap railway was halted after a landslide on 2 March 2025.", ProjectStatus.SUSPENDED, dt.date(2025, 3, 2)),
        ("Движение по железной дороге Ангрен — Пап было остановлено из-за схода селя.", ProjectStatus.SUSPENDED, None),
        ("The Angren–Pap railway was temporarily closed for repairs.", ProjectStatus.SUSPENDED, None),
        ("Железная дорога Ангрен — Пап временно закрыта на ремонт.", ProjectStatus.SUSPENDED, None),
        ("Traffic on the Angren–Pap railway resumed on 3 March 2025.", ProjectStatus.IN_SERVICE, dt.date(2025, 3, 3)),
        ("The first freight train passed along the Angren–Pap railway on 22 June 2016.", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 22)),
        ("Первый грузовой поезд прошёл по железной дороге Ангрен — Пап 22 июня 2016 года.", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 22)),
        ("Движение по железной дороге Ангрен — Пап возобновлено 3 марта 2025 года.", ProjectStatus.IN_SERVICE, dt.date(2025, 3, 3)),
    ],
)  # fmt: skip
def test_suspensions_and_resumptions(
    kb: KnowledgeBase, text: str, status: ProjectStatus, date: dt.date | None
) -> None:
    facts = proposals_from(kb, text, dt.date(2025, 6, 30))
    [event] = [e for e in events_in(facts) if e.project_id == "prj-angren-pap-railway"]
    assert event.status is status
    assert event.date == (date or dt.date(2025, 6, 30))  # undated: as of the report's day
    if date is None:
        [fact] = [f for f in facts if f.payload == event]
        assert FlagCode.LOW_CONFIDENCE in {flag.code for flag in fact.flags}


@pytest.mark.parametrize(
    ("text", "status", "date", "precision"),
    [
        ("В 2016 году запустили движение по железной дороге Ангрен — Пап.", ProjectStatus.IN_SERVICE, dt.date(2016, 1, 1), DatePrecision.YEAR),
        ("Строительство железной дороги Ангрен — Пап завершено в феврале 2016 года.", ProjectStatus.IN_SERVICE, dt.date(2016, 2, 1), DatePrecision.MONTH),
        ("Железную дорогу Ангрен — Пап начали строить в 2013 году.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2013, 1, 1), DatePrecision.YEAR),
        ("The Angren–Pap railway became fully operational in June 2016.", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 1), DatePrecision.MONTH),
        ("The Angren–Pap railway has been in operation since June 2016.", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 1), DatePrecision.MONTH),
        ("Железная дорога Ангрен — Пап работает с июня 2016 года.", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 1), DatePrecision.MONTH),
        ("Uzbekistan completed the Angren–Pap railway in 2016.", ProjectStatus.IN_SERVICE, dt.date(2016, 1, 1), DatePrecision.YEAR),
        ("On the Angren–Pap railway, 80 percent complete, works go on.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2025, 6, 30), DatePrecision.DAY),
        ("На железной дороге Ангрен — Пап уложено 100 км пути.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2025, 6, 30), DatePrecision.DAY),
        ("На железной дороге Ангрен — Пап идёт завершающий этап работ.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2025, 6, 30), DatePrecision.DAY),
        ("The Angren–Pap railway is in the final stage of construction.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2025, 6, 30), DatePrecision.DAY),
        ("The Aktogay copper mine has started work in the East Kazakhstan Region in March 2017.", ProjectStatus.IN_SERVICE, dt.date(2017, 3, 1), DatePrecision.MONTH),
        ("Builders started work on the Angren–Pap railway in 2013.", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2013, 1, 1), DatePrecision.YEAR),
    ],
)  # fmt: skip
def test_other_ways_of_saying_a_status(
    kb: KnowledgeBase, text: str, status: ProjectStatus, date: dt.date, precision: DatePrecision
) -> None:
    events = events_in(proposals_from(kb, text, dt.date(2025, 6, 30)))
    assert [(e.status, e.date, e.date_precision) for e in events] == [(status, date, precision)]


def test_a_future_resumption_is_not_an_event(kb: KnowledgeBase) -> None:
    text = "Traffic on the Angren–Pap railway will be resumed in March."
    assert [
        e for e in events_in(proposals_from(kb, text)) if e.status is ProjectStatus.IN_SERVICE
    ] == []


# -- 5. a section's length is not the project's --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Kyrgyz section of the China–Kyrgyzstan–Uzbekistan railway will be 280 km long.",
        "An access road of 12 km to the China–Kyrgyzstan–Uzbekistan railway is being built.",
        "Кыргызский участок железной дороги Китай — Кыргызстан — Узбекистан составит 280 км.",
        "The Uzbek part of the China–Kyrgyzstan–Uzbekistan railway, 50 km long, will be built by Uzbekistan.",
        "The 280-km Kyrgyz section of the China–Kyrgyzstan–Uzbekistan railway is being designed.",
        "На железной дороге Китай — Кыргызстан — Узбекистан уложено 100 км пути.",
        "On the China–Kyrgyzstan–Uzbekistan railway, 100 km out of 523 are ready.",
    ],
)
def test_a_sections_length_or_the_work_done_is_not_the_projects(
    kb: KnowledgeBase, text: str
) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM) == []


@pytest.mark.parametrize(
    "text",
    [
        "Of the China–Kyrgyzstan–Uzbekistan railway's 523 km, 305 km run through Kyrgyzstan.",
        "Протяжённость железной дороги Китай — Кыргызстан — Узбекистан составит 523 км, "
        "из них 305 км пройдут по территории Кыргызстана.",
        "The China–Kyrgyzstan–Uzbekistan railway, a new 523 km line in Kyrgyzstan and Uzbekistan, is being built.",
        "Work on the China–Kyrgyzstan–Uzbekistan railway goes on along the full 523 km of the section.",
    ],
)
def test_the_whole_length_is_kept_beside_a_countrys_share(kb: KnowledgeBase, text: str) -> None:
    [length] = figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM)
    assert (length.subject_id, length.value) == ("prj-cku-railway", 523)


# -- 6. the signing place from the dateline ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA, June 17 (Kazinform) – China and Kazakhstan signed a memorandum on cooperation in e-commerce.",
        "ASTANA, June 17 –\nChina and Kazakhstan signed a memorandum on cooperation in e-commerce.",
        "Астана, 17 июня. Китай и Казахстан подписали меморандум о сотрудничестве в электронной торговле.",
        "Астана. 17 июня. Китай и Казахстан подписали меморандум о сотрудничестве в электронной торговле.",
        "АСТАНА, 17 июн - РИА Новости. Китай и Казахстан подписали меморандум о сотрудничестве.",
        "ASTANA, Kazakhstan, June 17 (Reuters) - China and Kazakhstan signed a memorandum on trade.",
    ],
)
def test_the_dateline_places_and_dates_a_signing(kb: KnowledgeBase, text: str) -> None:
    [agreement] = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert (agreement.place_id, agreement.signed_on) == ("kz-astana", dt.date(2025, 6, 17))


def test_a_place_in_the_sentence_wins_over_the_dateline(kb: KnowledgeBase) -> None:
    text = (
        "ASTANA, June 17 – China and Kazakhstan signed a memorandum on cooperation "
        "in e-commerce in Tashkent on 15 June."
    )
    [agreement] = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert agreement.place_id == "uz-tashkent"


def test_a_signing_years_from_the_dateline_is_not_placed_by_it(kb: KnowledgeBase) -> None:
    text = "ASTANA, June 17 – The two countries signed a memorandum on cooperation in e-commerce in 2019."
    [agreement] = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert agreement.place_id is None


# -- other general phrasings ---------------------------------------------------------------


def test_a_capital_named_by_its_country_places_a_signing(kb: KnowledgeBase) -> None:
    text = (
        "The agreement on the China–Kyrgyzstan–Uzbekistan railway was signed "
        "in the Kyrgyz capital on 6 June 2024."
    )
    [agreement] = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert (agreement.place_id, agreement.signed_on) == ("kg-bishkek", dt.date(2024, 6, 6))
    assert agreement.name == "Agreement on the China–Kyrgyzstan–Uzbekistan railway"


@pytest.mark.parametrize(
    "text",
    [
        "Trade between China and the five Central Asian states reached $94.8 billion in 2024, "
        "with Kazakhstan accounting for $43.8 billion.",
        "In 2024, China's trade with Central Asia reached $94.8 billion; "
        "trade with Kazakhstan was $43.8 billion.",
    ],
)
def test_a_total_and_a_partners_share_in_one_sentence(kb: KnowledgeBase, text: str) -> None:
    figures = {f.value: f.partner_id for f in trade(kb, text)}
    assert figures == {94.8e9: None, 43.8e9: "kz"}


@pytest.mark.parametrize(
    "text",
    [
        "The ministers of the three countries met in Beijing on 9 June 2024. "
        "Following the talks, they signed a memorandum on a joint working group.",
        "Министры трёх стран встретились в Пекине 9 июня 2024 года. По итогам переговоров "
        "стороны подписали меморандум о создании рабочей группы.",
    ],
)
def test_a_signing_after_a_meeting_takes_the_meetings_place(kb: KnowledgeBase, text: str) -> None:
    [agreement] = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert agreement.place_id == "cn-beijing"


def test_trade_with_the_region_in_a_text_about_central_asia_is_the_total(
    kb: KnowledgeBase,
) -> None:
    text = (
        "China and Central Asia meet again. Kazakhstan, Uzbekistan and Kyrgyzstan lead the "
        "Central Asian delegations. China's trade with the region reached $94.8 billion in 2024."
    )
    [figure] = trade(kb, text)
    assert (figure.partner_id, figure.year) == (None, 2024)


def test_trade_between_the_two_countries_takes_the_partner_named_before(
    kb: KnowledgeBase,
) -> None:
    text = (
        "China is Kazakhstan's largest trading partner. "
        "Trade between the two countries reached $43.8 billion in 2024."
    )
    [figure] = trade(kb, text)
    assert (figure.partner_id, figure.year) == ("kz", 2024)


# -- document warnings reach the stored proposals -------------------------------------------


def test_a_partial_document_flag_reaches_the_stored_proposals(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(tiny_pdf(["The Angren-Pap railway opened in June 2016.", "lost"], 1))
    queue = ProposalQueue(tmp_path / "queue.sqlite")
    [outcome] = ingest_files(kb, queue, [path], DocumentDetails(published_on=dt.date(2025, 1, 1)))
    assert outcome.error is None
    assert outcome.proposal_ids
    assert outcome.warnings
    for proposal_id in outcome.proposal_ids:
        stored = queue.get(proposal_id)
        assert FlagCode.PARTIAL_DOCUMENT in {flag.code for flag in stored.fact.flags}
