"""Benchmark a scenario sweep: a plain loop beside Dask local clusters of 1 and 2 workers.

Usage: python benchmarks/sweeps.py [SPEC] [--repeat N] [--record]

Runs the sweep (default: the built-in ``cku-saving``, 200 draws) three times in one run,
each into a fresh folder so nothing is reused: every draw in a plain loop in this process
(no Dask, nothing written), then on a ``distributed.LocalCluster`` of 1 worker process,
then of 2 (each draw written as Parquet); ``--repeat`` times, interleaved, best of each.
Wall times include the cluster's start and close (printed apart). Checks that the three give the
same outputs, draw by draw, and prints the distribution of each output (from the 2-worker
run). With ``--record`` the tables go into benchmarks/RESULTS.md (section ``sweeps``).
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.sweeps import DrawResult, run_draws_in_loop
from caravan.analysis.sweeps.execution import dask_client
from caravan.store import default_data_dir

SECTION = "sweeps"
MEASURED = [
    "src/caravan/analysis/sweeps/*.py",
    "src/caravan/analysis/sweeps/builtin/*.toml",
    "src/caravan/analysis/routing/skim.py",
    "benchmarks/sweeps.py",
]


def _same(a: list[DrawResult], b: list[DrawResult]) -> bool:
    def equal(x: float, y: float) -> bool:
        return x == y or (math.isnan(x) and math.isnan(y))

    return len(a) == len(b) and all(
        r.draw == s.draw and all(equal(r.outputs[k], s.outputs[k]) for k in r.outputs)
        for r, s in zip(a, b, strict=True)
    )


def _cluster_start_s(workers: int) -> float:
    """Seconds to start and close a local cluster of ``workers`` processes, doing nothing."""
    start = time.perf_counter()
    with dask_client(workers):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", default="cku-saving")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs; best of each")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        observatory = Observatory.open(root / "kb.sqlite", default_data_dir())
        prepared = observatory.sweep_spec(args.spec)
        total = prepared.spec.draw_count()
        run_draws_in_loop(observatory.kb.path, prepared, [0])  # opens the knowledge base once

        loop_times: list[float] = []
        times: dict[int, list[float]] = {1: [], 2: []}
        runs = {}
        for repeat in range(args.repeat):  # interleaved, best of each: the machine is shared
            start = time.perf_counter()
            loop = run_draws_in_loop(observatory.kb.path, prepared, range(total))
            loop_times.append(time.perf_counter() - start)
            for workers in (1, 2):
                out = root / f"out-{workers}-{repeat}"
                runs[workers] = observatory.sweep(prepared, out, workers=workers)
                times[workers].append(runs[workers].wall_s)
        startup = {workers: _cluster_start_s(workers) for workers in (1, 2)}
        observatory.close()
    agree = all(_same(run.results, loop) for run in runs.values())
    loop_s, one_s, two_s = min(loop_times), min(times[1]), min(times[2])
    cores = os.cpu_count()
    load = os.getloadavg()[0]  # other work on the machine while measured
    rows = [
        ("plain loop, this process (no Dask, no files)", loop_s, "", ""),
        ("Dask LocalCluster, 1 worker process", one_s, f"{startup[1]:.1f}", ""),
        ("Dask LocalCluster, 2 worker processes", two_s, f"{startup[2]:.1f}", f"{one_s / two_s:.2f}×"),
    ]  # fmt: skip
    console = Console()
    timing = Table(
        title=f"sweep {prepared.spec.name}: {total} draws, best of {args.repeat} "
        f"({cores} cores, load {load:.1f})"
    )
    for column in ("run", "wall (s)", "vs loop", "cluster start+close (s)", "2 vs 1 worker"):
        timing.add_column(column)
    for label, seconds, start_s, two_vs_one in rows:
        timing.add_row(label, f"{seconds:.1f}", f"{loop_s / seconds:.2f}×", start_s, two_vs_one)
    console.print(timing)
    console.print(f"draw-by-draw outputs identical in the three runs: {agree}")
    distribution = Table(title="distributions (b − a; negative is a saving)")
    for column in ("output", "median", "p10", "p90", "mean", "min", "max", "draws"):
        distribution.add_column(column)
    for s in runs[2].summaries:
        values = (s.median, s.p10, s.p90, s.mean, s.min, s.max)
        distribution.add_row(s.output, *(_shown(v) for v in values), str(s.draws))
    console.print(distribution)
    if args.record:
        import sys

        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import record_section

        body = "\n".join(
            [
                f"## Sweeps on Dask (issue 13): {prepared.spec.name}, {prepared.spec.a} → "
                f"{prepared.spec.b}",
                "",
                f"Command: `.venv/bin/python benchmarks/sweeps.py {args.spec} --record` "
                f"(best of {args.repeat} interleaved runs; {total} draws, Monte Carlo seed {prepared.spec.sampling.seed}, on "
                f"{prepared.spec.date}, routes by {', '.join(m.value for m in prepared.spec.modes or ()) or 'any mode'}; "
                f"{cores} cores, load average {load:.1f} when done: shared with other work).",
                "",
                "| run | wall (s) | vs loop | cluster start + close (s) | 2 vs 1 worker |",
                "|---|---|---|---|---|",
                *(
                    f"| {label} | {seconds:.1f} | {loop_s / seconds:.2f}× | {start_s} | "
                    f"{two_vs_one} |"
                    for label, seconds, start_s, two_vs_one in rows
                ),
                "",
                f"Outputs identical draw by draw in the three runs: {'yes' if agree else 'NO'}."
                + (
                    f" The load average ({load:.1f}) exceeded the {cores} cores: the workers "
                    "competed with other processes for them, so these ratios understate what "
                    "an idle machine gives."
                    if cores and load > cores
                    else ""
                ),
                "",
                "| output (b − a) | median | p10 | p90 | mean | min | max | draws |",
                "|---|---|---|---|---|---|---|---|",
                *(
                    f"| {s.output} | {_shown(s.median)} | {_shown(s.p10)} | {_shown(s.p90)} | "
                    f"{_shown(s.mean)} | {_shown(s.min)} | {_shown(s.max)} | {s.draws} |"
                    for s in runs[2].summaries
                ),
            ]
        )
        record_section(SECTION, body, MEASURED)


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:+,.2f}"


if __name__ == "__main__":
    main()
