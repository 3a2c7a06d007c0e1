"""New facilities described by a noun phrase: "a 160-megawatt combined-cycle gas plant in the
Mangystau Region", "a branch of the University of Hong Kong at Satpayev University",
"солнечную электростанцию мощностью 500 мегаватт", "Казарманского каскада ГЭС в Нарынской
области".

One reader for every domain: a facility head noun from ``facility_heads.csv`` (energy,
industry, transport, education; English and Russian), the modifiers before it (kind,
capacity, a name), the complements after it (purpose "for …" / "по …", "of …", capacity
"мощностью …") and its place ("in …", "at …", "в …"). A phrase is a project of the system
only with a cue: a capacity or a cost in the phrase, or a step of building, a plan, an
agreement or an investment in the sentence; in English an indefinite phrase ("a", "an",
"one", "a second"), since "the plant" refers to one already named, unless the text has not used
the head before and the phrase says its plan ("the … plant planned in Kyrgyzstan") or is named
by one unknown word ("the Zhongding logistics park"); any head written in lower case or as an
abbreviation, in a text that names China or a Chinese party, is a facility when an unknown name of
one to three words stands before it at that name's first use ("the Gadyn gas-collecting station",
"the Yukori Pskem HPP", then "the Karateren HPP"), while a capitalised head belongs to a body's
own name ("the National Institute of …"). A kind counted ("три ветровые
электростанции") is no project unless one place is given for each; a head left out after one
("и одна солнечная мощностью 0,3 ГВт") is borrowed. Heads of strength "named" ("deposit") are
read only by ``named_facilities``. A weak head
("line", "centre", "предприятие") also needs a modifier, a complement or a place. A phrase
that a known project's name covers, or whose head and place words a known project's name
holds, is that project; a later phrase of the same head and place in the same text is the
one already proposed. An unknown single name the phrase puts its facility "in" ("in Tyup")
is a new place.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caravan.analysis.ingest.context import SentenceView, parties_named
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser, lemma_of
from caravan.analysis.ingest.tokens import tokenise
from caravan.analysis.ingest.world_places import a_system_town
from caravan.model.enums import PlaceKind
from caravan.model.proposals import EntityKind

__all__ = ["FacilityHead", "FacilityPhrase", "facility_heads", "facility_phrases", "read_phrases"]

HEADS_PATH = Path(__file__).with_name("facility_heads.csv")


@dataclass(frozen=True)
class FacilityHead:
    """A head noun that says a phrase names a facility, and how much it needs around it."""

    language: str
    head: str  # English words as written (singular), a Russian lemma or abbreviation
    kind: EntityKind
    weak: bool  # needs a modifier, a complement or a place besides a cue
    domain: str  # energy, industry, transport, education (a "/" between several)
    named_only: bool = False  # names a facility only with its own name beside it ("deposit")

    @property
    def domain_transport(self) -> bool:
        """True for a head of transport (a line "between A and B")."""
        return "transport" in self.domain


@dataclass(frozen=True)
class FacilityPhrase:
    """A facility noun phrase read from a sentence (offsets into the whole text)."""

    kind: EntityKind
    name: str
    start: int
    end: int
    head_key: str  # the head's key, for telling two phrases of one facility
    place: str | None  # the words of its place, as written
    place_span: tuple[int, int] | None
    vague: bool = False  # "современное предприятие …": only how it is, no place, size or owner
    each: tuple[tuple[str, int, int], ...] = ()  # one facility per place of a counted plural
    counted: bool = False  # "три ветровые электростанции": several of a kind, none named


@functools.cache
def facility_heads(path: Path = HEADS_PATH) -> tuple[FacilityHead, ...]:
    """The head nouns of ``facility_heads.csv`` (language, head, kind, strength, why)."""
    with path.open(encoding="utf-8", newline="") as file:
        return tuple(
            FacilityHead(
                row["language"],
                row["head"],
                EntityKind(row["kind"]),
                row["strength"] == "weak",
                row["domain"],
                row["strength"] == "named",
            )
            for row in csv.DictReader(file)
        )


# --- English ---------------------------------------------------------------------------------

#: Words that end the modifiers before a head: determiners, prepositions, verbs, pronouns.
_EN_STOP = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "is", "are",
     "was", "were", "be", "been", "will", "would", "has", "have", "had", "which", "who", "as",
     "into", "per", "than", "also", "not", "it", "they", "we", "build", "built", "open",
     "opened", "launch", "launched", "construct", "constructed", "plans", "planned", "include",
     "includes", "including", "such", "each", "every", "any", "some", "other", "same", "said",
     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "new",
     "second", "third", "first", "additional", "another", "several", "both", "all", "construction",
     "building", "between", "about", "over", "under", "after", "before", "near", "around"}
)  # fmt: skip
#: Words before the modifiers that make the phrase indefinite: a facility not yet named.
_EN_INDEFINITE = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "new", "second", "third", "another", "additional", "several"}
)  # fmt: skip
_EN_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such",
     "each", "every", "any", "same", "said", "first"}
)  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)?"
_EN_CAPACITY = re.compile(
    rf"(?P<value>{_NUMBER})\s*[- ]?\s*(?P<unit>megawatts?|gigawatts?|kilowatts?|MW|GW|kW|kV)\b",
    re.IGNORECASE,
)
_EN_COST = re.compile(
    rf"(?:\$|USD\s?|US\$)\s?{_NUMBER}\s*(?:million|billion|bn|mln|m)?\b,?"
    rf"|{_NUMBER}\s*(?:million|billion)\s+(?:US\s+)?dollars?,?",
    re.IGNORECASE,
)
_UNIT = {"megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW", "mw": "MW", "gw": "GW",
         "kw": "kW", "kv": "kV"}  # fmt: skip
_EN_WORD = re.compile(r"[\w$'’.-]+|,")
_CAP = r"(?-i:[A-Z][\w'’-]*)"
_PLACE_NOUN = r"(?:region|province|district|oblast|county|area|zone|prefecture)"
#: Complements after an English head: purpose, owner or part, capacity, place.
_EN_FOR = re.compile(
    r"\s+(?P<prep>for|of)\s+(?P<np>(?:the\s+)?(?:(?:[a-z][\w-]*|" + _CAP + r")\s+){0,6}?"
    r"(?:[a-z][\w-]*|" + _CAP + r"))(?=\s*[,.;:)]|\s+(?:in|at|near|with|will|is|was|to|that|opened"
    r"|began|started"
    r"|which|by|from|worth|valued|costing|after|before|since|following|when|while|under|as|on"
    r"|within|amid|despite|and\s+(?:a|an|the))\b|$)",
)
#: A capacity after the head: "with a capacity of 300 MW", or "of 300 MW" ("a data center of
#: 300 MW in the Bukhara region").
_EN_CAPACITY_AFTER = re.compile(
    r"\s+(?:with\s+(?:a\s+)?(?:total\s+|annual\s+|design\s+)?capacity\s+|(?=of\s+\d))of\s+"
    r"(?:up\s+to\s+)?"
    rf"(?P<value>{_NUMBER})\s*(?P<unit>megawatts?|gigawatts?|MW|GW|kV)?",
    re.IGNORECASE,
)
_EN_PLACE = re.compile(
    r"\s+(?P<prep>in|at|near|outside|on(?=\s+the\s+" + _CAP + r"\s+(?:pass|river|lake)\b))\s+(?:the\s+)?"
    r"(?P<where>(?:(?:city|town|village|port|seaport)\s+of\s+)?"
    + _CAP + r"(?:\s+" + _CAP + r"){0,3}(?:'s\s+" + _CAP + r"(?:\s+" + _CAP + r"){0,2})?"
    r"(?:\s+(?:" + _PLACE_NOUN + r"|pass|river|lake|reservoir|canal))?)(?:,\s+(?P<country>" + _CAP + r"))?"
)  # fmt: skip
#: (A tunnel or bridge "on the Kamchik pass" or "on the Panj river" is placed by it, a hydropower
#: plant "at the Tuyabuguz reservoir" too.)
#: The place after the verb: "a second Luban Workshop will be opened in Astana", "A China Center
#: set up jointly by X and Y opened in Samarkand" (a clause of who set it up skipped), "a center
#: has opened at Bukhara State University".
_EN_PLACE_AFTER_VERB = re.compile(
    r"(?:\s+(?:set\s+up|built|founded|established|created)(?:\s+jointly)?\s+by\s+[^,.;:]{3,120}?)?"
    r"\s+(?:(?:will\s+be|is\s+to\s+be|are\s+to\s+be|was|were|is|are|to\s+be)\s+(?:\w+ly\s+)?"
    r"(?:built|opened|located|constructed|set\s+up|launched|established|created|erected)"
    r"|(?:has|have|had)\s+(?:started|begun)\s+(?:work|operations|production)"
    r"|(?:has|have)\s+(?:been\s+)?(?:opened|built|launched|set\s+up|established)"
    r"|opened|(?:began|started)\s+(?:work|operations))"
    # a time between the verb and the place: "opened on Monday in Tashkent"
    r"(?:\s+(?:on\s+(?:" + _CAP + r"|\d{1,2})(?:\s+(?:" + _CAP + r"|\d{1,2}))?|last\s+\w+|this\s+\w+"
    r"|yesterday|today))?"
    r"(?P<place>\s+(?:in|at|near)\s+(?:the\s+)?(?P<where>" + _CAP + r"(?:\s+" + _CAP + r"){0,2}"
    r"(?:\s+" + _PLACE_NOUN + r")?))"
)  # fmt: skip
#: A step, plan, agreement or investment in the sentence: the phrase is a project of the system.
_EN_CUE = re.compile(
    r"\b(?:build\w*|built|construct\w*|open\w*|launch\w*|commission\w*|plan(?:s|ned|ning)?|agree\w*|sign\w*"
    r"|invest\w*|implement\w*|set\s+up|setting\s+up|establish\w*|creat\w*|erect\w*|develop\w*|project\w*"
    r"|memorand\w*|deal|contract\w*|financ\w*|put\s+into\s+operation|will\s+be|to\s+be"
    r"|propos\w*|start\w*|begin|began|begun|groundbreaking|located|produce\w*|capacity"
    r"|progress\s+on|working\s+on|work\s+on|concept|feasibility\s+study)\b",
    re.IGNORECASE,
)


def _en_head_pattern() -> re.Pattern[str]:
    heads = sorted((h.head for h in _described("en")), key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(w) for w in head.split()) for head in heads)
    return re.compile(r"(?<![\w-])(?P<head>(?:" + words + r")(?:s|es)?)(?![\w-])", re.IGNORECASE)


@functools.cache
def _en_heads() -> tuple[re.Pattern[str], dict[str, FacilityHead]]:
    table = {h.head.casefold(): h for h in _described("en")}
    return _en_head_pattern(), table


def _described(language: str) -> list[FacilityHead]:
    """The heads of one language that may name a facility by description alone."""
    return [h for h in facility_heads() if h.language == language and not h.named_only]


def _en_head_of(written: str) -> FacilityHead | None:
    table = _en_heads()[1]
    key = re.sub(r"\s+", " ", written.casefold())
    if key in table:
        return table[key]
    for cut in ("es", "s"):
        if key.endswith(cut) and key[: -len(cut)] in table:
            return table[key[: -len(cut)]]
    return None


def _capacity_text(value: str, unit: str) -> str:
    """A capacity written one way: "160-megawatt" → "160 MW", "500 мегаватт" → "500 МВт"."""
    folded = unit.casefold().rstrip("s")
    ru = {"мвт": "МВт", "гвт": "ГВт", "квт": "кВт"}
    for stem, short in (("мегаватт", "МВт"), ("гигаватт", "ГВт"), ("киловатт", "кВт")):
        if folded.startswith(stem):
            return f"{value} {short}"
    return f"{value} {ru.get(folded, _UNIT.get(folded, unit))}"


def _english(view: SentenceView, gazetteer: Gazetteer) -> Iterator[FacilityPhrase]:
    sentence = view.sentence
    pattern, _ = _en_heads()
    for found in pattern.finditer(sentence):
        head = _en_head_of(found["head"])
        if head is None or (head.head.isupper() and found["head"] != head.head):
            continue
        if sentence[found.end() : found.end() + 1] == "'" or sentence[found.end() :].startswith(
            "’"
        ):
            continue  # "the plant's workers": a possessive, the plant already named
        phrase = _english_phrase(view, found, head, gazetteer)
        if phrase is not None:
            yield phrase


def _english_phrase(
    view: SentenceView, found: re.Match[str], head: FacilityHead, gazetteer: Gazetteer
) -> FacilityPhrase | None:
    sentence = view.sentence
    before = sentence[: found.start("head")]
    cost = False
    capacity: str | None = None
    modifiers: list[str] = []
    words = list(_EN_WORD.finditer(before))
    determiner: str | None = None
    index = len(words) - 1
    while index >= 0 and len(modifiers) < 8:
        word = words[index].group()
        money = _EN_COST.search(before, max(0, words[index].start() - 16), words[index].end())
        if money is not None and money.end() >= words[index].end() - 1 and word != "a":
            cost = True
            while index >= 0 and words[index].start() >= money.start():
                index -= 1
            continue
        if word == ",":
            if index > 0 and _EN_COST.search(words[index - 1].group() + ","):
                index -= 1
                continue
            break
        amount = _EN_CAPACITY.fullmatch(word)
        if amount is None and index > 0:
            amount = _EN_CAPACITY.fullmatch(f"{words[index - 1].group()} {word}")
            index -= 0 if amount is None else 1  # "120 MW": the number before the unit
        if amount is not None:
            capacity = _capacity_text(amount["value"], amount["unit"])
            index -= 1
            continue
        if word.casefold() in _EN_SKIP:
            cost = True  # "a planned … park": the plan is a cue, not a word of the name
            index -= 1
            continue
        if word == "and" and modifiers and index > 0 and _modifier_word(words[index - 1].group()):
            modifiers.insert(0, word)  # "a logistics and innovation center"
            index -= 1
            continue
        if word.casefold() in _EN_STOP:
            determiner = word.casefold()
            if determiner in ("new", "second", "third", "additional", "another") and index > 0:
                prior = words[index - 1].group().casefold()
                if prior in ("a", "an", "the", "its", "their"):
                    determiner = prior if prior in ("the", "its", "their") else word.casefold()
                    if prior in ("a", "an", "the") and word.casefold() in ("second", "third"):
                        modifiers.insert(0, word)
            break
        if word.endswith(("'", "’", "'s", "’s")):
            determiner = "its"  # "the two countries' railway": a possessive makes it definite
            break
        modifiers.insert(0, word.rstrip(".,"))
        index -= 1
    determiner_at = words[index].start() if determiner is not None else found.start()
    described = _EN_DESCRIBED_AFTER.match(sentence, found.end("head"))
    in_port = _in_a_held_port(view, found.end("head"))
    # "Modernizing the Aksu corn processing plant": works on a plant named by its town and
    # product, in a text on a partner's projects, at that name's first use
    by_town = (
        determiner == "the"
        and head.head in _NAMED_BY_A_WORD
        and _town_first(view, modifiers, found)
        and _EN_WORKS_ON.search(sentence, 0, found.start("head")) is not None
        and _partners_in_text(view)
        and _first_mention(
            view, " ".join([*modifiers, found["head"]]), view.start + found.start("head")
        )
    )
    first_mention = (
        (
            determiner == "the"
            and described is not None
            and _first_mention(view, found["head"], view.start + found.start("head"))
        )
        or (  # "the Karateren HPP" after "the Yukori Pskem HPP": its own name, its own plant
            determiner == "the"
            and (
                head.head in _NAMED_BY_A_WORD
                or (not found["head"].istitle() and _CHINESE.search(view.text) is not None)
            )
            and _unknown_name_first(view, modifiers, found)
            and _first_mention(
                view, " ".join([*modifiers, found["head"]]), view.start + found.start("head")
            )
        )
        or (
            determiner in ("its", "their")
            and head.head in _NAMED_BY_A_WORD
            and _town_first(view, modifiers, found)
            and _first_mention(view, found["head"], view.start + found.start("head"))
        )
        or by_town
        or (
            determiner == "the"
            and bool(modifiers)
            and head.head in _NAMED_BY_A_WORD
            and in_port is not None
            and _first_mention(view, found["head"], view.start + found.start("head"))
        )
    )
    sized = (  # "the 1 GW wind power project in … Pavlodar region": a size and a place name it
        determiner == "the"
        and capacity is not None
        and not first_mention
        and _first_mention(view, found["head"], view.start + found.start("head"))
    )
    of_a_kind = (  # "the car assembly plant in Kostanay" of a company of another state
        determiner in ("the", "its", "their")
        and not sized
        and not first_mention
        and (head.head in _NAMED_BY_A_WORD or (determiner != "the" and head.head == "project"))
        and bool(modifiers)
        and all(re.fullmatch(r"[a-z][a-z-]*", m) for m in modifiers)
        and len(parties_named(view)) >= 2
        and _first_mention(view, found["head"], view.start + found.start("head"))
    )
    sized = sized or of_a_kind
    first_mention = first_mention or sized
    if determiner in _EN_DEFINITE and not first_mention:
        return None
    if determiner not in _EN_INDEFINITE and capacity is None and not first_mention:
        return None
    start = view.start + (words[index + 1].start() if index + 1 < len(words) else found.start())
    if modifiers and modifiers[0].casefold() in ("second", "third"):
        start = view.start + before.rfind(modifiers[0])
    end = view.start + found.end("head")
    rest = sentence[found.end("head") :]
    complements: list[str] = []
    place: str | None = None
    place_span: tuple[int, int] | None = None
    cursor = described.end() - found.end("head") if first_mention and described else 0
    made: list[str] = []
    for _ in range(4):
        part = _EN_FOR.match(rest, cursor)
        if part is not None and not complements:
            complements.append(f"{part['prep']} {_without_article(part['np'])}")
            cursor = part.end()
            continue
        making = _EN_MAKING.match(rest, cursor)
        if making is not None and not complements:
            complements.append(f"{making['verb']} {making['np']}")
            cursor = making.end()
            continue
        product = _EN_THAT_MAKES.match(rest, cursor)
        if product is not None and not complements and not made:
            made = [*filter(None, [product["brand"], _singular(product["product"])])]
            modifiers = [*made, *modifiers]  # "a plant that builds FAW trucks": a FAW truck plant
            cursor = product.end()
            continue
        clause = _EN_THAT_MAKES_PHRASE.match(rest, cursor)
        if clause is not None and not complements and not made:
            made = [clause["np"]]  # what it makes says which plant it is
            complements.append(f"that {clause['verb']} {clause['np']}")
            cursor = clause.end()
            continue
        link = _EN_BETWEEN.match(rest, cursor)
        if link is not None and head.domain_transport:
            complements.append(link.group().strip())
            cursor = link.end()
            continue
        amount = _EN_CAPACITY_AFTER.match(rest, cursor)
        if amount is not None and amount["unit"]:
            capacity = _capacity_text(amount["value"], amount["unit"])
            cursor = amount.end()
            continue
        where = _EN_PLACE.match(rest, cursor)
        if (
            where is not None
            and place is None
            and (
                _a_place(view, view.start + found.end("head") + where.start("where"), where)
                or _a_world_town(where["where"], gazetteer)
            )
        ):
            place = where["where"]
            complements.append(f"{where['prep']} {place}")
            absolute = view.start + found.end("head") + where.start("where")
            place_span = (absolute, absolute + len(place))
            cursor = where.end("where")
            continue
        break
    end += cursor
    if place is None and not (in_port is not None and first_mention):  # the port's own
        after_verb = _EN_PLACE_AFTER_VERB.match(rest, cursor)
        if after_verb is not None:
            place = after_verb["where"]
            complements.append(f"in {place}")
            absolute = view.start + found.end("head") + after_verb.start("where")
            place_span = (absolute, absolute + len(place))
    if place is None and in_port is not None and first_mention:
        place = in_port["port"]  # "the logistics terminal opened at the Chinese port of …"
        complements.append(f"at the port of {place}")
        absolute = view.start + in_port.start("port")
        place_span = (absolute, absolute + len(place))
    together = _COORDINATED_BEFORE.search(sentence, 0, start - view.start) is not None
    if place is None and (shared := _shared_place(view, found.end("head") + cursor)) is not None:
        place, place_span = shared  # "a cement plant together with a … station in Tyup"
        complements.append(f"in {place}")
        together = True
    if (
        together
        and place is not None
        and re.search(_PLACE_NOUN + r"$", place)
        and not (capacity or cost or _EN_COST.search(sentence))
    ):
        return None  # "a bus plant and a battery plant in the Turkestan region": given only
        # together, placed only in a region, with nothing of their own (corpus rules 24, 32)
    if sized and place is None:
        return None  # "the 300 MW plant" without its place refers to one named before
    if of_a_kind and (place is None or re.search(_PLACE_NOUN + r"$", place)):
        return None  # a kind named by a region, not its town, may be any of several
    # "its cluster project in Kazakhstan": the company's own, in the state it names
    plural = found["head"].casefold().endswith("s") and _en_head_of(found["head"]) is not None
    if plural and determiner in ("a", "an", "new", "several", "additional", None):
        return None  # "new Lu Ban workshops": facilities in general, not one counted
    if head.weak and re.match(r"of\s+(?:the\s+)?[a-z]", complements[0] if complements else ""):
        return None  # "a long line of carriers", "a fourth line of the pipeline": a part or a row
    if _IN_TITLE.search(sentence, 0, start - view.start):
        return None  # «Казахстанский культурный центр …»: a title that begins before the phrase
    if _COMPOUND_AFTER.match(rest) or any(_not_a_facility(m, head) for m in modifiers):
        return None  # "a 40-year mine life", "a loan facility": the head is no facility here
    if _PREDICATE_BEFORE.search(sentence, 0, determiner_at):
        return None  # "the workshop will be a key base for training …": what it is, not a new one
    if _APPOSITION_BEFORE.search(sentence, 0, start - view.start) or _named_after(view, end):
        return None  # "the Bakhty-Ayagoz railway, a new 272 km line": the name's own thing
    owner = any(c.startswith("of ") and re.search(r"\b[A-Z]", c) for c in complements)
    joint = any(_EN_TWO_STATES.fullmatch(m) for m in modifiers)  # a joint facility: tie and cue
    proper = joint or _proper_modifiers(view, start, modifiers)
    purpose = bool(made) or any(
        c.startswith(("for ", "producing ", "making ", "between ")) for c in complements
    )
    if place is None:
        place, place_span, in_place = _place_before(view, determiner_at + view.start, r"In")
        if in_place:
            complements.append(in_place)
    company = _owner_before(view, determiner_at + view.start)
    if head.weak and not (capacity or place or purpose or owner or proper):
        return None  # "a strategic line", "a vocational school": which one is not said
    if head.head in _NEEDS_OWNER and not owner:
        return None  # "a regional branch": a bank's as likely as a university's
    if head.head == "project" and (not modifiers or place is None):
        return None
    if not (capacity or cost or place or purpose or owner or proper):
        return None  # "a starch plant" in a list of parts says nothing of which
    if not (
        cost
        or capacity
        or joint  # "a Chinese-Uzbek center for traditional medicine"
        or first_mention  # "planned in …": the plan is said in the phrase
        or _cue_outside(_EN_CUE, view, start, end)
        or _EN_COST.search(sentence)
        or (proper and place is not None and determiner in ("a", "an"))  # "an SCO … park in Almaty"
    ):
        return None
    if place is None and by_town:
        place = modifiers[0]  # "the Aksu corn processing plant": told apart by its town
        at = view.start + sentence.rfind(modifiers[0], 0, found.start("head"))
        place_span = (at, at + len(place))
    core = " ".join([*modifiers, found["head"]])
    name = " ".join(filter(None, [company, core, capacity, *complements]))
    name = name[:1].upper() + name[1:]
    counted = plural and determiner in _EN_COUNTS
    return FacilityPhrase(
        head.kind, name, start, end, _key(head.head), place, place_span, counted=counted
    )


#: An adjective or name of two states or more joined by hyphens ("Chinese-Uzbek", "Sino-Kyrgyz",
#: "Kazakhstan-China"): a joint facility of them, as "китайско-узбекский" is in Russian.
_EN_STATE = (
    r"(?:Chin(?:a|ese)|Sino|Kazakh(?:stan(?:i)?)?|Kyrgyz(?:stan)?|Tajik(?:istan)?|Turkmen(?:istan)?"
    r"|Uzbek(?:istan)?|Russian?)"
)
_EN_TWO_STATES = re.compile(_EN_STATE + r"(?:-" + _EN_STATE + r")+")
#: Numbers that count several facilities of a kind ("three wind farms").
_EN_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


#: A noun right after the head that makes the head its modifier ("mine life", "plant workers").
_COMPOUND_AFTER = re.compile(
    r"\s+(?:life|lives|workers|staff|construction|project|projects|site|operator|output"
    r"|owner|management|equipment|network|operations|employees|director|manager)\b"
)
#: Modifiers that make the head something else than a facility ("loan facility").
_NOT_FACILITY = frozenset(
    {"loan", "credit", "financing", "insurance", "service", "customer", "tax", "resource", "air",
     "military", "data", "knowledge", "client", "investor", "legal", "raw", "material", "evidence"}
)  # fmt: skip
#: Heads a word of ``_NOT_FACILITY`` still makes a facility ("a data centre", not "a data base").
_FACILITY_DESPITE = {"data": frozenset({"centre", "center"})}


def _not_a_facility(modifier: str, head: FacilityHead) -> bool:
    """True when the modifier makes the head something else than a facility ("loan facility")."""
    word = modifier.casefold()
    return word in _NOT_FACILITY and head.head not in _FACILITY_DESPITE.get(word, frozenset())


#: A phrase set beside a name it describes: "the X railway, a new 272 km line", "«сухой порт»
#: Хоргос — крупнейший терминал"; and a phrase followed by its name: "a new checkpoint, Alakol,".
_APPOSITION_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]*|railway|road|line|highway|[»\"”]|[А-ЯЁ][\w-]*)\s*[,—–]\s*"
    r"(?:(?:a|an|one|new|the)\s+)*$"
)
_APPOSITION_AFTER = re.compile(r"\s*[,—–]\s*[\"“«]?[A-Z][\w'’-]+[\"”»]?\s*[,—–)]")
#: A participle of planning or building right before the place: "the mineral fertilizer plant
#: planned in Kyrgyzstan" describes a facility the text has not named before, as a clause of who
#: is building it does ("the second Luban Workshop that China is setting up in Kazakhstan").
_EN_DESCRIBED_AFTER = re.compile(
    r"\s+(?:planned|proposed|being\s+built|to\s+be\s+built|under\s+construction"
    # "the second Luban Workshop that China is setting up in Kazakhstan"
    r"|(?:that|which)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2}\s+(?:is|are|will)\s+"
    r"(?:be\s+)?(?:setting\s+up|building|opening|constructing|set\s+up|build|open|construct))"
    r"(?=\s+(?:in|at|near)\s)"
)


#: Heads that a single unknown name before them names ("the Zhongding logistics park"); a mine,
#: smelter or refinery by its name is read by the name rules, which know spellings of held ones.
_NAMED_BY_A_WORD = frozenset(
    {"park", "dry port", "terminal", "hub", "logistics centre", "logistics center", "plant",
     "factory"}
)  # fmt: skip


def _unknown_name_first(view: SentenceView, modifiers: list[str], found: re.Match[str]) -> bool:
    """True when the first modifiers (one to three capitalised words) are a name the knowledge
    base does not hold and the others are lower case ("the Zhongding logistics park", "the
    Kambarata-1 hydropower plant", "the Yukori Pskem HPP", a name with a second capital: "the
    QazTechna plant")."""
    named = 1
    while (
        named < min(3, len(modifiers))
        and _NAME_WORD.fullmatch(modifiers[named])
        and modifiers[named].casefold() not in _COMMON_NAME_WORDS
    ):
        named += 1  # "the Yukori Pskem HPP": a name of two or three words
    if not modifiers or any(m[:1].isupper() for m in modifiers[named:]):
        return False
    at = view.sentence.rfind(modifiers[0], 0, found.start("head"))
    if not all(_NAME_WORD.fullmatch(m) for m in modifiers[:named]) or at <= 0:
        return False  # lower case, an abbreviation or a capital that opens the sentence
    if view.sentence[at - 1] in '"“«':
        return False  # a quoted name is read by the name rules
    return not any(m.start <= view.start + at < m.end for m in view.matches)


#: China or a Chinese party named in a text: the tie a named facility needs (corpus rule 17).
_CHINESE = re.compile(r"\bChin(?:a|ese)\b")

#: Capitalised common words after a name make it a company's or a body's ("the Zhongding
#: Logistics park": Zhongding Logistics' park), not a facility's own name of several words.
_COMMON_NAME_WORDS = frozenset(
    [
        "logistics",
        "industrial",
        "industry",
        "trade",
        "trading",
        "energy",
        "power",
        "gas",
        "oil",
        "mining",
        "metals",
        "group",
        "holding",
        "international",
        "investment",
        "development",
        "construction",
        "engineering",
        "company",
        "corporation",
        "transport",
        "national",
        "state",
        "central",
    ]
)

#: A word of a facility's own name: "Zhongding", "Kambarata-1", "QazTechna".
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+(?:[A-Z][a-z]+)?(?:-?\d{1,2})?")

#: Held places that are a crossing's station, not a town a plant is named after.
_POSTS = frozenset({PlaceKind.BORDER_POST, PlaceKind.GAUGE_CHANGE_STATION, None})


#: "… in the port of Lianyungang", "… opened at the Chinese port of Lianyungang".
_EN_IN_PORT = re.compile(
    r"\s+(?:opened\s+)?(?:in|at)\s+the\s+(?:[A-Z][\w-]+\s+)?(?:sea)?port\s+of\s+(?P<port>"
    + _CAP
    + r")"
)


def _in_a_held_port(view: SentenceView, at: int) -> re.Match[str] | None:
    """The words after the head that place it in a held port ("the logistics center in the
    port of Lianyungang"), if any: the port row is the port, a terminal in it one of its own
    (corpus rule 23), so "the" may name it first."""
    found = _EN_IN_PORT.match(view.sentence, at)
    if found is None:
        return None
    start = view.start + found.start("port")
    held = any(
        m.start == start
        and any(view.context.place_kinds.get(i) == PlaceKind.PORT for i in m.ids(EntryKind.PLACE))
        for m in view.matches
    )
    return found if held else None


#: Works on a facility right before "the": "Modernizing the …", "the expansion of the …".
_EN_WORKS_ON = re.compile(
    r"\b(?:moderni[sz]\w*|upgrad\w*|expan\w*|reconstruct\w*|renovat\w*|build\w*|construct\w*)"
    r"(?:\s+of)?\s+the\s+(?:[\w-]+\s+){1,4}$",
    re.IGNORECASE,
)


def _partners_in_text(view: SentenceView) -> bool:
    """True when the text so far names China or a Chinese party and one of the five states."""
    before = view.text[: view.end]
    return bool(re.search(r"\bChin(?:a|ese)\b|(?<![\w-])(?:Кита|китайск)", before)) and any(
        re.search(rf"\b{re.escape(name)}\b", before)
        for state, name in view.context.member_names.items()
        if state != "cn"
    )


def _town_first(view: SentenceView, modifiers: list[str], found: re.Match[str]) -> bool:
    """True when a company's facility is named by its town and what it makes ("its Tashkent
    cement plant"): a held town (no border post) first, then lower-case words (rules 2, 6)."""
    if len(modifiers) < 2 or any(m[:1].isupper() for m in modifiers[1:]):
        return False
    at = view.start + view.sentence.rfind(modifiers[0], 0, found.start("head"))
    return any(
        m.start == at
        and m.end == at + len(modifiers[0])
        and any(view.context.place_kinds.get(i) not in _POSTS for i in m.ids(EntryKind.PLACE))
        for m in view.matches
    )


def _first_mention(view: SentenceView, head: str, at: int) -> bool:
    """True when the text before ``at`` never uses the head ("the plant" names a plant only
    when no plant came before)."""
    stem = re.escape(head.casefold().rstrip("s"))
    return re.search(r"(?<![\w-])" + stem, view.text[:at].casefold()) is None


#: A copula before the phrase whose subject is no "there": the phrase says what its subject is.
_PREDICATE_BEFORE = re.compile(
    r"(?<!\bthere\s)(?<!\bThere\s)\b(?:will\s+be(?:come)?|would\s+be|is|was|are|were|becomes?"
    r"|became|serves?\s+as|acts?\s+as)\s+$"
)


#: Words before a head that say it is planned, not which it is.
_EN_SKIP = frozenset({"planned", "proposed", "future", "prospective"})
_EN_MAKING = re.compile(
    r"\s+(?P<verb>producing|making|manufacturing|processing)\s+(?P<np>(?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z][\w-]*)(?=\s*[,.;:)]|\s+(?:in|at|near|with|and|for|by|from|will|is|was|to)\b|$)"
)
#: A relative clause of what the facility makes: "a plant that builds trucks under the FAW
#: brand" is a FAW truck plant.
_EN_THAT_MAKES = re.compile(
    r"\s+(?:that|which)\s+(?:will\s+)?(?:builds?|makes?|produces?|assembles?|manufactures?)"
    r"\s+(?P<product>[a-z][\w-]*)(?:\s+under\s+the\s+(?P<brand>(?-i:[A-Z][\w&-]*))\s+brand)?"
    r"(?=\s*[,.;:)]|\s+(?:in|at|near|and|for|has|have|had|will|is|was)\b|$)"
)


#: A longer relative clause of what the facility makes, kept as written: "a plant that makes key
#: parts for wind turbines in Zhambyl region".
_EN_THAT_MAKES_PHRASE = re.compile(
    r"\s+(?:that|which)\s+(?:will\s+)?(?P<verb>builds?|makes?|produces?|assembles?|manufactures?)"
    r"\s+(?P<np>(?:[a-z][\w-]*\s+){1,5}?[a-z][\w-]*)"
    r"(?=\s*[,.;:)]|\s+(?:in|at|near|and|has|have|had|will|is|was)\b|$)"
)


def _singular(noun: str) -> str:
    """An English plural made singular, for a modifier ("trucks" → "truck", "buses" → "bus")."""
    if re.search(r"(?:s|x|ch|sh)es$", noun):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


_EN_BETWEEN = re.compile(r"\s+between\s+" + _CAP + r"(?:\s+" + _CAP + r")?\s+and\s+" + _CAP)
#: A company just before the verb of building: "China Huadian will build a …".
_EN_OWNER = re.compile(
    r"(?P<owner>(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*|&)){0,3})\s+"
    r"(?:(?:has|have|had|will|would|is|are|was|were|also|now|plans?|planned|intends?|agreed|aims?"
    r"|wants?|hopes?|going|to|be|signed|a|deal|contract)\s+){0,4}?"
    r"(?:build|construct|set\s+up|open|launch|create|establish|develop|finance|implement"
    r"|invest\s+in)\s+$"
    # "Qingdao Wanlin Food Corporation, which will put $89 million into a plant"
    r"|(?P<investor>(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*|&)){0,4}),?\s+(?:which|that)\s+"
    r"(?:will|would|is\s+to|plans\s+to)\s+(?:put|invest)\s+[^,.;]{0,30}?\s+(?:into|in)\s+$"
)
#: Coordinated facilities sharing the place named after the second: "a cement plant together
#: with a small hydroelectric power station in Tyup".
_COORDINATED = re.compile(
    r"\s+(?:together\s+with|along\s+with|as\s+well\s+as|and)\s+(?:a|an)\s+[^,.;]{0,60}?"
    r"(?=\s+(?:in|near)\s)"
)


#: A facility coordinated right before this one: "a bus plant and an electric … plant".
_COORDINATED_BEFORE = re.compile(
    r"\b(?:plant|factory|station|farm|centre|center|park|terminal|complex|hub|mine|refinery)\s+"
    r"(?:and|as\s+well\s+as|together\s+with|along\s+with)\s+(?:a|an)\s+$"
)


def _shared_place(view: SentenceView, at: int) -> tuple[str, tuple[int, int]] | None:
    """The place of the facility coordinated right after this one (``at``: in the sentence)."""
    sentence = view.sentence
    joined = _COORDINATED.match(sentence, at)
    if joined is None:
        return None
    where = _EN_PLACE.match(sentence, joined.end())
    if where is None or not _a_place(view, view.start + where.start("where"), where):
        return None
    return where["where"], (view.start + where.start("where"), view.start + where.end("where"))


def _modifier_word(word: str) -> bool:
    """True for a lower-case word that may stand among a head's modifiers."""
    return word[:1].islower() and word.casefold() not in _EN_STOP


def _named_after(view: SentenceView, end: int) -> bool:
    """True when the phrase is followed by its own name (", Alakol,"), not by a country or
    a known place ("in Tyup, Kyrgyzstan, according to")."""
    found = _APPOSITION_AFTER.match(view.text, end, view.end)
    if found is None:
        return False
    name_at = end + len(found.group()) - len(found.group().lstrip(' ,—–"“«'))
    return not any(m.start <= name_at < m.end for m in view.matches)


def _owner_before(view: SentenceView, at: int) -> str | None:
    """The company the sentence says builds the facility, when it is named just before the
    verb ("China Huadian will build a …"); none for a country or a known place."""
    found = _EN_OWNER.search(view.text, view.start, at)
    if found is None or found.end() != at:
        return None
    group = "owner" if found["owner"] else "investor"
    owner = re.sub(r"^(?:The|A|An|In|On|With)\s+", "", found[group])
    start = found.start(group) + len(found[group]) - len(owner)
    words = [t for t in tokenise(view.text, start, found.end(group)) if t.capitalised]
    opening = view.text[view.start : start].strip() == ""
    if opening and len(words) == 1 and not re.search(r".[A-Z\d]", owner):
        return None  # "Investors will build …": a capital that only opens the sentence
    if not words or all(any(m.start <= w.start < m.end for m in view.matches) for w in words):
        return None
    return _LEGAL_FORM.sub("", owner) or None


def _place_before(
    view: SentenceView, at: int, preposition: str
) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """A known place that opens the sentence or clause of the facility, after a capitalised
    preposition ("АСТАНА – В Актау собираются построить новый морской порт", "In Aktau, a
    …"): (place, span, words for the name)."""
    pattern = re.compile(
        r"(?<![\w-])" + preposition + r"\s+(?P<city>[а-яё]+(?:ом|ем)\s+(?:городе|столице)\s+)?"
        r"(?P<place>[A-ZА-ЯЁ][\w'’-]+)"
    )  # "В китайском городе Сиань …": the town after its state's adjective and noun
    for found in pattern.finditer(view.text, view.start, at):
        span = (found.start("place"), found.end("place"))
        if any(m.start == span[0] and m.ids(EntryKind.PLACE) for m in view.matches):
            words = found.group()
            if found["city"]:
                words = f"{found.group()[: found.start('city') - found.start()]}{found['place']}"
            return found["place"], span, words[:1].lower() + words[1:]
    return None, None, None


#: Heads that name a facility only with their owner: "a branch of the University of Hong Kong".
_NEEDS_OWNER = frozenset({"branch"})
#: An opening quote on the word just before the phrase: the phrase is the rest of a title.
_IN_TITLE = re.compile(r"[«\"“][\w-]+\s+$")


def _proper_modifiers(view: SentenceView, start: int, modifiers: list[str]) -> bool:
    """True when a modifier is a name ("Luban"), not a country's adjective or a capital that
    only opens the sentence."""
    for modifier in modifiers:
        if not modifier[:1].isupper() or modifier.casefold() in ("second", "third"):
            continue
        at = view.text.find(modifier, start)
        if at == view.start:
            continue
        if any(
            m.start <= at < m.end and m.ids(EntryKind.COUNTRY, EntryKind.GROUP)
            for m in view.matches
        ):
            continue
        return True
    return False


#: Words that say the name beside them is a place: a region, a city, a port, a crossing.
_PLACE_WORD = re.compile(
    r"\b(?:region|province|district|oblast|county|area|zone|prefecture|city|town|village|port"
    r"|seaport|pass|river|lake|reservoir|canal)\b|(?<![\w-])(?:област|район|регион|зон|округ|провинци|агломераци|порт|пункт"
    r"|перевал|рек"
    r"|город|сел|поселк|посёлк|аул|кишлак)",
    re.IGNORECASE,
)


def _a_place(view: SentenceView, at: int, where: re.Match[str]) -> bool:
    """True when the words after "in" / "в" are a place: a known name, a name the text calls a
    region, city or port, or one set beside its country ("in Tyup, Kyrgyzstan"); an unknown
    name alone ("a logistics center in Springfield") may be a company or anything."""
    words = where["where"]
    if _PLACE_WORD.search(words):
        return True
    if any(
        m.start < at + len(words) and at < m.end and m.ids(EntryKind.PLACE, EntryKind.COUNTRY)
        for m in view.matches
    ):
        return True
    country_at = where.start("country") if "country" in where.re.groupindex else -1
    if country_at < 0:
        return False
    absolute = at - where.start("where") + country_at
    return any(m.start == absolute and m.ids(EntryKind.COUNTRY) for m in view.matches)


_TOWN_WORD = r"[A-ZА-ЯЁ][\w'’]*"


def _a_world_town(words: str, gazetteer: Gazetteer) -> bool:
    """True when an unknown name after "in" / "в" is a town of the system the world gazetteer
    holds ("a cement plant in Kostanay", "завод в Костанае"), not a word GeoNames happens to
    list."""
    town = re.fullmatch(
        r"(?:(?:в|во)\s+)?(?P<town>" + _TOWN_WORD + r"(?:[\s-]" + _TOWN_WORD + r")?)", words
    )
    return town is not None and a_system_town(town["town"], gazetteer)


def _cue_outside(cue: re.Pattern[str], view: SentenceView, start: int, end: int) -> bool:
    """True when the sentence holds a cue outside the phrase itself ("a plant" is no plan)."""
    return bool(cue.search(view.text, view.start, start) or cue.search(view.text, end, view.end))


def _without_article(words: str) -> str:
    return re.sub(r"^the\s+", "", words)


# --- Russian ---------------------------------------------------------------------------------

_RU_WORD = re.compile(r"[«\"]?[\w-]+(?:[.,]\d+)?[»\"]?|[,;:—–()]")
_RU_NUMERALS = frozenset(
    {"два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
     "двух", "трех", "трёх", "четырех", "четырёх", "пяти", "одна", "один", "одну", "одной",
     "одного", "нескольких", "несколько"}
)  # fmt: skip
_RU_CAPACITY = re.compile(
    rf"\s*(?:[,—–]\s*)?(?:(?:общей|суммарной|установленной|проектной)\s+)?(?:мощностью|на)\s+"
    rf"(?:до\s+|более\s+|свыше\s+|около\s+)?(?P<value>{_NUMBER})\s*"
    r"(?P<unit>МВт|ГВт|кВт|мегаватт\w*|гигаватт\w*|киловатт\w*)(?![\w-])",
)
_RU_PURPOSE = re.compile(
    r"\s+(?P<np>по\s+(?:[а-яё-]+\s+){0,2}?(?:переработк|производств|выпуск|добыч|выращиван"
    r"|обучени|подготовк|хранени|сборк|безопасност|контрол|испытани)\w*(?:\s+(?!в\s|на\s|с\s|у\s)[а-яё-]+){0,3}?"
    r"(?:\s+и\s+(?:[а-яё-]+\s+){0,1}[а-яё-]+(?:\s+[а-яё-]+)??)?)(?=\s*[,.;:—–)]|\s+(?:в|на|у|с|рядом|мощностью|появ\w+|будет|стоимостью)\s|$)"
)
#: A purpose after "для", perhaps after a participle of making that describes the facility:
#: "парка, созданного для проектов с иностранным капиталом".
_RU_FOR = re.compile(
    r"(?P<made>\s*,\s*(?:созданн|построенн|предназначенн|открыт)\w*)?\s+(?P<np>для\s+"
    r"(?:[а-яё-]+\s+)?[а-яё-]+)(?=\s*[,.;:—–)]|\s+(?:в|на|у|с|рядом|мощностью|будет|стоимостью)\s|$)"
)
_RU_WITH = re.compile(
    r"\s+(?P<np>с\s+(?:[а-яё-]+(?:ым|им|ой|ей)\s+){0,2}[а-яё-]+(?:ом|ем|ой|ей|ами|ями))(?![\w-])"
)
_RU_CAP = r"[«\"]?[А-ЯЁA-Z][\w-]*[»\"]?"
_RU_PLACE = re.compile(
    r"\s+(?P<where>(?:в|во|на|у|под|рядом\s+с|возле|около)\s+"
    r"(?:(?:[А-ЯЁа-яё-]+(?:ой|ом|ем|ей|ых|их|ого|его|ым|им)\s+){0,3}(?:област\w*|район\w*|регион\w*|зон\w*"
    r"|округ\w*|провинци\w*|агломераци\w*|порт[уа]?|пункт\w*\s+пропуска)(?:\s+" + _RU_CAP + r")?"
    r"|" + _RU_CAP + r"(?:ой|ом|ем)\s+(?:области|районе|регионе|провинции)"
    r"|(?:(?:городе|селе|поселке|посёлке|ауле|кишлаке|городах|селах)\s+)?" + _RU_CAP
    + r"(?:\s+(?:области|района|провинции)|\s+[А-ЯЁ][а-яё]+)?)"
    # a tunnel or bridge through a pass or across a river: "через перевал Камчик"
    r"|(?:через|под)\s+(?:перевал\w*|рек\w+)\s+" + _RU_CAP + r")"
)  # fmt: skip
#: Heads that name a new facility only when the text says it is new ("нового туннеля через
#: перевал Камчик"): a held line's tunnels and bridges are its parts.
_RU_NEW_ONLY = frozenset({"тоннель", "туннель", "мост"})
_RU_CUE = re.compile(
    r"(?<![\w-])(?:постро\w*|строительств\w*|стро[ия]т\w*|достра\w*|достро\w*|возвед\w*|откры\w*"
    r"|запуск\w*|запущ\w*"
    r"|ввод\w*|введ\w*|планир\w*|план\w*|намер\w*|собира\w*|реализ\w*|соглашени\w*|меморандум\w*"
    r"|инвест\w*|проект\w*|появ\w*|созда\w*|сооруж\w*|подписа\w*|договор\w*|финансир\w*|займ\w*"
    r"|кредит\w*|разместит\w*|размещ\w*|предусматр\w*|предполага\w*|мощностью|намечен\w*"
    r"|проектно-сметн\w*|концепци\w*|ТЭО|технико-экономическ\w*"
    r"|заложил\w*|заложен\w*)(?![\w-])",  # a foundation or first stone laid
    re.IGNORECASE,
)
#: A verb of coming into being before the facility's place, perhaps after a relative clause
#: of what it will make: "комплекс, который будет выпускать удобрения, появится в городе …".
#: A verb of starting work right before the facility it is said of: "В Урумчи начал работу центр …".
_RU_STARTED_BEFORE = re.compile(r"(?<![\w-])(?:начал\w*\s+работ\w*|заработа\w*)\s+$", re.IGNORECASE)
_RU_COMES_AT = re.compile(
    r"(?:\s*,\s*(?:который|которая|которое|которые)\s+[^,.;:]{1,80}?,)?\s+(?:появится|появятся"
    r"|разместится|расположится|откроется|заработает|будет\s+(?:построен|построена|построено"
    r"|расположен|расположена|открыт|открыта))(?=\s+(?:в|во|на|у|под|рядом|возле|около)\s)"
)
#: A Chinese party near such a facility: its tie to another state (corpus rule 1).
_RU_PARTY = re.compile(r"(?i:китай|кнр|chin)")
#: An adjective of two states ("китайско-узбекского центра"): a joint facility, tied to both.
_RU_TWO_STATES = re.compile(
    r"(?i:китайско|казахстанско|кыргызско|киргизско|таджикско|узбекско|туркменско|российско)"
    r"-(?i:китайск|казахстанск|казахск|кыргызск|киргизск|таджикск|узбекск|туркменск|российск)\w*"
    r"(?:-[а-яё]+)*$"  # a third state ("узбекско-китайско-арабского")
)
#: A step of building said in the sentence: a foundation laid, works, a plant built.
_RU_BUILT = re.compile(
    r"(?<![\w-])(?:заложил\w*|заложен\w*|строительств\w*|постро\w*|возвод\w*|возвед\w*)(?![\w-])",
    re.IGNORECASE,
)
_RU_ABBREVIATIONS = frozenset({"ГЭС", "ТЭС", "ТЭЦ", "СЭС", "ВЭС", "НПЗ", "ГМК", "МГЭС"})
_ADJECTIVE = frozenset({"ADJF", "PRTF"})


@functools.cache
def _ru_heads() -> dict[str, FacilityHead]:
    return {h.head.casefold(): h for h in _described("ru")}


def _ru_head_of(word: str, named_after: bool = False) -> FacilityHead | None:
    """The head a Russian word is; a capitalised word only before its quoted name ("Центр
    «Туркменистан»", ``named_after``), else it opens a title or a sentence."""
    bare = word.strip('«»"')
    table = _ru_heads()
    if bare in _RU_ABBREVIATIONS or (bare.upper() == bare and bare.casefold() in table):
        return table.get(bare.casefold())
    if not bare[:1].islower() and not (named_after and word[:1] != "«"):
        return None
    lemma = lemma_of(bare).lemma
    if lemma in table:
        return table[lemma]
    if lemma.endswith("электростанция"):
        return table["электростанция"]
    loanword = _LOANWORD_ENDING.fullmatch(bare.casefold())
    if loanword is not None and not lemma_of(bare).known:
        return table.get(loanword["stem"])  # "хаба", "хабом": a loanword the dictionary lacks
    return None


#: A masculine loanword head with a case ending the dictionary cannot read ("хаба").
_LOANWORD_ENDING = re.compile(r"(?P<stem>[а-яё]+?)(?:а|у|ом|е|ы|ов|ами|ах)")


def _russian(view: SentenceView, gazetteer: Gazetteer) -> Iterator[FacilityPhrase]:
    sentence = view.sentence
    words = list(_RU_WORD.finditer(sentence))
    taken_until = 0
    for index, word in enumerate(words):
        if word.start() < taken_until:
            continue
        named_after = index + 1 < len(words) and words[index + 1].group().startswith("«")
        head = _ru_head_of(word.group(), named_after)
        if head is None:
            continue
        phrase = _russian_phrase(view, words, index, head, gazetteer)
        if phrase is not None:
            taken_until = phrase.end - view.start
            yield phrase
            sibling = _elliptical_sibling(view, phrase, head)
            if sibling is not None:
                taken_until = sibling.end - view.start
                yield sibling


#: A second facility of the same head with the head left out: "три ветровые электростанции …
#: и одна солнечная мощностью 0,3 ГВт" (an adjective and its own capacity, no noun).
_RU_ELLIPSIS = re.compile(
    r"\s+(?:и|а\s+также)\s+(?P<numeral>одн[аоуи]\w*|один)\s+(?P<adjective>[а-яё-]+)(?=\s*,?\s*"
    r"(?:(?:общей|суммарной|установленной|проектной)\s+)?мощностью\s)"
)


def _elliptical_sibling(
    view: SentenceView, phrase: FacilityPhrase, head: FacilityHead
) -> FacilityPhrase | None:
    """The facility coordinated after a phrase whose head it leaves out, named with that head
    ("Солнечная электростанция мощностью 0,3 ГВт"); it shares the phrase's cue."""
    found = _RU_ELLIPSIS.match(view.text, phrase.end, view.end)
    if found is None or head.head in _RU_ABBREVIATIONS:
        return None
    readings = analyser().parse(found["adjective"].casefold())
    if not readings or readings[0].tag.POS not in _ADJECTIVE:
        return None  # "и одна из них": no adjective, no facility
    amount = _RU_CAPACITY.match(view.text, found.end(), view.end)
    if amount is None:
        return None
    capacity = _capacity_text(amount["value"], amount["unit"])
    core = _nominative([found["adjective"], head.head], plural=False)
    name = f"{core[:1].upper()}{core[1:]} мощностью {capacity}"
    start = view.start + view.text[view.start : found.end()].rfind(found["numeral"])
    return FacilityPhrase(head.kind, name, start, amount.end(), _key(head.head), None, None)


def _russian_phrase(
    view: SentenceView,
    words: list[re.Match[str]],
    index: int,
    head: FacilityHead,
    gazetteer: Gazetteer,
) -> FacilityPhrase | None:
    sentence = view.sentence
    head_word = words[index].group()
    abbreviation = head_word.strip('«»"') in _RU_ABBREVIATIONS
    parse = None if abbreviation else analyser().parse(head_word.strip('«»"').casefold())[0]
    adjectives: list[str] = []
    first = index
    titled = False
    while first > 0 and len(adjectives) < 4 and not titled:
        candidate = words[first - 1].group()
        titled = candidate.startswith("«")  # «Казахстанский культурный центр …»: its title
        candidate = candidate.lstrip("«")
        if not re.fullmatch(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*", candidate):
            titled = False
            break  # only Russian words are read by the dictionary
        reading = analyser().parse(candidate.casefold())[0]
        if reading.tag.POS not in _ADJECTIVE:
            titled = False
            break
        if parse is not None and not _agrees(reading, parse):
            titled = False
            break
        adjectives.insert(0, candidate)
        first -= 1
    numeral = None
    if first > 0 and words[first - 1].group().casefold() in _RU_NUMERALS:
        numeral = words[first - 1].group()
        first -= 1
    plural = parse is not None and parse.tag.number == "plur" and _plural_reading(adjectives, parse)
    start = view.start + words[first].start() + (1 if titled else 0)
    cursor = words[index].end()
    rest_parts: list[str] = []
    genitive_head = False
    after = sentence[cursor:]
    follow = re.match(r"\s+(?P<abbr>[А-ЯЁ]{2,5})(?![\w-])", after)
    if follow is not None and follow["abbr"] in _RU_ABBREVIATIONS:
        rest_parts.append(follow["abbr"])  # "каскада ГЭС": the plants it is made of
        cursor += follow.end()
        genitive_head = True
    if re.match(r"\s+[А-ЯЁ][а-яё]", sentence[cursor:]):
        return None  # "мастерскую Лу Баня", "предприятие Зарафшон": named, read by name rules
    capacity: str | None = None
    place: str | None = None
    place_span: tuple[int, int] | None = None
    purpose = False
    aimed = False  # the purpose is what it makes ("по производству …")
    each: tuple[tuple[str, int, int], ...] = ()
    quoted = re.match(r"\s+«(?P<name>[^«»]{2,40})»", sentence[cursor:])
    if (
        quoted is not None
        and head.head in _COMPANY_HEADS
        and not (any(_RU_TWO_STATES.match(a) for a in adjectives) and _RU_BUILT.search(sentence))
    ):
        return None  # "предприятия «Зарафшон»": an enterprise with a name is a company; a joint
        # one being built ("заложили фундамент … совместного предприятия «Попцемент»") is a plant
    named_for: set[str] = set()  # the states a quoted name of countries names
    if quoted is not None:
        at = view.start + cursor + quoted.start("name")
        if _only_countries(view, at, quoted["name"]):
            named_for = {
                i
                for m in view.matches
                if at <= m.start < at + len(quoted["name"])
                for i in m.ids(EntryKind.COUNTRY)
            }  # "Центр «Туркменистан»": a centre named after a state, if placed in another
            if len(named_for) != 1 or re.search(r"[-–—]", quoted["name"]):
                return None  # "газопровода «Центральная Азия – Китай»": a known line's countries
        rest_parts.append(quoted["name"])  # "технопарк «Чунцин»": its own name
        cursor += quoted.end()
    described = False
    genitive = _genitive_complement(sentence[cursor:], head)
    if genitive is not None:
        rest_parts.append(genitive.strip())
        purpose = True
        cursor += len(genitive)
    for _ in range(4):
        after = sentence[cursor:]
        amount = _RU_CAPACITY.match(after)
        if amount is not None and capacity is None:
            capacity = _capacity_text(amount["value"], amount["unit"])
            qualifier = re.match(r"\s*(?:[,—–]\s*)?(?P<q>общей|суммарной)\s", after)
            rest_parts.append(("общей " if qualifier else "") + f"мощностью {capacity}")
            cursor += amount.end()
            continue
        aim = _RU_PURPOSE.match(after)
        if aim is not None and not purpose:
            rest_parts.append(aim["np"])
            purpose = aimed = True
            cursor += aim.end()
            continue
        made_for = _RU_FOR.match(after)
        if made_for is not None and not purpose:
            rest_parts.append(made_for["np"])
            purpose = True
            described = made_for["made"] is not None  # the participle says it was made
            cursor += made_for.end()
            continue
        tool = _RU_WITH.match(after)
        if (
            tool is not None
            and (purpose or adjectives)
            and not any(p.startswith("с ") for p in rest_parts)
        ):
            rest_parts.append(tool["np"])
            cursor += tool.end()
            continue
        counted = _RU_PLACE_LIST.match(after) if numeral is not None and place is None else None
        if counted is not None and len(_listed(counted["list"])) == _count_of(numeral or ""):
            place = counted["list"]  # "двух … центров — у пунктов пропуска «А» и «Б»": one at each
            absolute = view.start + cursor + counted.start("list")
            place_span = (absolute, absolute + len(place))
            single = " ".join([_nominative([*adjectives, head_word], plural=False), *rest_parts])
            single = single[:1].upper() + single[1:]
            where_one = f"{counted['prep']} {_SINGULAR_PLACE_NOUN[counted['noun']]}"
            each = tuple(
                (f"{single} {where_one} {name}", absolute + at, absolute + at + len(written))
                for name, written, at in _listed(counted["list"])
            )
            rest_parts.append(counted.group().strip(" —–,").replace("«", "").replace("»", ""))
            cursor += counted.end()
            break
        where = _RU_PLACE.match(after)
        if (
            where is not None
            and place is None
            and (
                _a_place(view, view.start + cursor + where.start("where"), where)
                or _a_world_town(where["where"], gazetteer)
            )
        ):
            place = where["where"]
            rest_parts.append(place.replace("«", "").replace("»", "").replace('"', ""))
            absolute = view.start + cursor + where.start("where")
            place_span = (absolute, absolute + len(place))
            cursor += where.end()
            continue
        break
    if plural and numeral is None and capacity is None:
        return None  # "строительство электростанций": plants in general
    # an enterprise "появится" is as often a plant named before by another head: not read so
    coming = (
        _RU_COMES_AT.match(sentence, cursor)
        if place is None and head.head not in _COMPANY_HEADS
        else None
    )
    where = _RU_PLACE.match(sentence, coming.end()) if coming is not None else None
    if (
        where is not None
        and _a_place(view, view.start + where.start("where"), where)
        and any(_RU_PARTY.search(v.sentence) for v in view.with_previous(2))
    ):
        place = where["where"]  # "комплекс, который будет выпускать …, появится в городе …"
        rest_parts.append(place.replace("«", "").replace("»", "").replace('"', ""))
        place_span = (view.start + where.start("where"), view.start + where.end("where"))
    if place is None:
        place, place_span, in_place = _place_before(view, start, r"Во?")
        if in_place:
            rest_parts.append(in_place)
    if place is None and (fronted := _ru_place_fronted(view, start, gazetteer)) is not None:
        place, place_span = fronted  # "построить в Алматинской области новый цементный завод"
        rest_parts.append(f"в {place}")
    if named_for and not _placed_in_another_state(view, place_span, named_for):
        return None  # a name of countries is the facility's own only away from them
    owner = _latin_owner_before(view, start)
    proper = (
        any(
            a[:1].isupper()
            and not _COUNTRY_ADJECTIVE.match(a)
            and gazetteer.place_of_adjective(tokenise(a)[0].key) is None
            for a in adjectives
        )
        or head_word[:1] == "«"
        or quoted is not None
    )
    if start == view.start + len(sentence) - len(sentence.lstrip()):  # a capital opening it
        proper = proper and len(adjectives) > 1 and adjectives[1][:1].isupper()
    if not titled and _IN_TITLE.search(sentence, 0, start - view.start):
        return None  # «Китайский культурный центр …»: a title that begins before the phrase
    if _APPOSITION_BEFORE.search(sentence, 0, start - view.start):
        return None  # "«сухой порт» Хоргос — крупнейший терминал": the name's own thing
    if head.weak and not (adjectives or rest_parts):
        return None
    if head.head in _RU_NEW_ONLY and not any(a.casefold().startswith("нов") for a in adjectives):
        return None  # "тоннеля под перевалом Камчик": the held line's tunnel, not a new one
    if head.head in ("предприятие", "центр", "база", "комплекс", "парк", "кластер", "хаб") and not (
        purpose
        or capacity
        or place
        or (len(adjectives) >= 1 and any(_descriptive(a) for a in adjectives))
    ):
        return None
    place_known = place is not None
    if not (capacity or place_known or purpose or proper or (genitive_head and adjectives)):
        return None  # "солнечная электростанция" alone: which one is not said
    if aimed and not (adjectives or capacity or place_known or proper or owner):
        return None  # "завод по производству удобрений" with no place: a kind (rule 2)
    joint = any(_RU_TWO_STATES.match(a) for a in adjectives)  # a joint facility: its tie and cue
    if not (
        capacity
        or described
        or joint
        or _cue_outside(_RU_CUE, view, start, view.start + cursor)
        or _RU_STARTED_BEFORE.search(view.text, view.start, start)
    ):
        return None
    if numeral is not None and _as_subject(numeral):  # "три новых центра": written right
        core = " ".join([*adjectives, head_word])
        lead = f"{numeral} "
    else:
        core = _nominative([*adjectives, head_word], plural=plural or numeral is not None)
        gender = None if parse is None else parse.tag.gender
        lead = f"{_nominative_numeral(numeral, gender)} " if numeral else ""
    name = " ".join([lead + core, *([owner] if owner else []), *rest_parts]).strip()
    name = name[:1].upper() + name[1:]
    vague = (
        bool(adjectives) and not _descriptive(adjectives[0]) and not (place or capacity or owner)
    )
    return FacilityPhrase(
        head.kind,
        name,
        start,
        view.start + cursor,
        _key(head.head),
        place,
        place_span,
        vague,
        each,
        numeral is not None and _count_of(numeral) != 1,
    )


#: A region or a known place said with "в" before the facility in its clause: "собирается
#: построить в Алматинской области новый цементный завод", "в Узбекистанском районе заложили
#: первый кирпич в фундамент нового цементного завода".
_RU_FRONTED_PLACE = re.compile(
    r"(?<![\w-])(?:в|во)\s+(?P<place>[А-ЯЁ][А-Яа-яЁё-]+(?:\s+(?:области|районе|регионе|крае|округе))?)"
    r"(?P<between>(?:\s+[а-яё-]+){0,6}\s+)$"
)


def _a_verb(word: str) -> bool:
    """True when the dictionary's first reading of a Russian word is a verb form."""
    parses = analyser().parse(word.strip(".,;:«»").casefold())
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "PRTS", "GRND")


def _placed_in_another_state(
    view: SentenceView, place_span: tuple[int, int] | None, states: set[str]
) -> bool:
    """True when the facility's place is a held place of a state other than ``states``."""
    if place_span is None:
        return False
    start, end = place_span
    return any(
        p.split("-", 1)[0] not in states
        for m in view.matches
        if start <= m.start and m.end <= end
        for p in m.ids(EntryKind.PLACE)
    )


def _ru_place_fronted(
    view: SentenceView, start: int, gazetteer: Gazetteer
) -> tuple[str, tuple[int, int]] | None:
    """The place said with "в" a few words before a Russian facility in the same clause, when
    it is a region (its adjective and noun), a known place or a town of the system's states the
    world gazetteer holds ("Недавно в Табошаре компания начала строительство …"); none across a
    comma."""
    found = _RU_FRONTED_PLACE.search(view.text, max(view.start, start - 120), start)
    if found is None or re.search(r"[,.;:«»]", found["between"]):
        return None
    clause_start = view.segment_of(found.start())[0]
    lead = view.text[clause_start : found.start()].split()
    if lead and not (_a_verb(lead[-1]) or (len(lead) == 1 and _an_adverb(lead[-1]))):
        return None  # "На Богутинском месторождении … в … районе начал работу комбинат": the
        # place is said of the noun before it; only after a verb or opening the clause is it
        # the facility's
    place = found["place"]
    span = (found.start("place"), found.end("place"))
    region = " " in place
    known = any(
        m.start == span[0] and m.end <= span[1] and m.ids(EntryKind.PLACE) for m in view.matches
    )
    if not (region or known or a_system_town(place, gazetteer)):
        return None
    return place, span


def _an_adverb(word: str) -> bool:
    """True when the dictionary's first reading of a Russian word is an adverb ("Недавно")."""
    parses = analyser().parse(word.strip(".,;:«»").casefold())
    return bool(parses) and parses[0].tag.POS == "ADVB"


#: The places of a counted plural, one each: "— у пунктов пропуска «Торугарт» и «Иркештам»".
_RU_PLACE_LIST = re.compile(
    r"\s*(?:[—–,]\s*)?(?P<prep>у|в|на)\s+(?P<noun>пунктов\s+пропуска|городах|портах)\s+"
    r"(?P<list>«?[А-ЯЁ][\w-]*»?(?:\s*,\s*«?[А-ЯЁ][\w-]*»?)*\s+и\s+«?[А-ЯЁ][\w-]*»?)"
)
_SINGULAR_PLACE_NOUN = {
    "пунктов пропуска": "пункта пропуска",
    "городах": "городе",
    "портах": "порту",
}


def _listed(written: str) -> list[tuple[str, str, int]]:
    """(name, as written, offset) of each place of a list ("«Торугарт» и «Иркештам»")."""
    return [
        (found.group().strip("«»"), found.group(), found.start())
        for found in re.finditer(r"«?[А-ЯЁ][\w-]*»?", written)
    ]


def _count_of(numeral: str) -> int:
    """How many a Russian numeral counts ("двух" → 2), 0 when it counts no fixed number."""
    lemma = analyser().parse(numeral.casefold())[0].normal_form
    counts = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5}
    return counts.get(lemma, counts.get(numeral.casefold(), 0))


