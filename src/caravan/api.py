"""The Python API: one object, :class:`Observatory`, that every face calls into."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import os
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from caravan.analysis.atlas import TimelineItem, map_layers, network_timeline
from caravan.analysis.project_states import project_states_under
from caravan.analysis.routing import RouteQuery, Router, SkimMatrices, Weight
from caravan.analysis.routing.explain import Explainer
from caravan.analysis.routing.itinerary import Itinerary
from caravan.analysis.routing.search import Deadline, RouteResult
from caravan.analysis.routing.skim import SkimFormat, SkimProgress, iterate_skim
from caravan.analysis.routing.transit import with_transit_warning
from caravan.analysis.scenarios import builtin_names, load_scenario
from caravan.errors import InvalidQueryError, ScenarioError, UnknownRecordError
from caravan.model import (
    Agreement,
    Assumption,
    Crossing,
    DatePrecision,
    LinkMode,
    Place,
    PlaceKind,
    PriorityDirection,
    ProjectStatus,
    Scenario,
    SisterCityCount,
    SisterCityPair,
    Source,
    StatusEvent,
    TradeFlowKind,
    TrainService,
)
from caravan.network import CostSettings, NetworkSnapshot, ShipmentUnit
from caravan.network.cache import cached_network
from caravan.network.train_service import train_service
from caravan.store import (
    BuildProgress,
    BuildResult,
    ExportFormat,
    KnowledgeBase,
    ValidationReport,
    build_knowledge_base,
    built_from,
    default_data_dir,
    export_knowledge_base,
    knowledge_base_is_current,
    validate_data,
)
from caravan.store.journal import record_status_event
from caravan.store.ownership import FileKind, require_own_file
from caravan.views import (
    Citation,
    CrossingView,
    PlaceDetails,
    ProjectDetails,
    ProjectRow,
    SourceDetails,
    Summary,
    TableCount,
    TradeReport,
    TradeYear,
)

if TYPE_CHECKING:  # the comparison loads on first use
    from caravan.analysis.assignment import Algorithm as Algorithm
    from caravan.analysis.comparison import ComparisonResult as ComparisonResult
    from caravan.analysis.demand import FreightDemand
    from caravan.analysis.freight import FreightAssignment as FreightAssignment
    from caravan.analysis.freight import FreightParameters, FreightProgress
    from caravan.analysis.freight import PublishedVolume as PublishedVolume
    from caravan.analysis.freight.comparison import CrossingLoads as CrossingLoads
    from caravan.analysis.monitoring import AcceptOutcome as AcceptOutcome
    from caravan.analysis.monitoring import DocumentDetails as DocumentDetails
    from caravan.analysis.monitoring import IngestOutcome as IngestOutcome
    from caravan.analysis.monitoring import ProposalDetails as ProposalDetails
    from caravan.analysis.monitoring import ProposalPage as ProposalPage
    from caravan.analysis.monitoring import Review
    from caravan.analysis.monitoring import describe_proposal as describe_proposal
    from caravan.analysis.monitoring import partial_date as partial_date
    from caravan.analysis.monitoring import proposed_value as proposed_value
    from caravan.analysis.osm import LayerChoice, LengthComparison
    from caravan.analysis.sweeps import PreparedSweep
    from caravan.analysis.sweeps import SweepProgress as SweepProgress
    from caravan.analysis.sweeps import SweepRun as SweepRun
    from caravan.analysis.trade_response import TradeResponse as TradeResponse
    from caravan.model.scenario import LayerMode
    from caravan.network.large import ContractionHierarchy
    from caravan.store.osm import ImportProgress as ImportProgress
    from caravan.store.osm import ImportReport as ImportReport
    from caravan.store.osm import LayerInfo as LayerInfo
    from caravan.store.proposals import ProposalFilter as ProposalFilter
    from caravan.store.proposals import ProposalOrder as ProposalOrder
    from caravan.store.proposals import StoredProposal as StoredProposal

__all__ = [
    "KNOWLEDGE_BASE_ENV",
    "AcceptOutcome",
    "Algorithm",
    "BuildProgress",
    "BuildResult",
    "CostSettings",
    "DocumentDetails",
    "ExportFormat",
    "IngestOutcome",
    "Itinerary",
    "LinkMode",
    "Observatory",
    "ProposalDetails",
    "ProposalFilter",
    "ProposalOrder",
    "ProposalPage",
    "RouteQuery",
    "RouteResult",
    "Scenario",
    "ShipmentUnit",
    "SkimFormat",
    "SkimMatrices",
    "SkimProgress",
    "StoredProposal",
    "TimelineItem",
    "TrainService",
    "Weight",
    "builtin_names",
    "default_knowledge_base_path",
    "describe_proposal",
    "parse_years",
    "partial_date",
    "proposed_value",
]

#: Names the faces import from here whose modules load on first use (monitoring's reading
#: rules and the assignment engine cost start-up time every other command would pay).
_LAZY_EXPORTS = {
    "Algorithm": "caravan.analysis.assignment",
    "AcceptOutcome": "caravan.analysis.monitoring",
    "DocumentDetails": "caravan.analysis.monitoring",
    "IngestOutcome": "caravan.analysis.monitoring",
    "ProposalDetails": "caravan.analysis.monitoring",
    "ProposalPage": "caravan.analysis.monitoring",
    "describe_proposal": "caravan.analysis.monitoring",
    "partial_date": "caravan.analysis.monitoring",
    "proposed_value": "caravan.analysis.monitoring",
    "ProposalFilter": "caravan.store.proposals",
    "ProposalOrder": "caravan.store.proposals",
    "StoredProposal": "caravan.store.proposals",
}


def __getattr__(name: str) -> object:
    """Load a lazily exported name's module on first use (PEP 562)."""
    module = _LAZY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


