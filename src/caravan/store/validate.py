"""Validation of the data files: every problem found, each naming file, row, field and reason.

Row-level checks (types, units, enums, ranges, required sources) come from the record
declarations; this module adds what needs the whole dataset: unique keys, references,
coordinates inside the right country, gauges and timelines.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import parse_qsl, urlsplit

from caravan.errors import DataIssue, DataValidationError
from caravan.model import (
    Agreement,
    Crossing,
    CrossingStatus,
    DatePrecision,
    Link,
    LinkMode,
    Place,
    Project,
    ProjectStatus,
    Quantity,
    Record,
    SisterCityPair,
    StatusEvent,
    TradeFlow,
    border_countries,
)
from caravan.store.boundaries import CountryShapes, country_shapes
from caravan.store.files import LocatedRecord, RawDataset, read_dataset
from caravan.store.road_islands import road_islands
from caravan.store.schema import TABLES, field_of

__all__ = [
    "COORDINATE_TOLERANCE_KM",
    "MODEL_ASSUMPTION_PREFIX",
    "NATIONAL_GAUGE_MM",
    "ValidationReport",
    "is_search_results_url",
    "url_key",
    "validate_data",
]

#: How far outside its country's polygon a point may lie (coordinates are right to ~5 km,
#: border posts sit on the line, and Caspian ports on the shore).
COORDINATE_TOLERANCE_KM = 5.0

#: Assumptions with these prefixes are parameters read by the cost and time model (by id),
#: not cited by rows.
MODEL_ASSUMPTION_PREFIX = ("asm-model-", "asm-time-", "asm-freight-")

#: Standard rail gauge of each country's network, mm.
NATIONAL_GAUGE_MM = {
    "cn": 1435,
    "ir": 1435,
    "az": 1520,
    "ru": 1520,
    "af": 1520,
    "kz": 1520,
    "kg": 1520,
    "tj": 1520,
    "tm": 1520,
    "uz": 1520,
}

#: A link may be shorter than the straight line between its places' points by this much
#: (stations and border posts lie away from the town points); shorter still is suspect.
STRAIGHT_LINE_SLACK_KM = 25.0

#: Trade totals and their export + import split may differ by rounding only.
TRADE_TOTAL_TOLERANCE = 0.02

#: Web search engines: a page of their results is not a document anyone published.
_SEARCH_HOSTS = re.compile(
    r"(^|\.)(google|bing|yandex|duckduckgo|baidu|yahoo|sogou|ecosia|startpage|enow|ask|naver)"
    r"\.[a-z.]+$"
)
#: Query parameters that carry a search engine's or a site search's terms.
_SEARCH_PARAMETERS = frozenset({"q", "p", "wd", "text", "query", "search", "search_query"})

#: Crossing statuses that mean the crossing has opened.
_OPENED = frozenset({CrossingStatus.IN_SERVICE, CrossingStatus.TEMPORARY, CrossingStatus.CLOSED})


def url_key(url: str) -> str:
    """A URL without scheme, ``www.``, trailing slash or fragment: two sources with one key are
    one document."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def is_search_results_url(url: str) -> bool:
    """True for a page of search results (a search engine's or a site's own search)."""
    parts = urlsplit(url.strip())
    if "_ylt=" in url:  # Yahoo-served results pages carry their tracking token in the path
        return True
    parameters = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if not parameters & _SEARCH_PARAMETERS:
        return False
    segments = {segment.lower() for segment in parts.path.split("/")}
    return (
        bool(_SEARCH_HOSTS.search((parts.hostname or "").lower()))
        or "search" in segments
        or bool(parameters & {"search", "search_query"})
    )


@dataclass
class ValidationReport:
    """Outcome of a validation: errors that block a build, warnings that do not."""

    issues: list[DataIssue]
    warnings: list[DataIssue]
    records: dict[str, list[LocatedRecord]]
    boundary_method: str
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.issues

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {name: len(rows) for name, rows in self.records.items()}

    def raise_for_issues(self) -> None:
        """Raise :class:`DataValidationError` listing every issue, if any."""
        if self.issues:
            raise DataValidationError(self.issues)


