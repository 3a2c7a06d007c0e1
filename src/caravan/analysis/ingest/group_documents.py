"""A group of documents signed, named by what they cover: one proposal for the group.

- **Topics in the signing sentence**: "the sides had signed a number of intergovernmental and
  interdepartmental documents on trade and the economy, transport …", "Туркмения и Китай
  подписали несколько документов о сотрудничестве в образовании, …": "Documents on trade and
  the economy, transport …".
- **Topics in the next sentence**: "… signed 29 new documents. They deal with trade …", "…
  подписали 29 новых документов о сотрудничестве. Они касаются торговли и экономики …",
  "… the documents deal with exports of farm produce …": the group of the sentence before.

Documents of no named kind are of kind `other`; a group of "agreements" ("signed several
agreements … The documents deal with …") is of agreements. The group is dated
and placed as its signing sentence says (see ``group_signings``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView

__all__ = ["group_documents"]

#: A word describing the documents between their count and their noun ("a number of
#: intergovernmental and interdepartmental documents"), not the signers or their verb ("the two
#: sides also signed further documents").
_DESCRIBING = (
    r"(?:(?!(?:sides|parties|countries|presidents|leaders|signed|signing|also|сторон\w*|стран\w*"
    r"|подпис\w*|также)\b)[\w-]+\s+)"
)
#: A group of documents counted, with what they are about: "a number of … documents on …".
_GROUP_ON = re.compile(
    r"\b(?:\d+|several|many|a\s+number\s+of|a\s+package\s+of|a\s+series\s+of|more\s+than\s+\d+"
    r"|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of)\s+"
    + _DESCRIBING
    + r"{0,4}?(?P<noun>documents)\s+(?:on|about|covering)\s+(?P<topics>(?-i:[a-z])[^.;:]{4,300})"
    r"|(?<![\w-])(?:\d+|несколько|ряд|пакет|более\s+\d+|два|две|три|четыре|пять|шесть|семь"
    r"|восемь|девять|десять|десятки)\s+"
    + _DESCRIBING
    + r"{0,3}?(?P<runoun>документ(?:ов|а|ы))\s+(?:о|об|по)\s+(?P<rutopics>(?-i:[а-яё])[^.;:]{4,300})",
    re.IGNORECASE,
)
#: A group counted with no topics ("signed 29 new documents", "the signing of more than 20
#: documents", "signed several agreements to widen …", "подписали 29 новых документов о
#: сотрудничестве").
_GROUP_BARE = re.compile(
    r"\b(?:\d+|several|a\s+number\s+of|more\s+than\s+\d+|two|three|four|five|six|seven|eight|nine"
    r"|ten)\s+" + _DESCRIBING + r"{0,3}?(?:documents|agreements)\b(?!\s+(?:on|about|covering)\s)"
    r"|(?<![\w-])(?:\d+|несколько|ряд|пакет|более\s+\d+)\s+"
    + _DESCRIBING
    + r"{0,3}?(?:документ(?:ов|а|ы)|соглашени(?:й|я))(?:\s+о\s+сотрудничестве)?\s*[.;]",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\bsign(?:ed|ing)\b|\bconcluded\b|(?<![\w-])(?:подписа\w*|заключили)(?![\w-])",
    re.IGNORECASE,
)
#: The next sentence saying what the group covers.
_TOPICS_AFTER = re.compile(
    r"(?:^|,\s+)(?:they|these|the\s+(?:documents|agreements))\s+(?:deal\s+with|cover|concern"
    r"|relate\s+to|touch\s+on)\s+(?P<topics>[^.;]{5,300})"
    r"|^\s*(?:Они|Документы|Соглашения)\s+(?:касаются|затрагивают|охватывают|посвящены)\s+"
    r"(?P<rutopics>[^.;]{5,300})",
    re.IGNORECASE,
)
#: A relative clause after the topics (what the documents will do), or where and when they were
#: signed ("… and culture in Astana on 3 July"): not what they cover.
_CLAUSE_END = re.compile(
    r",\s+(?:which|that|who|которые|что)\b|\s+(?:in|at|on|during|в|во|на)\s+(?=[A-ZА-ЯЁ0-9])"
)
#: Words that name no topic: "documents on cooperation".
_NO_TOPIC = frozenset({"cooperation", "сотрудничестве"})
_AGREEMENTS = re.compile(r"agreement|соглашени", re.IGNORECASE)


def group_documents(view: SentenceView) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of a group of documents the sentence names by its topics."""
    found = _GROUP_ON.search(view.sentence)
    if found is not None and _SIGNED.search(view.sentence):
        topics = _topics(found["topics"] or found["rutopics"])
        if topics.casefold() not in _NO_TOPIC:
            lead = "Documents on" if found["topics"] else "Документы о"
            yield view.start + found.start(), view.start + found.end(), f"{lead} {topics}"
            return
    after = _TOPICS_AFTER.search(view.sentence)
    if after is None:
        return
    earlier = next(iter(view.previous_sentences(1)), None)
    group = _GROUP_BARE.search(earlier.sentence) if earlier is not None else None
    if earlier is None or group is None or not _SIGNED.search(earlier.sentence):
        return
    agreements = _AGREEMENTS.search(group.group()) is not None
    if after["rutopics"]:
        lead = f"{'Соглашения' if agreements else 'Документы'} о сотрудничестве:"
    else:
        lead = f"{'Agreements' if agreements else 'Documents'} on"
    topics = _topics(after["topics"] or after["rutopics"])
    yield view.start + after.start(), view.start + after.end(), f"{lead} {topics}"


def _topics(written: str) -> str:
    """The topics as written, without a relative clause after them."""
    return _CLAUSE_END.split(written, maxsplit=1)[0].strip(" ,")
