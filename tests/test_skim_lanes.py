"""A skim's origins run in parallel lanes: its figures must not depend on the thread count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numba
import numpy as np
import pytest

from caravan import Observatory
from caravan.analysis.routing import Weight
from caravan.analysis.routing import _road_trip_kernels as kernels
from caravan.analysis.routing.skim import SkimMatrices, skim_matrices
from caravan.network import CostSettings

DATE = dt.date(2025, 7, 1)
MATRICES = ("time_h", "time_h_low", "time_h_high", "cost_usd", "length_km", "generalised_usd")


@pytest.fixture
def threads() -> Iterator[int]:
    """numba's default thread count, restored after the test."""
    default = numba.get_num_threads()
    yield default
    numba.set_num_threads(default)


def _full_skim(embedded: Observatory, weight: Weight) -> SkimMatrices:
    router = embedded._router(DATE, CostSettings())
    return skim_matrices(router, sorted(router.snapshot.origin_node), weight)


@pytest.mark.parametrize("weight", [Weight.GENERALISED, Weight.TIME])
def test_a_full_skim_is_identical_bit_for_bit_on_one_thread_and_on_all(
    embedded: Observatory, threads: int, weight: Weight
) -> None:
    numba.set_num_threads(1)
    alone = _full_skim(embedded, weight)
    numba.set_num_threads(threads)
    side_by_side = _full_skim(embedded, weight)
    for name in MATRICES:
        one, many = getattr(alone, name), getattr(side_by_side, name)
        assert one.shape == many.shape == (len(alone.place_ids),) * 2
        assert one.tobytes() == many.tobytes(), name
    assert np.isfinite(alone.time_h).sum() > len(alone.place_ids) ** 2 // 2


def test_lanes_follow_the_threads_and_never_outnumber_the_origins(threads: int) -> None:
    numba.set_num_threads(1)
    assert kernels.lane_count(138) == 1
    numba.set_num_threads(threads)
    assert kernels.lane_count(138) == min(threads, 138)
    assert kernels.lane_count(1) == 1
    assert kernels.lane_count(0) == 1
