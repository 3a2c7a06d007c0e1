"""Observations of a border (``border-<a>-<b>``): validation, clearance defaults, totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caravan import Observatory
from caravan.analysis.freight import loads_against_published
from caravan.model import Direction, Quantity, border_countries, border_id
from caravan.network import EdgeKind
from caravan.network.border_defaults import border_clearance, is_border_average
from caravan.store import validate_data

OBSERVATIONS_HEADER = "subject_id,quantity,mode,direction,value,valid_from,source,note\n"


def _append(path: Path, *lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")


def _clearance_of(observatory: Observatory, crossing_id: str, from_place: str) -> tuple[str, float]:
    """Name and value of the clearance time on a crossing's edge leaving ``from_place``."""
    snapshot = observatory.network(dt.date(2024, 7, 1))
    for e in range(snapshot.edge_count):
        record = snapshot.records[e]
        if (
            EdgeKind(int(snapshot.kind[e])) == EdgeKind.CROSSING
            and record.ref_id == crossing_id
            and snapshot.node_place[int(snapshot.source[e])] == from_place
        ):
            return record.parameters[0].name, record.parameters[0].value
    raise AssertionError(f"no edge of {crossing_id} leaves {from_place}")


def test_a_border_id_names_its_countries_in_alphabetical_order() -> None:
    assert border_id("kz", "cn") == "border-cn-kz"
    assert border_countries("border-cn-kz") == ("cn", "kz")
    assert border_countries("bcp-khorgos-nur-zholy-road") is None
    assert border_countries("border-cn") is None


