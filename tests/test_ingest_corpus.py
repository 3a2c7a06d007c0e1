"""The labelled corpus for monitoring is well-formed: metadata, labels and ids all hold.

Checks the corpus only (evaluation/ingest_quality.py measures the extraction on it).
"""

from __future__ import annotations

import csv
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


LABELLED_SETS = (
    "ingest_corpus",
    "ingest_heldout",
    "ingest_heldout2",
    "ingest_heldout3",
    "ingest_heldout4",
)


@pytest.fixture(scope="module", params=LABELLED_SETS)
def corpus(labels: ModuleType, request: pytest.FixtureRequest) -> list[Any]:
    """Each labelled folder in turn: the development sets and the fresh held-out set."""
    return list(labels.load_corpus(EVALUATION / request.param))


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
        assert doc.published_on[1] in ("day", "month"), doc.name
        assert len(doc.body.split()) >= 40, f"{doc.name}: too short to paraphrase a report"


def test_each_report_is_paraphrased_once(labels: ModuleType) -> None:
    folders = [EVALUATION / name for name in LABELLED_SETS]
    urls = Counter(doc.meta["url"] for folder in folders for doc in labels.load_corpus(folder))
    assert [url for url, n in urls.items() if n > 1] == []


def test_every_text_has_its_labels_and_no_label_file_is_orphaned(corpus: list[Any]) -> None:
    folder = corpus[0].path.parent
    texts = {doc.path.stem for doc in corpus}
    sidecars = {p.name.removesuffix(".expected.toml") for p in folder.glob("*.expected.toml")}
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
            if fact.kind == "new_entity":
                assert _normal(fact.fields["name"]) not in known["names"], f"{doc.name}"


def test_every_label_quotes_words_of_its_text(corpus: list[Any]) -> None:
    for doc in corpus:
        text = " ".join(doc.body.split())
        for fact in doc.expected:
            evidence = " ".join(str(fact.fields.get("evidence", "")).split())
            assert evidence, f"{doc.name} fact {fact.index}: no evidence quoted"
            assert evidence in text, f"{doc.name} fact {fact.index}: {evidence!r} not in text"


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
