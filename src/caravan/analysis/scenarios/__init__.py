"""Scenarios: the built-in catalogue, TOML loading, and checks against the knowledge base."""

from caravan.analysis.scenarios.loading import (
    builtin_names,
    check_against_knowledge_base,
    load_scenario,
    scenario_from_mapping,
)

__all__ = [
    "builtin_names",
    "check_against_knowledge_base",
    "load_scenario",
    "scenario_from_mapping",
]
