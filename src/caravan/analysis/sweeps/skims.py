"""A skim split into tasks on Dask: blocks of origins, each a task, rows assembled here.

A task receives the knowledge base's path, the scenario (a small record), the date and its
block of origins; the worker takes the compiled network from the on-disk snapshot cache
(shared safely between the processes of one machine, compiled once) and skims from those
origins only, by handing the router a copy of the network whose origins are the block's.
Each row is computed exactly as a skim in one process computes it, so the assembled
matrices equal :func:`caravan.analysis.routing.skim.skim_matrices`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from caravan.analysis.routing import Router, SkimMatrices, Weight, skim_matrices
from caravan.analysis.sweeps.evaluate import worker_knowledge_base
from caravan.analysis.sweeps.execution import chunks_of, dask_client
from caravan.model import Scenario
from caravan.network import CostSettings
from caravan.network.cache import cached_network

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["skim_block", "skim_on_dask"]

FloatArray = npt.NDArray[np.float64]

_MATRICES = ("time_h", "time_h_low", "time_h_high", "cost_usd", "length_km", "generalised_usd")


def skim_block(
    kb_path: str,
    scenario: Scenario | None,
    date: dt.date,
    place_ids: Sequence[str],
    rows: Sequence[int],
    weight: Weight,
    modes: tuple[str, ...] | None,
    settings: CostSettings,
    today: dt.date | None = None,
) -> dict[str, FloatArray]:
    """Rows ``rows`` (indices into ``place_ids``) of every skim matrix, to every place.

    ``today`` is the asking process's day, which a scenario without a date (and closures
    without a start) take, as in that process; None: the skim's date."""
    kb = worker_knowledge_base(kb_path)
    snapshot = cached_network(kb, date, settings, scenario=scenario, today=today or date)
    wanted = {place_ids[i] for i in rows}
    origins = {p: node for p, node in snapshot.origin_node.items() if p in wanted}
    block = dataclasses.replace(snapshot, origin_node=origins)
    matrices = skim_matrices(Router(block), list(place_ids), weight, modes=modes)
    return {name: getattr(matrices, name)[list(rows)] for name in _MATRICES}


def skim_on_dask(
    kb_path: Path,
    place_ids: Sequence[str],
    *,
    date: dt.date,
    scenario: Scenario | None = None,
    weight: Weight = Weight.GENERALISED,
    modes: tuple[str, ...] | None = None,
    settings: CostSettings | None = None,
    block_size: int = 32,
    workers: int = 2,
    scheduler: str | None = None,
    client: Client | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SkimMatrices:
    """Skims between ``place_ids``, origins split into blocks of ``block_size`` on Dask.

    Runs on ``client`` when given, else on a cluster opened for the call (a local one of
    ``workers`` processes, or ``scheduler``). ``progress(done, total)`` counts origins.
    """
    ids = list(place_ids)
    task = _Task(
        str(kb_path), ids, date, scenario, weight, modes, settings or CostSettings(),
        dt.date.today(),
    )  # fmt: skip
    blocks = chunks_of(list(range(len(ids))), block_size)
    if client is None:
        with dask_client(workers, scheduler) as own:
            return _assemble(own, task, blocks, progress)
    return _assemble(client, task, blocks, progress)


@dataclasses.dataclass(frozen=True)
class _Task:
    """What every block's task receives besides its rows."""

    kb_path: str
    ids: list[str]
    date: dt.date
    scenario: Scenario | None
    weight: Weight
    modes: tuple[str, ...] | None
    settings: CostSettings
    today: dt.date


def _assemble(
    client: Client,
    task: _Task,
    blocks: list[list[int]],
    progress: Callable[[int, int], None] | None,
) -> SkimMatrices:
    from distributed import as_completed

    n = len(task.ids)
    result = {name: np.full((n, n), np.inf) for name in _MATRICES}
    common = (task.kb_path, task.scenario, task.date, task.ids)
    futures = {
        client.submit(
            skim_block,
            *common,
            rows,
            task.weight,
            task.modes,
            task.settings,
            task.today,
            pure=False,
        ): rows
        for rows in blocks
    }
    done = 0
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            rows = futures[future]
            for name, values in future.result().items():
                result[name][rows, :] = values
            done += len(rows)
            if progress:
                progress(done, n)
    finally:
        pending = [f for f in futures if not f.done()]  # type: ignore[no-untyped-call]
        if pending:
            client.cancel(pending)  # type: ignore[no-untyped-call]
    for values in result.values():
        np.fill_diagonal(values, 0.0)
    return SkimMatrices(tuple(task.ids), task.weight.value, task.date.isoformat(), **result)
