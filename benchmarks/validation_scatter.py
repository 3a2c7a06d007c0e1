"""How far published times for the same trip disagree among themselves: the goal's floor.

Used by ``validate_routes.py``. Time cases are grouped by trip (same origin, destination and
mode) and, apart, by corridor (same published border crossing(s), same origin place, same
destination country: the cases file carries no province). In every group of two or more
comparable cases (a typical published time, not marked not comparable), each case's
absolute relative deviation from the group's median published time is the error that the
best model giving ONE time per group would make on it; a group's spread (max − min) /
(max + min) is the least worst error any one time can make in it (the time 2·min·max /
(min + max) errs by it on both ends). Only published values are used, never the model. Also: how many held-out published times fall in the model's low–high range.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Floor",
    "corridor_key",
    "coverage",
    "deviations",
    "floor_by_kind",
    "floor_paragraph",
    "groups",
    "least_worst",
    "pair_key",
    "scatter_lines",
]

#: A grouping key of a case, or None where the case belongs to no group of that kind.
Key = Callable[[Mapping[str, str]], tuple[str, ...] | None]


@dataclass(frozen=True)
class Floor:
    """The scatter of one kind of time: cases in groups, groups, median and worst deviation
    from the groups' medians, and the least worst error one time per group can make."""

    cases: int
    groups: int
    median_pct: float
    worst_pct: float
    least_worst_pct: float


def pair_key(case: Mapping[str, str]) -> tuple[str, ...] | None:
    """The trip: kind, origin, destination and mode (direction kept)."""
    return (case["kind"], case["origin_id"], case["destination_id"], case["mode"])


def corridor_key(case: Mapping[str, str]) -> tuple[str, ...] | None:
    """The corridor: kind, crossing(s), origin place and destination country; None unnamed."""
    if not case.get("crossing_id"):
        return None
    country = case["destination_id"].split("-")[0]
    return (case["kind"], case["crossing_id"], case["origin_id"], country)


def comparable(case: Mapping[str, str]) -> bool:
    """A published typical time that the cases file does not mark as not comparable."""
    return (
        case["kind"].endswith("_time_h")
        and case.get("statistic", "typical") == "typical"
        and not case.get("not_comparable")
    )


def groups(cases: Iterable[Mapping[str, str]], key: Key) -> list[list[Mapping[str, str]]]:
    """Comparable cases grouped by ``key``, groups of two or more only, in first-seen order."""
    found: dict[tuple[str, ...], list[Mapping[str, str]]] = {}
    for case in cases:
        name = key(case) if comparable(case) else None
        if name is not None:
            found.setdefault(name, []).append(case)
    return [members for members in found.values() if len(members) >= 2]


def deviations(values: Sequence[float]) -> list[float]:
    """Each value's absolute deviation from the values' median, in percent of the median."""
    middle = statistics.median(values)
    return [100.0 * abs(value - middle) / middle for value in values]


def least_worst(values: Sequence[float]) -> float:
    """The least worst relative error, in percent, of one time standing for all ``values``."""
    low, high = min(values), max(values)
    return 100.0 * (high - low) / (high + low)


def floor_by_kind(cases: Iterable[Mapping[str, str]], key: Key) -> dict[str, Floor]:
    """Per kind of time: the deviations from their group's median, over all cases in groups."""
    by_kind: dict[str, list[float]] = {}
    counted: dict[str, int] = {}
    spread: dict[str, float] = {}
    for members in groups(cases, key):
        kind = members[0]["kind"]
        values = [float(c["value"]) for c in members]
        by_kind.setdefault(kind, []).extend(deviations(values))
        counted[kind] = counted.get(kind, 0) + 1
        spread[kind] = max(spread.get(kind, 0.0), least_worst(values))
    return {
        kind: Floor(len(found), counted[kind], statistics.median(found), max(found), spread[kind])
        for kind, found in sorted(by_kind.items())
    }


