"""A trip that begins at sea: its time from departure holds the sailing, not the wait for it.

On the embedded data a Baku (Alat) → Turkmenbashi ferry in 2016 has no published frequency
of its own (the median of one sailing a week stands in), so its door-to-door time holds half
a week's wait on top of the 12-h sailing of the line's rail ferries; a published "the
crossing takes 15 h", counted from departure, holds none. A sailing later in the trip keeps
its wait. The ship's wait at anchor for a berth on arrival (24 h at the high end, travellers'
accounts of the Baku–Turkmenbashi ferries) is no wait for the sailing: it stays in both.
"""

from __future__ import annotations

import datetime as dt

import pytest

from caravan import Observatory
from caravan.analysis.routing.from_departure import departure_span
from caravan.analysis.routing.itinerary import Itinerary, LegKind
from caravan.api import LinkMode, Weight

DATE = dt.date(2016, 7, 1)
ANCHORAGE_HIGH_H = 24.0  # asm-time-ferry-anchorage-wait


def _route(observatory: Observatory, origin: str, destination: str, *modes: LinkMode) -> Itinerary:
    return observatory.route(origin, destination, modes=list(modes), by=Weight.TIME, date=DATE).best


def test_a_first_sailing_counted_from_departure_holds_no_wait(embedded: Observatory) -> None:
    best = _route(embedded, "az-alat", "tm-turkmenbashi", LinkMode.FERRY)
    first, stop = departure_span(best.legs, best.origin, best.destination)
    ferry = best.legs[first]
    assert (ferry.kind, ferry.mode) == (LegKind.RUN, "ferry")
    wait = ferry.time_h - ferry.time_h_low
    assert wait == pytest.approx(84.0)  # half of a week's headway
    outside = sum(leg.time_h for leg in best.legs[:first] + best.legs[stop:])
    assert best.time_from_departure_h == pytest.approx(best.time_h - outside - wait)
    # the ship has sailed: low and typical are the sailing time alone; the high adds the
    # wait at anchor off the port of arrival, not the wait for the sailing
    sailing = ferry.time_h_low
    assert sailing == pytest.approx(12.0)
    assert best.time_from_departure_h_low == pytest.approx(sailing)
    assert best.time_from_departure_h == pytest.approx(sailing)
    assert best.time_from_departure_h_high == pytest.approx(sailing + ANCHORAGE_HIGH_H)
    assert best.time_h_high > best.time_from_departure_h_high + 100.0


def test_a_sailing_may_wait_at_anchor_before_it_berths(embedded: Observatory) -> None:
    """The high end of every curated sailing holds the wait at anchor, with its source."""
    for origin, destination in (("az-alat", "tm-turkmenbashi"), ("kz-aktau", "az-alat")):
        best = _route(embedded, origin, destination, LinkMode.FERRY)
        (ferry,) = [leg for leg in best.legs if leg.kind == LegKind.RUN]
        headway = 2 * (ferry.time_h - ferry.time_h_low)
        assert ferry.time_h_high == pytest.approx(ferry.time_h_low + headway + ANCHORAGE_HIGH_H)
        assert "asm-time-ferry-anchorage-wait" in ferry.sources


def test_a_sailing_on_the_way_keeps_its_wait(embedded: Observatory) -> None:
    best = _route(embedded, "kz-almaty", "az-alat", LinkMode.RAIL, LinkMode.FERRY)
    first, stop = departure_span(best.legs, best.origin, best.destination)
    modes = [leg.mode for leg in best.legs[first:stop] if leg.kind == LegKind.RUN]
    assert modes[0] == "rail"
    assert "ferry" in modes
    outside = sum(leg.time_h for leg in best.legs[:first] + best.legs[stop:])
    assert best.time_from_departure_h == pytest.approx(best.time_h - outside)


def test_the_turkmenbashi_sailing_is_the_rail_ferries_time_with_its_source(
    embedded: Observatory,
) -> None:
    """The rail ferries' ~12 h (Russian Wikipedia's article on the line), not the trucks'
    ro-pax's 9–10 h, on every date the rows cover."""
    for year in (2016, 2020, 2024):
        best = embedded.route(
            "tm-turkmenbashi",
            "az-alat",
            modes=[LinkMode.FERRY],
            by=Weight.TIME,
            date=dt.date(year, 7, 1),
        ).best
        (ferry,) = [leg for leg in best.legs if leg.kind == LegKind.RUN]
        assert ferry.time_h_low == pytest.approx(12.0)
        assert "src-net-wiki-ru-baku-turkmenbashi-ferry" in ferry.sources
