"""The review queue: idempotent storage, accepting through the journal, rejecting, editing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

import review_cases as cases
from caravan import Observatory
from caravan.analysis.monitoring import ReviewError, describe_proposal, proposed_value
from caravan.errors import NotAKnowledgeBaseError, UnknownRecordError
from caravan.model import ProjectStatus
from caravan.model.proposals import Disposition, FactKind, ProposalState
from caravan.store.journal import EditJournal, journal_path_for
from caravan.store.proposals import (
    ProposalFilter,
    ProposalOrder,
    ProposalQueue,
    proposal_queue_path_for,
)

BY = "tester"


@pytest.fixture
def queued(mini: Observatory) -> Observatory:
    """The synthetic observatory with the test document's facts in its queue."""
    mini.review.queue.add(cases.document(), cases.all_facts(cases.document()))
    return mini


def _status(observatory: Observatory, on: dt.date) -> ProjectStatus | None:
    [row] = [r for r in observatory.projects(as_of=on) if r.project.id == "prj-test-line"]
    return row.status


def test_the_queue_lives_beside_the_knowledge_base() -> None:
    assert proposal_queue_path_for(Path("/x/kb.sqlite")) == Path("/x/kb.proposals.sqlite")


def test_storing_the_same_document_twice_adds_nothing(mini: Observatory) -> None:
    facts = cases.all_facts(cases.document())
    first = mini.review.queue.add(cases.document(), facts)
    again = mini.review.queue.add(cases.document(), facts)
    assert (first.new, first.known) == (len(facts), 0)
    assert (again.new, again.known) == (0, len(facts))
    assert mini.proposals().total == len(facts)


def test_storing_again_fills_metadata_the_document_lacked(mini: Observatory) -> None:
    without_url = cases.document(url=None)
    mini.review.queue.add(without_url, [cases.opening(without_url)])
    mini.review.queue.add(cases.document(), [cases.opening(cases.document())])
    assert mini.review.queue.document(without_url.id).url == cases.document().url


def test_filters_and_pages(queued: Observatory) -> None:
    figures = queued.proposals(ProposalFilter(kind=FactKind.FIGURE))
    assert figures.total == 3
    assert {p.fact.kind for p in figures.items} == {FactKind.FIGURE}
    page = queued.proposals(ProposalFilter(limit=2, offset=2))
    assert len(page.items) == 2
    assert page.total == 6
    assert not queued.proposals(ProposalFilter(state=ProposalState.ACCEPTED)).items


def test_the_most_confident_first_on_request_the_oldest_first_by_default(mini: Observatory) -> None:
    meta = cases.document()
    facts = cases.all_facts(meta)
    sure = [0.2, 0.9, 0.5, 0.7, 0.1, 0.6]
    mini.review.queue.add(meta, cases.with_confidences(meta, sure))
    stored = [p.fact.id for p in mini.proposals(ProposalFilter()).items]
    assert stored == [f.id for f in facts]  # as they were stored
    ranked = mini.proposals(ProposalFilter(order=ProposalOrder.CONFIDENCE))
    assert [p.fact.confidence for p in ranked.items] == sorted(sure, reverse=True)
    page = mini.proposals(ProposalFilter(order=ProposalOrder.CONFIDENCE, limit=2, offset=1))
    assert [p.fact.confidence for p in page.items] == sorted(sure, reverse=True)[1:3]
    assert page.total == len(facts)


def test_accepting_an_opening_changes_the_network_of_that_date(queued: Observatory) -> None:
    fact = cases.opening(cases.document())
    assert "rail-almaty-tashkent-new" in queued.network(dt.date(2026, 9, 2)).closures
    outcome = queued.accept_proposal(fact.id[:10], BY)
    assert outcome.table == "project_events"
    assert "rail-almaty-tashkent-new" not in queued.network(dt.date(2026, 9, 2)).closures
    assert _status(queued, dt.date(2026, 9, 2)) is ProjectStatus.IN_SERVICE
    stored = queued.proposal(fact.id).proposal
    assert stored.fact.state is ProposalState.ACCEPTED
    assert stored.decision.by == BY
    assert stored.decision.journal_entry == outcome.journal_entry
    [entry] = EditJournal(journal_path_for(queued.kb.path)).entries()
    assert entry.payload["proposal_id"] == fact.id
    assert entry.payload["source"]["url"] == cases.document().url


