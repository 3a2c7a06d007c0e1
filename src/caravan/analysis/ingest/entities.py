"""Places, crossings and projects the text names but the knowledge base does not know.

Deliberately conservative (a wrong "new thing" costs a reviewer more than a missed one):
only "A–B railway / highway / pipeline" with capitalised ends, "X border crossing /
checkpoint", and "X dry port / logistics centre / industrial park" (and their Russian
forms), when no known name covers them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from caravan.analysis.ingest.apposed_facilities import apposed_facilities
from caravan.analysis.ingest.built_facilities import built_facilities
from caravan.analysis.ingest.context import Candidate, SentenceView, parties_named
from caravan.analysis.ingest.coordinated_places import grouped_places
from caravan.analysis.ingest.country_chain_lines import country_chain_lines
from caravan.analysis.ingest.crossing_pairs import crossing_pairs
from caravan.analysis.ingest.described_facilities import described_facilities
from caravan.analysis.ingest.facility_phrases import facility_phrases
from caravan.analysis.ingest.family_names import family_members
from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, Match, MatchMethod
from caravan.analysis.ingest.hosted_facilities import hosted_facilities, hosted_institutes
from caravan.analysis.ingest.line_upgrades import line_upgrades
from caravan.analysis.ingest.linking_lines import built_lines, linking_lines
from caravan.analysis.ingest.listed_crossings import listed_crossings
from caravan.analysis.ingest.listed_lines import listed_lines
from caravan.analysis.ingest.morphology import nominative_phrase
from caravan.analysis.ingest.named_facilities import (
    facilities_at_each,
    listed_units,
    named_facilities,
    named_zones,
    own_named_facilities,
    quoted_facilities,
)
from caravan.analysis.ingest.named_projects import named_projects
from caravan.analysis.ingest.named_services import (
    city_chain_services,
    first_trains,
    named_services,
)
from caravan.analysis.ingest.ner_places import NER_CONFIDENCE, model_places
from caravan.analysis.ingest.place_airports import own_named_airports, place_airports
from caravan.analysis.ingest.quoted_lines import quoted_lines
from caravan.analysis.ingest.quoted_zones import abbreviated_zones, quoted_zones
from caravan.analysis.ingest.route_chains import route_chain_places
from caravan.analysis.ingest.station_names import station_names
from caravan.analysis.ingest.tied_names import tied_names
from caravan.analysis.ingest.tokens import tokenise
from caravan.analysis.ingest.typed_places import beside_country, new_cities, typed_places, venues
from caravan.analysis.ingest.world_places import (
    foreign_settlement,
    names_a_world_region,
    serves_a_world_region,
    world_places,
)
from caravan.model.proposals import EntityKind, Flag, FlagCode, ProposedEntity

__all__ = ["listed_places", "new_entities", "new_place", "paired_tunnels", "route_places"]

_NAME = r"[A-Z][\w'’]+"
_RU_NAME = r"[А-ЯЁ][\w]+"
_RULES: tuple[tuple[EntityKind, re.Pattern[str]], ...] = (
    (
        EntityKind.PROJECT,
        re.compile(
            r"\b(?P<name>"
            + _NAME
            + r"(?:\s?[-–—]\s?"
            + _NAME
            + r"){1,4}\s+(?:railway|railroad|rail\s+line|highway|motorway|expressway|road|gas\s+pipeline|oil\s+pipeline|pipeline))\b"
        ),
    ),
    (
        EntityKind.PROJECT,
        re.compile(
            r"(?P<name>(?:железн\w+\s+дорог\w+|автодорог\w+|автотрасс\w+|автомобильн\w+\s+дорог\w+|газопровод\w*|нефтепровод\w*|(?:железнодорожн\w+\s+)?участ\w+)\s+«?"
            + _RU_NAME
            + r"(?:\s?[-–—]\s?"
            + _RU_NAME
            + r"){1,4}»?)"
        ),
    ),
    (
        EntityKind.CROSSING,
        re.compile(
            r"\b(?P<name>"
            + _NAME
            + r"(?:[-–—]"
            + _NAME
            + r")?\s+(?:border\s+crossing|border\s+checkpoint|checkpoint|border\s+post|crossing\s+point|land\s+port))\b"
        ),
    ),
    (
        EntityKind.CROSSING,
        re.compile(
            r"(?P<name>(?:пункт\w*\s+пропуска|КПП|погранпереход\w*)\s+«?"
            + _RU_NAME
            + r"(?:[-–—]"
            + _RU_NAME
            + r")?»?)"
        ),
    ),
    (
        EntityKind.PLACE,
        re.compile(
            r"\b(?P<name>"
            + _NAME
            + r"(?:\s"
            + _NAME
            + r")?\s+(?:dry\s+port|logistics\s+(?:centre|center|hub)|industrial\s+park|free\s+economic\s+zone|special\s+economic\s+zone))\b"
        ),
    ),
)
_RULES += (
    (
        EntityKind.PROJECT,
        re.compile(
            r"\b(?P<name>" + _NAME + r"(?:\s?[-–—]\s?" + _NAME + r"){3,6}\s+"
            r"(?:(?:multimodal|intermodal|international|transport|freight|trade|transit|rail|road)\s+){0,3}corridor)\b"
        ),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"(?:\s?[-–—]\s?" + _NAME + r"){1,4})(?:\s+and\s+" + _NAME + r"(?:\s?[-–—]\s?" + _NAME + r"){1,4})?\s+lines?\b"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"\s+(?:railway\s+|rail\s+)?[Bb]ypass(?:\s+(?:railroad|railway|rail)\s+line)?)\b"),
    ),
    (
        EntityKind.PLACE,
        re.compile(r"\b(?P<name>" + _NAME + r")\s+(?:[Aa]irport|station|railway\s+station)\b"),
    ),
)  # fmt: skip
_RULES += (
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>(?:[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?\s+){1,3}(?:Railway|Rail|Road|Transport|Transit)\s+Corridor)\b"),
    ),
    (  # not the tail of a longer title ("… Agriculture and Textile Industrial Park")
        EntityKind.PLACE,
        re.compile(r"(?<!\band\s)\b(?P<name>[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?\s+(?:Logistics\s+(?:Centre|Center|Hub)|Dry\s+Port|Industrial\s+Park))\b"),
    ),
)  # fmt: skip
_RULES += (
    # Tunnels and power lines named by their own name: "тоннель «Шахристон»", "the Shar-Shar
    # tunnel", "ЛЭП-220 кВ «Худжанд – Айни»", "the Datka–Kemin power line".
    (
        EntityKind.PROJECT,
        re.compile(r"(?P<name>(?:тоннел\w*|ЛЭП(?:-\d+\s*кВ)?|линии\s+электропередачи)\s+«" + _RU_NAME + r"(?:\s?[-–—]\s?" + _RU_NAME + r"){0,3}»)"),
    ),
    # A power line by its ends and voltage, unquoted: "линии электропередачи 220 кВ Айни — Рудаки".
    (
        EntityKind.PROJECT,
        re.compile(r"(?P<name>(?:ЛЭП|лини\w+\s+электропередачи)(?:[\s-]+\d+\s*кВ)?\s+" + _RU_NAME + r"(?:\s?[-–—]\s?" + _RU_NAME + r"){1,3})(?![\w-])"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"(?:\s?[-–—]\s?" + _NAME + r"){0,3}\s+(?:tunnel|power\s+line|transmission\s+line))\b"),
    ),
    # Mines, deposits and fields by their own name: "the Pokrud mine", "the Taror gold deposit",
    # "the Kashagan field"; a production-sharing area by its own: "the Bagtyyarlyk contract
    # (contractual) territory", "договорной территории «Багтыярлык»".
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"(?:\s+(?:gold|copper|tungsten|coal|uranium|lead|zinc|rare[- ]earth))?\s+(?:mine|deposit|contract(?:ual)?\s+territory))\b"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"(?<![\w'’-])(?P<name>[A-Z]\w+(?:-[A-Z]\w+)?(?:\s+(?:oil|gas|coal))?\s+field)\b(?!['’])"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"(?P<name>договорн\w+\s+территори\w+\s+«" + _RU_NAME + r"(?:[\s-]+" + _RU_NAME + r")?»)"),
    ),
    # Plants by their own name: "the Zhanatas wind farm", "the JAC vehicle assembly line",
    # "the Shymkent Oil Refinery", "ВЭС «Жанатас»", "Шымкентский НПЗ" is left (an adjective).
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?!(?:MW|GW|kW|kV|MWh)\b)(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){0,2}(?:\s+[a-z]+)?\s+(?:[Ww]ind\s+(?:[Ff]arm|[Pp]ower\s+[Pp]lant|[Pp]ark)|[Ss]olar\s+(?:[Pp]ower\s+)?(?:[Pp]lant|[Ss]tation|[Pp]ark)|(?:[Hh]ydro(?:electric|power)?\s+|[Tt]hermal\s+)?[Pp]ower\s+(?:[Pp]lant|[Ss]tation)|(?:[Oo]il\s+)?[Rr]efinery|[Aa]ssembly\s+(?:[Ll]ine|[Pp]lant)))\b"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"(?P<name>(?:ВЭС|СЭС|ГЭС|ТЭЦ|ТЭС|НПЗ|ветров\w+\s+электростанци\w+|солнечн\w+\s+электростанци\w+|нефтеперерабатывающ\w+\s+завод\w*)\s+«" + _RU_NAME + r"(?:[\s-]+" + _RU_NAME + r")?»)"),
    ),
    # A mineral project by its name: "the Bozshakol copper project".
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"\s+(?:gold|copper|tungsten|coal|uranium|lead|zinc|iron\s+ore|rare[- ]earth)\s+project)\b"),
    ),
    # Power plants by their own name and an abbreviation: "the Kambarata HPP-2", "the Kamchik
    # MHPP", "the Dushanbe TPP-2", "the Dushanbe-2 combined heat and power (CHP) plant".
    (
        EntityKind.PROJECT,
        re.compile(r"(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their)\b)(?P<name>[A-Z]\w+(?:-\d+)?(?:\s+[A-Z][a-z]\w*)?\s+(?:(?:M|S)?HPP|TPP|CHPP?|HPS|TPS)(?:-\d+)?|[A-Z]\w+(?:-\d+)?\s+combined\s+heat\s+and\s+power\s+(?:\(CHP\)\s+)?plant)(?![\w-])"),
    ),
    # A railway or land-sea port by a name of several words: "the Lanzhou New Area railway port",
    # "the Dulaying International land-sea logistics port".
    (
        EntityKind.PROJECT,
        re.compile(r"(?<![\w'’-])(?!(?:The|A|An|This|Its)\b)(?P<name>(?:[A-Z][a-z][\w'’]*\s+){2,4}(?:railway|land-sea(?:\s+logistics)?)\s+port)\b"),
    ),
    # Bridges by their own name: "the Kyrgyz-Chinese Friendship Bridge", "мост «Дружба»".
    (
        EntityKind.PROJECT,
        re.compile(r"\b(?P<name>" + _NAME + r"(?:[\s-]+" + _NAME + r"){0,3}\s+Bridge)\b"),
    ),
    (
        EntityKind.PROJECT,
        re.compile(r"(?P<name>мост\w*\s+«" + _RU_NAME + r"(?:\s+" + _RU_NAME + r")?»)"),
    ),
    # Lines coordinated with another line: "линии Жезказган – Бейнеу и Аркалык – Шубарколь".
    (
        EntityKind.PROJECT,
        re.compile(r"(?<![\w-])(?:лини\w*|дорог\w*|магистрал\w*|ветк\w*)[^.;]{0,60}?" + _RU_NAME + r"(?:\s?[-–—]\s?" + _RU_NAME + r"){1,4}\s+и\s+(?P<name>" + _RU_NAME + r"(?:\s?[-–—]\s?" + _RU_NAME + r"){1,4})"),
    ),
)  # fmt: skip
_MINE = re.compile(r"\b(?:mine|deposit|field)$")
#: A station built ("обводную станцию Алматы"): a place, as rule 19 reads stations.
_A_STATION = re.compile(r"^\w+\s+станция\b|^Станция\b")


def _like_a_known_project(name: str, gazetteer: Gazetteer) -> bool:
    """True when the name's first word is close to a word of a known project's name."""
    head = tokenise(name)[0].key
    return any(
        e.kind is EntryKind.PROJECT
        and any(fuzz.ratio(head, t.key) >= 75 for t in tokenise(e.label))
        for e in gazetteer.entries
    )


#: Kinds of thing that are usually parts of a line: a sentence naming a known project
#: speaks of that project's tunnel.
_PART_KIND = re.compile(r"тоннел|tunnel", re.IGNORECASE)
#: A project's parts listed after what it includes: "Проект включает реабилитацию участков
#: Куруш – Бекабад …", "the project includes rebuilding the Kurush–Bekabad road" ("These include
#: the Dushanbe TPP-2" lists projects, not one project's parts).
_INCLUDED = re.compile(
    r"(?:(?<![\w-])(?:включа\w+|состо\w+\s+из)|(?<!\bThese\s)(?<!\bThey\s)\b(?:includes?|including|consists?\s+of))"
    r"(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)
#: Words that say what a thing is, not which: not evidence that two names are the same line.
_KIND_WORDS = frozenset(
    {"railway", "railroad", "rail", "line", "lines", "road", "highway", "motorway", "expressway",
     "pipeline", "gas", "oil", "corridor", "bypass", "transport", "transit"}
)  # fmt: skip
_REGION_WORDS = frozenset({"asia", "asian", "central", "europe", "eurasian", "caspian"})
_COMPASS = frozenset({"north", "south", "east", "west"})
_GENERIC = re.compile(r"^(?:The|A|An|This|That|Its|Their|New|Old|First|Second|Third|Main)$")
#: A service or works of a corridor's own (corpus rule 29): a first, pilot, test or regular run,
#: a launch or opening, a tariff, an operator, construction.
_SERVICE = re.compile(
    r"(?<!\bat\s)\b(?:first|pilot|test|trial|regular|launch\w*|open(?:ed|ing|s)?|tariffs?|operators?"
    r"|construction"
    r"|built|building)\b",
    re.IGNORECASE,
)
#: A corridor through four countries or more is one route, not a pair's many lines:
#: "the China-Tajikistan-Turkmenistan-Iran-Türkiye multimodal transport corridor".
_LONG_COUNTRY_CORRIDOR = re.compile(
    r"^(?:[^-–—\s]+\s?[-–—]\s?){3,}[^-–—\s]+\s.*\bcorridor$", re.IGNORECASE
)


def new_entities(view: SentenceView, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """Things named in the sentence by a pattern that no known name covers; no settlement
    of a country outside ``countries.csv`` ("Istanbul (Türkiye)": the corpus's rule 5), no
    continent ("Европа") and no facility named by the part of the world it serves."""
    for found in _gathered(view, gazetteer):
        payload = found.payload
        if not isinstance(payload, ProposedEntity):
            yield found
            continue
        place = payload.entity_kind is EntityKind.PLACE
        if place and (
            foreign_settlement(payload.name, gazetteer) or names_a_world_region(payload.name)
        ):
            continue  # "Istanbul", "Европа": no settlement of the system
        if serves_a_world_region(payload.name):
            continue  # "a transit hub for Eurasia": a role, not a facility
        if _FORMER.search(view.text, max(0, found.start - 30), found.start):
            continue  # "the former Tajik Gold-Ore Factory": a thing that is no more
        if _SERVICE_CLASS.fullmatch(payload.name):
            continue  # "China-Europe freight train": the class of services, no new one
        if _UNIT_FIRST.match(payload.name):
            continue  # "MW power line" of "a 115 MW power line": a figure's unit, no name
        if _MEDIA_WORDS.search(
            view.text, max(0, found.start - 30), found.start
        ) or _MEDIA_AFTER.match(view.text, found.end):
            continue  # "корреспондент центра деловой информации Kapital.kz": the outlet
        yield found


#: The classes of freight service between China and a region, named bare: "China-Europe
#: freight train", "China's China-Europe freight train service", "China-Central Asia freight
#: train" (a service with its own ends or operator, "Chang'an China-Europe freight train",
#: "Chongqing – Tashkent freight train", is named otherwise).
_SERVICE_CLASS = re.compile(
    r"(?:China's\s+)?China\s?[-–—]\s?(?:Europe|Central\s+Asia)(?:\s?[-–—]\s?China)?\s+"
    r"(?:freight|cargo|container)\s+(?:trains?|train\s+services?|services?|routes?|express)"
    r"|(?:грузов\w+\s+)?(?:поезд\w*|контейнерн\w+\s+поезд\w*)\s+«?Китай\s?[-–—]\s?(?:Европа|Центральная\s+Азия)»?",
    re.IGNORECASE,
)
#: A name that opens on a unit of a figure: "MW power line", "кВ линия".
_UNIT_FIRST = re.compile(r"(?:MW|GW|kW|kV|km|МВт|ГВт|кВт|кВ|км)\b", re.IGNORECASE)
#: A news outlet named as the source: "корреспондент центра деловой информации Kapital.kz",
#: "reports the business information centre Kapital.kz".
_MEDIA_WORDS = re.compile(
    r"(?<![\w-])корреспондент\w*\s+$|\bcorrespondent\s+(?:of\s+)?(?:the\s+)?$", re.I
)
_MEDIA_AFTER = re.compile(r"\s+[\w-]+\.(?:kz|ru|uz|kg|tj|tm|com|cn|net|org)\b", re.IGNORECASE)
#: A name after "former" ("on the basis of the former X", "бывшего комбината"): gone, not new.
_FORMER = re.compile(r"(?:\bformer|(?<![\w-])бывш\w+)\s+(?:the\s+)?$", re.IGNORECASE)


def _gathered(view: SentenceView, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """Every new thing the rules read in the sentence."""
    known = [(m.start, m.end) for m in view.matches if _names_a_thing(m.entries)]
    ends = [(m.start, m.end) for m in view.matches if _a_crossing_by_its_post(m)]
    for name, start, end in crossing_pairs(view):  # two posts, one crossing
        known.append((start, end))
        yield _new(EntityKind.CROSSING, name, start, end, parties_named(view, start, end))
    for kind, pattern in _RULES:
        for found in pattern.finditer(view.sentence):
            start, end = view.start + found.start("name"), view.start + found.end("name")
            if any(
                a < end
                and start < b
                and not (kind is EntityKind.PROJECT and (a, b) in ends and start < a and b <= end)
                for a, b in known
            ):
                continue  # a crossing's post at a line's end ("автодорога Барскоон – Бедел") is an end
            if _MINE.search(found.group("name")) and _like_a_known_project(
                found.group("name"), gazetteer
            ):
                continue  # "the Zarafshan mine": another spelling of a known project's name
            if _PART_KIND.search(found.group("name")) and _project_near(view):
                continue  # a tunnel or line of a known project is a part of it, not a new thing
            if kind is EntityKind.PROJECT and _INCLUDED.search(view.text, view.start, start):
                continue  # "Проект включает реабилитацию участков …": parts of the project
            name = re.sub(
                r"^тоннел\w*",
                "тоннель",
                view.text[start:end].replace("«", "").replace("»", "").strip(),
            )
            name = _head_in_nominative(name)  # "автодороги Барскоон – Бедел": "автодорога …"
            words = [t for t in tokenise(name) if t.capitalised]
            if not words or any(_GENERIC.match(w.text) for w in words[:1]):
                continue
            if all(
                gazetteer.is_country_word(w.key) or w.key in _REGION_WORDS for w in words
            ) and not _LONG_COUNTRY_CORRIDOR.search(name):
                continue  # "China–Kazakhstan railway": too generic to be a new thing
            if _LONG_COUNTRY_CORRIDOR.search(name) and not _SERVICE.search(view.sentence):
                continue  # a corridor only promoted or discussed is a route (rule 29)
            proper = {
                w.key
                for w in words
                if w.key not in _KIND_WORDS | _COMPASS and not gazetteer.is_country_word(w.key)
            }  # a compass pair ("North-South highway") names no ends another line may share
            if (
                kind is EntityKind.PROJECT
                and len(proper) >= 2
                and gazetteer.project_with_words(proper, at_least=2)
            ):
                continue  # a known line's ends in another order, or a section of it
            if kind is not EntityKind.PROJECT and (
                gazetteer.place_word(words[0].key)
                or view.known_name_over(start, end, EntryKind.PLACE)
            ):
                continue  # a known place's crossing or port, named after it ("Nur Zholy")
            known.append((start, end))
            countries = parties_named(view, start, end) or _countries_of_places(view, start, end)
            yield _new(kind, name, start, end, countries)
    yield from listed_places(view, gazetteer)
    yield from paired_tunnels(view)
    for candidate in route_places(view, gazetteer):
        known.append((candidate.start, candidate.end))
        yield candidate
    names_known = {(m.start, m.end) for m in view.matches}
    for name, start, end in route_chain_places(view, gazetteer):
        # a stop may be a word of a project's name ("Maktaaral"): only new things already
        # proposed cover it
        if not any(a < end and start < b for a, b in known if (a, b) not in names_known):
            known.append((start, end))
            yield _new(EntityKind.PLACE, name, start, end, ())
    for name, start, end in quoted_lines(view, gazetteer):
        if not any(
            a < end and start < b and not ((a, b) in ends and start <= a and b <= end)
            for a, b in known
        ):  # a crossing's post among the stops ("… – Бекабад – …") is a stop
            known.append((start, end))
            yield _new(EntityKind.PROJECT, name, start, end, ())
    for name, start, end in [
        *named_services(view, gazetteer),
        *city_chain_services(view, gazetteer),
        *first_trains(view, gazetteer),
    ]:
        if not any(a < end and start < b for a, b in known if (a, b) not in names_known):
            known.append((start, end))
            yield _new(EntityKind.PROJECT, name, start, end, ())
    for name, start, end in listed_crossings(view, gazetteer):
        if not any(a < end and start < b for a, b in known):
            known.append((start, end))
            yield _new(EntityKind.CROSSING, name, start, end, ())
    for name, start, end in built_lines(view, gazetteer):  # its ends are no places apart
        if not any(a < end and start < b for a, b in known):
            known.append((start, end))
            yield _new(EntityKind.PROJECT, name, start, end, ())
    places_known = list(known)  # a facility's or a line's name may hold a new place of its own
    for name, start, end in [
        *named_projects(view, gazetteer),
        *tied_names(view, gazetteer),
        *country_chain_lines(view, gazetteer),
        *built_facilities(view),
        *linking_lines(view, gazetteer),
        *listed_lines(view, gazetteer),
        *line_upgrades(view, gazetteer),
    ]:
        if not any(a < end and start < b for a, b in known):
            known.append((start, end))
            kind = EntityKind.PLACE if _A_STATION.search(name) else EntityKind.PROJECT
            yield _new(kind, name, start, end, ())  # a station is a place (rule 19)
    for name, start, end in [  # a held place's airport or station
        *own_named_airports(view),
        *place_airports(view, gazetteer),
        *station_names(view, gazetteer),
        *apposed_facilities(view, gazetteer),
    ]:
        if not any(a < end and start < b for a, b in known if (a, b) not in names_known):
            known.append((start, end))
            places_known.append((start, end))
            yield _new(EntityKind.PLACE, name, start, end, ())
    for name, start, end in [
        *named_facilities(view, gazetteer),
        *quoted_facilities(view, gazetteer),
        *own_named_facilities(view, gazetteer),  # "car plant Astana Motors … (AMMKZ)"
        *named_zones(view, gazetteer),
        *quoted_zones(view, gazetteer),
        *abbreviated_zones(view, gazetteer),
        *listed_units(view, gazetteer),
        *facilities_at_each(view),
        *hosted_facilities(view),
        *hosted_institutes(view),  # "the Confucius Institute at … University"
        *family_members(view, gazetteer),  # "the Luban Workshop in Uzbekistan"
    ]:
        if not any(a < end and start < b for a, b in known if (a, b) not in names_known):
            known.append((start, end))
            places_known.append((start, end))
            yield _new(EntityKind.PROJECT, name, start, end, ())
    for kind, name, start, end in described_facilities(view, gazetteer):
        if not any(a < end and start < b for a, b in known):
            known.append((start, end))
            yield _new(kind, name, start, end, ())
    for kind, name, start, end in facility_phrases(view, gazetteer):  # noun phrases
        taken = places_known if kind is EntityKind.PLACE else known  # known names: read there
        if not any(a < end and start < b for a, b in taken if (a, b) not in names_known):
            taken.append((start, end))
            yield _new(kind, name, start, end, ())
    towns = list(world_places(view, gazetteer))  # GeoNames' settlements: name, country, place
    for name, start, end in [
        *typed_places(view, gazetteer),
        *new_cities(view, gazetteer),  # "строится новый город Алатау" (rule 46)
        *venues(view, gazetteer),
        *beside_country(view, gazetteer),
        *grouped_places(view, gazetteer),
    ]:
        if not any(a < end and start < b for a, b in places_known):
            places_known.append((start, end))
            yield _town_at(towns, start, end) or _new(EntityKind.PLACE, name, start, end, ())
    for name, start, end in model_places(view, gazetteer):
        if not any(a < end and start < b for a, b in places_known):
            places_known.append((start, end))
            found_by_model = _town_at(towns, start, end) or _new(
                EntityKind.PLACE, name, start, end, ()
            )
            yield dataclasses.replace(found_by_model, confidence=NER_CONFIDENCE)
    for town in towns:  # settlements only GeoNames read (with a cue)
        if not any(a < town.end and town.start < b for a, b in places_known):
            places_known.append((town.start, town.end))
            yield town


def _town_at(towns: list[Candidate], start: int, end: int) -> Candidate | None:
    """The world gazetteer's reading of a place another rule found at ``start:end`` (with its
    country and coordinates), when it covers those words."""
    return next((t for t in towns if t.start <= start and end <= t.end), None)


_PLACE_NAME = r"[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
_SETTLEMENTS = frozenset({"towns", "cities"})
_PLACE_LIST = re.compile(
    r"\b(?P<noun>airports?|stations?|ports?|towns|cities)\s+(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?of\s+"
    r"(?P<list>"
    + _PLACE_NAME
    + r"(?:,\s+"
    + _PLACE_NAME
    + r")*(?:,?\s+and\s+"
    + _PLACE_NAME
    + r"))"
)


_RU_PLACE_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
#: "аэропорты в курортных зонах Зайсан, Катон-Карагай и Кендирли".
_RU_PLACE_LIST = re.compile(
    r"(?<![\w-])(?P<noun>аэропорт|станци)\w*\s+в\s+(?:[а-яё]+\s+){1,3}?(?P<list>"
    + _RU_PLACE_NAME
    + r"(?:,\s+"
    + _RU_PLACE_NAME
    + r")*,?\s+и\s+"
    + _RU_PLACE_NAME
    + r")"
)
_RU_FACILITY = {"аэропорт": "Аэропорт", "станци": "Станция"}


def listed_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """Places listed after "airports in the resort areas of …" that the knowledge base lacks,
    and the airport, station or port each has ("Zaisan airport": rule 6)."""
    for found in _PLACE_LIST.finditer(view.sentence):
        base = view.start + found.start("list")
        facility = re.sub(r"s$", "", found["noun"]) if found["noun"] not in _SETTLEMENTS else None
        for name in re.finditer(_PLACE_NAME, found["list"]):
            start, end = base + name.start(), base + name.end()
            if view.known_name_over(start, end):
                continue
            if gazetteer.place_word(tokenise(name.group())[0].key):
                continue
            yield _new(EntityKind.PLACE, name.group(), start, end, ())
            if facility is not None:
                yield _new(EntityKind.PLACE, f"{name.group()} {facility}", start, end, ())
    for found in _RU_PLACE_LIST.finditer(view.sentence):
        base = view.start + found.start("list")
        for name in re.finditer(_RU_PLACE_NAME, found["list"]):
            start, end = base + name.start(), base + name.end()
            if view.known_name_over(start, end) or gazetteer.place_word(
                tokenise(name.group())[0].key
            ):
                continue
            yield _new(EntityKind.PLACE, name.group(), start, end, ())
            head = _RU_FACILITY[found["noun"]]
            yield _new(EntityKind.PLACE, f"{head} {name.group()}", start, end, ())


def _new(
    kind: EntityKind, name: str, start: int, end: int, countries: tuple[str, ...]
) -> Candidate:
    return Candidate(
        payload=ProposedEntity(entity_kind=kind, name=name, country_ids=countries),
        start=start,
        end=end,
        confidence=0.5,
        flags=(
            Flag(
                code=FlagCode.UNKNOWN_ENTITY,
                message=f"the knowledge base has no {kind.value} called '{name}'",
            ),
        ),
    )


def new_place(name: str, start: int, end: int, country: str | None) -> Candidate:
    """A place the knowledge base lacks, found by another rule (a twinned city)."""
    return _new(EntityKind.PLACE, name, start, end, (country,) if country else ())


_LOWER_HEAD = re.compile(r"^(?P<head>[а-яё-]+(?:\s+[а-яё-]+)*)(?P<rest>\s+[«\"]?[А-ЯЁ\d].*)$")


def _head_in_nominative(name: str) -> str:
    """A Russian name whose lower-case head comes first ("автодороги Барскоон – Бедел"), with
    that head in the nominative ("автодорога Барскоон – Бедел"); other names as written."""
    found = _LOWER_HEAD.match(name)
    if found is None:
        return name
    head = nominative_phrase(found["head"])
    head = head[:1].lower() + head[1:]  # the case the text wrote it in
    return head + found["rest"]


def _a_crossing_by_its_post(match: Match) -> bool:
    """True for a crossing's name (its post's, "Бедел"): at a line's end it is a place."""
    return bool(match.ids(EntryKind.CROSSING)) and not match.ids(EntryKind.PROJECT)


