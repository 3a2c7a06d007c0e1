"""Print, as JSON, what one process compiles and assigns for a year under a scenario.

Run by ``test_assign_dask.py`` in fresh interpreters with different string hash seeds (as
Dask workers have): the compiled network's edge arrays (digested) and the crossing loads
of the freight assignment, compiled without the on-disk snapshot cache.

Usage: ``python assignment_fingerprint.py KB YEAR SCENARIO TODAY``
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from caravan import Observatory
from caravan.analysis.freight import FreightParameters, assign_year
from caravan.network import CostSettings, NetworkSnapshot
from caravan.network.build import network_from_knowledge_base
from caravan.store import default_data_dir


def snapshot_digest(snapshot: NetworkSnapshot) -> str:
    """SHA-256 of the edges in their order: endpoints, kinds, times and costs."""
    hasher = hashlib.sha256()
    for array in (snapshot.source, snapshot.target, snapshot.kind, snapshot.time_h):
        hasher.update(np.ascontiguousarray(array).tobytes())
    hasher.update(np.ascontiguousarray(snapshot.cost_usd).tobytes())
    return hasher.hexdigest()


def fingerprint(kb_path: Path, year: int, scenario_name: str, today: dt.date) -> dict[str, object]:
    """The network digest and crossing loads (Mt) of ``year`` under ``scenario_name``."""
    observatory = Observatory.open(kb_path, default_data_dir())
    try:
        kb = observatory.kb
        scenario = observatory.scenario(scenario_name)
        date = FreightParameters.from_knowledge_base(kb).date_of(year)

        def network_on(day: dt.date) -> NetworkSnapshot:
            return network_from_knowledge_base(
                kb, day, CostSettings(), scenario=scenario, today=today
            )

        assignment = assign_year(kb, year, network_on, scenario=scenario, report_miss=True)
        return {
            "network": snapshot_digest(network_on(date)),
            "crossing_mt": assignment.crossing_mt(),
        }
    finally:
        observatory.close()


if __name__ == "__main__":
    path, year, name, today = sys.argv[1:5]
    found = fingerprint(Path(path), int(year), name, dt.date.fromisoformat(today))
    print(json.dumps(found, sort_keys=True))
