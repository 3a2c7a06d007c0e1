"""A facility shown in use is in service: its first products, the firms working in it, the
people or goods that passed through it.

- **First products**: "the copper plant turned out its first products", "завод выпустил первую
  продукцию": production has begun.
- **Trains started on a line**: "trains began running on the … second track", "пошли поезда по
  вторым путям …", on their day.
- **Firms at work in it**: "Today 14 companies work in the park", "в парке работают 14
  компаний".
- **At work now**: "сейчас работают сухой порт и зерновой терминал", "the terminal now
  operates".
- **People or goods through it**: "1.34 million people had checked in and out of the center
  this year", "через центр прошли 1,3 млн человек": it is open to them.
- **Gas through it**: "gas has been flowing through the new line", "газ идёт в Китай по трём
  ниткам газопровода": the pipeline is in service.

The project must be named in the clause, or referred back to ("the park"), as for every status
phrase. First products are dated as any event; firms at work, people who passed and gas flowing are
seen as the report is written ("this year as of April 19"), so they are dated by the report.
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["USE_TRIGGERS", "in_use_as_reported"]

_FIRST_PRODUCTS = re.compile(
    r"\b(?:turned\s+out|produced|shipped|released|made|yielded)\s+(?:its|their|the)\s+first\s+"
    r"(?:products?|output|batch\w*|ingots?|cathodes?|concentrate|cars?|vehicles?|trucks?)\b"
    r"|(?<![\w-])(?:выпустил\w*|выдал\w*|дал[аио]?|произв[её]л\w*)\s+(?:свою\s+)?перв\w+\s+"
    r"(?:продукци\w*|парти\w*|слит\w*|катод\w*|концентрат\w*|автомобил\w*|машин\w*)(?![\w-])",
    re.IGNORECASE,
)
_FIRMS_AT_WORK = re.compile(
    r"\b\d[\d,.]*\s+(?:[\w-]+\s+)?(?:companies|enterprises|firms|businesses|tenants)\s+"
    r"(?:now\s+|already\s+)?(?:work|operate|are\s+(?:based|working|operating))\s+(?:in|at)\b"
    r"|(?<![\w-])(?:работа[ею]т|действу[ею]т)\s+(?:уже\s+)?\d[\d\s,.]*\s+(?:[\w-]+\s+)?"
    r"(?:компани\w*|предприяти\w*|фирм\w*|резидент\w*)(?![\w-])",
    re.IGNORECASE,
)
_PASSED_THROUGH = re.compile(
    r"\b(?:people|passengers|travell?ers|visitors|tourists)\s+(?:have|had)\s+"
    r"(?:checked\s+in|passed|crossed|travell?ed|visited)\b"
    r"|(?<![\w-])через\s+(?:\w+\s+){0,2}прошл[иао]?\s+(?:более\s+|свыше\s+|почти\s+|около\s+)?\d"
    r"|(?<![\w-])прошл[иао]?\s+через\s+(?:\w+\s+)?(?:центр|терминал|порт|пункт|переход)\w*(?![\w-])",
    re.IGNORECASE,
)

#: Trains started on a line: "trains began running on the … second track", "пошли поезда по
#: вторым путям …", "пустили первые поезда".
_TRAINS_RUN = re.compile(
    r"\btrains?\s+(?:began|started|have\s+(?:begun|started))\s+(?:running|to\s+run|moving|to\s+move)\b"
    r"|\bfirst\s+trains?\s+(?:ran|went|passed)\b"
    r"|(?<![\w-])(?:пошли|пошёл|пошел|пустили|начали\s+ходить)\s+(?:первые\s+)?(?:поезд|состав)\w*"
    r"|(?<![\w-])(?:поезд|состав)\w*\s+(?:пошли|начали\s+ходить)(?![\w-])",
    re.IGNORECASE,
)
#: At work as the report is written: "сейчас работают сухой порт и зерновой терминал", "the
#: terminal now operates", "is now in operation".
_WORKING_NOW = re.compile(
    r"\b(?:now|today|currently|already)\s+(?:operates|works|runs|is\s+(?:operating|working|running|in\s+operation))\b"
    r"|\b(?:is|are)\s+(?:now|already|currently)\s+(?:operating|working|in\s+operation)\b"
    r"|(?<![\w-])(?:сейчас|сегодня|теперь|уже)\s+(?:работа[ею]т|действу[ею]т|функциониру[ею]т)(?![\w-])",
    re.IGNORECASE,
)

#: Gas carried by a pipeline as the report is written: "gas from Turkmenistan has been flowing
#: through the new line", "газ идёт в Китай по трём ниткам газопровода", "по газопроводу
#: поступает газ".
_GAS_FLOWS = re.compile(
    r"\b(?:gas|fuel)\s+(?:(?:from|of)\s+\w+\s+)?(?:has\s+been\s+|have\s+been\s+|is\s+(?:being\s+)?|are\s+)?"
    r"(?:flow(?:s|ing)?|pumped|delivered|carried|shipped|transported|exported)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:through|via|along)\b"
    r"|(?<![\w-])(?:[\w-]+\s+)?газ\s+(?:(?!не\s)[\w-]+\s+){0,3}?(?:ид[её]т|поступа[ею]т|прокачива[ею]тся"
    r"|транспортиру[ею]тся|перекачива[ею]тся|пода[её]тся)\s+(?:[\w-]+\s+){0,3}?по(?![\w-])"
    r"|(?<![\w-])по\s+(?:[\w-]+\s+){0,3}?(?:газопровод|трубопровод|нитк|ветк)\w*\s+"
    r"(?:(?!не\s)[^\s.;]+\s+){0,6}?(?:ид[её]т|поступа[ею]т|прокачива[ею]тся|транспортиру[ею]тся"
    r"|пода[её]тся)\s+(?:[^\s.;]+\s+){0,5}?газ",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
USE_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.IN_SERVICE, _FIRST_PRODUCTS, 0.75),
    (ProjectStatus.IN_SERVICE, _TRAINS_RUN, 0.75),
    (ProjectStatus.IN_SERVICE, _FIRMS_AT_WORK, 0.65),
    (ProjectStatus.IN_SERVICE, _PASSED_THROUGH, 0.65),
    (ProjectStatus.IN_SERVICE, _WORKING_NOW, 0.65),
    (ProjectStatus.IN_SERVICE, _GAS_FLOWS, 0.65),
)


def in_use_as_reported(phrase: str) -> bool:
    """True when a status phrase shows the facility in use as the report is written."""
    return bool(
        _FIRMS_AT_WORK.search(phrase)
        or _PASSED_THROUGH.search(phrase)
        or _WORKING_NOW.search(phrase)
        or _GAS_FLOWS.search(phrase)
    )
