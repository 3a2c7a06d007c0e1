"""Readings of round 24: agreements and figures the development sets' texts word in ways read
before by no rule. Each is checked with sentences written for the test, and with the reading it
must not make."""

from __future__ import annotations

import datetime as dt

from caravan.model.proposals import FigureQuantity, ProposedAgreement
from caravan.store import KnowledgeBase
from ingest_helpers import figures_in, proposals_from


def _agreements(kb: KnowledgeBase, text: str) -> list[ProposedAgreement]:
    return [f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)]


def test_a_ratified_agreement_was_signed_before(kb: KnowledgeBase) -> None:
    text = (
        "On 12 March the lower house of parliament ratified the investment agreement between "
        "the government of Tajikistan and a Chinese cement company on two new plants."
    )
    (found,) = _agreements(kb, text)
    assert found.name.startswith("Investment agreement between the government of Tajikistan")
    assert found.signed_on is None  # the day is the ratification's, not the signing's


def test_a_ratified_agreement_in_russian(kb: KnowledgeBase) -> None:
    text = (
        "25 февраля нижняя палата парламента ратифицировала инвестиционное соглашение между "
        "правительством Таджикистана и китайской горнорудной компанией."
    )
    (found,) = _agreements(kb, text)
    assert found.name.startswith("Инвестиционное соглашение между правительством")
    assert found.signed_on is None


def test_a_ratified_agreement_whose_signing_is_told_after_is_named_there(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Kazakhstan's Senate has ratified the intergovernmental agreement with China on "
        "international road transportation. The two governments concluded the agreement in "
        "May 2023 in Xi'an."
    )
    found = _agreements(kb, text)
    assert found
    assert all(a.signed_on == dt.date(2023, 5, 1) for a in found)


def test_a_law_ratified_is_no_document_ratified(kb: KnowledgeBase) -> None:
    text = "The lower house of parliament ratified the amendments to the tax code on Tuesday."
    assert _agreements(kb, text) == []


def test_contracts_to_build_one_facility_are_one_document(kb: KnowledgeBase) -> None:
    text = (
        "In June 2004 Lanzhou University and the Tashkent State Institute of Oriental Studies "
        "signed contracts to build the first Confucius Institute in Tashkent."
    )
    (found,) = _agreements(kb, text)
    assert found.name.startswith("Contracts to build the first Confucius Institute")
    assert found.signed_on == dt.date(2004, 6, 1)


def test_contracts_on_several_topics_are_no_one_document(kb: KnowledgeBase) -> None:
    text = "In June 2004 the two universities signed contracts on teaching, research and exchanges."
    assert _agreements(kb, text) == []


def test_a_signer_with_its_short_name_in_brackets(kb: KnowledgeBase) -> None:
    text = (
        "Uzbekneftegaz and the Export-Import Bank of China (China Exim Bank) have signed a "
        "cooperation agreement."
    )
    (found,) = _agreements(kb, text)
    assert found.name == (
        "Cooperation agreement between Uzbekneftegaz and the Export-Import Bank of China"
    )


_VISIT = (
    "Во время визита президента в Китай стороны подписали десять документов. Среди главных — "
    "соглашение о безвозмездной помощи Кыргызстану. "
)
_MET = "Президенты встретились 31 августа в Тяньцзине."


def test_a_document_of_a_visit_takes_the_day_and_place_of_its_meeting(kb: KnowledgeBase) -> None:
    (found,) = _agreements(kb, _VISIT + _MET)
    assert found.signed_on is not None
    assert (found.signed_on.month, found.signed_on.day) == (8, 31)
    assert found.place_id == "cn-tianjin"


def test_a_document_of_no_visit_is_not_placed_by_a_meeting_after(kb: KnowledgeBase) -> None:
    text = "Стороны подписали соглашение о безвозмездной помощи Кыргызстану. " + _MET
    (found,) = _agreements(kb, text)
    assert (found.signed_on, found.place_id) == (None, None)


def test_a_participle_says_what_the_document_does(kb: KnowledgeBase) -> None:
    text = (
        "Xi had signed an agreement setting up the terminal during his September 2013 visit to "
        "Kazakhstan."
    )
    (found,) = _agreements(kb, text)
    assert found.name == "Agreement setting up the terminal"
    assert found.signed_on == dt.date(2013, 9, 1)


def test_a_declaration_proclaiming_sister_cities(kb: KnowledgeBase) -> None:
    text = "A declaration proclaiming Qingdao and Dushanbe sister cities was signed in Dushanbe."
    (found,) = _agreements(kb, text)
    assert found.name == "Declaration proclaiming Qingdao and Dushanbe sister cities"


def test_a_document_approving_a_study_that_was_not_signed_is_not_read(kb: KnowledgeBase) -> None:
    text = "Experts discussed a memorandum approving the feasibility study of the new line."
    assert _agreements(kb, text) == []


def test_a_development_programme_is_a_document(kb: KnowledgeBase) -> None:
    text = "Karimov and Xi also signed a strategic partnership development program for 2014-2018."
    (found,) = _agreements(kb, text)
    assert found.name == "Strategic partnership development program for 2014-2018"


