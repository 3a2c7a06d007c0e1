"""Signed documents: a title (known to the knowledge base, quoted, or capitalised around
a document word), a signing verb, and the date, place and parties the sentence gives.

A sentence that speaks of "this summit" without its own date or place takes the
summit's, found at the start of a summit text ("held in Astana on June 17th").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from rapidfuzz import fuzz, process

from caravan.analysis.ingest.area_documents import area_documents, held_of_area
from caravan.analysis.ingest.compare import same_period
from caravan.analysis.ingest.context import (
    Candidate,
    DocumentContext,
    SentenceView,
    nearest,
    parties_named,
)
from caravan.analysis.ingest.dated_documents import dated_held_documents
from caravan.analysis.ingest.dates import DateMention
from caravan.analysis.ingest.described_signers import described_signers, in_instrumental
from caravan.analysis.ingest.document_anaphora import antecedent_document, characterises_signed
from caravan.analysis.ingest.document_lists import (
    coordinated_titles,
    event_place,
    list_head,
    listed_title,
    signing_day,
)
from caravan.analysis.ingest.entities import new_place
from caravan.analysis.ingest.gazetteer import EntryKind, Match
from caravan.analysis.ingest.group_documents import group_documents
from caravan.analysis.ingest.group_signings import group_signing, opening_event
from caravan.analysis.ingest.loan_deals import agreed_loans
from caravan.analysis.ingest.meeting_anaphora import referred_meeting
from caravan.analysis.ingest.meeting_subjects import document_about_meeting
from caravan.analysis.ingest.morphology import (
    inflected,
    lemma_of,
    nominative_phrase,
    noun_lemma,
    only_plural,
    phrase_in_case,
    singular_noun,
)
from caravan.analysis.ingest.partner_groups import documents_with_partners
from caravan.analysis.ingest.ratified_documents import ratified, signing_told_later
from caravan.analysis.ingest.referred_subjects import referred_documents, referring_tail
from caravan.analysis.ingest.signing_parties import (
    deal_agreed,
    document_between,
    english_signers,
    in_force,
    one_more_document,
    parties_after,
    russian_company_signers,
    russian_signers,
    takes_effect,
)
from caravan.analysis.ingest.the_two_bodies import the_two_named
from caravan.analysis.ingest.tokens import tokenise
from caravan.analysis.ingest.twinning_pairs import twinning_pairs
from caravan.model.enums import AgreementKind, DatePrecision
from caravan.model.proposals import Flag, FlagCode, ProposedAgreement

__all__ = ["agreements"]

_SIGNING = re.compile(
    r"\bsign(?:ed|ing|s)?\b|\bsignatures?\b|\bput\s+(?:their|his|her)\s+names?\s+to\b|\bconclud(?:ed|ing)\b|\binked\b|\badopted\b|\bapproved\b|\bissued\b|(?<![\w-])(?:подпис\w*|заключ\w*|приня\w*)"
    # a contract won or awarded is one signed: "won a contract with Turkmenistan to supply …",
    # "was awarded a $40 million contract", "выиграла контракт на поставку …"
    r"|\b(?:won|wins|secured|clinched|landed|(?:was|were|has\s+been|have\s+been)\s+awarded)\s+"
    r"(?=(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,4}?contracts?\b)"
    r"|(?<![\w-])(?:выиграл\w*|получил\w*)\s+(?=(?:[\w$.,-]+\s+){0,3}?контракт)",
    re.IGNORECASE,
)
_DOCUMENT_WORDS = (
    ("action plan", AgreementKind.ACTION_PLAN), ("plan of action", AgreementKind.ACTION_PLAN),
    ("joint statement", AgreementKind.JOINT_STATEMENT), ("treaty", AgreementKind.TREATY),
    ("declaration", AgreementKind.DECLARATION), ("memorandum", AgreementKind.MEMORANDUM),
    ("memoranda", AgreementKind.MEMORANDUM), ("memo", AgreementKind.MEMORANDUM),
    ("agreement", AgreementKind.AGREEMENT), ("programme", AgreementKind.PROGRAMME),
    ("program", AgreementKind.PROGRAMME), ("plan", AgreementKind.ACTION_PLAN),
    ("план действий", AgreementKind.ACTION_PLAN), ("совместное заявление", AgreementKind.JOINT_STATEMENT),
    ("договор", AgreementKind.TREATY), ("декларац", AgreementKind.DECLARATION),
    ("меморандум", AgreementKind.MEMORANDUM), ("соглашени", AgreementKind.AGREEMENT),
    ("программ", AgreementKind.PROGRAMME), ("road map", AgreementKind.ACTION_PLAN),
    ("roadmap", AgreementKind.ACTION_PLAN), ("дорожная карт", AgreementKind.ACTION_PLAN),
    ("дорожную карт", AgreementKind.ACTION_PLAN), ("дорожной карт", AgreementKind.ACTION_PLAN),
    # a protocol and a pact are agreements (corpus rule 15)
    ("протокол", AgreementKind.AGREEMENT), ("pact", AgreementKind.AGREEMENT),
    ("mou", AgreementKind.MEMORANDUM), ("protocol", AgreementKind.AGREEMENT),
    ("contract", AgreementKind.AGREEMENT), ("контракт", AgreementKind.AGREEMENT),
    ("regulations", AgreementKind.OTHER), ("letter of intent", AgreementKind.OTHER),
    ("письмо о намерениях", AgreementKind.OTHER), ("письма о намерениях", AgreementKind.OTHER),
    # last: a document of no named kind ("a cooperation document on …", "документ о …")
    ("document", AgreementKind.OTHER), ("документ", AgreementKind.OTHER),
)  # fmt: skip
_QUOTED = re.compile(r"[\"“«„]([^\"”»“]{8,220})[\"”»“]")
_CAPITALISED_TITLE = re.compile(
    r"(?:[A-Z][\w’'-]*(?:,?\s+(?:(?:and|of|on|for|the|in|between|to|with|a)\s+)*)){0,14}"
    r"(?:Action\s+Plan|Treaty|Agreement|Declaration|Memorandum(?:\s+of\s+Understanding)?|Joint\s+Statement|Programme|Program|Charter)"
    r"(?:\s+(?:on|of|between|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:,?\s+(?:(?:and|of|on|for|the|in|between|to|with)\s+)*[A-Z0-9][\w’'-]*)*)?"
)
_RU_TITLE = re.compile(
    r"(?:Договор(?:ам?и?|ах|ов|ом|[аеуы])?(?![\w-])|Соглашени\w+|Меморандум\w*|Деклараци\w+|План\w*\s+действий|Совместн\w+\s+заявлени\w+|Программ\w+)"
    r"\s+(?:о|об|по|между|о\s+взаимопонимании)\s+[^,.;:«»\"]{3,150}"
)
#: An indefinite article: the document after it is a new one ("put their names to a Joint
#: Statement"), not one named before.
_NEW_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|a|A)\s+")
KNOWN_TITLE_SIMILARITY = 88.0


#: Words before a signing verb or noun that make it a plan: "agreed to sign", "will sign",
#: "the next stage will be the signing of", "awaiting the signing", "предстоит подписание".
_TO_SIGN = re.compile(
    r"\b(?:to|will|would|shall|plan\s+to|plans\s+to|intend\s+to|expected\s+to|are\s+to|is\s+to)\s+(?:be\s+)?(?:the\s+)?$"
    r"|\b(?:await\w*|pending|next\s+(?:stage|step)\s+(?:is|will\s+be))\s+(?:the\s+)?$"
    r"|(?<![\w-])(?:предстоит|предстоят|ожида\w+|планиру\w+|намечен\w*|будет|будут)\s+$"
    # work towards a signing not yet done: "work has gone into bringing about the signing of
    # …", "paving the way for the signing", "готовятся к подписанию", "добиться подписания"
    r"|\b(?:bring(?:s|ing)?\s+about|prepar(?:e|es|ed|ing)\s+(?:for\s+)?|pav(?:e|es|ed|ing)\s+the\s+way"
    r"\s+(?:for|to)|push(?:es|ed|ing)?\s+for|work(?:s|ed|ing)?\s+towards?|towards?)\s+(?:the\s+)?$"
    r"|(?<![\w-])(?:подготов\w*\s+к|готов\w*\s+к|добиться|добива\w+|добьются|работ\w*\s+над)\s+$",
    re.IGNORECASE,
)

#: A document the parties agreed to write, not one signed: "agreed to develop and deepen a new
#: agreement on friendship", "договорились разработать новое соглашение о …".
_TO_BE_DRAWN_UP = re.compile(
    r"\b(?:agreed|decided|plan(?:s|ned)?|intend(?:s|ed)?)\s+to\s+(?:develop|deepen|draft|prepare"
    r"|negotiate|work\s+out|elaborate)(?:\s+and\s+[a-z]+)?\s+(?:a|an|the)\s+(?:new\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
    r"|(?<![\w-])(?:договорились|решили|намерены|планируют)\s+(?:разработать|подготовить"
    r"|доработать|согласовать)\s+(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)

#: A law or decree as what is signed: its signing ratifies or approves a document, it is not
#: that document's signing ("signed a law ratifying the agreement", "подписал указ об …").
_LAW_SIGNED = re.compile(
    r"\s+(?:(?:a|the|into)\s+)?(?:[\w-]+\s+)?(?:laws?|decrees?|bills?|ordinances?)\b"
    r"|\s+(?:[\w-]+\s+)?(?:закон\w*|указ|указы|указа|постановлени\w*)(?![\w-])",
    re.IGNORECASE,
)


def _signed(sentence: str) -> bool:
    """True when a signing verb of the sentence reports a signing, not a plan ("agreed to
    sign", "will sign", "подписать", "подпишут": infinitives and futures are plans), nor the
    signing of a law or decree about a document ("подписал закон о ратификации Соглашения")."""
    for verb in _SIGNING.finditer(sentence):
        word = verb.group()
        if _TO_SIGN.search(sentence, max(0, verb.start() - 30), verb.start()):
            continue
        if _LAW_SIGNED.match(sentence, verb.end()):
            continue
        if any("\u0400" <= c <= "\u04ff" for c in word) and lemma_of(word).not_taken:
            continue
        return True
    return False


def agreements(view: SentenceView, titles: dict[str, str]) -> Iterator[Candidate]:
    """Agreements signed according to one sentence; ``titles`` maps known titles' keys to ids."""
    yield from _sister_agreements(view)
    yield from _listed_twinnings(view)
    for start, end, name in agreed_loans(view.sentence):
        # "Kazakhmys has agreed a $1.5 billion loan facility with China Development Bank"
        yield _candidate(view, view.start + start, view.start + end, name, None, None)
    head = list_head(view)
    if head is not None and (item := listed_title(view)) is not None:
        yield _listed(head, item, titles)  # "Among them: - a Memorandum on …;"
        return
    listed = list(_area_documents(view, titles))
    yield from listed
    if listed:
        return  # "signed cooperation documents in areas such as A, B and C": one on each
    grouped = list(group_documents(view))
    for start, end, name in grouped:
        # "signed a number of documents on trade, transport …": the group, named by its topics
        yield _candidate(view, start, end, name, None, None)
    if grouped:
        return
    if not _signed(view.sentence):
        # "в Сианьской декларации от 19 мая 2023 года": a held document with its own day
        for cited, date in dated_held_documents(view):
            name = nominative_phrase(cited.text)
            candidate = _candidate(
                view, cited.start, cited.end, name, cited.ids(EntryKind.AGREEMENT)[0], cited
            )
            dated = candidate.payload.model_copy(
                update={"signed_on": date.date, "date_precision": date.precision}
            )
            yield Candidate(dated, candidate.start, candidate.end, 0.6, candidate.flags)
    if (
        not _signed(view.sentence)
        and not _in_signed_list(view)
        and not _among_signed(view)
        and not _one_more_signed(view)
        and not in_force(view.sentence)
        and not _ratified_here(view)
    ):
        return
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for start, end, name in referred_documents(view.text, view.start, view.end):
        spans.append((start, end))  # "Соглашение об этом «A» и «B» подписали": named by the two
        seen.add(name.casefold())
        yield _candidate(view, start, end, name, None, None)
    for start, end, agreement_id, match in _titles(view, titles):
        name = nominative_phrase(view.text[start:end].strip(" ,"))
        if agreement_id is None:
            # a held title worded otherwise: "Agreement on Good-Neighborliness, Friendship and
            # Cooperative Development in Central Asia …" for the held treaty of its words (all of
            # them, in any order: a title holding only some of a held one's words is another)
            agreement_id = _known_title(name, titles, fuzz.token_sort_ratio)
        key = agreement_id or name.casefold()
        spans.append((start, end))
        if key in seen:
            continue
        seen.add(key)
        yield _candidate(view, start, end, name, agreement_id, match)
    if characterises_signed(view, _signed):
        return  # "This is the first time that China has signed a … document on …": that one
    untitled = list(_untitled(view, spans))
    titled = [(a, b) for a, b, _ in untitled]  # a place inside any title of the sentence is
    # what a document is about ("о создании в Алматы …, и о создании центра …")
    for start, end, written in untitled:
        name = _in_nominative(written)  # "кредитного соглашения о …": "Кредитное соглашение о …"
        name = the_two_named(view, name)  # "between the two universities": the two named before
        candidate = _candidate(view, start, end, name, None, None, titled)
        if not isinstance(candidate.payload, ProposedAgreement):
            continue
        pair_after = parties_after(view.text, end, view.end) if len(name.split()) < 3 else None
        known = _known_title(name, titles, fuzz.token_set_ratio) or (
            None if pair_after else _known_by_date(view, candidate.payload)
        )  # a document between two named parties is theirs, not a known one signed that day
        signed = candidate.payload
        if known is not None and signed.signed_on is not None:
            known = _held_on_the_day(view.context, known, signed.signed_on, signed.date_precision)
        if known is not None:
            if known in seen:
                continue
            seen.add(known)
            payload = candidate.payload.model_copy(update={"agreement_id": known})
            yield Candidate(payload, candidate.start, candidate.end, 0.6, candidate.flags)
        elif (
            len(name.split()) >= 3
            or _titled_mid_sentence(view, start)
            or (len(name.split()) == 2 and _QUALIFIED.match(name))
        ) and name.casefold() not in seen:
            seen.add(name.casefold())
            yield Candidate(candidate.payload, candidate.start, candidate.end, 0.5, candidate.flags)
        elif pair_after is not None and name.casefold() not in seen:
            # "a memorandum was signed between A and B", "A second memorandum, between A and B"
            seen.add(name.casefold())
            russian = any("\u0400" <= c <= "\u04ff" for c in name)
            joined = f"{name} {'между' if russian else 'between'} {pair_after[0]}"
            joined += f" {'и' if russian else 'and'} {pair_after[1]}"
            payload = candidate.payload.model_copy(update={"name": joined})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)
        elif (
            bodies := described_signers(view.text, view.start, start, _cyrillic(name))
        ) is not None and name.casefold() not in seen:
            # "X Bank of A and Y Bank of B signed, in Beijing, a strategic agreement"
            seen.add(name.casefold())
            if _cyrillic(name):
                named = f"{name} между {in_instrumental(bodies[0])} и {in_instrumental(bodies[1])}"
            else:
                named = f"{name} between {bodies[0]} and {bodies[1]}"
            payload = candidate.payload.model_copy(update={"name": named})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)
        elif (
            signers := english_signers(view.text, view.segment_of(start)[0], start)
        ) is not None and name.casefold() not in seen:
            # "BLCU and Astana International University signed an agreement": named by who
            # signed it, as a reader would name it.
            seen.add(name.casefold())
            payload = candidate.payload.model_copy(update={"name": f"{name} between {signers}"})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)
        elif (two := _the_two_countries(view, end)) is not None and name.casefold() not in seen:
            # "an agreement the governments of the two countries signed on …", "соглашение,
            # которое подписали правительства двух стран": named by the two.
            seen.add(name.casefold())
            between = _named_between(view, name, two)
            payload = candidate.payload.model_copy(update={"name": between})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)
        elif (
            pair := russian_signers(view.text, view.segment_of(start)[0], start)
        ) is not None and name.casefold() not in seen:
            # "Кыргызстан и Китай подписали соглашение": "Соглашение между Кыргызстаном и
            # Китаем", the signers put in the instrumental.
            seen.add(name.casefold())
            named = f"{name} между {inflected(pair[0], 'ablt')} и {inflected(pair[1], 'ablt')}"
            payload = candidate.payload.model_copy(update={"name": named})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)
        elif (
            companies := russian_company_signers(view.text, view.segment_of(start)[0], start)
        ) is not None and name.casefold() not in seen:
            # "«ЕвроХим» и китайская China National Engineering Company подписали контракт"
            seen.add(name.casefold())
            named = f"{name} между {companies[0]} и {companies[1]}"
            payload = candidate.payload.model_copy(update={"name": named})
            yield Candidate(payload, candidate.start, candidate.end, 0.45, candidate.flags)


