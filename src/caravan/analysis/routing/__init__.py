"""Routing on a compiled snapshot: best route, meaningful alternatives, Pareto front, skims."""

from caravan.analysis.routing.itinerary import Itinerary, Leg, LegKind
from caravan.analysis.routing.query import RouteQuery, Weight
from caravan.analysis.routing.search import Router, RouteResult
from caravan.analysis.routing.skim import SkimMatrices, skim_matrices

__all__ = [
    "Itinerary",
    "Leg",
    "LegKind",
    "RouteQuery",
    "RouteResult",
    "Router",
    "SkimMatrices",
    "Weight",
    "skim_matrices",
]
