"""The comparison report opens offline in Chromium: tables, chart and map are there."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

from caravan import Observatory
from caravan.store import default_data_dir


def _chromium() -> str:
    """Debian's Chromium; the test fails (never skips) when it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("Debian's chromium is not installed: run `apt-get install chromium`")
    return found


def test_report_opens_offline_with_tables_chart_and_map(tmp_path: Path) -> None:
    observatory = Observatory.open(tmp_path / "kb.sqlite", default_data_dir())
    try:
        html = observatory.compare("today", "cku-railway").report_html()
    finally:
        observatory.close()
    report = tmp_path / "cku.html"
    report.write_text(html, encoding="utf-8")
    refused: list[str] = []

    def block(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.route("**/*", block)
            page.goto(report.as_uri())
            assert page.title().startswith("caravan comparison: today → cku-railway")
            assert page.locator("table.country-pairs tbody tr").count() >= 5
            assert page.locator("table.claims tbody tr").count() >= 1
            assert page.locator("table.corridor tbody tr").count() >= 1
            assert page.locator("#chart rect.bar").count() >= 5
            box = page.locator("#map").bounding_box()
            assert box is not None
            assert box["width"] > 300
            assert page.locator("#map polyline.route-b").count() >= 1
            assert page.locator("#map polyline.element").count() >= 1
            assert "bcp-torugart-rail" in page.locator("table.corridor").inner_text()
        finally:
            browser.close()
    assert refused == []
