"""Cases without rail: door-to-door or from departure, chosen on made-up train rows.

``benchmarks/nonrail_pairing.py`` picks the comparison with the least mean absolute error
(door-to-door on a tie) and applies it only where a routed case runs no rail.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from benchmark_scripts import benchmark_script


@pytest.fixture(scope="module")
def pairing() -> Iterator[ModuleType]:
    """The module under test, imported from benchmarks/."""
    yield from benchmark_script("nonrail_pairing")


def _row(
    published: float, door: float, departed: float, *, rail_km: float = 0.0, counts: str = ""
) -> dict[str, Any]:
    return {
        "id": f"case-{published}-{door}",
        "kind": "rail_ferry_transit_time_h",
        "split": "train",
        "batch": "1",
        "not_comparable": "",
        "counts_from": counts or "departure",
        "published": published,
        "model": door,
        "error_pct": 100.0 * (door - published) / published,
        "rail_km": rail_km,
        "rail_km_cn": 0.0,
        "from_departure": {
            "model": departed,
            "error_pct": 100.0 * (departed - published) / published,
        },
    }


def test_a_case_without_rail_takes_the_chosen_pairing_a_rail_case_the_rail_one(
    pairing: ModuleType,
) -> None:
    sailing = _row(16.0, 94.0, 9.5)
    train = _row(100.0, 120.0, 80.0, rail_km=500.0)
    assert pairing.compared(sailing, True)["model"] == 9.5
    assert pairing.compared(sailing, False)["model"] == 94.0
    assert pairing.compared(train, True)["model"] == (80.0 if pairing.SHIPPED_PAIRED else 120.0)
    handed_over = _row(16.0, 94.0, 9.5, counts="handover")
    assert pairing.compared(handed_over, True)["model"] == 94.0


def test_the_choice_is_the_least_mean_error_and_door_to_door_on_a_tie(
    pairing: ModuleType,
) -> None:
    assert pairing.choose_nonrail({False: [10.0, -30.0], True: [5.0, -5.0]}) is True
    assert pairing.choose_nonrail({False: [5.0, -5.0], True: [10.0, -30.0]}) is False
    assert pairing.choose_nonrail({False: [10.0], True: [-10.0]}) is False


def test_only_train_cases_without_rail_of_the_batches_are_compared(pairing: ModuleType) -> None:
    rows = [
        _row(16.0, 94.0, 9.5),
        _row(100.0, 120.0, 80.0, rail_km=500.0),
        {**_row(15.0, 94.0, 9.5), "split": "test"},
        {**_row(15.0, 94.0, 9.5), "batch": "10"},
    ]
    assert pairing.nonrail_rows(rows, ("1",)) == rows[:1]
    text = "\n".join(pairing.nonrail_lines(rows[:1]))
    assert "door-to-door 487.5 %, paired 40.6 %" in text
    assert "Least: **paired by counts_from" in text
