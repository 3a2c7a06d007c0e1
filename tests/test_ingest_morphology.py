"""Russian morphology in reading (issue #12): names in every case meet the knowledge base's
names, status phrases match in every form of their words, spans point into the original
text, and English reads as before. The sentences are written for the test."""

from __future__ import annotations

import pytest

from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, gazetteer_for
from caravan.analysis.ingest.morphology import (
    LemmaPattern,
    agrees_with,
    inflected,
    is_noun,
    lemma_of,
    lemma_view,
    nominative_phrase,
)
from caravan.analysis.ingest.tokens import token_key
from caravan.model.enums import ProjectStatus
from caravan.model.proposals import ProposedAgreement, ProposedStatusEvent
from caravan.store import KnowledgeBase
from ingest_helpers import proposals_from


@pytest.fixture
def gazetteer(kb: KnowledgeBase) -> Gazetteer:
    return gazetteer_for(kb)


def found_ids(gazetteer: Gazetteer, text: str, kind: EntryKind) -> list[tuple[str, str]]:
    """(id, the words as written) of each name of ``kind`` found in ``text``."""
    return [(m.ids(kind)[0], m.text) for m in gazetteer.find(text) if m.ids(kind)]


# -- names in all six cases ---------------------------------------------------------------

#: Six cases (nominative, genitive, dative, accusative, instrumental, prepositional).
SIX_CASES = {
    ("ca5", EntryKind.GROUP): [
        "Центральная Азия", "Центральной Азии", "Центральной Азии", "Центральную Азию",
        "Центральной Азией", "Центральной Азии",
    ],
    ("tr", EntryKind.FOREIGN): ["Турция", "Турции", "Турции", "Турцию", "Турцией", "Турции"],
    ("tj-kanibadam", EntryKind.PLACE): [
        "Канибадам", "Канибадама", "Канибадаму", "Канибадам", "Канибадамом", "Канибадаме",
    ],
    ("kz-atyrau", EntryKind.PLACE): ["Гурьев", "Гурьева", "Гурьеву", "Гурьев", "Гурьевым", "Гурьеве"],
    ("kz", EntryKind.COUNTRY): [
        "Казахстан", "Казахстана", "Казахстану", "Казахстан", "Казахстаном", "Казахстане",
    ],
}  # fmt: skip


@pytest.mark.parametrize("entity", list(SIX_CASES), ids=lambda e: e[0])
def test_every_case_of_a_name_is_found_with_its_own_span(
    gazetteer: Gazetteer, entity: tuple[str, EntryKind]
) -> None:
    entity_id, kind = entity
    for form in SIX_CASES[entity]:
        text = f"Речь шла о связях с {form} в прошлом году."
        assert found_ids(gazetteer, text, kind) == [(entity_id, form)], form


def test_instrumental_forms_the_old_endings_missed_share_the_nominative_key() -> None:
    # "-ей" after "и" and "-ым" after a soft stem were cut to a different stem before.
    assert token_key("Турцией") == token_key("Турция")
    assert token_key("Азией") == token_key("Азия")
    assert token_key("Гурьевым") == token_key("Гурьев")


def test_a_russian_name_meets_its_latin_spelling_in_any_case(gazetteer: Gazetteer) -> None:
    for form in ("Казахстаном", "Казахстане", "Узбекистану", "Таджикистана"):
        assert token_key(form) in {
            token_key("Kazakhstan"),
            token_key("Uzbekistan"),
            token_key("Tajikistan"),
        }, form


def test_parties_in_the_instrumental_are_both_found(gazetteer: Gazetteer) -> None:
    text = "Соглашение между Китаем и Казахстаном подписали в Астане."
    countries = {i for i, _ in found_ids(gazetteer, text, EntryKind.COUNTRY)}
    assert countries == {"cn", "kz"}


def test_names_the_dictionary_lacks_keep_their_crude_stem() -> None:
    # pymorphy3 would guess "мактаарать" (a verb) for an unknown name; the stem is kept.
    assert not lemma_of("Мактаарала").known
    assert token_key("Мактаарала") == token_key("Мактаарал")


# -- status phrases in every form --------------------------------------------------------------


def test_lemma_pattern_spans_point_into_the_original_text() -> None:
    text = "Вступление. Документ, подписанного министрами соглашения, нет."
    pattern = LemmaPattern(r"подписать\s+министр\s+соглашение")
    found = pattern.finditer(text, 0, len(text))
    assert [(m.group(), text[m.start() : m.end()]) for m in found] == [
        ("подписанного министрами соглашения", "подписанного министрами соглашения")
    ]


def test_infinitives_and_future_verbs_are_marked_as_no_step_taken() -> None:
    view = lemma_view("откроют, открыли, открыть, открыта")
    assert view.text.split(", ") == ["инф_открыть", "открыть", "инф_открыть", "открыть"]


def statuses(kb: KnowledgeBase, text: str) -> set[tuple[str, ProjectStatus]]:
    return {
        (f.payload.project_id, f.payload.status)
        for f in proposals_from(kb, text)
        if isinstance(f.payload, ProposedStatusEvent)
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "15 мая 2025 года дали старт строительству железной дороги Китай – Кыргызстан – Узбекистан.",
        "15 мая 2025 года министр дал старт реконструкции железной дороги Китай – Кыргызстан – Узбекистан.",
        "15 мая 2025 года начали восстанавливать железную дорогу Китай – Кыргызстан – Узбекистан.",
    ],
)
def test_a_start_of_works_in_any_form_is_building(kb: KnowledgeBase, sentence: str) -> None:
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) in statuses(kb, sentence)


