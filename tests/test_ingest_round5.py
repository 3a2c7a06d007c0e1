"""Categories of the fifth development set (issue #12), each checked with sentences written
for the test: Russian places found by the statistical model (natasha) with a cue, and the
extraction without the model."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from caravan.analysis.ingest import russian_ner
from caravan.analysis.ingest.ner_places import NER_CONFIDENCE
from caravan.model.proposals import (
    EntityKind,
    FigureQuantity,
    FlagCode,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
)
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from, rule_readings_from


def new_places(facts: list[ProposedFact]) -> list[str]:
    return [
        f.payload.name
        for f in facts
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PLACE
    ]


# -- Russian places by the statistical model ---------------------------------------------------


def test_the_model_tags_a_russian_place_the_gazetteer_lacks() -> None:
    spans = russian_ner.named_spans("На прошлой неделе аким Экибастуза Ержан Иманов посетил Китай.")
    assert ("LOC", "Экибастуза") in {(s.kind, s.text) for s in spans}


def test_a_long_text_is_tagged_in_pieces_with_offsets_into_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Аким Экибастуза посетил Китай.\nПоезд отправился из Шицзячжуана в Алматы.\n" * 3
    monkeypatch.setattr(russian_ner, "CHUNK_CHARACTERS", 40)
    spans = russian_ner.named_spans(text)
    assert len(russian_ner._chunks(text)) >= 6
    assert spans
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert sum(1 for s in spans if s.text == "Шицзячжуана") == 3


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the head of a city, the city in the genitive
        ("На прошлой неделе аким Экибастуза Ержан Иманов посетил Китай.", "Экибастуз"),
        ("Мэр Хэфэя подписал меморандум с казахстанскими партнёрами.", "Хэфэй"),
        # a stop of a journey
        ("Контейнерный поезд отправился из Шицзячжуана в Алматы.", "Шицзячжуан"),
        # an item of a list beside a known place
        ("Новые поезда остановятся на станциях Сарыагаш, Шаульдер и Тимур.", "Шаульдер"),
    ],
)
def test_a_place_the_model_finds_with_a_cue_is_new(
    kb: KnowledgeBase, text: str, place: str
) -> None:
    facts = proposals_from(kb, text)
    assert place in new_places(facts)
    (found,) = [f for f in facts if isinstance(f.payload, ProposedEntity)]
    # weaker evidence than a rule's: the reviewer is told the reading's own confidence
    assert FlagCode.LOW_CONFIDENCE in {flag.code for flag in found.flags}


@pytest.mark.parametrize(
    "text",
    [
        # natural features and areas are no settlements
        "Уровень воды в реке Чирчик упал, а на перевале Кумбель выпал снег.",
        # a place the model finds with no cue
        "Экибастуз известен угольными разрезами.",
        # a region by its ending, and an adjective of an area
        "Компания откроет склады в Андижане и Каракалпакстане для Келесского района.",
    ],
)
def test_a_place_the_model_finds_without_a_cue_is_left(kb: KnowledgeBase, text: str) -> None:
    assert new_places(proposals_from(kb, text)) == []


def test_extraction_runs_on_rules_alone_when_the_model_is_unavailable(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unavailable() -> russian_ner._Tagger:
        raise ImportError("natasha is not installed")

    monkeypatch.setattr(russian_ner, "load_tagger", unavailable)
    russian_ner._tagger.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger=russian_ner.__name__):
            text = (
                "Мэр Хэфэя сообщил, что строительство железной дороги Китай – Кыргызстан – "
                "Узбекистан началось 27 декабря 2024 года."
            )
            facts = proposals_from(kb, text)
            readings = rule_readings_from(kb, text)
    finally:
        russian_ner._tagger.cache_clear()  # the next test loads the real model again
    # the world gazetteer (a rule) still reads the mayor's city; the model's weaker guess is gone
    assert all(
        f.confidence > NER_CONFIDENCE for f in readings if isinstance(f.payload, ProposedEntity)
    )
    assert [e.project_id for e in events_in(facts)] == ["prj-cku-railway"]
    assert "rules only" in caplog.text


# -- documents enumerated after a signing --------------------------------------------------------


def agreements_of(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Azerbaijan and Kazakhstan signed nine documents on 3 May during the visit. "
            "Among them:\n"
            "- a Memorandum on cooperation in digital transit;\n"
            "- an Agreement on mutual recognition of customs inspections between the two "
            "customs services;\n"
            "- a Programme of youth exchanges for 2025-2027.\n",
            [
                "Memorandum on cooperation in digital transit",
                "Agreement on mutual recognition of customs inspections between the two "
                "customs services",
                "Programme of youth exchanges for 2025-2027",
            ],
        ),
        (
            "Бишкек, 3 мая. По итогам переговоров стороны подписали следующие документы:\n"
            "— Меморандум о сотрудничестве в области цифрового транзита;\n"
            "— Соглашение о взаимном признании таможенного досмотра;\n"
            "— Программа молодёжных обменов на 2025–2027 годы.\n",
            [
                "Меморандум о сотрудничестве в области цифрового транзита",
                "Соглашение о взаимном признании таможенного досмотра",
                "Программа молодёжных обменов на 2025–2027 годы",
            ],
        ),
    ],
)
def test_each_item_of_a_list_of_signed_documents_is_one_agreement_dated_by_the_signing(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    found = agreements_of(kb, text)
    assert [a.name for a in found] == names
    assert {a.signed_on for a in found} == {dt.date(2025, 5, 3)}


@pytest.mark.parametrize(
    "text",
    [
        "The delegations discussed the following topics:\n- a Memorandum on digital transit;\n",
        "Стороны обсудили следующие вопросы:\n— Меморандум о цифровом транзите;\n",
    ],
)
def test_a_list_after_no_signing_signs_nothing(kb: KnowledgeBase, text: str) -> None:
    assert agreements_of(kb, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "BISHKEK, Kyrgyzstan, May 3. Kyrgyzstan and China signed several documents after "
            "their presidents met in Astana.\nThe documents signed were:\n"
            "- a Memorandum on cooperation in water management.\n",
            "kz-astana",
        ),
        (
            "БИШКЕК, 3 мая. Кыргызстан и Китай подписали документы после встречи президентов "
            "в Астане.\nПодписаны следующие документы:\n"
            "— Меморандум о сотрудничестве в области водного хозяйства.\n",
            "kz-astana",
        ),
    ],
)
def test_a_listed_document_is_placed_by_the_meeting_not_the_dateline(
    kb: KnowledgeBase, text: str, place: str
) -> None:
    (found,) = agreements_of(kb, text)
    assert found.place_id == place


@pytest.mark.parametrize(
    "text",
    [
        "Two documents were signed on 3 May after talks between the ministers. "
        "The ministers also put their names to a Joint Statement on transit.",
        "3 мая после переговоров министров подписаны два документа. "
        "Министры также подписали Совместное заявление о транзите.",
    ],
)
def test_an_undated_document_takes_the_day_of_the_signing_reported_before(
    kb: KnowledgeBase, text: str
) -> None:
    statements = [
        a for a in agreements_of(kb, text) if "tatement" in a.name or "аявление" in a.name
    ]
    assert [(a.signed_on, a.agreement_kind.value) for a in statements] == [
        (dt.date(2025, 5, 3), "joint_statement")
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "In 2019 the two companies signed an agreement on gas supplies and a memorandum on "
            "joint exploration.",
            ["Agreement on gas supplies", "Memorandum on joint exploration"],
        ),
        (
            "В 2019 году компании заключили соглашение о поставках газа и меморандум о "
            "совместной разведке.",
            ["Соглашение о поставках газа", "Меморандум о совместной разведке"],
        ),
    ],
)
def test_coordinated_titles_are_two_documents(
    kb: KnowledgeBase, text: str, names: list[str]
) -> None:
    assert [a.name for a in agreements_of(kb, text)] == names


# -- places named in groups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "The new road joins the towns of Shaulder and Temirlan with the regional centre.",
            ["Shaulder", "Temirlan"],
        ),
        (
            "Freight will reach the ports of Anzali and Amirabad by the new ferry line.",
            ["Anzali", "Amirabad"],
        ),
        (
            "Новая дорога свяжет областной центр с городами Шаульдером и Темирланом.",
            ["Шаульдер", "Темирлан"],
        ),
    ],
)
def test_names_after_a_plural_place_noun_are_places(
    kb: KnowledgeBase, text: str, places: list[str]
) -> None:
    assert new_places(proposals_from(kb, text)) == places


def test_a_place_set_in_its_country_along_a_line_is_new(kb: KnowledgeBase) -> None:
    text = (
        "The corridor has linked Nizhny Novgorod in Russia and Hamadan in Iran with Almaty "
        "in Kazakhstan since 2019."
    )
    assert new_places(proposals_from(kb, text)) == ["Nizhny Novgorod", "Hamadan"]


@pytest.mark.parametrize(
    "text",
    [
        # a country outside the knowledge base's is outside the system
        "The line would give access to the port of Chabahar in Iran and Karachi in Pakistan.",
        # a person set in a country, in a sentence about no line
        "President Tokayev met investors from Shanghai in China last week.",
        # a person in a sentence about a line that links no places
        "The minister held talks with Xi Jinping in China on the new railway.",
    ],
)
def test_a_name_in_a_country_outside_the_system_or_off_a_line_is_left(
    kb: KnowledgeBase, text: str
) -> None:
    places = new_places(proposals_from(kb, text))
    assert not {"Karachi", "Tokayev", "Xi Jinping"} & set(places)


# -- the year a narrative sets -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "According to the railway, track repair went fast in 2024, faster than in 2023. "
        "Construction began on the Darbaza – Maktaaral railway.",
        "По данным компании, в 2024 году ремонт пути шёл быстрее, чем в 2023 году. "
        "Началось строительство железной дороги Дарбаза – Мактаарал.",
    ],
)
def test_an_undated_step_takes_the_year_the_sentence_before_names(
    kb: KnowledgeBase, text: str
) -> None:
    (event,) = events_in(proposals_from(kb, text))
    assert (event.date, event.date_precision.value) == (dt.date(2024, 1, 1), "year")


@pytest.mark.parametrize(
    "text",
    [
        # a state in the present is as of the report
        "In 2024 the railway renewed 1,000 km of track. "
        "The Darbaza – Maktaaral railway is under construction.",
        # the report's own year frames nothing new
        "В 2025 году ремонт пути шёл быстро. Началось строительство железной дороги Дарбаза – "
        "Мактаарал.",
    ],
)
def test_a_state_or_the_reports_own_year_is_dated_by_the_report(
    kb: KnowledgeBase, text: str
) -> None:
    (event,) = events_in(proposals_from(kb, text))
    assert event.date == dt.date(2025, 6, 30)


# -- projects named by their own name ------------------------------------------------------------


def new_projects(facts: list[ProposedFact]) -> list[str]:
    return [
        f.payload.name
        for f in facts
        if isinstance(f.payload, ProposedEntity) and f.payload.entity_kind is EntityKind.PROJECT
    ]


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        (
            'The fund will finance the projects "Construction of a cement plant in the Sughd '
            'region" and "Creation of a cold storage terminal in the city of Khujand".',
            [
                "Construction of a cement plant in the Sughd region",
                "Creation of a cold storage terminal in the city of Khujand",
            ],
        ),
        (
            "Фонд профинансирует проекты «Строительство цементного завода в Согдийской области» "
            "и «Создание терминала-холодильника в Худжанде».",
            [
                "Строительство цементного завода в Согдийской области",
                "Создание терминала-холодильника в Худжанде",
            ],
        ),
        ('The company runs the "Yashlar" project in the east.', ["Yashlar"]),
        ("Компания ведёт проект «Яшлар» на востоке страны.", ["Яшлар"]),
        (
            "The minister inspected the industrial park Silver Valley Asia — Europe near the "
            "border.",
            ["Silver Valley Asia — Europe"],
        ),
        ("Министр осмотрел индустриальный парк «Серебряная долина».", ["Серебряная долина"]),
        (
            "They agreed to set up a China–Kazakhstan Green Energy Cooperation Center.",
            ["China–Kazakhstan Green Energy Cooperation Center"],
        ),
    ],
)
def test_a_project_named_beside_a_word_for_what_it_is_is_new(
    kb: KnowledgeBase, text: str, projects: list[str]
) -> None:
    assert new_projects(proposals_from(kb, text)) == projects


@pytest.mark.parametrize(
    "text",
    [
        # a supply, not works
        'They exchanged letters on the project "Provision of Office Equipment for the Ministry".',
        "Стороны обменялись письмами по проекту «Поставка офисной техники для министерства».",
        # an organisation, and a known place's facility
        "The director of the Eurasian Studies Center spoke at the Almaty Cargo Hub.",
        "The Silk Valley Trade Center will host the meeting.",
        # projects of something, named in the genitive
        "Президенты обсудили проекты «Большой Евразии».",
    ],
)
def test_a_supply_an_organisation_or_a_known_places_facility_is_no_new_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert new_projects(proposals_from(kb, text)) == []


# -- planned openings: a future opening verb and a date of its clause ------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The Bedel checkpoint will open this year, the minister said.", 2025),
        ("Пункт пропуска Бедель в горах откроется в этом году, заявил министр.", 2025),
        ("The Bedel checkpoint is set to be commissioned next year.", 2026),
        ("Пункт пропуска Бедель введут в эксплуатацию в следующем году.", 2026),
    ],
)
def test_a_future_opening_verb_takes_the_year_of_its_clause(
    kb: KnowledgeBase, text: str, year: int
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("bcp-bedel-road", float(year))]


@pytest.mark.parametrize(
    "text",
    [
        # the works, not the opening
        "Construction of the Bedel checkpoint will be launched next year.",
        "Строительство пункта пропуска Бедель будет запущено в следующем году.",
        # a date before the report is no plan
        "Пункт пропуска Бедель откроется по плану 2019 года.",
        # another thing opens; the project is named after it, in another clause
        "The forum will open on 5 June in Astana, the organisers of the Bedel checkpoint said.",
    ],
)
def test_a_future_verb_of_works_or_a_past_date_plans_no_opening(
    kb: KnowledgeBase, text: str
) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR) == []


# -- trade as a verb -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan and China traded 23 billion US dollars' worth of goods in 2024.",
        "Kyrgyzstan and China traded goods worth 23 billion US dollars in 2024.",
    ],
)
def test_goods_traded_are_trade_and_their_worth_no_investment(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    trade = figures_in(facts, FigureQuantity.TRADE_VALUE_USD)
    assert [(f.partner_id, f.year, f.value) for f in trade] == [("kg", 2024, 23e9)]
    assert figures_in(facts, FigureQuantity.INVESTMENT_USD) == []


def test_goods_sold_or_bought_are_flows_not_trade(kb: KnowledgeBase) -> None:
    text = "In 2024 Uzbekistan sold $1.9 billion worth of goods to China and bought $12.8 billion."
    assert figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD) == []


# -- lines named by the countries they cross -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "The plan relies on the China-Kyrgyzstan-Tajikistan-Afghanistan-Iran line.",
            "China-Kyrgyzstan-Tajikistan-Afghanistan-Iran line",
        ),
        (
            "Officials discussed the Kazakhstan-Turkmenistan-Iran (KTI) railway.",
            "Kazakhstan-Turkmenistan-Iran (KTI) railway",
        ),
        (
            "Газ пойдёт по трубопроводу ТАПИ (Туркменистан — Афганистан — Пакистан — Индия).",
            "Трубопровод ТАПИ (Туркменистан — Афганистан — Пакистан — Индия)",
        ),
        (
            "Стороны обсудили магистраль КТИ (Казахстан – Туркменистан – Иран).",
            "Магистраль КТИ (Казахстан – Туркменистан – Иран)",
        ),
    ],
)
def test_a_line_named_by_four_countries_or_their_initials_is_new(
    kb: KnowledgeBase, text: str, project: str
) -> None:
    assert new_projects(proposals_from(kb, text)) == [project]


@pytest.mark.parametrize(
    "text",
    [
        # three countries without their initials: a description, not a name
        "Trade moves along the China-Kazakhstan-Iran railway.",
        # letters that are not the countries' initials
        "Officials discussed the Kazakhstan-Turkmenistan-Iran (NSTC) railway.",
        "Груз идёт по магистрали АБВ (Казахстан – Туркменистан – Иран).",
    ],
)
def test_three_countries_without_their_initials_name_no_line(kb: KnowledgeBase, text: str) -> None:
    assert new_projects(proposals_from(kb, text)) == []


# -- states that have held since a year ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Western Europe–Western China Highway has linked St. Petersburg and Lianyungang "
        "since 2018.",
        "Галкыныш – крупное месторождение, его разрабатывают с 2018 года.",
    ],
)
def test_a_verb_of_running_since_a_year_puts_the_thing_in_service_from_then(
    kb: KnowledgeBase, text: str
) -> None:
    (event,) = events_in(proposals_from(kb, text))
    assert (event.status.value, event.date, event.date_precision.value) == (
        "in_service",
        dt.date(2018, 1, 1),
        "year",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a future or an infinitive of running is no state
        "The Western Europe–Western China Highway will link St. Petersburg and Lianyungang.",
        "Галкыныш планируют разрабатывать с 2030 года.",
    ],
)
def test_running_in_the_future_is_no_state(kb: KnowledgeBase, text: str) -> None:
    assert [e for e in events_in(proposals_from(kb, text)) if e.status.value == "in_service"] == []


# -- documents: sentence-case titles, contracts, a visit's papers ----------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "In March 2019 the two states concluded an Agreement on transit and logistics.",
            "Agreement on transit and logistics",
            "agreement",
        ),
        (
            "В 2019 году компании заключили договор о разделе продукции по месторождению.",
            "Договор о разделе продукции по месторождению",
            "agreement",
        ),
        (
            "В 2019 году страны подписали договор о дружбе и добрососедстве.",
            "Договор о дружбе и добрососедстве",
            "treaty",
        ),
    ],
)
def test_a_title_in_sentence_case_and_a_contract_are_read_as_such(
    kb: KnowledgeBase, text: str, name: str, kind: str
) -> None:
    (found,) = agreements_of(kb, text)
    assert (found.name, found.agreement_kind.value) == (name, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The Darbaza – Maktaaral railway was discussed. In all, 17 documents were signed during "
        "the visit.",
        "Обсуждали железную дорогу Дарбаза – Мактаарал. Всего в ходе визита подписали 17 "
        "документов.",
    ],
)
def test_a_visits_documents_agree_no_project_named_before(kb: KnowledgeBase, text: str) -> None:
    assert [e for e in events_in(proposals_from(kb, text)) if e.status.value == "agreed"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The delegation toured Saryagash station. Rail freight between Kazakhstan and "
        "Uzbekistan reached 32.3 million tons in 2025.",
        "Делегация осмотрела станцию Сарыагаш. Перевозки грузов между Казахстаном и "
        "Узбекистаном в 2025 году достигли 32,3 млн тонн.",
    ],
)
def test_freight_between_two_countries_is_no_crossings_figure(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert figures_in(facts, FigureQuantity.CAPACITY_MT_PER_YEAR) == []
    assert figures_in(facts, FigureQuantity.THROUGHPUT_MT_PER_YEAR) == []


# -- works going on: a phase entered (an end awaited is no state, corpus rule 21) -----------------


@pytest.mark.parametrize(
    "text",
    ["The China–Kyrgyzstan–Uzbekistan railway has moved into full-scale construction."],
)
def test_a_phase_entered_means_works_under_way(kb: KnowledgeBase, text: str) -> None:
    statuses = {e.status.value for e in events_in(proposals_from(kb, text))}
    assert statuses == {"under_construction"}


@pytest.mark.parametrize(
    "text",
    [
        "The company entered into a construction contract for the Darbaza–Maktaaral railway.",
        # an end reached is no end awaited
        "Когда железная дорога Дарбаза – Мактаарал была достроена, станция приняла поезд.",
        # an end awaited is a planned completion: no state without words of works (rule 21)
        "Once the Darbaza–Maktaaral railway is finished, the junction will handle 10 trains a day.",
        "Когда железная дорога Дарбаза – Мактаарал будет достроена, станция примет 10 поездов.",
    ],
)
def test_a_contract_or_an_end_reached_is_no_works_under_way(kb: KnowledgeBase, text: str) -> None:
    statuses = {e.status.value for e in events_in(proposals_from(kb, text))}
    assert "under_construction" not in statuses


# -- a signing at an event the text placed before ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministers spoke at the expo held in Urumqi. At the expo the two regions signed a "
        "protocol on rail freight.",
        "Министры выступили на выставке, которая прошла в Урумчи. На выставке руководители "
        "регионов подписали протокол о железнодорожных перевозках.",
    ],
)
def test_a_signing_at_the_event_is_placed_where_the_event_was(kb: KnowledgeBase, text: str) -> None:
    (found,) = agreements_of(kb, text)
    # a protocol is an agreement (corpus rule 15, adopted after the ninth and tenth sets)
    assert (found.place_id, found.agreement_kind.value) == ("cn-urumqi", "agreement")


# -- a line to a known crossing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("Construction began on the Barskoon-Bedel road.", "Barskoon-Bedel road"),
        (
            "Президент дал старт строительству автодороги Барскоон – Бедел.",
            "автодорога Барскоон – Бедел",
        ),
    ],
)
def test_a_line_ending_at_a_known_crossing_is_a_line_of_its_own(
    kb: KnowledgeBase, text: str, project: str
) -> None:
    assert new_projects(proposals_from(kb, text)) == [project]


def test_a_known_crossing_alone_is_no_new_line(kb: KnowledgeBase) -> None:
    assert new_projects(proposals_from(kb, "The Bedel road checkpoint reopened on Monday.")) == []


# -- facilities described as built ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("Last year a container depot near Shymkent was built.", "Container depot near Shymkent"),
        ("Construction started on a bypass road around Bishkek.", "Bypass road around Bishkek"),
        ("Начато строительство обходной дороги вокруг Бишкека.", "Обходная дорога вокруг Бишкека"),
    ],
)
def test_a_facility_described_as_built_is_new(kb: KnowledgeBase, text: str, project: str) -> None:
    assert new_projects(proposals_from(kb, text)) == [project]


@pytest.mark.parametrize(
    "text",
    [
        # a facility already named ("the"), or one no building is reported of
        "The bypass road around Bishkek was built in 2010.",
        "Trucks wait at a container depot near Shymkent.",
        "Грузовики ждут у обходной дороги вокруг Бишкека.",
    ],
)
def test_a_definite_or_unbuilt_facility_is_left(kb: KnowledgeBase, text: str) -> None:
    assert new_projects(proposals_from(kb, text)) == []


# -- lines described by the places they link -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "The two countries agreed to build a railway linking Kolkhozobod and Dusti in "
            "Tajikistan with Hairatan in Afghanistan.",
            "Kolkhozobod – Dusti – Hairatan railway",
        ),
        ("Строится автодорога от Рушана до Ванча.", "Автодорога Рушан – Ванч"),
    ],
)
def test_a_line_described_by_the_places_it_links_is_new(
    kb: KnowledgeBase, text: str, project: str
) -> None:
    assert project in new_projects(proposals_from(kb, text))


@pytest.mark.parametrize(
    "text",
    [
        "They discussed a railway linking China and Europe.",
        # a known line's ends, in other words
        "They rode a railway linking Vahdat and Yavan.",
    ],
)
def test_countries_or_a_known_lines_ends_make_no_new_line(kb: KnowledgeBase, text: str) -> None:
    assert new_projects(proposals_from(kb, text)) == []


# -- first use of a line; a known name inside a company's name -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In May 2024 the joint venture Silk Road Cargo International began carrying cargo along "
        "the Tashkent – Andijan – Osh – Irkeshtam – Kashgar corridor.",
        "В мае 2024 года ООО Silk Road Cargo International начало возить грузы по коридору "
        "Ташкент – Андижан – Ош – Иркештам – Кашгар.",
    ],
)
def test_traffic_begun_on_a_line_puts_it_in_service(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text))
    assert [(e.project_id, e.status.value, e.date) for e in events] == [
        ("prj-cn-kg-uz-highway", "in_service", dt.date(2024, 5, 1))
    ]


def test_plans_to_carry_cargo_put_nothing_in_service(kb: KnowledgeBase) -> None:
    text = "Компания планирует начать возить грузы по коридору Ташкент – Андижан – Ош – Кашгар."
    assert [e for e in events_in(proposals_from(kb, text)) if e.status.value == "in_service"] == []
