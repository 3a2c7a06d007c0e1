"""The labelled-set scorer matches proposals to labels on their key fields only."""

from __future__ import annotations

import datetime as dt
import hashlib
from types import ModuleType
from typing import Any

import pytest

from caravan.model.enums import AgreementKind, DatePrecision, ProjectStatus
from caravan.model.proposals import (
    EntityKind,
    Evidence,
    FigureQuantity,
    Flag,
    FlagCode,
    ProposedAgreement,
    ProposedEntity,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)
from ingest_helpers import evaluation_module


@pytest.fixture(scope="module")
def matching() -> ModuleType:
    evaluation_module("ingest_labels")
    return evaluation_module("ingest_matching")


@pytest.fixture(scope="module")
def labels() -> ModuleType:
    return evaluation_module("ingest_labels")


def _fact(payload: Any, *flags: FlagCode) -> ProposedFact:
    digest = hashlib.sha256(payload.model_dump_json().encode()).hexdigest()
    sentence = "A sentence."
    return ProposedFact(
        id=digest,
        document_id="0" * 64,
        payload=payload,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        mention="sentence",
        confidence=0.9,
        flags=tuple(Flag(code=code, message="look") for code in flags),
    )


def _label(labels: ModuleType, kind: str, **fields: Any) -> Any:
    flags = tuple(fields.pop("flags", ()))
    return labels.ExpectedFact("doc.txt", 1, kind, fields, flags)


def _event(day: dt.date, precision: DatePrecision) -> ProposedFact:
    return _fact(
        ProposedStatusEvent(
            project_id="prj-cku-railway",
            status=ProjectStatus.UNDER_CONSTRUCTION,
            date=day,
            date_precision=precision,
        )
    )


def test_a_date_matches_at_the_labels_precision_but_not_coarser(
    matching: ModuleType, labels: ModuleType
) -> None:
    month = _label(
        labels,
        "status_event",
        project_id="prj-cku-railway",
        status="under_construction",
        date="2024-12",
    )
    day = _label(
        labels,
        "status_event",
        project_id="prj-cku-railway",
        status="under_construction",
        date="2024-12-27",
    )
    assert matching.matches(month, _event(dt.date(2024, 12, 27), DatePrecision.DAY))
    assert matching.matches(day, _event(dt.date(2024, 12, 27), DatePrecision.DAY))
    assert not matching.matches(day, _event(dt.date(2024, 12, 1), DatePrecision.MONTH))
    assert not matching.matches(day, _event(dt.date(2024, 12, 28), DatePrecision.DAY))


def _trade(value: float, partner: str | None, reporter: str | None = "cn") -> ProposedFact:
    return _fact(
        ProposedFigure(
            quantity=FigureQuantity.TRADE_VALUE_USD,
            value=value,
            partner_id=partner,
            reporter_id=reporter,
            year=2024,
        )
    )


def test_a_figure_matches_within_half_a_percent_and_in_its_scope(
    matching: ModuleType, labels: ModuleType
) -> None:
    label = _label(
        labels, "figure", quantity="trade_value_usd", partner_id="kz", year=2024, value=43.82e9
    )
    assert matching.matches(label, _trade(43.9e9, "kz"))
    assert not matching.matches(label, _trade(44.1e9, "kz"))
    assert not matching.matches(label, _trade(43.82e9, None))  # the total is not Kazakhstan's
    assert matching.matches(label, _trade(43.82e9, "cn", reporter="kz"))  # Kazakhstan's figure
    with_reporter = _label(
        labels,
        "figure",
        quantity="trade_value_usd",
        partner_id="kz",
        reporter_id="cn",
        year=2024,
        value=43.82e9,
    )
    assert not matching.matches(with_reporter, _trade(43.82e9, "cn", reporter="kz"))


