"""The least-reported-time search finds the least time drivers' hours allow, on small graphs.

Brute force: every path of a small random graph is re-timed by the itinerary's rule
(``drivers_hours.added_rest_h`` over each road trip), and the search's answer is the least.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caravan import Observatory
from caravan.analysis.routing import Weight
from caravan.analysis.routing import _road_trip_steps as steps
from caravan.analysis.routing.drivers_hours import CrewRules, Stretch, added_rest_h
from caravan.analysis.routing.itinerary import itinerary_from_edges
from caravan.analysis.routing.road_trips import RoadTripTiming
from caravan.analysis.routing.timed_search import TimedSearch
from caravan.network import CostSettings, EdgeKind, NetworkSnapshot, WeightedGraph

#: One driver under AETR as the embedded parameters have it (day, break, rest, reduced
#: rest, extension, high spread).
RULES = (9.0, 0.75, 11.0, 9.0, 1.0, 1.1)
CREW = CrewRules(9.0, 4.5, 0.75, 11.0, 9.0, 1.0)
#: Stops (border queues and transfers): too short to matter, a break, shorter than the
#: reduced rest, the reduced rest, the regular rest.
STOPS = (0.5, 1.0, 3.0, 9.5, 12.0)
DATE = dt.date(2025, 7, 1)


def _graph(seed: int, nodes: int, edges: int, acyclic: bool) -> TimedSearch:
    """A random graph of road links, road border stops, transfers and other edges (rail).

    Each edge's attributes are drawn with it, so a graph of one more edge from the same
    seed is the same graph and one edge more.
    """
    rng = np.random.default_rng(seed)
    room = nodes * (nodes - 1) // (2 if acyclic else 1)
    drawn: dict[tuple[int, int], tuple[int, float]] = {}
    while len(drawn) < min(edges, room):
        u, v = (int(x) for x in rng.integers(0, nodes, 2))
        role = int(rng.choice([steps.DRIVE] * 3 + [steps.STOP, steps.WAIT, steps.OTHER]))
        stops = role in (steps.STOP, steps.WAIT)
        hours = float(rng.choice(STOPS)) if stops else float(rng.uniform(0.5, 12))
        if u != v and (not acyclic or u < v) and (u, v) not in drawn:
            drawn[(u, v)] = (role, hours)
    return _fixed([(u, v, role, hours) for (u, v), (role, hours) in drawn.items()], nodes)


def reported_time(search: TimedSearch, walk: list[int]) -> float:
    """A walk's time as an itinerary reports it: each road trip re-timed by drivers' hours."""
    timing = search.timing
    total = 0.0
    trip: list[Stretch] = []
    for edge in walk:
        if timing.role[edge] == steps.DRIVE:
            trip.append(Stretch(float(timing.driving_h[edge]), True))
            total += float(timing.driving_h[edge])
            continue
        total += float(timing.typical[edge])
        if timing.role[edge] in (steps.STOP, steps.WAIT) and trip:
            border = bool(timing.role[edge] == steps.STOP)
            trip.append(Stretch(float(timing.typical[edge]), False, border))
        elif timing.role[edge] == steps.OTHER:
            total += sum(added_rest_h(trip, CREW))
            trip = []
    return total + sum(added_rest_h(trip, CREW))


def _simple_paths(search: TimedSearch, origin: int, target: int) -> Iterator[list[int]]:
    graph = search.graph
    stack: list[tuple[int, list[int], frozenset[int]]] = [(origin, [], frozenset({origin}))]
    while stack:
        node, edges, seen = stack.pop()
        if node == target:
            yield edges
            continue
        for position in range(int(graph.indptr[node]), int(graph.indptr[node + 1])):
            successor = int(graph.indices[position])
            if successor not in seen:
                edge = int(graph.edges[position])
                stack.append((successor, [*edges, edge], seen | {successor}))


def _least(search: TimedSearch, origin: int, target: int) -> float:
    return min((reported_time(search, p) for p in _simple_paths(search, origin, target)),
               default=np.inf)  # fmt: skip


def _found(search: TimedSearch, origin: int, target: int) -> tuple[float, list[int] | None]:
    walk = search.path(origin, target)
    return (np.inf, None) if walk is None else (reported_time(search, walk), walk)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(4, 8), st.integers(4, 16))
def test_on_acyclic_graphs_the_search_finds_the_least_reported_time(
    seed: int, nodes: int, edges: int
) -> None:
    search = _graph(seed, nodes, min(edges, nodes * (nodes - 1) // 2), acyclic=True)
    for target in range(1, nodes):
        found, walk = _found(search, 0, target)
        assert found == pytest.approx(_least(search, 0, target), rel=1e-9, abs=1e-9)
        if walk is not None:  # the label's own time is the walk's reported time
            assert _label_time(search, 0, target) == pytest.approx(found, rel=1e-9, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(3, 7), st.integers(3, 16))
def test_on_any_graph_the_search_is_no_slower_than_any_path(
    seed: int, nodes: int, edges: int
) -> None:
    # with cycles, a walk through a long border stop (the daily rest) and back can beat
    # every path; the search's walk is never slower than any path and is what it reports
    search = _graph(seed, nodes, min(edges, nodes * (nodes - 1)), acyclic=False)
    for target in range(1, nodes):
        found, walk = _found(search, 0, target)
        least = _least(search, 0, target)
        assert found <= least + 1e-9
        if walk is not None and len(set(walk)) == len(walk) and _is_path(search, walk):
            assert found == pytest.approx(least, rel=1e-9, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(4, 7), st.integers(4, 11))
def test_adding_a_link_never_makes_a_reported_time_longer(
    seed: int, nodes: int, edges: int
) -> None:
    fewer = _graph(seed, nodes, edges, acyclic=False)
    more = _graph(seed, nodes, edges + 1, acyclic=False)  # the same edges and one more
    assert more.graph.edges.size == fewer.graph.edges.size + 1
    for target in range(1, nodes):
        assert _found(more, 0, target)[0] <= _found(fewer, 0, target)[0] + 1e-9


def test_a_long_border_stop_is_the_daily_rest() -> None:
    # 0 -(8 h drive)-> 1 -(9.5 h border)-> 2 -(8 h drive)-> 3, against 0 -(16 h drive)-> 3:
    # the direct road needs a daily rest (11 h) or an extended day; via the border, the
    # queue is the rest (17.5 h of stops and 16 h of driving, two breaks)
    search = _fixed(
        [(0, 1, steps.DRIVE, 8.0), (1, 2, steps.STOP, 9.5), (2, 3, steps.DRIVE, 8.0),
         (0, 3, steps.DRIVE, 16.0)], nodes=4,
    )  # fmt: skip
    direct = reported_time(search, [1])
    via_border = reported_time(search, [0, 2, 3])
    assert direct == pytest.approx(16.0 + 2 * 0.75 + 11.0)
    assert via_border == pytest.approx(16.0 + 9.5 + 2 * 0.75)
    found, walk = _found(search, 0, 3)
    assert found == pytest.approx(via_border)
    assert walk == [0, 2, 3]


def test_a_five_hour_border_stop_at_hour_eight_is_made_the_daily_rest() -> None:
    # 0 -(8 h drive)-> 1 -(5 h border)-> 2 -(8 h drive)-> 3, against 0 -(16 h drive)-> 3:
    # the crew rests in the queue (stretched to the 9 h reduced rest) and arrives after
    # 16 + 9 + 2 breaks = 26.5 h; the direct road needs the 11 h rest (28.5 h)
    search = _fixed(
        [(0, 1, steps.DRIVE, 8.0), (1, 2, steps.STOP, 5.0), (2, 3, steps.DRIVE, 8.0),
         (0, 3, steps.DRIVE, 16.0)], nodes=4,
    )  # fmt: skip
    assert reported_time(search, [1]) == pytest.approx(16.0 + 2 * 0.75 + 11.0)
    assert reported_time(search, [0, 2, 3]) == pytest.approx(16.0 + 9.0 + 2 * 0.75)
    found, walk = _found(search, 0, 3)
    assert walk == [0, 2, 3]
    assert found == pytest.approx(26.5)
    assert _label_time(search, 0, 3) == pytest.approx(26.5)


@settings(max_examples=1000, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(4, 7), st.integers(4, 14))
def test_shortening_any_stop_never_makes_a_reported_time_longer(
    seed: int, nodes: int, edges: int
) -> None:
    # each stop in turn, to every shorter length across the break (45 min), the reduced rest
    # (9 h, at a border) and the regular one (11 h, at a transfer): the crew can still take
    # its break or rest there
    search = _graph(seed, nodes, edges, acyclic=False)
    today = [_found(search, 0, target)[0] for target in range(1, nodes)]
    stops = np.isin(search.timing.role, [steps.STOP, steps.WAIT])
    for stop in np.flatnonzero(stops).tolist():
        for hours in (0.0, 0.7, 2.0, 8.9, 9.2, 10.9):
            if hours >= search.timing.typical[stop]:
                continue
            typical = search.timing.typical.copy()
            typical[stop] = hours
            shorter = replace(search, timing=replace(search.timing, typical=typical))
            for target in range(1, nodes):
                assert _found(shorter, 0, target)[0] <= today[target - 1] + 1e-9, (stop, hours)


def _label_time(search: TimedSearch, origin: int, target: int) -> float:
    from caravan.analysis.routing import _timed_search_compiled as compiled

    best, labels, _ = compiled.search(origin, target, *search._graph_arrays(), search.cost,
                                      search.rule_id, search.rule_table, 0.0, 1.0)  # fmt: skip
    return float(labels[best[target], 1])


def _is_path(search: TimedSearch, walk: list[int]) -> bool:
    nodes = [int(search.graph.indices[np.flatnonzero(search.graph.edges == e)[0]]) for e in walk]
    return len(set(nodes)) == len(nodes) and 0 not in nodes


def _fixed(edges: list[tuple[int, int, int, float]], nodes: int) -> TimedSearch:
    ordered = sorted(edges)
    count = len(ordered)
    role = np.array([r for _, _, r, _ in ordered], dtype=np.int64)
    hours = np.array([h for _, _, _, h in ordered])
    driving = np.where(role == steps.DRIVE, hours, np.nan)
    typical = np.where(role == steps.DRIVE, hours * 2.3, hours)
    rules: npt.NDArray[np.float64] = np.full((count, steps.RULE_COUNT), np.nan)
    rules[role == steps.DRIVE] = RULES
    timing = RoadTripTiming(role, np.zeros(count, dtype=np.int64), driving, typical, typical,
                            typical, rules)  # fmt: skip
    sources = np.array([u for u, _, _, _ in ordered])
    indptr = np.concatenate(([0], np.cumsum(np.bincount(sources, minlength=nodes))))
    graph = WeightedGraph(
        nodes, indptr.astype(np.int32), np.array([v for _, v, _, _ in ordered], dtype=np.int32),
        typical.copy(), np.arange(count, dtype=np.int64),
        {u * nodes + v: e for e, (u, v, _, _) in enumerate(ordered)},
    )  # fmt: skip
    rule_id = np.where(role == steps.DRIVE, 0, -1).astype(np.int64)
    return TimedSearch(graph, timing, np.zeros(count), rule_id, np.array([RULES]), 0.0, 1.0)


@pytest.mark.parametrize("by", [Weight.TIME, Weight.GENERALISED])
def test_opening_the_cku_railway_makes_no_best_route_worse(
    embedded: Observatory, by: Weight
) -> None:
    # the defect this search removes: 240 of 19,046 time-skim pairs slower once CKU opened
    today = embedded.skim(by=by, date=DATE)
    opened = embedded.skim(by=by, date=DATE, scenario="cku-railway")
    assert today.place_ids == opened.place_ids
    kept = np.isfinite(today.time_h) & np.isfinite(opened.time_h)
    assert kept.sum() > 10_000
    measure = "time_h" if by == Weight.TIME else "generalised_usd"
    before, after = getattr(today, measure)[kept], getattr(opened, measure)[kept]
    assert (after <= before + 1e-9 * np.maximum(1.0, before)).all()
    assert (after < before - 1e-6).sum() > 100  # the railway does shorten many trips


def test_a_transfer_between_road_stretches_is_a_stop_not_a_new_crew(
    embedded: Observatory,
) -> None:
    # a detour through a terminal (road -> rail layer -> road, two transfers) must not stand
    # for a daily rest: the itinerary times the trip as one, the transfers as stops
    snapshot = embedded.network(date=DATE)
    router = embedded._router(DATE, CostSettings())
    timed = router.timed_search(Weight.TIME, router.graph(Weight.TIME, None, ()))
    assert timed is not None
    transfers = snapshot.kind == int(EdgeKind.TRANSFER)
    assert (timed.timing.role[transfers] == steps.WAIT).all()
    checked = 0
    for walk in _detours(snapshot, timed):
        itinerary = itinerary_from_edges(snapshot, walk, "a", "b", "time")
        assert itinerary.time_h == pytest.approx(reported_time(timed, walk), abs=1e-6)
        driving = float(np.nansum(timed.timing.driving_h[walk]))
        assert driving > 12.0  # more than a day: the crew rests (or extends) once at least
        # a regular rest at least, on the road or at the transfer (as without the detour)
        assert itinerary.time_h > driving + 11.0
        checked += 1
    assert checked >= 3


def test_no_fastest_path_leaves_the_road_at_a_terminal_and_comes_back(
    embedded: Observatory,
) -> None:
    # a rest at a transfer is the regular one, as on the road: a detour into a terminal and
    # straight back never buys the crew a shorter rest
    snapshot = embedded.network(date=DATE)
    router = embedded._router(DATE, CostSettings())
    timed = router.timed_search(Weight.TIME, router.graph(Weight.TIME, None, ()))
    assert timed is not None
    places = sorted(snapshot.origin_node)
    targets = np.array([snapshot.destination_node[p] for p in places], dtype=np.int64)
    walks = 0
    for place in places:
        for walk in timed.paths(snapshot.origin_node[place], targets):
            walks += walk is not None
            for first, second in zip(walk or [], (walk or [])[1:], strict=False):
                assert not (
                    snapshot.kind[first] == int(EdgeKind.TRANSFER)
                    and snapshot.kind[second] == int(EdgeKind.TRANSFER)
                    and snapshot.source[first] == snapshot.target[second]
                ), (place, walk)
    assert walks > 10_000


def _detours(snapshot: NetworkSnapshot, timed: TimedSearch) -> Iterator[list[int]]:
    """Walks of > 6 h of road driving, two transfers out of and back to the road, > 6 h more."""
    role = timed.timing.role
    out_of: dict[int, list[int]] = {}
    into: dict[int, list[int]] = {}
    for edge in range(snapshot.edge_count):
        out_of.setdefault(int(snapshot.source[edge]), []).append(edge)
        into.setdefault(int(snapshot.target[edge]), []).append(edge)
    for first in np.flatnonzero(snapshot.kind == int(EdgeKind.TRANSFER)).tolist():
        node = int(snapshot.source[first])
        if not any(role[e] == steps.DRIVE for e in into.get(node, [])):
            continue
        for back in out_of.get(int(snapshot.target[first]), []):
            if snapshot.kind[back] != int(EdgeKind.TRANSFER) or int(snapshot.target[back]) != node:
                continue
            before = _drive_chain(snapshot, timed, node, into, backwards=True)
            after = _drive_chain(snapshot, timed, node, out_of, backwards=False)
            if before and after:
                yield [*before, first, back, *after]


def _drive_chain(
    snapshot: NetworkSnapshot,
    timed: TimedSearch,
    node: int,
    adjacent: dict[int, list[int]],
    backwards: bool,
) -> list[int] | None:
    """Road links into (or out of) ``node``, one after another, until 6 h of driving."""
    chain: list[int] = []
    seen = {node}
    hours = 0.0
    while hours <= 6.0:
        step = next(
            (e for e in adjacent.get(node, [])
             if timed.timing.role[e] == steps.DRIVE
             and int(snapshot.source[e] if backwards else snapshot.target[e]) not in seen),
            None,
        )  # fmt: skip
        if step is None:
            return None
        chain.append(step)
        hours += float(timed.timing.driving_h[step])
        node = int(snapshot.source[step] if backwards else snapshot.target[step])
        seen.add(node)
    return chain[::-1] if backwards else chain
