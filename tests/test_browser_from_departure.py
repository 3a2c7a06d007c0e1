"""The web itinerary panel shows the time from departure beside the door-to-door time.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from test_browser import ROUTE_SHOWN, browser, page, server, shot

__all__ = ["browser", "page", "server"]  # fixtures shared with tests/test_browser.py

DAYS = re.compile(r"([\d.]+) days")


def test_each_itinerary_shows_its_time_from_departure(page: Page) -> None:
    page.click("#tabbtn-route")
    page.fill("#route-from", "Xi'an")
    page.fill("#route-to", "Almaty")
    page.uncheck("input[name=mode][value=road]")
    page.fill("input[name=alternatives]", "1")
    page.click("#route-go")
    page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
    cards = page.locator("[data-testid=itinerary]")
    assert cards.count() >= 1
    for index in range(cards.count()):
        card = cards.nth(index)
        line = card.locator("[data-testid=from-departure]").inner_text()
        match = re.fullmatch(r"from departure ([\d.]+) days \(range ([\d.]+)–([\d.]+)\)", line)
        assert match, line
        low, typical, high = (float(match[i]) for i in (2, 1, 3))
        assert low <= typical <= high
        door_to_door = DAYS.search(card.locator(".totals").inner_text())
        assert door_to_door
        # a rail route from Xi'an forms its train there: the run alone is shorter
        assert typical < float(door_to_door[1])
        # the time left out is named as the terminal's, not as a transfer between modes
        first_step = card.locator("tbody tr").first.locator("td").nth(1).inner_text()
        assert first_step == "terminal (forming the train, waiting for its departure)", first_step
    shot(page, "from-departure")


def test_a_road_route_loads_its_truck_at_the_terminal(page: Page) -> None:
    page.click("#tabbtn-route")
    page.fill("#route-from", "Tashkent")
    page.fill("#route-to", "Andijan")
    page.uncheck("input[name=mode][value=rail]")
    page.uncheck("input[name=mode][value=ferry]")
    page.fill("input[name=alternatives]", "0")
    page.click("#route-go")
    page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
    steps = page.locator("[data-testid=itinerary]").first.locator("tbody tr td:nth-child(2)")
    names = steps.all_inner_texts()
    assert names[0] == "terminal (loading)", names
    assert "train" not in " ".join(names), names
