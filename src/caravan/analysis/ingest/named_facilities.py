"""Facilities named by their own name after (or before) a head that says what they are,
several at once: "на месторождениях «Верхний Кумарг» и «Дуоба»", "на месторождениях Сулукту,
Карабулак … и Ак-Улак", "the Kumarg and Duoba deposits".

Each name is its own new project (corpus rule 3: one company or agreement covering several
deposits does not make them one), named by its head and its name ("месторождение Дуоба"). The
heads are the rows of ``facility_heads.csv`` whose strength is ``named``: they name a facility
only with a name beside them, so the described-phrase reader leaves them. A name is read only
when the sentence or the two before name a country or a Chinese party (rule 1: a deposit tied to
no other state's party is no project of the system), and not when a known project's name
covers it (a held place's name is allowed: a deposit named after its town is not the town).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.facility_phrases import _nominative, facility_heads
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.tokens import tokenise

__all__ = [
    "facilities_at_each",
    "listed_units",
    "named_facilities",
    "named_zones",
    "own_named_facilities",
    "quoted_facilities",
    "zone_tied",
]

_RU_NAME = r"[А-ЯЁ][\w-]*(?:\s+(?:[А-ЯЁ][\w-]*|\d+))?"
_EN_NAME = r"(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))?"
_QUOTED = r"«[^«»]{2,40}»"
#: A list of names: quoted ("«A» и «B»") or bare, then counted only with two or more.
_RU_QUOTED_LIST = (
    _QUOTED + r"(?:\s*(?:,|;|\s+и|\s+а\s+также)\s*" + _QUOTED + r")*"
)  # fmt: skip
_RU_BARE_LIST = _RU_NAME + r"(?:\s*,\s*" + _RU_NAME + r")*,?\s+и\s+" + _RU_NAME
#: A name glossed in brackets by its translation: "Kumarghi Bolo (Upper Kumargh)".
_EN_GLOSS = r"(?:\s+\((?-i:[A-Z])[^()]{1,40}\))?"
_EN_LIST = (
    _EN_NAME + _EN_GLOSS + r"(?:\s*,\s*" + _EN_NAME + _EN_GLOSS + r")*,?\s+and\s+" + _EN_NAME + _EN_GLOSS
)  # fmt: skip
#: A Chinese party or a country of the system near the name (rule 1).
_PARTY = re.compile(r"(?i:китай|кнр|chin)")


@functools.cache
def _named_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The English and the Russian heads that name facilities only with a name."""
    named = [h for h in facility_heads() if h.named_only]
    return (
        tuple(h.head for h in named if h.language == "en"),
        tuple(h.head for h in named if h.language == "ru"),
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    english, russian = _named_heads()
    en_heads = "|".join(re.escape(h) for h in english)
    # a Russian head in any case and number: its stem without the last vowel ("месторождени")
    ru_stems = "|".join(re.escape(h[:-1] if h[-1] in "еаяоь" else h) for h in russian)
    ru = re.compile(
        r"(?<![\w-])(?P<head>" + ru_stems + r")\w*\s+"
        r"(?P<list>" + _RU_QUOTED_LIST + r"|(?:" + _RU_BARE_LIST + r"|" + _RU_NAME + r")"
        r"(?=\s*[,.;:—–)]|\s+(?:в|на|у|и|с)\s|$))"  # quotes end a name; a bare one needs a stop
    )
    en = re.compile(
        r"\bthe\s+(?P<list>" + _EN_LIST + r")\s+(?:(?:gold|copper|coal|tungsten|uranium|iron"
        r"|silver|zinc|lead|gas|oil|rare[- ]earth)\s+)?(?P<head>" + en_heads + r")s\b"
    )
    return en, ru


def named_facilities(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each facility the sentence names after or before its head."""
    if not _party_near(view, gazetteer):
        return
    english, russian = _patterns()
    for pattern, language in ((russian, "ru"), (english, "en")):
        for found in pattern.finditer(view.sentence):
            items = list(_items(found["list"]))
            bare = not found["list"].startswith("«")
            for item, offset in items:
                start = view.start + found.start("list") + offset
                end = start + len(item)
                if _a_known_project(view, start, end):
                    continue  # "месторождения Галкыныш": a held project
                if bare and len(items) == 1 and _a_known_name(view, start, end, gazetteer):
                    continue  # "месторождения Туркменистана": whose, not which
                head = found["head"].casefold()
                name = f"{item} {head}" if language == "en" else f"{_ru_head(head)} {item}"
                yield name, start, end


#: A unit of a list announced by a colon, one a line: "Ала-Буга — 600 МВт;", "Kara-Bulun — 149 MW".
_LISTED_UNIT = re.compile(
    r"^\s*(?P<name>(?:[А-ЯЁ][\w-]*|(?-i:[A-Z])[\w'’-]*)(?:[ -](?:[А-ЯЁA-Z\d][\w-]*))?)\s+[—–-]\s+"
    r"\d+(?:[.,]\d+)?\s*(?:МВт|ГВт|MW|GW)\s*[;.,]?\s*$",
    re.MULTILINE,
)
#: The line that announces such a list: a counted facility head and a colon at its end.
_LIST_INTRO = re.compile(
    r"(?i:станци\w*|ГЭС|электростанци\w*|plants|stations|HPPs|units)[^\n]*:\s*$", re.MULTILINE
)
#: How far before a listed unit its announcing line may stand.
_LIST_REACH = 400


def listed_units(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each facility listed one a line with its capacity after a line
    that announces them ("в него войдут четыре станции …:" then "Ала-Буга — 600 МВт;")."""
    for found in _LISTED_UNIT.finditer(view.sentence):
        start = view.start + found.start("name")
        before = view.text[max(0, start - _LIST_REACH) : start]
        if _LIST_INTRO.search(before) is None or not _PARTY.search(before + view.sentence):
            continue
        end = start + len(found["name"])
        if _a_known_project(view, start, end) or _a_known_name(view, start, end, gazetteer):
            continue
        yield found["name"], start, end


#: Facilities of a kind at each of two or three named places: '"dry ports" at the "Bakhty" and
#: "Kalzhat" crossings', "terminals at the Aktau and Kuryk ports".
_EN_AT_EACH = re.compile(
    r"[\"“]?(?P<head>dry\s+ports|logistics\s+cent(?:er|re)s|container\s+hubs|terminals|hubs)"
    r"[\"”]?\s+(?:at|in)\s+the\s+(?P<list>[\"“]?(?-i:[A-Z])[\w'’-]*[\"”]?(?:,\s+[\"“]?(?-i:[A-Z])"
    r"[\w'’-]*[\"”]?)*,?\s+and\s+[\"“]?(?-i:[A-Z])[\w'’-]*[\"”]?)\s+"
    r"(?P<where>(?:border\s+)?crossings|checkpoints|ports|seaports|stations)\b",
    re.IGNORECASE,
)
#: A plan or a step of building in the sentence (rule 1: a project, not a place's facilities).
_EN_PLAN = re.compile(
    r"\b(?:plan\w*|build\w*|built|construct\w*|agree\w*|include\w*|invest\w*|develop\w*"
    r"|open\w*|launch\w*|set\s+up)\b",
    re.IGNORECASE,
)


def facilities_at_each(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of one facility at each place a plural head is put at ("Dry port at
    the Bakhty crossing", "Dry port at the Kalzhat crossing")."""
    if _EN_PLAN.search(view.sentence) is None:
        return
    for found in _EN_AT_EACH.finditer(view.sentence):
        head = re.sub(r"\s+", " ", found["head"])
        head = head[:-2] if head.casefold().endswith(("centres", "centers")) else head[:-1]
        where = re.sub(r"\s+", " ", found["where"])[:-1]
        for place in re.finditer(r"(?-i:[A-Z])[\w'’-]*", found["list"]):
            start = view.start + found.start("list") + place.start()
            name = f"{head[:1].upper()}{head[1:]} at the {place.group()} {where}"
            yield name, start, start + len(place.group())


def _items(written: str) -> Iterator[tuple[str, int]]:
    """Each name of a list with its offset in it, without its quotes."""
    if written.startswith("«"):
        for quoted in re.finditer(r"«([^«»]+)»", written):
            yield quoted[1].strip(), quoted.start(1)
        return
    unglossed = re.sub(r"\([^()]*\)", lambda gloss: " " * len(gloss.group()), written)
    for name in re.finditer(_RU_NAME if re.match(r"[А-ЯЁ]", written) else _EN_NAME, unglossed):
        yield name.group(), name.start()  # a gloss in brackets is no name of its own


def _ru_head(stem_written: str) -> str:
    """The Russian head in the nominative singular ("месторождениях" → "месторождение")."""
    for head in _named_heads()[1]:
        if stem_written.startswith(head[:-1] if head[-1] in "еаяоь" else head):
            return head
    return stem_written


def _a_known_project(view: SentenceView, start: int, end: int) -> bool:
    """True when a known project's name covers the whole name (one word of it shared with a
    project, "Верхний" of "Верхние Кайракты", is no such cover)."""
    return any(m.start <= start and end <= m.end for m in view.of_kind(EntryKind.PROJECT))


def _a_known_name(view: SentenceView, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True when a single bare name is a country's, a group's or a held place's."""
    if view.known_name_over(start, end):
        return True
    return any(gazetteer.is_country_word(t.key) for t in tokenise(view.text, start, end))


def _only_a_held_name(view: SentenceView, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True when a name of its own is a held or a country's name; one of three words or more
    is a company's own even when it holds one ("Astana Motors Manufacturing Kazakhstan"),
    unless a held name covers it all."""
    if len(tokenise(view.text, start, end)) < 3:
        return _a_known_name(view, start, end, gazetteer)
    return any(m.start <= start and end <= m.end for m in view.matches)


def zone_tied(view: SentenceView, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """True when a zone at ``start:end`` is tied to another state (corpus rule 17): the
    sentence and the two before name a state other than the zone's own ("Китай открыл торговый
    дом в Чуйской зоне …"), or two states; a zone of China with only China named ("на
    северо-западе Китая … Синьцзянской пилотной зоны") is not. When the zone's own state is
    not known, a country or a Chinese party near it is enough."""
    states = {
        country
        for current in view.with_previous(2)
        for match in current.of_kind(EntryKind.COUNTRY)
        for country in match.ids(EntryKind.COUNTRY)
    }
    own = _zone_state(view, gazetteer, start, end)
    if own is None:
        return _party_near(view, gazetteer)
    return any(state != own for state in states)


def _zone_state(view: SentenceView, gazetteer: Gazetteer, start: int, end: int) -> str | None:
    """The state a zone's own words name: a country or its adjective ("Китайской", "China"),
    a held place ("Кашгарской", "Kashgar"), else None."""
    for match in view.matches:
        if start <= match.start and match.end <= end:
            countries = match.ids(EntryKind.COUNTRY)
            places = match.ids(EntryKind.PLACE)
            if countries:
                return countries[0]
            if places:
                return places[0].split("-", 1)[0]
    for token in tokenise(view.text, start, end):
        place = gazetteer.place_of_adjective(token.key)
        if place is not None:
            return place.split("-", 1)[0]
    return None


def _party_near(view: SentenceView, gazetteer: Gazetteer) -> bool:
    """True when the sentence or the two before name a country or a Chinese party."""
    for current in view.with_previous(2):
        if _PARTY.search(current.sentence) or current.of_kind(EntryKind.COUNTRY):
            return True
        if any(gazetteer.is_country_word(t.key) for t in tokenise(current.sentence)):
            return True
    return False


#: A company's legal form between a head and its name: "завод ЗАО «Точиксемент»".
_LEGAL_FORM = r"(?:(?:ЗАО|ООО|ОАО|АО|ТОО|ОсОО|СП|ПАО|ИП|LLC|JSC|LTD|Ltd)\s+)?"
#: A name of its own after a Russian head: quoted, or in Latin script ("завод Orda Glass LTD").
_OWN_NAME = r"«[^«»]{2,40}»|(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*)){0,3}"


@functools.cache
def _own_name_pattern() -> re.Pattern[str]:
    strong = [
        h.head for h in facility_heads() if h.language == "ru" and not h.weak and not h.named_only
    ]
    stems = "|".join(
        re.escape(h[:-1] if h[-1] in "еаяоь" else h) for h in sorted(strong, key=len, reverse=True)
    )
    return re.compile(
        r"(?<![\w-])(?P<head>(?i:"
        + stems
        + r"))\w*\s+"
        + _LEGAL_FORM
        + r"(?P<name>"
        + _OWN_NAME
        + r")"
    )


def quoted_facilities(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each facility a strong Russian head names by a name of its own
    after it, quoted or in Latin script ("к заводу «СарыаркаАвтоПром»", "завод Orda Glass LTD")."""
    named = list(_own_name_pattern().finditer(view.sentence))
    if not named:
        return
    for found in named:
        if not (_party_near(view, gazetteer) or _party_of_it_later(view, found["head"])):
            continue
        written = found["name"]
        name = written.strip("«»").strip()
        start = view.start + found.start("name") + (1 if written.startswith("«") else 0)
        end = start + len(name)
        if _a_known_project(view, start, end) or _only_a_held_name(view, start, end, gazetteer):
            continue  # a held project, or a country's or a held place's name
        head = _strong_head(found["head"])
        yield f"{head[:1].upper()}{head[1:]} {written}", start, end


#: How many sentences after a named facility a sentence referring back to it may tie it.
_LATER_SENTENCES = 4
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"А-ЯЁA-Z\d])")


#: An English head followed by its own name of three capitalised words or more and the
#: name's abbreviation or legal form: "car plant Astana Motors Manufacturing Kazakhstan (AMMKZ)".
_EN_OWN_NAME = re.compile(
    r"\b(?P<head>(?:[a-z-]+\s+)?(?:plant|factory|refinery|smelter|terminal|complex))\s+"
    r"(?P<name>(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*)){2,5})"
    r"(?=\s*\((?-i:[A-Z][A-Z\d]{1,7})\)|\s+(?:LLP|LLC|JSC|Ltd)\b)"
)


def own_named_facilities(
    view: SentenceView, gazetteer: Gazetteer
) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each facility an English head names by a name of its own after
    it, set off by its abbreviation or legal form ("Kazakhstan's multi-brand car plant Astana
    Motors Manufacturing Kazakhstan (AMMKZ)"), near a country or a Chinese party (rule 1)."""
    for found in _EN_OWN_NAME.finditer(view.sentence):
        start, end = view.start + found.start("name"), view.start + found.end("name")
        if _a_known_project(view, start, end) or _only_a_held_name(view, start, end, gazetteer):
            continue
        if not _party_near(view, gazetteer):
            continue
        head = found["head"]
        yield f"{head[:1].upper()}{head[1:]} {found['name']}", start, end


def _party_of_it_later(view: SentenceView, head_written: str) -> bool:
    """True when one of the next few sentences names the facility again by its head and a
    Chinese party with it ("Стекольный завод ТОО «Orda Glass Ltd» …" then "Однако достраивает
    завод … другая китайская компания"): its builder ties it (rule 17)."""
    head = _strong_head(head_written)
    stem = head[:-1] if head[-1] in "еаяоь" else head
    later = _SENTENCE_END.split(view.text[view.end : view.end + 1500])[:_LATER_SENTENCES]
    return any(
        re.search(r"(?<![\w-])" + re.escape(stem), sentence, re.IGNORECASE)
        and _PARTY.search(sentence)
        for sentence in later
    )


def _strong_head(stem_written: str) -> str:
    """The strong Russian head in the nominative singular ("заводу" → "завод")."""
    written = stem_written.casefold()
    for head in sorted(
        (h.head for h in facility_heads() if h.language == "ru"), key=len, reverse=True
    ):
        if written.startswith((head[:-1] if head[-1] in "еаяоь" else head).casefold()):
            return head
    return stem_written


#: A zone named by the adjective of its place and what it is for: "Кашгарской зоны
#: экономического освоения", "Китайской (Синьцзянской) пилотной зоны свободной торговли".
_RU_ZONE = re.compile(
    r"(?<![\w-])(?P<adjectives>[А-ЯЁ][а-яё-]+(?:\s+\([А-ЯЁ][а-яё-]+\))?(?:\s+[а-яё]+)?)\s+"
    r"(?P<head>зон(?:а|ы|е|у|ой|ою))\s+(?P<purpose>(?:[а-яё]+\s+)?"
    r"(?:торговли|освоения|развития|сотрудничества))(?![\w-])"
)


def named_zones(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each economic or trade zone named by the adjective of its place
    and its purpose ("Синьцзянской пилотной зоны свободной торговли"), in the nominative, when
    it is tied to another state (rule 17)."""
    zones = list(_RU_ZONE.finditer(view.sentence))
    if not zones or not _party_near(view, gazetteer):
        return
    for found in zones:
        if not zone_tied(view, gazetteer, view.start + found.start(), view.start + found.end()):
            continue
        words = found["adjectives"].split()
        if not all(_an_adjective(w.strip("()")) for w in words):
            continue  # "Администрация зоны …": a noun, not the zone's place
        start, end = view.start + found.start(), view.start + found.end()
        if _a_known_project(view, start, end):
            continue
        bare = [w.strip("()") for w in words] + [found["head"]]
        named = _nominative(bare, plural=False).split()
        written = [f"({n})" if w.startswith("(") else n for n, w in zip(named, words, strict=False)]
        yield " ".join([*written, named[-1], found["purpose"]]), start, end


def _an_adjective(word: str) -> bool:
    """True when the dictionary's first reading of the word is an adjective."""
    parses = analyser().parse(word.casefold())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS", "PRTF")
