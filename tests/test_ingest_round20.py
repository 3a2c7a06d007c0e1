"""Readings of round 20 (issue #12), written from the misses and false proposals of
`ingest_heldout20`–`ingest_heldout33` after they were scored: each checked with sentences
written for the test, with cases that must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import FigureQuantity
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _events(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}


# -- built, said with its time; carrying what it was built for ---------------------------------


@pytest.mark.parametrize(
    ("text", "project", "date"),
    [
        (
            "The Angren-Pap railway was built in 2016.",
            "prj-angren-pap-railway",
            dt.date(2016, 1, 1),
        ),
        (
            "The Central Asia – China gas pipeline was built in 2009.",
            "prj-ca-china-gas-pipeline-abc",
            dt.date(2009, 1, 1),
        ),
    ],
)
def test_built_with_its_time_is_in_service(
    kb: KnowledgeBase, text: str, project: str, date: dt.date
) -> None:
    assert _events(kb, text) == {(project, ProjectStatus.IN_SERVICE, date)}


def test_a_pipeline_that_began_carrying_gas_is_in_service(kb: KnowledgeBase) -> None:
    text = "The Central Asia – China gas pipeline has begun carrying natural gas to China."
    assert {(p, s) for p, s, _ in _events(kb, text)} == {
        ("prj-ca-china-gas-pipeline-abc", ProjectStatus.IN_SERVICE)
    }


@pytest.mark.parametrize(
    "text",
    [
        # by whom, or where: no time
        "The Angren-Pap railway was built by China Railway Tunnel Group.",
        "The Angren-Pap railway was built in the Fergana valley.",
        # a future
        "The Angren-Pap railway will be built in 2016.",
        # a company that started a service through the centre
        "Kazpost has started delivering goods through the Khorgos ICBC.",
    ],
)
def test_built_without_a_time_or_a_service_of_another_opens_nothing(
    kb: KnowledgeBase, text: str
) -> None:
    assert ProjectStatus.IN_SERVICE not in {s for _, s, _ in _events(kb, text)}


def test_the_old_road_a_project_rebuilds_was_not_built_by_it(kb: KnowledgeBase) -> None:
    text = (
        "Work on the Dushanbe – Khorog – Kulma highway goes on. It was built in 1940 in a "
        "record three and a half months."
    )
    assert all(date.year != 1940 for _, _, date in _events(kb, text))


# -- a port named with "of" --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Construction of the ferry complex in the port of Kuryk started in April 2015.",
        "Construction of the port of Kuryk started in April 2015.",
    ],
)
def test_the_port_of_a_held_port_names_it(kb: KnowledgeBase, text: str) -> None:
    facts = [f for f in proposals_from(kb, text) if events_in([f])]
    assert {(e.project_id, e.status, e.date) for e in events_in(facts)} == {
        ("prj-kuryk-port-ferry-complex", ProjectStatus.UNDER_CONSTRUCTION, dt.date(2015, 4, 1))
    }
    assert all(
        any(flag.code == "spelling_variant" for flag in f.flags) for f in facts
    )  # not the held name


# -- Russian: put into operation with пустить / запустить; the works named before the start ---


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (
            "Железную дорогу Жезказган – Бейнеу пустили в эксплуатацию в 2016 году.",
            ProjectStatus.IN_SERVICE,
            dt.date(2016, 1, 1),
        ),
        (
            "К строительству дороги Жезказган – Бейнеу компания приступила в июле 2013 года.",
            ProjectStatus.UNDER_CONSTRUCTION,
            dt.date(2013, 7, 1),
        ),
    ],
)
def test_russian_starts_and_openings(
    kb: KnowledgeBase, text: str, status: ProjectStatus, date: dt.date
) -> None:
    assert _events(kb, text) == {("prj-zhezkazgan-beyneu-railway", status, date)}


@pytest.mark.parametrize(
    "text",
    [
        "Железную дорогу Жезказган – Бейнеу запустят в эксплуатацию в 2027 году.",
        "К строительству дороги Жезказган – Бейнеу приступят в 2027 году.",
        "К строительству дороги Жезказган – Бейнеу планируется приступить в 2027 году.",
    ],
)
def test_russian_starts_and_openings_in_the_future_are_not_taken(
    kb: KnowledgeBase, text: str
) -> None:
    assert _events(kb, text) == set()


# -- "the line" never refers back to a port, a plant or a school -------------------------------


def test_the_line_after_a_port_is_another_line(kb: KnowledgeBase) -> None:
    text = (
        "The committee is building a ferry complex in the port of Kuryk. It is also building "
        "the Borzhakty – Yersai railway to the ferry. The line will be 14 kilometres long."
    )
    lengths = figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM)
    assert all(f.subject_id != "prj-kuryk-port-ferry-complex" for f in lengths)


def test_the_line_after_a_line_is_still_that_line(kb: KnowledgeBase) -> None:
    text = "Work on the Angren-Pap railway goes on. The line will be 123 kilometres long."
    lengths = figures_in(proposals_from(kb, text), FigureQuantity.LENGTH_KM)
    assert [(f.subject_id, f.value) for f in lengths] == [("prj-angren-pap-railway", 123.0)]


# -- a line referred to as a whole stays in view -----------------------------------------------

_FILLER = "Погода была хорошей. Рабочие приехали утром. Техника работает исправно. Людей хватает. "


def _far_from_the_name(between: str) -> str:
    """The line named, four sentences of other things, ``between``, one more, and a start of
    works referring back to the line ("Строить линию начали …"), eight sentences after."""
    return (
        "Железнодорожную линию Дарбаза – Мактаарал рассчитывают достроить к 2027 году. "
        + _FILLER
        + between
        + "Обед привезли вовремя. Строить линию начали в конце 2023 года."
    )


@pytest.mark.parametrize(
    ("between", "kept"),
    [
        ("Линия соединит два района области. ", True),  # the whole line again
        ("Она соединит два района области. ", False),  # a pronoun keeps nothing
    ],
)
def test_a_line_referred_to_as_a_whole_stays_in_view(
    kb: KnowledgeBase, between: str, kept: bool
) -> None:
    text = _far_from_the_name(between)
    found = {(p, s) for p, s, _ in _events(kb, text)}
    assert (("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION) in found) is kept


# -- a part left to build --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Only 457 kilometres of the Western Europe – Western China highway remain to be built.",
        "На дороге Жезказган – Бейнеу осталось достроить 40 километров.",
    ],
)
def test_a_part_left_to_build_is_works_under_way(kb: KnowledgeBase, text: str) -> None:
    assert {s for _, s, _ in _events(kb, text)} == {ProjectStatus.UNDER_CONSTRUCTION}


def test_nothing_left_to_say_is_no_work(kb: KnowledgeBase) -> None:
    text = "Questions about the Western Europe – Western China highway remain to be answered."
    assert _events(kb, text) == set()


# -- from the review of round 20: what must not fire ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a start not taken, a preparation, a second object
        "К строительству железной дороги Дарбаза – Мактаарал пока не приступили.",
        "К подготовке к строительству железной дороги Дарбаза – Мактаарал приступили в 2023 году.",
        "Подрядчик готов к строительству дороги Дарбаза – Мактаарал и приступил к поиску "
        "субподрядчиков в 2023 году.",
        # carrying out works, pumping water
        "China Railway began carrying out survey work on the China–Kyrgyzstan–Uzbekistan railway "
        "in 2023.",
        "Workers began pumping water out of the Qamchiq tunnel on the Angren-Pap railway in 2014.",
        # a thing on the line was built
        "A new station on the Darbaza – Maktaaral railway was built in 2024.",
        # not begun at all
        "Line D of the Central Asia – China gas pipeline remains to be built.",
        "Для завершения проекта осталось построить железную дорогу Дарбаза – Мактаарал.",
        # a resumption promised
        "Строительство железной дороги Дарбаза – Мактаарал возобновим в 2026 году, заявил министр.",
    ],
)
def test_readings_the_review_found_wrong_fire_no_more(kb: KnowledgeBase, text: str) -> None:
    found = {s for _, s, _ in _events(kb, text)}
    assert not found & {ProjectStatus.IN_SERVICE, ProjectStatus.UNDER_CONSTRUCTION}


@pytest.mark.parametrize(
    "text",
    [
        # a participle after a name, fronting a noun of its own
        "Главный объект порта Курык — открытый в 2020 году зерновой терминал.",
        "Рядом с дорогой Жезказган – Бейнеу, построенная в 2016 году станция Шалкар приняла грузы.",
        "Крупнейший объект ГОК «Актогай» (Восточный Казахстан) — запущенная в 2021 году вторая "
        "фабрика.",
        # another one of the kind, and a company
        "Открытая в 2023 году вторая железная дорога Жезказган – Бейнеу сократила путь.",
        "Запущенный в 2017 году ОАО «Актогай» выпускает медь.",
        # a branch's first stage
        "Запущенная в 2009 году первая нитка отвода газопровода Центральная Азия – Китай работает.",
    ],
)
def test_participles_of_another_thing_open_nothing(kb: KnowledgeBase, text: str) -> None:
    assert ProjectStatus.IN_SERVICE not in {s for _, s, _ in _events(kb, text)}


@pytest.mark.parametrize(
    "between",
    [
        "Сотрудничество развивается по линии ШОС. ",  # "по линии": through a body
        "Поставки дорогостоящие. ",  # "дорогостоящие" is no road
    ],
)
def test_words_that_only_look_like_a_line_keep_nothing_in_view(
    kb: KnowledgeBase, between: str
) -> None:
    text = _far_from_the_name(between)
    assert _events(kb, text) == set()
