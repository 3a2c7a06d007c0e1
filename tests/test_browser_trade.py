"""The observatory's trade chart in a real headless Chromium: gaps are drawn as gaps.

The server holds the embedded dataset with China's 2016 figures for Tajikistan and
Turkmenistan taken out, so 2016 is partial whatever the data holds: those partners' slots
must be empty (no bar, not a short bar), the year labelled partial and the table must say
which partners are missing; a complete year (2024) shows its total. Offline, like
tests/test_browser.py, with Debian's Chromium.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.store import default_data_dir
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
PARTIAL_YEAR = 2016
TAKEN_OUT = ("tj", "tm")
PARTNERS = ["kz", "kg", "uz", "tm", "tj"]  # the chart's dataset order


def chromium_path() -> str:
    """Debian's Chromium; the test fails (never skips) when it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError(
            "Debian's chromium is not installed: run `apt-get install chromium` (.ci/run does)"
        )
    return found


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded dataset without China's 2016 figures for Tajikistan and Turkmenistan."""
    target = tmp_path_factory.mktemp("trade-gaps") / "data"
    shutil.copytree(default_data_dir(), target)
    trade = target / "trade.csv"
    with trade.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        kept = [
            row
            for row in reader
            if not (
                row["year"] == str(PARTIAL_YEAR)
                and row["reporter_id"] == "cn"
                and row["partner_id"] in TAKEN_OUT
            )
        ]
    with trade.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(kept)
    return target


@pytest.fixture(scope="module")
def server(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    kb_path = tmp_path_factory.mktemp("trade-gaps-kb") / "kb.sqlite"
    observatory = Observatory.open(kb_path, data_dir)
    app = create_app(HttpSettings(), observatory)
    with serving(app) as base:
        yield base
    observatory.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1500, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def only_loopback(route: Route) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    yield page
    assert outside == [], f"the page tried to reach other hosts: {outside}"
    assert errors == [], f"script errors: {errors}"
    context.close()


CHART_STATE = """() => {
  const chart = window.caravan.state.charts.trade;
  return {
    labels: chart.data.labels,
    stacked: Boolean(chart.options.scales.x.stacked || chart.options.scales.y.stacked),
    datasets: chart.data.datasets.map((d, i) => ({
      label: d.label,
      data: d.data,
      heights: chart.getDatasetMeta(i).data.map((bar) => Math.abs(bar.base - bar.y)),
    })),
  };
}"""


def open_trade(page: Page) -> dict[str, Any]:
    page.click("button[data-tab=trade]")
    page.locator("#trade-table table").wait_for(timeout=30_000)
    page.wait_for_function("window.caravan.state.charts.trade !== undefined")
    state: dict[str, Any] = page.evaluate(CHART_STATE)
    return state


def test_a_missing_partner_is_an_empty_slot_and_the_year_is_marked_partial(page: Page) -> None:
    chart = open_trade(page)
    labels = chart["labels"]
    assert len(labels) == 2025 - 2000 + 1
    index = next(i for i, label in enumerate(labels) if str(PARTIAL_YEAR) in str(label))
    assert labels[index] == f"{PARTIAL_YEAR}*"  # marked partial
    assert not chart["stacked"]  # a missing partner cannot shorten another's bar
    by_partner = dict(zip(PARTNERS, chart["datasets"], strict=True))
    for partner in TAKEN_OUT:
        assert by_partner[partner]["data"][index] is None  # nothing, not zero
        assert by_partner[partner]["heights"][index] == 0
    assert by_partner["kz"]["data"][index] > 0
    assert by_partner["kz"]["heights"][index] > 0
    row = page.locator(f"#trade-table tr[data-year='{PARTIAL_YEAR}']")
    assert row.get_attribute("data-partial") == "true"
    cells = row.locator("td")
    assert cells.nth(1).inner_text().startswith("partial")  # no total for a partial year
    coverage = cells.nth(3).inner_text()
    assert coverage.startswith("partial: ")
    assert coverage.endswith(" missing")
    missing = coverage.removeprefix("partial: ").removesuffix(" missing").split(", ")
    assert set(TAKEN_OUT) <= set(missing)
    assert "kz" not in missing
    page.locator("[data-testid=trade-chart]").screenshot(
        path=str(_artifact("trade-chart-gaps")), animations="disabled"
    )


def test_a_complete_year_shows_its_total(page: Page) -> None:
    chart = open_trade(page)
    assert "2024" in chart["labels"]  # unmarked: complete
    row = page.locator("#trade-table tr[data-year='2024']")
    assert row.get_attribute("data-partial") == "false"
    assert "94.8" in row.inner_text()
    assert "complete" in row.inner_text()


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
