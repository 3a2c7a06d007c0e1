"""The snapshot cache under concurrent processes (as Dask workers on one machine use it)."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import sqlite3
import subprocess
import sys

from caravan import Observatory
from caravan.network import NetworkSnapshot, network_from_knowledge_base
from caravan.network.cache import MAX_ENTRIES, cache_path_for
from caravan.store.ownership import FileKind, file_kind

DATES = [dt.date(2025, 6, 1) + dt.timedelta(days=7 * k) for k in range(6)]


def _digest(snapshot: NetworkSnapshot) -> str:
    """A digest of the network's edges by what they join and carry, whatever their order.

    Node and edge numbers may differ between processes (they follow set iteration order,
    which Python's per-process string hashing changes); the network they describe may not.
    """
    places, layers = snapshot.node_place, snapshot.node_layer
    edges = sorted(
        repr((places[s], str(layers[s]), places[t], str(layers[t]), int(k), x, c, d, r.ref_id))
        for s, t, k, x, c, d, r in zip(
            snapshot.source.tolist(), snapshot.target.tolist(), snapshot.kind.tolist(),
            snapshot.time_h.tolist(), snapshot.cost_usd.tolist(), snapshot.length_km.tolist(),
            snapshot.records, strict=True,
        )
    )  # fmt: skip
    return hashlib.sha256("\n".join(edges).encode()).hexdigest()


#: Each process compiles or reads every date, in its own order, many times over.
_WORKER = f"""
import datetime as dt, hashlib, sys
from pathlib import Path
from caravan.network import NetworkSnapshot
from caravan.network.cache import cached_network
from caravan.store import KnowledgeBase

{inspect.getsource(_digest)}
kb = KnowledgeBase(Path(sys.argv[1]))
dates = [dt.date.fromisoformat(d) for d in sys.argv[3].split(",")]
shift = int(sys.argv[2])
for round_ in range(4):
    for date in dates[shift:] + dates[:shift]:
        print(date.isoformat(), _digest(cached_network(kb, date)), flush=True)
"""


def test_concurrent_processes_share_the_snapshot_cache_safely(mini: Observatory) -> None:
    expected = {d.isoformat(): _digest(network_from_knowledge_base(mini.kb, d)) for d in DATES}
    dates = ",".join(d.isoformat() for d in DATES)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(mini.kb.path), str(shift), dates],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for shift in range(4)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert stderr == ""  # no failure of the cache reaches the caller, none is printed
        lines = [line.split() for line in stdout.splitlines()]
        assert len(lines) == 4 * len(DATES)
        assert all(expected[date] == digest for date, digest in lines)
    path = cache_path_for(mini.kb.path)
    assert file_kind(path)[0] is FileKind.SNAPSHOT_CACHE
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        keys = connection.execute("SELECT count(DISTINCT key) FROM snapshots").fetchone()[0]
    assert keys == len(DATES) <= MAX_ENTRIES
