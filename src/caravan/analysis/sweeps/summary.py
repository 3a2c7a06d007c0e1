"""Distributions of a sweep's outputs: median, 10th–90th percentile, mean, min and max.

A draw where an output has no value (no route on a side) is counted apart, not as zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from caravan.analysis.sweeps.evaluate import DrawResult
from caravan.analysis.sweeps.spec import SweepSpec

__all__ = ["OutputSummary", "save_summaries", "summarise"]


class OutputSummary(BaseModel):
    """One output's distribution over the draws that have a value."""

    model_config = ConfigDict(frozen=True)

    output: str
    kind: str
    quantity: str
    draws: int = Field(description="Draws with a value.")
    missing: int = Field(description="Draws without one (no route on a side).")
    median: float | None
    p10: float | None = Field(description="10th percentile.")
    p90: float | None = Field(description="90th percentile.")
    mean: float | None
    min: float | None
    max: float | None


def summarise(spec: SweepSpec, results: Sequence[DrawResult]) -> list[OutputSummary]:
    """Each output's distribution over ``results``, in the spec's order."""
    summaries = []
    for output in spec.output:
        values = np.array([r.outputs[output.name] for r in results], dtype=np.float64)
        finite = values[np.isfinite(values)]
        stats: dict[str, float | None] = dict.fromkeys(
            ("median", "p10", "p90", "mean", "min", "max")
        )
        if finite.size:
            p10, median, p90 = np.percentile(finite, [10, 50, 90])
            stats = {
                "median": float(median),
                "p10": float(p10),
                "p90": float(p90),
                "mean": float(finite.mean()),
                "min": float(finite.min()),
                "max": float(finite.max()),
            }
        summaries.append(
            OutputSummary(
                output=output.name,
                kind=output.kind.value,
                quantity=output.quantity.value,
                draws=int(finite.size),
                missing=int(values.size - finite.size),
                **stats,
            )
        )
    return summaries


def save_summaries(summaries: Sequence[OutputSummary], folder: Path) -> list[Path]:
    """``summary.parquet`` and ``summary.csv`` in ``folder``, each written atomically."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    from caravan.store.export import atomic_output

    rows = [s.model_dump() for s in summaries]
    fields = list(OutputSummary.model_fields)
    table = pa.table({name: [row[name] for row in rows] for name in fields})
    parquet, csv = folder / "summary.parquet", folder / "summary.csv"
    with atomic_output(parquet) as temporary:
        pq.write_table(table, temporary)
    with atomic_output(csv) as temporary:
        pa_csv.write_csv(table, temporary)
    return [parquet, csv]
