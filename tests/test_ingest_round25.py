"""Readings of round 25: the summit text's wordings of a thing carried on and of a project's
phase, and a bare kind of document that names no held one. Sentences written for the test, with the readings they must not make."""

from __future__ import annotations

import datetime as dt

from caravan.model.enums import AgreementKind, DatePrecision, ProjectStatus
from caravan.model.proposals import ProposedAgreement, ProposedStatusEvent
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from

_SKILLS = '"China-Central Asia Technical and Skills Enhancement Program"'


def _events(kb: KnowledgeBase, text: str) -> list[ProposedStatusEvent]:
    return [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedStatusEvent)
    ]


def test_a_programme_carried_on_is_in_service_whatever_the_tense(kb: KnowledgeBase) -> None:
    (found,) = _events(kb, f"In June 2025 China said it will continue to implement the {_SKILLS}.")
    assert found.project_id == "prj-ca-technical-skills-program"
    assert found.status is ProjectStatus.IN_SERVICE
    assert (found.date, found.date_precision) == (dt.date(2025, 6, 1), DatePrecision.MONTH)


def test_a_programme_carried_on_takes_its_clause_date(kb: KnowledgeBase) -> None:
    text = "In 2024 the China-Central Asia Technical and Skills Enhancement Program continues to be implemented."
    (found,) = _events(kb, text)
    assert (found.date, found.date_precision) == (dt.date(2024, 1, 1), DatePrecision.YEAR)


def test_a_line_carried_on_is_under_construction(kb: KnowledgeBase) -> None:
    text = "In June 2025 the sides agreed to continue to implement the China-Kyrgyzstan-Uzbekistan railway project."
    (found,) = _events(kb, text)
    assert (found.project_id, found.status) == ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION)


def test_a_programme_not_carried_on_reads_nothing(kb: KnowledgeBase) -> None:
    text = f"In June 2025 China said it will not continue to implement the {_SKILLS}."
    assert _events(kb, text) == []


def test_phase_ii_before_the_name_is_the_held_phase(kb: KnowledgeBase) -> None:
    for wording in ("phase II of the", "Phase 2 of the", "the second phase of the"):
        text = f"In June 2025 work on {wording} China-Tajikistan Highway is progressing well."
        (found,) = _events(kb, text)
        assert found.project_id == "prj-cn-tj-highway-phase2", wording
        assert found.status is ProjectStatus.UNDER_CONSTRUCTION


def test_a_bare_kind_of_document_is_no_held_title(kb: KnowledgeBase) -> None:
    text = (
        "On 14 September 2022 in Samarkand the two presidents put their names to a Joint "
        "Statement that sets out where their partnership goes."
    )
    (found,) = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert found.agreement_kind is AgreementKind.JOINT_STATEMENT
    assert found.agreement_id is None  # not the held statement of 2022 nor a document that day


def test_the_held_joint_statement_by_its_title(kb: KnowledgeBase) -> None:
    text = (
        "The Joint Statement of the leaders of China and the five Central Asian countries on "
        "the 30th anniversary of the establishment of diplomatic relations was adopted on 25 "
        "January 2022."
    )
    (found,) = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    assert found.agreement_id == "agr-ca-30th-anniversary-statement"


def _agreement(kb: KnowledgeBase, text: str) -> ProposedAgreement:
    (found,) = [
        f.payload for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]
    return found


def test_a_quoted_title_worded_otherwise_is_the_held_one(kb: KnowledgeBase) -> None:
    text = (
        'In July 2022 in Kyrgyzstan the presidents signed the "Agreement on Good-Neighborliness, '
        'Friendship and Cooperative Development in Central Asia in the 21st Century".'
    )
    assert _agreement(kb, text).agreement_id == "agr-ca-friendship-treaty-2022"


def test_a_title_sharing_a_held_ones_words_is_not_it(kb: KnowledgeBase) -> None:
    text = (
        "On the call the two sides signed a Memorandum of Understanding between CR and the "
        "Turkmen Agency of Transport and Communications and Railways Agency."
    )
    assert _agreement(kb, text).agreement_id is None  # not the transport ministers' memorandum
