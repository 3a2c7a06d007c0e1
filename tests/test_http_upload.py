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