def test_an_agreement_matches_by_known_id_or_by_a_similar_name(
    matching: ModuleType, labels: ModuleType
) -> None:
    label = _label(
        labels,
        "agreement",
        name="Treaty on eternal good-neighbourliness, friendship and cooperation",
        agreement_kind="treaty",
        signed_on="2025-06-17",
        place_id="kz-astana",
        agreement_id="agr-astana-treaty",
    )

    def treaty(name: str, agreement_id: str | None, place: str = "kz-astana") -> ProposedFact:
        return _fact(
            ProposedAgreement(
                name=name,
                agreement_kind=AgreementKind.TREATY,
                signed_on=dt.date(2025, 6, 17),
                date_precision=DatePrecision.DAY,
                place_id=place,
                agreement_id=agreement_id,
            )
        )

    assert matching.matches(
        label, treaty("Treaty of Permanent Good-Neighbourliness", "agr-astana-treaty")
    )
    assert matching.matches(label, treaty("treaty on eternal good-neighbourliness", None))
    assert not matching.matches(label, treaty("Astana Declaration", None))
    assert not matching.matches(label, treaty("Treaty", "agr-astana-declaration"))
    assert not matching.matches(
        label, treaty("treaty on eternal good-neighbourliness", None, "cn-xian")
    )


def test_a_held_documents_label_is_not_met_by_a_generic_name_without_its_id(
    matching: ModuleType, labels: ModuleType
) -> None:
    """A proposal that names no held document meets such a label only by a name alike in all
    its words: "Memorandum of Understanding" holds every word of a long held title's start."""
    label = _label(
        labels,
        "agreement",
        name="Memorandum of Understanding on joint development of the Ayagoz-Tacheng railway",
        agreement_kind="memorandum",
        agreement_id="agr-cn-kz-ayagoz-tacheng-mou",
    )
    unheld = _label(
        labels,
        "agreement",
        name=label.fields["name"],
        agreement_kind="memorandum",
    )

    def memorandum(name: str) -> ProposedFact:
        return _fact(ProposedAgreement(name=name, agreement_kind=AgreementKind.MEMORANDUM))

    generic = memorandum("Memorandum of Understanding")
    assert not matching.matches(label, generic)
    assert matching.matches(unheld, generic)  # a document not held keeps the lenient measure
    assert matching.matches(
        label,
        memorandum("memorandum of understanding on joint development of the Ayagoz Tacheng rail"),
    )


def test_each_label_is_matched_once_and_repeats_are_neither_true_nor_false(
    matching: ModuleType, labels: ModuleType
) -> None:
    label = _label(
        labels,
        "new_entity",
        entity_kind="project",
        name="Almaty railway bypass",
        flags=["unknown_entity"],
    )

    def entity(name: str) -> ProposedFact:
        payload = ProposedEntity(entity_kind=EntityKind.PROJECT, name=name)
        return _fact(payload, FlagCode.UNKNOWN_ENTITY)

    proposals = [
        entity("Almaty railway bypass"),
        entity("Almaty bypass railway"),
        entity("Almaty railway bypass"),
        entity("Trans-Kazakhstan Railway Corridor"),
    ]
    score = matching.score_document([label], proposals)
    counts = score.by_kind["new_entity"]
    assert (counts.true_positives, counts.false_negatives, counts.false_positives) == (1, 0, 1)
    assert len(score.duplicates) == 1
    assert (score.flags_expected, score.flags_raised) == (1, 1)
    assert counts.precision == 0.5
    assert counts.recall == 1.0


def test_nothing_proposed_for_nothing_labelled_is_perfect_and_misses_count(
    matching: ModuleType, labels: ModuleType
) -> None:
    empty = matching.score_document([], [])
    assert empty.by_kind["figure"].precision == 1.0
    label = _label(labels, "figure", quantity="length_km", subject_id="prj-cku-railway", value=523)
    missed = matching.score_document([label], [])
    assert missed.by_kind["figure"].recall == 0.0
    assert missed.missed == [label]


