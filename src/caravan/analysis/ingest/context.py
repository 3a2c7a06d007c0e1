"""What extraction rules see of a sentence and of the document around it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.analysis.ingest.russian_ner import NamedSpan
from caravan.model.enums import AgreementKind, DatePrecision, PlaceKind, ProjectKind
from caravan.model.proposals import Flag
from caravan.model.proposals import Payload as _Payload

__all__ = [
    "MEMBERS",
    "Candidate",
    "DocumentContext",
    "SentenceView",
    "nearest",
    "parties_named",
]

#: The six states in canonical order: China, then the five.
MEMBERS = ("cn", "kz", "kg", "tj", "tm", "uz")
CENTRAL_ASIA = MEMBERS[1:]

Payload = _Payload
_Spanned = TypeVar("_Spanned", Match, DateMention)


@dataclass(frozen=True)
class Candidate:
    """A fact a rule read, before comparison: payload, the words it came from, confidence."""

    payload: Payload
    start: int  # span of the words the fact was read from (absolute offsets)
    end: int
    confidence: float
    flags: tuple[Flag, ...] = ()
    date_stated: bool = True  # False when an event is dated by the document, not the text
    ongoing: bool = False  # a state in progress ("is being built", "20 % ready"), not a step


@dataclass(frozen=True)
class DocumentContext:
    """The document's date and, for a summit text, where and when the summit was held."""

    reference: dt.date | None
    language: str
    summit_place_id: str | None = None
    summit_date: dt.date | None = None
    summit_precision: DatePrecision | None = None
    about_central_asia: bool = False
    project_kinds: dict[str, ProjectKind] = field(default_factory=dict)
    crossings_at: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    crossings_of_project: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agreement_kinds: dict[str, AgreementKind] = field(default_factory=dict)
    #: How precisely ``reference`` is known (a report dated to its month only).
    reference_precision: DatePrecision = DatePrecision.DAY
    agreement_dates: dict[str, tuple[AgreementKind, dt.date, DatePrecision | None]] = field(
        default_factory=dict
    )
    member_names: dict[str, str] = field(default_factory=dict)  # country id -> English name
    capitals: dict[str, str] = field(default_factory=dict)  # country id -> its capital's id
    dateline_place_id: str | None = None  # "ASTANA, June 17 –": where the report was filed
    dateline_date: dt.date | None = None
    dateline_start: int | None = None  # where the dateline's place name stands
    #: The place of the signing event the text names ("documents were signed at the
    #: Kashgar fair", "подписаны в рамках Кашгарской ярмарки"), by name or adjective.
    signing_place_id: str | None = None
    #: Projects the knowledge base holds in service on the report's day, and since when.
    in_service_since: dict[str, dt.date] = field(default_factory=dict)
    #: Each held project's name and aliases (what its match may have left out of its name).
    project_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Place and organisation names the statistical model found (Russian texts only).
    named_spans: tuple[NamedSpan, ...] = ()
    #: What each held place is: a port, dry port or border post is a facility itself (corpus
    #: rule 23), a city a settlement that a new facility may be named after (rule 6).
    place_kinds: dict[str, PlaceKind] = field(default_factory=dict)

    def in_service_before_year_of(self, project_id: str, day: dt.date) -> bool:
        """True when the knowledge base holds the project in service since a year before
        ``day``'s (papers or works said then are about a thing already running)."""
        since = self.in_service_since.get(project_id)
        return since is not None and since.year < day.year


