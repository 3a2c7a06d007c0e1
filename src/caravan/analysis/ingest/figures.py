"""Figures with their scope: trade, investment, crossing capacity and quotas, lengths,
sister-city counts and planned opening years.

Each rule needs the figure's cue words and its subject in the same sentence: a trade
value needs China, a partner (or "Central Asia" for the total) and a year; a capacity
needs a crossing (or a border post, or a project); a length or an opening year needs a
project. A figure without its scope is not proposed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from caravan.analysis.ingest.amount_scopes import (
    anniversary,
    carried_trade,
    per_unit,
    regions_trade,
    sector_trade,
    subnational_owner,
    subnational_pair,
)
from caravan.analysis.ingest.border_mentions import named_as_border
from caravan.analysis.ingest.bracketed_countries import another_country_said
from caravan.analysis.ingest.context import (
    CENTRAL_ASIA,
    Candidate,
    SentenceView,
    nearest,
    parties_named,
)
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.figure_asides import (
    added_to_capacity,
    compared_aside,
    dates_old_value,
    difference_after,
    part_named_after,
    part_of_a_total,
    superseded_value,
)
from caravan.analysis.ingest.future_openings import future_openings
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.analysis.ingest.held_names import unheld_name_flags
from caravan.analysis.ingest.located_upgrades import own_upgrade_in_clause
from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.analysis.ingest.numbers import Amount, Number, find_money, find_numbers
from caravan.analysis.ingest.other_objects import names_other_thing
from caravan.analysis.ingest.plural_openings import openings_of_those_named
from caravan.analysis.ingest.qualifiers import (
    in_range,
    is_change,
    is_target,
    is_upper_bound,
    partial_period,
    speaks_of_part_of_year,
    statistics_owner,
)
from caravan.analysis.ingest.statistics_bodies import partner_statistics_cited
from caravan.analysis.ingest.suspicious import foreign_party_flag
from caravan.analysis.ingest.time_frame import framing_year
from caravan.analysis.ingest.trade_owners import (
    chinas_elided_trade,
    third_state_trade,
    whole_foreign_trade,
)
from caravan.analysis.ingest.undated_levels import last_full_year
from caravan.model.enums import DatePrecision
from caravan.model.proposals import FigureQuantity, Flag, FlagCode, ProposedFigure

__all__ = ["CROSSING_FIGURES", "PROJECT_FIGURES", "figures"]

_TRADE = re.compile(
    r"\btrade\b|\btraded\b|\btrades\b|\bturnover\b|товарооборот\w*|(?<![\w-])торгов\w*"
    r"|объ[её]м\w*\s+торговли|(?<![\w-])торгу(?:ет|ют)(?![\w-])",
    re.IGNORECASE,
)
#: Flows one way: exports and imports, and goods sold or bought ("sold $1.9 billion worth").
_EXPORT_IMPORT = re.compile(
    r"\bexport\w*|\bimport\w*|экспорт\w*|импорт\w*|\bsold\b|\bbought\b|\bsells\b|\bbuys\b"
    r"|(?<![\w-])(?:продал\w*|продаёт|продает|закупил\w*|купил\w*)(?![\w-])",
    re.IGNORECASE,
)
_INVESTMENT = re.compile(
    r"\binvest\w*|\bcost\w*|\bworth\b|\bgrant\b|\bpledged\b|\bloans?\b|\bcredit\s+line\b"
    # money lent is a loan, not trade: "China is to lend Kyrgyzstan nearly $300 million to …"
    r"|\blend(?:s|ing)?\b|\blent\b"
    r"|инвест\w*|вложени\w*|вложил\w*|стоимост\w*|обойд\w+|обош[её]л\w*|обошл\w+|кредит\w*|займ\w*|заём\w*",
    re.IGNORECASE,
)
#: "trade was worth $4.5 million": "worth" says what the trade came to, not an investment.
_WORTH_OF_TRADE = re.compile(r"\b(?:trade|traded|turnover)\b[^.;,$\d]{0,70}\bworth$", re.IGNORECASE)
#: "23 billion US dollars' worth of goods": what the goods came to, not an investment.
_AMOUNTS_WORTH = re.compile(r"(?:dollars|USD|billion|million|bn)['’]?\s+$|['’]\s+$", re.IGNORECASE)
#: An amount whose currency the sentence gave once already: "to $20 billion; in 2023 it
#: was 14 billion", "до 20 млрд долларов; … составил 14 миллиардов".
_ELIDED = re.compile(
    r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)\s?(?P<scale>billion|bn|million|млрд\.?|млн\.?|миллиард\w*|миллион\w*)"
    r"(?!\s*(?:\w+\s+)?(?:cubic|tonnes|tons|people|users|passengers|TEU|containers|кубометр\w*|куб\.|тонн\w*"
    r"|человек|пассажир\w*|контейнер\w*|сомов|сом|тенге|юаней|юань\w*|рубл\w*|yuan|tenge|soms|rubles|euros?|евро|\$|долл\w*|dollars?|USD))",
    re.IGNORECASE,
)


def _dollars_just_before(view: SentenceView) -> bool:
    """True when the sentence just before gives a trade amount in dollars: a list of amounts
    running on from it leaves the currency out."""
    earlier = next(iter(view.previous_sentences(1)), None)
    return (
        earlier is not None
        and _TRADE.search(earlier.sentence) is not None
        and bool(find_money(earlier.sentence, view.context.language))
    )


def _elided_dollars(sentence: str, amounts: list[Amount]) -> list[Amount]:
    """Scaled numbers with no currency in a sentence that states dollars elsewhere."""
    found: list[Amount] = []
    for match in _ELIDED.finditer(sentence):
        if any(a.start <= match.start() < a.end for a in amounts):
            continue
        value = float(match["n"].replace(",", "."))
        scale = 1e9 if match["scale"].casefold().startswith(("b", "млрд", "миллиард")) else 1e6
        found.append(Amount(match.start(), match.end(), value * scale))
    return found


#: A word in an institution's name is no cue: "the Ministry of Investments and Foreign Trade".
_INSTITUTION = re.compile(
    r"\b(?:Ministry|Minister|Agency|Committee|Department|Chamber)\s+(?:of|for)\s+(?:[\w-]+\s+(?:and\s+))?$"
    r"|(?<![\w-])(?:министерств\w*|министр\w*|агентств\w*|комитет\w*)\s+(?:по\s+)?(?:[\w-]+\s+(?:и\s+))?$",
    re.IGNORECASE,
)
_STATISTICS = re.compile(r"^[^\w.;]*(?:\w+[^\w.;]+){0,2}(?:statistic\w*|customs)", re.IGNORECASE)

_PER_DAY = (
    r"\s*(?:per|a|each|every|в|за)\s+(?:day|сутки|день)|\s+daily|\s+ежедневно|\s*/\s*(?:day|сут\.?)"
)
_VEHICLES = re.compile(
    r"(?P<n>\d[\d,.\u00a0 ]*)\s*(?P<th>(?:тысяч[аи]?|тыс\.|thousand)\s+)?(?:(?:грузов\w*|легков\w*|freight|cargo|heavy|passenger)\s+(?:(?:и|and)\s+\d[\d,.]*\s+(?:грузов\w*|легков\w*|passenger|light)\s+)?)?(?:trucks|lorries|vehicles|cars|грузовик\w*|автомобил\w*|машин\w*|транспортных\s+средств|ТС)"
    r"(?:" + _PER_DAY + r")",
    re.IGNORECASE,
)
_TRAINS = re.compile(
    # "составов" is a train too ("больше 200 составов в сутки")
    r"(?P<n>\d[\d,.]*)\s*(?:pairs\s+of\s+)?(?:(?:freight|container|cargo|грузов\w+|контейнерн\w+)\s+)?"
    r"(?:trains|поезд\w*|состав(?:ов|а|ы)(?![\w-])|пар\w*\s+поездов)(?:" + _PER_DAY + r")",
    re.IGNORECASE,
)
#: Million tonnes with no period after them, read when the period comes first.
_TONNES_BARE = re.compile(
    r"(?P<n>\d[\d,.]*)\s*(?:million|mln|m|млн\.?|миллион\w*)\s*(?:metric\s+)?(?:tonnes|tons|тонн)\b",
    re.IGNORECASE,
)
#: A year's period said before an amount: "за год", "in a year", "annually", "за 2024 год".
_YEARLY_FIRST = re.compile(
    r"(?:\bin\s+a\s+year|\bper\s+year|\ba\s+year|\bannually|(?<![\w-])за\s+(?:(?:19|20)\d\d\s+)?год(?![\w-]))"
    r"(?=[^.;]{0,80}?\d[\d,.]*\s*(?:million|mln|млн|миллион))",
    re.IGNORECASE,
)
_TONNES = re.compile(
    r"(?P<n>\d[\d,.]*)\s*(?:million|mln|m|млн\.?|миллион\w*)\s*(?:metric\s+)?(?:tonnes|tons|тонн)\b[^,;.]{0,25}?"
    r"(?:per\s+year|a\s+year|annually|per\s+annum|each\s+year|in\s+a\s+year|over\s+the\s+year|in\s+the\s+year|for\s+the\s+year|в\s+год|за\s+год|ежегодно"
    r"|in\s+(?:19|20)\d\d\b|в\s+(?:19|20)\d\d\s+году|за\s+(?:19|20)\d\d\s+год)"
    r"|(?P<n2>\d[\d,.]*)\s*(?:Mt|MTPA)(?:\s*/\s*(?:yr|year)|\s+(?:per|a)\s+year|\b)"
    r"|(?P<k>\d{1,3}(?:,\d{3})+|\d+\s*(?:thousand|тыс\.?|тысяч\w*))\s*(?:metric\s+)?(?:tonnes|tons|тонн)\b(?:\s+of\s+\w+|\s+\w+)?\s+(?:per\s+year|a\s+year|annually|per\s+annum|в\s+год"
    # a year's volume in thousands: "400,000 tons in 2023", "400 тысяч тонн в 2023 году"
    r"|in\s+(?:19|20)\d\d\b|в\s+(?:19|20)\d\d\s+году|за\s+(?:19|20)\d\d\s+год)",
    re.IGNORECASE,
)
_DAILY = re.compile(
    r"\bdaily\b|\ba\s+day\b|\bper\s+day\b|в\s+сутки|ежесуточно|ежедневно", re.IGNORECASE
)
_TRAINS_BARE = re.compile(
    r"(?P<n>\d[\d,.]*)\s+(?:pairs\s+of\s+)?(?:(?:freight|container|cargo)\s+)?(?:trains|поезд\w*)\b",
    re.IGNORECASE,
)
_VEHICLES_BARE = re.compile(
    r"(?P<n>\d[\d,.]*)\s+(?:trucks|lorries|vehicles|грузовик\w*|автомобил\w*)\b", re.IGNORECASE
)
_LIMIT = re.compile(
    r"(?:\blimit|\bquota|лимит|квот)\w*[^.;]{0,80}?\b(?:to|до)\s+(?P<n>\d[\d,.\u00a0 ]*?)\s*(?:units|vehicles|trucks|единиц\w*|машин\w*|грузовик\w*)?"
    r"(?:\s+(?:a|per)\s+day|\s+в\s+сутки)?\b",
    re.IGNORECASE,
)
#: What a facility can handle is its capacity, not the freight it moved: "can handle up to
#: 6 Mt a year", "сможет переваливать до 6 млн тонн".
_ABILITY = re.compile(
    r"\b(?:can|able\s+to|capable\s+of|up\s+to)\b"
    r"|(?<![\w-])(?:может|могут|сможет|смогут|способн\w*|до\s+\d)",
    re.IGNORECASE,
)
_QUOTA = re.compile(
    r"quota|limit|at\s+least|cap\b|квот\w*|лимит\w*|не\s+менее",
    re.IGNORECASE,
)
_THROUGHPUT = re.compile(
    r"\b(?:handled|carried|transported|shipped|moved|processed|transit(?:ed)?|passed\s+through)\b|перевез\w*|обработ\w*|переработ\w*|перевал\w*"
    # freight moved through a place: "freight through the Kolzhat checkpoint stood at …"
    r"|\b(?:freight|cargo|goods)\s+(?:traffic\s+|volumes?\s+)?(?:through|via|across)\b|(?<![\w-])(?:грузооборот|грузопоток|объ[её]м\w*\s+(?:грузов|перевозок))\w*\s+(?:через|по)\s"
    r"|(?<![\w-])(?:прош[её]дш|прошл|проходящ|проследовавш)\w*\s+через\s",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    r"(?P<n>\d[\d,.\u00a0 ]*?)\s?(?:-|\s)?(?:km|kilomet(?:er|re)s?|км|километр\w*)\b(?!\s*(?:/|per\b|away\b|south|north|east|west|в\s+час|a\s+day|в\s+сутки))(?!\s*(?:from|от)\b(?![^.;]{1,40}?\b(?:to|до)\b))",
    re.IGNORECASE,
)
_LENGTH_CUE = re.compile(
    r"\blong\b|length|stretch|span|\bruns?\b|\bfull\b|\btotal\b|km\s+of\s+(?:new\s+)?(?:track|line|railway|road)|протяж\w*|длин\w*|-km|km-",
    re.IGNORECASE,
)
_SISTER = re.compile(
    r"sister[- ](?:cit\w*|provinces?|regions?|relations?)|twin(?:ned)?\s+cit\w*|friendly\s+(?:cit\w*|provinces)|побратим\w*|породн\w*",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:expected|planned|scheduled|due|set|slated|aims?|plans?|intends?)\s+to\s+(?:be\s+)?(?:open|opened|completed?|finish(?:ed)?|commission(?:ed)?|put\s+into\s+(?:service|operation)|launch(?:ed)?|start\s+operat\w*|begin\s+operat\w*|become\s+operational|operational|ready|(?:go|enter|come)\s+into\s+(?:service|operation)|enter\s+(?:service|operation))"
    r"[^.;]{0,50}?\b(?:in|by|before|(?:at|by)\s+the\s+end\s+of)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|early|mid-?|late)\s*)?(?P<year>(?:20|21)\d\d)\b"
    r"|\b(?:expected|planned|scheduled|due|set|slated|aims?|plans?|intends?)\s+to\s+(?:be\s+)?(?:open|opened|completed?|finish(?:ed)?|commission(?:ed)?|launch(?:ed)?|put\s+into\s+(?:service|operation))\s+[^.;]{0,50}?\b(?P<rel5>this|next)\s+year\b"
    r"|\b(?:will|are\s+to|is\s+to)\s+be\s+(?:commissioned|completed|opened|put\s+into\s+(?:service|operation))\s+(?P<rel>this|next)\s+year\b"
    r"|\b(?P<rel2>this|next)\s+year\b[^.;]{0,80}?\b(?:will|are\s+to|is\s+to)\s+be\s+(?:commissioned|completed|opened|put\s+into\s+(?:service|operation))"
    r"|\b(?:will|is\s+to|are\s+to)\s+(?:be\s+)?(?:open|opened|completed|finished|commissioned|put\s+into\s+(?:service|operation)|become\s+operational|operational|ready|start\s+operat\w*|begin\s+operat\w*|(?:go|enter|come)\s+into\s+(?:service|operation)|enter\s+(?:service|operation))\s+(?:in|by|(?:at|by)\s+the\s+end\s+of)\s+(?:(?:early|mid-?|late|the\s+(?:first|second)\s+half\s+of)\s*)?(?P<year4>(?:20|21)\d\d)\b"
    r"|\b(?:over|in|within)\s+the\s+next\s+\w+\s+years\s*\((?:19|20)\d\d\s*[-–]\s*(?P<year5>(?:20|21)\d\d)\)"
    r"|\b(?:completion|opening|commissioning|launch)\b[^.;]{0,40}?\b(?:expected|planned|scheduled|due|set)\s+(?:in|by|for)\s+(?P<year2>(?:20|21)\d\d)\b"
    r"|(?:планиру\w*|намечен\w*|ожида\w*|должн\w*|рассчитыва\w*|задач\w*|цел\w*|намер\w*|поручени\w*|поручил\w*)[^.;]{0,60}?(?:ввести|завершить|открыть|запустить|достроить|ввод\w*|завершени\w*|открыти\w*|запуск\w*|сдать|открыт[аоы]?|введен[аоы]?|введ[её]н|сдан[аоы]?|запущен[аоы]?|завершен[аоы]?|завершён|построен[аоы]?|достроен[аоы]?)[^.;]{0,60}?(?<![\w-])(?:в|к|до)\s+(?:(?:этом|текущем|следующем),?\s+)?(?P<year3>(?:20|21)\d\d)"
    # "will be completed by the end of the year", "планируется открыть до конца года"
    r"|\b(?:will|should|is\s+to|are\s+to|(?:expected|planned|scheduled|due|set)\s+to)\s+(?:be\s+)?(?:open|opened|completed?|finished|commissioned|operational|ready|launched|put\s+into\s+(?:service|operation))\s+(?:by|before|at)\s+the\s+end\s+of\s+(?:the|this)\s+year\b(?P<rel3>)"
    # the project between the plan and its verb: "expects Line D to start operating by 2022"
    r"|\b(?:expects?|expected|plans?|planned|wants?|intends?)\s+(?:[^.;\s]+\s+){1,6}?to\s+(?:be\s+)?(?:open|opened|completed|finished|commissioned|start\s+operat\w*|begin\s+operat\w*|become\s+operational|operational|(?:go|enter|come)\s+into\s+(?:service|operation)|enter\s+service)\s+(?:in|by|before)\s+(?P<year11>(?:20|21)\d\d)\b"
    r"|(?:планиру\w*|намечен\w*|ожида\w*|должн\w*|будет|будут|задач\w*)\s+[^.;]{0,60}?(?:ввести|завершить|открыть|запустить|достроить|сдать|открыт[аоы]?|введен[аоы]?|сдан[аоы]?|запущен[аоы]?|завершен[аоы]?)[^.;]{0,60}?(?<![\w-])(?:до\s+конца|к\s+концу)\s+(?:этого\s+|текущего\s+)?года(?P<rel4>)"
    # "is planned for 2027", "scheduled for completion in 2027"
    r"|\b(?:is|are|was|were|remains?)\s+(?:now\s+)?(?:planned|scheduled|slated|due|set|expected|targeted)\s+for\s+(?:completion\s+|commissioning\s+|opening\s+|launch\s+)?(?:in\s+|by\s+)?(?P<year6>(?:20|21)\d\d)\b"
    # "запуск … запланирован на 2027 год", "ввод в эксплуатацию намечен на 2027 год"
    r"|(?<![\w-])(?:ввод\w*|запуск\w*|открыти\w*|завершени\w*|сдач\w*)[^.;]{0,80}?(?:запланирован\w*|намечен\w*|планиру\w*|ожида\w*|предполага\w*)\s+(?:на|в|к)\s+(?P<year7>(?:20|21)\d\d)"
    # "(открытие) планируется в 2027 году": a plan dated by a year, with no other verb
    r"|(?<![\w-])(?:планиру\w*|запланирован\w*|намечен\w*|предполага\w*)\s+(?:\w+\s+){0,2}?(?:в|на|к)\s+(?P<year8>(?:20|21)\d\d)\s*(?:году|год|года|г\.)"
    # the year first: "In 2027 the line is expected to open", "В 2027 году планируется ввести"
    r"|\b(?:in|by)\s+(?P<year9>(?:20|21)\d\d),?\s+[^.;]{0,60}?\b(?:(?:is|are)\s+(?:expected|planned|scheduled|due|set)\s+to|will)\s+(?:be\s+)?(?:open|opened|completed?|commissioned|operational|ready|put\s+into\s+(?:service|operation)|launched)\b"
    # Russian future of opening verbs: "В 2014 году откроют движение по …", "откроется в 2027 году"
    r"|(?<![\w-])(?:в|к|до)\s+(?P<year12>(?:20|21)\d\d)\s*(?:году|года|г\.)?,?\s+(?:[^.;\s]+\s+){0,4}?(?:откроют|откроется|откроются|введут|запустят|сдадут|достроят|будет\s+(?:открыт\w*|введен\w*|введ[её]н|запущен\w*|сдан\w*))(?![\w-])"
    r"|(?<![\w-])(?:откроют|откроется|откроются|введут|запустят|сдадут|достроят|будет\s+(?:открыт\w*|введен\w*|введ[её]н|запущен\w*|сдан\w*))\s+(?:[^.;\s]+\s+){0,6}?(?:в|к|до)\s+(?P<year13>(?:20|21)\d\d)\s*(?:году|года|г\.)"
    r"|(?<![\w-])(?:в|к|до)\s+(?P<year10>(?:20|21)\d\d)\s*(?:году|года|г\.)?,?\s+(?:[^.;\s]+\s+){0,3}?(?:планиру\w*|намечен\w*|запланирован\w*|ожида\w*|должн\w*)\s+(?:[^.;\s]+\s+){0,3}?(?:ввести|завершить|открыть|запустить|достроить|сдать|открыт[аоы]?|введен[аоы]?|сдан[аоы]?|запущен[аоы]?|завершен[аоы]?)(?![\w-])",
    re.IGNORECASE,
)
#: A planned start of works, not of service: "construction is scheduled for 2026",
#: "строительство планируется начать в 2026 году".
_NOT_OPENING = re.compile(
    r"\b(?:construction|works?|building|groundbreaking)\b|\b(?:start|begin)\s+(?:of\s+)?(?:the\s+)?(?:construction|works?|building)\b"
    r"|(?<![\w-])(?:строительств\w*|начать|начал[оа]?|начнется|начнётся|закладк\w*|работ[аы]?)(?![\w-])",
    re.IGNORECASE,
)


#: Figures that belong to a crossing: vehicles or trains a day, tonnes a year.
CROSSING_FIGURES = (_VEHICLES, _TRAINS, _TONNES)
#: Figures that belong to a project: a planned opening, an amount granted or invested.
PROJECT_FIGURES = (
    _OPENING,
    re.compile(
        r"\b(?:grant|loan|invest\w*|cost\w*)\b"
        r"|(?<![\w-])(?:инвест\w*|вложил\w*|вложени\w*|стоимост\w*|кредит\w*|грант\w*)",
        re.IGNORECASE,
    ),
)


def figures(view: SentenceView) -> Iterator[Candidate]:
    """Every scoped figure read from one sentence."""
    yield from _trade_and_investment(view)
    yield from _crossing_figures(view)
    yield from _lengths(view)
    yield from _sister_cities(view)
    gathered = list(openings_of_those_named(view))
    for project, year, start, end in gathered:
        # "… все эти объекты сдадут в нынешнем году": each line named before, not the last one
        yield _opening(project, year, start, end)
    if not gathered:
        yield from _planned_openings(view)


# -- trade and investment ------------------------------------------------------------------


def _trade_and_investment(view: SentenceView) -> Iterator[Candidate]:
    sentence = view.sentence
    amounts = find_money(sentence, view.context.language)
    if not amounts and _dollars_just_before(view):
        # "… Казахстан — 30,1 миллиарда долларов. Второе место у Узбекистана — 18 миллиардов"
        amounts = _elided_dollars(sentence, [])
    if not amounts:
        return
    amounts += _elided_dollars(sentence, amounts)
    cues = [
        *(("trade", m.start(), m.end()) for m in _TRADE.finditer(sentence)),
        *(("flow", m.start(), m.end()) for m in _EXPORT_IMPORT.finditer(sentence)),
        *(
            ("investment", m.start(), m.end())
            for m in _INVESTMENT.finditer(sentence)
            if not _INSTITUTION.search(sentence[max(0, m.start() - 40) : m.start()])
            and not _WORTH_OF_TRADE.search(sentence[max(0, m.start() - 80) : m.end()])
            and not (
                m.group().casefold() == "worth"
                and _AMOUNTS_WORTH.search(sentence[max(0, m.start() - 20) : m.start()])
            )
        ),
    ]
    carried = False
    if not cues and (_trade_runs_on(view) or _trade_referred_by_pronoun(view)):
        # A list running on from a trade sentence: "Next came Uzbekistan with $13.78 billion".
        cues, carried = [("trade", 0, 0)], True
    if not cues:
        return
    changes: list[Amount] = []
    states = [  # names of states and groups: "between Kazakhstan and Xinjiang" has one
        (m.start - view.start, m.end - view.start)
        for m in view.of_kind(EntryKind.COUNTRY, EntryKind.GROUP, EntryKind.FOREIGN)
    ]
    for amount in sorted(amounts, key=lambda a: a.start):
        start, end = view.start + amount.start, view.start + amount.end
        clause = view.segment_of(start)
        kind, cue_start, cue_end = min(
            cues,
            key=lambda c: (
                # the amount's own clause first: "Trade … rose to $14bn, though exports …"
                not clause[0] <= view.start + c[1] < clause[1],
                max(0, c[1] - amount.end, amount.start - c[2]),
            ),
        )
        if is_change(sentence, amount.start) or (
            # "shrink by about $260 million and $65 million": both are changes
            changes and _AND.fullmatch(sentence, changes[-1].end, amount.start)
        ):
            changes.append(amount)
            continue
        if (
            in_range(sentence, amount.start, amount.end)
            or per_unit(sentence, amount.end)  # "140.7 U.S. dollars per container": a rate
            or (kind == "trade" and regions_trade(sentence, cue_start, cue_end))
            or (kind == "trade" and sector_trade(sentence, cue_start, cue_end))
            or (kind == "trade" and carried_trade(sentence, cue_end))
            or (kind == "trade" and subnational_pair(sentence, cue_end, states))
            or (kind == "trade" and subnational_owner(sentence, cue_start, cue_end, states))
            or (kind == "trade" and whole_foreign_trade(sentence, cue_start, cue_end))
            or (
                kind == "trade"
                and third_state_trade(view, *_absolute(view, cue_start, cue_end))
                and not chinas_elided_trade(sentence, amount.start)
            )
            or is_upper_bound(sentence, amount.start)  # "more than" reads at its value
            or (kind == "trade" and is_target(view, start, end))
            or (kind == "investment" and _inflow_forecast(view, start))
        ):
            continue  # a range, a change, a superseded value or a goal states no fact
        if kind == "trade":
            yield from _trade(view, amount.value_usd, start, end, view.start + cue_start, carried)
        elif kind == "investment":
            yield from _investment(view, amount.value_usd, start, end)


#: Investment a project is to bring or attract: a forecast, not its cost
#: ("is expected to bring $3 billion of investment", "планируется привлечь").
_INFLOW = re.compile(
    r"\b(?:will|would|could|may|might|expected\s+to|is\s+to|are\s+to|aims?\s+to|hopes?\s+to)\s+"
    r"(?:\w+\s+)?(?:bring|attract|draw|generate|mobili[sz]e)\b"
    r"|(?<![\w-])(?:привлечь|принести|привлечёт|привлечет|принесёт|принесет|привлекут|принесут)(?![\w-])",
    re.IGNORECASE,
)


def _absolute(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    return view.start + start, view.start + end


def _inflow_forecast(view: SentenceView, start: int) -> bool:
    clause_start, _ = view.segment_of(start)
    return _INFLOW.search(view.text, max(clause_start, start - 90), start) is not None


#: "the five Central Asian countries", "Central Asia as a whole": a total, not one partner.
_TOTAL = re.compile(
    r"\b(?:five|all|entire|whole)\s+(?:of\s+the\s+)?Central\s+Asia|\bCentral\s+Asia\s+as\s+a\s+whole"
    r"|\b(?:the\s+)?five\s+(?:countries|states|nations|republics)\b|\bChina[-–—\s]+Central\s+Asia|(?<![\w-])(?:пят\w+|всеми|всех)\s+(?:\w+\s+)?стран|стран\w*\s+Центральной\s+Азии",
    re.IGNORECASE,
)


#: "the region" in a text about Central Asia.
_REGION = re.compile(
    r"\bthe\s+region\b|\bregion['’]s\b|(?<![\w-])(?:регион[ауеом]?|регионом)(?![\w-])",
    re.IGNORECASE,
)


def _trade(
    view: SentenceView, value: float, start: int, end: int, cue: int, carried: bool
) -> Iterator[Candidate]:
    countries = view.of_kind(EntryKind.COUNTRY)
    china_named = any("cn" in m.ids(EntryKind.COUNTRY) for m in countries)
    bilateral = _BILATERAL.search(view.sentence) is not None and not (
        {i for m in countries for i in m.ids(EntryKind.COUNTRY)} - {"cn"}
    )
    if bilateral and china_named and _TOTAL.search(view.sentence):
        partner_before: str | None = ""  # "China and the five countries … the two sides": the total
    elif bilateral:
        # "Bilateral trade reached $44 billion": the two sides are the sentences' just before.
        partner_before = _partner_before(view)
        if partner_before is None:
            return
    elif not china_named and _BILATERAL.search(view.sentence) and _china_before(view):
        pass  # "Kyrgyzstan's statistics: trade between the two countries …": China said before
    elif not china_named and not carried and not _chinas_trade_before(view, countries):
        return  # a run-on list's China is in its trade sentence; a text on China's trade says it
    flags: list[Flag] = []
    partner = partner_before if bilateral else _partner_near(view, start, end)
    if partner is None:
        partners = {i for m in countries for i in m.ids(EntryKind.COUNTRY) if i != "cn"}
        groups = {i for m in view.of_kind(EntryKind.GROUP) for i in m.ids(EntryKind.GROUP)}
        foreign = view.of_kind(EntryKind.FOREIGN)
        if (
            _TOTAL.search(view.sentence)
            or partners >= set(CENTRAL_ASIA)
            or _region_is_partner(view, start, cue)
        ):
            partner = ""
        elif len(partners) == 1:
            partner = partners.pop()
        elif not partners and (
            "ca5" in groups or (view.context.about_central_asia and _REGION.search(view.sentence))
        ):
            partner = ""  # "trade with the region" in a text about Central Asia: the total
        elif not partners and len(foreign) == 1:
            partner = foreign[0].ids(EntryKind.FOREIGN)[0]
            flag = foreign_party_flag(view, foreign[0])
            if flag is not None:
                flags.append(flag)
        else:
            return
    elif carried is False and (
        _TOTAL.search(view.text, *view.segment_of(start)) or _region_is_partner(view, start, cue)
    ):
        partner = ""  # the state named is not this amount's partner: the whole region is
    candidates = [
        d
        for d in view.dates
        if not _compared(view, d)
        or ((span := _compared_amount(view, d)) is not None and span[0] <= start < span[1])
    ]  # "30 % more than the $24.2 billion of 2022": 2022 dates the $24.2 billion only
    clause = view.segment_of(start)
    own = [d for d in candidates if clause[0] <= d.start < clause[1]]
    # The amount's own clause dates it: "in 1992 it was $4.5 million, and last year …".
    dated = _date_right_after(view, end, candidates) or nearest(own or candidates, start, end)
    year = dated.date.year if dated is not None else None
    if year is None and carried:
        year = _carried_year(view)
        if year is None and dated is None and not _trade_dated_before(view):
            year = _list_heads_year(view)  # "Kazakhstan — $30.1bn. Uzbekistan is second with …"
            if year is not None:
                flags.append(
                    Flag(
                        code=FlagCode.LOW_CONFIDENCE,
                        message=f"the list gives no year; read as the last whole year before the report ({year})",
                    )
                )
    if year is None and dated is None and _THE_YEAR.search(view.text, *view.segment_of(start)):
        framed = framing_year(view)  # "By the end of 2023 … trade came to $13.7bn over the year"
        year = framed.year if framed is not None else None
    if year is None and dated is None:
        year = _running_year(view)  # "Kazakhstan's turnover reached $41bn": the year said before
    if (
        year is None
        and dated is None
        and not _trade_dated_before(view)
        and (last := last_full_year(view, start)) is not None
    ):
        year = last  # "товарооборот вышел на рекордные 44 млрд": the last whole year's level
        flags.append(
            Flag(
                code=FlagCode.LOW_CONFIDENCE,
                message=f"the text gives no year; read as the last whole year before the report ({last})",
            )
        )
    if year is None or partial_period(view, start, (dated.start, dated.end) if dated else None):
        return
    if dated is None and _after_part_of_year(view):
        return  # "За январь–май … $964 млн. Таджикские товары ушли в Китай на $177 млн"
    yield Candidate(
        payload=ProposedFigure(
            quantity=FigureQuantity.TRADE_VALUE_USD,
            value=value,
            reporter_id=_reporter(view, partner or None),
            partner_id=partner or None,
            year=year,
        ),
        start=min(start, cue) if not carried else start,
        end=end,
        confidence=(0.85 if not carried else 0.7) if not flags else 0.4,  # a flag: a doubt
        flags=tuple(flags),
    )


#: The base of a comparison: "250 times more than in 1993", "на 32 % больше, чем годом ранее".
_COMPARED = re.compile(
    r"(?:\bthan|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bon|\bover"
    r"|(?<![\w-])чем|по\s+сравнению\s+с|против)\s+(?:in\s+|the\s+|в\s+|во\s+|с\s+)?$",
    re.IGNORECASE,
)


#: The year a change is measured from: "fell by 8.4% from 2015", "up 5 percent from 2019"
#: (a span's start, "from 2015 to 2020", is no base).
_FROM = re.compile(r"\bfrom\s+", re.IGNORECASE)
_SPAN_AFTER = re.compile(
    r"\s*(?:to|through|until|till|–|—|-)\s*(?:the\s+)?(?:end\s+of\s+)?\d", re.IGNORECASE
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|grew|grown|increased|fell|fallen|dropped|declined|decreased|slipped|jumped"
    r"|climbed|up|down)\b[^;]{0,40}$",
    re.IGNORECASE,
)


#: The year of the amount compared with: "30 percent more than the $24.2 billion of 2022",
#: "на 30% больше, чем 24,2 млрд долларов в 2022 году" ("more than $2 billion in 2018" is a
#: bound with its own year, no comparison).
_COMPARED_AMOUNT = re.compile(
    r"(?:(?:%|\bper\s*cent|\bpercent|\btimes|\bhigher|\blower|\blarger|\bsmaller|\bgreater)"
    r"\s+(?:more\s+|less\s+|higher\s+|lower\s+)?than|\bcompared\s+(?:with|to)|\b(?:up|down)\s+from"
    r"|(?<!более\s)(?<!менее\s)(?<![\w-])чем|по\s+сравнению\s+с)\s+(?:the\s+)?"
    r"(?:about\s+|около\s+)?(?:US\s*)?\$?\s?\d[\d.,]*\s*(?:billion|million|bn|mln|млрд|млн)?\.?"
    r"\s*(?:(?:US\s+)?dollars|долл\w*\.?)?\s*(?:of|in|for|в|за)\s+$",
    re.IGNORECASE,
)


def _compared_amount(view: SentenceView, date: DateMention) -> tuple[int, int] | None:
    """Where the amount compared with stands, when ``date`` is its year (absolute span)."""
    digits = view.text.find(str(date.date.year), date.start, date.end)
    year_at = digits if digits >= 0 else date.start  # the reader may take "of" or "in" in
    found = _COMPARED_AMOUNT.search(view.text, max(view.start, year_at - 50), year_at)
    return (found.start(), found.end()) if found is not None else None


def _compared(view: SentenceView, date: DateMention) -> bool:
    if _COMPARED.search(view.text, max(view.start, date.start - 30), date.start) is not None:
        return True
    if _compared_amount(view, date) is not None:
        return True
    return (
        _FROM.match(view.text, date.start) is not None  # the date reader takes "from" in
        and _SPAN_AFTER.match(view.text, date.end) is None
        and _CHANGE_BEFORE.search(view.text, max(view.start, date.start - 60), date.start)
        is not None
    )


#: How many sentences a list of trade figures may run on from its trade sentence.
_RUN_ON_SENTENCES = 2


def _trade_runs_on(view: SentenceView) -> bool:
    """True when one of the sentences just before speaks of China's trade."""
    return any(
        _TRADE.search(earlier.sentence)
        and any("cn" in m.ids(EntryKind.COUNTRY) for m in earlier.matches)
        for earlier in view.previous_sentences(_RUN_ON_SENTENCES)
    )


