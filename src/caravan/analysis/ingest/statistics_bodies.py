"""A national statistics body cited without its country ("the National Statistics Committee",
"Нацстатком", "Госкомстат республики", "the Statistics Agency"): the Central Asian states' offices are committees and
agencies, China's figures come from its customs, so such a body reports the trade figure of the
Central Asian partner the figure is about.
"""

from __future__ import annotations

import re

from caravan.analysis.ingest.context import SentenceView

__all__ = ["partner_statistics_cited"]

#: A statistics committee or agency named by its kind alone.
_COMMITTEE_OR_AGENCY = re.compile(
    r"\b(?:(?:National|State)\s+Statistic(?:s|al)?\s+Committee|Statistics\s+Agency"
    r"|Agency\s+(?:on|for|of)\s+Statistics|Bureau\s+of\s+National\s+Statistics"
    r"|Statistics\s+Committee|(?:State\s+)?Committee\s+(?:on|for)\s+Statistics|Goskomstat|Statcom"
    r"|(?:the\s+)?(?:republic|country)['’]s\s+statistic(?:s|al)\s+(?:office|service|body|committee|agency))\b"
    r"|(?<![\w-])(?:Нацстатком\w*|Национальн\w+\s+статистическ\w+\s+комитет\w*"
    r"|Государственн\w+\s+комитет\w*\s+по\s+статистике|Агентств\w+\s+(?:по\s+)?статистик\w+"
    r"|Бюро\s+национальной\s+статистики|Госкомстат\w*|Статком\w*|Комстат\w*|Нацстат\w*"
    r"|Комитет\w*\s+по\s+статистике|статистическ\w+\s+(?:ведомств|служб|комитет)\w*\s+республики)(?![\w-])",
    re.IGNORECASE,
)
#: How many sentences before the figure the citation may stand.
_SENTENCES = 1


def partner_statistics_cited(view: SentenceView) -> bool:
    """True when the sentence (or the one before) cites a statistics committee or agency by
    its kind alone."""
    return any(
        _COMMITTEE_OR_AGENCY.search(v.sentence) is not None for v in view.with_previous(_SENTENCES)
    )
