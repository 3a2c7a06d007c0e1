"""Which algorithm answers a route (Dijkstra or the contraction hierarchy) never follows the clock."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest

from caravan import Observatory
from caravan.analysis.routing import RouteQuery, Router, Weight, search
from caravan.network import CostSettings


def _large_router(embedded: Observatory, monkeypatch: pytest.MonkeyPatch) -> Router:
    """A new router on the curated network treated as large (edge weights, hierarchy allowed)."""
    router = Router(embedded.network(dt.date(2025, 6, 4), CostSettings()))
    monkeypatch.setattr(router, "timed_search", lambda *args, **kwargs: None)
    monkeypatch.setattr(search, "HIERARCHY_NODE_COUNT", 0)
    return router


def test_a_slow_or_busy_machine_does_not_buy_the_hierarchy_sooner(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each clock reading a day later (a machine as slow as can be): the searches that pay
    for a hierarchy are still counted, so three queries stay with Dijkstra."""
    router = _large_router(embedded, monkeypatch)
    days = itertools.count(step=86_400.0)
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(days)))
    monkeypatch.setattr(time, "monotonic", lambda: 0.0)  # no deadline comes from the jumps
    query = RouteQuery(origin="cn-xian", destination="uz-tashkent", by=Weight.TIME)
    routes = [router.route(query).best for _ in range(3)]
    assert router._hierarchies == {}
    assert sum(router._searches.values()) == 3
    assert search.HIERARCHY_AFTER_SEARCHES > 3
    assert routes[1] == routes[0]
    assert routes[2] == routes[0]


def test_the_same_queries_take_the_same_algorithms_in_every_process(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two routers asked the same queries switch to the hierarchy at the same query and
    return the same edges throughout, one on a still clock, one on a racing clock."""
    monkeypatch.setattr(search, "HIERARCHY_AFTER_SEARCHES", 2)
    queries = [
        RouteQuery(origin=o, destination=d, by=Weight.TIME)
        for o, d in (("cn-xian", "uz-tashkent"), ("cn-urumqi", "kz-almaty"))
    ] * 2
    runs = []
    for step in (0.0, 3_600.0):
        router = _large_router(embedded, monkeypatch)
        ticks = itertools.count(step=step)
        monkeypatch.setattr(time, "perf_counter", lambda ticks=ticks: float(next(ticks)))
        found = []
        for query in queries:
            found.append((router.route(query).best, len(router._hierarchies)))
        runs.append(found)
    assert runs[0] == runs[1]
    assert [built for _, built in runs[0]] == [0, 0, 1, 1]
