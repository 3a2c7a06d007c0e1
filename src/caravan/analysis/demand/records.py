"""What freight demand returns: matrices by mode, pipelines apart, transit, and the split."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["DemandParameters", "FreightDemand", "PipelineEnergy"]

Matrix = npt.NDArray[np.float64]

#: Demand modes, in the order results list them.
MODES = ("rail", "road")


@dataclass(frozen=True)
class DemandParameters:
    """The mode split's parameters; a ``None`` is read from the knowledge base or fitted.

    ``road_constant`` (alternative-specific constant of road, utility units) is fitted to the
    published road share of ``calibration_year`` when not given; ``cost_scale_per_usd`` (logit
    scale per USD per TEU of generalised-cost difference) is read from the knowledge base.
    """

    road_constant: float | None = None
    cost_scale_per_usd: float | None = None
    calibration_year: int = 2024


@dataclass(frozen=True)
class PipelineEnergy:
    """Trade moved by pipeline from one partner, kept out of the freight matrices."""

    partner_id: str
    value_usd: float
    gas_bcm: float | None
    oil_mt: float | None
    #: year of the figures used (another year than the demand's when its own are missing)
    figures_year: int


@dataclass(frozen=True)
class FreightDemand:
    """Freight between zones (place ids) in one year, by mode, from China's trade.

    Matrices are zones × zones (row = origin), tonnes per year or vehicles per day (trains
    by rail, trucks by road); transit corridors are also inside the rail matrix. Zero on the
    diagonal. ``mode_share_road`` is the road share of all trade value, pipelines included,
    as China's customs publish it.
    """

    year: int
    zones: tuple[str, ...]
    zone_countries: tuple[str, ...]
    tonnes_per_year: dict[str, Matrix]
    value_usd_per_year: dict[str, Matrix]
    vehicles_per_day: dict[str, Matrix]
    teu_per_year: Matrix
    pipeline_energy: tuple[PipelineEnergy, ...]
    transit: dict[str, Matrix]
    mode_share_road: float
    trade_value_usd: float
    parameters: DemandParameters
    sources: tuple[str, ...]
    notes: tuple[str, ...]

    def total_tonnes(self, mode: str) -> float:
        """Tonnes a year of one mode, over every pair."""
        return float(self.tonnes_per_year[mode].sum())

    def by_country_pair(self) -> dict[tuple[str, str], dict[str, float]]:
        """Tonnes a year of China's bilateral trade by (origin, destination country) and mode.

        Transit is left out: its exit places stand for the countries beyond.
        """
        countries = np.array(self.zone_countries)
        transit = sum(self.transit.values(), np.zeros_like(self.teu_per_year))
        bilateral = {
            "rail": self.tonnes_per_year["rail"] - transit,
            "road": self.tonnes_per_year["road"],
        }
        result: dict[tuple[str, str], dict[str, float]] = {}
        for a in dict.fromkeys(self.zone_countries):
            for b in dict.fromkeys(self.zone_countries):
                rows, cols = countries == a, countries == b
                tonnes = {m: max(float(bilateral[m][np.ix_(rows, cols)].sum()), 0.0) for m in MODES}
                if any(tonnes.values()):
                    result[(a, b)] = tonnes
        return result

    def summary(self) -> dict[str, object]:
        """Totals by mode, by country pair and corridor, the share, pipelines, notes (JSON-ready)."""
        return {
            "year": self.year,
            "trade_value_usd": self.trade_value_usd,
            "mode_share_road": self.mode_share_road,
            "road_constant": self.parameters.road_constant,
            "cost_scale_per_usd": self.parameters.cost_scale_per_usd,
            "calibration_year": self.parameters.calibration_year,
            "modes": {
                m: {
                    "tonnes_per_year": self.total_tonnes(m),
                    "value_usd_per_year": float(self.value_usd_per_year[m].sum()),
                    "vehicles_per_day": float(self.vehicles_per_day[m].sum()),
                }
                for m in MODES
            },
            "teu_per_year": float(self.teu_per_year.sum()),
            "country_pairs": [
                {"origin": a, "destination": b, **{f"{m}_tonnes": t[m] for m in MODES}}
                for (a, b), t in self.by_country_pair().items()
            ],
            "transit_tonnes_per_year": {c: float(m.sum()) for c, m in self.transit.items()},
            "pipeline_energy": [vars(p) for p in self.pipeline_energy],
            "sources": list(self.sources),
            "notes": list(self.notes),
        }
