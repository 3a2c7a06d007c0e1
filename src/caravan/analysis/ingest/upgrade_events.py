"""Status of a line whose upgrade is worked on (corpus rule 27; the upgrade itself is a new
project, see ``line_upgrades``): second tracks,
electrification or modernisation of "участок Алтынколь – Жетыген" are a project of their own,
so they give the line, open for years, no new status ("продолжается строительство вторых путей",
"the electrification of the line was completed"). A held row that is itself the upgrade (the
Dostyk – Moyinty second track) names the upgrade in its own name and keeps its events.
"""

from __future__ import annotations

import datetime as dt
import re

from caravan.analysis.ingest.context import SentenceView

__all__ = ["upgrade_of_line_in_service"]

#: Works that upgrade a line rather than build it.
_UPGRADE = re.compile(
    # works, not the state they leave ("the electrified line", "электрифицированная дорога")
    r"\b(?:second\s+tracks?|second\s+(?:railway\s+|rail\s+)?line|double[- ]track(?:ing)?"
    r"|electrif(?:ication|ying)|moderni[sz](?:ation|ing|e))\b"
    r"|(?<![\w-])(?:втор\w+\s+пут\w*|втор\w+\s+колеи|втор\w+\s+(?:[а-яё]+\s+)?лини\w*"
    r"|электрификац\w*|модернизац\w*"
    r"|(?:электрифицир|модернизир)(?!ованн)\w*)(?![\w-])",
    re.IGNORECASE,
)
#: How many sentences back the works a borrowed line's progress continues may be named.
_SENTENCES_BEFORE = 5
_WORDS = re.compile(r"[^\W\d_]{4,}")
_STEM = 4


def upgrade_of_line_in_service(
    view: SentenceView, project_id: str, position: int, date: dt.date, borrowed: bool
) -> bool:
    """True when the clause at ``position`` (or, for a line only referred back to, a sentence
    shortly before) speaks of upgrade works, the project is a line the knowledge base holds
    in service since before ``date``, and its names carry no such word."""
    since = view.context.in_service_since.get(project_id)
    if since is None or since >= date:
        return False
    clause_start, clause_end = view.segment_of(position)
    upgrade = _UPGRADE.search(view.text, clause_start, clause_end)
    if upgrade is None and borrowed:  # the works of the sentences before go on here
        upgrade = next(
            (
                found
                for earlier in view.previous_sentences(_SENTENCES_BEFORE)
                if (found := _UPGRADE.search(earlier.sentence)) is not None
            ),
            None,
        )
    if upgrade is None:
        return False
    words = {w[:_STEM] for w in _WORDS.findall(upgrade.group().casefold())}
    names = view.context.project_names.get(project_id, ())
    own = {w[:_STEM] for name in names for w in _WORDS.findall(name.casefold())}
    return not words <= own
