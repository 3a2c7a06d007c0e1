"""Held projects named by a description rather than a name (issue #12): a line by the countries
listed after its mode word, a mine or plant by the adjective of its one-word name, and an
opening said with a participle and its time. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest.adjectival_projects import by_project_adjective
from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, gazetteer_for
from caravan.analysis.ingest.listed_country_lines import country_reader, country_sets
from caravan.analysis.ingest.tokens import tokenise
from caravan.model.enums import ProjectStatus
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, proposals_from


def _events(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (
            "Construction of the railway linking China, Kyrgyzstan and Uzbekistan started in "
            "December 2024.",
            "prj-cku-railway",
        ),
        (
            "Construction of the road between China, Kyrgyzstan and Uzbekistan started in "
            "December 2024.",
            "prj-cn-kg-uz-highway",
        ),
        (
            "Строительство железной дороги, которая соединит Китай, Кыргызстан и Узбекистан, "
            "началось в декабре 2024 года.",
            "prj-cku-railway",
        ),
        (
            "Строительство железной дороги между Китаем, Кыргызстаном и Узбекистаном началось в "
            "декабре 2024 года.",
            "prj-cku-railway",
        ),
        (
            "Work on the railway link between Kazakhstan, Turkmenistan and Iran started in "
            "December 2024.",
            "prj-kti-railway",
        ),
    ],
)
def test_a_line_named_by_the_countries_it_joins(kb: KnowledgeBase, text: str, project: str) -> None:
    assert _events(kb, text) == {(project, ProjectStatus.UNDER_CONSTRUCTION, dt.date(2024, 12, 1))}


def test_the_countries_crossed_name_a_pipeline(kb: KnowledgeBase) -> None:
    text = (
        "Газопровод, связывающий Туркменистан, Узбекистан, Казахстан и Китай, введен в "
        "эксплуатацию в декабре 2009 года."
    )
    assert _events(kb, text) == {
        ("prj-ca-china-gas-pipeline-abc", ProjectStatus.IN_SERVICE, dt.date(2009, 12, 1))
    }


@pytest.mark.parametrize(
    "text",
    [
        # two countries are any of several lines
        "Construction of the railway between China and Kyrgyzstan started in December 2024.",
        # countries with no mode word before them are no line
        "Trade between China, Kyrgyzstan and Uzbekistan was opened to new goods in December 2024.",
        # no held line joins these three
        "Construction of the railway linking China, Tajikistan and Afghanistan started in "
        "December 2024.",
    ],
)
def test_countries_that_name_no_one_line(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == set()


def test_a_lines_countries_come_from_its_name_and_its_route(kb: KnowledgeBase) -> None:
    country_of = country_reader(gazetteer_for(kb))
    assert country_sets("Kazakhstan – Turkmenistan – Iran railway", ["kz", "tm"], country_of) == (
        frozenset({"kz", "tm", "ir"}),
    )
    assert country_sets("Vahdat – Yavan railway", ["tj", "cn"], country_of) == ()


@pytest.mark.parametrize(
    ("text", "project", "status"),
    [
        (
            "Актогайский ГОК введен в эксплуатацию в декабре 2015 года.",
            "prj-aktogay-copper",
            ProjectStatus.IN_SERVICE,
        ),
        (
            "Строительство Богутинского вольфрамового комбината началось в марте 2021 года.",
            "prj-boguty-tungsten",
            ProjectStatus.UNDER_CONSTRUCTION,
        ),
    ],
)
def test_a_project_named_by_its_adjective(
    kb: KnowledgeBase, text: str, project: str, status: ProjectStatus
) -> None:
    assert {(p, s) for p, s, _ in _events(kb, text)} == {(project, status)}


def test_a_places_adjective_before_another_noun_is_no_project(kb: KnowledgeBase) -> None:
    assert _events(kb, "Поезд прибыл на Актогайскую станцию, открытую в 2015 году.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Филиал Пекинского университета языка и культуры в Астане, торжественно открытый в "
        "2024 году, принял первых студентов.",
        "Открытый в 2024 году филиал Пекинского университета языка и культуры в Астане принял "
        "первых студентов.",
    ],
)
def test_a_participle_with_its_time_opens_the_project(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == {
        ("prj-blcu-kazakhstan-branch", ProjectStatus.IN_SERVICE, dt.date(2024, 1, 1))
    }


@pytest.mark.parametrize(
    "text",
    [
        # the participle is the older plant's, not the venture's
        "СП «Зарафшон» выросло из Таджикского золоторудного комбината, запущенного в 1990 году.",
        # an adjective, not a participle with its time
        "Компания «Зарафшон» — открытое акционерное общество в 2014 году.",
        # a future
        "Железная дорога Жезказган – Бейнеу будет построена в 2027 году.",
    ],
)
def test_participles_that_open_nothing(kb: KnowledgeBase, text: str) -> None:
    assert {s for _, s, _ in _events(kb, text)} - {ProjectStatus.UNDER_CONSTRUCTION} == set()


def test_built_in_a_year_is_in_service(kb: KnowledgeBase) -> None:
    assert _events(kb, "Железную дорогу Жезказган – Бейнеу построили ещё в 2014 году.") == {
        ("prj-zhezkazgan-beyneu-railway", ProjectStatus.IN_SERVICE, dt.date(2014, 1, 1))
    }


@pytest.mark.parametrize(
    "text",
    [
        # a fronted participle's noun is the terminal, not the road after it
        "Открытый в 2024 году терминал у дороги Жезказган – Бейнеу принимает контейнеры.",
        # the warehouse opened, not the plant it stands by
        "Запущенный в 2020 году склад у ГОК «Актогай» работает.",
        # the company's warehouse: "компании" does not agree with "открытый"
        "Открытый в 2024 году склад компании «Зарафшон» работает.",
    ],
)
def test_a_participle_of_another_noun_opens_nothing(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == set()


def test_a_plural_participle_after_a_comma_is_its_nouns(kb: KnowledgeBase) -> None:
    # the mines were launched in 1990; the venture "works" as the report is dated
    text = "СП «Зарафшон» работает с рудниками, запущенными в 1990 году."
    events = _events(kb, text)
    assert events, "the venture at work is still read"
    assert all(date.year != 1990 for _, _, date in events)


@pytest.mark.parametrize(
    "text",
    [
        # a genitive chain: the terminal is the port's, and the terminal opened
        "Открытый в 2020 году терминал порта Курык принимает паромы.",
        "Грузооборот введённого в эксплуатацию в 2020 году терминала порта Курык вырос вдвое.",
        # two nouns before an indeclinable abbreviation: the plant's warehouse, its second stage
        "Запущенный в 2020 году склад ГОК «Актогай» работает.",
        "Запущенная в 2017 году вторая очередь ГОК «Актогай» работает.",
        # a comma inside the run: a list whose first item opened
        "Построенная в 2020 году станция, дорога Жезказган – Бейнеу и порт Курык вошли в коридор.",
        # a plural participle of the line's stations
        "Построенные в 2014 году станции дороги Жезказган – Бейнеу принимают поезда.",
    ],
)
def test_a_fronted_participle_of_a_part_or_a_list_opens_nothing(
    kb: KnowledgeBase, text: str
) -> None:
    assert {s for _, s, _ in _events(kb, text)} - {ProjectStatus.UNDER_CONSTRUCTION} == set()


@pytest.mark.parametrize(
    ("text", "project", "date"),
    [
        # a part of the year before its number, a year in "-го"
        (
            "Введённая в эксплуатацию в конце 2014 года железная дорога Жезказган – Бейнеу "
            "принимает поезда.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2014, 1, 1),
        ),
        (
            "Введённая в эксплуатацию в декабре 2014-го железная дорога Жезказган – Бейнеу "
            "принимает поезда.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2014, 12, 1),
        ),
        # where it was built, between the time and the name
        (
            "Построенная в 2014 году в Мангистауской области железная дорога Жезказган – Бейнеу "
            "принимает поезда.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2014, 1, 1),
        ),
        # three of the name's own words
        (
            "Открытая в 2016 году новая железная дорога Жезказган – Бейнеу принимает поезда.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2016, 1, 1),
        ),
        # an indeclinable abbreviation is the name's own noun
        (
            "Введённый в эксплуатацию в 2017 году ГОК «Актогай» работает на полную мощность.",
            "prj-aktogay-copper",
            dt.date(2017, 1, 1),
        ),
        # with whose support
        (
            "Созданный в 2019 году при поддержке Китая ГОК «Актогай» работает.",
            "prj-aktogay-copper",
            dt.date(2019, 1, 1),
        ),
        # the first stage's opening puts the whole in service
        (
            "Запущенная в 2009 году первая нитка газопровода Центральная Азия – Китай работает.",
            "prj-ca-china-gas-pipeline-abc",
            dt.date(2009, 1, 1),
        ),
        # a parenthesis or a dash between the name and its participle after it
        (
            "Железная дорога Жезказган – Бейнеу (988 км), введённая в эксплуатацию в 2016 году, "
            "принимает поезда.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2016, 1, 1),
        ),
        (
            "Железная дорога Жезказган – Бейнеу — введённая в эксплуатацию в 2016 году "
            "магистраль длиной 988 км.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2016, 1, 1),
        ),
    ],
)
def test_a_participle_of_the_names_own_words_opens_the_project(
    kb: KnowledgeBase, text: str, project: str, date: dt.date
) -> None:
    assert _events(kb, text) == {(project, ProjectStatus.IN_SERVICE, date)}


def test_a_second_stage_does_not_open_the_whole(kb: KnowledgeBase) -> None:
    text = "Запущенная в 2012 году вторая нитка газопровода Центральная Азия – Китай работает."
    assert all(date.year != 2012 for _, _, date in _events(kb, text))


def test_a_resumption_in_the_future_is_not_taken(kb: KnowledgeBase) -> None:
    text = "Замороженное в 2015 году строительство дороги Жезказган – Бейнеу возобновят."
    assert _events(kb, text) == {
        ("prj-zhezkazgan-beyneu-railway", ProjectStatus.SUSPENDED, dt.date(2015, 1, 1))
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the name's own words between the time and the name agree with the participle
        (
            "Построенная в 2014 году железная дорога Жезказган – Бейнеу принимает поезда.",
            dt.date(2014, 1, 1),
        ),
        (
            "Построенная в 2014-м году железная дорога Жезказган – Бейнеу принимает поезда.",
            dt.date(2014, 1, 1),
        ),
    ],
)
def test_a_fronted_participle_with_the_names_own_noun_opens_the_line(
    kb: KnowledgeBase, text: str, date: dt.date
) -> None:
    assert _events(kb, text) == {("prj-zhezkazgan-beyneu-railway", ProjectStatus.IN_SERVICE, date)}


def test_a_fronted_participle_with_its_month_opens_the_project(kb: KnowledgeBase) -> None:
    text = (
        "Официально открытый в мае 2024 года «Филиал Пекинского университета языка и культуры "
        "в Астане» принял первых студентов."
    )
    assert _events(kb, text) == {
        ("prj-blcu-kazakhstan-branch", ProjectStatus.IN_SERVICE, dt.date(2024, 5, 1))
    }


def test_a_chained_name_gives_its_countries_around_its_mode_words(kb: KnowledgeBase) -> None:
    country_of = country_reader(gazetteer_for(kb))
    # a mode of two words after the chain
    assert country_sets("Kazakhstan – Turkmenistan – Iran railway line", [], country_of) == (
        frozenset({"kz", "tm", "ir"}),
    )
    # the crossed countries the same as the named ones: one set
    assert country_sets("China – Kyrgyzstan – Uzbekistan", ["cn", "kg", "uz"], country_of) == (
        frozenset({"cn", "kg", "uz"}),
    )
    # the mode words before the chain
    assert country_sets("Железная дорога Китай – Кыргызстан – Узбекистан", ["cn"], country_of) == (
        frozenset({"cn", "kg", "uz"}),
    )


def _projects(*labels: tuple[str, str]) -> Gazetteer:
    gazetteer = Gazetteer()
    for project_id, label in labels:
        gazetteer.add(Entry(EntryKind.PROJECT, project_id, label, alias=False))
    return gazetteer


@pytest.mark.parametrize("word", ["Актогайских", "Актогайским"])
def test_an_adjective_in_the_plural_names_its_project(word: str) -> None:
    gazetteer = _projects(("prj-a", "Актогай"))
    found = gazetteer.project_of_adjective(tokenise(word)[0].key)
    assert found is not None
    assert found.id == "prj-a"


def test_an_adjective_whose_stem_names_two_projects_names_none() -> None:
    # the shortest cut ("aktogay") names two projects; a longer one ("aktoga") one of its own
    gazetteer = _projects(("prj-a", "Aktogay"), ("prj-b", "Aktogay"), ("prj-c", "Актогай"))
    assert gazetteer.project_of_adjective(tokenise("Актогайский")[0].key) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Работы на Актогайских медных рудниках продолжаются.", True),
        ("Управление Актогайским ГОКом сменилось.", True),
        ("Работы на актогайском Горно-обогатительном Комбинате продолжаются.", False),
        ("На Актогайском Горно-обогатительном комбинате идут работы.", True),
        # "порт" is a noun of its own, not the start of "портфеля"
        ("Доля Актогайского портфеля выросла.", False),
    ],
)
def test_an_adjective_before_a_facility_noun(text: str, named: bool) -> None:
    gazetteer = _projects(("prj-a", "Актогай"))
    found = by_project_adjective(text, 0, len(text), [], gazetteer)
    assert bool(found) is named


@pytest.mark.parametrize(
    "text",
    [
        # any past passive participle of a completion says what its own noun is
        "СП «Зарафшон» выросло из Таджикского золоторудного комбината, введённого в "
        "эксплуатацию в 1990 году.",
        "СП «Зарафшон» выросло из комбината, сданного в эксплуатацию в 1990 году.",
        "Введённый в эксплуатацию в 2020 году склад у ГОК «Актогай» работает.",
    ],
)
def test_a_completion_participle_of_another_noun_opens_nothing(
    kb: KnowledgeBase, text: str
) -> None:
    assert {s for _, s, _ in _events(kb, text)} - {ProjectStatus.UNDER_CONSTRUCTION} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Введённая в эксплуатацию в 2014 году железная дорога Жезказган – Бейнеу принимает поезда.",
        "Железная дорога Жезказган – Бейнеу, введённая в эксплуатацию в 2014 году, принимает "
        "поезда.",
    ],
)
def test_a_completion_participle_of_the_line_opens_it(kb: KnowledgeBase, text: str) -> None:
    assert _events(kb, text) == {
        ("prj-zhezkazgan-beyneu-railway", ProjectStatus.IN_SERVICE, dt.date(2014, 1, 1))
    }


def test_a_present_participle_of_a_part_keeps_the_project_under_construction(
    kb: KnowledgeBase,
) -> None:
    text = "Министр осмотрел строящиеся объекты второй фазы паромного порта Курык."
    assert ("prj-kuryk-port-ferry-complex", ProjectStatus.UNDER_CONSTRUCTION) in {
        (p, s) for p, s, _ in _events(kb, text)
    }


def test_a_suspension_participle_before_the_works_of_the_line_suspends_it(
    kb: KnowledgeBase,
) -> None:
    text = "Приостановленное в 2015 году строительство дороги Жезказган – Бейнеу возобновили."
    assert ("prj-zhezkazgan-beyneu-railway", ProjectStatus.SUSPENDED) in {
        (p, s) for p, s, _ in _events(kb, text)
    }


def test_work_in_the_accusative_on_a_line_is_its_construction(kb: KnowledgeBase) -> None:
    text = "Работу на дороге Жезказган – Бейнеу продолжают строители."
    assert {(p, s) for p, s, _ in _events(kb, text)} == {
        ("prj-zhezkazgan-beyneu-railway", ProjectStatus.UNDER_CONSTRUCTION)
    }
