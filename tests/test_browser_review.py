"""The Review view in a real headless Chromium, offline: a document uploaded through the API,
its proposals listed with their evidence, one accepted with the keyboard, and the map of the
day redrawn with the line it opens. At 1280 px and at a phone's 390 px.

Fixtures from tests/test_browser.py (Debian's Chromium, loopback only).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page

from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.store import default_data_dir
from live_server import serving
from test_browser import browser, open_page, shot
from test_browser_access import PHONE, axe_audit, in_view

__all__ = ["browser"]  # fixture shared with tests/test_browser.py

TOKEN = "review-token-0123456789abcdef"
#: A short made-up report: the CKU railway opening (a test event) and a 2024 trade figure
#: that disagrees with the knowledge base's.
REPORT = (
    "The China–Kyrgyzstan–Uzbekistan railway opened to freight traffic on 1 September 2026, "
    "the railway administration said.\n"
    "Trade between China and Kazakhstan reached 45 billion dollars in 2024.\n"
)
CKU_LINKS = ["rail-kashgar-torugart", "rail-torugart-arpa", "rail-arpa-makmal"]
OPEN_ON_MAP = """ids => {
  const drawn = Object.fromEntries(ids.map((id) => [id, false]));
  window.caravan.groups.links.eachLayer((group) => group.eachLayer((segment) => {
    const id = segment.options.linkId;
    if (id in drawn && window.caravan.linkStateOn(id, window.caravan.state.date) === 'open'
        && !segment.options.dashArray) drawn[id] = true;
  }));
  return drawn;
}"""


@pytest.fixture
def writable(tmp_path: Path, embedded_kb_path: Path) -> Iterator[tuple[str, Observatory]]:
    """A server over a private copy of the embedded knowledge base, with a write token."""
    copy = tmp_path / "kb.sqlite"
    shutil.copyfile(embedded_kb_path, copy)
    observatory = Observatory.open(copy, default_data_dir())
    # A document limit small enough for the upload tests to exceed with a 400 KB file.
    settings = HttpSettings(write_token=TOKEN, max_document_bytes=200_000)
    with serving(create_app(settings, observatory)) as base:
        yield base, observatory
    observatory.close()


def _upload(base: str) -> dict[str, object]:
    response = httpx.post(
        f"{base}/api/v1/documents",
        params={
            "title": "CKU railway opens (test report)",
            "publisher": "Test wire",
            "url": "https://example.org/cku-opens",
            "date": "2026-09-02",
        },
        content=REPORT.encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def _open_review(page: Page) -> None:
    page.focus("#tabbtn-layers")
    page.keyboard.press("End")  # the last tab, by keyboard
    page.wait_for_selector("body[data-review=loaded]", timeout=30_000)


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector} was not reached with the Tab key")


def test_accept_an_opening_with_the_keyboard_and_see_it_on_the_map(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, observatory = writable
    uploaded = _upload(base)
    proposals = uploaded["proposals"]
    assert isinstance(proposals, list)
    [opening] = [p for p in proposals if p["kind"] == "status_event"]
    assert opening["payload"]["project_id"] == "prj-cku-railway"
    with open_page(browser, base, width=1280, height=900) as page:
        assert not any(page.evaluate(OPEN_ON_MAP, CKU_LINKS).values())
        _open_review(page)
        assert page.locator("#review-list button.proposal").count() == len(proposals)
        page.focus("#review-token")
        page.keyboard.type(TOKEN)
        _tab_to(page, f"button[data-proposal-id='{opening['id']}']")
        page.keyboard.press("Enter")
        evidence = page.locator("[data-testid=review-evidence]")
        evidence.wait_for()
        assert evidence.locator("mark").inner_text() == opening["mention"]
        shot(page, "review-1280")
        serious = axe_audit(page)
        assert serious == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
        _tab_to(page, "[data-testid=review-accept]")
        focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert focus_ring != "none"
        page.keyboard.press("Space")
        page.wait_for_function(
            "document.querySelector('#review-status').textContent.startsWith('Accepted')",
            timeout=30_000,
        )
        assert page.evaluate(OPEN_ON_MAP, CKU_LINKS) == dict.fromkeys(CKU_LINKS, True)
        # The accepted proposal left the list; the keyboard stays in the view, on the next one.
        assert page.evaluate("document.activeElement.matches('button.proposal')")
        shot(page, "review-1280-accepted")
    [event] = [
        e for e in observatory.kb.timeline("prj-cku-railway") if e.date.isoformat() == "2026-09-01"
    ]
    assert event.status == "in_service"
    assert event.source == ("src-doc-" + str(uploaded["document_id"])[:12],)


def test_a_conflict_shows_both_values_and_fits_a_phone(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, _ = writable
    proposals = _upload(base)["proposals"]
    assert isinstance(proposals, list)
    [trade] = [p for p in proposals if p["kind"] == "figure"]
    assert trade["comparison"]["disposition"] == "conflict"
    with open_page(browser, base, width=PHONE["width"], height=PHONE["height"]) as page:
        _open_review(page)
        page.click(f"button[data-proposal-id='{trade['id']}']")
        comparison = page.locator("[data-testid=review-comparison]")
        comparison.wait_for()
        text = comparison.inner_text()
        assert "43.82 bn USD" in text
        assert "45,000,000,000" in text
        assert comparison.locator("button.src").count() == 1  # the held value's source
        page.locator("[data-testid=review-accept]").scroll_into_view_if_needed()
        assert in_view(page, "[data-testid=review-accept]")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        shot(page, "review-390")
        page.click("[data-testid=review-accept]")  # without the token: asked for it, no write
        assert "write token" in page.locator("#review-outcome").inner_text()
