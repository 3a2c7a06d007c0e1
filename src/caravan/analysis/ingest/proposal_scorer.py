"""A learned probability that a reviewer accepts a proposal, from the fitted model file.

The model is a logistic regression over :mod:`proposal_features`, fitted by
``evaluation/train_proposal_scorer.py`` and kept as ``proposal_scorer.json`` beside this
module (its features, weights, intercept, cut and the sets it was trained on). The file is
read once; scoring is a dot product.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from caravan.analysis.ingest.proposal_features import proposal_features
from caravan.analysis.ingest.readings import Reading
from caravan.model.proposals import DocumentMeta

__all__ = ["MODEL_FILE", "ProposalScorer", "default_scorer"]

#: The fitted model, beside this module.
MODEL_FILE = "proposal_scorer.json"


@dataclass(frozen=True)
class ProposalScorer:
    """Weights by feature name, an intercept, and the cut below which a proposal is doubtful."""

    features: tuple[str, ...]
    weights: np.ndarray
    intercept: float
    threshold: float
    trained_on: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, model: Mapping[str, Any]) -> ProposalScorer:
        """A scorer from the model file's content (``weights`` maps feature names to weights)."""
        weights: Mapping[str, float] = model["weights"]
        names = tuple(sorted(weights))
        return cls(
            features=names,
            weights=np.array([float(weights[n]) for n in names]),
            intercept=float(model["intercept"]),
            threshold=float(model["threshold"]),
            trained_on=tuple(model.get("trained_on", ())),
        )

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.features)}

    def probabilities(self, readings: Sequence[Reading], meta: DocumentMeta) -> list[float]:
        """Each proposal's probability of being accepted (features the model lacks count 0)."""
        if not readings:
            return []
        x = np.zeros((len(readings), len(self.features)))
        for row, features in enumerate(proposal_features(readings, meta)):
            for name, value in features.items():
                column = self._index.get(name)
                if column is not None:
                    x[row, column] = value
        z = x @ self.weights + self.intercept
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]

    def kept(self, readings: Sequence[Reading], meta: DocumentMeta) -> list[bool]:
        """Whether each proposal reaches the model's cut."""
        return [p >= self.threshold for p in self.probabilities(readings, meta)]


@functools.cache
def default_scorer() -> ProposalScorer:
    """The scorer fitted on the development sets, read from the package once."""
    text = resources.files("caravan.analysis.ingest").joinpath(MODEL_FILE).read_text("utf-8")
    return ProposalScorer.from_mapping(json.loads(text))