#: A company in Latin letters in a Russian sentence: "с компанией Qingdao Kaichuang Food".
_LATIN_OWNER = re.compile(r"(?P<owner>[A-Z][\w&'’-]+(?:[\s,.]+[A-Z][\w&'’-]+){0,5})")
#: Legal forms after a company's name, left out of a facility's name.
_LEGAL_FORM = re.compile(r"(?:[\s,.]+(?:Co|Ltd|LLC|Inc|JSC|LLP|Corp|Corporation|Company))+\.?$")
#: Words that say the Latin name after them is a company: "компанией", "китайская".
_COMPANY_WORD = re.compile(
    r"(?i:компани|корпораци|концерн|групп|холдинг|китайск|инвестор)\w*\s+(?:[а-яё-]+\s+)?$"
)
#: How far before a Russian phrase a company named in Latin letters may stand.
_OWNER_REACH = 90


def _latin_owner_before(view: SentenceView, start: int) -> str | None:
    """The last company the sentence names in Latin letters shortly before the phrase."""
    found = list(_LATIN_OWNER.finditer(view.text, max(view.start, start - _OWNER_REACH), start))
    if not found:
        return None
    last = found[-1]
    words = [t for t in tokenise(view.text, last.start(), last.end()) if t.capitalised]
    if all(any(m.start <= w.start < m.end for m in view.matches) for w in words):
        return None  # "в Китае": a country or a known place, no company
    said = _COMPANY_WORD.search(view.text, max(view.start, last.start() - 30), last.start())
    if len(words) < 2 and said is None:
        return None  # "АСТАНА/Trend/": one Latin word alone may be the agency reporting
    return _LEGAL_FORM.sub("", last["owner"]) or None