def test_a_valid_border_observation_passes_validation(mini_dir: Path) -> None:
    _append(
        mini_dir / "observations.csv",
        "border-kz-uz,clearance_time_h,road,a_to_b,7,2020-01-01,src-test-atlas,",
    )
    report = validate_data(mini_dir)
    assert report.ok, report.issues


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ("border-cn-xx,throughput_mt_per_year,rail,both,3,2024-01-01,src-test-atlas,",
         "subject_id", "xx is not a known country id"),
        ("border-kz-cn,throughput_mt_per_year,rail,both,3,2024-01-01,src-test-atlas,",
         "subject_id", "alphabetical order (border-cn-kz)"),
        ("border-cn-kz,throughput_mt_per_year,,both,3,2024-01-01,src-test-atlas,",
         "mode", "says which mode it covers"),
    ],
)  # fmt: skip
def test_a_broken_border_observation_is_named_by_row_and_field(
    mini_dir: Path, line: str, field: str, reason: str
) -> None:
    _append(mini_dir / "observations.csv", line)
    report = validate_data(mini_dir)
    assert len(report.issues) == 1, report.issues
    issue = report.issues[0]
    rows = (mini_dir / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert (issue.file, issue.row, issue.field) == ("observations.csv", len(rows), field)
    assert reason in issue.reason


def test_a_crossing_without_its_own_clearance_takes_its_borders_average(
    tmp_path: Path, mini_dir: Path
) -> None:
    _append(
        mini_dir / "observations.csv",
        "border-kz-uz,clearance_time_h,road,a_to_b,9,2020-01-01,src-test-atlas,",
        "border-kz-uz,clearance_time_h,road,a_to_b,7,2023-01-01,src-test-atlas,",
        "border-kz-uz,clearance_time_h,rail,a_to_b,40,2023-01-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        name, value = _clearance_of(observatory, "bcp-saryagash-keles-road", "kz-saryagash")
        assert (value, is_border_average(name)) == (7.0, True)  # the 2023 road row, not rail
        name, value = _clearance_of(observatory, "bcp-saryagash-keles-road", "uz-keles")
        assert not is_border_average(name)  # nothing for uz → kz: the median stands in
        assert value == 5.0  # the only road crossing publishing a time (Nur Zholy)
        name, value = _clearance_of(observatory, "bcp-khorgos-nur-zholy-road", "cn-khorgos")
        assert (name, value) == ("clearance time_h bcp-khorgos-nur-zholy-road", 5.0)
    finally:
        observatory.close()


def test_the_borders_direction_is_turned_into_the_crossings(tmp_path: Path, mini_dir: Path) -> None:
    _append(
        mini_dir / "observations.csv",
        "border-kz-uz,clearance_time_h,road,b_to_a,3,2021-01-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        kb, hours = observatory.kb, Quantity.CLEARANCE_TIME_H
        before = dt.date(2019, 1, 1)  # before the first row: back-cast from it
        uz_to_kz = border_clearance(kb, ("uz", "kz"), "road", hours, before, Direction.A_TO_B)
        kz_to_uz = border_clearance(kb, ("kz", "uz"), "road", hours, before, Direction.A_TO_B)
        assert uz_to_kz is not None
        assert uz_to_kz.value == 3.0
        assert kz_to_uz is None
        assert border_clearance(kb, ("uz", "kz"), "rail", hours, before, Direction.A_TO_B) is None
    finally:
        observatory.close()


def test_a_borders_published_total_adds_its_crossings_of_that_mode(
    embedded: Observatory,
) -> None:
    result = embedded.assign(2024)
    rows = loads_against_published(embedded.kb, result)
    total = next(r for r in rows if r.name == "China–Kazakhstan rail, all crossings")
    published = embedded.kb.value_at(
        "border-cn-kz", Quantity.THROUGHPUT_MT_PER_YEAR, dt.date(2024, 12, 31)
    )
    assert published is not None
    assert published.mode is not None
    assert published.mode.value == "rail"
    assert (total.published_mt_per_year, total.published_year) == (published.value, 2024)
    assert total.sources == published.source
    members = set(total.subject.split(" + "))
    assert {"bcp-alashankou-dostyk-rail", "bcp-khorgos-altynkol-rail"} <= members
    assert all(m.endswith("-rail") for m in members)
    modelled = sum(c.mt_per_year for c in result.crossings if c.crossing_id in members)
    assert total.modelled_mt_per_year == pytest.approx(modelled)
    assert modelled > 0


def _crossing_edges(observatory: Observatory, crossing_id: str) -> set[str]:
    """Places the crossing's edges leave from in the network of 1 July 2024."""
    snapshot = observatory.network(dt.date(2024, 7, 1))
    return {
        snapshot.node_place[int(snapshot.source[e])]
        for e in range(snapshot.edge_count)
        if EdgeKind(int(snapshot.kind[e])) == EdgeKind.CROSSING
        and snapshot.records[e].ref_id == crossing_id
    }


def test_a_crossing_closed_to_freight_one_way_keeps_the_other_way(
    tmp_path: Path, mini_dir: Path
) -> None:
    road = "bcp-saryagash-keles-road"
    _append(
        mini_dir / "observations.csv",
        f"{road},closed_to_freight,road,both,1,2020-01-01,src-test-atlas,",
        f"{road},closed_to_freight,road,both,0,2020-06-01,src-test-atlas,",
        f"{road},closed_to_freight,road,a_to_b,1,2024-01-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        assert _crossing_edges(observatory, road) == {"uz-keles"}
        assert road not in observatory.network(dt.date(2024, 7, 1)).closures
    finally:
        observatory.close()


def test_a_crossing_closed_both_ways_is_a_closure_with_its_source(
    tmp_path: Path, mini_dir: Path
) -> None:
    road = "bcp-saryagash-keles-road"
    _append(
        mini_dir / "observations.csv",
        f"{road},closed_to_freight,road,both,1,2024-01-01,src-test-atlas,",
        f"{road},closed_to_freight,road,b_to_a,0,2024-09-01,src-test-atlas,",
    )
    observatory = Observatory.open(tmp_path / "kb.sqlite", mini_dir)
    try:
        assert _crossing_edges(observatory, road) == set()
        reason = observatory.network(dt.date(2024, 7, 1)).closures[road]
        assert "closed to freight" in reason
        assert "src-test-atlas" in reason
        reopened = observatory.network(dt.date(2024, 10, 1))
        assert road not in reopened.closures
    finally:
        observatory.close()


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ("bcp-saryagash-keles-road,closed_to_freight,road,both,2,2024-01-01,src-test-atlas,",
         "value", "1 (closed) or 0 (open again)"),
        ("rail-keles-tashkent,closed_to_freight,rail,both,1,2024-01-01,src-test-atlas,",
         "subject_id", "only a crossing closes to freight"),
    ],
)  # fmt: skip
def test_a_malformed_closure_is_named_by_row_and_field(
    mini_dir: Path, line: str, field: str, reason: str
) -> None:
    _append(mini_dir / "observations.csv", line)
    report = validate_data(mini_dir)
    assert len(report.issues) == 1, report.issues
    issue = report.issues[0]
    assert (issue.file, issue.field) == ("observations.csv", field)
    assert reason in issue.reason
