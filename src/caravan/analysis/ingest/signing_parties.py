"""Who signed an untitled document, as a reader would name the document by them.

- **Parties after the document**: "a memorandum was signed between the Food Corporation and
  Binzhou Zhongyu Foods", "A second memorandum, between A and B, covers …", "меморандум был
  подписан между A и B": the document is the one between them ("Memorandum between A and B").
- **Companies before a Russian verb**: "«ЕвроХим» и китайская China National Engineering
  Company (CNCEC) торжественно подписали контракт": quoted or Latin names, with a describing
  word before one of them or an adverb before the verb, are the two signers.
- **One more document**: "A second memorandum, between A and B, covers …", "Ещё один
  меморандум …" right after a sentence reporting a signing was signed with it.
- **A deal named back by its parties**: "Kazakhstan said it had agreed a long-term deal to
  supply uranium to China. The contract, between Kazatomprom and China National Uranium
  Corporation, covers …": the contract of the deal agreed just before.
- **A document in force**: "Действующее межправительственное соглашение позволяет …", "the
  existing intergovernmental agreement allows …": a document signed before, with no date here.
- **Signers before the verb**: "BLCU and Astana International University signed an agreement",
  "Кыргызстан и Китай подписали соглашение": the parties listed right before the signing verb.
- **A time before the signers**: "In May Kazatomprom and CNUC signed a contract" was signed
  by Kazatomprom and CNUC, not by "In May Kazatomprom".
"""

from __future__ import annotations

import re

__all__ = [
    "deal_agreed",
    "document_between",
    "english_signers",
    "in_force",
    "one_more_document",
    "parties_after",
    "russian_company_signers",
    "russian_signers",
    "without_fronted_time",
]

#: A name in English: capitalised words, with "of", "for" or "the" inside ("the Shandong
#: Academy of Agricultural Science").
_EN_NAME = (
    r"(?:the\s+)?(?-i:[A-Z][\w'’.&-]*)(?:\s+(?:(?:of|for|the|on)\s+)*(?-i:[A-Z0-9][\w'’.&-]*))*"
    r"(?:\s+\((?-i:[A-Z][\w&.-]*)\))?"
)
#: A name in Russian: a quoted name, Latin capitalised words or one capitalised Cyrillic word
#: with the words of its genitive after it ("Институтом международных отношений").
_RU_NAME = (
    r"«[^«»]{1,60}»(?:\s+\((?-i:[A-Z][\w&.-]*)\))?"
    r"|(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*))*(?:\s+\((?-i:[A-Z][\w&.-]*)\))?"
    r"|(?-i:[А-ЯЁ][а-яё-]+)(?:\s+(?:(?-i:[а-яё]+(?:ого|его|ой|ей|ых|их|ия|ии|ов|а|ы)"
    r"|[А-ЯЁ]{2,}|[А-ЯЁ][а-яё-]+)))*"
)
#: Words that describe a party before its name: "the national atomic company Kazatomprom".
_DESCRIBED = r"(?:the\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,3}?"
_PARTIES_AFTER = re.compile(
    r"(?:\s*,\s*|\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:signed|concluded|inked)\s+"
    r"|\s+)between\s+"
    + _DESCRIBED
    + r"(?P<a>"
    + _EN_NAME
    + r")\s+and\s+"
    + _DESCRIBED
    + r"(?P<b>"
    + _EN_NAME
    + r")(?=[\s,.;:)]|$)"
    r"|(?:\s*,\s*(?:(?:подписанн|заключ[её]нн)\w+\s+)?|\s+(?:был[аио]?\s+)?(?:подписан[аоы]?|заключ[её]н[аоы]?)\s+)"
    r"между\s+(?P<ra>" + _RU_NAME + r")\s+и\s+(?P<rb>" + _RU_NAME + r")(?=[\s,.;:)]|$)",
    re.IGNORECASE,
)
_RU_COMPANY_SIGNERS = re.compile(
    r"(?P<a>" + _RU_NAME + r")\s+и\s+(?:(?-i:[а-яё-]+)\s+){0,2}?(?P<b>" + _RU_NAME + r")\s+"
    r"(?:(?-i:[а-яё]+о)\s+)?(?:подписали|заключили)\s+(?:(?-i:[а-яё-]+)\s+){0,2}$",
    re.IGNORECASE,
)
#: A time fronted before the signers: "In May", "On Monday", "Last week", "On 5 June".
_FRONTED_TIME = re.compile(
    r"^(?:(?:In|On|Last|This|Early|Late|By)\s+)(?:(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|week|month|year)\b|\d{1,2}\s+[A-Z][a-z]+)(?:\s+\d{1,4})?,?\s+"
)


