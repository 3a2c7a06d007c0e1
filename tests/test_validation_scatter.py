"""The floor of the validation: published times' scatter within a trip or corridor.

``benchmarks/validation_scatter.py`` groups made-up cases and measures each one's deviation
from its group's median published time, and counts held-out values inside the model's range.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from benchmark_scripts import benchmark_script


@pytest.fixture(scope="module")
def scatter() -> Iterator[ModuleType]:
    """The module under test, imported from benchmarks/."""
    yield from benchmark_script("validation_scatter")


def _case(
    value: float,
    origin: str = "cn-xian",
    destination: str = "uz-tashkent",
    *,
    kind: str = "rail_transit_time_h",
    crossing: str = "bcp-a",
    statistic: str = "typical",
    not_comparable: str = "",
) -> dict[str, str]:
    return {
        "kind": kind,
        "origin_id": origin,
        "destination_id": destination,
        "mode": "rail",
        "crossing_id": crossing,
        "value": str(value),
        "statistic": statistic,
        "not_comparable": not_comparable,
    }


def test_deviation_is_relative_to_the_median(scatter: ModuleType) -> None:
    assert scatter.deviations([100.0, 150.0, 200.0]) == [100 / 3, 0.0, 100 / 3]
    assert scatter.deviations([100.0, 300.0]) == [50.0, 50.0]


def test_floor_counts_only_groups_of_two_comparable_cases(scatter: ModuleType) -> None:
    cases = [
        _case(100),
        _case(300),
        _case(999, statistic="low"),  # a record: another statistic
        _case(999, not_comparable="a pilot run"),
        _case(50, destination="kz-almaty"),  # alone in its trip
        _case(10, "kz-almaty", "cn-urumqi", kind="road_transit_time_h"),
        _case(12, "kz-almaty", "cn-urumqi", kind="road_transit_time_h"),
        _case(14, "kz-almaty", "cn-urumqi", kind="road_transit_time_h"),
    ]
    floors = scatter.floor_by_kind(cases, scatter.pair_key)
    assert set(floors) == {"rail_transit_time_h", "road_transit_time_h"}
    rail = floors["rail_transit_time_h"]
    assert (rail.groups, rail.cases, rail.median_pct, rail.worst_pct) == (1, 2, 50.0, 50.0)
    road = floors["road_transit_time_h"]
    assert road.cases == 3
    assert road.median_pct == pytest.approx(100 * 2 / 12)
    assert road.worst_pct == pytest.approx(100 * 2 / 12)


def test_corridor_groups_by_crossing_origin_and_destination_country(
    scatter: ModuleType,
) -> None:
    cases = [
        _case(100, destination="uz-tashkent"),
        _case(200, destination="uz-andijan"),  # same country, same crossing: same corridor
        _case(400, destination="uz-termez", crossing="bcp-b"),  # another crossing
        _case(400, destination="uz-termez", crossing=""),  # unnamed crossing: no corridor
    ]
    assert [len(g) for g in scatter.groups(cases, scatter.corridor_key)] == [2]
    floor = scatter.floor_by_kind(cases, scatter.corridor_key)["rail_transit_time_h"]
    assert floor.median_pct == pytest.approx(100 * 50 / 150)
    assert scatter.groups(cases, scatter.pair_key) == [cases[2:]]


def test_coverage_counts_held_out_times_inside_the_range(scatter: ModuleType) -> None:
    rows = [
        {"split": "test", "kind": "rail_transit_time_h", "published": 10, "low": 8, "high": 12},
        {"split": "test", "kind": "rail_transit_time_h", "published": 13, "low": 8, "high": 12},
        {"split": "train", "kind": "rail_transit_time_h", "published": 10, "low": 8, "high": 12},
        {"split": "test", "kind": "rail_distance_km", "published": 10, "low": None, "high": None},
        {"split": "test", "kind": "road_transit_time_h", "published": 8, "low": 8, "high": 9},
        {
            "split": "test",
            "kind": "road_transit_time_h",
            "published": 1,
            "low": 8,
            "high": 9,
            "statistic": "low",
        },  # a record is compared with the low time, not the range
    ]
    assert scatter.coverage(rows) == {"rail_transit_time_h": (1, 2), "road_transit_time_h": (1, 1)}


def test_lines_say_when_the_floor_is_above_the_goal(scatter: ModuleType) -> None:
    high = scatter.scatter_lines([_case(100), _case(300)], [], 15.0, 40.0)
    assert any("no model giving one time per trip meets" in line for line in high)
    low = scatter.scatter_lines([_case(100), _case(110)], [], 15.0, 40.0)
    assert not any("no model giving one time" in line for line in low)


def test_the_header_reads_the_floor_against_the_goal(scatter: ModuleType) -> None:
    above = scatter.floor_paragraph([_case(100), _case(300)], 15.0, 40.0)
    assert "rail_transit_time_h 50.0 %" in above
    assert "no model giving one time per trip can meet" in above
    under = scatter.floor_paragraph([_case(100), _case(110)], 15.0, 40.0)
    assert "does not by itself rule the goal out" in under


def test_least_worst_error_is_the_spread_of_the_group(scatter: ModuleType) -> None:
    # one time for 100 h and 300 h: 150 h errs by 50 % on both; any other time errs by more
    assert scatter.least_worst([100.0, 300.0]) == 50.0
    assert scatter.least_worst([100.0, 200.0, 300.0]) == 50.0
    floor = scatter.floor_by_kind([_case(100), _case(300), _case(120)], scatter.pair_key)
    assert floor["rail_transit_time_h"].least_worst_pct == 50.0


def test_the_goals_worst_is_named_when_no_single_time_meets_it(scatter: ModuleType) -> None:
    wide = scatter.floor_paragraph([_case(100), _case(300)], 15.0, 40.0)
    assert "The goal's worst (40 %) is below" in wide
    lines = scatter.scatter_lines([_case(100), _case(300)], [], 15.0, 40.0)
    assert any("no such model meets the goal's worst" in line for line in lines)
    narrow = scatter.scatter_lines([_case(100), _case(150)], [], 15.0, 40.0)
    assert any("Every least worst error is at or under" in line for line in narrow)
    assert "goal's worst" not in scatter.floor_paragraph([_case(100), _case(150)], 15.0, 40.0)
