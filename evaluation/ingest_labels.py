"""The labelled corpus for monitoring: documents, their front matter and their expected facts.

Each text in ``evaluation/ingest_corpus/`` paraphrases one published report. A ``.txt``
file opens with a front matter block (``key: value`` lines between two ``---`` lines);
an ``.html`` file carries the same keys as a saved page does: ``<html lang>``,
``<title>``, ``<link rel="canonical">`` and ``<meta>`` tags; a ``.pdf`` file in its
document information (title, author as publisher, creation date, ``/URL``, ``/Language``). Beside each text,
``<name>.expected.toml`` lists the facts a careful reader extracts from it
(see ``evaluation/ingest_corpus/README.md`` for the labelling rules).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pypdf import PdfReader

__all__ = [
    "CORPUS",
    "REQUIRED_META",
    "Document",
    "ExpectedFact",
    "LabelError",
    "load_corpus",
    "load_document",
    "load_labels",
    "parse_partial_date",
]

CORPUS = Path(__file__).resolve().parent / "ingest_corpus"
TEXT_SUFFIXES = (".txt", ".html", ".pdf")
REQUIRED_META = ("url", "title", "publisher", "published_on", "language")
KINDS = ("status_event", "figure", "agreement", "new_entity")
_FRONT_MATTER = re.compile(r"\A---\n(?P<block>.*?)\n---\n", re.DOTALL)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class LabelError(ValueError):
    """A corpus file is malformed: names the file, the fact and the reason."""


@dataclass(frozen=True)
class ExpectedFact:
    """One labelled fact: its kind, the key fields that identify it, and expected flags."""

    document: str
    index: int
    kind: str
    fields: dict[str, Any]
    flags: tuple[str, ...] = ()

    def describe(self) -> str:
        """A one-line summary of the key fields, for listings of misses."""
        shown = {
            k: v for k, v in self.fields.items() if k not in ("evidence", "aliases", "required")
        }
        return f"{self.kind} " + ", ".join(f"{k}={v}" for k, v in shown.items())


@dataclass(frozen=True)
class Document:
    """A corpus text with its metadata and labels."""

    path: Path
    meta: dict[str, str]
    body: str
    expected: tuple[ExpectedFact, ...] = field(default=())

    @property
    def name(self) -> str:
        """The file name, which identifies the document in listings."""
        return self.path.name

    @property
    def language(self) -> str:
        """ISO 639-1 code from the metadata."""
        return self.meta.get("language", "")

    @property
    def published_on(self) -> tuple[dt.date, str]:
        """Publication date from the metadata, with its precision (a month may be all)."""
        return parse_partial_date(self.meta["published_on"])


def load_corpus(folder: Path = CORPUS) -> list[Document]:
    """Every labelled text of ``folder``, sorted by name."""
    texts = sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES)
    return [load_document(path) for path in texts]


def load_document(path: Path) -> Document:
    """Read one text, its metadata and its sidecar of expected facts."""
    if path.suffix == ".pdf":
        meta, body = _pdf_meta(path)
    else:
        raw = path.read_text(encoding="utf-8")
        meta, body = _html_meta(raw) if path.suffix == ".html" else _front_matter(raw, path)
    sidecar = path.with_name(path.stem + ".expected.toml")
    expected = _expected(sidecar, path.name) if sidecar.exists() else ()
    return Document(path, meta, body, expected)


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a date and its precision (year/month/day)."""
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision


def _front_matter(raw: str, path: Path) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(raw)
    if match is None:
        raise LabelError(f"{path.name}: no front matter between '---' lines at the top")
    meta: dict[str, str] = {}
    for number, line in enumerate(match["block"].splitlines(), start=2):
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[a-z_]+", key.strip()):
            raise LabelError(f"{path.name}, line {number}: expected 'key: value', got {line!r}")
        meta[key.strip()] = value.strip().strip('"')
    return meta, raw[match.end() :]


def _html_meta(raw: str) -> tuple[dict[str, str], str]:
    soup = BeautifulSoup(raw, "lxml")
    meta: dict[str, str] = {}
    if soup.html is not None and soup.html.get("lang"):
        meta["language"] = str(soup.html["lang"])
    if soup.title is not None and soup.title.string:
        meta["title"] = soup.title.string.strip()
    canonical = soup.find("link", rel="canonical")
    if canonical is not None and canonical.get("href"):
        meta["url"] = str(canonical["href"])
    for tag in soup.find_all("meta"):
        name = tag.get("name") or tag.get("property")
        if name in ("publisher", "article:publisher"):
            meta["publisher"] = str(tag.get("content", ""))
        elif name in ("published_on", "article:published_time"):
            meta["published_on"] = str(tag.get("content", ""))[:10]
    return meta, raw


def load_labels(path: Path) -> tuple[dict[str, str], tuple[ExpectedFact, ...]]:
    """A labels file kept apart from its text: its ``[document]`` metadata and its facts."""
    data = _toml(path)
    meta = {str(k): str(v) for k, v in data.get("document", {}).items()}
    return meta, _facts(data, path, path.name)


def _pdf_meta(path: Path) -> tuple[dict[str, str], str]:
    """A PDF's document information (``/URL`` and ``/Language`` are our own keys) and text."""
    reader = PdfReader(path)
    info: dict[str, Any] = dict(reader.metadata or {})
    created = str(info.get("/CreationDate", ""))
    meta = {
        "title": str(info.get("/Title", "")),
        "publisher": str(info.get("/Author", "")),
        "published_on": f"{created[2:6]}-{created[6:8]}-{created[8:10]}" if created else "",
        "url": str(info.get("/URL", "")),
        "language": str(info.get("/Language", "")),
    }
    body = "\n".join(page.extract_text() or "" for page in reader.pages)
    return meta, body


def _expected(sidecar: Path, document: str) -> tuple[ExpectedFact, ...]:
    return _facts(_toml(sidecar), sidecar, document)


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LabelError(f"{path.name}: not valid TOML ({error})") from error


def _facts(data: dict[str, Any], sidecar: Path, document: str) -> tuple[ExpectedFact, ...]:
    facts = []
    for index, entry in enumerate(data.get("facts", []), start=1):
        kind = entry.get("kind")
        if kind not in KINDS:
            raise LabelError(f"{sidecar.name}, fact {index}: kind {kind!r} is not one of {KINDS}")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise LabelError(f"{sidecar.name}, fact {index}: aliases must be a list of names")
        flags = tuple(entry.get("flags", ()))
        fields = {k: v for k, v in entry.items() if k not in ("kind", "flags")}
        facts.append(ExpectedFact(document, index, kind, fields, flags))
    return tuple(facts)
