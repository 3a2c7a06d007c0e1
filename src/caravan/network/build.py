"""Compiling a network snapshot from the knowledge base for a date.

Multimodal expansion, made explicit:
- one node per (place, layer) for every layer a place touches (rail 1435, rail 1520, road, sea);
- link edges both ways, cost = rate × length; time from the time model (rail: CPMM speed
  without delay plus stops en route; road: driving at CPMM speed stretched by the drivers'
  hours; ferries: waiting for the next sailing + time at sea, price per TEU);
- crossing edges between the posts' layers with clearance time and cost by direction, plus
  gauge transshipment (rail, gauges differ) or transload (road, a Chinese post);
- transfer edges inside a place between road and rail (terminal handling), between gauges,
  and between sea and land at ports;
- an origin node and a destination node per place, so routes start and end on any layer
  without passing through a place's layers for free; entering or leaving a rail or road layer
  costs the terminal time of a leg of that mode.

Every edge also carries a low and a high time and cost (``caravan.network.timemodel``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from caravan.errors import KnowledgeBaseError
from caravan.model import (
    Crossing,
    Direction,
    Link,
    LinkMode,
    Observation,
    PlaceKind,
    ProjectStatus,
    Quantity,
    Scenario,
    TransferKind,
)
from caravan.network.availability import crossing_closure, link_closure
from caravan.network.border_defaults import (
    BORDER_AVERAGE,
    border_clearance,
    current_clearance,
)
from caravan.network.freight_closures import closed_directions
from caravan.network.layers import EdgeKind, Layer
from caravan.network.parameters import CostParameters, CostSettings, Parameter
from caravan.network.scenario import ScenarioEffects
from caravan.network.snapshot import EdgeRecord, NetworkSnapshot
from caravan.network.timemodel import WAIT_NAME, Spread, TimeModel
from caravan.store import KnowledgeBase

__all__ = ["network_from_knowledge_base"]

#: Zero-cost edges get this weight so sparse kernels keep them as edges.
EPSILON = 1e-9

_TERMINAL_KINDS = {
    PlaceKind.DRY_PORT,
    PlaceKind.PORT,
    PlaceKind.CITY,
    PlaceKind.GAUGE_CHANGE_STATION,
}


def network_from_knowledge_base(
    kb: KnowledgeBase,
    date: dt.date,
    settings: CostSettings | None = None,
    project_status: Mapping[str, ProjectStatus | None] | None = None,
    *,
    open_everything: bool = False,
    scenario: Scenario | None = None,
    today: dt.date | None = None,
) -> NetworkSnapshot:
    """Compile the network in service on ``date`` (project statuses may be overridden).

    With ``open_everything`` every link and crossing is usable whatever its status or
    opening rules: the network as built and planned, used to explain why a route is missing.
    A ``scenario`` changes exactly what it overrides (``caravan.network.scenario``); its
    closures without a start begin on its base date, else on ``today`` (default: the date).
    """
    parameters = CostParameters.from_knowledge_base(kb, date, settings)
    effects = ScenarioEffects.of(kb, scenario, date, today or date)
    if effects is not None:
        effects.apply_rates(parameters)
    if project_status is None:
        project_status = (
            effects.project_status(kb)
            if effects is not None
            else {s.project.id: s.status for s in kb.project_states(date)}
        )
    builder = _Builder(kb, date, parameters, project_status, open_everything, effects)
    return builder.build()


class _Builder:
    def __init__(
        self,
        kb: KnowledgeBase,
        date: dt.date,
        parameters: CostParameters,
        project_status: Mapping[str, ProjectStatus | None],
        open_everything: bool,
        effects: ScenarioEffects | None = None,
    ) -> None:
        self.open_everything = open_everything
        self.effects = effects
        self.kb = kb
        self.date = date
        self.parameters = parameters
        self.project_status = project_status
        self.places = {p.id: p for p in (effects.places if effects else kb.places())}
        self.links = effects.links if effects else kb.links()
        self.crossings = effects.crossings if effects else kb.crossings()
        self.nodes: dict[tuple[str, Layer | None, str], int] = {}
        self.node_place: list[str] = []
        self.node_layer: list[Layer | None] = []
        self.edges: list[
            tuple[
                int,
                int,
                float,
                float,
                float,
                EdgeKind,
                str | None,
                EdgeRecord,
                float,
                float,
                float,
                float,
            ]
        ] = []
        self.closures: dict[str, str] = {}
        self.unit_factor = parameters.unit_cost_factor()
        self.default_speeds = _median_speeds(kb.links())
        self.time_model = TimeModel.from_knowledge_base(kb, date, parameters.settings.rail_service)

    def node(self, place: str, layer: Layer | None, role: str = "layer") -> int:
        key = (place, layer, role)
        if key not in self.nodes:
            self.nodes[key] = len(self.node_place)
            self.node_place.append(place)
            self.node_layer.append(layer)
        return self.nodes[key]

    def add(
        self,
        a: int,
        b: int,
        time_h: float,
        cost_usd: float,
        length_km: float,
        kind: EdgeKind,
        mode: str | None,
        record: EdgeRecord,
        time_range: tuple[float, float] | None = None,
        cost_range: tuple[float, float] | None = None,
    ) -> None:
        time_low, time_high = time_range or (time_h, time_h)
        cost_low, cost_high = cost_range or (cost_usd, cost_usd)
        factor = self.unit_factor
        self.edges.append(
            (
                a, b, time_h, cost_usd * factor, length_km, kind, mode, record,
                min(time_low, time_h), max(time_high, time_h),
                min(cost_low, cost_usd) * factor, max(cost_high, cost_usd) * factor,
            )
        )  # fmt: skip

    def build(self) -> NetworkSnapshot:
        layers_at: dict[str, set[Layer]] = defaultdict(set)
        for link in self.links:
            reason = (
                None if self.open_everything else link_closure(link, self.date, self.project_status)
            )
            if reason:
                self.closures[link.id] = reason
                continue
            self.add_link(link)
            layers_at[link.from_id].add(Layer.of(link.mode, link.gauge_mm))
            layers_at[link.to_id].add(Layer.of(link.mode, link.gauge_mm))
        for crossing in self.crossings:
            reason = (
                None
                if self.open_everything
                else crossing_closure(
                    crossing, self.date, self.project_status, self.parameters.holidays
                )
                or (self.effects.closure(crossing.id) if self.effects else None)
                or self._closed_both_ways(crossing)
            )
            if reason:
                self.closures[crossing.id] = reason
                continue
            for a_layer, b_layer in self.add_crossing(crossing):
                layers_at[crossing.post_a_id].add(a_layer)
                layers_at[crossing.post_b_id].add(b_layer)
        for place_id, touched in layers_at.items():
            layers = sorted(touched)  # a set's order follows the per-process string hash seed
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
                    spread = self.terminal_spread(time_h, used)
                    record = EdgeRecord(kind, None, (country,), False, used)
                    self.add(a, b, time_h, 0.0, 0.0, kind, layer.mode, record, spread)
        return self.snapshot()

    def add_link(self, link: Link) -> None:
        layer = Layer.of(link.mode, link.gauge_mm)
        country = self.places[link.from_id].country_id
        countries = tuple(dict.fromkeys((country, self.places[link.to_id].country_id)))
        cost_range: tuple[float, float] | None = None
        if link.mode == LinkMode.FERRY:
            time_h, cost, used, time_range = self.ferry_cost(link)
        else:
            speed = self.speed(link)
            rate = self.parameters.rate(link.mode.value, country)
            cost = link.length_km * rate.value
            used = (speed, rate)
            model = self.time_model
            block = None if self._speed_overridden(link) else model.block_speed(country)
            if link.mode == LinkMode.RAIL and block is not None:
                used = (*model.block_parameters(country), rate)
                low, time_h, high = model.block_run_h(link.length_km, country)
                names: tuple[str, ...] = ()
            elif link.mode == LinkMode.RAIL:
                low, time_h, high = model.rail_run_h(link.length_km, speed.value, country)
                names = (model.rail_stop_name(country), "spread_high")
            else:
                low, time_h, high = model.road_run_h(link.length_km / speed.value)
                names = ("road_driving_h_per_day", "road_break_h", "road_daily_rest_h")
                names += ("road_reduced_daily_rest_h", "road_extended_driving_h_per_day")
                names += ("road_two_driver_factor", "spread_high")
            used += tuple(model.parameters[n] for n in names)
            time_range = (low, high)
            spread = model.rate.get(link.mode.value)
            if spread:
                cost_range = (cost * spread.low, cost * spread.high)
        link_parameter = Parameter(f"link {link.id}", link.length_km, "km", link.source)
        record = EdgeRecord(EdgeKind.LINK, link.id, countries, False, (link_parameter, *used))
        a, b = self.node(link.from_id, layer), self.node(link.to_id, layer)
        for start, end in ((a, b), (b, a)):
            self.add(
                start, end, time_h, cost, link.length_km, EdgeKind.LINK, link.mode.value,
                record, time_range, cost_range,
            )  # fmt: skip

    def _speed_overridden(self, link: Link) -> bool:
        """Whether a scenario sets this link's speed (it then holds for every service)."""
        return self.effects is not None and self.effects.speed(link.id) is not None

    def speed(self, link: Link) -> Parameter:
        overridden = self.effects.speed(link.id) if self.effects else None
        if overridden is not None:
            return overridden
        if link.speed_kph:
            return Parameter(f"speed {link.id}", link.speed_kph, "km/h", link.source)
        return self.default_speeds[link.mode.value]

    def ferry_cost(
        self, link: Link
    ) -> tuple[float, float, tuple[Parameter, ...], tuple[float, float]]:
        """Time, price, parameters and (low, high) time of a ferry crossing.

        Low: the ship sails on arrival; typical: half a headway; high: a whole headway and,
        where the data give one, the ship's wait at anchor for a berth on arrival.
        """
        sailings = self.parameters.ferry(link.id, "sailings_per_week")
        sailing = self.parameters.ferry(link.id, "sailing_time_h")
        price = self.parameters.ferry(link.id, "cost_usd_per_teu")
        if sailings is None or sailing is None or price is None:
            raise KnowledgeBaseError(
                f"no ferry service figures for {link.id} (or any ferry) on {self.date}"
            )
        headway_h = 168.0 / sailings.value
        time_h = sailing.value + 0.5 * headway_h  # mean wait for the next departure
        used: tuple[Parameter, ...] = (sailings, sailing, price)
        anchorage = self.time_model.anchorage
        high = sailing.value + headway_h
        if anchorage is not None:
            used += (anchorage,)
            high += anchorage.value
        return time_h, price.value, used, (sailing.value, high)

    def add_crossing(self, crossing: Crossing) -> list[tuple[Layer, Layer]]:
        post_a, post_b = self.places[crossing.post_a_id], self.places[crossing.post_b_id]
        countries = (post_a.country_id, post_b.country_id)
        if crossing.mode == LinkMode.RAIL:
            layer_a = Layer.RAIL_1435 if post_a.country_id in ("cn", "ir") else Layer.RAIL_1520
            layer_b = Layer.RAIL_1435 if post_b.country_id in ("cn", "ir") else Layer.RAIL_1520
            if not crossing.gauge_change:  # the line keeps its gauge across (CKU at Torugart)
                layer_b = layer_a
        else:
            layer_a = layer_b = Layer.ROAD
        handling: tuple[Parameter, ...] = ()
        if crossing.mode == LinkMode.RAIL and crossing.gauge_change:
            handling = self.parameters.transfer(
                TransferKind.GAUGE_TRANSSHIPMENT, crossing.post_b_id
            )
        elif crossing.mode == LinkMode.ROAD and "cn" in countries:
            handling = self.parameters.transfer(TransferKind.BORDER_TRANSLOAD, crossing.post_a_id)
        handling_time = handling[0].value if handling else 0.0
        handling_cost = handling[1].value if handling else 0.0
        a, b = self.node(post_a.id, layer_a), self.node(post_b.id, layer_b)
        closed = {} if self.open_everything else closed_directions(self.kb, crossing, self.date)
        for start, end, direction in ((a, b, Direction.A_TO_B), (b, a, Direction.B_TO_A)):
            if direction in closed:
                continue  # shut to freight this way on the date (the other way is open)
            time_p, cost_p = self.clearance(crossing, direction, countries)
            time_p = self.time_model.block_clearance(crossing.id, direction.value) or time_p
            if self.effects is not None:
                time_p, cost_p = self.effects.clearance(crossing.id, direction, time_p, cost_p)
            record = EdgeRecord(
                EdgeKind.CROSSING,
                crossing.id,
                countries,
                crossing.gauge_change,
                (time_p, cost_p, *handling),
                handling_time_h=handling_time,
                handling_cost_usd=handling_cost,
            )
            # CAREC CPMM clearance figures include the gauge change or transload and the
            # waiting: the handling is a part of the clearance, never added on top of it.
            time_h = max(time_p.value, handling_time)
            cost = max(cost_p.value, handling_cost)
            self.add(
                start, end, time_h, cost, 0.0, EdgeKind.CROSSING, crossing.mode.value, record,
                _scaled(time_h, self.time_model.border_time.get(crossing.mode.value)),
                _scaled(cost, self.time_model.border_cost.get(crossing.mode.value)),
            )  # fmt: skip
        return [(layer_a, layer_b)]

    def _closed_both_ways(self, crossing: Crossing) -> str | None:
        """The reasons when the crossing is shut to freight in both directions on the date."""
        closed = closed_directions(self.kb, crossing, self.date)
        return "; ".join(closed.values()) if len(closed) == 2 else None

    def clearance(
        self, crossing: Crossing, direction: Direction, countries: tuple[str, str]
    ) -> tuple[Parameter, Parameter]:
        found = []
        for quantity, name in (
            (Quantity.CLEARANCE_TIME_H, "time_h"),
            (Quantity.CLEARANCE_COST_USD, "cost_usd"),
        ):
            own = self.kb.value_at(
                crossing.id, quantity, self.date, direction
            ) or self.parameters.clearance_backcast.get(
                (crossing.id, quantity.value, direction.value)
            )
            border = border_clearance(
                self.kb, countries, crossing.mode.value, quantity, self.date, direction
            )
            observed = current_clearance(own, border, self.date)
            if observed is not None and observed is own:
                value = observed.value
                if name == "cost_usd" and crossing.mode == LinkMode.ROAD:
                    value /= self.parameters.value("teu_per_truck")  # CPMM road costs are per truck
                found.append(
                    Parameter(
                        f"clearance {name} {crossing.id}",
                        value,
                        "h" if name == "time_h" else "USD/TEU",
                        observed.source
                        + (
                            self.parameters.general["teu_per_truck"].sources
                            if name == "cost_usd" and crossing.mode == LinkMode.ROAD
                            else ()
                        ),
                    )
                )
            else:
                found.append(self._default_clearance(crossing, observed, quantity))
        return found[0], found[1]

    def _default_clearance(
        self, crossing: Crossing, border: Observation | None, quantity: Quantity
    ) -> Parameter:
        """The border's published average for the direction, else its kind's median."""
        if border is None:
            kind = crossing.gauge_change if crossing.mode == LinkMode.RAIL else None
            return self.parameters.clearance(crossing.mode.value, quantity.value, kind)
        value, unit = border.value, "h"
        extra: tuple[str, ...] = ()
        if quantity == Quantity.CLEARANCE_COST_USD:
            unit = "USD/TEU"
            if crossing.mode == LinkMode.ROAD:  # CPMM road costs are per truck
                value /= self.parameters.value("teu_per_truck")
                extra = self.parameters.general["teu_per_truck"].sources
        name = "time_h" if quantity == Quantity.CLEARANCE_TIME_H else "cost_usd"
        return Parameter(
            f"clearance {name} {border.subject_id} {BORDER_AVERAGE}", value, unit,
            border.source + extra,
        )  # fmt: skip

    def add_transfers(self, place_id: str, layers: list[Layer]) -> None:
        place = self.places[place_id]
        country = (place.country_id,)
        rails = [layer for layer in layers if layer.mode == "rail"]
        pairs: list[tuple[Layer, Layer, TransferKind]] = []
        if Layer.ROAD in layers and place.kind in _TERMINAL_KINDS:
            pairs += [(Layer.ROAD, rail, TransferKind.ROAD_RAIL_HANDLING) for rail in rails]
        if len(rails) == 2:
            pairs.append((Layer.RAIL_1435, Layer.RAIL_1520, TransferKind.GAUGE_TRANSSHIPMENT))
        if Layer.SEA in layers:
            pairs += [
                (Layer.SEA, land, TransferKind.PORT_HANDLING)
                for land in layers
                if land != Layer.SEA
            ]
        for first, second, kind in pairs:
            time_p, cost_p = self.parameters.transfer(kind, place_id)
            a, b = self.node(place_id, first), self.node(place_id, second)
            for start, end, rail_starts in ((a, b, True), (b, a, False)):
                used: tuple[Parameter, ...] = (time_p, cost_p)
                if kind == TransferKind.ROAD_RAIL_HANDLING:
                    # road to rail: a rail leg starts (formation); rail to road: it ends
                    used += self.time_model.rail_end_h(place_id, place.country_id, rail_starts)
                    used += self.time_model.mode_change_h(place_id, place.country_id, rail_starts)
                time_h = time_p.value + sum(p.value for p in used[2:])
                record = EdgeRecord(
                    EdgeKind.TRANSFER,
                    kind.value,
                    country,
                    kind == TransferKind.GAUGE_TRANSSHIPMENT,
                    used,
                )
                spread = self.terminal_spread(time_h, used)
                self.add(
                    start, end, time_h, cost_p.value, 0.0, EdgeKind.TRANSFER, None, record, spread
                )

    def terminal_spread(
        self, time_h: float, used: tuple[Parameter, ...] = ()
    ) -> tuple[float, float]:
        """Low and high of a terminal or transfer time: the general published spread.

        A wait for the next train in it ranges from none to a whole headway instead.
        """
        wait = sum(p.value for p in used if p.name == WAIT_NAME)
        rest = time_h - wait
        low, high = _scaled(rest, self.time_model.general_spread()) or (rest, rest)
        return low, high + 2.0 * wait

    def snapshot(self) -> NetworkSnapshot:
        columns = list(zip(*self.edges, strict=True)) if self.edges else [()] * 12
        origin = {p: n for (p, layer, role), n in self.nodes.items() if role == "origin"}
        destination = {p: n for (p, layer, role), n in self.nodes.items() if role == "destination"}
        return NetworkSnapshot(
            date=self.date,
            parameters=self.parameters,
            node_place=self.node_place,
            node_layer=self.node_layer,
            origin_node=origin,
            destination_node=destination,
            source=np.asarray(columns[0], dtype=np.int32),
            target=np.asarray(columns[1], dtype=np.int32),
            time_h=np.maximum(np.asarray(columns[2], dtype=np.float64), EPSILON),
            cost_usd=np.asarray(columns[3], dtype=np.float64),
            length_km=np.asarray(columns[4], dtype=np.float64),
            kind=np.asarray(columns[5], dtype=np.int8),
            mode=list(columns[6]),
            records=list(columns[7]),
            closures=self.closures,
            place_country={p.id: p.country_id for p in self.places.values()},
            time_h_low=np.maximum(np.asarray(columns[8], dtype=np.float64), EPSILON),
            time_h_high=np.maximum(np.asarray(columns[9], dtype=np.float64), EPSILON),
            cost_usd_low=np.asarray(columns[10], dtype=np.float64),
            cost_usd_high=np.asarray(columns[11], dtype=np.float64),
        )


def _scaled(value: float, spread: Spread | None) -> tuple[float, float] | None:
    """(low, high) of a value under a spread, or None without one."""
    return (value * spread.low, value * spread.high) if spread else None


def _median_speeds(links: list[Link]) -> dict[str, Parameter]:
    """Per mode, the median of the speeds links publish: used for a link without one."""
    speeds: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        if link.speed_kph:
            speeds[link.mode.value].append(link)
    medians = {}
    for mode, rows in speeds.items():
        rows.sort(key=lambda link: link.speed_kph or 0.0)
        middle = rows[len(rows) // 2]
        medians[mode] = Parameter(
            f"{mode} speed (median of {len(rows)} links)",
            middle.speed_kph or 0.0,
            "km/h",
            middle.source,
        )
    return medians
