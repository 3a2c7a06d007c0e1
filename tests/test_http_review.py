"""The review queue over HTTP: open reading, token-guarded changes, problem documents."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi import FastAPI

import review_cases as cases
from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.store.journal import journal_path_for

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def app(mini: Observatory) -> FastAPI:
    """The app over the synthetic dataset, with the test document's facts queued."""
    mini.review.queue.add(cases.document(), cases.all_facts(cases.document()))
    return create_app(HttpSettings(write_token=TOKEN), mini)


def test_listing_filters_and_pages(app: FastAPI) -> None:
    listed = request(app, "GET", "/api/v1/proposals", params={"kind": "figure", "limit": 2})
    assert listed.status_code == 200
    body = listed.json()
    assert body["total"] == 3
    assert len(body["items"]) == 2
    assert {item["kind"] for item in body["items"]} == {"figure"}


def test_one_proposal_carries_both_sides_of_its_conflict(app: FastAPI) -> None:
    fact = cases.trade_conflict(cases.document())
    body = request(app, "GET", f"/api/v1/proposals/{fact.id[:12]}").json()
    assert body["id"] == fact.id
    assert body["comparison"]["held_value"] == "13000000000"
    assert body["proposed_value"] == "14,000,000,000"
    assert [s["id"] for s in body["held_sources"]] == ["src-test-news"]
    assert body["evidence"]["sentence"] == fact.evidence.sentence
    assert body["document"]["path"] == "test-line.txt"


def test_unknown_proposals_are_404_with_suggestions(app: FastAPI) -> None:
    fact = cases.opening(cases.document())
    body = assert_problem(
        request(app, "GET", f"/api/v1/proposals/{'0' + fact.id[1:]}"), 404, "unknown-record"
    )
    assert fact.id in body["suggestions"]


@pytest.mark.parametrize(
    ("method", "path", "extra"),
    [
        ("POST", "/proposals/{id}/accept", {}),
        ("POST", "/proposals/{id}/reject", {"json": {"reason": "no"}}),
        ("PATCH", "/proposals/{id}", {"json": {"set": {"year": "2023"}}}),
    ],
)
def test_every_change_needs_the_token(
    app: FastAPI, mini: Observatory, method: str, path: str, extra: dict[str, object]
) -> None:
    fact = cases.trade_conflict(cases.document())
    before = mini.kb.content_key()
    response = request(app, method, "/api/v1" + path.format(id=fact.id), **extra)
    assert_problem(response, 401, "unauthorized")
    assert mini.kb.content_key() == before
    assert request(app, "GET", f"/api/v1/proposals/{fact.id}").json()["state"] == "pending"


def test_accepting_an_opening_shows_in_the_network_at_once(app: FastAPI, mini: Observatory) -> None:
    fact = cases.opening(cases.document())
    accepted = request(app, "POST", f"/api/v1/proposals/{fact.id}/accept", headers=AUTH)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["table"] == "project_events"
    assert journal_path_for(mini.kb.path).exists()
    assert "rail-almaty-tashkent-new" not in mini.network(dt.date(2026, 9, 2)).closures
    again = request(app, "POST", f"/api/v1/proposals/{fact.id}/accept", headers=AUTH)
    assert "already accepted" in assert_problem(again, 422, "invalid-request")["detail"]


