"""Review of proposed facts: list, show, accept through the journal, reject, edit."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from pydantic import BaseModel, ValidationError

from caravan.analysis.ingest import compare
from caravan.analysis.monitoring.edits import journal_edit_for
from caravan.analysis.monitoring.errors import ReviewError
from caravan.analysis.monitoring.held import held_rows
from caravan.analysis.monitoring.sources import document_source_id
from caravan.errors import DataValidationError, KnowledgeBaseError, UnknownRecordError
from caravan.model import Assumption, Source
from caravan.model.proposals import Disposition, ProposalState, ProposedFact
from caravan.store import KnowledgeBase
from caravan.store.journal import EditJournal, JournalEntry, journal_path_for, record_edit
from caravan.store.proposals import ProposalFilter, ProposalQueue, StoredProposal

__all__ = ["AcceptOutcome", "ProposalDetails", "ProposalPage", "Review"]


@dataclass(frozen=True)
class ProposalPage:
    """One page of proposals and how many match the filter in all."""

    items: list[StoredProposal]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class ProposalDetails:
    """A proposal, the sources of the held row it is compared with, and its document's id."""

    proposal: StoredProposal
    held_sources: tuple[Source | Assumption, ...]
    document_source_id: str


@dataclass(frozen=True)
class AcceptOutcome:
    """What accepting wrote: the journal entry, and the row added or newly cited."""

    proposal_id: str
    journal_entry: int
    table: str
    key: str
    kind: str


class Review:
    """The review queue of one knowledge base and the edits accepting writes."""

    def __init__(self, kb: KnowledgeBase, queue: ProposalQueue) -> None:
        self.kb = kb
        self.queue = queue
        self._reconciled_up_to = 0

    def proposals(self, which: ProposalFilter | None = None) -> ProposalPage:
        """A page of proposals, after bringing the queue in line with the journal."""
        which = which or ProposalFilter()
        self.reconcile()
        items, total = self.queue.select(which)
        return ProposalPage(items, total, which.limit, which.offset)

    def proposal(self, proposal_id: str) -> StoredProposal:
        """One proposal by id or unique prefix; unknown ids raise with close ids."""
        self.reconcile()
        return self.queue.get(proposal_id)

    def details(self, proposal_id: str) -> ProposalDetails:
        """One proposal with the sources behind the held value it agrees or conflicts with."""
        stored = self.proposal(proposal_id)
        held: list[Source | Assumption] = []
        for source_id in stored.fact.comparison.held_sources:
            with contextlib.suppress(UnknownRecordError):
                table = "sources" if source_id.startswith("src-") else "assumptions"
                held.append(cast(Source | Assumption, self.kb.get(table, source_id)))
        return ProposalDetails(stored, tuple(held), document_source_id(stored.document))

    def accept(self, proposal_id: str, by: str) -> AcceptOutcome:
        """Write the proposal's fact through the journal; the queue follows once durable."""
        stored = self.proposal(proposal_id)
        fact = stored.fact
        _require_pending(stored)
        held_ref = fact.comparison.held_ref
        corroborates = fact.comparison.disposition is Disposition.CORROBORATION and held_ref
        held = held_rows(self.kb, held_ref) if corroborates and held_ref else None
        edit = journal_edit_for(fact, stored.document, held)

        def mark_accepted(entry: JournalEntry) -> None:
            self.queue.decide(fact.id, ProposalState.ACCEPTED, by, journal_entry=entry.id)

        try:
            entry = record_edit(self.kb.path, edit.kind, edit.payload, on_durable=mark_accepted)
        except DataValidationError as error:
            raise ReviewError(
                f"proposal {fact.id[:12]} cannot be accepted: {error}. The knowledge base "
                "keeps what it holds (a conflicting figure never replaces a held one): "
                "edit the proposal, or reject it"
            ) from error
        return AcceptOutcome(fact.id, entry.id, edit.table, edit.key, edit.kind)

    def reject(self, proposal_id: str, by: str, reason: str | None = None) -> StoredProposal:
        """Set a pending proposal aside; nothing is written to the knowledge base."""
        stored = self.proposal(proposal_id)
        _require_pending(stored)
        self.queue.decide(stored.fact.id, ProposalState.REJECTED, by, reason=reason)
        return self.queue.get(stored.fact.id)

    def edit(self, proposal_id: str, changes: Mapping[str, str], by: str) -> StoredProposal:
        """Change fields of a pending proposal's payload (validated); its evidence stays.

        The edited fact is compared with the knowledge base again (a figure corrected to
        the held value becomes a corroboration).
        """
        stored = self.proposal(proposal_id)
        _require_pending(stored)
        if not changes:
            raise ReviewError("nothing to change: give field=value pairs")
        payload = stored.fact.payload
        fields = {name for name in type(payload).model_fields if name != "kind"}
        unknown = sorted(set(changes) - fields)
        if unknown:
            raise ReviewError(
                f"a {payload.kind.value} proposal has no field {', '.join(map(repr, unknown))}; "
                f"its fields are {', '.join(sorted(fields))}"
            )
        values = payload.model_dump(mode="json")
        for name, text in changes.items():
            values[name] = _parsed(type(payload), name, text)
        try:
            edited = type(payload).model_validate(values)
        except ValidationError as error:
            raise ReviewError(f"proposal {stored.fact.id[:12]}: {_reasons(error)}") from error
        # Compared afresh: the reviewer vouches for the edited values, date included.
        comparison = compare(self.kb, edited, date_stated=True)
        fact = stored.fact.model_copy(update={"payload": edited, "comparison": comparison})
        self.queue.replace_payload(ProposedFact.model_validate(fact.model_dump()), by)
        return self.queue.get(stored.fact.id)

    def reconcile(self) -> int:
        """Mark accepted the proposals the journal accepted but the queue missed.

        Only entries journalled since the last call are read (a rebuild keeps the journal).
        """
        try:
            entries = EditJournal(journal_path_for(self.kb.path)).entries(
                after=self._reconciled_up_to
            )
        except KnowledgeBaseError:
            return 0
        if entries:
            self._reconciled_up_to = entries[-1].id
        accepted = {
            str(entry.payload["proposal_id"]): entry.id
            for entry in entries
            if isinstance(entry.payload.get("proposal_id"), str)
        }
        return self.queue.reconcile(accepted)


def _require_pending(stored: StoredProposal) -> None:
    if stored.fact.state is not ProposalState.PENDING:
        when = f" on {stored.decision.at}" if stored.decision.at else ""
        raise ReviewError(
            f"proposal {stored.fact.id[:12]} was already {stored.fact.state.value}{when}; "
            "only pending proposals can be accepted, rejected or edited"
        )


def _parsed(model: type[BaseModel], name: str, text: str) -> object:
    """A field's value from text: empty is none, lists are split on `|` or `,`."""
    text = text.strip()
    annotation = str(model.model_fields[name].annotation)
    if "tuple" in annotation:
        return [part.strip() for part in text.replace(",", "|").split("|") if part.strip()]
    if text == "" or text.lower() == "none":
        return None
    return text


def _reasons(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in issue['loc']) or 'value'}: {issue['msg']}"
        for issue in error.errors()
    )
