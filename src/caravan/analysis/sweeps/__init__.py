"""Scenario sweeps: a comparison asked many times under inputs drawn from stated ranges.

A sweep spec (TOML, :mod:`caravan.analysis.sweeps.spec`) names scenarios ``a`` and ``b``,
the uncertain inputs with their distributions and sources, and the outputs to collect.
Each draw is two complete scenarios (:mod:`~caravan.analysis.sweeps.draws`); draws run as
tasks on Dask (:mod:`~caravan.analysis.sweeps.execution`), each finished one kept as
Parquet in a folder caravan owns (:mod:`~caravan.analysis.sweeps.folder`), and the outputs
are summarised as distributions (:mod:`~caravan.analysis.sweeps.summary`).
"""

from caravan.analysis.sweeps.evaluate import DrawResult
from caravan.analysis.sweeps.execution import SweepProgress, SweepRun, run_draws_in_loop, run_sweep
from caravan.analysis.sweeps.folder import SweepFolderError
from caravan.analysis.sweeps.loading import (
    PreparedSweep,
    SweepSpecError,
    builtin_sweep_names,
    load_sweep_spec,
    prepare_sweep,
)
from caravan.analysis.sweeps.sampling import draw_values
from caravan.analysis.sweeps.spec import SweepSpec
from caravan.analysis.sweeps.summary import OutputSummary

__all__ = [
    "DrawResult",
    "OutputSummary",
    "PreparedSweep",
    "SweepFolderError",
    "SweepProgress",
    "SweepRun",
    "SweepSpec",
    "SweepSpecError",
    "builtin_sweep_names",
    "draw_values",
    "load_sweep_spec",
    "prepare_sweep",
    "run_draws_in_loop",
    "run_sweep",
]
