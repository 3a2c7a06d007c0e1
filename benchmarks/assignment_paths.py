"""Time to a relative gap on Sioux Falls: gradient projection beside bi-conjugate Frank–Wolfe.

Usage::

    .venv/bin/python benchmarks/assignment_paths.py ../shared/data/tntp [--record]

Each algorithm runs from scratch to relative gaps 1e-6, 1e-8 and 1e-10 (Sioux Falls is read
from ../shared, never copied); the table gives the iterations, the gap reached, the
Beckmann objective, its difference from the published optimum and the wall time of
``assign()`` on one thread, after a warm-up solve. A run that misses its gap within the iteration limit is shown
with the gap it reached (``miss``). ``--record`` writes the table into
``benchmarks/RESULTS.md`` (section ``assignment_paths``) with the digest of the code measured.
"""

from __future__ import annotations

import argparse
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
PUBLISHED = 42.31335287107440 * 1e5
GAPS = (1e-6, 1e-8, 1e-10)
ALGORITHMS = {
    Algorithm.BICONJUGATE_FRANK_WOLFE: 20_000,  # iteration limits
    Algorithm.GRADIENT_PROJECTION: 2_000,
}


def run(folder: Path) -> str:
    """Solve Sioux Falls to each gap with each algorithm; the table as Markdown."""
    directory = folder / "SiouxFalls"
    network = network_from_tntp(load_tntp_network(directory / "SiouxFalls_net.tntp"))
    trips = load_tntp_trips(directory / "SiouxFalls_trips.tntp")
    warm_up = AssignmentSpec(algorithm=Algorithm.GRADIENT_PROJECTION, target_gap=1e-2)
    assign(network, trips, warm_up)  # imports and first-call costs stay out of the table
    lines = [
        "| algorithm | target gap | iterations | gap reached | objective | vs published | s |",
        "|---|---|---|---|---|---|---|",
    ]
    for algorithm, limit in ALGORITHMS.items():
        for gap in GAPS:
            spec = AssignmentSpec(algorithm=algorithm, target_gap=gap, max_iterations=limit)
            start = time.perf_counter()
            result: AssignmentResult
            try:
                result = assign(network, trips, spec)
                note = ""
            except ConvergenceError as error:
                result, note = error.result, " (miss)"
            elapsed = time.perf_counter() - start
            difference = abs(result.objective - PUBLISHED) / PUBLISHED
            lines.append(
                f"| {algorithm.value} | {gap:.0e} | {result.iterations:,} | "
                f"{result.relative_gap:.2e}{note} | {result.objective:,.6f} | "
                f"{difference:.1e} | {elapsed:.2f} |"
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
            "## Equilibrium assignment: time to gap on Sioux Falls, path-based beside "
            "bi-conjugate Frank–Wolfe (issue 11)\n\n"
            "Command:\n\n```bash\n"
            ".venv/bin/python benchmarks/assignment_paths.py ../shared/data/tntp --record\n"
            "```\n\n"
            "Each row is a run from scratch on one thread (wall time of `assign()`, after a "
            "warm-up solve); "
            "published optimum 4,231,335.2871. A miss shows the gap reached at the "
            "iteration limit (20,000 for bi-conjugate FW, 2,000 for gradient projection).\n\n"
            f"{table}\n"
        )
        record_section(SECTION, body, MEASURED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
