"""A sweep specification: two scenarios, uncertain inputs with stated ranges, outputs to collect.

A sweep asks one comparison (scenario ``a`` against scenario ``b``) many times, each time
with the uncertain inputs drawn from their ranges, and reports the outputs' distributions.
The TOML format is described in ``docs/sweeps.md``; every range cites a source or an
assumption (``source``) and says where it comes from (``note``), as scenario rows do.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from caravan.analysis.routing import Weight
from caravan.model import Assumption, LinkMode, Source

__all__ = [
    "ChoiceDistribution",
    "Distribution",
    "InputKind",
    "OutputKind",
    "OutputQuantity",
    "Sampling",
    "SamplingMethod",
    "Side",
    "SweepInput",
    "SweepOutput",
    "SweepSpec",
    "TriangularDistribution",
    "UniformDistribution",
]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
SourceRef = Annotated[str, Field(pattern=r"^(src|asm)-[a-z0-9]+(-[a-z0-9]+)*$")]

#: Most draws one sweep may hold (a grid's product counts too).
MAX_DRAWS = 100_000


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class UniformDistribution(_Spec):
    """Every value between ``low`` and ``high`` equally likely."""

    kind: Literal["uniform"]
    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> UniformDistribution:
        if not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        return self


class TriangularDistribution(_Spec):
    """Values between ``low`` and ``high``, most likely at ``mode``."""

    kind: Literal["triangular"]
    low: float
    mode: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> TriangularDistribution:
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise ValueError(
                f"need low <= mode <= high and low < high (got {self.low}, {self.mode}, "
                f"{self.high})"
            )
        return self


class ChoiceDistribution(_Spec):
    """One of ``values``, with ``weights`` (equal when omitted)."""

    kind: Literal["choice"]
    values: tuple[float, ...] = Field(min_length=1)
    weights: tuple[float, ...] | None = None

    @model_validator(mode="after")
    def _weights_fit(self) -> ChoiceDistribution:
        if self.weights is not None:
            if len(self.weights) != len(self.values):
                raise ValueError(
                    f"{len(self.weights)} weights for {len(self.values)} values; give one each"
                )
            if any(w < 0 for w in self.weights) or sum(self.weights) <= 0:
                raise ValueError("weights must be non-negative with a positive sum")
        return self


Distribution = Annotated[
    UniformDistribution | TriangularDistribution | ChoiceDistribution,
    Field(discriminator="kind"),
]


class InputKind(StrEnum):
    """What an uncertain input changes in the drawn scenarios."""

    CROSSING_TIME_FACTOR = "crossing_time_factor"
    CROSSING_COST_FACTOR = "crossing_cost_factor"
    LINK_SPEED_KPH = "link_speed_kph"
    RATE_USD_PER_TEU_KM = "rate_usd_per_teu_km"
    PROJECT_OPENING_YEAR = "project_opening_year"
    PROJECT_DELAY_MONTHS = "project_delay_months"


class Side(StrEnum):
    """Which scenario of the comparison an input applies to."""

    A = "a"
    B = "b"
    BOTH = "both"


#: Bounds of each input kind's values (checked against the distribution's range).
_BOUNDS: dict[InputKind, tuple[float, float]] = {
    InputKind.CROSSING_TIME_FACTOR: (1e-6, 100.0),
    InputKind.CROSSING_COST_FACTOR: (1e-6, 100.0),
    InputKind.LINK_SPEED_KPH: (1e-6, 200.0),
    InputKind.RATE_USD_PER_TEU_KM: (1e-6, 100.0),
    InputKind.PROJECT_OPENING_YEAR: (1900.0, 2200.0),
    InputKind.PROJECT_DELAY_MONTHS: (1.0, 600.0),
}


class SweepInput(_Spec):
    """One uncertain input: what it changes, its range, and where the range comes from.

    ``ids`` are crossing ids (``bcp-…``, or ``*``) for clearance factors, link ids for
    speeds, project ids for openings and delays; a rate names ``mode`` and optionally
    ``country_id`` instead. One drawn value applies to every id listed.
    """

    name: Slug = Field(description="Short name; the draw tables have a column of this name.")
    kind: InputKind
    ids: tuple[str, ...] = Field((), description="Ids the drawn value applies to.")
    mode: LinkMode | None = Field(None, description="Rates only: rail or road.")
    country_id: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = Field(
        None, description="Rates only: the country (empty: the regional rate)."
    )
    side: Side = Field(Side.BOTH, description="a, b or both scenarios.")
    distribution: Distribution
    note: str = Field(min_length=10, description="Where the range comes from, in a sentence.")
    source: tuple[SourceRef, ...] = Field(min_length=1, description="Sources or assumptions.")

    @model_validator(mode="after")
    def _fits_kind(self) -> SweepInput:
        if self.kind == InputKind.RATE_USD_PER_TEU_KM:
            if self.mode is None or self.ids:
                raise ValueError("a rate takes mode (and optionally country_id), not ids")
        elif not self.ids:
            raise ValueError(f"{self.kind.value} needs ids")
        elif self.mode is not None or self.country_id is not None:
            raise ValueError("mode and country_id apply to rates only")
        if "*" in self.ids and self.kind not in (
            InputKind.CROSSING_TIME_FACTOR,
            InputKind.CROSSING_COST_FACTOR,
        ):
            raise ValueError("'*' (every crossing) applies to clearance factors only")
        integral = self.kind in (InputKind.PROJECT_OPENING_YEAR, InputKind.PROJECT_DELAY_MONTHS)
        if integral and not isinstance(self.distribution, ChoiceDistribution):
            raise ValueError(f"{self.kind.value} takes a choice of whole numbers")
        values = _range_of(self.distribution)
        if integral and any(v != int(v) for v in values):
            raise ValueError(f"{self.kind.value} takes whole numbers (got {values})")
        low, high = _BOUNDS[self.kind]
        if min(values) < low or max(values) > high:
            raise ValueError(
                f"{self.kind.value} must stay within {low:g}..{high:g} "
                f"(range {min(values):g}..{max(values):g})"
            )
        return self


def _range_of(
    distribution: UniformDistribution | TriangularDistribution | ChoiceDistribution,
) -> tuple[float, ...]:
    if isinstance(distribution, ChoiceDistribution):
        return distribution.values
    return (distribution.low, distribution.high)


class OutputKind(StrEnum):
    """What an output reads from a draw's comparison."""

    PAIR = "pair"
    COUNTRY_PAIR = "country_pair"
    TRADE_WEIGHTED = "trade_weighted"


