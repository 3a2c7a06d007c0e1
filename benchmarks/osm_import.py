"""Benchmark the OpenStreetMap import on generated road-like extracts (and any PBF given).

Usage: python benchmarks/osm_import.py [--nodes N ...] [--pbf PATH ...] [--record]

Each extract is a jittered grid (seeded): rows and columns of nodes joined by ways of ten
nodes, classes drawn from motorway … residential (residential ways are dropped), every
tenth column a railway. Each import runs in a fresh child process, so its peak resident
memory (``VmHWM`` in /proc, reset at exec) is its own; the baseline is the child's RSS
after importing caravan, before reading. Side by side, the peer: one pyosmium pass with
its node-location index (``with_locations``, flex_mem) collecting the same ways'
coordinates in Python, the way a one-pass reader works; ratios are caravan / peer.
With ``--record`` the table goes into benchmarks/RESULTS.md (section ``osm_import``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SECTION = "osm_import"
MEASURED = ["src/caravan/store/osm/*.py", "benchmarks/osm_import.py"]
_CLASSES = ("motorway", "trunk", "primary", "secondary", "residential")
_CLASS_WEIGHTS = (0.05, 0.1, 0.25, 0.3, 0.3)
_WAY_NODES = 10


def generate(
    path: Path, nodes: int, seed: int = 7, origin: tuple[float, float] = (60.0, 40.0)
) -> dict[str, int]:
    """Write a jittered grid of about ``nodes`` nodes as ways of ten nodes; return counts."""
    import osmium
    from osmium.osm import mutable

    side = round(nodes**0.5)
    rng = np.random.default_rng(seed)
    step = 0.01  # about 1 km
    lon = origin[0] + np.arange(side)[None, :] * step + rng.normal(0, step / 5, (side, side))
    lat = origin[1] + np.arange(side)[:, None] * step + rng.normal(0, step / 5, (side, side))
    ids = np.arange(1, side * side + 1).reshape(side, side)
    ways = 0
    with osmium.SimpleWriter(str(path)) as writer:
        for node_id, x, y in zip(ids.ravel().tolist(), lon.ravel().tolist(), lat.ravel().tolist(),
                                 strict=True):  # fmt: skip
            writer.add_node(mutable.Node(id=node_id, location=(x, y), version=1))
        way_id = 1
        for line_ids, is_column in [(ids[r, :], False) for r in range(side)] + [
            (ids[:, c], True) for c in range(side)
        ]:
            for start in range(0, side - 1, _WAY_NODES - 1):
                refs = line_ids[start : start + _WAY_NODES].tolist()
                if len(refs) < 2:
                    continue
                rail = is_column and int(line_ids[0] - 1) % side % 10 == 0
                tags = (
                    {"railway": "rail", "gauge": "1520", "usage": "main"}
                    if rail
                    else {"highway": str(rng.choice(_CLASSES, p=_CLASS_WEIGHTS))}
                )
                writer.add_way(mutable.Way(id=way_id, nodes=refs, tags=tags, version=1))
                way_id += 1
                ways += 1
    return {"nodes": side * side, "ways": ways}


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc (VmRSS: now, VmHWM: peak since exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(kind: str, pbf: Path, out: Path) -> None:
    """Run one import (caravan or the peer) and print its figures as JSON."""
    from caravan.store.osm import import_osm
    from caravan.store.osm.tags import TagRules

    baseline = _status_mb("VmRSS")
    start = time.perf_counter()
    if kind == "caravan":
        report = import_osm(pbf, out, name="bench")
        counts = report.layer.counts
        kept, junctions, edges = counts["ways kept"], counts["junction nodes"], counts["edges"]
    else:
        kept, junctions, edges = _peer(pbf, TagRules()), 0, 0
    seconds = time.perf_counter() - start
    peak = _status_mb("VmHWM")  # ru_maxrss would carry the parent's peak over the fork
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "baseline_mb": baseline,
                      "kept": kept, "junctions": junctions, "edges": edges}))  # fmt: skip


def _peer(pbf: Path, rules: object) -> int:
    """One pass with pyosmium's location index: the kept ways' coordinates as Python lists."""
    import osmium
    import osmium.filter

    from caravan.store.osm.tags import TagRules

    assert isinstance(rules, TagRules)
    kept: list[list[tuple[float, float]]] = []
    processor = (
        osmium.FileProcessor(str(pbf))
        .with_locations("flex_mem")
        .with_filter(osmium.filter.KeyFilter("railway", "highway", "route"))
    )
    for way in processor:
        if isinstance(way, osmium.osm.Way) and rules.kinds(way.tags):
            kept.append([(n.lon, n.lat) for n in way.nodes])
    return len(kept)


def measure(kind: str, pbf: Path, folder: Path) -> dict[str, float]:
    """Run a child process for one import; its JSON figures."""
    out = folder / f"{kind}-{pbf.stem}.layer.sqlite"
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(pbf), str(out)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="*", default=[100_000, 1_000_000, 3_000_000])
    parser.add_argument("--pbf", type=Path, nargs="*", default=[])
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PBF", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        extracts: list[tuple[str, Path, dict[str, int]]] = []
        for nodes in args.nodes:
            pbf = folder / f"grid-{nodes}.osm.pbf"
            start = time.perf_counter()
            counts = generate(pbf, nodes)
            print(f"generated {pbf.name}: {counts} in {time.perf_counter() - start:.1f} s",
                  file=sys.stderr)  # fmt: skip
            extracts.append((f"grid {counts['nodes']:,} nodes", pbf, counts))
        extracts += [(path.name, path, {}) for path in args.pbf]
        for label, pbf, counts in extracts:
            ours = measure("caravan", pbf, folder)
            peer = measure("peer", pbf, folder)
            rows.append(_row(label, pbf, counts, ours, peer))
            print(rows[-1], file=sys.stderr)
    table = _table(rows)
    print(table)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from check_results import record_section

        command = "`.venv/bin/python benchmarks/osm_import.py --record`"
        body = (
            "## OSM import (issue 13)\n\n"
            f"Command: {command} (2 cores shared with other work; each import in its own "
            "process; generated jittered grids, ways of ten nodes, 30 % residential ways "
            "dropped, every tenth column a 1,520 mm railway).\n\n"
            "Import = read (filtered pyosmium passes: relations, ways, node locations, border "
            "posts) + countries (Natural Earth, decoded once per process: about 2 s and 100 MB "
            "of the smallest row) + simplify to junctions + write the layer. Peak RSS is the "
            "child's `VmHWM`; above baseline = above its RSS after importing caravan. Peer = "
            "one pyosmium pass with its `flex_mem` location index collecting the kept ways' "
            "coordinates as Python lists (reading only: no simplification, no file written); "
            "ratios are caravan / peer.\n\n" + table
        )
        record_section(SECTION, body, MEASURED)


def _row(label: str, pbf: Path, counts: dict[str, int], ours: dict[str, float],
         peer: dict[str, float]) -> dict[str, object]:  # fmt: skip
    nodes = counts.get("nodes", 0)
    ways = counts.get("ways", 0)
    used = ours["peak_mb"] - ours["baseline_mb"]
    return {
        "extract": label,
        "file_mb": pbf.stat().st_size / 2**20,
        "nodes": nodes,
        "ways": ways,
        "kept": int(ours["kept"]),
        "junctions": int(ours["junctions"]),
        "edges": int(ours["edges"]),
        "seconds": ours["seconds"],
        "nodes_per_s": nodes / ours["seconds"] if nodes else float("nan"),
        "ways_per_s": (ways or ours["kept"]) / ours["seconds"],
        "peak_mb": ours["peak_mb"],
        "used_mb": used,
        "bytes_per_way": used * 2**20 / max(ours["kept"], 1),
        "peer_seconds": peer["seconds"],
        "peer_peak_mb": peer["peak_mb"],
    }


def _table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| extract | file MB | nodes | ways (kept) | junctions / edges | import s | nodes/s | "
        "ways/s | peak RSS MB (above baseline) | bytes per kept way | peer s | peer peak MB | "
        "time vs peer | memory vs peer |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['extract']} | {r['file_mb']:.1f} | {r['nodes']:,} | {r['ways']:,} "
            f"({r['kept']:,}) | {r['junctions']:,} / {r['edges']:,} | {r['seconds']:.1f} | "
            f"{r['nodes_per_s']:,.0f} | {r['ways_per_s']:,.0f} | {r['peak_mb']:,.0f} "
            f"({r['used_mb']:,.0f}) | {r['bytes_per_way']:,.0f} | {r['peer_seconds']:.1f} | "
            f"{r['peer_peak_mb']:,.0f} | {float(r['seconds']) / float(r['peer_seconds']):.2f}× | "  # type: ignore[arg-type]
            f"{float(r['peak_mb']) / float(r['peer_peak_mb']):.2f}× |"  # type: ignore[arg-type]
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
