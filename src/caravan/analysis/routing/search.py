"""Route search: the best route, alternatives that differ meaningfully, the Pareto front."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from caravan.analysis.routing.itinerary import Itinerary, itinerary_from_edges
from caravan.analysis.routing.query import RouteQuery, Weight
from caravan.errors import InvalidQueryError, NoRouteError, WorkLimitError
from caravan.network import EdgeKind, NetworkSnapshot, WeightedGraph, weighted_graph

if TYPE_CHECKING:  # numba loads only when a graph is large enough to need a hierarchy
    from caravan.analysis.routing.road_trips import RoadTripTiming
    from caravan.analysis.routing.timed_search import TimedSearch
    from caravan.network.large import ContractionHierarchy

__all__ = ["Deadline", "RouteResult", "Router"]

#: Nodes from which the best route without via points may be found by a contraction
#: hierarchy (caravan.network.large, built once per weighted graph) instead of Dijkstra.
HIERARCHY_NODE_COUNT = 50_000

#: Dijkstra searches on one graph after which it gets its hierarchy: building one costs
#: about as much as this many searches (benchmarks/scale.py: 690 to 970 on road-like graphs
#: of 10k to 1M edges; both grow about linearly with edges). Rent or buy: never more than
#: twice the best choice in hindsight, and one query on a large layer never waits for a
#: build. Searches are counted, not timed, so which algorithm answers a query (and so
#: which of equally short paths comes back) depends on the graph and the queries asked
#: before it, never on the machine's speed or load.
HIERARCHY_AFTER_SEARCHES = 900

#: Values of time (USD per unit per hour) swept to trace the time–cost Pareto front.
_PARETO_SWEEP = (0.0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 1e4, 1e6)


@dataclass(frozen=True)
class Deadline:
    """A cooperative time limit, checked between steps of a long computation.

    Searches cannot be interrupted from outside (they hold the thread that runs them), so
    work that may grow with the question (alternatives, Pareto sweep, via points, skim
    blocks) looks at the clock between its steps and gives up with :class:`WorkLimitError`
    once ``clock()`` reaches ``at`` (monotonic seconds). ``seconds``, ``task`` and ``advice``
    make the message; ``clock`` is replaceable so tests can step time deterministically.
    """

    at: float
    seconds: float
    task: str = "route search"
    advice: str = "ask for fewer alternatives or via points"
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)

    @classmethod
    def after(
        cls,
        seconds: float,
        task: str = "route search",
        advice: str = "ask for fewer alternatives or via points",
    ) -> Deadline:
        """A deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds, task, advice)

    def check(self) -> None:
        """Raise :class:`WorkLimitError` when the deadline has come."""
        if self.clock() >= self.at:
            raise WorkLimitError(f"{self.task} stopped after {self.seconds:g} s: {self.advice}")


class _NoPathError(Exception):
    """Internal signal: one search found no path.

    Alternatives, the Pareto sweep and via steps expect many such failures and drop them;
    only :meth:`Router.route` turns the failure of the best route into a
    :class:`NoRouteError`, and only then is the (costly) explanation built.
    """


@dataclass
class _Call:
    """What the searches of one route query share: its deadline and what they found.

    Alternatives, the Pareto sweep and its wider set of alternatives reach the same paths
    again and again: each path becomes an itinerary once, and each alternative candidate
    (a set of avoided items and of modes) is searched once per query.
    """

    deadline: Deadline | None = None
    itineraries: dict[tuple[tuple[int, ...], Weight], Itinerary] = field(default_factory=dict)
    candidates: dict[tuple[tuple[str, ...], tuple[str, ...] | None], Itinerary | None] = field(
        default_factory=dict
    )

    def check(self) -> None:
        """Raise :class:`WorkLimitError` when the query's deadline has come."""
        if self.deadline is not None:
            self.deadline.check()


