"""Gradient projection on compiled kernels, per pair, for BPR and queue links alike.

Same method as ``_paths`` but with the Gauss–Seidel order of Jayakrishnan et al. (1994)
taken down to single pairs: each pair's Newton shift moves the link flows, costs and
derivatives at once, so the next pair sees them (no line search: a lone pair's Newton
step on its non-shared links rarely overshoots, and the next sweep corrects it). Per
iterate, one Dijkstra per origin at the iterate's costs gives the gap and new columns;
``SWEEPS`` shift sweeps over all pairs follow. The arrays live in ``_PathArrays`` and grow
(doubling) when a kernel reports it ran out of room. Each link's volume–delay function
reaches the kernels as a kind code and a row of parameters (``link_functions``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment import _path_kernels as kernels
from caravan.analysis.assignment._costs import LinkCosts
from caravan.analysis.assignment._loading import ShortestPathLoader
from caravan.analysis.assignment.network import AssignmentNetwork

__all__ = ["CompiledPaths", "link_functions"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Shift sweeps over all pairs per shortest-path round.
SWEEPS = 8
#: Compact the path storage when it holds this many times the live entries.
_GARBAGE_RATIO = 3
#: Starting room: path slots per pair and link entries per path (both grow by doubling).
_START_SLOTS = 4
_START_LENGTH = 10


def link_functions(costs: LinkCosts, links: int) -> tuple[IntArray, FloatArray]:
    """Each link's volume–delay kind code and its row of parameters, as the kernels read them."""
    kind = np.full(links, kernels.BPR, dtype=np.int64)
    parameters = np.zeros((links, kernels.PARAMETER_COUNT))
    parameters[:, kernels.BASE] = costs.base
    parameters[:, kernels.COEFFICIENT] = costs.coefficient
    parameters[:, kernels.POWER] = costs.power
    queues = costs.queues
    if queues is not None and costs.queue_capacity is not None:
        kind[queues.link] = kernels.QUEUE
        parameters[queues.link, kernels.COEFFICIENT] = 0.0
        parameters[queues.link, kernels.PERIOD] = queues.period
        parameters[queues.link, kernels.CAPACITY] = costs.queue_capacity
        parameters[queues.link, kernels.SCALE] = queues.scale()
    return kind, parameters


def _grown(array: npt.NDArray[np.generic], size: int) -> npt.NDArray[np.generic]:
    """``array`` copied into a zero-padded array of ``size`` elements."""
    bigger = np.zeros(size, dtype=array.dtype)
    bigger[: array.size] = array
    return bigger


@dataclass
class _PathArrays:
    """Flat path storage (see ``_path_kernels``) and the counts in use."""

    pair_paths: IntArray
    pair_count: IntArray
    path_start: IntArray
    path_length: IntArray
    path_flow: FloatArray
    entries: IntArray
    used: IntArray  # [paths, entries]

    @classmethod
    def empty(cls, pairs: int) -> _PathArrays:
        """Room for ``_START_SLOTS`` paths per pair of ``_START_LENGTH`` links, to start with."""
        paths = _START_SLOTS * pairs + 16
        return cls(
            np.zeros((pairs, _START_SLOTS), dtype=np.int64),
            np.zeros(pairs, dtype=np.int64),
            np.zeros(paths, dtype=np.int64),
            np.zeros(paths, dtype=np.int64),
            np.zeros(paths),
            np.zeros(_START_LENGTH * paths, dtype=np.int64),
            np.zeros(2, dtype=np.int64),
        )

    def grow(self) -> None:
        """Double whatever is full or nearly so: path slots per pair, paths, entries."""
        if (self.pair_count >= self.pair_paths.shape[1]).any():
            wider = np.zeros((self.pair_paths.shape[0], 2 * self.pair_paths.shape[1]), np.int64)
            wider[:, : self.pair_paths.shape[1]] = self.pair_paths
            self.pair_paths = wider
        if self.used[0] + self.pair_count.size > self.path_flow.size // 2:
            size = 2 * self.path_flow.size + self.pair_count.size
            self.path_start = _grown(self.path_start, size)  # type: ignore[assignment]
            self.path_length = _grown(self.path_length, size)  # type: ignore[assignment]
            self.path_flow = _grown(self.path_flow, size)  # type: ignore[assignment]
        self.entries = _grown(self.entries, 2 * self.entries.size)  # type: ignore[assignment]

    def tidy(self) -> None:
        """Copy the live paths into fresh arrays when dropped ones fill most of the space."""
        _, held = kernels.live_sizes(self.pair_paths, self.pair_count, self.path_length)
        if self.used[1] <= _GARBAGE_RATIO * held:
            return
        start = np.zeros(self.path_flow.size, dtype=np.int64)
        length = np.zeros(self.path_flow.size, dtype=np.int64)
        flow = np.zeros(self.path_flow.size)
        entries = np.zeros(self.entries.size, dtype=np.int64)
        kernels.compact(
            self.pair_paths, self.pair_count, self.path_start, self.path_length,
            self.path_flow, self.entries, start, length, flow, entries, self.used,
        )  # fmt: skip
        self.path_start, self.path_length, self.path_flow, self.entries = (
            start,
            length,
            flow,
            entries,
        )

    @property
    def stored(self) -> tuple[IntArray, IntArray, IntArray, IntArray, FloatArray, IntArray]:
        """The arrays in the kernels' argument order."""
        return (
            self.pair_paths,
            self.pair_count,
            self.path_start,
            self.path_length,
            self.path_flow,
            self.entries,
        )


