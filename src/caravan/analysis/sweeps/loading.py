"""Reading a sweep spec from TOML and preparing it against a knowledge base.

``load_sweep_spec`` reads a built-in sweep by name or a TOML file and validates its schema;
``prepare_sweep`` then loads its two scenarios, resolves its places, and checks that a
drawn scenario names only ids the knowledge base holds. Every problem is a
:class:`SweepSpecError` (a :class:`~caravan.errors.ScenarioError`) naming the file, the key
and the reason, all problems at once.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from caravan.analysis.scenarios import check_against_knowledge_base, load_scenario
from caravan.analysis.sweeps.draws import drawn_scenarios
from caravan.analysis.sweeps.spec import InputKind, OutputKind, SweepSpec
from caravan.errors import CaravanError, DataIssue, ScenarioError
from caravan.model import Scenario
from caravan.store import KnowledgeBase

__all__ = [
    "PreparedSweep",
    "SweepSpecError",
    "builtin_sweep_names",
    "load_sweep_spec",
    "prepare_sweep",
]


class SweepSpecError(ScenarioError):
    """A sweep spec that breaks its rules: each issue names the file, the key and the reason."""


def _builtin_dir() -> Any:
    return resources.files("caravan.analysis.sweeps") / "builtin"


def builtin_sweep_names() -> list[str]:
    """Names of the built-in sweep specs."""
    return sorted(p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".toml"))


def _read(reference: str) -> tuple[str, Path | None, str]:
    """(label for messages, folder for relative scenario paths, text) of a name or path."""
    if reference.endswith(".toml") or "/" in reference or "\\" in reference:
        path = Path(reference)
        try:
            return str(path), path.parent, path.read_text(encoding="utf-8")
        except OSError as error:
            raise SweepSpecError(str(path), None, f"cannot be read ({error.strerror})") from None
    entry = _builtin_dir() / f"{reference}.toml"
    if not entry.is_file():
        names = ", ".join(builtin_sweep_names())
        raise SweepSpecError(
            reference, None, f"no built-in sweep {reference!r}; built-ins: {names}"
        )
    return f"{reference}.toml (built-in)", None, entry.read_text(encoding="utf-8")


def load_sweep_spec(reference: str | Path) -> tuple[SweepSpec, str, Path | None]:
    """A validated spec, its label for messages, and the folder its relative paths start from."""
    label, folder, text = _read(str(reference))
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SweepSpecError(label, None, f"is not valid TOML: {error}") from None
    try:
        return SweepSpec.model_validate(table), label, folder
    except ValidationError as error:
        issues = []
        for problem in error.errors():
            parts = [str(p) for p in problem["loc"]]
            # a tagged union adds the tag to the path (distribution.uniform.low): drop it
            parts = [p for p in parts if p not in ("uniform", "triangular", "choice")]
            reason = problem["msg"].removeprefix("Value error, ")
            if problem["type"] == "extra_forbidden":
                reason = "unknown key"
            elif problem["type"] not in ("missing", "value_error") and "input" in problem:
                reason += f" (got {problem['input']!r})"
            issues.append(DataIssue(label, None, ".".join(parts) or None, reason))
        raise SweepSpecError(label, issues=issues) from None


@dataclass(frozen=True)
class PreparedSweep:
    """A spec with its two scenarios loaded and its place names resolved to ids.

    Small and picklable: this, with the knowledge base's path, is all a worker receives.
    """

    spec: SweepSpec
    scenario_a: Scenario
    scenario_b: Scenario
    #: output name -> (origin id, destination id) for pair outputs
    pairs: dict[str, tuple[str, str]]

    def digest(self) -> str:
        """SHA-256 of everything that decides the draws' results (spec and both scenarios)."""
        content = {
            "spec": self.spec.model_dump(mode="json"),
            "a": self.scenario_a.model_dump(mode="json"),
            "b": self.scenario_b.model_dump(mode="json"),
            "pairs": self.pairs,
        }
        text = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def draw(self, index: int) -> tuple[Scenario, Scenario]:
        """Draw ``index``'s scenarios (a, b)."""
        return drawn_scenarios(self.spec, self.scenario_a, self.scenario_b, index)


def _scenario(reference: str, folder: Path | None, kb: KnowledgeBase) -> Scenario:
    is_path = reference.endswith(".toml") or "/" in reference
    if is_path and folder is not None and not Path(reference).is_absolute():
        reference = str(folder / reference)
    return load_scenario(reference, kb)