#: How many network snapshots (one per date and settings) an observatory keeps compiled.
ROUTER_CACHE_SIZE = 16

#: Environment variable overriding where the knowledge base file lives.
KNOWLEDGE_BASE_ENV = "CARAVAN_KNOWLEDGE_BASE"


def parse_years(text: str | None) -> list[int] | None:
    """Years from `2024`, `2013-2025` or `2022,2024` (None for empty); InvalidQueryError otherwise."""
    if not text:
        return None
    years: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            bounds = part.split("-", 1)
            if not all(b.strip().isascii() and b.strip().isdigit() for b in bounds):
                raise InvalidQueryError(f"{part!r} is not a range of years such as 2013-2025")
            try:
                start, end = (int(p) for p in bounds)
            except ValueError:
                raise InvalidQueryError(
                    f"{part!r} is not a range of years such as 2013-2025"
                ) from None
            if end < start or end - start > 200:
                raise InvalidQueryError(f"{part!r} is not a range of years such as 2013-2025")
            years.extend(range(start, end + 1))
        elif part.isascii() and part.isdigit():
            years.append(int(part))
        elif part:
            raise InvalidQueryError(f"{part!r} is not a year")
    return years


def default_knowledge_base_path() -> Path:
    """`$CARAVAN_KNOWLEDGE_BASE`, else `$XDG_CACHE_HOME/caravan/knowledge-base.sqlite`."""
    configured = os.environ.get(KNOWLEDGE_BASE_ENV)
    if configured:
        return Path(configured)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "caravan" / "knowledge-base.sqlite"


