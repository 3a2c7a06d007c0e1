"""The trade-response parameters, read from the knowledge base's cited assumptions."""

from __future__ import annotations

from caravan.analysis.trade_response.records import TradeResponseParameters
from caravan.errors import KnowledgeBaseError
from caravan.store import KnowledgeBase

__all__ = ["TRADE_RESPONSE_ASSUMPTIONS", "trade_response_parameters"]

#: Parameter name -> the assumption id that holds its value (each cites its source).
TRADE_RESPONSE_ASSUMPTIONS = {
    "delay_semi_elasticity_per_day": "asm-model-trade-delay-semi-elasticity",
    "time_share_per_day_low": "asm-model-trade-time-share-low",
    "time_share_per_day_high": "asm-model-trade-time-share-high",
    "trade_cost_elasticity_low": "asm-model-trade-cost-elasticity-low",
    "trade_cost_elasticity_high": "asm-model-trade-cost-elasticity-high",
    "cargo_value_usd_per_teu": "asm-model-cargo-value-per-teu",
    "road_share": "asm-model-trade-road-share",
}


def trade_response_parameters(kb: KnowledgeBase) -> TradeResponseParameters:
    """Every parameter from its assumption; a missing or non-numeric one is an error."""
    held = {a.id: a for a in kb.assumptions()}
    values: dict[str, float] = {}
    for name, assumption_id in TRADE_RESPONSE_ASSUMPTIONS.items():
        assumption = held.get(assumption_id)
        if assumption is None or not isinstance(assumption.value, float | int):
            raise KnowledgeBaseError(
                f"assumption {assumption_id} ({name}) is missing or not a number: "
                "the trade response needs it"
            )
        values[name] = float(assumption.value)
    return TradeResponseParameters(**values, sources=tuple(TRADE_RESPONSE_ASSUMPTIONS.values()))