def test_an_accepted_fact_survives_a_rebuild(queued: Observatory, mini_dir: Path) -> None:
    queued.accept_proposal(cases.opening(cases.document()).id, BY)
    queued.accept_proposal(cases.crossing_capacity(cases.document()).id, BY)
    result = Observatory.build(queued.kb.path, mini_dir)
    assert result.edits_applied == 2
    assert not result.edits_skipped
    rebuilt = Observatory.open(queued.kb.path, mini_dir)
    try:
        assert _status(rebuilt, dt.date(2026, 9, 2)) is ProjectStatus.IN_SERVICE
        [held] = [
            o
            for o in rebuilt.kb.observations("bcp-khorgos-nur-zholy-road")
            if o.quantity == "capacity_vehicles_per_day"
        ]
        assert held.value == 1200
        assert held.source == ("src-doc-" + cases.document().id[:12],)
    finally:
        rebuilt.close()


def test_rejecting_writes_nothing_to_the_knowledge_base(queued: Observatory) -> None:
    before = queued.kb.content_key()
    rejected = queued.reject_proposal(cases.opening(cases.document()).id, BY, "wrong line")
    assert rejected.fact.state is ProposalState.REJECTED
    assert rejected.decision.reason == "wrong line"
    assert queued.kb.content_key() == before
    assert not journal_path_for(queued.kb.path).exists()
    with pytest.raises(ReviewError, match="already rejected"):
        queued.accept_proposal(cases.opening(cases.document()).id, BY)


def test_a_conflicting_trade_figure_never_replaces_the_held_one(queued: Observatory) -> None:
    before = queued.kb.content_key()
    with pytest.raises(ReviewError, match="never replaces"):
        queued.accept_proposal(cases.trade_conflict(cases.document()).id, BY)
    assert queued.kb.content_key() == before
    pending = queued.proposal(cases.trade_conflict(cases.document()).id)
    assert pending.proposal.fact.state is ProposalState.PENDING
    assert [s.id for s in pending.held_sources] == ["src-test-news"]


def test_a_corroboration_adds_the_document_as_a_second_source(queued: Observatory) -> None:
    queued.accept_proposal(cases.trade_corroboration(cases.document()).id, BY)
    cited = [s.id for s in queued.kb.citations("trade", "2024/cn/uz/total/")]
    assert cited == ["src-test-news", "src-doc-" + cases.document().id[:12]]
    [row] = [t for t in queued.kb.trade() if (t.year, t.partner_id) == (2024, "uz")]
    assert row.value_usd == 13e9
    assert len(row.source) == 2


def test_a_conflicting_capacity_adds_a_newer_dated_row(queued: Observatory) -> None:
    queued.accept_proposal(cases.crossing_capacity(cases.document()).id, BY)
    rows = queued.kb.observations("bcp-khorgos-nur-zholy-road")
    assert any(o.value == 1200 and o.valid_from == dt.date(2026, 9, 2) for o in rows)
    assert any(o.quantity == "clearance_time_h" and o.value == 5 for o in rows)


def test_a_new_place_is_refused_with_what_it_lacks(queued: Observatory) -> None:
    with pytest.raises(ReviewError, match=r"lat, lon.*never invents coordinates"):
        queued.accept_proposal(cases.new_place(cases.document()).id, BY)


def test_missing_fields_are_named_and_edit_supplies_them(queued: Observatory) -> None:
    fact = cases.memorandum(cases.document())
    with pytest.raises(ReviewError, match=r"lacks parties.*review edit"):
        queued.accept_proposal(fact.id, BY)
    edited = queued.edit_proposal(fact.id, {"parties": "kz|uz"}, BY)
    assert edited.fact.payload.parties == ("kz", "uz")  # type: ignore[union-attr]
    assert edited.fact.evidence == fact.evidence
    assert edited.original_payload is not None
    assert edited.original_payload["parties"] == []
    assert edited.edited.by == BY
    outcome = queued.accept_proposal(fact.id, BY)
    [agreement] = [a for a in queued.agreements() if a.id == outcome.key]
    assert agreement.parties == ("kz", "uz")
    assert agreement.place_id == "kz-almaty"