class CompiledPaths:
    """Path sets of every pair with demand, shifted by compiled kernels."""

    def __init__(
        self, network: AssignmentNetwork, loader: ShortestPathLoader, costs: LinkCosts
    ) -> None:
        rows, destinations, demand = loader.od_pairs()
        nodes, links = network.node_count, network.link_count
        self._origin_node = loader.origins.astype(np.int64)
        self._pair_start = np.searchsorted(rows, np.arange(self._origin_node.size + 1)).astype(
            np.int64
        )
        self._destination = destinations.astype(np.int64)
        self.demand = demand
        self._blocked = min(max(network.first_thru_node - 1, 0), network.zone_count)
        order = np.argsort(network.from_node, kind="stable")
        self._out_link = order.astype(np.int64)
        self._out_start = np.searchsorted(network.from_node[order], np.arange(nodes + 1)).astype(
            np.int64
        )
        self._from_node = network.from_node.astype(np.int64)
        self._to_node = network.to_node.astype(np.int64)
        self._kind, self._parameters = link_functions(costs, links)
        self._work_float = np.zeros(nodes + links + 1)
        self._work_int = np.zeros(2 * nodes + links + 1, dtype=np.int64)
        self._paths = _PathArrays.empty(demand.size)
        self.flow = np.zeros(links)
        self.cost = costs.base.astype(np.float64)
        self._slope = np.zeros(links)
        self._in_basic = np.zeros(links, dtype=np.int64)
        self._in_path = np.zeros(links, dtype=np.int64)
        self._stamp = 0

    def generate(self) -> float:
        """Shortest paths at the current costs: new columns; returns Σ demand × distance."""
        first, total = 0, 0.0
        while first < self._origin_node.size:
            first, part = kernels.generate(
                first, self._origin_node, self._pair_start, self._destination, self.demand,
                self._blocked, self._out_start, self._out_link, self._from_node,
                self._to_node, self.cost, *self._paths.stored, self._paths.used,
                self._work_float, self._work_int,
            )  # fmt: skip
            total += part
            if first < self._origin_node.size:
                self._paths.grow()
        return total

    def refresh(self) -> None:
        """Link flows, costs and derivatives recomputed from the path flows."""
        kernels.link_state(
            *self._paths.stored, self._kind, self._parameters, self.flow, self.cost, self._slope,
        )  # fmt: skip

    def sweep(self) -> None:
        """One Gauss–Seidel sweep of Newton shifts over all pairs, then tidy storage."""
        self._stamp = kernels.sweep(
            *self._paths.stored, self._kind, self._parameters, self.flow, self.cost,
            self._slope, self._in_basic, self._in_path, self._stamp,
        )  # fmt: skip
        self._paths.tidy()
