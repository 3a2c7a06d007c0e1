"""A trip that puts out from a port on an imported layer: the first-sailing rule holds there too.

On the small Caspian extract below, Aktau and Alat attach to the ends of a ferry route and
Kuryk to a road that reaches the Aktau terminal. A trip from Aktau begins at sea: its
door-to-door time holds the wait for a sailing (half the median headway of the curated
services), and its time from departure the sailing alone. From Kuryk the truck goes
first: the wait for the ship, taken on boarding at the terminal, stays in both.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from caravan import Observatory
from caravan.analysis.routing import Itinerary, LegKind
from caravan.analysis.routing.from_departure import departure_span
from caravan.model import LinkMode
from caravan.model.scenario import LayerMode
from caravan.store import default_data_dir
from osm_pbf import OsmBuilder

DATE = dt.date(2025, 6, 1)


def _caspian(path: Path) -> Path:
    """Road Kuryk → Aktau terminal, a ferry Aktau → Alat, a road inland from Alat."""
    osm = OsmBuilder()
    aktau = osm.node(51.20, 43.60)
    alat = osm.node(49.42, 39.96)
    osm.way([osm.node(51.68, 43.17), osm.node(51.5, 43.4), aktau], highway="trunk")
    osm.way([aktau, osm.node(50.5, 42.0), alat], route="ferry")
    osm.way([alat, osm.node(49.3, 40.3)], highway="trunk")
    return osm.write(path)


@pytest.fixture
def observatory(embedded_kb_path: Path, tmp_path: Path) -> Iterator[Observatory]:
    """The embedded knowledge base in a private folder, with the extract imported as 'caspian'."""
    path = tmp_path / "kb" / "kb.sqlite"
    path.parent.mkdir()
    shutil.copy(embedded_kb_path, path)
    found = Observatory.open(path, default_data_dir())
    found.import_osm(_caspian(tmp_path / "caspian.osm.pbf"), "caspian")
    yield found
    found.close()


def _route(observatory: Observatory, origin: str) -> Itinerary:
    return observatory.route(
        origin, "az-alat", modes=[LinkMode.ROAD, LinkMode.FERRY], date=DATE, layer="caspian",
        layer_mode=LayerMode.REPLACE,
    ).best  # fmt: skip


def _headway_h(observatory: Observatory) -> float:
    sailings = observatory.network(DATE).parameters.ferry("", "sailings_per_week")
    assert sailings is not None
    return 168.0 / sailings.value


def test_a_trip_that_puts_out_from_a_layer_port_counts_the_sailing_alone(
    observatory: Observatory,
) -> None:
    best = _route(observatory, "kz-aktau")
    headway = _headway_h(observatory)
    first, stop = departure_span(best.legs, best.origin, best.destination)
    travelling = best.legs[first:stop]
    assert {leg.mode for leg in travelling} == {"ferry"}
    assert all(leg.kind == LegKind.RUN for leg in travelling)
    # door to door, the first sailing waits as on a curated ferry link: none, half, whole
    putting_out = travelling[0]
    assert putting_out.time_h - putting_out.time_h_low == pytest.approx(0.5 * headway)
    assert putting_out.time_h_high - putting_out.time_h_low == pytest.approx(headway)
    price = observatory.network(DATE).parameters.ferry("", "cost_usd_per_teu")
    assert price is not None
    assert best.cost_usd >= price.value  # the fare is paid on putting out too
    # from departure, the ship has sailed: low, typical and high are the sailing alone
    sailing = sum(leg.time_h_low for leg in travelling)
    outside = sum(leg.time_h for leg in best.legs[:first] + best.legs[stop:])
    assert best.time_from_departure_h == pytest.approx(best.time_h - outside - 0.5 * headway)
    assert best.time_from_departure_h == pytest.approx(sailing)
    assert best.time_from_departure_h_low == pytest.approx(sailing)
    assert best.time_from_departure_h_high == pytest.approx(sailing)
    assert best.time_h_high >= best.time_from_departure_h_high + headway


def test_a_sailing_after_a_drive_to_the_terminal_keeps_its_wait(observatory: Observatory) -> None:
    best = _route(observatory, "kz-kuryk")
    first, stop = departure_span(best.legs, best.origin, best.destination)
    travelling = best.legs[first:stop]
    assert travelling[0].mode == "road"
    boarding = [leg for leg in travelling if leg.kind == LegKind.TRANSFER]
    assert [leg.transfer for leg in boarding] == ["port_handling"]
    assert boarding[0].time_h - boarding[0].time_h_low >= 0.5 * _headway_h(observatory)
    outside = sum(leg.time_h for leg in best.legs[:first] + best.legs[stop:])
    assert best.time_from_departure_h == pytest.approx(best.time_h - outside)
