"""Generalised cost and time between demand zones, by the mode freight crosses borders by.

China's customs record trade by the mode of transport at the border, so the two options
are "cross by rail" (road crossings avoided) and "cross by road" (rail crossings avoided);
inside a country a leg may use any mode, as real shipments do (rail to Kashgar, then a
lorry over Irkeshtam). This is the freight assignment's definition of a mode
(:mod:`caravan.analysis.freight.network`), so the split sees the costs the assignment starts
from. Cells with no route are ``inf``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing.query import Weight
from caravan.analysis.routing.search import Router
from caravan.analysis.routing.skim import SkimMatrices, iterate_skim
from caravan.model import LinkMode
from caravan.network import CostSettings, NetworkSnapshot
from caravan.network.cache import cached_network
from caravan.store import KnowledgeBase

__all__ = ["ModeSkims", "crossings_by_mode", "mode_skims", "network_zones"]


@dataclass(frozen=True)
class ModeSkims:
    """Per mode, generalised cost (USD per TEU) and time (h) matrices over ``zones``."""

    zones: tuple[str, ...]
    date: dt.date
    generalised_usd: dict[str, npt.NDArray[np.float64]]
    time_h: dict[str, npt.NDArray[np.float64]]


def crossings_by_mode(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Ids of the border crossings, by mode (rail, road)."""
    result: dict[str, list[str]] = {LinkMode.RAIL.value: [], LinkMode.ROAD.value: []}
    for crossing in kb.crossings():
        if crossing.mode.value in result:
            result[crossing.mode.value].append(crossing.id)
    return {mode: tuple(ids) for mode, ids in result.items()}


def mode_skims(
    kb: KnowledgeBase,
    zones: Sequence[str],
    date: dt.date,
    snapshot: NetworkSnapshot | None = None,
) -> ModeSkims:
    """Skims of routes crossing borders by rail and by road, on the network of ``date``.

    ``snapshot`` (a scenario's network, say) replaces the knowledge base's network of ``date``.
    """
    router = Router(snapshot or cached_network(kb, date, CostSettings()))
    crossings = crossings_by_mode(kb)
    other = {"rail": crossings["road"], "road": crossings["rail"]}
    costs: dict[str, npt.NDArray[np.float64]] = {}
    times: dict[str, npt.NDArray[np.float64]] = {}
    for mode, avoided in other.items():
        matrices = _last(iterate_skim(router, list(zones), Weight.GENERALISED, avoid=avoided))
        costs[mode] = matrices.generalised_usd
        times[mode] = matrices.time_h
    return ModeSkims(tuple(zones), date, costs, times)


def network_zones(kb: KnowledgeBase, places: Sequence[str], date: dt.date) -> list[str]:
    """The places among ``places`` that are nodes of the network of ``date``."""
    snapshot = cached_network(kb, date, CostSettings())
    return [p for p in places if p in snapshot.origin_node and p in snapshot.destination_node]


def _last(items: Iterable[object]) -> SkimMatrices:
    """The matrices a skim iteration ends with."""
    result = None
    for item in items:
        result = item
    if not isinstance(result, SkimMatrices):  # pragma: no cover - a skim always ends so
        raise RuntimeError("a skim ended without its matrices")
    return result
