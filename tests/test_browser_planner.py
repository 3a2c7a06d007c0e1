"""The route planner in a real headless Chromium, offline: the URL holds the route, routes can
be downloaded and picked, a failed or impossible search leaves nothing stale on screen.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page

from test_browser import ROUTE_SHOWN, browser, open_page, page, server, shot

__all__ = ["browser", "page", "server"]  # fixtures shared with tests/test_browser.py


def downloaded(path: Path | str) -> str:
    return Path(path).read_text(encoding="utf-8")


def itinerary_totals(page: Page) -> list[str]:
    return page.locator("[data-testid=itinerary] .totals").all_inner_texts()


def test_a_shared_url_gives_the_same_route(browser: Browser, server: str) -> None:
    with open_page(browser, server) as page:
        page.click("#tabbtn-route")
        page.fill("#route-from", "Kashgar")
        page.fill("#route-to", "Osh")
        page.fill("#route-avoid", "Irkeshtam (road)")
        page.uncheck("input[name=mode][value=ferry]")
        page.select_option("select[name=unit]", "feu")
        page.fill("input[name=alternatives]", "1")
        page.click("#route-go")
        page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
        shared = page.url
        totals = itinerary_totals(page)
        crossings = page.locator("[data-testid=itinerary] h3").all_inner_texts()
    query = parse_qs(urlparse(shared).query)
    assert query["from"] == ["Kashgar"]
    assert query["to"] == ["Osh"]
    assert query["avoid"] == ["bcp-irkeshtam-road"]
    assert query["mode"] == ["rail", "road"]
    assert query["unit"] == ["feu"]
    assert all("FEU" in t for t in totals)
    assert not any("Irkeshtam (road)" in c for c in crossings)
    # Someone else opens the link: same form, same routes.
    with open_page(browser, server, path=shared[len(server) :]) as other:
        other.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
        assert other.input_value("#route-from") == "Kashgar"
        assert other.input_value("#route-avoid") == "Irkeshtam (road)"
        assert not other.is_checked("input[name=mode][value=ferry]")
        assert itinerary_totals(other) == totals
        assert other.locator("[data-testid=itinerary] h3").all_inner_texts() == crossings


def test_back_returns_to_the_previous_route(page: Page) -> None:
    page.click("#tabbtn-route")
    page.fill("input[name=alternatives]", "0")
    page.click("#route-go")
    page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
    first = itinerary_totals(page)
    page.fill("#route-to", "Almaty")
    page.click("#route-go")
    page.locator("[data-testid=itinerary] h3").filter(has_text="Best route").wait_for()
    page.wait_for_function("new URL(location.href).searchParams.get('to') === 'Almaty'")
    assert itinerary_totals(page) != first
    page.go_back()
    page.wait_for_function("new URL(location.href).searchParams.get('to') === 'Tashkent'")
    page.wait_for_function("document.querySelector('#route-to').value === 'Tashkent'")
    page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
    assert itinerary_totals(page) == first


def test_download_an_itinerary_as_csv_and_geojson(page: Page) -> None:
    page.click("#tabbtn-route")
    page.click("#route-go")
    page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
    best = page.locator("[data-testid=itinerary]").first
    with page.expect_download() as info:
        best.locator("button[data-download$='.csv']").click()
    rows = list(csv.DictReader(io.StringIO(downloaded(info.value.path()))))
    assert rows[0]["from"] == "Xi'an"
    assert rows[-1]["leg"] == "total"
    assert rows[-1]["to"] == "Tashkent"
    legs = rows[:-1]
    assert abs(sum(float(r["cost_usd"]) for r in legs) - float(rows[-1]["cost_usd"])) < 1
    assert any(r["kind"] == "border" and r["crossing_id"].startswith("bcp-") for r in legs)
    with page.expect_download() as info:
        best.locator("button[data-download$='.geojson']").click()
    geojson = json.loads(downloaded(info.value.path()))
    assert geojson["type"] == "FeatureCollection"
    assert len(geojson["features"]) == len(legs)
    assert all(f["geometry"] is not None for f in geojson["features"])
    # The Pareto front's points are in a table, downloadable too.
    table = page.locator("[data-testid=pareto-table] tbody tr")
    assert table.count() >= 1
    with page.expect_download() as info:
        page.locator("#route-pareto button[data-download]").click()
    front = list(csv.reader(io.StringIO(downloaded(info.value.path()))))
    assert len(front) == table.count() + 1  # the header row, then one per point


def test_routes_have_names_colours_and_can_be_selected(page: Page) -> None:
    page.click("#tabbtn-route")
    page.click("#route-go")
    page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
    # Names on screen; identifiers (bcp-…, gauge_transshipment) only in the closed details.
    text = page.locator("[data-testid=route-result]").inner_text()
    assert "Khorgos" in text or "Dostyk" in text
    assert "bcp-" not in text
    assert "_" not in text
    best = page.locator("[data-testid=itinerary]").first
    best.locator("summary").click()
    assert "bcp-" in best.locator("details").inner_text()
    colours = page.evaluate(
        "[...document.querySelectorAll('[data-testid=itinerary]')].map(e => e.style.getPropertyValue('--route'))"
    )
    assert len(set(colours)) == len(colours) >= 2
    page.locator("[data-testid=itinerary] >> nth=1").locator(".select-route").click()
    assert page.get_attribute("body", "data-route-selected") == "1"
    assert (
        page.locator("[data-testid=itinerary] >> nth=1")
        .locator(".select-route")
        .get_attribute("aria-pressed")
        == "true"
    )


def test_no_mode_is_refused_and_a_failed_search_clears_the_chart(page: Page) -> None:
    page.click("#tabbtn-route")
    page.click("#route-go")
    page.wait_for_selector("[data-testid=pareto-table]", timeout=30_000)
    assert page.locator("[data-testid=pareto-chart]").is_visible()
    for box in page.locator("input[name=mode]").all():
        box.uncheck()
    page.click("#route-go")
    status = page.locator("[data-testid=route-status]")
    assert "at least one mode" in status.inner_text()
    assert page.locator("[data-testid=itinerary]").count() == 0
    assert page.locator("[data-testid=pareto-chart]").is_hidden()
    page.check("input[name=mode][value=rail]")
    page.fill("#route-to", "Nowhereabad")
    page.click("#route-go")
    status.filter(has_text="unknown").or_(status.filter(has_text="Unknown")).wait_for(
        timeout=30_000
    )
    assert page.locator("[data-testid=itinerary]").count() == 0
    assert page.locator("[data-testid=pareto-chart]").is_hidden()
    assert page.locator("[data-testid=pareto-table]").count() == 0
    assert page.evaluate("window.caravan.groups.route.getLayers().length") == 0


def test_pick_places_on_the_map(page: Page) -> None:
    page.fill("#find-input", "Almaty")
    page.press("#find-input", "Enter")
    page.locator(".leaflet-popup button[data-route-field=from]").click()
    page.locator("#tab-route").wait_for(state="visible", timeout=5_000)  # the switch is async
    assert page.locator("#tab-route").is_visible()
    assert page.input_value("#route-from") == "Almaty"
    page.click("#tabbtn-layers")
    page.fill("#find-input", "Bishkek")
    page.press("#find-input", "Enter")
    # The last popup: the previous one may still be fading out.
    page.locator(".leaflet-popup button[data-route-field=to]").last.click()
    assert page.input_value("#route-to") == "Bishkek"
    page.click("#route-go")
    page.wait_for_selector("[data-testid=itinerary]", timeout=30_000)
    shot(page, "route-picked")


def test_matrix_and_lists_export_and_filter(page: Page) -> None:
    page.click("#tabbtn-agreements")
    rows = page.locator("[data-testid=agreement-table] tbody tr")
    rows.first.wait_for(timeout=30_000)
    everything = rows.count()
    page.select_option("#agreement-filters select[name=summit]", "astana-2025")
    page.wait_for_function(
        f"document.querySelectorAll('[data-testid=agreement-table] tbody tr').length < {everything}"
    )
    assert all("Astana 2025" in t for t in rows.all_inner_texts())
    with page.expect_download() as info:
        page.locator("#agreement-download button").click()
    exported = list(csv.reader(io.StringIO(downloaded(info.value.path()))))
    assert exported[0][:2] == ["Agreement", "Signed"]
    assert len(exported) == rows.count() + 1
    page.click("#tabbtn-people")
    page.locator("[data-testid=sister-table] tbody tr").first.wait_for(timeout=30_000)
    page.select_option("#sister-filters select[name=country]", "kg")
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=sister-table] tbody tr')]"
        ".every(r => r.children[3].textContent === 'Kyrgyzstan')"
    )
    sticky = page.eval_on_selector(
        "[data-testid=sister-table] tbody th", "e => getComputedStyle(e).position"
    )
    assert sticky == "sticky"


def test_a_short_url_without_modes_uses_every_mode(browser: Browser, server: str) -> None:
    with open_page(browser, server, path="/?tab=route&from=Kashgar&to=Osh&alt=0") as page:
        page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
        assert page.locator("[data-testid=itinerary]").count() == 1
        assert all(box.is_checked() for box in page.locator("input[name=mode]").all())


def test_the_map_shows_the_whole_route_not_only_its_legs_ends(
    browser: Browser, server: str
) -> None:
    """Maikapchagai → Almaty by road is one leg, and its road bends north through Kalbatau."""
    path = "/?tab=route&from=Maikapchagai&to=Almaty&mode=road&alt=0"
    with open_page(browser, server, path=path) as page:
        page.locator("[data-testid=route-status]").filter(has_text=ROUTE_SHOWN).wait_for()
        legs = page.locator("[data-testid=itinerary]").first.locator("tbody").inner_text()
        page.wait_for_timeout(800)  # the map's fit animation ends with a moveend
        view = [float(v) for v in page.get_attribute("body", "data-map-view").split(",")]
        places = {
            name: json.loads(page.request.get(f"{server}/api/v1/places/{name}").text())["place"]
            for name in ("Maikapchagai", "Kalbatau", "Almaty")
        }
    south, west, north, east = view
    assert "Kalbatau" not in legs  # no leg names it: the fit must follow the drawn road
    for name, place in places.items():
        assert south <= place["lat"] <= north, (name, view)
        assert west <= place["lon"] <= east, (name, view)


def test_an_ambiguous_name_is_read_one_way_and_the_page_says_which(page: Page) -> None:
    page.click("#tabbtn-route")
    page.fill("#route-from", "Irkeshtam")
    page.fill("#route-to", "Osh")
    page.uncheck("input[name=mode][value=rail]")
    page.uncheck("input[name=mode][value=ferry]")
    page.fill("input[name=alternatives]", "0")
    page.click("#route-go")
    notices = page.locator("[data-testid=route-notices]")
    notices.wait_for(timeout=30_000)
    assert "Irkeshtam taken as kg-irkeshtam" in notices.inner_text()


def test_the_map_layer_gives_each_crossing_the_time_the_model_uses(page: Page) -> None:
    layers = page.evaluate("window.caravan.state.layers.crossings.features.map(f => f.properties)")
    torugart = next(p for p in layers if p["id"] == "bcp-torugart-road")
    assert torugart["model_clearance_time_h"], "the map layer carries the modelled clearance"
    assert all(h > 0 for h in torugart["model_clearance_time_h"])
