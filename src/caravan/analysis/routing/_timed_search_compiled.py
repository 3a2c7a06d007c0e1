"""The time search compiled: ``_timed_search_kernels``' own functions run by numba.

Each function is compiled from the plain module's code with the drivers' rule and the
other kernels it calls bound to their compiled versions (``_road_trip_steps``), so both
modes run one source. Loading this module loads numba and, on first use, the machine code
from numba's disk cache: skims and processes running many searches import it.
"""

from __future__ import annotations

from typing import Any

from caravan.analysis.routing import _road_trip_steps as steps
from caravan.analysis.routing import _timed_search_kernels as plain

__all__ = ["best_paths", "path_edges", "path_length", "search", "structure_block"]

_namespace: dict[str, Any] = dict(vars(plain))
_namespace.update(branch_rows=steps.branch_rows, covers=steps.covers,
                  drive_outcomes=steps.drive_outcomes, stop_outcomes=steps.stop_outcomes)  # fmt: skip
for _kernel in plain.KERNELS:
    steps.compile_from(_kernel, _namespace)

search = _namespace["search"]
best_paths = _namespace["best_paths"]
structure_block = _namespace["structure_block"]
#: ``_path``: the edges from the origin to a label, in travel order (for other kernels).
path_edges = _namespace["_path"]
#: ``_path_length``: the number of edges from the origin to a label (for other kernels).
path_length = _namespace["_path_length"]
