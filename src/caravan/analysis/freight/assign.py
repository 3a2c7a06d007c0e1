"""Freight on caravan's own network: a year's demand assigned by mode with capacities.

Each mode (rail, road) is assigned on its own network (``network``) in vehicles per day:
the demand's tonnes per year over the stated operating days and tonnes per vehicle. Pairs
with no path on a mode are left out of that mode's assignment and reported as unserved.

**Select-link** (which pairs use a crossing): at the equilibrium costs, a pair uses the
crossing's link when its cheapest path through that link costs no more than its cheapest
path (within a tolerance tied to the gap reached). The users' demands are then scaled so
that they add up to the link's equilibrium flow: an all-or-nothing reading of the final
costs, exact when each pair uses one route, proportional when pairs split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment import (
    AssignmentResult,
    AssignmentSpec,
    ConvergenceError,
    assign,
)
from caravan.analysis.freight._graph import ZoneDistances
from caravan.analysis.freight.network import MODES, FreightNetwork, freight_network
from caravan.analysis.freight.parameters import FreightParameters
from caravan.analysis.freight.results import (
    CrossingLoad,
    FreightAssignment,
    LinkLoad,
    ModeRun,
    SelectLinkRow,
)
from caravan.errors import UnknownRecordError
from caravan.model import Scenario
from caravan.network import EdgeKind, NetworkSnapshot
from caravan.network.border_defaults import is_border_average
from caravan.store import KnowledgeBase

__all__ = ["FreightDemandLike", "FreightProgress", "assign_freight"]

FloatArray = npt.NDArray[np.float64]

#: Called with (what is being done, steps done, steps in all).
FreightProgress = Callable[[str, int, int], None]


class FreightDemandLike(Protocol):
    """What the assignment reads of a freight demand (``caravan.analysis.demand``)."""

    @property
    def year(self) -> int: ...
    @property
    def zones(self) -> tuple[str, ...]: ...
    @property
    def tonnes_per_year(self) -> dict[str, FloatArray]: ...
    @property
    def sources(self) -> tuple[str, ...]: ...
    @property
    def notes(self) -> tuple[str, ...]: ...


def assign_freight(
    kb: KnowledgeBase,
    snapshot: NetworkSnapshot,
    demand: FreightDemandLike,
    *,
    spec: AssignmentSpec | None = None,
    parameters: FreightParameters | None = None,
    scenario: Scenario | None = None,
    select_crossing: str | None = None,
    report_miss: bool = False,
    progress: FreightProgress | None = None,
) -> FreightAssignment:
    """Assign ``demand`` by mode on ``snapshot`` and report loads per crossing and link.

    Raises :class:`~caravan.analysis.assignment.ConvergenceError` when a mode misses the
    spec's gap (with ``report_miss`` the last iterate is kept instead: its run says
    ``converged = False`` and a note says by how much it missed), and
    :class:`~caravan.errors.UnknownRecordError` for a select-link crossing not on the network.
    """
    spec = spec or AssignmentSpec()
    parameters = parameters or FreightParameters.from_knowledge_base(kb)
    known = [c.id for c in (*kb.crossings(), *(scenario.new_crossings if scenario else ()))]
    if select_crossing is not None and select_crossing not in known:
        raise UnknownRecordError("crossing", select_crossing, _near(select_crossing, known))
    runs, crossings, links, selected = [], [], [], []
    steps = 2 * len(MODES)
    for index, mode in enumerate(MODES):
        if progress:
            progress(f"{mode}: network", 2 * index, steps)
        net = freight_network(kb, snapshot, mode, demand.zones, parameters, scenario)
        matrix = _vehicles(demand, mode, parameters)
        distances = ZoneDistances(net.network, net.network.free_flow_time)
        unreachable = ~np.isfinite(distances.between_zones()) & (matrix > 0)
        unserved = float(matrix[unreachable].sum())
        matrix[unreachable] = 0.0
        if progress:
            progress(f"{mode}: equilibrium", 2 * index + 1, steps)
        try:
            result = assign(net.network, matrix, spec)
        except ConvergenceError as miss:
            if not report_miss:
                raise
            result = miss.result
        runs.append(_run(mode, result, matrix, unserved, int(unreachable.sum())))
        crossings += _crossing_loads(net, result, snapshot, parameters)
        links += _link_loads(net, result, snapshot, parameters)
        if select_crossing is not None:
            selected += _select_link(net, result, matrix, select_crossing, parameters)
    if progress:
        progress("done", steps, steps)
    notes = list(demand.notes)
    for run in runs:
        if not run.converged:
            notes.append(
                f"{run.mode}: {run.algorithm} missed the target gap {run.target_gap:.1e}, "
                f"reaching {run.relative_gap:.2e} after {len(run.history)} iterations: "
                "these loads are not an equilibrium to that precision"
            )
        if run.unserved_pairs:
            notes.append(
                f"{run.mode}: {run.unserved_vehicles_per_day:.1f} vehicles/day between "
                f"{run.unserved_pairs} zone pairs have no {run.mode} path and are not assigned"
            )
    return FreightAssignment(
        year=demand.year,
        date=snapshot.date.isoformat(),
        scenario=scenario.name if scenario else None,
        parameters=parameters,
        runs=tuple(runs),
        crossings=tuple(sorted(crossings, key=lambda c: -c.mt_per_year)),
        links=tuple(links),
        select_link=tuple(sorted(selected, key=lambda s: -s.vehicles_per_day)),
        sources=tuple(dict.fromkeys((*demand.sources, *parameters.sources))),
        notes=tuple(notes),
    )


def _near(value: str, choices: list[str]) -> list[str]:
    """The three crossing ids nearest ``value`` (compared without the common ``bcp-``)."""
    from rapidfuzz import process

    bare = [c.removeprefix("bcp-") for c in choices]
    found = process.extract(value.removeprefix("bcp-"), bare, limit=3)
    return [choices[index] for _, _, index in found]


def _vehicles(demand: FreightDemandLike, mode: str, parameters: FreightParameters) -> FloatArray:
    """The mode's demand in vehicles per day, diagonal cleared."""
    tonnes = np.asarray(demand.tonnes_per_year.get(mode, 0.0), dtype=np.float64)
    zones = len(demand.zones)
    matrix = np.broadcast_to(tonnes, (zones, zones)) / (
        parameters.operating_days_per_year * parameters.tonnes_per_vehicle(mode)
    )
    matrix = np.array(matrix, dtype=np.float64)
    np.fill_diagonal(matrix, 0.0)
    return matrix


