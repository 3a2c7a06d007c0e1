"""Whose opening a Russian full participle with its time reports.

"Открытый в 2024 году филиал …", "… комбината, запущенного в 1990 году": a full participle
says what the noun beside it is, so the status it reports is a project's only when the
participle belongs to the project's name. It does right after the name (a comma, a dash, a
parenthesis or an adverb aside), or before it with nothing between but its time (where and
with whose support aside) and the name's own words: adjectives and at most one noun, each
agreeing with the participle (pymorphy3 reads case, number and gender). "Построенная в 2014
году железная дорога Жезказган – Бейнеу" is the line's; "Запущенный в 2020 году склад у ГОК
«Актогай»" is the warehouse's, and "Открытый в 2020 году терминал порта Курык" the terminal's.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import (
    agrees_with,
    is_full_participle,
    is_noun,
    is_ordinal,
    lemma_of,
)
from caravan.analysis.ingest.other_objects import LINE_LEMMAS

__all__ = ["FULL_ENDINGS", "RU_ADVERBS", "RU_MONTHS", "participle_of_other"]

#: The endings of a full participle or adjective of a hard stem, in every case and number:
#: "открытый", "открытыми", "построенного".
FULL_ENDINGS = r"ыми|ого|ому|ый|ая|ое|ой|ом|ую|ою|ым|ых|ые"
#: An adverb or two before a time: "официально", "ещё".
RU_ADVERBS = r"(?:(?:[а-яё]+о|ещё|еще|уже|лишь)\s+){0,2}?"
RU_MONTHS = r"(?:январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|ноябр|декабр)"

_FULL_PARTICIPLE = re.compile(
    r"(?:открыт|построенн|запущенн)(?:" + FULL_ENDINGS + r")$", re.IGNORECASE
)
#: What may stand between a noun and its participle after it: a parenthesis ("(988 км)"), a
#: comma or a dash, and an adverb.
_TO_PARTICIPLE = re.compile(
    r"[»\"”]?\s*(?:\([^()]{1,60}\)\s*)?(?:,\s*)?(?:[—–]\s*)?(?:[а-яё]+о\s+)?$", re.IGNORECASE
)
#: A part of a year or month before its number: "в конце 2014 года", "в начале мая".
_PART_OF = r"(?:(?:конце|начале|середине|(?:первой|второй)\s+половине)\s+)?"
#: A year's number as written: "2014", "2014-м", "2014-го", "2010-х".
_YEAR = r"\d{4}(?:-?м|-?х|-го)?"
#: Where, or with whose support, a fronted participle's act was done: "в Астане", "в
#: Мангистауской области", "при поддержке Китая".
_WHERE = (
    r"(?:\s+(?:(?:в|во|на)\s+[А-ЯЁ][а-яё-]+(?:\s+(?:области|районе|крае|регионе|округе"
    r"|провинции))?|при\s+(?:поддержке|участии|содействии)\s+[А-ЯЁ][а-яё-]+))"
)
#: A fronted participle's time, as the trigger reads it ("в 2024 году", "официально в мае
#: 2016 года", "в мае прошлого года", "в 2024-м году", "в прошлом году", "в конце 2014
#: года", "в декабре 2014-го"), and where.
_FRONTED_TIME = re.compile(
    r"\s+"
    + RU_ADVERBS
    + r"(?:(?:в|во)\s+)?"
    + _PART_OF
    + r"(?:(?:\d{1,2}\s+)?"
    + RU_MONTHS
    + r"[а-яё]*"
    r"(?:\s+(?:" + _YEAR + r"\s*(?:года|г\.?)?|(?:поза)?прошлого\s+года|этого\s+года))?"
    r"|" + _YEAR + r"(?:\s*(?:году|года|годах|г\.?))?"
    r"|(?:поза)?прошлом\s+году|этом\s+году|(?:поза)?прошлого\s+года|этого\s+года)"
    + _WHERE
    + r"{0,2}"
)
#: The longest run of the name's own words between a fronted participle's time and the name:
#: adjectives and one noun ("новая широкая железная дорога").
_NAME_WORDS = 4
#: A project's first stage, whose opening puts the project in service: "первая нитка
#: газопровода", "первый пусковой комплекс дороги" (the whole's own noun may follow, in the
#: genitive; "первая нитка отвода газопровода" is a branch's).
_FIRST_STAGE = re.compile(
    r"перв\w+\s+(?:пусков\w+\s+)?(?:нитк|очеред|лини|фаз|этап|звен|участ|секци|комплекс)\w*"
    r"(?:\s+(?:газопровода|трубопровода|дороги|линии|магистрали|трассы|комбината|порта))?",
    re.IGNORECASE,
)
#: A company's form before its name: a company founded or launched is not its project.
_COMPANY_FORMS = frozenset({"ОАО", "АО", "ТОО", "ООО", "ЗАО", "ПАО", "АООТ"})
#: Quotes that may stand between.
_QUOTES = '«»"“”„'


def participle_of_other(
    text: str,
    project_start: int,
    project_end: int,
    participle: str,
    start: int,
    end: int,
    *,
    any_participle: bool = True,
) -> bool:
    """True when the full participle that opens ``participle`` (a trigger's text at ``start``–
    ``end`` of ``text``: "открытый", "введённого в эксплуатацию") belongs to a noun other than
    the project's name at ``project_start``–``project_end``. Any full past passive participle
    counts only with ``any_participle`` (openings); otherwise only открытый, построенный and
    запущенный do ("Приостановленное … строительство дороги X" is the line's suspension)."""
    word = participle.split(maxsplit=1)[0] if participle.strip() else ""
    read = any_participle and is_full_participle(word)
    if not (_FULL_PARTICIPLE.search(participle) or read):
        return False
    participle = word if read else participle
    if project_end <= start:
        return not _TO_PARTICIPLE.fullmatch(text, project_end, start) or _own_noun_after(
            text, end, participle
        )
    time = _FRONTED_TIME.match(text, end, project_start)
    between = text[time.end() if time else end : project_start].lstrip()
    # the comma that closes the participle's phrase: "Построенная в 2014 году, дорога X …"
    between = between[1:] if between.startswith(",") and time else between
    if "," in between:
        return True  # "Построенная в 2020 году станция, дорога X …": a list
    if any_participle and _FIRST_STAGE.fullmatch(between.strip()):
        return False  # "Запущенная в 2009 году первая нитка газопровода X": X opened
    words = [w.strip(_QUOTES) for w in between.split()]
    first = next(iter(text[project_start:project_end].split()), "").strip(_QUOTES)
    if first and (not first[:1].isupper() or first.isupper()):
        words.append(first)  # the name's own noun: "порта Курык", "ГОК «Актогай»"
    words = [w for w in words if w]
    if any(w in _COMPANY_FORMS for w in words):
        return True  # "Запущенный в 2017 году ОАО «Актогай»": the company, not the mine
    return (
        len(words) > _NAME_WORDS
        or sum(is_noun(w) for w in words) > 1
        or any(is_ordinal(w) for w in words)  # "вторая железная дорога X": another one
        or not all(agrees_with(w, participle) for w in words)
    )


#: Nouns that name a whole line or facility again: "X — введённая в 2016 году магистраль".
_WHOLE_NOUNS = LINE_LEMMAS | {
    "трубопровод", "порт", "комплекс", "комбинат", "предприятие", "проект", "месторождение",
    "рудник",
}  # fmt: skip


def _own_noun_after(text: str, end: int, participle: str) -> bool:
    """True when the participle after a name is followed, past its time, by a noun phrase of
    its own that agrees with it and names another thing: "порта Курык — открытый в 2020 году
    зерновой терминал" is the terminal's ("магистраль", "дорога" name the line again)."""
    time = _FRONTED_TIME.match(text, end)
    if time is None:
        return False
    for word in text[time.end() : time.end() + 80].split()[:3]:
        word = word.strip(_QUOTES + ".,;:")
        if not word or not agrees_with(word, participle):
            return False
        if is_ordinal(word):
            return True  # "— запущенная в 2021 году вторая фабрика": another one
        if is_noun(word):
            return lemma_of(word).lemma not in _WHOLE_NOUNS
    return False
