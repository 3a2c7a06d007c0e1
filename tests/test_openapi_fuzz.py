"""Schemathesis against the published OpenAPI spec: no input makes the server fail."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from caravan import Observatory
from caravan.http import HttpSettings, create_app

MINI = Path(__file__).parent / "fixtures" / "mini"


def _app():  # type: ignore[no-untyped-def]
    folder = Path(tempfile.mkdtemp(prefix="caravan-fuzz-"))
    shutil.copytree(MINI, folder / "data")
    observatory = Observatory.open(folder / "kb.sqlite", folder / "data")
    return create_app(HttpSettings(write_token="fuzz-token-0123456789abcdef"), observatory)


schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_causes_a_server_error(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=[not_a_server_error])
    if response.status_code >= 400:
        content_type = response.headers.get("content-type", [""])
        shown = content_type[0] if isinstance(content_type, list) else content_type
        assert shown.startswith("application/problem+json"), (
            case.formatted_path,
            response.status_code,
        )
