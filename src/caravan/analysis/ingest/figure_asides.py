"""Words around a figure that make it another thing's number, not its subject's level.

Categories of language, each general: a comparison set beside the subject ("for comparison,
all 14 mines process 42 Mt"), a difference ("500 km shorter"), a part named right after a
length ("a 1.56 km tunnel"), a part of a total ("of which $281 million is a loan"), the old
value of a change ("from 25 to 50 million tonnes": only 50 is the fact) and an amount added
to a capacity ("will add 20 million tonnes").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caravan.analysis.ingest.context import SentenceView

__all__ = [
    "added_to_capacity",
    "compared_aside",
    "dates_old_value",
    "difference_after",
    "part_named_after",
    "part_of_a_total",
    "superseded_value",
]

#: A rough value's word before an amount: "about", "around", "some", "около", "порядка".
_ROUGHLY = r"(?:about\s+|around\s+|some\s+|около\s+|порядка\s+|примерно\s+)?"
#: A comparison set beside the subject: it opens the figure's clause or stands before it.
_COMPARISON = re.compile(r"\b(?:for|by)\s+comparison\b|(?<![\w-])для\s+сравнения(?![\w-])", re.I)
#: Between the comparison word and a subject it opens on: "By comparison, the …", "Для
#: сравнения: переход …" ("для сравнения, все 14 рудников «Казахмыса»" opens on other things).
_OPENS_ON_SUBJECT = re.compile(r"[\s,:—–-]*(?:the\s+|a\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)
#: How far back (in the figure's clause and the end of the one before) it governs the figure.
_COMPARISON_REACH = 80
#: Words that set another value beside a figure: "compared with", "по сравнению с".
_COMPARED_WORDS = r"\bcompared\s+(?:with|to)|(?<![\w-])(?:по\s+сравнению|в\s+сравнении)\s+с"
#: Words that give the old value of a change: "up from", "against", "против", "вместо".
_OLD_VALUE_WORDS = r"\b(?:up|down)\s+from|\b(?:as\s+)?against|(?<![\w-])(?:против|вместо)"
#: The other side of a comparison, right before the figure: "compared with the 42 Mt of …".
_COMPARED_WITH = re.compile(
    r"(?:"
    + _COMPARED_WORDS
    + r"|\bas\s+against)\s+(?:the\s+|a\s+)?"
    + _ROUGHLY
    + r"(?:US\s*)?\$?\s*$",
    re.IGNORECASE,
)


def compared_aside(view: SentenceView, start: int, subject_starts: Iterable[int]) -> bool:
    """True when the figure at ``start`` (absolute) stands in a comparison with something else:
    "для сравнения, все 14 рудников перерабатывают около 42 млн тонн" (the mines'), "compared
    with the 12 trains a day of 2019". When a subject (named at one of ``subject_starts``) is
    named after the comparison word ("By comparison, the … railway is 169 km long"), the
    figure is its own."""
    clause_start, _ = view.segment_of(start)
    lo = max(view.start, clause_start - _COMPARISON_REACH // 2, start - _COMPARISON_REACH)
    if (lead := _COMPARISON.search(view.text, lo, start)) is not None:
        own = any(
            lead.end() <= at < start and _OPENS_ON_SUBJECT.fullmatch(view.text, lead.end(), at)
            for at in subject_starts
        )
        if ";" not in view.text[lead.end() : start] and not own:
            return True
    return _COMPARED_WITH.search(view.text, max(view.start, start - 30), start) is not None


#: A comparative right after the figure: the figure is a difference, not a level.
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:shorter|longer|less|fewer|faster|slower|cheaper|farther|closer|more\s+than)(?![\w-])"
    r"|\s*(?P<ru>короче|длиннее|меньше|больше|дальше|ближе|дешевле|быстрее|медленнее)(?![\w-])",
    re.IGNORECASE,
)
#: The Russian form of a difference puts "на" before the amount: "на 500 км короче" ("169 км
#: больше года была закрыта" is no difference).
_BY_BEFORE = re.compile(r"(?<![\w-])на\s+(?:около\s+|почти\s+|примерно\s+|более\s+чем\s+)?$", re.I)


def difference_after(text: str, start: int, end: int) -> bool:
    """True when the figure at ``start:end`` is a difference between two things: "500 km
    shorter than the route through Dostyk", "5 million tonnes more than planned", "на 500 км
    короче"."""
    found = _DIFFERENCE_AFTER.match(text, end)
    if found is None:
        return False
    return not found["ru"] or _BY_BEFORE.search(text, max(0, start - 25), start) is not None


#: A tunnel, bridge or viaduct named right after a length, with at most two words of its name
#: between: "a 1.56 km tunnel", "the 19.2-kilometre Kamchiq tunnel", "19,2-километровый тоннель".
_PART_NAMED_AFTER = re.compile(
    r"\s*(?:(?!(?:with|through|over|across|including|and|or|of|in|on|along|via|plus|its|their"
    r"|the|a|an|long|has|have|had|is|are|was|were|runs?|с|и|или|через|по|на|в)\b)[\w«»\"'’-]+\s+){0,2}?"
    r"(?:tunnels?|bridges?|viaducts?|overpass(?:es)?|flyovers?|galler(?:y|ies)"
    r"|тоннел\w*|туннел\w*|мост\w*|виадук\w*|эстакад\w*)(?![\w-])"
    # a verb takes an object: "the 169 km Angren-Pap railway bridges the pass"
    r"(?!\s+(?:the|a|an|its|their)\b)",
    re.IGNORECASE,
)


def part_named_after(text: str, end: int) -> bool:
    """True when a tunnel or bridge is named right after the length ending at ``end``."""
    return _PART_NAMED_AFTER.match(text, end) is not None


#: A part of a total said right before the amount: "of which $281.1 million", "из них 300 млн",
#: "including $2.4 billion in loans".
_PART_OF_TOTAL = re.compile(
    r"(?:\bof\s+which|\bof\s+this|\bincluding|(?<![\w-])(?:из\s+них|из\s+которых|в\s+том\s+числе"
    r"|в\s+т\.\s?ч\.|включая))"
    r"\s*" + _ROUGHLY + r"(?:US\s*)?\$?\s*$",
    re.IGNORECASE,
)


def part_of_a_total(text: str, lo: int, start: int) -> bool:
    """True when the amount at ``start`` is a part of a total named before it (searched from
    ``lo``): "estimated at $295.9 million, of which $281.1 million is a loan"."""
    return _PART_OF_TOTAL.search(text, max(lo, start - 30), start) is not None


#: The old value of a change: "from" right before it, "to" and a number right after it.
_FROM_BEFORE = re.compile(r"(?:\bfrom|(?<![\w-])(?:с|со))\s+" + _ROUGHLY + r"$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*(?:to|до)\s+" + _ROUGHLY + r"\d", re.IGNORECASE)
#: The new value said first: "grown to 20 million tonnes a year from 15 million tonnes".
_TO_A_VALUE_BEFORE = re.compile(r"\b(?:to|до)\s+" + _ROUGHLY + r"\d[^.;]{0,50}$", re.IGNORECASE)
#: The old value said after the new one: "20 Mt a year, up from 15 Mt", "вместо прежних 15".
_OLD_VALUE_BEFORE = re.compile(
    r"(?:" + _OLD_VALUE_WORDS + r"|\b(?:rising|falling|increased|decreased)\s+from)"
    r"(?:\s+прежних)?\s+" + _ROUGHLY + r"$",
    re.IGNORECASE,
)


def superseded_value(text: str, start: int, end: int) -> bool:
    """True when the figure at ``start:end`` is the old value of a change: "raising processing
    capacity from 25 million tonnes a year to 50 million tonnes a year", "grown to 20 Mt from
    15 Mt", "20 Mt a year, up from 15 Mt" (only the new value is the fact)."""
    lo = max(0, start - 25)
    after_from = _FROM_BEFORE.search(text, lo, start)
    if after_from is not None and (
        _TO_AFTER.match(text, end) is not None
        or _TO_A_VALUE_BEFORE.search(text, max(0, after_from.start() - 70), after_from.start())
    ):
        return True
    return _OLD_VALUE_BEFORE.search(text, lo, start) is not None


#: An amount added to a capacity: "will add 20 million tonnes", "что добавит к пропускной
#: способности …", "added 5 million tonnes a year of capacity" (not "he added that").
_ADDED = re.compile(
    r"(?:\b(?:will|would|to|could)\s+add|(?<![\w-])(?:добав|прибав)(?:ит|ят|ить))(?![\w-])"
    r"(?:\s+(?!(?:and|и|that|что)\b)[\w«»\"'’-]+){0,6}\s+" + _ROUGHLY + r"$"
    r"|\badd(?:s|ed)?\s+(?:about\s+|some\s+|another\s+)?$",
    re.IGNORECASE,
)
_ADDED_REACH = 60
#: An increment said right before the amount: "ещё 20 млн тонн", "another 20 million tonnes".
_MORE_BEFORE = re.compile(
    r"(?:\banother|\ban?\s+additional|\ba\s+further|\bextra"
    r"|(?<![\w-])(?:ещё|еще|дополнительн\w*))\s+" + _ROUGHLY + r"$",
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


#: Words between a figure and a later date that make the date the old value's: "20 Mt a year, up
#: from 15 Mt in 2019", "against 15 Mt in 2019", "против 15 млн тонн в 2019 году".
_OLD_VALUE_BETWEEN = re.compile(
    r"(?:" + _OLD_VALUE_WORDS + r"|" + _COMPARED_WORDS + r"|\bthan|(?<![\w-])чем)(?![\w-])",
    re.IGNORECASE,
)
_OLD_VALUE_REACH = 60


def dates_old_value(text: str, figure_end: int, date_start: int) -> bool:
    """True when the date at ``date_start``, after the figure ending at ``figure_end``, dates
    the old value set beside it ("…, up from 15 Mt in 2019"), not the figure."""
    if not 0 <= date_start - figure_end <= _OLD_VALUE_REACH:
        return False
    return _OLD_VALUE_BETWEEN.search(text, figure_end, date_start) is not None
