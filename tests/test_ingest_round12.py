"""Categories of the twelfth development set (issue #12) for status events, figures and
agreements, each checked with sentences written for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import AgreementKind, ProjectStatus
from caravan.model.proposals import FigureQuantity, FlagCode, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- a signing dated by the sentence after it ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Qazaqgaz and Sinopec signed a memorandum of understanding on a gas chemical plant."
            " The document was signed on 14 May during the minister's visit.",
            dt.date(2025, 5, 14),
        ),
        (
            "«Узбекнефтегаз» и PetroChina подписали меморандум о взаимопонимании в области"
            " геологоразведки. Документ был подписан 14 мая в ходе визита министра.",
            dt.date(2025, 5, 14),
        ),
        (
            "Министерство энергетики Кыргызстана заключило с компанией TBEA контракт на"
            " строительство подстанции в Нарынской области. Документ в минувшую пятницу"
            " подписали министр и представитель компании.",
            dt.date(2025, 6, 27),  # the Friday before the report of Monday 30 June
        ),
        (
            "The ministry concluded with TBEA a contract to build a substation in Naryn region."
            " The contract was signed last Friday by the minister.",
            dt.date(2025, 6, 27),
        ),
    ],
)
def test_an_undated_document_takes_the_day_of_the_sentence_referring_back_to_it(
    kb: KnowledgeBase, text: str, day: dt.date
) -> None:
    assert [a.signed_on for a in _agreements(kb, text)] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Qazaqgaz and Sinopec signed a memorandum on a gas chemical plant and an agreement on"
        " a pipeline. The document was signed on 14 May.",
        "«Узбекнефтегаз» и PetroChina подписали меморандум о геологоразведке и соглашение о"
        " газопроводе. Документ был подписан 14 мая.",
    ],
)
def test_a_document_referred_back_to_among_several_takes_no_day(
    kb: KnowledgeBase, text: str
) -> None:
    """Which of two documents "the document" is, the text does not say."""
    agreements = _agreements(kb, text)
    assert len(agreements) == 2
    assert all(a.signed_on is None for a in agreements)


# -- a document on "this": named by its two signers ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kyrgyzstan's authorities announced a joint plant for solar panels. An agreement on"
            " this was signed by Sunrise Energy and Longi Green during the forum.",
            "Agreement between Sunrise Energy and Longi Green",
        ),
        (
            "Власти Кыргызстана сообщили о создании завода солнечных панелей. Соглашение об этом"
            " кыргызская компания «Санрайз Энерджи» и китайская «Лонги» подписали на форуме.",
            "Соглашение между «Санрайз Энерджи» и «Лонги»",
        ),
    ],
)
def test_a_document_on_this_is_named_by_who_signed_it(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


# -- a document taking effect, and a contract with an acronym -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "С 1 июля вступило в силу соглашение между Узбекистаном и Китаем о взаимном"
            " признании водительских удостоверений, сообщил МИД.",
            "Соглашение между Узбекистаном и Китаем о взаимном признании водительских"
            " удостоверений",
        ),
        (
            "The agreement between Uzbekistan and China on mutual recognition of driving"
            " licences entered into force on 1 July, the ministry said.",
            "Agreement between Uzbekistan and China on mutual recognition of driving licences",
        ),
    ],
)
def test_a_document_taking_effect_is_proposed_without_a_signing_day(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    """The day it took effect is not the day it was signed (corpus rule 13)."""
    assert [(a.name, a.signed_on) for a in _agreements(kb, text)] == [(name, None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "В Бишкеке 12 мая подписан EPC-контракт на строительство солнечной электростанции в"
            " Чуйской области. С подписанием EPC-контракта он переходит в практическую фазу.",
            "EPC-контракт на строительство солнечной электростанции",
        ),
        (
            "An EPC contract to build a solar power plant in Chui region was signed in Bishkek"
            " on 12 May.",
            "Contract to build a solar power plant",  # English reads the noun without it
        ),
    ],
)
def test_a_contract_with_an_acronym_is_read_once(kb: KnowledgeBase, text: str, name: str) -> None:
    agreements = _agreements(kb, text)
    assert [(a.name, a.signed_on) for a in agreements] == [(name, dt.date(2025, 5, 12))]


# -- a speaker's "announced that" is no announcement of a project ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister announced that construction of the Darbaza – Maktaaral railway has been"
        " completed.",
        "Министр объявил на брифинге, что строительство железной дороги Дарбаза – Мактаарал"
        " завершено.",
    ],
)
def test_announced_that_reports_speech_not_a_decision(kb: KnowledgeBase, text: str) -> None:
    statuses = [e.status for e in events_in(proposals_from(kb, text))]
    assert ProjectStatus.IN_SERVICE in statuses
    assert ProjectStatus.ANNOUNCED not in statuses


def test_announced_without_that_is_still_an_announcement(kb: KnowledgeBase) -> None:
    text = "The government announced the Darbaza – Maktaaral railway in March 2020."
    statuses = [e.status for e in events_in(proposals_from(kb, text))]
    assert statuses == [ProjectStatus.ANNOUNCED]


# -- the mode word decides: a road is never a railway ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Строительство автодороги Китай — Кыргызстан — Узбекистан началось 12 марта 2025 года.",
        "Construction of the highway China – Kyrgyzstan – Uzbekistan began on 12 March 2025.",
    ],
)
def test_a_chain_of_countries_after_a_road_word_is_the_road(kb: KnowledgeBase, text: str) -> None:
    """The railway holds the bare chain as an alias; the road word picks the highway."""
    events = events_in(proposals_from(kb, text))
    assert [(e.project_id, e.status) for e in events] == [
        ("prj-cn-kg-uz-highway", ProjectStatus.UNDER_CONSTRUCTION)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Строительство автодороги Вахдат – Яван началось 12 марта 2025 года.",
        "Construction of the Vahdat – Yavan road began on 12 March 2025.",
    ],
)
def test_a_road_between_a_railways_ends_is_not_the_railway(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text))
    assert all(e.project_id != "prj-vahdat-yavan-railway" for e in events)


def test_a_rail_word_keeps_the_railway(kb: KnowledgeBase) -> None:
    text = (
        "Строительство железной дороги Китай — Кыргызстан — Узбекистан началось 12 марта 2025 года."
    )
    events = events_in(proposals_from(kb, text))
    assert [e.project_id for e in events] == ["prj-cku-railway"]


# -- figures: the year before the report, whose statistics, and scope ----------------------


Trade = tuple[float, str | None, str | None, int | None]


def _trade(kb: KnowledgeBase, text: str, day: dt.date = dt.date(2025, 7, 31)) -> list[Trade]:
    """Trade figures as (value in billions, partner, reporter, year)."""
    found = figures_in(proposals_from(kb, text, day), FigureQuantity.TRADE_VALUE_USD)
    return [(round(f.value / 1e9, 3), f.partner_id, f.reporter_id, f.year) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Tajikistan and China exceeded $3.9 billion in the previous fiscal year.",
        "Товарооборот Таджикистана и Китая в минувшем году превысил 3,9 млрд долларов.",
    ],
)
def test_the_previous_year_is_the_year_before_the_report(kb: KnowledgeBase, text: str) -> None:
    assert [(v, p, y) for v, p, _, y in _trade(kb, text)] == [(3.9, "tj", 2024)]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between China and Tajikistan came to $3.9 billion in 2024, the head of the trade"
        " department of the Statistics Agency told reporters.",
        "Товарооборот Таджикистана и Китая в 2024 году составил 3,9 млрд долларов, сообщили в"
        " Агентстве по статистике.",
    ],
)
def test_a_statistics_agency_without_a_country_is_the_partners(
    kb: KnowledgeBase, text: str
) -> None:
    """China's figures come from its customs; a committee or agency is the partner state's."""
    assert _trade(kb, text) == [(3.9, "tj", "tj", 2024)]


def test_customs_named_as_chinas_stay_chinas(kb: KnowledgeBase) -> None:
    text = "Trade between China and Tajikistan came to $3.9 billion in 2024, China's customs said."
    assert _trade(kb, text) == [(3.9, "tj", "cn", 2024)]


@pytest.mark.parametrize(
    "text",
    [
        "Construction is going on at the Bakhty – Ayagoz railway. Stations are being upgraded as"
        " well, and work at 46 of them should be finished by the end of the year.",
        "Строительство линии Бахты – Аягоз продолжается. Модернизируются и станции, работы на 46"
        " из них должны завершить до конца года.",
    ],
)
def test_a_part_of_things_counted_is_no_planned_opening_of_the_line(
    kb: KnowledgeBase, text: str
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "The second tracks on the Dostyk – Moyinty section are due to be finished in 2026.",
        "Вторые пути на участке Достык – Мойынты планируется достроить в 2026 году.",
    ],
)
def test_an_upgrade_located_on_a_section_is_the_held_upgrade(kb: KnowledgeBase, text: str) -> None:
    """The section says where the held second track lies; it is not a part of it."""
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [("prj-dostyk-moyinty-second-track", 2026)]


@pytest.mark.parametrize(
    "text",
    [
        "The Kyrgyz section of the China – Kyrgyzstan – Uzbekistan railway is due to be finished"
        " in 2029.",
        "Кыргызский участок железной дороги Китай – Кыргызстан – Узбекистан планируется"
        " достроить в 2029 году.",
    ],
)
def test_a_section_of_a_line_is_still_a_part(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert found == []


# -- an upgrade of a line in service gives the line no status (rule 27) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Construction of second tracks on the Altynkol – Zhetygen section is going on.",
        "На участке Алтынколь – Жетыген продолжается строительство вторых путей.",
        "The company goes on modernising the Altynkol – Zhetygen section. The embankment is"
        " almost finished, and 31 km of track have been laid.",
        "Компания продолжает модернизировать участок Алтынколь – Жетыген. Земляное полотно почти"
        " отсыпано, уложен 31 километр пути.",
    ],
)
def test_works_on_an_upgrade_give_the_line_in_service_no_status(
    kb: KnowledgeBase, text: str
) -> None:
    events = events_in(proposals_from(kb, text, dt.date(2026, 2, 23)))
    assert all(e.project_id != "prj-khorgos-altynkol-railway" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "On 22 June the electrified Angren – Pap railway was opened.",
        "22 июня прошла церемония запуска электрифицированной железной дороги «Ангрен-Пап».",
    ],
)
def test_an_electrified_line_opening_is_still_its_opening(kb: KnowledgeBase, text: str) -> None:
    """ "Electrified" says what the line is, not works on it."""
    events = events_in(proposals_from(kb, text, dt.date(2016, 6, 25)))
    assert [(e.project_id, e.status, e.date) for e in events] == [
        ("prj-angren-pap-railway", ProjectStatus.IN_SERVICE, dt.date(2016, 6, 22))
    ]


def test_a_held_upgrade_keeps_its_own_events(kb: KnowledgeBase) -> None:
    text = "Construction of the Dostyk – Moyinty second track is going on."
    events = events_in(proposals_from(kb, text, dt.date(2024, 5, 1)))
    assert [(e.project_id, e.status) for e in events] == [
        ("prj-dostyk-moyinty-second-track", ProjectStatus.UNDER_CONSTRUCTION)
    ]


# -- lines listed after a status phrase, and a line named by its ends reversed ---------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister pointed to construction still going on at several sections — Bakhty –"
        " Ayagoz and Darbaza – Maktaaral — which will widen transit.",
        "Строительство продолжается на нескольких участках: Бахты – Аягоз и Дарбаза – Мактаарал.",
    ],
)
def test_each_line_listed_after_a_status_phrase_is_in_that_state(
    kb: KnowledgeBase, text: str
) -> None:
    events = events_in(proposals_from(kb, text))
    assert {(e.project_id, e.status) for e in events} == {
        ("prj-cn-kz-third-railway", ProjectStatus.UNDER_CONSTRUCTION),
        ("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Construction is going on at the Maktaral–Darbaza section.",
        "На участке Мактарал – Дарбаза продолжается строительство.",
    ],
)
def test_a_line_named_by_its_ends_in_the_other_order_is_the_line(
    kb: KnowledgeBase, text: str
) -> None:
    facts = proposals_from(kb, text)
    events = events_in(facts)
    assert [(e.project_id, e.status) for e in events] == [
        ("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION)
    ]
    flags = {flag.code for f in facts if f.payload in events for flag in f.flags}
    assert FlagCode.SPELLING_VARIANT in flags


# -- a document named by the two bodies that signed it -------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On 12 May 2025 the Development Bank of Kazakhstan and the Agricultural Bank of China"
            " signed, in Astana at the investment forum, a framework agreement.",
            "Framework agreement between the Development Bank of Kazakhstan and the Agricultural"
            " Bank of China",
        ),
        (
            "12 мая 2025 года Банк развития Казахстана и Сельскохозяйственный банк Китая подписали"
            " в Астане, на инвестиционном форуме, рамочное соглашение.",
            "Рамочное соглашение между Банком развития Казахстана и Сельскохозяйственным банком"
            " Китая",
        ),
    ],
)
def test_a_document_is_named_by_the_bodies_that_signed_it(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    agreements = _agreements(kb, text)
    assert [(a.name, a.signed_on) for a in agreements] == [(name, dt.date(2025, 5, 12))]


# -- a planned opening of all the lines named before ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two new lines are being built, Darbaza – Maktaaral and Bakhty – Ayagoz, while the"
        " Altynkol – Zhetygen section is being modernised. All these projects will be"
        " commissioned in 2027.",
        "Сейчас строятся линии Дарбаза – Мактаарал и Бахты – Аягоз, а на участке Алтынколь –"
        " Жетыген идёт модернизация. Все эти объекты сдадут в 2027 году.",
    ],
)
def test_all_these_projects_open_in_the_year_each_but_one_in_service(
    kb: KnowledgeBase, text: str
) -> None:
    """The line in service is being upgraded, not opened."""
    found = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert {(f.subject_id, f.value) for f in found} == {
        ("prj-darbaza-maktaaral-railway", 2027),
        ("prj-cn-kz-third-railway", 2027),
    }


# -- a capacity owned by a thing of another kind named before it ---------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "The logistics hub has a capacity of 21.2 million tons a year, and the ports sit on"
            " the Kazakhstan – Turkmenistan – Iran railway.",
            "prj-kti-railway",
        ),
        (
            "Логистический хаб рассчитан на 21,2 млн тонн в год, а рядом идёт линия Дарбаза –"
            " Мактаарал.",
            "prj-darbaza-maktaaral-railway",
        ),
    ],
)
def test_a_hubs_capacity_is_not_the_line_named_after_it(
    kb: KnowledgeBase, text: str, line: str
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_MT_PER_YEAR)
    assert all(f.subject_id != line for f in found)


@pytest.mark.parametrize(
    ("text", "line", "value"),
    [
        (
            "The Kazakhstan – Turkmenistan – Iran railway has a capacity of 20 million tons a"
            " year, and the hub sits beside it.",
            "prj-kti-railway",
            20.0,
        ),
        (
            "Линия Дарбаза – Мактаарал рассчитана на 5 млн тонн грузов в год, а хаб стоит рядом.",
            "prj-darbaza-maktaaral-railway",
            5.0,
        ),
    ],
)
def test_a_lines_own_capacity_is_still_read(
    kb: KnowledgeBase, text: str, line: str, value: float
) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_MT_PER_YEAR)
    assert [(f.subject_id, f.value) for f in found] == [(line, value)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'The minister said the state company "Kyrgyzkomur" had signed a contract for the work'
            " with the Chinese company TBEA, to be carried out over two years.",
            "Contract between Kyrgyzkomur and TBEA",
        ),
        (
            "Министр сообщил, что госкомпания «Кыргызкомур» подписала контракт на эти работы с"
            " китайской компанией TBEA.",
            "Контракт между «Кыргызкомур» и TBEA",
        ),
    ],
)
def test_a_contract_for_the_work_is_named_by_its_signer_and_partner(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert [a.name for a in _agreements(kb, text)] == [name]


# -- a line named by its countries in another order; a body set up is not the line -----------


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the Uzbekistan–Kyrgyzstan–China railway is going on.",
        "Строительство железной дороги Узбекистан – Кыргызстан – Китай продолжается.",
    ],
)
def test_a_line_named_by_its_countries_reordered_is_the_held_line(
    kb: KnowledgeBase, text: str
) -> None:
    facts = proposals_from(kb, text)
    events = events_in(facts)
    assert [(e.project_id, e.status) for e in events] == [
        ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION)
    ]
    flags = {flag.code for f in facts if f.payload in events for flag in f.flags}
    assert FlagCode.SPELLING_VARIANT in flags


@pytest.mark.parametrize(
    "text",
    [
        "The sides discussed the China–Kyrgyzstan–Uzbekistan railway. The talks took place at a"
        " meeting of the Working Group set up under the two governments.",
        "Стороны обсудили строительство железной дороги Китай – Кыргызстан – Узбекистан. Встреча"
        " прошла на заседании рабочей группы, созданной при правительстве.",
    ],
)
def test_a_working_group_set_up_is_no_opening_of_the_line(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text))
    assert ProjectStatus.IN_SERVICE not in {e.status for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The sides talked over how to speed up big infrastructure projects, including the"
        " construction of the China–Kyrgyzstan–Uzbekistan railway.",
        "Стороны обсудили, как ускорить реализацию крупных инфраструктурных проектов, в том числе"
        " строительство железной дороги Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_works_sped_up_among_projects_are_under_way(kb: KnowledgeBase, text: str) -> None:
    """A pace of works is said only of works going on; the works listed are the line's."""
    events = events_in(proposals_from(kb, text))
    assert [(e.project_id, e.status) for e in events] == [
        ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION)
    ]


