"""Categories of the seventh development set (issue #12), each checked with sentences written
for the test, in English and Russian."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.morphology import nominative_phrase
from caravan.model.enums import ProjectStatus
from caravan.model.proposals import EntityKind, FigureQuantity, ProposedAgreement, ProposedEntity
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _agreement_names(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]


# -- deals counted by their value are no named document -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At a fair in Xi'an, Kazakh and Chinese firms signed agreements worth $2 billion.",
        "На ярмарке в Сиане Казахстан и Китай заключили соглашения на сумму 2 млрд долларов.",
        "На ярмарке в Сиане Казахстан и Китай подписали соглашения более чем на 2 млрд долларов.",
    ],
)
def test_deals_summed_by_value_are_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreement_names(kb, text) == []


def test_a_document_on_a_topic_is_still_an_agreement(kb: KnowledgeBase) -> None:
    text = "Казахстан и Китай подписали соглашение о строительстве нового пункта пропуска."
    assert _agreement_names(kb, text) == ["Соглашение о строительстве нового пункта пропуска"]


# -- a quoted clause of a speaker is no title ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"After the vote we signed a roadmap that fixes every deadline," the minister said.',
        "«После голосования мы подписали дорожную карту, где расписаны все сроки», — сказал"
        " министр.",
    ],
)
def test_a_quoted_clause_is_no_title(kb: KnowledgeBase, text: str) -> None:
    names = _agreement_names(kb, text)
    assert not any("signed" in n or "подписали" in n for n in names), names


def test_a_quoted_title_is_still_a_title(kb: KnowledgeBase) -> None:
    text = 'The ministers signed the "Agreement on International Road Transport of Goods".'
    assert _agreement_names(kb, text) == ["Agreement on International Road Transport of Goods"]


# -- a document named before and then said to be signed is not a second document ------------


@pytest.mark.parametrize(
    "text",
    [
        "The parliament ratified the Agreement on the Construction of the Naryn Bridge.\n"
        "The agreement itself was signed in Beijing on 26 September 2024.",
        "Парламент ратифицировал Соглашение о строительстве моста через Нарын.\n"
        "Само соглашение было подписано в Пекине 26 сентября 2024 года.",
        "Парламент ратифицировал Соглашение о строительстве моста через Нарын.\n"
        "Это соглашение было подписано в Пекине 26 сентября 2024 года.",
    ],
)
def test_the_document_said_to_be_signed_is_the_one_named(kb: KnowledgeBase, text: str) -> None:
    names = _agreement_names(kb, text)
    assert not any("signed" in n or "подписано" in n or n in {"Соглашение"} for n in names), names


# -- a loanword head noun the dictionary lacks is declined by its adjectives ----------------


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("контейнерного хаба", "Контейнерный хаб"),
        ("транспортно-логистическим хабом", "Транспортно-логистический хаб"),
        ("логистическом хабе", "Логистический хаб"),
        ("сухого порта", "Сухой порт"),  # a known noun is read by the dictionary as before
    ],
)
def test_an_unknown_head_noun_takes_its_adjectives_case(phrase: str, nominative: str) -> None:
    assert nominative_phrase(phrase) == nominative


def test_an_unknown_noun_that_does_not_agree_is_left_as_written() -> None:
    assert nominative_phrase("новой хабы") == "новой хабы"


# -- a hub being built, said in the present plural ('который строят'), is a new project -----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The minister said the first stage of a container hub in the port of Aktau, which"
            " Chinese partners are building, will be finished by the end of the year.",
            "Container hub in the port of Aktau",
        ),
        (
            "Министр сообщил, что первую очередь контейнерного хаба в порту Актау, который строят"
            " вместе с китайскими партнёрами, закончат до конца года.",
            "Контейнерный хаб в порту Актау",
        ),
    ],
)
def test_a_hub_being_built_is_a_new_project(kb: KnowledgeBase, text: str, name: str) -> None:
    entities = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert (EntityKind.PROJECT, name) in [(e.entity_kind, e.name) for e in entities]


def test_a_hub_only_described_in_russian_is_no_new_project(kb: KnowledgeBase) -> None:
    text = "Министр сообщил, что контейнерный хаб в порту Актау каждый день принимает суда."
    entities = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert EntityKind.PROJECT not in {e.entity_kind for e in entities}


# -- a sum to be reached is a goal, not the year's trade ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last year Kazakhstan and China traded goods worth $44 billion, and both sides were"
        " confident of reaching the $50 billion set as a goal by their leaders.",
        "В прошлом году товарооборот Казахстана и Китая составил 44 млрд долларов, и стороны"
        " уверены в достижении 50 млрд долларов, поставленных лидерами.",
    ],
)
def test_a_sum_to_be_reached_is_no_trade(kb: KnowledgeBase, text: str) -> None:
    values = [f.value for f in figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)]
    assert values == [44e9]


# -- an average of trains run is traffic, not a crossing's capacity -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "From January to April 2025, an average of 26 trains a day passed through the Altynkol"
        " crossing.",
        "С января по апрель 2025 года через переход Алтынколь в среднем проходило 26 поездов в"
        " сутки.",
    ],
)
def test_an_average_of_trains_run_is_no_capacity(kb: KnowledgeBase, text: str) -> None:
    facts = proposals_from(kb, text)
    assert figures_in(facts, FigureQuantity.CAPACITY_TRAINS_PER_DAY) == []


def test_a_crossing_that_can_take_trains_a_day_still_has_a_capacity(kb: KnowledgeBase) -> None:
    text = "The Altynkol crossing can now handle 26 trains a day."
    values = [
        f.value
        for f in figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_TRAINS_PER_DAY)
    ]
    assert values == [26]


# -- documents picked out of a group signed just before are signed ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "During the visit the sides signed twelve documents. Among them is an agreement on"
            " technical assistance to Tajikistan.",
            "agreement on technical assistance to Tajikistan",
        ),
        (
            "Во время визита стороны подписали двенадцать документов. Среди главных — соглашение о"
            " технической помощи Таджикистану.",
            "Соглашение о технической помощи Таджикистану",
        ),
        (
            "Всего стороны подписали 12 документов. В пакет вошли и транспортные документы, среди"
            " них соглашение о строительстве нового моста.",
            "Соглашение о строительстве нового моста",
        ),
    ],
)
def test_a_document_among_those_signed_is_signed(kb: KnowledgeBase, text: str, name: str) -> None:
    assert [n.casefold() for n in _agreement_names(kb, text)] == [name.casefold()]


def test_a_document_among_those_discussed_is_not_signed(kb: KnowledgeBase) -> None:
    text = (
        "Во время визита стороны обсудили двенадцать документов. Среди главных — соглашение о"
        " технической помощи Таджикистану."
    )
    assert _agreement_names(kb, text) == []


# -- an office or venue opened is not the project opened ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The China-Kyrgyzstan-Uzbekistan railway is being designed.\n"
        "An office coordinating the works opened in Bishkek in January 2023.",
        "Железную дорогу Китай – Кыргызстан – Узбекистан проектируют.\n"
        "В январе 2023 года в Бишкеке открылся офис, координирующий работы.",
    ],
)
def test_an_office_opened_is_not_the_project_opened(kb: KnowledgeBase, text: str) -> None:
    statuses = [e.status for e in events_in(proposals_from(kb, text))]
    assert ProjectStatus.IN_SERVICE not in statuses


def test_a_press_office_reporting_an_opening_lends_the_project(kb: KnowledgeBase) -> None:
    text = (
        "The China-Kyrgyzstan-Uzbekistan railway was opened to traffic on 1 May 2030, the"
        " presidential press office said."
    )
    statuses = [e.status for e in events_in(proposals_from(kb, text))]
    assert ProjectStatus.IN_SERVICE in statuses


# -- bypasses of every synonym, and of a city in the genitive, being finished ---------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Область собирается построить Восточную объездную дорогу вокруг Шымкента.",
            "Объездная дорога вокруг Шымкента",  # a capitalised adjective before it is left out
        ),
        (
            "Министр сообщил, что обводную линию Шымкента в этом году достроят раньше срока.",
            "Обводная линия Шымкента",
        ),
        (
            "The region plans to build a bypass road around Shymkent this year.",
            "Bypass road around Shymkent",
        ),
    ],
)
def test_a_bypass_being_built_is_a_new_project(kb: KnowledgeBase, text: str, name: str) -> None:
    entities = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert (EntityKind.PROJECT, name) in [(e.entity_kind, e.name) for e in entities]


def test_a_bypass_only_named_is_no_new_project(kb: KnowledgeBase) -> None:
    text = "Грузовики идут по обводной линии Шымкента каждый день."
    entities = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedEntity)
    ]
    assert EntityKind.PROJECT not in {e.entity_kind for e in entities}
