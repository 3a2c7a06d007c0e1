"""Waiting for the next train from published departure frequencies (``rail_services.csv``).

Hand-worked numbers on the synthetic dataset with the time assumptions of
``test_time_model`` (formation 5 h, interior origin dwell 30 h, general spread 0.5–1.1):
one train a week is a 168-h headway, so a container waits 84 h on average, none at best
and 168 h at worst.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caravan import Observatory
from caravan.analysis.routing.itinerary import Itinerary, LegKind
from caravan.api import LinkMode, Weight
from caravan.model import RailService
from caravan.network.departures import departures_in_force, wait_range_h
from caravan.network.timemodel import WAIT_NAME, TimeModel
from caravan.store.validate import validate_data
from test_time_model import MONDAY, _append, timed

__all__ = ["timed"]  # the fixture, imported to be used here

HEADER = "origin_id,towards,trains_per_week,valid_from,valid_until,source,note"


def _service(origin: str, trains: float, start: str, until: str | None = None) -> RailService:
    return RailService(
        origin_id=origin,
        towards="central-asia",
        trains_per_week=trains,
        valid_from=dt.date.fromisoformat(start),
        valid_until=dt.date.fromisoformat(until) if until else None,
        source=("src-test-atlas",),
    )


def _with_services(mini_dir: Path, tmp_path: Path, lines: list[str], name: str) -> Observatory:
    _append(mini_dir / "rail_services.csv", lines)
    return Observatory.open(tmp_path / f"{name}.sqlite", mini_dir)


def _xian_to_khorgos(
    timed: Observatory, mini_dir: Path, tmp_path: Path, line: str, name: str
) -> tuple[Itinerary, Itinerary]:
    """The best rail route Xi'an → Khorgos by time without and with one service row."""
    through = {"modes": [LinkMode.RAIL], "by": Weight.TIME, "date": MONDAY}
    before = timed.route("cn-xian", "cn-khorgos", **through).best  # type: ignore[arg-type]
    served = _with_services(mini_dir, tmp_path, [line], name)
    try:
        after = served.route("cn-xian", "cn-khorgos", **through).best  # type: ignore[arg-type]
    finally:
        served.close()
    return before, after


def test_one_train_a_week_waits_84_hours_typical_none_low_a_week_high() -> None:
    assert wait_range_h(1.0) == (0.0, 84.0, 168.0)
    assert wait_range_h(7.0) == pytest.approx((0.0, 12.0, 24.0))


def test_the_row_in_force_is_the_latest_started_until_it_expires() -> None:
    rows = [
        _service("cn-xian", 0.5, "2013-11-28", "2014-06-30"),
        _service("cn-xian", 0.7, "2014-07-01", "2014-12-31"),
        _service("cn-lanzhou", 2.0, "2019-01-01"),
        _service("cn-lanzhou", 4.0, "2023-01-01"),
    ]
    assert departures_in_force(rows, dt.date(2013, 1, 1)) == {}
    assert departures_in_force(rows, dt.date(2014, 3, 1))["cn-xian"].value == 0.5
    assert departures_in_force(rows, dt.date(2014, 7, 1))["cn-xian"].value == 0.7
    later = departures_in_force(rows, dt.date(2020, 7, 1))
    assert "cn-xian" not in later  # the 2014 schedule expired: no frequency, no wait
    assert later["cn-lanzhou"].value == 2.0  # a row without an end holds until the next
    assert departures_in_force(rows, dt.date(2024, 7, 1))["cn-lanzhou"].value == 4.0
    assert later["cn-lanzhou"].sources == ("src-test-atlas",)


def test_the_most_frequent_service_in_force_is_taken() -> None:
    rows = [
        _service("cn-xian", 1.0, "2020-01-01"),
        RailService(
            origin_id="cn-xian",
            towards="kz",
            trains_per_week=3.0,
            valid_from=dt.date(2020, 1, 1),
            source=("src-test-atlas",),
        ),
    ]
    assert departures_in_force(rows, dt.date(2021, 1, 1))["cn-xian"].value == 3.0


