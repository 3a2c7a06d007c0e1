"""The time search run as plain Python and compiled gives the same labels, paths and routes.

One source (``_timed_search_kernels``), two ways to run it: the compiled kernels
(``_timed_search_compiled``) must agree label for label with the plain functions, on the
embedded network (road and rail, crews resting) and on random graphs; and a route in a
fresh process runs plain, loading no numba, and reads the same as a compiled one.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caravan import Observatory
from caravan.analysis.routing import Weight, drivers_hours, drivers_rule
from caravan.analysis.routing import _timed_search_compiled as compiled
from caravan.analysis.routing import _timed_search_kernels as plain
from caravan.analysis.routing import timed_search as modes
from caravan.analysis.routing.itinerary import itinerary_from_edges
from caravan.analysis.routing.timed_search import TimedSearch
from caravan.network import CostSettings
from test_timed_search import _graph

DATE = dt.date(2025, 7, 1)


def _labels_agree(search: TimedSearch, origin: int) -> None:
    """Both modes' full searches from ``origin``: equal best labels, floats and integers."""
    arguments = (*search._graph_arrays(), search.cost, search.rule_id, search.rule_table,
                 search.cost_weight, search.time_weight)  # fmt: skip
    ours = plain.search(origin, -1, *arguments)
    theirs = compiled.search(origin, -1, *arguments)
    for mine, other in zip(ours, theirs, strict=True):
        assert mine.shape == other.shape, origin
        assert np.array_equal(mine, other), origin


@pytest.mark.parametrize("weight", [Weight.TIME, Weight.GENERALISED])
@pytest.mark.parametrize("modes_used", [None, ("road",)])
def test_both_modes_settle_the_same_labels_on_the_embedded_network(
    embedded: Observatory, weight: Weight, modes_used: tuple[str, ...] | None
) -> None:
    router = embedded._router(DATE, CostSettings())
    timed = router.timed_search(weight, router.graph(weight, modes_used, ()))
    assert timed is not None
    snapshot = router.snapshot
    origins = sorted(snapshot.origin_node.values())
    for origin in origins[::2] if modes_used is None else origins:
        _labels_agree(timed, origin)
    # crews rest on these searches: some best label carries a road trip's state
    best, _, links = plain.search(origins[0], -1, *timed._graph_arrays(), timed.cost,
                                  timed.rule_id, timed.rule_table, timed.cost_weight,
                                  timed.time_weight)  # fmt: skip
    assert (links[best[best >= 0], 1] >= 0).any()


@given(
    seed=st.integers(0, 10_000),
    nodes=st.integers(2, 9),
    edges=st.integers(1, 30),
    acyclic=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_both_modes_settle_the_same_labels_on_random_graphs(
    seed: int, nodes: int, edges: int, acyclic: bool
) -> None:
    search = _graph(seed, nodes, edges, acyclic)
    for origin in range(nodes):
        _labels_agree(search, origin)


def test_both_modes_find_the_same_paths_on_random_graphs() -> None:
    for seed in range(20):
        search = _graph(seed, 8, 24, acyclic=False)
        targets = np.arange(8, dtype=np.int64)
        arguments = (*search._graph_arrays(), search.cost, search.rule_id, search.rule_table,
                     search.cost_weight, search.time_weight)  # fmt: skip
        for origin in range(8):
            ours = plain.best_paths(origin, targets, *arguments)
            theirs = compiled.best_paths(origin, targets, *arguments)
            assert np.array_equal(ours[0], theirs[0])
            assert np.array_equal(ours[1], theirs[1])


def test_the_mode_is_chosen_by_the_work_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "caravan.analysis.routing._timed_search_compiled")
    monkeypatch.setattr(modes._PlainWork, "nodes", 0)
    assert modes.kernels_for(470) is plain
    assert modes._PlainWork.nodes == 470
    assert modes.kernels_for(modes.PLAIN_SEARCH_NODES) is compiled  # over what is left
    assert modes.kernels_for(470, searches=10) is plain
    monkeypatch.setattr(modes._PlainWork, "nodes", modes.PLAIN_SEARCH_NODES - 100)
    assert modes.kernels_for(470) is compiled
    assert modes.kernels_for(100) is plain


def test_a_compiled_search_loaded_once_serves_every_later_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(modes._PlainWork, "nodes", 0)
    assert "caravan.analysis.routing._timed_search_compiled" in sys.modules
    assert modes.kernels_for(10) is compiled


_FRESH_ROUTE = """
import datetime, json, sys
from pathlib import Path
from caravan import Observatory
observatory = Observatory.open(Path(sys.argv[1]))
def route():
    result = observatory.route("cn-xian", "uz-tashkent", by="time", date=datetime.date(2025, 6, 4))
    return result.best.model_dump(mode="json")
plain_route = route()
numba_loaded = "numba" in sys.modules
from caravan.analysis.routing import _timed_search_compiled  # from now on, compiled
observatory._routers.clear()
print(json.dumps([numba_loaded, plain_route == route(), plain_route["time_h"]]))
"""


