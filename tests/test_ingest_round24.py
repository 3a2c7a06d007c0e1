"""Readings of round 24 (issue #12), written from the missed status events of the development
sets. Each is checked with sentences written for the test, and with the reading it must not
make."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, events_in, proposals_from

LINE_D, CKU = (
    "prj-ca-china-gas-pipeline-line-d",
    "prj-cku-railway",
)
AGREED = ProjectStatus.AGREED


def _events(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus, dt.date]]:
    return {(e.project_id, e.status, e.date) for e in events_in(proposals_from(kb, text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the topic of a dated signing, however many parties stand between verb and noun
        (
            "В сентябре 2013 года правительство Китая подписало с Узбекистаном, Таджикистаном и "
            "Кыргызстаном межправительственные соглашения о строительстве линии D.",
            {(LINE_D, AGREED, dt.date(2013, 9, 1))},
        ),
        # the agreement named again after its signing: what it covers is agreed that day
        (
            "The Cabinet of Ministers of Kyrgyzstan and the railway company signed an investment "
            "agreement in Bishkek on December 21, 2024. The agreement covers the design, "
            "construction, financing and operation of the China–Kyrgyzstan–Uzbekistan railway.",
            {(CKU, AGREED, dt.date(2024, 12, 21))},
        ),
        (
            "Министерства транспорта Кыргызстана и Китая подписали меморандум о сотрудничестве 18 мая "
            "2023 года в Бишкеке. Документ "
            "предусматривает строительство железной дороги Китай – Кыргызстан – Узбекистан.",
            {(CKU, AGREED, dt.date(2023, 5, 18))},
        ),
    ],
)
def test_a_project_an_agreement_is_about_is_agreed_on_its_day(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert expected <= _events(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # the project is not the agreement's topic: a clause of its own
        "В сентябре 2013 года правительство Китая подписало с Узбекистаном, Таджикистаном и "
        "Кыргызстаном соглашения о поставках газа, который пойдёт по линии D.",
        # no signing read with a date before the agreement is named again
        "The agreement covers the design and construction of the China–Kyrgyzstan–Uzbekistan "
        "railway.",
        # a line in service for years: papers on its use do not agree it again
        "In May 2023 the two governments signed an agreement on the Vahdat – Yavan railway's "
        "maintenance.",
    ],
)
def test_no_agreed_event_without_a_dated_signing_on_the_project(
    kb: KnowledgeBase, text: str
) -> None:
    assert not {e for e in _events(kb, text) if e[1] is AGREED}


ABC, ICBC, LUBAN_TJ, KURYK, KATPAR, ANGREN_PAP = (
    "prj-ca-china-gas-pipeline-abc",
    "prj-khorgos-icbc",
    "prj-luban-workshop-tajikistan",
    "prj-kuryk-port-ferry-complex",
    "prj-katpar-kairakty-tungsten",
    "prj-angren-pap-railway",
)
IN_SERVICE, BUILDING = ProjectStatus.IN_SERVICE, ProjectStatus.UNDER_CONSTRUCTION
DOSTYK_MOYINTY = "prj-dostyk-moyinty-second-track"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun as the subject of the clause: the name before it
        (
            "Shoppers crowd the Khorgos ICBC, which has drawn tourists from both sides since it "
            "was launched in 2012.",
            {(ICBC, IN_SERVICE, dt.date(2012, 1, 1))},
        ),
        # a word for a kind as the clause's subject, after the one project named
        (
            "He first visited the Luban Workshop in Tajikistan in 2022, when the facility was "
            "still under construction.",
            {(LUBAN_TJ, BUILDING, dt.date(2022, 1, 1))},
        ),
        # the opening named as a noun, with its time
        (
            "С момента открытия в 2009 году по газопроводу Туркменистан – Китай прошло более "
            "400 млрд кубометров газа.",
            {(ABC, IN_SERVICE, dt.date(2009, 1, 1))},
        ),
        (
            "More than 400 bcm of gas has flowed through the Turkmenistan–China gas pipeline "
            "since its opening in 2009.",
            {(ABC, IN_SERVICE, dt.date(2009, 1, 1))},
        ),
        # trains set going on a line
        (
            "On 27 August 2016 the first passenger train left Tashkent for Andijan along the "
            "Angren – Pap railway.",
            {(ANGREN_PAP, IN_SERVICE, dt.date(2016, 8, 27))},
        ),
        # a phase of the works going on
        (
            "Сейчас идет вторая фаза строительства порта Курык.",
            {(KURYK, BUILDING, DOCUMENT_DAY)},
        ),
        # a second name and date with the verb left out
        (
            "Line A went into operation in December 2009 and Line B in October 2010.",
            {(ABC, IN_SERVICE, dt.date(2009, 12, 1)), (ABC, IN_SERVICE, dt.date(2010, 10, 1))},
        ),
        # "тогда" points back to the time the sentence gave
        (
            "В 2018 году к Северному Катпару проявила интерес китайская компания: по данным "
            "источников, тогда с ней заключили рамочный договор.",
            {(KATPAR, AGREED, dt.date(2018, 1, 1))},
        ),
    ],
)
def test_a_step_said_with_its_subject_elsewhere_or_its_verb_left_out(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert expected <= _events(kb, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a pronoun with two projects named: no guess by the kind word
        (
            "The Khorgos ICBC and the Angren – Pap railway were discussed in 2022, when the "
            "line was still under construction.",
            (ICBC, BUILDING),
        ),
        # a future of trains, and a second name with a verb of its own
        ("По линии Ангрен – Пап пойдут поезда в 2016 году.", (ANGREN_PAP, IN_SERVICE)),
    ],
)
def test_no_step_where_the_subject_or_the_time_is_not_the_projects(
    kb: KnowledgeBase, text: str, unexpected: tuple[str, ProjectStatus]
) -> None:
    assert unexpected not in {(e[0], e[1]) for e in _events(kb, text)}


def test_a_bare_status_phrase_after_a_sentence_that_referred_back_to_the_line(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Ministers met in Tashkent to review the China–Kyrgyzstan–Uzbekistan railway. "
        "Officials from the three states attended. Uzbekistan puts the length of the line at "
        "532 km. For now the builders are boring tunnels, at a cost of $2 billion."
    )
    proposals = proposals_from(kb, text)
    assert (CKU, BUILDING) in {(e.project_id, e.status) for e in events_in(proposals)}
    # lent to the status phrase alone: the cost in the same sentence is not the line's
    assert not [
        p
        for p in proposals
        if p.kind.value == "figure" and getattr(p.payload, "value", None) == 2_000_000_000
    ]


def test_no_status_phrase_is_lent_when_no_sentence_referred_back(kb: KnowledgeBase) -> None:
    text = (
        "Ministers met in Tashkent to review the China–Kyrgyzstan–Uzbekistan railway. "
        "Officials from the three states attended. The delegations then visited a museum. "
        "For now the builders are boring tunnels."
    )
    assert (CKU, BUILDING) not in {(e[0], e[1]) for e in _events(kb, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Since the Turkmenistan-China transnational gas pipeline was commissioned in 2009, "
            "more than a billion cubic metres of gas have been exported through it every year.",
            {(ABC, IN_SERVICE, dt.date(2009, 1, 1))},
        ),
        (
            "The Turkmenistan-China strategic gas pipeline was put into operation in December 2009.",
            {(ABC, IN_SERVICE, dt.date(2009, 12, 1))},
        ),
    ],
)
def test_a_held_name_with_a_describing_word_inside_is_the_held_line(
    kb: KnowledgeBase, text: str, expected: set[tuple[str, ProjectStatus, dt.date]]
) -> None:
    assert expected <= _events(kb, text)


def test_a_line_noun_describing_a_train_names_no_line(kb: KnowledgeBase) -> None:
    text = (
        "On 16 January 2023 the first China-Kyrgyzstan-Uzbekistan combined railway international "
        "train left Lanzhou for Uzbekistan, a route opened by the city's port."
    )
    assert CKU not in {e[0] for e in _events(kb, text)}


def test_a_run_of_bare_status_phrases_stays_with_the_line(kb: KnowledgeBase) -> None:
    text = (
        "Вторые пути строят на участке Достык–Мойынты. Работы начались в начале 2023 года. "
        "С тех пор отсыпано около 8 миллионов кубометров грунта."
    )
    read = [e for e in events_in(proposals_from(kb, text)) if e.status is BUILDING]
    # the second phrase dates the start; the third, undated, is a state as of the report
    assert {e.date for e in read if e.project_id == DOSTYK_MOYINTY} >= {
        dt.date(2023, 1, 1),
        DOCUMENT_DAY,
    }


def test_works_said_to_be_ongoing_before_their_object(kb: KnowledgeBase) -> None:
    text = (
        "CNPC drilled three wells at the Galkynysh field in July 2021 as part of the ongoing "
        "work on the stage-by-stage development of the field."
    )
    assert ("prj-galkynysh-gas-field", BUILDING) in {(e[0], e[1]) for e in _events(kb, text)}
    assert not _events(kb, "Ongoing work on the agenda of the summit was discussed in 2021.")


def test_a_university_that_now_has_a_branch(kb: KnowledgeBase) -> None:
    text = "Beijing Language and Culture University now has a branch campus in Astana."
    assert ("prj-blcu-kazakhstan-branch", IN_SERVICE, DOCUMENT_DAY) in _events(kb, text)
    later = "Beijing Language and Culture University plans to have a branch campus in Astana."
    assert ("prj-blcu-kazakhstan-branch", IN_SERVICE) not in {
        (e[0], e[1]) for e in _events(kb, later)
    }
