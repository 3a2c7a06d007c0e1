"""Acknowledged writes survive SIGKILL of the server and rebuilds racing them.

Each trial runs the real `caravan serve` in a subprocess (see harness_durability.py).
The number of kill trials is 10 in CI; ``CARAVAN_KILL_TRIALS`` raises it, and
benchmarks/durability.py runs many more and records the figures.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from caravan.store import build_knowledge_base
from harness_durability import TRIAL_SPAN, kill_trial, race_trial

MINI = Path(__file__).parent / "fixtures" / "mini"
KILL_TRIALS = int(os.environ.get("CARAVAN_KILL_TRIALS", "10"))


@pytest.fixture
def trial_data(tmp_path: Path) -> tuple[Path, Path]:
    """A knowledge base of the synthetic dataset and the data folder it comes from."""
    data_dir = tmp_path / "mini"
    shutil.copytree(MINI, data_dir)
    kb = tmp_path / "kb.sqlite"
    build_knowledge_base(kb, data_dir)
    return kb, data_dir


def test_no_acknowledged_write_is_lost_when_the_server_is_killed(
    trial_data: tuple[Path, Path],
) -> None:
    kb, data_dir = trial_data
    rng = random.Random(20250617)
    everything: set[int] = set()
    acknowledged_total = 0
    for trial in range(KILL_TRIALS):
        result, acknowledged = kill_trial(
            kb, data_dir, first=trial * TRIAL_SPAN, rng=rng, previous=everything
        )
        everything |= acknowledged
        acknowledged_total += result.acknowledged
        assert result.lost == 0, f"trial {trial}: {result}"
        assert result.integrity_ok, f"trial {trial}: {result}"
        assert result.present_after_restart == result.acknowledged
        assert result.present_after_rebuild == result.acknowledged
    assert acknowledged_total > 0, "the trials acknowledged no write at all"


def test_no_acknowledged_write_is_lost_when_rebuilds_race_writes(
    trial_data: tuple[Path, Path],
) -> None:
    kb, data_dir = trial_data
    result, acknowledged, served = race_trial(kb, data_dir, first=0, writers=16, rebuilds=3)
    assert result.acknowledged > 0
    assert result.failed_requests == 0, result
    assert result.lost == 0, result
    assert result.integrity_ok
    # The running server follows the rebuilt file: it shows every acknowledged write.
    assert acknowledged <= served
