"""Russian place and organisation names found by a statistical model (natasha's news NER).

The model (``slovnet_ner_news_v1`` with ``navec`` embeddings) ships inside the natasha wheel
and loads offline once per process, lazily. Where natasha cannot be imported or loaded, a
warning is logged once and no spans are found: the rules then work alone.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any, Protocol

from caravan.analysis.ingest.morphology import analyser

__all__ = ["NamedSpan", "load_tagger", "named_spans", "place_lemma"]

_LOG = logging.getLogger(__name__)
#: Span types of the model kept: places and organisations (persons are not facts here).
_KEPT = frozenset({"LOC", "ORG"})


@dataclass(frozen=True)
class NamedSpan:
    """A name the model found: ``kind`` is ``LOC`` or ``ORG``; offsets into the text."""

    kind: str
    start: int
    end: int
    text: str


class _Tagger(Protocol):
    def __call__(self, text: str) -> list[NamedSpan]: ...


def load_tagger() -> _Tagger:
    """natasha's segmenter and news NER tagger, as one function of a text (raises when the
    package or its bundled model cannot be loaded)."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter = Segmenter()
    tagger = NewsNERTagger(NewsEmbedding())

    def tag(text: str) -> list[NamedSpan]:
        doc: Any = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [
            NamedSpan(str(s.type), int(s.start), int(s.stop), str(s.text))
            for s in doc.spans
            if s.type in _KEPT
        ]

    return tag


@functools.cache
def _tagger() -> _Tagger | None:
    """The process's one tagger, or None (logged once) when the model is unavailable."""
    try:
        return load_tagger()
    except Exception as error:  # any failure of an optional model leaves the rules alone
        _LOG.warning("Russian NER model unavailable, rules only: %s", error)
        return None


#: The model reads a long text in pieces of about this many characters, cut at line ends,
#: so its memory stays bounded (it reads about 100,000 characters a second).
CHUNK_CHARACTERS = 20_000


def named_spans(text: str) -> tuple[NamedSpan, ...]:
    """Place and organisation names the model finds in a Russian text (none without it)."""
    tagger = _tagger()
    if tagger is None:
        return ()
    found: list[NamedSpan] = []
    try:
        for start, end in _chunks(text):
            found += [
                NamedSpan(s.kind, s.start + start, s.end + start, s.text)
                for s in tagger(text[start:end])
            ]
    except Exception as error:  # a model failure on one text costs its recall, not the run
        _LOG.warning("Russian NER failed on a text, rules only: %s", error)
        return ()
    return tuple(found)


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans of about ``CHUNK_CHARACTERS`` that end at a line end (or the text's end)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARACTERS)
        if end < len(text):
            line_end = text.rfind("\n", start, end)
            end = line_end + 1 if line_end > start else end
        spans.append((start, end))
        start = end
    return spans


def place_lemma(name: str) -> str:
    """A Russian place name in the nominative ("Костаная" → "Костанай") when the dictionary
    reads it as a geographical name; otherwise as written."""
    words = name.split()
    if len(words) != 1:
        return name
    parses = [p for p in analyser().parse(name.casefold()) if "Geox" in p.tag]
    if not parses:
        return name
    lemma = str(parses[0].normal_form)
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