class RouteResult(BaseModel):
    """The best itinerary, its alternatives, and (when asked) the Pareto front."""

    model_config = ConfigDict(frozen=True)

    query: RouteQuery
    best: Itinerary
    alternatives: tuple[Itinerary, ...] = ()
    pareto: tuple[Itinerary, ...] = ()
    #: What the answer cannot account for (e.g. a date past the Chinese holiday calendar).
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = Field(
        (),
        description="How the question was read, e.g. which place an ambiguous name was taken as.",
    )


@dataclass
class Router:
    """Answers route queries on one snapshot; caches weighted graphs per constraint set."""

    snapshot: NetworkSnapshot
    explain: Callable[[RouteQuery], str] | None = None
    _graphs: dict[tuple[object, ...], WeightedGraph] = field(default_factory=dict)
    _edge_modes: tuple[list[str | None], list[str | None]] | None = None
    _crossing_edges: dict[str, list[int]] | None = None
    _touching: dict[str, npt.NDArray[np.bool_]] = field(default_factory=dict)
    _hierarchies: dict[int, ContractionHierarchy] = field(default_factory=dict)
    #: Dijkstra searches run per large graph, until a hierarchy pays for itself
    _searches: dict[int, int] = field(default_factory=dict)
    _road_trips: RoadTripTiming | None = None
    _timed: dict[int, TimedSearch] = field(default_factory=dict)

    # -- public -------------------------------------------------------------------------
    def route(self, query: RouteQuery, deadline: Deadline | None = None) -> RouteResult:
        """Answer a query; raises :class:`NoRouteError` naming what blocks it.

        With a ``deadline``, the clock is read before every search (the best route, each
        alternative candidate, each Pareto step, each via step); past it the whole query
        stops with :class:`WorkLimitError` rather than returning part of an answer.
        """
        if query.origin == query.destination and not query.via:
            raise InvalidQueryError(
                f"origin and destination are the same place ({query.origin}): there is nothing "
                "to route; give another destination, or a via point for a round trip"
            )
        call = _Call(deadline)
        try:
            best = self._best(query, query.by, query.avoid, call=call)
        except _NoPathError:
            raise NoRouteError(self._explain(query)) from None
        alternatives = self._alternatives(query, best, call) if query.alternatives else ()
        pareto = self._pareto(query, best, call) if query.pareto else ()
        return RouteResult(query=query, best=best, alternatives=alternatives, pareto=pareto)

    def weights(
        self, weight: Weight, value_of_time: float | None = None
    ) -> npt.NDArray[np.float64]:
        """Per-edge weights: time (h), cost (USD) or generalised (USD)."""
        if weight == Weight.TIME:
            return self.snapshot.time_h
        if weight == Weight.COST:
            return self.snapshot.cost_usd
        vot = (
            self.snapshot.parameters.value_of_time_usd_per_h().value
            if value_of_time is None
            else value_of_time
        )
        return self.snapshot.cost_usd + vot * self.snapshot.time_h

    # -- graphs and masks ---------------------------------------------------------------
    def graph(
        self,
        weight: Weight,
        modes: tuple[str, ...] | None,
        avoid: tuple[str, ...],
        value_of_time: float | None = None,
    ) -> WeightedGraph:
        """The weighted graph for a constraint set (cached)."""
        key = (weight, modes, tuple(sorted(avoid)), value_of_time)
        if key not in self._graphs:
            usable = self.usable_edges(modes, avoid)
            self._graphs[key] = weighted_graph(
                self.snapshot, self.weights(weight, value_of_time), usable
            )
        return self._graphs[key]

    def _hierarchy_pays(self, graph: WeightedGraph) -> bool:
        """A hierarchy exists for the graph, or enough searches ran on it to pay for one."""
        if id(graph) in self._hierarchies:
            return True
        return self._searches.get(id(graph), 0) >= HIERARCHY_AFTER_SEARCHES

    def hierarchy(
        self, graph: WeightedGraph, progress: Callable[[int, int], None] | None = None
    ) -> ContractionHierarchy:
        """The contraction hierarchy of one of this router's graphs (built once, kept)."""
        from caravan.network.large import graph_from_weighted_graph, hierarchy_from_graph

        if id(graph) not in self._hierarchies:
            self._hierarchies[id(graph)] = hierarchy_from_graph(
                graph_from_weighted_graph(graph), progress=progress
            )
        return self._hierarchies[id(graph)]

    def usable_edges(
        self, modes: tuple[str, ...] | None, avoid: tuple[str, ...]
    ) -> npt.NDArray[np.bool_]:
        """Mask of edges allowed under mode and avoidance constraints."""
        snapshot = self.snapshot
        usable = np.ones(snapshot.edge_count, dtype=bool)
        if modes is not None:
            source_modes, target_modes = self._layer_modes()
            allowed = set(modes)
            usable &= np.array(
                [
                    (a is None or a in allowed) and (b is None or b in allowed)
                    for a, b in zip(source_modes, target_modes, strict=True)
                ],
                dtype=bool,
            )
        for item in avoid:
            usable &= ~self._edges_touching(item)
        return usable

    def _edges_touching(self, item: str) -> npt.NDArray[np.bool_]:
        """Mask of the edges an avoided item rules out (kept: alternatives avoid items often)."""
        if item not in self._touching:
            snapshot = self.snapshot
            self._touching[item] = np.array(
                [_touches(snapshot, e, item) for e in range(snapshot.edge_count)], dtype=bool
            )
        return self._touching[item]

    def _layer_modes(self) -> tuple[list[str | None], list[str | None]]:
        """The mode of the layer each edge leaves and enters (None for origin/destination nodes)."""
        if self._edge_modes is None:
            node_modes = [layer.mode if layer else None for layer in self.snapshot.node_layer]
            source = [node_modes[int(n)] for n in self.snapshot.source]
            target = [node_modes[int(n)] for n in self.snapshot.target]
            self._edge_modes = (source, target)
        return self._edge_modes

    # -- search -------------------------------------------------------------------------
    def _best(
        self,
        query: RouteQuery,
        weight: Weight,
        avoid: tuple[str, ...],
        modes: tuple[str, ...] | None = None,
        value_of_time: float | None = None,
        call: _Call | None = None,
    ) -> Itinerary:
        """The best itinerary under constraints; raises :class:`_NoPathError` when there is none."""
        call = call or _Call()
        call.check()
        # Only the query's own graph gets a hierarchy: alternatives and the Pareto sweep
        # search many variants once each, where preprocessing would not pay off.
        own_graph = modes is None and avoid == query.avoid and value_of_time is None
        modes = modes or (tuple(m.value for m in query.modes) if query.modes else None)
        graph = self.graph(weight, modes, avoid, value_of_time)
        timed = None if query.via else self.timed_search(weight, graph, value_of_time)
        hierarchy = own_graph and weight == query.by
        edges = self._path(graph, query, call, hierarchy=hierarchy, timed=timed)
        if edges is None:
            raise _NoPathError
        key = (tuple(edges), weight)
        if key not in call.itineraries:
            call.itineraries[key] = itinerary_from_edges(
                self.snapshot, edges, query.origin, query.destination, weight.value
            )
        return call.itineraries[key]

    def timed_search(
        self, weight: Weight, graph: WeightedGraph, value_of_time: float | None = None
    ) -> TimedSearch | None:
        """The least-reported-time search on one of this router's graphs (kept), or None.

        None where the weight has no time (cost), nothing on the graph drives on a road under
        crew rules (edge sums are then the reported time), or the graph is large enough for a
        hierarchy.
        """
        if weight == Weight.COST or graph.node_count >= HIERARCHY_NODE_COUNT:
            return None
        if self._road_trips is None:
            from caravan.analysis.routing.road_trips import road_trip_timing

            self._road_trips = road_trip_timing(self.snapshot)
        if not self._road_trips.drives or not self._road_trips.drives_on(graph.edges):
            return None
        if id(graph) not in self._timed:
            from caravan.analysis.routing.timed_search import timed_search

            vot = (
                self.snapshot.parameters.value_of_time_usd_per_h().value
                if value_of_time is None
                else value_of_time
            )
            cost_weight, time_weight = (0.0, 1.0) if weight == Weight.TIME else (1.0, vot)
            self._timed[id(graph)] = timed_search(
                self.snapshot, graph, self._road_trips, cost_weight, time_weight
            )
        return self._timed[id(graph)]

    def _timed_path(
        self, timed: TimedSearch, query: RouteQuery, call: _Call | None
    ) -> list[int] | None:
        """The path of least reported time (or generalised cost) without via points."""
        snapshot = self.snapshot
        if (
            query.origin not in snapshot.origin_node
            or query.destination not in snapshot.destination_node
        ):
            return None
        if call is not None:
            call.check()
        origin = snapshot.origin_node[query.origin]
        return timed.path(origin, snapshot.destination_node[query.destination])

    def _path(
        self,
        graph: WeightedGraph,
        query: RouteQuery,
        call: _Call | None = None,
        hierarchy: bool = False,
        timed: TimedSearch | None = None,
    ) -> list[int] | None:
        """The query's path on ``graph``; by the least reported time with ``timed`` (no via)."""
        if timed is not None and not query.via:
            return self._timed_path(timed, query, call)
        snapshot = self.snapshot
        if (
            query.origin not in snapshot.origin_node
            or query.destination not in snapshot.destination_node
        ):
            return None
        current = snapshot.origin_node[query.origin]
        target = snapshot.destination_node[query.destination]
        if hierarchy and not query.via and graph.node_count >= HIERARCHY_NODE_COUNT:
            if self._hierarchy_pays(graph):
                distance, path = self.hierarchy(graph).path(current, target)
                return path.tolist() if math.isfinite(distance) else None
            distances, predecessors = graph.shortest_from(current)
            self._searches[id(graph)] = self._searches.get(id(graph), 0) + 1
            if not math.isfinite(distances[target]):
                return None
            return graph.path_edges(predecessors, target)
        to_target = graph.shortest_to(target) if query.via else None
        edges: list[int] = []
        for via in query.via:
            if call is not None:
                call.check()
            distances, predecessors = graph.shortest_from(current)
            step = self._via_step(graph, via, distances, to_target)  # type: ignore[arg-type]
            if step is None:
                return None
            node, extra = step
            edges += graph.path_edges(predecessors, node) + extra
            current = int(snapshot.target[extra[-1]]) if extra else node
        distances, predecessors = graph.shortest_from(current)
        if not math.isfinite(distances[target]):
            return None
        return edges + graph.path_edges(predecessors, target)

    def _via_step(
        self,
        graph: WeightedGraph,
        via: str,
        distances: npt.NDArray[np.float64],
        to_target: npt.NDArray[np.float64],
    ) -> tuple[int, list[int]] | None:
        snapshot = self.snapshot
        crossing_edges = self._crossings_by_id().get(via, [])
        if crossing_edges:
            options = []
            for edge in crossing_edges:
                a, b = int(snapshot.source[edge]), int(snapshot.target[edge])
                weight = graph.weight_between(a, b)
                if weight is None:
                    continue
                options.append((distances[a] + weight + to_target[b], a, edge))
            finite = [o for o in options if math.isfinite(o[0])]
            if not finite:
                return None
            _, node, edge = min(finite)
            return node, [edge]
        nodes = snapshot.layer_nodes(via)
        reachable = [
            (distances[n] + to_target[n], n)
            for n in nodes
            if math.isfinite(distances[n] + to_target[n])
        ]
        if not reachable:
            return None
        return min(reachable)[1], []

    def _crossings_by_id(self) -> dict[str, list[int]]:
        """The crossing edges of each crossing id (indexed once: via steps look them up)."""
        if self._crossing_edges is None:
            index: dict[str, list[int]] = {}
            crossing = EdgeKind.CROSSING
            for e in range(self.snapshot.edge_count):
                ref_id = self.snapshot.records[e].ref_id
                if self.snapshot.kind[e] == crossing and ref_id is not None:
                    index.setdefault(ref_id, []).append(e)
            self._crossing_edges = index
        return self._crossing_edges

    def _alternatives(
        self, query: RouteQuery, best: Itinerary, call: _Call
    ) -> tuple[Itinerary, ...]:
        """Routes through other crossings or with other modes, best first.

        Candidates come from mode-restricted searches and from searches that avoid, one
        more at a time, the crossings of routes already found (breadth first, bounded).
        """
        found: dict[object, Itinerary] = {best.signature: best}
        frontier: list[tuple[tuple[str, ...], Itinerary]] = [(query.avoid, best)]
        expanded: set[tuple[str, ...]] = set()
        for modes in (("rail",), ("road",), ("rail", "ferry"), ("road", "ferry")):
            candidate = self._try(query, query.avoid, modes, call)
            if candidate is not None:
                found.setdefault(candidate.signature, candidate)
        budget = 6 * (query.alternatives + 1)
        while frontier and budget > 0:
            avoid, itinerary = frontier.pop(0)
            for crossing in itinerary.crossings:
                avoided = tuple(sorted({*avoid, crossing}))
                if avoided in expanded:
                    continue
                expanded.add(avoided)
                budget -= 1
                candidate = self._try(query, avoided, None, call)
                if candidate is not None:
                    found.setdefault(candidate.signature, candidate)
                    frontier.append((avoided, candidate))
        ranked = sorted(
            (i for s, i in found.items() if s != best.signature),
            key=lambda i: self._score(i, query.by),
        )
        return tuple(ranked[: query.alternatives])

    def _try(
        self,
        query: RouteQuery,
        avoid: tuple[str, ...],
        modes: tuple[str, ...] | None,
        call: _Call,
    ) -> Itinerary | None:
        """One alternative candidate (searched once per query), or None when there is no path."""
        if query.modes and modes and not set(modes) <= {m.value for m in query.modes}:
            return None
        key = (avoid, modes)
        if key not in call.candidates:
            try:
                call.candidates[key] = self._best(query, query.by, avoid, modes, call=call)
            except _NoPathError:
                call.candidates[key] = None
        return call.candidates[key]

    def _pareto(self, query: RouteQuery, best: Itinerary, call: _Call) -> tuple[Itinerary, ...]:
        """Non-dominated (time, cost) routes from a sweep of values of time and the alternatives."""
        candidates = [best]
        for value_of_time in _PARETO_SWEEP:
            try:
                candidates.append(
                    self._best(query, Weight.GENERALISED, query.avoid, None, value_of_time, call)
                )
            except _NoPathError:
                continue
        wider = query.model_copy(update={"alternatives": 6})
        for itinerary in self._alternatives(wider, best, call):
            candidates.append(itinerary)
        unique = {
            round(i.time_h, 6): i for i in sorted(candidates, key=lambda i: (i.time_h, i.cost_usd))
        }
        front: list[Itinerary] = []
        for itinerary in sorted(unique.values(), key=lambda i: (i.time_h, i.cost_usd)):
            if not front or itinerary.cost_usd < front[-1].cost_usd - 1e-6:
                front.append(itinerary)
        return tuple(front)

    def _score(self, itinerary: Itinerary, weight: Weight) -> float:
        if weight == Weight.TIME:
            return itinerary.time_h
        if weight == Weight.COST:
            return itinerary.cost_usd
        return itinerary.generalised_usd

    def _explain(self, query: RouteQuery) -> str:
        base = f"no route from {query.origin} to {query.destination} on {self.snapshot.date}"
        if self.explain is not None:
            return f"{base}: {self.explain(query)}"
        return base


def _touches(snapshot: NetworkSnapshot, edge: int, item: str) -> bool:
    record = snapshot.records[edge]
    if record.ref_id == item:
        return True
    if item in record.country_ids and len(item) == 2:
        return True
    return item in (
        snapshot.node_place[int(snapshot.source[edge])],
        snapshot.node_place[int(snapshot.target[edge])],
    )
