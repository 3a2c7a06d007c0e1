"""Rail or road: a binary logit on the generalised-cost difference, and its calibration.

P(road) = 1 / (1 + exp(-(constant - scale * (cost_road - cost_rail)))), per origin and
destination, costs in USD per TEU. The scale is read from the knowledge base; the constant
is fitted so that the road share of trade value matches a published share. A pair reachable
by one mode only goes all by that mode; a pair reachable by neither takes the share the
constant alone gives (the result's notes say how much value that concerns).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.optimize import brentq

from caravan.errors import InvalidQueryError

__all__ = ["fit_road_constant", "road_probability", "road_value_share"]

#: Bounds of the constant searched in calibration (a logit of ±50 is a share of 0 or 1).
CONSTANT_BOUND = 50.0

Matrix = npt.NDArray[np.float64]


def road_probability(cost_road: Matrix, cost_rail: Matrix, constant: float, scale: float) -> Matrix:
    """Probability that freight between each pair goes by road."""
    road_ok, rail_ok = np.isfinite(cost_road), np.isfinite(cost_rail)
    both = road_ok & rail_ok
    difference = np.zeros(np.shape(cost_road))
    difference[both] = cost_road[both] - cost_rail[both]
    utility = np.clip(constant - scale * difference, -700.0, 700.0)
    probability = 1.0 / (1.0 + np.exp(-utility))
    probability = np.where(road_ok & ~rail_ok, 1.0, probability)
    return np.where(rail_ok & ~road_ok, 0.0, probability)


def road_value_share(
    value_usd: Matrix,
    cost_road: Matrix,
    cost_rail: Matrix,
    constant: float,
    scale: float,
    total_usd: float,
) -> float:
    """Share of ``total_usd`` (all trade, pipelines included) that the logit sends by road."""
    probability = road_probability(cost_road, cost_rail, constant, scale)
    return float((value_usd * probability).sum() / total_usd)


def fit_road_constant(
    value_usd: Matrix,
    cost_road: Matrix,
    cost_rail: Matrix,
    scale: float,
    total_usd: float,
    target_share: float,
) -> float:
    """The constant at which the road share of trade value equals ``target_share``."""

    def gap(constant: float) -> float:
        return road_value_share(value_usd, cost_road, cost_rail, constant, scale, total_usd) - (
            target_share
        )

    low, high = gap(-CONSTANT_BOUND), gap(CONSTANT_BOUND)
    if low > 0 or high < 0:
        reachable = (low + target_share, high + target_share)
        raise InvalidQueryError(
            f"a road share of {target_share:.1%} cannot be reached: with this demand and these "
            f"costs the logit gives between {reachable[0]:.1%} and {reachable[1]:.1%}"
        )
    return float(brentq(gap, -CONSTANT_BOUND, CONSTANT_BOUND, xtol=1e-12, rtol=1e-14))
