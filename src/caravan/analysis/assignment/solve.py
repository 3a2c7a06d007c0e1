"""User-equilibrium assignment: all-or-nothing, MSA, the Frank–Wolfe family, and paths.

Every method starts from the all-or-nothing loading at free-flow cost (iterate 1). At each
iterate ``x`` the link costs give the all-or-nothing loading ``y``, whose cost is the
shortest-path total; the **relative gap** ``(c(x)·x − c(x)·y) / c(x)·x`` measures how far
``x`` is from equilibrium (0 at it). The next iterate moves towards a search point ``s``:

- MSA: ``s = y`` with step ``1 / (k + 1)``;
- Frank–Wolfe: ``s = y`` with the exact step on the Beckmann objective;
- conjugate Frank–Wolfe: ``s`` mixes ``y`` with the previous search point so that the
  direction is conjugate to the previous one under the objective's (diagonal) Hessian;
- bi-conjugate Frank–Wolfe: conjugate to the previous two (Mitradjieva & Lindberg 2013,
  "The stiff is moving — conjugate direction Frank–Wolfe methods with applications to
  traffic assignment", Transportation Science 47(2)).

Gradient projection (path-based) keeps path flows per origin–destination pair instead,
shifting flow to each pair's shortest path with a Newton step; it measures the same gap
from shortest-path trees. It runs on compiled kernels, pair by pair (``_compiled_paths``),
for BPR and queue links alike; on arrays, origin by origin (``_paths``), when numba cannot
be imported or the spec says ``compiled=False``.

A conjugate direction that is not a descent direction, or follows a full step (which
erases the history the conjugacy refers to), is replaced by the Frank–Wolfe one.

Errors::

    CaravanError
    └── ConvergenceError(RuntimeError)   target gap not reached; carries the result
"""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment._costs import LinkCosts
from caravan.analysis.assignment._line_search import exact_step
from caravan.analysis.assignment._loading import ShortestPathLoader
from caravan.analysis.assignment._paths import PathSet, sum_by
from caravan.analysis.assignment.network import AssignmentNetwork
from caravan.analysis.assignment.spec import Algorithm, AssignmentSpec, OnMiss
from caravan.errors import CaravanError, InvalidQueryError

__all__ = [
    "AssignmentResult",
    "ConvergenceError",
    "ConvergenceWarning",
    "IterationRecord",
    "all_or_nothing",
    "assign",
]

FloatArray = npt.NDArray[np.float64]

#: Largest weight kept on the previous search point in a conjugate direction (a weight of
#: 1 would repeat the previous direction and stall).
_MAX_CONJUGATE_WEIGHT = 1.0 - 1e-6
#: Gauss–Seidel sweeps of path shifts per shortest-path computation in gradient projection
#: (on Sioux Falls to 1e-10: 1 sweep 427 iterates, 1.2 s; 5 sweeps 31 iterates, 0.4 s).
_INNER_SWEEPS = 5
#: A step this close to 1 restarts the conjugate history.
_FULL_STEP = 1.0 - 1e-12


@dataclass(frozen=True)
class IterationRecord:
    """One iterate: its number (1 = first loading), relative gap, the step that made it,
    and the Beckmann objective there."""

    iteration: int
    relative_gap: float
    step: float
    objective: float


@dataclass(frozen=True, eq=False)
class AssignmentResult:
    """Link flows and costs at the last iterate, and how the run got there.

    ``time`` is the BPR travel time, ``cost`` adds the fixed cost (what routes minimise);
    ``utilisation`` is flow over capacity, NaN on uncapacitated links.
    """

    algorithm: Algorithm
    flow: FloatArray
    time: FloatArray
    cost: FloatArray
    utilisation: FloatArray
    objective: float
    relative_gap: float
    target_gap: float
    converged: bool
    history: tuple[IterationRecord, ...]

    @property
    def iterations(self) -> int:
        """Number of iterates computed."""
        return len(self.history)

    def history_rows(self) -> list[dict[str, float]]:
        """The convergence history as table rows."""
        return [
            {
                "iteration": r.iteration,
                "relative_gap": r.relative_gap,
                "step": r.step,
                "objective": r.objective,
            }
            for r in self.history
        ]