def test_an_edit_is_validated(queued: Observatory) -> None:
    fact = cases.trade_conflict(cases.document())
    with pytest.raises(ReviewError, match="year"):
        queued.edit_proposal(fact.id, {"year": "1800"}, BY)
    with pytest.raises(ReviewError, match="no field 'colour'"):
        queued.edit_proposal(fact.id, {"colour": "red"}, BY)
    assert queued.proposal(fact.id).proposal.edited.by is None


def test_a_document_without_url_must_be_given_one(mini: Observatory) -> None:
    meta = cases.document(url=None)
    mini.review.queue.add(meta, [cases.opening(meta)])
    with pytest.raises(ReviewError, match="--url"):
        mini.accept_proposal(cases.opening(meta).id, BY)
    assert not journal_path_for(mini.kb.path).exists()


def test_unknown_ids_come_with_suggestions(queued: Observatory) -> None:
    fact = cases.opening(cases.document())
    typo = "0" + fact.id[1:]
    with pytest.raises(UnknownRecordError) as raised:
        queued.proposal(typo)
    assert fact.id in str(raised.value)


def test_the_queue_follows_the_journal_after_a_crash(queued: Observatory) -> None:
    fact = cases.opening(cases.document())
    queued.accept_proposal(fact.id, BY)
    with sqlite3.connect(proposal_queue_path_for(queued.kb.path)) as connection:
        connection.execute("UPDATE proposals SET state = 'pending' WHERE id = ?", (fact.id,))
    connection.close()
    assert queued.proposal(fact.id).proposal.fact.state is ProposalState.ACCEPTED


def test_a_foreign_file_in_the_queue_s_place_is_left_alone(mini: Observatory) -> None:
    path = proposal_queue_path_for(mini.kb.path)
    path.write_text("someone else's notes\n", encoding="utf-8")
    with pytest.raises(NotAKnowledgeBaseError):
        ProposalQueue(path).add(cases.document(), [])
    assert path.read_text(encoding="utf-8") == "someone else's notes\n"


def test_an_edited_figure_is_compared_afresh(queued: Observatory) -> None:
    fact = cases.trade_conflict(cases.document())
    edited = queued.edit_proposal(fact.id, {"value": "13000000000"}, BY)
    assert edited.fact.comparison.disposition is Disposition.CORROBORATION
    queued.accept_proposal(fact.id, BY)
    cited = [s.id for s in queued.kb.citations("trade", "2024/cn/uz/total/")]
    assert cited == ["src-test-news", "src-doc-" + cases.document().id[:12]]


def test_a_document_is_found_by_the_start_of_its_id(queued: Observatory) -> None:
    other = cases.document(url="https://example.org/other").model_copy(update={"id": "f" * 32})
    queued.review.queue.add(other, [cases.opening(other)])
    prefix = cases.document().id[:8]
    page = queued.proposals(ProposalFilter(document_id=prefix, state=ProposalState.PENDING))
    assert page.total == 6
    assert {p.document.id for p in page.items} == {cases.document().id}
    assert queued.proposals(ProposalFilter(document_id="f" * 12)).total == 1


def test_a_planned_opening_year_reads_as_a_year_and_counts_keep_separators() -> None:
    from caravan.model.proposals import Evidence, ProposedFact, ProposedFigure

    def fact(quantity: str, value: float) -> ProposedFact:
        return ProposedFact(
            id="a" * 16,
            document_id="b" * 16,
            payload=ProposedFigure(quantity=quantity, value=value, subject_id="prj-x"),
            evidence=Evidence(sentence="text", start=0, end=4),
            mention="text",
            confidence=0.5,
        )

    assert proposed_value(fact("planned_opening_year", 2027)) == "2027"
    assert "= 2027 " in describe_proposal(fact("planned_opening_year", 2027))
    assert proposed_value(fact("capacity_vehicles_per_day", 1200)) == "1,200"