#: A pronoun for the subject before the amount's verb: "In the previous fiscal year it passed
#: $14 billion", "В прошлом году он превысил 14 млрд долларов".
_PRONOUN_SUBJECT = re.compile(
    r"^[^.;]{0,50}?\b(?:it|its\s+value)\s+(?:passed|exceeded|topped|reached|stood\s+at|came\s+to"
    r"|amounted\s+to|was|rose\s+to|grew\s+to|totall?ed|hit)\b"
    r"|^[^.;]{0,50}?(?<![\w-])(?:он|его\s+объ[её]м)\s+(?:превысил|составил|достиг|вырос\s+до"
    r"|увеличился\s+до|был)(?![\w-])",
    re.IGNORECASE,
)


def _trade_referred_by_pronoun(view: SentenceView) -> bool:
    """True when the sentence's amount has a pronoun for subject and the sentence just before
    opens on trade ("Trade between the two countries keeps growing fast. In the previous
    fiscal year it passed $14 billion"): the pronoun is that trade."""
    earlier = view.previous
    if earlier is None or not _PRONOUN_SUBJECT.search(view.sentence):
        return False
    opening = _TRADE.search(earlier.sentence[:40])
    return opening is not None


def _carried_year(view: SentenceView) -> int | None:
    """The year of the trade sentence a list runs on from."""
    for earlier in view.previous_sentences(_RUN_ON_SENTENCES):
        years = [d for d in earlier.dates if d.precision is DatePrecision.YEAR]
        if years:
            return years[0].date.year
    return None


