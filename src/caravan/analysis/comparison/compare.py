"""Compare two networks (scenarios, or dates): what changes, for whom, through where.

:func:`compare_networks` skims both sides over the same places, finds which crossings and
modes every best route uses (:mod:`caravan.analysis.comparison.structure`), and reports
changes per pair, per country pair (trade-weighted, see :mod:`caravan.analysis.comparison.core`),
per link and crossing, and for each project in service on one side only, beside the claims
published for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from caravan.analysis.comparison.claims import (
    CORRIDOR_DESTINATIONS,
    CORRIDOR_ORIGINS,
    ProjectClaim,
    check_claim,
)
from caravan.analysis.comparison.core import (
    PairTable,
    RouteChange,
    compare_skims,
    country_pair_changes,
    trade_weighted_change,
)
from caravan.analysis.comparison.records import (
    ComparedSide,
    ComparisonSummary,
    ElementChange,
    PairChange,
    ProjectEffect,
    RoutePath,
)
from caravan.analysis.comparison.structure import RouteStructure, item_universe, route_structure
from caravan.analysis.freight.comparison import CrossingLoads
from caravan.analysis.routing import RouteQuery, Router, Weight, skim_matrices
from caravan.analysis.routing.itinerary import itinerary_from_edges
from caravan.analysis.trade_response import (
    CountryPairDelta,
    TradeResponse,
    TradeResponseParameters,
    estimate_trade_response,
    mode_weighted_rows,
)
from caravan.errors import NoRouteError
from caravan.model import Assumption, Place, PlaceKind, ProjectKind, Source
from caravan.network import EdgeKind, NetworkSnapshot

__all__ = [
    "MEAN_PLACE_KINDS",
    "ComparisonContext",
    "ComparisonResult",
    "NetworkSide",
    "compare_networks",
]

#: Places that count in country-pair means and in the lists of pairs: where freight starts
#: and ends (border posts and junctions are in the full pair table only).
MEAN_PLACE_KINDS = frozenset({PlaceKind.CITY, PlaceKind.DRY_PORT, PlaceKind.PORT})

#: Longest lists in the summary (the full pair table has every pair).
LIST_LIMIT = 50

#: Pairs whose routes on both sides are drawn on the report's map.
PATH_LIMIT = 12


@dataclass(frozen=True)
class NetworkSide:
    """One side: what it is, and its compiled network."""

    info: ComparedSide
    snapshot: NetworkSnapshot


@dataclass(frozen=True)
class ComparisonContext:
    """What the knowledge base contributes: places, trade weights, projects and claims."""

    places: Sequence[Place]
    trade_usd: Mapping[str, float] = field(default_factory=dict)
    trade_year: int | None = None
    trade_sources: tuple[str, ...] = ()
    #: project id -> (name, ids of the links and crossings it builds, kind)
    projects: Mapping[str, tuple[str, frozenset[str], ProjectKind]] = field(default_factory=dict)
    claims: Sequence[ProjectClaim] = ()
    #: every source and assumption a result may cite, by id
    citations: Mapping[str, Source | Assumption] = field(default_factory=dict)
    #: elasticities for the trade response (None: not estimated)
    trade_response: TradeResponseParameters | None = None
    #: loads per crossing of both snapshots (None: not assigned)
    crossing_loads: Callable[[NetworkSnapshot, NetworkSnapshot], CrossingLoads | None] | None = None


@dataclass(frozen=True)
class ComparisonResult:
    """A comparison: its summary (JSON-ready) and the full pair table."""

    summary: ComparisonSummary
    table: PairTable
    coordinates: Mapping[str, tuple[float, float]]
    citations: Mapping[str, Source | Assumption] = field(default_factory=dict)

    def report_html(self) -> str:
        """One self-contained HTML file: tables, a chart, a map, sources (opens offline)."""
        from caravan.analysis.comparison.report import comparison_report_html

        return comparison_report_html(self, self.citations)


def compare_networks(
    a: NetworkSide,
    b: NetworkSide,
    context: ComparisonContext,
    place_ids: Sequence[str] | None = None,
    weight: Weight = Weight.GENERALISED,
) -> ComparisonResult:
    """Compare side ``b`` with side ``a`` over ``place_ids`` (every place by default)."""
    ids = list(place_ids) if place_ids else [p.id for p in context.places]
    routers = Router(a.snapshot), Router(b.snapshot)
    skims = [skim_matrices(router, ids, weight) for router in routers]
    universe = item_universe([a.snapshot, b.snapshot])
    structures = [route_structure(router, ids, universe, weight) for router in routers]
    codes = _route_changes(structures[0], structures[1])
    table = compare_skims(skims[0], skims[1], codes)
    by_id = {p.id: p for p in context.places}
    country = {p.id: p.country_id for p in context.places}
    counted = {p.id for p in context.places if p.kind in MEAN_PLACE_KINDS}
    rows = country_pair_changes(table, country, context.trade_usd, counted)
    lister = _Lister(table, by_id, structures, counted)
    changed = np.flatnonzero(
        (table.route_change.ravel() >= RouteChange.CROSSING) & lister.listed.ravel()
    )
    route_changes = lister.ordered(changed, "time")
    projects = _project_effects(a, b, context, routers, by_id)
    paths = _paths(routers, [*route_changes[:PATH_LIMIT]])
    lost = lister.ordered(lister.where(RouteChange.LOST), "a_time")
    gained = lister.ordered(lister.where(RouteChange.GAINED), "b_time")
    moved = np.zeros(table.route_change.shape, dtype=bool)
    for name in ("time_h", "cost_usd", "length_km"):
        moved |= np.nan_to_num(np.abs(table.change(name)), nan=0.0) > 1e-9
    moved |= np.isin(table.route_change, (RouteChange.LOST, RouteChange.GAINED))
    gains = np.flatnonzero(lister.listed.ravel() & (table.change("time_h").ravel() < -1e-9))
    response = (
        _trade_response(routers, ids, weight, country, counted, context)
        if context.trade_response
        else None
    )
    summary = ComparisonSummary(
        a=a.info,
        b=b.info,
        weight=weight.value,
        places=len(ids),
        pairs_changed=int(moved.sum()),
        trade_weighted=trade_weighted_change(rows, context.trade_year),
        country_pairs=rows,
        top_gains=tuple(lister.ordered(gains, "time")[:LIST_LIMIT]),
        route_changes=tuple(route_changes[:LIST_LIMIT]),
        route_changes_total=len(route_changes),
        elements=_element_changes(routers, structures),
        lost=tuple(lost[:LIST_LIMIT]),
        lost_total=len(lost),
        gained=tuple(gained[:LIST_LIMIT]),
        gained_total=len(gained),
        projects=projects,
        paths=tuple(paths),
        trade_response=response,
        crossing_loads=(
            context.crossing_loads(a.snapshot, b.snapshot) if context.crossing_loads else None
        ),
        notes=_notes(context),
        sources=tuple(
            dict.fromkeys(
                [
                    *a.info.sources,
                    *b.info.sources,
                    *context.trade_sources,
                    *(response.parameters.sources if response else ()),
                    *(s for p in projects for c in p.claims for s in c.sources),
                ]
            )
        ),
    )
    coordinates = {p.id: (p.lon, p.lat) for p in context.places}
    cited = {s: context.citations[s] for s in summary.sources if s in context.citations}
    return ComparisonResult(summary, table, coordinates, cited)


def _trade_response(
    routers: tuple[Router, Router],
    ids: list[str],
    weight: Weight,
    country: Mapping[str, str],
    counted: set[str],
    context: ComparisonContext,
) -> TradeResponse:
    """The trade response from each mode's country-pair changes, weighted by mode shares."""
    parameters = context.trade_response
    assert parameters is not None
    by_mode: dict[str, Sequence[CountryPairDelta]] = {}
    for mode in ("rail", "road"):
        skims = [skim_matrices(r, ids, weight, modes=(mode,)) for r in routers]
        table = compare_skims(skims[0], skims[1])
        by_mode[mode] = country_pair_changes(table, country, context.trade_usd, counted)
    shares = {"road": parameters.road_share, "rail": 1.0 - parameters.road_share}
    return estimate_trade_response(
        mode_weighted_rows(by_mode, shares), parameters, context.trade_year
    )