_UNTITLED = re.compile(
    # a programme needs its kind: "a strategic partnership development program"
    r"\b(?P<noun>(?:investment|cooperation|(?:(?!(?:a|an|the)\s)[a-z]+\s+){0,2}development)\s+program(?:me)?s?"
    r"|(?:(?:intergovernmental|trilateral|bilateral|loan|framework|cooperation|investment|additional"
    r"|(?!sister-)[a-z]+(?:-[a-z]+)+)\s+)?"  # a compound: "an exchange-of-notes agreement"
    r"(?:(?i:(?:protocol|memorandum|contract)-agreements?|agreements?|memorandum(?:\s+of\s+understanding)?|memoranda|memorandums|memos?|treaty|contracts?|pacts?)|MoU|declaration|joint\s+statement|road\s?map|action\s+plan|(?i:protocols?)|regulations|letter\s+of\s+intent|documents?))\b"
    # a point or comma between digits ("$1.75 billion", "1,200 MW") does not end the tail
    # a participle says what the document does: "an agreement setting up the terminal", "a
    # declaration proclaiming the two cities sisters"
    r"(?P<tail>\s+(?:on|of|for|about|between|to|with|setting\s+up|establishing|proclaiming|approving)"
    r"\s+(?:[^,.;:()]|(?<=\d)[.,](?=\d)){3,160})?"
    r"|(?<![\w-])(?P<runoun>(?:инвестиционн\w*\s+программ\w*|[Пп]рограмм\w*\s+(?:сотрудничества|развития))"
    r"|(?:(?:межправительственн|трехсторонн|трёхсторонн|кредитн|рамочн|инвестиционн)\w*\s+)?"
    r"(?:протокол-соглашени\w*|соглашени\w*|меморандум\w*|договор(?:ам?и?|ах|ов|ом|[аеуы])?(?![\w-])|(?:[A-Z]{2,5}-)?контракт\w*|(?i:протокол\w*)|деклараци\w+|дорожн\w+\s+карт\w+|план\w*\s+действий|(?i:совместн\w+\s+заявлени\w*)"
    r"|(?i:письм\w+\s+о\s+намерениях)))"
    # a quoted name inside the tail ("соглашения предприятия «Кыргызкомур» с …") goes on with it
    r"(?P<rutail>\s+(?:(?:о|об|по|между|на)\s+)?(?:[^,.;:«»\"“”]|(?<=\d)[.,](?=\d)|«[^«»]{1,60}»(?=\s+[а-яё])){3,160})?"
)
_TAIL_END = re.compile(
    r"\s+(?:able\s+to|capable\s+of)\s"  # a measure of the thing: "a smelter able to turn out …"
    r"|\s+(?:in|on|at|during|which|that|as\s+well|and\s+the|в|во|на|который|которое|а\s+также)\s+(?=[A-ZА-ЯЁ\d]|the\s|which|that)"
    r"|\s+(?:which|that|который|которое|а\s+также)\b"
    r"|\s+during\s+(?:his|her|their|its|a|an)\s"  # when: "… during his visit to Kazakhstan"
    r"|\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are|will\s+be|был[аио]?|будет)\s"  # the verb, not the title
    r"|\s+(?:says|said|reads|stated|notes|noted)(?![\w-])"  # "… of the two states says"
    r"|\s+(?:поставил[аи]?|подписал[аи]?|скрепил[аи]?)\s"  # "под соглашением о … поставили …"
    # what the document does, its predicate: "соглашение о … позволяет перевозить …"
    r"|\s+(?:позволя|предусматрива|разреша|регулиру|устанавлива|обязыва)(?:ет|ют)\s"
    # its value, a figure of the deal and no word of its title: "контракт на строительство
    # завода стоимостью около 200 млн долларов", "a contract worth $1.2 billion"
    r"|\s+(?:стоимостью|на\s+(?:общую\s+)?сумму|worth|valued\s+at)\s"
)
#: A short participle, the predicate, which no title goes on after: "соответствующие
#: соглашения уже подписаны", "соглашение о … подписано в Пекине".
_SHORT_PARTICIPLE = re.compile(
    r"\s+(?:уже\s+|были\s+|было\s+|был[аи]?\s+|ещё\s+|еще\s+)?"
    r"(?:подписан[аоы]?|заключен[аоы]?|заключён)(?![\w-])"
)
#: A second predicate after the document: "signed a Joint Statement and approved …",
#: "подписали Совместное заявление и утвердили …" (the title ends before it).
_SECOND_PREDICATE = re.compile(
    r"\s+(?:and|и)\s+(?:also\s+|также\s+)?(?:[a-z]+ed|[а-яё]+(?:ли|ла|ло))\s"
    # the document taking effect: "… on visa-free travel entered into force"
    r"|\s+(?:(?:has|have|had)\s+)?(?:entered|came|comes|enters)\s+into\s+(?:force|effect)\b"
    r"|\s+(?:(?:has|have|had)\s+)?took\s+effect\b"
)


