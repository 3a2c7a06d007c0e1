"""A project named by its kind and its place: "«сухой порт» Хоргос", "the Khorgos dry port",
"the dry port of Khorgos" is the one held dry port whose names carry that place
("Khorgos Gateway dry port", alias "Хоргос – Восточные ворота"), though no held name is
written. Read only when exactly one held project of that kind has the place in its names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Match, MatchMethod

__all__ = ["by_kind_and_place"]

#: Kinds a project's name states, each with how a text writes it before or after a place.
_KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "dry port": (
        re.compile(
            r"(?:\bdry\s+port\s+(?:of\s+)?|(?<![\w-])сух\w+\s+порт\w*[»\"]?\s+)[«\"]?$",
            re.IGNORECASE,
        ),
        re.compile(r"[»\"]?\s+dry\s+port\b", re.IGNORECASE),
    ),
}
_STEM = 5


def by_kind_and_place(
    text: str, matches: Sequence[Match], projects: Iterable[tuple[str, tuple[str, ...]]]
) -> list[Match]:
    """``matches``, a held place named with a project kind beside it read as the one held
    project of that kind whose names carry the place (a variant of its name)."""
    held = list(projects)
    result = list(matches)
    for match in matches:
        if not match.ids(EntryKind.PLACE) or match.ids(EntryKind.PROJECT) or match.borrowed:
            continue
        for kind, (before, after) in _KINDS.items():
            said_before = before.search(text, max(0, match.start - 30), match.start)
            said_after = after.match(text, match.end)
            if said_before is None and said_after is None:
                continue
            stem = match.text.casefold()[:_STEM]
            owners = [
                (project_id, names[0])
                for project_id, names in held
                if any(kind in n.casefold() for n in names)
                and any(stem in n.casefold() for n in names)
            ]
            if len(owners) != 1:
                continue
            start = said_before.start() if said_before is not None else match.start
            end = said_after.end() if said_after is not None else match.end
            entry = Entry(EntryKind.PROJECT, owners[0][0], owners[0][1], alias=True)
            read = Match(start, end, text[start:end], (entry,), MatchMethod.VARIANT, owners[0][1])
            result = [m for m in result if m is not match] + [read]
            break
    return sorted(result, key=lambda m: m.start)
