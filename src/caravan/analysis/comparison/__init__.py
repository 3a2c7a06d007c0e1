"""Comparing two scenarios (or dates): per-pair, per-country-pair and per-element changes."""

from caravan.analysis.comparison.claims import ProjectClaim, load_project_claims
from caravan.analysis.comparison.compare import (
    ComparisonContext,
    ComparisonResult,
    NetworkSide,
    compare_networks,
)
from caravan.analysis.comparison.core import PairTable, RouteChange, compare_skims
from caravan.analysis.comparison.records import ComparedSide, ComparisonSummary

__all__ = [
    "ComparedSide",
    "ComparisonContext",
    "ComparisonResult",
    "ComparisonSummary",
    "NetworkSide",
    "PairTable",
    "ProjectClaim",
    "RouteChange",
    "compare_networks",
    "compare_skims",
    "load_project_claims",
]