# -- a status phrase whose subject is a thing of another kind --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Khorgos Gateway dry port handles grain and containers. It is the second joint"
        " project, after the logistics terminal opened at the port of Lianyungang.",
        "Сухой порт Хоргос перерабатывает зерно и контейнеры. Это второй совместный проект,"
        " после терминала, открытого в порту Ляньюньган.",
    ],
)
def test_a_terminal_opened_is_not_the_dry_port_referred_to(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text, dt.date(2026, 2, 6)))
    assert all(e.project_id != "prj-khorgos-gateway-dry-port" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Khorgos Gateway dry port opened in 2015.",
        "Сухой порт «Хоргос – Восточные ворота» открыли в 2015 году.",
    ],
)
def test_the_dry_port_opening_is_still_read(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text, dt.date(2026, 2, 6)))
    assert [(e.project_id, e.status, e.date.year) for e in events] == [
        ("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE, 2015)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He singled out transport, where work on big projects, among them the Darbaza –"
        " Maktaaral railway and the Bakhty – Ayagoz line, is well advanced.",
        "Он отметил транспорт: строительство крупных проектов, в том числе железной дороги"
        " Дарбаза – Мактаарал и линии Бахты – Аягоз, продолжается.",
    ],
)
def test_works_on_projects_among_them_lines_are_each_lines(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text))
    assert {(e.project_id, e.status) for e in events} == {
        ("prj-cn-kz-third-railway", ProjectStatus.UNDER_CONSTRUCTION),
        ("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION),
    }


# -- founded is in service (corpus rule 9); a school founded is not the project ---------------


@pytest.mark.parametrize(
    ("text", "project", "year"),
    [
        ("The Pengsheng Agricultural Park was founded in 2017.", "prj-pengsheng-agri-park", 2017),
        (
            "Сухой порт «Хоргос – Восточные ворота» был основан в 2015 году.",
            "prj-khorgos-gateway-dry-port",
            2015,
        ),
    ],
)
def test_founded_is_in_service_from_then(
    kb: KnowledgeBase, text: str, project: str, year: int
) -> None:
    events = events_in(proposals_from(kb, text))
    assert [(e.project_id, e.status, e.date.year) for e in events] == [
        (project, ProjectStatus.IN_SERVICE, year)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Pengsheng Agricultural Park grows vegetables. It grew out of a farming school"
        " founded in 1962.",
        "Агропарк Pengsheng Agricultural Park выращивает овощи. Он вырос из сельской школы,"
        " основанной в 1962 году.",
    ],
)
def test_a_school_founded_is_not_the_project(kb: KnowledgeBase, text: str) -> None:
    events = events_in(proposals_from(kb, text))
    assert all(e.date.year != 1962 for e in events)


