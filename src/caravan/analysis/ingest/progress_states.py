"""Works going on said by their pace, and a facility in use said by its appearance.

- **Pace of the works**: "construction is moving quickly", "work is progressing at a fast
  pace", "строительство выходит на финишную прямую", "работы идут ускоренными темпами": works
  said to move are under way as of the report.
- **Well advanced**: "work on big projects, among them the … highway, is well advanced",
  "строительство … продвинулось далеко": under way as of the report.
- **A part left**: "only 457 km of the corridor remain to be built", "осталось достроить 40
  км": under way as of the report.
- **Works in hand**: "ознакомился с ходом работ на месторождении «Галкыныш»", "реализуется проект
  строительства линии Бахты – Аягоз", "the progress of construction on the line", "is carrying
  out a programme to rehabilitate the road corridor": under way as of the report.
- **Worked on now**: "the center is being expanded", "дорога реконструируется": under way as of
  the report.
- **Appearance**: "В 2014 году появился «сухой порт» Хоргос", "the dry port appeared in 2014":
  a facility that came into being is in service from then (the project must be named in the
  clause, as for every status phrase).
"""

from __future__ import annotations

import re

from caravan.model.enums import ProjectStatus

__all__ = ["PROGRESS_TRIGGERS"]

_PACE = re.compile(
    r"\b(?:construction|works?|building)\s+(?:[\w-]+\s+){0,6}?(?:is|are)\s+(?:now\s+|still\s+)?"
    r"(?:moving|progressing|proceeding|advancing|going|running)\s+(?:ahead\s+)?"
    r"(?:quickly|fast|rapidly|swiftly|well|briskly|apace|on\s+schedule|at\s+(?:a\s+)?(?:fast|rapid"
    r"|quick|high|good|brisk)\s+pace)\b",
    re.IGNORECASE,
)
_RU_PACE = re.compile(
    r"(?<![\w-])(?:строительств\w*|работ\w*|реконструкци\w*)\s+(?:[^.;,]{0,60}?\s)?"
    r"(?:выход\w*|вышл\w*|вышел)\s+на\s+финишную\s+прямую"
    r"|(?<![\w-])(?:строительств\w*|работ\w*|реконструкци\w*)\s+(?:[^.;,]{0,60}?\s)?"
    r"(?:ид[уё]т|ведутся|ведётся|ведется|продвига\w+)\s+(?:\w+\s+)?(?:быстрыми|ускоренными"
    r"|высокими|хорошими)\s+темпами",
    re.IGNORECASE,
)
#: Works said to be well advanced: "work on big projects, among them the … highway, is well
#: advanced", "строительство … продвинулось далеко", "находится в продвинутой стадии".
_ADVANCED = re.compile(
    r"\b(?:construction|works?|building)\s+[^.;]{0,160}?\b(?:is|are)\s+(?:now\s+|already\s+)?"
    r"(?:well|far|quite)\s+(?:advanced|along)\b"
    r"|(?<![\w-])(?:строительств\w*|работ\w*)\s+[^.;]{0,160}?(?:продвинул\w+\s+далеко"
    r"|далеко\s+продвинул\w+|наход\w+\s+в\s+продвинутой\s+стадии)",
    re.IGNORECASE,
)
#: Works with a part left: "only 457 km … remain to be built", "осталось достроить 40 км",
#: "осталось построить 12 км" (not "Line D remains to be built": not begun).
_PART_LEFT = re.compile(
    r"\b(?:\d[\d,.]*\s*(?:-\s*)?(?:km|kilomet(?:re|er)s?|miles?)|parts?|sections?|stretch(?:es)?)"
    r"\b[^.;]{0,80}?\bremains?\s+to\s+be\s+(?:built|completed|laid|paved|finished)\b"
    r"|(?<![\w-])остал\w*\s+(?:достроить|(?:построить|проложить|уложить)\s+(?:ещ[её]\s+|около\s+"
    r"|более\s+|порядка\s+)?\d)",
    re.IGNORECASE,
)
#: The works' progress or their carrying out, named as a noun: "ознакомился с ходом работ на
#: месторождении", "реализуется проект строительства линии", "о продвижении строительства
#: железной дороги", "the progress of construction on the line", "is carrying out a programme
#: to rehabilitate the road corridor": works under way as of the report.
_WORKS_IN_HAND = re.compile(
    r"(?<![\w-])(?:ход(?:ом|а|е)?\s+(?:строительн\w+\s+|подготовительн\w+\s+)?(?:работ|строительства"
    r"|реконструкции)|реализу(?:ется|ются)\s+(?:\w+\s+)?проект\w*\s+(?:строительства|реконструкции)"
    r"|продвижени\w+\s+(?:строительства|реконструкции|работ))(?![\w-])"
    r"|\bprogress\s+(?:of|on|in)\s+(?:the\s+)?(?:construction|building|works?|reconstruction"
    r"|expanding|expansion|upgrading|modernizing|modernising|modernization|modernisation)\b"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:carrying\s+out|implementing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:programme|program|project)\s+to\s+(?:build|construct|rehabilitate|reconstruct|upgrade|modernize)\b",
    re.IGNORECASE,
)
#: Works on it in the present passive: "the center is being expanded", "линия
#: модернизируется", "дорога реконструируется".
_BEING_WORKED = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|currently\s+|also\s+)?being\s+(?:expanded|upgraded|modernized|modernised"
    r"|reconstructed|rebuilt|widened|electrified|extended|rehabilitated|laid)\b"
    r"|(?<![\w-])(?:расширя[ею]тся|модернизиру[ею]тся|реконструиру[ею]тся|электрифициру[ею]тся"
    r"|прокладыва[ею]тся)(?![\w-])",
    re.IGNORECASE,
)
_APPEARED = re.compile(
    r"\bappeared\s+(?:in|back\s+in)\s+(?:19|20)\d\d\b|(?<![\w-])появил(?:ся|ась|ось|ись)(?![\w-])"
    # an abstract thing appeared ("появилась возможность"), no facility
    r"(?!\s+(?:возможност|информаци|вопрос|иде[яи]|мысл|необходимост|шанс|проблем|сообщени"
    r"|данн|слух|план|интерес|спрос|желани|надежд|сведени)\w*)",
    re.IGNORECASE,
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
PROGRESS_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str], float], ...] = (
    (ProjectStatus.UNDER_CONSTRUCTION, _PACE, 0.7),
    (ProjectStatus.UNDER_CONSTRUCTION, _RU_PACE, 0.7),
    (ProjectStatus.UNDER_CONSTRUCTION, _ADVANCED, 0.7),
    (ProjectStatus.UNDER_CONSTRUCTION, _PART_LEFT, 0.7),
    (ProjectStatus.UNDER_CONSTRUCTION, _WORKS_IN_HAND, 0.65),
    (ProjectStatus.UNDER_CONSTRUCTION, _BEING_WORKED, 0.65),
    (ProjectStatus.IN_SERVICE, _APPEARED, 0.6),
)
