"""Shortest paths on large graphs (a million edges and more), in compiled code.

scipy's Dijkstra answers single-source searches and small matrices; a contraction
hierarchy (numba, compiled on first use and cached on disk) answers one-to-one queries
and large matrices after a preprocessing pass; alternatives (penalties inside a corridor)
and Pareto fronts of two weights (bounded label setting) stay fast on such graphs. See ``docs/kernels.md``.
"""

from caravan.network.large.alternatives import AlternativePath, alternative_paths
from caravan.network.large.generate import road_like_graph
from caravan.network.large.graph import CsrGraph, graph_from_edges, graph_from_weighted_graph
from caravan.network.large.hierarchy import ContractionHierarchy, hierarchy_from_graph
from caravan.network.large.pareto import ParetoPath, pareto_paths

__all__ = [
    "AlternativePath",
    "ContractionHierarchy",
    "CsrGraph",
    "ParetoPath",
    "alternative_paths",
    "graph_from_edges",
    "graph_from_weighted_graph",
    "hierarchy_from_graph",
    "pareto_paths",
    "road_like_graph",
]
