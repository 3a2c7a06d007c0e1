"""Rules alone against rules plus the learned proposal scorer, by kind and overall.

Usage: .venv/bin/python benchmarks/proposal_scorer.py [--held-out] [--variants]
       .venv/bin/python benchmarks/proposal_scorer.py --folds fresh [--train-sets development]
           [--features small]
       .venv/bin/python benchmarks/proposal_scorer.py --train-sets SET... --apply-to SET...

Two tables, each side by side (rules alone | rules + scorer: precision, recall, F1):

1. Leave one development set out over the fourteen development sets: fit on thirteen,
   choose the cut on those thirteen (the one that maximises F1 on their own
   leave-one-set-out probabilities), drop the held set's proposals below it, score the
   held set; the fourteen held sets' counts are pooled.
2. With ``--held-out`` only: the model fitted on all fourteen, its cut chosen on them the
   same way, applied once to ``ingest_heldout14`` and ``ingest_heldout15`` together. Those
   two sets are never used to fit, to choose the cut or to choose the features.

Below each table: the cut(s), and how well each score ranks right proposals above wrong
ones (AUC: the rules' confidence, the scorer's probability). ``--variants`` adds, on the
development sets only, the leave-one-set-out AUC of smaller feature sets and other penalties.

``--folds`` names other sets to hold out one at a time (``fresh``: ``ingest_heldout14`` …
``ingest_heldout17``, the sets scored fresh), in place of the development sets; each fold is
fitted on the other sets of ``--folds`` and on every set of ``--train-sets`` (``development``:
the fourteen development sets), which are never held out; the cut is chosen inside the
training sets as above. ``--features`` keeps one of the smaller feature sets of
``--variants`` (``small``: the rules' confidence, the kind, flags and comparison). With
``--folds`` the table is followed by each fold's cut and training size, and the AUC within
each held set. The model file is not touched.

``--apply-to`` fits once on ``--train-sets`` (the cut chosen on them as above) and applies the
model once to the named sets together: the table, the cut, and the AUC overall and per set.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy.stats import rankdata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evaluation"))  # the evaluation folder is not a package

from ingest_matching import Score  # noqa: E402
from proposal_scorer_data import (  # noqa: E402
    DEVELOPMENT_SETS,
    FRESH_SETS,
    HELD_OUT_SETS,
    WRONG,
    ReadDocument,
    choose_threshold,
    cross_validate,
    fit,
    in_folds,
    out_of_fold,
    predict,
    read_sets,
    score_kept,
)

from caravan.model.proposals import FactKind  # noqa: E402

#: Names of whole groups of sets, for ``--folds`` and ``--train-sets``.
SET_GROUPS = {"development": DEVELOPMENT_SETS, "fresh": FRESH_SETS}


def main(argv: Sequence[str] | None = None) -> int:
    """Print the cross-validation table, and the held-out one when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--held-out", action="store_true", help="also score ingest_heldout14 and 15 once"
    )
    parser.add_argument(
        "--variants", action="store_true", help="AUC of other feature sets and penalties"
    )
    parser.add_argument(
        "--folds",
        nargs="+",
        metavar="SET",
        help="sets to hold out one at a time (or 'fresh', 'development'); default the"
        " development sets",
    )
    parser.add_argument(
        "--train-sets",
        nargs="+",
        default=[],
        metavar="SET",
        help="sets added to every fold's training, never held out (or 'development')",
    )
    parser.add_argument(
        "--apply-to",
        nargs="+",
        metavar="SET",
        help="fit once on --train-sets (cut chosen on them) and apply once to these sets",
    )
    parser.add_argument(
        "--features",
        choices=sorted(FEATURE_SETS),
        default="all",
        help="the feature set (default: all features, as the shipped scorer)",
    )
    args = parser.parse_args(argv)
    if args.apply_to:
        if args.folds or args.held_out or args.variants or not args.train_sets:
            parser.error("--apply-to goes with --train-sets alone")
        keep = VARIANTS[FEATURE_SETS[args.features]]
        training = _keep_features(read_sets(_sets(args.train_sets)), keep)
        applied = _keep_features(read_sets(_sets(args.apply_to)), keep)
        print(_applied_report(training, applied, FEATURE_SETS[args.features]))
        return 0
    if args.folds is None and not args.train_sets and args.features == "all":
        return _development(held_out=args.held_out, variants=args.variants)
    if args.held_out or args.variants:
        parser.error("--held-out and --variants go with the development cross-validation only")
    folds = _sets(args.folds or ["development"])
    train_sets = _sets(args.train_sets)
    if overlap := set(folds) & set(train_sets):
        parser.error(f"sets both held out and always trained on: {sorted(overlap)}")
    documents = _keep_features(
        read_sets([*folds, *train_sets]), VARIANTS[FEATURE_SETS[args.features]]
    )
    print(_folds_report(documents, folds, FEATURE_SETS[args.features]))
    return 0