_CAP = r"[A-Z][\w'’-]+"
_SISTER_LINK = re.compile(
    r"(?P<a>" + _CAP + r")(?:\s+(?:Province|City|Municipality))?(?:\s+in\s+" + _CAP + r")?\s+"
    r"(?:concluded|signed|set\s+up|formed|established|paired\s+up)\s+"
    r"(?:an?\s+)?(?P<what>sister[- ](?:city|province|region|province-city)|similar\s+partnership)?"
    r"[^.;]{0,30}?\bwith\s+(?P<partners>[^.;]{2,200}?)"
    r"(?=,?\s+and\s+"
    + _CAP
    + r"(?:\s+"
    + _CAP
    + r")?\s+(?:in\s|Province|concluded|signed|set|formed|paired)|[.;]|$)"
)
_PARTNER = re.compile(
    r"(?:(?:Kazakhstan|Kyrgyzstan|Tajikistan|Turkmenistan|Uzbekistan)['’]s\s+)?(?:the\s+)?"
    r"(?P<b>" + _CAP + r"(?:\s+Region)?)"
)


#: Words of a sentence that may report twinnings.
_TWINNING_WORDS = re.compile(r"sister|paired\s+up|similar\s+partnership", re.IGNORECASE)


def _sister_agreements(view: SentenceView) -> Iterator[Candidate]:
    """Twinnings: "Shanghai concluded a sister-city agreement with Almaty", "Shaanxi set up
    sister-province relations with Almaty Region and Turkistan Region"."""
    if not _TWINNING_WORDS.search(view.sentence):
        return
    new_cities: set[tuple[int, str]] = set()
    for found in _SISTER_LINK.finditer(view.sentence):
        what = (found["what"] or "").casefold()
        partners_text = found["partners"]
        # The list of partners ends where a new clause with its own verb begins.
        for partner in _PARTNER.finditer(partners_text):
            b = partner["b"]
            if b in {
                "Kazakhstan",
                "Kyrgyzstan",
                "Tajikistan",
                "Turkmenistan",
                "Uzbekistan",
                "China",
            }:
                continue
            if "province" in what or (not what.startswith("sister") and b.endswith("Region")):
                kind = "province-city" if "province-city" in what else "province"
            else:
                kind = "city"
            name = f"Sister-{kind} agreement between {found['a']} and {b}"
            if (
                kind == "city"
                and not any(m.start <= view.start + found.start("a") < m.end for m in view.matches)
                and (view.start + found.start("a"), found["a"]) not in new_cities
            ):
                # A Chinese city twinned here that the knowledge base does not know yet.
                new_cities.add((view.start + found.start("a"), found["a"]))
                a_start = view.start + found.start("a")
                yield new_place(found["a"], a_start, a_start + len(found["a"]), "cn")
            start = view.start + found.start()
            end = view.start + found.start("partners") + partner.end()
            candidate = _candidate(view, start, end, name, None, None)
            payload = candidate.payload
            if isinstance(payload, ProposedAgreement):
                # The cities named are the partners, not where the agreement was signed.
                payload = payload.model_copy(
                    update={
                        "agreement_kind": AgreementKind.AGREEMENT,
                        "place_id": view.context.summit_place_id,
                    }
                )
            yield Candidate(payload, start, end, 0.55, candidate.flags)


#: A party that is a region, not a city (a sister-region agreement).
_REGION_WORD = re.compile(r"region|province|област|район|округ|уезд", re.IGNORECASE)


def _listed_twinnings(view: SentenceView) -> Iterator[Candidate]:
    """Twinnings listed as pairs ("one between Shymkent and Xi'an", "между городом Кашгар и
    городом Фергана"), signed where the summit or the signing event the text names was."""
    for a, b, start, end in twinning_pairs(view):
        russian = any("\u0400" <= c <= "\u04ff" for c in a + b)
        region = _REGION_WORD.search(a + " " + b)
        if russian:
            name = f"Побратимские отношения между {a} и {b}"
        else:
            name = f"Sister-{'region' if region else 'city'} agreement between {a} and {b}"
        candidate = _candidate(view, start, end, name, None, None)
        if not isinstance(candidate.payload, ProposedAgreement):
            continue
        place = view.context.summit_place_id or view.context.signing_place_id
        payload = candidate.payload.model_copy(
            update={"agreement_kind": AgreementKind.AGREEMENT, "place_id": place}
        )
        yield Candidate(payload, start, end, 0.5, candidate.flags)


#: "… an agreement [that] the governments of the two countries signed": a contact clause.
_TWO_COUNTRIES_SIGNED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:the\s+)?(?:(?:governments?|leaders|presidents|ministries)\s+of\s+)?"
    r"(?:the\s+)?(?:two|both)\s+(?:countries|states|sides)\s+(?:had\s+|have\s+|has\s+)?signed\b"
    r"|,?\s*(?:которое|который|которую)\s+(?:подписали\s+)?(?:(?:правительства|руководители|министерства)\s+)?"
    r"(?:двух|обеих|обоих)\s+(?:стран|государств|сторон)(?:\s+подписали)?",
    re.IGNORECASE,
)


def _named_between(view: SentenceView, name: str, two: tuple[Match, Match]) -> str:
    """ "Agreement between Tajikistan and China"; in Russian, "Соглашение между
    Таджикистаном и Китаем" (the two put in the instrumental)."""
    title = f"{name[:1].upper()}{name[1:]}"
    if any("\u0400" <= c <= "\u04ff" for c in name):
        return f"{title} между {inflected(two[0].text, 'ablt')} и {inflected(two[1].text, 'ablt')}"
    names = [view.context.member_names.get(m.ids(EntryKind.COUNTRY)[0], m.text) for m in two]
    return f"{title} between {names[0]} and {names[1]}"


#: "… the joint statement [that] Turkmenistan and China issued", "…, которое Туркменистан и
#: Китай подписали": two states named in a relative clause right after the document noun.
_NAMED_PAIR_SIGNED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?P<a>[A-Z][\w'’-]+)\s+and\s+(?P<b>[A-Z][\w'’-]+)\s+"
    r"(?:had\s+|have\s+)?(?:signed|issued|adopted|concluded)\b"
    r"|,?\s*(?:которое|который|которую|которые)\s+(?P<ra>[А-ЯЁ][а-яё-]+)\s+и\s+(?P<rb>[А-ЯЁ][а-яё-]+)\s+"
    r"(?:подписали|приняли|заключили)(?![\w-])"
    # the passive with its agents: "an agreement signed by the governments of China and
    # Kyrgyzstan", "соглашение, подписанное правительствами Китая и Кыргызстана"
    r"|,?\s+(?:(?:that|which)\s+(?:was|were|had\s+been)\s+)?(?:signed|concluded|adopted)\s+by\s+"
    r"(?:the\s+)?(?:(?:governments?|leaders|presidents|heads\s+of\s+state|(?:foreign\s+)?ministers"
    r"|ministries)\s+of\s+)?(?:the\s+)?(?P<pa>[A-Z][\w'’-]+)\s+and\s+(?:the\s+)?(?P<pb>[A-Z][\w'’-]+)"
    r"|,?\s*(?:подписанн|заключённ|заключенн|принят)\w*\s+(?:(?:правительствами|главами|лидерами"
    r"|министерствами|президентами)(?:\s+государств)?\s+)?(?P<rpa>[А-ЯЁ][а-яё-]+)\s+и\s+(?P<rpb>[А-ЯЁ][а-яё-]+)"
)


def _named_pair(view: SentenceView, end: int) -> tuple[Match, Match] | None:
    """The two states a relative clause right after the document noun says signed it."""
    found = _NAMED_PAIR_SIGNED.match(view.text, end)
    if found is None:
        return None
    pair = []
    groups = next(
        g for g in (("a", "b"), ("ra", "rb"), ("pa", "pb"), ("rpa", "rpb")) if found[g[0]]
    )
    for group in groups:
        at = found.start(group)
        match = next((m for m in view.of_kind(EntryKind.COUNTRY) if m.start <= at < m.end), None)
        if match is None:
            return None
        pair.append(match)
    return pair[0], pair[1]


