"""Contract tests of the HTTP API, in-process through httpx's ASGI transport."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from asgi_client import assert_problem, request
from caravan import Observatory
from caravan.errors import (
    KnowledgeBaseBusyError,
    KnowledgeBaseError,
    NotAKnowledgeBaseError,
    WorkLimitError,
)
from caravan.http import HttpSettings, create_app

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture
def app(mini: Observatory) -> FastAPI:
    return create_app(HttpSettings(max_page_size=3, max_alternatives=2, max_skim_places=4), mini)


@pytest.fixture
def writable(mini: Observatory) -> FastAPI:
    return create_app(HttpSettings(write_token=TOKEN), mini)


def test_openapi_is_published(app: FastAPI) -> None:
    spec = request(app, "GET", "/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/places",
        "/api/v1/route",
        "/api/v1/skim",
        "/api/v1/projects/{project_id}/events",
        "/api/v1/trade",
        "/api/v1/sources/{source_id}",
        "/api/v1/map",
        "/api/v1/timeline",
    ):
        assert path in spec["paths"], path


@pytest.mark.parametrize(
    ("method", "url", "status", "kind"),
    [
        ("GET", "/api/v1/places/Tashkennt", 404, "unknown-place"),
        ("GET", "/api/v1/projects/prj-nothing", 404, "unknown-record"),
        ("GET", "/api/v1/sources/nothing", 404, "unknown-record"),
        ("GET", "/api/v1/places?limit=0", 422, "invalid-request"),
        ("GET", "/api/v1/projects?as_of=yesterday", 422, "invalid-request"),
        ("GET", "/api/v1/trade?years=20x4", 422, "invalid-request"),
        ("GET", "/api/v1/trade?partner=false", 422, "invalid-request"),
        ("GET", "/api/v1/trade?partner=kz&partner=KZ1", 422, "invalid-request"),
        ("GET", "/api/v1/no-such-thing", 404, "not-found"),
        ("DELETE", "/api/v1/places", 405, "method-not-allowed"),
        (
            "GET",
            "/api/v1/route?origin=Xian&destination=Tashkent&alternatives=3",
            422,
            "too-much-work",
        ),
        (
            "GET",
            "/api/v1/skim?places=Xian&places=Almaty&places=Tashkent&places=Khorgos&places=Altynkol",
            422,
            "too-much-work",
        ),
        ("POST", "/api/v1/projects/prj-test-line/events", 403, "forbidden"),
    ],
)
def test_every_failure_is_a_problem_document(
    app: FastAPI, method: str, url: str, status: int, kind: str
) -> None:
    assert_problem(request(app, method, url, json={}), status, kind)


def test_unknown_places_come_with_suggestions(app: FastAPI) -> None:
    body = assert_problem(request(app, "GET", "/api/v1/places/Tashkennt"), 404, "unknown-place")
    assert body["suggestions"][0] == {"name": "Tashkent", "id": "uz-tashkent"}


def test_no_route_names_the_closure(app: FastAPI) -> None:
    response = request(
        app,
        "GET",
        "/api/v1/route",
        params={"origin": "Xian", "destination": "Almaty", "mode": "road", "date": "2025-10-01"},
    )
    body = assert_problem(response, 422, "no-route")
    assert "Chinese public holiday" in body["detail"]


def test_listings_are_paginated(app: FastAPI) -> None:
    first = request(app, "GET", "/api/v1/places", params={"limit": 100}).json()
    assert first["limit"] == 3  # capped by the settings
    assert first["total"] == 8
    assert len(first["items"]) == 3
    assert "offset=3" in first["next"]
    last = request(app, "GET", "/api/v1/places", params={"offset": 6}).json()
    assert len(last["items"]) == 2
    assert last["next"] is None
    ids = [
        p["id"]
        for page in (0, 3, 6)
        for p in request(app, "GET", "/api/v1/places", params={"offset": page}).json()["items"]
    ]
    assert len(set(ids)) == 8


def test_filters_and_name_search(app: FastAPI) -> None:
    body = request(app, "GET", "/api/v1/places", params={"country": "uz"}).json()
    assert {p["id"] for p in body["items"]} == {"uz-keles", "uz-tashkent"}
    body = request(app, "GET", "/api/v1/places", params={"q": "алма"}).json()
    assert [p["id"] for p in body["items"]] == ["kz-almaty"]


def test_route_returns_itinerary_alternatives_and_front(app: FastAPI) -> None:
    body = request(
        app,
        "GET",
        "/api/v1/route",
        params={
            "origin": "Xi'an",
            "destination": "Tashkent",
            "alternatives": 2,
            "pareto": True,
            "date": "2025-06-02",
        },
    ).json()
    assert body["best"]["origin"] == "cn-xian"
    assert len(body["alternatives"]) == 2
    assert len(body["pareto"]) >= 2
    assert all(leg["sources"] for leg in body["best"]["legs"])


def test_skim_marks_unreachable_cells_as_null(app: FastAPI) -> None:
    body = request(
        app, "GET", "/api/v1/skim", params={"places": ["Xian", "Tashkent"], "date": "2025-06-02"}
    ).json()
    assert body["place_ids"] == ["cn-xian", "uz-tashkent"]
    assert body["time_h"][0][0] == 0.0
    assert body["time_h"][0][1] > 0


def test_cors_is_closed_by_default(app: FastAPI, mini: Observatory) -> None:
    headers = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    response = request(app, "OPTIONS", "/api/v1/places", headers=headers)
    assert "access-control-allow-origin" not in response.headers
    opened = create_app(HttpSettings(cors_origins=("https://elsewhere.example",)), mini)
    response = request(opened, "OPTIONS", "/api/v1/places", headers=headers)
    assert response.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_large_bodies_are_refused(writable: FastAPI) -> None:
    response = request(
        writable,
        "POST",
        "/api/v1/projects/prj-test-line/events",
        content=b"x" * 70_000,
        headers={"Content-Type": "application/json"},
    )
    assert_problem(response, 413, "too-large")


def test_a_streamed_body_is_refused_once_past_the_limit(writable: FastAPI) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(10_000):  # 10 MB if it were all read
            sent += 1
            yield b"x" * 1_000

    response = request(
        writable,
        "POST",
        "/api/v1/projects/prj-test-line/events",
        content=chunks(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    assert_problem(response, 413, "too-large")
    assert sent <= 70  # stopped just past 64 KB: the rest was never read


EVENT = {
    "date": "2026-09-01",
    "status": "in_service",
    "source_ids": ["src-test-news"],
    "note": "opened",
}


def test_writes_need_the_operators_token(writable: FastAPI) -> None:
    url = "/api/v1/projects/prj-test-line/events"
    assert_problem(request(writable, "POST", url, json=EVENT), 401, "unauthorized")
    assert_problem(
        request(writable, "POST", url, json=EVENT, headers={"Authorization": "Bearer wrong-token"}),
        401,
        "unauthorized",
    )
    assert_problem(
        request(writable, "POST", url, json=EVENT, headers={"Authorization": TOKEN}),
        401,
        "unauthorized",
    )
    status = request(
        writable, "GET", "/api/v1/projects/prj-test-line", params={"as_of": "2026-09-02"}
    ).json()["status"]
    assert status == "under_construction"


def test_an_authorised_write_records_a_sourced_event(writable: FastAPI) -> None:
    url = "/api/v1/projects/prj-test-line/events"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = request(writable, "POST", url, json=EVENT, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "in_service"
    project = request(
        writable, "GET", "/api/v1/projects/prj-test-line", params={"as_of": "2026-09-02"}
    ).json()
    assert project["status"] == "in_service"
    no_source = {k: v for k, v in EVENT.items() if k != "source_ids"}
    assert_problem(
        request(writable, "POST", url, json=no_source, headers=headers), 422, "http-error"
    )
    unknown = {**EVENT, "source_ids": ["src-nowhere"]}
    assert_problem(
        request(writable, "POST", url, json=unknown, headers=headers), 422, "invalid-data"
    )


def test_the_page_and_its_assets_are_served_locally(app: FastAPI) -> None:
    page = request(app, "GET", "/")
    assert page.status_code == 200
    assert "/vendor/leaflet/dist/leaflet.js" in page.text
    for asset in (
        "/vendor/leaflet/dist/leaflet.js",
        "/vendor/topojson-client/dist/topojson-client.min.js",
        "/vendor/chart.js/dist/chart.umd.js",
        "/vendor/world-atlas/countries-50m.json",
        "/static/app.js",
        "/static/style.css",
    ):
        assert request(app, "GET", asset).status_code == 200, asset


def test_the_page_references_no_remote_host() -> None:
    static = Path(__file__).parents[1] / "src" / "caravan" / "web" / "static"
    for path in static.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text, path.name
        assert "https://" not in text, path.name


def test_map_layers_follow_the_date(app: FastAPI) -> None:
    before = request(app, "GET", "/api/v1/map", params={"date": "2010-01-01"}).json()
    after = request(app, "GET", "/api/v1/map", params={"date": "2025-06-02"}).json()

    def open_links(layers: dict[str, Any]) -> int:
        return sum(1 for f in layers["links"]["features"] if f["properties"]["in_service"])

    assert open_links(after) >= open_links(before)
    timeline = {item["id"]: item for item in request(app, "GET", "/api/v1/timeline").json()}
    assert timeline["rail-almaty-tashkent-new"]["planned"] is True
    assert timeline["rail-almaty-tashkent-new"]["opens_on"] == dt.date(2030, 12, 31).isoformat()


def test_skim_stream_reports_progress_then_the_result(app: FastAPI) -> None:
    response = request(
        app,
        "GET",
        "/api/v1/skim/stream",
        params={"places": ["Xian", "Almaty", "Tashkent"], "chunk": 1, "date": "2025-06-02"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [block for block in response.text.split("\n\n") if block.strip()]
    kinds = [block.splitlines()[0] for block in events]
    assert kinds == ["event: progress"] * 3 + ["event: result"]
    assert '"done": 3, "total": 3' in events[2]
    assert '"place_ids": ["cn-xian", "kz-almaty", "uz-tashkent"]' in events[3]


def test_every_http_setting_is_documented() -> None:
    text = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name in HttpSettings.model_fields if f"`{name}`" not in text]
    assert missing == []


def test_unknown_settings_are_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        HttpSettings.model_validate({"max_page": 10})


def test_openapi_declares_the_problem_documents_that_are_served(app: FastAPI) -> None:
    spec = request(app, "GET", "/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert "Problem" in schemas
    assert "HTTPValidationError" not in schemas
    assert "ValidationError" not in schemas
    problem_content = {"application/problem+json": {"schema": {"$ref": PROBLEM_REF}}}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            errors = {code for code in responses if code[0] in "45"}
            assert {"400", "413", "422", "500", "503"} <= errors, (method, path)
            for code in errors:
                assert responses[code]["content"] == problem_content, (method, path, code)
    events = spec["paths"]["/api/v1/projects/{project_id}/events"]["post"]["responses"]
    assert {"401", "403", "404"} <= set(events)
    assert events["401"]["headers"]["WWW-Authenticate"]["required"] is True
    assert "Retry-After" in events["503"]["headers"]
    for path in ("/api/v1/places/{name}", "/api/v1/route", "/api/v1/skim", "/api/v1/skim/stream"):
        assert "404" in spec["paths"][path]["get"]["responses"], path
    for path in ("/api/v1/places", "/api/v1/agreements", "/api/v1/trade", "/api/v1/sister-cities"):
        assert "404" in spec["paths"][path]["get"]["responses"], path  # an unknown country
    assert "404" not in spec["paths"]["/api/v1/links"]["get"]["responses"]
    stream = spec["paths"]["/api/v1/skim/stream"]["get"]["responses"]["200"]
    assert list(stream["content"]) == ["text/event-stream"]


def test_openapi_states_this_servers_work_limits(app: FastAPI) -> None:
    spec = request(app, "GET", "/api/v1/openapi.json").json()

    def schema_of(path: str, name: str) -> dict[str, Any]:
        parameters = spec["paths"][path]["get"]["parameters"]
        return next(p["schema"] for p in parameters if p["name"] == name)

    assert schema_of("/api/v1/route", "alternatives")["maximum"] == 2  # the app's settings
    assert schema_of("/api/v1/skim", "places")["maxItems"] == 4
    assert schema_of("/api/v1/skim/stream", "places")["maxItems"] == 4


PROBLEM_REF = "#/components/schemas/Problem"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/map?date=0",
        "/api/v1/map?date=20250602",
        "/api/v1/map?date=2025-6-2",
        "/api/v1/map?date=2025-06-02T00:00:00",
        "/api/v1/projects?as_of=0",
        "/api/v1/projects/prj-test-line?as_of=1.5",
        "/api/v1/route?origin=Xian&destination=Tashkent&date=0",
        "/api/v1/skim?places=Xian&places=Tashkent&date=0",
        "/api/v1/skim/stream?places=Xian&places=Tashkent&date=0",
    ],
)
def test_dates_are_only_read_as_yyyy_mm_dd(app: FastAPI, url: str) -> None:
    body = assert_problem(request(app, "GET", url), 422, "invalid-request")
    assert "YYYY-MM-DD" in body["detail"]


def test_iso_dates_are_read(app: FastAPI) -> None:
    response = request(app, "GET", "/api/v1/projects", params={"as_of": "2026-09-02"})
    assert response.status_code == 200
    assert {row["as_of"] for row in response.json()["items"]} == {"2026-09-02"}


def test_a_status_event_date_is_only_read_as_yyyy_mm_dd(writable: FastAPI) -> None:
    url = "/api/v1/projects/prj-test-line/events"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for date in (0, 1_700_000_000, "2026-9-1", "1 September 2026"):
        response = request(writable, "POST", url, json={**EVENT, "date": date}, headers=headers)
        assert_problem(response, 422, "invalid-request")


def test_a_malformed_source_id_is_an_invalid_request_not_a_server_error(
    writable: FastAPI,
) -> None:
    url = "/api/v1/projects/prj-test-line/events"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    malformed = "Not A Source Id " + "x" * 5_000
    response = request(
        writable, "POST", url, json={**EVENT, "source_ids": [malformed]}, headers=headers
    )
    body = assert_problem(response, 422, "invalid-request")
    assert ["body", "source_ids", "0"] in [e["location"] for e in body["errors"]]
    assert all(set(e) == {"location", "reason"} for e in body["errors"])
    assert "x" * 100 not in response.text  # the input is not echoed


def _raises(error: BaseException) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    ("error", "kind", "retry_after"),
    [
        (KnowledgeBaseBusyError("database is locked"), "busy", "1"),
        (WorkLimitError("route search went past its 2 s deadline"), "too-slow", "1"),
        (
            NotAKnowledgeBaseError("/srv/secret/kb.sqlite is not a caravan knowledge base"),
            "knowledge-base",
            None,
        ),
        (
            KnowledgeBaseError("cannot open /srv/secret/kb.sqlite: disk I/O error"),
            "knowledge-base",
            None,
        ),
    ],
)
def test_knowledge_base_and_deadline_failures_are_503(
    app: FastAPI,
    mini: Observatory,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    kind: str,
    retry_after: str | None,
) -> None:
    monkeypatch.setattr(mini, "places", _raises(error))
    response = request(app, "GET", "/api/v1/places")
    assert_problem(response, 503, kind)
    assert response.headers.get("retry-after") == retry_after
    assert "/srv/secret" not in response.text


def test_an_unexpected_error_is_a_500_without_internals(
    app: FastAPI, mini: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mini, "places", _raises(ZeroDivisionError("in /srv/secret/x.py")))
    response = request(app, "GET", "/api/v1/places")
    body = assert_problem(response, 500, "internal")
    assert "ZeroDivisionError" not in response.text
    assert "/srv/secret" not in body["detail"]