class ConvergenceError(RuntimeError, CaravanError):
    """An assignment that missed its target gap within its iteration limit.

    ``result`` holds the last iterate and the whole history, so the work is not lost.
    """

    def __init__(self, result: AssignmentResult) -> None:
        self.result = result
        super().__init__(_miss_message(result))


class ConvergenceWarning(UserWarning):
    """Emitted instead of :class:`ConvergenceError` when the spec says ``on_miss="warn"``."""


def _miss_message(result: AssignmentResult) -> str:
    advice = (
        "raise max_iterations"
        if result.algorithm is Algorithm.GRADIENT_PROJECTION
        else "raise max_iterations or choose biconjugate_frank_wolfe (or, for gaps of "
        "1e-8 and below, gradient_projection)"
    )
    return (
        f"{result.algorithm.value} reached relative gap {result.relative_gap:.3e} after "
        f"{result.iterations} iteration(s), short of the target {result.target_gap:.1e}; "
        f"{advice}"
    )


def _checked_demand(network: AssignmentNetwork, demand: FloatArray) -> FloatArray:
    matrix = np.asarray(demand, dtype=np.float64)
    zones = network.zone_count
    if matrix.shape != (zones, zones):
        raise InvalidQueryError(
            f"demand has shape {matrix.shape}, expected ({zones}, {zones}) for the "
            f"network's {zones} zones"
        )
    bad = ~np.isfinite(matrix) | (matrix < 0)
    if bad.any():
        row, column = (int(i) for i in np.argwhere(bad)[0])
        raise InvalidQueryError(
            f"demand from zone {row} to zone {column} is {float(matrix[row, column])!r}: "
            "demand must be finite and non-negative"
        )
    return matrix


def all_or_nothing(
    network: AssignmentNetwork, demand: FloatArray, cost: FloatArray | None = None
) -> FloatArray:
    """Link flows of loading ``demand`` on shortest paths at ``cost`` (free flow when None)."""
    loader = ShortestPathLoader(network, _checked_demand(network, demand))
    weights = LinkCosts.of(network).base if cost is None else np.asarray(cost, dtype=np.float64)
    loader.check_reachable(weights)
    return loader.load(weights)


class _Directions:
    """Search points of the Frank–Wolfe family, keeping the two previous ones."""

    def __init__(self, algorithm: Algorithm) -> None:
        self.algorithm = algorithm
        self.previous: FloatArray | None = None
        self.before: FloatArray | None = None
        self.last_step = 1.0

    def search_point(
        self, costs: LinkCosts, flow: FloatArray, loading: FloatArray, cost: FloatArray
    ) -> FloatArray:
        """The point to move towards from ``flow``, given the all-or-nothing ``loading``."""
        if self.algorithm in (Algorithm.MSA, Algorithm.FRANK_WOLFE) or self.previous is None:
            return loading
        if self.last_step >= _FULL_STEP:
            self.before = None
            return loading
        hessian = costs.derivative(flow)
        to_loading = loading - flow
        along = self.previous - flow
        point: FloatArray
        if self.algorithm is Algorithm.CONJUGATE_FRANK_WOLFE or self.before is None:
            numerator = float(along @ (hessian * to_loading))
            denominator = float(along @ (hessian * (loading - self.previous)))
            weight = max(numerator / denominator if denominator != 0.0 else 0.0, 0.0)
            if weight > _MAX_CONJUGATE_WEIGHT:  # would all but repeat the last direction
                self.before = None
                return loading
            point = weight * self.previous + (1.0 - weight) * loading
        else:
            step = self.last_step
            combined = step * self.previous + (1.0 - step) * self.before - flow
            denominator = float(combined @ (hessian * (self.before - self.previous)))
            mu = -float(combined @ (hessian * to_loading)) / denominator if denominator else 0.0
            mu = max(mu, 0.0)
            curvature = float(along @ (hessian * along))
            nu = -float(along @ (hessian * to_loading)) / curvature if curvature else 0.0
            nu = max(nu + mu * step / (1.0 - step), 0.0)
            beta = 1.0 / (1.0 + mu + nu)
            point = beta * loading + nu * beta * self.previous + mu * beta * self.before
        if float(cost @ (point - flow)) >= 0.0:  # not a descent direction: plain FW
            self.before = None
            return loading
        return point

    def moved(self, point: FloatArray, step: float) -> None:
        """Remember the search point and the step taken towards it."""
        self.before, self.previous, self.last_step = self.previous, point, step


