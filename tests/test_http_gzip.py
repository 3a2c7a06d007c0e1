"""Responses of 1 KB or more are gzip-compressed for clients that accept it; streams never."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI

from asgi_client import request
from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.http.app import GZIP_MINIMUM_BYTES

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def app(mini: Observatory) -> FastAPI:
    return create_app(HttpSettings(), mini)


def test_the_map_is_sent_gzip_compressed_when_accepted(app: FastAPI) -> None:
    response = request(app, "GET", "/api/v1/map", headers=GZIP)
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in response.headers["vary"].lower()
    compressed = int(response.headers["content-length"])
    assert len(response.content) > compressed  # httpx decoded the body
    assert response.json()["links"]["type"] == "FeatureCollection"


def test_the_map_is_sent_plain_to_clients_that_do_not_accept_gzip(app: FastAPI) -> None:
    response = request(app, "GET", "/api/v1/map", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert len(response.content) >= GZIP_MINIMUM_BYTES
    assert json.loads(response.content)["links"]["type"] == "FeatureCollection"


def test_small_responses_stay_plain(app: FastAPI) -> None:
    response = request(app, "GET", "/api/v1/places/no-such-place", headers=GZIP)
    assert response.status_code == 404
    assert len(response.content) < GZIP_MINIMUM_BYTES
    assert "content-encoding" not in response.headers


def test_event_streams_are_never_compressed(app: FastAPI) -> None:
    response = request(
        app,
        "GET",
        "/api/v1/skim/stream",
        params={"places": ["Xian", "Almaty", "Tashkent"], "chunk": 1, "date": "2025-06-02"},
        headers=GZIP,
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "content-encoding" not in response.headers
    assert response.text.count("event: progress") == 3


def test_a_compressed_map_decodes_to_the_plain_one(app: FastAPI) -> None:
    plain = request(app, "GET", "/api/v1/map", headers={"Accept-Encoding": "identity"})
    packed = request(app, "GET", "/api/v1/map", headers=GZIP)
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(plain.content) // 3
    assert packed.json() == plain.json()
