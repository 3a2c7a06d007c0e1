"""The rail service a query asks for, and the default: container block trains.

caravan's users ship containers between China and Central Asia, and that traffic runs in
container block trains (China–Central Asia express trains, KTZ Express, O'zbekiston temir
yo'llari's container trains), so routing times rail by block trains unless asked for
wagonload (``docs/network-model.md``, "Time model and ranges").
"""

from __future__ import annotations

from caravan.errors import InvalidQueryError
from caravan.model import TrainService

__all__ = ["DEFAULT_SERVICE", "train_service"]

#: The service routing, skims and the faces use when none is asked for.
DEFAULT_SERVICE = TrainService.BLOCK


def train_service(value: TrainService | str | None) -> TrainService:
    """The service named (None: the default); an unknown name is a clear error."""
    if value is None:
        return DEFAULT_SERVICE
    if isinstance(value, TrainService):
        return value
    try:
        return TrainService(value.strip().lower())
    except ValueError:
        choices = ", ".join(s.value for s in TrainService)
        raise InvalidQueryError(f"unknown rail service {value!r}: use one of {choices}") from None
