"""The route form's rail service: a block train's run is shorter than wagonload's.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from test_browser import ROUTE_SHOWN, browser, page, server, shot

__all__ = ["browser", "page", "server"]  # fixtures shared with tests/test_browser.py

DAYS = re.compile(r"([\d.]+) days")


def _route_days(page: Page, service: str) -> tuple[float, str]:
    """Door-to-door days and the service line of the best rail route Tashkent → Andijan."""
    page.click("#tabbtn-route")
    page.fill("#route-from", "Tashkent")
    page.fill("#route-to", "Andijan")
    page.uncheck("input[name=mode][value=road]")
    page.fill("input[name=alternatives]", "0")
    page.select_option("[data-testid=route-service]", service)
    page.click("#route-go")
    page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
    card = page.locator("[data-testid=itinerary]").first
    days = DAYS.search(card.locator(".totals").inner_text())
    assert days
    return float(days[1]), card.locator("[data-testid=service]").inner_text()


def test_the_chosen_rail_service_times_the_route_and_is_named(page: Page) -> None:
    block, block_line = _route_days(page, "block")
    assert "container block trains" in block_line
    assert "service=block" in page.url
    wagon, wagon_line = _route_days(page, "wagonload")
    assert "wagonload" in wagon_line
    assert "service=wagonload" in page.url
    assert block < wagon
    shot(page, "rail-service")
