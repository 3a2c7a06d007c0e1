"""Link travel time under congestion (BPR) and the Beckmann objective of a flow pattern.

The BPR function t(x) = t0 · (1 + b · (x / c)^p) is the standard volume-delay function
of the TNTP benchmark networks; the Beckmann objective Σ ∫₀^x t(w) dw is what a user
equilibrium minimises, so it checks flows against a published best-known solution.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["beckmann_objective", "bpr_time"]

Array = npt.NDArray[np.float64]


def bpr_time(
    free_flow_time: Array, b: Array, power: Array, capacity: Array, volume: Array
) -> Array:
    """Travel time per link at the given volumes."""
    ratio = np.divide(volume, capacity, out=np.zeros_like(volume), where=capacity > 0)
    return free_flow_time * (1.0 + b * ratio**power)


def beckmann_objective(
    free_flow_time: Array,
    b: Array,
    power: Array,
    capacity: Array,
    volume: Array,
    fixed_cost: Array | None = None,
) -> float:
    """Σ over links of the integral of the BPR time from 0 to the volume (plus fixed costs × volume)."""
    safe_capacity = np.where(capacity > 0, capacity, 1.0)
    integral = free_flow_time * (
        volume + b * volume ** (power + 1) / ((power + 1) * safe_capacity**power)
    )
    integral = np.where(capacity > 0, integral, free_flow_time * volume)
    if fixed_cost is not None:
        integral = integral + fixed_cost * volume
    return float(integral.sum())
