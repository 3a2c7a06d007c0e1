"""The rail service each validation case is routed with, and the variants the CV compares.

A case's ``service`` column says how its train ran, from the source's words: ``block``
(a container block train), ``wagonload`` (wagons in general traffic) or ``unstated``.
Paired, a case is routed at its service, an unstated one at the default
(``caravan.network.train_service.DEFAULT_SERVICE``). The other variants route every case at
one service: wagonload (CPMM's speed everywhere, the model before the service existed) or
block (the default, the column ignored). ``validate_routes.py`` scores the shipped
structure under each by leave-one-out on the train cases; the least mean error is shipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from timemodel_fit import CvScore

from caravan.api import TrainService

__all__ = ["LABELS", "SHIPPED_VARIANT", "VARIANTS", "case_service", "variant_lines"]


def case_service(case: dict[str, str]) -> str | None:
    """The service a case is routed at, paired: its own, or None (the default) if unstated."""
    service = (case.get("service") or "").strip()
    return service if service in {s.value for s in TrainService} else None


#: How each variant picks the service of a case.
VARIANTS: dict[str, Callable[[dict[str, str]], str | None]] = {
    "paired": case_service,
    "block": lambda case: TrainService.BLOCK.value,
    "wagonload": lambda case: TrainService.WAGONLOAD.value,
}

LABELS = {
    "paired": "paired by service (each case at its published service; unstated at the default)",
    "block": "every case as a container block train (the column ignored)",
    "wagonload": "every case as wagonload, CPMM speed and stops (the model before the service)",
}

#: The variant the validation routes with (the CV's choice, ``validation.md``).
SHIPPED_VARIANT = "paired"


def choose_variant(scores: dict[str, CvScore]) -> str:
    """The variant with the least mean absolute LOO error (the shipped one on a tie)."""
    return min(scores, key=lambda name: (round(scores[name].mean_abs, 1), name != SHIPPED_VARIANT))


def variant_lines(scores: dict[str, CvScore], rows: Sequence[dict[str, Any]]) -> list[str]:
    """The shipped structure's LOO errors under each variant, as a Markdown table."""
    chosen = choose_variant(scores)
    counts = {
        service: sum(1 for r in rows if r.get("service") == service)
        for service in ("block", "wagonload", "unstated")
    }
    return [
        f"The shipped structure under each rail-service variant, by leave-one-out on the same "
        f"{len(rows)} train cases ({counts['block']} published as block trains, "
        f"{counts['wagonload']} as wagonload, {counts['unstated']} unstated), the origin "
        "dwell and the stop rate refitted in each:",
        "",
        "| rail service | mean abs. | median abs. | worst | values on train |",
        "|---|---|---|---|---|",
        *(
            f"| {'**' + LABELS[name] + '**' if name == chosen else LABELS[name]} | "
            f"{s.mean_abs:.1f} % | {s.median_abs:.1f} % | {s.worst_abs:.1f} % | "
            + ", ".join(f"{f} {v:.1f}" for f, v in zip(s.candidate.features, s.values, strict=True))
            + " |"
            for name, s in scores.items()
        ),
        "",
        f"Least mean LOO error: **{LABELS[chosen]}**; routed with: **{LABELS[SHIPPED_VARIANT]}**.",
    ]
