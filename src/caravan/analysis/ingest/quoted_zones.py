"""Zones, parks and centres named by a quoted name after their kind: "в свободной
экономической зоне «Коканд»", "СЭЗ «Навои»", "в индустриальном парке «Шерабад»".

A weak head (зона, парк, центр, комплекс, кластер, хаб, база) names a facility with a quoted
name only when an adjective before it says what kind it is ("свободная экономическая зона"):
a bare "центр «…»" is as often an organisation. An abbreviation of a zone's kind (СЭЗ, ОЭЗ,
МЦПС) needs none. The name is given in the nominative with its quoted name ("Свободная
экономическая зона «Коканд»"); a zone named after its town is not the town, so a held place's
name is allowed, a country's is not. Read only near a country or a Chinese party (rule 1).
In English, a place and the abbreviation of a zone's kind name one: "the Kashgar FEZ".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caravan.analysis.ingest.context import SentenceView
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer
from caravan.analysis.ingest.morphology import analyser
from caravan.analysis.ingest.named_facilities import _party_near
from caravan.analysis.ingest.tokens import tokenise

__all__ = ["abbreviated_zones", "quoted_zones"]

#: Weak heads by their lemma; a zone is no row of ``facility_heads.csv`` (it is not built).
_HEADS = frozenset({"зона", "парк", "центр", "комплекс", "кластер", "хаб", "база", "технопарк"})
_QUOTED = r"«(?P<name>[А-ЯЁA-Z][^«»]{1,38})»"
_ADJECTIVES = re.compile(
    r"(?<![\w-])(?P<phrase>(?:[а-яё]+(?:-[а-яё]+)?\s+){1,3}(?P<head>[а-яё]+))\s+" + _QUOTED
)
_ABBREVIATED = re.compile(r"(?<![\w-])(?P<phrase>(?P<head>СЭЗ|ОЭЗ|ФЭЗ|МЦПС|ИП))\s+" + _QUOTED)


#: An English zone by its place and the abbreviation of its kind: "the Kashgar FEZ".
_EN_ABBREVIATED = re.compile(r"\b(?P<name>(?-i:[A-Z][a-z]+)\s+(?:FEZ|SEZ|FTZ|SFEZ))\b")


def abbreviated_zones(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each zone named in English by its place and the abbreviation of
    its kind ("the Kashgar FEZ"), near a country or a Chinese party; a held place's name is
    allowed (the zone is not the town), a held project's is not."""
    found = list(_EN_ABBREVIATED.finditer(view.sentence))
    if not found or not _party_near(view, gazetteer):
        return
    for item in found:
        start, end = view.start + item.start("name"), view.start + item.end("name")
        if view.known_name_over(start, end, EntryKind.PROJECT, EntryKind.COUNTRY):
            continue
        yield item["name"], start, end


def quoted_zones(view: SentenceView, gazetteer: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each zone, park or centre named by its kind and a quoted name."""
    found = [*_ADJECTIVES.finditer(view.sentence), *_ABBREVIATED.finditer(view.sentence)]
    if not found or not _party_near(view, gazetteer):
        return
    for item in found:
        read = _kind_in_nominative(item["phrase"])
        if read is None:
            continue
        kind, kept = read
        start, end = view.start + item.start("phrase") + kept, view.start + item.end()
        name_start = view.start + item.start("name")
        if any(m.start <= name_start and end - 1 <= m.end for m in view.of_kind(EntryKind.PROJECT)):
            continue  # a held project's name
        if any(gazetteer.is_country_word(t.key) for t in tokenise(item["name"])):
            continue  # "«Казахстан»": a country's name is no facility's
        if kind == item["head"] and _spelt_out_before(view.text[:start], item["name"]):
            continue  # "СЭЗ «Коканд»" after "свободной экономической зоне «Коканд»": the same
        yield f"{kind} «{item['name']}»", start, end


def _spelt_out_before(before: str, name: str) -> bool:
    """True when the text before names a zone, park or centre by this quoted name in full."""
    return re.search(r"(?:зон|парк|центр)\w*\s+«" + re.escape(name) + "»", before) is not None


def _kind_in_nominative(phrase: str) -> tuple[str, int] | None:
    """The adjectives just before the head and the head, in the nominative singular with the
    first letter capitalised ("в свободной экономической зоне" → "Свободная экономическая
    зона"), and where in the phrase they begin; None when the last word is no weak head or
    no adjective agreeing with it stands before it."""
    words = phrase.split()
    if words[-1] in {"СЭЗ", "ОЭЗ", "ФЭЗ", "МЦПС", "ИП"}:
        return words[-1], 0
    heads = [p for p in analyser().parse(words[-1]) if p.normal_form in _HEADS and "NOUN" in p.tag]
    if not heads:
        return None
    head = heads[0]
    written: list[str] = []
    for word in reversed(words[:-1]):
        readings = [
            p
            for p in analyser().parse(word)
            if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == head.tag.case
        ]
        form = readings[0].inflect({"nomn", "sing", str(head.tag.gender)}) if readings else None
        if form is None:
            break
        written.insert(0, str(form.word))
    if not written:
        return None
    nominative = head.inflect({"nomn", "sing"})
    written.append(str(nominative.word) if nominative is not None else head.normal_form)
    text = " ".join(written)
    kept = len(" ".join(words[: len(words) - len(written)]))
    return text[:1].upper() + text[1:], kept + (1 if kept else 0)
