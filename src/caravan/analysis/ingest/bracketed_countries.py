"""A place name the text ties to a country in brackets: "«Ак-Тилек» (Кыргызстан) и «Карасу»
(Казахстан)", "Karasu (Kazakhstan)". When the held place of that name lies in another
country, the text speaks of another place of the same name, in that sentence and after it.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Match

__all__ = ["another_country_said"]

#: How many sentences back the bracketed country of a name is still remembered.
_REACH = 8


def another_country_said(view: SentenceView, place: Match) -> bool:
    """True when the text writes ``place``'s name with a country in brackets (in this sentence
    or one before it) in which none of the places it matched lies."""
    said = _bracketed_country(view, place.text)
    if said is None:
        return False
    return not any(place_id.startswith(f"{said}-") for place_id in place.ids(EntryKind.PLACE))


def _bracketed_country(view: SentenceView, name: str) -> str | None:
    written = re.compile(re.escape(name) + r"[»\"”]?\s*\(")
    for current in view.with_previous(_REACH):
        for found in written.finditer(current.text, current.start, current.end):
            for country in current.of_kind(EntryKind.COUNTRY, EntryKind.FOREIGN):
                if found.end() <= country.start <= found.end() + 2:
                    return country.ids(EntryKind.COUNTRY, EntryKind.FOREIGN)[0]
    return None
