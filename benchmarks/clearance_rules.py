"""The border rules the CV compares: stand-ins by kind of crossing, block trains' clearance.

Two rules decide a rail crossing's clearance time where CAREC CPMM's figure is not the
right one: a crossing without a figure of its own or of its border takes the median of the
rail crossings of its own kind (break of gauge or not, ``caravan.network.clearance_kinds``)
rather than of all; and a block train takes the clearance China's customs publish for
China–Europe (Central Asia) freight trains (``rail_block_clearances.csv``) rather than
CPMM's average over the consignments it samples. ``validate_routes.py`` scores the shipped
structure under each combination by leave-one-out on the train cases, its parameters
refitted in each; the least mean error is shipped (the shipped rules on a tie).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from timemodel_fit import CvScore, variant_rows

from caravan.network import clearance_kinds, timemodel_block_clearance

__all__ = ["RULES", "SHIPPED_RULES", "applied", "choose_rules", "rules_lines"]


@dataclass(frozen=True)
class Rules:
    """One combination of the two border rules."""

    label: str
    by_kind: bool
    block_clearance: bool


RULES = {
    "both": Rules(
        "stand-ins by kind of crossing; block trains at China's published train clearance",
        True,
        True,
    ),
    "by_kind": Rules(
        "stand-ins by kind of crossing; CPMM's clearance for block trains", True, False
    ),
    "block": Rules(
        "the median of all rail crossings as stand-in; block trains at China's published "
        "train clearance",
        False,
        True,
    ),
    "before": Rules(
        "the median of all rail crossings as stand-in; CPMM's clearance for block trains "
        "(the rules before)",
        False,
        False,
    ),
}

#: The rules shipped in the network (the CV's choice, ``validation.md``).
SHIPPED_RULES = "by_kind"


@contextmanager
def applied(name: str) -> Iterator[None]:
    """Route under the rules named, restoring the shipped ones afterwards."""
    rules = RULES[name]
    saved = clearance_kinds.BY_KIND, timemodel_block_clearance.IN_USE
    clearance_kinds.BY_KIND = rules.by_kind
    timemodel_block_clearance.IN_USE = rules.block_clearance
    try:
        yield
    finally:
        clearance_kinds.BY_KIND, timemodel_block_clearance.IN_USE = saved


def choose_rules(scores: dict[str, CvScore]) -> str:
    """The rules with the least mean absolute LOO error.

    On a tie the shipped rules, then the order of ``RULES`` (set before the first
    comparison: the sourced rules before the rules they replace).
    """
    order = list(RULES)
    return min(
        scores,
        key=lambda name: (
            round(scores[name].mean_abs, 1),
            name != SHIPPED_RULES,
            order.index(name),
        ),
    )


def rules_lines(scores: dict[str, CvScore], cases: int) -> list[str]:
    """The shipped structure's LOO errors under each combination of rules, as Markdown."""
    chosen = choose_rules(scores)
    lines = [
        "The border rules, by leave-one-out on the same "
        f"{cases} train cases (the shipped structure, its parameters refitted in each):",
        "",
        "| border rules | mean abs. | median abs. | worst | values on train |",
        "|---|---|---|---|---|",
    ]
    lines += variant_rows(
        scores, {name: rule.label for name, rule in RULES.items()}, chosen, SHIPPED_RULES
    )
    return lines