def _the_two_countries(view: SentenceView, end: int) -> tuple[Match, Match] | None:
    """The two states of "… the two countries signed" (or "… that Turkmenistan and China
    issued") right after the document noun: the two the sentence names, else the two the
    sentences just before name."""
    named_pair = _named_pair(view, end)
    if named_pair is not None:
        return named_pair
    if _TWO_COUNTRIES_SIGNED.match(view.text, end) is None:
        return None
    for current in view.with_previous(2):
        named: dict[str, Match] = {}
        for m in current.of_kind(EntryKind.COUNTRY):
            named.setdefault(m.ids(EntryKind.COUNTRY)[0], m)
        if len(named) == 2:
            first, second = named.values()
            return first, second
        if named:
            return None
    return None


#: A Russian document's tail that says where it was signed, not what it is about.
_WHERE_AFTER = re.compile(r"\s+(?:в|во|на)\s+[А-ЯЁ]")
#: A Russian document's tail that says when it was signed ("после переговоров").
_WHEN_AFTER = re.compile(r"\s+(?:после|перед|накануне|через|при)\s", re.IGNORECASE)
#: A Russian document's tail naming the other party ("соглашение с Китаем").
_WITH = re.compile(r"\s+(?:с|со)\s")
#: A Russian document's tail that says what it is about or between whom.
_ABOUT_AFTER = re.compile(r"\s+(?:о|об|по|между)\s")
#: A determiner right before a document's noun ("само соглашение": the one already named).
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|this|that)|(?<![\w-])(?:сам\w*|эт\w+|данн\w+|указанн\w+))\s+$", re.IGNORECASE
)
#: A demonstrative before a document noun: "this agreement", "этого договора" point back.
_DEMONSTRATIVE_BEFORE = re.compile(
    r"(?:\b(?:this|that|these|those|said)|(?<![\w-])(?:эт(?:от|ого|ому|им|ом|а|ой|у|и|их|ими)|данн\w+"
    r"|указанн\w+))\s+$",
    re.IGNORECASE,
)
#: What a document is about, said after its passive verb: "a protocol-agreement was signed on
#: installing a satellite ground station" (a gerund; "signed on 14 May" is a date).
_SIGNED_ON_WHAT = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been)\s+signed\s+(?P<what>(?:on|about)\s+[a-z]+ing\b[^,.;:()]{0,160})"
)
#: A tail naming one facility built: "for a solar power plant of 300 MW in …".
#: With "to build", "to set up": "signed contracts to build the first Confucius Institute".
_ONE_FACILITY = re.compile(
    r"\s+(?:(?:for|on)\s+(?:building\s+|constructing\s+|the\s+construction\s+of\s+)?(?:a|an)"
    r"|to\s+(?:build|construct|set\s+up)\s+(?:a|an|the\s+first))\s+"
    r"(?:[\w-]+\s+){0,4}?(?:plant|station|farm|factory|railway|pipeline|mine|terminal|park"
    r"|centre|center|bridge|tunnel|smelter|refinery|institute)\b",
    re.IGNORECASE,
)
_EN_ABOUT_AFTER = re.compile(r"\s+(?:on|about|between|for)\s", re.IGNORECASE)
#: Documents followed by their value: deals summed by value, no single named document.
_VALUE_AFTER = re.compile(
    r"\s+(?:worth|valued\s+at|totall?ing)\s"
    r"|\s+(?:на\s+(?:общую\s+)?сумму|(?:более|свыше|почти|около)\s+(?:чем\s+)?на)\s"
    r"|\s+на\s+(?:\$|[\d][\d\s,.]*\s*(?:млрд|млн|трлн|тыс))",
    re.IGNORECASE,
)
#: "worth", "valued at": a sum of deals even of one noun.
_WORTH = re.compile(r"\s+(?:worth|valued\s+at|totall?ing|на\s+(?:общую\s+)?сумму)\s", re.IGNORECASE)
#: A value opening a Russian tail ("почти на $3 млрд — на строительство …"), left out of the name.
_AMOUNT_FIRST = re.compile(
    r"\s+(?:(?:более|свыше|почти|около)\s+(?:чем\s+)?)?на\s+\$?\s?[\d][\d\s,.]*\s*(?:млрд|млн|трлн|тыс)\.?"
    r"(?:\s+(?:долларов|доллара|\$|сомов|тенге|юаней))?\s*[—–-]?\s"
)
#: A document described by its purpose or standing ("investment agreement", "additional
#: protocol", "инвестиционное соглашение"): one document even when its name is two words.
_QUALIFIED = re.compile(
    r"(?:intergovernmental|trilateral|loan|investment|additional|межправительственн|трехсторонн"
    r"|трёхсторонн|кредитн|инвестиционн)\w*\s",
    re.IGNORECASE,
)
#: The value written before a document's noun: "a $260 million investment agreement".
_AMOUNT_BEFORE = re.compile(
    r"(?P<amount>(?:US)?\$\s?[\d][\d,.]*\s*(?:million|billion|bn|mln|m)\b)\s+$", re.IGNORECASE
)
#: A list of topics after a colon, each with its preposition: "соглашения с двумя компаниями:
#: о строительстве A и о строительстве B", "agreements with two firms: on A and on B".
_COLON_LIST = re.compile(
    r"[^.;:]{0,80}?:\s*(?P<items>(?:о|об|on|about)\s[^;]{3,300}?)\s*\.?\s*$", re.IGNORECASE
)
#: A place inside a Russian title: the words after it go on in the genitive or as an
#: adjective ("в Алматы международной базы обучения …"), not with a verb or the clause's end.
_TITLE_GOES_ON = re.compile(
    r"[А-ЯЁ][\w-]*\s+(?![а-яё]*л[аио]?\b)[а-яё]+(?:ой|ого|его|ых|их|ей|ии|ия|ию|ов|а|я|ы)\b"
    # a region is what a deal is about, never where it was signed: "… of corn in the Zhambyl region"
    r"|the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:region|province|district|oblast)\b"
    # "on setting up in Almaty a Chinese language base": the object comes after the place
    r"|[A-Z][\w'-]*\s+(?:a|an)\s+\w"
)
#: What an untitled document is about, said by a verb after it ("… agreement, the minister
#: went on, provides for a branch of …").
_SAYS_WHAT = re.compile(
    r"(?:,[^,.;]{1,40},)?\s+(?:provides\s+for|covers|concerns|deals\s+with|envisages|is\s+about)\s+"
    r"(?P<object>[^.;]{3,160}?)\s*(?:[.;]|$)",
    re.IGNORECASE,
)
_RU_SAYS_WHAT = re.compile(
    r"\s+(?:касается|касаются|предусматривает|предусматривают|посвящ[её]н\w*\s+)\s*(?P<object>[^.;]{3,160})$",
    re.IGNORECASE,
)
#: "… was signed with (representatives of) X and Y": the parties on the other side.
_SIGNED_WITH = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+signed\s+with\s+(?:(?:the\s+)?representatives\s+of\s+)?"
    r"(?P<who>[A-Z][^,.;]{2,120}?)(?=\s*(?:[,.;]|$|\s+(?:in|on|at|during)\s))"
    r"|\s+(?:было\s+|были\s+)?(?:подписан[оаы]?|заключен[оаы]?|заключён)\s+с\s+"
    r"(?P<ruwho>[^,.;]{2,120}?)(?=\s*(?:[,.;]|$|\s+(?:в|во|на)\s))"
)
#: A relative clause saying who signed the document with whom: "… that Kazakhstan signed with
#: China".
_SIGNED_IN_RELATIVE = re.compile(
    r"\s+(?:that|which)\s+(?P<who>[A-Z][\w'-]+)\s+(?:has\s+|had\s+)?(?:signed|concluded)\s+with"
    r"\s+(?P<other>[A-Z][\w'-]+)"
)
#: Lower-case nouns before a document's noun after an article ("the road transportation …").
_COMPOUND_BEFORE = re.compile(r"\b(?i:the|a|an)\s+(?P<words>(?:[a-z][\w-]*\s+){1,3})$")
#: A document noun in a sentence before: "the agreement" may be that one.
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:agreements?|memorand\w+|contracts?|treaty|deal|MoU)\b|(?<![\w-])(?:соглашени|меморандум|договор|контракт)",
    re.IGNORECASE,
)


def _named_before(view: SentenceView) -> bool:
    """True when a sentence before names a document, which "the agreement" may refer to."""
    return any(
        _DOCUMENT_BEFORE.search(e.sentence) for e in view.previous_sentences(_MEETING_SENTENCES * 4)
    )


#: A twinning ("a sister-city agreement with Almaty"), read by the twinning rules.
_TWINNING_BEFORE = re.compile(
    r"(?:sister|twin)[\w-]*(?:\s+[\w-]+)?\s+$|побратим\w*(?:\s+[\w-]+)?\s+$", re.IGNORECASE
)
#: A signing verb right before a document noun, whose object it is.
_SIGNED_RIGHT_BEFORE = re.compile(
    r"(?<![\w-])(?:подписал\w*|заключил\w*)\s+(?:также\s+|ещё\s+|еще\s+)?$", re.IGNORECASE
)
#: "под соглашением" (signatures under it): the verb follows, not more of the title.
_UNDER_BEFORE = re.compile(r"(?<![\w-])под\s+$", re.IGNORECASE)
#: A verb right after a document's noun: the title has ended ("соглашение было подписано").
_PREDICATE_AFTER = re.compile(
    r"\s+(?:was|were|is|are|has|have|had|will|был[аио]?|будет|было"
    # what the document does: "соглашение позволяет перевозить …"
    r"|(?:позволя|предусматрива|разреша|регулиру|устанавлива|обязыва)(?:ет|ют)"
    # a new clause's subject: "с подписанием контракта он переходит …", "… it moves …"
    r"|(?:он|она|оно|они|it|they)(?=\s+[a-zа-яё]+(?:ет|ит|ют|ят|ется|ится|s)\b))\s",
    re.IGNORECASE,
)
#: A preposition left at the end of a cut title.
_DANGLING_PREPOSITION = re.compile(r"\s+(?:on|in|of|в|от)\s*$")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def _listed(head: SentenceView, item: tuple[int, int, str], titles: dict[str, str]) -> Candidate:
    """An item of a list of signed documents, dated and placed by the sentence opening it."""
    start, end, written = item
    name = nominative_phrase(written)
    agreement_id = _known_title(name, titles)
    return _candidate(head, start, end, name, agreement_id, None)