def _list_heads_year(view: SentenceView) -> int | None:
    """The last whole year before the report, when the trade sentence a list runs on from gives
    its own level with no year ("… торгует с Китаем Казахстан — 30,1 млрд"): the list's year."""
    for earlier in view.previous_sentences(_RUN_ON_SENTENCES):
        if _TRADE.search(earlier.sentence):
            amounts = find_money(earlier.sentence, view.context.language)
            if not amounts:
                return None
            return last_full_year(earlier, earlier.start + amounts[-1].start)
    return None


def _trade_dated_before(view: SentenceView) -> bool:
    """True when a sentence just before on trade gives a date (a year, or part of one): an
    undated level after it belongs to that period, not to the last whole year."""
    return any(
        earlier.dates
        and (_TRADE.search(earlier.sentence) or _EXPORT_IMPORT.search(earlier.sentence))
        for earlier in view.previous_sentences(_RUNNING_YEAR_SENTENCES)
    )


#: How many sentences back a trade text's year still dates a figure given without one.
_RUNNING_YEAR_SENTENCES = 5


#: What may stand between an amount and the period it is given for: "$22 billion for the
#: whole of 2024", "$5 billion in 2023", "9 млрд за весь 2024 год".
_FOR_PERIOD = re.compile(
    r"\s+(?:for|in|over|during|за|в)(?:\s+(?:the|whole|full|entire|all|весь|целый|полный))*\s*",
    re.IGNORECASE,
)


