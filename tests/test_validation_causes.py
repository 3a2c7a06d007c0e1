"""Reading validation errors by cause: the legs' terms, the new candidate features, China.

``benchmarks/validation_legs.py`` splits an itinerary's hours into terms;
``validate_routes._features`` counts the breaks of gauge and the rail borders between two
of China's neighbours (candidate terms); ``china_block_speed`` adds China's candidate
block-train speed to a copy of the data, and the shipped data agree with the choice.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from caravan import Observatory
from caravan.api import LinkMode, Weight
from caravan.network.timemodel import TimeModel
from caravan.store import default_data_dir

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def scripts() -> Iterator[dict[str, ModuleType]]:
    """The benchmark modules under test, imported from benchmarks/."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import china_block_speed
        import validate_routes
        import validation_legs

        yield {
            "china": china_block_speed,
            "validate": validate_routes,
            "legs": validation_legs,
        }
    finally:
        sys.path.remove(str(BENCHMARKS))


def _leg(
    kind: str, start: str, end: str, *, gauge: bool = False, links: tuple[str, ...] = ()
) -> SimpleNamespace:
    return SimpleNamespace(
        kind=SimpleNamespace(value=kind),
        mode="rail",
        from_id=start,
        to_id=end,
        link_ids=links,
        transfer=None,
        gauge_change=gauge,
    )


def test_features_count_breaks_of_gauge_and_borders_beyond_china(
    scripts: dict[str, ModuleType],
) -> None:
    links = {
        "r1": SimpleNamespace(from_id="cn-urumqi", to_id="cn-khorgos", length_km=600.0),
        "r2": SimpleNamespace(from_id="kz-altynkol", to_id="kz-saryagash", length_km=1200.0),
        "r3": SimpleNamespace(from_id="uz-keles", to_id="uz-tashkent", length_km=30.0),
    }
    legs = [
        _leg("run", "cn-urumqi", "cn-khorgos", links=("r1",)),
        _leg("border", "cn-khorgos", "kz-altynkol", gauge=True),
        _leg("run", "kz-altynkol", "kz-saryagash", links=("r2",)),
        _leg("border", "kz-saryagash", "uz-keles"),
        _leg("run", "uz-keles", "uz-tashkent", links=("r3",)),
    ]
    found = scripts["validate"]._features(legs, links, frozenset({"cn-urumqi"}), {}, 12.0)
    assert found["gauge_changes"] == 1.0  # Khorgos only: Saryagash is 1520 on both sides
    assert found["rail_borders_abroad"] == 1.0  # Saryagash–Keles; Khorgos touches China
    within_china = scripts["validate"]._features(legs[:1], links, frozenset(), {}, 12.0)
    assert (within_china["gauge_changes"], within_china["rail_borders_abroad"]) == (0.0, 0.0)