def assign(
    network: AssignmentNetwork, demand: FloatArray, spec: AssignmentSpec
) -> AssignmentResult:
    """Assign ``demand`` (zones × zones) to ``network`` as ``spec`` says.

    Returns the result when the relative gap reaches ``spec.target_gap``; otherwise raises
    :class:`ConvergenceError` carrying the result, or, with ``on_miss="warn"``, returns it
    after a :class:`ConvergenceWarning`. Raises :class:`~caravan.errors.NoRouteError` when
    demand has no path and :class:`~caravan.errors.InvalidQueryError` for a malformed matrix.
    """
    matrix = _checked_demand(network, demand)
    costs = LinkCosts.of(network)
    loader = ShortestPathLoader(network, matrix)
    loader.check_reachable(costs.base)
    if spec.algorithm is Algorithm.GRADIENT_PROJECTION:
        path_flow, path_gap, path_history = _path_based(network, loader, costs, spec)
        return _finish(network, costs, spec, path_flow, path_gap, path_history)
    flow = loader.load(costs.base)
    directions = _Directions(spec.algorithm)
    history: list[IterationRecord] = []
    step = 1.0
    gap = 0.0
    for iteration in range(1, spec.max_iterations + 1):
        cost = costs.cost(flow)
        loading = loader.load(cost)
        total = float(cost @ flow)
        gap = max((total - float(cost @ loading)) / total, 0.0) if total > 0 else 0.0
        history.append(IterationRecord(iteration, gap, step, costs.objective(flow)))
        if (
            gap <= spec.target_gap
            or iteration == spec.max_iterations
            or spec.algorithm is Algorithm.ALL_OR_NOTHING
        ):
            break
        point = directions.search_point(costs, flow, loading, cost)
        if spec.algorithm is Algorithm.MSA:
            step = 1.0 / (iteration + 1)
        else:
            step = exact_step(costs, flow, point - flow)
        directions.moved(point, step)
        flow = flow + step * (point - flow)
    return _finish(network, costs, spec, flow, gap, tuple(history))


def _finish(
    network: AssignmentNetwork,
    costs: LinkCosts,
    spec: AssignmentSpec,
    flow: FloatArray,
    gap: float,
    history: tuple[IterationRecord, ...],
) -> AssignmentResult:
    """The result, or the error or warning of a miss as the spec says."""
    result = _result(network, costs, spec, flow, gap, history)
    if not result.converged:
        if spec.on_miss is OnMiss.RAISE:
            raise ConvergenceError(result)
        warnings.warn(_miss_message(result), ConvergenceWarning, stacklevel=3)
    return result