def prepare_sweep(reference: str | Path, kb: KnowledgeBase) -> PreparedSweep:
    """Load a spec, its scenarios and places, and check a drawn scenario against ``kb``."""
    spec, label, folder = load_sweep_spec(reference)
    issues: list[DataIssue] = []
    scenarios: dict[str, Scenario] = {}
    for key in ("a", "b"):
        try:
            scenarios[key] = _scenario(getattr(spec, key), folder, kb)
        except ScenarioError as error:
            issues += [
                DataIssue(label, None, key, f"scenario {getattr(spec, key)!r}: {issue}")
                for issue in error.issues
            ]
    pairs: dict[str, tuple[str, str]] = {}
    countries = {c.id for c in kb.countries()}
    for index, output in enumerate(spec.output):
        if output.kind == OutputKind.PAIR and output.origin and output.destination:
            ends = []
            for end in ("origin", "destination"):
                try:
                    ends.append(kb.resolve_place(getattr(output, end)).id)
                except CaravanError as error:
                    issues.append(DataIssue(label, None, f"output.{index}.{end}", str(error)))
            if len(ends) == 2:
                pairs[output.name] = (ends[0], ends[1])
        for country in output.countries or ():
            if country not in countries:
                known = ", ".join(sorted(countries))
                issues.append(
                    DataIssue(
                        label,
                        None,
                        f"output.{index}.countries",
                        f"unknown country {country!r}; countries: {known}",
                    )
                )
    issues += _input_issues(spec, label, kb, tuple(scenarios.values()))
    if issues:
        raise SweepSpecError(label, issues=issues)
    prepared = PreparedSweep(spec, scenarios["a"], scenarios["b"], pairs)
    for side, drawn in zip("ab", prepared.draw(0), strict=True):
        try:
            check_against_knowledge_base(drawn, kb, label)
        except ScenarioError as error:
            issues += [
                DataIssue(label, None, issue.field, f"{issue.reason} (drawn scenario {side})")
                for issue in error.issues
            ]
    if issues:
        raise SweepSpecError(label, issues=issues)
    return prepared


def _input_issues(
    spec: SweepSpec, label: str, kb: KnowledgeBase, scenarios: tuple[Scenario, ...]
) -> list[DataIssue]:
    """Ids an input names that the knowledge base (or the scenarios) lack, with close ids."""
    known = {
        InputKind.CROSSING_TIME_FACTOR: {c.id for c in kb.crossings()} | {"*"},
        InputKind.LINK_SPEED_KPH: {link.id for link in kb.links()},
        InputKind.PROJECT_OPENING_YEAR: {p.id for p in kb.projects()},
    }
    for scenario in scenarios:
        known[InputKind.CROSSING_TIME_FACTOR] |= {c.id for c in scenario.new_crossings}
        known[InputKind.LINK_SPEED_KPH] |= {link.id for link in scenario.new_links}
    known[InputKind.CROSSING_COST_FACTOR] = known[InputKind.CROSSING_TIME_FACTOR]
    known[InputKind.PROJECT_DELAY_MONTHS] = known[InputKind.PROJECT_OPENING_YEAR]
    cited = {s.id for s in kb.sources()} | {a.id for a in kb.assumptions()}
    cited |= {s.id for s in spec.new_sources} | {a.id for a in spec.new_assumptions}
    for scenario in scenarios:
        cited |= {s.id for s in scenario.new_sources} | {a.id for a in scenario.new_assumptions}
    issues = []
    for index, item in enumerate(spec.input):
        for position, record_id in enumerate(item.ids):
            if record_id not in known.get(item.kind, set()):
                close = sorted(k for k in known[item.kind] if record_id[:8] in k)[:3]
                hint = f" — did you mean {', '.join(close)}?" if close else ""
                what = item.kind.value.split("_")[0]
                issues.append(
                    DataIssue(
                        label, None, f"input.{index}.ids.{position}",
                        f"unknown {what} {record_id!r}{hint}",
                    )
                )  # fmt: skip
        for position, source_id in enumerate(item.source):
            if source_id not in cited:
                issues.append(
                    DataIssue(
                        label, None, f"input.{index}.source.{position}",
                        f"unknown source {source_id!r}: cite a source or assumption of the "
                        "knowledge base, or add it under new_sources or new_assumptions",
                    )
                )  # fmt: skip
    for index, source_id in enumerate(spec.sources):
        if source_id not in cited:
            issues.append(
                DataIssue(label, None, f"sources.{index}", f"unknown source {source_id!r}")
            )
    return issues
