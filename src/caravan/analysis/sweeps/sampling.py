"""Drawing the inputs' values: seeded Monte Carlo (each draw on its own) or a grid.

A Monte Carlo draw ``i`` uses its own generator, seeded by ``(seed, i)``, so one draw is
reproduced without the others and adding draws never changes the earlier ones. A grid
takes, for a continuous input, ``points`` quantiles at the middles of equal-probability
slices of its distribution (so a triangular input's grid keeps its shape), and every value
of a choice; draw ``i`` is the ``i``-th combination, the last input varying fastest.
"""

from __future__ import annotations

import math

import numpy as np

from caravan.analysis.sweeps.spec import (
    ChoiceDistribution,
    SamplingMethod,
    SweepSpec,
    TriangularDistribution,
    UniformDistribution,
)

__all__ = ["draw_values", "grid_values", "quantile"]

AnyDistribution = UniformDistribution | TriangularDistribution | ChoiceDistribution


def quantile(distribution: UniformDistribution | TriangularDistribution, p: float) -> float:
    """The value below which a share ``p`` (0–1) of the distribution lies."""
    low, high = distribution.low, distribution.high
    if isinstance(distribution, UniformDistribution):
        return low + p * (high - low)
    mode = distribution.mode
    cut = (mode - low) / (high - low)
    if p <= cut:
        return low + math.sqrt(p * (high - low) * (mode - low))
    return high - math.sqrt((1 - p) * (high - low) * (high - mode))


def grid_values(distribution: AnyDistribution, points: int) -> tuple[float, ...]:
    """An input's grid: every choice, or ``points`` mid-slice quantiles."""
    if isinstance(distribution, ChoiceDistribution):
        return distribution.values
    return tuple(quantile(distribution, (k + 0.5) / points) for k in range(points))


def _random_value(distribution: AnyDistribution, rng: np.random.Generator) -> float:
    if isinstance(distribution, UniformDistribution):
        return float(rng.uniform(distribution.low, distribution.high))
    if isinstance(distribution, TriangularDistribution):
        return float(rng.triangular(distribution.low, distribution.mode, distribution.high))
    weights = None
    if distribution.weights is not None:
        total = sum(distribution.weights)
        weights = [w / total for w in distribution.weights]
    index = int(rng.choice(len(distribution.values), p=weights))
    return float(distribution.values[index])


def draw_values(spec: SweepSpec, index: int) -> dict[str, float]:
    """The value of every input in draw ``index`` (0-based), by input name."""
    count = spec.draw_count()
    if not 0 <= index < count:
        raise IndexError(f"draw {index} is outside the sweep's draws 0..{count - 1}")
    if spec.sampling.method == SamplingMethod.MONTE_CARLO:
        rng = np.random.default_rng([spec.sampling.seed, index])
        return {item.name: _random_value(item.distribution, rng) for item in spec.input}
    values: dict[str, float] = {}
    remainder = index
    for item in reversed(spec.input):
        grid = grid_values(item.distribution, spec.sampling.points)
        remainder, position = divmod(remainder, len(grid))
        values[item.name] = grid[position]
    return {item.name: values[item.name] for item in spec.input}
