"""Project status events: a known project, a status verb, and a date.

Each trigger (a verb phrase of the vocabulary) is tied to the nearest project named in
its clause; its date is the nearest date in the clause, else the summit's when the
sentence speaks of "this summit", else the document's date (flagged: the text gives no
date). Negated or future phrasing ("will open", "has not been launched") is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from caravan.analysis.ingest.attended_openings import ATTENDED_TRIGGERS
from caravan.analysis.ingest.closures import CLOSURE_TRIGGERS
from caravan.analysis.ingest.coming_into_being import BEING_TRIGGERS
from caravan.analysis.ingest.context import Candidate, SentenceView, nearest
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.deliveries import DELIVERY_TRIGGERS, is_delivery
from caravan.analysis.ingest.event_nouns import EVENT_NOUN_TRIGGERS
from caravan.analysis.ingest.event_subjects import event_is_subject
from caravan.analysis.ingest.facility_use import USE_TRIGGERS, in_use_as_reported
from caravan.analysis.ingest.fronted_dates import fronted_date
from caravan.analysis.ingest.fronted_participles import (
    FULL_ENDINGS,
    RU_ADVERBS,
    RU_MONTHS,
    participle_of_other,
)
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.analysis.ingest.held_names import unheld_name_flags
from caravan.analysis.ingest.listed_sections import (
    listed_after,
    object_after,
    other_thing_between,
)
from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.analysis.ingest.opening_nouns import OPENING_TRIGGERS
from caravan.analysis.ingest.operators_at_work import OPERATOR_TRIGGERS, at_work_as_reported
from caravan.analysis.ingest.other_of_kind import another_of_its_kind
from caravan.analysis.ingest.pace_states import PACE_TRIGGERS, pace_of_works
from caravan.analysis.ingest.passive_signings import SIGNED_TRIGGERS
from caravan.analysis.ingest.phase_states import PHASE_TRIGGERS
from caravan.analysis.ingest.progress_states import PROGRESS_TRIGGERS
from caravan.analysis.ingest.since_states import SINCE_TRIGGERS
from caravan.analysis.ingest.time_frame import framing_year
from caravan.analysis.ingest.upgrade_events import upgrade_of_line_in_service
from caravan.model.enums import DatePrecision, ProjectKind, ProjectStatus
from caravan.model.proposals import Flag, FlagCode, ProposedStatusEvent

__all__ = ["INFRASTRUCTURE", "STATUS_TRIGGERS", "date_for", "first_trigger", "status_events"]

#: Projects that are built: for these "launched" means construction began.
INFRASTRUCTURE = frozenset(
    {
        ProjectKind.RAILWAY, ProjectKind.ROAD, ProjectKind.BORDER_CROSSING,
        ProjectKind.LOGISTICS_HUB, ProjectKind.PORT, ProjectKind.PIPELINE, ProjectKind.POWER,
        ProjectKind.MINING, ProjectKind.INDUSTRIAL,
    }
)  # fmt: skip

_WORKS = r"(?:construction|building|restoration|rehabilitation|reconstruction|upgrad\w+|works?)"
_GOING = (
    r"(?:began|begun|begins|started|starts|commenced|launched|kicked\s+off|got\s+under\s?way"
    r"|(?:is|are|has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?(?:progressing|under\s?way|advancing"
    r"|in\s+progress|continuing|ongoing|going\s+on|in\s+full\s+swing)|progress\w*|under\s?way"
    r"|advanc\w*|continu\w*|ongoing|going\s+on|in\s+full\s+swing"
    r"|(?:is|are)\s+(?:going|moving|pressing)\s+ahead)"
)
_STARTING = (
    r"(?:start(?:ed|s|ing)?|began|begin|launch(?:ed|es)?|commenc\w+|opened|kicked\s+off|marked)"
)
_RU_WORKS = r"(?:строительств\w*|реконструкци\w*|работ(?:а|ы|у|ой|е|ам|ами|ах)?(?![\w-]))"
_RU_GOING = (
    r"(?:начал\w*|стартовал\w*|ведется|ведётся|ведутся|идет|идёт|идут|продолжа\w*|запущен\w*)"
)
_NOT_WORKS = (
    r"(?!\s+(?:the\s+)?(?:\w+\s+)?(?:construction|rehabilitation|reconstruction|works?|building))"
    # a figure of speech: "opened a new chapter", "opened the way to", "opened up prospects"
    r"(?!\s+(?:up\s+)?(?:a\s+|the\s+)?(?:new\s+|wide\s+|broad\s+)?[\"'‘“]?(?:chapter|era|page|way|door|doors"
    r"|prospects?|opportunit\w+|path|horizons?|golden|markets?|avenues?)\b)"
    # money, a procedure or a term opened, not a facility: "opened a credit line of $600 million"
    r"(?!\s+(?:an?\s+|the\s+|its\s+)?(?:new\s+)?(?:credit|line\s+of\s+credit|loan|account|tender|bidding"
    r"|subscription|registration|applications?|(?:academic|school)\s+year|season|session)\b)"
)

#: A subject that opened something indefinite after it opened that thing, not itself: "the
#: center opened a self-service customs passage", "the park opened two new warehouses".
_OPENED_SOMETHING = re.compile(
    r"opened\s+(?:an?|two|three|four|five|several|more|another|its\s+(?:first|second|new))\s+\w",
    re.IGNORECASE,
)

#: "открыл новую страницу", "открыли путь к", "открыл новые возможности": a figure of speech.
_NOT_FIGURATIVE_RU = (
    r"(?!\s+(?:\w+\s+)?(?:нов\w+\s+|широк\w+\s+)?(?:страниц\w*|эр\w*|эпох\w*|глав\w*|пут\w*|дорог\w+\s+к"
    r"|двер\w*|перспектив\w*|возможност\w*|горизонт\w*|рын\w*)(?![\w-]))"
    # "открыл кредитную линию", "открыли счёт", "открыли учебный год": money, a procedure, a term
    r"(?!\s+(?:\w+\s+)?(?:кредит\w*|сч[её]т\w*|тендер\w*|при[её]м\s+заяв\w*|регистраци\w*|подписк\w*"
    r"|учебн\w+\s+год\w*|сезон\w*|сесси\w*)(?![\w-]))"
)

#: What a speaker reports follows "announced": "announced (on Monday) that …".
_REPORTED = r"(?:\s+(?:on|at|in|during)\s+[^,.;]{1,40}?|\s+(?:today|yesterday))?,?\s+that\b"
_RU_REPORTED = r"(?:\s+[^,.;]{1,40}?)?,\s*что(?![\w-])"

#: A time right after a verb, an adverb or two aside: "в 2024 году", "официально в мае 2016
#: года", "ещё в прошлом году".
_RU_TIME_AFTER = (
    r"(?=\s+" + RU_ADVERBS + r"(?:в|во)\s+(?:\d|" + RU_MONTHS + r"|прошл|позапрошл"
    r"|эт(?:ом|от)\s+год))"
)
#: A thing carried on: what "continues" is under way now, whatever the tense ("will continue to
#: implement the programme" says it runs).
_CARRIED_ON = (
    r"\bcontinu(?:e|es|ed|ing)\s+(?:to\s+)?(?:implement(?:ing)?|carry(?:ing)?\s+out)\b"
    r"|\bcontinu(?:es|ed)\s+to\s+be\s+(?:implemented|carried\s+out)\b"
)
#: (status, pattern, confidence of the rule). "launched" and "continue to implement" are decided
#: by the project's kind.
_TEXT_TRIGGERS: tuple[tuple[ProjectStatus | None, re.Pattern[str], float], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE), confidence)
    for status, pattern, confidence in (
        (ProjectStatus.IN_SERVICE, r"\b(?:opened" + _NOT_WORKS + r"|inaugurated|commissioned|unveiled|(?:put|brought)\s+into\s+(?:service|use|(?:commercial\s+)?operation)|came\s+into\s+use|entered\s+(?:service|operation)|(?:began|started|start)\s+(?:trial\s+|test\s+|pilot\s+|commercial\s+|full\s+|regular\s+)?operat\w*|became\s+operational|went\s+into\s+operation|came\s+into\s+operation|open(?:ed)?\s+to\s+traffic|(?:ceremony\s+)?opening\s+(?:ceremony|the)|(?:was|were|has\s+been|have\s+been)\s+completed)\b", 0.85),
        (ProjectStatus.IN_SERVICE, r"\bput\b[^.;]{1,100}?\binto\s+(?:service|operation)\b", 0.8),
        # Built, said with its time: "was built in 2009", "were constructed back in 2014" (not
        # "was built by a company" or "in a valley", nor "should have been built"); carrying
        # gas or cargo. Said of a project named in an earlier sentence ("It was built in
        # 1940") or of a thing on it ("a station on the X railway was built"), it is not read.
        (ProjectStatus.IN_SERVICE, r"(?<!should\s)(?<!would\s)(?<!could\s)(?<!might\s)(?<!must\s)\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:built|constructed)(?=\s+(?:back\s+)?(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))|\b(?:has\s+|have\s+)?(?:began|begun|started)\s+(?:carrying|pumping|transporting)\s+(?:\w+\s+)?(?:gas|oil|crude|fuel|cargo|freight|goods|passengers|containers)\b", 0.75),
        (ProjectStatus.IN_SERVICE, r"(?<![\w-])(?:открыт[аоы]?|открыл\w*" + _NOT_FIGURATIVE_RU + r"|введен\w*\s+в\s+(?:строй|эксплуатацию)|введённ\w*\s+в\s+(?:строй|эксплуатацию)|(?:ввел[аио]?|ввёл|сдал[аио]?)\s+(?:[^\s.;]+\s+){0,6}?в\s+(?:строй|эксплуатацию)|введён\s+в\s+(?:строй|эксплуатацию)|сдан[аоы]?\s+в\s+эксплуатацию|начал[аио]?\s+(?:свою\s+)?работ(?:у|ать)(?![\w-])|строительство\s+завершен\w*|завершил\w*\s+строительство|вступ(?:ил|ивш|ает)\w*\s+в\s+(?:строй|эксплуатацию)|вош[её]л\w*\s+в\s+строй|достроил\w*|достроен\w*|(?:закончил[иао]?|завершил[иао]?)(?=\s+(?:в|во|к)\s)|церемони\w+\s+открыти\w*|церемони\w+\s+запуска(?!\s+(?:проекта|строительства|работ))|открыл\w*\s+движение)(?![\w-])", 0.85),
        # The same in the other order, and works finished with their object between: "в
        # эксплуатацию введены линии A, B и C", "в эксплуатацию сдано 215 км", "строительство
        # казахстанского участка газопровода … успешно завершено".
        (ProjectStatus.IN_SERVICE, r"(?<![\w-])(?:в\s+(?:строй|эксплуатацию)\s+(?:был[аио]?\s+|уже\s+|официально\s+|полностью\s+)?(?:введен\w*|введён\w*|сдан[аоы]?|принят[аоы]?)|строительств[оа]\s+(?:[^\s.;]+\s+){1,10}?(?:успешно\s+|полностью\s+|уже\s+|официально\s+)?(?<!не\s)(?:завершен[аоы]?|завершено|закончен[аоы]?))(?![\w-])", 0.8),
        # Built or opened, said with its time right after: "открытый в 2024 году", "построенный
        # в 2021 году", "дорогу построили в 2014 году" (a bare "открытый" is an adjective).
        (ProjectStatus.IN_SERVICE, r"(?<![\w-])(?:открыт(?:" + FULL_ENDINGS + r")|построен(?:[аоы]?|н\w+)|построил[аио]?|запущенн\w+)" + _RU_TIME_AFTER, 0.75),
        (ProjectStatus.IN_SERVICE, r"\b(?:cooperation|partnership)\b[^,;.]{0,80}?\b(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:carried\s+out|implemented|deepened|expanded)\b", 0.55),
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b" + _WORKS + r"\b[^;.]{0,200}?\b" + _GOING, 0.8),
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:entered|moved\s+(?:in)?to)\s+(?:the|its)\s+(?:practical|active|construction|implementation)\s+(?:phase|stage)\b|(?<![\w-])перешл?[оаи]?\w*\s+в\s+(?:практическ|активн|строительн)\w*\s+(?:фаз|стади)\w*|\b(?:close\s+to|nearing|near)\s+completion\b|\b(?:final|last|concluding)\s+(?:stage|phase)\s+(?:of\s+(?:the\s+)?)?(?:construction|works?|building)\b|(?<![\w-])(?:подходит\s+к\s+концу|близ\w*\s+к\s+завершению|(?:ид[её]т|начался|начат)\s+завершающ\w+\s+(?:этап|стади)\w*|завершающ\w+\s+(?:этап|стади)\w*\s+(?:строительств|работ)\w*)(?![\w-])", 0.75),
        # "started work on X" is building it; "X has started work" is X operating.
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b" + _STARTING + r"\s+(?:the\s+)?(?:\w+\s+)?(?:construction|rehabilitation|reconstruction|building|works?(?=\s+(?:on|at|to|for)\b))\b", 0.8),
        (ProjectStatus.IN_SERVICE, r"\b(?:has|have)\s+(?:started|begun)\s+(?:work|working|operations?|operating|production|producing)\b(?!\s+(?:on|at|to|for)\b)", 0.75),
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:under\s+construction|being\s+built|broke\s+ground|ground-?breaking|foundation[-\s]laying|laying\s+of\s+the\s+foundation|laid\s+the\s+foundation(?:\s+stone)?|laid\s+(?:a|the)\s+(?:time\s+)?capsule|capsule\s+(?:was|has\s+been)\s+laid|start\s+of\s+(?:the\s+)?construction|commencement\s+of|launch\s+ceremony|in\s+full\s+swing)\b", 0.85),
        # A builder building it now: "Uzbekistan is building the Angren-Pap railway", "the
        # committee is now building a ferry complex in the port of Kuryk" (not "building ties").
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:is|are)\s+(?:now\s+|currently\s+|already\s+|still\s+)?(?:building|constructing)\b(?!\s+(?:up\s+)?(?:(?:new|closer|stronger|strong)\s+)?(?:ties|trust|relations|links\s+with|partnerships?|cooperation|capacity|momentum|on|a\s+(?:new\s+)?(?:model|future|community|partnership)|bridges\s+of)\b)", 0.65),
        # Builders at work, in the progressive: "are boring tunnels", "are laying track".
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:are|is)\s+(?:now\s+|already\s+|still\s+)?(?:boring|drilling|digging|excavating|laying|building|erecting|constructing|paving|putting\s+up)\s+(?:the\s+|its\s+|new\s+)?(?:\w+\s+)?(?:tunnels?|tracks?|rails?|bridges?|embankments?|piers?|foundations?|infrastructure|roadbed|line|road|pipes?)\b", 0.7),
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<![\w-])(?:" + _RU_WORKS + r"[^;.]{0,90}?" + _RU_GOING + r"|" + _RU_GOING + r"\s+" + _RU_WORKS + r"|(?:строить|строительство)\s+(?:\w+\s+){0,2}начал\w*|строится|строятся|строящ\w*|строят|возводят|(?:заложил\w*|заложен\w*)\s+(?:\w+\s+){0,2}?капсул\w*|заложен\w*\s+(?:\w+\s+)?камен\w*|закладк\w*)(?![\w-])", 0.8),
        (None, r"\b(?:launched|(?:the\s+)?launch\s+of(?=\s+(?:the\s+)?(?-i:[A-Z])))\b|(?<![\w-])запуск\w*\s+проект\w*|(?<![\w-])(?:запущен[аоы]?|запустил[иао]?)(?![\w-])", 0.75),
        # Carried on now: "will continue to implement the … Programme", "the programme
        # continues to be implemented" (a programme runs; works on a line are under way).
        (None, _CARRIED_ON, 0.7),
        # a facility founded exists from then: "Set up in 2015, … Gateway grew into …", "был создан"
        (ProjectStatus.IN_SERVICE, r"\b(?:established|set\s+up|founded)\b|(?<![\w-])(?:создан[аоы]?|созданн\w+|основан[аоы]?|основанн\w+)(?![\w-])", 0.7),
        (ProjectStatus.AGREED, r"\b(?:signed\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}(?:agreement|memorandum|contract|deal)|agreed\s+to\s+build|reached\s+an\s+agreement)\b", 0.75),
        (ProjectStatus.AGREED, r"\b(?:agreement|memorandum|contract|document)\b[^.;]{0,120}?\b(?:was|were|has\s+been|have\s+been)\s+signed\b", 0.75),
        (ProjectStatus.AGREED, r"\b(?:agreement|memorandum(?:\s+of\s+understanding)?|contract)\s+signed\s+(?:in|on|by)\b", 0.7),
        (ProjectStatus.AGREED, r"\b(?:agreement|memorandum|contract|deal)\s+(?:that|which)\s+[^.;]{0,100}?\bsigned\b", 0.7),
        (ProjectStatus.AGREED, r"\b(?:agreed|concluded|secured)\s+(?:an?\s+|the\s+)?(?:[^\s.;]+\s+){0,4}?(?:agreement|contract|deal|loan|facility|credit)\b", 0.65),
        # A body that has a branch now: "BLCU now has a branch campus in Astana".
        (ProjectStatus.IN_SERVICE, r"\b(?:now|already)\s+(?:has|have)\s+(?:a|its\s+own)\s+(?:\w+\s+)?(?:branch|campus)\b", 0.65),
        # "agreed on the branch, called Line C", "agreed on the construction of …"
        (ProjectStatus.AGREED, r"\bagreed\s+on\s+(?:the\s+)?(?:construction|building|(?:new\s+)?(?:branch|line|pipeline|railway|road|highway|route|project))\b", 0.65),
        (ProjectStatus.AGREED, r"(?<![\w-])(?:постави\w*\s+подпис\w*|подписал\w*\s+(?:\w+\s+){0,3}документ\w*)(?![\w-])", 0.7),
        # concluded: "заключили рамочный договор о строительстве …", "заключено соглашение"
        (ProjectStatus.AGREED, r"(?<![\w-])(?:заключил[аио]?|заключ[её]н[аоы]?)\s+(?:[\w«»\"-]+\s+){0,3}?(?:соглашени\w*|меморандум\w*|контракт\w*|договор\w*)(?![\w-])", 0.7),
        (ProjectStatus.AGREED, r"(?<![\w-])(?:подписал\w*\s+(?:\w+\s+){0,3}(?:соглашени\w*|меморандум\w*|контракт\w*|договор\w*)|(?:соглашени|меморандум|контракт|договор)\w*[^.;]{0,160}?подпис(?:ан|али)\w*|договорились\s+о\s+строительстве)(?![\w-])", 0.75),
        # "announced that …", "объявил, что …": a speaker's report, not a decision to build
        (ProjectStatus.ANNOUNCED, r"\b(?:announced(?!" + _REPORTED + r")|proposed|initiated(?!\s+(?:the\s+)?(?:\w+\s+)?(?:construction|works?|building))|plans?\s+to\s+build|planning\s+of)\b", 0.6),
        (ProjectStatus.ANNOUNCED, r"(?<![\w-])(?:объявил\w*(?!" + _RU_REPORTED + r")|предложил\w*|инициирова(?:н|л)\w*(?!\s+(?:\w+\s+)?(?:строительств|работ)\w*)|планиру\w+\s+(?:построить|строительство))(?![\w-])", 0.6),
        (ProjectStatus.SUSPENDED, r"\b(?:suspended|halted|frozen|put\s+on\s+hold|on\s+hold|stalled|(?:is|are|was|were|being)\s+held\s+up)\b|(?<![\w-])(?:приостановлен\w*|заморожен\w*)(?![\w-])", 0.8),
        (ProjectStatus.SUSPENDED, r"\b(?:closed\s+(?:to|for)\s+(?:traffic|trucks|trains|vehicles)|(?:traffic|operations?|services?|movement|works?)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:stopped|interrupted|blocked|halted|paused|closed))\b|(?<![\w-])(?:движени\w*[\s,]+[^.;]{0,80}?(?:закрыт\w*|прекращен\w*|прекращ[её]н\w*|остановлен\w*|перекрыт\w*|прерван\w*)|(?:закрыт\w*|прекратил\w*|прекращен\w*|остановлен\w*|перекрыт\w*|остановил\w*)\s+(?:\w+\s+){0,2}(?:движени\w*|работ\w*))(?![\w-])", 0.75),
        (ProjectStatus.SUSPENDED, r"\b(?:temporarily\s+(?:closed|shut)|(?:was|were|has\s+been|have\s+been|remains?)\s+(?:temporarily\s+)?(?:closed|shut)\s+(?:to|for|due|because|after|until|since|over)|closed\s+(?:down\s+)?until)\b|(?<![\w-])(?:закрыл(?:ся|ась|ось|ись)\s+(?:\w+\s+)?до(?=\s)|временно\s+(?:закрыт|приостановл|прекращ|останов)\w*|закрыт[аоы]?\s+(?:на\s+ремонт|для\s+движения|из-за))(?![\w-])", 0.75),
        # In service, said otherwise: "became fully operational", "has been in operation
        # since", "completed the … railway", "работает с июня", "запустили движение".
        (ProjectStatus.IN_SERVICE, r"\b(?:became\s+(?:fully\s+)?operational|(?:has|have)\s+been\s+(?:in\s+(?:operation|service)|operating|running)\s+since|(?:in\s+operation|operating|operational)\s+since|(?:completed|finished)\s+(?:the\s+)?(?:construction\s+(?:of|on)\s+(?:the\s+)?)?(?=(?-i:[A-Z]))|(?:completed|finished)\s+(?:building|constructing)\b)"
         r"|(?<![\w-])(?:(?:работает|работают|функционирует|функционируют|действует|действуют|эксплуатируется|эксплуатируются)\s+(?:с|со)\s|запустил\w*\s+(?:\w+\s+)?движени\w*|строительств\w*\s+[^.;]{0,80}?(?:завершен\w*|завершён\w*|окончен\w*)|(?:завершил\w*|закончил\w*)\s+строительств\w*)", 0.75),
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<![\w-])(?:начал[аио]?\s+(?:\w+\s+)?(?:строить|возводить|прокладывать)|приступил\w*\s+к\s+(?:строительству|работам|реконструкции))(?![\w-])|\b(?:began|started)\s+(?:to\s+build|building|laying)\b", 0.8),
        # Progress of the works: "80 percent complete", "300 km of track have been laid",
        # "уложено 120 км пути", "отсыпано 8 млн кубометров грунта", "готовность 70 %".
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:\d[\d,.]*\s*(?:%|percent|per\s+cent)\s+(?:complete|completed|ready|done|finished)|(?:km|kilomet(?:re|er)s?)\s+of\s+(?:the\s+)?(?:new\s+|second\s+)?(?:track|rails?|line|road|pipe(?:line)?|embankment)s?\s+(?:have|has)\s+(?:already\s+)?been\s+(?:laid|built|paved|installed|welded|completed))"
         r"|\b(?:is|are)\s+(?:now\s+)?(?:finishing|completing)\b|(?<![\w-])(?:готов[аоы]?\s+(?:\w+\s+){0,2}?на\s+\d|уложен\w*|отсыпан\w*|смонтирован\w*|забетонирован\w*|сварен\w*|собран\w*\s+(?:около\s+|более\s+|свыше\s+)?\d|готовност\w*\s+(?:\w+\s+){0,2}(?:составляет|составила|достигла|превысила)?\s*\d|выполнен\w*\s+на\s+\d)", 0.7),
        # A builder taking part in the works now: "CNPC is taking part in building …",
        # "CNPC участвует в обустройстве месторождения «Галкыныш»".
        (ProjectStatus.UNDER_CONSTRUCTION, r"\b(?:is|are)\s+(?:now\s+)?(?:taking\s+part|participating|involved)\s+in\s+(?:the\s+)?(?:construction|building|development|rehabilitation|reconstruction)\b|(?<![\w-])участву(?:ет|ют)\s+в\s+(?:\w+\s+){0,2}?(?:строительств|обустройств|освоени|возведени|реконструкци|прокладк)\w*(?![\w-])", 0.65),
        # Works said to be ongoing before their object: "the ongoing work on the development of
        # the field", "ongoing construction of the line".
        (ProjectStatus.UNDER_CONSTRUCTION, r"\bongoing\s+(?:\w+\s+)?(?:work|works|construction|development|rehabilitation|reconstruction)\s+(?:on|of|at)\b", 0.65),
        # A phase of the works going on: "идет вторая фаза строительства порта", "продолжается
        # второй этап реконструкции".
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<![\w-])(?:ид[её]т|продолжается|ведется|ведётся)\s+(?:\w+\s+)?(?:фаза|этап|стадия|очередь)\s+" + _RU_WORKS, 0.7),
        # The first train or truck through a line puts it in service.
        (ProjectStatus.IN_SERVICE, r"\b(?:the\s+)?first\s+(?:\w+\s+){0,2}(?:trains?|trucks?|vehicles?|shipments?|cargo)\s+(?:\w+\s+)?(?:arrived|passed|ran|travell?ed|crossed|departed|went|moved)\b|(?<![\w-])перв\w+\s+(?:\w+\s+){0,2}(?:поезд\w*|состав\w*|грузовик\w*|груз\w*)\s+(?:\w+\s+)?(?:прибыл\w*|прош[её]л\w*|прошли|отправил\w*|пересек\w*|проследова\w*)(?![\w-])", 0.7),
        # A resumption returns a line to service: "traffic resumed", "движение возобновлено"
        # (not the future or the infinitive: "строительство возобновят").
        (ProjectStatus.IN_SERVICE, r"\b(?:(?:construction|work|works|building)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:later\s+|then\s+|since\s+)?resumed|resumed|reopened|re-opened|restored|(?:was|were|has\s+been|have\s+been)\s+restarted)\b|(?<![\w-])(?:возобнов(?!(?:ят|ит|ить|им|ишь|ите)(?:ся|сь)?(?![\w-]))\w*|восстановлен\w*\s+(?:\w+\s+){0,2}движени\w*|движени\w*[^.;]{0,80}?восстановлен\w*|вновь\s+открыт\w*)(?![\w-])", 0.75),
        (ProjectStatus.CANCELLED, r"\b(?:cancell?ed|abandoned|scrapped)\b|(?<![\w-])(?:отменен\w*|отменён\w*)(?![\w-])", 0.8),
    )
)  # fmt: skip

#: Russian status phrases matched on lemmas, so every form of their words counts
#: ("дали старт строительству", "подписанного соглашения", "введённую в эксплуатацию"); an
#: infinitive or future verb is marked (``инф_``) and matches none of them.
_LEMMA_TRIGGERS: tuple[tuple[ProjectStatus | None, LemmaPattern, float], ...] = tuple(
    (status, LemmaPattern(pattern), confidence)
    for status, pattern, confidence in (
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<!\w)дать\s+старт\s+(?:\w+\s+){0,2}?(?:строительство|реконструкция|работа|возведение|прокладка|реабилитация)(?!\w)", 0.8),
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<!\w)(?:начать|начинать|приступить|продолжать)\s+(?:к\s+)?(?:\w+\s+){0,2}?(?:инф_)?(?:строить|восстанавливать|реконструировать|возводить|прокладывать|модернизировать|строительство|реконструкция|восстановление)(?!\w)", 0.8),
        # The works noun and its verb around a relative clause: "Строительство линии X,
        # которая должна стать …, продолжается".
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<!\w)(?:строительство|реконструкция|возведение)\s[^.;,]{0,80},\s*который\s[^.;]{0,200}?,\s*(?:продолжаться|вестись|идти|начаться|стартовать)(?!\w)", 0.75),
        # Builders at work: "строители бурят тоннели", "укладывают рельсы" (any form but
        # the infinitive and the future).
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<!\w)(?:бурить|прокладывать|укладывать|возводить|сооружать|монтировать|рыть)\s+(?:\w+\s+)?(?:тоннель|путь|рельс|мост|насыпь|опора|фундамент|инфраструктура|полотно|труба)(?!\w)", 0.7),
        (ProjectStatus.IN_SERVICE, r"(?<!\w)(?:ввести|сдать|принять|запустить|пустить)\s+(?:[^\s.;]+\s+){0,6}?в\s+(?:эксплуатация|строй)(?!\w)", 0.85),
        # The works named first, the start after: "К строительству линии X компания приступила
        # в июле 2013 года" (not "не приступили", "к подготовке к строительству", "готов к
        # строительству … и приступил к поиску …").
        (ProjectStatus.UNDER_CONSTRUCTION, r"(?<!подготовка\s)(?<!готовый\s)(?<!\w)к\s+(?:строительство|возведение|прокладка|реконструкция|сооружение)\s[^.;,]{0,160}?(?<!_)(?<!не\s)приступить(?!\w)(?!\s+к\s)", 0.8),
        (ProjectStatus.AGREED, r"(?<!\w)(?:подписать\s+(?:\w+\s+){0,3}(?:соглашение|меморандум|контракт|договор|документ)|(?:соглашение|меморандум|договор|контракт)\s[^.;]{0,160}?(?<!_)подписать)(?!\w)", 0.75),
        (ProjectStatus.SUSPENDED, r"(?<!\w)(?:приостановить|заморозить)(?!\w)", 0.8),
    )
)  # fmt: skip
#: Every status trigger: patterns on the text, then patterns on its Russian lemmas.
STATUS_TRIGGERS: tuple[tuple[ProjectStatus | None, re.Pattern[str] | LemmaPattern, float], ...] = (
    _TEXT_TRIGGERS
    + _LEMMA_TRIGGERS
    + SINCE_TRIGGERS
    + PHASE_TRIGGERS
    + PROGRESS_TRIGGERS
    + SIGNED_TRIGGERS
    + OPENING_TRIGGERS
    + BEING_TRIGGERS
    + PACE_TRIGGERS
    + USE_TRIGGERS
    + EVENT_NOUN_TRIGGERS
    + ATTENDED_TRIGGERS
    + DELIVERY_TRIGGERS
    + OPERATOR_TRIGGERS
    + CLOSURE_TRIGGERS
)

#: Words before a trigger that make it future, hypothetical or negated.
_NOT_DONE = re.compile(
    r"(?<![\w-])(?:will|would|shall|should|could|(?-i:may)|might|must|need|needs|to\s+be|be|to|expected|expects?|plans?|planned|"
    r"scheduled|due|not|never|yet|hopes?|aims?|intends?|wants?|будет|будут|планиру\w*|должн\w*|нужно|надо|необходимо|"
    r"может|могут|не|ещё|еще)(?![\w-])\W*(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
#: A denial before a phrase of pace: "will not be finished early", "не удастся ускорить".
_NOT_SO = re.compile(
    r"(?<![\w-])(?:not|never|cannot|не|нельзя|вряд\s+ли)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
#: A trigger whose own last verb is future: "construction … will be launched".
#: A phrase whose last word, its verb, is negated: "строительство … пока не завершено".
_NEGATED_VERB = re.compile(r"(?<![\w-])(?:не|not|never)\s+[^\s]+$", re.IGNORECASE)
_FUTURE_VERB = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|(?:expected|planned|scheduled|due|set)\s+to)\s+(?:be\s+)?\w+$"
    r"|\b(?:expected|planned|scheduled|due|set|going)\s+to\s+(?:get|go|be)\s+(?:\w+\s+)?\w+$"
    # "строительство должно быть завершено", "будет быть …": a modal with its "быть"
    r"|(?<![\w-])(?:будет|будут|планиру\w*|должн\w*)(?:\s+быть)?\s+\w+$",
    re.IGNORECASE,
)
_OPERATING = re.compile(
    r"\b(?:operation|traffic|service|trains?)\b|движени|эксплуатаци", re.IGNORECASE
)

#: The launch of a project ("запуск проекта железной дороги", "the launch of the … railway")
#: is its start: for a project that is built, its construction.
_PROJECT_LAUNCH = re.compile(r"проект", re.IGNORECASE)
#: Russian "запустить" a facility is to put it into operation (its works are "запустить
#: строительство", read by the construction rule).
_RU_LAUNCH = re.compile(r"запу", re.IGNORECASE)

#: Works in progress, not their start: "is under construction", "строится", "готов на 20 %".
_ONGOING = re.compile(
    r"under\s+construction|being\s+built|full\s+swing|under\s?way|ongoing|going\s+on|progress"
    r"|moving|proceeding|финишн|темпами"
    r"|continu|advanc|percent|per\s+cent|%|\bcomplete\b|laid|finishing|completing"
    r"|boring|drilling|digging|excavating|laying|building|erecting|constructing|paving|putting"
    r"|бур|прокладыва|укладыва|возвод|сооружа|монтиру|ро[ею]т"
    r"|строится|строятся|строящ|вед[её]тся|ид[её]т|продолжа|готов|уложен|отсыпан|собран|смонтирован",
    re.IGNORECASE,
)

#: A stretch of a line whose completion does not open the line: "its 120-km section".
_SECTION = re.compile(
    r"\b(?:section|stretch|segment|sub-?section)s?\b|(?<![\w-])(?:участ(?:ок|ка|ке|ки|ков)|отрез\w*)(?![\w-])",
    re.IGNORECASE,
)
#: Works named by a relative pronoun: "construction of which", "whose construction",
#: "строительство которых".
_WORKS_OF_WHICH = re.compile(
    r"[\s,]*(?:(?:construction|building|reconstruction|rehabilitation|works?)\s+(?:on|of)\s+which"
    r"|whose\s+(?:construction|building|reconstruction|rehabilitation)"
    r"|(?:строительство|реконструкция|возведение|работы)\s+котор\w+)",
    re.IGNORECASE,
)
#: A relative clause, which belongs to the clause before it.
_RELATIVE = re.compile(r"\s*(?:which|who|that|where|котор\w+|где)\b", re.IGNORECASE)
#: A relative pronoun that is the object of the status verb after it, its doer between: "the
#: Pengsheng Industrial Park, which a Chinese company and an Uzbek firm established in 2009",
#: "линию, которую открыли в 2016 году".
_OBJECT_RELATIVE = re.compile(
    r"[\s,]*(?:(?:which|that)\s+(?:(?!which\b|that\b|who\b)[\w'’-]+\s+){1,8}"
    r"|(?:которую|которое|которые|который)\s+(?:(?!котор)[\w-]+\s+){0,8})",
    re.IGNORECASE,
)
#: Verbs of a doer's act that put a thing in place: "established", "opened", "открыли".
_DONE_BY_SOMEONE = re.compile(
    r"(?:established|opened|built|launched|set\s+up|founded|commissioned|inaugurated|completed"
    r"|открыл\w*|построил\w*|запустил\w*|создал\w*|ввел\w*|ввёл\w*|сдал\w*)\b",
    re.IGNORECASE,
)
#: A relative pronoun that is the subject of the status phrase right after it, with only
#: auxiliaries and adverbs between: "which has already been …", "которая уже была …".
_SUBJECT_RELATIVE = re.compile(
    r"[\s,]*(?:(?:which|that)\s+(?:has|have|had|was|were|is|are)"
    r"(?:\s+(?:been|already|also|now|just|recently|since|finally|officially|fully|\w+ly"
    r"|(?:built|constructed|completed)\s+and))*"
    r"|(?:который|которая|которое|которые)"
    r"(?:\s+(?:уже|также|тоже|был[аио]?|официально|полностью|недавно|окончательно"
    r"|построен[аоы]?\s+и))*)\s*",
    re.IGNORECASE,
)
#: A gerund after a preposition of aim: "work on opening", "preparations for launching".
_GOAL_GERUND = re.compile(
    r"\b(?:on|for|towards?|about|propos\w+|suggest\w*|consider\w*|discuss\w*|plann\w+)\s+$",
    re.IGNORECASE,
)
#: "work(s)" that is building only for things that are built.
_GENERIC_WORK = re.compile(r"(?:works?|работ\w*)\b", re.IGNORECASE)
#: "Work" with no complement ("work is in full swing"), of a facility that runs.
_BARE_WORK = re.compile(r"(?:work|работа)\s+(?!on\b|of\b|at\b|по\b|на\b)", re.IGNORECASE)
#: A facility at work: "the port handles 10 trains a day", "принимает и отправляет поезда".
_OPERATING_NOW = re.compile(
    r"\b(?:handles?|receives|dispatches|(?:are|is)\s+being\s+(?:loaded|unloaded|shipped)"
    r"|trains?\s+(?:a|per)\s+day|passengers)\b"
    r"|(?<![\w-])(?:обрабатывает|принимает|отправляет|переваливает|поезд\w*\s+в\s+сутки)(?![\w-])",
    re.IGNORECASE,
)
#: Works, not traffic, resumed: building goes on.
_WORKS_RESUMED = re.compile(r"^(?:construction|work|works|building)\b", re.IGNORECASE)
#: Words that place a step at a time the text leaves open ("later", "once", "ранее"): such a
#: step is not dated by the report.
_ELSEWHEN = re.compile(
    r"\b(?:later|earlier|previously|formerly|once|eventually|subsequently)\b"
    r"|(?<![\w-])(?:позже|позднее|ранее|прежде|когда-то|впоследствии)(?![\w-])",
    re.IGNORECASE,
)
#: A works noun with its own complement ("construction of the bridge") names its own subject.
_COMPLEMENT = re.compile(
    r"\w*\s+(?:of|on|at|for|to|between|with|in\s+the)\b|\w*\s+(?:\w+\s+)?[А-Яа-яЁё]+(?:ого|ей|ой|ых|ии|а|я)\b",
    re.IGNORECASE,
)

_MAX_DISTANCE = 160
#: A news agency's dateline after a date ("BISHKEK, Oct. 28 (Xinhua) --"): not the event's.
_DATELINE = re.compile(r"\s*(?:\([A-Z][\w .]+\)\s*)?(?:--|—|–)\s")
#: A date that ends a state: "until 15 February", "до 15 февраля".
_UNTIL = re.compile(r"(?<![\w-])(?:until|till|до)\s+$", re.IGNORECASE)
#: Most words before a trigger in a clause that borrows the previous clause's project.
_SUBJECTLESS_WORDS = 3
#: "was built in …": said of a project named before, it may be the old line it rebuilds.
_BUILT_WHEN = re.compile(
    r"(?:was|were|had|has|have)\s+(?:been\s+)?(?:\w+ly\s+)?(?:built|constructed)"
)
#: A name after a preposition: the object of a phrase, not the subject ("a station on the …").
_OBJECT_OF = re.compile(r"\b(?:on|for|of|at|along|beside|near|to|by)\s+(?:the\s+)?$", re.IGNORECASE)
#: A word for a kind as the subject right before a trigger: "when the facility was still",
#: "and the line was".
_KIND_SUBJECT = re.compile(
    r"(?:^|(?<=\W))(?:(?:when|while|as|after|and|but|where)\s+)?(?:the|this)\s+(?:new\s+)?"
    r"(?:facility|line|railway|road|highway|pipeline|plant|mine|project|cent(?:re|er)|port|workshop"
    r"|campus|branch|tunnel|terminal|complex)\s+(?:(?:was|were|is|are|has|have|had)\s+(?:been\s+)?)?"
    r"(?:(?:still|already|officially|formally|first|finally)\s+)?$",
    re.IGNORECASE,
)
#: A pronoun as the subject right before a trigger: "since it was launched", "and it
#: officially began", "после того как она была открыта".
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|(?<=\W))(?:it|they)\s+(?:(?:was|were|is|are|has|have|had)\s+(?:been\s+)?)?"
    r"(?:(?:officially|formally|first|finally|already)\s+)?$"
    r"|(?<![\w-])(?:он|она|оно|они)\s+(?:был[аои]?\s+)?(?:(?:официально|впервые|уже)\s+)?$",
    re.IGNORECASE,
)
#: A trigger that starts with its own subject ("construction … began") borrows no project.
_SUBJECT_NOUN = re.compile(
    r"cooperation|partnership|construction|building|restoration|rehabilitation|reconstruction"
    r"|upgrad|works?\b|строительств|реконструкц|работ",
    re.IGNORECASE,
)


def status_events(view: SentenceView) -> Iterator[Candidate]:
    """Status events of known projects read from one sentence."""
    # "the second Luban Workshop": another one of the kind, not the held one
    projects = [p for p in view.of_kind(EntryKind.PROJECT) if not another_of_its_kind(view.text, p)]
    if not projects:
        return
    seen: set[tuple[str, ProjectStatus]] = set()
    read: list[tuple[int, int, str]] = []  # the span of each phrase read, and its project
    verbs = {  # where each trigger ends: its verb ("движение, прерванное …")
        t.end()
        for _, pattern, _ in STATUS_TRIGGERS
        for t in pattern.finditer(view.text, view.start, view.end)
    }
    for status, pattern, rule_confidence in STATUS_TRIGGERS:
        for trigger in pattern.finditer(view.text, view.start, view.end):
            t_start, t_end = trigger.start(), trigger.end()
            # the pace of works ("would be finished early") and a thing carried on ("will
            # continue to implement") are said in any tense
            denied = _NOT_SO.search(view.text, max(view.start, t_start - 40), t_start)
            pace = (
                status is ProjectStatus.UNDER_CONSTRUCTION
                and pace_of_works(trigger.group(0))
                and not denied
            )
            carried_on = (
                status is None
                and re.fullmatch(_CARRIED_ON, trigger.group(0), re.IGNORECASE) is not None
                and not denied
            )
            if not (pace or carried_on) and (
                _negated(view, t_start, status)
                or _FUTURE_VERB.search(trigger.group(0))
                or _NEGATED_VERB.search(trigger.group(0))
            ):
                continue
            if _GOAL_GERUND.search(view.text, max(view.start, t_start - 16), t_start) and re.match(
                r"\w+ing\b", trigger.group(0)
            ):
                continue  # "work on opening the branch": an aim, not an opening
            found = _project_for(view, projects, t_start, t_end)
            # "going on at several sections — A, B and C": each line listed
            listed = (
                listed_after(view, projects, t_end) or listed_after(view, projects, t_start)
                if found is None
                else []
            )
            found = found or (listed[0] if listed else None)
            if found is None and pace:  # "speed up projects, including the construction of X"
                found = object_after(view, projects, t_end)
            if found is None or event_is_subject(view, t_start, t_end):
                continue  # no project, or a fair or forum that opened
            if status is not ProjectStatus.AGREED and participle_of_other(
                view.text,
                found.start,
                found.end,
                trigger.group(0),
                t_start,
                t_end,
                any_participle=status is ProjectStatus.IN_SERVICE,
            ):
                # "выросло из комбината, запущенного в 1990 году": that one's opening (but
                # "подписанное … соглашение о дороге X" is an agreement on X)
                continue
            if other_thing_between(view, found, t_start):
                continue  # "X is …, after the logistics terminal opened at …": the terminal's
            if (
                status is ProjectStatus.IN_SERVICE
                and found.end <= t_start
                and _OPENED_SOMETHING.match(view.text, t_start)
            ):
                continue  # "the center opened a self-service customs passage": its passage
            # "construction of the A (152 km) and B (272 km) lines has begun": both
            for project in [found, *_coordinated(view, projects, found), *listed[1:]]:
                project_id = project.ids(EntryKind.PROJECT)[0]
                if any(a <= t_start and t_end <= b and i == project_id for a, b, i in read):
                    continue  # a phrase inside one already read for this project
                resolved = status or _launched_status(view, project_id, t_start, t_end)
                if (
                    resolved is ProjectStatus.AGREED
                    and project.borrowed
                    and _DOCUMENTS_COUNTED.search(trigger.group(0))
                ):
                    continue  # "подписали 17 документов": a visit's papers, not the project's
                if _BUILT_WHEN.match(trigger.group(0)) and (
                    project.borrowed
                    or _OBJECT_OF.search(
                        view.text, max(view.start, project.start - 12), project.start
                    )
                ):
                    continue  # "It was built in 1940": the old road the project rebuilds; "A
                    # new station on the X railway was built in 2024": the station
                if (project_id, resolved) in seen:
                    continue
                clause = view.segment_of(t_start)
                if (
                    resolved is ProjectStatus.IN_SERVICE
                    and _SECTION.search(view.text, view.start, clause[1])
                    and not _named_by_its_ends(view, project)
                ):
                    continue  # "its 120-km section was completed": a part, the line is not open
                if (
                    resolved is ProjectStatus.UNDER_CONSTRUCTION
                    and _GENERIC_WORK.match(trigger.group(0))
                    and view.context.project_kinds.get(project_id) not in INFRASTRUCTURE
                ):
                    continue  # "the work under way" on a programme or a school is not building
                if resolved is ProjectStatus.IN_SERVICE and _WORKS_RESUMED.search(trigger.group(0)):
                    resolved = ProjectStatus.UNDER_CONSTRUCTION  # "the work was resumed"
                elif (
                    resolved is ProjectStatus.UNDER_CONSTRUCTION
                    and _BARE_WORK.match(trigger.group(0))
                    and _OPERATING_NOW.search(view.sentence)
                ):
                    # "Work is in full swing: … the port handles 10 trains a day": it runs
                    resolved = ProjectStatus.IN_SERVICE
                dating = (
                    _as_reported(view)
                    if pace
                    or (in_use_as_reported(trigger.group(0)) and not _in_use_since(view, t_start))
                    or at_work_as_reported(trigger.group(0))
                    else date_for(view, t_start, t_end, sorted(verbs - {t_end}))
                )  # works sped up or to finish early, firms at work: as on the report's day
                if dating is None:
                    continue
                date, precision, stated, note = dating
                if is_delivery(trigger.group(0)) and _in_service_by(view, project_id, date):
                    continue  # equipment for a facility at work: no word of its works
                if upgrade_of_line_in_service(view, project_id, t_start, date, project.borrowed):
                    continue  # "строительство вторых путей на участке …": the upgrade's, not the line's
                if resolved is ProjectStatus.AGREED and _running_before(view, project_id, date):
                    continue  # papers signed on a line in service since years: its use, not it
                if not stated and not _ONGOING.search(trigger.group(0)):
                    framed = framing_year(view)  # "… in 2023. Construction began on …"
                    if framed is not None:
                        date, precision = framed, DatePrecision.YEAR
                        note = f"the sentence gives no date; dated by the year the text before names ({framed.year})"
                if not stated and any(
                    w.start() != t_start  # "Once … is finished": the trigger's own conjunction
                    for w in _ELSEWHEN.finditer(view.text, clause[0], clause[1])
                ):
                    continue  # "was later resumed": a time the text does not give, not the report's
                seen.add((project_id, resolved))
                read.append((t_start, t_end, project_id))
                flags = list(_match_flags(project))
                confidence = rule_confidence * project.confidence
                if not stated:
                    confidence *= 0.75
                    flags.append(Flag(code=FlagCode.LOW_CONFIDENCE, message=note))
                yield Candidate(
                    payload=ProposedStatusEvent(
                        project_id=project_id, status=resolved, date=date, date_precision=precision
                    ),
                    start=min(project.start, t_start),
                    end=max(project.end, t_end),
                    confidence=round(confidence, 3),
                    flags=tuple(flags),
                    date_stated=stated,
                    ongoing=resolved is ProjectStatus.UNDER_CONSTRUCTION
                    and (pace or _ONGOING.search(trigger.group(0)) is not None),
                )


def _in_service_by(view: SentenceView, project_id: str, date: dt.date) -> bool:
    """True when the knowledge base holds the project in service by ``date``."""
    since = view.context.in_service_since.get(project_id)
    return since is not None and since <= date


#: Kinds of project that are a finished line once open: later papers on one are about its
#: traffic, not an agreement to build it (a field or a plant is developed further by new deals).
_LINES = frozenset({ProjectKind.RAILWAY, ProjectKind.ROAD})


def _running_before(view: SentenceView, project_id: str, date: dt.date) -> bool:
    """True when the project is a line the knowledge base holds in service since a year before
    ``date``."""
    return (
        view.context.in_service_before_year_of(project_id, date)
        and view.context.project_kinds.get(project_id) in _LINES
    )


#: A number of documents signed ("17 documents", "17 документов", "документы"): a visit's
#: papers, which say nothing of a project named only in the sentences before.
_DOCUMENTS_COUNTED = re.compile(
    r"\bdocuments\b|(?<![\w-])документ(?:ы|ов|ами)(?![\w-])", re.IGNORECASE
)
#: What may stand between two coordinated names: a bracket, a comma, "and", "и".
#: Quoted names in a list may stand between them too ("Достык – Мойынты", "Алматинская
#: кольцевая железная дорога", "Дарбаза – Мактаарал"): an unknown line is still a list item.
_BETWEEN_COORDINATED = re.compile(
    r"\s*[\"»”]?\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:(?:,\s*|и\s+|and\s+)[\"«„“][^\"«»„“”]{3,60}[\"»”]\s*)*"
    r"(?:,\s*(?:and\s+|и\s+)?|and\s+|и\s+)(?:the\s+)?[\"«„“]?",
    re.IGNORECASE,
)


def _coordinated(view: SentenceView, projects: list[Match], chosen: Match) -> list[Match]:
    """The other projects joined to ``chosen`` by "and"/"и" (or commas) in one phrase."""
    ordered = sorted(projects, key=lambda m: m.start)
    index = ordered.index(chosen)
    joined: list[Match] = []
    for step in (-1, 1):
        current = index
        while 0 <= current + step < len(ordered):
            a, b = sorted((ordered[current], ordered[current + step]), key=lambda m: m.start)
            if not _BETWEEN_COORDINATED.fullmatch(view.text, a.end, b.start):
                break
            current += step
            joined.append(ordered[current])
    return [m for m in joined if m.ids(EntryKind.PROJECT) != chosen.ids(EntryKind.PROJECT)]


def first_trigger(
    view: SentenceView, start: int, end: int, project_id: str
) -> tuple[ProjectStatus, int, int, float] | None:
    """The first status trigger in ``text[start:end]`` that is not negated or future."""
    hits = []
    for status, pattern, confidence in STATUS_TRIGGERS:
        for trigger in pattern.finditer(view.text, start, end):
            if _negated(view, trigger.start(), status):
                continue
            resolved = status or _launched_status(view, project_id, trigger.start(), trigger.end())
            hits.append((trigger.start(), trigger.end(), resolved, confidence))
    if not hits:
        return None
    t_start, t_end, resolved, confidence = min(hits, key=lambda h: h[0])
    return resolved, t_start, t_end, confidence


def _negated(view: SentenceView, position: int, status: ProjectStatus | None) -> bool:
    if status is ProjectStatus.ANNOUNCED:
        return False
    segment_start, _ = view.segment_of(position)
    before = view.text[max(segment_start, position - 60) : position]
    if _TO_THE_WORKS.search(before) and _WORKS_NOUN.match(view.text, position):
        return False  # "pointed to construction still going on": a preposition, no infinitive
    if _AWAITED.search(view.text, segment_start, position):
        return True  # "дождаться … возобновления работы": a step waited for, not taken
    return _NOT_DONE.search(before) is not None


#: A step waited for or looked forward to: "wait for the reopening", "дождаться открытия
#: границ и возобновления работы", "ожидают запуска".
_AWAITED = re.compile(
    r"(?<![\w-])(?:await\w*|wait(?:s|ed|ing)?\s+for|look(?:s|ing)?\s+forward\s+to"
    r"|дожда\w+|дожид\w+|жд(?:ать|[её]м|ут|ет)|ожида(?:ть|ют|ем|ет))\s+(?:[^\s.;,]+\s+){0,4}$",
    re.IGNORECASE,
)


#: "to" right before the trigger, and a works noun opening it: "to construction …".
_TO_THE_WORKS = re.compile(r"\bto\s+$", re.IGNORECASE)
_WORKS_NOUN = re.compile(
    r"(?:construction|restoration|rehabilitation|reconstruction)\b", re.IGNORECASE
)


def _project_for(view: SentenceView, projects: list[Match], start: int, end: int) -> Match | None:
    segment = view.segment_of(start)
    inside = [p for p in projects if p.start >= segment[0] and p.end <= segment[1]]
    if inside:
        return nearest(inside, start, end)
    apposed = _apposed_after_plural(view, projects, segment)
    if apposed is not None:
        return apposed
    if _SUBJECT_RELATIVE.fullmatch(view.text, segment[0], start) or (
        _OBJECT_RELATIVE.fullmatch(view.text, segment[0], start)
        and _DONE_BY_SOMEONE.match(view.text, start)
        and not any(segment[0] <= p.start < start for p in projects)
    ):
        # "the Angren-Pap railway, which has already been put into operation": the clause's
        # subject is the name right before it
        right_before = [p for p in projects if p.end <= segment[0] and segment[0] - p.end <= 3]
        if right_before:
            return right_before[-1]
    if _WORKS_OF_WHICH.match(view.text, segment[0]):
        # "the Vahdat-Yavan railway, construction of which began in 2014", "на ветке
        # Вахдат-Яван, строительство которых началось": the antecedent's works
        before = [
            p for p in projects if p.end <= segment[0] and segment[0] - p.end <= _MAX_DISTANCE
        ]
        if before:
            return before[-1]
    if not view.text[segment[0] : start].strip(" ,") and segment[0] <= view.start + 1:
        # a fronted participle: "Set up in 2015, KTZE-Khorgos Gateway grew into …",
        # "Созданный в 2015 году, сухой порт …": the subject of the clause after it
        following = view.segment_of(segment[1] + 2) if segment[1] < view.end else segment
        after = [p for p in projects if p.start >= following[0] and p.end <= following[1]]
        if after:
            return after[0]
    last = view.segment_of(max(start, end - 1))
    if last[1] < view.end and _RELATIVE.match(view.text, last[1] + 1):
        # "an agreement signed on June 6, which was meant to move the railway project
        # forward": the relative clause names what its antecedent is about
        following = view.segment_of(last[1] + 2)
        after = [p for p in projects if p.start >= following[0] and p.end <= following[1]]
        if after:
            return after[0]
    if _KIND_SUBJECT.search(view.text, segment[0], start):
        # "the Luban Workshop in Tajikistan in 2022, when the facility was still under
        # construction": a word for a kind as the clause's subject, after the one project named
        before = [p for p in projects if p.end <= start and start - p.end <= _MAX_DISTANCE]
        if before and len({i for p in projects for i in p.ids(EntryKind.PROJECT)}) == 1:
            return before[-1]
    if _PRONOUN_SUBJECT.search(view.text, segment[0], start):
        # "X, which has kept drawing buyers since it was launched in 2012": the pronoun
        # stands for the name before it in the sentence
        before = [p for p in projects if p.end <= start and start - p.end <= _MAX_DISTANCE]
        if before:
            return before[-1]
    # A clause without a subject of its own ("…, and was opened in 2016"): the nearest
    # project before it. A clause with its own subject is about something else.
    own_subject = _SUBJECT_NOUN.match(view.text, start)
    bare_works = False
    if (
        own_subject is not None
        and not own_subject.group().casefold().startswith(("cooperation", "partnership"))
        and _COMPLEMENT.match(view.text, own_subject.end()) is None
    ):
        own_subject = None  # "…, and construction started in 2009": the same project's works
        bare_works = True
    if len(view.text[segment[0] : start].split()) > _SUBJECTLESS_WORDS or own_subject:
        return None
    before = [p for p in projects if p.end <= start and start - p.end <= _MAX_DISTANCE]
    if before:
        return before[-1]
    named = {p.ids(EntryKind.PROJECT)[0] for p in projects}
    if bare_works and len(named) == 1:
        return projects[0]  # "work has begun on 18 tunnels … along the line": the one named
    return None


#: A section word right before or after a name ("участка Достык — Мойынты", "the
#: Dostyk-Moiynty section").
_SECTION_BEFORE = re.compile(r"(?<![\w-])(?:участ\w*|отрез\w*)\s+[«\"]?$", re.IGNORECASE)
_SECTION_AFTER = re.compile(r"[»\"]?\s+(?:section|stretch)\b", re.IGNORECASE)
#: A name made of its ends: "Достык — Мойынты", "Dostyk-Moiynty".
_ENDS = re.compile(r"\w[\w']*\s?[-–—]\s?\w")


#: A plural noun of lines or facilities: "two new railways", "три завода".
_PLURAL_KIND = re.compile(
    r"\b(?:railways|railroads|rail\s+lines|lines|roads|highways|pipelines|plants|power\s+stations"
    r"|bridges|tunnels|terminals)\b"
    r"|(?<![\w-])(?:железные\s+дороги|железных\s+дорог|линии|линий|дороги|дорог|заводы|заводов"
    r"|электростанции|электростанций|терминалы|терминалов)(?![\w-])",
    re.IGNORECASE,
)
#: What may stand between the names of an apposed list: commas, "and", "и".
_LIST_GLUE = re.compile(r"[\s,]*(?:\band\b|(?<![\w-])и(?![\w-]))?[\s,]*", re.IGNORECASE)


def _apposed_after_plural(
    view: SentenceView, projects: list[Match], segment: tuple[int, int]
) -> Match | None:
    """The first project of a list set off by commas right after a clause with a plural noun of
    its kind: "Kazakhstan put two new railways into service, Zhezkazgan-Beineu and
    Arkalyk-Shubarkol, at a ceremony", "…two new railways, X and Y, into service"."""
    if not _PLURAL_KIND.search(view.text, segment[0], segment[1]) or segment[1] >= view.end:
        return None
    following = view.segment_of(segment[1] + 2)
    listed = [p for p in projects if following[0] <= p.start and p.end <= following[1]]
    if not listed:
        return None
    rest = view.text[following[0] : following[1]]
    named = [m for m in view.matches if following[0] <= m.start and m.end <= following[1]]
    for match in sorted(named, key=lambda m: m.start, reverse=True):  # the list's known names
        a, b = match.start - following[0], match.end - following[0]
        rest = rest[:a] + "," + rest[b:]
    # names of its own, made of their ends ("Arkalyk-Shubarkol", a line not yet held)
    leftover = re.sub(r"(?-i:[A-ZА-ЯЁ][\w'’]*(?:[-–—][A-ZА-ЯЁ][\w'’]*)+)", ",", rest)
    return listed[0] if _LIST_GLUE.fullmatch(leftover) else None


