"""A name several held projects share, one in each state, said of a state none of them is in.

The knowledge base holds the Luban workshops of Kazakhstan, Kyrgyzstan and Tajikistan, each
under a name that says its state ("Luban Workshop in Kazakhstan"), and all three under the
shared "Luban Workshop". "The Luban Workshop in Uzbekistan", "мастерская Лу Баня в
Узбекистане" names a fourth, which the knowledge base lacks: a new project of the family (corpus
rules 3 and 6), named by the shared name and the state as the text writes them. A state one of
the family is in is that held project, and a shared name of projects that are not one to a
state (or that no state follows) is left to the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import CENTRAL_ASIA, SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import nominative_phrase

__all__ = ["family_members"]

#: "in" or "в" between the shared name and the state.
_IN = re.compile(r"\s+(?:in|в|во)\s+(?:the\s+)?", re.IGNORECASE)


def family_members(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each new member of a held family of projects the sentence names."""
    for match in gazetteer.find(view.text, view.start, view.end):
        ids = match.ids(EntryKind.PROJECT)
        if len(ids) < 2 or len(ids) != len(match.entries):
            continue
        joint = _IN.match(view.text, match.end, view.end)
        if joint is None:
            continue
        state = next(
            (m for m in view.matches if m.start == joint.end() and m.ids(EntryKind.COUNTRY)), None
        )
        if state is None or state.ids(EntryKind.COUNTRY)[0] not in CENTRAL_ASIA:
            continue
        held = [_states_of(view, i) for i in ids]
        if any(len(states) != 1 for states in held):
            continue  # not one project to a state: the shared name is no family's
        if state.ids(EntryKind.COUNTRY)[0] in set().union(*held):
            continue  # the held one of that state
        if any(
            m.start <= match.start and state.end <= m.end and m.ids(EntryKind.PROJECT)
            for m in view.matches
        ):
            continue  # a longer held name covers it
        written = view.text[match.start : state.end]
        if re.search(r"[а-яё]", written[:1].casefold()):
            written = nominative_phrase(written)
        yield written[:1].upper() + written[1:], match.start, state.end


def _states_of(view: SentenceView, project_id: str) -> set[str]:
    """The Central Asian states the held project's own names say it is in ("Luban Workshop in
    Kyrgyzstan")."""
    names = " ".join(view.context.project_names.get(project_id, ()))
    return {
        state
        for state, name in view.context.member_names.items()
        if state in CENTRAL_ASIA and re.search(rf"\b{re.escape(name)}\b", names)
    }