def _date_right_after(view: SentenceView, end: int, dates: list[DateMention]) -> DateMention | None:
    """The date the amount ending at ``end`` is given for, written right after it ("at $19.9
    billion for January–November 2024 and at $22.1 billion for the whole of 2024": each
    amount takes the period after it, not the nearer one of the amount before)."""
    for date in dates:
        if date.start >= end and _FOR_PERIOD.fullmatch(view.text, end, date.start):
            return date
    return None


#: The year spoken of, named in a sentence before: "over the year", "за год".
_THE_YEAR = re.compile(
    r"\b(?:over|for|in|during|throughout)\s+the\s+(?:whole\s+|full\s+)?year\b(?!\s+(?:before|ago|earlier))"
    r"|\bthat\s+year\b|(?<![\w-])(?:в\s+том\s+году|в\s+тот\s+год)(?![\w-])"
    r"|(?<![\w-])за\s+(?:весь\s+|тот\s+|этот\s+)?год(?![\w-])",
    re.IGNORECASE,
)


def _after_part_of_year(view: SentenceView) -> bool:
    """True when the nearest earlier sentence on trade speaks of part of a year: an undated
    amount after it ("Exports came to $177 million") is of that part, not of a whole year."""
    for earlier in view.previous_sentences(_RUNNING_YEAR_SENTENCES):
        if _TRADE.search(earlier.sentence) or _EXPORT_IMPORT.search(earlier.sentence):
            return speaks_of_part_of_year(earlier)
    return False


def _running_year(view: SentenceView) -> int | None:
    """The year of the nearest earlier sentence on trade or exports that gives one ("China's
    trade … in 2023. … Trade with Uzbekistan rose to $14bn": 2023); none when that sentence
    is about part of a year."""
    for earlier in view.previous_sentences(_RUNNING_YEAR_SENTENCES):
        if _TRADE.search(earlier.sentence) or _EXPORT_IMPORT.search(earlier.sentence):
            years = [
                d
                for d in earlier.dates
                if d.precision is DatePrecision.YEAR and not _compared(earlier, d)
            ]
            if years:
                first = years[0]
                if partial_period(earlier, first.start, (first.start, first.end)):
                    return None
                return first.date.year
    return None


def _chinas_trade_before(view: SentenceView, countries: list[Match]) -> bool:
    """True when the sentence names one Central Asian state and no other country, and an
    earlier sentence speaks of China's trade (a text on China's trade with the region:
    "Trade with Uzbekistan jumped to $14bn"), or it names none and the text is about
    Central Asia ("For the region as a whole turnover was $89.4bn")."""
    named = {i for m in countries for i in m.ids(EntryKind.COUNTRY)}
    if (
        view.of_kind(EntryKind.FOREIGN)
        or len(named) > 1
        or (named and not named <= set(CENTRAL_ASIA))
    ):
        return False
    if not named and not view.context.about_central_asia:
        return False
    earlier = view.previous
    while earlier is not None:
        if _TRADE.search(earlier.sentence) and any(
            "cn" in m.ids(EntryKind.COUNTRY) for m in earlier.of_kind(EntryKind.COUNTRY)
        ):
            return True
        earlier = earlier.previous
    return False


#: Trade of "the two countries" named in the sentences before.
_BILATERAL = re.compile(
    r"\bbilateral\b|\btwo-way\b|\b(?:the|both)\s+two\s+(?:countries|sides|states|nations)\b|\bboth\s+countries\b"
    r"|\bbetween\s+the\s+(?:two\s+)?(?:countries|sides|states|nations)\b"
    r"|\b(?:their|mutual)\s+(?:mutual\s+|bilateral\s+|two-way\s+)?(?:trade|turnover)\b"
    r"|(?<![\w-])(?:их|взаимн\w+)\s+(?:товарооборот\w*|торговл\w+)"
    r"|двусторонн|(?:двумя|двух|обеих)\s+стран|между\s+(?:нашими\s+|обеими\s+)?(?:странами|государствами)",
    re.IGNORECASE,
)


def _china_before(view: SentenceView) -> bool:
    """True when one of the sentences just before names China."""
    return any(
        "cn" in m.ids(EntryKind.COUNTRY)
        for earlier in view.previous_sentences(_RUN_ON_SENTENCES)
        for m in earlier.of_kind(EntryKind.COUNTRY)
    )


def _partner_before(view: SentenceView) -> str | None:
    """For "bilateral trade": the one Central Asian state the sentences just before name,
    else the one the whole text before names beside China (the two states it is about)."""
    named: set[str] = set()
    earlier = view.previous
    for _ in range(_RUN_ON_SENTENCES):
        if earlier is None:
            break
        named |= {
            i
            for m in earlier.of_kind(EntryKind.COUNTRY)
            if not named_as_border(view.text, m)  # "close to the border with …": a place
            for i in m.ids(EntryKind.COUNTRY)
        }
        earlier = earlier.previous
    if "cn" in named and len(named - {"cn"}) == 1:
        return (named - {"cn"}).pop()
    if named - {"cn"}:
        return None  # the sentences just before name other states: not the text's pair
    while earlier is not None:
        named |= {
            i
            for m in earlier.of_kind(EntryKind.COUNTRY)
            if not named_as_border(view.text, m)
            for i in m.ids(EntryKind.COUNTRY)
        }
        earlier = earlier.previous
    if "cn" not in named:
        return None
    named -= {"cn"}
    return named.pop() if len(named) == 1 else None


def _partner_near(view: SentenceView, start: int, end: int) -> str | None:
    """The one Central Asian state named in the amount's own clause, nearest before it."""
    segment = view.segment_of(start)
    inside = [
        m
        for m in view.of_kind(EntryKind.COUNTRY)
        if m.start >= segment[0] and m.end <= segment[1] and set(m.ids(EntryKind.COUNTRY)) - {"cn"}
    ]
    if not inside:
        return None
    before = [m for m in inside if m.end <= start]
    chosen = before[-1] if before else inside[0]
    return next(i for i in chosen.ids(EntryKind.COUNTRY) if i != "cn")


def _region_is_partner(view: SentenceView, start: int, cue: int) -> bool:
    """True when Central Asia as a whole, not a state, is the trade word's nearest partner
    in the amount's clause ("the Kazakh president said trade between China and Central Asia
    …" is the region's total)."""
    segment = view.segment_of(start)
    partners = [
        (m, "ca5" in m.ids(EntryKind.GROUP))
        for m in view.matches
        if segment[0] <= m.start
        and m.end <= segment[1]
        and ("ca5" in m.ids(EntryKind.GROUP) or set(m.ids(EntryKind.COUNTRY)) - {"cn"})
    ]
    if not partners:
        return False
    said = _TRADE.match(view.text, cue)
    cue_end = said.end() if said is not None else cue
    _, region = min(partners, key=lambda p: max(0, p[0].start - cue_end, cue - p[0].end))
    return region