def _named_by_its_ends(view: SentenceView, project: Match) -> bool:
    """True when the section the sentence speaks of is the project itself: its name is the
    section's ends ("движение по вторым путям участка Достык — Мойынты открыто")."""
    if project.borrowed or not _ENDS.search(project.text):
        return False
    before = _SECTION_BEFORE.search(view.text, max(view.start, project.start - 20), project.start)
    after = _SECTION_AFTER.match(view.text, project.end)
    return before is not None or after is not None


def _launched_status(view: SentenceView, project_id: str, start: int, end: int) -> ProjectStatus:
    kind = view.context.project_kinds.get(project_id)
    segment = view.segment_of(start)
    operating = _OPERATING.search(view.text, segment[0], segment[1]) is not None
    if (
        _RU_LAUNCH.match(view.text, start)
        and not _SUBJECT_NOUN.search(view.text, segment[0], segment[1])
        and not _PROJECT_LAUNCH.search(view.text, start, end)
    ):
        return ProjectStatus.IN_SERVICE  # "запустили первую очередь": put into operation
    if kind in INFRASTRUCTURE and not operating:
        return ProjectStatus.UNDER_CONSTRUCTION
    return ProjectStatus.IN_SERVICE


def date_for(
    view: SentenceView, start: int, end: int, others: list[int] | None = None
) -> tuple[dt.date, DatePrecision, bool, str] | None:
    """The date of the trigger at ``start:end``: in its clause, else close by (unless that
    date's clause holds the verb of another trigger, ``others``, whose date it is), else the
    summit's or the document's."""
    segment = view.segment_of(start)
    dates = [
        d
        for d in view.dates
        if not _DATELINE.match(view.text, d.end)
        and not _UNTIL.search(view.text, max(view.start, d.start - 8), d.start)
    ]  # "closed until 15 February": when the state ends, not when the step was taken
    latest = _reported_by(view)
    if latest is not None:  # a status reported has happened: "by 2030" is a goal's date
        dates = [d for d in dates if d.date <= latest]
    in_segment = [d for d in dates if d.start >= segment[0] and d.end <= segment[1]]
    chosen: DateMention | None = nearest(in_segment, start, end)
    if chosen is None:
        close = [
            d
            for d in dates
            if max(0, d.start - end, start - d.end) <= 60
            and not _dates_another(view, d, others or [])
        ]
        chosen = nearest(close, start, end) or fronted_date(view, start, others or [])
    if chosen is None and _AT_THAT_TIME.search(view.text, segment[0], start):
        chosen = _time_referred_to(view, start)  # "В 2018 году …: тогда … заключили договор"
    if chosen is not None:
        return chosen.date, chosen.precision, True, ""
    context = view.context
    if view.refers_to_this_summit and context.summit_date and context.summit_precision:
        return context.summit_date, context.summit_precision, True, ""
    if context.reference is not None:
        month = context.reference_precision is DatePrecision.MONTH
        when = context.reference.strftime("%Y-%m") if month else context.reference.isoformat()
        note = (
            f"the sentence gives no date; dated by the document ({when}): the status held by then"
        )
        return context.reference, context.reference_precision, False, note
    return None


