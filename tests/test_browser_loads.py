"""Freight loads on the map, in a real headless Chromium, offline: the loads layer draws links
by Mt/yr and crossings by utilisation for the slider's year and the picked scenario, lists the
crossings in a table with a legend, fits a phone, works from the keyboard and passes the
accessibility audit.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import json

from playwright.sync_api import Browser, Page

from test_browser import browser, open_page, server, shot
from test_browser_access import PHONE, axe_audit, in_view
from test_browser_scenarios import pick_scenario

__all__ = ["browser", "server"]  # fixtures shared with tests/test_browser.py


def wait_loads(page: Page) -> None:
    page.wait_for_selector("body[data-loads-ready=true]", timeout=60_000)


def table_rows(page: Page) -> dict[str, list[str]]:
    rows = page.locator("[data-testid=loads-table] tbody tr")
    found = {}
    for index in range(rows.count()):
        cells = [c.strip() for c in rows.nth(index).locator("th, td").all_inner_texts()]
        found[cells[0]] = cells[1:]
    return found


def set_year(page: Page, year: int) -> None:
    page.evaluate(
        "y => { const s = document.querySelector('#date-slider'); s.value = String(y + 0.5);"
        " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); }",
        year,
    )
    page.wait_for_function(
        "y => document.querySelector('#date-label').textContent.startsWith(String(y))", arg=year
    )


def test_the_loads_layer_draws_the_busiest_crossings_for_the_year(
    browser: Browser, server: str
) -> None:
    with open_page(browser, server, width=1280, height=800) as page:
        set_year(page, 2024)
        page.check("[data-testid=loads-toggle]")
        wait_loads(page)
        status = page.locator("[data-testid=loads-status]").inner_text()
        assert "Loads of 2024" in status
        rows = table_rows(page)
        names = list(rows)
        assert "Alashankou–Dostyk (rail)" in names[:3], names
        assert "Khorgos–Altynkol (rail)" in names[:4], names
        assert any(cells[2] == "uncapacitated" for cells in rows.values())
        assert page.locator("[data-testid=loads-legend]").is_visible()
        assert "over capacity" in page.locator("[data-testid=loads-legend]").inner_text()
        drawn = page.evaluate(
            "() => { let n = 0; window.caravan.map.eachLayer((l) => { if (l.options && l.options.lineCap === 'round') n += 1; }); return n; }"
        )
        assert drawn > 20
        shot(page, "loads-1280")
        # Another scenario: the CKU railway's Torugart rail crossing carries freight.
        pick_scenario(page, "cku-railway")
        set_year(page, 2024)
        wait_loads(page)
        page.wait_for_function(
            "() => document.querySelector('[data-testid=loads-status]').textContent.includes('cku-railway')"
        )
        assert "Torugart (rail, CKU railway)" in table_rows(page)


def test_a_year_without_trade_figures_shows_the_nearest_earlier_one(
    browser: Browser, server: str
) -> None:
    with open_page(browser, server) as page:
        set_year(page, 2026)
        page.check("[data-testid=loads-toggle]")
        wait_loads(page)
        status = page.locator("[data-testid=loads-status]").inner_text()
        assert "2026 has no trade figures; loads of 2025" in status


def test_loads_fit_a_phone_work_by_keyboard_and_pass_the_audit(
    browser: Browser, server: str
) -> None:
    with open_page(browser, server, width=PHONE["width"], height=PHONE["height"]) as page:
        set_year(page, 2024)
        page.focus("[data-testid=loads-toggle]")
        page.keyboard.press("Space")
        wait_loads(page)
        assert page.is_checked("[data-testid=loads-toggle]")
        first = "[data-testid=loads-table] tbody tr:first-child th"
        page.locator(first).scroll_into_view_if_needed()
        assert in_view(page, first)
        region = page.locator("#loads-table-holder .table-scroll").bounding_box()
        assert region is not None
        assert region["x"] >= 0
        assert region["x"] + region["width"] <= PHONE["width"]  # wide tables scroll inside it
        shot(page, "loads-390")
        serious = axe_audit(page)
        assert not serious, json.dumps(serious, indent=1)[:3000]