def _reporter(view: SentenceView, partner: str | None) -> str:
    """Whose statistics: the country whose agency or portal the text cites; the partner's when
    a statistics committee or agency is cited without a country; else China."""
    for match in view.of_kind(EntryKind.COUNTRY):
        if _STATISTICS.match(view.text[match.end : match.end + 40]):
            return match.ids(EntryKind.COUNTRY)[0]
    owner = statistics_owner(view)
    if owner is None and partner is not None and partner_statistics_cited(view):
        return partner  # "…, the National Statistics Committee said": the partner's office
    return owner or "cn"


#: "up to $2 billion", "as much as", "до $100 млн": a ceiling, not an amount spent.
_UPPER_BOUND = re.compile(
    r"(?:\bup\s+to|\bas\s+much\s+as|\bno\s+more\s+than|(?<![\w-])до)\s*$", re.IGNORECASE
)
#: The amount's own subject named after it: "… for the Bozshakol copper project".
_FOR_NAMED = re.compile(
    r"[^.;]{0,60}?\b(?:for|to\s+(?:build|develop))\s+(?:the\s+|its\s+)?(?:[a-z-]+\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[\w-]+){0,2}?\s+(?:project|mine|deposit|plant|railway|road|field|complex)\b"
)
_MANY_PROJECTS = re.compile(
    r"\b\d+\s+(?:\w+\s+)?(?:projects|enterprises|plants|facilities)\b|\d+\s+(?:\w+\s+)?проект\w*",
    re.IGNORECASE,
)


#: The cost of a part of a line: "the cost of that stretch", "стоимость этого участка".
_COST_OF_PART = re.compile(
    r"\b(?:cost|price|value)\s+of\s+(?:th(?:at|is|e)\s+|its\s+)?(?:[\w-]+\s+)?"
    r"(?:stretch|section|segment|part|portion|leg)\b"
    r"|(?<![\w-])(?:стоимость|цена)\s+(?:эт\w+\s+|данн\w+\s+)?(?:[\w-]+\s+)?"
    r"(?:участк\w*|отрезк\w*|части|сегмент\w*)(?![\w-])",
    re.IGNORECASE,
)


def _investment(view: SentenceView, value: float, start: int, end: int) -> Iterator[Candidate]:
    many = _MANY_PROJECTS.search(view.sentence)
    if many is not None and not any(
        m.start <= view.start + many.start() < m.end for m in view.of_kind(EntryKind.PROJECT)
    ):
        return  # "40 projects worth $146 million": a total over many (not a programme's list)
    if _UPPER_BOUND.search(view.text, max(view.start, start - 20), start):
        return  # "expected to cost up to $2 billion": a ceiling, not the cost
    project = nearest(view.of_kind(EntryKind.PROJECT), start, end)
    year_date = nearest(list(view.dates), start, end)
    if project is None:
        return
    if _COST_OF_PART.search(view.text, max(view.segment_of(start)[0], start - 60), start):
        return  # "the cost of that stretch is put at $4.7 billion": a part's, not the project's
    if _national_share_before(view, start):
        return  # "The line across Kyrgyzstan is estimated to cost $1.34 billion": one country's part
    if part_of_a_total(view.text, view.start, start) or compared_aside(
        view, start, (project.start,)
    ):
        return  # "of which $281.1 million is a loan", "compared with the $2 billion of …"
    if difference_after(view.text, start, end) or superseded_value(view.text, start, end):
        return  # "$300 million more than planned", "up from $4.1 billion"
    own = _FOR_NAMED.match(view.text, end, view.segment_of(start)[1])
    if own is not None and not (project.start >= end and project.start < own.end()):
        return  # "$2.7 billion … for the Bozshakol copper project": another project's money
    yield Candidate(
        payload=ProposedFigure(
            quantity=FigureQuantity.INVESTMENT_USD,
            value=value,
            subject_id=project.ids(EntryKind.PROJECT)[0],
            year=year_date.date.year if year_date is not None else None,
        ),
        start=min(start, project.start),
        end=max(end, project.end),
        confidence=round(0.75 * project.confidence, 3),
        flags=_variant_flags(project),
    )


# -- crossings -----------------------------------------------------------------------------


_NON_DIGITS = re.compile(r"\D")


#: An average over a past period before a count a day: traffic run, not what a crossing can
#: take ("an average of 26 trains a day passed", "в среднем проходило 26 поездов в сутки").
_AVERAGE_RUN = re.compile(
    r"\b(?:an\s+)?average\s+of\s*$|\bon\s+average\s*$|(?<![\w-])в\s+среднем\b[^.;]*$",
    re.IGNORECASE,
)


def _crossing_figures(view: SentenceView) -> Iterator[Candidate]:
    sentence, language = view.sentence, view.context.language
    quota = _QUOTA.search(sentence) is not None
    throughput = _THROUGHPUT.search(sentence) is not None and _ABILITY.search(sentence) is None
    rules: tuple[tuple[re.Pattern[str], FigureQuantity, str | None], ...] = (
        (_VEHICLES, FigureQuantity.DAILY_QUOTA_VEHICLES if quota else FigureQuantity.CAPACITY_VEHICLES_PER_DAY, "road"),
        (_TRAINS, FigureQuantity.CAPACITY_TRAINS_PER_DAY, "rail"),
        (_TONNES, FigureQuantity.THROUGHPUT_MT_PER_YEAR if throughput else FigureQuantity.CAPACITY_MT_PER_YEAR, None),
    )  # fmt: skip
    if _YEARLY_FIRST.search(sentence):
        # the year said before the amount: "прошедших через Хоргос за год, составил 12,1 млн тонн"
        rules += ((_TONNES_BARE, rules[2][1], None),)
    if _DAILY.search(sentence):
        rules += ((_LIMIT, FigureQuantity.DAILY_QUOTA_VEHICLES, "road"),)
        rules += (
            (_TRAINS_BARE, FigureQuantity.CAPACITY_TRAINS_PER_DAY, "rail"),
            (_VEHICLES_BARE, rules[0][1], "road"),
        )
    taken: list[tuple[int, int]] = []
    for pattern, quantity, mode in rules:
        for found in pattern.finditer(sentence):
            if any(a <= found.start() < b for a, b in taken):
                continue
            taken.append((found.start(), found.end()))
            groups = found.groupdict()
            group = next((g for g in ("n2", "k") if groups.get(g)), "n")
            numbers = find_numbers(found.group(group).strip(), language)
            if not numbers or in_range(sentence, found.start(group), found.end(group)):
                continue
            value = numbers[0].value
            if groups.get("th"):
                value *= 1000  # "до 2,5 тысячи автомобилей в сутки"
            if group == "k":  # tonnes written out: "600,000 tonnes", "600 тыс. тонн" in Mt
                value = value / 1e6 if len(numbers) == 1 and value >= 1000 else value / 1e3
            start, end = view.start + found.start(), view.start + found.end()
            steps = list(_STEP.finditer(sentence, found.end())) if mode is not None else []
            if steps:
                # "up to 650 a day; from 1 July 750, and in September 1000": the last step
                value = float(_NON_DIGITS.sub("", steps[-1]["n"]))
                end = view.start + steps[-1].end()
                if mode == "road" and _agreed_intake(view):
                    quantity = FigureQuantity.DAILY_QUOTA_VEHICLES
            if (
                superseded_value(sentence, found.start(group), found.end())
                or difference_after(sentence, found.start(group), found.end())
                or added_to_capacity(view, start)
                or is_change(sentence, found.start(group))
                or part_of_a_total(sentence, 0, found.start(group))
            ):
                continue  # "from 25 … to 50 Mt", "5 Mt more than", "добавит 20 Mt", "rose by 5 Mt"
            before = view.text[max(view.segment_of(start)[0], start - 80) : start]
            if (
                quantity is not FigureQuantity.DAILY_QUOTA_VEHICLES
                and _NOT_YET.search(before)
                and not _CAPACITY_RAISED.search(before)
                and not _WILL_HANDLE.search(before)
            ):
                continue  # "is expected to handle", "is meant to grow to": not a fact yet
            if quantity is FigureQuantity.CAPACITY_TRAINS_PER_DAY and _AVERAGE_RUN.search(
                view.text[max(view.segment_of(start)[0], start - 40) : start]
            ):
                continue  # "an average of 26 trains a day passed": trains run, no capacity
            subject = _crossing_subject(view, start, end, mode)
            if subject is None:
                continue
            subject_id, match, flags = subject
            if compared_aside(view, start, (match.start,)):
                continue  # "для сравнения, Достык пропускает 25 млн тонн": another's figure
            clause_start = view.segment_of(start)[0]
            if not clause_start <= match.start < start and names_other_thing(
                view.text, clause_start, start, match
            ):
                continue  # "Kazakhstan's logistics hub has a capacity of …": the hub's, not a line's
            if _coordinated(view, match):
                continue  # "the Irkeshtam and Torugart checkpoints": a figure of both together
            if match.borrowed and _between_countries(view, start):
                continue  # "freight between Kazakhstan and Uzbekistan reached …": the pair's
            dated = (
                nearest(list(view.dates), steps[-1].start() + view.start, end) if steps else None
            )
            dated = dated or nearest(
                [d for d in view.dates if not dates_old_value(view.text, end, d.start)], start, end
            )  # "20 Mt a year, up from 15 Mt in 2019": 2019 is the old value's year
            if steps and dated is not None:
                dated = _ahead(view, dated)  # a step to come: "в сентябре" is the next one
            valid_from = _valid_from(view, dated)
            if dated is None and _YEARLY_FIRST.search(sentence) and (framed := framing_year(view)):
                valid_from = framed  # "В 2024 году … Объём грузов … за год составил …": that year
            yield Candidate(
                payload=ProposedFigure(
                    quantity=quantity,
                    value=value,
                    subject_id=subject_id,
                    valid_from=valid_from,
                ),
                start=min(start, match.start),
                end=max(end, match.end),
                confidence=round(0.75 * match.confidence, 3),
                flags=flags,
            )


_AND = re.compile(r"\s*(?:,|and|и|&)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\b|(?<![\w-])между(?![\w-])", re.IGNORECASE)


def _between_countries(view: SentenceView, position: int) -> bool:
    """True when the figure's clause is "between" two countries (the pair's flow)."""
    lo, hi = view.segment_of(position)
    return bool(_BETWEEN.search(view.text, lo, hi)) and len(parties_named(view, lo, hi)) >= 2


#: A later step of a daily figure in its sentence: "с 1 июля их будет 750, а в сентябре –
#: 1000", "and in June it will rise to 300" (not a share or a year).
_STEP = re.compile(
    r"(?:(?<![\w-])будет|вырастет\s+до|увеличится\s+до|возрастет\s+до|возрастёт\s+до|\brise\s+to"
    r"|\bgrow\s+to|\bincrease\s+to|\bgo\s+up\s+to|\bwill\s+be|\s[–—]"
    r"|\b(?:and|then)\s+(?:in|by)\s+[A-Z][a-z]+,?)\s*"
    r"(?P<n>\d{1,3}(?:[\u00a0 ,]\d{3})+|\d+)(?!\d|[.,]\d|\s*(?:%|процент|percent|млн|млрд|million|billion|год|year))"
)
#: An intake one side agrees to: "the Chinese side will accept more Kazakh lorries".
_INTAKE = re.compile(
    r"\b(?:accept|admit|agreed|let\s+in)\w*|(?<![\w-])(?:принима\w*|услови\w*|договорил\w*)",
    re.IGNORECASE,
)


