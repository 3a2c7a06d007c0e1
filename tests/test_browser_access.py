"""The observatory on a phone and a tablet, by keyboard, under an accessibility audit, offline.

Same offline Chromium as tests/test_browser.py (its fixtures): every request to a host other
than the loopback server fails the test. The audit is axe-core from node_modules (npm).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from caravan.http.web import node_modules
from test_browser import browser, open_page, server, shot

__all__ = ["browser", "server"]  # fixtures shared with tests/test_browser.py

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}


def in_view(page: Page, selector: str) -> bool:
    """The element's box lies wholly inside the viewport and has a size."""
    box: dict[str, float] = page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }",
    )
    size = page.viewport_size
    assert size is not None
    return (
        box["w"] > 0
        and box["h"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["w"] <= size["width"]
        and box["y"] + box["h"] <= size["height"]
    )


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["phone", "tablet"])
def test_the_map_and_controls_fit_a_phone_and_a_tablet(
    browser: Browser, server: str, viewport: dict[str, int]
) -> None:
    with open_page(browser, server, width=viewport["width"], height=viewport["height"]) as page:
        map_box = page.locator("[data-testid=map]").bounding_box()
        assert map_box is not None
        assert map_box["width"] >= viewport["width"] * 0.5
        assert map_box["height"] > 200
        for control in ["#date-slider", "#date-label", "#play", "#tabbtn-layers", "#tabbtn-route"]:
            assert in_view(page, control), f"{control} is off-screen"
        # No horizontal scrolling of the page itself.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        # Every view can be reached: the tab bar scrolls, each tab opens its panel.
        page.locator("#tabbtn-people").scroll_into_view_if_needed()
        page.click("#tabbtn-people")
        page.locator("[data-testid=sister-list] tr").first.wait_for(timeout=30_000)
        page.click("#tabbtn-route")
        page.locator("#route-go").scroll_into_view_if_needed()
        assert in_view(page, "#route-go")
        page.click("#route-go")
        page.wait_for_selector("[data-testid=itinerary]", timeout=30_000)
        assert int(page.get_attribute("body", "data-route-drawn") or 0) > 0
        # A long itinerary scrolls inside the panel; the page, its date controls and map stay put.
        page.locator("[data-testid=itinerary] h3").first.scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"]
        assert page.evaluate("window.scrollY") == 0
        for control in ["#date-slider", "#play", "[data-testid=map]"]:
            assert in_view(page, control), f"{control} is off-screen after a route"
        shot(page, f"{'phone' if viewport is PHONE else 'tablet'}-route")
        page.click("#tabbtn-layers")
        shot(page, "phone" if viewport is PHONE else "tablet")


def test_keyboard_from_a_search_to_a_source_and_back(browser: Browser, server: str) -> None:
    with open_page(browser, server) as page:
        # Tabs: focus the selected tab, arrow to Route.
        page.focus("#tabbtn-layers")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.id") == "tabbtn-route"
        assert page.locator("#tab-route").is_visible()
        # Type the search and submit with Enter.
        page.focus("#route-from")
        page.keyboard.press("Control+A")
        page.keyboard.type("Kashgar")
        page.keyboard.press("Tab")
        page.keyboard.press("Control+A")
        page.keyboard.type("Osh")
        page.keyboard.press("Enter")
        page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
        # Tab forward until a [src] button has focus, then open it with Enter.
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('src')"):
                break
        else:
            raise AssertionError("no [src] button reachable by Tab")
        opener = page.evaluate("document.activeElement.dataset.sources")
        page.keyboard.press("Enter")
        drawer = page.locator("[data-testid=sources-drawer]")
        drawer.locator(".source").first.wait_for(timeout=30_000)
        assert drawer.is_visible()
        assert page.evaluate("document.activeElement.id") == "sources-title"
        # Escape closes the drawer and gives focus back to the button that opened it.
        page.keyboard.press("Escape")
        assert drawer.is_hidden()
        assert page.evaluate("document.activeElement.dataset.sources") == opener
        # Space opens it too.
        page.keyboard.press("Space")
        drawer.locator(".source").first.wait_for(timeout=30_000)
        page.keyboard.press("Escape")
        assert drawer.is_hidden()
        # Focus is visible: the focused button has an outline.
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"


def test_projects_and_map_features_by_keyboard(browser: Browser, server: str) -> None:
    with open_page(browser, server) as page:
        page.focus("#find-input")
        page.keyboard.type("Khorgos–Altynkol (rail)")
        page.keyboard.press("Enter")
        popup = page.locator(".leaflet-popup")
        popup.wait_for(timeout=10_000)
        assert "Khorgos–Altynkol (rail)" in popup.inner_text()
        assert page.evaluate("!!document.activeElement.closest('.leaflet-popup')")
        page.keyboard.press("Escape")
        popup.wait_for(state="detached", timeout=5_000)  # Leaflet fades it out
        # A project row opens by keyboard.
        page.focus("#tabbtn-layers")
        page.keyboard.press("End")
        assert page.evaluate("document.activeElement.id") == "tabbtn-review"
        for _ in range(5):
            page.keyboard.press("ArrowLeft")
        assert page.evaluate("document.activeElement.id") == "tabbtn-projects"
        button = page.locator("tr[data-project-id=prj-cku-railway] button.row-open")
        button.wait_for(timeout=30_000)
        button.focus()
        page.keyboard.press("Enter")
        page.locator("[data-testid=project-timeline]").wait_for(timeout=30_000)
        assert "project=prj-cku-railway" in page.url
        # The slider tells assistive technology its date.
        page.focus("#date-slider")
        page.keyboard.press("Home")
        assert page.get_attribute("#date-slider", "aria-valuetext") == "network on 2013-01-01"


def axe_audit(page: Page) -> list[dict[str, Any]]:
    modules = node_modules()
    assert modules is not None, "node_modules is missing: run npm ci"
    page.add_script_tag(content=(modules / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => ({violations: r.violations}))"
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(
    "tab",
    [
        "layers",
        "route",
        "matrix",
        "projects",
        "trade",
        "agreements",
        "people",
        "scenarios",
        "review",
    ],
)
def test_no_serious_accessibility_violations(browser: Browser, server: str, tab: str) -> None:
    with open_page(browser, server, path=f"/?tab={tab}") as page:
        if tab == "route":
            page.click("#route-go")
            page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
            page.click("button.src >> nth=0")
            page.locator("[data-testid=sources-drawer] .source").first.wait_for(timeout=30_000)
        elif tab in ("projects", "agreements", "people"):
            page.locator(f"#tab-{tab} tbody tr").first.wait_for(timeout=30_000)
        elif tab == "scenarios":
            page.wait_for_selector("body[data-compare=done]", timeout=60_000)
        serious = axe_audit(page)
        report = json.dumps(
            [
                {
                    "id": v["id"],
                    "impact": v["impact"],
                    "nodes": [n["target"] for n in v["nodes"][:5]],
                }
                for v in serious
            ],
            indent=1,
        )
        assert serious == [], report


def test_api_docs_render_offline(browser: Browser, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if route.request.url.startswith("http://127.0.0.1:") or route.request.url.startswith(
            "data:"
        ):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.goto(server + "/api/v1/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() > 10
    assert "caravan" in page.locator(".swagger-ui .info").inner_text()
    assert outside == [], f"the API docs tried to reach other hosts: {outside}"
    shot(page, "api-docs")
    context.close()
