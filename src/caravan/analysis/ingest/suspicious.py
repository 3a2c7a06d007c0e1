"""Statements a reviewer must look at twice: a party outside the six where one is expected.

In a text about China and Central Asia, "cooperation between China and Turkey" names a
country outside the mechanism whose name is close to a member's (Turkmenistan): likely a
slip. A foreign country is flagged when it stands paired with China or a member ("between
China and X", "China–X", "X and China") and shares its first letters with a member.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import Candidate, SentenceView
from caravan.analysis.ingest.events import date_for, first_trigger
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, Match
from caravan.model.proposals import (
    EntityKind,
    Flag,
    FlagCode,
    ProposedEntity,
    ProposedStatusEvent,
)

__all__ = ["foreign_party_flag", "suspicious_statements"]

_PAIRED_BEFORE = re.compile(
    r"(?:between\s+|with\s+)?(?:China|Chinese|[A-Z]\w+stan)\s*(?:and|&|[-–—])\s*$|(?:между\s+)?Китаем\s+и\s+$",
)
#: The last item of a list of three or more: "Kyrgyzstan, Tajikistan and " before the name.
_LIST_BEFORE = re.compile(r"[\w)]\s*,\s*(?:[A-Z][\w-]*\s+){1,3}(?:and|и)\s+$")
_PAIRED_AFTER = re.compile(r"^\s*(?:and|и)\s+(?:China|Китаем|Китай)\b")
_STATEMENT = re.compile(
    r"(?:\b[\w-]+\s+)?(?:cooperation|partnership|trade|projects?|relations|ties|сотрудничеств\w*)\s+(?:between|между)\s+[^,;.]{0,40}$",
    re.IGNORECASE,
)
_COMMON_PREFIX = 4


def foreign_party_flag(view: SentenceView, match: Match) -> Flag | None:
    """A SUSPICIOUS_STATEMENT flag when a foreign country stands where a member is expected."""
    context = view.context
    if not context.about_central_asia:
        return None
    before = view.text[max(view.start, match.start - 40) : match.start]
    after = view.text[match.end : min(view.end, match.end + 20)]
    if _PAIRED_BEFORE.search(before) is None and _PAIRED_AFTER.match(after) is None:
        return None
    if _LIST_BEFORE.search(before):
        return None  # "such as Uzbekistan, Kyrgyzstan, Tajikistan and Turkey": a list, no pair
    said = match.text.casefold()
    likely = [
        (country_id, name)
        for country_id, name in context.member_names.items()
        if name.casefold()[:_COMMON_PREFIX] == said[:_COMMON_PREFIX]
    ]
    if not likely:
        return None
    country_id, name = likely[0]
    return Flag(
        code=FlagCode.SUSPICIOUS_STATEMENT,
        message=(
            f"'{_pair_text(view, match)}' in a text about China and Central Asia: "
            f"{match.text} is not one of the six; {name} ({country_id}) is likely meant"
        ),
    )


def suspicious_statements(
    view: SentenceView, covered: list[tuple[int, int]], gazetteer: Gazetteer
) -> Iterator[Candidate]:
    """A proposal carrying the flag for each suspicious pairing no other fact covers.

    When the statement, with the likely member put in, names a known project ("energy
    cooperation between China and Turkmenistan"), the proposal is that project's status
    as the clause states it; otherwise it is the statement itself as a new entity.
    """
    for match in view.of_kind(EntryKind.FOREIGN):
        if any(a <= match.start and match.end <= b for a, b in covered):
            continue
        flag = foreign_party_flag(view, match)
        if flag is None:
            continue
        statement = _STATEMENT.search(view.text[view.start : match.start])
        if statement:
            start = view.start + statement.start()
        else:  # the pair as written ("China and Turkey"), from a word's start
            start = match.start - len(_pair_text(view, match)) + len(match.text)
        event = _corrected_event(view, gazetteer, match, start, flag)
        if event is not None:
            yield event
            continue
        yield Candidate(
            payload=ProposedEntity(
                entity_kind=EntityKind.PROJECT,
                name=view.text[start : match.end],
                country_ids=("cn", *match.ids(EntryKind.FOREIGN)[:1]),
            ),
            start=start,
            end=match.end,
            confidence=0.3,
            flags=(flag,),
        )


def _corrected_event(
    view: SentenceView, gazetteer: Gazetteer, match: Match, start: int, flag: Flag
) -> Candidate | None:
    likely = _likely_member(view, match)
    if likely is None:
        return None
    corrected = view.text[start : match.start] + likely
    projects = [m for m in gazetteer.find(corrected) if m.ids(EntryKind.PROJECT)]
    if not projects:
        return None
    project_id = projects[-1].ids(EntryKind.PROJECT)[0]
    _, segment_end = view.segment_of(match.end)
    trigger = first_trigger(view, start, segment_end, project_id)
    if trigger is None:
        return None
    status, _, trigger_end, rule_confidence = trigger
    dating = date_for(view, start, trigger_end)
    if dating is None:
        return None
    date, precision, stated, note = dating
    flags = [flag]
    if not stated:
        flags.append(Flag(code=FlagCode.LOW_CONFIDENCE, message=note))
    return Candidate(
        payload=ProposedStatusEvent(
            project_id=project_id, status=status, date=date, date_precision=precision
        ),
        start=start,
        end=trigger_end,
        confidence=round(min(0.35, rule_confidence * 0.5), 3),
        flags=tuple(flags),
        date_stated=stated,
    )


def _likely_member(view: SentenceView, match: Match) -> str | None:
    said = match.text.casefold()
    for name in view.context.member_names.values():
        if name.casefold()[:_COMMON_PREFIX] == said[:_COMMON_PREFIX]:
            return name
    return None


def _pair_text(view: SentenceView, match: Match) -> str:
    before = view.text[max(view.start, match.start - 40) : match.start]
    paired = _PAIRED_BEFORE.search(before)
    if paired is not None:
        return (before[paired.start() :] + match.text).strip()
    return match.text