def _agreed_intake(view: SentenceView) -> bool:
    """True when the sentence, or the lead-in just before it, says how many vehicles a side
    agreed to accept: the steps are a quota, not a capacity."""
    return any(_INTAKE.search(s.sentence) for s in view.with_previous(_LEAD_IN_SENTENCES))


#: How far back a list's lead-in may stand ("… will accept more lorries:" and two items).
_LEAD_IN_SENTENCES = 2


def _coordinated(view: SentenceView, match: Match) -> bool:
    """True when a named crossing or post is one of a pair joined by "and"/"и" that are not
    two posts of one crossing ("the Irkeshtam and Torugart checkpoints": both together)."""

    def crossings(m: Match) -> set[str]:
        at = view.context.crossings_at
        return set(m.ids(EntryKind.CROSSING)) | {
            c for i in m.ids(EntryKind.PLACE) for c, _ in at.get(i, ())
        }

    own = crossings(match)
    return any(
        (
            _AND.fullmatch(view.text, m.end, match.start)
            or _AND.fullmatch(view.text, match.end, m.start)
        )
        and not own & crossings(m)
        for m in view.matches
        if m is not match and crossings(m)
    )


#: A line's capacity raised by its works, said in the future: "the route's capacity will rise
#: from 12 to 60 pairs of trains a day", "пропускная способность … увеличится до …" (what it is
#: built for, corpus rule 11, not an output hoped for).
_CAPACITY_RAISED = re.compile(
    r"\bcapacity\s+(?:[\w-]+\s+){0,3}?(?:will\s+)?(?:rise|grow|increase|go\s+up)\w*"
    r"|(?<![\w-])пропускн\w+\s+способност\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:увеличит\w*|вырастет|возрастёт|возрастет)",
    re.IGNORECASE,
)
#: An output to be reached is a target, not what a facility is built for (corpus rule 11): "is
#: to yield 3.3 million tons a year", "projected to", "рассчитывают выпускать".
_NOT_YET = re.compile(
    r"\b(?:expected|meant|planned|plans?|will|would|could|should|aims?|intends?|to\s+be|wants?|seeks?|hopes?"
    r"|projected|(?:is|are)\s+to\s+(?:yield|produce|extract|mine|process|make|manufacture|generate|turn\s+out))\b"
    r"|(?<![\w-])(?:планиру\w*|будет|должн\w*|ожида\w*|рассчитыва\w*|намерен\w*"
    r"|предполага(?:ется|ются|лось|лся|лась|емы\w*))(?![\w-])",
    re.IGNORECASE,
)


#: What a facility will handle when it is built is what it is built for, its capacity (corpus
#: rule 11): "it will handle up to 2,000 vehicles per day", "will process 3.3 mln tons of ore a
#: year", "сможет пропускать до 300 машин в сутки" (a Russian future, "будет пропускать", is
#: left a target: a line open that "будет пропускать 60 пар поездов" is to reach it).
_WILL_HANDLE = re.compile(
    r"\bwill\s+(?:be\s+able\s+to\s+)?(?:handle|process|serve|accommodate|receive)\s+"
    r"(?:up\s+to\s+)?(?:[^.;]{0,40}?\s(?:and|or)\s+)?$"
    r"|(?<![\w-])(?:сможет|смогут)\s+(?:перерабатывать|переваливать|пропускать"
    r"|обрабатывать|принимать|обслуживать)\s+(?:до\s+)?(?:[^.;]{0,40}?\s(?:и|или)\s+)?$",
    re.IGNORECASE,
)


def _subject_before(view: SentenceView, matches: list[Match], start: int, end: int) -> Match | None:
    """The subject of a figure: named before it in its clause ("X can process 50 a day, Y 40")."""
    segment = view.segment_of(start)
    before = [m for m in matches if segment[0] <= m.start and m.end <= start]
    return before[-1] if before else nearest(matches, start, end)


def _crossing_subject(
    view: SentenceView, start: int, end: int, mode: str | None
) -> tuple[str, Match, tuple[Flag, ...]] | None:
    """The crossing a figure is of: a crossing or a border post named (before it, in its
    clause, first), else a project that builds a crossing, else the project itself."""
    crossings_at = view.context.crossings_at
    built_by = view.context.crossings_of_project
    candidates = [
        m
        for m in view.matches
        if m.ids(EntryKind.CROSSING)
        or any(crossings_at.get(i) for i in m.ids(EntryKind.PLACE))
        or any(len(built_by.get(i, ())) == 1 for i in m.ids(EntryKind.PROJECT))
    ]
    chosen = _subject_before(view, candidates, start, end)
    if chosen is not None and chosen.ids(EntryKind.PLACE) and another_country_said(view, chosen):
        return None  # "«Карасу» (Казахстан)": not the held Karasu, in China
    if chosen is not None and chosen.ids(EntryKind.CROSSING):
        return _crossing_of_mode(view, chosen, mode), chosen, _variant_flags(chosen)
    if chosen is not None and chosen.ids(EntryKind.PROJECT):
        return built_by[chosen.ids(EntryKind.PROJECT)[0]][0], chosen, _variant_flags(chosen)
    if chosen is not None:
        options = [
            (crossing_id, crossing_mode)
            for place_id in chosen.ids(EntryKind.PLACE)
            for crossing_id, crossing_mode in crossings_at.get(place_id, ())
            if mode is None or crossing_mode == mode
        ]
        options = list(dict.fromkeys(options))
        if options:
            flags = list(_variant_flags(chosen))
            if len(options) > 1:
                flags.append(
                    Flag(
                        code=FlagCode.AMBIGUOUS,
                        message=f"'{chosen.text}' is a post of {', '.join(o[0] for o in options)}",
                    )
                )
            return options[0][0], chosen, tuple(flags)
    project = nearest(view.of_kind(EntryKind.PROJECT), start, end)
    if project is not None:
        project_id = project.ids(EntryKind.PROJECT)[0]
        built = view.context.crossings_of_project.get(project_id, ())
        subject = built[0] if len(built) == 1 else project_id
        return subject, project, _variant_flags(project)
    return None


def _crossing_of_mode(view: SentenceView, match: Match, mode: str | None) -> str:
    """Of the crossings a name may be, the one of the figure's mode: vehicles pass the road
    crossing of that name, trains the rail one ("Torugart … 150 vehicles a day")."""
    named = match.ids(EntryKind.CROSSING)
    modes = {c: m for posts in view.context.crossings_at.values() for c, m in posts}
    return next((c for c in named if mode is not None and modes.get(c) == mode), named[0])


# -- lengths, sister cities, planned openings ----------------------------------------------


def _lengths(view: SentenceView) -> Iterator[Candidate]:
    projects = view.of_kind(EntryKind.PROJECT)
    if not projects:
        return
    cued = _LENGTH_CUE.search(view.sentence) is not None
    lengths = []
    for found in _LENGTH.finditer(view.sentence):
        whole = _WHOLE.search(view.sentence[max(0, found.start() - 25) : found.start()])
        if whole is None and (
            _PART_BEFORE.search(view.sentence[max(0, found.start() - 40) : found.start()])
            or _PART_AFTER.match(view.sentence[found.end() :])
            or _PART_SUBJECT_AFTER.match(view.sentence[found.end() :])
            or _part_in_clause(view, view.start + found.start())
            or _progress_near(view, view.start + found.start(), view.start + found.end())
            or _REMAINING.search(view.text, *view.segment_of(view.start + found.start()))
            or _in_a_country_after(view, view.start + found.end())
            or _in_a_country_before(view, view.start + found.start())
            or part_named_after(view.sentence, found.end())
            or _STRETCH_DONE.search(view.sentence[max(0, found.start() - 60) : found.start()])
            or _PARTS_LISTED.search(view.sentence, 0, found.start())
        ):
            continue  # a part of the line (tunnels, one country's share), not its length
        if difference_after(view.sentence, found.start(), found.end()) or compared_aside(
            view, view.start + found.start(), (m.start for m in projects)
        ):
            continue  # "на 500 км короче", "for comparison, … 460 km": another thing's
        numbers = find_numbers(found.group("n").strip(), view.context.language)
        if numbers and not in_range(view.sentence, found.start("n"), found.end("n")):
            lengths.append(
                (view.start + found.start(), view.start + found.end(), numbers[-1].value)
            )
    used: set[str] = set()
    for project in projects:
        project_id = project.ids(EntryKind.PROJECT)[0]
        if not lengths or project_id in used:
            continue
        start, end, value = min(
            lengths, key=lambda x: max(0, x[0] - project.end, project.start - x[1])
        )
        gap = max(0, start - project.end, project.start - end)
        if value <= 0 or not (cued or gap <= _ADJACENT):
            continue
        if _part_of(view, project):
            continue  # "the Uzbek part of the … railway, 50 km long": the part's length
        if _OWN_NOUN_BEFORE.search(
            view.text, max(view.start, start - 30), start
        ) or _TO_A_PLACE.match(view.text, end):
            continue  # "тоннеля длиной 3 км", "дорогу длиной 27 км до посёлка": another thing's
        used.add(project_id)
        yield Candidate(
            payload=ProposedFigure(
                quantity=FigureQuantity.LENGTH_KM, value=value, subject_id=project_id
            ),
            start=min(start, project.start),
            end=max(end, project.end),
            confidence=round(0.75 * project.confidence, 3),
            flags=_variant_flags(project),
        )


_PART_BEFORE = re.compile(
    r"\b(?:combined|tunnels?|bridges?|of\s+which|stretch|section)\b|тоннел\w*|мост\w*|участк\w*|общей"
    r"|(?<![\w-])из\s+(?:которых|них)(?![\w-])",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    r"[\w-]*\s+(?:[\w-]+\s+)?(?:Tajik|Kyrgyz|Kazakh|Kazakhstani|Uzbek|Turkmen|Chinese|Afghan|domestic)\s+(?:section|stretch|segment|portion|part|leg)s?\b|[\w-]*\s+участк|[\w-]*\s+(?:(?!of\b|the\b)[\w-]+\s+){0,2}(?:section|stretch|segment|portion|part|leg|spur|branch|access\s+road|approach\s+road|bypass)s?\b(?!\s+of\b)|\s+(?:pass(?:es)?\s+through|runs?\s+through|lie\s+in|are\s+in|in\s+(?:Tajikistan|Kyrgyzstan|Kazakhstan|Uzbekistan|Turkmenistan|China))\b"
)
#: A fronted length whose clause after it has a tunnel or bridge for subject: "At 19.2
#: kilometers, the Qamchiq Tunnel is …", "Длиной 19,2 км, тоннель «Камчик» …" (a part's length).
_PART_SUBJECT_AFTER = re.compile(
    r"\s*(?:long\s*)?,\s+(?:the\s+|its\s+)?(?:[\w«»\"'-]+\s+){0,3}?"
    r"(?:tunnels?|bridges?|viaducts?|overpass(?:es)?|тоннел\w*|туннел\w*|мост\w*|виадук\w*)(?![\w-])",
    re.IGNORECASE,
)
#: A part of a line, or a road serving it, named in the length's clause before the length
#: ("the Kyrgyz section of the … railway will be 280 km long", "an access road of 12 km").
_PART_OF_LINE = re.compile(
    r"\b(?:section|stretch|segment|portion|part|leg|phase|stage|sub-?section|branch(?:\s+line)?|spur|access\s+road|approach(?:\s+road)?|bypass|link\s+road|feeder)s?\b"
    r"|(?<![\w-])(?:участ\w*|отрез\w*|ветк\w*|подъездн\w*|подход\w*|обход\w*)(?![\w-])",
    re.IGNORECASE,
)