def _names_a_thing(entries: tuple[Entry, ...]) -> bool:
    """True for a known project, crossing or agreement (places and countries may be parts)."""
    return any(
        e.kind in (EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.AGREEMENT) for e in entries
    )


def _countries_of_places(view: SentenceView, start: int, end: int) -> tuple[str, ...]:
    found: list[str] = []
    for match in view.of_kind(EntryKind.PLACE):
        if start <= match.start and match.end <= end:
            for place_id in match.ids(EntryKind.PLACE):
                country = place_id.split("-", 1)[0]
                if country not in found:
                    found.append(country)
    return tuple(found)


_TUNNEL_PAIR = re.compile(
    r"(?<![\w-])тоннел\w*\s+«(?P<a>" + _RU_NAME + r")»\s+и\s+«(?P<b>" + _RU_NAME + r")»"
)


def paired_tunnels(view: SentenceView) -> Iterator[Candidate]:
    """Both tunnels of "в тоннелях «А» и «Б»" (the single rule reads neither)."""
    if _project_near(view):
        return  # tunnels of a known project are its parts
    for found in _TUNNEL_PAIR.finditer(view.sentence):
        for group in ("a", "b"):
            start, end = view.start + found.start(group), view.start + found.end(group)
            if not view.known_name_over(start, end):
                yield _new(EntityKind.PROJECT, f"тоннель {found[group]}", start, end, ())


