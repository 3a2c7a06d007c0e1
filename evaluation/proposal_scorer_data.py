"""The labelled proposals the proposal scorer learns from: features and right or wrong.

Reads each text of a labelled set the way ``ingest_quality.py`` does, keeps every proposal
the rules make (before any scoring), and labels it by ``ingest_matching``: right when it
states a labelled fact (the one matched to a label, or a second reading of it), wrong when
it is a false positive. :func:`fit` and :func:`choose_threshold` are the model and its cut:
an L2-regularised logistic regression fitted with scipy's L-BFGS from zero weights (a convex
problem with one optimum, so the same data give the same weights), and the probability that
maximises F1 on proposals scored out of sample.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from ingest_labels import Document, ExpectedFact, load_corpus
from ingest_matching import DocumentScore, Score, score_document
from ingest_quality import read_labelled_text
from scipy.optimize import minimize

from caravan import Observatory
from caravan.analysis.ingest.proposal_features import NEAR_PREFIX, proposal_features
from caravan.analysis.ingest.readings import Reading, read_proposals
from caravan.model.proposals import FactKind, ProposedFact
from caravan.store import KnowledgeBase

__all__ = [
    "DEVELOPMENT_SETS",
    "FRESH_SETS",
    "HELD_OUT_SETS",
    "L2_PENALTY",
    "MIN_FEATURE_COUNT",
    "MIN_NEAR_COUNT",
    "SCORER_SETS",
    "ReadDocument",
    "choose_threshold",
    "cross_validate",
    "fit",
    "in_folds",
    "out_of_fold",
    "predict",
    "read_sets",
    "score_kept",
    "vocabulary",
]

ROOT = Path(__file__).resolve().parent.parent
#: The fourteen development sets (the rules were written on them).
DEVELOPMENT_SETS = (
    "ingest_corpus",
    "ingest_heldout",
    *(f"ingest_heldout{n}" for n in range(2, 14)),
)
#: Sets no rule has been written against: never used in training or in choosing anything.
HELD_OUT_SETS = ("ingest_heldout14", "ingest_heldout15")
#: The sets scored fresh (no rule written against them), for the experiment that trains on
#: their errors (``benchmarks/proposal_scorer.py --folds fresh``); the model file is not.
FRESH_SETS = (*HELD_OUT_SETS, "ingest_heldout16", "ingest_heldout17")
#: The sets the shipped model is fitted on: the fifteen latest sets read before the test declared
#: in docs/ingest.md, whose proposals hold the errors of the rules as they now are (165 wrong of
#: 556); never ``ingest_heldout29`` and later, which that test scored it on.
SCORER_SETS = tuple(f"ingest_heldout{n}" for n in range(14, 29))
#: The L2 penalty on the weights (not on the intercept), per training proposal.
L2_PENALTY = 0.01
#: A feature joins the model when this many training proposals carry it.
MIN_FEATURE_COUNT = 3
#: A near word joins the model when this many training proposals carry it.
MIN_NEAR_COUNT = 8

#: A proposal that matches a label (right), that is a false positive (wrong).
RIGHT, WRONG = 1, 0


@dataclass(frozen=True)
class ReadDocument:
    """One labelled text: its set, its labels, its proposals, their features and labels."""

    set_name: str
    document: Document
    facts: tuple[ProposedFact, ...]
    features: tuple[dict[str, float], ...]
    right: tuple[int, ...]  # RIGHT or WRONG for each proposal

    @property
    def expected(self) -> tuple[ExpectedFact, ...]:
        """The document's labels."""
        return self.document.expected


def read_sets(names: Iterable[str]) -> list[ReadDocument]:
    """Every text of the named sets (folders of ``evaluation/``), read and labelled."""
    result = []
    with tempfile.TemporaryDirectory() as folder:
        observatory = Observatory.open(Path(folder) / "kb.sqlite")
        try:
            for name in names:
                for document in load_corpus(ROOT / "evaluation" / name):
                    result.append(_read(observatory.kb, name, document))
        finally:
            observatory.close()
    return result


def _read(kb: KnowledgeBase, set_name: str, doc: Document) -> ReadDocument:
    """Read one text as ``ingest_quality.py`` does; label each proposal."""
    text, meta = read_labelled_text(doc)
    readings: list[Reading] = read_proposals(kb, text, meta)
    facts = tuple(r.fact for r in readings)
    score = score_document(doc.expected, facts)
    wrong = {id(f) for f in score.false_positives}
    return ReadDocument(
        set_name,
        doc,
        facts,
        tuple(proposal_features(readings, meta)),
        tuple(WRONG if id(f) in wrong else RIGHT for f in facts),
    )


def vocabulary(documents: Sequence[ReadDocument]) -> list[str]:
    """The features carried by enough training proposals, sorted by name."""
    counts: dict[str, int] = {}
    for doc in documents:
        for features in doc.features:
            for name in features:
                counts[name] = counts.get(name, 0) + 1
    return sorted(
        name
        for name, n in counts.items()
        if n >= (MIN_NEAR_COUNT if NEAR_PREFIX in name else MIN_FEATURE_COUNT)
    )


