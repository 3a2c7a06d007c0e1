"""Reading scenarios from TOML, merging a file with the one it extends, checking every id.

A scenario file is TOML with the fields of :class:`~caravan.model.Scenario` (see
``docs/scenarios.md``). ``base = "NAME"`` extends a built-in scenario, ``base =
"other.toml"`` a file beside it: lists extend the base's, single values replace them, and a
chain that comes back on itself is refused. Every error is a
:class:`~caravan.errors.ScenarioError` naming the file, the key and what is wrong.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from caravan.errors import DataIssue, ScenarioError
from caravan.model import LinkMode, ProjectStatus, Scenario
from caravan.model.scenario import ALL_CROSSINGS
from caravan.store import KnowledgeBase

__all__ = [
    "builtin_names",
    "check_against_knowledge_base",
    "load_scenario",
    "scenario_from_mapping",
]

_LIST_KEYS = (
    "project", "crossing", "link", "rate", "closure", "new_places", "new_links",
    "new_crossings", "new_sources", "new_assumptions",
)  # fmt: skip


def _builtin_dir() -> Any:
    return resources.files("caravan.analysis.scenarios") / "builtin"


def builtin_names() -> list[str]:
    """Names of the built-in scenarios, in the order they are listed."""
    names = [p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".toml")]
    order = ["today", "as-planned-2030", "summit-2025"]
    return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def _read_toml(reference: str, relative_to: Path | None) -> tuple[str, dict[str, Any]]:
    """(file name for messages, parsed table) of a built-in name or a path."""
    if reference.endswith(".toml") or "/" in reference or "\\" in reference:
        path = Path(reference)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        label = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ScenarioError(label, None, f"cannot be read ({error.strerror})") from None
    else:
        label = f"{reference}.toml (built-in)"
        entry = _builtin_dir() / f"{reference}.toml"
        if not entry.is_file():
            names = ", ".join(builtin_names())
            raise ScenarioError(
                reference, None, f"no built-in scenario {reference!r}; built-ins: {names}"
            )
        text = entry.read_text(encoding="utf-8")
    try:
        return label, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(label, None, f"is not valid TOML: {error}") from None


def _merged(
    reference: str, relative_to: Path | None, seen: tuple[str, ...]
) -> tuple[str, dict[str, Any]]:
    label, table = _read_toml(reference, relative_to)
    key = label
    if key in seen:
        chain = " -> ".join((*seen, key))
        raise ScenarioError(label, "base", f"extends itself in a cycle: {chain}")
    base = table.get("base")
    if base is None:
        return label, table
    if not isinstance(base, str):
        raise ScenarioError(label, "base", f"{base!r} is not a scenario name or a .toml path")
    folder = Path(label).parent if not label.endswith("(built-in)") else None
    _, parent = _merged(base, folder, (*seen, key))
    merged = {k: v for k, v in parent.items() if k not in ("name", "description", "sources")}
    for name, value in table.items():
        if name in _LIST_KEYS and isinstance(value, list) and isinstance(parent.get(name), list):
            merged[name] = [*parent[name], *value]
        else:
            merged[name] = value
    merged["sources"] = list(dict.fromkeys([*parent.get("sources", []), *table.get("sources", [])]))
    return label, merged


def scenario_from_mapping(table: Mapping[str, Any], file: str = "<scenario>") -> Scenario:
    """A scenario from a parsed table; every schema problem named by file and key."""
    try:
        return Scenario.model_validate(dict(table))
    except ValidationError as error:
        issues = []
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"]) or None
            reason = problem["msg"]
            if problem["type"] == "extra_forbidden":
                reason = "unknown key"
            elif "input" in problem and problem["type"] != "missing":
                reason += f" (got {problem['input']!r})"
            issues.append(DataIssue(file, None, key, reason))
        raise ScenarioError(file, issues=issues) from None


def load_scenario(reference: str | Path, kb: KnowledgeBase | None = None) -> Scenario:
    """A built-in scenario by name, or a TOML file, merged with its bases and checked.

    With ``kb``, every id it names (projects, crossings, links, places, countries, sources)
    must exist in the knowledge base or in the scenario's own new rows.
    """
    label, table = _merged(str(reference), None, ())
    scenario = scenario_from_mapping(table, label)
    if kb is not None:
        check_against_knowledge_base(scenario, kb, label)
    return scenario


def check_against_knowledge_base(scenario: Scenario, kb: KnowledgeBase, file: str) -> None:
    """Raise :class:`ScenarioError` listing every id the scenario names that does not exist."""
    issues: list[DataIssue] = []

    def missing(key: str, kind: str, value: str, known: set[str]) -> None:
        if value not in known:
            close = sorted(k for k in known if value[:8] in k)[:3]
            hint = f" — did you mean {', '.join(close)}?" if close else ""
            issues.append(DataIssue(file, None, key, f"unknown {kind} {value!r}{hint}"))

    projects = {p.id for p in kb.projects()}
    crossings = {c.id for c in kb.crossings()} | {c.id for c in scenario.new_crossings}
    links = {link.id for link in kb.links()} | {link.id for link in scenario.new_links}
    places = {p.id for p in kb.places()} | {p.id for p in scenario.new_places}
    countries = {c.id for c in kb.countries()}
    cited = (
        {s.id for s in kb.sources()}
        | {a.id for a in kb.assumptions()}
        | {s.id for s in scenario.new_sources}
        | {a.id for a in scenario.new_assumptions}
    )
    for index, source_id in enumerate(scenario.sources):
        missing(f"sources.{index}", "source", source_id, cited)
    for name, rows in (
        ("project", scenario.project), ("crossing", scenario.crossing),
        ("link", scenario.link), ("rate", scenario.rate), ("closure", scenario.closure),
        ("new_places", scenario.new_places), ("new_links", scenario.new_links),
        ("new_crossings", scenario.new_crossings),
    ):  # fmt: skip
        for index, row in enumerate(rows):
            for position, source_id in enumerate(getattr(row, "source", ())):
                missing(f"{name}.{index}.source.{position}", "source", source_id, cited)
    for index, project in enumerate(scenario.project):
        missing(f"project.{index}.id", "project", project.id, projects)
    for index, crossing in enumerate(scenario.crossing):
        if crossing.id != ALL_CROSSINGS:
            missing(f"crossing.{index}.id", "crossing", crossing.id, crossings)
    for index, closure in enumerate(scenario.closure):
        missing(f"closure.{index}.id", "crossing", closure.id, crossings)
    ferries = {lk.id for lk in [*kb.links(), *scenario.new_links] if lk.mode == LinkMode.FERRY}
    for index, link in enumerate(scenario.link):
        missing(f"link.{index}.id", "link", link.id, links)
        if link.id in ferries:
            issues.append(
                DataIssue(
                    file,
                    None,
                    f"link.{index}.id",
                    f"{link.id} is a ferry: its time comes from its sailings "
                    "(ferry_services.csv), not from a speed",
                )
            )
    for index, rate in enumerate(scenario.rate):
        if rate.country_id is not None:
            missing(f"rate.{index}.country_id", "country", rate.country_id, countries)
    existing = {p.id for p in kb.places()} | {link.id for link in kb.links()}
    existing |= {c.id for c in kb.crossings()}
    for index, place in enumerate(scenario.new_places):
        missing(f"new_places.{index}.country_id", "country", place.country_id, countries)
        if place.id in existing:
            issues.append(
                DataIssue(
                    file,
                    None,
                    f"new_places.{index}.id",
                    f"{place.id!r} already exists in the knowledge base",
                )
            )
    for index, new_link in enumerate(scenario.new_links):
        missing(f"new_links.{index}.from_id", "place", new_link.from_id, places)
        missing(f"new_links.{index}.to_id", "place", new_link.to_id, places)
        if new_link.id in existing:
            issues.append(
                DataIssue(
                    file,
                    None,
                    f"new_links.{index}.id",
                    f"{new_link.id!r} already exists in the knowledge base",
                )
            )
        if new_link.project_id:
            missing(f"new_links.{index}.project_id", "project", new_link.project_id, projects)
    for index, new_crossing in enumerate(scenario.new_crossings):
        missing(f"new_crossings.{index}.post_a_id", "place", new_crossing.post_a_id, places)
        missing(f"new_crossings.{index}.post_b_id", "place", new_crossing.post_b_id, places)
        if new_crossing.id in existing:
            issues.append(
                DataIssue(
                    file,
                    None,
                    f"new_crossings.{index}.id",
                    f"{new_crossing.id!r} already exists in the knowledge base",
                )
            )
        if new_crossing.project_id:
            missing(
                f"new_crossings.{index}.project_id", "project", new_crossing.project_id, projects
            )
    for index, project in enumerate(scenario.project):
        if project.open_on is not None and project.id in projects:
            timeline = kb.timeline(project.id)
            if any(e.status == ProjectStatus.CANCELLED for e in timeline):
                issues.append(
                    DataIssue(
                        file,
                        None,
                        f"project.{index}.id",
                        f"{project.id} is cancelled in the knowledge base; "
                        "open it with a source that says it was revived",
                    )
                )
    if issues:
        raise ScenarioError(file, issues=issues)
