"""The exceptions caravan raises, one family rooted in :class:`CaravanError`.

::

    CaravanError
    ├── UnknownPlaceError(KeyError)        a name that resolves to no place (with suggestions)
    │   └── AmbiguousPlaceError            a name that fits several places (with the choices)
    ├── UnknownRecordError(KeyError)       an id that names no project, crossing, source …
    ├── DataValidationError(ValueError)    data files that break the schema (every issue listed)
    │   └── ScenarioError                  a scenario file that breaks its rules (file, key, reason)
    ├── InvalidQueryError(ValueError)      a question asked in a form caravan cannot read
    ├── KnowledgeBaseError(RuntimeError)   a knowledge base that cannot be built or opened
    │   ├── NotAKnowledgeBaseError         a path that is not caravan's own file (never written)
    │   └── KnowledgeBaseBusyError         a write that waited too long for another writer
    ├── WorkLimitError(RuntimeError)       a question that exceeds its deadline or work limit
    ├── ConvergenceError(RuntimeError)     an assignment short of its target gap (carries the
    │                                      result; defined in caravan.analysis.assignment)
    └── NoRouteError(LookupError)          no path between two places (what blocks it)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "AmbiguousPlaceError",
    "CaravanError",
    "DataIssue",
    "DataValidationError",
    "InvalidQueryError",
    "KnowledgeBaseBusyError",
    "KnowledgeBaseError",
    "NoRouteError",
    "NotAKnowledgeBaseError",
    "ScenarioError",
    "UnknownPlaceError",
    "UnknownRecordError",
    "WorkLimitError",
]


class CaravanError(Exception):
    """Root of every error caravan raises on purpose."""


class UnknownPlaceError(KeyError, CaravanError):
    """A place name or id that matches nothing; carries close matches."""

    def __init__(self, name: str, suggestions: Sequence[tuple[str, str]] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        super().__init__(name)

    def __str__(self) -> str:
        message = f"unknown place {self.name!r}"
        if self.suggestions:
            options = ", ".join(f"{label!r} ({place_id})" for label, place_id in self.suggestions)
            message += f" — did you mean {options}?"
        return message


class AmbiguousPlaceError(UnknownPlaceError):
    """A name that fits several places (border posts sharing a pass's name); lists them.

    ``suggestions`` holds the choices, so code that handles unknown places still offers them.
    """

    def __init__(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__(name, choices)
        self.choices = list(choices)

    def __str__(self) -> str:
        options = ", ".join(f"{place_id} ({label})" for label, place_id in self.choices)
        return f"ambiguous place {self.name!r}: it names {options}; give the id of the one meant"


class UnknownRecordError(KeyError, CaravanError):
    """An id of a record (project, crossing, source …) that does not exist."""

    def __init__(self, kind: str, record_id: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.record_id = record_id
        self.suggestions = list(suggestions)
        super().__init__(record_id)

    def __str__(self) -> str:
        message = f"unknown {self.kind} {self.record_id!r}"
        if self.suggestions:
            message += " — did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return message


@dataclass(frozen=True)
class DataIssue:
    """One problem in a data file: where it is (file, row, field) and why."""

    file: str
    row: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.reason}"


class DataValidationError(ValueError, CaravanError):
    """Data files that break the schema; lists every issue found, not only the first."""

    def __init__(self, issues: Sequence[DataIssue]) -> None:
        self.issues = list(issues)
        super().__init__(self.issues)

    def __str__(self) -> str:
        head = f"{len(self.issues)} data issue(s):"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])


class ScenarioError(DataValidationError, CaravanError):
    """A scenario that breaks its rules: each issue names the file, the key and what is wrong."""

    def __init__(
        self,
        file: str,
        key: str | None = None,
        reason: str = "",
        *,
        issues: Sequence[DataIssue] = (),
    ) -> None:
        found = list(issues) or [DataIssue(file, None, key, reason)]
        self.file, self.key, self.reason = found[0].file, found[0].field, found[0].reason
        super().__init__(found)

    def __str__(self) -> str:
        if len(self.issues) == 1:
            issue = self.issues[0]
            where = f"{issue.file}, key {issue.field}" if issue.field else issue.file
            return f"{where}: {issue.reason}"
        head = f"{len(self.issues)} scenario issue(s):"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])


class InvalidQueryError(ValueError, CaravanError):
    """A question whose form is wrong (a range of years backwards, an unknown unit …)."""


class KnowledgeBaseError(RuntimeError, CaravanError):
    """The knowledge base file cannot be built, opened or written."""


class NotAKnowledgeBaseError(KnowledgeBaseError):
    """A path that exists but is not a file caravan created; caravan refuses to touch it."""


class KnowledgeBaseBusyError(KnowledgeBaseError):
    """Another writer held the knowledge base longer than the busy timeout; retry later."""


class WorkLimitError(RuntimeError, CaravanError):
    """A question stopped because it went past its deadline or its work limit."""


class NoRouteError(LookupError, CaravanError):
    """No route joins two places under the given constraints; says what blocks it."""
