"""The ``--service`` option of ``caravan route`` and how a route names its rail service."""

from __future__ import annotations

from typing import Annotated

import typer

from caravan.api import TrainService

__all__ = ["ServiceOption", "service_label"]

ServiceOption = Annotated[
    TrainService | None,
    typer.Option(
        "--service",
        help="Rail service: container block trains (the default) or wagonload.",
        case_sensitive=False,
    ),
]


def service_label(service: str, modes: tuple[str, ...] = ("rail",)) -> str:
    """How a route's rail is timed, for its title; empty when the route has no rail leg."""
    if "rail" not in modes:
        return ""
    if service == TrainService.BLOCK:
        return ", rail as container block trains"
    return ", rail as wagonload"