#: "the full / entire 836 km": the whole, whatever part nouns stand near ("total" may add
#: up parts: "sections with a total length of 42 km").
_WHOLE = re.compile(
    r"\b(?:full|entire|whole)\b[^,;]*$|(?<![\w-])(?:всей|вся|весь|всю|полн\w+)\s+[^,;]*$",
    re.IGNORECASE,
)
#: A part noun governing the project's name: "the Kyrgyz section of the …", "участок …".
_PART_OF_PROJECT = re.compile(
    r"(?:\b(?:section|stretch|segment|portion|part|leg|phase|stage)s?\s+of\s+(?:the\s+)?"
    r"|(?<![\w-])(?:участ\w*|отрез\w*|част\w*|этап\w*)\s+)(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_OF = re.compile(r"\bof\b")


def _part_of(view: SentenceView, project: Match) -> bool:
    """True when a part noun governs the project's name ("the Kyrgyz section of the …",
    "кыргызский участок …"); a part noun followed straight by the name with no qualifier
    ("Участок Вахдат-Яван") names the section that is the project."""
    found = _PART_OF_PROJECT.search(view.text, max(view.start, project.start - 40), project.start)
    if found is None:
        return False
    if view.text[found.end() : project.start].strip() or _OF.search(found.group()):
        return True  # "the hardest stretch of the road": a part of it
    before = view.text[max(view.start, found.start() - 20) : found.start()]
    return _QUALIFIER_END.search(before) is not None


#: A word that qualifies a part noun right before it: an adjective, a number, "its".
_QUALIFIER_END = re.compile(
    r"(?:[а-яё]+(?:ий|ый|ой|ая|ое|ые|ие|ого|ому|ую|ей)|\d+\S*|its|their|first|second|last)\s+$",
    re.IGNORECASE,
)
#: A common noun owning a length: "дорогу длиной 27 км", "тоннеля протяжённостью 3 км".
_OWN_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:лини|дорог|трасс|магистрал|участ)\w*\s)[а-яё]+\s+(?:длиной|протяж[её]нностью)\s+(?:около\s+|более\s+)?$"
)
#: A length that runs to a settlement or station is a link to it ("дорогу длиной 27 км до
#: посёлка Курык", "a 12 km road to the village"), not the project's length.
_TO_A_PLACE = re.compile(
    r"\s+(?:long\s+)?(?:до|к|to)\s+(?:the\s+)?(?:посёлк\w*|поселк\w*|сел[аеоу]\w*|деревн\w*|станци\w*"
    r"|village|town|settlement|station)\b",
    re.IGNORECASE,
)


#: Work done, not the line's length: "100 km of track laid", "собрано 100 км из 203".
_PROGRESS = re.compile(
    r"\b(?:laid|paved|welded|installed|remain\w*|left|to\s+go)\b"
    r"|(?<![\w-])(?:осталось|остается|остаётся|осталь\w*)(?![\w-])"
    r"|(?<![\w-])(?:уложен\w*|уложил\w*|отсыпан\w*|собран\w*|смонтирован\w*|сварен\w*)(?![\w-])",
    re.IGNORECASE,
)
#: Work still to do: "only 457 km remain to be built", "осталось построить 120 км".
_REMAINING = re.compile(
    r"\b(?:remain(?:s|ing)?|left\s+to|still\s+to\s+(?:be\s+)?(?:built|laid|go)|to\s+go)\b"
    r"|(?<![\w-])(?:осталось|остается|остаётся|оставшиеся|оставшихся)(?![\w-])",
    re.IGNORECASE,
)
#: A stretch opened, built or to be rebuilt, its length the verb's object: "в эксплуатацию сдано
#: 215 км", "opened 120 km of the highway", "реконструировать предстоит 2 452 км".
_STRETCH_DONE = re.compile(
    r"(?:(?<![\w-])(?:сдан[оаы]?|введен[оаы]?|введён|открыт[оаы]?|построен[оаы]?|построил\w*"
    r"|реконструирован[оаы]?|реконструировать|предстоит)"
    r"|\b(?:opened|commissioned|built|completed|rebuilt|reconstructed|upgraded))"
    r"(?:\s+(?:в\s+эксплуатацию|в\s+строй|into\s+(?:service|operation)|more\s+than|over|about|nearly"
    r"|almost|около|более|свыше|почти|ещ[её]|another|a\s+further|the\s+first))*\s+$",
    re.IGNORECASE,
)
#: A whole's parts listed after it: every length after "2 787 км, из которых …" in the sentence
#: is one of them ("… 2 452 км: 1 391 км от границы … и 1 061 км от …").
_PARTS_LISTED = re.compile(r"\d[^.;]{0,40}?(?:\bof\s+which|(?<![\w-])из\s+(?:которых|них))", re.I)
#: "100 km out of 203", "100 км из 203 запланированных": a share done of a whole.
_OUT_OF = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:out\s+of|из)\s+\d", re.IGNORECASE)
#: How close before or after a length a progress word says it is work done.
_PROGRESS_REACH = 30


def _progress_near(view: SentenceView, start: int, end: int) -> bool:
    clause = view.segment_of(start)
    before = view.text[max(clause[0], start - _PROGRESS_REACH) : start]
    after = view.text[end : min(clause[1], end + _PROGRESS_REACH)]
    return (
        _PROGRESS.search(before) is not None
        or _PROGRESS.search(after) is not None
        or _OUT_OF.match(after) is not None
    )


def _part_in_clause(view: SentenceView, position: int) -> bool:
    """True when the clause before ``position`` speaks of a part of a line ("the Tajik
    section"), not of a held upgrade located on a section ("the second tracks on the … section")."""
    clause_start, _ = view.segment_of(position)
    part = _PART_OF_LINE.search(view.text, clause_start, position) is not None
    return part and not own_upgrade_in_clause(view, position)


#: "… km of it run through / lie in Kyrgyzstan", "… км пройдут по территории Кыргызстана".
_THROUGH = re.compile(
    r"\s*(?:of\s+(?:it|which|them)\s+)?(?:will\s+|would\s+)?(?:be\s+)?(?:pass(?:es)?|run(?:s)?|lies?|lie|go(?:es)?|cross(?:es)?|located|situated|fall)\s+"
    r"(?:through|in|across|within|on|inside|over)\s+(?:the\s+)?(?:territory\s+of\s+)?"
    r"|\s*(?:\w+\s+)?(?:пройд\w*|проход\w*|пролега\w*|располож\w*|приход\w*|лежит|лежат)\s+(?:по|на|через|в)\s+(?:территори\w+\s+)?",
    re.IGNORECASE,
)


def _in_a_country_after(view: SentenceView, position: int) -> bool:
    """True when the length is followed by the country it lies in (one country's share)."""
    through = _THROUGH.match(view.text, position, min(view.end, position + 60))
    if through is None or not through.group(0).strip():
        return False
    return any(m.start == through.end() and m.ids(EntryKind.COUNTRY) for m in view.matches)


#: "Within Kyrgyzstan", "на территории Кыргызстана" right before a country's name.
_WITHIN = re.compile(
    r"(?:\b(?:within|inside|in|across|on\s+the\s+territory\s+of)\s+(?:the\s+)?"
    r"|(?<![\w-])(?:в\s+пределах|на\s+территории|по\s+территории|внутри)\s+)$",
    re.IGNORECASE,
)


def _country_after_words(
    view: SentenceView, position: int, words: re.Pattern[str], reach: int
) -> bool:
    """True when a country is named in the clause before ``position`` right after ``words``
    (searched at most ``reach`` characters back from the country's name)."""
    clause_start, _ = view.segment_of(position)
    return any(
        clause_start <= m.start
        and m.end <= position
        and m.ids(EntryKind.COUNTRY)
        and words.search(view.text, max(clause_start, m.start - reach), m.start)
        for m in view.matches
    )


def _in_a_country_before(view: SentenceView, position: int) -> bool:
    """True when the length's clause opens on the country it lies in ("Within Kyrgyzstan the
    line runs for 305 km", "На территории Кыргызстана протяжённость … 305 км")."""
    return _country_after_words(view, position, _WITHIN, 30)


#: A line's share in one country: "the line across Kyrgyzstan", "участок по территории
#: Кыргызстана", right before the country's name.
_SHARE_IN = re.compile(
    r"(?:\b(?:line|railway|road|route|stretch|section|segment|part|pipeline|track)s?\s+"
    r"(?:across|through|within|inside|in)\s+(?:the\s+)?"
    r"|(?<![\w-])(?:участ\w*|лини\w*|дорог\w*|част\w*|отрез\w*|трасс\w*)\s+"
    r"(?:(?:по|на)\s+территории|в\s+пределах|через)\s+)$",
    re.IGNORECASE,
)


def _national_share_before(view: SentenceView, position: int) -> bool:
    """True when the amount's clause speaks of the line's share in one country before the
    amount ("The line across Kyrgyzstan is estimated to cost $1.34 billion")."""
    return _country_after_words(view, position, _SHARE_IN, 40)


#: A length this close to a project's name needs no "long" or "length" beside it.
_ADJACENT = 12


#: An ordinal ends right after its digits: "the 15th fair", "15-й ярмарки", "15-го форума".
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b|-?(?:й|я|е|го|му|м|ю|х|ый|ая|ое|ой|ого|ому|ым|ом)\b")
#: A count of pairs ("25 pairs", "25 пар").
_PAIRS_AFTER = re.compile(r"\s*(?:pairs|пар)")


def _sister_cities(view: SentenceView) -> Iterator[Candidate]:
    cue = _SISTER.search(view.sentence)
    if cue is None:
        return
    years = {(d.start, d.end) for d in view.dates}
    money = find_money(view.sentence, view.context.language)
    numbers: list[Number] = [
        n
        for n in find_numbers(view.sentence, view.context.language)
        if n.value >= 1
        and n.value == int(n.value)
        and not any(a <= view.start + n.start < b for a, b in years)
        and not any(m.start <= n.start < m.end for m in money)
        and not (1990 <= n.value <= 2100)
        and not _ORDINAL.match(view.sentence, n.end)
        and not anniversary(view.sentence, n.end)  # "40-летию побратимских связей"
    ]
    if not numbers:
        return
    paired = [n for n in numbers if _PAIRS_AFTER.match(view.sentence[n.end :])]
    chosen = (
        (paired or numbers)[0]
        if paired
        else min(numbers, key=lambda n: max(0, n.start - cue.end(), cue.start() - n.end))
    )
    partners = {
        i for m in view.of_kind(EntryKind.COUNTRY) for i in m.ids(EntryKind.COUNTRY) if i != "cn"
    }
    groups = {i for m in view.of_kind(EntryKind.GROUP) for i in m.ids(EntryKind.GROUP)}
    partner = next(iter(partners)) if len(partners) == 1 and "ca5" not in groups else None
    if len(partners) > 1 and "ca5" not in groups:
        return
    dated = nearest(list(view.dates), view.start + chosen.start, view.start + chosen.end)
    start = view.start + min(cue.start(), chosen.start)
    end = view.start + max(cue.end(), chosen.end)
    yield Candidate(
        payload=ProposedFigure(
            quantity=FigureQuantity.SISTER_CITY_PAIRS,
            value=chosen.value,
            partner_id=partner,
            valid_from=_valid_from(view, dated),
        ),
        start=start,
        end=end,
        confidence=0.8 if paired else 0.6,
    )