def _untitled(
    view: SentenceView, spans: list[tuple[int, int]], referring: bool = True
) -> Iterator[tuple[int, int, str]]:
    """Documents named by what they are ("signed a memorandum of strategic cooperation");
    with ``referring`` off, "the agreement on …" counts as named too (an antecedent)."""
    for found in _untitled_matches(view.sentence):
        start = view.start + found.start()
        if any(a <= start < b for a, b in spans):
            continue
        noun = found["noun"] or found["runoun"]
        if noun[:1].isupper() and found.start() > 0 and view.sentence[found.start() - 1] != " ":
            continue
        if _TWINNING_BEFORE.search(view.sentence, max(0, found.start() - 40), found.start()):
            continue  # "concluded a sister-city agreement with Almaty": a twinning
        if _TO_BE_DRAWN_UP.search(view.sentence, max(0, found.start() - 80), found.start()):
            continue  # "agreed to develop … a new agreement on …": a document still to be written
        tail = found["tail"] or found["rutail"] or ""
        if (
            not tail
            and found["noun"]
            and (what := _SIGNED_ON_WHAT.match(view.sentence, found.end()))
        ):
            # "a protocol-agreement was signed on installing …": named by what it is about
            about = _TAIL_END.split(what["what"], maxsplit=1)[0]
            yield start, view.start + what.end(), f"{noun[:1].upper()}{noun[1:]} {about}"
            continue
        # "подписали соглашения о A и о B": the verb's object, plural, one document each
        verbs_object = (
            noun.casefold().endswith("соглашения")
            and _SIGNED_RIGHT_BEFORE.search(view.sentence[: found.start()]) is not None
        )
        plural = _plural_document(noun) or (verbs_object and _EACH_TOPIC.search(tail) is not None)
        value = _VALUE_AFTER.match(
            view.sentence, found.end("noun") if found["noun"] else found.end("runoun")
        )
        if value is not None and (plural or verbs_object or _WORTH.match(value.group())):
            continue  # "agreements worth $1 billion", "соглашения более чем на 1 млрд": deals
        if _PREDICATE_AFTER.match(tail):
            tail = ""  # "Само соглашение было подписано …": the verb, not the title
        if found["rutail"] and _WHEN_AFTER.match(tail):
            tail = ""  # "заключили соглашение после долгих переговоров": when, not what about
        if found["rutail"] and _WHERE_AFTER.match(tail):
            tail = ""  # "подписали совместное заявление в Пекине": where, not what about
        if (
            found["rutail"]
            and (
                noun.casefold().endswith("намерениях")
                or _UNDER_BEFORE.search(view.sentence[: found.start()])
            )
            and not _ABOUT_AFTER.match(tail)
        ):
            tail = ""  # "под Письмом о намерениях поставили …", "Подписи под соглашением
            # поставили …": the verb, not more of the title
        relative = _SIGNED_IN_RELATIVE.match(view.sentence, found.end()) if found["noun"] else None
        compound = _COMPOUND_BEFORE.search(view.sentence[: found.start()])
        if not tail and relative is not None and compound is not None:
            # "the road transportation agreement that Kazakhstan signed with China": named by
            # the nouns before it and the two who signed it
            words = compound["words"].strip()
            name = f"{words[:1].upper()}{words[1:]} {noun} between {relative['who']} and {relative['other']}"
            yield view.start + compound.start("words"), view.start + relative.end(), name
            continue
        signed_with = _SIGNED_WITH.match(
            view.sentence, found.end("noun") if found["noun"] else found.end("runoun")
        )
        if not tail and signed_with is not None and not _named_before(view):
            # "The agreement was signed with representatives of X and Y", "Соглашение было
            # подписано с представителями X", no document named before: a new one, named by
            # its other parties
            single = singular_noun(noun)
            joint = "with" if found["noun"] else "с"
            name = f"{single[:1].upper()}{single[1:]} {joint} {signed_with['who'] or signed_with['ruwho']}"
            yield start, view.start + signed_with.end(), name
            continue
        # "заключили (это) соглашение в мае 2023 года в Сиане": Russian has no article, and
        # what follows says when and where, not what about
        russian_bare = (
            bool(found["rutail"]) and not _ABOUT_AFTER.match(tail) and not _WITH.match(tail)
        )
        determined = _DETERMINER_BEFORE.search(view.sentence[: found.start()]) is not None
        if (
            referring
            and ((not tail and determined) or russian_bare)
            and _named_pair(view, view.start + found.end()) is None
        ):
            # "the treaty": a document already named, not a new one; signed here on a day or
            # at a place of its own, it is the one named before, by that name
            named = antecedent_document(view, noun, _antecedents, _signed)
            if named is not None:
                yield start, view.start + found.end("noun" if found["noun"] else "runoun"), named
                continue
            if (
                not tail
                and determined
                and parties_after(view.text, view.start + found.end(), view.end) is None
            ):
                continue  # "The contract, between A and B, …": named back by its parties
        if _DEMONSTRATIVE_BEFORE.search(view.sentence[: found.start()]) and not (
            _ABOUT_AFTER.match(tail) or _EN_ABOUT_AFTER.match(tail)
        ):
            continue  # "стороны этого договора не названы": the document just named, no new one
        if (said := _SAYS_WHAT.match(view.sentence, found.end())) is not None and not tail:
            # "A second agreement, the minister went on, provides for a branch of …"
            yield (
                start,
                view.start + said.end(),
                f"{noun[:1].upper()}{noun[1:]} on {said['object']}",
            )
            continue
        if found["rutail"] and (about := _RU_SAYS_WHAT.search(tail)) is not None:
            # "Второй договор с той же компанией касается строительства …": "Договор с той же
            # компанией о строительстве …"
            first, _, rest = about["object"].partition(" ")
            name = f"{noun}{tail[: about.start()]} о {inflected(first, 'loct')} {rest}".strip()
            yield start, view.start + found.end(), name[:1].upper() + name[1:]
            continue
        if (listed := _COLON_LIST.match(view.sentence, found.end())) is not None:
            # "подписало соглашения с двумя компаниями: о строительстве A и о строительстве B"
            yield from _each_document(
                noun, listed["items"], view.start + listed.start("items") - len(noun)
            )
            continue
        # The tail's own opening word ("on the …") does not end it, nor a place the title
        # goes on after ("о создании в Алматы международной базы …").
        if (predicate := _SHORT_PARTICIPLE.search(tail)) is not None:
            tail = tail[: predicate.start()]
        cut = _TAIL_END.search(tail, len(tail) - len(tail.lstrip()) + 1)
        while cut is not None and _TITLE_GOES_ON.match(tail, cut.end()):
            cut = _TAIL_END.search(tail, cut.end())
        if cut is not None:
            tail = tail[: cut.start()]
        second = _SECOND_PREDICATE.search(tail)
        if second is not None:
            tail = tail[: second.start()]
        for date in view.dates:
            if (
                view.start + found.start("tail" if found["tail"] else "rutail")
                <= date.start
                < view.start + found.end()
            ):
                tail = tail[
                    : max(
                        0,
                        date.start
                        - view.start
                        - found.start("tail" if found["tail"] else "rutail"),
                    )
                ]
                tail = _DANGLING_PREPOSITION.sub("", tail)
        name = (noun + tail).strip()
        end = start + len(name)
        name = _QUOTE_MARKS.sub("", name).strip()
        tail_end = found.start("tail" if found["tail"] else "rutail") + len(tail)
        if _WITH_PARTY.match(tail) and (built := _built_by_party(view.sentence, tail_end)):
            # "меморандум с одной из крупных компаний Китая, которая собирается построить в
            # Алматинской области новый цементный завод": about the plant that party builds
            name = f"{name} {built[0]}"
            yield start, view.start + built[1], name[:1].upper() + name[1:]
            continue
        if plural and _ONE_FACILITY.match(tail) and " and " not in tail:
            # "signed the main agreements for a solar power plant of 300 MW": the papers of one
            # project, one proposal named by it (corpus rule 4)
            yield start, end, name[:1].upper() + name[1:]
            continue
        if plural:
            # "documents on A and on B" are one document each; "documents on trade, energy
            # and culture", "семь меморандумов" are a group the text does not name one by one.
            each = list(_each_document(noun, tail, start))
            yield from each
            noun_end = start + len(noun)
            if not each and (group := documents_with_partners(view, noun, start, noun_end)):
                yield group  # "signed cooperation memoranda with several Chinese companies"
            continue
        for a, b in coordinated_titles(view.text, start, end):
            # "соглашение о … и договор о …": two documents; "соглашение почти на $3 млрд — на
            # строительство …" is named without its value
            piece = _AMOUNT_FIRST.sub(" ", _QUOTE_MARKS.sub("", view.text[a:b]), count=1).strip()
            if (amount := _AMOUNT_BEFORE.search(view.text, max(view.start, a - 30), a)) is not None:
                piece = f"{piece} ({amount['amount']})"  # "a $260 million investment agreement"
            yield a, b, piece[:1].upper() + piece[1:]


def _untitled_matches(sentence: str) -> Iterator[re.Match[str]]:
    """Untitled documents of the sentence, and those a second predicate inside one's tail
    governs ("подписали Совместное заявление и утвердили Программу развития …")."""
    for found in _UNTITLED.finditer(sentence):
        yield found
        tail = "tail" if found["tail"] else "rutail"
        if found[tail] and (second := _SECOND_PREDICATE.search(found[tail])) is not None:
            yield from _UNTITLED.finditer(sentence, found.start(tail) + second.end() - 1)


