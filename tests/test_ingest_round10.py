"""Categories of the tenth development set (issue #12) for status events, figures and
agreements, each checked with sentences written for the test, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.analysis.ingest.project_place_names import respelled_names
from caravan.model.enums import AgreementKind, ProjectStatus
from caravan.model.proposals import FigureQuantity, FlagCode, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import events_in, figures_in, proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


# -- a document about a meeting is not placed or dated by that meeting ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 the bank said its annual meeting would be held in Samarkand on September 25."
        " During the visit, the bank and the Government of Uzbekistan signed the memorandum on"
        " hosting that meeting.",
        "В 2023 году банк сообщил, что его ежегодная встреча пройдет в Самарканде 25 сентября."
        " Во время визита банк и правительство Узбекистана подписали меморандум о проведении"
        " этой встречи.",
    ],
)
def test_a_document_about_a_meeting_is_not_signed_at_that_meeting(
    kb: KnowledgeBase, text: str
) -> None:
    found = _agreements(kb, text)
    assert found, "the memorandum itself is still proposed"
    assert all(a.place_id != "uz-samarkand" for a in found)
    assert all(a.signed_on != dt.date(2023, 9, 25) for a in found)
    assert all(a.agreement_id is None for a in found)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Samarkand on September 25. Following the meeting, Uzbekistan and"
        " China signed a memorandum on customs cooperation.",
        "Министры встретились в Самарканде 25 сентября. По итогам встречи Узбекистан и Китай"
        " подписали меморандум о таможенном сотрудничестве.",
    ],
)
def test_a_document_signed_after_a_meeting_is_still_placed_there(
    kb: KnowledgeBase, text: str
) -> None:
    found = _agreements(kb, text)
    assert [a.place_id for a in found] == ["uz-samarkand"]


# -- an investment or cooperation programme is a document kind ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On January 24 in Beijing the bank and Uzbekistan signed a three-year investment"
        " programme for the country's regions.",
        "24 января в Пекине банк и Узбекистан подписали трехлетнюю инвестиционную программу"
        " для регионов страны.",
    ],
)
def test_a_signed_investment_programme_is_an_agreement(kb: KnowledgeBase, text: str) -> None:
    found = _agreements(kb, text)
    assert [(a.agreement_kind, a.signed_on) for a in found] == [
        (AgreementKind.PROGRAMME, dt.date(2025, 1, 24))
    ]
    assert found[0].place_id == "cn-beijing"


@pytest.mark.parametrize(
    "text",
    [
        "On January 24 in Beijing the bank and Uzbekistan discussed a three-year investment"
        " programme for the country's regions.",
        "24 января в Пекине банк и Узбекистан обсудили трехлетнюю инвестиционную программу"
        " для регионов страны.",
    ],
)
def test_a_programme_only_discussed_is_no_agreement(kb: KnowledgeBase, text: str) -> None:
    assert _agreements(kb, text) == []


# -- a trade value's owner: the world's trade of one state, or a third state's trade --------


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 China was Uzbekistan's largest trading partner, with trade of $13.7 billion."
        " Uzbekistan's foreign trade reached $62.6 billion in the year.",
        "В 2023 году Китай был крупнейшим торговым партнером Узбекистана, товарооборот составил"
        " 13,7 млрд долларов. Внешняя торговля Узбекистана за год достигла 62,6 млрд долларов.",
    ],
)
def test_a_states_foreign_trade_is_not_trade_with_china(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [f.value for f in found] == [13.7e9]


@pytest.mark.parametrize(
    "text",
    [
        "Uzbekistan's foreign trade with China reached $13.7 billion in 2023.",
        "Внешняя торговля Узбекистана с Китаем в 2023 году достигла 13,7 млрд долларов.",
    ],
)
def test_foreign_trade_with_china_named_is_still_read(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.value, f.partner_id, f.year) for f in found] == [(13.7e9, "uz", 2023)]


@pytest.mark.parametrize(
    "text",
    [
        "China became Uzbekistan's largest trading partner in 2023."
        " In 2022 Russia's trade with Uzbekistan was $9.4 billion, and China came second.",
        "Китай стал крупнейшим торговым партнером Узбекистана в 2023 году."
        " В 2022 году товарооборот России с Узбекистаном составил 9,4 млрд долларов, а Китай был"
        " вторым.",
    ],
)
def test_a_third_states_trade_is_not_chinas(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.value, f.partner_id) for f in found] == []


@pytest.mark.parametrize(
    "text",
    [
        "China became Uzbekistan's largest trading partner in 2023."
        " In 2022 Russia's trade with Uzbekistan was $9.4 billion, while China's was $9 billion.",
        "Китай стал крупнейшим торговым партнером Узбекистана в 2023 году."
        " В 2022 году товарооборот России с Узбекистаном составил 9,4 млрд долларов, а у Китая —"
        " 9 млрд долларов.",
    ],
)
def test_chinas_trade_after_a_third_states_is_read(kb: KnowledgeBase, text: str) -> None:
    found = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    assert [(f.value, f.partner_id, f.year) for f in found] == [(9e9, "uz", 2022)]


# -- a project named after a place is named by any spelling of that place ------------------


def test_a_place_in_a_name_is_respelt_in_its_own_script() -> None:
    spellings = {
        "khorgos": ["Khorgos", "Хоргос", "Horgos", "Huoerguosi"],
        "жезказган": ["Жезказган", "Jezkazgan", "Джезказган"],
    }
    latin = list(respelled_names("Khorgos International Centre", spellings))
    cyrillic = list(respelled_names("Жезказган–Бейнеу", spellings))
    assert latin == ["Horgos International Centre", "Huoerguosi International Centre"]
    assert cyrillic == ["Джезказган–Бейнеу"]


@pytest.mark.parametrize(
    ("text", "project_id", "day"),
    [
        (
            "The China-Kazakhstan Huoerguosi International Border Cooperation Center officially"
            " began operations in April 2012.",
            "prj-khorgos-icbc",
            dt.date(2012, 4, 1),
        ),
        (
            "В декабре 2016 года введена в эксплуатацию железная дорога Джезказган–Бейнеу.",
            "prj-zhezkazgan-beyneu-railway",
            dt.date(2016, 12, 1),
        ),
    ],
)
def test_a_project_named_with_another_spelling_of_its_place_is_resolved_and_flagged(
    kb: KnowledgeBase, text: str, project_id: str, day: dt.date
) -> None:
    facts = proposals_from(kb, text)
    found = events_in(facts)
    assert [(e.project_id, e.status, e.date) for e in found] == [
        (project_id, ProjectStatus.IN_SERVICE, day)
    ]
    flags = [f.code for fact in facts for f in fact.flags]
    assert FlagCode.SPELLING_VARIANT in flags


# -- a law ratifying a document is not its signing; the document's own signing told after ---


@pytest.mark.parametrize(
    ("text", "name_start"),
    [
        (
            "President Japarov signed a law ratifying the Agreement between the Cabinet of"
            " Ministers of Kyrgyzstan and the Government of China on Building the Friendship"
            " Bridge. The agreement itself was signed in Beijing on 26 September 2024.",
            "Agreement between the Cabinet of Ministers of Kyrgyzstan",
        ),
        (
            "Президент Жапаров подписал закон о ратификации Соглашения между Кабинетом министров"
            " Кыргызской Республики и Правительством КНР о строительстве моста дружбы. Само"
            " соглашение было подписано в Пекине 26 сентября 2024 года.",
            "Соглашение между Кабинетом министров Кыргызской Республики",
        ),
    ],
)
def test_a_ratified_document_takes_the_signing_told_after_it(
    kb: KnowledgeBase, text: str, name_start: str
) -> None:
    found = _agreements(kb, text)
    assert [(a.signed_on, a.place_id) for a in found] == [(dt.date(2024, 9, 26), "cn-beijing")]
    assert found[0].name.startswith(name_start)


@pytest.mark.parametrize(
    "text",
    [
        "President Japarov signed a law ratifying the Agreement between Kyrgyzstan and China on"
        " the Friendship Bridge.",
        "Президент Жапаров подписал закон о ратификации Соглашения между Кыргызстаном и Китаем о"
        " мосте дружбы.",
    ],
)
def test_signing_a_law_is_not_signing_the_document_it_ratifies(
    kb: KnowledgeBase, text: str
) -> None:
    assert _agreements(kb, text) == []


# -- a short participle is the predicate, not part of a document's name ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyrgyzstan will mine coal at these deposits together with China: the relevant bilateral"
        " agreements have already been signed.",
        "Добывать уголь на этих месторождениях Кыргызстан будет вместе с Китаем — соответствующие"
        " двусторонние соглашения уже подписаны.",
    ],
)
def test_documents_said_to_be_signed_already_name_no_document(kb: KnowledgeBase, text: str) -> None:
    names = [a.name for a in _agreements(kb, text)]
    assert not any("signed" in n or "подписан" in n for n in names)
    assert names == []