def test_a_programme_approved_after_a_document_signed(kb: KnowledgeBase) -> None:
    text = (
        "По итогам переговоров лидеры подписали Совместное заявление и утвердили Программу "
        "развития всестороннего стратегического партнёрства на 2023–2027 годы."
    )
    names = {a.name for a in _agreements(kb, text)}
    assert "Совместное заявление" in names
    assert any(n.startswith("Программа развития всестороннего") for n in names)


def test_a_development_programme_told_of_but_not_signed(kb: KnowledgeBase) -> None:
    text = "The government discussed a regional development program for 2024-2028."
    assert _agreements(kb, text) == []


def _daily_capacity(kb: KnowledgeBase, text: str) -> set[tuple[str | None, float]]:
    facts = figures_in(proposals_from(kb, text), FigureQuantity.CAPACITY_VEHICLES_PER_DAY)
    return {(f.subject_id, f.value) for f in facts}


def test_what_a_crossing_will_handle_is_its_capacity(kb: KnowledgeBase) -> None:
    text = (
        "Due for completion by July 2026, the Zhibek Zholy checkpoint will handle up to 70,000 "
        "people and 2,000 vehicles per day."
    )
    assert _daily_capacity(kb, text) == {("bcp-saryagash-keles-road", 2000.0)}


def test_what_a_crossing_is_expected_to_handle_is_no_capacity(kb: KnowledgeBase) -> None:
    text = "The Zhibek Zholy checkpoint is expected to handle up to 2,000 vehicles per day."
    assert _daily_capacity(kb, text) == set()


def _trade(kb: KnowledgeBase, text: str) -> set[tuple[str | None, float]]:
    facts = figures_in(proposals_from(kb, text), FigureQuantity.TRADE_VALUE_USD)
    return {(f.partner_id, f.value) for f in facts}


def test_trade_one_mode_of_transport_carried_is_a_part(kb: KnowledgeBase) -> None:
    text = (
        "Trade between China and Kazakhstan carried by China-Europe freight trains reached "
        "781 million U.S. dollars in 2024."
    )
    assert _trade(kb, text) == set()


def test_trade_between_two_countries_is_read(kb: KnowledgeBase) -> None:
    text = "Trade between China and Kazakhstan reached 781 million U.S. dollars in 2024."
    assert _trade(kb, text) == {("kz", 781e6)}


def test_trade_with_a_province_after_the_owning_state_is_a_part(kb: KnowledgeBase) -> None:
    text = (
        "В 2024 году товарооборот Казахстана с СУАР достиг $22 млрд, а общий объем торговли "
        "Казахстана с Китаем составил $43,8 млрд."
    )
    assert _trade(kb, text) == {("kz", 43.8e9)}


def test_documents_plural_by_their_adjective_keep_the_plural(kb: KnowledgeBase) -> None:
    text = (
        "В сентябре 2013 года правительство Китая подписало с Узбекистаном, Таджикистаном и "
        "Кыргызстаном межправительственные соглашения о строительстве линии D."
    )
    names = [a.name for a in _agreements(kb, text)]
    assert names == ["Межправительственные соглашения о строительстве линии D"]


def test_a_document_in_the_genitive_is_named_in_the_singular(kb: KnowledgeBase) -> None:
    text = (
        "Стороны подписали протокол о внесении изменений в текст межправительственного "
        "соглашения о строительстве линии D."
    )
    names = [a.name for a in _agreements(kb, text)]
    assert "Межправительственные соглашения о строительстве линии D" not in names


def test_a_loan_agreed_with_a_bank_is_a_loan_agreement(kb: KnowledgeBase) -> None:
    text = (
        "Copper miner Kazakhmys has agreed a $1.5 billion loan facility with state-owned China "
        "Development Bank to develop its copper project."
    )
    names = [a.name for a in _agreements(kb, text)]
    assert names == ["Loan facility agreement between Kazakhmys and China Development Bank"]


def test_a_loan_raised_from_a_bank_is_a_loan_agreement(kb: KnowledgeBase) -> None:
    text = "Turonbank has raised a loan of US$58.5 million from the Export-Import Bank of China."
    names = [a.name for a in _agreements(kb, text)]
    assert names == ["Loan agreement between Turonbank and Export-Import Bank of China"]


def test_a_loan_from_no_bank_is_no_agreement(kb: KnowledgeBase) -> None:
    text = "Last year the company raised a loan of $2 million from its shareholders."
    assert _agreements(kb, text) == []


def test_a_document_agreed_to_be_written_is_not_signed(kb: KnowledgeBase) -> None:
    text = (
        "In 2012 the two presidents agreed to develop and deepen a new agreement on friendship "
        "and partnership."
    )
    assert _agreements(kb, text) == []


def test_a_document_signed_on_friendship_is_read(kb: KnowledgeBase) -> None:
    text = "In 2012 the two presidents signed a new agreement on friendship and partnership."
    names = [a.name for a in _agreements(kb, text)]
    assert names == ["Agreement on friendship and partnership"]