#: A sentence opening on one more document of those just signed.
_ONE_MORE = re.compile(
    r"^\s*(?:(?:A|The)\s+(?:second|third|further)|Another|One\s+more)\s+(?:[\w-]+\s+)?"
    r"(?:memorand|agreement|contract|protocol|document|deal)"
    r"|^\s*(?:(?:Ещё|Еще)\s+(?:один|одно|одна)|Втор\w+|Друг\w+|Трет\w+)\s+(?:[\w-]+\s+)?"
    r"(?:меморандум|соглашени|контракт|протокол|документ|договор)",
    re.IGNORECASE,
)


#: A document named back by its parties: "The contract, between A and B, covers …".
_DOCUMENT_BETWEEN = re.compile(
    r"^\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:contract|deal|agreement|memorandum)\s*,\s+between\s"
    r"|(?:^\s*|,\s+)(?:этот\s+|данный\s+)?(?:контракт|соглашение|меморандум)\s*,\s+"
    r"(?:(?:заключ[её]нн|подписанн)\w+\s+)?между\s",
    re.IGNORECASE,
)
#: A deal reported agreed or signed: "it had agreed a long-term deal to supply …".
_DEAL_AGREED = re.compile(
    r"\b(?:agreed|signed|concluded|struck|reached|inked)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:deal|contract|agreement)\b"
    r"|(?<![\w-])(?:заключил\w*|подписал\w*|договорил\w*\s+о)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:сделк|контракт|соглашени)\w*",
    re.IGNORECASE,
)


def document_between(sentence: str) -> bool:
    """True when ``sentence`` opens on a document named back by its parties ("The contract,
    between A and B, …")."""
    return _DOCUMENT_BETWEEN.search(sentence) is not None


def deal_agreed(sentence: str) -> bool:
    """True when ``sentence`` reports a deal agreed or signed ("had agreed a long-term deal")."""
    return _DEAL_AGREED.search(sentence) is not None


#: A document in force, named with no signing: "Действующее межправительственное соглашение
#: позволяет …", "the existing intergovernmental agreement allows …"; a leaders' statement
#: cited for what it says.
_IN_FORCE = re.compile(
    r"(?<![\w-])действующ\w+\s+(?:[\w-]+\s+)?(?:соглашени|договор|меморандум|протокол)\w*"
    r"|\b(?:existing|current)\s+(?:[\w-]+\s+)?(?:agreement|treaty|memorandum|protocol)\b"
    r"|\b(?:agreement|treaty|memorandum|protocol)\s+(?:now\s+|currently\s+)?in\s+force\b"
    # a statement the leaders adopted, cited for what it says: "говорится в совместном
    # заявлении", "подводя итоги совместного заявления", "the joint statement says"
    r"|(?<![\w-])(?:говорится|сказано|отмечается|подчеркивается|подчёркивается|указывается)\s+в\s+"
    r"(?:[\w-]+\s+){0,2}?(?:совместн\w+\s+заявлени|деклараци|коммюнике)\w*"
    r"|(?<![\w-])(?:согласно|итог\w*)\s+(?:[\w-]+\s+){0,2}?(?:совместн\w+\s+заявлени|деклараци)\w*"
    r"|\b(?:according\s+to|summing\s+up|summed\s+up)\s+the\s+(?:[\w-]+\s+){0,2}?(?:joint\s+statement"
    r"|declaration|communiqu[eé])\b"
    r"|\b(?:joint\s+statement|declaration|communiqu[eé])(?:\s+of\s+[^.;,]{1,60}?)?\s+(?:says|said"
    r"|reads|read|states|stated"
    r"|notes|noted)\b",
    re.IGNORECASE,
)
#: A document taking effect: "начало действовать соглашение …", "соглашение … вступило в
#: силу", "the agreement … entered into force": in force from then, signed before.
_TAKES_EFFECT = re.compile(
    r"(?<![\w-])(?:начал[оаи]?\s+действовать|вступил[оаи]?\s+в\s+силу|вступает\s+в\s+силу)\s+"
    r"(?:[\w-]+\s+)?(?:соглашени|договор|меморандум|протокол)\w*"
    r"|(?<![\w-])(?:соглашени|договор|меморандум|протокол)\w*\s[^.;]{0,120}?"
    r"(?:начал[оаи]?\s+действовать|вступил[оаи]?\s+в\s+силу|вступает\s+в\s+силу)"
    r"|\b(?:agreement|treaty|memorandum|protocol)\b[^.;]{0,120}?\b(?:entered|enters|came|comes)\s+"
    r"into\s+(?:force|effect)\b|\b(?:agreement|treaty|memorandum|protocol)\b[^.;]{0,120}?"
    r"\btook\s+effect\b",
    re.IGNORECASE,
)