def _sets(names: Sequence[str]) -> tuple[str, ...]:
    """Set names, a group's name standing for its sets; each once, in order."""
    result: list[str] = []
    for name in names:
        for set_name in SET_GROUPS.get(name, (name,)):
            if set_name not in result:
                result.append(set_name)
    return tuple(result)


def _development(*, held_out: bool, variants: bool) -> int:
    """The protocol on the fourteen development sets (and once on heldout14 + 15)."""
    development = read_sets(DEVELOPMENT_SETS)
    kept, cuts = cross_validate(development)
    print(f"## Leave one set out over the {len(cuts)} development sets ({len(development)} texts)")
    print()
    print(_table(development, kept))
    print()
    print("cut chosen inside each fold: " + ", ".join(f"{s} {c:.3f}" for s, c in cuts.items()))
    probabilities = out_of_fold(development)
    print(_ranking(development, probabilities))
    if variants:
        print()
        print(_variants(development))
    if held_out:
        held = read_sets(HELD_OUT_SETS)
        cut = choose_threshold(development, probabilities)
        names, weights, intercept = fit(development)
        scores = predict(held, names, weights, intercept)
        print()
        print(
            f"## Fitted on all fourteen, applied once to {' + '.join(HELD_OUT_SETS)}"
            f" ({len(held)} texts, never used in training)"
        )
        print()
        print(_table(held, [[bool(v >= cut) for v in p] for p in scores]))
        print()
        print(f"cut chosen on the fourteen development sets: {cut:.3f}")
        print(_ranking(held, scores))
    return 0


