"""Fit the proposal scorer on labelled sets and write its model file.

Usage: .venv/bin/python evaluation/train_proposal_scorer.py [--sets SET...] [--output PATH]

Reads every text of the sets (by default ``SCORER_SETS``: ``ingest_heldout14`` …
``ingest_heldout28``) and labels each proposal the rules make right or wrong with
``ingest_matching``; chooses the cut that maximises F1 on leave-one-set-out probabilities over
those sets; fits the logistic regression on all of them and writes
``src/caravan/analysis/ingest/proposal_scorer.json``: features, weights, intercept, cut, and
the sets trained on. No other set is read. The fit starts from zero weights and has one
optimum; weights are written rounded to six decimals, so the same corpus gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from proposal_scorer_data import (
    L2_PENALTY,
    MIN_FEATURE_COUNT,
    MIN_NEAR_COUNT,
    SCORER_SETS,
    WRONG,
    ReadDocument,
    choose_threshold,
    fit,
    out_of_fold,
    read_sets,
)

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src" / "caravan" / "analysis" / "ingest" / "proposal_scorer.json"


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the sets and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets", nargs="+", default=list(SCORER_SETS), metavar="SET", help="sets to fit on"
    )
    parser.add_argument("--output", type=Path, default=MODEL, help="where to write the model")
    args = parser.parse_args(argv)
    documents = read_sets(args.sets)
    model = train(documents)
    args.output.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{model['proposals']} proposals ({model['wrong']} wrong) from {model['texts']} texts"
        f" of {len(model['trained_on'])} sets; {len(model['weights'])} features;"
        f" cut {model['threshold']}; written to {args.output}"
    )
    return 0


def train(documents: Sequence[ReadDocument]) -> dict[str, Any]:
    """The model file's content for these labelled documents."""
    threshold = choose_threshold(documents, out_of_fold(documents))
    names, weights, intercept = fit(documents)
    return {
        "about": "Logistic regression: probability that a reviewer accepts a proposal"
        " (caravan.analysis.ingest.proposal_scorer). Written by"
        " evaluation/train_proposal_scorer.py.",
        "trained_on": sorted({doc.set_name for doc in documents}),
        "texts": len(documents),
        "proposals": sum(len(doc.facts) for doc in documents),
        "wrong": sum(1 for doc in documents for label in doc.right if label == WRONG),
        "l2_penalty": L2_PENALTY,
        "min_feature_count": MIN_FEATURE_COUNT,
        "min_near_count": MIN_NEAR_COUNT,
        "threshold": _rounded(threshold),
        "intercept": _rounded(intercept),
        "weights": {name: _rounded(w) for name, w in zip(names, np.asarray(weights), strict=True)},
    }


def _rounded(value: float) -> float:
    return round(float(value), 6) + 0.0  # + 0.0: no "-0.0" in the file


if __name__ == "__main__":
    sys.exit(main())