# -- a state named as where a border runs is no party to bilateral trade ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan's railway and logistics bodies met China's Urumqi Railways. The delegation"
        " then visited a station close to the border with the Kyrgyz Republic. Bilateral trade"
        " exceeded $3.9 billion last year.",
        "Делегация Таджикистана встретилась с представителями Урумчийской железной дороги Китая."
        " Затем она посетила станцию у границы с Кыргызстаном. Двусторонний товарооборот в"
        " прошлом году превысил 3,9 млрд долларов.",
    ],
)
def test_a_border_state_is_no_party_to_the_bilateral_trade(kb: KnowledgeBase, text: str) -> None:
    assert [(v, p, y) for v, p, _, y in _trade(kb, text)] == [(3.9, "tj", 2024)]


# -- documents signed with a group of partners are one proposal (rule 4) ---------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Kazakhstan Temir Zholy also signed cooperation memoranda with several large Chinese"
            " logistics companies.",
            "Cooperation memoranda between Kazakhstan Temir Zholy and several large Chinese"
            " logistics companies",
            AgreementKind.MEMORANDUM,
        ),
        (
            "«Казахстан темир жолы» также подписал меморандумы о сотрудничестве с несколькими"
            " крупными китайскими логистическими компаниями.",
            "Меморандумы о сотрудничестве между «Казахстан темир жолы» и несколькими крупными"
            " китайскими логистическими компаниями",
            AgreementKind.MEMORANDUM,
        ),
    ],
)
def test_documents_signed_with_a_group_of_partners_are_one_proposal(
    kb: KnowledgeBase, text: str, name: str, kind: AgreementKind
) -> None:
    assert [(a.name, a.agreement_kind) for a in _agreements(kb, text)] == [(name, kind)]


