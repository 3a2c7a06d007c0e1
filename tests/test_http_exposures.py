"""What the HTTP face must not expose or tolerate: found by a security and reliability probe.

In-process: no Host reflection, no server paths, no secrets, no vendor files beyond the page's.
Against a real `caravan serve` subprocess: request-head size and time limits, the concurrency
limit, port validation and several worker processes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from asgi_client import request
from caravan import Observatory
from caravan.cli import app as cli
from caravan.http import HttpSettings, create_app
from caravan.http.routes_knowledge import PublicSummary
from caravan.http.settings import InvalidSettingsError
from caravan.http.web import STATIC, VENDOR_FILES
from caravan.views import Summary

MINI = Path(__file__).parent / "fixtures" / "mini"
SHORT_TOKEN = "sh0rt-s3cret"  # 12 characters: too short to be accepted


@pytest.fixture
def app(mini: Observatory) -> FastAPI:
    return create_app(HttpSettings(max_page_size=3), mini)


# -- Host reflection ---------------------------------------------------------------------------
def test_next_links_are_relative_and_ignore_the_host_header(app: FastAPI) -> None:
    response = request(
        app,
        "GET",
        "/api/v1/places",
        params={"country": "kz"},
        headers={"Host": "attacker.example", "X-Forwarded-Host": "attacker.example"},
    )
    body = response.json()
    assert "attacker" not in response.text
    assert body["next"] == "/api/v1/places?country=kz&offset=3&limit=3"
    following = request(app, "GET", body["next"]).json()
    assert following["offset"] == 3


# -- server paths ------------------------------------------------------------------------------
def test_meta_leaves_out_the_knowledge_base_path(app: FastAPI, mini: Observatory) -> None:
    response = request(app, "GET", "/api/v1/meta")
    assert response.status_code == 200
    assert "knowledge_base" not in response.json()
    assert str(mini.kb.path.parent) not in response.text
    assert mini.summary().knowledge_base == str(mini.kb.path)  # still there for the CLI


def test_the_public_summary_is_the_summary_without_the_path() -> None:
    # A field added to Summary must be chosen for /meta on purpose: this fails until it is.
    assert set(PublicSummary.model_fields) == set(Summary.model_fields) - {"knowledge_base"}


def test_no_read_response_holds_a_server_path(app: FastAPI, mini: Observatory) -> None:
    private = str(mini.kb.path.parent)
    for url in (
        "/api/v1/meta",
        "/api/v1/places",
        "/api/v1/places/Tashkent",
        "/api/v1/crossings",
        "/api/v1/links",
        "/api/v1/projects",
        "/api/v1/projects/prj-test-line",
        "/api/v1/agreements",
        "/api/v1/trade",
        "/api/v1/sources",
        "/api/v1/sources/src-test-news",
        "/api/v1/map",
        "/api/v1/timeline",
        "/api/v1/openapi.json",
        "/api/v1/places/nowhere",
    ):
        response = request(app, "GET", url)
        assert response.status_code < 500, url
        assert private not in response.text, url
        assert "/tmp/" not in response.text, url


# -- secrets -----------------------------------------------------------------------------------
def test_a_short_token_is_refused_without_being_shown() -> None:
    with pytest.raises(InvalidSettingsError) as caught:
        HttpSettings.from_environment({"CARAVAN_WRITE_TOKEN": SHORT_TOKEN})
    message = str(caught.value)
    assert message == "CARAVAN_WRITE_TOKEN is too short: at least 16 characters are needed"
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or SHORT_TOKEN not in str(caught.value.__context__)


def test_a_token_never_appears_in_settings_or_their_errors() -> None:
    token = "a-long-enough-s3cret-token"
    settings = HttpSettings(write_token=token)
    assert token not in repr(settings)
    assert token not in str(settings.model_dump())
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        HttpSettings(write_token=SHORT_TOKEN)
    assert SHORT_TOKEN not in str(caught.value)


def test_serve_with_a_short_token_never_prints_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["serve", "--kb", str(tmp_path / "kb.sqlite"), "--data-dir", str(MINI)],
        env={"CARAVAN_WRITE_TOKEN": SHORT_TOKEN},
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, InvalidSettingsError)
    assert SHORT_TOKEN not in result.output
    assert SHORT_TOKEN not in str(result.exception)
    assert not (tmp_path / "kb.sqlite").exists()  # refused before any work


def test_caravan_serve_with_a_short_token_says_so_in_one_line(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "caravan", "serve", "--kb", str(tmp_path / "kb.sqlite")],
        env=_environment(CARAVAN_WRITE_TOKEN=SHORT_TOKEN),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 2
    assert SHORT_TOKEN not in output
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines == ["error: CARAVAN_WRITE_TOKEN is too short: at least 16 characters are needed"]


# -- vendor files ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "/vendor/leaflet/package.json",
        "/vendor/leaflet/dist/leaflet-src.js",
        "/vendor/world-atlas/countries-10m.json",
        "/vendor/chart.js/package.json",
        "/vendor/leaflet/dist/../package.json",
        "/vendor/leaflet/",
        "/vendor/",
    ],
)
def test_only_the_listed_vendor_files_are_served(app: FastAPI, url: str) -> None:
    response = request(app, "GET", url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_every_vendor_file_the_page_uses_is_listed_and_served(app: FastAPI) -> None:
    # The page's own files, and the API docs page (Swagger UI from npm).
    texts = [path.read_text(encoding="utf-8") for path in sorted(STATIC.glob("*.[hj][ts]*"))]
    texts.append(request(app, "GET", "/api/v1/docs").text)
    used = set()
    for text in texts:
        used |= set(re.findall(r"/vendor/([\w.-]+)/([\w./-]+)", text))
    listed = {(package, name) for package, names in VENDOR_FILES.items() for name in names}
    assert used == listed  # every listed file is used, every used file is listed
    for package, name in sorted(used):
        response = request(app, "GET", f"/vendor/{package}/{name}")
        assert response.status_code == 200, (package, name)
        assert response.content


# -- a real server -----------------------------------------------------------------------------
def _environment(**variables: str) -> dict[str, str]:
    """This environment without any CARAVAN_* setting, plus the given ones."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("CARAVAN_")}
    return {**kept, "NO_COLOR": "1", "COLUMNS": "200", **variables}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(port: int, path: str, timeout: float = 5) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """`caravan serve` in a subprocess, on a free port, stopped by its own process id."""

    def __init__(self, kb: Path, data_dir: Path, log: Path, *args: str, **env: str) -> None:
        self.port = _free_port()
        self.log = log
        self.output = log.open("w")
        command = [sys.executable, "-m", "caravan", "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--kb", str(kb), "--data-dir", str(data_dir), *args],
            env=_environment(**env),
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log.read_text()
            try:
                if _get(self.port, "/api/v1/meta", timeout=2)[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"the server did not start: {log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.output.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A knowledge base over the synthetic data, built once for every server of this module."""
    folder = tmp_path_factory.mktemp("served")
    shutil.copytree(MINI, folder / "data")
    Observatory.open(folder / "kb.sqlite", folder / "data").close()
    return folder / "kb.sqlite", folder / "data"


HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 1.5


@pytest.fixture(scope="module")
def server(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    kb, data = built
    log = tmp_path_factory.mktemp("server") / "serve.log"
    running = Server(
        kb,
        data,
        log,
        CARAVAN_HEADER_TIMEOUT_SECONDS=str(HEADER_TIMEOUT),
        CARAVAN_BODY_TIMEOUT_SECONDS=str(BODY_TIMEOUT),
    )
    yield running
    running.stop()


def _connect(port: int) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    return connection


def _read_all(connection: socket.socket) -> bytes:
    """Everything the server sends until it closes (or a reset, which is a close too)."""
    received = b""
    try:
        while chunk := connection.recv(65_536):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def test_the_server_announces_the_address_it_listens_on(server: Server) -> None:
    assert f"http://127.0.0.1:{server.port}/" in server.log.read_text()
    status, _, body = _get(server.port, "/api/v1/meta")
    assert status == 200
    assert "knowledge_base" not in json.loads(body)


@pytest.mark.parametrize("pieces", [1, 8])
def test_a_request_with_100_kb_of_headers_is_not_served(server: Server, pieces: int) -> None:
    head = b"GET /api/v1/meta HTTP/1.1\r\nHost: caravan.test\r\n"
    head += b"".join(b"X-Filler-%d: %s\r\n" % (i, b"a" * 1_000) for i in range(100)) + b"\r\n"
    with _connect(server.port) as connection:
        try:
            size = len(head) // pieces + 1
            for start in range(0, len(head), size):
                connection.sendall(head[start : start + size])
                time.sleep(0.05 if pieces > 1 else 0)
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed while we were still sending: refused
        answer = _read_all(connection)
    assert not answer.startswith(b"HTTP/1.1 200"), answer[:200]
    if answer:
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
        assert b"application/problem+json" in answer
    status, _, _ = _get(server.port, "/api/v1/meta")  # the server is still fine
    assert status == 200


def test_a_request_head_that_never_ends_is_cut_off(server: Server) -> None:
    with _connect(server.port) as connection:
        connection.sendall(b"GET /api/v1/meta HTTP/1.1\r\nHost: caravan.test\r\n")
        started = time.monotonic()
        answer = _read_all(connection)
        waited = time.monotonic() - started
    assert answer == b""  # closed without an answer
    assert HEADER_TIMEOUT * 0.8 <= waited <= HEADER_TIMEOUT + 3


def test_a_silent_connection_is_cut_off_too(server: Server) -> None:
    with _connect(server.port) as connection:
        started = time.monotonic()
        assert _read_all(connection) == b""
        assert time.monotonic() - started <= HEADER_TIMEOUT + 3


def test_a_head_that_arrives_in_time_is_served_on_a_kept_alive_connection(
    server: Server,
) -> None:
    request_head = b"GET /api/v1/meta HTTP/1.1\r\nHost: caravan.test\r\n\r\n"
    with _connect(server.port) as connection:
        for _ in range(2):  # the deadline restarts after each response
            connection.sendall(request_head[:20])
            time.sleep(HEADER_TIMEOUT / 2)
            connection.sendall(request_head[20:])
            answer = connection.recv(65_536)
            assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
            while b"\r\n\r\n" not in answer:
                answer += connection.recv(65_536)
            head, body = answer.split(b"\r\n\r\n", 1)
            length = int(dict(_header_lines(head))[b"content-length"])
            while len(body) < length:
                body += connection.recv(65_536)


def _header_lines(head: bytes) -> Iterator[tuple[bytes, bytes]]:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        yield name.strip().lower(), value.strip()


def test_a_body_that_never_ends_gets_408_and_the_connection_is_closed(server: Server) -> None:
    head = (
        b"POST /api/v1/projects/prj-test-line/events HTTP/1.1\r\nHost: caravan.test\r\n"
        b"Content-Type: application/json\r\nContent-Length: 400\r\n\r\n"
    )
    with _connect(server.port) as connection:
        connection.sendall(head + b'{"kind": "place_added", ')  # 24 of the 400 bytes
        started = time.monotonic()
        answer = _read_all(connection)
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"application/problem+json" in answer
    assert b"request bodies must arrive within 1.5 s" in answer
    assert BODY_TIMEOUT * 0.8 <= waited <= BODY_TIMEOUT + 3
    status, _, _ = _get(server.port, "/api/v1/meta")  # the server is still fine
    assert status == 200
    assert "Traceback" not in server.log.read_text()


def test_a_body_sent_slowly_but_in_time_is_read(server: Server) -> None:
    body = b'{"bogus": true}'
    head = (
        b"POST /api/v1/projects/prj-test-line/events HTTP/1.1\r\nHost: caravan.test\r\nConnection: close\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    with _connect(server.port) as connection:
        connection.sendall(head + body[:5])
        time.sleep(BODY_TIMEOUT / 2)
        connection.sendall(body[5:])
        answer = _read_all(connection)
    assert not answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert answer.startswith(b"HTTP/1.1 4"), answer[:200]  # the app's own refusal (no token)


def test_a_garbled_request_gets_a_problem_document(server: Server) -> None:
    with _connect(server.port) as connection:
        connection.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        answer = _read_all(connection)
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
    assert b"application/problem+json" in answer


def test_requests_beyond_the_concurrency_limit_get_503_problems(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    kb, data = built
    limited = Server(kb, data, tmp_path / "serve.log", CARAVAN_MAX_CONCURRENCY="1")
    try:
        with _connect(limited.port):  # holds the one place
            status, headers, body = _get(limited.port, "/api/v1/meta")
        assert status == 503
        assert headers["content-type"].startswith("application/problem+json")
        assert headers["retry-after"] == "1"
        assert json.loads(body)["type"] == "/problems/busy"
    finally:
        limited.stop()


@pytest.mark.parametrize(
    ("option", "value"), [("--port", "99999"), ("--port", "0"), ("--workers", "0")]
)
def test_out_of_range_options_are_refused_in_one_line(
    tmp_path: Path, option: str, value: str
) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "caravan", "serve", option, value, "--kb", str(tmp_path / "k")],
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 2
    assert "Traceback" not in output
    assert "observatory on" not in output
    errors = [line for line in output.splitlines() if "Invalid value" in line]
    assert len(errors) == 1
    assert option in errors[0]
    assert not (tmp_path / "k").exists()


def test_several_workers_serve_the_api(built: tuple[Path, Path], tmp_path: Path) -> None:
    kb, data = built
    workers = Server(kb, data, tmp_path / "serve.log", "--workers", "2")
    try:
        answers = [_get(workers.port, "/api/v1/meta") for _ in range(4)]
        assert [status for status, _, _ in answers] == [200] * 4
        assert json.loads(answers[0][2])["tables"]
        assert f"http://127.0.0.1:{workers.port}/" in workers.log.read_text()
    finally:
        workers.stop()
    assert workers.process.returncode is not None
