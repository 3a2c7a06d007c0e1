"""Resolving place names typed by people: ids, names in four languages, aliases, typos."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from caravan.errors import UnknownPlaceError
from caravan.model import Place

__all__ = ["PlaceIndex", "normalise_name"]

_DROPPED = str.maketrans("", "", "'’ʼ`ʻ‘-_. ,()")


def normalise_name(text: str) -> str:
    """Case-, accent-, space- and apostrophe-blind form of a name (`Xi'an` → `xian`)."""
    # Compatibility decomposition can yield capitals (modifier letter ᴬ → A): fold after it.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_DROPPED).casefold()


class PlaceIndex:
    """Every way of writing each place, for exact look-up first and fuzzy suggestions next."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        self._keys: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        for place in places:
            self._places[place.id] = place
            for label in _labels(place):
                key = normalise_name(label)
                if key and key not in self._keys:
                    self._keys[key] = place.id
                    self._labels[key] = label

    def __len__(self) -> int:
        return len(self._places)

    def resolve(self, name: str) -> Place:
        """The place called ``name``; raises :class:`UnknownPlaceError` with suggestions."""
        if name in self._places:
            return self._places[name]
        key = normalise_name(name)
        if key in self._keys:
            return self._places[self._keys[key]]
        raise UnknownPlaceError(name, self.suggest(name))

    def suggest(self, name: str, limit: int = 3) -> list[tuple[str, str]]:
        """Up to ``limit`` (label, place id) pairs that look like ``name``."""
        key = normalise_name(name)
        if not key:
            return []
        matches = process.extract(
            key, list(self._keys), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=70
        )
        suggestions: list[tuple[str, str]] = []
        for match, _score, _index in matches:
            place_id = self._keys[match]
            if all(place_id != known for _, known in suggestions):
                suggestions.append((self._places[place_id].name_en, place_id))
            if len(suggestions) == limit:
                break
        return suggestions


def _labels(place: Place) -> list[str]:
    names = [
        place.id,
        place.name_en,
        place.name_ru,
        place.name_zh,
        place.name_local,
        *place.aliases,
    ]
    return [n for n in names if n]