def _path_based(
    network: AssignmentNetwork,
    loader: ShortestPathLoader,
    costs: LinkCosts,
    spec: AssignmentSpec,
) -> tuple[FloatArray, float, tuple[IterationRecord, ...]]:
    """Gradient projection with column generation (see ``_paths``).

    The compiled per-pair solver of ``_compiled_paths`` runs instead
    (``_compiled_path_based``) unless the spec says ``compiled=False`` or numba is missing.

    Iterate 1 is the all-or-nothing loading at free flow, held as one path per pair. Each
    iterate's shortest-path trees measure its gap (the same definition as for the
    Frank–Wolfe family) and offer every pair its shortest path; ``_INNER_SWEEPS``
    Gauss–Seidel sweeps of Newton shifts over the origins then make the next iterate. The
    recorded step is the mean line-search step of the last sweep.
    """
    links = network.link_count
    if spec.compiled and _numba_available():
        return _compiled_path_based(network, loader, costs, spec)
    rows, destinations, demand = loader.od_pairs()
    paths = PathSet(rows, demand, loader.origins.size, links)
    if demand.size == 0:
        return (
            np.zeros(links),
            0.0,
            (IterationRecord(1, 0.0, 1.0, costs.objective(np.zeros(links))),),
        )
    _, predecessors, chosen = loader.trees(costs.base)
    flow = paths.start(*loader.tree_paths(predecessors, chosen, rows, destinations))
    history: list[IterationRecord] = []
    step = 1.0
    gap = 0.0
    for iteration in range(1, spec.max_iterations + 1):
        cost = costs.cost(flow)
        _, predecessors, chosen = loader.trees(cost)
        entry_pair, entry_link = loader.tree_paths(predecessors, chosen, rows, destinations)
        tree_cost = sum_by(entry_pair, cost[entry_link], demand.size)
        total = float(cost @ flow)
        gap = max((total - float(demand @ tree_cost)) / total, 0.0) if total > 0 else 0.0
        history.append(IterationRecord(iteration, gap, step, costs.objective(flow)))
        if gap <= spec.target_gap or iteration == spec.max_iterations:
            break
        paths.generate(cost, entry_pair, entry_link, tree_cost)
        for _ in range(_INNER_SWEEPS):
            flow, step = paths.equilibrate(costs, flow)
        flow = paths.link_flow()
    return flow, gap, tuple(history)


def _numba_available() -> bool:
    """Whether numba, which the compiled kernels need, can be imported."""
    return importlib.util.find_spec("numba") is not None


def _compiled_path_based(
    network: AssignmentNetwork, loader: ShortestPathLoader, costs: LinkCosts, spec: AssignmentSpec
) -> tuple[FloatArray, float, tuple[IterationRecord, ...]]:
    """Gradient projection per pair on compiled kernels (``_compiled_paths``), any VDF kinds.

    Iterate 1 is the all-or-nothing loading at free flow; each iterate's Dijkstra round
    measures its gap and offers new columns, then ``SWEEPS`` shift sweeps make the next
    iterate. No line search scales the shifts, so the recorded step is 1.
    """
    from caravan.analysis.assignment._compiled_paths import SWEEPS, CompiledPaths

    paths = CompiledPaths(network, loader, costs)
    paths.generate()  # at free-flow costs, every pair's first path carries its demand
    history: list[IterationRecord] = []
    gap = 0.0
    for iteration in range(1, spec.max_iterations + 1):
        paths.refresh()
        shortest = paths.generate()
        total = float(paths.cost @ paths.flow)
        gap = max((total - shortest) / total, 0.0) if total > 0 else 0.0
        history.append(IterationRecord(iteration, gap, 1.0, costs.objective(paths.flow)))
        if gap <= spec.target_gap or iteration == spec.max_iterations:
            break
        for _ in range(SWEEPS):
            paths.sweep()
    return paths.flow.copy(), gap, tuple(history)


def _result(
    network: AssignmentNetwork,
    costs: LinkCosts,
    spec: AssignmentSpec,
    flow: FloatArray,
    gap: float,
    history: tuple[IterationRecord, ...],
) -> AssignmentResult:
    cost = costs.cost(flow)
    capacity = network.capacity
    utilisation = np.divide(flow, capacity, out=np.full(flow.size, np.nan), where=capacity > 0)
    return AssignmentResult(
        algorithm=spec.algorithm,
        flow=flow,
        time=cost - network.fixed_cost,
        cost=cost,
        utilisation=utilisation,
        objective=costs.objective(flow),
        relative_gap=gap,
        target_gap=spec.target_gap,
        converged=gap <= spec.target_gap,
        history=history,
    )
