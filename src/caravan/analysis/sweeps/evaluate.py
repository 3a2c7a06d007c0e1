"""One draw's work: compile both scenarios' networks, skim them, read the outputs.

This runs inside Dask workers (or a plain loop): it receives the knowledge base's *path*
and a :class:`PreparedSweep`, opens the knowledge base once per process, and keeps the
few networks that repeat between draws (a side no input touches) compiled in memory.
Drawn networks are compiled directly, not through the on-disk snapshot cache: every draw
is different, and hundreds of them would only push the user's cached snapshots out.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from caravan.analysis.comparison.compare import MEAN_PLACE_KINDS
from caravan.analysis.comparison.context import trade_weights
from caravan.analysis.comparison.core import (
    PairTable,
    compare_skims,
    country_pair_changes,
    trade_weighted_change,
)
from caravan.analysis.comparison.records import CountryPairChange, TradeWeightedChange
from caravan.analysis.routing import Router, SkimMatrices, skim_matrices
from caravan.analysis.sweeps.loading import PreparedSweep
from caravan.analysis.sweeps.sampling import draw_values
from caravan.analysis.sweeps.spec import OutputKind, OutputQuantity, SweepOutput
from caravan.model import Scenario
from caravan.network import CostSettings, NetworkSnapshot
from caravan.network.build import network_from_knowledge_base
from caravan.store import KnowledgeBase

__all__ = ["DrawResult", "evaluate_chunk", "evaluate_draw", "worker_knowledge_base"]

#: Compiled networks a worker process keeps between draws.
_KEPT_NETWORKS = 4

_NAN = float("nan")


@dataclass(frozen=True)
class DrawResult:
    """One draw: its number, the inputs' drawn values and the outputs (NaN: no route)."""

    draw: int
    inputs: dict[str, float]
    outputs: dict[str, float]


class _WorkerState:
    """What a worker process keeps: open knowledge bases and a few compiled networks."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.knowledge_bases: dict[str, KnowledgeBase] = {}
        self.networks: OrderedDict[tuple[str, str, str], NetworkSnapshot] = OrderedDict()

    def knowledge_base(self, path: str) -> KnowledgeBase:
        if path not in self.knowledge_bases:
            self.knowledge_bases[path] = KnowledgeBase(Path(path))
        return self.knowledge_bases[path]

    def network(self, kb_path: str, scenario: Scenario) -> NetworkSnapshot:
        kb = self.knowledge_base(kb_path)
        date = scenario.base_date
        if date is None:
            raise ValueError(f"drawn scenario {scenario.name} has no base date")
        key = (kb_path, kb.content_key(), scenario.key())
        found = self.networks.get(key)
        if found is not None:
            self.networks.move_to_end(key)
            return found
        snapshot = network_from_knowledge_base(
            kb, date, CostSettings(), scenario=scenario, today=date
        )
        self.networks[key] = snapshot
        while len(self.networks) > _KEPT_NETWORKS:
            self.networks.popitem(last=False)
        return snapshot


_STATE = _WorkerState()


def worker_knowledge_base(path: str) -> KnowledgeBase:
    """The knowledge base at ``path``, opened once per (worker) process."""
    with _STATE.lock:
        return _STATE.knowledge_base(path)


def _places(kb: KnowledgeBase, scenario_a: Scenario, scenario_b: Scenario) -> list[str]:
    """Every place of the knowledge base and of both scenarios, in a stable order."""
    ids = [p.id for p in kb.places()]
    for scenario in (scenario_a, scenario_b):
        ids += [p.id for p in scenario.new_places if p.id not in ids]
    return ids


def _pair_value(
    table: PairTable, ids: Sequence[str], pair: tuple[str, str], output: SweepOutput
) -> float:
    i, j = ids.index(pair[0]), ids.index(pair[1])
    quantity = output.quantity.value
    sides: dict[str, SkimMatrices] = {"a": table.a, "b": table.b}
    if output.statistic in sides:
        value = float(getattr(sides[output.statistic], quantity)[i, j])
        return value if math.isfinite(value) else _NAN
    a = float(getattr(table.a, quantity)[i, j])
    b = float(getattr(table.b, quantity)[i, j])
    return b - a if math.isfinite(a) and math.isfinite(b) else _NAN


_MEAN_FIELDS = {
    OutputQuantity.TIME_H: ("mean_time_change_h", "time_change_h"),
    OutputQuantity.COST_USD: ("mean_cost_change_usd", "cost_change_usd"),
    OutputQuantity.LENGTH_KM: ("mean_length_change_km", ""),
    OutputQuantity.TIME_PCT: ("mean_time_change_pct", "time_change_pct"),
    OutputQuantity.COST_PCT: ("mean_cost_change_pct", "cost_change_pct"),
}


def evaluate_draw(kb_path: str, sweep: PreparedSweep, index: int) -> DrawResult:
    """Draw ``index``: both networks compiled and skimmed, every output read."""
    with _STATE.lock:  # one knowledge-base connection per process: one draw at a time
        kb = _STATE.knowledge_base(kb_path)
        scenario_a, scenario_b = sweep.draw(index)
        ids = _places(kb, scenario_a, scenario_b)
        modes = tuple(m.value for m in sweep.spec.modes) if sweep.spec.modes else None
        skims = [
            skim_matrices(Router(_STATE.network(kb_path, s)), ids, sweep.spec.by, modes=modes)
            for s in (scenario_a, scenario_b)
        ]
        table = compare_skims(skims[0], skims[1])
        outputs: dict[str, float] = {}
        country_rows: tuple[CountryPairChange, ...] | None = None
        headline: TradeWeightedChange | None = None
        for output in sweep.spec.output:
            if output.kind == OutputKind.PAIR:
                outputs[output.name] = _pair_value(table, ids, sweep.pairs[output.name], output)
                continue
            if country_rows is None:
                places = [*kb.places(), *scenario_a.new_places, *scenario_b.new_places]
                counted = {p.id for p in places if p.kind in MEAN_PLACE_KINDS}
                country_of = {p.id: p.country_id for p in places}
                year, weights, _ = trade_weights(kb)
                country_rows = country_pair_changes(table, country_of, weights, counted)
                headline = trade_weighted_change(country_rows, year)
            row_field, headline_field = _MEAN_FIELDS[output.quantity]
            value: float | None
            if output.kind == OutputKind.TRADE_WEIGHTED:
                value = getattr(headline, headline_field) if headline_field else None
            else:
                wanted = set(output.countries or ())
                row = next((r for r in country_rows if set(r.countries) == wanted), None)
                value = getattr(row, row_field) if row is not None else None
            outputs[output.name] = _NAN if value is None else float(value)
    return DrawResult(index, draw_values(sweep.spec, index), outputs)


def evaluate_chunk(kb_path: str, sweep: PreparedSweep, indices: Sequence[int]) -> list[DrawResult]:
    """Several draws in one task (fewer round trips to the scheduler)."""
    return [evaluate_draw(kb_path, sweep, int(i)) for i in np.asarray(indices, dtype=np.int64)]
