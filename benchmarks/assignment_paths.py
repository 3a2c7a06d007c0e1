"""Time to tight relative gaps: gradient projection beside bi-conjugate Frank–Wolfe.

Usage::

    .venv/bin/python benchmarks/assignment_paths.py ../shared/data/tntp [--record]

On Sioux Falls each algorithm runs from scratch to relative gaps 1e-6, 1e-8 and 1e-10, and on
Chicago Sketch (its generalised cost) gradient projection alone (bi-conjugate FW takes
minutes to 1e-8 there); the networks are read from ../shared, never copied. The table gives the iterations, the gap reached, the
Beckmann objective, its difference from the published optimum and the wall time of
``assign()`` on one thread, after a warm-up solve. A run that misses its gap within the iteration limit is shown
with the gap it reached (``miss``). ``--record`` writes the table into
``benchmarks/RESULTS.md`` (section ``assignment_paths``) with the digest of the code measured.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from check_results import record_section

from caravan.analysis.assignment import (
    Algorithm,
    AssignmentResult,
    AssignmentSpec,
    ConvergenceError,
    assign,
    network_from_tntp,
)
from caravan.store.tntp import load_tntp_network, load_tntp_trips

SECTION = "assignment_paths"
MEASURED = ("src/caravan/analysis/assignment/*.py", "benchmarks/assignment_paths.py")
#: Published optimum of Sioux Falls' best-known flows (its README).
PUBLISHED = {"SiouxFalls": 42.31335287107440 * 1e5, "ChicagoSketch": 17313018.7387477}
FIXED_COST = {"ChicagoSketch": (0.04, 0.02)}
GAPS = (1e-6, 1e-8, 1e-10)
#: Per network, the algorithms run and their iteration limits.
ALGORITHMS = {
    "SiouxFalls": {Algorithm.BICONJUGATE_FRANK_WOLFE: 20_000, Algorithm.GRADIENT_PROJECTION: 2_000},
    "ChicagoSketch": {Algorithm.GRADIENT_PROJECTION: 2_000},
}


def run(folder: Path) -> str:
    """Solve each network to each gap with its algorithms; the table as Markdown."""
    lines = [
        "| network | algorithm | target gap | iterations | gap reached | objective | "
        "vs published | wall (s) | CPU (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, algorithms in ALGORITHMS.items():
        directory = folder / name
        network = network_from_tntp(
            load_tntp_network(directory / f"{name}_net.tntp"), *FIXED_COST.get(name, (0.0, 0.0))
        )
        trips = load_tntp_trips(directory / f"{name}_trips.tntp")
        warm_up = AssignmentSpec(algorithm=Algorithm.GRADIENT_PROJECTION, target_gap=1e-2)
        assign(network, trips, warm_up)  # imports and first-call costs stay out of the table
        published = PUBLISHED[name]
        for algorithm, limit in algorithms.items():
            for gap in GAPS:
                spec = AssignmentSpec(algorithm=algorithm, target_gap=gap, max_iterations=limit)
                start, cpu = time.perf_counter(), time.process_time()
                result: AssignmentResult
                try:
                    result = assign(network, trips, spec)
                    note = ""
                except ConvergenceError as error:
                    result, note = error.result, " (miss)"
                elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
                difference = abs(result.objective - published) / published
                lines.append(
                    f"| {name} | {algorithm.value} | {gap:.0e} | {result.iterations:,} | "
                    f"{result.relative_gap:.2e}{note} | {result.objective:,.6f} | "
                    f"{difference:.1e} | {elapsed:.3f} | {cpu:.3f} |"
                )
                print(lines[-1], flush=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; with ``--record``, write it into RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--record", action="store_true")
    arguments = parser.parse_args(argv)
    table = run(arguments.folder)
    if arguments.record:
        body = (
            "## Equilibrium assignment: time to tight gaps, path-based beside "
            "bi-conjugate Frank–Wolfe (issue 11)\n\n"
            "Command:\n\n```bash\n"
            ".venv/bin/python benchmarks/assignment_paths.py ../shared/data/tntp --record\n"
            "```\n\n"
            "Each row is a run from scratch on one thread (wall and CPU time of `assign()`, "
            "after a warm-up solve that loads gradient projection's compiled kernels); "
            "published optima: Sioux Falls 4,231,335.2871, Chicago Sketch 17,313,018.7387 "
            "(with its generalised cost). A miss shows the gap reached at the "
            "iteration limit (20,000 for bi-conjugate FW, 2,000 for gradient projection). "
            f"Load average when recorded: {os.getloadavg()[0]:.1f} (2 cores, shared).\n\n"
            f"{table}\n"
        )
        record_section(SECTION, body, MEASURED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
