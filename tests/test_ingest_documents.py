"""Reading files: encodings, HTML clean-up and metadata, PDF, and hostile input."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from caravan.analysis.ingest import (
    DocumentTooLargeError,
    UnreadableDocumentError,
    document_id,
    propose,
    read_document,
)
from caravan.model.proposals import FlagCode
from ingest_helpers import tiny_pdf

RUSSIAN = "Железная дорога Ангрен — Пап открыта в июне 2016 года."


@pytest.mark.parametrize(
    ("data", "language"),
    [
        ("The Angren–Pap railway opened in June 2016.".encode(), "en"),
        (b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), "ru"),
        (RUSSIAN.encode("cp1251"), "ru"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1251"],
)
def test_plain_text_in_each_encoding_reads_to_the_same_characters(
    tmp_path: Path, data: bytes, language: str
) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    read = read_document(path)
    assert read.text.startswith(("The Angren", "Железная"))
    assert "\ufeff" not in read.text
    assert read.meta.language == language
    assert read.meta.id == document_id(read.text)
    assert read.meta.characters == len(read.text)


def test_metadata_arguments_override_what_the_document_says(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Xinhua, 1 May 2024\nThe Angren–Pap railway opened in June 2016.\n")
    found = read_document(path)
    assert found.meta.published_on == dt.date(2024, 5, 1)
    given = read_document(
        path,
        title="A title",
        publisher="A publisher",
        published_on=dt.date(2024, 5, 2),
        url="https://example.org/a",
        language="ru",
    )
    assert (given.meta.title, given.meta.publisher) == ("A title", "A publisher")
    assert given.meta.published_on == dt.date(2024, 5, 2)
    assert given.meta.url == "https://example.org/a"
    assert given.meta.language == "ru"
    assert given.meta.id == found.meta.id  # the id is the text's, not the metadata's


@pytest.mark.parametrize("with_nul", [True, False], ids=["nul-bytes", "control-bytes"])
def test_binary_junk_is_a_clear_error(tmp_path: Path, with_nul: bool) -> None:
    rng = random.Random(12)
    low = 0 if with_nul else 1
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(rng.randint(low, 255) for _ in range(20_000)))
    with pytest.raises(UnreadableDocumentError, match=r"junk\.txt: .*binary"):
        read_document(path)


def test_a_50_mb_text_file_is_read_in_part_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "The Angren–Pap railway opened in June 2016 after years of works.\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50_000_000
    read = read_document(path, max_characters=1_000_000)
    assert len(read.text) == 1_000_000
    assert read.partial
    assert any("only the first" in w.message for w in read.warnings)


def test_a_50_mb_html_file_is_refused_not_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<html><body>")
        for _ in range(50_000_000 // 40 + 1):
            handle.write("<p>The railway opened in 2016.</p>\n")
        handle.write("</body></html>")
    with pytest.raises(DocumentTooLargeError, match=r"big\.html"):
        read_document(path)


HTML = """<!doctype html>
<html><head>
<title>Fallback title</title>
<meta property="og:title" content="Angren–Pap line opens">
<meta property="og:site_name" content="Railway News">
<meta property="article:published_time" content="2016-06-23T10:00:00+05:00">
<link rel="canonical" href="https://example.org/angren-pap">
<script>var note = "The Zhezkazgan – Beyneu railway was cancelled in 2019.";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">The Darbaza – Maktaaral railway opened in 2020.</a></nav>
<article>
<h1>Angren–Pap line opens</h1>
<p>The Angren–Pap railway opened in June 2016.</p>
<script>document.write("The Kuryk port ferry complex was suspended in 2021.")</script>
<p>It runs through the Qamchiq tunnel.</p>
</article>
</body></html>
"""


def test_html_keeps_paragraphs_and_metadata_and_drops_scripts(
    tmp_path: Path, embedded_kb_path: Path
) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    read = read_document(path)
    assert "Angren–Pap railway opened in June 2016." in read.text
    assert "Qamchiq tunnel" in read.text
    for hidden in ("Zhezkazgan", "Kuryk", "Darbaza", "color: red"):
        assert hidden not in read.text
    assert read.meta.title == "Angren–Pap line opens"
    assert read.meta.publisher == "Railway News"
    assert read.meta.published_on == dt.date(2016, 6, 23)
    assert read.meta.url == "https://example.org/angren-pap"

    from caravan.store import KnowledgeBase

    kb = KnowledgeBase(embedded_kb_path)
    try:
        facts = propose(kb, read.text, read.meta)
    finally:
        kb.close()
    assert facts, "the visible paragraph states an opening"
    for fact in facts:
        assert "Kuryk" not in fact.evidence.sentence
        assert "Zhezkazgan" not in fact.evidence.sentence
        assert read.text[fact.evidence.start : fact.evidence.end] == fact.evidence.sentence


def test_a_pdf_that_does_not_parse_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a PDF at all\n" * 20)
    with pytest.raises(UnreadableDocumentError, match=r"broken\.pdf: a PDF that does not parse"):
        read_document(path)


def test_a_small_valid_pdf_reads_its_text(tmp_path: Path) -> None:
    path = tmp_path / "note.pdf"
    path.write_bytes(tiny_pdf(["The Angren-Pap railway opened in June 2016.", "Second page."]))
    read = read_document(path)
    assert "Angren-Pap railway opened in June 2016." in read.text
    assert "Second page." in read.text
    assert not read.warnings


def test_a_pdf_with_an_unreadable_page_gives_the_rest_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "partial.pdf"
    path.write_bytes(tiny_pdf(["The Angren-Pap railway opened in June 2016.", "lost"], 1))
    read = read_document(path)
    assert "Angren-Pap railway" in read.text
    assert "lost" not in read.text
    assert [w.code for w in read.warnings] == [FlagCode.PARTIAL_DOCUMENT]
    assert "page 2 of 2" in read.warnings[0].message


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocumentError, match="no such file"):
        read_document(tmp_path / "absent.txt")


def test_importing_the_engine_loads_no_parser() -> None:
    import subprocess
    import sys

    code = (
        "import sys, caravan.analysis.ingest; "
        "print(sorted(m for m in ('bs4', 'lxml', 'pypdf') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
