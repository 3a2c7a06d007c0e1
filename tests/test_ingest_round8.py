"""Categories of the eighth development set (issue #12), each checked with sentences written
for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest.morphology import lemma_of
from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import (
    FigureQuantity,
    FlagCode,
    ProposedAgreement,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, figures_in, proposals_from

_LUBAN_KZ = "prj-luban-workshop-kazakhstan"
_BLCU = "prj-blcu-kazakhstan-branch"


def _states(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, int]]:
    return {(e.project_id, e.status, e.date.year) for e in events_in(proposals_from(kb, text))}


# -- a thing that came into being or began to work is in service ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Luban Workshop in Kazakhstan came into being in 2023.",
        "In 2023 the Luban Workshop in Kazakhstan began working, its staff said.",
        "Мастерская Лу Баня в Казахстане, которая появилась в 2023 году, принимает студентов.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня.",
    ],
)
def test_coming_into_being_is_in_service(kb: KnowledgeBase, text: str) -> None:
    assert (_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023) in _states(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году у мастерской Лу Баня в Казахстане появилась возможность принять студентов.",
        "В 2023 году мастерская Лу Баня в Казахстане заработала на заказах 2 млн долларов.",
        "The Luban Workshop in Kazakhstan began working on a new course in 2023.",
    ],
)
def test_abstract_things_and_earnings_start_nothing(kb: KnowledgeBase, text: str) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _states(kb, text))


# -- a name several countries' projects share is read by the text's one country ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan is widening its technical training. A Luban Workshop opened in 2023.",
        "Казахстан расширяет подготовку кадров. Мастерская Лу Баня открылась в 2023 году.",
    ],
)
def test_a_shared_name_takes_the_texts_country(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {(_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023)}


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan sent its minister. At the Central Asia–China meeting $40 million was"
        " pledged to build a checkpoint.",
        "Кыргызстан направил министра. На встрече Центральная Азия – Китай обещали 40 млн"
        " долларов на строительство пункта пропуска.",
    ],
)
def test_a_shared_name_of_several_countries_stays_unread(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert not any("gas-pipeline" in f.payload.model_dump_json() for f in facts)


# -- a school's branch by its owner's short name ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the two governments opened the BLCU branch in Astana.",
        "Мы гордимся тем, что в 2024 году открыли филиал BLCU в Казахстане.",
    ],
)
def test_a_branch_by_its_owners_name(kb: KnowledgeBase, text: str) -> None:
    assert (_BLCU, ProjectStatus.IN_SERVICE, 2024) in _states(kb, text)


def test_a_name_two_words_before_campus_is_no_owner(kb: KnowledgeBase) -> None:
    text = "In March 2024 BLCU principal Duan Peng said the campus would open soon."
    assert not any(
        e.project_id.startswith("prj-pengsheng") for e in events_in(proposals_from(kb, text))
    )


# -- the days just before the report date a step -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The other day the second stage of the Luban Workshop in Kazakhstan began working.",
        "На днях в Казахстане заработала вторая очередь мастерской Лу Баня.",
    ],
)
def test_the_days_before_the_report_date_a_step(kb: KnowledgeBase, text: str) -> None:
    facts = [
        (f.payload, f.flags)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedStatusEvent)
    ]
    assert [(event.date, event.date_precision) for event, _ in facts] == [
        (DOCUMENT_DAY, DatePrecision.DAY)
    ]
    assert all(flag.code is not FlagCode.LOW_CONFIDENCE for flag in facts[0][1])


def test_a_later_stage_named_by_the_head_noun_alone(kb: KnowledgeBase) -> None:
    text = (
        "Наша газета писала о мастерской Лу Баня в Казахстане, которая появилась в 2023 году."
        " Площадку создали на базе университета. На днях заработала вторая очередь мастерской."
    )
    events = {(e.date, e.date_precision) for e in events_in(proposals_from(kb, text))}
    assert events == {(dt.date(2023, 1, 1), DatePrecision.YEAR), (DOCUMENT_DAY, DatePrecision.DAY)}


# -- a branch another body opened is not the project's ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Luban Workshop opened in Kazakhstan in 2023. Xi'an Polytechnical University, which"
        " opened its branch at the Kazakh university last year, widens its ties.",
        "A Luban Workshop opened in Kazakhstan in 2023. Xi'an Polytechnical University, which"
        " opened a branch at the Kazakh university last year, widens its ties.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня. Сианьский политехнический"
        " университет, который в прошлом году открыл свой филиал в Алматы, расширяет связи.",
        "В 2023 году в Казахстане заработала мастерская Лу Баня. Сианьский политехнический"
        " университет, который в прошлом году открыл филиал в Алматы, расширяет связи.",
    ],
)
def test_a_branch_another_body_opened(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {(_LUBAN_KZ, ProjectStatus.IN_SERVICE, 2023)}


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- investment agreements and contracts with named companies ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Investment Committee signed an investment contract with Qingdao Wanlin Food"
            " Corporation, which will put $89 million into a plant.",
            "Investment contract with Qingdao Wanlin Food Corporation",
        ),
        (
            "Министерство подписало инвестиционный контракт с компанией Hua Rui о строительстве"
            " завода.",
            "Инвестиционный контракт с компанией Hua Rui о строительстве завода",
        ),
        (
            "Кабмин заключил инвестиционный договор с компанией Shenzhen Energy Group о"
            " строительстве ветроэлектростанции.",
            "Инвестиционный договор с компанией Shenzhen Energy Group о строительстве"
            " ветроэлектростанции",
        ),
    ],
)
def test_investment_deals_with_a_company(kb: KnowledgeBase, text: str, name: str) -> None:
    found = _agreements(kb, text)
    assert [(a.name, a.agreement_kind.value) for a in found] == [(name, "agreement")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "In May 2023 the two sides signed a $260 million investment agreement.",
            "Investment agreement ($260 million)",
        ),
        ("The ministry and the investor signed an additional protocol.", "Additional protocol"),
        (
            "Кабмин заключил с китайскими компаниями инвестиционное соглашение почти на $3 млрд —"
            " на строительство каскада ГЭС.",
            "Инвестиционное соглашение на строительство каскада ГЭС",
        ),
    ],
)
def test_a_qualified_document_is_one_document(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


# -- documents listed after a colon, or each with its own preposition --------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The ministry signed agreements with two Chinese firms: on building wind farms and on"
            " building solar plants.",
            ["Agreement on building wind farms", "Agreement on building solar plants"],
        ),
        (
            "Министерство подписало соглашения с двумя компаниями: о строительстве ветровых"
            " электростанций и о строительстве солнечных электростанций.",
            [
                "Соглашение о строительстве ветровых электростанций",
                "Соглашение о строительстве солнечных электростанций",
            ],
        ),
        (
            "Стороны подписали соглашения о создании в Алматы центра китайского языка и о"
            " создании центра казахского языка.",
            [
                "Соглашение о создании в Алматы центра китайского языка",
                "Соглашение о создании центра казахского языка",
            ],
        ),
    ],
)
def test_documents_listed_one_by_one(kb: KnowledgeBase, text: str, names: list[str]) -> None:
    assert [a.name for a in _agreements(kb, text)] == names


def test_a_region_a_deal_is_about_is_no_signing_place(kb: KnowledgeBase) -> None:
    text = (
        "The ministry signed an investment agreement with Fufeng Group for deep processing of corn"
        " in the Zhambyl region."
    )
    (found,) = _agreements(kb, text)
    assert found.name.endswith("in the Zhambyl region")
    assert found.place_id is None


# -- documents of a group take the group's date and place --------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        (
            "Companies signed 58 documents at the forum in Astana on 17 June. The talks went on."
            " Among them is an investment agreement with Fufeng Group. The Investment Committee"
            " also signed an investment contract with Qingdao Wanlin Food Corporation.",
            dt.date(2025, 6, 17),
            "kz-astana",
        ),
        (
            "25 октября в Бишкеке стороны подписали несколько соглашений. Премьеры провели"
            " переговоры. Кроме того, заключен договор о совместном строительстве угольного"
            " центра. Министерство подписало инвестиционный контракт с компанией Hua Rui.",
            dt.date(2024, 10, 25),
            "kg-bishkek",
        ),
    ],
)
def test_a_groups_documents_take_its_date_and_place(
    kb: KnowledgeBase, text: str, day: dt.date, place: str
) -> None:
    found = _agreements(kb, text)
    assert len(found) == 2
    assert all(
        (a.signed_on, a.place_id, a.agreement_kind.value) == (day, place, "agreement")
        for a in found
    )


# -- one of the documents, a second one, and what it provides for ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "During the visit to Beijing the sides signed several agreements. The talks were warm."
            " A second agreement, the minister went on, provides for a branch of the University"
            " of Hong Kong.",
            "Agreement on a branch of the University of Hong Kong",
        ),
        (
            "Во время визита в Пекин стороны заключили несколько соглашений. Второй договор с"
            " той же компанией касается строительства солнечной электростанции.",
            "Договор с той же компанией о строительстве солнечной электростанции",
        ),
        (
            "Во время визита в Пекин стороны заключили несколько соглашений. Один из документов —"
            " инвестиционный договор кабинета министров с компанией Shenzhen Energy Group.",
            "Инвестиционный договор кабинета министров с компанией Shenzhen Energy Group",
        ),
    ],
)
def test_one_of_the_documents_signed(kb: KnowledgeBase, text: str, name: str) -> None:
    found = _agreements(kb, text)
    assert [(a.name, a.place_id) for a in found] == [(name, "cn-beijing")]


# -- a document signed with named parties, none named before -----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Investors are to build a cement plant in Tyup. The agreement was signed with"
            " representatives of Yunsheng Mining and China Yunsheng Group.",
            "Agreement with Yunsheng Mining and China Yunsheng Group",
        ),
        (
            "Инвесторы построят цементный завод в Тюпе. Вчера соглашение было подписано с"
            " представителями компаний Yunsheng Mining и China Yunsheng Group.",
            "Соглашение с представителями компаний Yunsheng Mining и China Yunsheng Group",
        ),
    ],
)
def test_a_document_signed_with_named_parties(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The sides signed a memorandum on a cement plant. The agreement was signed with"
        " representatives of Yunsheng Mining.",
        "Стороны подписали меморандум о цементном заводе. Вчера соглашение было подписано с"
        " представителями компании Yunsheng Mining.",
    ],
)
def test_a_document_named_before_is_not_new(kb: KnowledgeBase, text: str) -> None:
    assert not any("Yunsheng" in a.name for a in _agreements(kb, text))


# -- words after a document that are not its title -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "An agreement to build a copper smelter able to turn out 300,000 tons a year was signed"
        " on 3 June.",
        "Подписи под соглашением о строительстве медеплавильного завода поставили министр и"
        " президент компании.",
    ],
)
def test_a_measure_or_a_verb_ends_a_title(kb: KnowledgeBase, text: str) -> None:
    names = [a.name for a in _agreements(kb, text)]
    assert names
    assert not any("able" in n or "300" in n or "поставили" in n for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "Shanghai concluded a sister-city agreement with Almaty in Kazakhstan.",
        "Sichuan Province signed a sister province-city agreement with Almaty, Kazakhstan.",
        "Шанхай заключил побратимское соглашение с Алматы.",
        "Шанхай заключил побратимское городское соглашение с Алматы.",
    ],
)
def test_a_twinning_is_no_deal_with_a_city(kb: KnowledgeBase, text: str) -> None:
    names = [a.name for a in _agreements(kb, text)]
    assert "Agreement with Almaty" not in names
    assert "Соглашение с Алматы" not in names


# -- a trade level without a year is the last whole year's, flagged ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Kazakhstan and China reached a record $44 billion, Tokayev told Xi.",
        "Товарооборот между Казахстаном и Китаем вышел на рекордные 44 млрд долларов.",
    ],
)
def test_an_undated_trade_level_is_the_last_whole_year(kb: KnowledgeBase, text: str) -> None:
    facts = [
        (f.payload, f.flags)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedFigure)
    ]
    assert [(p.partner_id, p.value, p.year) for p, _ in facts] == [
        ("kz", 44e9, DOCUMENT_DAY.year - 1)
    ]
    assert any(flag.code is FlagCode.LOW_CONFIDENCE for flag in facts[0][1])


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Trade between Kazakhstan and China reached $44 billion in 2023.", 2023),
        ("Товарооборот между Казахстаном и Китаем в 2023 году составил 44 млрд долларов.", 2023),
        ("Trade between Kazakhstan and China could reach $44 billion.", None),
        ("Товарооборот между Казахстаном и Китаем может достичь 44 млрд долларов.", None),
    ],
)
def test_a_stated_year_or_a_goal_is_not_read_so(
    kb: KnowledgeBase, text: str, year: int | None
) -> None:
    years = [f.year for f in figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)]
    assert years == ([year] if year else [])


# -- freight through a crossing in a year, in thousands of tonnes ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Freight through the Kolzhat checkpoint, which stood at 400,000 tons in 2023, is expected"
        " to triple to 1.4 million tons a year by 2030.",
        "Грузопоток через пункт пропуска Кольжат составил 400 тысяч тонн в 2023 году.",
    ],
)
def test_freight_through_a_crossing_in_a_year(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.THROUGHPUT_MT_PER_YEAR)
    assert [(f.subject_id, f.value, f.valid_from) for f in found] == [
        ("bcp-dulata-kolzhat-road", 0.4, dt.date(2023, 1, 1))
    ]


# -- a smelter, a village or a company named after a mine is not the mine ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Aktogay copper mine was expanded in 2019. A copper smelter able to turn out 300,000"
        " tons of copper a year will stand beside it.",
        "Рудник Актогай расширили в 2019 году. Рядом построят медеплавильный завод мощностью 300"
        " тысяч тонн в год.",
        "The Aktogay copper mine was expanded in 2019. The smelter is to stand near the mine. Its"
        " cost is $1.5 billion.",
        "Рудник Актогай расширили в 2019 году. Медеплавильный завод будет стоять рядом с"
        " рудником. Его стоимость — 1,5 млрд долларов.",
    ],
)
def test_a_smelter_beside_a_mine_is_not_the_mine(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert not [f for f in facts if isinstance(f.payload, ProposedFigure)]


def test_the_mines_own_cost_is_still_the_mines(kb: KnowledgeBase) -> None:
    text = "The Aktogay copper mine was expanded in 2019. Its cost was $1.5 billion."
    found = figures_in(proposals_from(kb, text), FigureQuantity.INVESTMENT_USD)
    assert [(f.subject_id, f.value) for f in found] == [("prj-aktogay-copper", 1.5e9)]


@pytest.mark.parametrize(
    "text",
    [
        "The smelter opened in 2024 near the village of Aktogai.",
        "Завод открыли в 2024 году возле села Актогай.",
        "KAZ Minerals Smelting LLP started construction in 2024.",
        "Компания KAZ Minerals Smelting LLP начала строительство в 2024 году.",
    ],
)
def test_a_village_or_a_company_named_after_a_mine(kb: KnowledgeBase, text: str) -> None:
    assert not any(
        e.project_id == "prj-aktogay-copper" for e in events_in(proposals_from(kb, text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "The company signed a loan agreement in 2024.",
        "Компания подписала кредитное соглашение в 2024 году.",
    ],
)
def test_a_year_alone_picks_no_known_agreement(kb: KnowledgeBase, text: str) -> None:
    assert [a.agreement_id for a in _agreements(kb, text)] == [None]


# -- a year's period said before the amount, and freight that passed through -------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 trains carried goods across the border. Cargo that passed through the Khorgos"
        " crossing in a year came to 12.1 million tons.",
        "В 2024 году поезда везли грузы через границу. Объём грузов, прошедших через пункт"
        " пропуска Хоргос за год, составил 12,1 млн тонн.",
    ],
)
def test_a_years_freight_said_period_first(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.THROUGHPUT_MT_PER_YEAR)
    assert [(f.value, f.valid_from) for f in found] == [(12.1, dt.date(2024, 1, 1))]


# -- a group counted in words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 17 June in Astana the sides signed ten documents. Among them is an investment"
        " agreement with Fufeng Group.",
        "17 июня в Астане стороны подписали десять документов. Среди них — инвестиционное"
        " соглашение с компанией Fufeng Group.",
    ],
)
def test_a_group_counted_in_words(kb: KnowledgeBase, text: str) -> None:
    found = _agreements(kb, text)
    assert [(a.signed_on, a.place_id) for a in found] == [(dt.date(2025, 6, 17), "kz-astana")]


# -- works sped up are under way on the report's day (a finish early is no state, rule 21) ------


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "The leaders agreed to speed up construction of the China–Kyrgyzstan–Uzbekistan"
            " railway.",
            "prj-cku-railway",
        ),
        (
            "Президенты договорились ускорить строительство железной дороги Китай – Кыргызстан –"
            " Узбекистан.",
            "prj-cku-railway",
        ),
    ],
)
def test_works_sped_up_are_under_way(kb: KnowledgeBase, text: str, project: str) -> None:
    events = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert (project, ProjectStatus.UNDER_CONSTRUCTION, DOCUMENT_DAY) in events


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the Dostyk-Moiynty second track will not be finished early.",
        "Строительство участка Достык — Мойынты не удастся завершить досрочно.",
    ],
)
def test_a_denied_pace_says_nothing(kb: KnowledgeBase, text: str) -> None:
    assert events_in(proposals_from(kb, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the second line on the Dostyk-Moiynty section would be finished"
        " early in 2025, the minister said.",
        "Участок «Достык — Мойынты» в 2025 году достроят раньше срока.",
        "Железную дорогу Китай — Кыргызстан — Узбекистан достроят на два года раньше намеченного.",
    ],
)
def test_a_finish_to_come_early_is_no_state(kb: KnowledgeBase, text: str) -> None:
    """A planned completion, early or not, is a planned step (corpus rule 21)."""
    statuses = {e.status for e in events_in(proposals_from(kb, text))}
    assert ProjectStatus.UNDER_CONSTRUCTION not in statuses


# -- a relative clause names what its antecedent is about ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The works follow from an agreement signed by China, Kyrgyzstan and Uzbekistan on June 6,"
        " 2024, which was meant to move the China–Kyrgyzstan–Uzbekistan railway forward.",
        "Работы следуют из соглашения, подписанного 6 июня 2024 года, которое должно продвинуть"
        " железную дорогу Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_a_relative_clause_names_the_project(kb: KnowledgeBase, text: str) -> None:
    events = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert ("prj-cku-railway", ProjectStatus.AGREED, dt.date(2024, 6, 6)) in events


@pytest.mark.parametrize(
    "text",
    [
        "The president visited the Vahdat-Yavan railway, construction of which began in"
        " September 2014.",
        "Президент осмотрел железную дорогу Вахдат – Яван, строительство которой началось в"
        " сентябре 2014 года.",
    ],
)
def test_works_of_which_are_the_antecedents(kb: KnowledgeBase, text: str) -> None:
    events = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert events == [
        ("prj-vahdat-yavan-railway", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2014, 9, 1))
    ]


# -- a facility set up exists from then; a fronted participle's subject follows it ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Set up in 2015, KTZE-Khorgos Gateway grew into the largest facility of its kind.",
        "Созданный в 2015 году, сухой порт «Хоргос – Восточные ворота» стал крупнейшим в регионе.",
    ],
)
def test_a_facility_set_up_is_in_service(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE, 2015)}


@pytest.mark.parametrize(
    "text",
    [
        "The BLCU branch opened in 2024. BLCU grew out of a school for foreign students founded"
        " in 1962.",
        "Филиал BLCU открыли в 2024 году. BLCU вырос из школы для иностранцев, основанной в 1962"
        " году.",
    ],
)
def test_an_organisation_founded_is_not_its_branch(kb: KnowledgeBase, text: str) -> None:
    assert (_BLCU, ProjectStatus.IN_SERVICE, 1962) not in _states(kb, text)


# -- deals counted by value are a group; a border post referred back to is no signing place ------


@pytest.mark.parametrize(
    "text",
    [
        "At a business forum in Urumqi, Kyrgyzstan and China signed agreements worth more than"
        " $1 billion. In all the sides signed 29 documents. Some concern coal logistics centres"
        " at the Torugart checkpoint. The ministry and Gree Altairnano signed a memorandum of"
        " understanding and cooperation.",
        "На бизнес-форуме в Урумчи Кыргызстан и Китай заключили соглашения более чем на 1 млрд"
        " долларов. Всего стороны подписали 29 документов. Часть из них касается угольных центров"
        " у пункта пропуска «Торугарт». Министерство и компания Gree Altairnano подписали"
        " меморандум о взаимопонимании и сотрудничестве.",
    ],
)
def test_a_group_by_value_places_its_documents(kb: KnowledgeBase, text: str) -> None:
    assert [a.place_id for a in _agreements(kb, text)] == ["cn-urumqi"]


def test_a_letter_the_morphology_has_no_shape_for_is_an_unknown_word() -> None:
    reading = lemma_of("мост𗀀")
    assert (reading.lemma, reading.known) == ("мост𗀀", False)


# -- documents signed at the event the report opens with ---------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "On 12 November 2024 a conference of sister cities opened in Chengdu. Almaty sent its"
            " deputy mayor. The two spoke at a round table. The sides also signed agreements on"
            " setting up in Almaty a Chinese language base and on setting up a Kazakh language"
            " centre.",
            2,
        ),
        (
            "12 ноября 2024 года в Чэнду начала работу конференция городов-побратимов. Алматы"
            " представлял заместитель акима. Оба выступили на круглом столе. Кроме того, стороны"
            " подписали соглашения о создании в Алматы базы обучения китайскому языку и о создании"
            " центра обучения казахскому языку.",
            2,
        ),
    ],
)
def test_documents_signed_at_the_opening_event(kb: KnowledgeBase, text: str, count: int) -> None:
    found = _agreements(kb, text)
    assert [(a.signed_on, a.place_id) for a in found] == [
        (dt.date(2024, 11, 12), "cn-chengdu")
    ] * count


# -- a section named by the project's own ends is the project ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the second railway tracks on the Dostyk-Moiynty section were completed.",
        "Движение поездов по вторым путям участка Достык — Мойынты открыто в 2024 году.",
    ],
)
def test_a_section_named_by_the_projects_ends(kb: KnowledgeBase, text: str) -> None:
    assert ("prj-dostyk-moyinty-second-track", ProjectStatus.IN_SERVICE, 2024) in _states(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The 120-km section of the Dostyk-Moiynty second track was completed in 2024.",
        "Участок второй линии Достык — Мойынты длиной 120 км был завершён в 2024 году.",
    ],
)
def test_a_section_of_the_project_is_still_a_part(kb: KnowledgeBase, text: str) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _states(kb, text))


# -- planned openings: entering service, finishing, and a year fronted in its own phrase --------


@pytest.mark.parametrize(
    "text",
    [
        "In 2026, the minister said, the Darbaza-Maktaaral line will enter service.",
        "В 2026 году, по его словам, в эксплуатацию войдут новые линии «Мойынты — Кызылжар» и"
        " «Дарбаза — Мактаарал».",
        "В 2026 году мы завершим линию Дарбаза — Мактаарал.",
    ],
)
def test_a_planned_opening_with_a_fronted_year(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("prj-darbaza-maktaaral-railway", 2026)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, the minister said, the Darbaza-Maktaaral line was to enter service.",
        "В 2023 году, по его словам, в эксплуатацию должна была войти линия «Дарбаза — Мактаарал».",
    ],
)
def test_a_fronted_year_before_the_report_is_no_plan(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR) == []


# -- a state given by the noun of an event that took place --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Boguty tungsten plant has started work. The ministry called the opening, which took"
        " place in the Almaty Region on November 1, 2024, a historic moment.",
        "Вольфрамовый комбинат Богуты начал работу. Торжественное открытие состоялось в"
        " Алматинской области 1 ноября 2024 года.",
    ],
)
def test_an_opening_that_took_place(kb: KnowledgeBase, text: str) -> None:
    events = [(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))]
    assert events == [("prj-boguty-tungsten", ProjectStatus.IN_SERVICE, dt.date(2024, 11, 1))]


@pytest.mark.parametrize(
    "text",
    [
        "The opening of the Boguty tungsten plant is planned for 2026.",
        "Открытие вольфрамового комбината Богуты планируется в 2026 году.",
        "The launch of construction of the Boguty tungsten plant took place in 2023.",
    ],
)
def test_an_event_noun_alone_or_of_works_opens_nothing(kb: KnowledgeBase, text: str) -> None:
    assert not any(s is ProjectStatus.IN_SERVICE for _, s, _ in _states(kb, text))


# -- a generic head in lower case; the kind in the plural speaks of other ones ------------------


def test_a_shared_names_generic_head_in_lower_case(kb: KnowledgeBase) -> None:
    text = "China opened its first Luban workshop in 2022, at the Tajik Technical University in Tajikistan."
    assert _states(kb, text) == {("prj-luban-workshop-tajikistan", ProjectStatus.IN_SERVICE, 2022)}


@pytest.mark.parametrize(
    "text",
    [
        "China opened its first Luban workshop in 2022, at the Tajik Technical University in"
        " Tajikistan. Luban workshops are also to be launched in Uzbekistan, according to"
        " announced plans.",
        "В 2022 году в Таджикистане открыли мастерскую Лу Баня. Мастерские Лу Баня также откроют"
        " в Узбекистане, объявил министр.",
        "В 2022 году в Таджикистане открыли мастерскую Лу Баня. Новые мастерские откроют в"
        " Узбекистане, объявил министр.",
    ],
)
def test_the_kind_in_the_plural_is_other_ones(kb: KnowledgeBase, text: str) -> None:
    assert _states(kb, text) == {("prj-luban-workshop-tajikistan", ProjectStatus.IN_SERVICE, 2022)}
