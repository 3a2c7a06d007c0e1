"""Reading a file (plain text, HTML or PDF) into its metadata and extracted text.

The text is what every evidence span points into; the document id is a hash of it, so
the same document read twice gets the same id. Oversized input is cut at the limit with
a PARTIAL_DOCUMENT warning; a PDF page that does not read is skipped with one too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from caravan.analysis.ingest.dates import find_dates, parse_date_text
from caravan.analysis.ingest.errors import (
    DocumentTooLargeError,
    UnreadableDocumentError,
)
from caravan.analysis.ingest.languages import detect_language
from caravan.model.enums import DatePrecision
from caravan.model.proposals import DocumentMeta, Flag, FlagCode

if TYPE_CHECKING:  # parsers load only when a page or a PDF is read (import stays cheap)
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

__all__ = [
    "DEFAULT_MAX_CHARACTERS",
    "DocumentFormat",
    "ReadResult",
    "document_id",
    "read_document",
    "read_text",
]

#: Most characters of extracted text kept from one document (about 10 MB of text).
DEFAULT_MAX_CHARACTERS = 10_000_000

#: HTML and PDF files are parsed whole; above this many bytes per allowed character they
#: are refused, so a 50 MB page cannot exhaust memory in the parser.
_PARSED_BYTES_PER_CHARACTER = 4

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


class DocumentFormat(StrEnum):
    """Formats caravan reads."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"


@dataclass(frozen=True)
class ReadResult:
    """A document read: its metadata, its extracted text and warnings for the reviewer."""

    meta: DocumentMeta
    text: str
    format: DocumentFormat
    warnings: tuple[Flag, ...] = field(default=())

    @property
    def partial(self) -> bool:
        """True when part of the document could not be read or was cut off."""
        return any(w.code is FlagCode.PARTIAL_DOCUMENT for w in self.warnings)


