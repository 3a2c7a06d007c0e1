"""Reading files into the review queue, one file at a time, each kept once stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from caravan.errors import CaravanError
from caravan.model.enums import DatePrecision
from caravan.store import KnowledgeBase
from caravan.store.proposals import ProposalQueue

if TYPE_CHECKING:  # the reader loads on first use: start-up pays nothing for it
    from caravan.analysis.ingest.documents import ReadResult

__all__ = [
    "DOCUMENT_SUFFIXES",
    "DocumentDetails",
    "IngestOutcome",
    "document_files",
    "ingest_files",
    "partial_date",
    "read_with_details",
]

#: Files a folder is searched for: plain text, HTML and PDF.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf"})


@dataclass(frozen=True)
class DocumentDetails:
    """Metadata given with the files (flags or form fields); empty ones come from the file."""

    title: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    url: str | None = None
    language: str | None = None
    #: How precisely ``published_on`` is known: a report dated by its month or year alone
    #: dates what it says "as of now" to that month or year.
    published_precision: DatePrecision = DatePrecision.DAY


#: ASCII digits only: "\d" would take other scripts' digits too.
_PARTIAL_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")


def partial_date(text: str) -> tuple[dt.date, DatePrecision]:
    """A publication date written ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the date (the
    month's or year's first day) and its precision; ``ValueError`` names what is wrong."""
    found = _PARTIAL_DATE.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = found["year"], found["month"], found["day"]
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a calendar date: {error}") from None
    if day:
        return date, DatePrecision.DAY
    return date, DatePrecision.MONTH if month else DatePrecision.YEAR


@dataclass(frozen=True)
class IngestOutcome:
    """One file read: its document, how many proposals were new or known, or its error."""

    path: Path
    document_id: str | None = None
    title: str | None = None
    new: int = 0
    known: int = 0
    proposal_ids: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    error: str | None = None


def document_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, and the documents inside the folders named (sorted, recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                )
            )
        else:
            files.append(path)
    return files


def read_with_details(path: Path, details: DocumentDetails) -> ReadResult:
    """A file read with the metadata given beside it (a date given at its precision)."""
    from caravan.analysis.ingest import read_document

    read = read_document(
        path,
        title=details.title,
        publisher=details.publisher,
        published_on=details.published_on,
        url=details.url,
        language=details.language,
    )
    if details.published_on is not None and read.meta.published_on == details.published_on:
        meta = read.meta.model_copy(update={"published_precision": details.published_precision})
        read = dataclasses.replace(read, meta=meta)
    return read


def ingest_files(
    knowledge_base: KnowledgeBase,
    queue: ProposalQueue,
    files: Sequence[Path],
    details: DocumentDetails,
) -> Iterator[IngestOutcome]:
    """Read each file, propose facts and store them; yields one outcome per file.

    Each file's proposals are stored in their own transaction before the next file is
    read, so stopping between files keeps every finished one. A file that cannot be read
    yields its error and the others go on.
    """
    from caravan.analysis.ingest import propose

    for path in files:
        try:
            read = read_with_details(path, details)
            meta = read.meta
            facts = propose(knowledge_base, read.text, meta, warnings=read.warnings)
            stored = queue.add(meta, facts)
        except (CaravanError, OSError, ValueError) as error:
            yield IngestOutcome(path, error=str(error) or type(error).__name__)
            continue
        yield IngestOutcome(
            path,
            document_id=meta.id,
            title=meta.title,
            new=stored.new,
            known=stored.known,
            proposal_ids=tuple(fact.id for fact in facts),
            warnings=tuple(warning.message for warning in read.warnings),
        )