def _run(
    mode: str, result: AssignmentResult, matrix: FloatArray, unserved: float, pairs: int
) -> ModeRun:
    return ModeRun(
        mode=mode,
        algorithm=result.algorithm.value,
        relative_gap=result.relative_gap,
        target_gap=result.target_gap,
        converged=result.converged,
        objective=result.objective,
        history=result.history,
        demand_vehicles_per_day=float(matrix.sum()) + unserved,
        unserved_vehicles_per_day=unserved,
        unserved_pairs=pairs,
    )


def _crossing_loads(
    net: FreightNetwork,
    result: AssignmentResult,
    snapshot: NetworkSnapshot,
    parameters: FreightParameters,
) -> list[CrossingLoad]:
    loads = []
    for edge in net.crossings:
        e = int(net.edge[edge.link])
        flow = float(result.flow[edge.link])
        capacity = edge.capacity.vehicles_per_day
        basis = _clearance_basis(snapshot, e, edge.crossing.id)
        loads.append(
            CrossingLoad(
                crossing_id=edge.crossing.id,
                name=edge.crossing.name,
                mode=net.mode,
                direction=edge.direction.value,
                from_place=snapshot.node_place[int(snapshot.source[e])],
                to_place=snapshot.node_place[int(snapshot.target[e])],
                vehicles_per_day=flow,
                mt_per_year=parameters.tonnes_per_year(flow, net.mode) / 1e6,
                capacity=edge.capacity,
                utilisation=flow / capacity if capacity else None,
                free_flow_time_h=float(net.network.free_flow_time[edge.link]),
                time_h=float(result.time[edge.link]),
                clearance_published=basis == "crossing",
                clearance_basis=basis,
            )
        )
    return loads


def _clearance_basis(snapshot: NetworkSnapshot, edge: int, crossing_id: str) -> str:
    """Whose clearance time the edge carries: the crossing's, its border's, or the median."""
    used = snapshot.records[edge].parameters
    name = used[0].name if used else ""
    if name.startswith(f"clearance time_h {crossing_id}"):
        return "crossing"
    return "border" if is_border_average(name) else "median"


def _link_loads(
    net: FreightNetwork,
    result: AssignmentResult,
    snapshot: NetworkSnapshot,
    parameters: FreightParameters,
) -> list[LinkLoad]:
    grouped: dict[str, list[int]] = {}
    for link, e in enumerate(net.edge.tolist()):
        ref = snapshot.records[e].ref_id
        if EdgeKind(int(snapshot.kind[e])) == EdgeKind.LINK and ref is not None:
            grouped.setdefault(ref, []).append(link)
    loads = []
    for link_id, members in grouped.items():
        first = int(net.edge[members[0]])
        flow = float(result.flow[members].sum())
        utilisation = result.utilisation[members]
        known = net.link_capacity.get(members[0])
        capacity = known.vehicles_per_day if known else None
        loads.append(
            LinkLoad(
                link_id=link_id,
                mode=snapshot.mode[first] or net.mode,
                demand_mode=net.mode,
                from_place=snapshot.node_place[int(snapshot.source[first])],
                to_place=snapshot.node_place[int(snapshot.target[first])],
                vehicles_per_day=flow,
                mt_per_year=parameters.tonnes_per_year(flow, net.mode) / 1e6,
                capacity_vehicles_per_day=capacity,
                utilisation=float(np.nanmax(utilisation)) if capacity else None,
            )
        )
    return loads


def _select_link(
    net: FreightNetwork,
    result: AssignmentResult,
    matrix: FloatArray,
    crossing_id: str,
    parameters: FreightParameters,
) -> list[SelectLinkRow]:
    """Pairs through the crossing's links (see the module docstring for the method)."""
    edges = [c for c in net.crossings if c.crossing.id == crossing_id]
    if not edges:
        return []
    distances = ZoneDistances(net.network, result.cost)
    shortest = distances.between_zones()
    tolerance = max(10.0 * result.relative_gap, 1e-9)
    rows = []
    for edge in edges:
        flow = float(result.flow[edge.link])
        if flow <= 0.0:
            continue
        tail = int(net.network.from_node[edge.link])
        through = distances.through(edge.link, tail, float(result.cost[edge.link]))
        users = (matrix > 0) & (through <= shortest * (1.0 + tolerance) + 1e-12)
        total = float(matrix[users].sum())
        if total <= 0.0:
            continue
        scale = flow / total
        for o, d in zip(*np.nonzero(users), strict=True):
            vehicles = float(matrix[o, d]) * scale
            rows.append(
                SelectLinkRow(
                    crossing_id=crossing_id,
                    direction=edge.direction.value,
                    origin=net.zones[int(o)],
                    destination=net.zones[int(d)],
                    vehicles_per_day=vehicles,
                    mt_per_year=parameters.tonnes_per_year(vehicles, net.mode) / 1e6,
                )
            )
    return rows