def test_an_agreement_matches_through_an_alias_in_the_other_language(
    matching: ModuleType, labels: ModuleType
) -> None:
    """Rule 18: a name in the text's language, an English rendering as an alias."""

    def memorandum(name: str) -> ProposedFact:
        return _fact(ProposedAgreement(name=name, agreement_kind=AgreementKind.MEMORANDUM))

    russian_label = _label(
        labels,
        "agreement",
        name="Меморандум о строительстве сухого порта в Хоргосе",
        aliases=["Memorandum on building a dry port at Khorgos"],
        agreement_kind="memorandum",
    )
    english_label = _label(
        labels,
        "agreement",
        name="Memorandum on building a dry port at Khorgos",
        aliases=["Меморандум о строительстве сухого порта в Хоргосе"],
        agreement_kind="memorandum",
    )
    english = memorandum("memorandum on building a dry port at Khorgos")
    russian = memorandum("меморандум о строительстве сухого порта в Хоргосе")
    assert matching.matches(russian_label, english)
    assert matching.matches(russian_label, russian)
    assert matching.matches(english_label, russian)
    unrelated = memorandum("Соглашение о пограничном режиме")
    assert not matching.matches(russian_label, unrelated)
    assert not matching.matches(english_label, memorandum("Agreement on the border regime"))
    without_alias = _label(
        labels, "agreement", name=russian_label.fields["name"], agreement_kind="memorandum"
    )
    assert not matching.matches(without_alias, english)


def _centre(name: str) -> ProposedFact:
    return _fact(ProposedEntity(entity_kind=EntityKind.PROJECT, name=name))


def _centres(labels: ModuleType) -> tuple[Any, Any]:
    """Two facilities at one site whose names share most words (token-set similarity 88)."""
    language = _label(
        labels,
        "new_entity",
        entity_kind="project",
        name="Chinese language and culture center at Bukhara State University",
    )
    testing = _label(
        labels,
        "new_entity",
        entity_kind="project",
        name="HSK test center at Bukhara State University",
    )
    return language, testing


def test_two_similar_entities_at_one_site_are_two_labels_each_paired_with_its_closest(
    matching: ModuleType, labels: ModuleType
) -> None:
    language, testing = _centres(labels)
    hsk = _centre("HSK test center at Bukhara State University")
    culture = _centre("Chinese Language and Culture Center at Bukhara State University")
    assert matching.matches(language, hsk)  # close enough by name alone: pairing decides
    both = matching.score_document([language, testing], [hsk, culture])
    counts = both.by_kind["new_entity"]
    assert (counts.true_positives, counts.false_negatives, counts.false_positives) == (2, 0, 0)
    assert both.duplicates == []
    assert {label.fields["name"]: fact.id for label, fact in both.matched} == {
        language.fields["name"]: culture.id,
        testing.fields["name"]: hsk.id,
    }
    only_hsk = matching.score_document([language, testing], [hsk])
    assert only_hsk.missed == [language]  # the proposal goes to the label it states


def test_a_repeated_proposal_is_a_duplicate_but_another_labellings_label_is_not(
    matching: ModuleType, labels: ModuleType
) -> None:
    language, _ = _centres(labels)
    culture = _centre("Chinese language and culture center at Bukhara State University")
    respelled = _centre("Bukhara State University Chinese language and culture centre")
    extractor = matching.score_document([language], [culture, respelled])
    counts = extractor.by_kind["new_entity"]
    assert (counts.true_positives, counts.false_positives, len(extractor.duplicates)) == (1, 0, 1)
    hsk = _centre("HSK test center at Bukhara State University")
    second_labelling = matching.score_document([language], [culture, hsk], repeats=False)
    counts = second_labelling.by_kind["new_entity"]
    assert (counts.true_positives, counts.false_positives) == (1, 1)
    assert second_labelling.duplicates == []
    assert second_labelling.false_positives == [hsk]
