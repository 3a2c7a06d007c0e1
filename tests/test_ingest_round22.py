"""Readings of round 22 (issue #12): the names a held project goes by, and gas carried by a
pipeline, written from the missed status events of `ingest_heldout20`–`ingest_heldout35`. Each
is checked with sentences written for the test, and with the reading it must not make."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import EntityKind, FigureQuantity
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, figures_in, new_entity_names, proposals_from

ICBC, ABC, LINE_D = (
    "prj-khorgos-icbc",
    "prj-ca-china-gas-pipeline-abc",
    "prj-ca-china-gas-pipeline-line-d",
)
IN_SERVICE, BUILDING = ProjectStatus.IN_SERVICE, ProjectStatus.UNDER_CONSTRUCTION


def _events(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the centre's names in its operator's Russian and English, and in Chinese state media
        (
            "Международный центр приграничного сотрудничества «Хоргос» открыт в 2012 году.",
            {(ICBC, IN_SERVICE, dt.date(2012, 1, 1))},
        ),
        (
            "Строительство Международного центра приграничного сотрудничества «Хоргос» "
            "официально началось 3 июня 2006 года.",
            {(ICBC, BUILDING, dt.date(2006, 6, 3))},
        ),
        (
            "The Horgos International Border Cooperation Center was officially launched in 2012.",
            {(ICBC, IN_SERVICE, dt.date(2012, 1, 1))},
        ),
        # the gas pipeline's name with China first
        (
            "Газопровод «Китай – Центральная Азия» сдан в эксплуатацию 15 декабря 2009 года.",
            {(ABC, IN_SERVICE, dt.date(2009, 12, 15))},
        ),
    ],
)
def test_a_held_project_is_read_by_its_other_names(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gas carried now: in service as the report is written
        (
            "Газ идет в КНР по международному магистральному газопроводу Туркменистан — Китай.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "Сегодня туркменский газ идёт в Китай по трём ниткам газопровода Туркменистан – "
            "Узбекистан – Казахстан – Китай.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "По газопроводу Туркменистан – Китай ежегодно поступает около 40 млрд кубометров газа.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "Gas from Turkmenistan flows through the Central Asia – China gas pipeline.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        # since when it flows dates it
        (
            "Gas from Turkmenistan has been flowing into Uzbekistan through the Central Asia – "
            "China gas pipeline since May 31.",
            {(ABC, IN_SERVICE, dt.date(2025, 5, 31))},
        ),
        # not flowing, or flowing later: no state
        ("Газ пока не идёт по газопроводу Туркменистан – Китай.", set()),
        ("По газопроводу Туркменистан – Китай пока не поступает газ.", set()),
        ("Gas will flow through the Central Asia – China gas pipeline in 2030.", set()),
    ],
)
def test_gas_carried_by_a_pipeline_puts_it_in_service(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected


def test_the_systems_name_after_its_line_keeps_the_line_in_view(kb: KnowledgeBase) -> None:
    """ "Line D, … of the China-Central Asia gas pipeline", a quote naming the system, then a
    plan without a name: the plan is line D's, not lines A–C's."""
    text = (
        "Construction has started on Line D, the longest stretch of the China-Central Asia Gas "
        'Pipeline. "The China-Central Asia gas pipeline project will give a major boost," Xi '
        "said. Completion of the construction work is scheduled for 2016."
    )
    opening = figures_in(proposals_from(kb, text), FigureQuantity.PLANNED_OPENING_YEAR)
    assert {(f.subject_id, f.value) for f in opening} == {(LINE_D, 2016)}
    # the system named first: the plan is the system's
    alone = (
        'The China-Central Asia gas pipeline carries Turkmen gas. "It gives a boost," Xi said. '
        "Completion of the expansion is scheduled for 2016."
    )
    plans = figures_in(proposals_from(kb, alone), FigureQuantity.PLANNED_OPENING_YEAR)
    assert {f.subject_id for f in plans} <= {ABC}


def test_a_checkpoint_is_not_the_trade_centre_named_before(kb: KnowledgeBase) -> None:
    """ "пункт пропуска «Нұр жолы»" and "дорога" after the Khorgos centre: a crossing and a new
    road, not the centre referred back to."""
    text = (
        "Чтобы Международный центр приграничного сотрудничества «Хоргос» работал эффективнее, "
        "его модернизировали. Посещаемость выросла вдвое. Платежи выросли. Для того чтобы "
        "пункт пропуска «Нұр жолы» пропускал больше машин, достроена объездная дорога для "
        "крупногабаритного транспорта."
    )
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert any(n.casefold().startswith("объездная дорога") for n in names)
    assert not {e.project_id for e in events_in(proposals_from(kb, text))} - {ICBC}


def test_an_international_centre_is_not_the_khorgos_centre_reworded(kb: KnowledgeBase) -> None:
    """ "Международный центр промышленной кооперации" shares only generic words with the held
    "Международный центр приграничного сотрудничества «Хоргос»": a new project."""
    text = (
        "Рядом с пунктами пропуска «Атамекен» и «Гулистан» достраивают Международный центр "
        "промышленной кооперации «Центральная Азия»."
    )
    names = new_entity_names(kb, text, EntityKind.PROJECT)
    assert any(n.startswith("Международный центр промышленной кооперации") for n in names)


ANGREN_PAP, CKU, THIRD = "prj-angren-pap-railway", "prj-cku-railway", "prj-cn-kz-third-railway"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative pronoun is the subject of the status phrase right after it
        (
            "The Angren-Pap railway, which has already been put into operation, carries trains.",
            {(ANGREN_PAP, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "Line C is to run beside Line A and Line B, which have already been built and put "
            "into operation.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "Железная дорога Ангрен – Пап, которая уже введена в эксплуатацию, перевозит грузы.",
            {(ANGREN_PAP, IN_SERVICE, DOCUMENT_DAY)},
        ),
        # another thing's clause between: its opening, not the line's
        (
            "Trains run on the Angren-Pap railway, which has a tunnel that was opened in 2016.",
            set(),
        ),
        # a builder building it now
        (
            "Uzbekistan is now building the Angren-Pap railway.",
            {(ANGREN_PAP, BUILDING, DOCUMENT_DAY)},
        ),
        (
            "The committee is building a ferry complex in the port of Kuryk.",
            {("prj-kuryk-port-ferry-complex", BUILDING, DOCUMENT_DAY)},
        ),
        ("Kazakhstan is building closer ties with China along the Angren-Pap railway.", set()),
        ("Uzbekistan is not building the Angren-Pap railway.", set()),
        # the works in hand, named as a noun
        (
            "Сейчас реализуется проект строительства железнодорожной линии Бахты – Аягоз.",
            {(THIRD, BUILDING, DOCUMENT_DAY)},
        ),
        (
            "Стороны говорили о продвижении строительства железной дороги «Китай - Кыргызстан - "
            "Узбекистан».",
            {(CKU, BUILDING, DOCUMENT_DAY)},
        ),
        (
            "Президент ознакомился с ходом работ на газовом месторождении «Галкыныш».",
            {("prj-galkynysh-gas-field", BUILDING, DOCUMENT_DAY)},
        ),
        (
            "The government is carrying out a programme to rehabilitate the Western Europe – "
            "Western China highway.",
            {("prj-western-europe-western-china-highway", BUILDING, DOCUMENT_DAY)},
        ),
        # a project to build, announced, is no works in hand
        (
            "Стороны обсудили проект строительства железной дороги Китай – Кыргызстан – Узбекистан.",
            set(),
        ),
    ],
)
def test_states_said_in_a_relative_clause_a_progressive_or_a_noun_of_works(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected


WE_WC = "prj-western-europe-western-china-highway"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # put into service, in the other order
        (
            "На сегодняшний день в эксплуатацию введены линии A, B и C этого газопровода.",
            {(ABC, IN_SERVICE, DOCUMENT_DAY)},
        ),
        (
            "В 2011 году в эксплуатацию сдана автодорога Западная Европа – Западный Китай.",
            {(WE_WC, IN_SERVICE, dt.date(2011, 1, 1))},
        ),
        # building finished, its object between
        (
            "12 декабря 2009 года строительство казахстанского участка газопровода "
            "Туркменистан-Узбекистан-Казахстан-Китай успешно завершено.",
            {(ABC, IN_SERVICE, dt.date(2009, 12, 12))},
        ),
        # not finished, or to be finished: no state
        ("Строительство автодороги Западная Европа – Западный Китай пока не завершено.", set()),
        (
            "Строительство автодороги Западная Европа – Западный Китай должно быть завершено.",
            set(),
        ),
        # the pipeline's name with "Средняя Азия", in two reports
        (
            "Газопровод Средняя Азия - Китай начали строить в 2008 году.",
            {(ABC, BUILDING, dt.date(2008, 1, 1))},
        ),
    ],
)
def test_russian_states_in_the_other_order_and_not_negated(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected


LENGTH = FigureQuantity.LENGTH_KM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stretch opened or to be rebuilt: the verb's object, not the line's length
        (
            "В 2011 году в эксплуатацию сдано 215 км автодороги Западная Европа – Западный Китай.",
            set(),
        ),
        ("Kazakhstan has opened 120 km of the Western Europe – Western China highway.", set()),
        # the whole, and its parts listed after "of which"
        (
            "The Western Europe – Western China highway is 2,787 km long, of which 2,452 km will "
            "be rebuilt: 1,391 km to the first category and 1,061 km to the second.",
            {(WE_WC, 2787)},
        ),
        # the line's own length beside its opening is still read
        (
            "The 286 km Jinghe-Yining-Khorgos railway opened in 2009.",
            {("prj-jinghe-khorgos-railway", 286)},
        ),
    ],
)
def test_a_stretch_done_or_listed_is_no_length_of_the_line(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, float]]
) -> None:
    found = figures_in(proposals_from(kb, text), LENGTH)
    assert {(f.subject_id, f.value) for f in found} == expected


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        (
            "More than 23 km of road, a road bridge, an 11.7 MW boiler house and a 115 MW power "
            "line have been built.",
            "MW power line",
        ),
        (
            "Движение поездов по второму пути открыто ещё на одном участке «Достык – Мойынты», "
            "сообщает корреспондент центра деловой информации Kapital.kz.",
            "Центр деловой информации",
        ),
    ],
)
def test_a_unit_or_a_news_outlet_is_no_new_project(
    kb: KnowledgeBase, text: str, unwanted: str
) -> None:
    names = [n.casefold() for n in new_entity_names(kb, text, EntityKind.PROJECT)]
    assert unwanted.casefold() not in names


AGREED = ProjectStatus.AGREED
DOSTYK_MOYINTY = "prj-dostyk-moyinty-second-track"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concluded, as signed
        (
            "Казахстан и Китай заключили соглашение о строительстве железной дороги Аягоз – "
            "Бахты в 2023 году.",
            {(THIRD, AGREED, dt.date(2023, 1, 1))},
        ),
        (
            "Казахстан и Китай пока не заключили соглашение о строительстве железной дороги "
            "Аягоз – Бахты.",
            set(),
        ),
        (
            "Казахстан и Китай заключат соглашение о строительстве железной дороги Аягоз – Бахты.",
            set(),
        ),
        # worked on now, in the present passive
        (
            "The Khorgos International Centre of Boundary Cooperation is being expanded too.",
            {(ICBC, BUILDING, DOCUMENT_DAY)},
        ),
        (
            "Автодорога Западная Европа – Западный Китай реконструируется.",
            {(WE_WC, BUILDING, DOCUMENT_DAY)},
        ),
        (
            "They noted progress in expanding the capacity of the Dostyk-Moyynty section.",
            {(DOSTYK_MOYINTY, BUILDING, DOCUMENT_DAY)},
        ),
        ("The Khorgos International Centre of Boundary Cooperation will be expanded.", set()),
    ],
)
def test_concluded_agreements_and_works_in_the_present_passive(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the class of services, named bare: none new
        (
            "Khorgos is a transit point on 80 China-Europe freight train routes that link 45 cities.",
            set(),
        ),
        ("Dozens of China-Central Asia freight trains pass Khorgos each day.", set()),
        # a service with its own name or ends is one
        (
            "The first Chang'an China-Europe freight train left Xi'an for Almaty in 2013.",
            {"Chang'an China-Europe freight train"},
        ),
    ],
)
def test_a_class_of_freight_services_is_no_new_project(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    names = set(new_entity_names(kb, text, EntityKind.PROJECT))
    assert {n for n in names if "freight" in n.casefold()} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative pronoun is the object, its doer between
        (
            "Zhou's company is in the Pengsheng Industrial Park, which a Chinese company and an "
            "Uzbek mining firm established in 2009.",
            {("prj-pengsheng-industrial-park", IN_SERVICE, dt.date(2009, 1, 1))},
        ),
        (
            "Железная дорога Ангрен – Пап, которую открыли в 2016 году, загружена.",
            {(ANGREN_PAP, IN_SERVICE, dt.date(2016, 1, 1))},
        ),
        # another relative clause between: not the line's
        (
            "Trains run on the Angren-Pap railway, which links the valley to a tunnel that China "
            "opened in 2016.",
            set(),
        ),
        ("The Angren-Pap railway, which China said will be opened in 2026, is busy.", set()),
    ],
)
def test_a_relative_pronoun_as_the_object_of_an_opening(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert _events(kb, text) == expected