def _only_countries(view: SentenceView, at: int, name: str) -> bool:
    """True when every capitalised word of a name at ``at`` is a country's or a group's."""
    words = [t for t in tokenise(view.text, at, at + len(name)) if t.capitalised]
    return bool(words) and all(
        any(
            m.start <= w.start < m.end and m.ids(EntryKind.COUNTRY, EntryKind.GROUP)
            for m in view.matches
        )
        for w in words
    )


#: Adjectives of countries and regions: "Китайско-узбекский", "Таджикский" say whose, not which.
_COUNTRY_ADJECTIVE = re.compile(
    r"(?i:китай|казах|кыргыз|киргиз|таджик|туркмен|узбек|росси|русск|европ|азиат|евразий"
    r"|центральноазиат|международн)"
)


#: Nouns of an activity a facility serves, in the genitive after its head ("база обучения").
_ACTIVITY = re.compile(
    r"(?:обучени|подготовк|переработк|производств|хранени|сборк|добыч|кооперац|сотрудничеств"
    r"|торговл|инноваци|исследовани)"
)
#: Heads that, followed by a quoted name, name a company rather than a facility.
_COMPANY_HEADS = frozenset({"предприятие"})
_GENITIVE_OWNERS = frozenset(
    {"филиал", "парк", "центр", "база", "кластер", "комплекс", "лаборатория"}
)
#: Heads whose genitive says what they are for even with no adjective ("лаборатория карантина").
_GENITIVE_OF_WHAT = frozenset({"лаборатория"})
_RU_PREPOSITIONS = frozenset(
    {"в", "во", "на", "у", "с", "со", "к", "ко", "о", "об", "по", "из", "от"}
)
_NOT_COMPLEMENT = frozenset(
    {"компания", "страна", "республика", "город", "область", "район", "год", "правительство",
     "министерство", "сторона", "регион", "время", "мощность", "стоимость", "сумма", "проект"}
)  # fmt: skip


