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

from pydantic import BaseModel, ConfigDict, Field

from caravan.model import (
    Assumption,
    FerryService,
    Holiday,
    Rate,
    RateUnit,
    Transfer,
    TransferKind,
)
from caravan.store import KnowledgeBase

__all__ = [
    "MODEL_ASSUMPTIONS",
    "CostParameters",
    "CostSettings",
    "Parameter",
    "ShipmentUnit",
]

#: Assumption ids the cost model reads; each must exist in the knowledge base.
MODEL_ASSUMPTIONS = {
    "value_of_time_share_per_day": "asm-model-value-of-time-share",
    "cargo_value_usd_per_teu": "asm-model-cargo-value-per-teu",
    "tonnes_per_teu": "asm-model-tonnes-per-teu",
    "feu_cost_factor": "asm-model-feu-cost-factor",
    "rail_speed_kph": "asm-model-rail-speed",
    "road_speed_kph": "asm-model-road-speed",
    "ferry_speed_kph": "asm-model-ferry-speed",
    "clearance_time_h_rail": "asm-model-clearance-time-rail",
    "clearance_time_h_road": "asm-model-clearance-time-road",
    "clearance_cost_usd_rail": "asm-model-clearance-cost-rail",
    "clearance_cost_usd_road": "asm-model-clearance-cost-road",
    "rate_usd_per_teu_km_rail": "asm-model-rate-rail",
    "rate_usd_per_teu_km_road": "asm-model-rate-road",
    "rate_usd_per_teu_km_ferry": "asm-model-rate-ferry",
    "ferry_sailings_per_week": "asm-model-ferry-sailings",
    "transfer_time_h": "asm-model-transfer-time",
    "transfer_cost_usd_per_teu": "asm-model-transfer-cost",
}


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
    ferries: dict[str, FerryService] = field(default_factory=dict)
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
        return found or self.general[f"rate_usd_per_teu_km_{mode}"]

    def transfer(self, kind: TransferKind, place: str | None) -> tuple[Parameter, Parameter]:
        """(time h, cost USD/TEU) of a transfer at a place (place value, else kind default)."""
        found = self.transfers.get((kind.value, place)) or self.transfers.get((kind.value, None))
        if found:
            return found
        return self.general["transfer_time_h"], self.general["transfer_cost_usd_per_teu"]

    def _load_rates(self, rows: Sequence[object]) -> None:
        candidates: dict[tuple[str, str | None], list[Rate]] = defaultdict(list)
        for row in rows:
            if isinstance(row, Rate) and row.valid_from <= self.date:
                candidates[(row.mode.value, row.country_id)].append(row)
        for key, rates in candidates.items():
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
        for row in rows:
            if isinstance(row, Transfer) and row.valid_from <= self.date:
                grouped[(row.kind.value, row.place_id)].append(row)
        default_time = self.general["transfer_time_h"]
        default_cost = self.general["transfer_cost_usd_per_teu"]
        for key, transfers in grouped.items():
            times = [t for t in transfers if t.time_h is not None]
            costs = [t for t in transfers if t.cost_usd_per_teu is not None]
            time_row = max(times, key=lambda t: t.valid_from) if times else None
            cost_row = max(costs, key=lambda t: t.valid_from) if costs else None
            time = (
                Parameter(f"{key[0]} time", time_row.time_h, "h", time_row.source)  # type: ignore[arg-type]
                if time_row
                else default_time
            )
            cost = (
                Parameter(f"{key[0]} cost", cost_row.cost_usd_per_teu, "USD/TEU", cost_row.source)  # type: ignore[arg-type]
                if cost_row
                else default_cost
            )
            self.transfers[key] = (time, cost)
        for kind in TransferKind:
            place_values = [
                v for (k, p), v in self.transfers.items() if k == kind.value and p is not None
            ]
            if (kind.value, None) not in self.transfers and place_values:
                self.transfers[(kind.value, None)] = _median_pair(kind.value, place_values)

    def _load_ferries(self, rows: Sequence[object]) -> None:
        for row in rows:
            if isinstance(row, FerryService) and row.valid_from <= self.date:
                known = self.ferries.get(row.link_id)
                if known is None or row.valid_from >= known.valid_from:
                    self.ferries[row.link_id] = row


def _median_pair(
    kind: str, pairs: list[tuple[Parameter, Parameter]]
) -> tuple[Parameter, Parameter]:
    """A regional default from place values: the median time and cost, citing all of them."""
    times = sorted(p[0].value for p in pairs)
    costs = sorted(p[1].value for p in pairs)
    sources = tuple(dict.fromkeys(s for pair in pairs for p in pair for s in p.sources))
    return (
        Parameter(f"{kind} time (median of places)", times[len(times) // 2], "h", sources),
        Parameter(f"{kind} cost (median of places)", costs[len(costs) // 2], "USD/TEU", sources),
    )


def _from_assumption(name: str, assumption: Assumption | None, assumption_id: str) -> Parameter:
    if assumption is None or assumption.value is None:
        raise KeyError(f"the cost model needs assumption {assumption_id!r} with a value ({name})")
    return Parameter(name, assumption.value, assumption.unit or "", (assumption_id,))
