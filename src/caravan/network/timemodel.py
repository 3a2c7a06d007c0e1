"""The time model: what a published door-to-door time contains, with a low–high range.

A published transit time holds more than running at speed: terminal time at each end
of a rail leg (train formation, unloading; consolidation where a train starts at one of
China's interior hubs), stops en route, border clearance by direction (gauge change included, CAREC CPMM), waiting for a
sailing or, where a departure frequency is published, for the next train
(``caravan.network.departures``), and, on the road, the drivers' hours (one driver drives at most 9 h a day). Each component has a typical value and a low
and a high one; ``docs/network-model.md`` says how a route's range is built from them.

One parameter is fitted on published times, never read from a source (``FITTED``: the
stops per 1000 rail km); everything else comes from sources or stated assumptions.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from caravan.errors import KnowledgeBaseError
from caravan.model import Assumption, Quantity, Rate, TrainService
from caravan.network import timemodel_block_clearance
from caravan.network.block_speeds import block_speeds_in_force
from caravan.network.departures import departures_in_force, wait_range_h
from caravan.network.parameters import Parameter
from caravan.network.timemodel_block_clearance import block_clearances_in_force
from caravan.store import KnowledgeBase

__all__ = [
    "ANCHORAGE_NAME",
    "DEPARTURE_WAIT",
    "FITTED",
    "TIME_ASSUMPTIONS",
    "WAIT_NAME",
    "Spread",
    "TimeModel",
]

#: Assumption ids the time model reads, each a number in the knowledge base.
TIME_ASSUMPTIONS = {
    "rail_terminal_dwell_h": "asm-time-rail-terminal-dwell",
    "rail_origin_dwell_h": "asm-time-rail-origin-dwell",
    "rail_stop_h_per_1000km": "asm-time-rail-enroute-stops",
    "road_driving_h_per_day": "asm-time-road-driving-day",
    "road_extended_driving_h_per_day": "asm-time-road-extended-driving-day",
    "road_break_h": "asm-time-road-break",
    "road_daily_rest_h": "asm-time-road-daily-rest",
    "road_reduced_daily_rest_h": "asm-time-road-reduced-daily-rest",
    "road_two_driver_factor": "asm-time-road-two-drivers",
    "road_terminal_dwell_h": "asm-time-road-terminal-dwell",
    "road_rail_departure_wait_h": "asm-time-road-rail-departure-wait",
    "rail_road_release_h": "asm-time-rail-road-release",
    "spread_low": "asm-time-spread-low",
    "spread_high": "asm-time-spread-high",
}

#: Assumption listing the knowledge base's places in Xinjiang (ids joined by "|").
XINJIANG_PLACES = "asm-time-xinjiang-places"

#: Parameters fitted on published door-to-door times (benchmarks/validate_routes.py).
#: Their structure (one stop rate per km, on top of the sourced wait for the next train) was
#: chosen among candidates by leave-one-out cross-validation on the training cases
#: (``validate_routes.py --cv``); the interior origin dwell is not in it (zero in the data).
FITTED = ("rail_stop_h_per_1000km",)

#: Whether a rail leg starting at a hub with a published frequency waits for the next train
#: (half a headway; nothing fitted). Chosen with ``FITTED`` by the same cross-validation,
#: which preferred the wait with one stop rate to the structures without the wait.
DEPARTURE_WAIT = True

#: Name of the departure-wait parameter on an edge (its range is 0 to a whole headway).
WAIT_NAME = "rail departure wait"

#: Assumption giving the high end of a ship's wait at anchor for a berth at the port it
#: sails to (on top of the time at sea; nothing in the typical time). Optional: a knowledge
#: base without it gives sailings no wait at anchor.
ANCHORAGE_ASSUMPTION = "asm-time-ferry-anchorage-wait"

#: Name of the wait-at-anchor parameter on a ferry edge (it raises the edge's high only).
ANCHORAGE_NAME = "ferry wait at anchor (high)"

#: Values for a knowledge base without the time assumptions (a small hand-made network):
#: the plain model, with no terminal time or stops, round-the-clock driving and no spread.
_NEUTRAL = {
    "rail_terminal_dwell_h": 0.0,
    "rail_origin_dwell_h": 0.0,
    "rail_stop_h_per_1000km": 0.0,
    "road_driving_h_per_day": 24.0,
    "road_extended_driving_h_per_day": 24.0,
    "road_break_h": 0.0,
    "road_daily_rest_h": 0.0,
    "road_reduced_daily_rest_h": 0.0,
    "road_two_driver_factor": 1.0,
    "road_terminal_dwell_h": 0.0,
    "road_rail_departure_wait_h": 0.0,
    "rail_road_release_h": 0.0,
    "spread_low": 1.0,
    "spread_high": 1.0,
}


@dataclass(frozen=True)
class Spread:
    """Low and high as multiples of the typical value, with where they come from."""

    low: float
    high: float
    sources: tuple[str, ...] = ()


@dataclass
class TimeModel:
    """Time components and their spreads, resolved from the knowledge base."""

    parameters: dict[str, Parameter]
    #: per crossing mode: spread of CPMM clearance times (year-to-year, same crossing)
    border_time: dict[str, Spread] = field(default_factory=dict)
    #: per crossing mode: spread of CPMM clearance costs
    border_cost: dict[str, Spread] = field(default_factory=dict)
    #: per link mode: spread of published rates (year-to-year, same country and unit)
    rate: dict[str, Spread] = field(default_factory=dict)
    #: places of the Xinjiang Uygur Autonomous Region (the rest of China is its interior)
    xinjiang: frozenset[str] = frozenset()
    #: per place: container trains a week in force (``rail_services.csv``)
    departures: dict[str, Parameter] = field(default_factory=dict)
    #: whether a rail leg waits for its train where a frequency is published
    departure_wait: bool = DEPARTURE_WAIT
    #: how containers travel by rail (``caravan.model.TrainService``)
    service: TrainService = TrainService.WAGONLOAD
    #: per country: route speed of container block trains (``rail_block_speeds.csv``)
    block_speeds: dict[str, Parameter] = field(default_factory=dict)
    #: per country: the best published route speed of block trains (the fast end)
    block_best_speeds: dict[str, Parameter] = field(default_factory=dict)
    #: per (crossing, direction): a block train's published clearance time
    #: (``rail_block_clearances.csv``)
    block_clearances: dict[tuple[str, str], Parameter] = field(default_factory=dict)
    #: the high end of a ship's wait at anchor before it berths, if the data give one
    anchorage: Parameter | None = None

    @classmethod
    def from_knowledge_base(
        cls,
        kb: KnowledgeBase,
        date: dt.date | None = None,
        service: TrainService = TrainService.WAGONLOAD,
    ) -> TimeModel:
        """Read the time assumptions and derive the spreads from published series.

        Without any of the time assumptions the plain model applies (see ``_NEUTRAL``);
        with some but not all, the missing one is an error. With a date, the departure
        frequencies and block-train speeds in force that day are read too.
        """
        assumptions = {a.id: a for a in kb.assumptions()}
        if not any(aid in assumptions for aid in TIME_ASSUMPTIONS.values()):
            parameters = {name: Parameter(name, value, "", ()) for name, value in _NEUTRAL.items()}
        else:
            parameters = {
                name: _numeric(name, assumptions.get(aid), aid)
                for name, aid in TIME_ASSUMPTIONS.items()
            }
        model = cls(
            parameters, xinjiang=_place_list(assumptions.get(XINJIANG_PLACES)), service=service
        )
        if ANCHORAGE_ASSUMPTION in assumptions:
            model.anchorage = _numeric(
                ANCHORAGE_NAME, assumptions[ANCHORAGE_ASSUMPTION], ANCHORAGE_ASSUMPTION
            )
        if date is not None:
            model.departures = departures_in_force(kb.all("rail_services"), date)
            speeds = kb.all("rail_block_speeds")
            model.block_speeds = block_speeds_in_force(speeds, date)
            model.block_best_speeds = block_speeds_in_force(speeds, date, best=True)
            clearances = kb.all("rail_block_clearances")
            model.block_clearances = block_clearances_in_force(clearances, date)
        modes = {c.id: c.mode.value for c in kb.crossings()}
        for quantity, target in (
            (Quantity.CLEARANCE_TIME_H, model.border_time),
            (Quantity.CLEARANCE_COST_USD, model.border_cost),
        ):
            series: dict[tuple[str, str], list[tuple[float, tuple[str, ...]]]] = defaultdict(list)
            for o in kb.observations(quantity=quantity):
                if o.subject_id in modes:
                    series[(o.subject_id, str(o.direction))].append((o.value, o.source))
            by_mode: dict[str, list[list[tuple[float, tuple[str, ...]]]]] = defaultdict(list)
            for (crossing, _), values in series.items():
                by_mode[modes[crossing]].append(values)
            for mode, groups in by_mode.items():
                spread = _pooled_spread(groups)
                if spread:
                    target[mode] = spread
        rates: dict[tuple[str, str | None, str], list[tuple[float, tuple[str, ...]]]] = defaultdict(
            list
        )
        for row in kb.all("rates"):
            if isinstance(row, Rate):
                rates[(row.mode.value, row.country_id, row.unit.value)].append(
                    (row.value, row.source)
                )
        rate_groups: dict[str, list[list[tuple[float, tuple[str, ...]]]]] = defaultdict(list)
        for (mode, _, _), values in rates.items():
            rate_groups[mode].append(values)
        for mode, groups in rate_groups.items():
            spread = _pooled_spread(groups)
            if spread:
                model.rate[mode] = spread
        return model

    def value(self, name: str) -> float:
        """A parameter's value."""
        return self.parameters[name].value

    def general_spread(self) -> Spread:
        """Spread of running and terminal time (published best and typical times)."""
        low, high = self.parameters["spread_low"], self.parameters["spread_high"]
        return Spread(low.value, high.value, low.sources + high.sources)

    def rail_run_h(
        self, length_km: float, speed_kph: float, country: str | None = None
    ) -> tuple[float, float, float]:
        """(low, typical, high) hours on a rail link: moving at CPMM speed plus stops en route.

        Low is moving without stops; high adds the stops and the general high spread.
        """
        moving = length_km / speed_kph
        stops = self.value("rail_stop_h_per_1000km") * length_km / 1000.0
        typical = moving + stops
        return moving, typical, typical * self.value("spread_high")

    def block_speed(self, country: str) -> Parameter | None:
        """The block-train route speed a rail link in a country runs at, or None (wagonload).

        None under wagonload service, and where the country publishes no block-train speed.
        """
        if self.service != TrainService.BLOCK:
            return None
        return self.block_speeds.get(country)

    def block_clearance(self, crossing_id: str, direction: str) -> Parameter | None:
        """A block train's published clearance at a rail crossing one way, or None.

        None under wagonload service and where no block-train figure is published.
        """
        if self.service != TrainService.BLOCK or not timemodel_block_clearance.IN_USE:
            return None
        return self.block_clearances.get((crossing_id, direction))

    def block_run_h(self, length_km: float, country: str) -> tuple[float, float, float]:
        """(low, typical, high) hours of a block train on a rail link in a country.

        The published route speeds hold the stops, so none are added: low runs at the best
        published speed, typical at the typical one, high is typical × the general high
        spread (published ranges).
        """
        typical = length_km / self.block_speeds[country].value
        best = self.block_best_speeds.get(country, self.block_speeds[country]).value
        return length_km / best, typical, typical * self.value("spread_high")

    def block_parameters(self, country: str) -> tuple[Parameter, ...]:
        """The parameters behind a block train's time in a country (typical, best, spread)."""
        speeds = (self.block_speeds[country], self.block_best_speeds.get(country))
        return (*(s for s in speeds if s is not None), self.parameters["spread_high"])

    @staticmethod
    def rail_stop_name(country: str | None = None) -> str:
        """The stop-time parameter of rail: one rate per km in every country."""
        return "rail_stop_h_per_1000km"

    def road_factor(self) -> float:
        """Elapsed hours per driving hour for one driver (driving, breaks and daily rest).

        A routing weight only: itineraries re-time their road trips by the rules
        (``caravan.analysis.routing.drivers_hours``).
        """
        day = self.value("road_driving_h_per_day")
        breaks = self.value("road_break_h") * max(day / 4.5 - 1.0, 0.0)
        return (day + breaks + self.value("road_daily_rest_h")) / day

    def road_run_h(self, driving_h: float) -> tuple[float, float, float]:
        """(low, typical, high) hours on a road link: two drivers, one driver, one driver slow."""
        typical = driving_h * self.road_factor()
        low = driving_h * self.value("road_two_driver_factor")
        return low, typical, typical * self.value("spread_high")

    def road_sources(self) -> tuple[str, ...]:
        """Sources of the drivers'-hours factor."""
        names = ("road_driving_h_per_day", "road_break_h", "road_daily_rest_h")
        return tuple(dict.fromkeys(s for n in names for s in self.parameters[n].sources))

    def terminal_h(
        self, mode: str, place_id: str, country: str, starting: bool
    ) -> tuple[Parameter, ...]:
        """Time at the start or end of a leg of this mode at a place (their sum), or none."""
        if mode == "rail":
            return self.rail_end_h(place_id, country, starting)
        if mode == "road":
            return (self.parameters["road_terminal_dwell_h"],)
        return ()

    def rail_end_h(self, place_id: str, country: str, starting: bool) -> tuple[Parameter, ...]:
        """Time where a rail leg starts (formation) or ends (unloading) at a place.

        A train starting in China's interior (beyond Xinjiang) also waits for its load to be
        consolidated and the train formed (``rail_origin_dwell_h``); where the place has a
        published departure frequency, a container also waits for the next train.
        """
        dwell: tuple[Parameter, ...] = (self.parameters["rail_terminal_dwell_h"],)
        if starting and self._interior(place_id, country):
            dwell += (self.parameters["rail_origin_dwell_h"],)
        wait = self.departure_wait_h(place_id) if starting else None
        return dwell + ((wait,) if wait else ())

    def departure_wait_h(self, place_id: str) -> Parameter | None:
        """Typical wait for the next train at a place: half its published headway, or none."""
        trains = self.departures.get(place_id)
        if not self.departure_wait or trains is None:
            return None
        typical = wait_range_h(trains.value)[1]
        return Parameter(WAIT_NAME, typical, "h", trains.sources)

    def mode_change_h(self, place_id: str, country: str, to_rail: bool) -> tuple[Parameter, ...]:
        """Time a container spends at a terminal changing between truck and train, beyond lifts.

        Truck to train: waiting after gate-in for the train's departure (in China's interior
        the origin dwell already holds it); train to truck: unloading and release. Only a
        change of mode pays it, so a short rail ride cannot stand in for a driver's rest.
        Where the place publishes a departure frequency, the wait for the next train
        (``rail_end_h``) replaces the estimated truck-to-train wait.
        """
        if not to_rail:
            return (self.parameters["rail_road_release_h"],)
        if self._interior(place_id, country) or self.departure_wait_h(place_id):
            return ()
        return (self.parameters["road_rail_departure_wait_h"],)

    def _interior(self, place_id: str, country: str) -> bool:
        """Whether a place lies in China beyond Xinjiang."""
        return country == "cn" and place_id not in self.xinjiang


def _numeric(name: str, assumption: Assumption | None, assumption_id: str) -> Parameter:
    if assumption is None or not isinstance(assumption.value, float):
        raise KnowledgeBaseError(
            f"the time model needs assumption {assumption_id!r} with a numeric value ({name})"
        )
    return Parameter(name, assumption.value, assumption.unit or "", (assumption_id,))


def _place_list(assumption: Assumption | None) -> frozenset[str]:
    if assumption is None or not isinstance(assumption.value, str):
        return frozenset()
    return frozenset(p.strip() for p in assumption.value.split("|") if p.strip())


def _pooled_spread(groups: list[list[tuple[float, tuple[str, ...]]]]) -> Spread | None:
    """Min and max of value / median within each series of two or more, pooled over series."""
    ratios: list[float] = []
    sources: dict[str, None] = {}
    for values in groups:
        if len(values) < 2:
            continue
        middle = statistics.median(v for v, _ in values)
        if middle <= 0:
            continue
        ratios += [v / middle for v, _ in values]
        sources.update(dict.fromkeys(s for _, ss in values for s in ss))
    if not ratios:
        return None
    return Spread(min(min(ratios), 1.0), max(max(ratios), 1.0), tuple(sources))
