"""Running the extraction rules over a document: sentences, names, dates, then each rule.

Two passes: the first finds every sentence's names and dates and what the document is
about (a summit's place and date, whether it speaks of Central Asia); the second runs
the rules of each fact kind on each sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from caravan.analysis.ingest.adjectival_projects import by_project_adjective
from caravan.analysis.ingest.adjective_inside import by_name_without_description
from caravan.analysis.ingest.agreed_works import agreed_works
from caravan.analysis.ingest.agreements import agreements
from caravan.analysis.ingest.context import (
    MEMBERS,
    Candidate,
    DocumentContext,
    SentenceView,
)
from caravan.analysis.ingest.dateline import find_dateline
from caravan.analysis.ingest.dates import DateMention, find_dates
from caravan.analysis.ingest.entities import new_entities
from caravan.analysis.ingest.events import STATUS_TRIGGERS, status_events
from caravan.analysis.ingest.facilities import facility_heads, facility_mentions
from caravan.analysis.ingest.figures import CROSSING_FIGURES, PROJECT_FIGURES, figures
from caravan.analysis.ingest.gapped_events import gapped_events
from caravan.analysis.ingest.gazetteer import Entry, EntryKind, Gazetteer, Match, gazetteer_for
from caravan.analysis.ingest.kind_at_place import by_kind_and_place
from caravan.analysis.ingest.later_signing import dated_by_later_sentence
from caravan.analysis.ingest.listed_country_lines import (
    CountryLine,
    by_listed_countries,
    country_reader,
    country_sets,
)
from caravan.analysis.ingest.mode_words import (
    LineProject,
    by_countries_in_other_order,
    by_mode_word,
)
from caravan.analysis.ingest.morphology import LemmaMatch, lemma_of, only_plural
from caravan.analysis.ingest.other_objects import (
    LINE_LEMMAS,
    line_word_for_other_kind,
    names_other_thing,
)
from caravan.analysis.ingest.other_of_kind import another_of_its_kind
from caravan.analysis.ingest.route_ends import lines_by_a_pair, lines_by_their_ends
from caravan.analysis.ingest.russian_ner import named_spans
from caravan.analysis.ingest.sentences import Sentence, split_sentences
from caravan.analysis.ingest.sibling_lines import (
    Siblings,
    by_lettered_line,
    named_by_letter,
    siblings_of,
)
from caravan.analysis.ingest.suspicious import suspicious_statements
from caravan.analysis.ingest.tokens import tokenise
from caravan.model.enums import DatePrecision, ProjectKind, ProjectStatus
from caravan.model.proposals import DocumentMeta
from caravan.store import KnowledgeBase

__all__ = ["Extracted", "extract"]

_SUMMIT = re.compile(r"summit|саммит", re.IGNORECASE)
#: How many sentences after the first mention of a summit may give its place and day.
_SUMMIT_SENTENCES = 3
#: Mentions of Central Asia or its states (besides China) that make a text "about" it.
_ABOUT_CENTRAL_ASIA = 2


@dataclass(frozen=True)
class Extracted:
    """A candidate fact and the sentence it was read from."""

    candidate: Candidate
    sentence: Sentence


def extract(kb: KnowledgeBase, text: str, meta: DocumentMeta) -> list[Extracted]:
    """Every candidate fact the rules read from ``text``, in document order."""
    gazetteer = gazetteer_for(kb)
    reference = meta.published_on
    latest = _last_day(reference, meta.published_precision)
    found: list[tuple[Sentence, tuple[Match, ...], tuple[DateMention, ...]]] = []
    project_countries = {p.id: set(p.countries) - {"cn"} for p in kb.projects()}
    lines = [LineProject(p.id, p.name_en, p.kind, frozenset(p.countries)) for p in kb.projects()]
    project_names = [(p.id, (p.name_en, *p.aliases)) for p in kb.projects()]
    country_lines = [
        CountryLine(
            p.id, p.name_en, p.kind, country_sets(p.name_en, p.countries, country_reader(gazetteer))
        )
        for p in kb.projects()
        if p.kind in (ProjectKind.RAILWAY, ProjectKind.ROAD, ProjectKind.PIPELINE)
    ]
    siblings = siblings_of((p.id, (p.name_en, *p.aliases)) for p in kb.projects())
    heads = facility_heads(
        ((p.id, name) for p in kb.projects() for name in (p.name_en, *p.aliases)), gazetteer
    )
    sentences = split_sentences(text)
    names = [
        _with_nested_projects(text, gazetteer.find(text, s.start, s.end), gazetteer)
        for s in sentences
    ]
    document_countries = _countries_named([m for found_here in names for m in found_here])
    for sentence, named_here in zip(sentences, names, strict=True):
        matches = tuple(
            m
            for m in _one_project_each(named_here, project_countries, document_countries)
            if not (
                m.ids(EntryKind.PROJECT)
                and (
                    _COMPANY_AFTER.match(text, m.end)
                    or (
                        _COMPANY_BEFORE.search(text, max(0, m.start - 8), m.start)
                        and _NAME_GOES_ON.match(text, m.end)
                    )
                    or _in_longer_chain(text, m.start, m.end)
                    or _SETTLEMENT_BEFORE.search(text, max(0, m.start - 24), m.start)
                )
            )
        )
        # "the Turkmenistan-China transnational gas pipeline": the held line
        matches = tuple(
            by_name_without_description(text, sentence.start, sentence.end, matches, gazetteer)
        )
        # "line D of the Central Asia – China gas pipeline": line D, not lines A–C
        matches = tuple(by_lettered_line(text, sentence.start, sentence.end, matches, siblings))
        # "автодороги Китай — Кыргызстан — …": the road, whatever the railway's aliases
        matches = tuple(by_mode_word(text, matches, lines, gazetteer.is_country_word))
        # "the Uzbekistan–Kyrgyzstan–China railway": the held line, its countries reordered
        matches = tuple(
            by_countries_in_other_order(text, matches, lines, gazetteer.is_country_word)
        )
        # "the railway linking China, Kyrgyzstan and Uzbekistan": the held line they name
        matches = tuple(by_listed_countries(text, matches, country_lines))
        # "«сухой порт» Хоргос": the one held dry port whose names carry the place
        matches = tuple(by_kind_and_place(text, matches, project_names))
        # "Актогайский ГОК": the project held as "Актогай"
        matches = tuple(
            by_project_adjective(text, sentence.start, sentence.end, matches, gazetteer)
        )
        routes = lines_by_their_ends(text, sentence.start, sentence.end, gazetteer, list(matches))
        routes += lines_by_a_pair(text, gazetteer, list(matches))  # "Maktaral–Darbaza"
        if routes:  # "the Dushanbe-Kulob-Darvaz-Murghab-Kulma route": a known line's ends
            matches = tuple(sorted([*matches, *routes], key=lambda m: m.start))
        facilities = facility_mentions(text, sentence.start, sentence.end, list(matches), heads)
        if facilities:  # "the Aktogay copper project": the project, not the place inside it
            matches = tuple(
                sorted(
                    [
                        *(
                            m
                            for m in matches
                            if not any(f.start <= m.start and m.end <= f.end for f in facilities)
                        ),
                        *facilities,
                    ],
                    key=lambda m: m.start,
                )
            )
        dates = tuple(
            DateMention(
                d.start + sentence.start, d.end + sentence.start, d.date, d.precision, d.since,
                d.inferred_year,
            )
            for d in find_dates(sentence.text, reference, latest)
        )  # fmt: skip
        found.append((sentence, matches, dates))
    context = _context(kb, meta, found)
    if meta.language == "ru":  # the model's names, for rules that need a cue besides
        context = dataclasses.replace(context, named_spans=named_spans(text))
    titles = _agreement_titles(gazetteer)
    results: list[Extracted] = []
    salient: dict[EntryKind, tuple[int, Match]] = {}
    referred_at: dict[EntryKind, int] = {}  # the last sentence that referred back to it
    lent_at: dict[EntryKind, int] = {}  # the last sentence whose bare status phrase it took
    only = _only_crossing(found, context)
    previous: SentenceView | None = None
    read: list[tuple[Candidate, SentenceView, Sentence]] = []
    views: list[SentenceView] = []
    for number, (sentence, matches, dates) in enumerate(found):
        borrowed = _referred_back(
            text,
            sentence,
            matches,
            (salient, referred_at, lent_at),
            number,
            context.crossings_at,
            context.project_kinds,
        ) or _the_one(text, sentence, matches, only)
        view = SentenceView(
            text,
            sentence.start,
            sentence.end,
            tuple(sorted([*matches, *borrowed], key=lambda m: m.start)),
            dates,
            context,
            previous=previous,
        )
        if not _LINKS.match(text, sentence.start):  # links to other stories report nothing here
            read.extend(
                (candidate, view, sentence) for candidate in _rules(view, gazetteer, titles)
            )
        views.append(view)
        for match in matches:
            if another_of_its_kind(text, match):
                salient.pop(EntryKind.PROJECT, None)  # "the second Luban Workshop": "the
                continue  # workshop" after it is that new one, not the held one named before
            for kind in (EntryKind.PROJECT, EntryKind.CROSSING):
                if match.ids(kind):
                    kept = kind is EntryKind.PROJECT and _system_after_its_line(
                        match, salient, siblings
                    )  # the system's name after one of its lines: that line, said again
                    salient[kind] = (number, salient[kind][1] if kept else match)
                    referred_at.pop(kind, None)
                    lent_at.pop(kind, None)
            if any(context.crossings_at.get(i) for i in match.ids(EntryKind.PLACE)):
                salient[EntryKind.PLACE] = (number, match)
        for match in borrowed:  # "Линия соединит …": the text still speaks of the line
            if match.ids(EntryKind.PROJECT) and _refers_to_whole_line(text, match.start, match.end):
                referred_at[EntryKind.PROJECT] = number
            elif match.ids(EntryKind.PROJECT) and not _ANAPHOR.fullmatch(match.text):
                lent_at[EntryKind.PROJECT] = number  # "Работы начались в 2023 году. С тех пор …"
        previous = view
    dated = dated_by_later_sentence([(c, v) for c, v, _ in read], views)
    results.extend(Extracted(c, s) for c, (_, _, s) in zip(dated, read, strict=True))
    return results


#: A line of links to other stories, page furniture: "Read also: …", "Читайте также: …".
_LINKS = re.compile(
    r"\s*(?:Read\s+(?:also|more)|See\s+also|Also\s+read|Related(?:\s+(?:news|stories|articles))?"
    r"|More\s+on\s+this|Читайте\s+также|Также\s+читайте|Смотрите\s+также|Читайте\s+по\s+теме|По\s+теме)"
    r"\s*[:\-–—]",
    re.IGNORECASE,
)
#: A signing at an event: "documents were signed at the conference …", "подписаны на
#: конференции в рамках … ярмарки".
_SIGNED_AT_EVENT = re.compile(
    r"\bsigned\b[^.;]{0,60}?\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the\s+)?[^.;]{0,60}?"
    r"\b(?:conference|fair|forum|summit|expo|exhibition|meeting)"
    r"|(?<![\w-])подписа\w*[^.;]{0,60}?(?:на|в\s+ходе|в\s+рамках)\s+[^.;]{0,80}?"
    r"(?:конференци|ярмарк|форум|саммит|выставк|встреч|заседани)\w*",
    re.IGNORECASE,
)


def _signing_place(
    found: list[tuple[Sentence, tuple[Match, ...], tuple[DateMention, ...]]], gazetteer: Gazetteer
) -> str | None:
    """The place of the first signing at an event the text reports: a place named in that
    sentence after the signing verb, or a place's adjective ("Кашгарской ярмарки")."""
    for sentence, matches, _ in found:
        event = _SIGNED_AT_EVENT.search(sentence.text)
        if event is None:
            continue
        after = sentence.start + event.start()
        places = [m for m in matches if m.start >= after and m.ids(EntryKind.PLACE)]
        if places:
            return places[0].ids(EntryKind.PLACE)[0]
        for token in tokenise(sentence.text[event.start() :]):
            place = gazetteer.place_of_adjective(token.key)
            if place is not None:
                return place
    return None