#: A tail naming the other party: "with a Chinese company", "с одной из компаний Китая".
_WITH_PARTY = re.compile(r"\s+(?:with|с|со)\s", re.IGNORECASE)
#: A relative clause of what that party is to build: ", which plans to build a cement plant in
#: …", ", которая собирается построить в Алматинской области новый цементный завод".
_BUILDS = re.compile(
    r",?\s+(?:which|that|who)\s+(?:(?:plans|intends|wants|aims|is\s+going|is\s+set|is\s+due|is)\s+to\s+"
    r"|will\s+)?(?:build|construct|set\s+up)\s+(?P<what>(?:a|an|the)\s+[^,.;]{3,120})"
    r"|,?\s+(?:которая|который|которое|которые)\s+(?:(?:собирается|собираются|намерена|намерен"
    r"|намерены|планирует|планируют|хочет|хотят|будет|будут)\s+)?(?:построить|построит|построят"
    r"|строит|строят|возвести|возведет|возведёт|строить)\s+(?P<where>(?:в|во|на)\s+(?:[А-ЯЁ][\w-]*"
    r"\s+(?:област\w+|район\w*|регион\w*)|город\w*\s+[А-ЯЁ][\w-]*|[А-ЯЁ][\w-]*)\s+)?"
    r"(?P<ruwhat>[а-яё-]+(?:\s+[а-яё-]+){0,3})"
)


def _built_by_party(sentence: str, at: int) -> tuple[str, int] | None:
    """What a document's other party is said, right after it, to build, as the document's
    subject ("on building a cement plant in …", "о строительстве нового цементного завода в
    Алматинской области"), and where that clause ends in the sentence."""
    found = _BUILDS.match(sentence, at)
    if found is None:
        return None
    if found["what"]:
        return f"on building {found['what'].strip()}", found.end()
    words = found["ruwhat"].split()
    for count in range(1, len(words) + 1):  # the adjectives and the noun they go with
        if lemma_of(words[count - 1]).part != "NOUN":
            continue
        phrase = " ".join(words[:count])
        genitive = phrase_in_case(phrase, "gent")
        if genitive == phrase:
            return None
        end = found.start("ruwhat") + len(phrase)
        place = f" {found['where'].strip()}" if found["where"] else ""
        if not place and (after := _RU_PLACE_AFTER.match(sentence, end)) is not None:
            place, end = f" {after.group().strip()}", after.end()
        return f"о строительстве {genitive}{place}", end
    return None


#: A place after a facility's noun: "в Жамбылской области", "в Алматы".
_RU_PLACE_AFTER = re.compile(
    r"\s+(?:в|во|на)\s+[А-ЯЁ][\w-]*(?:\s+(?:области|районе|регионе|крае))?(?![\w-])"
)


def _antecedents(view: SentenceView) -> Iterator[tuple[int, int, str]]:
    """Documents a sentence names by what they are, "the" ones included, or by a new title
    ("закон о ратификации Соглашения между … о …"), in the nominative."""
    found = [
        (start, end, nominative_phrase(_LEADING_ARTICLE.sub("", written)))
        for start, end, written in _untitled(view, [], referring=False)
    ]
    found += [
        (start, end, nominative_phrase(view.text[start:end].strip(" ,")))
        for start, end, known, _ in _titles(view, {})
        if known is None  # a held agreement is named by its own row, not referred back to
    ]
    for start, end, name in found:
        # the whole title, not the start of it the other reader took ("Agreement between …")
        if not any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in found):
            yield start, end, name


#: Topics each with its own preposition: "on grant assistance and on standardization".
_EACH_TOPIC = re.compile(
    r",?\s+(?:and|as\s+well\s+as)\s+(?=(?:on|about)\s)|,?\s+(?:и|а\s+также)\s+(?=(?:о|об|по)\s)"
)


def _each_document(noun: str, tail: str, start: int) -> Iterator[tuple[int, int, str]]:
    """Each document of "documents on A and on B", named in the singular ("Document on B")."""
    joints = [(m.start(), m.end()) for m in _EACH_TOPIC.finditer(tail)]
    if not joints:
        return
    single = " ".join(singular_noun(w) for w in noun.split())
    bounds = [0, *(x for joint in joints for x in joint), len(tail)]
    for begin, finish in zip(bounds[::2], bounds[1::2], strict=True):
        piece = tail[begin:finish]
        lead = len(piece) - len(piece.lstrip())
        name = f"{single} {piece.strip()}"
        at = start + len(noun) + begin + lead
        yield at, start + len(noun) + finish, name[:1].upper() + name[1:]


#: Documents in the plural, said so by their adjective: "межправительственные соглашения о …"
#: ("соглашения" alone may be a genitive singular; "-ые", "-ие" are plural only).
_PLURAL_WRITTEN = re.compile(
    r"(?:[а-яё-]+(?:ые|ие)\s+){1,2}(?:соглашения|меморандумы|договоры|контракты|протоколы)\s",
    re.IGNORECASE,
)


def _in_nominative(written: str) -> str:
    """A Russian document's name in the nominative, kept plural when its adjective says it is
    ("подписало … межправительственные соглашения о строительстве линии D")."""
    if _PLURAL_WRITTEN.match(written):
        return written[:1].upper() + written[1:]
    return nominative_phrase(written)


def _plural_document(noun: str) -> bool:
    """True when a document noun is plural ("documents", "меморандумы", "меморандумов"): a
    group of documents the text does not name one by one is no single agreement."""
    words = noun.split()
    if not any("\u0400" <= c <= "\u04ff" for c in noun):
        head = words[0] if words[0].casefold().startswith("memorand") else words[-1]
        return head.casefold() in {
            "documents",
            "memoranda",
            "memorandums",
            "memos",
            "protocols",
            "mous",
            "contracts",
            "agreements",
        }
    return any(only_plural(w) for w in words if noun_lemma(w) in _RU_DOCUMENT_NOUNS)


_RU_DOCUMENT_NOUNS = {
    "соглашение",
    "меморандум",
    "договор",
    "декларация",
    "карта",
    "план",
    "заявление",
    "контракт",
}


#: "the Kyrgyz capital", "capital of Kyrgyzstan", "в столице Кыргызстана", "казахстанской столице".
_CAPITAL = re.compile(r"\bcapital\b|(?<![\w-])столиц\w*", re.IGNORECASE)
#: How close a country's name stands to "capital" to say whose capital.
_CAPITAL_REACH = 8


def _capital_named(view: SentenceView) -> str | None:
    """The capital a sentence names by its country rather than its name, if one."""
    for word in _CAPITAL.finditer(view.text, view.start, view.end):
        for match in view.of_kind(EntryKind.COUNTRY):
            gap = max(match.start - word.end(), word.start() - match.end)
            if gap <= _CAPITAL_REACH:
                capital = view.context.capitals.get(match.ids(EntryKind.COUNTRY)[0])
                if capital is not None:
                    return capital
    return None


#: A meeting, talks or a visit: a signing "following the talks" happened where they were.
_MEETING = re.compile(
    r"\b(?:met|meet(?:s|ing)?|talks|visit\w*|negotiations?|held|hosted|gathered)\b"
    r"|(?<![\w-])(?:встрет\w*|встреч\w*|переговор\w*|визит\w*|посети\w*|состоял\w*|прош[её]л\w*|прошли)(?![\w-])",
    re.IGNORECASE,
)
#: A signing sentence that names its own visit with where it went ("signed during President
#: Tokayev's first state visit to China", "подписали в ходе визита в Китай"): the talks told
#: before are another occasion and do not place it (corpus rule 44).
_VISIT_OF_ITS_OWN = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of)\s+(?:[^.;,]{0,60}?\s)?visit\s+to\s+(?:the\s+)?[A-Z]"
    r"|(?<![\w-])(?:в\s+ходе|во\s+время)\s+(?:[^.;,]{0,60}?\s)?визита\s+в\s+[А-ЯЁ]"
)
#: How many sentences back a meeting still places a signing.
_MEETING_SENTENCES = 3


def _titled_mid_sentence(view: SentenceView, start: int) -> bool:
    """A document noun written with a capital inside a sentence is a title ("министры
    подписали Совместное заявление", "put their names to a Joint Statement")."""
    return (
        start > view.start
        and view.text[start : start + 1].isupper()
        and view.text[start - 2 : start] not in {". ", "\n"}
        and _ACRONYM_PREFIX.match(view.text, start) is None  # "EPC-контракта": not a title
    )


#: An acronym joined to a document noun ("EPC-контракт"): its capitals make no title.
_ACRONYM_PREFIX = re.compile(r"[A-Z]{2,5}-")


def _meeting(view: SentenceView) -> tuple[str, DateMention | None] | None:
    """The place of the meeting the sentences just before report, and the day they give it
    (in that sentence or the one before: "Сегодня … встретился … Встреча состоялась в Чэнду");
    a place's name inside an event's quoted name ("форум «Алатау Инвест»") places nothing."""
    for earlier in view.previous_sentences(_MEETING_SENTENCES):
        places = {
            i
            for m in earlier.of_kind(EntryKind.PLACE)
            if m.start != view.context.dateline_start  # where the report was filed
            and not _inside_quoted_name(view.text, m.start, m.end)
            for i in m.ids(EntryKind.PLACE)[:1]
        }
        if len(places) == 1 and _MEETING.search(earlier.sentence):
            days = [d for d in earlier.dates if d.precision is DatePrecision.DAY]
            if (
                not days
                and earlier.previous is not None
                and _MEETING.search(earlier.previous.sentence)
            ):
                days = [d for d in earlier.previous.dates if d.precision is DatePrecision.DAY]
            return places.pop(), (days[0] if days else None)
    return None