def _matrix(
    documents: Sequence[ReadDocument], names: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    index = {name: i for i, name in enumerate(names)}
    rows = [f for doc in documents for f in doc.features]
    x = np.zeros((len(rows), len(names)))
    for r, features in enumerate(rows):
        for name, value in features.items():
            column = index.get(name)
            if column is not None:
                x[r, column] = value
    y = np.array([label for doc in documents for label in doc.right], dtype=float)
    return x, y


def fit(
    documents: Sequence[ReadDocument], penalty: float = L2_PENALTY
) -> tuple[list[str], np.ndarray, float]:
    """The features, weights and intercept of the logistic regression on these proposals."""
    names = vocabulary(documents)
    x, y = _matrix(documents, names)
    n = max(1, len(y))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) / n + penalty / 2 * w @ w)
        residual = (p - y) / n
        gradient = np.concatenate([x.T @ residual + penalty * w, [residual.sum()]])
        return value, gradient

    start = np.zeros(len(names) + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    theta = np.asarray(result.x)
    return names, theta[:-1], float(theta[-1])


def predict(
    documents: Sequence[ReadDocument], names: Sequence[str], weights: np.ndarray, intercept: float
) -> list[np.ndarray]:
    """Each document's proposals' probabilities of being right."""
    result = []
    for doc in documents:
        x, _ = _matrix([doc], names)
        result.append(1.0 / (1.0 + np.exp(-(x @ weights + intercept))))
    return result


def score_kept(
    documents: Sequence[ReadDocument], kept: Sequence[Sequence[bool]]
) -> dict[str, Score]:
    """Precision and recall by kind (and ``all``) when only the kept proposals are made."""
    totals = {kind.value: Score() for kind in FactKind} | {"all": Score()}
    for doc, keep in zip(documents, kept, strict=True):
        facts = [f for f, k in zip(doc.facts, keep, strict=True) if k]
        score: DocumentScore = score_document(doc.expected, facts)
        for kind, counts in score.by_kind.items():
            totals[kind].add(counts)
            totals["all"].add(counts)
    return totals


def choose_threshold(
    documents: Sequence[ReadDocument], probabilities: Sequence[np.ndarray]
) -> float:
    """The cut that maximises F1 over these documents (the lowest such cut)."""
    labels = sum(len(doc.expected) for doc in documents)
    right = np.concatenate([np.array(doc.right) for doc in documents] or [np.zeros(0)])
    # a right proposal that only repeats a matched one earns nothing: count matched ones
    matched = np.concatenate([_matched_mask(doc) for doc in documents] or [np.zeros(0, dtype=bool)])
    p = np.concatenate(list(probabilities) or [np.zeros(0)])
    best, best_f1 = 0.0, -1.0
    for cut in sorted({0.0, *(float(v) for v in p)}):
        kept = p >= cut
        tp = int(np.sum(kept & matched))
        fp = int(np.sum(kept & (right == WRONG)))
        f1 = 2 * tp / (2 * tp + fp + (labels - tp)) if labels + fp else 0.0
        if f1 > best_f1 + 1e-12:
            best, best_f1 = cut, f1
    return best


def _matched_mask(doc: ReadDocument) -> np.ndarray:
    score = score_document(doc.expected, doc.facts)
    paired = {id(f) for _, f in score.matched}
    return np.array([id(f) in paired for f in doc.facts], dtype=bool)


def in_folds(
    documents: Sequence[ReadDocument], folds: Iterable[str] | None = None
) -> list[ReadDocument]:
    """The documents of the sets held out in turn (every set when ``folds`` is None), in order."""
    if folds is None:
        return list(documents)
    held = set(folds)
    return [doc for doc in documents if doc.set_name in held]


def _fold_names(documents: Sequence[ReadDocument], folds: Iterable[str] | None) -> list[str]:
    present = {doc.set_name for doc in documents}
    if folds is None:
        return sorted(present)
    names = sorted(set(folds))
    missing = [name for name in names if name not in present]
    if missing:
        raise ValueError(f"no documents of the folds {missing}")
    return names


def out_of_fold(
    documents: Sequence[ReadDocument],
    penalty: float = L2_PENALTY,
    folds: Iterable[str] | None = None,
) -> list[np.ndarray]:
    """Each held document's probabilities from a model fitted on the other sets.

    Leave one set out: each set of ``folds`` (every set when None) is held out in turn, the
    model fitted on all the other documents (those of sets outside ``folds`` are trained on in
    every fold). Aligned with :func:`in_folds` of the same arguments."""
    held_documents = in_folds(documents, folds)
    result: list[np.ndarray] = [np.zeros(0)] * len(held_documents)
    for held in _fold_names(documents, folds):
        training = [doc for doc in documents if doc.set_name != held]
        names, weights, intercept = fit(training, penalty)
        scored = [(i, doc) for i, doc in enumerate(held_documents) if doc.set_name == held]
        for (i, _), p in zip(
            scored, predict([d for _, d in scored], names, weights, intercept), strict=True
        ):
            result[i] = p
    return result


def cross_validate(
    documents: Sequence[ReadDocument], folds: Iterable[str] | None = None
) -> tuple[list[list[bool]], dict[str, float]]:
    """Leave one set out: fit on the other sets, choose the cut on them (from their own
    leave-one-set-out probabilities), keep the held set's proposals at or above it.

    Each set of ``folds`` (every set when None) is held out in turn; the sets outside it are
    trained on in every fold. Returns the kept proposals of each document of
    :func:`in_folds` (same arguments, same order) and each held set's cut."""
    held_documents = in_folds(documents, folds)
    kept: list[list[bool]] = [[] for _ in held_documents]
    cuts: dict[str, float] = {}
    for held in _fold_names(documents, folds):
        training = [doc for doc in documents if doc.set_name != held]
        cut = choose_threshold(training, out_of_fold(training))
        names, weights, intercept = fit(training)
        scored = [(i, doc) for i, doc in enumerate(held_documents) if doc.set_name == held]
        probabilities = predict([d for _, d in scored], names, weights, intercept)
        for (i, _), p in zip(scored, probabilities, strict=True):
            kept[i] = [bool(v >= cut) for v in p]
        cuts[held] = cut
    return kept, cuts
