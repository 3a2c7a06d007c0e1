"""Sentences with exact offsets, dates, numbers and names in English and Russian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan.analysis.ingest.dates import find_dates
from caravan.analysis.ingest.gazetteer import EntryKind, Gazetteer, MatchMethod, gazetteer_for
from caravan.analysis.ingest.numbers import find_money
from caravan.analysis.ingest.sentences import split_sentences
from caravan.analysis.ingest.tokens import token_key
from caravan.model.enums import DatePrecision
from caravan.store import KnowledgeBase


def test_sentences_do_not_split_at_abbreviations_initials_or_decimals() -> None:
    text = (
        "Trade hit $94.8bn. in 2024, said Mr. Smith of the U.S. side. "
        "Объём составил 94,8 млрд. долларов, т.е. рекорд. Его назвал В. Путин! Next?\n"
        "A heading without a stop\nLast one."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Trade hit $94.8bn. in 2024, said Mr. Smith of the U.S. side.",
        "Объём составил 94,8 млрд. долларов, т.е. рекорд.",
        "Его назвал В. Путин!",
        "Next?",
        "A heading without a stop",
        "Last one.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@given(st.text(alphabet=st.sampled_from(list('ab АБв.!?…,\n 19  Mr.т.е."«»')), max_size=300))
def test_sentence_spans_are_exact_ordered_and_disjoint(text: str) -> None:
    last_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert sentence.start >= last_end
        last_end = sentence.end


REFERENCE = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "date", "precision", "since"),
    [
        ("signed on 17 June 2025 in Astana", dt.date(2025, 6, 17), DatePrecision.DAY, False),
        ("held on June 17th.", dt.date(2025, 6, 17), DatePrecision.DAY, False),
        ("opened in June 2016", dt.date(2016, 6, 1), DatePrecision.MONTH, False),
        ("In 2024, trade grew", dt.date(2024, 1, 1), DatePrecision.YEAR, False),
        ("in service since 2023", dt.date(2023, 1, 1), DatePrecision.YEAR, True),
        ("подписан 17 июня 2025 года", dt.date(2025, 6, 17), DatePrecision.DAY, False),
        ("открыта в декабре 2024 года", dt.date(2024, 12, 1), DatePrecision.MONTH, False),
        ("в 2024 году", dt.date(2024, 1, 1), DatePrecision.YEAR, False),
        ("opened today", REFERENCE, DatePrecision.DAY, False),
        ("в прошлом году", dt.date(2024, 1, 1), DatePrecision.YEAR, False),
        ("it opened in June", dt.date(2025, 6, 1), DatePrecision.MONTH, False),
        # A month later than the document's, without a year, is last year's.
        ("в сентябре начал работу", dt.date(2024, 9, 1), DatePrecision.MONTH, False),
        ("on Friday the line opened", dt.date(2025, 6, 27), DatePrecision.DAY, False),
    ],
)
def test_dates_in_english_and_russian(
    text: str, date: dt.date, precision: DatePrecision, since: bool
) -> None:
    found = find_dates(text, REFERENCE)
    assert [(d.date, d.precision, d.since) for d in found] == [(date, precision, since)]


def test_a_distance_or_a_figure_is_not_a_year() -> None:
    assert find_dates("a line of 2024 km in 2024 km", REFERENCE) == []


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("reached 94.8 billion US dollars", "en", 94.8e9),
        ("trade hit $94.8bn", "en", 94.8e9),
        ("cost USD 1,500,000", "en", 1.5e6),
        ("составил 94,8 млрд долларов", "ru", 94.8e9),
        ("1,5 млрд долл. США", "ru", 1.5e9),
    ],
)
def test_money_in_english_and_russian(text: str, language: str, value: float) -> None:
    assert [a.value_usd for a in find_money(text, language)] == [pytest.approx(value)]


def test_russian_case_forms_and_scripts_share_a_key() -> None:
    assert token_key("Казахстаном") == token_key("Казахстана") == token_key("Kazakhstan")
    assert token_key("Хоргос") == token_key("Khorgos")
    assert token_key("Neighbourliness") == token_key("Neighborliness")


@pytest.fixture
def gazetteer(embedded_kb_path: Path) -> Iterator[Gazetteer]:
    kb = KnowledgeBase(embedded_kb_path)
    yield gazetteer_for(kb)
    kb.close()


def test_a_misspelt_project_name_resolves_and_says_so(gazetteer: Gazetteer) -> None:
    text = "the China-Kyrgyztou-Uzbekistan Railway project has been officially launched"
    [project] = [m for m in gazetteer.find(text) if m.ids(EntryKind.PROJECT)]
    assert project.ids(EntryKind.PROJECT) == ["prj-cku-railway"]
    assert project.method is MatchMethod.VARIANT
    assert project.text == "China-Kyrgyztou-Uzbekistan Railway"
    assert project.variant_of is not None
    assert "Kyrgyzstan" in project.variant_of


def test_another_real_country_is_not_taken_for_a_misspelling(gazetteer: Gazetteer) -> None:
    text = "the China-Kazakhstan-Uzbekistan Railway was discussed"
    assert not [m for m in gazetteer.find(text) if m.ids(EntryKind.PROJECT)]


def test_names_resolve_in_any_case_form_alias_or_script(gazetteer: Gazetteer) -> None:
    found = gazetteer.find("Переговоры в Астане с Казахстаном о дороге Ангрен — Пап и о Khorgos.")
    by_text = {m.text: m for m in found}
    assert by_text["Астане"].ids(EntryKind.PLACE) == ["kz-astana"]
    assert by_text["Казахстаном"].ids(EntryKind.COUNTRY) == ["kz"]
    assert by_text["Ангрен — Пап"].ids(EntryKind.PROJECT) == ["prj-angren-pap-railway"]
    assert by_text["Khorgos"].method is MatchMethod.NAME


def test_a_name_in_the_other_script_is_found_and_marked(gazetteer: Gazetteer) -> None:
    # The Zhetygen – Altynkol line is known by an English name and a Russian alias only:
    # "Zhetygen–Altynkol" in Latin letters matches the Russian alias.
    [match] = gazetteer.find("Trains run on the Zhetygen–Altynkol line.")
    assert match.ids(EntryKind.PROJECT) == ["prj-khorgos-altynkol-railway"]
    assert match.method is MatchMethod.SCRIPT
    [latin] = [m for m in gazetteer.find("Алтынколь") if m.ids(EntryKind.PLACE)]
    assert latin.method is MatchMethod.NAME  # the place has a Russian name of its own
    [crossed] = gazetteer.find("Поезда идут через Khorgos Gateway.")
    assert crossed.ids(EntryKind.PLACE) == ["kz-khorgos-gateway"]
    assert crossed.method is MatchMethod.NAME


def test_a_single_name_with_a_typo_is_a_variant(gazetteer: Gazetteer) -> None:
    [match] = gazetteer.find("Trucks queued outside Tashkennt for days.")
    assert match.ids(EntryKind.PLACE) == ["uz-tashkent"]
    assert match.method is MatchMethod.VARIANT


def test_lower_case_words_do_not_become_place_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("the mary road and the port were busy") == []
