"""Exact line search on the Beckmann objective along a direction.

Along ``x + τ·d`` the objective is convex in τ and its derivative
``g(τ) = Σ cost(x + τ·d) · d`` is non-decreasing, so the minimiser on [0, 1] is 1 when
g(1) ≤ 0, 0 when g(0) ≥ 0, else the root of g: found by Newton steps kept inside a
bisection bracket (a Newton step that leaves the bracket is replaced by its midpoint).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment._costs import LinkCosts

__all__ = ["exact_step"]

FloatArray = npt.NDArray[np.float64]


def exact_step(
    costs: LinkCosts,
    flow: FloatArray,
    direction: FloatArray,
    *,
    limit: float = 1.0,
    iterations: int = 100,
) -> float:
    """The step τ in [0, limit] minimising the Beckmann objective at ``flow + τ·direction``."""

    def slope(step: float) -> float:
        return float(costs.cost(flow + step * direction) @ direction)

    high_slope = slope(limit)
    if high_slope <= 0.0:
        return limit
    low_slope = slope(0.0)
    if low_slope >= 0.0:
        return 0.0
    low, high = 0.0, limit
    scale = float(np.abs(costs.cost(flow) * direction).sum()) or 1.0
    step = limit * low_slope / (low_slope - high_slope)  # secant start
    for _ in range(iterations):
        trial = flow + step * direction
        value = float(costs.cost(trial) @ direction)
        if abs(value) <= 1e-15 * scale:
            return step
        if value < 0.0:
            low = step
        else:
            high = step
        if high - low <= 1e-15 * max(high, 1e-300):
            break
        curvature = float(costs.derivative(trial) @ (direction * direction))
        newton = step - value / curvature if curvature > 0.0 else -1.0
        step = newton if low < newton < high else 0.5 * (low + high)
    return 0.5 * (low + high)