def _inside_quoted_name(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` lies inside quotation marks with other words beside it
    ("«Алатау Инвест»", "“Astana Mining & Metallurgy”"): a part of a name, no place."""
    opening = max(
        text.rfind("«", max(0, start - 40), start), text.rfind("“", max(0, start - 40), start)
    )
    if opening < 0 or re.search(r"[»”]", text[opening:start]):
        return False
    closing = re.compile(r"[»”]").search(text, end, end + 60)
    return closing is not None and bool(
        text[opening + 1 : start].strip() or text[end : closing.start()].strip()
    )


#: A signing this many days from a report's dateline is news from where it was filed.
_DATELINE_DAYS = 3


def _cited(sentence: str) -> bool:
    """True when the sentence cites a document in force and reports no signing ("говорится в
    совместном заявлении"): the report's dateline is no signing's place or day."""
    return in_force(sentence) and not _signed(sentence)


def _filed_there(context: DocumentContext, signed_on: dt.date | None) -> bool:
    """True when the report's dateline may place a signing: undated, or dated near it."""
    if context.dateline_place_id is None:
        return False
    day = context.dateline_date or context.reference
    if signed_on is None or day is None:
        return True
    return abs((signed_on - day).days) <= _DATELINE_DAYS


#: Days between a held signing date and the one a text gives that still name the same document.
_SAME_SIGNING_DAYS = 3


def _area_documents(view: SentenceView, titles: dict[str, str]) -> Iterator[Candidate]:
    """A document on each area a signing lists, the held one of its area where there is one."""
    areas = list(area_documents(view.sentence))
    if not areas or not _signed(view.sentence):
        return  # "… agreed to sign documents in areas such as …": none signed yet
    seen: set[str] = set()
    for start, end, name, area in areas:
        candidate = _candidate(view, view.start + start, view.start + end, name, None, None)
        signed = candidate.payload
        if not isinstance(signed, ProposedAgreement):
            continue
        that_period = (
            []
            if signed.signed_on is None
            else [
                (agreement_id, key)
                for key, agreement_id in titles.items()
                if (held := view.context.agreement_dates.get(agreement_id)) is not None
                and same_period(signed.signed_on, signed.date_precision, held[1], held[2])
            ]
        )
        known = held_of_area(area, that_period)
        key = known or name.casefold()
        if key in seen:
            continue
        seen.add(key)
        payload = signed.model_copy(update={"agreement_id": known}) if known else signed
        yield Candidate(
            payload, candidate.start, candidate.end, 0.6 if known else 0.5, candidate.flags
        )


def _held_on_the_day(
    context: DocumentContext,
    agreement_id: str,
    signed_on: dt.date,
    precision: DatePrecision | None,
) -> str | None:
    """The held agreement a title names, checked against the day the text gives: when the
    title's agreement was signed on another day, the one held agreement signed within days of
    the stated day ("The agreement on building the … railway was signed in Samarkand on
    September 14, 2022" is the 2022 memorandum, not the 2024 agreement); else none."""
    if precision is not DatePrecision.DAY:
        return agreement_id
    held = context.agreement_dates.get(agreement_id)
    if held is None or held[2] is not DatePrecision.DAY:
        return agreement_id
    if abs((held[1] - signed_on).days) <= _SAME_SIGNING_DAYS:
        return agreement_id
    near = [
        other
        for other, (_, day, held_precision) in context.agreement_dates.items()
        if held_precision is DatePrecision.DAY and abs((day - signed_on).days) <= _SAME_SIGNING_DAYS
    ]
    return near[0] if len(near) == 1 else None


def _known_by_date(view: SentenceView, proposal: ProposedAgreement) -> str | None:
    """The one known agreement of this kind signed on the stated day (or month)."""
    if proposal.signed_on is None or proposal.date_precision is DatePrecision.YEAR:
        return None  # a year holds too many signings to say which
    fits = [
        agreement_id
        for agreement_id, (kind, signed_on, precision) in view.context.agreement_dates.items()
        if same_period(proposal.signed_on, proposal.date_precision, signed_on, precision)
        and (kind is proposal.agreement_kind or proposal.agreement_kind is AgreementKind.OTHER)
    ]
    return fits[0] if len(fits) == 1 else None


def _titles(
    view: SentenceView, titles: dict[str, str]
) -> Iterator[tuple[int, int, str | None, Match | None]]:
    known = view.of_kind(EntryKind.AGREEMENT)
    for match in known:
        yield match.start, match.end, match.ids(EntryKind.AGREEMENT)[0], match
    spans = [(m.start, m.end) for m in known]
    sentence = view.sentence
    found = [(view.start + m.start(1), view.start + m.end(1)) for m in _QUOTED.finditer(sentence)]
    quoted = len(found)
    found += [
        (view.start + m.start(), view.start + m.end())
        for m in _CAPITALISED_TITLE.finditer(sentence)
    ]
    found += [
        (
            view.start + m.start(),
            _russian_title_end(view, view.start + m.start(), view.start + m.end()),
        )
        for m in _RU_TITLE.finditer(sentence)
    ]
    for index, (start, end) in enumerate(found):
        title = view.text[start:end]
        if index < quoted and _quoted_speech(title):
            continue  # '"… we signed a roadmap that …," he said': a quote, not a title
        lead = _LEADING_ARTICLE.match(title)
        if lead:
            start += lead.end()
            title = title[lead.end() :]
        if any(a < end and start < b for a, b in spans):
            continue
        if referring_tail(title.partition(" ")[2]) is not None:
            continue  # "Соглашение об этом …": no title, its subject is a sentence before's
        if _kind_of(title) is None or len(tokenise(title)) < (
            2 if _NEW_BEFORE.search(view.text, max(0, start - 4), start) else 3
        ):
            continue  # "a Joint Statement": a document of its own, named by its kind
        if not any(t.capitalised for t in tokenise(title)[1:]) and not title[:1].isupper():
            continue
        spans.append((start, end))
        yield start, end, _known_title(title, titles), None


#: A verb after a Russian title: its predicate, which the title does not go on after.
_RU_TITLE_VERB = re.compile(
    r"\s+(?:был[аио]?|будет|будут|подписал[аио]?|подписали|заключил[аио]?|заключили|поставил[аи]?"
    r"|скрепил[аи]?|вступ\w+|позволя\w+|предусматрива\w+)(?![\w-])"
)


def _russian_title_end(view: SentenceView, start: int, end: int) -> int:
    """Where a Russian title read up to the next comma ends: before its predicate ("Соглашение
    по проекту было подписано 15 октября 2009 года": the title is "Соглашение по проекту") or a
    date in it."""
    title = view.text[start:end]
    cuts = [len(title)]
    if (predicate := _SHORT_PARTICIPLE.search(title)) is not None:
        cuts.append(predicate.start())
    if (verb := _RU_TITLE_VERB.search(title)) is not None:
        cuts.append(verb.start())
    cuts += [d.start - start for d in view.dates if start < d.start < end]
    return start + len(_DANGLING_PREPOSITION.sub("", title[: min(cuts)]).rstrip())


def _quoted_speech(quoted: str) -> bool:
    """True when quoted words are a speaker's clause, not a title: they hold the signing verb
    itself ("we signed a roadmap …", "мы подписали дорожную карту …") or end on the comma
    before "said"."""
    return quoted.rstrip().endswith(",") or _SIGNING.search(quoted) is not None


def _known_title(
    title: str, titles: dict[str, str], scorer: Callable[..., float] = fuzz.ratio
) -> str | None:
    key = " ".join(t.key for t in tokenise(title))
    if key in titles:
        return titles[key]
    if len(key.split()) < 4:
        return None
    own = _distinctive(key)
    if not own:
        return None  # "memorandum of understanding on cooperation": any document's words
    held = {title: _distinctive(title) for title in titles}
    best = process.extractOne(
        own, held, scorer=scorer, score_cutoff=KNOWN_TITLE_SIMILARITY, processor=None
    )
    return titles[best[2]] if best else None


#: Words any document's title may hold (its kind, "cooperation", function words): two titles
#: alike only in these ("memorandum of understanding on environmental cooperation" and "… on
#: transport cooperation") are two documents.
_TITLE_WORD_FORMS = (
    "memorandum", "understanding", "agreement", "agreements", "protocol", "contract", "treaty",
    "declaration", "statement", "joint", "plan", "programme", "program", "roadmap", "framework",
    "cooperation", "cooperating", "on", "of", "the", "in", "and", "between", "for", "with", "a",
    "an", "to", "field", "fields", "sphere", "area", "areas", "further", "wider", "stronger",
    "strengthening", "development", "mutual", "bilateral", "меморандум", "меморандума",
    "взаимопонимании", "соглашение", "соглашения", "протокол", "контракт", "договор",
    "декларация", "заявление", "совместное", "план", "программа", "дорожная", "карта",
    "сотрудничестве", "сотрудничества", "сотрудничеству", "о", "об", "в", "и", "между", "по",
    "области", "сфере", "развитии", "развития",
)  # fmt: skip
_TITLE_WORDS = frozenset(t.key for word in _TITLE_WORD_FORMS for t in tokenise(word))


@cache
def _distinctive(key: str) -> str:
    """The words of a title's key that are not any document's words."""
    return " ".join(w for w in key.split() if w not in _TITLE_WORDS)


#: How many list items may follow "… signed the following documents:".
_LIST_ITEMS = 12


#: An item of a list that goes on in lower case (after a bullet or an article).
_LOWER_CASE_ITEM = re.compile(r"^(?:[-–•*]\s*)?(?:an?\s+|the\s+)?[a-zа-яё]")


#: A sentence that picks documents out of a group signed just before: "Among them …",
#: "Среди главных — …", "В пакет вошли и …", "среди них соглашение о …".
_AMONG = re.compile(
    r"^\W*(?:among\s+(?:them|these|the\s+\w+)|these\s+include|they\s+include"
    r"|(?:[А-ЯЁа-яё]+\s+){0,5}?(?:среди\s+(?:них|главных|прочих|основных|ключевых|важнейших)"
    r"|в\s+(?:их\s+)?(?:пакет|числ\w+)\s+(?:документов\s+)?вош(?:ли|ло|ел|ёл)))"
    # one of them, or the next one: "One of the documents is …", "A second agreement …",
    # "Один из документов — …", "Второй договор …"
    r"|^\W*(?:one\s+of\s+(?:them|these|the\s+(?:documents|agreements))"
    r"|(?:a|the)\s+(?:second|third|further)\s+(?:agreement|document|memorandum|contract)"
    r"|another\s+(?:agreement|document|memorandum|contract)"
    r"|(?:один|одним|одно|одна)\s+из\s+(?:них|документов|соглашений|договоров)"
    r"|(?:втор|трет|друг)\w+\s+(?:договор|соглашени|документ|меморандум|контракт)"
    r"|(?:ещё|еще)\s+(?:один|одно)\s+(?:договор|соглашени|документ|меморандум|контракт))",
    re.IGNORECASE,
)
#: Documents counted in a signing sentence: "signed ten documents", "подписали 29 документов".
_DOCUMENTS_SIGNED = re.compile(
    r"\b(?:documents|agreements)\b|(?<![\w-])(?:документ\w*|соглашени\w*)", re.IGNORECASE
)


#: How many sentences back the signing of the group may stand.
_AMONG_REACH = 3


def _ratified_here(view: SentenceView) -> bool:
    """True for a sentence reporting a document ratified ("ratified the agreement between …":
    signed before) when no sentence after it tells of that signing, which names it instead;
    a law signed to ratify it ("signed a law ratifying the Agreement …") is the law's signing."""
    return (
        ratified(view.sentence)
        and _SIGNING.search(view.sentence) is None
        and not signing_told_later(view.text, view.end)
    )


def _among_signed(view: SentenceView) -> bool:
    """True for a sentence naming some of the documents the one before it says were signed
    ("The sides signed ten documents. Among the main ones — an agreement on …")."""
    if _AMONG.search(view.sentence) is None:
        return False
    for earlier in view.previous_sentences(_AMONG_REACH):
        if _signed(earlier.sentence) and _DOCUMENTS_SIGNED.search(earlier.sentence):
            return True
    return False


def _one_more_signed(view: SentenceView) -> bool:
    """True for "A second memorandum, between …" right after a sentence reporting a signing,
    and for "The contract, between A and B, …" right after one reporting a deal agreed."""
    if one_more_document(view.sentence):
        return any(_signed(earlier.sentence) for earlier in view.previous_sentences(1))
    if document_between(view.sentence):
        return any(deal_agreed(earlier.sentence) for earlier in view.previous_sentences(1))
    return False


def _in_signed_list(view: SentenceView) -> bool:
    """True for an item of a list introduced by a signing sentence ending in a colon."""
    for earlier in view.previous_sentences(_LIST_ITEMS):
        if earlier.sentence.rstrip().endswith(":"):
            return _SIGNING.search(earlier.sentence) is not None
        if not _LOWER_CASE_ITEM.match(earlier.sentence):
            return False
    return False


#: A Russian "договор" of trade or works is a contract (an agreement), not a treaty between
#: states: production sharing, sale, supply, works, lease, concession, loan.
_COMMERCIAL_CONTRACT = re.compile(
    r"^договор\w*\s+(?:\w+\s+){0,2}?(?:о\s+разделе\s+продукции|купли|поставк|подряд|аренд"
    r"|концесси|займ|кредит|перевозк|транзит\w*\s+газ)"
    # an investor's contract: "инвестиционный договор", "договор с той же Shenzhen Energy Group"
    r"|^инвестиционн\w*\s+договор|^договор\w*\s+с\s"
    # works built together: "договор о совместном строительстве …"
    r"|^договор\w*\s+о\s+(?:совместн\w+\s+)?(?:строительстве|возведении|разработке)"
)


def _kind_of(title: str) -> AgreementKind | None:
    lowered = title.casefold()
    if _COMMERCIAL_CONTRACT.search(lowered):
        return AgreementKind.AGREEMENT  # "договор о разделе продукции": a contract, no treaty
    for word, kind in _DOCUMENT_WORDS:
        if word.isascii():
            # a whole English word, perhaps plural: the "plan" of "plant" is none
            if re.search(rf"\b{re.escape(word)}(?![a-rt-z])", lowered):
                return kind
        elif word in lowered:
            return kind
    return None


#: A place right after "in" / "в" (a city's noun and a country's adjective allowed between:
#: "in the Chinese city of Chengdu", "в китайском городе Чэнду").
_IN_BEFORE = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:(?:city|town|capital)\s+of\s+)?"
    r"|(?<![\w-])(?:в|во)\s+(?:[а-яё-]+(?:ом|ой|ем)\s+)?(?:городе\s+|столице\s+)?)$",
)


def _placed_by_the_verb(view: SentenceView, places: list[Match], start: int) -> Match | None:
    """The place a signing verb before the document is said with: "put their signatures in
    Beijing to a protocol on building a laboratory in Bishkek", "подписали в Пекине протокол о
    строительстве лаборатории в Бишкеке" are signed in Beijing; the place after the document's
    noun is what it is about."""
    verbs = [
        view.start + v.end()
        for v in _SIGNING.finditer(view.sentence)
        if view.start + v.end() <= start
    ]
    if not verbs:
        return None
    verb_end = verbs[-1]
    said = [
        m
        for m in places
        if verb_end <= m.start < start
        and _IN_BEFORE.search(view.text, max(view.start, m.start - 40), m.start)
        and not re.search(r"[,;]", view.text[verb_end : m.start])
    ]
    return said[-1] if said else None


def _cyrillic(text: str) -> bool:
    """True when ``text`` is written in Cyrillic (a Russian name)."""
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _candidate(
    view: SentenceView,
    start: int,
    end: int,
    name: str,
    agreement_id: str | None,
    match: Match | None,
    titled: list[tuple[int, int]] | None = None,
) -> Candidate:
    context = view.context
    dated = nearest(list(view.dates), start, end)
    places = [
        m
        for m in view.of_kind(EntryKind.PLACE)
        if not any(m.start >= a and m.end <= b for a, b in [(start, end), *(titled or [])])
        and m.start != context.dateline_start
        and not m.borrowed
    ]  # the dateline's city places a signing only by the rule below; a border post referred
    # back to from sentences before is what a deal is about, not where it was signed
    place = _placed_by_the_verb(view, places, start) or nearest(places, start, end)
    signed_on, precision = (dated.date, dated.precision) if dated else (None, None)
    if signed_on is not None and takes_effect(view.sentence) and not _signed(view.sentence):
        signed_on, precision = None, None  # "С 10 ноября начало действовать соглашение": in force
    place_id = place.ids(EntryKind.PLACE)[0] if place else None
    if view.refers_to_this_summit or (
        (context.summit_date is not None or context.summit_place_id is not None)
        and signed_on is None
    ):
        # In a summit report, a document named without a date is the summit's.
        if signed_on is None:
            signed_on, precision = context.summit_date, context.summit_precision
        if place_id is None:
            place_id = context.summit_place_id
    if place_id is None:
        place_id = _capital_named(view)
    about_meeting = document_about_meeting(view.sentence)  # "memorandum on hosting that meeting"
    if (
        place_id is None
        and not about_meeting
        and not _VISIT_OF_ITS_OWN.search(view.sentence)  # "during … first state visit to China"
        and (meeting := _meeting(view)) is not None
    ):
        place_id, met_on = meeting  # "Following the talks, they signed …": there, that day
        if signed_on is None and met_on is not None:
            signed_on, precision = met_on.date, met_on.precision
    if place_id is None and not about_meeting and (referred := referred_meeting(view)) is not None:
        place_id, met_on = referred  # "По итогам заседания …": where and when it was held
        if signed_on is None and met_on is not None:
            signed_on, precision = met_on.date, met_on.precision
    if place_id is None and _filed_there(context, signed_on) and not _cited(view.sentence):
        place_id = context.dateline_place_id  # "ASTANA, June 17 – … signed": signed there
        if signed_on is None and context.dateline_date is not None:
            signed_on, precision = context.dateline_date, DatePrecision.DAY
    if place_id is None:
        place_id = event_place(view)  # "на выставке … подписали": where that exhibition was
    if (place_id is None or signed_on is None) and (group := group_signing(view)) is not None:
        # "… signed 58 documents at the forum in Astana. Among them is an agreement …"
        place_id = place_id or group[0]
        if signed_on is None and group[1] is not None:
            signed_on, precision = group[1].date, group[1].precision
    if place_id is None and signed_on is None and (event := opening_event(view)) is not None:
        place_id = event[0]  # "12 ноября в Чэнду начала работу конференция … стороны подписали"
        signed_on, precision = event[1].date, event[1].precision
    if signed_on is None and (day := signing_day(view)) is not None:
        signed_on, precision = day.date, day.precision  # "signed today …": that signing's day
    if ratified(view.sentence) and not _signed(view.sentence):
        signed_on, precision, place_id = None, None, None  # the ratification's, not the signing's
    outside = [m for m in view.matches if not (m.start >= start and m.end <= end)]
    parties = parties_named(
        SentenceView(view.text, view.start, view.end, tuple(outside), view.dates, context)
    )
    if agreement_id is not None and signed_on is not None:
        # a title read fuzzily names the held document signed on the stated day, not another
        agreement_id = _held_on_the_day(context, agreement_id, signed_on, precision)
    flags: list[Flag] = []
    confidence = 0.85 if agreement_id else 0.6
    if match is not None and match.variant_of is not None:
        flags.append(
            Flag(
                code=FlagCode.SPELLING_VARIANT,
                message=f"'{match.text}' read as '{match.variant_of}' (a spelling variant)",
            )
        )
        confidence = 0.6
    kind = context.agreement_kinds.get(agreement_id or "") or _kind_of(name) or AgreementKind.OTHER
    return Candidate(
        payload=ProposedAgreement(
            name=name,
            agreement_kind=kind,
            signed_on=signed_on,
            date_precision=precision if signed_on else None,
            place_id=place_id,
            parties=parties,
            agreement_id=agreement_id,
        ),
        start=start,
        end=end,
        confidence=confidence,
        flags=tuple(flags),
    )
