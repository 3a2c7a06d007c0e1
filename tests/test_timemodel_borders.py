"""Border rules of the time model: stand-ins by kind of crossing, block trains' clearance.

Also the validation's routing of a multimodal case leg by leg as its source describes it
(``benchmarks/validation_vias.py``) and the rules' comparison (``clearance_rules.py``).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from caravan import Observatory
from caravan.api import LinkMode, Weight
from caravan.model import (
    Crossing,
    Direction,
    Observation,
    Quantity,
    RailBlockClearance,
    TrainService,
)
from caravan.network import clearance_kinds, timemodel_block_clearance
from caravan.network.parameters import CostParameters
from caravan.network.timemodel import TimeModel
from caravan.network.timemodel_block_clearance import block_clearances_in_force

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
COUNTRY = {"cn-a": "cn", "kz-b": "kz", "kz-c": "kz", "uz-d": "uz", "kg-e": "kg"}


def _crossing(cid: str, a: str, b: str, gauge: bool) -> Crossing:
    return Crossing(
        id=cid, name=cid, post_a_id=a, post_b_id=b, mode="rail", gauge_change=gauge,
        status="in_service", source=("src-x",),
    )  # fmt: skip


def _time(subject: str, value: float, year: int, *source: str, mode: str | None = None) -> Any:
    return Observation(
        subject_id=subject, quantity=Quantity.CLEARANCE_TIME_H, mode=mode,
        direction=Direction.A_TO_B, value=value, valid_from=dt.date(year, 1, 1), source=source,
    )  # fmt: skip


def test_kind_figures_split_by_gauge_and_count_a_copied_average_once() -> None:
    crossings = [
        _crossing("bcp-a-b-rail", "cn-a", "kz-b", True),
        _crossing("bcp-c-d-rail", "kz-c", "uz-d", False),
        _crossing("bcp-c-e-rail", "kz-c", "kg-e", False),
    ]
    observations = [
        _time("bcp-a-b-rail", 80.0, 2021, "src-cpmm-cn"),
        _time("bcp-a-b-rail", 30.0, 2022, "src-cpmm-cn"),  # later: not yet in force in 2021
        _time("border-kz-uz", 11.4, 2021, "src-cpmm-kz", mode="rail"),
        _time("border-kg-kz", 11.4, 2021, "src-cpmm-kz", "src-cpmm-kg", mode="rail"),  # same
        _time("border-kg-kz", 2.0, 2021, "src-road", mode="road"),  # road: not a rail figure
    ]
    found = clearance_kinds.kind_figures(
        crossings, observations, COUNTRY.__getitem__, Quantity.CLEARANCE_TIME_H,
        dt.date(2021, 7, 1),
    )  # fmt: skip
    assert [o.value for o in found[True]] == [80.0]
    assert [o.value for o in found[False]] == [11.4]


def test_a_same_gauge_crossing_takes_its_kind_not_the_gauge_change_median(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    date = dt.date(2021, 7, 1)
    parameters = CostParameters.from_knowledge_base(embedded.kb, date)
    time = Quantity.CLEARANCE_TIME_H.value
    same = parameters.clearance("rail", time, gauge_change=False)
    broken = parameters.clearance("rail", time, gauge_change=True)
    assert same.value < 20 < broken.value  # CPMM's Central Asian averages vs China's crossings
    assert "src-net-cpmm-2022-kz" in same.sources
    monkeypatch.setattr(clearance_kinds, "BY_KIND", False)  # the rule before: one median
    assert parameters.clearance("rail", time, gauge_change=False).value == broken.value


def test_lugovoy_kaindy_takes_kazakhstans_outbound_average_into_kyrgyzstan(
    embedded: Observatory,
) -> None:
    best = embedded.route(
        "kz-lugovoy", "kg-bishkek", modes=[LinkMode.RAIL], by=Weight.TIME,
        date=dt.date(2021, 7, 1),
    ).best  # fmt: skip
    border = next(leg for leg in best.legs if leg.crossing_id == "bcp-kaindy-lugovoy-rail")
    assert border.time_h == pytest.approx(11.4)  # CPMM 2022 Table 3.7, 2021
    assert "src-net-cpmm-2022-kz" in border.sources


def _clearance(direction: str, hours: float, year: int) -> RailBlockClearance:
    return RailBlockClearance(
        crossing_id="bcp-a-b-rail", direction=direction, time_h=hours,
        valid_from=dt.date(year, 5, 1), source=("src-x",),
    )  # fmt: skip


def test_block_clearances_in_force_back_cast_and_both_ways() -> None:
    rows = [_clearance("a_to_b", 0.8, 2019), _clearance("a_to_b", 0.3, 2025)]
    rows.append(_clearance("both", 16.0, 2025))
    early = block_clearances_in_force(rows, dt.date(2015, 7, 1))
    assert early[("bcp-a-b-rail", "a_to_b")].value == 0.8  # the earliest stands in
    late = block_clearances_in_force(rows, dt.date(2025, 7, 1))
    assert late[("bcp-a-b-rail", "a_to_b")].value in {0.3, 16.0}
    assert late[("bcp-a-b-rail", "b_to_a")].value == 16.0  # a row for both counts each way
    assert ("bcp-a-b-rail", "b_to_a") in early  # back-cast from 2025 too


def test_block_clearance_applies_only_to_block_trains_when_in_use(
    embedded: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    date = dt.date(2019, 7, 1)
    block = TimeModel.from_knowledge_base(embedded.kb, date, TrainService.BLOCK)
    wagons = TimeModel.from_knowledge_base(embedded.kb, date, TrainService.WAGONLOAD)
    key = ("bcp-alashankou-dostyk-rail", "b_to_a")
    assert block.block_clearance(*key) is None  # shipped: not in use
    monkeypatch.setattr(timemodel_block_clearance, "IN_USE", True)
    found = block.block_clearance(*key)
    assert found is not None
    assert found.value == pytest.approx(18.5)
    assert wagons.block_clearance(*key) is None


@pytest.fixture(scope="module")
def scripts() -> Iterator[dict[str, ModuleType]]:
    """The benchmark modules under test, imported from benchmarks/."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import clearance_rules
        import validation_vias

        yield {"vias": validation_vias, "rules": clearance_rules}
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_vias_parse_legs_and_reject_a_leg_without_an_end(
    scripts: dict[str, ModuleType],
) -> None:
    vias = scripts["vias"]
    parts = vias.segments("cn-lanzhou", "uz-tashkent", "rail:cn-kashgar|road:kg-osh|rail")
    assert [(p.origin, p.destination, p.mode) for p in parts] == [
        ("cn-lanzhou", "cn-kashgar", "rail"),
        ("cn-kashgar", "kg-osh", "road"),
        ("kg-osh", "uz-tashkent", "rail"),
    ]
    with pytest.raises(ValueError, match="names where it ends"):
        vias.segments("cn-a", "uz-b", "rail|road")
    with pytest.raises(ValueError, match="names where it ends"):
        vias.segments("cn-a", "uz-b", "rail:cn-kashgar|road:kg-osh")
    listed = vias.read_vias()
    assert listed["val-multi-time-lianyungang-tashkent-2022"] == "rail:cn-kashgar|road"


