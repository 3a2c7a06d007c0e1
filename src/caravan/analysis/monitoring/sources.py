"""A read document as a knowledge-base source: what it needs before any fact can cite it."""

from __future__ import annotations

from caravan.analysis.monitoring.errors import ReviewError
from caravan.model import Source
from caravan.model.proposals import DocumentMeta

__all__ = ["document_source", "document_source_id"]


def document_source_id(document: DocumentMeta) -> str:
    """The stable source id of a document: ``src-doc-`` and the start of its text hash."""
    return f"src-doc-{document.id[:12]}"


def document_source(document: DocumentMeta) -> Source:
    """The document as a source row; a URL, a title and a publisher are required.

    A fact in the knowledge base must be traceable to where it can be read, so a document
    read from a file without a URL cannot be cited until one is supplied.
    """
    missing = [name for name in ("url", "title", "publisher") if getattr(document, name) is None]
    if missing:
        flags = " ".join(f"--{name} …" for name in missing)
        where = f" ({document.path})" if document.path else ""
        raise ReviewError(
            f"document {document.id[:12]}{where} has no {', '.join(missing)}: every accepted "
            "fact cites its document, which needs a URL, a title and a publisher. Ingest the "
            f"file again with {flags} "
            "(its proposals stay as they are; the missing metadata is filled in)"
        )
    return Source(
        id=document_source_id(document),
        url=str(document.url),
        title=str(document.title),
        publisher=str(document.publisher),
        published_on=document.published_on,
    )
