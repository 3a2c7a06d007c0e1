"""The learned proposal scorer: its model file, its features, its training, its cut."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from benchmark_scripts import benchmark_script
from caravan.analysis.ingest import propose, read_text
from caravan.analysis.ingest.proposal_features import (
    CUE_GROUPS,
    near_words,
    proposal_features,
)
from caravan.analysis.ingest.proposal_scorer import ProposalScorer, default_scorer
from caravan.analysis.ingest.readings import Reading, read_proposals
from caravan.model.enums import DatePrecision, ProjectStatus
from caravan.model.proposals import (
    DocumentMeta,
    Evidence,
    FactKind,
    Flag,
    FlagCode,
    ProposedFact,
    ProposedFigure,
    ProposedStatusEvent,
)
from caravan.store import KnowledgeBase
from ingest_helpers import DOCUMENT_DAY, evaluation_module

TEXT = (
    "Officials said the Angren–Pap railway was opened in June 2016. "
    "Trade between China and Kazakhstan reached $41 billion in 2023."
)
MODEL = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "caravan"
    / "analysis"
    / "ingest"
    / "proposal_scorer.json"
)
#: The families of feature names the code computes (before a "kind|" prefix).
_FAMILIES = re.compile(
    r"^(?:(?:status_event|figure|agreement|new_entity)\|)?(?:"
    r"(?:kind|language|disposition|flag|cue|status|precision|quantity|agreement_kind|entity_kind)=\w+"
    r"|near=\w+|confidence|date_stated|sentence_proposals|sentence_same_kind"
    r"|document_proposals|document_same_kind|first_sentence|sentence_words|mention_words"
    r"|after_publication|years_before_publication|has_subject|has_partner|has_reporter|has_year"
    r"|has_date|has_place|known_agreement|parties|name_words|countries)$"
)
_ALWAYS = (
    "confidence",
    "date_stated",
    "sentence_proposals",
    "document_proposals",
    "first_sentence",
    "sentence_words",
    "mention_words",
)


@pytest.fixture(scope="module")
def data() -> ModuleType:
    evaluation_module("ingest_labels")
    evaluation_module("ingest_matching")
    evaluation_module("ingest_quality")
    return evaluation_module("proposal_scorer_data")


@pytest.fixture(scope="module")
def training(data: ModuleType) -> ModuleType:
    return evaluation_module("train_proposal_scorer")


def _readings(kb: KnowledgeBase, text: str = TEXT) -> tuple[list[Reading], DocumentMeta]:
    read = read_text(text, published_on=DOCUMENT_DAY)
    return read_proposals(kb, read.text, read.meta), read.meta


def _reading(payload: ProposedStatusEvent | ProposedFigure, *flags: FlagCode) -> Reading:
    sentence = "The line was opened in June 2016."
    fact = ProposedFact(
        id="0" * 32,
        document_id="0" * 32,
        payload=payload,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        mention="The line",
        confidence=0.6,
        flags=tuple(Flag(code=code, message="test") for code in flags),
    )
    return Reading(fact, date_stated=True)


def test_the_model_file_loads_and_names_only_features_the_code_computes() -> None:
    scorer = default_scorer()
    assert scorer.features
    assert len(scorer.weights) == len(scorer.features)
    unknown = [name for name in scorer.features if not _FAMILIES.match(name)]
    assert not unknown, unknown[:5]
    assert 0.0 <= scorer.threshold < 1.0
    assert default_scorer() is scorer  # read once


def test_the_model_was_trained_on_the_latest_read_sets_only(data: ModuleType) -> None:
    trained_on = set(default_scorer().trained_on)
    assert trained_on == set(data.SCORER_SETS)
    assert trained_on == {f"ingest_heldout{n}" for n in range(14, 29)}
    # the sets its declared test scored it on were never fitted on
    assert not trained_on & {f"ingest_heldout{n}" for n in (29, 30, 31)}
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert model["texts"] > 0
    assert model["wrong"] < model["proposals"]


def test_the_features_the_code_computes_are_in_the_model(kb: KnowledgeBase) -> None:
    readings, meta = _readings(kb)
    assert {r.fact.kind for r in readings} >= {FactKind.STATUS_EVENT, FactKind.FIGURE}
    model = set(default_scorer().features)
    assert set(_ALWAYS) <= model
    for features in proposal_features(readings, meta):
        assert all(_FAMILIES.match(name) for name in features), features
        assert set(_ALWAYS) <= set(features)
        assert f"language={meta.language}" in features
        kinds = [name for name in features if name.startswith("kind=")]
        assert len(kinds) == 1
        assert kinds[0] in model


def test_cue_words_and_near_words_are_read_from_the_sentence() -> None:
    reading = _reading(
        ProposedStatusEvent(
            project_id="prj-angren-pap-railway",
            status=ProjectStatus.IN_SERVICE,
            date=dt.date(2016, 6, 1),
            date_precision="month",
        )
    )
    assert near_words(reading.fact) == ["in", "june", "opene", "was"]  # not "2016"
    assert CUE_GROUPS["future"].search("the line will open next year")
    assert not CUE_GROUPS["future"].search(reading.fact.evidence.sentence)
    assert CUE_GROUPS["negation"].search("линия не открыта")


def test_a_proposal_below_the_cut_is_dropped_and_one_above_kept() -> None:
    scorer = ProposalScorer.from_mapping(
        {"weights": {"flag=suspicious_statement": -8.0}, "intercept": 2.0, "threshold": 0.5}
    )
    payload = ProposedFigure(quantity="length_km", value=1200.0)
    doubtful = _reading(payload, FlagCode.SUSPICIOUS_STATEMENT)
    plain = _reading(payload)
    meta = read_text("x", published_on=DOCUMENT_DAY).meta
    low, high = scorer.probabilities([doubtful, plain], meta)
    assert low < 0.5 < high
    assert scorer.kept([doubtful, plain], meta) == [False, True]


def test_propose_gives_the_rules_readings_with_the_learned_confidence(kb: KnowledgeBase) -> None:
    readings, meta = _readings(kb)
    read = read_text(TEXT, published_on=DOCUMENT_DAY)
    proposed = propose(kb, read.text, read.meta)
    learned = default_scorer().probabilities(readings, meta)
    assert [p.model_copy(update={"confidence": 0.0}) for p in proposed] == [
        r.fact.model_copy(update={"confidence": 0.0}) for r in readings
    ]
    assert [p.confidence for p in proposed] == [round(q, 3) for q in learned]
    assert meta.language == "en"


def _fixture_documents(data: ModuleType, kb: KnowledgeBase, sets: int = 3) -> list[object]:
    """Tiny labelled sets (three unless told): one right proposal and one wrong in each."""
    labels = evaluation_module("ingest_labels")
    documents = []
    for n, year in enumerate(range(2016, 2016 + sets)):
        readings, meta = _readings(kb)
        facts = tuple(r.fact for r in readings)
        right = tuple(data.RIGHT if f.kind is FactKind.STATUS_EVENT else data.WRONG for f in facts)
        expected = (
            labels.ExpectedFact(
                document=f"d{n}",
                index=0,
                kind="status_event",
                fields={
                    "project_id": "prj-angren-pap-railway",
                    "status": "in_service",
                    "date": f"{year}-06",
                },
            ),
        )
        document = labels.Document(path=Path(f"d{n}.txt"), meta={}, body=TEXT, expected=expected)
        features = tuple(proposal_features(readings, meta))
        documents.append(data.ReadDocument(f"set{n}", document, facts, features, right))
    return documents


def test_training_is_deterministic(
    data: ModuleType, training: ModuleType, kb: KnowledgeBase
) -> None:
    documents = _fixture_documents(data, kb)
    first = json.dumps(training.train(documents), sort_keys=True)
    second = json.dumps(training.train(list(reversed(documents))), sort_keys=True)
    assert first == second
    model = json.loads(first)
    assert model["trained_on"] == ["set0", "set1", "set2"]
    assert model["wrong"] == 3
    # the figure is always wrong here, the status event always right: the weights say so
    scorer = ProposalScorer.from_mapping(model)
    readings, meta = _readings(kb)
    by_kind = dict(
        zip((r.fact.kind for r in readings), scorer.probabilities(readings, meta), strict=True)
    )
    assert by_kind[FactKind.STATUS_EVENT] > by_kind[FactKind.FIGURE]


@pytest.fixture(scope="module")
def benchmark(data: ModuleType) -> Iterator[ModuleType]:
    yield from benchmark_script("proposal_scorer")


def test_folds_hold_out_only_the_named_sets_and_train_on_the_others_in_every_fold(
    data: ModuleType, benchmark: ModuleType, kb: KnowledgeBase
) -> None:
    documents = _fixture_documents(data, kb, sets=4)
    folds = ("set2", "set0")
    held = data.in_folds(documents, folds)
    assert [doc.set_name for doc in held] == ["set0", "set2"]
    kept, cuts = data.cross_validate(documents, folds)
    assert sorted(cuts) == ["set0", "set2"]  # set1 and set3 are never held out
    assert [len(k) for k in kept] == [len(doc.facts) for doc in held]
    probabilities = data.out_of_fold(documents, folds=folds)
    assert len(probabilities) == len(held)
    # set0's probabilities come from the model fitted on set1, set2 and set3
    names, weights, intercept = data.fit(documents[1:])
    (expected,) = data.predict([documents[0]], names, weights, intercept)
    assert np.allclose(probabilities[0], expected)
    # with no folds named, every set is held out in turn, as before
    assert len(data.out_of_fold(documents)) == len(documents)
    assert sorted(data.cross_validate(documents)[1]) == ["set0", "set1", "set2", "set3"]
    with pytest.raises(ValueError, match="set9"):
        data.cross_validate(documents, ("set9",))
    report = benchmark._folds_report(documents, folds, "all features")
    assert (
        "Leave one set out over set0, set2 (2 texts), each fold also trained on 2 other sets"
        in report
    )
    assert "| set0 | 1 | " in report
    assert "| 3 | 6 | 3 |" in report  # each fold: three texts, six proposals, three wrong
    assert "- set2: AUC over 2 proposals (1 wrong)" in report


def test_the_fold_options_name_groups_of_sets_and_refuse_mixed_designs(
    benchmark: ModuleType, data: ModuleType
) -> None:
    assert benchmark._sets(["fresh"]) == data.FRESH_SETS
    assert benchmark._sets(["fresh", "ingest_heldout14"]) == data.FRESH_SETS
    assert benchmark._sets(["development"]) == data.DEVELOPMENT_SETS
    assert tuple(f"ingest_heldout{n}" for n in (14, 15, 16, 17)) == data.FRESH_SETS
    assert benchmark.FEATURE_SETS["small"] in benchmark.VARIANTS
    with pytest.raises(SystemExit):
        benchmark.main(["--folds", "fresh", "--held-out"])
    with pytest.raises(SystemExit):
        benchmark.main(["--folds", "fresh", "--train-sets", "ingest_heldout15"])


def test_apply_to_fits_once_on_the_training_sets_and_scores_the_others(
    data: ModuleType, benchmark: ModuleType, kb: KnowledgeBase
) -> None:
    documents = _fixture_documents(data, kb, sets=4)
    training, applied = documents[:3], documents[3:]
    report = benchmark._applied_report(training, applied, "all features")
    assert "Fitted on 3 sets (3 texts, 6 proposals, 3 wrong), applied once to set3 (1 texts)" in (
        report
    )
    assert "trained on: set0, set1, set2" in report
    assert "- set3: AUC over 2 proposals (1 wrong)" in report
    with pytest.raises(SystemExit):
        benchmark.main(["--apply-to", "ingest_heldout29"])  # nothing to train on
    with pytest.raises(SystemExit):
        benchmark.main(["--apply-to", "x", "--train-sets", "y", "--folds", "z"])


@pytest.mark.parametrize(
    ("written", "precision"),
    [
        ("2021-06-03", DatePrecision.DAY),
        ("2021-06", DatePrecision.MONTH),
        ("2021", DatePrecision.YEAR),
    ],
)
def test_the_scoring_passes_a_texts_date_at_the_precision_its_front_matter_gives(
    data: ModuleType, written: str, precision: DatePrecision
) -> None:
    quality = evaluation_module("ingest_quality")
    day, given = quality._publication(written)
    assert given is precision
    assert day is not None
    assert day.year == 2021
