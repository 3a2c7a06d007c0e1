"""A crossing named by its two posts, one on each side of the border: "у пунктов пропуска
«Ак-Тилек» (Кыргызстан) и «Карасу» (Казахстан)", "в пунктах пропуска "Ак-Тилек" - "Карасу"",
"the Ak-Tilek (Kyrgyzstan) and Karasu (Kazakhstan) checkpoints".

The two posts are one crossing (named "Ак-Тилек – Карасу") when a dash joins the two quoted
posts, when each is set in a different country, or when neither is a held crossing ("пунктами
пропуска «Атамекен» и «Гулистан»": two sides of one new crossing); joined by "и" in no stated
countries with one held ("у пунктов пропуска «Торугарт» и «Иркештам»"), they are two crossings,
left to the other readers. A pair whose posts are a held crossing and a held place ("Altynkol-Khorgos") is held.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind

__all__ = ["crossing_pairs"]

_OPEN = r"[«\"„“]"
_CLOSE = r"[»\"“”]"
_RU_POST = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_EN_POST = r"(?-i:[A-Z])[a-z]+(?:-(?-i:[A-Z])[a-z]+)?"
#: Russian: each post quoted on its own, joined by a dash or by "и" (perhaps each in its country).
_RU_PAIR = re.compile(
    r"(?<![\w-])(?:пункт\w*\s+пропуска|КПП|погранпереход\w*)\s+"
    + _OPEN + r"(?P<a>" + _RU_POST + r")" + _CLOSE
    + r"(?:\s*[-–—]\s*|(?:\s*\((?P<ca>[А-ЯЁ][а-яё]+)\))?\s+(?P<and>и)\s+)"
    + _OPEN + r"(?P<b>" + _RU_POST + r")" + _CLOSE + r"(?:\s*\((?P<cb>[А-ЯЁ][а-яё]+)\))?"
)  # fmt: skip
#: English: each post in its country, "the Ak-Tilek (Kyrgyzstan) and Karasu (Kazakhstan)
#: checkpoints" (a dash-joined pair is read by the crossing rule of ``entities.py``).
_EN_PAIR = re.compile(
    r"\b(?P<a>" + _EN_POST + r")\s*\((?P<ca>(?-i:[A-Z])[a-z]+)\)\s+and\s+"
    + r"(?P<b>" + _EN_POST + r")\s*\((?P<cb>(?-i:[A-Z])[a-z]+)\)"
    + r"\s+(?:border\s+)?(?:checkpoints|crossing\s+points|border\s+posts|posts)\b",
    re.IGNORECASE,
)  # fmt: skip


def crossing_pairs(view: SentenceView) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each crossing named by its two posts that the knowledge base
    does not hold as one crossing (a known post on one side does not make the pair known)."""
    for pattern in (_RU_PAIR, _EN_PAIR):
        for found in pattern.finditer(view.sentence):
            if found["ca"] is not None and (
                found["cb"] is None or found["ca"].casefold() == found["cb"].casefold()
            ):
                continue  # two posts of one country: two crossings
            start, end = view.start + found.start("a"), view.start + found.end("b")
            posts = [(view.start + found.start(g), view.start + found.end(g)) for g in "ab"]
            crossings = [view.known_name_over(a, b, EntryKind.CROSSING) for a, b in posts]
            if any(crossings) and all(view.known_name_over(a, b) for a, b in posts):
                continue  # a held crossing named by both its posts, or two held crossings
            joined_by_and = found.re is _RU_PAIR and found["and"] is not None
            if joined_by_and and found["ca"] is None and any(crossings):
                continue  # "«Торугарт» и «Иркештам»" with no countries: held, two crossings
            if any(m.start <= start and end <= m.end for m in view.of_kind(EntryKind.CROSSING)):
                continue
            yield f"{found['a']} – {found['b']}", start, end