class OutputQuantity(StrEnum):
    """A quantity of a pair or of a mean change."""

    TIME_H = "time_h"
    COST_USD = "cost_usd"
    LENGTH_KM = "length_km"
    GENERALISED_USD = "generalised_usd"
    TIME_PCT = "time_pct"
    COST_PCT = "cost_pct"


class SweepOutput(_Spec):
    """A number collected from every draw (changes are ``b − a``: negative is a saving).

    ``pair``: one origin–destination pair's change, or its level on side ``a``/``b``
    (``statistic``); ``country_pair``: the mean change over the place pairs of two
    countries (cities and ports); ``trade_weighted``: China's country pairs' mean change
    weighted by China's customs' trade (the comparison's headline).
    """

    name: Slug = Field(description="Column name in the draw and summary tables.")
    kind: OutputKind
    quantity: OutputQuantity
    origin: str | None = Field(None, description="pair: origin place (name or id).")
    destination: str | None = Field(None, description="pair: destination place.")
    statistic: Literal["change", "a", "b"] = Field(
        "change", description="pair: b − a, or the level on side a or b."
    )
    countries: tuple[str, str] | None = Field(None, description="country_pair: two country ids.")
    note: str | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> SweepOutput:
        is_pair = self.kind == OutputKind.PAIR
        if is_pair != (self.origin is not None and self.destination is not None):
            raise ValueError("origin and destination go with (and only with) kind = 'pair'")
        if (self.kind == OutputKind.COUNTRY_PAIR) != (self.countries is not None):
            raise ValueError("countries go with (and only with) kind = 'country_pair'")
        percent = self.quantity in (OutputQuantity.TIME_PCT, OutputQuantity.COST_PCT)
        if is_pair and percent:
            raise ValueError("a pair reports time_h, cost_usd, length_km or generalised_usd")
        if not is_pair and self.statistic != "change":
            raise ValueError("only a pair output reports levels (statistic 'a' or 'b')")
        if not is_pair and self.quantity == OutputQuantity.GENERALISED_USD:
            raise ValueError("mean changes cover time_h, cost_usd, length_km, time_pct, cost_pct")
        if self.kind == OutputKind.TRADE_WEIGHTED and self.quantity == OutputQuantity.LENGTH_KM:
            raise ValueError("the trade-weighted change covers time and cost only")
        return self


