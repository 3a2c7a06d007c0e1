"""Monitoring: documents read into proposed facts, reviewed, and accepted through the journal.

:mod:`~caravan.analysis.monitoring.ingest` stores what a document proposes in the review
queue; :mod:`~caravan.analysis.monitoring.review` lists, edits, rejects and accepts, and
:mod:`~caravan.analysis.monitoring.edits` says what accepting writes.
"""

from caravan.analysis.monitoring.describe import describe_proposal, proposed_value
from caravan.analysis.monitoring.edits import JournalEdit, journal_edit_for
from caravan.analysis.monitoring.errors import ReviewError
from caravan.analysis.monitoring.ingest import (
    DocumentDetails,
    IngestOutcome,
    document_files,
    ingest_files,
    partial_date,
    read_with_details,
)
from caravan.analysis.monitoring.review import AcceptOutcome, ProposalDetails, ProposalPage, Review
from caravan.analysis.monitoring.sources import document_source, document_source_id

__all__ = [
    "AcceptOutcome",
    "DocumentDetails",
    "IngestOutcome",
    "JournalEdit",
    "ProposalDetails",
    "ProposalPage",
    "Review",
    "ReviewError",
    "describe_proposal",
    "document_files",
    "document_source",
    "document_source_id",
    "ingest_files",
    "journal_edit_for",
    "partial_date",
    "proposed_value",
    "read_with_details",
]