# -- a held name inside a company's or institute's name is not the project -------------------


@pytest.mark.parametrize(
    "text",
    [
        "A language centre has opened at the university. Its partners are Beijing Silk Road"
        " Culture Development Co., Ltd. and the Silk Road Innovation and Development Institute.",
        "В университете открылся языковой центр. Его партнёры — Beijing Silk Road Culture"
        " Development Co., Ltd. и Silk Road Innovation and Development Institute.",
    ],
)
def test_a_held_name_inside_a_company_or_institute_is_not_the_project(
    kb: KnowledgeBase, text: str
) -> None:
    events = events_in(proposals_from(kb, text))
    assert all(e.project_id != "prj-ca-ecommerce-cooperation" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Transport also signed cooperation memoranda with several large Chinese"
        " logistics companies.",
        "Министерство транспорта Узбекистана подписало меморандумы о сотрудничестве с"
        " несколькими китайскими логистическими компаниями.",
    ],
)
def test_a_body_named_by_its_kind_gives_no_group_of_documents(kb: KnowledgeBase, text: str) -> None:
    """Such reports go on to list the companies, each a document (round 4's reading)."""
    assert _agreements(kb, text) == []


# -- a project named by its kind and its place ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The dry port of Khorgos opened in 2015.", 2015),
        ("В 2014 году появился «сухой порт» Хоргос.", 2014),
    ],
)
def test_a_dry_port_named_by_its_place_is_the_held_dry_port(
    kb: KnowledgeBase, text: str, year: int
) -> None:
    facts = proposals_from(kb, text)
    events = events_in(facts)
    assert [(e.project_id, e.status, e.date.year) for e in events] == [
        ("prj-khorgos-gateway-dry-port", ProjectStatus.IN_SERVICE, year)
    ]
    flags = {flag.code for f in facts if f.payload in events for flag in f.flags}
    assert FlagCode.SPELLING_VARIANT in flags


@pytest.mark.parametrize(
    "text",
    ["The dry port of Almaty opened in 2015.", "В 2015 году появился сухой порт Алматы."],
)
def test_a_dry_port_of_a_place_no_held_one_carries_is_not_read_as_one(
    kb: KnowledgeBase, text: str
) -> None:
    assert all(
        e.project_id != "prj-khorgos-gateway-dry-port" for e in events_in(proposals_from(kb, text))
    )