def validate_data(data_dir: Path, *, today: dt.date | None = None) -> ValidationReport:
    """Check every data file in ``data_dir``; report all issues at once."""
    raw = read_dataset(data_dir)
    shapes = country_shapes()
    checker = _Checker(raw, shapes, today or dt.date.today())
    checker.run()
    return ValidationReport(
        issues=raw.issues + checker.issues,
        warnings=checker.warnings,
        records=raw.records,
        boundary_method=shapes.method,
        files=raw.files,
    )


class _Checker:
    def __init__(self, raw: RawDataset, shapes: CountryShapes, today: dt.date) -> None:
        self.raw = raw
        self.shapes = shapes
        self.today = today
        self.issues: list[DataIssue] = []
        self.warnings: list[DataIssue] = []
        self.ids: dict[str, set[str]] = {}
        self.by_id: dict[str, dict[str, Record]] = {}

    def error(self, where: LocatedRecord, field_name: str | None, reason: str) -> None:
        self.issues.append(DataIssue(where.file, where.row, field_name, reason))

    def rows(self, table: str) -> list[LocatedRecord]:
        return self.raw.records.get(table, [])

    def run(self) -> None:
        self.check_unique_keys()
        self.check_references()
        self.check_sources()
        self.check_places()
        self.check_source_urls()
        self.check_crossings()
        self.check_crossing_openings()
        self.check_links()
        self.check_road_islands()
        self.check_timelines()
        self.check_date_precision()
        self.check_trade()
        self.check_sister_cities()
        self.check_ferry_services()
        self.check_rail_services()
        self.check_border_observations()
        self.check_freight_closures()

    def check_unique_keys(self) -> None:
        for table in TABLES:
            seen: dict[str, LocatedRecord] = {}
            for item in self.rows(table.name):
                key = table.key_of(item.record)
                if key in seen:
                    first = seen[key]
                    self.error(
                        item,
                        table.key[0],
                        f"duplicate {table.name} key {key!r} (first at {first.file} row {first.row})",
                    )
                else:
                    seen[key] = item
            if table.key == ("id",):
                self.ids[table.name] = set(seen)
                self.by_id[table.name] = {k: v.record for k, v in seen.items()}

    def unread(self, *tables: str) -> bool:
        """True when one of ``tables`` was not read in full: its ids are unknown."""
        return any(t in self.raw.unread_tables for t in tables)

    def check_references(self) -> None:
        # References into a table whose file is missing or unreadable are not checked:
        # that file is the one issue, not every row pointing into it.
        for table in TABLES:
            for item in self.rows(table.name):
                for field_name, targets in table.refs.items():
                    if self.unread(*targets):
                        continue
                    for value in _values(getattr(item.record, field_name)):
                        if table.name == "observations" and border_countries(value):
                            continue  # a border subject: check_border_observations
                        if not any(
                            value in self.ids.get(t, ())
                            or value in self.raw.unparsed_ids.get(t, ())
                            for t in targets
                        ):
                            self.error(
                                item,
                                field_name,
                                f"{value!r} is not a known id in {' or '.join(targets)}",
                            )

    def check_sources(self) -> None:
        sources = self.ids.get("sources", set())
        assumptions = self.ids.get("assumptions", set())
        cited: set[str] = set()
        for table in TABLES:
            if "source" not in table.fields:
                continue
            for item in self.rows(table.name):
                refs = list(field_of(item.record, "source"))
                doubled = sorted({ref for ref in refs if refs.count(ref) > 1})
                if doubled:
                    self.error(item, "source", f"cites {', '.join(doubled)} twice")
                for ref in refs:
                    cited.add(ref)
                    known = sources if ref.startswith("src-") else assumptions
                    table_name = "sources" if ref.startswith("src-") else "assumptions"
                    if self.unread(table_name):
                        continue
                    if ref not in known and ref not in self.raw.unparsed_ids.get(table_name, ()):
                        kind = "source" if ref.startswith("src-") else "assumption"
                        self.error(item, "source", f"{ref!r} is not a declared {kind}")
        for item in self.rows("assumptions"):
            cited.update(field_of(item.record, "based_on"))
        for item in self.rows("errata"):
            cited.add(field_of(item.record, "source_id"))
        if self.raw.unread_tables:
            return  # citations in a file not read are unknown: "never cited" would be noise
        for table_name in ("sources", "assumptions"):
            for item in self.rows(table_name):
                record_id = field_of(item.record, "id")
                if record_id not in cited and not record_id.startswith(MODEL_ASSUMPTION_PREFIX):
                    self.warnings.append(
                        DataIssue(
                            item.file, item.row, "id", f"{record_id!r} is declared but never cited"
                        )
                    )

    def check_border_observations(self) -> None:
        """A border subject names two known, distinct countries in order, and a mode."""
        countries = None if self.unread("countries") else self.ids.get("countries", set())
        for item in self.rows("observations"):
            named = border_countries(field_of(item.record, "subject_id"))
            if named is None:
                continue
            unknown = [c for c in named if countries is not None and c not in countries]
            if unknown:
                self.error(item, "subject_id", f"{', '.join(unknown)} is not a known country id")
            elif named[0] >= named[1]:
                self.error(
                    item,
                    "subject_id",
                    "a border names two different countries in alphabetical order "
                    f"(border-{min(named)}-{max(named)})",
                )
            if field_of(item.record, "mode") is None:
                self.error(item, "mode", "an observation of a border says which mode it covers")

    def check_freight_closures(self) -> None:
        """A closure to freight is 1 (closed from that day) or 0 (open again), on a crossing."""
        links = self.ids.get("links", set())
        for item in self.rows("observations"):
            if field_of(item.record, "quantity") != Quantity.CLOSED_TO_FREIGHT:
                continue
            if field_of(item.record, "value") not in (0, 1):
                self.error(item, "value", "closed_to_freight is 1 (closed) or 0 (open again)")
            subject = field_of(item.record, "subject_id")
            if subject in links or border_countries(subject):
                self.error(item, "subject_id", "only a crossing closes to freight")

    def check_source_urls(self) -> None:
        seen: dict[str, LocatedRecord] = {}
        for item in self.rows("sources"):
            url = field_of(item.record, "url")
            if is_search_results_url(url):
                self.error(
                    item,
                    "url",
                    f"{url} is a page of search results, not a published document; cite the "
                    "page the figure is read from",
                )
            key = url_key(url)
            if key in seen:
                first = seen[key]
                first_id = field_of(first.record, "id")
                self.error(
                    item,
                    "url",
                    f"the same URL is already registered as {first_id!r} ({first.file} row "
                    f"{first.row}); cite that id instead of registering the document twice",
                )
            else:
                seen[key] = item

    def check_places(self) -> None:
        for item in self.rows("places"):
            place = cast(Place, item.record)
            self._check_point(item, place.country_id, place.lat, place.lon, "lat")

    def _check_point(
        self, item: LocatedRecord, country: str, lat: float, lon: float, field_name: str
    ) -> None:
        outside = self.shapes.km_outside(country, lat, lon)
        if outside is None or outside <= COORDINATE_TOLERANCE_KM:
            return
        actual = self.shapes.country_at(lat, lon)
        where = f"in {actual}" if actual else "outside the known countries"
        self.error(
            item,
            field_name,
            f"({lat}, {lon}) lies {outside:.0f} km outside {country} ({where}; "
            f"checked against {self.shapes.method})",
        )

    def _place(self, place_id: str | None) -> Place | None:
        found = self.by_id.get("places", {}).get(place_id or "")
        return found if isinstance(found, Place) else None

    def check_crossings(self) -> None:
        for item in self.rows("crossings"):
            crossing = cast(Crossing, item.record)
            post_a, post_b = self._place(crossing.post_a_id), self._place(crossing.post_b_id)
            if post_a is None or post_b is None:
                continue
            if post_a.country_id == post_b.country_id:
                self.error(
                    item,
                    "post_b_id",
                    f"both posts are in {post_a.country_id}; a crossing joins two countries",
                )
                continue
            if crossing.mode == LinkMode.FERRY:
                self.error(item, "mode", "a border crossing is rail or road, not ferry")
            if post_b.country_id == "cn":
                self.error(item, "post_a_id", "the Chinese post must be post a")
            if crossing.mode == LinkMode.RAIL:
                self._check_gauge_change(item, crossing, post_a, post_b)

    def _rail_gauges(self) -> dict[str, set[int]]:
        """Gauges of the rail links at each place."""
        gauges: dict[str, set[int]] = defaultdict(set)
        for item in self.rows("links"):
            link = cast(Link, item.record)
            if link.mode == LinkMode.RAIL and link.gauge_mm:
                gauges[link.from_id].add(link.gauge_mm)
                gauges[link.to_id].add(link.gauge_mm)
        return gauges

    def _gauge_breaks_of(self, project_id: str | None) -> list[str]:
        """Places where a project's own links of two gauges meet (its break of gauge)."""
        if project_id is None:
            return []
        gauges: dict[str, set[int]] = defaultdict(set)
        for item in self.rows("links"):
            link = cast(Link, item.record)
            if link.project_id == project_id and link.gauge_mm:
                gauges[link.from_id].add(link.gauge_mm)
                gauges[link.to_id].add(link.gauge_mm)
        return sorted(place for place, found in gauges.items() if len(found) > 1)

    def _check_gauge_change(
        self, item: LocatedRecord, crossing: Crossing, post_a: Place, post_b: Place
    ) -> None:
        """A rail crossing breaks gauge exactly when the lines on its two sides differ."""
        gauges = self._rail_gauges()
        side_a, side_b = gauges.get(post_a.id, set()), gauges.get(post_b.id, set())
        if side_a and side_b:
            differs = not side_a & side_b
            basis = f"the rail links at {post_a.id} ({_mm(side_a)}) and {post_b.id} ({_mm(side_b)})"
        else:
            differs = NATIONAL_GAUGE_MM.get(post_a.country_id) != NATIONAL_GAUGE_MM.get(
                post_b.country_id
            )
            basis = f"the gauges of {post_a.country_id} and {post_b.country_id}"
        if crossing.gauge_change and not differs:
            breaks = self._gauge_breaks_of(crossing.project_id)
            elsewhere = f" (the line breaks gauge at {', '.join(breaks)})" if breaks else ""
            self.error(
                item,
                "gauge_change",
                f"true but {basis} share a gauge: the break of gauge is declared twice on one "
                f"line{elsewhere}",
            )
        elif differs and not crossing.gauge_change:
            self.error(item, "gauge_change", f"false but {basis} differ")

    def check_crossing_openings(self) -> None:
        """A crossing a project builds opens on a date of that project's timeline."""
        if self.unread("projects", "project_events"):
            return
        events: dict[str, list[StatusEvent]] = defaultdict(list)
        for event_item in self.rows("project_events"):
            event = cast(StatusEvent, event_item.record)
            events[event.project_id].append(event)
        projects = self.by_id.get("projects", {})
        for item in self.rows("crossings"):
            crossing = cast(Crossing, item.record)
            project = projects.get(crossing.project_id or "")
            if crossing.opened_on is None or not isinstance(project, Project):
                continue
            opened = crossing.opened_on
            if crossing.status in _OPENED:
                in_service = [e for e in events[project.id] if e.status == ProjectStatus.IN_SERVICE]
                if not any(_same_date(e.date, e.date_precision, opened) for e in in_service):
                    dates = ", ".join(e.date.isoformat() for e in in_service) or "none"
                    self.error(
                        item,
                        "opened_on",
                        f"{opened} disagrees with the timeline of {project.id} (in service on: "
                        f"{dates}); one event, one date",
                    )
            elif project.planned_completion and int(project.planned_completion[:4]) != opened.year:
                self.error(
                    item,
                    "opened_on",
                    f"planned opening {opened.year} disagrees with {project.id}'s planned "
                    f"completion {project.planned_completion}",
                )

    def check_date_precision(self) -> None:
        """A date on the first of a month must say how precisely it is known."""
        for item in self.rows("agreements"):
            agreement = cast(Agreement, item.record)
            if agreement.date_precision is None and agreement.signed_on.day == 1:
                self.error(
                    item,
                    "date_precision",
                    f"signed_on {agreement.signed_on} may stand for a month or a year; say "
                    "whether it is known to the day, month or year",
                )

    def check_links(self) -> None:
        for item in self.rows("links"):
            link = cast(Link, item.record)
            if link.from_id == link.to_id:
                self.error(item, "to_id", "a link must join two different places")
            start, end = self._place(link.from_id), self._place(link.to_id)
            if link.mode == LinkMode.RAIL and link.gauge_mm is None:
                self.error(item, "gauge_mm", "a rail link needs its gauge (1435 or 1520)")
            if link.mode != LinkMode.RAIL and link.gauge_mm is not None:
                self.error(item, "gauge_mm", f"{link.gauge_mm}: only rail links have a gauge")
            if start is None or end is None:
                continue
            straight = _great_circle_km(start.lat, start.lon, end.lat, end.lon)
            if link.length_km < straight - STRAIGHT_LINE_SLACK_KM:
                self.warnings.append(
                    DataIssue(
                        item.file,
                        item.row,
                        "length_km",
                        f"{link.length_km:g} km is shorter than the {straight:.0f} km straight line between "
                        f"{start.id} and {end.id}: the length or a point is wrong",
                    )
                )
            if link.mode != LinkMode.FERRY and start.country_id != end.country_id:
                self.error(
                    item,
                    "to_id",
                    f"joins {start.country_id} and {end.country_id}; borders are crossed "
                    "through crossings, so a land link stays in one country",
                )
            national = NATIONAL_GAUGE_MM.get(start.country_id)
            if (
                link.mode == LinkMode.RAIL
                and link.gauge_mm
                and national
                and link.gauge_mm != national
                and link.project_id is None
            ):
                self.error(
                    item,
                    "gauge_mm",
                    f"{link.gauge_mm} differs from {start.country_id}'s {national} mm; "
                    "only a project link may break the national gauge",
                )

    def check_road_islands(self) -> None:
        """Warn where a country's roads fall into pieces: a truck would detour abroad."""
        items = self.rows("links")
        links = [cast(Link, item.record) for item in items]
        country_of = {
            place.id: place.country_id
            for place in (self._place(end) for link in links for end in (link.from_id, link.to_id))
            if place is not None
        }
        for country, pieces in road_islands(links, country_of).items():
            for piece in pieces:
                members = set(piece)
                item = next(
                    i
                    for i, link in zip(items, links, strict=True)
                    if link.mode == LinkMode.ROAD and link.from_id in members
                )
                self.warnings.append(
                    DataIssue(
                        item.file,
                        item.row,
                        "to_id",
                        f"the roads of {country} fall into pieces: {', '.join(piece)} reach no "
                        f"other road of {country} without crossing a border (a road link is missing)",
                    )
                )

    def check_timelines(self) -> None:
        events: dict[str, list[LocatedRecord]] = defaultdict(list)
        for item in self.rows("project_events"):
            events[field_of(item.record, "project_id")].append(item)
            date = field_of(item.record, "date")
            if date > self.today:
                self.error(
                    item,
                    "date",
                    f"{date} is in the future; planned dates belong in projects.planned_completion",
                )
        if self.unread("project_events"):
            return
        projects = self.by_id.get("projects", {})
        for project_id, project_events in events.items():
            project = projects.get(project_id)
            if not isinstance(project, Project):
                continue
            if not any(ref.startswith("src-") for ref in project.source):
                continue
            for item in project_events:
                refs = field_of(item.record, "source")
                if refs and all(ref.startswith("asm-") for ref in refs):
                    self.error(
                        item,
                        "source",
                        f"the event rests on assumptions alone ({', '.join(refs)}) although "
                        f"{project_id} cites sources; cite the source that dates it",
                    )
        for item in self.rows("projects"):
            project_id = field_of(item.record, "id")
            if project_id not in events:
                self.error(item, "id", f"project {project_id!r} has no status event")

    def check_trade(self) -> None:
        totals: dict[tuple[int, str, str, str | None], dict[str, tuple[float, LocatedRecord]]] = (
            defaultdict(dict)
        )
        for item in self.rows("trade"):
            flow = cast(TradeFlow, item.record)
            if flow.reporter_id == flow.partner_id:
                self.error(item, "partner_id", "reporter and partner are the same country")
            key = (flow.year, flow.reporter_id, flow.partner_id, flow.commodity_group)
            totals[key][flow.flow.value] = (flow.value_usd, item)
        for key, flows in totals.items():
            if "total" in flows and "export" in flows and "import" in flows:
                total, item = flows["total"]
                split = flows["export"][0] + flows["import"][0]
                if total > 0 and abs(split - total) / total > TRADE_TOTAL_TOLERANCE:
                    self.error(
                        item,
                        "value_usd",
                        f"total {total:,.0f} disagrees with export + import {split:,.0f} "
                        f"for {key[0]} {key[1]}→{key[2]}",
                    )

    def check_sister_cities(self) -> None:
        for item in self.rows("sister_cities"):
            pair = cast(SisterCityPair, item.record)
            if pair.cn_lat is not None and pair.cn_lon is not None:
                self._check_point(item, "cn", pair.cn_lat, pair.cn_lon, "cn_lat")
            if pair.partner_lat is not None and pair.partner_lon is not None:
                self._check_point(
                    item, pair.partner_country_id, pair.partner_lat, pair.partner_lon, "partner_lat"
                )
        for item in self.rows("sister_city_counts"):
            scope = field_of(item.record, "scope")
            if self.unread("countries"):
                continue
            if scope != "all" and scope not in self.ids.get("countries", set()):
                self.error(item, "scope", f"{scope!r} is neither 'all' nor a country id")

    def check_ferry_services(self) -> None:
        for item in self.rows("ferry_services"):
            link = self.by_id.get("links", {}).get(field_of(item.record, "link_id"))
            if isinstance(link, Link) and link.mode != LinkMode.FERRY:
                self.error(item, "link_id", f"{link.id!r} is a {link.mode.value} link, not a ferry")

    def check_rail_services(self) -> None:
        for item in self.rows("rail_services"):
            towards = field_of(item.record, "towards")
            known = self.ids.get("countries", set()) | self.ids.get("places", set())
            unknown = towards != "central-asia" and towards not in known
            if unknown and not self.unread("countries", "places"):
                self.error(item, "towards", f"{towards!r} is neither 'central-asia' nor a known id")
            start, end = field_of(item.record, "valid_from"), field_of(item.record, "valid_until")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
                self.error(item, "valid_until", f"{end} is before valid_from {start}")


def _same_date(event_date: dt.date, precision: DatePrecision, date: dt.date) -> bool:
    """Whether ``date`` falls on ``event_date`` as precisely as the event is known."""
    if precision == DatePrecision.YEAR:
        return event_date.year == date.year
    if precision == DatePrecision.MONTH:
        return (event_date.year, event_date.month) == (date.year, date.month)
    return event_date == date


def _mm(gauges: set[int]) -> str:
    return " / ".join(f"{gauge} mm" for gauge in sorted(gauges))


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere (mean Earth radius), km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    half = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(half))


def _values(value: object) -> Iterable[str]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    return (str(value),)


def check_data(data_dir: Path) -> ValidationReport:
    """Validate and raise :class:`DataValidationError` when anything is wrong."""
    report = validate_data(data_dir)
    report.raise_for_issues()
    return report
