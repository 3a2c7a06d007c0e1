"""Uploads over HTTP as the Review view's form sends them: a refusal names no server path."""

from __future__ import annotations

import tempfile

import pytest

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.http import HttpSettings, create_app

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    ("media", "content", "reason"),
    [
        ("text/plain", bytes(range(256)) * 8, "binary data (NUL bytes), not a text document"),
        ("text/html", bytes(range(256)) * 8, "binary data (NUL bytes), not an HTML document"),
        ("application/pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8, "a PDF that does not parse"),
    ],
)
def test_an_unreadable_upload_says_why_without_the_servers_paths(
    mini: Observatory, media: str, content: bytes, reason: str
) -> None:
    app = create_app(HttpSettings(write_token=TOKEN), mini)
    response = request(
        app, "POST", "/api/v1/documents", content=content, headers={**AUTH, "Content-Type": media}
    )
    detail = assert_problem(response, 422, "invalid-request")["detail"]
    assert detail.startswith(f"the document could not be read: {reason}"), detail
    assert tempfile.gettempdir() not in detail
    assert "caravan-upload" not in detail
    assert mini.proposals().total == 0


@pytest.mark.parametrize(
    ("date", "day", "precision"),
    [
        ("2025", "2025-01-01", "year"),
        ("2025-03", "2025-03-01", "month"),
        ("2025-03-14", "2025-03-14", "day"),
    ],
)
def test_a_report_dated_by_its_year_or_month_dates_what_holds_now_as_precisely(
    mini: Observatory, date: str, day: str, precision: str
) -> None:
    app = create_app(HttpSettings(write_token=TOKEN), mini)
    text = "Construction of the Test line is under way."
    response = request(
        app,
        "POST",
        "/api/v1/documents",
        params={"date": date, "language": "en"},
        content=text.encode(),
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    [event] = [p for p in response.json()["proposals"] if p["kind"] == "status_event"]
    assert (event["payload"]["date"], event["payload"]["date_precision"]) == (day, precision)
    assert event["document"]["published_precision"] == precision


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2025-13", "not a calendar date"),
        ("25-03-14", "not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2025/03", "not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        # digits of another script are no year here
        ("\u0662\u0660\u0662\u0665", "not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        # a time of day is more than a publication date, and an empty date is no date
        ("2025-03-14T10:00:00Z", "not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("", "not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_a_date_that_is_no_day_month_or_year_is_refused(
    mini: Observatory, date: str, reason: str
) -> None:
    app = create_app(HttpSettings(write_token=TOKEN), mini)
    response = request(
        app,
        "POST",
        "/api/v1/documents",
        params={"date": date},
        content=b"Some text.",
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert reason in assert_problem(response, 422, "invalid-request")["detail"]
    assert mini.proposals().total == 0
