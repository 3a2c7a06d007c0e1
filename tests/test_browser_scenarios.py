"""Scenarios in the observatory, in a real headless Chromium, offline: the scenario picker
switches the map, the date slider and the route planner; the Scenarios view compares two
scenarios (tables, claims with sources, changed routes on the map, CSV), holds them in the
URL, fits a phone, works by keyboard and passes the accessibility audit.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from playwright.sync_api import Browser, Page

from test_browser import browser, open_page, server, shot
from test_browser_access import PHONE, axe_audit, in_view

__all__ = ["browser", "server"]  # fixtures shared with tests/test_browser.py

#: The CKU railway's links (links.csv rows of prj-cku-railway).
CKU_LINKS = [
    "rail-kashgar-torugart",
    "rail-torugart-arpa",
    "rail-arpa-makmal",
    "rail-makmal-jalal-abad",
]
DRAWN_STATE = """ids => {
  const drawn = {};
  window.caravan.groups.links.eachLayer((group) => group.eachLayer((segment) => {
    if (ids.includes(segment.options.linkId)) drawn[segment.options.linkId] = window.caravan.linkStateOn(segment.options.linkId, window.caravan.state.date) === 'open' && !segment.options.dashArray;
  }));
  return drawn;
}"""


def wait_compared(page: Page) -> None:
    page.wait_for_selector("body[data-compare=done]", timeout=60_000)


def pick_scenario(page: Page, name: str) -> None:
    page.select_option("#scenario-select", name)
    page.wait_for_function(
        "n => window.caravan.state.scenario === n && document.body.dataset.scenarioReady === 'true'",
        arg=name,
        timeout=60_000,
    )


def test_as_planned_2030_opens_the_cku_and_ayagoz_bakhty_lines_on_the_slider(
    browser: Browser, server: str
) -> None:
    with open_page(browser, server) as page:
        about = page.locator("[data-testid=scenario-about]").inner_text()
        assert "today" in about
        assert "null" not in about  # a scenario without sources prints no placeholder
        page.focus("#date-slider")
        page.keyboard.press("End")
        reported = page.evaluate(DRAWN_STATE, [*CKU_LINKS, "rail-bakhty-ayagoz"])
        assert set(reported) == {*CKU_LINKS, "rail-bakhty-ayagoz"}
        assert not any(reported.values()), reported  # as reported: still plans
        pick_scenario(page, "as-planned-2030")
        assert page.locator("#date-label").inner_text() == "2030-12-31"  # the scenario's date
        assert "scenario=as-planned-2030" in page.url
        assert "as-planned-2030" in page.locator("[data-testid=scenario-about]").inner_text()
        assert float(page.get_attribute("#date-slider", "max") or 0) >= 2031
        page.focus("#date-slider")
        page.keyboard.press("End")
        assert page.locator("#date-label").inner_text() == "2031-01-01"
        drawn = page.evaluate(DRAWN_STATE, [*CKU_LINKS, "rail-bakhty-ayagoz"])
        assert drawn == dict.fromkeys([*CKU_LINKS, "rail-bakhty-ayagoz"], True), drawn
        # Before their announced dates they are not yet open.
        page.keyboard.press("Home")
        early = page.evaluate(DRAWN_STATE, CKU_LINKS)
        assert not any(early.values()), early
        # A shared link opens the same scenario.
        page.keyboard.press("End")
        with open_page(browser, server, path=page.url.removeprefix(server)) as shared:
            assert shared.evaluate("window.caravan.state.scenario") == "as-planned-2030"
            assert shared.locator("#scenario-select").input_value() == "as-planned-2030"
            assert shared.evaluate(DRAWN_STATE, CKU_LINKS) == dict.fromkeys(CKU_LINKS, True)


def test_a_route_under_cku_railway_goes_via_torugart(browser: Browser, server: str) -> None:
    with open_page(browser, server) as page:
        pick_scenario(page, "cku-railway")
        page.click("#tabbtn-route")
        page.fill("#route-from", "Kashgar")
        page.fill("#route-to", "Andijan")
        page.uncheck("input[name=mode][value=road]")
        page.uncheck("input[name=mode][value=ferry]")
        page.fill("input[name=alternatives]", "0")
        page.click("#route-go")
        page.wait_for_selector("[data-testid=itinerary]", timeout=30_000)
        best = page.locator("[data-testid=itinerary]").first.inner_text()
        assert "Torugart" in best
        assert "Khorgos" not in best
        assert "scenario=cku-railway" in page.url
        # The same route on today's network goes round by Khorgos.
        pick_scenario(page, "today")
        page.wait_for_function(
            "() => /Khorgos/.test(document.querySelector('[data-testid=itinerary]')?.innerText || '')",
            timeout=30_000,
        )
        assert "scenario=" not in page.url


def test_the_scenarios_view_compares_today_with_the_cku_railway(
    browser: Browser, server: str, tmp_path: Path
) -> None:
    with open_page(browser, server) as page:
        # Record the busy state while the comparison runs (no timing involved).
        page.evaluate(
            """() => { window.busySeen = {progress: false, busy: false, disabled: false};
            new MutationObserver(() => {
              if (!document.querySelector('#compare-progress').hidden) window.busySeen.progress = true;
              if (document.querySelector('#compare-result').getAttribute('aria-busy') === 'true') window.busySeen.busy = true;
              if (document.querySelector('#compare-go').disabled) window.busySeen.disabled = true;
            }).observe(document.body, {attributes: true, subtree: true}); }"""
        )
        page.click("#tabbtn-scenarios")
        wait_compared(page)
        assert page.evaluate("window.busySeen") == {
            "progress": True,
            "busy": True,
            "disabled": True,
        }
        assert page.locator("#compare-progress").is_hidden()
        assert page.locator("#compare-a").input_value() == "today"
        assert page.locator("#compare-b").input_value() == "cku-railway"
        assert "a=today" in page.url
        assert "b=cku-railway" in page.url
        headline = page.locator("[data-testid=compare-headline]").inner_text()
        assert "Trade-weighted" in headline
        assert "2025" in headline
        countries = page.locator("[data-testid=compare-countries] tbody tr")
        assert countries.count() > 5
        assert page.locator("[data-testid=compare-countries] tr[data-countries=cn-kg]").count() == 1
        routes = page.locator("[data-testid=compare-routes] tbody tr")
        assert routes.count() > 0
        assert "Torugart" in page.locator("[data-testid=compare-routes]").inner_text()
        project = page.locator("[data-testid=compare-project][data-project-id=prj-cku-railway]")
        assert "Andijan" in project.inner_text()
        claims = project.locator("[data-testid=compare-claims] tbody tr")
        assert claims.count() > 0
        # The changed routes are drawn, on both sides, only while the view is open.
        assert int(page.get_attribute("body", "data-compare-routes") or 0) > 0
        assert page.evaluate("window.caravan.map.hasLayer(window.caravan.groups.compare)")
        # A claim's source opens in the sources drawer.
        claims.first.locator("button.src").click()
        drawer = page.locator("[data-testid=sources-drawer]")
        drawer.locator(".source").first.wait_for(timeout=30_000)
        assert "src-" in drawer.inner_text()
        page.keyboard.press("Escape")
        # The country-pair table downloads as CSV, as shown.
        with page.expect_download() as info:
            page.locator("[data-testid=compare-countries] button.download").click()
        download = info.value
        assert download.suggested_filename == "today-vs-cku-railway-country-pairs.csv"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
        assert rows[0][:2] == ["Countries", "pairs"]
        assert len(rows) == countries.count() + 1
        shot(page, "scenarios")
        # Another comparison: B changes, the URL follows, Back returns to the first.
        page.select_option("#compare-b", "khorgos-closed")
        page.click("#compare-go")
        page.wait_for_function(
            "() => document.body.dataset.compare === 'done' && /khorgos-closed/.test(document.querySelector('#compare-status').innerText)",
            timeout=60_000,
        )
        assert "b=khorgos-closed" in page.url
        page.go_back()
        page.wait_for_function(
            "() => document.body.dataset.compare === 'done' && /with cku-railway/.test(document.querySelector('#compare-status').innerText)",
            timeout=60_000,
        )
        assert page.locator("#compare-b").input_value() == "cku-railway"
        # Leaving the view takes its routes off the map.
        page.click("#tabbtn-layers")
        assert not page.evaluate("window.caravan.map.hasLayer(window.caravan.groups.compare)")


def test_a_shared_comparison_link_opens_the_same_comparison(browser: Browser, server: str) -> None:
    with open_page(
        browser, server, path="/?tab=scenarios&a=today&b=faster-borders&by=time"
    ) as page:
        wait_compared(page)
        assert page.locator("#compare-b").input_value() == "faster-borders"
        assert page.locator("#compare-by").input_value() == "time"
        assert "with faster-borders" in page.locator("#compare-status").inner_text()
        assert page.locator("[data-testid=compare-gains] tbody tr").count() > 0


def test_the_scenarios_view_fits_a_phone_and_works_by_keyboard(
    browser: Browser, server: str
) -> None:
    with open_page(browser, server, width=PHONE["width"], height=PHONE["height"]) as page:
        assert in_view(page, "#scenario-select"), "the scenario picker is off-screen"
        # Keyboard: End on the tab list reaches the last view (Review), the left arrow Scenarios.
        page.focus("#tabbtn-layers")
        page.keyboard.press("End")
        page.keyboard.press("ArrowLeft")
        assert page.evaluate("document.activeElement.id") == "tabbtn-scenarios"
        wait_compared(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for control in ["#compare-a", "#compare-b", "#compare-go"]:
            page.locator(control).scroll_into_view_if_needed()
            assert in_view(page, control), f"{control} is off-screen"
        # Tab from the tab to the form, run it again with Enter.
        page.keyboard.press("Tab")
        order = []
        for _ in range(6):
            order.append(page.evaluate("document.activeElement.id"))
            if order[-1] == "compare-go":
                break
            page.keyboard.press("Tab")
        assert order[-1] == "compare-go", order
        assert order.index("compare-a") < order.index("compare-b") < order.index("compare-go")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.evaluate("document.body.dataset.compare = 'again'")
        page.keyboard.press("Enter")
        wait_compared(page)
        # On to a claim's [src] button, opened with Enter; Escape gives focus back.
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate(
                "document.activeElement.classList.contains('src') && !!document.activeElement.closest('[data-testid=compare-claims]')"
            ):
                break
        else:
            raise AssertionError("no claim's [src] button reachable by Tab")
        opener = page.evaluate("document.activeElement.dataset.sources")
        page.keyboard.press("Enter")
        page.locator("[data-testid=sources-drawer] .source").first.wait_for(timeout=30_000)
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.dataset.sources") == opener
        # The tables scroll inside their regions: the page itself does not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, "scenarios-phone")


def test_the_scenarios_view_has_no_serious_accessibility_violations(
    browser: Browser, server: str
) -> None:
    for size in ({"width": 1500, "height": 900}, PHONE):
        with open_page(
            browser, server, path="/?tab=scenarios&scenario=as-planned-2030", **size
        ) as page:
            wait_compared(page)
            serious = axe_audit(page)
            report = json.dumps(
                [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"][:5]]} for v in serious],
                indent=1,
            )
            assert serious == [], report
