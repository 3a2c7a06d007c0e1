"""Read access to a built knowledge base: the queries the rest of caravan uses."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from rapidfuzz import process

from caravan.errors import KnowledgeBaseError, UnknownRecordError
from caravan.model import (
    Agreement,
    Assumption,
    Country,
    Crossing,
    Direction,
    Erratum,
    Link,
    Observation,
    Place,
    Project,
    ProjectStatus,
    Quantity,
    Record,
    SisterCityCount,
    SisterCityPair,
    Source,
    StatusEvent,
    TradeFlow,
)
from caravan.store._durability import recovering_reader
from caravan.store.journal import (
    BUSY_TIMEOUT_S,
    EditJournal,
    apply_pending_edits,
    journal_path_for,
    pending_edit_ids,
)
from caravan.store.names import PlaceIndex
from caravan.store.ownership import FileKind, require_own_file
from caravan.store.schema import TABLES, table_named
from caravan.store.sqlite_schema import record_from_row

__all__ = ["KnowledgeBase", "ProjectState", "Provenance"]

R = TypeVar("R", bound=Record)
T = TypeVar("T")

_LIFECYCLE = {status: rank for rank, status in enumerate(ProjectStatus)}


@dataclass(frozen=True)
class ProjectState:
    """A project and its status on a date (None before its first event)."""

    project: Project
    status: ProjectStatus | None
    since: dt.date | None


@dataclass(frozen=True)
class Provenance:
    """How a table's rows are backed: by published sources, assumptions, or both."""

    table: str
    rows: int
    published_only: int
    assumption_only: int
    both: int