#: A word pointing back to a time the text gave: "тогда", "тогда же", "в то время", "at
#: that time" (not "тогда как", whereas; English "then" orders steps, it names no time).
_AT_THAT_TIME = re.compile(
    r"(?<![\w-])(?:тогда(?!\s+как)|в\s+то\s+время(?!\s+как))(?![\w-])|\bat\s+(?:that|the)\s+time\b",
    re.IGNORECASE,
)


def _time_referred_to(view: SentenceView, start: int) -> DateMention | None:
    """The time "тогда" points back to: the last date before it in the sentence, else the
    last date of the sentence before."""
    before = [d for d in view.dates if d.end <= start]
    if before:
        return before[-1]
    earlier = next(view.previous_sentences(1), None)
    return earlier.dates[-1] if earlier is not None and earlier.dates else None


def _as_reported(view: SentenceView) -> tuple[dt.date, DatePrecision, bool, str] | None:
    """The report's date, for a state said to hold as the report is written."""
    context = view.context
    if context.reference is None:
        return None
    note = "a pace of works said in any tense: the works are under way by the report's date"
    return context.reference, context.reference_precision, False, note


def _in_use_since(view: SentenceView, position: int) -> bool:
    """True when the clause of a use seen as the report is written says since when ("gas has
    been flowing through the new line since May 31"): that date dates it."""
    segment = view.segment_of(position)
    return any(d.since and segment[0] <= d.start < segment[1] for d in view.dates)