def test_a_rail_origin_with_one_train_a_week_waits_84_hours(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    before, best = _xian_to_khorgos(
        timed, mini_dir, tmp_path, "cn-xian,kz,1,2025-01-01,,src-test-atlas,synthetic", "weekly"
    )
    start = best.legs[0]
    assert start.kind == LegKind.TERMINAL
    # formation 5 h + interior origin dwell 30 h + half of a 168-h headway
    assert start.time_h == pytest.approx(5.0 + 30.0 + 84.0)
    # the dwell keeps the general spread (0.5, 1.1); the wait runs from none to a week
    assert (start.time_h_low, start.time_h_high) == pytest.approx((17.5, 38.5 + 168.0))
    assert "src-test-atlas" in start.sources
    assert best.time_h == pytest.approx(before.time_h + 84.0)


def test_before_its_valid_from_a_frequency_adds_no_wait(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    before, best = _xian_to_khorgos(
        timed, mini_dir, tmp_path, "cn-xian,kz,1,2026-01-01,,src-test-atlas,synthetic", "future"
    )
    assert best.time_h == pytest.approx(before.time_h)


def test_a_rail_to_rail_continuation_waits_for_no_departure(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    through = {"modes": [LinkMode.RAIL], "by": Weight.TIME, "date": MONDAY}
    before = timed.route("cn-xian", "kz-almaty", **through).best  # type: ignore[arg-type]
    served = _with_services(
        mini_dir,
        tmp_path,
        ["cn-khorgos,kz,1,2025-01-01,,src-test-atlas,synthetic"],
        "through",
    )
    try:
        after = served.route("cn-xian", "kz-almaty", **through).best  # type: ignore[arg-type]
        starting = served.route("cn-khorgos", "kz-almaty", **through).best  # type: ignore[arg-type]
        unserved = timed.route("cn-khorgos", "kz-almaty", **through).best  # type: ignore[arg-type]
    finally:
        served.close()
    # a train passing Khorgos does not wait for Khorgos's departures ...
    assert after.time_h == pytest.approx(before.time_h)
    # ... a container starting there does
    assert starting.time_h == pytest.approx(unserved.time_h + 84.0)


def test_a_published_frequency_replaces_the_estimated_truck_to_train_wait(
    timed: Observatory, mini_dir: Path, tmp_path: Path
) -> None:
    plain = TimeModel.from_knowledge_base(timed.kb, MONDAY)
    assert [p.name for p in plain.mode_change_h("kz-almaty", "kz", True)] == [
        "road_rail_departure_wait_h"
    ]
    served = _with_services(
        mini_dir, tmp_path, ["kz-almaty,uz,7,2025-01-01,,src-test-atlas,synthetic"], "daily"
    )
    try:
        model = TimeModel.from_knowledge_base(served.kb, MONDAY)
    finally:
        served.close()
    assert model.mode_change_h("kz-almaty", "kz", True) == ()
    waits = [p for p in model.rail_end_h("kz-almaty", "kz", True) if p.name == WAIT_NAME]
    assert [w.value for w in waits] == [pytest.approx(12.0)]  # seven a week: 24-h headway
    assert not [p for p in model.rail_end_h("kz-almaty", "kz", False) if p.name == WAIT_NAME]


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ("cn-xian,kz,0,2025-01-01,,src-test-atlas,none a week", "trains_per_week", "greater"),
        ("cn-xian,kz,two,2025-01-01,,src-test-atlas,not a number", "trains_per_week", "number"),
        ("cn-nowhere,kz,1,2025-01-01,,src-test-atlas,unknown place", "origin_id", "cn-nowhere"),
        ("cn-xian,atlantis,1,2025-01-01,,src-test-atlas,unknown goal", "towards", "atlantis"),
        ("cn-xian,kz,1,2025-01-01,2024-01-01,src-test-atlas,ends first", "valid_until", "before"),
        ("cn-xian,kz,1,2025-13-01,,src-test-atlas,no such month", "valid_from", "date"),
    ],
)
def test_a_malformed_row_is_reported_with_file_row_field_and_reason(
    mini_dir: Path, line: str, field: str, reason: str
) -> None:
    (mini_dir / "rail_services.csv").write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    report = validate_data(mini_dir)
    found = [i for i in report.issues if i.file == "rail_services.csv"]
    assert len(found) == 1, report.issues
    (issue,) = found
    assert (issue.row, issue.field) == (2, field)
    assert reason in issue.reason.lower()


def test_the_embedded_frequencies_are_valid_and_sourced() -> None:
    from caravan.store import default_data_dir

    report = validate_data(default_data_dir())
    assert not [i for i in report.issues if i.file == "rail_services.csv"]
    rows = [r.record for r in report.records["rail_services"]]
    assert rows
    assert all(isinstance(r, RailService) and r.source for r in rows)