def test_reject_and_edit(app: FastAPI) -> None:
    memorandum = cases.memorandum(cases.document())
    edited = request(
        app,
        "PATCH",
        f"/api/v1/proposals/{memorandum.id}",
        json={"set": {"parties": "kz|uz"}},
        headers=AUTH,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["payload"]["parties"] == ["kz", "uz"]
    assert edited.json()["edited_by"] == "http"
    invalid = request(
        app,
        "PATCH",
        f"/api/v1/proposals/{memorandum.id}",
        json={"set": {"signed_on": "yesterday"}},
        headers=AUTH,
    )
    assert_problem(invalid, 422, "invalid-request")
    place = cases.new_place(cases.document())
    rejected = request(
        app, "POST", f"/api/v1/proposals/{place.id}/reject", json={"reason": "dup"}, headers=AUTH
    )
    assert rejected.json()["state"] == "rejected"
    assert rejected.json()["reason"] == "dup"


UPLOAD = (
    "The Test line opened to freight traffic on 1 September 2026, the railway said.\n"
    "Trade between China and Uzbekistan reached 13 billion dollars in 2024.\n"
)
UPLOAD_QUERY = {
    "title": "Test line opens",
    "publisher": "Test wire",
    "url": "https://example.org/t",
}


def test_an_uploaded_document_is_read_once(app: FastAPI) -> None:
    upload = {
        "content": UPLOAD.encode(),
        "params": UPLOAD_QUERY,
        "headers": {**AUTH, "Content-Type": "text/plain; charset=utf-8"},
    }
    first = request(app, "POST", "/api/v1/documents", **upload)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["new"] == len(body["proposals"]) > 0
    assert {
        p["payload"]["project_id"] for p in body["proposals"] if p["kind"] == "status_event"
    } == {"prj-test-line"}
    assert {p["document"]["path"] for p in body["proposals"]} == {"upload.txt"}  # no server folder
    again = request(app, "POST", "/api/v1/documents", **upload)
    assert again.json()["new"] == 0
    assert again.json()["known"] == body["new"]


def test_uploads_need_the_token_and_a_known_type(app: FastAPI) -> None:
    headers = {"Content-Type": "text/plain"}
    unauthorised = request(app, "POST", "/api/v1/documents", content=b"text", headers=headers)
    assert_problem(unauthorised, 401, "unauthorized")
    response = request(
        app,
        "POST",
        "/api/v1/documents",
        content=b"\x00\x01",
        headers={**AUTH, "Content-Type": "application/octet-stream"},
    )
    assert "text/plain" in assert_problem(response, 422, "invalid-request")["detail"]
    junk = request(
        app,
        "POST",
        "/api/v1/documents",
        content=bytes(range(256)) * 40,
        headers={**AUTH, "Content-Type": "application/pdf"},
    )
    assert "could not be read" in assert_problem(junk, 422, "invalid-request")["detail"]


def test_an_upload_beyond_the_document_limit_is_refused(mini: Observatory) -> None:
    small = create_app(HttpSettings(write_token=TOKEN, max_document_bytes=1_000), mini)
    response = request(
        small,
        "POST",
        "/api/v1/documents",
        content=UPLOAD.encode() * 20,
        params=UPLOAD_QUERY,
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert "limited to 1000 bytes" in assert_problem(response, 413, "too-large")["detail"]
    assert mini.proposals().total == 0


def test_a_document_larger_than_other_bodies_may_be_is_read(mini: Observatory) -> None:
    settings = HttpSettings(write_token=TOKEN, max_body_bytes=1_000, max_document_bytes=100_000)
    app = create_app(settings, mini)
    padded = UPLOAD + "\n\nThe report ends here." + " " * 5_000
    response = request(
        app,
        "POST",
        "/api/v1/documents",
        content=padded.encode(),
        params=UPLOAD_QUERY,
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["new"] >= 1
    big_edit = request(
        app,
        "POST",
        "/api/v1/projects/prj-test-line/events",
        content=b"{" + b" " * 2_000 + b"}",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert_problem(big_edit, 413, "too-large")  # other bodies keep the smaller limit


def test_listing_in_order_of_confidence(mini: Observatory) -> None:
    meta = cases.document()
    facts = cases.all_facts(meta)
    sure = [0.3, 0.8, 0.5, 0.9, 0.1, 0.6]
    mini.review.queue.add(meta, cases.with_confidences(meta, sure))
    app = create_app(HttpSettings(write_token=TOKEN), mini)
    ranked = request(app, "GET", "/api/v1/proposals", params={"order": "confidence"}).json()
    assert [item["confidence"] for item in ranked["items"]] == sorted(sure, reverse=True)
    oldest = request(app, "GET", "/api/v1/proposals").json()
    assert [item["id"] for item in oldest["items"]] == [f.id for f in facts]
    bad = request(app, "GET", "/api/v1/proposals", params={"order": "best"})
    assert_problem(bad, 422, "invalid-request")