def _genitive_complement(after: str, head: FacilityHead) -> str | None:
    """The genitive phrase after a head that says what the facility is of or for ("обучения
    китайскому языку", "масличных культур", "трансграничного центра товаров"), as written
    with its leading space; none when the next words are no such phrase."""
    words = list(re.finditer(r"\s+([а-яё-]+)", after))
    taken: list[re.Match[str]] = []
    adjectives = 0
    for word in words:
        if word.start() != (taken[-1].end() if taken else 0):
            break
        if word[1] in _RU_PREPOSITIONS:
            break  # "в", "на": a place or time comes, no more of the complement
        readings = analyser().parse(word[1])
        genitive = [p for p in readings if p.tag.case == "gent"]
        if not genitive:
            break
        if any(p.tag.POS in _ADJECTIVE for p in genitive) and not any(
            p.tag.POS == "NOUN" for p in genitive
        ):
            adjectives += 1
            taken.append(word)
            continue
        noun = next((p for p in genitive if p.tag.POS == "NOUN"), None)
        if noun is None or noun.normal_form in _NOT_COMPLEMENT:
            break
        taken.append(word)
        if len(taken) >= 4:
            break
        if adjectives and not _ACTIVITY.match(word[1]) and len(taken) - adjectives >= 2:
            break
    nouns = len(taken) - adjectives
    if not nouns:
        return None
    first = taken[0][1] if taken else ""
    activity = _ACTIVITY.match(first) is not None or any(_ACTIVITY.match(w[1]) for w in taken)
    if not activity and not (
        head.head in _GENITIVE_OWNERS and (adjectives or head.head in _GENITIVE_OF_WHAT)
    ):
        return None
    text = after[: taken[-1].end()]
    if activity:  # the activity's object follows in any case ("обучения китайскому языку")
        extra = re.match(
            r"(?:\s+[а-яё-]+){1,2}?(?=\s*[,.;:—–)]|\s+(?:в|на|у|с|для)\s|$)", after[len(text) :]
        )
        if extra is not None and len(extra.group().split()) <= 2:
            text += extra.group()
    return text