def document_id(text: str) -> str:
    """The id of a document: sha256 of its extracted text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_document(
    path: Path | str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published_on: dt.date | None = None,
    url: str | None = None,
    language: str | None = None,
    max_characters: int = DEFAULT_MAX_CHARACTERS,
) -> ReadResult:
    """Read a text, HTML or PDF file; arguments override what the document says of itself.

    Raises :class:`UnreadableDocumentError` for binary junk or a file that does not parse,
    :class:`DocumentTooLargeError` for an HTML or PDF file too large to parse safely.
    """
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocumentError(path, "no such file")
    kind = _format_of(path)
    found: dict[str, str | dt.date | None]
    if kind is DocumentFormat.PDF:
        text, found, notes = _read_pdf(path, max_characters)
    elif kind is DocumentFormat.HTML:
        text, found, notes = _read_html(path, max_characters)
    else:
        text, found, notes = _read_plain(path, max_characters)
    if len(text) > max_characters:
        notes.append(
            f"the text has {len(text):,} characters; only the first {max_characters:,} were kept"
        )
        text = text[:max_characters]
    return ReadResult(
        meta=_meta(path, text, found, title, publisher, published_on, url, language),
        text=text,
        format=kind,
        warnings=tuple(Flag(code=FlagCode.PARTIAL_DOCUMENT, message=n) for n in notes),
    )


def read_text(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published_on: dt.date | None = None,
    url: str | None = None,
    language: str | None = None,
) -> ReadResult:
    """Treat a string as a plain-text document (for pasted text and tests)."""
    found: dict[str, str | dt.date | None] = {"published_on": _dateline(text)}
    meta = _meta(None, text, found, title, publisher, published_on, url, language)
    return ReadResult(meta=meta, text=text, format=DocumentFormat.TEXT)


def _format_of(path: Path) -> DocumentFormat:
    suffix = path.suffix.casefold()
    if suffix == ".pdf":
        return DocumentFormat.PDF
    if suffix in {".html", ".htm", ".xhtml", ".shtml"}:
        return DocumentFormat.HTML
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"%PDF"):
        return DocumentFormat.PDF
    if re.search(rb"<(?:!doctype\s+html|html|head|body)\b", head.lstrip()[:200], re.IGNORECASE):
        return DocumentFormat.HTML
    return DocumentFormat.TEXT


_WEB_URL = re.compile(r"^https?://\S+$")


def _meta(
    path: Path | None,
    text: str,
    found: dict[str, str | dt.date | None],
    title: str | None,
    publisher: str | None,
    published_on: dt.date | None,
    url: str | None,
    language: str | None,
) -> DocumentMeta:
    found_url = found.get("url")
    if not (isinstance(found_url, str) and _WEB_URL.match(found_url)):
        found_url = None
    found_date = found.get("published_on")
    return DocumentMeta(
        id=document_id(text),
        title=title or _text_or_none(found.get("title")),
        publisher=publisher or _text_or_none(found.get("publisher")),
        published_on=published_on or (found_date if isinstance(found_date, dt.date) else None),
        url=url or found_url,
        language=language or detect_language(text),
        path=str(path) if path is not None else None,
        characters=len(text),
    )


def _text_or_none(value: str | dt.date | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# -- plain text ------------------------------------------------------------------------


def _read_plain(
    path: Path, max_characters: int
) -> tuple[str, dict[str, str | dt.date | None], list[str]]:
    notes: list[str] = []
    limit = max_characters * 4  # at most four bytes per character in UTF-8
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        data = data[:limit]
        notes.append(f"the file is larger than {limit:,} bytes; only the first part was read")
    text = _decode(path, data, truncated=bool(notes))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, {"published_on": _dateline(text)}, notes


def _decode(path: Path, data: bytes, *, truncated: bool) -> str:
    """UTF-8 (with or without BOM), else cp1251; binary junk is refused."""
    if b"\x00" in data[:8192]:
        raise UnreadableDocumentError(path, "binary data (NUL bytes), not a text document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if truncated and error.start >= len(data) - 3:
            text = data[: error.start].decode("utf-8")
        else:
            try:
                text = data.decode("cp1251")
            except UnicodeDecodeError as cp_error:
                raise UnreadableDocumentError(
                    path,
                    f"binary data or an unknown encoding: neither UTF-8 nor cp1251 (byte {cp_error.start})",
                ) from cp_error
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE:
        raise UnreadableDocumentError(path, "binary data (control characters), not a text document")
    if sample and sum(ch.isalpha() for ch in sample) < 0.3 * len(sample.strip() or "x"):
        raise UnreadableDocumentError(path, "too few letters for a text document (binary data?)")
    return text


def _dateline(text: str) -> dt.date | None:
    """A publication date from a short dateline at the very start or end of a text."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in [*lines[:3], *lines[-3:]]:
        if len(line) > 80:
            continue
        for mention in find_dates(line):
            if mention.precision is DatePrecision.DAY and not mention.inferred_year:
                return mention.date
    return None


# -- HTML ------------------------------------------------------------------------------

_DROPPED_TAGS = (
    "script", "style", "nav", "noscript", "template", "svg", "form", "button", "iframe",
    "header", "footer", "aside", "menu",
)  # fmt: skip
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption")


def _read_html(
    path: Path, max_characters: int
) -> tuple[str, dict[str, str | dt.date | None], list[str]]:
    size = path.stat().st_size
    if size > max_characters * _PARSED_BYTES_PER_CHARACTER:
        raise DocumentTooLargeError(
            path,
            f"an HTML file of {size:,} bytes is above the limit of "
            f"{max_characters * _PARSED_BYTES_PER_CHARACTER:,} bytes; raise max_characters "
            "or save the article alone",
        )
    from bs4 import BeautifulSoup, Tag

    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise UnreadableDocumentError(path, "binary data (NUL bytes), not an HTML document")
    with warnings.catch_warnings():
        # Beautiful Soup warns about markup that looks like a file name or XML; the text
        # is read the same either way.
        warnings.simplefilter("ignore")
        try:
            soup = BeautifulSoup(data, "lxml")
        except Exception as error:  # lxml raises several unrelated types on broken input
            raise UnreadableDocumentError(path, f"HTML that does not parse: {error}") from error
    found = _html_meta(soup)
    for tag in soup.find_all(_DROPPED_TAGS):
        if isinstance(tag, Tag):
            tag.decompose()
    blocks = [
        " ".join(tag.get_text(" ").split())
        for tag in soup.find_all(_BLOCK_TAGS)
        if isinstance(tag, Tag) and tag.find_parent(_BLOCK_TAGS) is None
    ]
    blocks = [b for b in blocks if b]
    if not blocks:
        body = soup.body or soup
        blocks = [" ".join(line.split()) for line in body.get_text("\n").splitlines()]
        blocks = [b for b in blocks if b]
    return "\n".join(blocks), found, []


