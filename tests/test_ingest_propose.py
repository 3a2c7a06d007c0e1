"""Proposed facts from short English and Russian texts, compared with the embedded data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caravan.analysis.ingest import propose, read_text
from caravan.model.enums import AgreementKind, DatePrecision, ProjectStatus
from caravan.model.proposals import (
    Disposition,
    EntityKind,
    FactKind,
    FigureQuantity,
    FlagCode,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


def only(facts: list[ProposedFact], kind: FactKind) -> ProposedFact:
    chosen = [f for f in facts if f.kind is kind]
    assert len(chosen) == 1, [f.payload for f in facts]
    return chosen[0]


def assert_evidence_exact(text: str, facts: list[ProposedFact]) -> None:
    for fact in facts:
        evidence = fact.evidence
        assert text[evidence.start : evidence.end] == evidence.sentence
        assert fact.mention in evidence.sentence


# -- status events -------------------------------------------------------------------------


def test_an_opening_that_agrees_with_the_timeline_corroborates(kb: KnowledgeBase) -> None:
    text = "Officials said the Angren–Pap railway was opened in June 2016."
    facts = proposals_from(kb, text)
    fact = only(facts, FactKind.STATUS_EVENT)
    assert fact.payload == ProposedStatusEvent(
        project_id="prj-angren-pap-railway",
        status=ProjectStatus.IN_SERVICE,
        date=dt.date(2016, 6, 1),
        date_precision=DatePrecision.MONTH,
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION
    assert fact.comparison.held_sources  # the held row's sources are shown
    assert_evidence_exact(text, facts)


def test_an_opening_on_another_date_is_a_conflict(kb: KnowledgeBase) -> None:
    facts = proposals_from(kb, "The Angren–Pap railway was opened in March 2018.")
    fact = only(facts, FactKind.STATUS_EVENT)
    assert fact.comparison.disposition is Disposition.CONFLICT
    assert fact.comparison.held_value is not None
    assert "2016-06-01" in fact.comparison.held_value


def test_a_status_the_timeline_lacks_is_new(kb: KnowledgeBase) -> None:
    facts = proposals_from(
        kb, "The Kazakhstan – Turkmenistan – Iran railway was suspended in May 2026."
    )
    fact = only(facts, FactKind.STATUS_EVENT)
    assert isinstance(fact.payload, ProposedStatusEvent)
    assert fact.payload.status is ProjectStatus.SUSPENDED
    assert fact.comparison.disposition is Disposition.NEW


def test_future_and_negated_phrasing_is_not_an_event(kb: KnowledgeBase) -> None:
    for text in (
        "The Darbaza – Maktaaral railway will be opened in 2026.",
        "The Darbaza – Maktaaral railway has not been opened yet.",
    ):
        facts = proposals_from(kb, text)
        assert not [f for f in facts if f.kind is FactKind.STATUS_EVENT], text


def test_russian_status_event_with_a_russian_month(kb: KnowledgeBase) -> None:
    text = "Железная дорога Ангрен — Пап открыта в июне 2016 года."
    fact = only(proposals_from(kb, text), FactKind.STATUS_EVENT)
    assert isinstance(fact.payload, ProposedStatusEvent)
    assert fact.payload.project_id == "prj-angren-pap-railway"
    assert fact.payload.status is ProjectStatus.IN_SERVICE
    assert (fact.payload.date, fact.payload.date_precision) == (
        dt.date(2016, 6, 1),
        DatePrecision.MONTH,
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_an_undated_status_is_dated_by_the_document_and_flagged(kb: KnowledgeBase) -> None:
    text = "The China-Kyrgyztou-Uzbekistan Railway project has been officially launched."
    fact = only(proposals_from(kb, text), FactKind.STATUS_EVENT)
    assert isinstance(fact.payload, ProposedStatusEvent)
    assert fact.payload.project_id == "prj-cku-railway"
    assert fact.payload.status is ProjectStatus.UNDER_CONSTRUCTION
    assert fact.payload.date == dt.date(2025, 6, 30)
    codes = {f.code for f in fact.flags}
    assert {FlagCode.SPELLING_VARIANT, FlagCode.LOW_CONFIDENCE} <= codes
    assert any("Kyrgyztou" in f.message for f in fact.flags)
    assert fact.comparison.disposition is Disposition.CORROBORATION


# -- figures -------------------------------------------------------------------------------


def test_trade_with_one_partner_in_english(kb: KnowledgeBase) -> None:
    fact = only(
        proposals_from(kb, "In 2024 China's trade with Kazakhstan reached $43.82bn."),
        FactKind.FIGURE,
    )
    assert isinstance(fact.payload, ProposedFigure)
    assert fact.payload.quantity is FigureQuantity.TRADE_VALUE_USD
    assert fact.payload.value == pytest.approx(43.82e9)
    assert (fact.payload.reporter_id, fact.payload.partner_id, fact.payload.year) == (
        "cn",
        "kz",
        2024,
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_trade_in_russian_within_tolerance_corroborates(kb: KnowledgeBase) -> None:
    text = "В 2024 году товарооборот Китая и Казахстана составил 43,8 млрд долларов."
    fact = only(proposals_from(kb, text), FactKind.FIGURE)
    assert isinstance(fact.payload, ProposedFigure)
    assert (fact.payload.partner_id, fact.payload.year) == ("kz", 2024)
    assert fact.payload.value == pytest.approx(43.8e9)
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_a_trade_total_that_disagrees_is_a_conflict_with_both_values(kb: KnowledgeBase) -> None:
    text = "In 2024, trade between China and the five Central Asian countries reached 99 billion US dollars."
    fact = only(proposals_from(kb, text), FactKind.FIGURE)
    assert isinstance(fact.payload, ProposedFigure)
    assert fact.payload.partner_id is None  # the total
    assert fact.comparison.disposition is Disposition.CONFLICT
    assert fact.comparison.held_value == "94.82 bn USD"
    assert fact.comparison.held_sources


def test_exports_are_not_read_as_trade_totals(kb: KnowledgeBase) -> None:
    text = "In 2024 China's exports to Kazakhstan were worth $25.6 billion."
    assert not [f for f in proposals_from(kb, text) if f.kind is FactKind.FIGURE]


def test_a_daily_quota_at_a_border_post(kb: KnowledgeBase) -> None:
    text = "From 22 October 2025 China will accept at least 800 trucks a day from Kazakhstan at Nur Zholy."
    fact = only(proposals_from(kb, text), FactKind.FIGURE)
    assert fact.payload == ProposedFigure(
        quantity=FigureQuantity.DAILY_QUOTA_VEHICLES,
        value=800,
        subject_id="bcp-khorgos-nur-zholy-road",
        valid_from=dt.date(2025, 10, 22),
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_length_and_planned_opening_of_a_project(kb: KnowledgeBase) -> None:
    text = "The 523 km China–Kyrgyzstan–Uzbekistan railway is expected to be completed in 2031."
    facts = [f for f in proposals_from(kb, text) if f.kind is FactKind.FIGURE]
    by_quantity = {f.payload.quantity: f for f in facts if isinstance(f.payload, ProposedFigure)}
    length = by_quantity[FigureQuantity.LENGTH_KM]
    assert (length.payload.value, length.payload.subject_id) == (523, "prj-cku-railway")  # type: ignore[union-attr]
    assert length.comparison.disposition is Disposition.CORROBORATION
    opening = by_quantity[FigureQuantity.PLANNED_OPENING_YEAR]
    assert opening.payload.value == 2031  # type: ignore[union-attr]
    assert opening.comparison.disposition is Disposition.CONFLICT  # the data plan 2030
    assert opening.comparison.held_value == "2030"


def test_sister_city_count_in_russian(kb: KnowledgeBase) -> None:
    text = "К 17 июня 2025 года число пар городов-побратимов Китая и стран Центральной Азии превысило 100."
    fact = only(proposals_from(kb, text), FactKind.FIGURE)
    assert isinstance(fact.payload, ProposedFigure)
    assert fact.payload.quantity is FigureQuantity.SISTER_CITY_PAIRS
    assert (fact.payload.value, fact.payload.partner_id) == (100, None)
    assert fact.comparison.disposition is Disposition.CORROBORATION


# -- agreements ----------------------------------------------------------------------------


def test_a_known_agreement_signed_at_the_summit_takes_its_date_and_place(kb: KnowledgeBase) -> None:
    text = (
        "The second China-Central Asia Summit was held in Astana on June 17th. "
        "At this summit, the heads of state of the six countries jointly signed the "
        '"Treaty of Permanent Good-Neighborliness, Friendship and Cooperation".'
    )
    fact = only(proposals_from(kb, text), FactKind.AGREEMENT)
    assert fact.payload == ProposedAgreement(
        name="Treaty of Permanent Good-Neighborliness, Friendship and Cooperation",
        agreement_kind=AgreementKind.TREATY,
        signed_on=dt.date(2025, 6, 17),
        date_precision=DatePrecision.DAY,
        place_id="kz-astana",
        parties=("cn", "kz", "kg", "tj", "tm", "uz"),
        agreement_id="agr-astana-treaty",
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_a_russian_agreement_with_its_own_date_and_place(kb: KnowledgeBase) -> None:
    text = (
        "17 июня 2025 года в Астане главы шести государств подписали Договор о вечном "
        "добрососедстве, дружбе и сотрудничестве."
    )
    fact = only(proposals_from(kb, text), FactKind.AGREEMENT)
    assert isinstance(fact.payload, ProposedAgreement)
    assert fact.payload.agreement_id == "agr-astana-treaty"
    assert (fact.payload.signed_on, fact.payload.place_id) == (dt.date(2025, 6, 17), "kz-astana")
    assert len(fact.payload.parties) == 6


def test_an_unknown_agreement_is_new_and_a_wrong_date_conflicts(kb: KnowledgeBase) -> None:
    new = only(
        proposals_from(
            kb,
            "In May 2026 Kazakhstan and China signed the Agreement on Cross-Border Water Monitoring.",
        ),
        FactKind.AGREEMENT,
    )
    assert isinstance(new.payload, ProposedAgreement)
    assert new.payload.agreement_id is None
    assert new.payload.parties == ("cn", "kz")
    assert new.comparison.disposition is Disposition.NEW
    wrong = only(
        proposals_from(
            kb, "The High-Quality Belt and Road Initiative Action Plan was signed in Xi'an in 2023."
        ),
        FactKind.AGREEMENT,
    )
    assert wrong.comparison.disposition is Disposition.CONFLICT


# -- new entities and suspicious statements --------------------------------------------------


def test_an_unknown_road_is_a_new_entity_but_a_generic_one_is_not(kb: KnowledgeBase) -> None:
    facts = proposals_from(kb, "Construction of the Osh–Sary-Tash–Karamyk road began in 2022.")
    entity = only(facts, FactKind.NEW_ENTITY)
    assert entity.payload == ProposedEntity(
        entity_kind=EntityKind.PROJECT, name="Osh–Sary-Tash–Karamyk road", country_ids=("kg",)
    )
    assert [f.code for f in entity.flags] == [FlagCode.UNKNOWN_ENTITY]
    generic = proposals_from(kb, "Officials discussed the China–Kazakhstan railway in 2022.")
    assert not [f for f in generic if f.kind is FactKind.NEW_ENTITY]


def test_a_known_line_named_in_reverse_order_is_not_new(kb: KnowledgeBase) -> None:
    facts = proposals_from(kb, "Work on the Ayagoz–Bakhty railway continued in 2024.")
    assert not [f for f in facts if f.kind is FactKind.NEW_ENTITY]


def test_a_non_member_where_a_member_is_expected_is_flagged(kb: KnowledgeBase) -> None:
    text = (
        "China and the Central Asian countries met in Astana. "
        "Energy cooperation between China and Turkey has been steadily carried out."
    )
    facts = proposals_from(kb, text)
    flagged = [f for f in facts if any(x.code is FlagCode.SUSPICIOUS_STATEMENT for x in f.flags)]
    assert len(flagged) == 1
    message = next(x.message for x in flagged[0].flags if x.code is FlagCode.SUSPICIOUS_STATEMENT)
    assert "China and Turkey" in message
    assert "Turkmenistan" in message
    calm = proposals_from(
        kb, "China and the Central Asian countries met. Trade between China and Russia grew."
    )
    assert not [f for f in calm if any(x.code is FlagCode.SUSPICIOUS_STATEMENT for x in f.flags)]


# -- whole documents -------------------------------------------------------------------------


def test_the_same_document_twice_gives_the_same_ids(kb: KnowledgeBase) -> None:
    text = "The Angren–Pap railway was opened in June 2016. In 2024 China's trade with Kazakhstan reached $43.82bn."
    first = proposals_from(kb, text)
    second = proposals_from(kb, text)
    assert [f.id for f in first] == [f.id for f in second]
    assert len({f.id for f in first}) == len(first) == 2


def test_document_warnings_reach_every_proposal(kb: KnowledgeBase) -> None:
    from caravan.model.proposals import Flag

    read = read_text(
        "The Angren–Pap railway was opened in June 2016.", published_on=dt.date(2025, 1, 1)
    )
    warning = Flag(code=FlagCode.PARTIAL_DOCUMENT, message="page 2 of 2 could not be read")
    facts = propose(kb, read.text, read.meta, warnings=[warning])
    assert facts
    assert all(warning in f.flags for f in facts)


_WORDS = [
    "China", "Kazakhstan", "Китай", "Казахстаном", "railway", "Angren–Pap", "opened", "открыта",
    "in", "June", "июня", "2016", "2024", "$94.8bn", "94,8", "млрд", "долларов", "trade",
    "trucks", "per", "day", "km", "Treaty", "signed", "Mr.", "т.е.", "summit", "Turkey",
    "between", "and", "Kyrgyztou", "Nur", "Zholy", "«", "»", '"', ",", ".", "\n", "—", "100",
    "pairs", "sister", "cities", "Osh–Naryn", "road", "will", "not",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS), max_size=60), st.text(max_size=40))
def test_propose_never_fails_on_random_text(
    kb: KnowledgeBase, words: list[str], noise: str
) -> None:
    text = " ".join(words) + noise
    for fact in proposals_from(kb, text):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.sentence
        assert fact.mention
        assert fact.mention in text
        assert 0 <= fact.confidence <= 1


def test_an_untitled_agreement_is_the_known_one_signed_that_day(kb: KnowledgeBase) -> None:
    text = "Background: the three governments signed an agreement on June 6 this year."
    fact = only(proposals_from(kb, text, dt.date(2024, 12, 27)), FactKind.AGREEMENT)
    assert isinstance(fact.payload, ProposedAgreement)
    assert fact.payload.agreement_id == "agr-cku-intergovernmental-2024"
    assert fact.payload.signed_on == dt.date(2024, 6, 6)
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_documents_listed_after_a_signing_sentence_take_the_summits_day(kb: KnowledgeBase) -> None:
    text = (
        "The summit of the heads of state in the city of Xi'an ended with a declaration.\n"
        "The document was signed on May 19, 2023 by the six presidents.\n"
        "The participants also signed the following documents:\n"
        "a memorandum of understanding on technical cooperation in animal and plant "
        "quarantine for imports and exports;\n"
    )
    fact = only(proposals_from(kb, text, dt.date(2023, 5, 21)), FactKind.AGREEMENT)
    assert isinstance(fact.payload, ProposedAgreement)
    assert fact.payload.agreement_id == "agr-xian-mou-quarantine"
    assert (fact.payload.signed_on, fact.payload.place_id) == (dt.date(2023, 5, 19), "cn-xian")
    assert fact.payload.agreement_kind is AgreementKind.MEMORANDUM


def test_twinnings_are_agreements_signed_at_the_summit(kb: KnowledgeBase) -> None:
    text = (
        "At the second China-Central Asia Summit in Astana, Kazakhstan, provinces signed new "
        "friendship agreements.\n"
        "Shanghai concluded a sister-city agreement with Almaty in Kazakhstan, and Urumqi in "
        "Xinjiang paired up with Samarkand in Uzbekistan.\n"
    )
    facts = [f for f in proposals_from(kb, text) if f.kind is FactKind.AGREEMENT]
    names = sorted(f.payload.name for f in facts if isinstance(f.payload, ProposedAgreement))
    assert names == [
        "Sister-city agreement between Shanghai and Almaty",
        "Sister-city agreement between Urumqi and Samarkand",
    ]
    assert all(
        isinstance(f.payload, ProposedAgreement) and f.payload.place_id == "kz-astana"
        for f in facts
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Galkynysh gas field lies in the east of Turkmenistan. Officials met in Ashgabat on"
        " Monday. CNPC began working in the country in 2002.",
        "Zhang Wei wrote a book on the Silk Road. Officials met in Tashkent on Monday. The"
        " institute opened in 2005.",
        "The Angren–Pap railway links the Fergana valley with Tashkent. Officials met in Tashkent"
        " on Monday. Construction started in September 2013.",
    ],
)
def test_a_text_s_only_project_is_not_lent_to_a_bare_status_phrase_later_on(
    kb: KnowledgeBase, text: str
) -> None:
    """The only held project of a text is often named in passing, and a later bare "opened" or
    "began working" is another thing's: no project is borrowed past the next sentence without
    a word referring back (docs/ingest.md)."""
    assert [f for f in proposals_from(kb, text) if f.kind is FactKind.STATUS_EVENT] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Angren–Pap railway links the Fergana valley with Tashkent."
        " Construction started in September 2013.",
        "The Angren–Pap railway links the Fergana valley with Tashkent. Officials met in Tashkent"
        " on Monday. The line's construction started in September 2013.",
    ],
)
def test_a_status_phrase_next_to_its_project_or_referring_back_is_about_it(
    kb: KnowledgeBase, text: str
) -> None:
    fact = only(proposals_from(kb, text), FactKind.STATUS_EVENT)
    assert fact.payload == ProposedStatusEvent(
        project_id="prj-angren-pap-railway",
        status=ProjectStatus.UNDER_CONSTRUCTION,
        date=dt.date(2013, 9, 1),
        date_precision=DatePrecision.MONTH,
    )
    assert fact.comparison.disposition is Disposition.CORROBORATION


def test_a_fact_stated_twice_is_proposed_once_with_its_most_confident_reading(
    kb: KnowledgeBase,
) -> None:
    """A headline and its body (or a repeated paragraph) give one proposal per fact."""
    sentence = "Kazakhstan began building the 272 km Bakhty – Ayagoz railway line."
    once = proposals_from(kb, sentence)
    repeated = proposals_from(kb, f"{sentence}\n\n{sentence}\n\n{sentence}")
    assert once, "the sentence itself yields facts"
    assert sorted(f.payload.model_dump_json() for f in repeated) == sorted(
        f.payload.model_dump_json() for f in once
    )
    assert len({f.payload.model_dump_json() for f in repeated}) == len(repeated)