#: Words that refer back to a project or crossing named in an earlier sentence.
_ANAPHOR = re.compile(
    r"\b(?:the|this|its|that)\s+(?:[\d,.]+[- ](?:km|kilomet(?:re|er)s?|mile)\s+)?"
    r"(?:new\s+|double-track\s+|single-track\s+|whole\s+|entire\s+)?"
    r"(?:line|railway|railroad|road|highway|project|pipeline|section|route|plant|deposit|mine"
    r"|complex|track|link|corridor|port|crossing|checkpoint|border\s+post|facility|enterprise"
    r"|platform|workshop|branch|campus|centre|center|tunnel|site)\b"
    r"|\bits\s+(?:total\s+|overall\s+|full\s+)?(?:length|cost|capacity)\b"
    r"|(?<![\w-])(?:лини\w+|дорог\w+|проект\w*|трасс\w+|участ\w+|газопровод\w*|пункт\w*\s+пропуска|КПП|АПП|ППС"
    r"|мастерск\w+|филиал\w*|кампус\w*|комбинат\w*|завод\w*|месторождени\w+|рудник\w*|предприяти\w+"
    r"|(?:е[её]|его)\s+(?:общая\s+|полная\s+)?(?:протяж[её]нност\w*|длин\w*|стоимост\w*|мощност\w*))(?![\w-])",
    re.IGNORECASE,
)
#: Words referring back to a whole line or project (not to a section or a stage of it): each
#: keeps the text's project in view for the sentences after ("Линия соединит …").
_WHOLE_LINE_ANAPHOR = re.compile(
    r"(?:the|this|that)\s+(?:new\s+)?(?:line|railway|railroad|road|highway|pipeline|project)",
    re.IGNORECASE,
)


