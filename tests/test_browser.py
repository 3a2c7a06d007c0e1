"""End-to-end tests in a real headless Chromium (Debian's, driven by Playwright), offline.

The page is served by caravan on loopback; every request the page makes to another host
fails the test, so the observatory is shown to work with the network cable pulled.
Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from caravan import Observatory
from caravan.http import HttpSettings, create_app
from live_server import serving

ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: The best route is on screen: the status says so, or has already moved on to the
#: alternatives found after it (a fast answer can replace the first message before it is seen).
ROUTE_SHOWN = re.compile(r"Best route shown|\d+ route\(s\)")


def chromium_path() -> str:
    """Debian's Chromium; the test suite fails (never skips) when it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError(
            "Debian's chromium is not installed: run `apt-get install chromium` (.ci/run does)"
        )
    return found


@pytest.fixture(scope="module")
def server(embedded_kb_path: Path) -> Iterator[str]:
    observatory = Observatory.open(embedded_kb_path)
    app = create_app(HttpSettings(), observatory)
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@contextmanager
def open_page(
    browser: Browser, server: str, path: str = "/", width: int = 1500, height: int = 900
) -> Iterator[Page]:
    """A page of the observatory at a viewport size, offline: any other host fails the test."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def only_loopback(route: Route) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + path)
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    yield page
    assert outside == [], f"the page tried to reach other hosts: {outside}"
    assert errors == [], f"script errors: {errors}"
    context.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with open_page(browser, server) as opened:
        yield opened


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_the_map_loads_with_boundaries_and_network(page: Page) -> None:
    stats = page.locator("[data-testid=network-stats]")
    assert int(stats.get_attribute("data-open") or 0) > 100
    assert page.evaluate("window.caravan.groups.base.getLayers().length") == 1
    assert page.evaluate("window.caravan.groups.links.getLayers().length") > 100
    page.wait_for_function("window.caravan.groups.projects.getLayers().length > 0")
    shot(page, "map")
    page.check("input[data-layer=trade]")
    assert page.evaluate("window.caravan.groups.trade.getLayers().length") == 5
    shot(page, "map-trade")


def test_the_page_opens_on_todays_date(page: Page) -> None:
    today = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-'); })()"
    )
    assert page.locator("#date-label").inner_text() == today
    assert page.locator("#route-date").input_value() == today


def test_boundaries_are_simplified_for_the_zoom(page: Page) -> None:
    assert page.evaluate("document.body.dataset.boundaries") == "coarse"
    assert page.evaluate("window.caravan.groups.base.getLayers().length") == 1
    with page.expect_response(lambda r: r.url.endswith("/countries-50m.json")):
        page.evaluate("() => { window.caravan.map.setZoom(7); }")
    page.wait_for_function("document.body.dataset.boundaries === 'fine'")
    assert page.evaluate("window.caravan.groups.base.getLayers().length") == 1
    # Redrawn boundaries stay under the network: the canvas draws a boundary first.
    assert page.evaluate(
        "(() => { const c = window.caravan; const first = c.map._renderer._drawFirst.layer;"
        " return c.groups.base.getLayers()[0].hasLayer(first); })()"
    )


def test_plan_a_route_and_see_it_on_the_map(page: Page) -> None:
    page.click("button[data-tab=route]")
    page.fill("#route-from", "Xi'an")
    page.fill("#route-to", "Tashkent")
    page.click("#route-go")
    page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
    assert page.locator("[data-testid=itinerary]").count() >= 2
    assert int(page.get_attribute("body", "data-route-drawn") or 0) > 0
    assert page.evaluate("window.caravan.groups.route.getLayers().length") >= 2
    assert page.locator("[data-testid=pareto-chart]").is_visible()
    assert "gauge change" in page.locator("[data-testid=itinerary]").first.inner_text()
    shot(page, "route")


def test_a_typo_gets_a_suggestion(page: Page) -> None:
    page.click("button[data-tab=route]")
    page.fill("#route-to", "Tashkennt")
    page.click("#route-go")
    status = page.locator("[data-testid=route-status]")
    status.filter(has_text="Did you mean").wait_for(timeout=30_000)
    assert "Tashkent" in status.inner_text()


def test_an_offered_place_is_taken_with_the_keyboard_and_routed(page: Page) -> None:
    """ "Baku" names no place; the port of Baku is offered as a button that fills the field
    the name was typed in and plans the route again."""
    page.click("button[data-tab=route]")
    page.fill("#route-from", "Urumqi")
    page.fill("#route-to", "Baku")
    page.click("#route-go")
    offer = page.locator("[data-testid=route-status] button.place-offer[data-place-id=az-alat]")
    offer.wait_for(timeout=30_000)
    assert "Unknown place “Baku”" in page.locator("[data-testid=route-status]").inner_text()
    offer.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=itinerary]", timeout=30_000)
    assert page.input_value("#route-to") == "Port of Baku (Alat)"
    assert "ferry" in page.locator("[data-testid=itinerary]").first.inner_text()


def test_the_date_slider_replays_a_project_opening(page: Page) -> None:
    link = page.evaluate("""() => [...window.caravan.state.timeline.values()]
        .find((t) => t.kind === 'link' && t.project_id === 'prj-kti-railway' && !t.planned).id""")
    slider = page.locator("#date-slider")
    slider.fill("2013")
    page.wait_for_function("document.querySelector('#date-label').textContent === '2013-01-01'")
    before = int(page.get_attribute("[data-testid=network-stats]", "data-open") or 0)
    assert (
        page.evaluate(f"window.caravan.linkStateOn('{link}', window.caravan.state.date)")
        == "planned"
    )
    shot(page, "network-2013")
    slider.fill("2016")
    page.wait_for_function("document.querySelector('#date-label').textContent === '2016-01-01'")
    after = int(page.get_attribute("[data-testid=network-stats]", "data-open") or 0)
    assert (
        page.evaluate(f"window.caravan.linkStateOn('{link}', window.caravan.state.date)") == "open"
    )
    assert after > before
    shot(page, "network-2016")


def test_open_a_projects_timeline_and_sources(page: Page) -> None:
    page.click("button[data-tab=projects]")
    row = page.locator("tr[data-project-id=prj-cku-railway]")
    row.wait_for(timeout=30_000)
    row.click()
    timeline = page.locator("[data-testid=project-timeline]")
    timeline.wait_for(timeout=30_000)
    assert "under construction" in timeline.inner_text()
    assert page.evaluate("window.caravan.groups.highlight.getLayers().length") == 1
    page.click("[data-testid=project-sources]")
    drawer = page.locator("[data-testid=sources-drawer]")
    drawer.locator(".source").first.wait_for(timeout=30_000)
    assert drawer.locator(".source").count() >= 2
    assert "cited by" in drawer.inner_text()
    shot(page, "project-sources")


def test_trade_chart_and_lists(page: Page) -> None:
    page.click("button[data-tab=trade]")
    page.locator("#trade-table table").wait_for(timeout=30_000)
    assert "2024" in page.locator("#trade-table").inner_text()
    page.click("button[data-tab=agreements]")
    page.locator("[data-testid=agreement-list] tr").first.wait_for(timeout=30_000)
    assert "Treaty" in page.locator("[data-testid=agreement-list]").inner_text()
    page.click("button[data-tab=people]")
    page.locator("[data-testid=sister-list] tr").first.wait_for(timeout=30_000)
    assert page.evaluate("window.caravan.groups.sister.getLayers().length") > 10
    shot(page, "trade")


def test_a_matrix_streams_its_progress(page: Page) -> None:
    page.click("button[data-tab=matrix]")
    page.click("#matrix-go")
    page.locator("[data-testid=matrix-result] table").wait_for(timeout=60_000)
    progress = page.locator("[data-testid=matrix-progress]")
    assert progress.get_attribute("value") == progress.get_attribute("max") == "12"
    assert "Done: 12 × 12" in page.locator("[data-testid=matrix-status]").inner_text()
    assert page.locator("[data-testid=matrix-result] td").count() == 144
    shot(page, "matrix")