class KnowledgeBase:
    """A read-only view of one knowledge-base file that follows the file as it changes.

    The file is opened read-write with writes refused (``query_only``), so that SQLite
    can roll back what a killed writer left half-done. Rebuilds and edits change the file
    in place; decoded caches are keyed by :meth:`version` and so follow them. If the name
    comes to point at another file, the next query reopens it. Edits journalled but not
    yet in the file are applied on opening.
    """

    def __init__(self, path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.busy_timeout_s = busy_timeout_s
        self._lock = threading.Lock()
        self._generation = 0
        self._identity: tuple[int, int] | None = None
        self._caches: dict[str, tuple[tuple[int, int], object]] = {}
        self._live = self._open()

    def close(self) -> None:
        """Close the connection."""
        self._live.close()

    def version(self) -> tuple[int, int]:
        """Changes when the file is replaced or anyone commits to it: a key for caches."""
        connection = self._connection
        return self._generation, int(connection.execute("PRAGMA data_version").fetchone()[0])

    def _cached(self, name: str, compute: Callable[[], T]) -> T:
        """A decoded value kept until the knowledge base changes."""
        version = self.version()
        held = self._caches.get(name)
        if held is None or held[0] != version:
            held = (version, compute())
            self._caches[name] = held
        return cast(T, held[1])

    @property
    def _connection(self) -> sqlite3.Connection:
        if _identity(self.path) not in (None, self._identity):
            with self._lock:
                if _identity(self.path) not in (None, self._identity):
                    # Threads still reading the old file keep their cursor; it closes with them.
                    self._live = self._open()
                    self._generation += 1
        return self._live

    def _open(self) -> sqlite3.Connection:
        kind = require_own_file(self.path, FileKind.KNOWLEDGE_BASE, FileKind.LEGACY_KNOWLEDGE_BASE)
        if kind is FileKind.ABSENT:
            raise KnowledgeBaseError(
                f"{self.path} does not exist; build it with caravan data build"
            )
        identity = _identity(self.path)
        connection = recovering_reader(self.path, self.busy_timeout_s)
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("SELECT 1 FROM meta").fetchone()
            if kind is FileKind.KNOWLEDGE_BASE and pending_edit_ids(
                connection, EditJournal(journal_path_for(self.path), self.busy_timeout_s)
            ):
                apply_pending_edits(self.path, self.busy_timeout_s)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise KnowledgeBaseError(
                f"{self.path} is not a caravan knowledge base: {error}"
            ) from error
        self._identity = identity
        return connection

    # -- generic ---------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        """Build metadata: schema version, data digest, build time, boundary method."""
        return {row["key"]: row["value"] for row in self._connection.execute("SELECT * FROM meta")}

    def content_key(self) -> str:
        """A digest of what the file holds, stable across processes (unlike :meth:`version`).

        It covers the build (data digest, schema, build time) and the journalled edits the
        file has applied or skipped: a rebuild or an edit changes it. Caches kept on disk,
        such as compiled networks, are keyed by it.
        """

        def digest() -> str:
            hasher = hashlib.sha256()
            for row in self._connection.execute("SELECT key, value FROM meta ORDER BY key"):
                hasher.update(f"meta\x00{row[0]}\x00{row[1]}\x00".encode())
            try:
                journal = self._connection.execute("SELECT id, outcome FROM journal ORDER BY id")
                for row in journal:
                    hasher.update(f"journal\x00{row[0]}\x00{row[1]}\x00".encode())
            except sqlite3.OperationalError:  # a knowledge base of an earlier caravan
                hasher.update(b"no journal table")
            return hasher.hexdigest()

        return self._cached("content key", digest)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {
            t.name: self._connection.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in TABLES
        }

    def all(self, table_name: str, order_by: str = "_file, _row") -> list[Record]:
        """Every record of a table, in file order (decoded once per knowledge-base version)."""
        return list(self._decoded(table_name, order_by))

    def _decoded(self, table_name: str, order_by: str) -> tuple[Record, ...]:
        """A table's records, decoded once per :meth:`version` and shared (records are frozen).

        Decoding (pydantic validation of every row) is what costs; the network compiler
        looks tables up many times per snapshot, so each table is decoded once.
        """
        table = table_named(table_name)

        def decode() -> tuple[Record, ...]:
            rows = self._connection.execute(f'SELECT * FROM "{table.name}" ORDER BY {order_by}')
            return tuple(record_from_row(table, dict(row)) for row in rows)

        return self._cached(f"records {table.name} {order_by}", decode)

    def _typed(self, table_name: str, kind: type[R], order_by: str = "_file, _row") -> list[R]:
        return [cast(R, record) for record in self.all(table_name, order_by)]

    def get(self, table_name: str, record_id: str) -> Record:
        """One record by id; raises :class:`UnknownRecordError` with close ids."""
        table = table_named(table_name)
        row = self._connection.execute(
            f'SELECT * FROM "{table.name}" WHERE id = ?', (record_id,)
        ).fetchone()
        if row is None:
            ids = [r[0] for r in self._connection.execute(f'SELECT id FROM "{table.name}"')]
            close = [m[0] for m in process.extract(record_id, ids, limit=3, score_cutoff=60)]
            raise UnknownRecordError(table.name.rstrip("s"), record_id, close)
        return record_from_row(table, dict(row))

    def citations(self, table_name: str, key: str) -> list[Source | Assumption]:
        """The sources and assumptions a row cites, in citation order."""
        rows = self._connection.execute(
            "SELECT source_id FROM citations WHERE table_name = ? AND record_key = ? ORDER BY rowid",
            (table_name, key),
        ).fetchall()
        found: list[Source | Assumption] = []
        for (source_id,) in rows:
            table = "sources" if source_id.startswith("src-") else "assumptions"
            found.append(cast(Source | Assumption, self.get(table, source_id)))
        return found

    def cited_by(self, source_id: str) -> list[tuple[str, str]]:
        """(table, key) of every row citing a source or assumption."""
        rows = self._connection.execute(
            "SELECT table_name, record_key FROM citations WHERE source_id = ? ORDER BY table_name, record_key",
            (source_id,),
        )
        return [(row[0], row[1]) for row in rows]

    def provenance(self) -> list[Provenance]:
        """Per table: rows citing only published sources, only assumptions, or both."""
        result = []
        for table in TABLES:
            if "source" not in table.fields:
                continue
            kinds: dict[str, set[str]] = defaultdict(set)
            for key, source_id in self._connection.execute(
                "SELECT record_key, source_id FROM citations WHERE table_name = ?", (table.name,)
            ):
                kinds[key].add(source_id[:3])
            published = sum(1 for k in kinds.values() if k == {"src"})
            assumed = sum(1 for k in kinds.values() if k == {"asm"})
            result.append(
                Provenance(
                    table.name, len(kinds), published, assumed, len(kinds) - published - assumed
                )
            )
        return result

    # -- places and network ------------------------------------------------------------
    def countries(self) -> list[Country]:
        """All countries, members first."""
        return self._typed("countries", Country, "member DESC, id")

    def resolve_country(self, name: str) -> Country:
        """The country an id, ISO alpha-3 code or name (in any of its four languages) names;
        anything else raises :class:`UnknownRecordError` with the closest countries."""
        wanted = name.strip().casefold()
        countries = self.countries()
        for country in countries:
            if wanted in {n.casefold() for n in (country.id, country.iso3, *_names(country))}:
                return country
        named = [(n, c.id) for c in countries for n in _names(c)]
        close = _closest_ids(name.strip(), named, limit=6, cutoff=60)
        if not close:  # nothing alike: the members are the choices
            close = [c.id for c in countries if c.member]
        english = {c.id: c.name_en for c in countries}
        raise UnknownRecordError("country", name, [f"{i} ({english[i]})" for i in close[:6]])

    @property
    def place_index(self) -> PlaceIndex:
        """Name index over all places (ids, four languages, aliases)."""
        return self._cached("place_index", lambda: PlaceIndex(self._typed("places", Place)))

    def resolve_place(self, name: str) -> Place:
        """The place a name, alias or id refers to; typos get suggestions."""
        return self.place_index.resolve(name)

    def places(self, country: str | None = None, kind: str | None = None) -> list[Place]:
        """Places, optionally of one country and/or kind."""
        places = self._typed("places", Place, "country_id, name_en")
        return [
            p
            for p in places
            if (country is None or p.country_id == country) and (kind is None or p.kind == kind)
        ]

    def crossings(self, country: str | None = None, mode: str | None = None) -> list[Crossing]:
        """Border crossings, optionally touching one country and/or of one mode."""
        posts = {p.id: p.country_id for p in self._typed("places", Place)}
        crossings = self._typed("crossings", Crossing, "id")
        return [
            c
            for c in crossings
            if (country is None or country in (posts[c.post_a_id], posts[c.post_b_id]))
            and (mode is None or c.mode == mode)
        ]

    def crossings_at(self, place_id: str) -> list[Crossing]:
        """Crossings for which a place is one of the posts."""
        return [
            c
            for c in self._typed("crossings", Crossing, "id")
            if place_id in (c.post_a_id, c.post_b_id)
        ]

    def links(self, mode: str | None = None) -> list[Link]:
        """Links, optionally of one mode."""
        return [
            link for link in self._typed("links", Link, "id") if mode is None or link.mode == mode
        ]

    def links_at(self, place_id: str) -> list[Link]:
        """Links ending at a place."""
        return [
            link
            for link in self._typed("links", Link, "id")
            if place_id in (link.from_id, link.to_id)
        ]

    def observations(
        self, subject_id: str | None = None, quantity: Quantity | None = None
    ) -> list[Observation]:
        """Dated observations, optionally of one subject and/or quantity, oldest first.

        The table is decoded once per knowledge-base version and indexed by subject, so the
        hundred-odd look-ups of a network compilation cost a dictionary access each.
        """
        if subject_id is None:
            rows = self._typed("observations", Observation, "subject_id, quantity, valid_from")
        else:
            rows = list(self._observations_by_subject.get(subject_id, ()))
        return [o for o in rows if quantity is None or o.quantity == quantity]

    @property
    def _observations_by_subject(self) -> dict[str, tuple[Observation, ...]]:
        def index() -> dict[str, tuple[Observation, ...]]:
            grouped: dict[str, list[Observation]] = defaultdict(list)
            for o in self._typed("observations", Observation, "subject_id, quantity, valid_from"):
                grouped[o.subject_id].append(o)
            return {subject: tuple(rows) for subject, rows in grouped.items()}

        return self._cached("observations by subject", index)

    def value_at(
        self,
        subject_id: str,
        quantity: Quantity,
        date: dt.date,
        direction: Direction = Direction.BOTH,
    ) -> Observation | None:
        """The observation in force on ``date``: the latest valid from on or before it.

        A value for the requested direction wins over one for both directions of the same date.
        """
        candidates = [
            o
            for o in self.observations(subject_id, quantity)
            if o.valid_from <= date and o.direction in (direction, Direction.BOTH)
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda o: (o.valid_from, o.direction == direction))

    # -- projects -----------------------------------------------------------------------
    def projects(self) -> list[Project]:
        """All projects."""
        return self._typed("projects", Project, "id")

    def resolve_project(self, project_id: str) -> Project:
        """A project by id; an unknown id raises :class:`UnknownRecordError` with the projects
        whose id or name (English or an alias) is closest, up to three."""
        projects = self.projects()
        found = next((p for p in projects if p.id == project_id), None)
        if found is not None:
            return found
        bare = [(p.id.removeprefix("prj-"), p.id) for p in projects]  # the prefix all ids share
        named = bare + [(name, p.id) for p in projects for name in (p.name_en, *p.aliases)]
        close = _closest_ids(project_id.removeprefix("prj-"), named, limit=9, cutoff=75)
        raise UnknownRecordError("project", project_id, close[:3])

    def timeline(self, project_id: str) -> list[StatusEvent]:
        """A project's status events, oldest first."""
        self.get("projects", project_id)
        events = [
            e for e in self._typed("project_events", StatusEvent) if e.project_id == project_id
        ]
        return sorted(events, key=lambda e: (e.date, _LIFECYCLE[e.status]))

    def project_states(self, as_of: dt.date) -> list[ProjectState]:
        """Every project with its status as of a date, and since when it has held it.

        The status is the latest event's on or before ``as_of`` (on the same day the later
        lifecycle step wins). ``since`` is when the current run of that status began: the
        first of the consecutive events with the same status, not the latest of them (a
        railway under construction since its launch, whatever progress was reported later).
        Events are read once per knowledge-base version, as plain tuples.
        """
        states = []
        for project in self._projects_cache:
            events = self._events_by_project.get(project.id, ())
            latest = bisect.bisect_right(events, (as_of, len(_LIFECYCLE))) - 1
            if latest < 0:
                states.append(ProjectState(project, None, None))
                continue
            status = events[latest][2]
            start = latest
            while start > 0 and events[start - 1][2] == status:
                start -= 1
            states.append(ProjectState(project, status, events[start][0]))
        return states

    @property
    def _events_by_project(self) -> dict[str, tuple[tuple[dt.date, int, ProjectStatus], ...]]:
        """(date, lifecycle rank, status) of every project's events, in timeline order."""

        def index() -> dict[str, tuple[tuple[dt.date, int, ProjectStatus], ...]]:
            grouped: dict[str, list[tuple[dt.date, int, ProjectStatus]]] = defaultdict(list)
            rows = self._connection.execute("SELECT project_id, date, status FROM project_events")
            for project_id, date, status_text in rows:
                status = ProjectStatus(status_text)
                grouped[project_id].append(
                    (dt.date.fromisoformat(date), _LIFECYCLE[status], status)
                )
            return {project: tuple(sorted(events)) for project, events in grouped.items()}

        return self._cached("events by project", index)

    @property
    def _projects_cache(self) -> list[Project]:
        return self._cached("projects", self.projects)

    # -- agreements, trade, people --------------------------------------------------------
    def agreements(self) -> list[Agreement]:
        """All agreements, oldest first."""
        return self._typed("agreements", Agreement, "signed_on, id")

    def trade(self) -> list[TradeFlow]:
        """All trade rows, by year, reporter, partner."""
        return self._typed("trade", TradeFlow, "year, reporter_id, partner_id, flow")

    def sister_cities(self) -> list[SisterCityPair]:
        """All sister-city pairs."""
        return self._typed("sister_cities", SisterCityPair, "partner_country_id, id")

    def sister_city_counts(self) -> list[SisterCityCount]:
        """Official counts of sister-city pairs, oldest first."""
        return self._typed("sister_city_counts", SisterCityCount, "as_of, scope")

    def sources(self) -> list[Source]:
        """All sources."""
        return self._typed("sources", Source, "id")

    def assumptions(self) -> list[Assumption]:
        """All assumptions."""
        return self._typed("assumptions", Assumption, "id")

    def errata(self) -> list[Erratum]:
        """Errors found in source texts."""
        return self._typed("errata", Erratum)

    def holiday_calendar(self) -> tuple[dt.date, dt.date] | None:
        """First and last day of the years the Chinese holiday calendar covers (None: empty).

        The calendar is published a year at a time, so it covers whole years: closures on
        Chinese holidays outside this span are not modelled.
        """

        def span() -> tuple[dt.date, dt.date] | None:
            first, last = self._connection.execute(
                "SELECT min(date), max(date) FROM holidays_cn"
            ).fetchone()
            if first is None:
                return None
            return (
                dt.date(dt.date.fromisoformat(first).year, 1, 1),
                dt.date(dt.date.fromisoformat(last).year, 12, 31),
            )

        return self._cached("holiday calendar", span)

    def rows_as_dicts(self, table_name: str) -> list[dict[str, Any]]:
        """Raw rows of a table (lists as JSON text), for export."""
        table = table_named(table_name)
        cursor = self._connection.execute(f'SELECT * FROM "{table.name}" ORDER BY _file, _row')
        return [dict(row) for row in cursor]


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file a name points to now; None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _names(country: Country) -> tuple[str, ...]:
    """A country's names in English, Russian, Chinese and its state language."""
    return (country.name_en, country.name_ru, country.name_zh, country.name_local)


def _closest_ids(query: str, named: list[tuple[str, str]], limit: int, cutoff: float) -> list[str]:
    """The ids (second of each pair) whose names are closest to ``query``: those scoring at
    least ``cutoff`` and within 10 of the best, each id once, best first."""
    scored = process.extract(query, [n for n, _ in named], limit=limit, score_cutoff=cutoff)
    best = scored[0][1] if scored else 0.0
    return list(dict.fromkeys(named[i][1] for _, score, i in scored if score >= best - 10))
