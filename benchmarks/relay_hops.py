"""Count fastest paths that leave the road for rail and come back to the road (relay hops).

Usage: python benchmarks/relay_hops.py [--date 2025-07-01] [--near-km 50] [--examples 10]
       [--record]

On the embedded network, the time skim's path between every pair of places (the paths of
least reported time, as routes and skims choose them) is read edge by edge. A path counts
as a road-rail-road path when a road stretch is followed by rail and then by road again;
it is a relay hop when the rail part ends within ``--near-km`` of where it left the road
(a short rail ride out and back that stands in for the crew's rest). The counts are taken
side by side on the data as it is and on the same data without the waits of a change
between truck and train (``asm-time-road-rail-departure-wait``, ``asm-time-rail-road-release``
at zero). Prints both and examples; ``--record`` writes them to benchmarks/RESULTS.md
(section ``relay_hops``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.routing import Router, Weight
from caravan.network.layers import EdgeKind
from caravan.network.snapshot import NetworkSnapshot
from caravan.store import default_data_dir

EARTH_RADIUS_KM = 6371.0
SECTION = "relay_hops"
MEASURED = [
    "src/caravan/network/timemodel.py",
    "src/caravan/network/build.py",
    "src/caravan/data/transfers.csv",
    "src/caravan/data/assumptions_timemodel.csv",
    "src/caravan/data/rail_services.csv",
    "benchmarks/relay_hops.py",
]
#: The waits of a change between truck and train, zeroed for the "without" column.
WAITS = ("asm-time-road-rail-departure-wait", "asm-time-rail-road-release")


@dataclass(frozen=True)
class RoadRailRoad:
    """One road → rail → road change on a path: where rail starts and ends, and how far apart."""

    origin: str
    destination: str
    board: str
    alight: str
    apart_km: float


@dataclass(frozen=True)
class Count:
    """Pairs with a path, with a road → rail → road change, and with a relay hop."""

    pairs: int
    changes: int
    relays: int
    examples: list[RoadRailRoad]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2025, 7, 1))
    parser.add_argument("--near-km", type=float, default=50.0)
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        without = Path(folder) / "data"
        shutil.copytree(default_data_dir(), without)
        zero_waits(without / "assumptions_timemodel.csv")
        counts = {
            "without the waits": count(without, Path(folder) / "a.sqlite", args),
            "with the waits (shipped)": count(default_data_dir(), Path(folder) / "b.sqlite", args),
        }
    body = report(counts, args)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import record_section

        record_section(SECTION, body, MEASURED)
    return 0


def zero_waits(path: Path) -> None:
    """Set the truck–train waits to zero in an assumptions file (a private copy)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for row in rows:
        if row["id"] in WAITS:
            row["value"] = "0"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def count(data_dir: Path, kb_path: Path, args: argparse.Namespace) -> Count:
    """The road → rail → road changes on the fastest paths of one dataset."""
    observatory = Observatory.open(kb_path, data_dir)
    try:
        coordinates = {p.id: (p.lat, p.lon) for p in observatory.kb.places()}
        changes, pairs = road_rail_road_changes(observatory.network(args.date), coordinates)
    finally:
        observatory.close()
    relays = [c for c in changes if c.apart_km <= args.near_km]
    return Count(
        pairs,
        len({(c.origin, c.destination) for c in changes}),
        len({(c.origin, c.destination) for c in relays}),
        (relays or changes)[: args.examples],
    )


def road_rail_road_changes(
    snapshot: NetworkSnapshot, coordinates: dict[str, tuple[float, float]]
) -> tuple[list[RoadRailRoad], int]:
    """Every road → rail → road change on the fastest paths between all places, and the pairs."""
    router = Router(snapshot)
    timed = router.timed_search(Weight.TIME, router.graph(Weight.TIME, None, ()))
    if timed is None:
        return [], 0
    places = sorted(snapshot.origin_node)
    targets = np.array([snapshot.destination_node.get(p, -1) for p in places], dtype=np.int64)
    found: list[RoadRailRoad] = []
    pairs = 0
    for origin in places:
        paths = timed.paths(snapshot.origin_node[origin], targets)
        for destination, edges in zip(places, paths, strict=True):
            if edges is None or origin == destination:
                continue
            pairs += 1
            found += path_changes(snapshot, edges, origin, destination, coordinates)
    return found, pairs


def path_changes(
    snapshot: NetworkSnapshot,
    edges: list[int],
    origin: str,
    destination: str,
    coordinates: dict[str, tuple[float, float]],
) -> list[RoadRailRoad]:
    """The road → rail → road changes of one path (road links before and after the rail)."""
    found: list[RoadRailRoad] = []
    drove = False
    board: str | None = None
    for edge in edges:
        if snapshot.kind[edge] != EdgeKind.LINK:
            continue
        mode = snapshot.mode[edge]
        place = snapshot.node_place[int(snapshot.source[edge])]
        if mode == "road":
            if board is not None:
                alight = place
                found.append(
                    RoadRailRoad(
                        origin, destination, board, alight, apart(coordinates, board, alight)
                    )
                )
                board = None
            drove = True
        elif mode == "rail" and drove and board is None:
            board = place
        elif mode != "rail":
            drove, board = False, None
    return found


def apart(coordinates: dict[str, tuple[float, float]], a: str, b: str) -> float:
    """Great-circle km between two places."""
    (lat1, lon1), (lat2, lon2) = coordinates[a], coordinates[b]
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def report(counts: dict[str, Count], args: argparse.Namespace) -> str:
    """Print the counts and examples; return them as Markdown for the results file."""
    console = Console()
    table = Table(title=f"Fastest paths (time skim, {args.date}) that change road → rail → road")
    table.add_column("paths")
    for name in counts:
        table.add_column(name, justify="right")
    rows = [
        ("pairs with a path", [c.pairs for c in counts.values()]),
        ("road → rail → road", [c.changes for c in counts.values()]),
        (
            f"… rail back within {args.near_km:g} km (relay hop)",
            [c.relays for c in counts.values()],
        ),
    ]
    for label, values in rows:
        table.add_row(label, *(f"{v:,}" for v in values))
    console.print(table)
    lines = [
        "## Relay hops: truck–train changes on fastest paths (issue 9)",
        "",
        "Command: `.venv/bin/python benchmarks/relay_hops.py --record` (embedded data, "
        f"{args.date}; every pair of places, paths of least reported time; the same data "
        "without the truck–train waits beside it, in one run).",
        "",
        "| paths | " + " | ".join(counts) + " |",
        "|---|" + "---|" * len(counts),
        *(f"| {label} | " + " | ".join(f"{v:,}" for v in values) + " |" for label, values in rows),
    ]
    for name, result in counts.items():
        shown = Table(title=f"Examples, {name}")
        for column in ("origin", "destination", "rail from", "rail to", "km apart"):
            shown.add_column(column)
        for c in result.examples:
            shown.add_row(c.origin, c.destination, c.board, c.alight, f"{c.apart_km:.0f}")
        console.print(shown)
        lines += [
            "",
            f"Examples, {name}: "
            + "; ".join(
                f"{c.origin} → {c.destination} (rail {c.board} → {c.alight}, {c.apart_km:.0f} km)"
                for c in result.examples[:3]
            )
            + ".",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
