"""Cost-model parameters resolved from the knowledge base, each with the sources behind it.

Every number the network uses is a :class:`Parameter`: a value, a unit and the ids of the
sources or assumptions it comes from, so an itinerary can cite every figure it used.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from caravan.errors import KnowledgeBaseError
from caravan.model import (
    Assumption,
    Direction,
    FerryService,
    Holiday,
    Observation,
    Quantity,
    Rate,
    RateUnit,
    TrainService,
    Transfer,
    TransferKind,
)
from caravan.network import clearance_kinds
from caravan.network.train_service import DEFAULT_SERVICE
from caravan.store import KnowledgeBase

__all__ = [
    "MODEL_ASSUMPTIONS",
    "CostParameters",
    "CostSettings",
    "Parameter",
    "ShipmentUnit",
]

#: Assumption ids the cost model reads; each must exist in the knowledge base with a number.
#: Everything else (rates, clearance, transfers, ferries, speeds) comes from published rows,
#: with defaults derived from them (medians) where a place or crossing has no value of its own.
MODEL_ASSUMPTIONS = {
    "value_of_time_share_per_day": "asm-model-value-of-time-share",
    "cargo_value_usd_per_teu": "asm-model-cargo-value-per-teu",
    "tonnes_per_teu": "asm-model-tonnes-per-teu",
    "feu_cost_factor": "asm-model-feu-cost-factor",
    "teu_per_truck": "asm-model-teu-per-truck",
}


class _Dated(Protocol):
    @property
    def valid_from(self) -> dt.date: ...


T = TypeVar("T", bound=_Dated)


@dataclass(frozen=True)
class _DatedParameter:
    valid_from: dt.date
    parameter: Parameter


class ShipmentUnit(StrEnum):
    """What is shipped: costs are per unit, times are the same."""

    TEU = "teu"
    FEU = "feu"
    TONNE = "tonne"


class CostSettings(BaseModel):
    """User choices for a cost computation; None means the knowledge base's default."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unit: ShipmentUnit = Field(ShipmentUnit.TEU, description="Shipment unit costs are given per.")
    value_of_time_share_per_day: float | None = Field(
        None, ge=0, le=0.2, description="Time cost per day as a share of cargo value."
    )
    cargo_value_usd_per_teu: float | None = Field(
        None, gt=0, description="Value of the goods in one TEU, USD."
    )
    rail_service: TrainService = Field(
        DEFAULT_SERVICE,
        description="How containers travel by rail: container block trains or wagonload.",
    )


@dataclass(frozen=True)
class Parameter:
    """A number the model uses, with its unit and where it comes from."""

    name: str
    value: float
    unit: str
    sources: tuple[str, ...]


