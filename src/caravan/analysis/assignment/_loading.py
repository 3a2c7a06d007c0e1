"""All-or-nothing loading: one shortest-path tree per origin, flows added up the trees.

The graph's CSR structure is built once; each loading only refreshes the weights. Zones
that may not be passed through (below TNTP's first through node) keep their incoming links
and get an origin copy holding their outgoing links, so no path leaves them except at its
start. Parallel links between the same two nodes are reduced to the cheapest per loading.

Loading is vectorised: tree depths are found by pointer jumping over all origins at once,
then each node's subtree demand is added to its parent, one depth at a time from the
deepest; the link into a node carries its subtree demand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment.network import AssignmentNetwork
from caravan.errors import NoRouteError

__all__ = ["ShortestPathLoader"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Weight floor handed to Dijkstra (scipy may drop explicit zeros of a sparse matrix).
_TINY = 1e-12
#: Largest node × node table of pair indices kept (16 MB of int32).
_DENSE_PAIRS = 4_000_000


class ShortestPathLoader:
    """Loads a fixed demand matrix all-or-nothing on a network, for any link costs."""

    def __init__(self, network: AssignmentNetwork, demand: FloatArray) -> None:
        zones = network.zone_count
        blocked = min(max(network.first_thru_node - 1, 0), zones)
        size = network.node_count + blocked
        sources = network.from_node.copy()
        from_blocked = sources < blocked
        sources[from_blocked] += network.node_count  # node_count + z is zone z's origin copy
        keys = sources * size + network.to_node
        self._pair_keys, self._pair_of_link = np.unique(keys, return_inverse=True)
        pair_source = self._pair_keys // size
        self._indptr = np.concatenate(
            ([0], np.cumsum(np.bincount(pair_source, minlength=size)))
        ).astype(np.int32)
        self._indices = (self._pair_keys % size).astype(np.int32)
        self._parallel = self._pair_keys.size < keys.size
        #: node × node -> pair index, when small enough (else a binary search per lookup)
        self._pair_table: npt.NDArray[np.int32] | None = None
        if size * size <= _DENSE_PAIRS:
            self._pair_table = np.full((size, size), -1, dtype=np.int32)
            self._pair_table[self._pair_keys // size, self._pair_keys % size] = np.arange(
                self._pair_keys.size, dtype=np.int32
            )
        self._size = size
        self._links = network.link_count
        demand = np.array(demand, dtype=np.float64)
        np.fill_diagonal(demand, 0.0)
        self.origins = np.flatnonzero(demand.sum(axis=1) > 0)
        self._starts = np.where(
            self.origins < blocked, self.origins + network.node_count, self.origins
        )
        self._demand = np.zeros((self.origins.size, size))
        self._demand[:, :zones] = demand[self.origins]
        self._zones = zones
        self._row_starts: npt.NDArray[np.int32] | None = None

    def _chosen_links(self, cost: FloatArray) -> tuple[FloatArray, IntArray]:
        """Per node pair, the cheapest link's cost and index."""
        if not self._parallel:
            pair_cost = np.empty(self._pair_keys.size)
            pair_cost[self._pair_of_link] = cost
            chosen = np.empty(self._pair_keys.size, dtype=np.int64)
            chosen[self._pair_of_link] = np.arange(self._links)
            return pair_cost, chosen
        order = np.lexsort((cost, self._pair_of_link))
        groups = self._pair_of_link[order]
        first = np.ones(order.size, dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        chosen = order[first]
        return cost[chosen], chosen

    def trees(self, cost: FloatArray) -> tuple[FloatArray, npt.NDArray[np.int32], IntArray]:
        """Distances and predecessors per origin (rows follow ``origins``), and the pair links."""
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra

        pair_cost, chosen = self._chosen_links(cost)
        matrix = csr_matrix(
            (np.maximum(pair_cost, _TINY), self._indices, self._indptr),
            shape=(self._size, self._size),
        )
        distances, predecessors = dijkstra(
            matrix, directed=True, indices=self._starts, return_predecessors=True
        )
        return (
            np.atleast_2d(distances),
            np.atleast_2d(predecessors).astype(np.int32, copy=False),
            chosen,
        )

    def od_pairs(self) -> tuple[IntArray, IntArray, FloatArray]:
        """Origin–destination pairs with demand: row in ``origins``, destination zone, demand.

        Pairs are ordered by origin row, so each origin's pairs are contiguous.
        """
        rows, columns = np.nonzero(self._demand > 0)
        return (
            rows.astype(np.int64),
            columns.astype(np.int64),
            self._demand[rows, columns].astype(np.float64),
        )

    def tree_paths(
        self,
        predecessors: npt.NDArray[np.int32],
        chosen: IntArray,
        rows: IntArray,
        destinations: IntArray,
    ) -> tuple[IntArray, IntArray]:
        """The links of the tree path of each pair ``(rows[i], destinations[i])``.

        Returns ``(pair, link)`` entries, one per link of a path, sorted by pair. All pairs
        step back towards their origins together, one tree level per pass.
        """
        size = predecessors.shape[1]
        pair_parts: list[IntArray] = []
        link_parts: list[IntArray] = []
        active = np.arange(rows.size, dtype=np.int64)
        node = destinations.astype(np.int64)
        row = rows
        while active.size:
            parent = predecessors[row, node].astype(np.int64)
            keep = parent >= 0
            active, node, row, parent = active[keep], node[keep], row[keep], parent[keep]
            if self._pair_table is not None:
                pairs = self._pair_table[parent, node]
            else:
                pairs = np.searchsorted(self._pair_keys, parent * size + node)
            pair_parts.append(active)
            link_parts.append(chosen[pairs])
            node = parent
        pair = np.concatenate(pair_parts) if pair_parts else np.zeros(0, dtype=np.int64)
        link = np.concatenate(link_parts) if link_parts else np.zeros(0, dtype=np.int64)
        order = np.argsort(pair, kind="stable")
        return pair[order], link[order].astype(np.int64, copy=False)

    def check_reachable(self, cost: FloatArray) -> None:
        """Raise :class:`NoRouteError` if some demand has no path (names the first pairs)."""
        if self.origins.size == 0:
            return
        distances, _, _ = self.trees(cost)
        stranded = (self._demand > 0) & ~np.isfinite(distances)
        if stranded.any():
            rows, columns = np.nonzero(stranded)
            pairs = ", ".join(
                f"{int(self.origins[r])}->{int(c)}"
                for r, c in zip(rows[:5].tolist(), columns[:5].tolist(), strict=True)
            )
            raise NoRouteError(
                f"{rows.size} origin–destination pair(s) with demand have no path "
                f"(zones 0-based: {pairs}); check the links and the first through node"
            )

    def _row_start(self, shape: tuple[int, ...]) -> npt.NDArray[np.int32]:
        """Flat offset of each entry's row in an origins × nodes array (cached)."""
        if self._row_starts is None or self._row_starts.size != shape[0] * shape[1]:
            rows = np.arange(shape[0], dtype=np.int32) * shape[1]
            self._row_starts = np.repeat(rows, shape[1])
        return self._row_starts

    def load(self, cost: FloatArray) -> FloatArray:
        """Link flows of loading all demand on the shortest paths at ``cost``."""
        if self.origins.size == 0:
            return np.zeros(self._links)
        _, predecessors, chosen = self.trees(cost)
        flat = predecessors.ravel()
        entries = flat.size
        has = flat >= 0
        # Flat index of each entry's parent; entry ``entries`` is a sentinel (depth 0, its
        # own ancestor) standing for "no parent", so pointer jumping needs no filtering.
        index_type = np.int32 if entries < 2**31 - 1 else np.int64
        ancestor: npt.NDArray[np.signedinteger[Any]] = np.empty(entries + 1, dtype=index_type)
        np.add(self._row_start(predecessors.shape), flat, out=ancestor[:entries])
        ancestor[:entries][~has] = entries
        ancestor[entries] = entries
        parent = ancestor[:entries].copy()
        small = predecessors.shape[1] < np.iinfo(np.int16).max
        depth: npt.NDArray[np.signedinteger[Any]] = np.zeros(
            entries + 1, dtype=np.int16 if small else np.int32
        )
        depth[:entries] = has
        # Pointer jumping: each pass doubles the span of ``ancestor`` (all entries at once,
        # the gathers read before the writes), so ~log2(tree depth) passes.
        while (ancestor[:entries] != entries).any():
            depth += np.take(depth, ancestor)
            ancestor = np.take(ancestor, ancestor)
        depth = depth[:entries]
        subtree = self._demand.ravel().copy()
        deepest = int(depth.max(initial=0))
        by_depth = np.argsort(depth, kind="stable")  # a radix sort for 16-bit depths
        bounds = np.searchsorted(depth[by_depth], np.arange(1, deepest + 2))
        for start, end in zip(bounds[::-1][1:].tolist(), bounds[::-1][:-1].tolist(), strict=True):
            nodes = by_depth[start:end]
            np.add.at(subtree, parent[nodes], subtree[nodes])
        carrying = np.flatnonzero(has & (subtree > 0))
        size = predecessors.shape[1]
        node = carrying % size
        if self._pair_table is not None:
            pairs = self._pair_table[flat[carrying], node]
        else:
            keys = flat[carrying].astype(np.int64) * size + node
            pairs = np.searchsorted(self._pair_keys, keys)
        flows = np.bincount(chosen[pairs], weights=subtree[carrying], minlength=self._links)
        return flows.astype(np.float64, copy=False)
