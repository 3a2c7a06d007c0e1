"""The review queue's cost, side by side with what it wraps, on a copy of the embedded data.

- ingest: reading and proposing from N short reports (``caravan.analysis.ingest``, the
  peer) against the same plus storing each file's proposals in the queue
  (``Observatory.ingest``, one durable transaction per file);
- accept: N status events written through the journal by ``Observatory.record_status_event``
  (the peer: one durable journal entry each) against N proposals accepted by
  ``Observatory.accept_proposal`` (the same entry, plus the queue's state).

Rounds alternate between the two sides, each on a fresh copy. Prints a Markdown table;
``--record`` writes it to ``benchmarks/RESULTS.md``.

Usage: .venv/bin/python benchmarks/review.py [--files 40] [--rounds 3] [--record]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_results import record_section  # noqa: E402

from caravan import Observatory  # noqa: E402
from caravan.analysis.ingest import propose  # noqa: E402
from caravan.analysis.monitoring import DocumentDetails, read_with_details  # noqa: E402
from caravan.model import ProjectStatus, Source  # noqa: E402
from caravan.model.proposals import FactKind  # noqa: E402
from caravan.store import build_knowledge_base, default_data_dir  # noqa: E402
from caravan.store.proposals import ProposalFilter, StoredProposal  # noqa: E402

SECTION = "review"
MEASURED = [
    "src/caravan/analysis/monitoring/*.py",
    "src/caravan/store/proposals.py",
    "src/caravan/store/journal.py",
    "benchmarks/review.py",
]
DETAILS = DocumentDetails(
    title="Benchmark report", publisher="Benchmark wire", url="https://example.org/benchmark"
)


def _reports(folder: Path, count: int) -> list[Path]:
    """Short made-up reports, each a different day's opening of the CKU railway."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    start = dt.date(2027, 1, 1)
    for number in range(count):
        day = start + dt.timedelta(days=number)
        path = folder / f"report-{number:03}.txt"
        path.write_text(
            f"The China–Kyrgyzstan–Uzbekistan railway opened to freight traffic on "
            f"{day.day} {day:%B} {day.year}, report {number} said.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _copy(template: Path, workdir: Path, name: str) -> Observatory:
    target = workdir / name
    target.mkdir()
    shutil.copyfile(template, target / "kb.sqlite")
    return Observatory.open(target / "kb.sqlite", default_data_dir())


def _time(work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def measure(files: int, rounds: int) -> dict[str, list[float]]:
    """Seconds per round for each side."""
    times: dict[str, list[float]] = {
        "read and propose": [],
        "ingest into the queue": [],
        "record_status_event": [],
        "accept_proposal": [],
    }
    with tempfile.TemporaryDirectory(prefix="caravan-review-bench-") as folder:
        workdir = Path(folder)
        template = workdir / "template.sqlite"
        build_knowledge_base(template, default_data_dir())
        reports = _reports(workdir / "reports", files)
        for round_number in range(rounds):
            peer = _copy(template, workdir, f"peer-{round_number}")
            ours = _copy(template, workdir, f"ours-{round_number}")

            def read_only(observatory: Observatory = peer) -> None:
                for path in reports:
                    read = read_with_details(path, DETAILS)
                    propose(observatory.kb, read.text, read.meta, warnings=read.warnings)

            def ingest(observatory: Observatory = ours) -> None:
                for outcome in observatory.ingest(reports, DETAILS):
                    assert outcome.error is None, outcome.error

            times["read and propose"].append(_time(read_only))
            times["ingest into the queue"].append(_time(ingest))
            page = ours.proposals(ProposalFilter(kind=FactKind.STATUS_EVENT, limit=files))
            assert len(page.items) == files, page.total

            def record(observatory: Observatory = peer) -> None:
                for number in range(files):
                    source = Source(
                        id=f"src-bench-{number}",
                        url="https://example.org/benchmark",
                        title="Benchmark report",
                        publisher="Benchmark wire",
                    )
                    observatory.record_status_event(
                        "prj-cku-railway",
                        dt.date(2027, 1, 1) + dt.timedelta(days=number),
                        ProjectStatus.IN_SERVICE,
                        new_source=source,
                    )

            def accept(
                observatory: Observatory = ours, items: list[StoredProposal] = page.items
            ) -> None:
                for stored in items:
                    observatory.accept_proposal(stored.fact.id, "benchmark")

            times["record_status_event"].append(_time(record))
            times["accept_proposal"].append(_time(accept))
            peer.close()
            ours.close()
    return times


def table(times: dict[str, list[float]], files: int, rounds: int) -> str:
    """The figures as Markdown, with the command and the ratios."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    per_item = {name: statistics.median(values) / files * 1000 for name, values in times.items()}
    rows = [
        ("ingest", "read and propose (peer)", "read and propose"),
        ("ingest", "the same, stored in the queue", "ingest into the queue"),
        ("accept", "record_status_event (peer)", "record_status_event"),
        ("accept", "accept_proposal", "accept_proposal"),
    ]
    lines = [
        f"Command: `.venv/bin/python benchmarks/review.py --files {files} --rounds {rounds} "
        f"--record` (at {commit}, embedded data, {rounds} rounds alternating, median)",
        "",
        "| step | side | ms per item (median of rounds) | ratio to peer |",
        "|---|---|---|---|",
    ]
    for step, label, name in rows:
        peer = per_item["read and propose" if step == "ingest" else "record_status_event"]
        lines.append(f"| {step} | {label} | {per_item[name]:.1f} | {per_item[name] / peer:.2f} |")
    return "\n".join(lines)


def main() -> None:
    """Measure, print and optionally record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--record", action="store_true")
    arguments = parser.parse_args()
    result = table(measure(arguments.files, arguments.rounds), arguments.files, arguments.rounds)
    print(result)
    if arguments.record:
        record_section(SECTION, result, MEASURED)


if __name__ == "__main__":
    main()
