"""Count fastest paths that leave the road for rail and come back to the road (relay hops).

Usage: python benchmarks/relay_hops.py [--date 2025-07-01] [--near-km 50] [--examples 10]

On the embedded network, the time skim's path between every pair of places (the paths of
least reported time, as routes and skims choose them) is read edge by edge. A path counts
as a road-rail-road path when a road stretch is followed by rail and then by road again;
it is a relay hop when the rail part ends within ``--near-km`` of where it left the road
(a short rail ride out and back that stands in for the crew's rest). Prints both counts
and examples; exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from dataclasses import dataclass

import numpy as np
from rich.console import Console
from rich.table import Table

from caravan import Observatory
from caravan.analysis.routing import Router, Weight
from caravan.network.layers import EdgeKind
from caravan.network.snapshot import NetworkSnapshot

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class RoadRailRoad:
    """One road → rail → road change on a path: where rail starts and ends, and how far apart."""

    origin: str
    destination: str
    board: str
    alight: str
    apart_km: float


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2025, 7, 1))
    parser.add_argument("--near-km", type=float, default=50.0)
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()
    observatory = Observatory.open()
    try:
        coordinates = {p.id: (p.lat, p.lon) for p in observatory.kb.places()}
        snapshot = observatory.network(args.date)
        changes, pairs = road_rail_road_changes(snapshot, coordinates)
    finally:
        observatory.close()
    report(changes, pairs, args.near_km, args.examples)
    return 0


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


def report(changes: list[RoadRailRoad], pairs: int, near_km: float, examples: int) -> None:
    """Print the counts and a few relay hops."""
    relays = [c for c in changes if c.apart_km <= near_km]
    console = Console()
    table = Table(title="Fastest paths (time skim) that change road → rail → road")
    table.add_column("paths")
    table.add_column("count", justify="right")
    table.add_row("pairs with a path", f"{pairs:,}")
    table.add_row("road → rail → road", f"{len({(c.origin, c.destination) for c in changes}):,}")
    relay_pairs = len({(c.origin, c.destination) for c in relays})
    table.add_row(f"… rail back within {near_km:g} km (relay hop)", f"{relay_pairs:,}")
    console.print(table)
    shown = Table(title="Examples")
    for column in ("origin", "destination", "rail from", "rail to", "km apart"):
        shown.add_column(column)
    for c in (relays or changes)[:examples]:
        shown.add_row(c.origin, c.destination, c.board, c.alight, f"{c.apart_km:.0f}")
    console.print(shown)


if __name__ == "__main__":
    sys.exit(main())
