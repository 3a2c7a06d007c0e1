"""The freight network compiled from the knowledge base for a date: layers, edges, kernels."""

from caravan.network.build import network_from_knowledge_base
from caravan.network.congestion import beckmann_objective, bpr_time
from caravan.network.kernels import WeightedGraph, skim_from_edges, weighted_graph
from caravan.network.layers import EdgeKind, Layer
from caravan.network.parameters import CostParameters, CostSettings, Parameter, ShipmentUnit
from caravan.network.snapshot import EdgeRecord, NetworkSnapshot

__all__ = [
    "CostParameters",
    "CostSettings",
    "EdgeKind",
    "EdgeRecord",
    "Layer",
    "NetworkSnapshot",
    "Parameter",
    "ShipmentUnit",
    "WeightedGraph",
    "beckmann_objective",
    "bpr_time",
    "network_from_knowledge_base",
    "skim_from_edges",
    "weighted_graph",
]