def coverage(rows: Iterable[Mapping[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per kind of time: (held-out typical published times inside the model's low–high, all)."""
    found: dict[str, tuple[int, int]] = {}
    for row in rows:
        if (
            row["split"] != "test"
            or row.get("not_comparable")
            or not str(row["kind"]).endswith("_time_h")
            or row.get("low") is None
            or row.get("statistic") in ("low", "schedule")
        ):
            continue
        inside, total = found.get(row["kind"], (0, 0))
        hit = float(row["low"]) <= float(row["published"]) <= float(row["high"])
        found[row["kind"]] = (inside + hit, total + 1)
    return dict(sorted(found.items()))


def scatter_lines(
    cases: Sequence[Mapping[str, str]],
    rows: Sequence[Mapping[str, Any]],
    goal_pct: float,
    worst_goal_pct: float,
) -> list[str]:
    """The section of ``validation.md``: the floor by trip and by corridor, and the coverage."""
    lines = [
        "## The floor: how far published times disagree among themselves",
        "",
        "Published times of the same trip disagree with each other (different years, "
        "operators, what they count). Grouped by trip (same origin, destination and mode) "
        "and, apart, by corridor (same published crossing(s), same origin, same destination "
        "country; the cases file names no province), each case of a group of two or more "
        "comparable time cases (typical, all batches, train and test) deviates from its "
        "group's median published time; no model is involved. A model that gives ONE time "
        "per group can do no better than these deviations on these cases: they are a floor "
        "under the goal's median. The least worst error is the largest group spread "
        "(max − min) / (max + min): the worst error of the best single time in that group, "
        "a floor under the goal's worst.",
        "",
        "| grouped by | kind | groups | cases | median deviation | worst | least worst error |",
        "|---|---|---|---|---|---|---|",
    ]
    above: list[str] = []
    beyond: list[str] = []
    for label, key in (("trip", pair_key), ("corridor", corridor_key)):
        for kind, floor in floor_by_kind(cases, key).items():
            lines.append(
                f"| {label} | {kind} | {floor.groups} | {floor.cases} | "
                f"{floor.median_pct:.1f} % | {floor.worst_pct:.1f} % | "
                f"{floor.least_worst_pct:.1f} % |"
            )
            if floor.median_pct > goal_pct:
                above.append(f"{kind} by {label} ({floor.median_pct:.1f} %)")
            if floor.least_worst_pct > worst_goal_pct:
                beyond.append(f"{kind} by {label} ({floor.least_worst_pct:.1f} %)")
    lines += [
        "",
        (
            f"Above the goal's median of {goal_pct:g} %: {', '.join(above)}: on those "
            "groups no model giving one time per trip meets the goal's median. The goal is "
            "unchanged."
            if above
            else f"Every floor is at or under the goal's median of {goal_pct:g} %: the goal "
            "is reachable on these groups by a model giving one time per trip."
        ),
        "",
        (
            f"Least worst error above the goal's worst of {worst_goal_pct:g} %: "
            f"{', '.join(beyond)}: in those groups every single time per trip errs by more "
            f"than {worst_goal_pct:g} % on some case, so no such model meets the goal's worst."
            if beyond
            else f"Every least worst error is at or under the goal's worst of {worst_goal_pct:g} %."
        ),
        "",
        "Range coverage: held-out time cases whose published value lies inside the "
        "model's low–high range (the range the case is compared with: door-to-door, or "
        "from departure where paired; a leg's range is the sum of its edges' low and "
        "high, legs move together and border crossings add in quadrature, "
        "`docs/network-model.md`):",
        "",
        "| kind | inside the range | held-out cases |",
        "|---|---|---|",
    ]
    lines += [
        f"| {kind} | {inside} | {total} |" for kind, (inside, total) in coverage(rows).items()
    ]
    return lines


def floor_paragraph(
    cases: Sequence[Mapping[str, str]], goal_pct: float, worst_goal_pct: float
) -> str:
    """The header's plain reading of the floor against the goal's median and worst."""
    parts, above, beyond = [], [], []
    for label, key in (("trip", pair_key), ("corridor", corridor_key)):
        floors = floor_by_kind(cases, key)
        figures = "; ".join(
            f"{kind} {f.median_pct:.1f} % (worst {f.worst_pct:.1f} %, {f.cases} cases in "
            f"{f.groups} groups)"
            for kind, f in floors.items()
        )
        parts.append(f"by {label}: {figures}")
        above += [f"{kind} by {label}" for kind, f in floors.items() if f.median_pct > goal_pct]
        beyond += [
            f"{kind} by {label} ({f.least_worst_pct:.1f} %)"
            for kind, f in floors.items()
            if f.least_worst_pct > worst_goal_pct
        ]
    reading = (
        f"The floor's median is above the goal's {goal_pct:g} % for {', '.join(above)}: on "
        "those cases no model giving one time per trip can meet the goal's median, whatever "
        "its structure (the goal is unchanged)."
        if above
        else f"Every floor's median is at or under the goal's {goal_pct:g} %: the published "
        "times' own scatter does not by itself rule the goal out."
    )
    if beyond:
        reading += (
            f" The goal's worst ({worst_goal_pct:g} %) is below the least worst error one "
            f"time per trip can make for {', '.join(beyond)}: on those cases no such model "
            "meets it."
        )
    return (
        "**The floor.** Published times of the same trip disagree among themselves; each "
        "case's deviation from its group's median published time (no model) is what the best "
        "model giving one time per group would err by. Median deviation "
        + "; ".join(parts)
        + f'. {reading} (Section "The floor" below.)'
    )