@dataclass
class CostParameters:
    """Every parameter of the cost model on one date, looked up by the network builder."""

    date: dt.date
    settings: CostSettings
    general: dict[str, Parameter]
    rates: dict[tuple[str, str | None], Parameter] = field(default_factory=dict)
    transfers: dict[tuple[str, str | None], tuple[Parameter, Parameter]] = field(
        default_factory=dict
    )
    ferries: dict[str, dict[str, Parameter]] = field(default_factory=dict)
    ferry_defaults: dict[str, Parameter] = field(default_factory=dict)
    clearance_defaults: dict[tuple[str, str], Parameter] = field(default_factory=dict)
    #: the rail median by kind (mode, quantity, break of gauge), ``clearance_kinds``
    clearance_kind_defaults: dict[tuple[str, str, bool], Parameter] = field(default_factory=dict)
    #: a crossing's first published value in a direction (crossing, quantity, direction),
    #: standing in for dates before it was published
    clearance_backcast: dict[tuple[str, str, str], Observation] = field(default_factory=dict)
    holidays: frozenset[dt.date] = frozenset()
    holiday_sources: tuple[str, ...] = ()

    @classmethod
    def from_knowledge_base(
        cls, kb: KnowledgeBase, date: dt.date, settings: CostSettings | None = None
    ) -> CostParameters:
        """Resolve every parameter in force on ``date``."""
        settings = settings or CostSettings()
        assumptions = {a.id: a for a in kb.assumptions()}
        general = {
            name: _from_assumption(name, assumptions.get(aid), aid)
            for name, aid in MODEL_ASSUMPTIONS.items()
        }
        if settings.value_of_time_share_per_day is not None:
            general["value_of_time_share_per_day"] = Parameter(
                "value_of_time_share_per_day",
                settings.value_of_time_share_per_day,
                "share/day",
                ("user",),
            )
        if settings.cargo_value_usd_per_teu is not None:
            general["cargo_value_usd_per_teu"] = Parameter(
                "cargo_value_usd_per_teu", settings.cargo_value_usd_per_teu, "USD/TEU", ("user",)
            )
        parameters = cls(date, settings, general)
        parameters._load_rates(kb.all("rates"))
        parameters._load_transfers(kb.all("transfers"))
        parameters._load_ferries(kb.all("ferry_services"))
        parameters._load_clearance(kb)
        holidays = [h for h in kb.all("holidays_cn") if isinstance(h, Holiday)]
        parameters.holidays = frozenset(h.date for h in holidays)
        parameters.holiday_sources = tuple(sorted({s for h in holidays for s in h.source}))
        return parameters

    # -- conversions ----------------------------------------------------------------------
    def value(self, name: str) -> float:
        """A general parameter's value."""
        return self.general[name].value

    def unit_cost_factor(self) -> float:
        """Multiplier from USD per TEU to USD per shipment unit."""
        if self.settings.unit == ShipmentUnit.FEU:
            return self.value("feu_cost_factor")
        if self.settings.unit == ShipmentUnit.TONNE:
            return 1.0 / self.value("tonnes_per_teu")
        return 1.0

    def value_of_time_usd_per_h(self) -> Parameter:
        """Time cost of one shipment unit per hour: share/day × cargo value / 24."""
        share = self.general["value_of_time_share_per_day"]
        cargo = self.general["cargo_value_usd_per_teu"]
        value = share.value * cargo.value / 24 * self.unit_cost_factor()
        return Parameter(
            "value_of_time_usd_per_h",
            value,
            f"USD/{self.settings.unit.value}/h",
            share.sources + cargo.sources,
        )

    # -- look-ups -------------------------------------------------------------------------
    def rate(self, mode: str, country: str | None) -> Parameter:
        """USD per TEU-km for a mode in a country (country rate, else regional, else default)."""
        found = self.rates.get((mode, country)) or self.rates.get((mode, None))
        if found is None:
            raise KnowledgeBaseError(
                f"no {mode} rate in the knowledge base for {country or 'any country'} on {self.date}"
            )
        return found

    def transfer(self, kind: TransferKind, place: str | None) -> tuple[Parameter, Parameter]:
        """(time h, cost USD/TEU) of a transfer at a place (place value, else kind default)."""
        found = self.transfers.get((kind.value, place)) or self.transfers.get((kind.value, None))
        if found is None:
            raise KnowledgeBaseError(
                f"no {kind.value} time and cost in the knowledge base on {self.date}"
            )
        return found

    def _load_rates(self, rows: Sequence[object]) -> None:
        candidates: dict[tuple[str, str | None], list[Rate]] = defaultdict(list)
        for row in rows:
            if isinstance(row, Rate):
                candidates[(row.mode.value, row.country_id)].append(row)
        for key, all_rates in candidates.items():
            rates = _in_force(all_rates, self.date)
            latest_year = max(r.valid_from for r in rates)
            current = [r for r in rates if r.valid_from == latest_year]
            values = [self._per_teu_km(r) for r in current]
            sources = tuple(
                dict.fromkeys(s for r in current for s in (*r.source, *self._conversion_sources(r)))
            )
            self.rates[key] = Parameter(
                f"rate {key[0]} {key[1] or 'any'}", sum(values) / len(values), "USD/TEU-km", sources
            )

    def _per_teu_km(self, rate: Rate) -> float:
        tonnes = self.value("tonnes_per_teu")
        if rate.unit == RateUnit.USD_PER_TEU_KM:
            return rate.value
        if rate.unit == RateUnit.USD_PER_FEU_KM:
            return rate.value / self.value("feu_cost_factor")
        if rate.unit == RateUnit.USD_PER_TONNE_KM:
            return rate.value * tonnes
        return rate.value / 500 * tonnes / 20  # USD per 20 t per 500 km (CAREC CPMM TFI3)

    def _conversion_sources(self, rate: Rate) -> tuple[str, ...]:
        if rate.unit == RateUnit.USD_PER_FEU_KM:
            return self.general["feu_cost_factor"].sources
        if rate.unit in (RateUnit.USD_PER_TONNE_KM, RateUnit.USD_PER_20T_PER_500KM):
            return self.general["tonnes_per_teu"].sources
        return ()

    def _load_transfers(self, rows: Sequence[object]) -> None:
        grouped: dict[tuple[str, str | None], list[Transfer]] = defaultdict(list)
        partial: dict[tuple[str, str | None], tuple[Parameter | None, Parameter | None]] = {}
        for row in rows:
            if isinstance(row, Transfer):
                grouped[(row.kind.value, row.place_id)].append(row)
        for key, all_transfers in grouped.items():
            times = [t for t in all_transfers if t.time_h is not None]
            costs = [t for t in all_transfers if t.cost_usd_per_teu is not None]
            time_row = (
                max(_in_force(times, self.date), key=lambda t: t.valid_from) if times else None
            )
            cost_row = (
                max(_in_force(costs, self.date), key=lambda t: t.valid_from) if costs else None
            )
            partial[key] = (
                Parameter(f"{key[0]} time", time_row.time_h, "h", time_row.source)
                if time_row and time_row.time_h is not None
                else None,
                Parameter(f"{key[0]} cost", cost_row.cost_usd_per_teu, "USD/TEU", cost_row.source)
                if cost_row and cost_row.cost_usd_per_teu is not None
                else None,
            )
        self.transfers = _fill_transfers(partial)

    def _load_ferries(self, rows: Sequence[object]) -> None:
        fields = {
            "sailings_per_week": "per week",
            "sailing_time_h": "h",
            "cost_usd_per_teu": "USD/TEU",
        }
        published: dict[tuple[str, str], list[_DatedParameter]] = defaultdict(list)
        for row in rows:
            if not isinstance(row, FerryService):
                continue
            for name, unit in fields.items():
                value = getattr(row, name)
                if value is not None:
                    parameter = Parameter(f"ferry {name}", value, unit, row.source)
                    published[(row.link_id, name)].append(
                        _DatedParameter(row.valid_from, parameter)
                    )
        for (link_id, name), values in published.items():
            chosen = max(_in_force(values, self.date), key=lambda v: v.valid_from)
            self.ferries.setdefault(link_id, {})[name] = chosen.parameter
        for name, unit in fields.items():
            known = [v[name] for v in self.ferries.values() if name in v]
            if known:
                self.ferry_defaults[name] = _median(f"ferry {name}", known, unit)

    def ferry(self, link_id: str, name: str) -> Parameter | None:
        """A ferry service figure for a link, else the median over services, else None."""
        return self.ferries.get(link_id, {}).get(name) or self.ferry_defaults.get(name)

    def clearance(self, mode: str, quantity: str, gauge_change: bool | None = None) -> Parameter:
        """Default clearance time or cost of a mode: median of the crossings that publish one.

        With ``gauge_change`` (rail), the median of the crossings of that kind where any
        publish (``clearance_kinds``).
        """
        if gauge_change is not None and clearance_kinds.BY_KIND:
            by_kind = self.clearance_kind_defaults.get((mode, quantity, gauge_change))
            if by_kind is not None:
                return by_kind
        found = self.clearance_defaults.get((mode, quantity))
        if found is None:
            raise KnowledgeBaseError(
                f"no {mode} crossing publishes a {quantity} in the knowledge base by {self.date}"
            )
        return found

    def _load_clearance(self, kb: KnowledgeBase) -> None:
        modes = {c.id: c.mode.value for c in kb.crossings()}
        for quantity, unit in (
            (Quantity.CLEARANCE_TIME_H, "h"),
            (Quantity.CLEARANCE_COST_USD, "USD"),
        ):
            by_crossing: dict[str, list[Observation]] = defaultdict(list)
            for observation in kb.observations(quantity=quantity):
                if observation.subject_id in modes:
                    by_crossing[observation.subject_id].append(observation)
            chosen = {
                crossing: max(_in_force(rows, self.date), key=lambda o: o.valid_from)
                for crossing, rows in by_crossing.items()
            }
            for crossing, rows in by_crossing.items():
                for direction in (Direction.A_TO_B, Direction.B_TO_A):
                    # a direction's own rows (or both directions'); never the other direction's
                    own = [o for o in rows if o.direction in (direction, Direction.BOTH)]
                    if own and min(o.valid_from for o in own) > self.date:
                        first = min(own, key=lambda o: (o.valid_from, o.direction != direction))
                        self.clearance_backcast[(crossing, quantity.value, direction.value)] = first
            for mode in ("rail", "road"):
                per_truck = quantity == Quantity.CLEARANCE_COST_USD and mode == "road"
                divisor = self.value("teu_per_truck") if per_truck else 1.0
                extra = self.general["teu_per_truck"].sources if per_truck else ()
                values = [
                    Parameter(o.subject_id, o.value / divisor, unit, o.source + extra)
                    for o in chosen.values()
                    if modes[o.subject_id] == mode
                ]
                if values:
                    self.clearance_defaults[(mode, quantity.value)] = _median(
                        f"{mode} {quantity.value}", values, unit
                    )
            self._load_clearance_kinds(kb, quantity, unit)

    def _load_clearance_kinds(self, kb: KnowledgeBase, quantity: Quantity, unit: str) -> None:
        """Each kind of rail crossing's median figure (break of gauge or the same gauge)."""
        countries = {p.id: p.country_id for p in kb.places()}
        figures = clearance_kinds.kind_figures(
            kb.crossings(), kb.observations(quantity=quantity), countries.__getitem__,
            quantity, self.date,
        )  # fmt: skip
        for gauge_change, rows in figures.items():
            kind = "break of gauge" if gauge_change else "same gauge"
            values = [Parameter(o.subject_id, o.value, unit, o.source) for o in rows]
            self.clearance_kind_defaults[("rail", quantity.value, gauge_change)] = _median(
                f"rail {quantity.value} {kind}", values, unit
            )


