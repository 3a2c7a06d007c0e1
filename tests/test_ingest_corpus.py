"""The labelled corpus for monitoring is well-formed: metadata, labels and ids all hold.

Checks the corpus only (evaluation/ingest_quality.py measures the extraction on it).
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from caravan.model.enums import AgreementKind, ProjectStatus
from caravan.model.proposals import EntityKind, FigureQuantity, FlagCode
from caravan.store import default_data_dir
from ingest_helpers import EVALUATION, evaluation_module

KEYS = {
    "status_event": {"project_id", "status", "date"},
    "figure": {"quantity", "value"},
    "agreement": {"name", "agreement_kind"},
    "new_entity": {"name", "entity_kind"},
}


@pytest.fixture(scope="module")
def labels() -> ModuleType:
    return evaluation_module("ingest_labels")


def _set_order(folder: Path) -> tuple[int, str]:
    number = re.search(r"\d+", folder.name)
    return (int(number.group()) if number else 0, folder.name)


#: Every labelled folder: the main corpus, each held-out set and each second labelling of one.
LABELLED_SETS = tuple(
    folder.name
    for folder in sorted(
        (*EVALUATION.glob("ingest_corpus"), *EVALUATION.glob("ingest_heldout*")), key=_set_order
    )
    if folder.is_dir()
)
#: The sets as first written: a second labelling paraphrases nothing of its own.
FIRST_LABELLINGS = tuple(name for name in LABELLED_SETS if not name.endswith("_second"))


def test_every_folder_of_labels_is_checked() -> None:
    assert {"ingest_corpus", "ingest_heldout", "ingest_heldout33"} <= set(FIRST_LABELLINGS)
    assert "ingest_heldout33_second" in LABELLED_SETS


@pytest.fixture(scope="module", params=LABELLED_SETS)
def corpus(labels: ModuleType, request: pytest.FixtureRequest) -> list[Any]:
    """Each labelled folder in turn: the development sets, the held-out sets and the second
    labellings of them (the first set's texts with the second labeller's facts)."""
    name = request.param
    if not name.endswith("_second"):
        return list(labels.load_corpus(EVALUATION / name))
    second = EVALUATION / name
    return [
        dataclasses.replace(
            doc, expected=labels.load_labels(second / f"{doc.path.stem}.expected.toml")[1]
        )
        for doc in labels.load_corpus(EVALUATION / name.removesuffix("_second"))
    ]


@pytest.fixture(scope="module")
def main_corpus(labels: ModuleType) -> list[Any]:
    return list(labels.load_corpus())


@pytest.fixture(scope="module")
def known() -> dict[str, set[str]]:
    """Ids of the embedded knowledge base's tables, and every name and alias it holds."""
    data = default_data_dir()
    ids: dict[str, set[str]] = {}
    names: set[str] = set()
    for table in ("projects", "crossings", "places", "agreements", "countries"):
        with (data / f"{table}.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        ids[table] = {row["id"] for row in rows}
        for row in rows:
            for column in ("name", "name_en", "name_ru", "name_local", "aliases"):
                names.update(_normal(n) for n in (row.get(column) or "").split("|") if n)
    ids["ids"] = set().union(*ids.values())
    ids["names"] = names
    return ids


def _listed(value: str | list[str]) -> list[str]:
    """A label's field names one value or a list of acceptable readings."""
    return [value] if isinstance(value, str) else list(value)


def _normal(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def test_the_corpus_has_enough_texts_in_english_and_russian(main_corpus: list[Any]) -> None:
    languages = Counter(doc.language for doc in main_corpus)
    assert len(main_corpus) >= 20
    assert languages["ru"] >= 5
    assert set(languages) <= {"en", "ru"}
    assert sum(1 for doc in main_corpus if doc.path.suffix == ".html") >= 3
    assert all(doc.path.suffix in (".txt", ".html", ".pdf") for doc in main_corpus)


def test_every_text_names_its_report(corpus: list[Any], labels: ModuleType) -> None:
    for doc in corpus:
        missing = [key for key in labels.REQUIRED_META if not doc.meta.get(key)]
        assert not missing, f"{doc.name}: front matter lacks {missing}"
        assert re.match(r"^https?://\S+$", doc.meta["url"]), doc.name
        precision = doc.published_on[1]
        assert precision in ("day", "month") or doc.meta.get("date_note"), (
            f"{doc.name}: a report dated to the year only says why in its date_note"
        )
        assert len(doc.body.split()) >= 40, f"{doc.name}: too short to paraphrase a report"


#: Reports paraphrased in two sets, each pair written apart (two development sets, or two
#: blind sets written at the same time); listed in evaluation/ingest_corpus/README.md.
PARAPHRASED_TWICE = {
    "https://asiaplustj.info/en/news/tajikistan/economic/20211111/tajik-chinese-joint-gold-mining-venture-gets-permit-to-build-metallurgical-plant-in-panjakent",
    "http://turkmenistanlive.com/2025/08/27/95-%D0%BC%D0%BE%D0%BB%D0%BE%D0%B4%D1%8B%D1%85-%D1%82%D1%83%D1%80%D0%BA%D0%BC%D0%B5%D0%BD%D0%B8%D1%81%D1%82%D0%B0%D0%BD%D1%86%D0%B5%D0%B2-%D0%B2%D1%8B%D0%B8%D0%B3%D1%80%D0%B0%D0%BB%D0%B8-%D1%81%D1%82/",
    "https://www.asiaplustj.info/en/news/tajikistan/politics/20120608/result-rahmon-s-visit-china-tajikistan-get-more-1bln",
    "https://en.inform.kz/amp/kazakhstan-to-commission-new-ferry-terminal-until-late-2016_a2869104/",
}


def test_each_report_is_paraphrased_once(labels: ModuleType) -> None:
    folders = [EVALUATION / name for name in FIRST_LABELLINGS]
    urls = Counter(doc.meta["url"] for folder in folders for doc in labels.load_corpus(folder))
    assert {url for url, n in urls.items() if n > 2} == set()
    assert {url for url, n in urls.items() if n == 2} == PARAPHRASED_TWICE


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_every_text_has_its_labels_and_no_label_file_is_orphaned(
    name: str, labels: ModuleType
) -> None:
    texts = {doc.path.stem for doc in labels.load_corpus(EVALUATION / name.removesuffix("_second"))}
    folder = EVALUATION / name
    sidecars = {p.name.removesuffix(".expected.toml") for p in folder.glob("*.expected.toml")}
    assert texts
    assert sidecars == texts


def test_labels_carry_their_key_fields_with_valid_values(corpus: list[Any]) -> None:
    for doc in corpus:
        for fact in doc.expected:
            where = f"{doc.name} fact {fact.index}"
            assert KEYS[fact.kind] <= set(fact.fields), f"{where}: lacks {KEYS[fact.kind]}"
            for code in fact.flags:
                FlagCode(code)
            fields = fact.fields
            if fact.kind == "status_event":
                for status in _listed(fields["status"]):
                    ProjectStatus(status)
            elif fact.kind == "figure":
                quantity = FigureQuantity(fields["quantity"])
                assert fields["value"] >= 0, where
                if quantity is FigureQuantity.TRADE_VALUE_USD:
                    assert fields["value"] >= 1e6, f"{where}: trade values are in USD"
                    assert "subject_id" not in fields, where
            elif fact.kind == "agreement":
                for kind in _listed(fields["agreement_kind"]):
                    AgreementKind(kind)
            else:
                for kind in _listed(fields["entity_kind"]):
                    EntityKind(kind)
                assert "unknown_entity" in fact.flags, f"{where}: a new entity is flagged"


def test_dates_in_labels_are_well_formed(corpus: list[Any], labels: ModuleType) -> None:
    for doc in corpus:
        for fact in doc.expected:
            for key in ("date", "signed_on"):
                if key in fact.fields:
                    labels.parse_partial_date(str(fact.fields[key]))


def test_every_id_in_the_labels_exists_in_the_embedded_knowledge_base(
    corpus: list[Any], known: dict[str, set[str]]
) -> None:
    subjects = known["projects"] | known["crossings"] | known["places"]
    for doc in corpus:
        for fact in doc.expected:
            where = f"{doc.name} fact {fact.index}"
            fields = fact.fields
            if "project_id" in fields:
                assert fields["project_id"] in known["projects"], where
            if "subject_id" in fields:
                assert fields["subject_id"] in subjects, where
            if "place_id" in fields:
                assert fields["place_id"] in known["places"], where
            if "agreement_id" in fields:
                assert fields["agreement_id"] in known["agreements"], where
            for key in ("partner_id", "reporter_id"):
                if key in fields:
                    assert fields[key] in known["countries"], where


def test_new_entities_are_unknown_to_the_knowledge_base(
    corpus: list[Any], known: dict[str, set[str]]
) -> None:
    for doc in corpus:
        for fact in doc.expected:
            if fact.kind != "new_entity":
                continue
            name = _normal(fact.fields["name"])
            if name not in known["names"]:
                continue
            # a held name worn by another object: the label says which held row it is not
            distinct = fact.fields.get("distinct_from")
            assert distinct, f"{doc.name}: {fact.fields['name']!r} is held; say distinct_from"
            assert distinct in known["ids"], f"{doc.name}: {distinct!r} is no held row"


def test_every_label_quotes_words_of_its_text(corpus: list[Any]) -> None:
    for doc in corpus:
        text = " ".join(doc.body.split())
        for fact in doc.expected:
            evidence = " ".join(str(fact.fields.get("evidence", "")).split())
            assert evidence, f"{doc.name} fact {fact.index}: no evidence quoted"
            assert _quoted_in(evidence, text), f"{doc.name} fact {fact.index}: {evidence!r}"


def _quoted_in(evidence: str, text: str) -> bool:
    """True when the quote's pieces (an elision written "..." or "…") occur in order."""
    position = 0
    for piece in re.split(r"\s*(?:\.\.\.|…)\s*", evidence):
        if not piece:
            continue
        found = text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def test_an_elided_quote_is_found_piece_by_piece_in_order() -> None:
    text = "The line opened in May. Trains ran daily after that."
    assert _quoted_in("The line opened ... ran daily", text)
    assert not _quoted_in("ran daily … The line opened", text)
    assert not _quoted_in("The line closed", text)


def test_the_labels_cover_every_kind_and_many_quantities(main_corpus: list[Any]) -> None:
    kinds = Counter(fact.kind for doc in main_corpus for fact in doc.expected)
    quantities = {
        f.fields["quantity"] for d in main_corpus for f in d.expected if f.kind == "figure"
    }
    assert sum(kinds.values()) >= 120
    assert min(kinds[kind] for kind in KEYS) >= 15
    assert len(quantities) >= 8


def test_a_malformed_front_matter_names_the_file_and_line(
    labels: ModuleType, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("---\nurl https://example.org\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(labels.LabelError, match=r"broken\.txt, line 2"):
        labels.load_document(broken)


def test_an_unknown_kind_in_the_labels_is_refused(labels: ModuleType, tmp_path: Path) -> None:
    text = tmp_path / "doc.txt"
    text.write_text("---\nurl: https://example.org\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "doc.expected.toml").write_text('[[facts]]\nkind = "rumour"\n', encoding="utf-8")
    with pytest.raises(labels.LabelError, match=r"doc\.expected\.toml, fact 1"):
        labels.load_document(text)


def test_an_agreements_aliases_load_and_malformed_aliases_are_refused(
    labels: ModuleType, tmp_path: Path
) -> None:
    """Rule 18: agreements carry aliases as new entities do; a bare string is a mistake."""
    sidecar = tmp_path / "doc.expected.toml"
    sidecar.write_text(
        '[[facts]]\nkind = "agreement"\nname = "Дорожная карта"\n'
        'agreement_kind = "action_plan"\naliases = ["Roadmap"]\n',
        encoding="utf-8",
    )
    _, (fact,) = labels.load_labels(sidecar)
    assert fact.fields["aliases"] == ["Roadmap"]
    assert "Roadmap" not in fact.describe()
    sidecar.write_text(
        '[[facts]]\nkind = "agreement"\nname = "Дорожная карта"\n'
        'agreement_kind = "action_plan"\naliases = "Roadmap"\n',
        encoding="utf-8",
    )
    with pytest.raises(labels.LabelError, match=r"doc\.expected\.toml, fact 1: aliases"):
        labels.load_labels(sidecar)


def test_the_summit_labels_name_known_records_and_the_required_facts(
    labels: ModuleType, known: dict[str, set[str]]
) -> None:
    meta, facts = labels.load_labels(EVALUATION / "ingest_summit.expected.toml")
    assert set(labels.REQUIRED_META) <= set(meta)
    required = [f for f in facts if f.fields.get("required")]
    projects = {f.fields["project_id"] for f in required if f.kind == "status_event"}
    agreements = {f.fields.get("agreement_id") for f in required if f.kind == "agreement"}
    quantities = {f.fields["quantity"] for f in required if f.kind == "figure"}
    assert projects <= known["projects"]
    assert len(projects) == 5
    assert agreements == {"agr-astana-treaty", "agr-astana-bri-action-plan"}
    assert quantities == {"trade_value_usd", "sister_city_pairs"}
    flags = {code for f in required for code in f.flags}
    assert flags == {"spelling_variant", "suspicious_statement"}
    for fact in facts:
        assert fact.fields.get("evidence"), f"summit fact {fact.index}: no evidence quoted"
        if "agreement_id" in fact.fields:
            assert fact.fields["agreement_id"] in known["agreements"]