class SamplingMethod(StrEnum):
    """Monte Carlo (seeded random draws) or a grid over every input."""

    MONTE_CARLO = "monte_carlo"
    GRID = "grid"


class Sampling(_Spec):
    """How draws are made: ``draws`` seeded random ones, or a grid of ``points`` per input."""

    method: SamplingMethod = SamplingMethod.MONTE_CARLO
    draws: int | None = Field(None, ge=1, le=MAX_DRAWS, description="Monte Carlo draws.")
    seed: int = Field(0, ge=0, description="Seed: equal seeds draw equal values.")
    points: int = Field(3, ge=2, le=50, description="Grid: points per continuous input.")

    @model_validator(mode="after")
    def _complete(self) -> Sampling:
        if self.method == SamplingMethod.MONTE_CARLO and self.draws is None:
            raise ValueError("monte_carlo sampling needs draws")
        if self.method == SamplingMethod.GRID and self.draws is not None:
            raise ValueError("a grid's draws are the product of its points; omit draws")
        return self


class SweepSpec(_Spec):
    """A sweep: scenarios ``a`` and ``b`` compared on ``date`` under drawn inputs."""

    name: Slug = Field(description="Sweep name, e.g. `cku-saving`.")
    description: str = Field(min_length=10, description="What the sweep asks, in a sentence.")
    a: str = Field(min_length=1, description="Scenario a: a built-in name or a TOML path.")
    b: str = Field(min_length=1, description="Scenario b, compared with a.")
    date: dt.date = Field(description="Date every draw's networks are compiled on.")
    by: Weight = Field(Weight.GENERALISED, description="Best routes minimise this.")
    modes: tuple[LinkMode, ...] | None = Field(
        None, min_length=1, description="Modes routes may use (default: every mode)."
    )
    sampling: Sampling
    input: tuple[SweepInput, ...] = Field(min_length=1)
    output: tuple[SweepOutput, ...] = Field(min_length=1)
    sources: tuple[SourceRef, ...] = ()
    new_sources: tuple[Source, ...] = ()
    new_assumptions: tuple[Assumption, ...] = ()

    @model_validator(mode="after")
    def _names_unique(self) -> SweepSpec:
        names = [i.name for i in self.input] + [o.name for o in self.output]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"input and output names must be unique; repeated: {repeated}")
        if "draw" in names:
            raise ValueError("'draw' is reserved for the draw number")
        if self.sampling.method == SamplingMethod.GRID:
            count = 1
            for item in self.input:
                count *= _grid_size(item.distribution, self.sampling.points)
            if count > MAX_DRAWS:
                raise ValueError(f"the grid has {count} draws; at most {MAX_DRAWS}")
            weighted = [
                i.name
                for i in self.input
                if isinstance(i.distribution, ChoiceDistribution) and i.distribution.weights
            ]
            if weighted:
                raise ValueError(f"weights apply to monte_carlo sampling only (inputs {weighted})")
        return self

    def draw_count(self) -> int:
        """How many draws the sweep makes."""
        if self.sampling.draws is not None:
            return self.sampling.draws
        count = 1
        for item in self.input:
            count *= _grid_size(item.distribution, self.sampling.points)
        return count


def _grid_size(
    distribution: UniformDistribution | TriangularDistribution | ChoiceDistribution, points: int
) -> int:
    return len(distribution.values) if isinstance(distribution, ChoiceDistribution) else points