def test_works_and_their_verb_around_a_relative_clause_are_building(kb: KnowledgeBase) -> None:
    text = (
        "Строительство железнодорожной линии Дарбаза – Мактаарал, которая должна связать юг"
        " страны с основной сетью, продолжается."
    )
    assert ("prj-darbaza-maktaaral-railway", ProjectStatus.UNDER_CONSTRUCTION) in statuses(kb, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Соглашение о строительстве железной дороги Китай – Кыргызстан – Узбекистан,"
        " подписанное 6 июня 2024 года, вступило в силу.",
        "Соглашения о строительстве железной дороги Китай – Кыргызстан – Узбекистан,"
        " подписанного 6 июня 2024 года, стороны придерживаются.",
    ],
)
def test_an_agreement_signed_in_a_participle_agrees_the_project(
    kb: KnowledgeBase, sentence: str
) -> None:
    assert ("prj-cku-railway", ProjectStatus.AGREED) in statuses(kb, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Железную дорогу Китай – Кыргызстан – Узбекистан введут в эксплуатацию в 2030 году.",
        "Строительство железной дороги Китай – Кыргызстан – Узбекистан планируют начать.",
        "Соглашение о железной дороге Китай – Кыргызстан – Узбекистан подпишут в июне.",
    ],
)
def test_future_and_infinitive_forms_report_no_step(kb: KnowledgeBase, sentence: str) -> None:
    found = statuses(kb, sentence)
    assert ("prj-cku-railway", ProjectStatus.IN_SERVICE) not in found
    assert ("prj-cku-railway", ProjectStatus.AGREED) not in found
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) not in found


def test_english_reads_as_before(kb: KnowledgeBase, gazetteer: Gazetteer) -> None:
    text = "Construction of the China-Kyrgyzstan-Uzbekistan railway began on 27 December 2024."
    assert ("prj-cku-railway", ProjectStatus.UNDER_CONSTRUCTION) in statuses(kb, text)
    assert LemmaPattern(r"строительство").finditer(text) == []
    assert lemma_view(text).text == text
    assert token_key("Kazakhstan's") == "kazakhstan"


# -- names put in the case a title needs ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("кредитного соглашения о финансировании", "Кредитное соглашение о финансировании"),
        ("трехсторонним документом о шагах", "Трехсторонний документ о шагах"),
        ("Дорожную карту реализации проекта", "Дорожная карта реализации проекта"),
        ("меморандумов о сотрудничестве", "Меморандумы о сотрудничестве"),
        ("Rail agreement", "Rail agreement"),
    ],
)
def test_a_title_is_named_in_the_nominative(phrase: str, nominative: str) -> None:
    assert nominative_phrase(phrase) == nominative


def test_signers_are_put_in_the_instrumental() -> None:
    assert [inflected(w, "ablt") for w in ("Кыргызстан", "Китай", "Астана", "BLCU")] == [
        "Кыргызстаном",
        "Китаем",
        "Астаной",
        "BLCU",
    ]


def agreement_names(kb: KnowledgeBase, text: str) -> list[str]:
    return [
        f.payload.name for f in proposals_from(kb, text) if isinstance(f.payload, ProposedAgreement)
    ]


def test_an_untitled_russian_agreement_is_named_by_its_signers(kb: KnowledgeBase) -> None:
    text = "В мае 2024 года Кыргызстан и Китай подписали соглашение."
    assert agreement_names(kb, text) == ["Соглашение между Кыргызстаном и Китаем"]


def test_an_untitled_russian_agreement_in_the_genitive_is_named_in_the_nominative(
    kb: KnowledgeBase,
) -> None:
    text = (
        "16 декабря 2025 года в Бишкеке прошла церемония подписания кредитного соглашения о"
        " финансировании строительства дороги."
    )
    assert agreement_names(kb, text) == [
        "Кредитное соглашение о финансировании строительства дороги"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Введённая в эксплуатацию в августе 2016 года железная дорога Вахдат – Яван работает.",
        "Железную дорогу Вахдат – Яван сдали в эксплуатацию в августе 2016 года.",
        "Железная дорога Вахдат – Яван была принята в эксплуатацию в августе 2016 года.",
    ],
)
def test_put_into_service_in_participle_and_past_forms(kb: KnowledgeBase, sentence: str) -> None:
    assert ("prj-vahdat-yavan-railway", ProjectStatus.IN_SERVICE) in statuses(kb, sentence)


def test_put_into_service_in_the_future_is_no_step(kb: KnowledgeBase) -> None:
    text = "Железную дорогу Вахдат – Яван сдадут в эксплуатацию в августе 2016 года."
    assert ("prj-vahdat-yavan-railway", ProjectStatus.IN_SERVICE) not in statuses(kb, text)


@pytest.mark.parametrize(
    ("word", "noun"),
    [("терминал", True), ("порта", True), ("ГОК", True), ("железная", False), ("новая", False)],
)
def test_a_noun_or_an_abbreviation_is_read_as_a_noun(word: str, noun: bool) -> None:
    assert is_noun(word) is noun


def test_an_abbreviation_in_capitals_agrees_with_any_participle() -> None:
    assert agrees_with("ГОК", "введённый")
    assert agrees_with("СЭЗ", "созданная")
    assert not agrees_with("гок", "введённая")  # not an abbreviation in lower case
