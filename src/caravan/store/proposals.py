"""The review queue: proposed facts and the documents they were read from, on disk.

The queue lives in its own SQLite file beside the knowledge base
(``<stem>.proposals<suffix>``), marked with caravan's application id, in WAL mode. Proposal ids are stable hashes, so storing the same document's proposals again
adds nothing. The journal of edits, not this file, is the record of what was accepted:
an accepted proposal's journal entry names it, and :meth:`ProposalQueue.reconcile` marks
accepted any proposal the journal holds but the queue missed (a crash between the two).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from rapidfuzz import process

from caravan.errors import KnowledgeBaseError, UnknownRecordError
from caravan.model.proposals import DocumentMeta, FactKind, ProposalState, ProposedFact
from caravan.store._durability import fsync_directory, fsync_file
from caravan.store.journal import BUSY_TIMEOUT_S, _write_error
from caravan.store.ownership import (
    PROPOSAL_QUEUE_APPLICATION_ID,
    FileKind,
    reading_own_database,
    require_own_file,
)

__all__ = [
    "AddOutcome",
    "Decision",
    "ProposalFilter",
    "ProposalOrder",
    "ProposalQueue",
    "StoredProposal",
    "proposal_queue_path_for",
]

_SCHEMA = (
    "CREATE TABLE documents (id TEXT PRIMARY KEY, meta TEXT NOT NULL, ingested_at TEXT NOT NULL)",
    "CREATE TABLE proposals (id TEXT PRIMARY KEY, document_id TEXT NOT NULL "
    "REFERENCES documents (id), kind TEXT NOT NULL, state TEXT NOT NULL, fact TEXT NOT NULL, "
    "created_at TEXT NOT NULL, original_payload TEXT, edited_at TEXT, edited_by TEXT, "
    "decided_at TEXT, decided_by TEXT, reason TEXT, journal_entry INTEGER)",
    "CREATE INDEX proposals_by_state ON proposals (state, kind)",
    "CREATE INDEX proposals_by_document ON proposals (document_id)",
)


def proposal_queue_path_for(knowledge_base: Path) -> Path:
    """Where a knowledge base's review queue lives: ``<stem>.proposals<suffix>`` beside it."""
    suffix = knowledge_base.suffix or ".sqlite"
    return knowledge_base.with_name(f"{knowledge_base.stem}.proposals{suffix}")


@dataclass(frozen=True)
class AddOutcome:
    """What storing a document's proposals changed: how many were new, how many known."""

    document_id: str
    new: int
    known: int


@dataclass(frozen=True)
class Decision:
    """Who changed a proposal and when; the reason of a rejection; the journal entry."""

    at: str | None = None
    by: str | None = None
    reason: str | None = None
    journal_entry: int | None = None


@dataclass(frozen=True)
class StoredProposal:
    """A proposal as the queue holds it: the fact, its document, its history."""

    fact: ProposedFact
    document: DocumentMeta
    created_at: str
    decision: Decision
    edited: Decision
    original_payload: dict[str, object] | None


class ProposalOrder(StrEnum):
    """The order a page of proposals is listed in."""

    OLDEST = "oldest"  # as stored: by when, then by document
    CONFIDENCE = "confidence"  # the most likely to be accepted first (then oldest)


#: SQL for each order; ties (and the oldest order) fall back to storing order.
_ORDER_BY = {
    ProposalOrder.OLDEST: "p.created_at, p.document_id, p.rowid",
    ProposalOrder.CONFIDENCE: (
        "json_extract(p.fact, '$.confidence') DESC, p.created_at, p.document_id, p.rowid"
    ),
}


@dataclass(frozen=True)
class ProposalFilter:
    """Which proposals to list, which page of them, and in what order."""

    state: ProposalState | None = None
    kind: FactKind | None = None
    document_id: str | None = None  # the document's id or the start of it
    limit: int = 100
    offset: int = 0
    order: ProposalOrder = ProposalOrder.OLDEST


