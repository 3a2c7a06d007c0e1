"""Which clearance figure a crossing uses: the later year's, its own on a tie (routing and loads)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from caravan import Observatory
from caravan.model import Direction, Observation, Quantity
from caravan.network import EdgeKind
from caravan.network.border_defaults import current_clearance, is_border_average

JULY_2024 = dt.date(2024, 7, 1)


def _figure(subject: str, value: float, year: int) -> Observation:
    return Observation(
        subject_id=subject,
        quantity=Quantity.CLEARANCE_TIME_H,
        direction=Direction.A_TO_B,
        value=value,
        valid_from=dt.date(year, 1, 1),
        source=("src-test-atlas",),
    )


def _append(path: Path, *lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")


def _clearance(
    observatory: Observatory, crossing: str, leaving: str, index: int
) -> tuple[str, float]:
    """Name and value of a crossing edge's clearance time (0) or cost (1) leaving a place."""
    snapshot = observatory.network(JULY_2024)
    for e in range(snapshot.edge_count):
        record = snapshot.records[e]
        if (
            EdgeKind(int(snapshot.kind[e])) == EdgeKind.CROSSING
            and record.ref_id == crossing
            and snapshot.node_place[int(snapshot.source[e])] == leaving
        ):
            return record.parameters[index].name, record.parameters[index].value
    raise AssertionError(f"no edge of {crossing} leaves {leaving}")


def test_the_later_year_wins_and_the_crossing_wins_a_tie() -> None:
    own_2022, own_2023 = _figure("bcp-x", 50.0, 2022), _figure("bcp-x", 40.0, 2023)
    border_2023 = _figure("border-cn-kz", 17.0, 2023)
    assert current_clearance(own_2022, border_2023, JULY_2024) is border_2023
    assert current_clearance(own_2023, border_2023, JULY_2024) is own_2023
    assert current_clearance(own_2023, _figure("border-cn-kz", 9.0, 2022), JULY_2024) is own_2023


def test_a_figure_in_force_beats_a_back_cast_one() -> None:
    own_2023, border_2020 = _figure("bcp-x", 40.0, 2023), _figure("border-cn-kz", 9.5, 2020)
    early = dt.date(2021, 7, 1)  # the crossing publishes only from 2023: its figure is back-cast
    assert current_clearance(own_2023, border_2020, early) is border_2020
    assert current_clearance(own_2023, _figure("border-cn-kz", 17.0, 2023), early) is own_2023
    assert current_clearance(None, border_2020, early) is border_2020
    assert current_clearance(own_2023, None, early) is own_2023
    assert current_clearance(None, None, early) is None


def test_a_borders_newer_average_replaces_a_crossings_older_figure_on_the_network(
    tmp_path: Path, mini_dir: Path
) -> None:
    # Nur Zholy publishes 5 h and USD 200 (2020, both ways) in the synthetic data.
    _append(
        mini_dir / "observations.csv",
        "border-cn-kz,clearance_time_h,road,a_to_b,9,2023-01-01,src-test-atlas,",
        "border-cn-kz,clearance_cost_usd,road,a_to_b,100,2019-01-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        name, value = _clearance(observatory, "bcp-khorgos-nur-zholy-road", "cn-khorgos", 0)
        assert (value, is_border_average(name)) == (9.0, True)  # 2023 beats 2020
        name, value = _clearance(observatory, "bcp-khorgos-nur-zholy-road", "cn-khorgos", 1)
        assert name == "clearance cost_usd bcp-khorgos-nur-zholy-road"  # 2020 beats 2019
        name, value = _clearance(observatory, "bcp-khorgos-nur-zholy-road", "kz-nur-zholy", 0)
        assert (name, value) == ("clearance time_h bcp-khorgos-nur-zholy-road", 5.0)
    finally:
        observatory.close()


def test_the_same_year_keeps_the_crossings_own_figure(tmp_path: Path, mini_dir: Path) -> None:
    _append(
        mini_dir / "observations.csv",
        "border-cn-kz,clearance_time_h,road,a_to_b,9,2023-01-01,src-test-atlas,",
        "bcp-khorgos-nur-zholy-road,clearance_time_h,road,a_to_b,30,2023-06-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        name, value = _clearance(observatory, "bcp-khorgos-nur-zholy-road", "cn-khorgos", 0)
        assert (name, value) == ("clearance time_h bcp-khorgos-nur-zholy-road", 30.0)
    finally:
        observatory.close()


def test_horgos_cpmm_figures_apply_out_of_china_only(embedded: Observatory) -> None:
    """CPMM's PRC chapter gives Horgos road figures for trucks leaving China (re-marked a→b)."""
    name, value = _clearance(embedded, "bcp-khorgos-nur-zholy-road", "cn-khorgos", 0)
    assert (name, value) == ("clearance time_h bcp-khorgos-nur-zholy-road", 51.4)
    name, value = _clearance(embedded, "bcp-khorgos-nur-zholy-road", "kz-nur-zholy", 0)
    assert is_border_average(name)  # Kazakhstan's outbound road average, not 23.5 h
    assert value < 10
    name, value = _clearance(embedded, "bcp-khorgos-nur-zholy-road", "cn-khorgos", 1)
    assert is_border_average(name)  # the border's 2023 cost, newer than Horgos's own 2022 fee
