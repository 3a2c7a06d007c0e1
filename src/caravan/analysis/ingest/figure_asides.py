"""Words around a figure that make it another thing's number, not its subject's level.

Categories of language, each general: a comparison set beside the subject ("for comparison,
all 14 mines process 42 Mt"), a difference ("500 km shorter"), a part named right after a
length ("a 1.56 km tunnel"), a part of a total ("of which $281 million is a loan"), the old
value of a change ("from 25 to 50 million tonnes": only 50 is the fact) and an amount added
to a capacity ("will add 20 million tonnes").
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView

__all__ = [
    "added_to_capacity",
    "compared_aside",
    "difference_after",
    "part_named_after",
    "part_of_a_total",
    "superseded_value",
]

#: A comparison set beside the subject: it opens the figure's clause or stands before it.
_COMPARISON = re.compile(
    r"\b(?:for|by|in)\s+comparison\b|(?<![\w-])для\s+сравнения(?![\w-])", re.IGNORECASE
)
#: How far back (in the figure's clause and the end of the one before) it governs the figure.
_COMPARISON_REACH = 80
#: The other side of a comparison, right before the figure: "compared with the 42 Mt of …".
_COMPARED_WITH = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bas\s+against|(?<![\w-])(?:по\s+сравнению|в\s+сравнении)\s+с)"
    r"\s+(?:the\s+|a\s+)?(?:about\s+|around\s+|около\s+)?(?:US\s*)?\$?\s*$",
    re.IGNORECASE,
)


def compared_aside(view: SentenceView, start: int) -> bool:
    """True when the figure at ``start`` (absolute) stands in a comparison: "для сравнения,
    все 14 рудников перерабатывают около 42 млн тонн" (the mines', not the subject's), "compared
    with the 12 trains a day of 2019"."""
    clause_start, _ = view.segment_of(start)
    lo = max(view.start, clause_start - _COMPARISON_REACH // 2, start - _COMPARISON_REACH)
    return (
        _COMPARISON.search(view.text, lo, start) is not None
        or _COMPARED_WITH.search(view.text, max(view.start, start - 30), start) is not None
    )


#: A comparative right after the figure: the figure is a difference, not a level.
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:shorter|longer|less|fewer|faster|slower|cheaper|farther|further|closer"
    r"|короче|длиннее|меньше|больше|дальше|ближе|дешевле|быстрее|медленнее)(?![\w-])",
    re.IGNORECASE,
)


def difference_after(text: str, end: int) -> bool:
    """True when a comparative follows the figure ending at ``end``: "на 500 км короче",
    "500 km shorter than the route through Dostyk" (a difference between two things)."""
    return _DIFFERENCE_AFTER.match(text, end) is not None


#: A tunnel, bridge or viaduct named right after a length (at most two words of its name
#: between): the length is the part's ("a 1.56 km tunnel", "the 19.2-kilometre Kamchiq tunnel").
_PART_NAMED_AFTER = re.compile(
    r"\s*(?:long\s+)?(?:[\w«»\"'’-]+\s+){0,2}?"
    r"(?:tunnels?|bridges?|viaducts?|overpass(?:es)?|flyovers?|galler(?:y|ies))(?![\w-])",
    re.IGNORECASE,
)


def part_named_after(text: str, end: int) -> bool:
    """True when a tunnel or bridge is named right after the length ending at ``end``."""
    return _PART_NAMED_AFTER.match(text, end) is not None


#: A part of a total said right before the amount: "of which $281.1 million", "из них 300 млн".
_PART_OF_TOTAL = re.compile(
    r"(?:\bof\s+which|\bof\s+this|(?<![\w-])(?:из\s+них|из\s+которых|в\s+том\s+числе))"
    r"\s*(?:about\s+|some\s+|около\s+|порядка\s+)?(?:US\s*)?\$?\s*$",
    re.IGNORECASE,
)


def part_of_a_total(text: str, lo: int, start: int) -> bool:
    """True when the amount at ``start`` is a part of a total named before it (searched from
    ``lo``): "estimated at $295.9 million, of which $281.1 million is a loan"."""
    return _PART_OF_TOTAL.search(text, max(lo, start - 30), start) is not None


#: The old value of a change: "from" right before it, "to" and a number right after it.
_FROM_BEFORE = re.compile(
    r"(?:\bfrom|(?<![\w-])(?:с|со))\s+(?:about\s+|around\s+|около\s+|порядка\s+)?$", re.IGNORECASE
)
_TO_AFTER = re.compile(
    r"\s*(?:to|до)\s+(?:about\s+|around\s+|около\s+|порядка\s+)?\d", re.IGNORECASE
)


#: The old value said after the new one: "20 Mt a year, up from 15 Mt", "вместо прежних 15".
_OLD_VALUE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|falling|increased|decreased)\s+from"
    r"|(?<![\w-])(?:вместо|против)(?:\s+прежних)?)\s+(?:about\s+|around\s+|около\s+|порядка\s+)?$",
    re.IGNORECASE,
)


def superseded_value(text: str, start: int, end: int) -> bool:
    """True when the figure at ``start:end`` is the old value of a change: "raising processing
    capacity from 25 million tonnes a year to 50 million tonnes a year", "20 Mt a year, up
    from 15 Mt" (only the new value is the fact)."""
    lo = max(0, start - 25)
    return (
        _FROM_BEFORE.search(text, lo, start) is not None and _TO_AFTER.match(text, end) is not None
    ) or _OLD_VALUE_BEFORE.search(text, lo, start) is not None


#: An amount added to a capacity: "что добавит к пропускной способности 20 млн тонн",
#: "will add 20 million tonnes a year of capacity".
_ADDED = re.compile(
    r"\b(?:will|would|to|could|can)\s+add\b|(?<![\w-])(?:добав|прибав)(?:ит|ят|ляет|ляют)(?![\w-])",
    re.IGNORECASE,
)
_ADDED_REACH = 45
#: An increment said right before the amount: "ещё 20 млн тонн", "another 20 million tonnes".
_MORE_BEFORE = re.compile(
    r"(?:\banother|\ban?\s+additional|\ba\s+further|\bextra"
    r"|(?<![\w-])(?:ещё|еще|дополнительн\w*))\s+(?:about\s+|some\s+|около\s+|порядка\s+)?$",
    re.IGNORECASE,
)


def added_to_capacity(view: SentenceView, start: int) -> bool:
    """True when the capacity at ``start`` (absolute) is added to one, not the one itself:
    "что добавит … ещё 20 млн тонн грузов в год", "will add another 20 million tonnes"."""
    clause_start, _ = view.segment_of(start)
    lo = max(view.start, clause_start, start - _ADDED_REACH)
    return (
        _ADDED.search(view.text, lo, start) is not None
        or _MORE_BEFORE.search(view.text, max(view.start, start - 25), start) is not None
    )
