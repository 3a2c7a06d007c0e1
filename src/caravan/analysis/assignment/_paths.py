"""Path-based equilibrium: gradient projection with column generation, on arrays.

Each origin–destination pair keeps a set of paths (arrays of link indices) and their
flows. Per iteration the shortest-path trees of the current costs give each pair's
shortest path, which joins the pair's set when it is cheaper than every path there
(column generation). Then, origin by origin (Gauss–Seidel: the link flows move after each
origin), every path ``p`` of a pair sheds flow towards the pair's cheapest path ``s``:

    shift_p = min(f_p, (C_p − C_s) / H_p),   H_p = Σ cost'(x_a) over the links in p or s
                                                  but not both

(Jayakrishnan, Tsai, Prashker & Rajadhyaksha 1994, "A faster path-based algorithm for
traffic assignment", Transportation Research Record 1443; the Newton step with second
derivatives on the non-shared links as in Chen, Lee & Jayakrishnan 2002). The shifts of
all pairs of an origin form one direction in link flows; an exact line search on the
Beckmann objective scales it by ``τ ∈ [0, 1]`` (1 when the Newton steps of the pairs do
not overshoot together), so the objective never rises. Paths left without flow are
dropped; they return through column generation if they become shortest again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment._costs import LinkCosts
from caravan.analysis.assignment._line_search import exact_step

__all__ = ["PathSet", "sum_by"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: A tree path joins its pair's set only if cheaper than every path there by this much
#: (relative): a path equal to one already held differs only by rounding.
_NEW_PATH_MARGIN = 1e-13
#: Below this sum of cost derivatives a shift is not Newton-scaled: all the flow moves
#: (the line search still bounds the step).
_FLAT = 1e-300


def sum_by(index: IntArray, weights: FloatArray, size: int) -> FloatArray:
    """``out[i] = Σ weights[index == i]`` for ``i < size`` (a float ``np.bincount``)."""
    return np.bincount(index, weights=weights, minlength=size).astype(np.float64, copy=False)


@dataclass
class _OriginPaths:
    """The paths of one origin's pairs: flows per path, links per entry."""

    demand: FloatArray  # per local pair
    path_pair: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    path_flow: FloatArray = field(default_factory=lambda: np.zeros(0))
    entry_path: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    entry_link: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def path_cost(self, cost: FloatArray) -> FloatArray:
        """Cost of every path at link costs ``cost``."""
        return sum_by(self.entry_path, cost[self.entry_link], self.path_flow.size)

    def add(self, pairs: IntArray, entry_pair: IntArray, entry_link: IntArray) -> None:
        """Append one new path per pair in ``pairs`` (local, ascending), with zero flow."""
        first = self.path_flow.size
        new_path = first + np.searchsorted(pairs, entry_pair)
        self.path_pair = np.concatenate((self.path_pair, pairs))
        self.path_flow = np.concatenate((self.path_flow, np.zeros(pairs.size)))
        self.entry_path = np.concatenate((self.entry_path, new_path))
        self.entry_link = np.concatenate((self.entry_link, entry_link))

    def link_flow(self, links: int) -> FloatArray:
        """Link flows of this origin's paths."""
        return sum_by(self.entry_link, self.path_flow[self.entry_path], links)

    def cheapest(self, path_cost: FloatArray) -> IntArray:
        """Index of each pair's cheapest path (the first on ties)."""
        order = np.lexsort((path_cost, self.path_pair))
        grouped = self.path_pair[order]
        first = np.ones(order.size, dtype=bool)
        first[1:] = grouped[1:] != grouped[:-1]
        return order[first]

    def drop_empty(self, keep: npt.NDArray[np.bool_]) -> None:
        """Drop the paths not flagged in ``keep`` and renumber the rest."""
        if keep.all():
            return
        renumber = np.cumsum(keep) - 1
        entry_keep = keep[self.entry_path]
        self.entry_path = renumber[self.entry_path[entry_keep]]
        self.entry_link = self.entry_link[entry_keep]
        self.path_pair = self.path_pair[keep]
        self.path_flow = self.path_flow[keep]