#: A route through places: "through Gyzylgaya, Bereket and Etrek in Turkmenistan to Gorgan".
_ROUTE_LIST = re.compile(
    r"\b(?:through|via|from|to|between)\s+(?P<list>"
    + _PLACE_NAME
    + r"(?:,\s+"
    + _PLACE_NAME
    + r")*(?:,?\s+and\s+"
    + _PLACE_NAME
    + r")?)(?=\s+in\s+[A-Z]|\s*[,.;]|\s+(?:to|through|via|and)\b)"
)


_IN_COUNTRY_AFTER = re.compile(r"\s+in\s+(?P<c>[A-Z][\w'’]+)")


def route_places(view: SentenceView, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """Unknown names in a route whose other stops are known places, or that the route puts
    "in" a country ("to Gorgan in Iran's Golestan province")."""
    if not re.search(
        r"\b(?:railway|railroad|line|road|highway|route|corridor|trains?)\b", view.sentence, re.I
    ):
        return
    for found in _ROUTE_LIST.finditer(view.sentence):
        base = view.start + found.start("list")
        names = list(re.finditer(_PLACE_NAME, found["list"]))
        known = [
            n
            for n in names
            if any(
                m.start <= base + n.start() < m.end and m.ids(EntryKind.PLACE) for m in view.matches
            )
        ]
        in_country = _IN_COUNTRY_AFTER.match(view.sentence[found.end() :])
        country = in_country is not None and gazetteer.is_country_word(
            tokenise(in_country["c"])[0].key
        )
        if not known and not (country and len(names) == 1):
            continue
        for name in names:
            start, end = base + name.start(), base + name.end()
            if view.known_name_over(start, end):
                continue
            key = tokenise(name.group())[0].key
            if (
                gazetteer.place_word(key)
                or gazetteer.is_country_word(key)
                or _GENERIC.match(name.group())
            ):
                continue
            yield _new(EntityKind.PLACE, name.group(), start, end, ())


def _project_near(view: SentenceView) -> bool:
    """True when the sentence or one of the two before names a known project by a name the
    knowledge base holds (a line recognised only by the ends of its stops is too weak a
    cue to make the tunnels beside it its parts)."""
    return any(
        m.method is not MatchMethod.VARIANT or m.variant_of is not None
        for current in view.with_previous(2)
        for m in current.of_kind(EntryKind.PROJECT)
    )
