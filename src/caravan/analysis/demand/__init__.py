"""Freight demand from trade: tonnes, vehicles and the rail/road split between zones.

Public surface: :func:`freight_demand` and its records; :func:`mode_skims` for the costs
it splits on; :func:`fit_road_constant` and :func:`road_probability` for the logit.
"""

from caravan.analysis.demand.build import freight_demand
from caravan.analysis.demand.factors import MissingFactorError
from caravan.analysis.demand.mode_split import fit_road_constant, road_probability, road_value_share
from caravan.analysis.demand.records import DemandParameters, FreightDemand, PipelineEnergy
from caravan.analysis.demand.skims import ModeSkims, mode_skims
from caravan.analysis.demand.trade_values import NoTradeDataError

__all__ = [
    "DemandParameters",
    "FreightDemand",
    "MissingFactorError",
    "ModeSkims",
    "NoTradeDataError",
    "PipelineEnergy",
    "fit_road_constant",
    "freight_demand",
    "mode_skims",
    "road_probability",
    "road_value_share",
]
