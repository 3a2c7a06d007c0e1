"""Link cost, its derivative and integral for BPR and queue links plus fixed costs, on arrays.

The coefficient ``free_flow_time · b / capacity ** power`` is computed once, and a power
shared by every link (4 on the TNTP networks) is applied as a scalar exponent, which numpy
evaluates several times faster than an array of exponents. Queue links (``queueing``) have
a BPR coefficient of 0 and add their waiting time, its derivative and its integral.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.analysis.assignment.network import AssignmentNetwork
from caravan.analysis.assignment.queueing import QueueDelay

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
    queues: QueueDelay | None = None
    queue_capacity: FloatArray | None = None

    @classmethod
    def of(cls, network: AssignmentNetwork) -> LinkCosts:
        """Precompute the coefficients of a network's links."""
        capacity = network.capacity
        powers = network.power
        safe = np.where(capacity > 0, capacity, 1.0)
        coefficient = np.where(capacity > 0, network.free_flow_time * network.b / safe**powers, 0.0)
        queues = network.queues if network.queues and network.queues.link.size else None
        if queues is not None:
            coefficient[queues.link] = 0.0
            powers = powers.copy()
            powers[queues.link] = powers[0] if powers.size else 1.0  # unused there
        shared = powers.size > 0 and bool((powers == powers[0]).all())
        power: FloatArray | float = float(powers[0]) if shared else powers
        return cls(
            network.free_flow_time + network.fixed_cost,
            network.free_flow_time,
            network.fixed_cost,
            coefficient,
            power,
            queues,
            capacity[queues.link] if queues is not None else None,
        )

    def cost(self, flow: FloatArray) -> FloatArray:
        """Generalised cost per link at ``flow``."""
        cost = self.base + self.coefficient * np.power(flow, self.power)
        if self.queues is not None and self.queue_capacity is not None:
            link = self.queues.link
            cost[link] += self.queues.wait(flow[link], self.queue_capacity)
        return cost

    def derivative(self, flow: FloatArray) -> FloatArray:
        """d cost / d flow per link (0 at zero flow for powers below 1, not inf)."""
        power = self.power
        with np.errstate(divide="ignore", invalid="ignore"):
            value = self.coefficient * power * np.power(flow, np.subtract(power, 1.0))
        slope = np.where(flow > 0, value, np.where(np.equal(power, 1.0), self.coefficient, 0.0))
        if self.queues is not None and self.queue_capacity is not None:
            link = self.queues.link
            slope[link] += self.queues.wait_derivative(flow[link], self.queue_capacity)
        return slope

    def objective(self, flow: FloatArray) -> float:
        """Beckmann objective: Σ ∫₀^x cost(w) dw."""
        power = np.add(self.power, 1.0)
        integral = self.base * flow + self.coefficient * np.power(flow, power) / power
        total = float(integral.sum())
        if self.queues is not None and self.queue_capacity is not None:
            link = self.queues.link
            total += float(self.queues.wait_integral(flow[link], self.queue_capacity).sum())
        return total