def _as_subject(numeral: str) -> bool:
    """True for a numeral in the nominative ("три", "две"), whose noun phrase is already in the
    form a name takes ("три новых логистических центра")."""
    return numeral.casefold() in _NOMINATIVE_NUMERALS


_NOMINATIVE_NUMERALS = frozenset(
    {"два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"}
)


def _nominative_numeral(numeral: str, gender: str | None) -> str:
    """A numeral in the nominative, agreeing with its noun ("трех" → "три", "двух" → "две")."""
    parse = analyser().parse(numeral.casefold())[0]
    form = parse.inflect({"nomn", gender} if gender else {"nomn"}) or parse.inflect({"nomn"})
    return str(form.word) if form is not None else numeral.casefold()


def _descriptive(adjective: str) -> bool:
    """True for an adjective that says what a facility is for ("логистический", "зерновой"),
    not how it is ("современный", "новый", "крупный")."""
    return lemma_of(adjective).lemma not in _VAGUE_ADJECTIVES


_VAGUE_ADJECTIVES = frozenset(
    {"современный", "новый", "крупный", "большой", "совместный", "собственный", "первый",
     "второй", "единый", "мощный", "целый", "отдельный", "данный", "этот", "такой", "весь",
     "другой", "иной", "каждый", "ряд", "местный", "региональный", "национальный", "энергетический",
     "промышленный", "такой же"}
)  # fmt: skip


