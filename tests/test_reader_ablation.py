"""The ablation script (evaluation/reader_ablation.py) switches off every reader of new things
that ``entities._gathered`` calls: a reader added there and not to the script would go unmeasured."""

from __future__ import annotations

import ast
import inspect

import caravan.analysis.ingest.entities as entities
from ingest_helpers import evaluation_module

#: Calls in ``_gathered`` that read nothing new on their own (names, spans, checks).
HELPERS = frozenset(
    {"parties_named", "tokenise", "_a_crossing_by_its_post", "_countries_of_places",
     "_head_in_nominative", "_like_a_known_project", "_names_a_thing", "_new", "_project_near",
     "_town_at"}
)  # fmt: skip


def _called_in_gathered() -> set[str]:
    tree = ast.parse(inspect.getsource(entities._gathered))
    return {
        call.func.id
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and callable(getattr(entities, call.func.id, None))
    }


def test_every_reader_called_for_new_things_is_switched_off_by_the_ablation() -> None:
    for name in ("ingest_labels", "ingest_matching", "ingest_quality"):
        evaluation_module(name)
    readers = set(evaluation_module("reader_ablation").ENTITY_READERS)
    called = _called_in_gathered() - HELPERS
    assert called - readers == set(), "readers the ablation does not switch off"
    assert readers - called == set(), "names the ablation lists that _gathered never calls"