def in_force(sentence: str) -> bool:
    """True when ``sentence`` names a document in force ("действующее соглашение") or one
    taking effect ("вступило в силу")."""
    return _IN_FORCE.search(sentence) is not None or takes_effect(sentence)


def takes_effect(sentence: str) -> bool:
    """True when ``sentence`` says a document took effect: its date is not the signing's."""
    return _TAKES_EFFECT.search(sentence) is not None


def one_more_document(sentence: str) -> bool:
    """True when ``sentence`` opens on one more document ("A second memorandum, …")."""
    return _ONE_MORE.search(sentence) is not None


def parties_after(text: str, end: int, sentence_end: int) -> tuple[str, str] | None:
    """The two parties named after the document noun ending at ``end`` ("… was signed between
    A and B", "…, between A and B,"), as written; None when no pair follows."""
    found = _PARTIES_AFTER.match(text[:sentence_end].rstrip(" .;"), end)  # not past the sentence
    if found is None:
        return None
    if found["a"] is not None:
        return _without_article(found["a"]), _without_article(found["b"])
    return found["ra"], found["rb"]


#: Who signed: proper names joined by "and", right before the signing verb and its object.
_SIGNERS = re.compile(
    r"(?P<who>[A-Z][\w'’.-]*(?:(?:\s+|\s+(?:and|&)\s+|,\s+)[A-Z][\w'’.-]*)*)\s+"
    r"(?:have\s+|has\s+)?(?:signed|concluded|inked)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
)
_NOT_SIGNERS = re.compile(r"^(?:The|This|That|These|Those|They|It|He|She|We)$")
#: Signers listed together: more than one party.
_SEVERAL_PARTIES = re.compile(r"\s(?:and|&)\s|,")
#: Two single Cyrillic names joined by "и" right before "подписали" and its object.
_RU_SIGNERS = re.compile(
    r"(?<![\w-])(?P<a>[А-ЯЁ][а-яё-]+)\s+и\s+(?P<b>[А-ЯЁ][а-яё-]+)\s+(?:подписали|заключили)\s+"
    r"(?:[а-яё-]+\s+){0,2}$"
)


def english_signers(text: str, clause_start: int, start: int) -> str | None:
    """The parties who signed the untitled document at ``start``, if the clause names them."""
    found = _SIGNERS.search(text, clause_start, start)
    if found is None or found.end() != start:
        return None
    who = without_fronted_time(found["who"])
    if _NOT_SIGNERS.match(who.split()[0]) or not _SEVERAL_PARTIES.search(who):
        return None  # a pronoun, or one party alone: "… signed an agreement with …" names
        # the other party after the noun
    return who


def russian_signers(text: str, clause_start: int, start: int) -> tuple[str, str] | None:
    """The two single-word parties named just before "подписали" an untitled document."""
    found = _RU_SIGNERS.search(text, clause_start, start)
    if found is None or found.end() != start:
        return None
    return found["a"], found["b"]


def russian_company_signers(text: str, clause_start: int, start: int) -> tuple[str, str] | None:
    """The two named signers before "подписали" of the untitled document at ``start``, when
    either is a quoted or Latin name (single Cyrillic words are read elsewhere)."""
    found = _RU_COMPANY_SIGNERS.search(text, clause_start, start)
    if found is None or found.end() != start:
        return None
    a, b = found["a"], found["b"]
    if not any(c == "«" or "A" <= c <= "Z" for c in a[:1] + b[:1]):
        return None
    return a, b


def without_fronted_time(who: str) -> str:
    """The signers without a time written before them ("In May Kazatomprom and …")."""
    return _FRONTED_TIME.sub("", who, count=1)


def _without_article(name: str) -> str:
    return name[4:] if name.startswith(("the ", "The ")) else name
