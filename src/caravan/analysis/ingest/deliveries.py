"""Equipment delivered to a project being set up is progress of its works (corpus rule 37):
"received the first batch of equipment for the … workshop", "получил первую партию учебного
оборудования по проекту …", "equipment was delivered to the … plant".

A delivery to a project the knowledge base holds in service by then, or a delivery still
planned ("will receive"), gives no event; ``events`` checks both.
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["DELIVERY_TRIGGERS", "is_delivery"]

_EN_GOODS = r"(?:equipment|machinery|machines|materials|components|instruments|turbines?|units?)"
_EN_DELIVERED = re.compile(
    r"\b(?:received|took\s+delivery\s+of|delivered|shipped)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:first\s+|second\s+|new\s+|last\s+)?(?:batch|consignment|shipment|lot|set)\s+of\s+"
    r"(?:[\w-]+\s+){0,2}?" + _EN_GOODS + r"\b"
    r"|\b"
    + _EN_GOODS
    + r"\s+(?:\w+\s+)?(?:was|were|has\s+been|have\s+been)\s+(?:delivered|shipped)\s+to\b",
    re.IGNORECASE,
)
_RU_GOODS = r"(?:оборудовани\w*|техник\w*|материал\w*|станк\w*|комплектующ\w*|турбин\w*)"
_RU_DELIVERED = re.compile(
    r"(?<![\w-])(?:получил\w*|принял\w*|доставил\w*|поставил\w*|доставлен\w*|поставлен\w*|прибыл\w*)"
    r"\s+(?:перв\w+\s+|втор\w+\s+|нов\w+\s+)?(?:парти\w*|комплект\w*)\s+(?:[\w-]+\s+){0,2}?"
    + _RU_GOODS
    + r"(?![\w-])"
    r"|(?<![\w-])(?:перв\w+\s+)?парти\w*\s+(?:[\w-]+\s+){0,2}?"
    + _RU_GOODS
    + r"\s+(?:\w+\s+){0,3}?(?:доставлен\w*|поставлен\w*|прибыл\w*|получен\w*)(?![\w-])",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
DELIVERY_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.UNDER_CONSTRUCTION, _EN_DELIVERED, 0.65),
    (ProjectStatus.UNDER_CONSTRUCTION, _RU_DELIVERED, 0.65),
)


def is_delivery(phrase: str) -> bool:
    """True when a status phrase is a delivery of equipment (valid only before service)."""
    return bool(_EN_DELIVERED.fullmatch(phrase) or _RU_DELIVERED.fullmatch(phrase))
