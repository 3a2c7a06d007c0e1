"""Readings of round 25: the summit text's wordings of a thing carried on and of a project's
phase. Sentences written for the test, with the readings they must not make."""

from __future__ import annotations

import datetime as dt

from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import ProposedStatusEvent
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
