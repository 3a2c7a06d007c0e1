"""The Projects tab follows the scenario picker, as the map, the route planner and the matrix
do: in a real headless Chromium, offline (fixtures from tests/test_browser.py)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from test_browser import browser, open_page, server, shot

__all__ = ["browser", "server"]  # fixtures shared with tests/test_browser.py

CKU_STATUS = "#project-table tr[data-project-id=prj-cku-railway] .status"
MAP_STATUS = "window.caravan.state.projectStatus.get('prj-cku-railway')?.status"


def _shows(page: Page, scenario: str, on: str) -> str:
    page.wait_for_selector(f"#project-table[data-shows='{scenario} {on}']", timeout=30_000)
    return page.locator(CKU_STATUS).inner_text()


def test_picking_a_scenario_redraws_the_project_table_and_the_map_lines(
    browser: Browser, server: str
) -> None:
    path = "/?tab=projects&on=2026-06-01"
    with open_page(browser, server, path=path, width=1440, height=900) as page:
        assert _shows(page, "today", "2026-06-01") == "under construction"
        page.select_option("#scenario-select", "cku-railway")
        assert _shows(page, "cku-railway", "2026-06-01") == "in service"
        page.wait_for_function(f"{MAP_STATUS} === 'in_service'")
        shot(page, "projects-cku-railway")
        page.select_option("#scenario-select", "today")
        assert _shows(page, "today", "2026-06-01") == "under construction"
        page.wait_for_function(f"{MAP_STATUS} === 'under_construction'")


def test_a_shared_link_opens_the_tab_under_its_scenario(browser: Browser, server: str) -> None:
    path = "/?tab=projects&on=2026-06-01&scenario=cku-railway"
    with open_page(browser, server, path=path, width=390, height=844) as page:
        assert _shows(page, "cku-railway", "2026-06-01") == "in service"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