#: A mention of a summit: in a summit report, the summit it reports (unless "first").
_THIS_SUMMIT = re.compile(r"\bsummit\b|(?<![\w-])саммит\w*", re.IGNORECASE)
#: "the first … summit": an earlier summit than the one reported.
_FIRST_SUMMIT = re.compile(r"\bfirst\b[^.]{0,40}summit", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceView:
    """One sentence with the names and dates found in it (offsets into the whole text)."""

    text: str  # the whole document text
    start: int
    end: int
    matches: tuple[Match, ...]
    dates: tuple[DateMention, ...]
    context: DocumentContext
    previous: SentenceView | None = None  # the sentence before

    @property
    def sentence(self) -> str:
        """The sentence's own text."""
        return self.text[self.start : self.end]

    def of_kind(self, *kinds: EntryKind) -> list[Match]:
        """Names in the sentence that may refer to things of these kinds."""
        return [m for m in self.matches if any(e.kind in kinds for e in m.entries)]

    def previous_sentences(self, count: int) -> Iterator[SentenceView]:
        """Up to ``count`` sentences before this one, nearest first (rules that read a fact
        spread over sentences look back this way)."""
        earlier = self.previous
        for _ in range(count):
            if earlier is None:
                return
            yield earlier
            earlier = earlier.previous

    def with_previous(self, count: int) -> Iterator[SentenceView]:
        """This sentence, then up to ``count`` sentences before it."""
        yield self
        yield from self.previous_sentences(count)

    def known_name_over(self, start: int, end: int, *kinds: EntryKind) -> bool:
        """True when a known name overlaps ``start:end`` (one that may be of ``kinds``, when
        given): the words there are not new."""
        return any(
            m.start < end and start < m.end and (not kinds or m.ids(*kinds)) for m in self.matches
        )

    @property
    def refers_to_this_summit(self) -> bool:
        """True when the sentence, or its paragraph before it, speaks of the summit reported.

        "At this summit … signed X. [They] also established Y." dates Y by the summit too.
        """
        if self.context.summit_date is None and self.context.summit_place_id is None:
            return False
        if _FIRST_SUMMIT.search(self.sentence):
            return False
        paragraph_start = self.text.rfind("\n", 0, self.start) + 1
        return _THIS_SUMMIT.search(self.text, paragraph_start, self.end) is not None

    def segment_of(self, position: int) -> tuple[int, int]:
        """The clause around ``position``: between commas or semicolons outside names and dates."""
        protected = [(m.start, m.end) for m in self.matches] + [
            (d.start, d.end) for d in self.dates
        ]
        ends = {m.end for m in self.matches}
        starts = {m.start for m in self.matches}
        cuts = [
            self.start + i
            for i, ch in enumerate(self.sentence)
            if ch in ",;:"
            and not any(a <= self.start + i < b for a, b in protected)
            and not self._in_number(i)
            and not (ch == "," and self._in_list(self.start + i, ends, starts))
        ]
        before = [c for c in cuts if c < position]
        after = [c for c in cuts if c >= position]
        return (before[-1] + 1 if before else self.start, after[0] if after else self.end)

    def _in_number(self, i: int) -> bool:
        """True for a comma inside a number ("14,1 млн", "1,402 km")."""
        sentence = self.sentence
        return 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit() and sentence[i + 1].isdigit()

    def _in_list(self, comma: int, ends: set[int], starts: set[int]) -> bool:
        """True for a comma between two names of a list ("China, Kyrgyzstan and Uzbekistan")."""
        after = (
            comma
            + 1
            + len(self.text[comma + 1 : comma + 4])
            - len(self.text[comma + 1 : comma + 4].lstrip())
        )
        return comma in ends and after in starts


def nearest(items: list[_Spanned], start: int, end: int) -> _Spanned | None:
    """The item whose span lies closest to ``start:end`` (0 when they overlap)."""
    if not items:
        return None
    return min(items, key=lambda m: max(0, m.start - end, start - m.end))


def parties_named(
    view: SentenceView, start: int | None = None, end: int | None = None
) -> tuple[str, ...]:
    """Member countries the sentence (or a part of it) names, groups expanded, in canonical order."""
    lo = view.start if start is None else start
    hi = view.end if end is None else end
    found: set[str] = set()
    for match in view.matches:
        if match.start < lo or match.end > hi:
            continue
        for entry in match.entries:
            if entry.kind is EntryKind.COUNTRY and entry.id in MEMBERS:
                found.add(entry.id)
            elif entry.kind is EntryKind.GROUP and entry.id == "six":
                found.update(MEMBERS)
            elif entry.kind is EntryKind.GROUP and entry.id == "ca5":
                found.update(CENTRAL_ASIA)
    return tuple(c for c in MEMBERS if c in found)
