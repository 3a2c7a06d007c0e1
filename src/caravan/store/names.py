"""Resolving place names typed by people: ids, names in four languages, aliases, typos."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from caravan.errors import AmbiguousPlaceError, UnknownPlaceError
from caravan.model import Place

__all__ = ["SUGGESTION_CUTOFF", "PlaceIndex", "normalise_name"]

_DROPPED = str.maketrans("", "", "'’ʼ`ʻ‘-_. ,()")


def normalise_name(text: str) -> str:
    """Case-, accent-, space- and apostrophe-blind form of a name (`Xi'an` → `xian`)."""
    # Compatibility decomposition can yield capitals (modifier letter ᴬ → A): fold after it.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_DROPPED).casefold()


class PlaceIndex:
    """Every way of writing each place, for exact look-up first and fuzzy suggestions next.

    A name can fit several places: border posts share their pass's name across the border
    ("Irkeshtam (CN)", "Irkeshtam (KG)"). Such a bare name is *ambiguous*, not unknown:
    :meth:`candidates` lists every place it fits, :meth:`resolve` refuses to guess.
    """

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        # For each key, the places it names outright and those it names once a
        # "(CN)"-style qualifier is dropped from one of their labels.
        self._exact: dict[str, list[str]] = {}
        self._bare: dict[str, list[str]] = {}
        # For each run of whole words inside a longer label, the places it is part of
        # ("Baku" in "Port of Baku (Alat)"): suggestions, never a resolution.
        self._within: dict[str, list[str]] = {}
        for place in places:
            self._places[place.id] = place
            for label in _labels(place):
                _add(self._exact, normalise_name(label), place.id)
                bare = _QUALIFIER.sub("", label)
                if bare != label:
                    _add(self._bare, normalise_name(bare), place.id)
                for run in _parts(label):
                    _add(self._within, run, place.id)
        self._keys = sorted(set(self._exact) | set(self._bare))

    def __len__(self) -> int:
        return len(self._places)

    def candidates(self, name: str) -> list[Place]:
        """Every place ``name`` fits (an id, a name in any script, an alias), best first."""
        if name in self._places:
            return [self._places[name]]
        key = normalise_name(name)
        ids = [*self._exact.get(key, [])]
        ids += [i for i in self._bare.get(key, []) if i not in ids]
        return [self._places[i] for i in ids]

    def resolve(self, name: str) -> Place:
        """The place called ``name``.

        Raises :class:`AmbiguousPlaceError` (with the choices) when it fits several places
        equally well, :class:`UnknownPlaceError` (with close matches) when it fits none.
        """
        if name in self._places:
            return self._places[name]
        key = normalise_name(name)
        exact = self._exact.get(key, [])
        if len(exact) == 1:
            return self._places[exact[0]]
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if found:
            choices = exact or [p.id for p in found]
            raise AmbiguousPlaceError(name, [(self._places[i].name_en, i) for i in choices])
        raise UnknownPlaceError(name, self.suggest(name))

    def resolve_pair(self, origin: str, destination: str) -> tuple[Place, Place, list[str]]:
        """Both ends of a journey; an ambiguous name takes the side in the other end's country,
        else the side nearer the other end.

        "Kashgar → Khorgos" means China's Khorgos and "Almaty → Khorgos" Kazakhstan's, though
        the two posts lie about equally far from either city; a trip from a third country
        takes the nearer post. Returns the two places and a note for each name that fitted
        several places, saying which one was taken and why. Unknown names raise
        :class:`UnknownPlaceError`.
        """
        starts, ends = self._fitting(origin), self._fitting(destination)
        start, end = min(
            ((a, b) for a in starts for b in ends),
            key=lambda pair: (
                pair[0].country_id != pair[1].country_id,
                _great_circle_km(pair[0], pair[1]),
            ),
        )
        notes = [
            _choice_note(name, chosen, found, other)
            for name, chosen, found, other in (
                (origin, start, starts, end),
                (destination, end, ends, start),
            )
            if len(found) > 1
        ]
        return start, end, notes

    def _fitting(self, name: str) -> list[Place]:
        found = self.candidates(name)
        if not found:
            raise UnknownPlaceError(name, self.suggest(name))
        return found

    def suggest(self, name: str, limit: int = 3) -> list[tuple[str, str]]:
        """Up to ``limit`` (label, place id) pairs for ``name``: places whose name holds it as
        whole words ("Baku" → "Port of Baku (Alat)") first, then whole-name similarity."""
        key = normalise_name(name)
        if not key:
            return []
        held = len(key) >= _LEAST_CONTAINED and key not in _GENERIC_WORDS
        within = self._within.get(key, []) if held else []
        # Whole-name similarity, not the best-matching fragment: "Torugart" must not bring up
        # "Tursunzoda" because the two share a few letters.
        matches = process.extract(
            key, self._keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=SUGGESTION_CUTOFF
        )
        found = [match for match, _score, _index in matches] or self._written_inside(name)
        suggestions = [(self._places[i].name_en, i) for i in within[:limit]]
        for match in found:
            for place_id in [*self._exact.get(match, []), *self._bare.get(match, [])]:
                if all(place_id != known for _, known in suggestions):
                    suggestions.append((self._places[place_id].name_en, place_id))
            if len(suggestions) >= limit:
                break
        return suggestions[:limit]

    def _written_inside(self, name: str) -> list[str]:
        """Whole names written inside ``name`` as its own words ("Tashkent region",
        "Dushanbe-2 station") or repeated ("Xi'anXi'an"), longest first.

        Only for a spelling no whole name resembles. A name must fill whole words of the
        query, so "Tursungate" brings up no "Gate"; names shorter than four letters are left
        out, so a long query does not bring up every short name in it.
        """
        runs = _word_runs(name)
        key = normalise_name(name)
        inside = {
            k
            for k in self._keys
            if len(k) >= _LEAST_CONTAINED
            and k != key
            and (k in runs or (len(key) % len(k) == 0 and k * (len(key) // len(k)) == key))
        }
        return sorted(inside, key=lambda k: (-len(k), k))


#: Fewest characters of a name offered because it is written inside a longer query.
_LEAST_CONTAINED = 4

#: Words of place names that name a kind of place, not one place: a query that is one of them
#: is not offered the places whose names hold it ("Station", "Port", "South").
_GENERIC_WORDS = frozenset(
    {
        "station", "port", "seaport", "dryport", "terminal", "gateway", "junction", "airport",
        "crossing", "border", "post", "pass", "road", "railway", "highway", "bridge", "river",
        "lake", "city", "town", "district", "region", "province", "field", "gasfield", "north",
        "south", "east", "west", "central", "new", "old", "international", "free", "zone",
    }
)  # fmt: skip

#: What separates the words of a typed name.
_WORDS = re.compile(r"[\s\-_/,.()]+")


#: Least whole-name similarity (0–100) for a spelling to be offered as "did you mean".
SUGGESTION_CUTOFF = 80.0

#: A trailing country qualifier in a label: "Irkeshtam (KG)", "Хоргос (РК)".
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def _word_runs(text: str) -> set[str]:
    """Normalised runs of whole words of a text, the whole text among them."""
    words = [normalise_name(w) for w in _WORDS.split(text) if normalise_name(w)]
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _parts(label: str) -> set[str]:
    """The runs of whole words inside a label that may be offered for it (four letters or more,
    shorter than the label)."""
    runs = _word_runs(label)
    whole = max(runs, key=len, default="")
    return {r for r in runs if r != whole and len(r) >= _LEAST_CONTAINED}


def _choice_note(name: str, chosen: Place, found: list[Place], other: Place) -> str:
    others = ", ".join(p.id for p in found if p.id != chosen.id)
    same_country = chosen.country_id == other.country_id and any(
        p.country_id != other.country_id for p in found
    )
    why = (
        f"the side in {other.name_en}'s country"
        if same_country
        else f"the side nearer {other.name_en}"
    )
    return (
        f"{name} taken as {chosen.id} ({chosen.name_en}, {chosen.country_id}), {why}; "
        f"it also names {others}"
    )


def _great_circle_km(a: Place, b: Place) -> float:
    """Distance between two places on the sphere, km."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    half = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(half))


def _add(index: dict[str, list[str]], key: str, place_id: str) -> None:
    if key:
        ids = index.setdefault(key, [])
        if place_id not in ids:
            ids.append(place_id)


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
