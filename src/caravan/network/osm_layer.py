"""Compiling a network snapshot with an imported OpenStreetMap layer, extending or replacing.

``extend`` keeps the curated links and crossings and adds the layer; ``replace`` drops them
and routes on the layer alone. Either way each place is attached to its nearest junction
of each layer within a radius (``caravan.store.osm.attach``), and the layer's edges are
costed with the knowledge base's own figures: running time and cost as a curated link of
the same mode (median published speed, the country's rate, the time model), border
crossings at the median published clearance of their mode, gauge changes at the
knowledge base's gauge transshipment time and cost, ferry terminals at its port handling
plus half a headway and the median ferry price on boarding (from land, or from a port's
place attached at sea: there on the sailing's first edge, where a curated ferry link holds
its wait, so a trip that starts at sea counts from departure without it). The curated path
(``network_from_knowledge_base``) is untouched.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from caravan.errors import KnowledgeBaseError
from caravan.model import LinkMode, Quantity, Scenario, TransferKind
from caravan.model.scenario import LayerMode
from caravan.network.availability import crossing_closure, link_closure
from caravan.network.build import EPSILON, _Builder
from caravan.network.layers import EdgeKind, Layer
from caravan.network.parameters import CostParameters, CostSettings, Parameter
from caravan.network.scenario import ScenarioEffects
from caravan.network.snapshot import EdgeRecord, NetworkSnapshot
from caravan.store import KnowledgeBase
from caravan.store.osm import (
    DEFAULT_ATTACH_RADIUS_KM,
    LAYER_NAMES,
    Attachment,
    EdgeType,
    LayerGraph,
    NodeRole,
    PlacePoint,
    attach_places,
)

__all__ = ["LayerMode", "network_with_layer"]


def network_with_layer(
    kb: KnowledgeBase,
    date: dt.date,
    layer: LayerGraph,
    mode: LayerMode = LayerMode.EXTEND,
    settings: CostSettings | None = None,
    *,
    scenario: Scenario | None = None,
    today: dt.date | None = None,
    radius_km: float = DEFAULT_ATTACH_RADIUS_KM,
) -> NetworkSnapshot:
    """The network of ``date`` (under ``scenario``) with ``layer`` extending or replacing it."""
    parameters = CostParameters.from_knowledge_base(kb, date, settings)
    effects = ScenarioEffects.of(kb, scenario, date, today or date)
    if effects is not None:
        effects.apply_rates(parameters)
    status = (
        effects.project_status(kb)
        if effects is not None
        else {s.project.id: s.status for s in kb.project_states(date)}
    )
    builder = _LayerBuilder(kb, date, parameters, status, False, effects)
    return builder.build_with(layer, mode, radius_km)


class _Costs(NamedTuple):
    time_h: float
    low_h: float
    high_h: float
    cost_usd: float
    cost_low: float
    cost_high: float


class _LayerBuilder(_Builder):
    """The curated builder, with an imported layer's nodes and edges appended as arrays."""

    def build_with(self, layer: LayerGraph, mode: LayerMode, radius_km: float) -> NetworkSnapshot:
        layers_at: dict[str, set[Layer]] = defaultdict(set)
        if mode == LayerMode.EXTEND:
            self._add_curated(layers_at)
        points = [PlacePoint(p.id, p.lat, p.lon, p.country_id) for p in self.places.values()]
        attached = [a for a in attach_places(layer, points, radius_km) if a.node is not None]
        for attachment in attached:
            layers_at[attachment.place_id].add(Layer(attachment.layer))
        for place_id, layers in layers_at.items():
            self._add_place(place_id, layers)
        base = self.snapshot()
        return _LayerEdges(self, layer, base).snapshot(attached)

    def _add_curated(self, layers_at: dict[str, set[Layer]]) -> None:
        """The curated links and crossings in service, as the curated builder adds them."""
        for link in self.links:
            reason = link_closure(link, self.date, self.project_status)
            if reason:
                self.closures[link.id] = reason
                continue
            self.add_link(link)
            layers_at[link.from_id].add(Layer.of(link.mode, link.gauge_mm))
            layers_at[link.to_id].add(Layer.of(link.mode, link.gauge_mm))
        for crossing in self.crossings:
            reason = crossing_closure(
                crossing, self.date, self.project_status, self.parameters.holidays
            ) or (self.effects.closure(crossing.id) if self.effects else None)
            if reason:
                self.closures[crossing.id] = reason
                continue
            for a_layer, b_layer in self.add_crossing(crossing):
                layers_at[crossing.post_a_id].add(a_layer)
                layers_at[crossing.post_b_id].add(b_layer)

    def _add_place(self, place_id: str, touched: set[Layer]) -> None:
        """Transfers between a place's layers, and its origin and destination nodes."""
        layers = sorted(touched)  # as the core network: not a set's per-process order
        self.add_transfers(place_id, layers)
        origin = self.node(place_id, None, "origin")
        destination = self.node(place_id, None, "destination")
        country = self.places[place_id].country_id
        for layer in layers:
            for kind, a, b in (
                (EdgeKind.ACCESS, origin, self.node(place_id, layer)),
                (EdgeKind.EGRESS, self.node(place_id, layer), destination),
            ):
                starting = kind == EdgeKind.ACCESS
                used = self.time_model.terminal_h(layer.mode, place_id, country, starting)
                time_h = sum(p.value for p in used) if used else EPSILON
                spread = self.terminal_spread(time_h)
                record = EdgeRecord(kind, None, (country,), False, used)
                self.add(a, b, time_h, 0.0, 0.0, kind, layer.mode, record, spread)

    def running(
        self, mode: str, country: str | None, length_km: float
    ) -> tuple[_Costs, tuple[Parameter, ...]]:
        """Time and cost of running ``length_km`` on rail or road in a country, and their figures."""
        speed = self.default_speeds[mode]
        rate = self.parameters.rate(mode, country)
        model = self.time_model
        if mode == LinkMode.RAIL.value:
            low, typical, high = model.rail_run_h(length_km, speed.value, country)
            names: tuple[str, ...] = (model.rail_stop_name(country), "spread_high")
        else:
            low, typical, high = model.road_run_h(length_km / speed.value)
            names = ("road_driving_h_per_day", "road_break_h", "road_daily_rest_h")
            names += ("road_reduced_daily_rest_h", "road_extended_driving_h_per_day")
            names += ("road_two_driver_factor", "spread_high")
        cost = length_km * rate.value * self.unit_factor
        spread = model.rate.get(mode)
        cost_low, cost_high = (cost * spread.low, cost * spread.high) if spread else (cost, cost)
        used = (speed, rate, *(model.parameters[n] for n in names))
        return _Costs(
            typical, min(low, typical), max(high, typical), cost, cost_low, cost_high
        ), used

    def ferry_speed(self) -> Parameter:
        """Median speed at sea of the curated ferry services: link length over sailing time."""
        speeds: list[tuple[float, tuple[str, ...]]] = []
        for link in self.kb.links():
            sailing = self.parameters.ferry(link.id, "sailing_time_h")
            if (
                link.mode == LinkMode.FERRY
                and sailing is not None
                and link.id in self.parameters.ferries
            ):
                speeds.append((link.length_km / sailing.value, link.source + sailing.sources))
        if not speeds:
            raise KnowledgeBaseError(
                "no ferry service with a sailing time to derive a speed at sea"
            )
        speeds.sort()
        value, sources = speeds[len(speeds) // 2]
        return Parameter(f"ferry speed (median of {len(speeds)} services)", value, "km/h", sources)


class _LayerEdges:
    """The layer's nodes and directed edges, numbered after the base snapshot's."""

    def __init__(self, builder: _LayerBuilder, layer: LayerGraph, base: NetworkSnapshot) -> None:
        self.builder = builder
        self.layer = layer
        self.base = base
        self.offset = base.node_count
        self.rows: list[tuple[int, int, _Costs, float, EdgeKind, str | None, EdgeRecord]] = []
        self.blocks: list[_EdgeBlock] = []
        self.ferry_speed: Parameter | None = None

    def snapshot(self, attached: list[Attachment]) -> NetworkSnapshot:
        layer, names = self.layer, [Layer(n) for n in LAYER_NAMES]
        self._links()
        self._crossings()
        self._transfers()
        self._attachments(attached)
        node_place = [
            f"osm-n{osm_id}" + ("-border" if role == NodeRole.CROSSING_SIDE else "")
            for osm_id, role in zip(
                layer.node_osm_id.tolist(), layer.node_role.tolist(), strict=True
            )
        ]
        node_layer: list[Layer | None] = [names[code] for code in layer.node_layer.tolist()]
        return _concatenated(self.base, node_place, node_layer, [*self.blocks, _block(self.rows)])

    def add(self, a: int, b: int, costs: _Costs, length_km: float, kind: EdgeKind,
            mode: str | None, record: EdgeRecord, both: bool = True) -> None:  # fmt: skip
        self.rows.append((a, b, costs, length_km, kind, mode, record))
        if both:
            self.rows.append((b, a, costs, length_km, kind, mode, record))

    def _links(self) -> None:
        """Link edges as arrays: costs per km by (layer, country) times the edges' lengths."""
        layer = self.layer
        links = np.flatnonzero(layer.edge_type == EdgeType.LINK)
        u, v = layer.edge_u[links], layer.edge_v[links]
        length = layer.edge_length_km[links]
        code, country = layer.node_layer[u], layer.edge_country[links]
        per_km = np.zeros((links.size, 6))
        modes = np.empty(links.size, dtype=object)
        used_by_group: dict[tuple[int, int], tuple[Parameter, ...]] = {}
        group_key = code.astype(np.int64) * 100_000 + country + 1  # country -1: unknown
        for key in np.unique(group_key).tolist():
            in_group = group_key == key
            group = (key // 100_000, key % 100_000 - 1)
            mode = Layer(LAYER_NAMES[group[0]]).mode
            unit, used = self._per_km(mode, layer.country(group[1]))
            per_km[in_group] = unit
            modes[in_group] = mode
            used_by_group[group] = used
        costs = per_km * length[:, None]
        records: dict[tuple[int, int, int], EdgeRecord] = {}
        edge_records = []
        for way, group_code, group_country in zip(
            layer.edge_way_id[links].tolist(), code.tolist(), country.tolist(), strict=True
        ):
            record = records.get((way, group_code, group_country))
            if record is None:
                country_id = layer.country(group_country)
                record = EdgeRecord(
                    EdgeKind.LINK, f"osm-w{way}", (country_id,) if country_id else (), False,
                    used_by_group[(group_code, group_country)],
                )  # fmt: skip
                records[(way, group_code, group_country)] = record
            edge_records.append(record)
        both = np.concatenate
        self.blocks.append(
            _EdgeBlock(
                source=both((u, v)).astype(np.int64) + self.offset,
                target=both((v, u)).astype(np.int64) + self.offset,
                costs=both((costs, costs)),
                length_km=both((length, length)),
                kind=np.full(2 * links.size, EdgeKind.LINK, dtype=np.int8),
                mode=[*modes.tolist(), *modes.tolist()],
                records=edge_records + edge_records,
            )
        )

    def _per_km(self, mode: str, country: str | None) -> tuple[_Costs, tuple[Parameter, ...]]:
        """Time and cost of one km of a mode in a country (all of them grow with length)."""
        if mode == LinkMode.FERRY.value:
            speed = self.ferry_speed or self.builder.ferry_speed()
            self.ferry_speed = speed
            hours = 1.0 / speed.value
            return _Costs(hours, hours, hours, 0.0, 0.0, 0.0), (speed,)
        return self.builder.running(mode, country, 1.0)

    def _crossings(self) -> None:
        layer, parameters = self.layer, self.builder.parameters
        for edge in np.flatnonzero(layer.edge_type == EdgeType.CROSSING).tolist():
            u, v = int(layer.edge_u[edge]), int(layer.edge_v[edge])
            mode = Layer(LAYER_NAMES[int(layer.node_layer[u])]).mode
            mode = "road" if mode == LinkMode.FERRY.value else mode  # vehicles cleared off a ferry
            time_p = parameters.clearance(mode, Quantity.CLEARANCE_TIME_H.value)
            cost_p = parameters.clearance(mode, Quantity.CLEARANCE_COST_USD.value)
            countries = tuple(
                c
                for c in (layer.country(int(layer.edge_country[edge])),
                          layer.country(int(layer.edge_country_b[edge])))
                if c
            )  # fmt: skip
            handling: tuple[Parameter, ...] = ()
            if mode == LinkMode.ROAD.value and "cn" in countries:
                handling = parameters.transfer(TransferKind.BORDER_TRANSLOAD, None)
            time_h = max(time_p.value, handling[0].value if handling else 0.0)
            cost = max(cost_p.value, handling[1].value if handling else 0.0)
            if mode == LinkMode.RAIL.value:
                # published rail clearances include the gauge change, which the layer charges
                # on its own gauge-change edge: the crossing keeps the rest
                transship = parameters.transfer(TransferKind.GAUGE_TRANSSHIPMENT, None)
                time_h = max(time_h - transship[0].value, 0.0)
                cost = max(cost - transship[1].value, 0.0)
                handling = transship
            cost *= self.builder.unit_factor
            label = layer.crossing_labels.get(edge, "")
            rail = mode == LinkMode.RAIL.value
            record = EdgeRecord(
                EdgeKind.CROSSING,
                f"osm-x{int(layer.node_osm_id[v])}",
                tuple(dict.fromkeys(countries)),
                False,
                (time_p, cost_p, *handling),
                handling_time_h=0.0 if rail else handling[0].value if handling else 0.0,
                handling_cost_usd=0.0 if rail else handling[1].value if handling else 0.0,
            )
            record = _labelled(record, label)
            time_spread = self.builder.time_model.border_time.get(mode)
            cost_spread = self.builder.time_model.border_cost.get(mode)
            costs = _Costs(
                time_h,
                time_h * time_spread.low if time_spread else time_h,
                time_h * time_spread.high if time_spread else time_h,
                cost,
                cost * cost_spread.low if cost_spread else cost,
                cost * cost_spread.high if cost_spread else cost,
            )
            self.add(u + self.offset, v + self.offset, costs, 0.0, EdgeKind.CROSSING, mode, record)

    def _transfers(self) -> None:
        layer, builder = self.layer, self.builder
        for edge in np.flatnonzero(layer.edge_type != EdgeType.LINK).tolist():
            kind = EdgeType(int(layer.edge_type[edge]))
            if kind == EdgeType.CROSSING:
                continue
            u, v = int(layer.edge_u[edge]), int(layer.edge_v[edge])
            country = layer.country(int(layer.edge_country[edge]))
            transfer = (
                TransferKind.GAUGE_TRANSSHIPMENT
                if kind == EdgeType.GAUGE_CHANGE
                else TransferKind.PORT_HANDLING
            )
            time_p, cost_p = builder.parameters.transfer(transfer, None)
            spread = builder.terminal_spread(time_p.value)
            cost = cost_p.value * builder.unit_factor
            costs = _Costs(time_p.value, spread[0], spread[1], cost, cost, cost)
            record = EdgeRecord(
                EdgeKind.TRANSFER, transfer.value, (country,) if country else (),
                kind == EdgeType.GAUGE_CHANGE, (time_p, cost_p),
            )  # fmt: skip
            a, b = u + self.offset, v + self.offset
            if kind == EdgeType.GAUGE_CHANGE:
                self.add(a, b, costs, 0.0, EdgeKind.TRANSFER, None, record)
                continue
            # u is the ferry's node: leaving it is landing; boarding waits and pays the fare
            self.add(a, b, costs, 0.0, EdgeKind.TRANSFER, None, record, both=False)
            boarding, used = self._boarding(costs)
            board = EdgeRecord(
                EdgeKind.TRANSFER,
                transfer.value,
                record.country_ids,
                False,
                (time_p, cost_p, *used),
            )
            self.add(b, a, boarding, 0.0, EdgeKind.TRANSFER, None, board, both=False)

    def _boarding(self, before: _Costs) -> tuple[_Costs, tuple[Parameter, ...]]:
        """``before`` (port handling, or nothing) plus the wait for a sailing and the fare.

        The wait is half the median headway typical, none low (the ship leaves on arrival)
        and a whole one high, as on a curated ferry link.
        """
        parameters = self.builder.parameters
        sailings = parameters.ferry("", "sailings_per_week")
        price = parameters.ferry("", "cost_usd_per_teu")
        if sailings is None or price is None:
            raise KnowledgeBaseError("no ferry service figures in the knowledge base")
        headway_h = 168.0 / sailings.value
        fare = price.value * self.builder.unit_factor
        return (
            _Costs(
                before.time_h + 0.5 * headway_h, before.low_h, before.high_h + headway_h,
                before.cost_usd + fare, before.cost_low + fare, before.cost_high + fare,
            ),
            (sailings, price),
        )  # fmt: skip

    def _attachments(self, attached: list[Attachment]) -> None:
        builder = self.builder
        for attachment in attached:
            if attachment.node is None:
                continue
            layer = Layer(attachment.layer)
            place = builder.places[attachment.place_id]
            place_node = builder.nodes[(place.id, layer, "layer")]
            length = attachment.distance_km
            node = attachment.node + self.offset
            ref = f"osm-attach-{place.id}"
            if layer.mode == LinkMode.FERRY.value:
                # a port's place at sea: putting out is the sailing's first edge and holds the
                # boarding wait and fare, as a curated ferry link does; coming in is free
                nothing = _Costs(EPSILON, EPSILON, EPSILON, 0.0, 0.0, 0.0)
                boarding, used = self._boarding(nothing)
                record = EdgeRecord(EdgeKind.LINK, ref, (place.country_id,), False, used)
                self.add(place_node, node, boarding, length, EdgeKind.LINK, layer.mode, record,
                         both=False)  # fmt: skip
                landing = EdgeRecord(EdgeKind.LINK, ref, (place.country_id,), False, ())
                self.add(node, place_node, nothing, length, EdgeKind.LINK, layer.mode, landing,
                         both=False)  # fmt: skip
                continue
            costs, running = builder.running(layer.mode, place.country_id, length)
            record = EdgeRecord(EdgeKind.LINK, ref, (place.country_id,), False, running)
            self.add(place_node, node, costs, length, EdgeKind.LINK, layer.mode, record)


def _labelled(record: EdgeRecord, label: str) -> EdgeRecord:
    """The record with its crossing's label in its first parameter's name."""
    if not label or not record.parameters:
        return record
    first = record.parameters[0]
    named = Parameter(f"{first.name} ({label})", first.value, first.unit, first.sources)
    return EdgeRecord(
        record.kind, record.ref_id, record.country_ids, record.gauge_change,
        (named, *record.parameters[1:]), record.handling_time_h, record.handling_cost_usd,
    )  # fmt: skip


@dataclass
class _EdgeBlock:
    """Directed edges as arrays; ``costs`` columns are the fields of :class:`_Costs`."""

    source: npt.NDArray[np.int64]
    target: npt.NDArray[np.int64]
    costs: npt.NDArray[np.float64]  # (edges, 6)
    length_km: npt.NDArray[np.float64]
    kind: npt.NDArray[np.int8]
    mode: list[str | None]
    records: list[EdgeRecord]


def _block(
    rows: list[tuple[int, int, _Costs, float, EdgeKind, str | None, EdgeRecord]],
) -> _EdgeBlock:
    """A block of the few edges added one by one (crossings, transfers, attachments)."""
    return _EdgeBlock(
        source=np.asarray([r[0] for r in rows], dtype=np.int64),
        target=np.asarray([r[1] for r in rows], dtype=np.int64),
        costs=np.asarray([tuple(r[2]) for r in rows], dtype=np.float64).reshape(len(rows), 6),
        length_km=np.asarray([r[3] for r in rows], dtype=np.float64),
        kind=np.asarray([int(r[4]) for r in rows], dtype=np.int8),
        mode=[r[5] for r in rows],
        records=[r[6] for r in rows],
    )


def _concatenated(
    base: NetworkSnapshot,
    node_place: list[str],
    node_layer: list[Layer | None],
    blocks: list[_EdgeBlock],
) -> NetworkSnapshot:
    """The base snapshot with the layer's nodes and edges appended."""
    costs = np.concatenate([b.costs for b in blocks])

    def joined(base_values: npt.NDArray[np.float64], column: int) -> npt.NDArray[np.float64]:
        return np.concatenate((base_values, costs[:, column]))

    return NetworkSnapshot(
        date=base.date,
        parameters=base.parameters,
        node_place=[*base.node_place, *node_place],
        node_layer=[*base.node_layer, *node_layer],
        origin_node=base.origin_node,
        destination_node=base.destination_node,
        source=np.concatenate((base.source, *(b.source for b in blocks))).astype(np.int32),
        target=np.concatenate((base.target, *(b.target for b in blocks))).astype(np.int32),
        time_h=np.maximum(joined(base.time_h, 0), EPSILON),
        cost_usd=joined(base.cost_usd, 3),
        length_km=np.concatenate((base.length_km, *(b.length_km for b in blocks))),
        kind=np.concatenate((base.kind, *(b.kind for b in blocks))).astype(np.int8),
        mode=[*base.mode, *(m for b in blocks for m in b.mode)],
        records=[*base.records, *(r for b in blocks for r in b.records)],
        closures=base.closures,
        place_country=base.place_country,
        time_h_low=np.maximum(joined(base.time_h_low, 1), EPSILON),
        time_h_high=np.maximum(joined(base.time_h_high, 2), EPSILON),
        cost_usd_low=joined(base.cost_usd_low, 4),
        cost_usd_high=joined(base.cost_usd_high, 5),
    )
