"""A queueing volume–delay function for capacity-limited elements (border crossings).

Akçelik's time-dependent delay (R. Akçelik 1991, "Travel time functions for transport
planning purposes: Davidson's function, its time-dependent form and an alternative travel
time function", Australian Road Research 21(3): 49–59) adds to the free-flow time the
waiting of a queue served at ``capacity`` over a flow period ``T``::

    wait(x) = (T / 4) · [(z − 1) + √((z − 1)² + 8 J z / N)],   z = x / capacity

with ``N`` the vehicles the element serves in the period (capacity × T) and ``J`` the
delay parameter. Below capacity it tends to the steady-state queue ``J z / (capacity (1 −
z))`` (``J = 0.5`` gives the M/D/1 wait of a deterministic server); above capacity it tends
to the deterministic queue that builds over the period, ``T (z − 1) / 2`` on average. It is
finite, smooth, convex and increasing for every flow, so the Frank–Wolfe line search and
the Beckmann objective need no capacity asymptote (unlike Davidson's function).

The Beckmann integral is closed-form: with ``R(z) = z² + (k − 2) z + 1`` and ``k = 8J/N``,
``∫√R dz = (2z + k − 2) √R / 4 + k (4 − k) / 8 · ln(2√R + 2z + k − 2)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caravan.errors import InvalidQueryError

__all__ = ["QueueDelay"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class QueueDelay:
    """The links whose delay is Akçelik's queueing function instead of BPR.

    ``period`` is T in the network's time unit; ``served_per_period`` is N, the flow units
    the link serves in T (capacity × T in the flow's own time unit); ``delay_parameter`` is J.
    """

    link: IntArray
    period: FloatArray
    served_per_period: FloatArray
    delay_parameter: FloatArray

    def __post_init__(self) -> None:
        size = self.link.size
        for name in ("period", "served_per_period", "delay_parameter"):
            values = getattr(self, name)
            if values.shape != (size,):
                raise InvalidQueryError(
                    f"queue {name} has shape {values.shape}, expected ({size},)"
                )
            if size and not (np.isfinite(values).all() and (values > 0).all()):
                raise InvalidQueryError(f"queue {name} must be finite and positive")
        if np.unique(self.link).size != size:
            raise InvalidQueryError("a link is listed twice among the queue links")

    def problems(self, link_count: int, capacity: FloatArray) -> list[str]:
        """Ways these queue links break their network's rules (empty when valid)."""
        if self.link.size == 0:
            return []
        if self.link.min() < 0 or self.link.max() >= link_count:
            return [f"a queue link lies outside 0..{link_count - 1}"]
        uncapacitated = self.link[capacity[self.link] <= 0]
        if uncapacitated.size:
            return [f"queue link {int(uncapacitated[0])} has no capacity"]
        return []

    def scale(self) -> FloatArray:
        """k = 8 J / N per queue link."""
        return 8.0 * self.delay_parameter / self.served_per_period

    def wait(self, flow: FloatArray, capacity: FloatArray) -> FloatArray:
        """Waiting time per queue link at ``flow`` (its own links' flows), in T's unit."""
        z = flow / capacity
        k = self.scale()
        root = np.sqrt((z - 1.0) ** 2 + k * z)
        # (z − 1) + √R, written without cancellation below capacity
        with np.errstate(divide="ignore", invalid="ignore"):
            below = k * z / (root - (z - 1.0))
        bracket = np.where(z < 1.0, below, (z - 1.0) + root)
        return 0.25 * self.period * bracket

    def wait_derivative(self, flow: FloatArray, capacity: FloatArray) -> FloatArray:
        """d wait / d flow per queue link."""
        z = flow / capacity
        k = self.scale()
        root = np.sqrt((z - 1.0) ** 2 + k * z)
        return 0.25 * self.period / capacity * (1.0 + (z - 1.0 + 0.5 * k) / root)

    def wait_integral(self, flow: FloatArray, capacity: FloatArray) -> FloatArray:
        """∫₀^flow wait(w) dw per queue link (its part of the Beckmann objective)."""
        z = flow / capacity
        k = self.scale()
        linear = 0.5 * (z - 1.0) ** 2 - 0.5
        return (
            0.25
            * self.period
            * capacity
            * (linear + _root_integral(z, k) - _root_integral(0.0 * z, k))
        )


def _root_integral(z: FloatArray, k: FloatArray) -> FloatArray:
    """An antiderivative of √(z² + (k − 2) z + 1) in z (k > 0)."""
    b = k - 2.0
    root = np.sqrt(z * z + b * z + 1.0)
    return (2.0 * z + b) * root / 4.0 + (4.0 - b * b) / 8.0 * np.log(2.0 * root + 2.0 * z + b)
