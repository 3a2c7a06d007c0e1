"""Generalised cost and time between demand zones, by the mode freight crosses China's border.

China's customs record trade by the mode of transport at the border, so the two options
are "cross by rail" (China's road crossings avoided) and "cross by road" (China's rail
crossings avoided); the legs on either side may use any mode, as real shipments do (rail to
Kashgar, then a lorry over Irkeshtam). Cells with no route are ``inf``.
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
from caravan.network import CostSettings
from caravan.network.cache import cached_network
from caravan.store import KnowledgeBase

__all__ = ["ModeSkims", "china_crossings", "mode_skims", "network_zones"]

CHINA = "cn"


@dataclass(frozen=True)
class ModeSkims:
    """Per mode, generalised cost (USD per TEU) and time (h) matrices over ``zones``."""

    zones: tuple[str, ...]
    date: dt.date
    generalised_usd: dict[str, npt.NDArray[np.float64]]
    time_h: dict[str, npt.NDArray[np.float64]]


def china_crossings(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Ids of China's border crossings, by mode."""
    country = {p.id: p.country_id for p in kb.places()}
    result: dict[str, list[str]] = {LinkMode.RAIL.value: [], LinkMode.ROAD.value: []}
    for crossing in kb.crossings():
        sides = {country.get(crossing.post_a_id), country.get(crossing.post_b_id)}
        if CHINA in sides and crossing.mode.value in result:
            result[crossing.mode.value].append(crossing.id)
    return {mode: tuple(ids) for mode, ids in result.items()}


def mode_skims(kb: KnowledgeBase, zones: Sequence[str], date: dt.date) -> ModeSkims:
    """Skims of routes crossing China's border by rail and by road, on the network of ``date``."""
    router = Router(cached_network(kb, date, CostSettings()))
    crossings = china_crossings(kb)
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