def _in_force(rows: list[T], date: dt.date) -> list[T]:
    """Rows valid on ``date``; before the first publication, the earliest rows (back-cast)."""
    valid = [r for r in rows if r.valid_from <= date]
    if valid:
        return valid
    first = min(r.valid_from for r in rows)
    return [r for r in rows if r.valid_from == first]


def _cutoff(rows: Sequence[object], date: dt.date) -> dt.date:
    """The date to read dated rows at: ``date``, or the first published date if it is earlier.

    Before anything was published the earliest published value stands in (back-casting),
    so a network of 2013 still has costs even where the first figure dates from 2019.
    """
    dates = [row.valid_from for row in rows if hasattr(row, "valid_from")]
    return max(date, min(dates)) if dates else date


def _median(name: str, values: list[Parameter], unit: str) -> Parameter:
    """A default from several published values: their median, citing all of them."""
    ordered = sorted(values, key=lambda p: p.value)
    sources = tuple(dict.fromkeys(s for p in values for s in p.sources))
    return Parameter(
        f"{name} (median of {len(values)})", ordered[len(ordered) // 2].value, unit, sources
    )


def _fill_transfers(
    partial: dict[tuple[str, str | None], tuple[Parameter | None, Parameter | None]],
) -> dict[tuple[str, str | None], tuple[Parameter, Parameter]]:
    """Complete each transfer's time and cost from the kind's general row or the places' median."""
    filled: dict[tuple[str, str | None], tuple[Parameter, Parameter]] = {}
    for kind in TransferKind:
        rows = {place: pair for (k, place), pair in partial.items() if k == kind.value}
        if not rows:
            continue
        general = rows.get(None, (None, None))
        times = [t for t, _ in rows.values() if t is not None]
        costs = [c for _, c in rows.values() if c is not None]
        default_time = general[0] or (_median(f"{kind.value} time", times, "h") if times else None)
        default_cost = general[1] or (
            _median(f"{kind.value} cost", costs, "USD/TEU") if costs else None
        )
        if default_time is None or default_cost is None:
            continue
        filled[(kind.value, None)] = (default_time, default_cost)
        for place, (time, cost) in rows.items():
            filled[(kind.value, place)] = (time or default_time, cost or default_cost)
    return filled


def _from_assumption(name: str, assumption: Assumption | None, assumption_id: str) -> Parameter:
    if assumption is None or not isinstance(assumption.value, float):
        raise KnowledgeBaseError(
            f"the cost model needs assumption {assumption_id!r} with a numeric value ({name})"
        )
    return Parameter(name, assumption.value, assumption.unit or "", (assumption_id,))
