"""Submitting a document from the Review view, in a real headless Chromium, offline: a file
picked in the form is read by the server, its proposals join the queue and one accepted shows
on the map; junk, a missing token and an oversized file each end in a message in the view,
with nothing added to the queue. At 1440 px and at a phone's 390 px.

Fixtures from tests/test_browser.py and tests/test_browser_review.py.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from caravan import Observatory
from test_browser import browser, open_page, shot
from test_browser_access import PHONE, axe_audit
from test_browser_review import CKU_LINKS, OPEN_ON_MAP, REPORT, TOKEN, writable

__all__ = ["browser", "writable"]  # fixtures shared with the other browser tests

JUNK = bytes(range(256)) * 16


def _open_upload_form(page: Page) -> None:
    """The Review tab and its upload box, opened by keyboard."""
    page.focus("#tabbtn-layers")
    page.keyboard.press("End")
    page.wait_for_selector("body[data-review=loaded]", timeout=30_000)
    page.focus("#upload-box summary")
    page.keyboard.press("Enter")
    page.locator("#upload-file").wait_for()


def _pick(page: Page, name: str, content: bytes, media: str) -> None:
    page.set_input_files("#upload-file", {"name": name, "mimeType": media, "buffer": content})


def _outcome(page: Page) -> str:
    page.wait_for_selector("body[data-upload=done], body[data-upload=error]", timeout=60_000)
    return page.locator("[data-testid=upload-status]").inner_text()


def test_a_file_submitted_in_the_view_is_queued_and_an_opening_accepted_shows_on_the_map(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, observatory = writable
    with open_page(browser, base, width=1440, height=900) as page:
        assert not any(page.evaluate(OPEN_ON_MAP, CKU_LINKS).values())
        _open_upload_form(page)
        page.fill("#review-token", TOKEN)
        _pick(page, "cku-opens.txt", REPORT.encode(), "text/plain")
        page.fill("#upload-form [name=url]", "https://example.org/cku-opens")
        page.fill("#upload-form [name=publisher]", "Test wire")
        page.focus("#upload-form [name=title]")
        page.keyboard.type("CKU railway opens (test report)")
        shot(page, "upload-1440-filled")
        page.keyboard.press("Enter")  # Enter in a field submits the form
        message = _outcome(page)
        assert message.startswith("Read “cku-opens.txt”: 2 new proposals"), message
        page.wait_for_function("document.querySelectorAll('#review-list .just-read').length === 2")
        held = observatory.proposals().items
        assert {p.fact.kind.value for p in held} == {"status_event", "figure"}
        assert {p.document.title for p in held} == {"CKU railway opens (test report)"}
        assert page.locator("#upload-file").input_value() == ""  # the form is cleared
        shot(page, "upload-1440-read")
        serious = axe_audit(page)
        assert serious == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
        [opening] = [p for p in held if p.fact.kind.value == "status_event"]
        page.click(f"button[data-proposal-id='{opening.fact.id}']")
        page.locator("[data-testid=review-accept]").click()
        page.wait_for_function(
            "document.querySelector('#review-status').textContent.startsWith('Accepted')",
            timeout=30_000,
        )
        assert page.evaluate(OPEN_ON_MAP, CKU_LINKS) == dict.fromkeys(CKU_LINKS, True)
        # Submitted again: read, nothing new, the queue unchanged.
        _pick(page, "cku-opens.txt", REPORT.encode(), "text/plain")
        page.click("[data-testid=upload-go]")
        page.wait_for_function(
            "document.querySelector('#upload-status').textContent.includes('nothing new')"
        )
    assert observatory.proposals().total == 2


def test_junk_a_missing_token_and_an_oversized_file_end_in_messages_on_a_phone(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, observatory = writable
    with open_page(browser, base, width=PHONE["width"], height=PHONE["height"]) as page:
        _open_upload_form(page)
        page.fill("#upload-text", "Trade between China and Kazakhstan reached 45 billion dollars.")
        page.click("[data-testid=upload-go]")
        assert "write token" in _outcome(page)
        assert page.evaluate("document.activeElement.id") == "review-token"
        page.fill("#review-token", TOKEN)
        _pick(page, "junk.txt", JUNK, "text/plain")
        page.click("[data-testid=upload-go]")
        assert _outcome(page) == "Choose a file or paste a text, not both."
        page.fill("#upload-text", "")
        page.click("[data-testid=upload-go]")
        message = _outcome(page)
        assert message.startswith("“junk.txt”: the document could not be read: binary data"), (
            message
        )
        assert "caravan-upload" not in message  # the server's temporary file is not named
        page.locator("[data-testid=upload-status]").scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, "upload-390-junk")
        _pick(page, "broken.pdf", b"%PDF-1.4\n" + JUNK, "application/pdf")
        page.click("[data-testid=upload-go]")
        assert "PDF" in _outcome(page)
        _pick(page, "huge.txt", b"The railway opened. " * 20_000, "text/plain")
        page.click("[data-testid=upload-go]")
        assert "larger than the server accepts" in _outcome(page)
        page.fill("#upload-form [name=url]", "not a web address")
        _pick(page, "cku-opens.txt", REPORT.encode(), "text/plain")
        page.click("[data-testid=upload-go]")
        assert _outcome(page) == "URL: a web address, starting with http or https"
        assert page.get_attribute("#upload-form [name=url]", "aria-invalid") == "true"
        assert page.evaluate("document.activeElement.name") == "url"
        shot(page, "upload-390-invalid")
    assert observatory.proposals().total == 0


def test_a_pasted_text_is_submitted_with_the_keyboard_alone(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, observatory = writable
    with open_page(browser, base, width=1440, height=900) as page:
        page.focus("#tabbtn-layers")
        page.keyboard.press("End")
        page.wait_for_selector("body[data-review=loaded]", timeout=30_000)
        page.focus("#review-token")
        page.keyboard.type(TOKEN)
        order = []
        for _ in range(3):  # token → the box's summary → (opened) file → paste area
            page.keyboard.press("Tab")
            order.append(
                page.evaluate("document.activeElement.id || document.activeElement.tagName")
            )
            if order[-1] == "SUMMARY":
                assert (
                    page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
                )
                page.keyboard.press("Enter")
        assert order == ["SUMMARY", "upload-file", "upload-text"]
        page.keyboard.type(REPORT)
        page.keyboard.press("Tab")
        page.keyboard.type("Pasted test report")
        page.keyboard.press("Enter")
        message = _outcome(page)
        assert message == "Read the pasted text: 2 new proposals.", message
        page.wait_for_function("document.querySelectorAll('#review-list .just-read').length === 2")
    assert {p.document.title for p in observatory.proposals().items} == {"Pasted test report"}


def test_a_report_dated_by_its_year_alone_and_the_queue_by_confidence(
    browser: Browser, writable: tuple[str, Observatory]
) -> None:
    base, observatory = writable
    with open_page(browser, base, width=PHONE["width"], height=PHONE["height"]) as page:
        _open_upload_form(page)
        page.fill("#review-token", TOKEN)
        page.fill("#upload-text", REPORT)
        page.fill("#upload-form [name=date]", "2026/09")
        page.click("[data-testid=upload-go]")
        assert _outcome(page).startswith("Published on: a day, a month or a year")
        assert page.evaluate("document.activeElement.name") == "date"
        assert observatory.proposals().total == 0
        page.fill("#upload-form [name=date]", "2026")
        page.click("[data-testid=upload-go]")
        assert _outcome(page) == "Read the pasted text: 2 new proposals."
        held = observatory.proposals().items
        assert {
            (p.document.published_on.isoformat(), p.document.published_precision.value)
            for p in held
            if p.document.published_on
        } == {("2026-01-01", "year")}
        # The queue, most confident first, chosen with the keyboard.
        page.focus("#review-filters [name=order]")
        page.keyboard.press("ArrowDown")  # a closed select takes arrows without opening
        page.wait_for_function("document.body.dataset.review === 'loaded'")
        page.wait_for_function(
            "document.querySelector('#review-filters [name=order]').value === 'confidence'"
        )
        expected = [p.fact.id for p in sorted(held, key=lambda p: -p.fact.confidence)]
        page.wait_for_function(
            "ids => JSON.stringify([...document.querySelectorAll('#review-list [data-proposal-id]')]"
            ".map((b) => b.dataset.proposalId)) === JSON.stringify(ids)",
            arg=expected,
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, "upload-390-by-confidence")
