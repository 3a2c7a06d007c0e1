"""Link cost, its derivative and integral for BPR links plus fixed costs, on arrays.

The coefficient ``free_flow_time · b / capacity ** power`` is computed once, and a power
shared by every link (4 on the TNTP networks) is applied as a scalar exponent, which numpy
evaluates several times faster than an array of exponents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment.network import AssignmentNetwork

__all__ = ["LinkCosts"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class LinkCosts:
    """cost(x) = t0 + fixed + a · x**p with a = t0 · b / capacity**p (0 when uncapacitated)."""

    base: FloatArray  # t0 + fixed
    free_flow_time: FloatArray
    fixed_cost: FloatArray
    coefficient: FloatArray
    power: FloatArray | float

    @classmethod
    def of(cls, network: AssignmentNetwork) -> LinkCosts:
        """Precompute the coefficients of a network's links."""
        capacity = network.capacity
        powers = network.power
        safe = np.where(capacity > 0, capacity, 1.0)
        coefficient = np.where(capacity > 0, network.free_flow_time * network.b / safe**powers, 0.0)
        shared = powers.size > 0 and bool((powers == powers[0]).all())
        power: FloatArray | float = float(powers[0]) if shared else powers
        return cls(
            network.free_flow_time + network.fixed_cost,
            network.free_flow_time,
            network.fixed_cost,
            coefficient,
            power,
        )

    def cost(self, flow: FloatArray) -> FloatArray:
        """Generalised cost per link at ``flow``."""
        return self.base + self.coefficient * np.power(flow, self.power)

    def derivative(self, flow: FloatArray) -> FloatArray:
        """d cost / d flow per link (0 at zero flow for powers below 1, not inf)."""
        power = self.power
        with np.errstate(divide="ignore", invalid="ignore"):
            value = self.coefficient * power * np.power(flow, np.subtract(power, 1.0))
        return np.where(flow > 0, value, np.where(np.equal(power, 1.0), self.coefficient, 0.0))

    def objective(self, flow: FloatArray) -> float:
        """Beckmann objective: Σ ∫₀^x cost(w) dw."""
        power = np.add(self.power, 1.0)
        integral = self.base * flow + self.coefficient * np.power(flow, power) / power
        return float(integral.sum())