class ProposalQueue:
    """The queue file of one knowledge base, safe to share between threads."""

    def __init__(self, path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.busy_timeout_s = busy_timeout_s
        self._lock = threading.RLock()
        self._live: sqlite3.Connection | None = None
        self._live_identity: tuple[int, int] | None = None

    # -- writing -------------------------------------------------------------------------
    def add(self, document: DocumentMeta, facts: Iterable[ProposedFact]) -> AddOutcome:
        """Store a document and its proposals; those already held are left as they are.

        Metadata the held document lacks (a URL, a title …) is filled from ``document``.
        """
        now = _now()
        new = known = 0
        with self._transaction() as connection:
            held = connection.execute(
                "SELECT meta FROM documents WHERE id = ?", (document.id,)
            ).fetchone()
            if held is None:
                connection.execute(
                    "INSERT INTO documents VALUES (?, ?, ?)",
                    (document.id, document.model_dump_json(), now),
                )
            else:
                merged = _filled(DocumentMeta.model_validate_json(held[0]), document)
                connection.execute(
                    "UPDATE documents SET meta = ? WHERE id = ?",
                    (merged.model_dump_json(), document.id),
                )
            for fact in facts:
                cursor = connection.execute(
                    "INSERT OR IGNORE INTO proposals (id, document_id, kind, state, fact, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        fact.id,
                        document.id,
                        fact.kind.value,
                        ProposalState.PENDING.value,
                        fact.model_dump_json(),
                        now,
                    ),
                )
                if cursor.rowcount:
                    new += 1
                else:
                    known += 1
        return AddOutcome(document.id, new, known)

    def replace_payload(self, fact: ProposedFact, by: str) -> None:
        """Store an edited pending proposal, keeping its first payload and noting who/when."""
        with self._transaction() as connection:
            state = self._state_in(connection, fact.id)
            if state is not ProposalState.PENDING:
                raise KnowledgeBaseError(
                    f"proposal {fact.id} is {state.value}; only pending proposals can be edited"
                )
            connection.execute(
                "UPDATE proposals SET original_payload = COALESCE(original_payload, "
                "json_extract(fact, '$.payload')), fact = ?, edited_at = ?, edited_by = ? "
                "WHERE id = ?",
                (fact.model_dump_json(), _now(), by, fact.id),
            )

    def decide(
        self,
        proposal_id: str,
        state: ProposalState,
        by: str,
        reason: str | None = None,
        journal_entry: int | None = None,
    ) -> None:
        """Move a pending proposal to accepted or rejected, noting who, when and why."""
        with self._transaction() as connection:
            held = self._state_in(connection, proposal_id)
            if held is not ProposalState.PENDING:
                raise KnowledgeBaseError(f"proposal {proposal_id} is already {held.value}")
            connection.execute(
                "UPDATE proposals SET state = ?, decided_at = ?, decided_by = ?, reason = ?, "
                "journal_entry = ?, fact = json_set(fact, '$.state', ?) WHERE id = ?",
                (state.value, _now(), by, reason, journal_entry, state.value, proposal_id),
            )

    def reconcile(self, accepted: dict[str, int]) -> int:
        """Mark accepted the pending proposals the journal accepted (id → entry); how many."""
        if not accepted or require_own_file(self.path, FileKind.PROPOSAL_QUEUE) is FileKind.ABSENT:
            return 0
        changed = 0
        with self._transaction() as connection:
            for proposal_id, entry in accepted.items():
                cursor = connection.execute(
                    "UPDATE proposals SET state = ?, decided_at = ?, decided_by = ?, "
                    "journal_entry = ?, fact = json_set(fact, '$.state', ?) "
                    "WHERE id = ? AND state = ?",
                    (
                        ProposalState.ACCEPTED.value,
                        _now(),
                        "journal",
                        entry,
                        ProposalState.ACCEPTED.value,
                        proposal_id,
                        ProposalState.PENDING.value,
                    ),
                )
                changed += cursor.rowcount
        return changed

    # -- reading ---------------------------------------------------------------------------
    def get(self, proposal_id: str) -> StoredProposal:
        """One proposal by id (or a unique prefix of it); unknown ids raise with close ids."""
        with self._reading() as connection:
            rows = []
            if connection is not None:
                rows = connection.execute(
                    f"{_SELECT} WHERE p.id >= ? AND p.id < ? LIMIT 2",
                    (proposal_id, proposal_id + "\U0010ffff"),
                ).fetchall()
            if len(rows) == 1:
                return _stored(rows[0])
            ids = (
                [row[0] for row in connection.execute("SELECT id FROM proposals")]
                if connection is not None
                else []
            )
        close = [match[0] for match in process.extract(proposal_id, ids, limit=3)]
        if len(rows) > 1:
            close = [row[0] for row in rows]
        raise UnknownRecordError("proposal", proposal_id, close)

    def select(self, which: ProposalFilter = ProposalFilter()) -> tuple[list[StoredProposal], int]:
        """Proposals matching the filter, one page in the filter's order (oldest first unless
        told); and how many match in all."""
        clauses, values = [], []
        for clause, value in (
            ("p.state = ?N", which.state.value if which.state else None),
            ("p.kind = ?N", which.kind.value if which.kind else None),
            ("substr(p.document_id, 1, length(?N)) = ?N", which.document_id),  # id or prefix
        ):
            if value is not None:
                values.append(value)
                clauses.append(clause.replace("?N", f"?{len(values)}"))
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._reading() as connection:
            if connection is None:
                return [], 0
            total = int(
                connection.execute(f"SELECT count(*) FROM proposals p{where}", values).fetchone()[0]
            )
            rows = connection.execute(
                f"{_SELECT}{where} ORDER BY {_ORDER_BY[which.order]} "
                f"LIMIT ?{len(values) + 1} OFFSET ?{len(values) + 2}",
                [*values, which.limit, which.offset],
            ).fetchall()
        return [_stored(row) for row in rows], total

    def document(self, document_id: str) -> DocumentMeta:
        """A stored document's metadata; unknown ids raise."""
        with self._reading() as connection:
            row = (
                connection.execute(
                    "SELECT meta FROM documents WHERE id = ?", (document_id,)
                ).fetchone()
                if connection is not None
                else None
            )
        if row is None:
            raise UnknownRecordError("document", document_id)
        return DocumentMeta.model_validate_json(row[0])

    # -- plumbing ----------------------------------------------------------------------------
    def _state_in(self, connection: sqlite3.Connection, proposal_id: str) -> ProposalState:
        row = connection.execute(
            "SELECT state FROM proposals WHERE id = ?", (proposal_id,)
        ).fetchone()
        if row is None:
            raise UnknownRecordError("proposal", proposal_id)
        return ProposalState(row[0])

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        with reading_own_database(
            self.path, FileKind.PROPOSAL_QUEUE, self._connection, "the review queue"
        ) as connection:
            yield connection

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if require_own_file(self.path, FileKind.PROPOSAL_QUEUE) is FileKind.ABSENT:
            self._create_if_absent()
        with self._connection() as connection:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _write_error(self.path, error) from error
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """The queue's one connection, kept open and used by one thread at a time.

        Kept open because closing the last connection of a WAL database checkpoints it, a
        disk flush per operation. Reopened if the path comes to name another file.
        """
        with self._lock:
            identity = _identity(self.path)
            if self._live is None or identity != self._live_identity:
                if self._live is not None:
                    self._live.close()
                self._live = sqlite3.connect(
                    f"file:{self.path}?mode=rw",
                    uri=True,
                    timeout=self.busy_timeout_s,
                    isolation_level=None,
                    check_same_thread=False,
                )
                # NORMAL in WAL mode: always consistent; a power cut may lose the last
                # commits, which re-reading the documents restores (stable ids), and
                # accepted states come back from the journal, the system of record.
                self._live.execute("PRAGMA synchronous = NORMAL")
                self._live_identity = identity
            yield self._live

    def close(self) -> None:
        """Close the queue's connection (the next operation opens it again)."""
        with self._lock:
            if self._live is not None:
                self._live.close()
                self._live = None

    def _create_if_absent(self) -> None:
        """Create the queue whole (schema, id, WAL) under a temporary name, then link it."""
        if require_own_file(self.path, FileKind.PROPOSAL_QUEUE) is not FileKind.ABSENT:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.creating-{os.getpid()}")
        temporary.unlink(missing_ok=True)
        try:
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                for statement in _SCHEMA:
                    connection.execute(statement)
                connection.execute(f"PRAGMA application_id = {PROPOSAL_QUEUE_APPLICATION_ID}")
                connection.execute("PRAGMA journal_mode = WAL")
            finally:
                connection.close()
            fsync_file(temporary)
            with contextlib.suppress(FileExistsError):  # another process created it first
                os.link(temporary, self.path)
            fsync_directory(self.path.parent)
        finally:
            temporary.unlink(missing_ok=True)
        require_own_file(self.path, FileKind.PROPOSAL_QUEUE)


_SELECT = (
    "SELECT p.id, p.fact, d.meta, p.created_at, p.decided_at, p.decided_by, p.reason, "
    "p.journal_entry, p.edited_at, p.edited_by, p.original_payload "
    "FROM proposals p JOIN documents d ON d.id = p.document_id"
)


def _stored(row: tuple[object, ...]) -> StoredProposal:
    original = row[10]
    return StoredProposal(
        fact=ProposedFact.model_validate_json(str(row[1])),
        document=DocumentMeta.model_validate_json(str(row[2])),
        created_at=str(row[3]),
        decision=Decision(
            _text(row[4]),
            _text(row[5]),
            _text(row[6]),
            int(str(row[7])) if row[7] is not None else None,
        ),
        edited=Decision(_text(row[8]), _text(row[9])),
        original_payload=json.loads(str(original)) if original is not None else None,
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _filled(held: DocumentMeta, given: DocumentMeta) -> DocumentMeta:
    """The held metadata with its empty fields taken from ``given``."""
    updates = {
        name: getattr(given, name)
        for name in ("title", "publisher", "published_on", "url", "path")
        if getattr(held, name) is None and getattr(given, name) is not None
    }
    return held.model_copy(update=updates) if updates else held


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