def _agrees(adjective: object, noun: object) -> bool:
    """True when an adjective's reading may agree with its noun in case (any reading)."""
    noun_cases = {p.tag.case for p in analyser().parse(str(getattr(noun, "word", "")))}
    adjective_cases = {p.tag.case for p in analyser().parse(str(getattr(adjective, "word", "")))}
    return bool(noun_cases & adjective_cases)


def _plural_reading(adjectives: list[str], head: object) -> bool:
    """True when the head is plural: its adjectives read only as plural, or there are none
    and every reading of the head is plural."""
    words = [*adjectives] or [str(getattr(head, "word", ""))]
    return all(
        all(
            p.tag.number == "plur"
            for p in analyser().parse(w.casefold())
            if p.tag.POS in _ADJECTIVE | {"NOUN"}
        )
        for w in words
    )


def _nominative(words: list[str], *, plural: bool) -> str:
    """The adjectives and head noun in the nominative, agreeing with the head."""
    head_word = words[-1]
    bare = head_word.strip('«»"')
    if bare in _RU_ABBREVIATIONS:
        return " ".join(words)
    noun = analyser().parse(bare.casefold())[0]
    number = "plur" if plural else "sing"
    head_form = noun.inflect({"nomn", number})
    written = [head_form.word if head_form is not None else bare]
    gender = noun.tag.gender
    loanword = _LOANWORD_ENDING.fullmatch(bare.casefold())
    if not noun.is_known and loanword is not None and loanword["stem"] in _ru_heads():
        written, gender = [loanword["stem"]], "masc"  # "хаба" → "хаб", a masculine loanword
    wanted = {"nomn", number} | ({gender} if number == "sing" and gender else set())
    for adjective in reversed(words[:-1]):
        parses = [p for p in analyser().parse(adjective.casefold()) if p.tag.POS in _ADJECTIVE]
        form = parses[0].inflect(wanted) if parses else None
        text = form.word if form is not None else adjective
        if adjective[:1].isupper():
            text = text[:1].upper() + text[1:]
        written.insert(0, text)
    return " ".join(written)


