"""Equilibrium traffic assignment on link arrays: AON, MSA, Frank–Wolfe, CFW, BFW and GP.

Pure functions of a frozen spec: ``assign(network, demand, spec) -> AssignmentResult``.
The method, its line search and gap are described in ``docs/assignment.md``.
"""

from caravan.analysis.assignment.network import AssignmentNetwork, network_from_tntp
from caravan.analysis.assignment.solve import (
    AssignmentResult,
    ConvergenceError,
    ConvergenceWarning,
    IterationRecord,
    all_or_nothing,
    assign,
)
from caravan.analysis.assignment.spec import Algorithm, AssignmentSpec, OnMiss

__all__ = [
    "Algorithm",
    "AssignmentNetwork",
    "AssignmentResult",
    "AssignmentSpec",
    "ConvergenceError",
    "ConvergenceWarning",
    "IterationRecord",
    "OnMiss",
    "all_or_nothing",
    "assign",
    "network_from_tntp",
]