class PathSet:
    """Path sets and flows of every origin–destination pair with demand."""

    def __init__(self, rows: IntArray, demand: FloatArray, origin_count: int, links: int) -> None:
        self._links = links
        self._bounds = np.searchsorted(rows, np.arange(origin_count + 1))
        self.demand = demand
        self._origins = [
            _OriginPaths(demand[self._bounds[o] : self._bounds[o + 1]]) for o in range(origin_count)
        ]

    def start(self, entry_pair: IntArray, entry_link: IntArray) -> FloatArray:
        """Put all demand on the given paths (one per pair); return the link flows."""
        for o, origin in enumerate(self._origins):
            pairs, pair, link = self._slice(o, entry_pair, entry_link)
            origin.add(pairs, pair, link)
            origin.path_flow = origin.demand.copy()
        return self.link_flow()

    def _slice(
        self, o: int, entry_pair: IntArray, entry_link: IntArray
    ) -> tuple[IntArray, IntArray, IntArray]:
        """Origin ``o``'s pairs (local) and its entries of a sorted (pair, link) list."""
        low, high = int(self._bounds[o]), int(self._bounds[o + 1])
        lo, hi = np.searchsorted(entry_pair, (low, high))
        return (
            np.arange(high - low, dtype=np.int64),
            entry_pair[lo:hi] - low,
            entry_link[lo:hi],
        )

    def link_flow(self) -> FloatArray:
        """Link flows of all paths."""
        flow = np.zeros(self._links)
        for origin in self._origins:
            flow += origin.link_flow(self._links)
        return flow

    @property
    def path_count(self) -> int:
        """Number of paths held."""
        return sum(origin.path_flow.size for origin in self._origins)

    def generate(
        self, cost: FloatArray, entry_pair: IntArray, entry_link: IntArray, tree_cost: FloatArray
    ) -> None:
        """Add each pair's tree path (cost ``tree_cost``) if cheaper than all it holds."""
        for o, origin in enumerate(self._origins):
            pairs, pair, link = self._slice(o, entry_pair, entry_link)
            held = origin.path_cost(cost)
            best = np.full(pairs.size, np.inf)
            np.minimum.at(best, origin.path_pair, held)
            offer = tree_cost[self._bounds[o] : self._bounds[o + 1]]
            new = np.flatnonzero(offer < best * (1.0 - _NEW_PATH_MARGIN))
            if new.size:
                chosen = np.isin(pair, new)
                origin.add(new, pair[chosen], link[chosen])

    def equilibrate(self, costs: LinkCosts, flow: FloatArray) -> tuple[FloatArray, float]:
        """One Gauss–Seidel sweep of Newton shifts over the origins.

        Returns the new link flows and the mean line-search step over the origins that
        moved (1.0 when none did).
        """
        links = self._links
        steps: list[float] = []
        for origin in self._origins:
            if origin.path_flow.size == origin.demand.size:  # one path per pair: nothing to do
                continue
            cost = costs.cost(flow)
            slope = costs.derivative(flow)
            path_cost = origin.path_cost(cost)
            cheapest = origin.cheapest(path_cost)
            basic = cheapest[origin.path_pair]
            is_basic = np.zeros(path_cost.size, dtype=bool)
            is_basic[cheapest] = True
            # links of each entry's pair's cheapest path: shared ones cancel in H
            entry_pair = origin.path_pair[origin.entry_path]
            keys = entry_pair * links + origin.entry_link
            basic_keys = np.sort(keys[is_basic[origin.entry_path]])
            where = np.minimum(np.searchsorted(basic_keys, keys), max(basic_keys.size - 1, 0))
            shared = basic_keys[where] == keys
            entry_slope = slope[origin.entry_link]
            size = path_cost.size
            total_slope = np.bincount(origin.entry_path, weights=entry_slope, minlength=size)
            shared_slope = np.bincount(
                origin.entry_path, weights=entry_slope * shared, minlength=size
            )
            curvature = total_slope + total_slope[basic] - 2.0 * shared_slope
            excess = np.maximum(path_cost - path_cost[basic], 0.0)
            with np.errstate(divide="ignore", invalid="ignore"):
                newton = np.where(curvature > _FLAT, excess / curvature, np.inf)
            shift = np.where(is_basic, 0.0, np.minimum(origin.path_flow, newton))
            shift[excess <= 0.0] = 0.0
            if not shift.any():
                continue
            gained = np.bincount(origin.path_pair, weights=shift, minlength=origin.demand.size)
            change = np.where(is_basic, gained[origin.path_pair], -shift)
            direction = sum_by(origin.entry_link, change[origin.entry_path], links)
            step = exact_step(costs, flow, direction)
            steps.append(step)
            if step <= 0.0:
                continue
            flow = np.maximum(flow + step * direction, 0.0)
            origin.path_flow = np.maximum(origin.path_flow + step * change, 0.0)
            origin.drop_empty(is_basic | (origin.path_flow > 0.0))
        return flow, float(np.mean(steps)) if steps else 1.0
