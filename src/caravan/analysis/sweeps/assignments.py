"""Freight assignments split into tasks on Dask: one task per year and scenario.

A task receives the knowledge base's path, the year, the scenario (a small record) and the
solver's settings; the worker compiles the network of each date from the on-disk snapshot
cache (shared safely between the processes of one machine) and runs the same
:func:`caravan.analysis.freight.assign_year` a single process runs, so each result equals
the one-process assignment of the same year and scenario.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from caravan.analysis.freight import FreightAssignment, assign_year, assignment_spec
from caravan.analysis.sweeps.evaluate import worker_knowledge_base
from caravan.analysis.sweeps.execution import dask_client
from caravan.model import Scenario
from caravan.network import CostSettings, NetworkSnapshot
from caravan.network.cache import cached_network

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["AssignmentRun", "assign_on_dask", "assign_run"]


@dataclass(frozen=True)
class AssignmentRun:
    """One assignment to run: a year's freight on the network of a scenario (or as reported)."""

    year: int
    scenario: Scenario | None = None
    algorithm: str | None = None
    gap: float | None = None
    #: The day the run is asked on: a scenario without a date of its own, and closures
    #: without a start, take it, as in the process that asks (not the year's date).
    today: dt.date = field(default_factory=dt.date.today)


def assign_run(kb_path: str, run: AssignmentRun) -> FreightAssignment:
    """One assignment, as a worker runs it (a missed gap is reported in the result).

    A scenario on an imported layer is assigned on that layer, as the one-process run is.
    """
    kb = worker_knowledge_base(kb_path)
    scenario = run.scenario

    def network_on(day: dt.date) -> NetworkSnapshot:
        if scenario is not None and scenario.layer is not None:
            from caravan.analysis.osm import layer_choice, layer_folder, network_on_layer

            layer = layer_choice(layer_folder(kb.path), None, None, scenario)
            if layer is not None:
                return network_on_layer(
                    kb, day, CostSettings(), layer, scenario=scenario, today=run.today
                )
        return cached_network(kb, day, CostSettings(), scenario=scenario, today=run.today)

    return assign_year(
        kb,
        run.year,
        network_on,
        scenario=scenario,
        spec=assignment_spec(run.algorithm, run.gap),
        report_miss=True,
    )


def assign_on_dask(
    kb_path: Path,
    runs: Sequence[AssignmentRun],
    *,
    workers: int = 2,
    scheduler: str | None = None,
    client: Client | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[FreightAssignment]:
    """Every run as a task on Dask, results in the order of ``runs``.

    Runs on ``client`` when given, else on a cluster opened for the call (a local one of
    ``workers`` processes, or ``scheduler``). ``progress(done, total)`` counts finished runs;
    leaving early (Ctrl-C) cancels the runs not yet finished.
    """
    if client is None:
        with dask_client(workers, scheduler) as own:
            return _gather(own, str(kb_path), list(runs), progress)
    return _gather(client, str(kb_path), list(runs), progress)


def _gather(
    client: Client,
    kb_path: str,
    runs: list[AssignmentRun],
    progress: Callable[[int, int], None] | None,
) -> list[FreightAssignment]:
    from distributed import as_completed

    futures = {client.submit(assign_run, kb_path, run, pure=False): i for i, run in enumerate(runs)}
    results: dict[int, FreightAssignment] = {}
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            results[futures[future]] = future.result()
            if progress:
                progress(len(results), len(runs))
    finally:
        pending = [f for f in futures if not f.done()]  # type: ignore[no-untyped-call]
        if pending:
            client.cancel(pending)  # type: ignore[no-untyped-call]
    return [results[i] for i in range(len(runs))]