def _crossing_word_for_other_kind(words: str, kinds: list[ProjectKind]) -> bool:
    """True when a word referring back names a border crossing ("the checkpoint", "пункт
    пропуска", "КПП") and the project in view is of no kind a crossing is (a trade centre)."""
    return (
        bool(kinds)
        and ProjectKind.BORDER_CROSSING not in kinds
        and _CROSSING_WORD.search(words) is not None
    )


#: Words for a border crossing.
_CROSSING_WORD = re.compile(
    r"\b(?:crossing|checkpoint|border\s+post)\b|(?<![\w-])(?:пункт\w*\s+пропуска|КПП|АПП|ППС)(?![\w-])",
    re.IGNORECASE,
)


def _system_after_its_line(
    match: Match, salient: dict[EntryKind, tuple[int, Match]], siblings: Siblings
) -> bool:
    """True when ``match`` is a system's name ("the China – Central Asia gas pipeline") and the
    project in view is one of its other lines ("Line D", or the system's name read as it): the
    report goes on about that line, so "completion is scheduled for 2016" after it is the line's."""
    if EntryKind.PROJECT not in salient or match.borrowed or named_by_letter(match.text):
        return False
    earlier = salient[EntryKind.PROJECT][1]
    ids, before = match.ids(EntryKind.PROJECT), earlier.ids(EntryKind.PROJECT)
    return len(ids) == 1 and len(before) == 1 and before[0] in siblings.of.get(ids[0], frozenset())