def _html_meta(soup: BeautifulSoup) -> dict[str, str | dt.date | None]:
    from bs4 import Tag

    def meta_content(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find(
                "meta", attrs={"name": name}
            )
            if isinstance(tag, Tag):
                content = tag.get("content")
                if isinstance(content, str) and content.strip():
                    return content.strip()
        return None

    title = meta_content("og:title", "twitter:title")
    if title is None and soup.title is not None and soup.title.string:
        title = " ".join(soup.title.string.split())
    date_text = meta_content(
        "article:published_time", "og:published_time", "datePublished", "pubdate",
        "publish-date", "date", "dc.date", "DC.date.issued",
    )  # fmt: skip
    if date_text is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        if isinstance(time_tag, Tag):
            value = time_tag.get("datetime")
            date_text = value if isinstance(value, str) else None
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = canonical.get("href") if isinstance(canonical, Tag) else None
    return {
        "title": title,
        "publisher": meta_content("og:site_name", "publisher", "article:publisher", "author"),
        "published_on": parse_date_text(date_text) if date_text else None,
        "url": url if isinstance(url, str) else meta_content("og:url"),
    }


# -- PDF -------------------------------------------------------------------------------


def _read_pdf(
    path: Path, max_characters: int
) -> tuple[str, dict[str, str | dt.date | None], list[str]]:
    size = path.stat().st_size
    limit = max(max_characters * _PARSED_BYTES_PER_CHARACTER, 50_000_000)
    if size > limit:
        raise DocumentTooLargeError(
            path, f"a PDF of {size:,} bytes is above the limit of {limit:,}"
        )
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    notes: list[str] = []
    pages: list[str] = []
    with warnings.catch_warnings():
        # pypdf warns about recoverable defects; unrecoverable ones raise and are reported.
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(path, strict=False)
            page_count = len(reader.pages)
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
            raise UnreadableDocumentError(path, f"a PDF that does not parse: {error}") from error
        total = 0
        for number in range(page_count):
            with _pdf_problems() as problems:
                try:
                    page_text = reader.pages[number].extract_text() or ""
                except Exception as error:  # a damaged page raises many types; the rest reads
                    problems.append(str(error))
                    page_text = ""
            if problems or not page_text.strip():
                reason = problems[0] if problems else "no text on it (an image or unreadable)"
                notes.append(f"page {number + 1} of {page_count} could not be read: {reason}")
            pages.append(page_text)
            total += len(page_text)
            if total > max_characters:
                if number + 1 < page_count:
                    notes.append(f"pages {number + 2}–{page_count} were not read (size limit)")
                break
        found = _pdf_meta(reader)
    text = "\n".join(pages)
    if not text.strip() and page_count:
        notes.append("no text could be extracted (a scanned PDF needs OCR, which caravan lacks)")
    return text, found, notes


class _Collector(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def _pdf_problems() -> Iterator[list[str]]:
    """What pypdf logs while reading a page: the reasons a page came out empty or short."""
    problems: list[str] = []
    handler = _Collector(problems)
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        yield problems
    finally:
        logger.removeHandler(handler)


def _pdf_meta(reader: PdfReader) -> dict[str, str | dt.date | None]:
    try:
        info = reader.metadata
    except Exception:  # broken metadata must not lose the text
        return {}
    if info is None:
        return {}
    created = info.creation_date if hasattr(info, "creation_date") else None
    return {
        "title": info.title,
        "publisher": info.author,
        "published_on": created.date() if isinstance(created, dt.datetime) else None,
    }
