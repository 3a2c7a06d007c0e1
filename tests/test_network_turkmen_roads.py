"""The M37 road west of Ashgabat: trucks reach Turkmenbashi and its Caspian ferry on the embedded data."""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import pytest

from caravan import Observatory
from caravan.api import LinkMode
from caravan.store import default_data_dir

WEDNESDAY = dt.date(2025, 6, 4)
WEST_ROAD = ("road-ashgabat-bereket", "road-bereket-balkanabat", "road-balkanabat-turkmenbashi")
#: the CAREC CPMM 2022 speed the other Turkmen road links use
TM_ROAD_SPEED_SOURCE = "src-spd-cpmm-2022-tm"


def _links() -> dict[str, dict[str, str]]:
    with (default_data_dir() / "links.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def _declared_ids() -> set[str]:
    ids: set[str] = set()
    for pattern in ("sources_*.csv", "assumptions_*.csv"):
        for path in default_data_dir().glob(pattern):
            with path.open(encoding="utf-8", newline="") as handle:
                ids.update(row["id"] for row in csv.DictReader(handle))
    return ids


def test_the_west_road_links_are_in_service_roads_with_a_length_source_and_the_cpmm_speed() -> None:
    links = _links()
    declared = _declared_ids()
    chain = ["tm-ashgabat", "tm-bereket", "tm-balkanabat", "tm-turkmenbashi"]
    for link_id, (start, end) in zip(WEST_ROAD, itertools.pairwise(chain), strict=True):
        row = links[link_id]
        assert (row["from_id"], row["to_id"]) == (start, end)
        assert row["mode"] == "road"
        assert row["status"] == "in_service"
        assert row["opened_on"] == ""  # no opening date was found in the sources
        assert row["speed_kph"] == links["road-ashgabat-tejen"]["speed_kph"]
        sources = row["source"].split("|")
        assert TM_ROAD_SPEED_SOURCE in sources
        assert set(sources) <= declared
        assert [s for s in sources if s != TM_ROAD_SPEED_SOURCE]  # a source for the length


def test_a_road_route_ashgabat_to_turkmenbashi_runs_the_m37_and_sums_its_link_lengths(
    embedded: Observatory,
) -> None:
    best = embedded.route("Ashgabat", "Turkmenbashi", modes=[LinkMode.ROAD], date=WEDNESDAY).best
    assert best.origin == "tm-ashgabat"
    assert best.destination == "tm-turkmenbashi"
    assert set(best.modes) == {"road"}
    used = [link for leg in best.legs for link in leg.link_ids]
    assert used == list(WEST_ROAD)
    lengths = {link_id: float(row["length_km"]) for link_id, row in _links().items()}
    assert best.length_km == pytest.approx(sum(lengths[link] for link in used))
    # 155 km Balkanabat–Turkmenbashi (nCa) + 120 km Bereket–Balkanabat + the rest of the 564 km road
    assert best.length_km == pytest.approx(564)


def test_a_truck_from_ashgabat_reaches_baku_by_the_turkmenbashi_ferry(
    embedded: Observatory,
) -> None:
    best = embedded.route(
        "Ashgabat", "az-alat", modes=[LinkMode.ROAD, LinkMode.FERRY], date=WEDNESDAY
    ).best
    used = [link for leg in best.legs for link in leg.link_ids]
    assert used[: len(WEST_ROAD)] == list(WEST_ROAD)
    assert "ferry-turkmenbashi-alat" in used