def test_a_route_in_a_fresh_process_runs_plain_and_reads_as_a_compiled_one(
    embedded_kb_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FRESH_ROUTE, str(embedded_kb_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    numba_loaded, same, time_h = json.loads(result.stdout)
    assert numba_loaded is False
    assert same is True
    assert time_h > 0


@pytest.mark.parametrize("modes_used", [None, ("road",)])
def test_itineraries_time_road_trips_alike_in_both_modes(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch, modes_used: tuple[str, ...] | None
) -> None:
    router = embedded._router(DATE, CostSettings())
    snapshot = router.snapshot
    timed = router.timed_search(Weight.TIME, router.graph(Weight.TIME, modes_used, ()))
    assert timed is not None
    places = sorted(set(snapshot.origin_node) & set(snapshot.destination_node))[::4]
    driven = 0
    for origin in places:
        targets = np.array([snapshot.destination_node[p] for p in places], dtype=np.int64)
        paths = timed.paths(snapshot.origin_node[origin], targets)
        for destination, edges in zip(places, paths, strict=True):
            if not edges or destination == origin:
                continue
            itineraries = []
            for compiled_rule in (False, True):
                monkeypatch.setattr(modes, "compiled_loaded", lambda on=compiled_rule: on)
                assert (drivers_hours._trip_rest() is drivers_rule.trip_rest) is not compiled_rule
                itineraries.append(
                    itinerary_from_edges(snapshot, edges, origin, destination, "time")
                )
            assert itineraries[0] == itineraries[1], (origin, destination)
            driven += itineraries[0].time_h != float(snapshot.time_h[edges].sum())
    assert driven > 20  # many of these trips are re-timed by the rule


def test_trips_kept_by_a_skim_block_give_the_figures_timed_afresh(embedded: Observatory) -> None:
    """Random paths over the embedded edges share trips, some with the same first and last
    edge but others between; kept figures equal figures timed afresh, bit for bit, also
    once the tables are full."""
    from numba import typed, types

    from caravan.analysis.routing import _road_trip_codes as codes
    from caravan.analysis.routing import _road_trip_kernels as kernels

    router = embedded._router(DATE, CostSettings())
    timed = router.timed_search(Weight.TIME, router.graph(Weight.TIME, None, ()))
    assert timed is not None
    timing = timed.timing
    edges = timing.role, timing.run_key, timing.driving_h, timing.typical, timing.low, timing.high
    drive = np.flatnonzero((timing.role == codes.DRIVE) & ~np.isnan(timing.rules[:, codes.DAY]))
    stops = np.flatnonzero(np.isin(timing.role, [codes.STOP, codes.WAIT]))
    other = np.flatnonzero(timing.role == codes.OTHER)
    rng = np.random.default_rng(7)
    pieces = [rng.choice(drive, 5) for _ in range(4)] + [rng.choice(stops, 1)]
    size = 64
    stretches, flags = np.empty((4, size)), np.zeros((2, size), dtype=np.bool_)
    tables = kernels._tables()
    kept = typed.Dict.empty(key_type=types.int64, value_type=types.int64)
    trip_edges, trips = np.empty(2_000, dtype=np.int64), np.empty((12, 3), dtype=np.int64)
    trip_changes, filled = np.empty((12, 3)), np.zeros(2, dtype=np.int64)
    taken = 0
    ends: dict[tuple[int, int], set[tuple[int, ...]]] = {}
    for _ in range(400):
        drawn: list[int] = []
        for piece in rng.integers(0, len(pieces), 4):  # trips end between pieces, or not
            drawn += [int(rng.choice(other))] if rng.random() < 0.5 else []
            drawn += [int(e) for e in pieces[piece]]
        path = np.array(drawn, dtype=np.int64)
        for trip in _trips(path, timing.role):
            ends.setdefault((trip[0], trip[-1]), set()).add(trip)
        fresh, again = np.zeros(3), np.zeros(3)
        kernels._trip_correction(path, path.size, *edges, timing.rules, stretches, flags, fresh,
                                 *tables)  # fmt: skip
        before = int(filled[0])
        kernels._kept_correction(path, path.size, kept, trip_edges, trips, trip_changes, filled,
                                 *edges, timing.rules, stretches, flags, again, *tables)  # fmt: skip
        taken += before < trips.shape[0] and int(filled[0]) == before
        assert fresh.tolist() == again.tolist()
    assert filled[0] == trips.shape[0]  # the tables filled up …
    assert taken > 0  # … after some paths took all their trips from them
    assert max(len(between) for between in ends.values()) > 1  # same ends, other edges between


def _trips(path: npt.NDArray[np.int64], role: npt.NDArray[np.int64]) -> list[tuple[int, ...]]:
    """The road trips of a path: from a driving edge up to the next edge that ends trips."""
    from caravan.analysis.routing import _road_trip_codes as codes

    found, position = [], 0
    while position < path.size:
        if role[path[position]] != codes.DRIVE:
            position += 1
            continue
        begin = position
        while position < path.size and role[path[position]] != codes.OTHER:
            position += 1
        found.append(tuple(int(e) for e in path[begin:position]))
    return found