def _refers_to_whole_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` refers back to a whole line ("the line", "линию", "дороги"),
    not to a part of it, and not "по линии ШОС" (through a body) or "дорогостоящий" (costly)."""
    words = text[start:end].split()
    if _WHOLE_LINE_ANAPHOR.fullmatch(text, start, end):
        return True
    if len(words) != 1 or re.search(r"(?<![\w-])по\s+$", text[max(0, start - 4) : start]):
        return False
    return lemma_of(words[0]).lemma in LINE_LEMMAS


#: Anaphors that name a line or a project, never a border post.
_LINE_WORD = re.compile(
    r"line|railway|railroad|road|highway|project|pipeline|route|track|corridor|лини|дорог|проект|трасс",
    re.IGNORECASE,
)
#: A known name inside a company's name ("… Railway Company LLC") is not the project.
_COMPANY_AFTER = re.compile(
    # a word or two of the company's own may come first: "KAZ Minerals Smelting LLP"
    r"(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s*(?:(?:Company|LLC|LLP|Ltd|JSC|PLC|Corporation|Corp|Holding)\b"
    r"|Co\.)"  # "Co." ends in a stop, after which no word boundary need follow
    # or an institution's: "the Silk Road Innovation and Development Institute"
    r"|(?:\s+(?:(?-i:[A-Z])[\w-]*|and|of|for)){0,4}\s+(?-i:Institute|Foundation|Academy|Association)\b",
    re.IGNORECASE,
)
#: A known name right after a company's legal form and inside a longer name ("ООО Silk Road
#: International") is part of the company's name, not the project.
_COMPANY_BEFORE = re.compile(r"(?<![\w-])(?:ООО|ТОО|АО|ОАО|ЗАО|ПАО|LLC|JSC|LLP)\s*[«\"“]?$")
_NAME_GOES_ON = re.compile(r"\s+[A-ZА-ЯЁ]")
#: A settlement's noun before a name ("near the village of Aktogai", "в селе Актогай"): the
#: place, not the project named after it.
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:village|town|settlement|city)\s+of\s+$|(?<![\w-])(?:сел[оеау]|посёлк\w*|поселк\w*|посёл\w*"
    r"|пос\.|аул\w*|город\w*)\s+$",
    re.IGNORECASE,
)
#: A capitalised name right after a noun: the noun is named, it does not refer back.
_OWN_NAME_AFTER = re.compile(r"\s+[«\"]?[A-ZА-ЯЁ][\w']*\s?[-–—]\s?[A-ZА-ЯЁ]")
#: Other things of the same sort brought in by a count or "other": "two or three explored
#: deposits where production is held up" is not about the document's one project.
_OTHER_THINGS = re.compile(
    r"\b(?:other|another|several|some|two|three|four|five|many|a\s+number\s+of)\s+(?:or\s+\w+\s+)?"
    r"(?:[\w-]+\s+)?(?:deposits|projects|mines|plants|lines|roads|fields|sites|railways|enterprises)\b"
    r"|(?<![\w-])(?:други[ехм]|нескольк\w+|ряд)\s+(?:\w+\s+)?(?:месторождени|проект|рудник|завод|дорог|лини|объект)\w*"
    # a part of things counted: "work at 46 of them should be finished", "на 46 из них"
    r"|\b\d[\d,]*\s+of\s+them\b|(?<![\w-])\d[\d\s]*\s+из\s+них(?![\w-])",
    re.IGNORECASE,
)
_SECTION_WORD = re.compile(r"участ|section|stretch", re.IGNORECASE)
#: A possessive anaphor ("its branch") and a body named by name in its sentence before it
#: ("Xi'an Polytechnical University, which opened its branch"): the branch is that body's.
_OWNED_BY_NAMED = re.compile(
    r"\bits\s+(?:own\s+|new\s+|first\s+)?(?:branch|campus|office|subsidiary|plant|factory|workshop)\b"
    r"|(?<![\w-])сво(?:й|его|ем|ём|им)\s+(?:нов\w+\s+|перв\w+\s+)?(?:филиал|кампус|офис|завод|мастерск)\w*",
    re.IGNORECASE,
)
_ORGANISATION_NAMED = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:University|Institute|College|Academy|Company|Group|Corporation|Bank"
    r"|Ministry|Agency|Holding|Holdings)\b"
    r"|[А-ЯЁ][\w-]*\s+(?:[\w-]+\s+){0,2}?(?:университет|институт|колледж|академи|компани|корпораци"
    r"|банк)\w*"
)
#: A name in a longer chain of ends ("Душанбе-Вахдат-Яван-Курган-Тюбе") names a longer line.
_CHAIN_BEFORE = re.compile(r"[A-ZА-ЯЁ][\w']*\s?[-–—]\s?$")
_CHAIN_AFTER = re.compile(r"\s?[-–—]\s?[A-ZА-ЯЁ]")


def _in_longer_chain(text: str, start: int, end: int) -> bool:
    return bool(
        _CHAIN_BEFORE.search(text, max(0, start - 30), start) or _CHAIN_AFTER.match(text, end)
    )


def _last_day(day: dt.date | None, precision: DatePrecision) -> dt.date | None:
    """The last day a document dated ``day`` may be from: its year's or month's end when
    only that is known ("On May 20" in a report of 2016 is 20 May 2016, not 2015)."""
    if day is None or precision is DatePrecision.DAY:
        return day
    if precision is DatePrecision.YEAR:
        return dt.date(day.year, 12, 31)
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


#: How many sentences back a thing stays the one "the line" refers to.
_SALIENT_SENTENCES = 6


def _referred_back(
    text: str,
    sentence: Sentence,
    matches: tuple[Match, ...],
    in_view: tuple[dict[EntryKind, tuple[int, Match]], dict[EntryKind, int], dict[EntryKind, int]],
    number: int,
    crossings_at: dict[str, tuple[tuple[str, str], ...]],
    project_kinds: Mapping[str, ProjectKind],
) -> list[Match]:
    """Stand-ins for an earlier sentence's project or crossing where this one refers back.

    A project named more than six sentences back is still in view when a sentence since
    referred to the whole of it ("Линия соединит …"), and then only for a word that does the
    same ("Строить линию начали …"), not "it" or "the second stage"."""
    salient, referred_at, lent_at = in_view
    borrowed: list[Match] = []
    for kind in (EntryKind.PROJECT, EntryKind.CROSSING, EntryKind.PLACE):
        if kind not in salient or any(_names_subject(m, kind, crossings_at) for m in matches):
            continue
        if kind is EntryKind.PLACE and any(m.ids(EntryKind.CROSSING) for m in matches):
            continue
        said_at, earlier = salient[kind]
        kept_in_view = number - said_at > _SALIENT_SENTENCES
        if kept_in_view and number - referred_at.get(kind, said_at) > _SALIENT_SENTENCES:
            continue
        anaphor: re.Match[str] | LemmaMatch | None = _ANAPHOR.search(
            text, sentence.start, sentence.end
        )
        # "The line is 532 km long. For now the builders are boring tunnels": the sentence
        # after one that referred back to the whole line goes on about it too
        last_said = max(said_at, referred_at.get(kind, said_at), lent_at.get(kind, said_at))
        # lent by the referring sentence alone: to the status phrase, not to a figure in it
        status_only = kind is EntryKind.PROJECT and anaphor is None and number - said_at > 1
        if (
            anaphor is None
            and number - last_said <= (1 if kind is EntryKind.PROJECT else 4)
            and not _OTHER_THINGS.search(text, sentence.start, sentence.end)
        ):
            # News goes on about the thing of the sentence before: "Construction started on
            # 13 September", "up to 800 trucks a day will be accepted", with no "the line".
            anaphor = (
                _first_status_phrase(text, sentence)
                if kind is EntryKind.PROJECT
                else _first_crossing_figure(text, sentence)
            )
            if kind is EntryKind.PROJECT and (
                names_other_thing(text, sentence.start, sentence.end, earlier)
                or _possessed_by_other(text, sentence, earlier)
                or _plural_of(text, sentence, earlier)
            ):
                continue  # "Jiajiang opened a tea warehouse": the warehouse's, not the line's
        if anaphor is None or any(
            m.start < anaphor.end() and anaphor.start() < m.end for m in matches
        ):
            continue
        if kept_in_view and not _refers_to_whole_line(text, anaphor.start(), anaphor.end()):
            continue  # far back, kept in view: only "the line" again, not "it" or a part
        if kind is EntryKind.PROJECT and names_other_thing(
            text, max(sentence.start, anaphor.start() - _ADJECTIVE_REACH), anaphor.end(), earlier
        ):
            continue  # "the branch" after a workshop, "медеплавильный завод": another kind
        if kind is EntryKind.PROJECT and line_word_for_other_kind(
            text, anaphor.start(), anaphor.end(), [project_kinds[i] for i in earlier.ids(kind)]
        ):
            continue  # "The line will be 14 km long" after a port: another line spoken of
        if kind is EntryKind.PROJECT and _crossing_word_for_other_kind(
            anaphor.group(), [project_kinds[i] for i in earlier.ids(kind)]
        ):
            continue  # "пункт пропуска «Нұр жолы»" after a trade centre: a crossing, not it
        if kind is EntryKind.PROJECT and (
            _plural_of(text, sentence, earlier) or only_plural(anaphor.group().split()[-1])
        ):
            continue  # "Мастерские … откроют в Узбекистане": other ones, not the one before
        if kind is EntryKind.PROJECT and _possessed_by_other(text, sentence, earlier):
            continue  # "The smelter is to stand near … Its cost is $1.5 billion": the smelter's
        if _owned_by_named_body(text, sentence.start, sentence.end):
            continue  # "X University, which opened its branch": that body's branch, not the project
        if kind is EntryKind.PLACE and _LINE_WORD.search(anaphor.group()):
            continue  # "the railway" is a line, not a border post
        if _OWN_NAME_AFTER.match(text, anaphor.end()) and not _SECTION_WORD.search(anaphor.group()):
            continue  # "железной дороги Душанбе-Курган-Тюбе": a line with its own name
            # (a section named by its ends, "участок Мойынты–Балхаш", is still the line's)
        borrowed.append(
            Match(
                anaphor.start(), anaphor.end(), anaphor.group(), earlier.entries, earlier.method,
                None, borrowed=True, status_only=status_only,
            )
        )  # fmt: skip
        if kind is EntryKind.PROJECT and _ANAPHOR.fullmatch(anaphor.group()):
            # "… protested against the mine, and in 2019 the company suspended construction at
            # the site": each later "the site" is the same project, in its own clause.
            borrowed += [
                Match(m.start(), m.end(), m.group(), earlier.entries, earlier.method, None, borrowed=True)
                for m in _ANAPHOR.finditer(text, anaphor.end(), sentence.end)
                if not _OWN_NAME_AFTER.match(text, m.end())
                and not line_word_for_other_kind(
                    text, m.start(), m.end(), [project_kinds[i] for i in earlier.ids(kind)]
                )
                and not _crossing_word_for_other_kind(
                    m.group(), [project_kinds[i] for i in earlier.ids(kind)]
                )
                and not any(x.start < m.end() and m.start() < x.end for x in matches)
            ]  # fmt: skip
        break
    return borrowed


def _rules(view: SentenceView, gazetteer: Gazetteer, titles: dict[str, str]) -> Iterator[Candidate]:
    produced: list[Candidate] = []
    produced.extend(status_events(view))
    produced.extend(gapped_events(view, produced))
    if any(m.status_only for m in view.matches):  # a project lent to the status phrase alone
        view = dataclasses.replace(
            view, matches=tuple(m for m in view.matches if not m.status_only)
        )
    produced.extend(figures(view))
    produced.extend(agreements(view, titles))
    produced.extend(agreed_works(view, produced, lambda earlier: agreements(earlier, titles)))
    produced.extend(new_entities(view, gazetteer))
    covered = [(c.start, c.end) for c in produced]
    produced.extend(suspicious_statements(view, covered, gazetteer))
    yield from produced


def _context(
    kb: KnowledgeBase,
    meta: DocumentMeta,
    found: list[tuple[Sentence, tuple[Match, ...], tuple[DateMention, ...]]],
) -> DocumentContext:
    place_id = None
    summit_date = None
    precision = None
    central_asia = 0
    summit_said: int | None = None
    for number, (sentence, matches, dates) in enumerate(found):
        central_asia += sum(1 for m in matches if _speaks_of_central_asia(m))
        if summit_said is None and _SUMMIT.search(sentence.text):
            summit_said = number
        if summit_said is not None and number - summit_said <= _SUMMIT_SENTENCES:
            # The summit's place and day: in its sentence or the few after it.
            places = [m for m in matches if m.ids(EntryKind.PLACE)]
            days = [d for d in dates if d.precision is not DatePrecision.YEAR]
            if place_id is None and places:
                place_id = places[0].ids(EntryKind.PLACE)[0]
            if summit_date is None and days:
                summit_date, precision = days[0].date, days[0].precision
    dateline = find_dateline(found)
    signing_place_id = _signing_place(found, gazetteer_for(kb))
    crossings_at: dict[str, list[tuple[str, str]]] = {}
    for crossing in kb.crossings():
        for post in (crossing.post_a_id, crossing.post_b_id):
            crossings_at.setdefault(post, []).append((crossing.id, crossing.mode.value))
    return DocumentContext(
        reference=meta.published_on,
        reference_precision=meta.published_precision,
        language=meta.language,
        summit_place_id=place_id,
        summit_date=summit_date,
        summit_precision=precision,
        about_central_asia=central_asia >= _ABOUT_CENTRAL_ASIA,
        project_kinds={p.id: p.kind for p in kb.projects()},
        crossings_at={k: tuple(v) for k, v in crossings_at.items()},
        crossings_of_project=_crossings_of_project(kb),
        agreement_kinds={a.id: a.kind for a in kb.agreements()},
        agreement_dates={a.id: (a.kind, a.signed_on, a.date_precision) for a in kb.agreements()},
        member_names={c.id: c.name_en for c in kb.countries() if c.id in MEMBERS},
        capitals={c.id: c.capital_id for c in kb.countries() if c.capital_id},
        place_kinds={p.id: p.kind for p in kb.places()},
        project_names={p.id: (p.name_en, *p.aliases) for p in kb.projects()},
        dateline_place_id=dateline[0].ids(EntryKind.PLACE)[0] if dateline else None,
        signing_place_id=signing_place_id,
        dateline_start=dateline[0].start if dateline else None,
        dateline_date=dateline[1] if dateline else None,
        in_service_since={
            state.project.id: state.since
            for state in kb.project_states(meta.published_on or dt.date.max)
            if state.status is ProjectStatus.IN_SERVICE and state.since is not None
        },
    )


#: A sentence opening with a possessive: "Its cost …", "Его стоимость …".
_POSSESSIVE = re.compile(r"\W*(?:its|е[её]|его)\s", re.IGNORECASE)
#: How far before an anaphor's noun its adjective may reach ("медеплавильный завод").
_ADJECTIVE_REACH = 25


_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_CYRILLIC_WORDS = re.compile(r"[а-яёА-ЯЁ-]+")


def _plural_of(text: str, sentence: Sentence, project: Match) -> bool:
    """True when the sentence speaks of the project's kind in the plural ("Luban workshop" …
    "Luban workshops are also to be launched in …"): other ones, not the one named before."""
    words = project.text.split()
    if len(words) < 2:
        return False
    plural = re.compile(
        rf"\b{re.escape(words[0])}\s+(?:\w+\s+)?{re.escape(words[-1])}(?:s|es)\b", re.IGNORECASE
    )
    if plural.search(text, sentence.start, sentence.end) is not None:
        return True
    # "мастерскую Лу Баня" … "Мастерские Лу Баня откроют и в …": the Russian head in the plural
    heads = {lemma_of(w).lemma for w in words if _CYRILLIC.match(w) and w[:1].islower()}
    return any(
        lemma_of(w).lemma in heads and only_plural(w)
        for w in _CYRILLIC_WORDS.findall(text, sentence.start, sentence.end)
    )


def _possessed_by_other(text: str, sentence: Sentence, project: Match) -> bool:
    """True when the sentence opens with "its" and the one before opens with a thing of
    another kind than the project: the possessive is that thing's."""
    return _POSSESSIVE.match(text, sentence.start) is not None and _subject_before_is_other(
        text, sentence.start, project
    )


#: The end of the sentence before, and the words that open the one after it.
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+(?=\S)")
_SUBJECT_WORDS = 4


def _subject_before_is_other(text: str, start: int, project: Match) -> bool:
    """True when the sentence before ``start`` opens with a thing of another kind than the
    project ("The smelter is to stand near … Aktogai"): a possessive after it is that thing's."""
    window_start = max(0, start - 600)
    breaks = list(_SENTENCE_BREAK.finditer(text, window_start, max(window_start, start - 1)))
    opening = breaks[-1].end() if breaks else window_start
    words = text[opening:start].split()[:_SUBJECT_WORDS]
    subject_end = opening + len(" ".join(words))
    return names_other_thing(text, opening, subject_end, project)


def _owned_by_named_body(text: str, start: int, end: int) -> bool:
    """True when the sentence speaks of "its branch" (plant, office …) of a body it names."""
    owned = _OWNED_BY_NAMED.search(text, start, end)
    return owned is not None and _ORGANISATION_NAMED.search(text, start, owned.start()) is not None


def _names_subject(
    match: Match, kind: EntryKind, crossings_at: dict[str, tuple[tuple[str, str], ...]]
) -> bool:
    """True when a name is a subject of this kind (for places: a border post)."""
    if kind is EntryKind.PLACE:
        return any(crossings_at.get(i) for i in match.ids(EntryKind.PLACE))
    return bool(match.ids(kind))


def _only_crossing(
    found: list[tuple[Sentence, tuple[Match, ...], tuple[DateMention, ...]]],
    context: DocumentContext,
) -> Match | None:
    """The crossing of a document that names exactly one: a crossing may be named by either
    post ("Khorgos", "Nur Zholy"), and the document's crossing is the one every mention fits.

    A document's one project is not lent the same way: the only held project of a text is often
    named in passing, and a later bare "opened" is another thing's (on the twelve latest labelled
    sets, such a reading was right 4 times in 35; docs/ingest.md)."""
    fitting: set[str] | None = None
    first_crossing: Match | None = None
    for _, matches, _ in found:
        for match in matches:
            named = set(match.ids(EntryKind.CROSSING)) | {
                crossing_id
                for post in match.ids(EntryKind.PLACE)
                for crossing_id, _ in context.crossings_at.get(post, ())
            }
            if named:
                fitting = named if fitting is None else fitting & named
                first_crossing = first_crossing or match
    if fitting is None or len(fitting) != 1 or first_crossing is None:
        return None
    (crossing_id,) = fitting
    entry = Entry(EntryKind.CROSSING, crossing_id, crossing_id, alias=True)
    return Match(
        first_crossing.start, first_crossing.end, first_crossing.text, (entry,),
        first_crossing.method,
    )  # fmt: skip


def _the_one(
    text: str, sentence: Sentence, matches: tuple[Match, ...], only: Match | None
) -> list[Match]:
    """In a document about one crossing, a crossing figure in a sentence naming nothing else
    is about it."""
    if (
        only is None
        or any(m.ids(EntryKind.PROJECT, EntryKind.CROSSING) for m in matches)
        or _own_line(text, sentence)
        or _OTHER_THINGS.search(text, sentence.start, sentence.end)
        or _owned_by_named_body(text, sentence.start, sentence.end)
    ):
        return []
    phrase = _first_crossing_figure(text, sentence)
    if phrase is None:
        return []
    return [
        Match(
            phrase.start(),
            phrase.end(),
            phrase.group(),
            only.entries,
            only.method,
            None,
            borrowed=True,
        )
    ]


def _own_line(text: str, sentence: Sentence) -> bool:
    """True when the sentence names a line of its own ("железной дороги Душанбе-Курган-Тюбе")."""
    return any(
        _OWN_NAME_AFTER.match(text, found.end()) and not _SECTION_WORD.search(found.group())
        for found in _ANAPHOR.finditer(text, sentence.start, sentence.end)
    )


def _first_status_phrase(text: str, sentence: Sentence) -> re.Match[str] | LemmaMatch | None:
    """The first status phrase or planned opening of a sentence (where a stand-in goes when
    nothing points back)."""
    patterns = [pattern for _, pattern, _ in STATUS_TRIGGERS] + list(PROJECT_FIGURES)
    found = [
        m
        for pattern in patterns
        if (m := pattern.search(text, sentence.start, sentence.end)) is not None
    ]
    return min(found, key=lambda m: m.start()) if found else None


def _first_crossing_figure(text: str, sentence: Sentence) -> re.Match[str] | None:
    """The first vehicles-, trains- or tonnes-per-period figure of a sentence."""
    found = [
        m
        for pattern in CROSSING_FIGURES
        if (m := pattern.search(text, sentence.start, sentence.end)) is not None
    ]
    return min(found, key=lambda m: m.start()) if found else None


def _countries_named(matches: list[Match]) -> set[str]:
    """The member states (not China) the names ``matches`` name or lie in."""
    return {
        i
        for m in matches
        for i in [*m.ids(EntryKind.COUNTRY), *(p.split("-", 1)[0] for p in m.ids(EntryKind.PLACE))]
    } - {"cn"}


def _one_project_each(
    matches: list[Match], project_countries: dict[str, set[str]], document: set[str]
) -> list[Match]:
    """A name that fits several projects takes the one of the country the sentence names,
    else of the one member state the whole text names (``document``).

    "Luban Workshop … Kyrgyz State Technical University" is the workshop in Kyrgyzstan; a
    name no country settles is dropped rather than guessed.
    """
    named = _countries_named(matches)
    kept: list[Match] = []
    for match in matches:
        ids = match.ids(EntryKind.PROJECT)
        if len(ids) <= 1 or len(ids) != len(match.entries):
            kept.append(match)
            continue
        fitting = [i for i in ids if project_countries.get(i, set()) & named]
        if (
            not fitting
            and len(document) == 1
            and all(len(project_countries.get(i, ())) == 1 for i in ids)
        ):
            # one kind of thing in several countries (the Luban workshops): the text's country
            fitting = [i for i in ids if project_countries.get(i, set()) & document]
        if len(fitting) == 1:
            entry = next(e for e in match.entries if e.id == fitting[0])
            kept.append(
                Match(match.start, match.end, match.text, (entry,), match.method, match.variant_of)
            )
    return kept


def _with_nested_projects(text: str, matches: list[Match], gazetteer: Gazetteer) -> list[Match]:
    """Add the project named inside an agreement's title ("agreement on the CKU railway")."""
    nested: list[Match] = []
    for match in matches:
        if match.ids(EntryKind.AGREEMENT) and not match.ids(EntryKind.PROJECT):
            # From the title's second word on, the title itself no longer matches.
            second = text.find(" ", match.start, match.end)
            inner = gazetteer.find(text, second, match.end) if second > 0 else []
            nested += [
                m
                for m in inner
                if m.ids(EntryKind.PROJECT) and (m.start, m.end) != (match.start, match.end)
            ]
    return sorted([*matches, *nested], key=lambda m: m.start)


def _crossings_of_project(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    built: dict[str, list[str]] = {}
    for crossing in kb.crossings():
        if crossing.project_id:
            built.setdefault(crossing.project_id, []).append(crossing.id)
    return {k: tuple(v) for k, v in built.items()}


def _speaks_of_central_asia(match: Match) -> bool:
    """A name of Central Asia, one of its five states, or a place in them."""
    return bool(
        match.ids(EntryKind.GROUP)
        or set(match.ids(EntryKind.COUNTRY)) - {"cn"}
        or any(p.split("-", 1)[0] in MEMBERS[1:] for p in match.ids(EntryKind.PLACE))
    )


def _agreement_titles(gazetteer: Gazetteer) -> dict[str, str]:
    return {
        " ".join(t.key for t in tokenise(e.label)): e.id
        for e in gazetteer.entries
        if e.kind is EntryKind.AGREEMENT
    }
