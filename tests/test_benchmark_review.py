"""benchmarks/review.py runs end to end on a small load: both sides of each step are timed."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from benchmark_scripts import benchmark_script


@pytest.fixture(scope="module")
def review_benchmark() -> Iterator[ModuleType]:
    yield from benchmark_script("review")


def test_the_review_benchmark_times_every_side_of_both_steps(review_benchmark: ModuleType) -> None:
    times = review_benchmark.measure(files=2, rounds=1)
    assert sorted(times) == sorted(
        ["read and propose", "ingest into the queue", "record_status_event", "accept_proposal"]
    )
    assert all(len(seconds) == 1 and seconds[0] > 0 for seconds in times.values())
    report = review_benchmark.table(times, files=2, rounds=1)
    assert "| ingest | the same, stored in the queue |" in report
    assert "| accept | accept_proposal |" in report