_YEAR_GROUPS = ("year", *(f"year{n}" for n in range(2, 14)))


#: Studies and design, whose completion opens nothing: "the survey", "ТЭО", "проектирование".
_STUDY = re.compile(
    r"\b(?:survey|study|studies|design|feasibility|assessment|research)\b"
    r"|(?<![\w-])(?:изыскани\w*|проектировани\w*|ТЭО|обосновани\w*|исследовани\w*|экспертиз\w*)(?![\w-])",
    re.IGNORECASE,
)


def _planned_openings(view: SentenceView) -> Iterator[Candidate]:
    projects = view.of_kind(EntryKind.PROJECT, EntryKind.CROSSING)  # a crossing opens too
    if not projects:
        return
    for found in _OPENING.finditer(view.sentence):
        written = next((found[g] for g in _YEAR_GROUPS if found[g]), None)
        relative = found["rel"] or found["rel2"] or found["rel5"]
        if found["rel3"] is not None or found["rel4"] is not None:
            relative = "this"  # the end of the report's year
        reference = view.context.reference
        if written:
            year = int(written)
        elif relative and reference is not None:
            year = reference.year + (1 if relative.casefold() == "next" else 0)
        else:
            continue
        start, end = view.start + found.start(), view.start + found.end()
        if written and not found["year5"]:
            group = next(g for g in _YEAR_GROUPS if found[g])
            if in_range(view.sentence, found.start(group), found.end(group)):
                continue  # "in 2026–2027": no single year
        if (
            found["year6"] or found["year8"] or found["year9"] or found["year10"]
        ) and _NOT_OPENING.search(view.text, view.segment_of(start)[0], end):
            continue  # a plan for the works, not for the opening
        if _STUDY.search(view.text, view.segment_of(start)[0], start):
            continue  # "the field survey should be finished by …": a study's end, not an opening
        if _part_in_clause(view, start):
            continue  # "the Tajik section … will be completed in 2024": a part, not the line
        if _PASSED_PLAN.search(view.text, max(view.start, start - 40), end):
            continue  # "was due to open in 2020": a date that has passed, not the plan
        if _other_places_are_subject(view, projects, start):
            continue  # "…, and the work at Tazhen and Bakhty is to be completed": not the one before
        project = _subject_before(view, projects, start, end)
        if project is None:
            continue
        yield _opening(project, year, start, end)
        yield from _elliptical_openings(view, projects, end)
    yield from _russian_planned_openings(view, projects)
    yield from _dated_future_openings(view, projects)


def _dated_future_openings(view: SentenceView, projects: list[Match]) -> Iterator[Candidate]:
    """A future opening verb and a date of its clause ("will open this year", "откроется в
    этом году"), where the phrase rules above read no planned opening of the sentence."""
    if (
        any(True for _ in _OPENING.finditer(view.sentence))
        or _RU_PLANNED.search(view.text, view.start, view.end)
        or _RU_DUE.search(view.text, view.start, view.end)
    ):
        return
    for start, end, year in future_openings(view):
        clause_start, clause_end = view.segment_of(start)
        subjects = [p for p in projects if clause_start <= p.start and p.end <= clause_end]
        if view.context.language != "ru":
            subjects = [p for p in subjects if p.end <= start]  # the subject before its verb
        if not subjects:  # a clause cut by a bracket's comma: a project before the verb
            subjects = [p for p in projects if p.end <= start][-1:]
        if not subjects:
            continue  # "The forum will open on 5 June, … the CKU railway …": no project opens
        if _STUDY.search(view.text, clause_start, end) or _part_in_clause(view, start):
            continue
        if _NOT_OPENING.search(view.text, clause_start, end) and not _COMPLETION.search(
            view.text, start, end
        ):
            continue  # a plan for the works ("construction will start in 2026"); the works'
            # completion is the opening's ("строительство должно быть завершено в 2025 году")
        if _PASSED_PLAN.search(view.text, max(view.start, start - 40), end):
            continue
        if _other_places_are_subject(view, projects, start):
            continue
        yield _opening(nearest(subjects, start, end) or subjects[0], year, start, end)


#: A verb of completion: the end of the works, which is the opening (corpus rule 20).
_COMPLETION = re.compile(r"complet|finish|заверш|законч|достро", re.IGNORECASE)


#: A plan in the past tense: "was due to open", "were expected to be completed".
_PASSED_PLAN = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:due|expected|scheduled|supposed|meant|planned|set)\s+to\b"
)


def _other_places_are_subject(view: SentenceView, projects: list[Match], start: int) -> bool:
    """True when the plan's clause names places but none of the projects or crossings: its
    subject is there ("the work at Tazhen, Maikapchagai and Bakhty is to be completed"), not
    a project of another clause."""
    clause_start, _ = view.segment_of(start)
    if any(clause_start <= m.start < start for m in projects):
        return False
    return any(clause_start <= m.start < start for m in view.of_kind(EntryKind.PLACE))


#: A Russian plan to open, in any form of its verbs: "Запустить дорогу рассчитывают в 2030
#: году", "планируют ввести в эксплуатацию в 2027 году" (an infinitive is marked ``инф_``).
_RU_PLANNED = LemmaPattern(
    r"(?<!\w)(?:инф_(?:запустить|открыть|ввести|завершить|достроить|сдать)\s[^.;]{0,100}?"
    r"(?:рассчитывать|планировать|намереваться|предполагать|собираться|обещать|ожидать)"
    r"|(?:рассчитывать|планировать|намереваться|предполагать|собираться|обещать)\s+"
    r"инф_(?:запустить|открыть|ввести|завершить|достроить|сдать)\s[^.;]{0,100}?)"
    r"\s+(?:уже\s+|только\s+)?в\s+(?:19|20)\d\d\s+год(?!\w)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: An opening that is due: "В 2026 году должны вступить в строй … линии X и Y", "линия должна
#: открыться в 2027 году" (the modal's lemma is "должный").
_RU_DUE = LemmaPattern(
    r"(?:(?<!\w)в\s+(?P<first>(?:19|20)\d\d)\s+год\s+(?:[^.;\s]+\s+){0,2}?)?"
    r"(?<!\w)должный\s+(?:быть\s+)?инф_(?:вступить\s+в\s+строй|открыть|открыться|ввести\s+в\s+эксплуатация"
    r"|запустить|заработать|сдать)"
    r"(?P<later>[^.;]{0,100}?\s+в\s+(?P<after>(?:19|20)\d\d)\s+год(?!\w))?"
)


#: The English year-first form: "In 2026 two more lines are due to enter service: X and Y".
_EN_DUE_YEAR_FIRST = re.compile(
    r"\b[Ii]n\s+(?:19|20)\d\d,?\s+[^.;]{0,60}?\b(?:is|are)\s+(?:due|expected|set|scheduled)\s+to\s+"
    r"(?:open|enter\s+service|be\s+(?:commissioned|completed|opened|put\s+into\s+(?:service|operation)))\b"
)


def _due_openings(view: SentenceView, projects: list[Match]) -> Iterator[Candidate]:
    """Openings a text says are due in a year; a year said first holds for every project
    listed after it ("В 2026 году должны вступить в строй линии X и Y", "In 2026 two more
    lines are due to enter service: X and Y")."""
    for english in _EN_DUE_YEAR_FIRST.finditer(view.text, view.start, view.end):
        for project in [p for p in projects if p.start >= english.end()]:
            year = int(_YEAR.findall(english.group())[0])
            yield _opening(project, year, english.start(), english.end())
    for found in _RU_DUE.finditer(view.text, view.start, view.end):
        start, end = found.start(), found.end()
        years = _YEAR.findall(found.group())
        if not years or _STUDY.search(view.text, view.segment_of(start)[0], end):
            continue
        if _part_in_clause(view, start) or re.search(
            r"(?<![\w-])был[аио]?(?![\w-])", view.text[start:end]
        ):
            continue  # a part's date, or a date that was due and has passed ("должна была")
        year_first = _YEAR.match(found.group(), found.group().find(years[0])) is not None and (
            found.group().lstrip().casefold().startswith("в ")
        )
        after = [p for p in projects if p.start >= end]
        subjects = after if year_first and after else []
        if not subjects:
            subject = _subject_before(view, projects, start, end)
            subjects = [subject] if subject is not None else []
        for project in subjects:
            yield _opening(project, int(years[0]), start, end)


def _russian_planned_openings(view: SentenceView, projects: list[Match]) -> Iterator[Candidate]:
    yield from _due_openings(view, projects)
    for found in _RU_PLANNED.finditer(view.text, view.start, view.end):
        start, end = found.start(), found.end()
        if _STUDY.search(view.text, view.segment_of(start)[0], end) or _part_in_clause(view, start):
            continue
        project = _subject_before(view, projects, start, end)
        years = _YEAR.findall(found.group())
        if project is not None and years:
            yield _opening(project, int(years[-1]), start, end)


def _opening(project: Match, year: int, start: int, end: int) -> Candidate:
    return Candidate(
        payload=ProposedFigure(
            quantity=FigureQuantity.PLANNED_OPENING_YEAR,
            value=float(year),
            subject_id=(project.ids(EntryKind.PROJECT) or project.ids(EntryKind.CROSSING))[0],
        ),
        start=min(start, project.start),
        end=max(end, project.end),
        confidence=round(0.8 * project.confidence, 3),
        flags=_variant_flags(project),
    )


#: "…, and <project> in 2027" after a planned opening: the same plan, another year.
_AND_BEFORE = re.compile(r"^[^.;]{0,40}?(?:,\s*|\s+)(?:and|а|и)\s+(?:the\s+)?$", re.IGNORECASE)
_IN_YEAR_AFTER = re.compile(r"^\s+(?:in|by|в|к)\s+(?P<year>(?:20|21)\d\d)\b")


def _elliptical_openings(
    view: SentenceView, projects: list[Match], after: int
) -> Iterator[Candidate]:
    """Projects coordinated after a planned opening, each with its own year (ellipsis)."""
    for project in projects:
        if project.start < after:
            continue
        if not _AND_BEFORE.match(view.text[after : project.start]):
            continue
        year = _IN_YEAR_AFTER.match(view.text[project.end : view.end])
        if year is not None:
            yield _opening(project, int(year["year"]), project.start, project.end + year.end())


# -- helpers -------------------------------------------------------------------------------


def _ahead(view: SentenceView, dated: DateMention) -> DateMention:
    """A month given without its year, read as the coming one: steps of a figure lie ahead
    of the report, while a bare month is otherwise read as past."""
    reference = view.context.reference
    if not dated.inferred_year or reference is None or dated.date >= reference.replace(day=1):
        return dated
    try:
        later = dated.date.replace(year=dated.date.year + 1)
    except ValueError:
        return dated
    return replace(dated, date=later)


def _valid_from(view: SentenceView, dated: DateMention | None) -> dt.date | None:
    if dated is not None:
        return dated.date
    if view.refers_to_this_summit and view.context.summit_date is not None:
        return view.context.summit_date
    return view.context.reference


def _variant_flags(match: Match) -> tuple[Flag, ...]:
    if match.variant_of is None:
        return unheld_name_flags(match)  # another script or other words (corpus rule 14)
    return (
        Flag(
            code=FlagCode.SPELLING_VARIANT,
            message=f"'{match.text}' read as '{match.variant_of}' (a spelling variant)",
        ),
    )
