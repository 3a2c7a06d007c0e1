"""Schemathesis against the published OpenAPI document: every operation, every check.

Besides "no server error", schemathesis checks that each response's status code, content type,
headers and body are the ones the document declares, that schema-valid requests are accepted
and invalid ones rejected. The main test sends the operator's token, so the write operation
is fuzzed past its authorisation check; a second one fuzzes it without (401).

For the figures: `.venv/bin/pytest tests/test_openapi_fuzz.py -q -p no:cacheprovider -s`
prints one line `schemathesis: <requests> requests ... operations failing: <n>`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from caravan import Observatory
from caravan.http import HttpSettings, create_app
from caravan.store import default_data_dir

TOKEN = "fuzz-token-0123456789abcdef"
MAX_EXAMPLES = 30

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Tally:
    """An ASGI wrapper counting every request schemathesis sends, by operation and status."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app
        self.requests = 0
        self.statuses: Counter[int] = Counter()
        self.failures: set[str] = set()  # operations with at least one failure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.requests += 1

        async def counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.statuses[message["status"]] += 1
            await send(message)

        await self.app(scope, receive, counted)


def _app() -> Tally:
    # The embedded dataset, so that the built-in scenarios (which name its projects and
    # sources) apply and their code paths are fuzzed too.
    folder = Path(tempfile.mkdtemp(prefix="caravan-fuzz-"))
    shutil.copytree(default_data_dir(), folder / "data")
    observatory = Observatory.open(folder / "kb.sqlite", folder / "data")
    return Tally(create_app(HttpSettings(write_token=TOKEN), observatory))


# Schema-valid requests that are rightly refused (422) by a rule the document cannot (yet)
# state; for these operations positive_data_acceptance also accepts a 422, nothing else does.
# - trade: a year range must run forwards and span at most 200 years, which the pattern of
#   `years` cannot say: `2025-2013` matches it and is refused.
# - status events: an event needs a source (`source_ids` or `new_source`), which the body
#   schema does not say yet.
# - documents: the body must be a document caravan can read (not empty, not binary junk),
#   which a schema of bytes cannot say.
ACCEPTING = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": path,
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTING, "422"]}},
            }
            for path in (
                "/api/v1/trade",
                "/api/v1/projects/{project_id}/events",
                "/api/v1/documents",
            )
        ]
    }
)
# A PDF upload is bytes, as an octet stream is (schemathesis has no serializer of its own for it).
schemathesis.serializer.alias("application/pdf", "application/octet-stream")
TALLY = _app()
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", TALLY, config=CONFIG)
OPERATIONS = sum(1 for result in schema.get_all_operations() if result.ok())
TALLY.requests, TALLY.statuses = 0, Counter()  # loading the document is not fuzzing


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_response_is_the_documented_one(case: schemathesis.Case) -> None:
    try:
        # No `checks=`: every built-in check runs, conformance included.
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})
    except (Exception, BaseExceptionGroup):
        TALLY.failures.add(f"{case.method} {case.path}")
        raise


@schema.exclude(method="GET").parametrize()  # `include` would be widened by CONFIG
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_writes_without_the_token_are_the_documented_401(case: schemathesis.Case) -> None:
    try:
        response = case.call_and_validate()
    except (Exception, BaseExceptionGroup):
        TALLY.failures.add(f"{case.method} {case.path} (no token)")
        raise
    # Not one of the coverage phase's other-method probes (a POST to the PATCH path is a 405).
    if case.method == "POST" and case.operation.method.upper() == "POST":
        # Refused, never written: 401; 422 for a body that is not JSON at all (read first);
        # 400 for one that cannot even be decoded as text.
        assert response.status_code in (400, 401, 422)
        if response.status_code == 422:
            assert {e["location"][0] for e in response.json()["errors"]} == {"body"}


def test_zz_the_fuzzing_reached_every_operation() -> None:
    """Runs after the fuzzing (file order): report the figures and check that it happened."""
    statuses = ", ".join(f"{code}: {n}" for code, n in sorted(TALLY.statuses.items()))
    print(
        f"\nschemathesis: {TALLY.requests} requests over {OPERATIONS} operations "
        f"(max_examples={MAX_EXAMPLES}, derandomized); statuses {{{statuses}}}; "
        f"operations failing: {len(TALLY.failures)} {sorted(TALLY.failures)}"
    )
    # Every operation of the document loaded without error (none silently left unfuzzed).
    methods = {"get", "post", "put", "patch", "delete"}
    paths = TALLY.app.openapi()["paths"]  # type: ignore[attr-defined]
    assert sum(len(methods & set(item)) for item in paths.values()) == OPERATIONS
    assert TALLY.requests >= OPERATIONS * 10
    assert not [code for code in TALLY.statuses if code >= 500]
    assert TALLY.statuses[200] > 0
    assert TALLY.statuses[422] > 0
    assert TALLY.statuses[401] > 0
