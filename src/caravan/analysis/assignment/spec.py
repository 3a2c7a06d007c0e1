"""What an assignment is asked to do: a frozen, validated spec with Enum names.

An :class:`AssignmentSpec` is passed to :func:`caravan.analysis.assignment.assign`; it is
never mutated, so the same spec reproduces the same run.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Algorithm", "AssignmentSpec", "OnMiss"]


class Algorithm(StrEnum):
    """Traffic assignment algorithms (see ``docs/assignment.md``)."""

    #: One loading of all demand on the shortest paths at free-flow cost (not an equilibrium).
    ALL_OR_NOTHING = "all_or_nothing"
    #: Method of successive averages: step 1/k towards the all-or-nothing loading.
    MSA = "msa"
    #: Frank–Wolfe with an exact line search on the Beckmann objective.
    FRANK_WOLFE = "frank_wolfe"
    #: Conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013).
    CONJUGATE_FRANK_WOLFE = "conjugate_frank_wolfe"
    #: Bi-conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013).
    BICONJUGATE_FRANK_WOLFE = "biconjugate_frank_wolfe"
    #: Path-based gradient projection with column generation (Jayakrishnan et al. 1994);
    #: on compiled per-pair kernels (BPR and queue links) when numba is importable.
    GRADIENT_PROJECTION = "gradient_projection"


class OnMiss(StrEnum):
    """What happens when the target gap is not reached within the iteration limit."""

    #: Raise :class:`~caravan.analysis.assignment.ConvergenceError` (carrying the result).
    RAISE = "raise"
    #: Return the result and emit a :class:`~caravan.analysis.assignment.ConvergenceWarning`.
    WARN = "warn"


class AssignmentSpec(BaseModel):
    """How to assign: the algorithm, the relative gap to reach and the iteration limit.

    ``target_gap`` is the relative gap (total cost minus shortest-path cost, over total
    cost) at which a run stops; ``max_iterations`` counts iterates (the first is the
    all-or-nothing loading at free flow). All-or-nothing is a single iterate: its gap is
    reported and checked like any other (set ``target_gap=1`` to accept any loading).
    ``compiled=False`` runs gradient projection's array version instead of its compiled
    kernels (the same equilibrium; for comparison and benchmarks).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    algorithm: Algorithm = Algorithm.BICONJUGATE_FRANK_WOLFE
    target_gap: float = Field(default=1e-4, gt=0.0, le=1.0, description="relative gap to reach")
    max_iterations: int = Field(default=1000, ge=1, description="iterates at most")
    on_miss: OnMiss = OnMiss.RAISE
    compiled: bool = Field(
        default=True, description="gradient projection on compiled kernels when numba loads"
    )