def _folds_report(documents: Sequence[ReadDocument], folds: Sequence[str], features: str) -> str:
    """Leave one set of ``folds`` out, the other documents trained on in every fold."""
    kept, cuts = cross_validate(documents, folds)
    held = in_folds(documents, folds)
    always = sorted({doc.set_name for doc in documents} - set(folds))
    lines = [
        f"## Leave one set out over {', '.join(sorted(folds))} ({len(held)} texts)"
        + (f", each fold also trained on {len(always)} other sets" if always else ""),
        "",
        f"features: {features}",
        "",
        _table(held, kept),
        "",
        "| held set | texts | cut | trained on: texts | proposals | wrong |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, cut in cuts.items():
        training = [doc for doc in documents if doc.set_name != name]
        proposals = sum(len(doc.right) for doc in training)
        wrong = sum(1 for doc in training for label in doc.right if label == WRONG)
        texts = sum(1 for doc in held if doc.set_name == name)
        lines.append(f"| {name} | {texts} | {cut:.3f} | {len(training)} | {proposals} | {wrong} |")
    probabilities = out_of_fold(documents, folds=folds)
    lines += ["", _ranking(held, probabilities)]
    for name in sorted(cuts):
        chosen = [i for i, doc in enumerate(held) if doc.set_name == name]
        lines.append(
            f"- {name}: " + _ranking([held[i] for i in chosen], [probabilities[i] for i in chosen])
        )
    return "\n".join(lines)


def _applied_report(
    training: Sequence[ReadDocument], applied: Sequence[ReadDocument], features: str
) -> str:
    """Fitted once on ``training`` (its cut chosen on their leave-one-set-out probabilities),
    applied once to ``applied``, which no fit or choice has read."""
    cut = choose_threshold(training, out_of_fold(training))
    names, weights, intercept = fit(training)
    scores = predict(applied, names, weights, intercept)
    trained = sorted({doc.set_name for doc in training})
    sets = sorted({doc.set_name for doc in applied})
    wrong = sum(1 for doc in training for label in doc.right if label == WRONG)
    proposals = sum(len(doc.right) for doc in training)
    lines = [
        f"## Fitted on {len(trained)} sets ({len(training)} texts, {proposals} proposals,"
        f" {wrong} wrong), applied once to {' + '.join(sets)} ({len(applied)} texts)",
        "",
        f"features: {features}; trained on: {', '.join(trained)}",
        "",
        _table(applied, [[bool(v >= cut) for v in p] for p in scores]),
        "",
        f"cut chosen on the training sets: {cut:.3f}",
        _ranking(applied, scores),
    ]
    for name in sets:
        chosen = [i for i, doc in enumerate(applied) if doc.set_name == name]
        lines.append(
            f"- {name}: " + _ranking([applied[i] for i in chosen], [scores[i] for i in chosen])
        )
    return "\n".join(lines)


def _keep_features(
    documents: Sequence[ReadDocument], keep: Callable[[str], bool]
) -> list[ReadDocument]:
    """The documents with only the features ``keep`` accepts."""
    return [
        dataclasses.replace(
            doc, features=tuple({k: v for k, v in f.items() if keep(k)} for f in doc.features)
        )
        for doc in documents
    ]


#: Smaller feature sets tried in the cross-validation: which feature names each keeps.
VARIANTS: dict[str, Callable[[str], bool]] = {
    "all features": lambda name: True,
    "without near words": lambda name: "near=" not in name,
    "without kind crosses": lambda name: "|" not in name,
    "without either": lambda name: "|" not in name and "near=" not in name,
    "confidence, kind, flags, comparison": lambda name: (
        "|" not in name and name.startswith(("confidence", "kind=", "flag=", "disposition="))
    ),
    "confidence alone": lambda name: name == "confidence",
}
#: ``--features``: short names of the feature sets of :data:`VARIANTS`.
FEATURE_SETS = {
    "all": "all features",
    "no-near": "without near words",
    "no-crosses": "without kind crosses",
    "no-either": "without either",
    "small": "confidence, kind, flags, comparison",
    "confidence": "confidence alone",
}


def _variants(development: Sequence[ReadDocument]) -> str:
    """Leave-one-set-out AUC of each feature set under each penalty (development sets only)."""
    penalties = (0.001, 0.01, 0.1, 1.0)
    lines = [
        "| features (leave-one-set-out AUC) | " + " | ".join(f"L2 {p}" for p in penalties) + " |",
        "|---|" + "--:|" * len(penalties),
    ]
    right = np.concatenate([np.array(doc.right) for doc in development])
    for name, keep in VARIANTS.items():
        documents = _keep_features(development, keep)
        cells = [
            f"{_auc(np.concatenate(out_of_fold(documents, penalty)), right):.2f}"
            for penalty in penalties
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _table(documents: Sequence[ReadDocument], kept: Sequence[Sequence[bool]]) -> str:
    rules = score_kept(documents, [[True] * len(doc.facts) for doc in documents])
    scored = score_kept(documents, kept)
    lines = [
        "| scope | labelled | rules: proposed | P | R | F1 | + scorer: proposed | P | R | F1 |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for scope in [*(k.value for k in FactKind), "all"]:
        a, b = rules[scope], scored[scope]
        lines.append(
            f"| {scope} | {a.true_positives + a.false_negatives} | {_cells(a)} | {_cells(b)} |"
        )
    return "\n".join(lines)


def _cells(s: Score) -> str:
    proposed = s.true_positives + s.false_positives
    return f"{proposed} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f}"


def _ranking(documents: Sequence[ReadDocument], probabilities: Sequence[np.ndarray]) -> str:
    right = np.concatenate([np.array(doc.right) for doc in documents] or [np.zeros(0)])
    confidence = np.array([f.confidence for doc in documents for f in doc.facts])
    learned = np.concatenate(list(probabilities) or [np.zeros(0)])
    wrong = int(len(right) - right.sum())
    return (
        f"AUC over {len(right)} proposals ({wrong} wrong): rules' confidence"
        f" {_auc(confidence, right):.2f}, scorer {_auc(learned, right):.2f}"
    )


def _auc(score: np.ndarray, right: np.ndarray) -> float:
    """The chance that a right proposal scores above a wrong one (ties count half)."""
    positives = int(right.sum())
    negatives = len(right) - positives
    if not positives or not negatives:
        return float("nan")
    ranks = rankdata(score)
    return float(
        (ranks[right == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


if __name__ == "__main__":
    sys.exit(main())
