"""How trade responds when a scenario changes door-to-door time and cost (partial equilibrium)."""

from caravan.analysis.trade_response.estimate import (
    CountryPairDelta,
    estimate_trade_response,
    pair_change_log,
)
from caravan.analysis.trade_response.modes import ModeWeightedDelta, mode_weighted_rows
from caravan.analysis.trade_response.parameters import (
    TRADE_RESPONSE_ASSUMPTIONS,
    trade_response_parameters,
)
from caravan.analysis.trade_response.records import (
    PairTradeResponse,
    Range,
    TradeResponse,
    TradeResponseParameters,
)

__all__ = [
    "TRADE_RESPONSE_ASSUMPTIONS",
    "CountryPairDelta",
    "ModeWeightedDelta",
    "PairTradeResponse",
    "Range",
    "TradeResponse",
    "TradeResponseParameters",
    "estimate_trade_response",
    "mode_weighted_rows",
    "pair_change_log",
    "trade_response_parameters",
]