def _leg(kind: str, start: str, end: str, hours: float) -> SimpleNamespace:
    return SimpleNamespace(
        kind=SimpleNamespace(value=kind), from_id=start, to_id=end, time_h=hours,
        time_h_low=hours / 2, time_h_high=hours * 2,
    )  # fmt: skip


def test_joined_legs_add_up_and_the_crossing_goes_to_its_modes_leg(
    scripts: dict[str, ModuleType],
) -> None:
    vias = scripts["vias"]
    asked: list[tuple[str, list[str]]] = []

    def route(part: Any, via: list[str]) -> SimpleNamespace:
        asked.append((part.mode, via))
        legs = (
            _leg("terminal", part.origin, part.origin, 2.0),
            _leg("run", part.origin, part.destination, 10.0),
            _leg("terminal", part.destination, part.destination, 1.0),
        )
        return SimpleNamespace(
            legs=legs, crossings=tuple(via), length_km=100.0, time_h=13.0, time_h_low=6.0,
            time_h_high=30.0, service="block" if part.mode == "rail" else "",
        )  # fmt: skip

    parts = vias.segments("cn-a", "uz-b", "rail:cn-k|road")
    joined = vias.join(parts, route, "bcp-irkeshtam-road")
    assert asked == [("rail", []), ("road", ["bcp-irkeshtam-road"])]
    assert (joined.time_h, joined.time_h_low, joined.time_h_high) == (26.0, 12.0, 60.0)
    assert joined.length_km == 200.0
    assert joined.service == "block"
    # from departure: without the origin's first terminal and the destination's last
    assert joined.time_from_departure_h == pytest.approx(26.0 - 2.0 - 1.0)


def test_rules_are_restored_and_a_tie_goes_to_the_shipped_rules(
    scripts: dict[str, ModuleType],
) -> None:
    rules = scripts["rules"]
    before = clearance_kinds.BY_KIND, timemodel_block_clearance.IN_USE
    with rules.applied("block"):
        assert (clearance_kinds.BY_KIND, timemodel_block_clearance.IN_USE) == (False, True)
    assert before == (clearance_kinds.BY_KIND, timemodel_block_clearance.IN_USE)
    assert before == (
        rules.RULES[rules.SHIPPED_RULES].by_kind,
        rules.RULES[rules.SHIPPED_RULES].block_clearance,
    )
    score = {name: SimpleNamespace(mean_abs=20.2) for name in rules.RULES}
    assert rules.choose_rules(score) == rules.SHIPPED_RULES
    score["block"] = SimpleNamespace(mean_abs=19.0)
    assert rules.choose_rules(score) == "block"
