"""Freight demand of a year: trade value → tonnes → zones → rail and road, with transit.

1. China's exports to and imports from each partner (China's customs), less the value moved
   by pipeline (reported apart);
2. tonnes = value / value density (USD per tonne, by direction);
3. spread over origin and destination zones in proportion to the population of the region
   each zone stands for;
4. transit corridors (TEU by rail through Central Asia) added from their published volumes;
5. split between rail and road by a logit on generalised cost (:mod:`.mode_split`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from caravan.analysis.demand.factors import DemandFactors, load_demand_factors
from caravan.analysis.demand.mode_split import fit_road_constant, road_probability
from caravan.analysis.demand.records import DemandParameters, FreightDemand, Matrix, PipelineEnergy
from caravan.analysis.demand.skims import ModeSkims, mode_skims, network_zones
from caravan.analysis.demand.trade_values import trade_by_direction
from caravan.errors import InvalidQueryError
from caravan.model import FreightQuantity as Q
from caravan.model import TradeFlowKind
from caravan.store import KnowledgeBase

__all__ = ["freight_demand"]

DAYS_PER_YEAR = 365.0
CHINA = "cn"
EXPORT, IMPORT = TradeFlowKind.EXPORT, TradeFlowKind.IMPORT


def freight_demand(
    kb: KnowledgeBase,
    year: int,
    *,
    skims: ModeSkims | None = None,
    parameters: DemandParameters | None = None,
) -> FreightDemand:
    """Freight between the knowledge base's zones in ``year``, by rail and road.

    Without ``skims``, costs come from the network of 1 July of ``year``. Without a
    ``parameters.road_constant``, the constant is fitted to the published road share of
    ``parameters.calibration_year`` (computing that year's demand too when it differs).
    """
    parameters = parameters or DemandParameters()
    factors = load_demand_factors(kb)
    date = dt.date(year, 7, 1)
    sources: list[str] = []
    notes: list[str] = []
    zones, countries = _zones(kb, factors, date, notes)
    if skims is not None and skims.zones != tuple(zones):
        raise InvalidQueryError("the skims given are not over the demand's zones")
    partners = sorted({c for c in countries if c != CHINA and _is_member(kb, c)})
    trade = trade_by_direction(kb, year, partners)
    sources += trade.sources
    notes += trade.notes
    pipelines = _pipelines(factors, year, partners, sources, notes)
    freight_value = _freight_value(trade.value_usd, pipelines, notes)
    value, tonnes = _bilateral(factors, year, zones, countries, freight_value, sources)
    transit = _transit(factors, year, zones, countries, sources, notes)
    skims = skims or mode_skims(kb, zones, date)
    scale = parameters.cost_scale_per_usd
    if scale is None:
        found = factors.nearest(Q.LOGIT_SCALE_PER_USD, year)
        scale, sources = found.value, sources + list(found.sources)
    constant = parameters.road_constant
    if constant is None:
        constant = _fitted_constant(
            kb, year, parameters, scale, value, trade.total_usd, skims, factors
        )
        sources += factors.nearest(Q.ROAD_SHARE_OF_TRADE_VALUE, parameters.calibration_year).sources
        notes.append(
            f"road constant {constant:.4f} fitted to the published road share of "
            f"{parameters.calibration_year}"
        )
    cost_road, cost_rail = skims.generalised_usd["road"], skims.generalised_usd["rail"]
    unreachable = ~np.isfinite(cost_road) & ~np.isfinite(cost_rail) & (tonnes > 0)
    if unreachable.any():
        notes.append(
            f"{value[unreachable].sum() / 1e9:.2f} bn USD of trade between zones with no route "
            "by either mode is split by the constant alone"
        )
    p_road = road_probability(cost_road, cost_rail, constant, scale)
    transit_total = sum(transit.values(), np.zeros_like(tonnes))
    tonnes_by_mode = {"rail": tonnes * (1 - p_road) + transit_total, "road": tonnes * p_road}
    value_by_mode = {"rail": value * (1 - p_road), "road": value * p_road}
    teu, vehicles = _vehicles(factors, year, tonnes_by_mode, sources)
    share = float(value_by_mode["road"].sum() / trade.total_usd) if trade.total_usd else 0.0
    return FreightDemand(
        year=year,
        zones=tuple(zones),
        zone_countries=tuple(countries),
        tonnes_per_year=tonnes_by_mode,
        value_usd_per_year=value_by_mode,
        vehicles_per_day=vehicles,
        teu_per_year=teu,
        pipeline_energy=tuple(pipelines),
        transit=transit,
        mode_share_road=share,
        trade_value_usd=trade.total_usd,
        parameters=DemandParameters(constant, scale, parameters.calibration_year),
        sources=tuple(dict.fromkeys(sources)),
        notes=tuple(notes),
    )


def _vehicles(
    factors: DemandFactors, year: int, tonnes_by_mode: dict[str, Matrix], sources: list[str]
) -> tuple[Matrix, dict[str, Matrix]]:
    """Rail TEU-equivalents a year, and trains and trucks a day, from the stated loads."""
    loads = {
        q: factors.nearest(q, year)
        for q in (Q.TONNES_PER_TEU, Q.TONNES_PER_TRAIN, Q.TONNES_PER_TRUCK)
    }
    for load in loads.values():
        sources += load.sources
    teu = tonnes_by_mode["rail"] / loads[Q.TONNES_PER_TEU].value
    vehicles = {
        "rail": tonnes_by_mode["rail"] / loads[Q.TONNES_PER_TRAIN].value / DAYS_PER_YEAR,
        "road": tonnes_by_mode["road"] / loads[Q.TONNES_PER_TRUCK].value / DAYS_PER_YEAR,
    }
    return teu, vehicles


def _is_member(kb: KnowledgeBase, country: str) -> bool:
    """True for the six member states (a transit exit's country is not a trade partner)."""
    return any(c.id == country and c.member for c in kb.countries())


def _zones(
    kb: KnowledgeBase, factors: DemandFactors, date: dt.date, notes: list[str]
) -> tuple[list[str], list[str]]:
    """Zone place ids (weighted places, then transit exits) that are network nodes."""
    wanted = [z.place_id for z in factors.zones]
    wanted += [f.place_id for f in factors.rows(Q.TRANSIT_TEU) if f.place_id]
    wanted = list(dict.fromkeys(wanted))
    present = network_zones(kb, wanted, date)
    absent = [p for p in wanted if p not in present]
    if absent:
        notes.append(f"not on the network of {date}, left out as zones: {', '.join(absent)}")
    country = {p.id: p.country_id for p in kb.places()}
    return present, [country[p] for p in present]


def _pipelines(
    factors: DemandFactors, year: int, partners: list[str], sources: list[str], notes: list[str]
) -> list[PipelineEnergy]:
    """Per partner, the year's pipeline trade (or the nearest year's, noted)."""
    result = []
    for partner in partners:
        rows = factors.rows(Q.PIPELINE_VALUE_USD, partner=partner)
        years = sorted(
            {r.year for r in rows if r.year is not None}, key=lambda y: (abs(y - year), -y)
        )
        if not years:
            continue
        used = years[0]
        if used != year:
            notes.append(f"{partner}: pipeline trade of {used} used for {year} (no {year} figure)")
        totals = {
            q: _year_total(factors, q, partner, used, sources)
            for q in (Q.PIPELINE_VALUE_USD, Q.PIPELINE_GAS_BCM, Q.PIPELINE_OIL_MT)
        }
        result.append(
            PipelineEnergy(
                partner,
                totals[Q.PIPELINE_VALUE_USD] or 0.0,
                totals[Q.PIPELINE_GAS_BCM],
                totals[Q.PIPELINE_OIL_MT],
                used,
            )
        )
    return result


def _year_total(
    factors: DemandFactors, quantity: Q, partner: str, year: int, sources: list[str]
) -> float | None:
    """Sum of a partner's rows of one quantity in one year (None without any)."""
    found = [r for r in factors.rows(quantity, partner=partner) if r.year == year]
    sources.extend(s for r in found for s in r.source)
    return sum(r.value for r in found) if found else None


def _freight_value(
    trade: dict[tuple[str, TradeFlowKind], float], pipelines: list[PipelineEnergy], notes: list[str]
) -> dict[tuple[str, TradeFlowKind], float]:
    """Trade value less pipeline value (from China's imports), never below zero."""
    result = dict(trade)
    for pipe in pipelines:
        key = (pipe.partner_id, IMPORT)
        if key not in result:
            continue
        if pipe.value_usd > result[key]:
            notes.append(
                f"{pipe.partner_id}: pipeline value {pipe.value_usd / 1e9:.2f} bn exceeds China's "
                f"imports of {result[key] / 1e9:.2f} bn; no import freight left"
            )
        result[key] = max(result[key] - pipe.value_usd, 0.0)
    return result


def _weights(
    zones: list[str], countries: list[str], factors: DemandFactors, country: str
) -> Matrix:
    """Population shares of one country's zones (zero elsewhere)."""
    population = {z.place_id: z.population for z in factors.zones}
    weights = np.array(
        [
            population.get(z, 0.0) if c == country else 0.0
            for z, c in zip(zones, countries, strict=True)
        ]
    )
    total = weights.sum()
    return weights / total if total > 0 else weights


def _bilateral(
    factors: DemandFactors,
    year: int,
    zones: list[str],
    countries: list[str],
    freight_value: dict[tuple[str, TradeFlowKind], float],
    sources: list[str],
) -> tuple[Matrix, Matrix]:
    """Value and tonnes matrices of China's bilateral trade (not yet split by mode)."""
    n = len(zones)
    value, tonnes = np.zeros((n, n)), np.zeros((n, n))
    china = _weights(zones, countries, factors, CHINA)
    for (partner, direction), usd in freight_value.items():
        partner_weights = _weights(zones, countries, factors, partner)
        if usd <= 0 or not partner_weights.any() or not china.any():
            continue
        density = factors.nearest(
            Q.VALUE_DENSITY_USD_PER_T, year, partner=partner, direction=direction
        )
        sources.extend(density.sources)
        spread = (
            np.outer(china, partner_weights)
            if direction == EXPORT
            else np.outer(partner_weights, china)
        )
        value += usd * spread
        tonnes += usd / density.value * spread
    return value, tonnes


def _transit(
    factors: DemandFactors,
    year: int,
    zones: list[str],
    countries: list[str],
    sources: list[str],
    notes: list[str],
) -> dict[str, Matrix]:
    """Tonnes by rail of each transit corridor, between Chinese zones and its exit place."""
    rows = factors.rows(Q.TRANSIT_TEU)
    years = sorted({r.year for r in rows if r.year is not None}, key=lambda y: (abs(y - year), -y))
    if not years:
        notes.append("no transit volumes in the knowledge base; demand has no transit")
        return {}
    used = years[0]
    if used != year:
        notes.append(f"transit volumes of {used} used for {year} (no {year} figures)")
    per_teu = factors.nearest(Q.TONNES_PER_TEU, year)
    sources.extend(per_teu.sources)
    china = _weights(zones, countries, factors, CHINA)
    index = {z: i for i, z in enumerate(zones)}
    result: dict[str, Matrix] = defaultdict(lambda: np.zeros((len(zones), len(zones))))
    for row in (r for r in rows if r.year == used):
        if row.place_id not in index or row.corridor is None:
            notes.append(f"transit {row.id}: exit place {row.place_id} is not a zone; left out")
            continue
        exit_weights = np.zeros(len(zones))
        exit_weights[index[row.place_id]] = 1.0
        spread = (
            np.outer(china, exit_weights)
            if row.direction != IMPORT
            else np.outer(exit_weights, china)
        )
        result[row.corridor] += row.value * per_teu.value * spread
        sources.extend(row.source)
    return dict(result)


def _fitted_constant(
    kb: KnowledgeBase,
    year: int,
    parameters: DemandParameters,
    scale: float,
    value: Matrix,
    total_usd: float,
    skims: ModeSkims,
    factors: DemandFactors,
) -> float:
    """The road constant matching the calibration year's published road share."""
    target_year = parameters.calibration_year
    targets = factors.exact(Q.ROAD_SHARE_OF_TRADE_VALUE, target_year)
    if not targets:
        raise InvalidQueryError(
            f"no published road share for {target_year} in freight_factors to fit the mode split to"
        )
    if target_year != year:
        fitted = freight_demand(
            kb, target_year, parameters=DemandParameters(None, scale, target_year)
        )
        constant = fitted.parameters.road_constant
        if constant is None:  # pragma: no cover - a fitted demand always carries its constant
            raise InvalidQueryError(f"the mode split of {target_year} could not be fitted")
        return constant
    return fit_road_constant(
        value,
        skims.generalised_usd["road"],
        skims.generalised_usd["rail"],
        scale,
        total_usd,
        targets[0].value,
    )