# --- both ------------------------------------------------------------------------------------


def _key(head: str) -> str:
    tokens = tokenise(head)
    return tokens[-1].key if tokens else head.casefold()


def read_phrases(view: SentenceView, gazetteer: Gazetteer) -> list[FacilityPhrase]:
    """Every facility phrase with a cue in the sentence, before resolution."""
    return [*_english(view, gazetteer), *_russian(view, gazetteer)] if view.sentence.strip() else []


def facility_phrases(
    view: SentenceView, gazetteer: Gazetteer
) -> Iterator[tuple[EntityKind, str, int, int]]:
    """(kind, name, start, end) of each new facility the sentence describes, and of each new
    place such a facility is put "in"; none that a known name covers or an earlier sentence
    of the text already proposed."""
    earlier = _earlier_phrases(view, gazetteer)
    for phrase in read_phrases(view, gazetteer):
        if not _another_of_its_kind(phrase) and (
            view.known_name_over(
                phrase.start, _core_end(phrase), EntryKind.PROJECT, EntryKind.CROSSING
            )
            or _known_project(phrase, view, gazetteer)
        ):
            continue
        if any(
            e.head_key == phrase.head_key
            and (
                e.place == phrase.place
                or phrase.place is None
                or _state_holding(view, gazetteer, phrase, e)
            )
            for e in earlier
        ):
            continue  # the same facility again ("a plant … The plant will"), or said again of
            # the state its town is in ("a laboratory in Bishkek … a laboratory in Kyrgyzstan")
        if phrase.vague and earlier:
            continue  # "современное предприятие …" after the plant was named: that plant
        if phrase.each:  # a counted plural with one place each: a facility at each
            yield from ((phrase.kind, name, start, end) for name, start, end in phrase.each)
            continue
        if phrase.counted:
            continue  # "три ветровые электростанции": a kind counted, no one of them named
        if _the_held_port_itself(phrase, view):
            continue  # "транспортно-логистический хаб в Туркменбаши": the held port (rule 23)
        yield phrase.kind, phrase.name, phrase.start, _core_end(phrase)
        yield from _new_place(phrase, view, gazetteer)


