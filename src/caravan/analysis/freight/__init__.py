"""Freight on caravan's own network: capacities from observations, queueing at crossings,
equilibrium loads per crossing and link, select-link, and loads against published volumes.

See ``docs/freight.md`` for the method, the volume–delay functions and the limits.
"""

from caravan.analysis.freight.assign import FreightDemandLike, FreightProgress, assign_freight
from caravan.analysis.freight.capacity import ElementCapacity, capacity_of
from caravan.analysis.freight.network import MODES, FreightNetwork, freight_network
from caravan.analysis.freight.parameters import CrossingDelay, FreightParameters
from caravan.analysis.freight.published import PublishedVolume, loads_against_published
from caravan.analysis.freight.results import (
    CrossingLoad,
    FreightAssignment,
    LinkLoad,
    ModeRun,
    SelectLinkRow,
)
from caravan.analysis.freight.run import assign_year, assignment_spec

__all__ = [
    "MODES",
    "CrossingDelay",
    "CrossingLoad",
    "ElementCapacity",
    "FreightAssignment",
    "FreightDemandLike",
    "FreightNetwork",
    "FreightParameters",
    "FreightProgress",
    "LinkLoad",
    "ModeRun",
    "PublishedVolume",
    "SelectLinkRow",
    "assign_freight",
    "assign_year",
    "assignment_spec",
    "capacity_of",
    "freight_network",
    "loads_against_published",
]