class Observatory:
    """The China–Central Asia knowledge base and the questions asked of it."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._routers: OrderedDict[tuple[object, ...], Router] = OrderedDict()

    @classmethod
    def open(
        cls,
        knowledge_base: Path | str | None = None,
        data_dir: Path | str | None = None,
        *,
        progress: Callable[[BuildProgress], None] | None = None,
    ) -> Observatory:
        """Open the knowledge base, (re)building it first when the data files changed.

        Paths may be given as ``Path`` or as strings."""
        path = Path(knowledge_base) if knowledge_base else default_knowledge_base_path()
        require_own_file(path, FileKind.KNOWLEDGE_BASE, FileKind.LEGACY_KNOWLEDGE_BASE)
        data_dir = Path(data_dir) if data_dir else built_from(path) or default_data_dir()
        if not knowledge_base_is_current(path, data_dir):
            build_knowledge_base(path, data_dir, progress=progress)
        return cls(KnowledgeBase(path))

    @staticmethod
    def validate(data_dir: Path | None = None) -> ValidationReport:
        """Check the data files without building anything."""
        return validate_data(data_dir or default_data_dir())

    @staticmethod
    def build(
        knowledge_base: Path | None = None,
        data_dir: Path | None = None,
        progress: Callable[[BuildProgress], None] | None = None,
    ) -> BuildResult:
        """Build the knowledge base from the data files and the journal of edits (atomically).

        The result says where it is, how many journalled edits were replayed, which no
        longer fit the files, and where an earlier knowledge base was backed up.
        """
        path = knowledge_base or default_knowledge_base_path()
        return build_knowledge_base(path, data_dir or default_data_dir(), progress=progress)

    @staticmethod
    def data_dictionary() -> str:
        """The data dictionary (Markdown), generated from the schema declarations."""
        from caravan.store.dictionary import data_dictionary_markdown

        return data_dictionary_markdown()

    @staticmethod
    def save_data_dictionary(path: Path) -> Path:
        """Write the data dictionary to ``path`` atomically (nothing half-written on failure)."""
        from caravan.store.export import atomic_output

        with atomic_output(path) as temporary:
            temporary.write_text(Observatory.data_dictionary(), encoding="utf-8")
        return path

    def close(self) -> None:
        """Release the knowledge base file (and the review queue's, if opened)."""
        self.kb.close()
        if "review" in self.__dict__:  # monitoring: opened on first use
            self.review.queue.close()

    # -- places ----------------------------------------------------------------------------
    def places(self, country: str | None = None, kind: PlaceKind | None = None) -> list[Place]:
        """Places, filtered by country (id, ISO code or name) and kind."""
        return self.kb.places(self._country_id(country), kind)

    def place(self, name: str) -> PlaceDetails:
        """A place by name, alias (any script) or id, with crossings, links and sources."""
        place = self.kb.resolve_place(name)
        crossings = [self._crossing_view(c) for c in self.kb.crossings_at(place.id)]
        return PlaceDetails(
            place=place,
            crossings=crossings,
            links=self.kb.links_at(place.id),
            sources=self.kb.citations("places", place.id),
        )

    def crossings(self, country: str | None = None, mode: str | None = None) -> list[CrossingView]:
        """Border crossings with posts and observations, filtered by country and mode."""
        crossings = self.kb.crossings(self._country_id(country), mode)
        return [self._crossing_view(c) for c in crossings]

    def _country_id(self, country: str | None) -> str | None:
        """A country filter as its id; an unknown country raises with the closest ones, so a
        misspelt filter is an error rather than an empty answer."""
        return None if country is None else self.kb.resolve_country(country).id

    def _crossing_view(self, crossing: Crossing) -> CrossingView:
        return CrossingView(
            crossing=crossing,
            post_a=self.kb.resolve_place(crossing.post_a_id),
            post_b=self.kb.resolve_place(crossing.post_b_id),
            observations=self.kb.observations(crossing.id),
            sources=self.kb.citations("crossings", crossing.id),
        )

    # -- projects --------------------------------------------------------------------------
    def projects(
        self,
        direction: PriorityDirection | None = None,
        status: ProjectStatus | None = None,
        country: str | None = None,
        as_of: dt.date | None = None,
        scenario: str | Scenario | None = None,
    ) -> list[ProjectRow]:
        """Projects with their status as of a date under a scenario, filtered.

        The date defaults to the scenario's base date, else today.
        """
        spec = self._scenario(scenario)
        as_of = self._date(as_of, spec)
        country = self._country_id(country)
        rows = []
        for state in project_states_under(self.kb, as_of, spec):
            project = state.project
            if direction and direction not in project.directions:
                continue
            if country and country not in project.countries:
                continue
            if status and state.status != status:
                continue
            rows.append(
                ProjectRow(project=project, status=state.status, since=state.since, as_of=as_of)
            )
        return rows

    def project(self, project_id: str, as_of: dt.date | None = None) -> ProjectDetails:
        """One project with timeline, the links and crossings it adds or upgrades, sources."""
        project = self.kb.resolve_project(project_id)
        timeline = self.kb.timeline(project_id)
        as_of = as_of or dt.date.today()
        past = [e for e in timeline if e.date <= as_of]
        links = [
            link
            for link in self.kb.links()
            if link.project_id == project_id or link.id in project.upgrades
        ]
        crossings = [
            c for c in self.kb.crossings() if c.project_id == project_id or c.id in project.upgrades
        ]
        sources = _unique(
            [
                *self.kb.citations("projects", project_id),
                *(s for e in timeline for s in self._event_sources(e.project_id, e.date, e.status)),
            ]
        )
        return ProjectDetails(
            project=project,
            status=past[-1].status if past else None,
            timeline=timeline,
            links=links,
            crossings=crossings,
            sources=sources,
        )

    def _event_sources(
        self, project_id: str, date: dt.date, status: ProjectStatus
    ) -> list[Source | Assumption]:
        return self.kb.citations(
            "project_events", f"{project_id}/{date.isoformat()}/{status.value}"
        )

    # -- network and routes ------------------------------------------------------------------
    def network(
        self,
        date: dt.date | None = None,
        settings: CostSettings | None = None,
        scenario: str | Scenario | None = None,
        layer: str | None = None,
        layer_mode: LayerMode | None = None,
    ) -> NetworkSnapshot:
        """The network in service on a date (default: the scenario's date, else today), cached.

        ``layer`` (an imported OSM layer's name or file) extends or replaces the curated network
        (``layer_mode``; default: the scenario's, else extend)."""
        spec = self._scenario(scenario)
        chosen = self._layer(layer, layer_mode, spec)
        return self._router(
            self._date(date, spec), settings or CostSettings(), spec, chosen
        ).snapshot

    # -- kernels at scale --------------------------------------------------------------------
    def hierarchy(
        self,
        by: Weight = Weight.TIME,
        date: dt.date | None = None,
        scenario: str | Scenario | None = None,
        layer: str | None = None,
        layer_mode: LayerMode | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ContractionHierarchy:
        """The contraction hierarchy of the network's graph by one weight (built once, kept).

        Its nodes are the snapshot's (``network(...).origin_node`` …); routing uses it by
        itself on large graphs once searches have paid for it. ``progress(contracted, nodes)``
        reports the build, which Ctrl-C stops between batches. See ``docs/kernels.md``."""
        spec = self._scenario(scenario)
        chosen = self._layer(layer, layer_mode, spec)
        router = self._router(self._date(date, spec), CostSettings(), spec, chosen)
        return router.hierarchy(router.graph(by, None, ()), progress)

    # -- scenarios ---------------------------------------------------------------------------
    def scenarios(self) -> list[Scenario]:
        """The built-in scenarios that fit this knowledge base, each loaded and checked.

        A built-in whose projects or sources this knowledge base lacks (own data, a test
        dataset) is left out; asking for it by name raises the ScenarioError that says why.
        """
        fitting = []
        for name in builtin_names():
            try:
                fitting.append(self.scenario(name))
            except ScenarioError:
                continue
        return fitting

    def scenario(self, name_or_path: str | Path) -> Scenario:
        """A built-in scenario by name or a TOML file, merged with its bases and checked.

        Raises :class:`~caravan.errors.ScenarioError` naming the file, key and reason.
        """
        return load_scenario(name_or_path, self.kb)

    def _scenario(self, scenario: str | Scenario | None) -> Scenario | None:
        """The scenario a question names (None: the knowledge base as reported)."""
        if scenario is None or isinstance(scenario, Scenario):
            return scenario
        return self.scenario(scenario)

    @staticmethod
    def _date(date: dt.date | None, scenario: Scenario | None) -> dt.date:
        """The date asked, else the scenario's base date, else today."""
        if date is not None:
            return date
        return scenario.date_or(dt.date.today()) if scenario else dt.date.today()

    def _router(
        self,
        date: dt.date,
        settings: CostSettings,
        scenario: Scenario | None = None,
        layer: LayerChoice | None = None,
    ) -> Router:
        """The router of a (date, settings) snapshot; the most recently used few are kept.

        Failed routes are explained against the open-everything network of the same date and
        settings, compiled on the first explanation and kept with the router. Routers are
        used from worker threads: a router evicted meanwhile is still returned whole.
        """
        today = dt.date.today()  # closures without a start begin on the scenario's date
        if layer is None and scenario is not None and scenario.layer is not None:
            layer = self._layer(None, None, scenario)  # skims, comparisons, maps: its layer too
        scenario_key = (scenario.key(), scenario.date_or(today)) if scenario else None
        # a rebuild or an edit makes new routers; so does another scenario
        key = (self.kb.version(), date, settings, scenario_key, layer)
        router = self._routers.get(key)
        if router is not None:
            with contextlib.suppress(KeyError):  # evicted or cleared by another thread
                self._routers.move_to_end(key)
        elif layer is not None:  # an imported OSM layer: compiled in this process
            from caravan.analysis.osm import network_on_layer

            compile_layered = functools.partial(
                network_on_layer, self.kb, date, settings, layer, scenario=scenario, today=today
            )
            snapshot = compile_layered()
            router = Router(snapshot, Explainer(snapshot, compile_layered))
            self._routers[key] = router
        else:
            # Compiled once per knowledge-base content, date and settings, across processes.
            snapshot = cached_network(self.kb, date, settings, scenario=scenario, today=today)
            open_network = functools.partial(
                cached_network,
                self.kb,
                date,
                settings,
                open_everything=True,
                scenario=scenario,
                today=today,
            )
            router = Router(snapshot, Explainer(snapshot, open_network))
            self._routers[key] = router
            while len(self._routers) > ROUTER_CACHE_SIZE:
                with contextlib.suppress(KeyError):
                    self._routers.popitem(last=False)
        return router

    def route(
        self,
        origin: str,
        destination: str,
        *,
        by: Weight = Weight.GENERALISED,
        modes: Sequence[LinkMode] | None = None,
        avoid: Sequence[str] = (),
        via: Sequence[str] = (),
        alternatives: int = 0,
        pareto: bool = False,
        date: dt.date | None = None,
        unit: ShipmentUnit = ShipmentUnit.TEU,
        value_of_time_share_per_day: float | None = None,
        deadline_s: float | None = None,
        scenario: str | Scenario | None = None,
        layer: str | None = None,
        layer_mode: LayerMode | None = None,
        service: TrainService | str | None = None,
    ) -> RouteResult:
        """The best route between two places (names, aliases or ids), with options.

        ``avoid`` and ``via`` take crossing ids, place names/ids or country ids. ``scenario``
        (a built-in name, a TOML path or a :class:`Scenario`) sets the network and the default
        date (its base date); ``layer`` routes on an imported OSM layer (see :meth:`network`). With
        ``deadline_s``, a search still running that many seconds after the call stops between
        two of its steps with :class:`~caravan.errors.WorkLimitError` (no partial answer).
        ``service`` times rail as container block trains (the default) or wagonload.
        """
        deadline = None if deadline_s is None else Deadline.after(deadline_s)
        spec = self._scenario(scenario)
        # A name that fits several places (a border post on each side) takes the side in the
        # other end's country, else the side nearer it; the result's notes say so.
        start, end, notes = self.kb.place_index.resolve_pair(origin, destination)
        query = RouteQuery(
            origin=start.id,
            destination=end.id,
            by=by,
            modes=tuple(modes) if modes else None,
            avoid=tuple(self._resolve_item(a) for a in avoid),
            via=tuple(self._resolve_item(v) for v in via),
            alternatives=alternatives,
            pareto=pareto,
        )
        settings = CostSettings(
            unit=unit,
            value_of_time_share_per_day=value_of_time_share_per_day,
            rail_service=train_service(service),
        )
        chosen = self._layer(layer, layer_mode, spec)
        router = self._router(self._date(date, spec), settings, spec, chosen)
        result = self._calendar_warnings(router.route(query, deadline))
        if start.country_id == end.country_id:
            names = {c.id: c.name_en for c in self.kb.countries()}
            result = with_transit_warning(result, router, start.country_id, names, deadline)
        return result.model_copy(update={"notes": tuple(notes)}) if notes else result

    def _calendar_warnings(self, result: RouteResult) -> RouteResult:
        """The result, warned when its date lies outside the Chinese holiday calendar.

        Crossings that close on Chinese public holidays are closed only on the days the
        calendar lists; past its last year (or before its first) they look open every day.
        That matters only to routes through such a crossing, so only those are warned.
        """
        closing = {c.id for c in self.kb.crossings() if c.closes_on_cn_holidays}
        itineraries = (result.best, *result.alternatives, *result.pareto)
        used = sorted({c for i in itineraries for c in i.crossings} & closing)
        if not used:
            return result
        date = dt.date.fromisoformat(str(result.best.date))
        span, crossings = self.kb.holiday_calendar(), ", ".join(used)
        if span is None:
            warning = (
                f"the knowledge base has no Chinese holiday calendar; closures of {crossings} "
                "on Chinese public holidays are not modelled"
            )
        elif date > span[1]:
            warning = (
                f"the Chinese holiday calendar ends on {span[1]}; closures of {crossings} on "
                f"Chinese public holidays after it are not modelled (route date {date})"
            )
        elif date < span[0]:
            warning = (
                f"the Chinese holiday calendar begins on {span[0]}; closures of {crossings} on "
                f"Chinese public holidays before it are not modelled (route date {date})"
            )
        else:
            return result
        return result.model_copy(update={"warnings": (*result.warnings, warning)})

    def _resolve_item(self, item: str) -> str:
        """A crossing id as is, a country (id, ISO code or name) as its id, anything else as a
        place name."""
        if item.startswith("bcp-"):
            self.kb.get("crossings", item)
            return item
        with contextlib.suppress(UnknownRecordError):
            return self.kb.resolve_country(item).id
        return self.kb.resolve_place(item).id

    def skim(
        self,
        places: Sequence[str] | None = None,
        *,
        by: Weight = Weight.GENERALISED,
        date: dt.date | None = None,
        unit: ShipmentUnit = ShipmentUnit.TEU,
        progress: Callable[[int, int], None] | None = None,
        scenario: str | Scenario | None = None,
        service: TrainService | str | None = None,
    ) -> SkimMatrices:
        """Time, cost, distance and generalised-cost matrices between places (all by default)."""
        items = self.iterate_skim(
            places, by=by, date=date, unit=unit, scenario=scenario, service=service
        )
        for item in items:
            if isinstance(item, SkimMatrices):
                return item
            if progress:
                progress(item.done, item.total)
        raise AssertionError("a skim always ends with its matrices")  # pragma: no cover

    def iterate_skim(
        self,
        places: Sequence[str] | None = None,
        *,
        by: Weight = Weight.GENERALISED,
        date: dt.date | None = None,
        unit: ShipmentUnit = ShipmentUnit.TEU,
        chunk_size: int = 64,
        deadline_s: float | None = None,
        scenario: str | Scenario | None = None,
        service: TrainService | str | None = None,
    ) -> Iterator[SkimProgress | SkimMatrices]:
        """A skim computed in blocks of origins: progress events, then the matrices.

        Stop iterating to interrupt; nothing is left half-done. With ``deadline_s``, a skim
        still running that many seconds after this call stops between two blocks with
        :class:`~caravan.errors.WorkLimitError`.
        """
        deadline = (
            None
            if deadline_s is None
            else Deadline.after(deadline_s, "skim", "ask for fewer places")
        )
        ids = (
            [self.kb.resolve_place(p).id for p in places]
            if places
            else [p.id for p in self.kb.places()]
        )
        spec = self._scenario(scenario)
        if spec is not None and not places:
            ids += [p.id for p in spec.new_places]
        settings = CostSettings(unit=unit, rail_service=train_service(service))
        router = self._router(self._date(date, spec), settings, spec)
        return iterate_skim(router, ids, by, chunk_size, deadline)

    def place_coordinates(self) -> dict[str, tuple[float, float]]:
        """(lon, lat) of every place, for drawing itineraries."""
        return {p.id: (p.lon, p.lat) for p in self.kb.places()}

    def compare(
        self,
        a: str | Scenario,
        b: str | Scenario,
        places: Sequence[str] | None = None,
        *,
        by: Weight = Weight.GENERALISED,
        date: dt.date | None = None,
    ) -> ComparisonResult:
        """What changes from ``a`` to ``b`` (scenario names, TOML files, or ISO dates).

        An ISO date stands for the knowledge base as reported on that date. Each scenario is
        compiled on ``date``, else on its base date, else today. See
        :mod:`caravan.analysis.comparison` for what the result reports.
        """
        from caravan.analysis.comparison import ComparedSide, NetworkSide, compare_networks
        from caravan.analysis.comparison.context import comparison_context

        sides, specs = [], []
        for item in (a, b):
            spec, day = self._comparison_side(item, date)
            snapshot = self.network(day, scenario=spec)
            name = spec.name if spec else day.isoformat()
            description = spec.description if spec else f"The network as reported on {day}."
            info = ComparedSide(
                name=name,
                description=description,
                date=snapshot.date.isoformat(),
                sources=spec.sources if spec else (),
            )
            sides.append(NetworkSide(info, snapshot))
            specs.append(spec)
        ids = [self.kb.resolve_place(p).id for p in places] if places else None
        data_dir = built_from(self.kb.path) or default_data_dir()
        context = comparison_context(self.kb, data_dir, specs)
        return compare_networks(sides[0], sides[1], context, ids, by)

    @staticmethod
    def save_comparison(
        result: ComparisonResult, *, out_dir: Path | None = None, report: Path | None = None
    ) -> list[Path]:
        """Write a comparison's tables and layers (CSV, Parquet, GeoJSON, JSON) into ``out_dir``
        and/or its offline HTML report to ``report``, each file atomically; returns the files."""
        from caravan.analysis.comparison.output import (
            save_comparison_report,
            save_comparison_tables,
        )

        written = [save_comparison_report(result, report)] if report is not None else []
        if out_dir is not None:
            written += save_comparison_tables(result, out_dir)
        return written

    @staticmethod
    def comparison_json(result: ComparisonResult) -> dict[str, object]:
        """A comparison's summary as JSON data (unreachable as null)."""
        from caravan.analysis.comparison.output import comparison_json

        return comparison_json(result)

    def _comparison_side(
        self, item: str | Scenario, date: dt.date | None
    ) -> tuple[Scenario | None, dt.date]:
        """A comparison side's scenario (None for an ISO date) and the date it is compiled on."""
        if isinstance(item, str):
            try:
                day = dt.date.fromisoformat(item)
            except ValueError:
                pass
            else:
                return None, day
        spec = self._scenario(item)
        return spec, self._date(date, spec)

    # -- sweeps -----------------------------------------------------------------------------
    @staticmethod
    def sweep_names() -> list[str]:
        """Names of the built-in sweep specs."""
        from caravan.analysis.sweeps import builtin_sweep_names

        return builtin_sweep_names()

    def sweep_spec(self, spec: str | Path) -> PreparedSweep:
        """A sweep spec (built-in name or TOML file), its scenarios and places checked."""
        from caravan.analysis.sweeps import prepare_sweep

        return prepare_sweep(spec, self.kb)

    def sweep_draw(self, spec: str | Path, draw: int) -> tuple[Scenario, Scenario]:
        """The two complete scenarios (a, b) of one draw of a sweep."""
        return self.sweep_spec(spec).draw(draw)

    @staticmethod
    def scenario_toml(scenario: Scenario) -> str:
        """A scenario as TOML that ``caravan`` reads back to the same scenario."""
        from caravan.analysis.sweeps.scenario_toml import scenario_to_toml

        return scenario_to_toml(scenario)

    @staticmethod
    def sweep_kept(out_dir: Path) -> int:
        """How many draws a sweep's folder holds written whole (after an interruption, say)."""
        from caravan.analysis.sweeps.folder import written_draw_count

        return written_draw_count(out_dir)

    def sweep(
        self,
        spec: str | Path | PreparedSweep,
        out_dir: Path,
        *,
        workers: int = 2,
        scheduler: str | None = None,
        chunk_size: int | None = None,
        progress: Callable[[SweepProgress], None] | None = None,
    ) -> SweepRun:
        """Run a sweep's missing draws on Dask (local cluster, or ``scheduler``), keep each
        in ``out_dir`` and summarise them; see :mod:`caravan.analysis.sweeps`."""
        from caravan.analysis.sweeps import run_sweep

        prepared = self.sweep_spec(spec) if isinstance(spec, str | Path) else spec
        return run_sweep(
            self.kb, prepared, out_dir, workers=workers, scheduler=scheduler,
            chunk_size=chunk_size, progress=progress,
        )  # fmt: skip

    def skim_on_dask(
        self,
        places: Sequence[str] | None = None,
        *,
        by: Weight = Weight.GENERALISED,
        date: dt.date | None = None,
        unit: ShipmentUnit = ShipmentUnit.TEU,
        modes: Sequence[LinkMode] | None = None,
        scenario: str | Scenario | None = None,
        workers: int = 2,
        scheduler: str | None = None,
        block_size: int = 32,
        progress: Callable[[int, int], None] | None = None,
    ) -> SkimMatrices:
        """:meth:`skim` with origins split into blocks, each a task on Dask (local cluster of
        ``workers`` processes, or ``scheduler``); the same matrices."""
        from caravan.analysis.sweeps.skims import skim_on_dask

        spec = self._scenario(scenario)
        extra = [p.id for p in spec.new_places] if spec else []
        every = [p.id for p in self.kb.places()] + extra
        ids = [self.kb.resolve_place(p).id for p in places] if places else every
        return skim_on_dask(
            self.kb.path, ids, date=self._date(date, spec), scenario=spec, weight=by,
            modes=tuple(m.value for m in modes) if modes else None,
            settings=CostSettings(unit=unit), block_size=block_size, workers=workers,
            scheduler=scheduler, progress=progress,
        )  # fmt: skip

    def assign_on_dask(
        self,
        years: Sequence[int],
        scenarios: Sequence[str | Scenario | None] = (None,),
        *,
        algorithm: str | None = None,
        gap: float | None = None,
        workers: int = 2,
        scheduler: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[FreightAssignment]:
        """:meth:`assign` for every year × scenario, each a task on Dask (local cluster of
        ``workers`` processes, or ``scheduler``); results in that order, a missed gap reported."""
        from caravan.analysis.sweeps.assignments import AssignmentRun, assign_on_dask

        specs = [self._scenario(s) for s in scenarios]
        runs = [AssignmentRun(y, spec, algorithm, gap) for spec in specs for y in years]
        return assign_on_dask(
            self.kb.path, runs, workers=workers, scheduler=scheduler, progress=progress
        )

    # -- freight ------------------------------------------------------------------------------
    def assign(
        self,
        year: int,
        scenario: str | Scenario | None = None,
        *,
        algorithm: str | None = None,
        gap: float | None = None,
        select_link: str | None = None,
        report_miss: bool = False,
        progress: FreightProgress | None = None,
        parameters: FreightParameters | None = None,
    ) -> FreightAssignment:
        """A year's freight assigned with capacities on the network (of a scenario): loads and
        utilisation per crossing and link, convergence, and the pairs through ``select_link``.
        A missed gap raises ConvergenceError, or with ``report_miss`` is reported in the result.
        ``parameters`` replaces the stated freight assumptions (for sensitivity runs)."""
        from caravan.analysis.freight import assign_year, assignment_spec

        spec = self._scenario(scenario)
        return assign_year(
            self.kb, year, lambda day: self.network(day, scenario=spec), scenario=spec,
            spec=assignment_spec(algorithm, gap), select_crossing=select_link,
            report_miss=report_miss, progress=progress, parameters=parameters,
        )  # fmt: skip

    def freight_parameters(self) -> FreightParameters:
        """The freight assignment's parameters as the knowledge base's assumptions state them."""
        from caravan.analysis.freight import FreightParameters

        return FreightParameters.from_knowledge_base(self.kb)

    def loads_against_published(self, result: FreightAssignment) -> list[PublishedVolume]:
        """Modelled loads per crossing beside the published volumes, with the error of each."""
        from caravan.analysis.freight import loads_against_published

        return loads_against_published(self.kb, result)

    # -- demand -----------------------------------------------------------------------------
    def demand(self, year: int) -> FreightDemand:
        """Freight demand of ``year`` from China's trade: tonnes and vehicles by rail and road."""
        from caravan.analysis.demand import freight_demand

        return freight_demand(self.kb, year)

    # -- OpenStreetMap layers --------------------------------------------------------------
    def _layer(
        self, layer: str | None, mode: LayerMode | None, scenario: Scenario | None
    ) -> LayerChoice | None:
        """The layer a question names, else its scenario's, else None (the curated network)."""
        if layer is None and (scenario is None or scenario.layer is None):
            return None
        from caravan.analysis.osm import layer_choice, layer_folder

        return layer_choice(layer_folder(self.kb.path), layer, mode, scenario)

    def import_osm(
        self,
        source: Path,
        name: str,
        *,
        out: Path | None = None,
        road_classes: Sequence[str] | None = None,
        rail: bool = True,
        rail_service: bool = False,
        ferries: bool = True,
        radius_km: float | None = None,
        country: str | None = None,
        progress: Callable[[ImportProgress], None] | None = None,
    ) -> ImportReport:
        """Import an OSM extract as layer ``name`` (beside the knowledge base unless ``out``).

        ``road_classes``: the highway=* values kept (None: the defaults of docs/osm.md);
        ``country``: the country of nodes outside every known boundary (the extract's)."""
        from caravan.analysis.osm import import_layer
        from caravan.store.osm import DEFAULT_ROAD_CLASSES, TagRules

        classes = DEFAULT_ROAD_CLASSES if road_classes is None else tuple(road_classes)
        rules = TagRules(classes, rail_service=rail_service, ferries=ferries, rail=rail)
        return import_layer(
            self.kb, source, name, out=out, rules=rules, radius_km=radius_km, country=country,
            progress=progress,
        )  # fmt: skip

    def osm_layers(self) -> list[LayerInfo]:
        """The OSM layers imported beside the knowledge base."""
        from caravan.analysis.osm import layer_folder, list_layers

        return list_layers(layer_folder(self.kb.path))

    def compare_osm(self, layer: str, radius_km: float | None = None) -> LengthComparison:
        """Curated link lengths beside the lengths along an imported layer, by disagreement."""
        from caravan.analysis.osm import compare_with_layer

        return compare_with_layer(self.kb, layer, radius_km)

    # -- map --------------------------------------------------------------------------------
    def map_layers(
        self, date: dt.date | None = None, scenario: str | Scenario | None = None
    ) -> dict[str, dict[str, object]]:
        """GeoJSON layers of places, links, crossings and sister cities as on a date."""
        spec = self._scenario(scenario)
        return map_layers(self.kb, self.network(date, scenario=spec), spec)

    def timeline(self, scenario: str | Scenario | None = None) -> list[TimelineItem]:
        """When every link and crossing opened or is planned to open (for replaying the map).

        Under a scenario, its openings, delays and extra records are on the timeline.
        """
        return network_timeline(self.kb, dt.date.today(), self._scenario(scenario))

    # -- edits --------------------------------------------------------------------------------
    def record_status_event(
        self,
        project_id: str,
        date: dt.date,
        status: ProjectStatus,
        *,
        source_ids: Sequence[str] = (),
        new_source: Source | None = None,
        note: str | None = None,
        date_precision: DatePrecision = DatePrecision.DAY,
    ) -> StatusEvent:
        """Add a dated status event to a project's timeline, citing its source, atomically."""
        self.kb.get("projects", project_id)  # unknown ids raise with close matches
        sources = tuple(source_ids) + ((new_source.id,) if new_source else ())
        event = StatusEvent(
            project_id=project_id,
            date=date,
            date_precision=date_precision,
            status=status,
            note=note,
            source=sources,
        )
        record_status_event(self.kb.path, event, new_source)
        self._routers.clear()
        return event

    # -- monitoring ----------------------------------------------------------------------------
    @functools.cached_property
    def review(self) -> Review:
        """The review queue of proposed facts read from documents (see caravan.analysis.monitoring)."""
        from caravan.analysis.monitoring import Review
        from caravan.store.proposals import ProposalQueue, proposal_queue_path_for

        return Review(self.kb, ProposalQueue(proposal_queue_path_for(self.kb.path)))

    @staticmethod
    def document_files(paths: Sequence[Path]) -> list[Path]:
        """The files named and the documents (text, HTML, PDF) inside the folders named."""
        from caravan.analysis.monitoring import document_files

        return document_files(paths)

    def ingest(
        self, files: Sequence[Path], details: DocumentDetails | None = None
    ) -> Iterator[IngestOutcome]:
        """Read files into the review queue; one outcome per file, each stored before the next."""
        from caravan.analysis.monitoring import DocumentDetails, ingest_files

        return ingest_files(self.kb, self.review.queue, files, details or DocumentDetails())

    def proposals(self, which: ProposalFilter | None = None) -> ProposalPage:
        """A page of proposals, filtered by state, kind and document."""
        return self.review.proposals(which)

    def proposal(self, proposal_id: str) -> ProposalDetails:
        """One proposal (id or unique prefix) with the sources of the value it is compared with."""
        return self.review.details(proposal_id)

    def accept_proposal(self, proposal_id: str, by: str) -> AcceptOutcome:
        """Write a proposal's fact through the journal, citing its document; durable on return."""
        outcome = self.review.accept(proposal_id, by)
        self._routers.clear()
        return outcome

    def reject_proposal(
        self, proposal_id: str, by: str, reason: str | None = None
    ) -> StoredProposal:
        """Set a proposal aside; the knowledge base is not touched."""
        return self.review.reject(proposal_id, by, reason)

    def edit_proposal(
        self, proposal_id: str, changes: Mapping[str, str], by: str
    ) -> StoredProposal:
        """Change fields of a pending proposal (validated); its evidence is kept."""
        return self.review.edit(proposal_id, changes, by)

    # -- agreements, trade, people, sources ----------------------------------------------------
    def agreements(self, summit: str | None = None, party: str | None = None) -> list[Agreement]:
        """Agreements, filtered by summit (`xian-2023`, `astana-2025`) and party."""
        party = self._country_id(party)
        return [
            a
            for a in self.kb.agreements()
            if (summit is None or a.summit == summit) and (party is None or party in a.parties)
        ]

    def trade(
        self,
        partners: Sequence[str] | None = None,
        years: Iterable[int] | None = None,
        reporter: str = "cn",
    ) -> TradeReport:
        """Goods trade as ``reporter`` publishes it (China's customs by default), all goods.

        Every wanted year is listed (without ``years``: each year from the first to the last
        with a figure). A year that lacks a partner's figure is marked partial, with the
        partners missing, and has no total.
        """
        wanted_years = sorted(set(years)) if years else None
        reporter = self.kb.resolve_country(reporter).id
        partners = [self.kb.resolve_country(p).id for p in partners] if partners else None
        reporter_rows = [
            r for r in self.kb.trade() if r.reporter_id == reporter and r.commodity_group is None
        ]
        rows = [
            r
            for r in reporter_rows
            if (not partners or r.partner_id in partners)
            and (wanted_years is None or r.year in wanted_years)
        ]
        if partners:
            expected = sorted(set(partners))
        elif reporter == "cn":
            expected = sorted(c.id for c in self.kb.countries() if c.member and c.id != "cn")
        else:
            expected = ["cn"]
        if wanted_years is None:
            found = [r.year for r in rows]
            wanted_years = list(range(min(found), max(found) + 1)) if found else []
        by_key: dict[tuple[int, str], dict[TradeFlowKind, float]] = defaultdict(dict)
        for row in rows:
            by_key[(row.year, row.partner_id)][row.flow] = row.value_usd
        summary = [_trade_year(year, expected, by_key) for year in wanted_years]
        return TradeReport(reporter_id=reporter, rows=rows, years=summary)

    def sister_cities(self, country: str | None = None) -> list[SisterCityPair]:
        """Sister-city pairs, optionally with one partner country."""
        country = self._country_id(country)
        return [
            p for p in self.kb.sister_cities() if country is None or p.partner_country_id == country
        ]

    def sister_city_counts(self) -> list[SisterCityCount]:
        """Official counts of sister-city pairs."""
        return self.kb.sister_city_counts()

    def sources(self) -> list[Source]:
        """Every published source."""
        return self.kb.sources()

    def source(self, source_id: str) -> SourceDetails:
        """One source (`src-…`) or assumption (`asm-…`) and the rows that cite it."""
        if not source_id.startswith(("src-", "asm-")):
            raise UnknownRecordError("source", source_id)
        kind = "source" if source_id.startswith("src-") else "assumption"
        record = cast(Source | Assumption, self.kb.get(f"{kind}s", source_id))
        cited_by = [Citation(table=t, key=k) for t, k in self.kb.cited_by(source_id)]
        return SourceDetails(record=record, kind=kind, cited_by=cited_by)

    def assumptions(self) -> list[Assumption]:
        """Every assumption with its reasoning."""
        return self.kb.assumptions()

    def summary(self) -> Summary:
        """Counts per table, provenance shares, and the latest trade total."""
        meta = self.kb.meta()
        counts = self.kb.counts()
        provenance = {p.table: p for p in self.kb.provenance()}
        tables = []
        for name, rows in counts.items():
            p = provenance.get(name)
            tables.append(
                TableCount(
                    table=name,
                    rows=rows,
                    published_only=p.published_only if p else 0,
                    assumption_only=p.assumption_only if p else 0,
                    both=p.both if p else 0,
                )
            )
        complete = [y for y in self.trade().years if not y.partial]
        latest = complete[-1] if complete else None
        return Summary(
            knowledge_base=str(self.kb.path),
            built_at=meta.get("built_at", ""),
            boundary_method=meta.get("boundary_method", ""),
            tables=tables,
            sources=counts["sources"],
            assumptions=counts["assumptions"],
            latest_trade_year=latest.year if latest else None,
            latest_trade_total_usd=latest.total_usd if latest else None,
        )

    def export(
        self,
        out_dir: Path,
        formats: Sequence[ExportFormat],
        progress: Callable[[str], None] | None = None,
    ) -> list[Path]:
        """Write the knowledge base as GeoJSON, GeoPackage, CSV and/or Parquet."""
        return export_knowledge_base(self.kb, out_dir, list(formats), progress)


def _unique(items: Iterable[Source | Assumption]) -> list[Source | Assumption]:
    seen: dict[str, Source | Assumption] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _trade_year(
    year: int, partners: list[str], by_key: dict[tuple[int, str], dict[TradeFlowKind, float]]
) -> TradeYear:
    """One year's figures: a partner counts when its total (or both directions) is known."""
    by_partner: dict[str, float] = {}
    exports: float | None = 0.0
    imports: float | None = 0.0
    missing: list[str] = []
    for partner in partners:
        flows = by_key.get((year, partner), {})
        split = TradeFlowKind.EXPORT in flows and TradeFlowKind.IMPORT in flows
        if split:
            by_partner[partner] = flows[TradeFlowKind.EXPORT] + flows[TradeFlowKind.IMPORT]
        elif TradeFlowKind.TOTAL in flows:
            by_partner[partner] = flows[TradeFlowKind.TOTAL]
        else:
            missing.append(partner)  # nothing, or one direction only: the total is unknown
        exports = exports + flows[TradeFlowKind.EXPORT] if split and exports is not None else None
        imports = imports + flows[TradeFlowKind.IMPORT] if split and imports is not None else None
    subtotal = sum(by_partner.values())
    return TradeYear(
        year=year,
        exports_usd=exports,
        imports_usd=imports,
        total_usd=None if missing else subtotal,
        subtotal_usd=subtotal,
        by_partner_usd=by_partner,
        partial=bool(missing),
        missing_partners=missing,
    )