def test_china_candidate_speed_is_added_once_to_a_copy(
    scripts: dict[str, ModuleType], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(default_data_dir() / "rail_block_speeds.csv", data)
    china = scripts["china"]
    china.with_china_speed(data)
    china.with_china_speed(data)  # a second call replaces the row, never doubles it
    with (data / "rail_block_speeds.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    chinese = [r for r in rows if r["country_id"] == "cn"]
    assert len(chinese) == 1
    assert float(chinese[0]["speed_kph"]) == pytest.approx(1300 / 24, abs=0.05)
    assert {r["country_id"] for r in rows} >= {"kz", "uz", "kg", "tj", "tm"}


def test_shipped_data_agree_with_the_china_choice(scripts: dict[str, ModuleType]) -> None:
    with (default_data_dir() / "rail_block_speeds.csv").open(encoding="utf-8") as handle:
        countries = {row["country_id"] for row in csv.DictReader(handle)}
    shipped = scripts["china"].SHIPPED_CHINA
    assert ("cn" in countries) == (shipped == "published")


def test_china_lines_bold_the_lower_error(scripts: dict[str, ModuleType]) -> None:
    candidate = SimpleNamespace(features=("interior_origins",))
    scores = {
        "cpmm": SimpleNamespace(
            mean_abs=22.0, median_abs=20.0, worst_abs=50.0, candidate=candidate, values=(40.0,)
        ),
        "published": SimpleNamespace(
            mean_abs=19.0, median_abs=15.0, worst_abs=45.0, candidate=candidate, values=(80.0,)
        ),
    }
    text = "\n".join(scripts["china"].china_lines(scores, 10))
    assert "| **China's block trains at 1,300 km a day" in text
    assert "Least mean LOO error: **China's block trains" in text


def test_terms_add_up_and_the_2014_xian_wait_is_a_weekly_train(
    scripts: dict[str, ModuleType], embedded: Observatory
) -> None:
    date = dt.date(2014, 7, 1)
    best = embedded.route(
        "cn-xian", "cn-alashankou", modes=[LinkMode.RAIL], by=Weight.TIME, date=date
    ).best
    model = TimeModel.from_knowledge_base(embedded.kb, date)
    terms = scripts["legs"].split_terms(best.legs, best.origin, model)
    assert sum(terms.values()) == pytest.approx(best.time_h)
    assert terms["departure_wait"] == pytest.approx(84.0)  # one train a week from June 2014
    assert terms["origin_dwell"] == pytest.approx(model.value("rail_origin_dwell_h"))
    assert terms["rail_cn"] > 0
    assert terms["rail_abroad"] == 0


def test_a_timetable_is_compared_with_the_low_time_as_a_record_is(
    scripts: dict[str, ModuleType], tmp_path: Path
) -> None:
    """`statistic` = schedule (a timetable or planned run): the model's low, not its typical."""
    case = {
        "id": "val-rail-time-test",
        "kind": "rail_transit_time_h",
        "origin_id": "cn-xian",
        "destination_id": "cn-alashankou",
        "mode": "rail",
        "crossing_id": "",
        "value": "52",
        "unit": "h",
        "year": "2014",
        "counts_from": "departure",
        "service": "block",
        "split": "test",
        "not_comparable": "",
        "batch": "1",
    }
    rows = scripts["validate"]._route_all(
        tmp_path / "kb.sqlite",
        default_data_dir(),
        [{**case, "statistic": s} for s in ("typical", "schedule", "low")],
    )
    typical, schedule, record = rows
    assert schedule["model"] == pytest.approx(schedule["low"]) == pytest.approx(record["model"])
    assert typical["model"] == pytest.approx(typical["typical"])
    assert typical["model"] > schedule["model"]


def test_a_case_from_the_page_a_link_on_its_route_cites_is_listed_apart(
    scripts: dict[str, ModuleType], tmp_path: Path
) -> None:
    """Osh → Irkeshtam, 240 km: the Irkeshtam–Sary-Tash road's length cites the same page."""
    with (default_data_dir() / "sources_links.csv").open(encoding="utf-8") as handle:
        page = next(
            row["url"]
            for row in csv.DictReader(handle)
            if row["id"] == "src-vesti-kg-2017-irkeshtam"
        )
    case = {
        "id": "val-road-dist-test",
        "kind": "road_distance_km",
        "origin_id": "kg-osh",
        "destination_id": "kg-irkeshtam",
        "mode": "road",
        "crossing_id": "",
        "value": "240",
        "unit": "km",
        "year": "2024",
        "statistic": "typical",
        "counts_from": "",
        "service": "",
        "split": "test",
        "not_comparable": "",
        "batch": "1",
    }
    own, other = scripts["validate"]._route_all(
        tmp_path / "kb.sqlite",
        default_data_dir(),
        [{**case, "source_url": page + "/"}, {**case, "source_url": "https://example.org/other"}],
    )
    assert "road-irkeshtam-sary-tash-kg" in own["not_comparable"]
    assert other["not_comparable"] == ""
    assert own["model"] == pytest.approx(other["model"])  # routed all the same, only listed apart
