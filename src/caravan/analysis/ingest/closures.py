"""A facility closed is suspended: "the centre was closed in March 2020", "the authorities shut
down the plant", "МЦПС закрыли из-за пандемии", "рынок закрылся", "центр был закрыт".

The verbs of closing are read in every form that reports a step taken: the English passive with
a time, a cause or the clause's end after it ("was closed in 2020", "were shut down because of"),
an active verb with a facility as its object ("closed the checkpoint", "shut down the mine"), and
the Russian past of "закрыть"/"закрыться" and "был закрыт" (matched on lemmas, so the
infinitive and the future, "закроют", match none). What is closed figuratively or is no facility
is left out: a deal, a question, a gap, a session, an account ("closed the deal", "закрыли
вопрос", "закрыли сделку"). The project must be named in the clause or referred back to, as for
every status phrase; negated or planned closings are dropped there as well.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.morphology import LemmaPattern
from caravan.model.enums import ProjectStatus

__all__ = ["CLOSURE_TRIGGERS"]

#: Things a facility's closing is said of: its own kinds.
_FACILITY = (
    r"(?:centre|center|checkpoint|crossing|border\s+post|border|port|zone|plant|factory|mine"
    r"|terminal|park|line|road|railway|airport|station|market|complex|workshop|institute|school"
    r"|pipeline|facility|site)s?"
)
_EN_CLOSED = re.compile(
    # the passive with what follows it: a time, a cause, or the clause's end
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:temporarily\s+|completely\s+|fully\s+)?"
    r"(?:closed|shut)(?:\s+down)?"
    r"(?=\s+(?:in|on|at|during|amid|from|since|as|when|following|because|due|over|for\s+the\s+duration)\b"
    r"|\s*[,.;:]|\s*$)"
    # the active with a facility as object: "closed the checkpoint", "shut down the plant"
    rf"|\b(?:closed|shut)(?:\s+down)?\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){{0,2}}?{_FACILITY}\b"
    r"|\b(?:shut|closed)\s+down\b(?!\s+(?:the|a|an|its|their)\s+(?:talks?|debate|discussion|question)\b)",
    re.IGNORECASE,
)
#: What is closed figuratively, or is no facility: "закрыли сделку", "закрыть вопрос".
_NOT_A_FACILITY = (
    r"(?!\s+(?:\w+\s+)?(?:сделка|вопрос|счет|тема|кредит|глаз|сессия|торги|позиция|брешь|дефицит"
    r"|потребность|сезон|год|дело|проблема|заседание|форум|выставка|ярмарка)(?!\w))"
)
_RU_CLOSED = LemmaPattern(
    r"(?<!\w)(?:закрыть|закрыться)" + _NOT_A_FACILITY + r"(?!\w)"
    r"|(?<!\w)быть\s+(?:временно\s+)?закрытый" + _NOT_A_FACILITY + r"(?!\w)"
)

#: (status, pattern, confidence) triggers in the form ``events.STATUS_TRIGGERS`` holds.
CLOSURE_TRIGGERS: tuple[tuple[ProjectStatus, re.Pattern[str] | LemmaPattern, float], ...] = (
    (ProjectStatus.SUSPENDED, _EN_CLOSED, 0.7),
    (ProjectStatus.SUSPENDED, _RU_CLOSED, 0.7),
)
