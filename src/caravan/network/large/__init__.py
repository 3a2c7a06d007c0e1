"""Shortest paths on large graphs (a million edges and more), in compiled code.

scipy's Dijkstra answers single-source searches and small matrices; a contraction
hierarchy (numba, compiled on first use and cached on disk) answers one-to-one queries
and large matrices after a preprocessing pass. See ``docs/kernels.md``.
"""

from caravan.network.large.generate import road_like_graph
from caravan.network.large.graph import CsrGraph, graph_from_edges, graph_from_weighted_graph
from caravan.network.large.hierarchy import ContractionHierarchy, hierarchy_from_graph

__all__ = [
    "ContractionHierarchy",
    "CsrGraph",
    "graph_from_edges",
    "graph_from_weighted_graph",
    "hierarchy_from_graph",
    "road_like_graph",
]
