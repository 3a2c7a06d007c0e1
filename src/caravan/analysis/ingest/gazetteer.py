"""Names the knowledge base knows, and finding them in text in any script or spelling.

Entries come from the knowledge base (countries, places, crossings, projects, agreements,
with every name and alias) and from ``vocabulary.csv`` (adjectives, regional groups,
other countries, Russian forms the data lacks; each row with its source or reasoning).
A name is found exactly (case-, accent- and inflection-blind), in the other script
(Cyrillic ↔ Latin), or as a spelling variant: one word of a longer name misspelt
("China-Kyrgyztou-Uzbekistan Railway") or a single long name with a typo ("Tashkennt").
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz, process

from caravan.analysis.ingest.bare_chains import beside_head_noun
from caravan.analysis.ingest.bare_ventures import bare_name, venture_spans
from caravan.analysis.ingest.document_words import DOCUMENT_KIND_KEYS
from caravan.analysis.ingest.languages import is_cyrillic
from caravan.analysis.ingest.project_place_names import respelled_names
from caravan.analysis.ingest.tokens import Token, tokenise
from caravan.store import KnowledgeBase

__all__ = [
    "VOCABULARY_PATH",
    "Entry",
    "EntryKind",
    "Gazetteer",
    "Match",
    "MatchMethod",
    "gazetteer_for",
]

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.csv")


class EntryKind(StrEnum):
    """What a name names."""

    COUNTRY = "country"  # one of the knowledge base's countries
    FOREIGN = "foreign"  # a country the knowledge base does not hold
    GROUP = "group"  # "Central Asia" (ca5), "the six countries" (six)
    PLACE = "place"
    CROSSING = "crossing"
    PROJECT = "project"
    AGREEMENT = "agreement"


class MatchMethod(StrEnum):
    """How a name was recognised; the confidence of what is read from it follows."""

    NAME = "name"
    ALIAS = "alias"
    SCRIPT = "script"  # written in the other script (Cyrillic ↔ Latin)
    VARIANT = "variant"  # misspelt or typed with a typo


#: Confidence that a match names what it seems to, by method.
METHOD_CONFIDENCE = {
    MatchMethod.NAME: 0.95,
    MatchMethod.ALIAS: 0.9,
    MatchMethod.SCRIPT: 0.85,
    MatchMethod.VARIANT: 0.65,
}


#: Factor on the confidence of a thing referred back to ("the line") rather than named.
BORROWED_CONFIDENCE = 0.8


def _described_in_russian(tokens: list[Token]) -> bool:
    """True when a Russian name starts with a common word ("Международный центр приграничного
    сотрудничества «Хоргос»", "Культурный центр Казахстана"): only a capital after its first word
    makes its start a name (Russian capitalises a name's first word whatever it is)."""
    from caravan.analysis.ingest.morphology import analyser

    if not tokens or not is_cyrillic(tokens[0].text):
        return False
    parses = [p for p in analyser().parse(tokens[0].text.casefold()) if p.is_known]
    return bool(parses) and not any(
        tag in p.tag for p in parses for tag in ("Geox", "Name", "Surn", "Patr", "Orgn", "Abbr")
    )


@dataclass(frozen=True)
class Entry:
    """One name of one thing."""

    kind: EntryKind
    id: str
    label: str
    alias: bool
    member: bool = True  # countries: one of the six
    respelling_of: str | None = None  # a name with a place written another way: the known name


@dataclass(frozen=True)
class Match:
    """A name found in text: its span, what it may name, how it was recognised."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    method: MatchMethod
    variant_of: str | None = None  # the known label a misspelt name was taken for
    borrowed: bool = False  # "the line", "it": the thing named in an earlier sentence
    status_only: bool = False  # lent to a bare status phrase only, not to figures or names

    def ids(self, *kinds: EntryKind) -> list[str]:
        """Ids of the things of these kinds the name may refer to, without repeats."""
        seen: list[str] = []
        for entry in self.entries:
            if entry.kind in kinds and entry.id not in seen:
                seen.append(entry.id)
        return seen

    @property
    def confidence(self) -> float:
        """How sure the match is (less for a thing only referred back to)."""
        return METHOD_CONFIDENCE[self.method] * (BORROWED_CONFIDENCE if self.borrowed else 1.0)


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_ABBREVIATION = re.compile(r"^[A-ZА-Я]{2,5}$")

#: Fuzzy matching: least token similarity (0–100) for one misspelt word of a longer name,
#: with at least this many leading letters in common …
VARIANT_WORD_SIMILARITY = 70.0
VARIANT_COMMON_PREFIX = 4
#: … or least whole-word similarity for a single long name (at least 7 letters).
VARIANT_NAME_SIMILARITY = 90.0
#: Fewest leading words of a long project or agreement name that name it on their own.
_PREFIX_WORDS = 4
#: Fewest leading words that may name one of several projects, for the context to choose.
_SHORT_PREFIX_WORDS = 2
_CONNECTORS = frozenset({"and", "of", "the", "on", "in", "for", "between", "to", "with", "a"})


@dataclass
class Gazetteer:
    """Every name of every known thing, keyed by token keys for fast look-up in text."""

    entries: list[Entry] = field(default_factory=list)
    _by_keys: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    _by_edge: dict[tuple[str, int, str], list[tuple[tuple[str, ...], Entry]]] = field(
        default_factory=dict
    )
    _single_keys: list[str] = field(default_factory=list)
    _first_words: set[str] = field(default_factory=set)
    _prefixes: dict[tuple[str, ...], set[tuple[EntryKind, str]]] = field(default_factory=dict)
    _prefix_entry: dict[tuple[tuple[str, ...], str], Entry] = field(default_factory=dict)
    _longest: int = 1
    _held: list[set[str]] | None = None
    #: Held ventures' names without their company form ("Zeravshan" of "Zeravshan LLC").
    _ventures: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)

    def add(self, entry: Entry, *, prefixes: bool = True) -> None:
        """Index one name (and, for a long one, its first words unless ``prefixes`` is off)."""
        tokens = tokenise(entry.label)
        keys = tuple(t.key for t in tokens)
        if not keys:
            return
        self._held = None  # the projects' word identities are worked out again
        self.entries.append(entry)
        self._first_words.add(keys[0])
        bucket = self._by_keys.setdefault(keys, [])
        if entry not in bucket:
            bucket.append(entry)
        self._longest = max(self._longest, len(keys))
        if prefixes and entry.kind in (EntryKind.PROJECT, EntryKind.AGREEMENT):
            described = _described_in_russian(tokens)
            for k in range(_SHORT_PREFIX_WORDS, len(keys)):
                if keys[k - 1] in _CONNECTORS:
                    continue
                if described and not any(t.capitalised for t in tokens[1:k]):
                    continue  # "Международный центр …": a description's start names nothing
                if entry.kind is EntryKind.AGREEMENT and set(keys[:k]) <= DOCUMENT_KIND_KEYS:
                    continue  # "Joint Statement …": a kind of document, not this one
                self._prefixes.setdefault(keys[:k], set()).add((entry.kind, entry.id))
                self._prefix_entry[(keys[:k], entry.id)] = entry
        if len(keys) >= 2:
            self._by_edge.setdefault(("first", len(keys), keys[0]), []).append((keys, entry))
            self._by_edge.setdefault(("last", len(keys), keys[-1]), []).append((keys, entry))

    def freeze(self) -> None:
        """Prepare the fuzzy index once every name is in."""
        self._single_keys = sorted(
            k[0] for k, entries in self._by_keys.items() if len(k) == 1 and len(k[0]) >= 7
        )

    def known_word(self, key: str) -> bool:
        """True when a word is on its own the name of something known."""
        return (key,) in self._by_keys

    def is_country_word(self, key: str) -> bool:
        """True when a word alone names a country or a group of countries."""
        kinds = (EntryKind.COUNTRY, EntryKind.FOREIGN, EntryKind.GROUP)
        return any(e.kind in kinds for e in self._by_keys.get((key,), ()))

    def place_word(self, key: str) -> bool:
        """True when a word alone names a known place or crossing."""
        kinds = (EntryKind.PLACE, EntryKind.CROSSING)
        return any(e.kind in kinds for e in self._by_keys.get((key,), ()))

    def place_ids(self, keys: tuple[str, ...]) -> set[str]:
        """Ids of the known places these word keys name (in any script or form)."""
        return {e.id for e in self._by_keys.get(keys, ()) if e.kind is EntryKind.PLACE}

    def place_of_adjective(self, key: str) -> str | None:
        """The place a Russian adjective is made from ("кашгарской" → its stem "kashgarsk" →
        Kashgar), when exactly one known place has that stem as its whole name."""
        key = _adjective_stem(key)
        if not key.endswith("sk") or len(key) < 6:
            return None
        ids = {e.id for e in self._by_keys.get((key[:-2],), ()) if e.kind is EntryKind.PLACE}
        return ids.pop() if len(ids) == 1 else None

    def project_of_adjective(self, key: str) -> Entry | None:
        """The project a Russian adjective is made from ("актогайский", "актогайских" → its
        stem "aktogaysk" → the project held as "Актогай"; "богутинское" → "Богуты"), when
        exactly one known project has a one-word name of that stem; None when a stem names
        several."""
        key = _adjective_stem(key)
        if not key.endswith("sk") or len(key) < 7:
            return None
        for cut in (2, 3, 4):  # "-sk", "-й" + "-sk", "-ин" + "-sk"
            entries = {
                e.id: e for e in self._by_keys.get((key[:-cut],), ()) if e.kind is EntryKind.PROJECT
            }
            if len(entries) > 1:
                return None  # the stem names several projects: none is meant for sure
            if entries and len(key) - cut >= 5:
                return next(iter(entries.values()))
        return None

    def project_with_words(self, keys: set[str], at_least: int | None = None) -> bool:
        """True when a known project's name holds all these words, or ``at_least`` of them;
        a word that names a known place counts in any script or form ("Кульма" is the
        "Kulma" of "Dushanbe–Khorog–Kulma highway")."""
        need = len(keys) if at_least is None else min(at_least, len(keys))
        wanted = [self._identities(k) for k in keys]
        return any(
            sum(1 for identities in wanted if identities & held) >= need
            for held in self._project_identities()
        )

    def _project_identities(self) -> list[set[str]]:
        """The identities of the words of every project's name, worked out once."""
        if self._held is None:
            self._held = [
                set().union(*(self._identities(k) for k in label_keys))
                for label_keys, entries in self._by_keys.items()
                if any(e.kind is EntryKind.PROJECT for e in entries)
            ]
        return self._held

    def _identities(self, key: str) -> set[str]:
        """A word's key and the ids of the places it names on its own."""
        places = self._by_keys.get((key,), ())
        return {key} | {f"place:{e.id}" for e in places if e.kind is EntryKind.PLACE}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every known name in ``text[start:end]``, longest first, left to right."""
        tokens = tokenise(text, start, end)
        exact = list(self._exact(text, tokens))
        found: list[Match] = []
        for match in self._with_variants(text, tokens, exact):
            found.extend(self._bare_chain_countries(text, tokens, match) or [match])
        if self._ventures:  # "Zeravshan, Zijin's subsidiary": the held venture, its form left off
            spans = venture_spans(
                text,
                tokens,
                self._ventures,
                lambda a, b: any(m.start < b and a < m.end for m in found),
            )
            for i, j in spans:
                keys = tuple(t.key for t in tokens[i:j])
                found.append(_match(text, tokens[i:j], self._ventures[keys], None))
            found.sort(key=lambda m: m.start)
        return found

    def add_venture(self, entry: Entry) -> None:
        """Index a held venture's name without its company form, read only beside a company
        word (see ``bare_ventures``)."""
        name = bare_name(entry.label)
        keys = tuple(t.key for t in tokenise(name)) if name else ()
        if keys and keys not in self._by_keys:
            bucket = self._ventures.setdefault(keys, [])
            if entry.id not in {e.id for e in bucket}:
                bucket.append(Entry(entry.kind, entry.id, name or "", alias=True))

    def _bare_chain_countries(self, text: str, tokens: list[Token], match: Match) -> list[Match]:
        """The countries of a project name made only of country names, when no line or
        project noun stands beside it (see ``bare_chains``); else nothing."""
        if any(e.kind is not EntryKind.PROJECT for e in match.entries):
            return []
        window = [t for t in tokens if match.start <= t.start and t.end <= match.end]
        if len(window) < 2 or not all(self.is_country_word(t.key) for t in window):
            return []
        if beside_head_noun(text, match.start, match.end):
            return []
        return [_match(text, [t], self._by_keys[(t.key,)], None) for t in window]

    def _exact(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, Match]]:
        i = 0
        while i < len(tokens):
            if tokens[i].key not in self._first_words:
                i += 1
                continue
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                window = tokens[i : i + n]
                keys = tuple(t.key for t in window)
                entries = self._by_keys.get(keys) or [
                    e
                    for e in self._prefix_entries(keys, window)
                    if not _another_kind_after(e, keys, tokens[i + n : i + n + 1])
                    and not self._name_goes_on_before(text, tokens, i, n)
                ]
                if entries and _contiguous(text, window) and _plausible(window, entries):
                    yield i, i + n, _match(text, window, entries, None)
                    i += n
                    break
            else:
                i += 1

    def _name_goes_on_before(self, text: str, tokens: list[Token], i: int, n: int) -> bool:
        """True when a short start of a held name follows a capitalised word of no held name
        ("the New Silk Road" is not "Silk Road e-commerce"): the words are another name's end."""
        if n >= _PREFIX_WORDS or i == 0:
            return False
        before = tokens[i - 1]
        return (
            before.capitalised
            and not before.text[:1].isdigit()
            and text[before.end : tokens[i].start] == " "
            and before.key not in _CONNECTORS
            and before.key not in self._first_words
            and not self.is_country_word(before.key)
        )

    def _prefix_entries(self, keys: tuple[str, ...], window: list[Token]) -> list[Entry]:
        """The one project or agreement whose name begins with these words, if only one does."""
        owners = self._prefixes.get(keys)
        if not owners or not window[0].capitalised:
            return []
        if len(keys) < _PREFIX_WORDS:
            # "Luban Workshop": a short start of several names, all in capitals and not a
            # country's name; the sentence's country picks one (see extract).
            if not all(
                t.capitalised or (k > 0 and t.text.casefold() in _GENERIC_HEADS)
                for k, t in enumerate(window)
            ) or self.is_country_word(keys[0]):
                return []  # "Luban workshop": a generic head may be written in lower case
        elif len(owners) != 1:
            return []
        entries = [self._prefix_entry[(keys, entity_id)] for _, entity_id in sorted(owners)]
        return [
            Entry(e.kind, e.id, e.label, alias=True, member=e.member, respelling_of=e.respelling_of)
            for e in entries
        ]

    def _with_variants(
        self, text: str, tokens: list[Token], exact: list[tuple[int, int, Match]]
    ) -> list[Match]:
        covered = {k: (a, b) for a, b, _ in exact for k in range(a, b)}
        variants: list[tuple[int, int, Match]] = []
        i = 0
        while i < len(tokens):
            found = self._variant_at(text, tokens, i, covered)
            if found is not None:
                variants.append(found)
                i = found[1]
            else:
                i += 1
        kept = [
            item for item in exact if not any(a < item[1] and item[0] < b for a, b, _ in variants)
        ]
        return [m for _, _, m in sorted([*kept, *variants], key=lambda x: x[0])]

    def _variant_at(
        self, text: str, tokens: list[Token], i: int, covered: dict[int, tuple[int, int]]
    ) -> tuple[int, int, Match] | None:
        if not tokens[i].capitalised:
            return None
        for n in range(min(self._longest, len(tokens) - i), 1, -1):
            span = covered.get(i)
            if span is not None and span[0] <= i and span[1] >= i + n:
                return None  # already read exactly as a name at least this long
            if ("first", n, tokens[i].key) not in self._by_edge and (
                "last",
                n,
                tokens[i + n - 1].key,
            ) not in self._by_edge:
                continue
            window = tokens[i : i + n]
            if not _contiguous(text, window):
                continue
            hit = self._multiword_variant(window)
            if hit is not None:
                entry, label = hit
                return i, i + n, _match(text, window, [entry], label)
        token = tokens[i]
        if i in covered or len(token.key) < 7 or not token.capitalised or not self._single_keys:
            return None
        best = process.extractOne(
            token.key, self._single_keys, scorer=fuzz.ratio, score_cutoff=VARIANT_NAME_SIMILARITY
        )
        if best is None:
            return None
        entries = self._by_keys[(best[0],)]
        return i, i + 1, _match(text, [token], entries, entries[0].label)

    def _named(self, key: str) -> set[str]:
        """Ids of the things a single word names."""
        return {e.id for e in self._by_keys.get((key,), ())}

    def _multiword_variant(self, window: list[Token]) -> tuple[Entry, str] | None:
        keys = tuple(t.key for t in window)
        n = len(keys)
        candidates = [
            *self._by_edge.get(("first", n, keys[0]), []),
            *self._by_edge.get(("last", n, keys[-1]), []),
        ]
        for label_keys, entry in candidates:
            if entry.kind not in (EntryKind.PROJECT, EntryKind.AGREEMENT, EntryKind.CROSSING):
                continue
            if keys == label_keys:
                continue
            differing = [j for j in range(n) if keys[j] != label_keys[j]]
            if len(differing) != 1:
                continue
            j = differing[0]
            said, known = keys[j], label_keys[j]
            if self.known_word(said) and self.known_word(known):
                if self._named(said) & self._named(known):
                    return entry, entry.label  # another spelling of the same place ("Dostyq")
                continue  # another real name, not a misspelling ("Kazakhstan" for "Kyrgyzstan")
            if self.known_word(said) or len(said) < 4 or len(known) < 4:
                continue
            similarity = fuzz.ratio(said, known)
            prefix = len(_common_prefix(said, known))
            if similarity >= 85 or (
                similarity >= VARIANT_WORD_SIMILARITY and prefix >= VARIANT_COMMON_PREFIX
            ):
                return entry, entry.label
        return None


#: Nouns that say what kind of line a name is: a known name's first words followed by another
#: ("North-South highway" for the "North–South railway") name another thing.
_LINE_KINDS = frozenset(
    t.key
    for t in tokenise(
        "railway railroad highway road motorway expressway pipeline corridor bridge tunnel"
        " железная автодорога трасса газопровод нефтепровод"
    )
)


def _another_kind_after(entry: Entry, said: tuple[str, ...], after: list[Token]) -> bool:
    """True when the word after a known name's first words is a kind of line that differs
    from the name's own next word ("North-South highway" is not the "North–South railway")."""
    if not after or after[0].key not in _LINE_KINDS:
        return False
    name = tuple(t.key for t in tokenise(entry.label))
    following = name[len(said)] if len(name) > len(said) else None
    return following in _LINE_KINDS and following != after[0].key


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


#: What may stand between two names read as one (a dash, a comma, quotes).
_JOINER = re.compile(r"[\s\-‐‑–—,'’\"«»“”]{1,4}")


def _contiguous(text: str, window: list[Token]) -> bool:
    """Words of one name: separated only by spaces, dashes, commas or quotes."""
    return all(
        _JOINER.fullmatch(text[a.end : b.start]) is not None for a, b in itertools.pairwise(window)
    )


#: Generic head nouns a name may carry in lower case after its own word ("Luban workshop").
_GENERIC_HEADS = frozenset(
    {
        "workshop", "railway", "highway", "road", "pipeline", "park", "port",
        "centre", "center", "plant", "mine", "project", "bridge", "tunnel", "branch", "campus",
    }
)  # fmt: skip


def _plausible(window: list[Token], entries: list[Entry]) -> bool:
    """A lone word names something only when written as a name (capital, or all capitals)."""
    if len(window) > 1:
        return True
    token = window[0]
    if token.cyrillic:
        return len(token.key) >= 3 and (
            token.capitalised
            or any(e.kind in (EntryKind.COUNTRY, EntryKind.GROUP) for e in entries)
        )
    if _ABBREVIATION.match(token.text):
        return True
    return token.capitalised and len(token.key) >= 3


def _match(text: str, window: list[Token], entries: list[Entry], variant_of: str | None) -> Match:
    start, end = window[0].start, window[-1].end
    respelt = {e.respelling_of for e in entries}
    if variant_of is None and None not in respelt and len(respelt) == 1:
        variant_of = respelt.pop()  # "Horgos International …": the place written another way
    if variant_of is not None:
        method = MatchMethod.VARIANT
    elif not any(_is_cyrillic_label(e.label) == any(t.cyrillic for t in window) for e in entries):
        method = MatchMethod.SCRIPT
    elif all(e.alias for e in entries):
        method = MatchMethod.ALIAS
    else:
        method = MatchMethod.NAME
    return Match(start, end, text[start:end], tuple(entries), method, variant_of)


def _is_cyrillic_label(label: str) -> bool:
    return any(is_cyrillic(c) for c in label)


# -- building ----------------------------------------------------------------------------

_CACHE: dict[tuple[str, str], Gazetteer] = {}


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """The gazetteer of a knowledge base, built once per content of the file."""
    key = (str(kb.path), kb.content_key())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = build_gazetteer(kb)
    return _CACHE[key]


def build_gazetteer(kb: KnowledgeBase, vocabulary: Path = VOCABULARY_PATH) -> Gazetteer:
    """Index every name in the knowledge base and the vocabulary file."""
    gazetteer = Gazetteer()
    for entry in _knowledge_base_entries(kb):
        gazetteer.add(entry)
    for entry in load_vocabulary(vocabulary):
        gazetteer.add(entry, prefixes=False)
    for entry in [e for e in gazetteer.entries if e.kind is EntryKind.PROJECT]:
        gazetteer.add_venture(entry)
        for chain in chains_of_ends(entry.label, gazetteer):
            gazetteer.add(Entry(EntryKind.PROJECT, entry.id, chain, alias=True), prefixes=False)
        for written in _port_of(entry.label):  # not a held name: read as a variant of it
            gazetteer.add(
                Entry(EntryKind.PROJECT, entry.id, written, alias=True, respelling_of=entry.label),
                prefixes=False,
            )
        for reordered in (*_proper_word_moved(entry.label), *_venture_forms(entry.label)):
            # corpus rule 43: "паромный комплекс Курык", "JV Zarafshon", "СП «Зарафшон»"
            gazetteer.add(Entry(EntryKind.PROJECT, entry.id, reordered, alias=True), prefixes=False)
    gazetteer.freeze()
    return gazetteer


def _proper_word_moved(label: str) -> list[str]:
    """A held name of one proper word and its kind in lower case, written the other way round:
    "Курык паромный комплекс" is also "паромный комплекс Курык" (corpus rule 43: the same
    name, word order aside)."""
    words = label.split()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return []
    lower = [w[:1].islower() for w in words]
    if not lower[0] and all(lower[1:]):
        return [" ".join([*words[1:], words[0]])]
    if not lower[-1] and all(lower[:-1]):
        return [" ".join([words[-1], *words[:-1]])]
    return []


_PORT_NAME = re.compile(r"^(?:[Pp]ort\s+(?P<after>[A-Z][\w-]+)|(?P<before>[A-Z][\w-]+)\s+port)$")


def _port_of(label: str) -> list[str]:
    """A held port's English name written with "of": "Port Kuryk" is also "port of Kuryk"
    ("the ferry complex in the port of Kuryk")."""
    found = _PORT_NAME.match(label)
    return [f"port of {found['after'] or found['before']}"] if found else []


#: A company's form after its name in a held alias: "Zarafshon JV", "Zeravshan LLC".
_COMPANY_FORMS = frozenset({"JV", "LLC", "LLP", "JSC", "Ltd"})
#: How a venture's form is written before its name: "JV Zarafshon", "СП «Зарафшон»".
_VENTURE_WORDS = ("JV", "СП", "предприятие", "совместное предприятие")


def _venture_forms(label: str) -> list[str]:
    """A held venture's name with its form put first ("Zarafshon JV" is also "JV Zarafshon",
    "СП Zarafshon", "предприятие Zarafshon"): the same company, word order aside."""
    words = label.split()
    if len(words) < 2 or words[-1] not in _COMPANY_FORMS:
        return []
    name = " ".join(words[:-1])
    return [f"{form} {name}" for form in dict.fromkeys((words[-1], *_VENTURE_WORDS))]


_DASH = re.compile(r"\s*[–—-]\s*|\s+-\s+")
_KIND_TAIL = re.compile(r"(?P<end>\S+)(?P<tail>(?:\s+[a-zа-яё][\w-]*)+)$")


def _is_place(name: str, gazetteer: Gazetteer) -> bool:
    tokens = tokenise(name)
    return bool(tokens) and gazetteer.place_word(" ".join(t.key for t in tokens))


_DASHED_LABEL = re.compile(r"\s[–—]\s|\w–\w")
_LABEL_DASH = re.compile(r"\s+[–—]\s+|(?<=\w)–(?=\w)")


def chains_of_ends(label: str, gazetteer: Gazetteer) -> list[str]:
    """Other ways to write a line named by its ends: "Kashgar – Irkeshtam – Osh road
    corridor" is also "Osh – Irkeshtam – Kashgar road corridor" and, with three ends or
    more, the bare chain either way. Chains of country names ("China – Kyrgyzstan –
    Uzbekistan") are left alone: several lines share them."""
    if "(" in label or not _DASHED_LABEL.search(label):
        return []
    parts = [p.strip() for p in _LABEL_DASH.split(label)]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return []
    tail = ""
    last = _KIND_TAIL.match(parts[-1])
    if last is not None:
        parts[-1], tail = last["end"], last["tail"]
    if any(" " in p for p in parts) or not all(
        _is_place(p, gazetteer) for p in (parts[0], parts[-1])
    ):
        return []  # only a line named by places at its ends (not "WE – WC", not countries)
    backwards = list(reversed(parts))
    chains = [" – ".join(backwards) + tail]
    if len(parts) >= 3:
        chains += [" – ".join(parts), " – ".join(backwards)]
    return [c for c in chains if c != label]


def load_vocabulary(path: Path = VOCABULARY_PATH) -> list[Entry]:
    """The extra names of ``vocabulary.csv`` (kind, entity id, name, language, basis)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Entry(
            EntryKind(row["kind"]),
            row["entity_id"],
            row["name"],
            alias=True,
            member=row["kind"] != EntryKind.FOREIGN,
        )
        for row in rows
    ]


def _knowledge_base_entries(kb: KnowledgeBase) -> Iterable[Entry]:
    for country in kb.countries():
        kind = EntryKind.COUNTRY if country.member else EntryKind.FOREIGN
        names = (country.name_en, country.name_ru, country.name_local)
        for n, name in enumerate(dict.fromkeys(names)):
            yield Entry(kind, country.id, name, alias=n > 0, member=country.member)
    for place in kb.places():
        for n, name in enumerate(
            _names(place.name_en, place.name_ru, place.name_local, *place.aliases)
        ):
            yield Entry(EntryKind.PLACE, place.id, name, alias=n > 0)
    place_names = {
        name.casefold()
        for place in kb.places()
        for name in _names(place.name_en, place.name_ru, place.name_local, *place.aliases)
    }
    for crossing in kb.crossings():
        crossing_names = _names(crossing.name)
        posts = [p for p in _posts(crossing.name) if p.casefold() not in place_names]
        for n, name in enumerate(dict.fromkeys([*crossing_names, *posts])):
            yield Entry(EntryKind.CROSSING, crossing.id, name, alias=n > 0)
    spellings = _place_spellings(kb)
    for project in kb.projects():
        project_names = _names(project.name_en, *project.aliases)
        every = [*project_names, *_lettered_lines(project_names)]
        for n, name in enumerate(dict.fromkeys(every)):
            yield Entry(EntryKind.PROJECT, project.id, name, alias=n > 0)
        respelt = {r: n for n in project_names for r in respelled_names(n, spellings)}
        for name, known in respelt.items():
            if name not in every:
                yield Entry(EntryKind.PROJECT, project.id, name, alias=True, respelling_of=known)
    for agreement in kb.agreements():
        for n, name in enumerate(_names(agreement.name)):
            yield Entry(EntryKind.AGREEMENT, agreement.id, name, alias=n > 0)


def _place_spellings(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Each one-word name of a place with all that place's one-word names: the place whose own
    name it is ("Khorgos", not "Khorgos (KZ)" of Nur Zholy), or else the one place holding it."""
    owners: dict[str, set[str]] = {}
    own: dict[str, set[str]] = {}
    names: dict[str, list[str]] = {}
    for place in kb.places():
        every = _names(place.name_en, place.name_ru, place.name_local, *place.aliases)
        plain = [_PARENTHESIS.sub("", n).strip() for n in every]
        names[place.id] = [n for n in dict.fromkeys(plain) if n and " " not in n]
        for word in names[place.id]:
            owners.setdefault(word.casefold(), set()).add(place.id)
        own.setdefault(place.name_en.casefold(), set()).add(place.id)
    spellings: dict[str, list[str]] = {}
    for word, ids in owners.items():
        chosen = own.get(word, set()) if len(ids) > 1 else ids
        if len(chosen) == 1:
            spellings[word] = names[next(iter(chosen))]
    return spellings


#: A crossing's name "Zhibek Zholy (Saryagash)–Gishtkuprik (Keles) (road)": its posts' names.
_POST_SEPARATOR = re.compile(r"\s*[–—]\s*")


def _posts(name: str) -> list[str]:
    """The names of a crossing's two posts ("Zhibek Zholy", "Gishtkuprik"), each of which
    names the crossing in a report from its side; not a direction ("Kokand direction")."""
    sides = _POST_SEPARATOR.split(_PARENTHESIS.sub("", name).strip(" ,"))
    if len(sides) != 2:
        return []
    posts = [p.strip() for side in sides for p in side.split("/")]  # "Dostyk/Alakol": both
    return [p for p in posts if p and not p.casefold().endswith("direction")]


#: A line named by a letter or number: "Line D".
_LETTERED_LINE = re.compile(r"Line\s+(?P<mark>[A-Z0-9])")


def _lettered_lines(names: list[str]) -> list[str]:
    """The other ways a "Line D" is written: "D line", "линия D", "нитка D", "ветка D"."""
    found = [_LETTERED_LINE.fullmatch(n) for n in names]
    marks = [f["mark"] for f in found if f is not None]
    return [
        form.format(m) for m in marks for form in ("{} line", "линия {}", "нитка {}", "ветка {}")
    ]


def _names(*names: str | None) -> list[str]:
    """Each name, and each without its parenthetical ("… railway (Ayagoz – Bakhty)")."""
    found: list[str] = []
    for name in names:
        if not name:
            continue
        for form in (name, _PARENTHESIS.sub("", name).strip(" ,")):
            if form and form not in found and not any("\u4e00" <= c <= "\u9fff" for c in form):
                found.append(form)
    return found


def _adjective_stem(key: str) -> str:
    """A Russian adjective's key with the plural endings the tokeniser keeps cut to "-sk"
    ("актогайских" → "aktogayskikh" → "aktogaysk"; "актогайским" → "aktogaysk")."""
    return re.sub(r"sk(?:ikh|im)$", "sk", key)
