"""Categories of the ninth development set (issue #12) for status events, figures and
agreements, each checked with sentences written for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.model.enums import ProjectStatus
from caravan.model.proposals import FigureQuantity, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- a signing "following the session" is placed and dated by that session, told earlier -------


_FILLER_EN = (
    " The delegations were led by the deputy prime ministers."
    " They noted that many tasks set at earlier rounds had been fulfilled."
    " Energy and transport were named the main areas of work."
    " The sides agreed to build up trade and farming."
)
_FILLER_RU = (
    " Делегации возглавили вице-премьеры."
    " Участники отметили, что многие задачи уже решены."
    " Главными направлениями названы энергетика и транспорт."
    " Стороны сошлись во мнении, что торговлю нужно наращивать."
)


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, March 12, the intergovernmental committee held its session in Ashgabat."
        + _FILLER_EN
        + " Following the session, Turkmenistan and China signed an agreement on customs"
        " cooperation.",
        "В среду, 12 марта, в Ашхабаде прошло заседание межправительственного комитета."
        + _FILLER_RU
        + " По итогам заседания Туркменистан и Китай подписали соглашение о таможенном"
        " сотрудничестве.",
    ],
)
def test_a_signing_following_a_meeting_told_far_back_is_there_that_day(
    kb: KnowledgeBase, text: str
) -> None:
    found = _agreements(kb, text)
    assert [(a.place_id, a.signed_on) for a in found] == [("tm-ashgabat", dt.date(2025, 3, 12))]


@pytest.mark.parametrize(
    "text",
    [
        "On March 12 the intergovernmental committee held its session in Ashgabat."
        + _FILLER_EN
        + " Following the talks, Turkmenistan and China signed an agreement on customs"
        " cooperation.",
        "12 марта в Ашхабаде прошло заседание межправительственного комитета."
        + _FILLER_RU
        + " По итогам переговоров Туркменистан и Китай подписали соглашение о таможенном"
        " сотрудничестве.",
    ],
)
def test_a_meeting_of_another_kind_places_nothing(kb: KnowledgeBase, text: str) -> None:
    found = _agreements(kb, text)
    assert [(a.place_id, a.signed_on) for a in found] == [(None, None)]


# -- "the agreement" signed on a day or at a place of its own is the one named before ---------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Parliament has ratified the intergovernmental agreement with Kyrgyzstan on"
            " veterinary inspection. The two governments concluded the agreement in April 2024"
            " in Beijing, the deputy minister recalled.",
            "Intergovernmental agreement with Kyrgyzstan on veterinary inspection",
        ),
        (
            "Парламент ратифицировал межправительственное соглашение с Кыргызстаном о"
            " ветеринарном контроле. Правительства двух стран заключили соглашение в апреле"
            " 2024 года в Пекине, напомнил замминистра.",
            "Межправительственное соглашение с Кыргызстаном о ветеринарном контроле",
        ),
    ],
)
def test_the_agreement_signed_later_in_the_text_is_the_one_named_before(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    found = _agreements(kb, text)
    assert [(a.name, a.signed_on, a.place_id) for a in found] == [
        (name, dt.date(2024, 4, 1), "cn-beijing")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no day or place of its own: nothing new to say of the document
        "Parliament has ratified the intergovernmental agreement with Kyrgyzstan on veterinary"
        " inspection. The two governments concluded the agreement after long talks.",
        "Парламент ратифицировал межправительственное соглашение с Кыргызстаном о ветеринарном"
        " контроле. Правительства заключили соглашение после долгих переговоров.",
        # nothing named before by what it is about
        "Parliament met on Tuesday. The two governments concluded the agreement in April 2024"
        " in Beijing.",
    ],
)
def test_the_agreement_refers_back_only_with_news_and_an_antecedent(
    kb: KnowledgeBase, text: str
) -> None:
    assert _agreements(kb, text) == []


def test_an_antecedent_signed_in_its_own_sentence_is_not_proposed_twice(
    kb: KnowledgeBase,
) -> None:
    text = (
        "In April 2024 the two governments signed an intergovernmental agreement with"
        " Kyrgyzstan on veterinary inspection. They concluded the agreement in Beijing."
    )
    found = _agreements(kb, text)
    assert [a.name for a in found] == [
        "Intergovernmental agreement with Kyrgyzstan on veterinary inspection"
    ]


# -- trade "between" a state and a province is no two states' trade ---------------------------


def _trade(kb: KnowledgeBase, text: str) -> list[tuple[str | None, float]]:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return [(f.partner_id, f.value) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Uzbekistan and Gansu reached 1.5 billion US dollars last year.",
        "Товарооборот между Узбекистаном и Ганьсу в прошлом году достиг 1,5 миллиарда долларов.",
    ],
)
def test_trade_between_a_state_and_a_province_is_not_proposed(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Uzbekistan and China reached 1.5 billion US dollars last year.",
        "Товарооборот между Узбекистаном и Китаем в прошлом году достиг 1,5 миллиарда долларов.",
    ],
)
def test_trade_between_two_states_is_still_proposed(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [("uz", 1.5e9)]


# -- papers signed on a line in service for years are about its use, not an agreement to build -


def _agreed(kb: KnowledgeBase, text: str) -> list[tuple[str, int]]:
    found = events_in(proposals_from(kb, text))
    return [(e.project_id, e.date.year) for e in found if e.status is ProjectStatus.AGREED]


@pytest.mark.parametrize(
    "text",
    [
        "In March 2021 Kazakhstan and China signed a memorandum on the Zhezkazgan-Beyneu railway.",
        "В марте 2021 года Таджикистан и Китай подписали соглашение по железной дороге Вахдат —"
        " Яван.",
    ],
)
def test_a_signing_on_a_line_long_in_service_agrees_nothing(kb: KnowledgeBase, text: str) -> None:
    assert _agreed(kb, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In March 2012 Kazakhstan and China signed a memorandum on the Zhezkazgan-Beyneu"
            " railway.",
            [("prj-zhezkazgan-beyneu-railway", 2012)],
        ),
        (
            "В июне 2024 года Китай, Кыргызстан и Узбекистан подписали соглашение по железной"
            " дороге Китай — Кыргызстан — Узбекистан.",
            [("prj-cku-railway", 2024)],
        ),
    ],
)
def test_a_signing_before_the_opening_or_on_a_line_not_built_agrees_it(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, int]]
) -> None:
    assert _agreed(kb, text) == expected


# -- the verb "trades" / "торгует" says trade as the noun does ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 Kazakhstan trades most with China: $30.1 billion.",
        "В 2024 году больше всех торгует с Китаем Казахстан — 30,1 миллиарда долларов.",
    ],
)
def test_the_verb_of_trading_cues_a_trade_value(kb: KnowledgeBase, text: str) -> None:
    assert _trade(kb, text) == [("kz", 30.1e9)]


# -- a fair or a forum that opens is an event held, not a project put into service -------------


def _opened(kb: KnowledgeBase, text: str) -> list[tuple[str, dt.date]]:
    found = events_in(proposals_from(kb, text))
    return [(e.project_id, e.date) for e in found if e.status is ProjectStatus.IN_SERVICE]


@pytest.mark.parametrize(
    "text",
    [
        "The Khorgos Gateway dry port was built in 2015. The 27th Khorgos Trade Fair opened there"
        " on Oct. 22, 2024.",
        "Сухой порт «Хоргос – Восточные ворота» построен в 2015 году. 22 октября 2024 года в"
        " порту открылась 27-я торговая ярмарка.",
    ],
)
def test_a_fair_that_opened_opens_no_project(kb: KnowledgeBase, text: str) -> None:
    assert ("prj-khorgos-gateway-dry-port", dt.date(2024, 10, 22)) not in _opened(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Zhezkazgan-Beyneu railway opened at the summit on 22 August 2014.",
        "Железная дорога Жезказган — Бейнеу открылась на форуме 22 августа 2014 года.",
    ],
)
def test_a_project_opened_at_an_event_is_still_opened(kb: KnowledgeBase, text: str) -> None:
    assert _opened(kb, text) == [("prj-zhezkazgan-beyneu-railway", dt.date(2014, 8, 22))]


# -- a ranking of partners with no year: a dash gives the level, the list runs on ---------------


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with Central Asia grew again. Kazakhstan trades most with China: $30.1"
        " billion. Uzbekistan is second with $18 billion.",
        "Взаимная торговля Китая и стран Центральной Азии выросла. Больше всех торгует с Китаем"
        " Казахстан — 30,1 миллиарда долларов. Второе место у Узбекистана — 18 миллиардов"
        " долларов.",
    ],
)
def test_an_undated_ranking_reads_as_the_last_whole_year(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.partner_id, f.value, f.year) for f in found] == [
        ("kz", 30.1e9, 2024),
        ("uz", 18e9, 2024),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "China's trade with Central Asia grew again. Uzbekistan is second with $18 billion.",
        "Торговля Китая со странами Центральной Азии снова выросла. На втором месте Узбекистан с"
        " 18 миллиардами долларов.",
    ],
)
def test_a_list_whose_head_gives_no_level_takes_no_year(kb: KnowledgeBase, text: str) -> None:
    assert figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD) == []


# -- a document named by the nouns before it and a relative clause of who signed it -------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kazakh carriers now use permits under the road transportation agreement that"
            " Kazakhstan signed with China last year.",
            "Road transportation agreement between Kazakhstan and China",
        ),
        (
            "Перевозчики пользуются разрешениями по соглашению об автомобильных перевозках,"
            " которое Казахстан подписал с Китаем в прошлом году.",
            "Соглашение об автомобильных перевозках",
        ),
    ],
)
def test_a_document_signed_in_a_relative_clause(kb: KnowledgeBase, text: str, name: str) -> None:
    found = _agreements(kb, text)
    assert [(a.name, a.signed_on) for a in found] == [(name, dt.date(2024, 1, 1))]


def test_a_bare_document_in_a_relative_clause_is_not_named(kb: KnowledgeBase) -> None:
    text = "Kazakh carriers use the agreement that Kazakhstan signed with China last year."
    assert _agreements(kb, text) == []
