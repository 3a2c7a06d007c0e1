"""Road-like test graphs of a chosen size: a perturbed grid with shortcuts and highways.

Nodes sit on a jittered square grid (1 km apart); neighbours are joined both ways with a
few links missing and a few one-way; random diagonals add shortcuts, and a handful of
straight highways (every tenth row and column, three times faster) give the graph the
hierarchy real road networks have. Weights are travel times in whole seconds, so sums are
exact and kernels can be compared bit for bit. Used by the scale benchmark and tests.
"""

from __future__ import annotations

import math

import numpy as np

from caravan.network.large.graph import CsrGraph, graph_from_edges

__all__ = ["road_like_graph"]

_EDGES_PER_NODE = 3.9  # both ways along the grid, less the missing links, plus diagonals


def road_like_graph(edge_count: int, seed: int = 0) -> CsrGraph:
    """A connected-ish road-like graph of about ``edge_count`` directed edges."""
    rng = np.random.default_rng(seed)
    side = max(2, round(math.sqrt(edge_count / _EDGES_PER_NODE)))
    node_count = side * side
    node = np.arange(node_count).reshape(side, side)
    x = np.repeat(np.arange(side, dtype=np.float64)[None, :], side, axis=0)
    y = np.repeat(np.arange(side, dtype=np.float64)[:, None], side, axis=1)
    x += rng.uniform(-0.3, 0.3, x.shape)
    y += rng.uniform(-0.3, 0.3, y.shape)
    pairs = [
        (node[:, :-1].ravel(), node[:, 1:].ravel()),  # east-west
        (node[:-1, :].ravel(), node[1:, :].ravel()),  # north-south
    ]
    diagonal = rng.random((side - 1, side - 1)) < 0.1
    pairs.append((node[:-1, :-1][diagonal], node[1:, 1:][diagonal]))
    tails = np.concatenate([a for a, _ in pairs])
    heads = np.concatenate([b for _, b in pairs])
    keep = rng.random(tails.size) >= 0.05  # missing links
    tails, heads = tails[keep], heads[keep]
    speed_kph = rng.uniform(30.0, 60.0, tails.size)
    highway = ((node.ravel() % side) % 10 == 5) | ((node.ravel() // side) % 10 == 5)
    along = (
        highway[tails]
        & highway[heads]
        & ((tails // side == heads // side) | (tails % side == heads % side))
    )
    speed_kph[along] = 110.0
    xs, ys = x.ravel(), y.ravel()
    length_km = np.hypot(xs[tails] - xs[heads], ys[tails] - ys[heads]) * rng.uniform(
        1.0, 1.3, tails.size
    )
    seconds = np.maximum(np.round(length_km / speed_kph * 3600.0), 1.0)
    one_way = rng.random(tails.size) < 0.05
    back_tails, back_heads = heads[~one_way], tails[~one_way]
    return graph_from_edges(
        np.concatenate((tails, back_tails)),
        np.concatenate((heads, back_heads)),
        np.concatenate((seconds, seconds[~one_way])),
        node_count,
    )