def _route_changes(a: RouteStructure, b: RouteStructure) -> npt.NDArray[np.int8]:
    """Per pair, whether the best route's crossings, modes or both differ."""
    crossing_bits = np.zeros(a.items.shape[2], dtype=np.uint64)
    for k, item in enumerate(a.universe):
        if item.startswith("crossing:"):
            crossing_bits[k // 64] |= np.uint64(1) << np.uint64(k % 64)
    differ = a.items ^ b.items
    crossing = (differ & crossing_bits).any(axis=2)
    mode = (differ & ~crossing_bits).any(axis=2)
    codes = np.full(crossing.shape, RouteChange.SAME, dtype=np.int8)
    codes[crossing] = RouteChange.CROSSING
    codes[mode] = RouteChange.MODE
    codes[crossing & mode] = RouteChange.CROSSING_AND_MODE
    return codes


@dataclass
class _Lister:
    """Turns pair indices into :class:`PairChange` records, names and routes decoded."""

    table: PairTable
    places: Mapping[str, Place]
    structures: Sequence[RouteStructure]
    counted: set[str]

    def __post_init__(self) -> None:
        keep = np.array([p in self.counted for p in self.table.place_ids], dtype=bool)
        self.listed = keep[:, None] & keep[None, :]
        np.fill_diagonal(self.listed, False)

    def where(self, change: RouteChange) -> npt.NDArray[np.intp]:
        """Listed pairs with this route change (flat indices)."""
        return np.flatnonzero(self.listed.ravel() & (self.table.route_change.ravel() == change))

    def ordered(self, flat: npt.NDArray[np.intp], key: str) -> list[PairChange]:
        """Pairs sorted: by time change (gains first), or by a side's time."""
        table = self.table
        if key == "time":
            values = table.change("time_h").ravel()[flat]
        elif key == "a_time":
            values = table.a.time_h.ravel()[flat]
        else:
            values = table.b.time_h.ravel()[flat]
        order = flat[np.argsort(values, kind="stable")]
        return [self.record(int(k)) for k in order]

    def record(self, flat: int) -> PairChange:
        """One pair as a record."""
        n = len(self.table.place_ids)
        i, j = divmod(flat, n)
        a, b = self.table.a, self.table.b
        ids = self.table.place_ids
        items_a = self.structures[0].names(self.structures[0].items[i, j])
        items_b = self.structures[1].names(self.structures[1].items[i, j])

        def value(matrix: npt.NDArray[np.float64]) -> float | None:
            number = float(matrix[i, j])
            return number if np.isfinite(number) else None

        def delta(name: str) -> float | None:
            first, second = value(getattr(a, name)), value(getattr(b, name))
            return None if first is None or second is None else second - first

        return PairChange(
            origin=ids[i],
            destination=ids[j],
            origin_name=self._name(ids[i]),
            destination_name=self._name(ids[j]),
            time_h_a=value(a.time_h),
            time_h_b=value(b.time_h),
            cost_usd_a=value(a.cost_usd),
            cost_usd_b=value(b.cost_usd),
            length_km_a=value(a.length_km),
            length_km_b=value(b.length_km),
            time_change_h=delta("time_h"),
            cost_change_usd=delta("cost_usd"),
            length_change_km=delta("length_km"),
            crossings_a=_items(items_a, "crossing:"),
            crossings_b=_items(items_b, "crossing:"),
            modes_a=_items(items_a, "mode:"),
            modes_b=_items(items_b, "mode:"),
            route_change=RouteChange(int(self.table.route_change[i, j])).label,
        )

    def _name(self, place_id: str) -> str:
        place = self.places.get(place_id)
        return place.name_en if place else place_id


def _items(names: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    return tuple(n[len(prefix) :] for n in names if n.startswith(prefix))


def _elements(snapshot: NetworkSnapshot) -> dict[str, tuple[str, str, str]]:
    """Link and crossing ids in service, with kind and end places (from their first edge)."""
    found: dict[str, tuple[str, str, str]] = {}
    for edge, record in enumerate(snapshot.records):
        kind = snapshot.kind[edge]
        if record.ref_id and kind in (EdgeKind.LINK, EdgeKind.CROSSING):
            found.setdefault(
                record.ref_id,
                (
                    "link" if kind == EdgeKind.LINK else "crossing",
                    snapshot.node_place[int(snapshot.source[edge])],
                    snapshot.node_place[int(snapshot.target[edge])],
                ),
            )
    return found


def _element_changes(
    routers: Sequence[Router], structures: Sequence[RouteStructure]
) -> tuple[ElementChange, ...]:
    """Links and crossings whose number of best routes differs, biggest change first."""
    ends = {**_elements(routers[1].snapshot), **_elements(routers[0].snapshot)}
    rows = []
    for element_id in sorted(set(structures[0].use) | set(structures[1].use)):
        before, after = structures[0].use.get(element_id, 0), structures[1].use.get(element_id, 0)
        if before == after:
            continue
        kind, start, end = ends[element_id]
        rows.append(ElementChange(id=element_id, kind=kind, from_id=start, to_id=end,
                                  routes_a=before, routes_b=after, change=after - before))  # fmt: skip
    rows.sort(key=lambda r: (-abs(r.change), r.id))
    return tuple(rows)


def _project_effects(
    a: NetworkSide,
    b: NetworkSide,
    context: ComparisonContext,
    routers: Sequence[Router],
    places: Mapping[str, Place],
) -> tuple[ProjectEffect, ...]:
    """Projects in service on one side only: corridor pairs by the project's mode, claims.

    A railway project's corridor is compared by rail only (a road project's by road): the
    best route over all modes may not use the project at all, while its promoters' claims
    are about its own mode.
    """
    in_a, in_b = set(_elements(a.snapshot)), set(_elements(b.snapshot))
    effects = []
    for project_id, (name, elements, kind) in sorted(context.projects.items()):
        if not elements or (elements & in_a) == (elements & in_b):
            continue
        opened_in = "b" if len(elements & in_b) > len(elements & in_a) else "a"
        mode = _PROJECT_MODES.get(kind)
        claims = [c for c in context.claims if c.project_id == project_id]
        pairs = [(o, d) for o in CORRIDOR_ORIGINS for d in CORRIDOR_DESTINATIONS]
        pairs += [(c.origin, c.destination) for c in claims]
        pairs = [p for p in dict.fromkeys(pairs) if p[0] in places and p[1] in places]
        found = [_mode_routes(router, pairs, mode) for router in routers]
        records = {
            pair: _pair_record(pair, found[0][pair], found[1][pair], places) for pair in pairs
        }
        corridor = tuple(
            records[(o, d)] for o in CORRIDOR_ORIGINS for d in CORRIDOR_DESTINATIONS
            if (o, d) in records
        )  # fmt: skip
        checks = tuple(
            check_claim(c, records.get((c.origin, c.destination)), opened_in) for c in claims
        )
        effects.append(ProjectEffect(project_id=project_id, name=name, opened_in=opened_in,
                                     mode=mode, corridor=corridor, claims=checks))  # fmt: skip
    return tuple(effects)


#: The mode a project's corridor is compared by, from the project's kind.
_PROJECT_MODES = {ProjectKind.RAILWAY: "rail", ProjectKind.ROAD: "road"}


@dataclass(frozen=True)
class _Route:
    time_h: float
    cost_usd: float
    length_km: float
    crossings: tuple[str, ...]
    modes: tuple[str, ...]


def _mode_routes(
    router: Router, pairs: Sequence[tuple[str, str]], mode: str | None
) -> dict[tuple[str, str], _Route | None]:
    """Best routes (generalised cost) of some pairs using one mode only (all when None).

    Paths are those of least generalised cost with road trips timed by drivers' hours
    (the router's timed search), as routes choose them.
    """
    snapshot = router.snapshot
    graph = router.graph(Weight.GENERALISED, (mode,) if mode else None, ())
    timed = router.timed_search(Weight.GENERALISED, graph)
    found: dict[tuple[str, str], _Route | None] = {}
    origins = list(dict.fromkeys(o for o, _ in pairs if o in snapshot.origin_node))
    if not origins:
        return dict.fromkeys(pairs)
    distances, predecessors = graph.shortest_from([snapshot.origin_node[o] for o in origins])
    distances, predecessors = np.atleast_2d(distances), np.atleast_2d(predecessors)
    for origin, destination in pairs:
        target = snapshot.destination_node.get(destination)
        if origin not in origins or target is None:
            found[(origin, destination)] = None
            continue
        row = origins.index(origin)
        if not np.isfinite(distances[row, target]):
            found[(origin, destination)] = None
            continue
        edges = (
            graph.path_edges(predecessors[row], target)
            if timed is None
            else timed.path(snapshot.origin_node[origin], target)
        )
        if edges is None:  # pragma: no cover - reachable by the graph, so by the search
            found[(origin, destination)] = None
            continue
        kinds = snapshot.kind[edges]
        itinerary = itinerary_from_edges(snapshot, edges, origin, destination, "generalised")
        found[(origin, destination)] = _Route(
            time_h=itinerary.time_h,  # road trips timed by drivers' hours, as routes are
            cost_usd=itinerary.cost_usd,
            length_km=itinerary.length_km,
            crossings=tuple(
                str(snapshot.records[e].ref_id)
                for e, k in zip(edges, kinds, strict=True)
                if k == EdgeKind.CROSSING
            ),
            modes=tuple(sorted({m for e in edges if (m := snapshot.mode[e])})),
        )
    return found


def _pair_record(
    pair: tuple[str, str], a: _Route | None, b: _Route | None, places: Mapping[str, Place]
) -> PairChange:
    """A pair's routes on both sides as a record."""

    def delta(name: str) -> float | None:
        return None if a is None or b is None else getattr(b, name) - getattr(a, name)

    if a is None or b is None:
        change = RouteChange.NONE if a is None and b is None else (
            RouteChange.LOST if b is None else RouteChange.GAINED
        )  # fmt: skip
    else:
        crossing, mode = set(a.crossings) != set(b.crossings), a.modes != b.modes
        change = [[RouteChange.SAME, RouteChange.MODE],
                  [RouteChange.CROSSING, RouteChange.CROSSING_AND_MODE]][crossing][mode]  # fmt: skip
    return PairChange(
        origin=pair[0],
        destination=pair[1],
        origin_name=places[pair[0]].name_en,
        destination_name=places[pair[1]].name_en,
        time_h_a=a.time_h if a else None,
        time_h_b=b.time_h if b else None,
        cost_usd_a=a.cost_usd if a else None,
        cost_usd_b=b.cost_usd if b else None,
        length_km_a=a.length_km if a else None,
        length_km_b=b.length_km if b else None,
        time_change_h=delta("time_h"),
        cost_change_usd=delta("cost_usd"),
        length_change_km=delta("length_km"),
        crossings_a=a.crossings if a else (),
        crossings_b=b.crossings if b else (),
        modes_a=a.modes if a else (),
        modes_b=b.modes if b else (),
        route_change=change.label,
    )


def _paths(routers: Sequence[Router], pairs: Sequence[PairChange]) -> list[RoutePath]:
    """The best routes of some pairs on both sides, as place sequences."""
    paths = []
    for pair in pairs:
        for side, router in zip("ab", routers, strict=True):
            query = RouteQuery(origin=pair.origin, destination=pair.destination)
            try:
                best = router.route(query).best
            except NoRouteError:
                continue
            places = [best.legs[0].from_id] if best.legs else []
            for leg in best.legs:
                if leg.to_id != places[-1]:
                    places.append(leg.to_id)
            paths.append(
                RoutePath(
                    origin=pair.origin,
                    destination=pair.destination,
                    side=side,
                    places=tuple(places),
                    link_ids=tuple(link for leg in best.legs for link in leg.link_ids),
                    modes=best.modes,
                    crossings=best.crossings,
                    time_h=best.time_h,
                    length_km=best.length_km,
                )
            )
    return paths


def _notes(context: ComparisonContext) -> tuple[str, ...]:
    year = context.trade_year
    return (
        "Changes are b − a: a negative time or cost change is a gain.",
        "Country-pair means are plain means over pairs of cities, dry ports and ports "
        "reached on both sides, in both directions; border posts and junctions appear in the "
        "full pair table only.",
        f"The trade-weighted mean weighs China's country pairs by China's customs' total "
        f"trade with each partner in {year if year else 'no year (no trade data)'}; country "
        "pairs without a China-reported flow (between Central Asian states, or with gateway "
        "neighbours) show their plain mean and stay out of the weighted mean.",
        "Best routes minimise generalised cost unless stated; a route 'changes' when the "
        "crossings or the modes it uses differ.",
        "The trade response is partial equilibrium: it moves each pair's trade by the change "
        "in its mean time and cost, holding other partners, prices and incomes fixed."
        if context.trade_response
        else "Trade response not estimated: the knowledge base lacks its elasticities.",
    )
