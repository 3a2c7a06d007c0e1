"""One mode's assignment network cut from a compiled snapshot, with capacities and delays.

A mode here is the mode freight **crosses borders** by: the rail network is the whole
multimodal snapshot without its road crossings, the road network without its rail
crossings. Inside a country freight may change layer where the snapshot lets it (a lorry's
load railed from inland China to Kashgar, a train's cargo trucked to a town off the line),
paying the transfers. Each demand zone (a place) becomes one node, numbered first: its
access edges leave it and its egress edges enter it, and zones are never passed through.

Link cost is the routing's generalised cost in hours: free-flow time (the snapshot's
typical time, from the time model) plus money over the value of time per hour; delay at
capacitated elements adds hours. Crossing edges get their capacity per direction and the
queueing (or BPR) delay; link edges of the assigned mode with a published capacity get
BPR; all others are uncapacitated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment import AssignmentNetwork
from caravan.analysis.assignment.queueing import QueueDelay
from caravan.analysis.freight.capacity import ElementCapacity, capacity_of
from caravan.analysis.freight.parameters import CrossingDelay, FreightParameters
from caravan.model import Crossing, Direction, Scenario
from caravan.network import EdgeKind, NetworkSnapshot
from caravan.network.scenario import ScenarioEffects
from caravan.store import KnowledgeBase

__all__ = ["MODES", "FreightNetwork", "freight_network"]

IntArray = npt.NDArray[np.int64]

#: The modes assigned: the mode a flow crosses borders by.
MODES = ("rail", "road")


@dataclass(frozen=True)
class CrossingEdge:
    """A crossing's assignment link in one direction."""

    crossing: Crossing
    direction: Direction
    link: int
    capacity: ElementCapacity


@dataclass(frozen=True, eq=False)
class FreightNetwork:
    """An :class:`AssignmentNetwork` of one mode and what its links stand for."""

    mode: str
    zones: tuple[str, ...]
    network: AssignmentNetwork
    edge: IntArray  # snapshot edge of each assignment link
    crossings: tuple[CrossingEdge, ...]
    link_capacity: dict[int, ElementCapacity]  # assignment link -> capacity (link edges)


def _crossings(
    kb: KnowledgeBase, scenario: Scenario | None, date: dt.date
) -> tuple[dict[str, Crossing], ScenarioEffects | None]:
    effects = ScenarioEffects.of(kb, scenario, date, date)
    crossings = effects.crossings if effects is not None else kb.crossings()
    return {c.id: c for c in crossings}, effects


def freight_network(
    kb: KnowledgeBase,
    snapshot: NetworkSnapshot,
    mode: str,
    zones: Sequence[str],
    parameters: FreightParameters,
    scenario: Scenario | None = None,
) -> FreightNetwork:
    """The ``mode`` network of ``snapshot`` with ``zones`` (place ids) as nodes 0..Z-1."""
    zone_of = {place: i for i, place in enumerate(zones)}
    kept: list[int] = []
    node_map: dict[int, int] = {}
    for e in range(snapshot.edge_count):
        source, target = int(snapshot.source[e]), int(snapshot.target[e])
        kind = EdgeKind(int(snapshot.kind[e]))
        if kind == EdgeKind.ACCESS:
            if snapshot.node_place[source] not in zone_of:
                continue
            node_map.setdefault(source, zone_of[snapshot.node_place[source]])
        elif kind == EdgeKind.EGRESS:
            if snapshot.node_place[target] not in zone_of:
                continue
            node_map.setdefault(target, zone_of[snapshot.node_place[target]])
        elif kind == EdgeKind.CROSSING and snapshot.mode[e] != mode:
            continue
        kept.append(e)
    edges = np.asarray(kept, dtype=np.int64)
    next_node = len(zones)
    for e in kept:
        for node in (int(snapshot.source[e]), int(snapshot.target[e])):
            if node not in node_map:
                node_map[node] = next_node
                next_node += 1
    count = edges.size
    capacity = np.zeros(count)
    b = np.zeros(count)
    power = np.ones(count)
    crossings, link_capacity = _capacities(
        kb, snapshot, mode, edges, parameters, scenario, capacity, b, power
    )
    queues = None
    if parameters.crossing_delay is CrossingDelay.QUEUE:
        links = np.asarray([c.link for c in crossings if capacity[c.link] > 0], dtype=np.int64)
        period = parameters.queue_period_h
        queues = QueueDelay(
            link=links,
            period=np.full(links.size, period),
            served_per_period=capacity[links] * period / 24.0,
            delay_parameter=np.full(links.size, parameters.queue_delay_parameter),
        )
    network = AssignmentNetwork(
        node_count=max(next_node, len(zones)),
        zone_count=len(zones),
        first_thru_node=len(zones) + 1,
        from_node=np.asarray([node_map[int(snapshot.source[e])] for e in kept], dtype=np.int64),
        to_node=np.asarray([node_map[int(snapshot.target[e])] for e in kept], dtype=np.int64),
        free_flow_time=snapshot.time_h[edges].astype(np.float64),
        capacity=capacity,
        b=b,
        power=power,
        fixed_cost=snapshot.cost_usd[edges] / snapshot.parameters.value_of_time_usd_per_h().value,
        queues=queues,
    )
    return FreightNetwork(mode, tuple(zones), network, edges, crossings, link_capacity)


def _capacities(
    kb: KnowledgeBase,
    snapshot: NetworkSnapshot,
    mode: str,
    edges: IntArray,
    parameters: FreightParameters,
    scenario: Scenario | None,
    capacity: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    power: npt.NDArray[np.float64],
) -> tuple[tuple[CrossingEdge, ...], dict[int, ElementCapacity]]:
    """Fill capacity, b and power per assignment link; the crossing edges and link capacities."""
    records, effects = _crossings(kb, scenario, snapshot.date)
    teu = snapshot.parameters.general.get("teu_per_truck")
    crossings: list[CrossingEdge] = []
    link_capacity: dict[int, ElementCapacity] = {}
    by_link: dict[str, ElementCapacity] = {}
    for link, e in enumerate(edges.tolist()):
        record = snapshot.records[e]
        kind = EdgeKind(int(snapshot.kind[e]))
        if kind == EdgeKind.CROSSING and record.ref_id in records:
            crossing = records[record.ref_id]
            a_side = snapshot.node_place[int(snapshot.source[e])] == crossing.post_a_id
            direction = Direction.A_TO_B if a_side else Direction.B_TO_A
            override = effects.capacity(crossing.id, direction) if effects else None
            found = capacity_of(
                kb, crossing.id, crossing.mode.value, snapshot.date, direction, parameters,
                override, teu.value if teu else None,
            )  # fmt: skip
            crossings.append(CrossingEdge(crossing, direction, link, found))
            if found.vehicles_per_day:
                capacity[link] = found.vehicles_per_day
                if parameters.crossing_delay is CrossingDelay.BPR:
                    b[link], power[link] = parameters.bpr_b, parameters.bpr_power
        elif kind == EdgeKind.LINK and record.ref_id is not None and snapshot.mode[e] == mode:
            link_mode = mode
            if record.ref_id not in by_link:
                by_link[record.ref_id] = capacity_of(
                    kb, record.ref_id, link_mode, snapshot.date, Direction.BOTH, parameters
                )
            found = by_link[record.ref_id]
            link_capacity[link] = found
            if found.vehicles_per_day:
                capacity[link] = found.vehicles_per_day
                b[link], power[link] = parameters.bpr_b, parameters.bpr_power
    return tuple(crossings), link_capacity
