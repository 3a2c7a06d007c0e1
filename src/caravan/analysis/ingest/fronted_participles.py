"""Whose opening a Russian full participle with its time reports.

"Открытый в 2024 году филиал …", "… комбината, запущенного в 1990 году": a full participle
says what the noun beside it is, so the status it reports is a project's only when the
participle belongs to the project's name. It does right after the name (a comma and an adverb
aside), or before it with nothing between but its time and the name's own words, which agree
with it (pymorphy3 reads which words are full participles and which agree): "Построенная в 2014 году железная дорога Жезказган – Бейнеу" is the line's, but
"Запущенный в 2020 году склад у ГОК «Актогай»" is the warehouse's.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import agrees_with, is_full_participle

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
#: What may stand between a noun and its participle after it: a comma and an adverb.
_TO_PARTICIPLE = re.compile(r"[»\"”]?\s*,?\s*(?:[а-яё]+о\s+)?$", re.IGNORECASE)
#: A fronted participle's time, as the trigger reads it ("в 2024 году", "официально в мае
#: 2016 года", "в мае прошлого года", "в 2024-м году", "в прошлом году"), and where ("в
#: Астане").
_FRONTED_TIME = re.compile(
    r"\s+" + RU_ADVERBS + r"(?:(?:в|во)\s+)?"
    r"(?:(?:\d{1,2}\s+)?" + RU_MONTHS + r"[а-яё]*"
    r"(?:\s+(?:\d{4}(?:-?м)?\s*(?:года|г\.?)?|(?:поза)?прошлого\s+года|этого\s+года))?"
    r"|\d{4}(?:-?м|-?х)?(?:\s*(?:году|года|годах|г\.?))?"
    r"|(?:поза)?прошлом\s+году|этом\s+году)"
    r"(?:\s+(?:в|во)\s+[А-ЯЁ][а-яё-]+)?"
)
#: The longest run of the name's own words between a fronted participle's time and the name.
_NAME_WORDS = 2
#: Marks that may stand between: quotes, and the comma closing a fronted participle's phrase.
_MARKS = '«»"“”„,'


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
        return not _TO_PARTICIPLE.fullmatch(text, project_end, start)
    time = _FRONTED_TIME.match(text, end, project_start)
    words = [w.strip(_MARKS) for w in text[time.end() if time else end : project_start].split()]
    words = [w for w in words if w]
    return len(words) > _NAME_WORDS or not all(agrees_with(w, participle) for w in words)