def _state_holding(
    view: SentenceView, gazetteer: Gazetteer, phrase: FacilityPhrase, earlier: FacilityPhrase
) -> bool:
    """True when ``phrase`` is placed only in a state and ``earlier`` in a town of that state."""
    if phrase.place_span is None or earlier.place is None:
        return False
    start, end = phrase.place_span
    states = {
        i
        for m in view.matches
        if m.start == start and m.end == end
        for i in m.ids(EntryKind.COUNTRY)
    }
    if not states:
        return False
    towns = gazetteer.find(earlier.place, 0, len(earlier.place))
    return any(p.split("-", 1)[0] in states for m in towns for p in m.ids(EntryKind.PLACE))


#: A logistics hub as a whole (not a new one, not a container hub built within a port).
_LOGISTICS_HUB = re.compile(
    r"(?:logistics|логистическ\w*)\s+(?:hub|хаб)\b(?:\s+(?:in|at|в))?\s*$", re.IGNORECASE
)
_NEW = re.compile(r"(?<![\w-])(?:new|нов\w*)(?![\w-])", re.IGNORECASE)


def _the_held_port_itself(phrase: FacilityPhrase, view: SentenceView) -> bool:
    """True when a logistics hub is placed in a held port: the port row is the facility itself
    (corpus rule 23); a new hub, or a container hub or terminal built there, is a new one."""
    if phrase.place_span is None:
        return False
    words = view.text[max(view.start, phrase.start - 40) : phrase.place_span[0]]
    hub = _LOGISTICS_HUB.search(words)
    if hub is None or _NEW.search(words, max(0, hub.start() - 20), hub.start()):
        return False
    start, end = phrase.place_span
    return any(
        m.start < end
        and start < m.end
        and any(view.context.place_kinds.get(i) == PlaceKind.PORT for i in m.ids(EntryKind.PLACE))
        for m in view.matches
    )


def _core_end(phrase: FacilityPhrase) -> int:
    """Where the phrase's words before its place end (a known crossing or place it stands
    at is no name of the facility: "рядом с пунктом пропуска «Эркештам»")."""
    if phrase.place_span is not None and phrase.start < phrase.place_span[0] < phrase.end:
        return phrase.place_span[0]
    return phrase.end


#: The keys of heads that are new only when said so (``_RU_NEW_ONLY``).
_NEW_ONLY_KEYS = frozenset(_key(h) for h in _RU_NEW_ONLY)


def _another_of_its_kind(phrase: FacilityPhrase) -> bool:
    """True for "a second Luban Workshop": a known name counted again is a new one of it."""
    if re.match(r"(?:second|third|fourth|another|второ\w+|трет\w+)\s", phrase.name, re.I):
        return True
    # "нового туннеля через перевал Камчик": a new tunnel by a held one's pass
    return phrase.head_key in _NEW_ONLY_KEYS and bool(re.match(r"нов\w+\s", phrase.name, re.I))


def _earlier_phrases(view: SentenceView, gazetteer: Gazetteer) -> list[FacilityPhrase]:
    """Facility phrases of the sentences before this one in the text."""
    found: list[FacilityPhrase] = []
    for earlier in view.previous_sentences(_COREFERENCE_REACH):
        found.extend(_phrases_of(earlier, gazetteer))
    return found


#: How many sentences back a facility may be referred to again.
_COREFERENCE_REACH = 200
#: Phrases read per sentence (text, start, end): each sentence is read once per document.
_MEMO: dict[tuple[str, int, int, int], tuple[FacilityPhrase, ...]] = {}


def _phrases_of(view: SentenceView, gazetteer: Gazetteer) -> tuple[FacilityPhrase, ...]:
    key = (view.text, view.start, view.end, id(gazetteer))
    if key not in _MEMO:
        if len(_MEMO) > 4096:
            _MEMO.clear()
        _MEMO[key] = tuple(read_phrases(view, gazetteer))
    return _MEMO[key]


#: Capitalised words of a place or an owner that say what, not which ("Satpayev University",
#: "Международный центр …": Russian capitalises a name's first word whatever it is).
_GENERIC_WORDS = frozenset(
    t.key
    for t in tokenise(
        "university universities institute region province district oblast city town village "
        "port zone economic free special state national international technical polytechnical "
        "republic область район регион город село зона международный государственный "
        "национальный технический специальный экономический свободный университет институт"
    )
)


def _known_project(phrase: FacilityPhrase, view: SentenceView, gazetteer: Gazetteer) -> bool:
    """True when a known project's name holds the phrase's head and a distinctive word of
    the phrase (its place, owner or name: "a branch of Northwestern Polytechnical
    University" is that university's known branch), or when a known project named in this
    sentence or the two before holds the phrase's head (the text speaks of that project)."""
    distinctive = [
        t.key
        for t in tokenise(view.text, phrase.start, phrase.end)
        if t.capitalised
        and t.key not in _GENERIC_WORDS
        and t.key != phrase.head_key  # "A China Center": the head written with a capital
        and not gazetteer.is_country_word(t.key)
        and len(t.key) > 2
    ]
    if any(gazetteer.project_with_words({phrase.head_key, key}) for key in distinctive):
        return True
    if _abbreviated_as_held(view, phrase):
        return True  # "Международный центр приграничного сотрудничества" of the held "МЦПС"
    return any(
        phrase.head_key in {t.key for t in tokenise(m.text)}
        for current in view.with_previous(2)
        for m in current.of_kind(EntryKind.PROJECT)
        if not (phrase.start <= m.start < phrase.end)
    )  # "учреждении культурных центров … «Казахстанский культурный центр в городе Пекине»"


#: Short words left out of an abbreviation ("International Center of Boundary Cooperation").
_NOT_IN_ABBREVIATION = frozenset({"of", "and", "for", "the", "on", "и", "по", "для"})


def _abbreviated_as_held(view: SentenceView, phrase: FacilityPhrase) -> bool:
    """True when the initials of the phrase's words are an abbreviation a held project's name
    or alias is written with ("Международный центр приграничного сотрудничества" → "МЦПС", held
    in "МЦПС Хоргос"; "International Center of Boundary Cooperation" → "ICBC")."""
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", view.text[phrase.start : phrase.end])
        if w.casefold() not in _NOT_IN_ABBREVIATION
    ]
    if len(words) < 3:
        return False
    initials = "".join(w[0] for w in words).upper()
    return any(
        initials in re.findall(r"\b[A-ZА-ЯЁ]{3,}\b", name)
        for names in view.context.project_names.values()
        for name in names
    )


def _new_place(
    phrase: FacilityPhrase, view: SentenceView, gazetteer: Gazetteer
) -> Iterator[tuple[EntityKind, str, int, int]]:
    """The place a facility is put in, when it is one unknown name ("in Tyup")."""
    if phrase.place is None or phrase.place_span is None:
        return
    if not re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?", phrase.place):
        return
    start, end = phrase.place_span
    if view.known_name_over(start, end):
        return
    key = tokenise(phrase.place)[0].key
    if gazetteer.is_country_word(key) or gazetteer.place_word(key):
        return
    if not re.match(r"\s*(?:,\s*[A-Z]|[.;])", view.text[end : end + 3]):
        return  # "in Tyup, Kyrgyzstan", "in Tyup.": a name standing on its own
    yield EntityKind.PLACE, phrase.place, start, end