def _reported_by(view: SentenceView) -> dt.date | None:
    """The last day the document's date may stand for (its month's or year's end if coarse)."""
    day, precision = view.context.reference, view.context.reference_precision
    if day is None:
        return None
    if precision is DatePrecision.YEAR:
        return dt.date(day.year, 12, 31)
    if precision is DatePrecision.MONTH:
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1) - dt.timedelta(days=1)
    return day


def _dates_another(view: SentenceView, date: DateMention, others: list[int]) -> bool:
    """True when the clause holding ``date`` also holds another status trigger's verb (a
    relative clause belongs to the clause before it: "прерванное после оползня, который
    сошёл 23 января")."""
    lo, hi = view.segment_of(date.start)
    if lo > view.start and _RELATIVE.match(view.text, lo):
        lo = view.segment_of(lo - 2)[0]
    return any(lo < verb <= hi for verb in others)


def _match_flags(match: Match) -> Iterator[Flag]:
    if match.variant_of is not None:
        yield Flag(
            code=FlagCode.SPELLING_VARIANT,
            message=f"'{match.text}' read as '{match.variant_of}' (a spelling variant)",
        )
    yield from unheld_name_flags(match)  # another script or other words (corpus rule 14)
    if len(match.ids(EntryKind.PROJECT)) > 1:
        yield Flag(
            code=FlagCode.AMBIGUOUS,
            message=f"'{match.text}' fits {', '.join(match.ids(EntryKind.PROJECT))}",
        )
