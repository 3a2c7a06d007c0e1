"""The on-disk cache of compiled snapshots: hits, invalidation, damage and foreign files."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from caravan import Observatory
from caravan.model import ProjectStatus
from caravan.network import CostSettings, NetworkSnapshot, ShipmentUnit, network_from_knowledge_base
from caravan.network import cache as snapshot_cache
from caravan.network.cache import cache_path_for, cached_network
from caravan.store.ownership import FileKind, file_kind

DATE = dt.date(2025, 6, 4)


def _entries(mini: Observatory) -> list[tuple[str, str]]:
    with sqlite3.connect(cache_path_for(mini.kb.path)) as connection:
        return connection.execute(
            "SELECT key, kb_key FROM snapshots ORDER BY created_at"
        ).fetchall()


def _same(a: NetworkSnapshot, b: NetworkSnapshot) -> bool:
    return (
        a.date == b.date
        and a.node_place == b.node_place
        and a.records == b.records
        and a.closures == b.closures
        and all(
            np.array_equal(getattr(a, name), getattr(b, name))
            for name in ("source", "target", "time_h", "cost_usd", "length_km", "kind")
        )
    )


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """Dates the cache compiled (rather than read) a snapshot for."""
    calls: list[dt.date] = []

    def counting(kb: object, date: dt.date, *args: object, **kwargs: object) -> NetworkSnapshot:
        calls.append(date)
        return network_from_knowledge_base(kb, date, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(snapshot_cache, "network_from_knowledge_base", counting)
    return calls


def test_a_second_process_reads_the_snapshot_the_first_compiled(
    mini: Observatory, compiled: list[dt.date]
) -> None:
    first = cached_network(mini.kb, DATE)
    assert file_kind(cache_path_for(mini.kb.path))[0] is FileKind.SNAPSHOT_CACHE
    again = Observatory.open(mini.kb.path)  # another observatory: nothing in memory
    try:
        second = cached_network(again.kb, DATE)
    finally:
        again.close()
    assert compiled == [DATE]
    assert second is not first
    assert _same(first, second)
    assert _same(second, network_from_knowledge_base(mini.kb, DATE))


def test_routes_from_the_cache_equal_routes_compiled_afresh(mini: Observatory) -> None:
    fresh = mini.route("Xi'an", "Tashkent", date=DATE, alternatives=2, pareto=True)
    again = Observatory.open(mini.kb.path)
    try:
        cached = again.route("Xi'an", "Tashkent", date=DATE, alternatives=2, pareto=True)
    finally:
        again.close()
    assert cached == fresh


def test_dates_and_settings_have_their_own_entries(
    mini: Observatory, compiled: list[dt.date]
) -> None:
    cached_network(mini.kb, DATE)
    cached_network(mini.kb, DATE + dt.timedelta(days=1))
    cached_network(mini.kb, DATE, CostSettings(unit=ShipmentUnit.FEU))
    cached_network(mini.kb, DATE, open_everything=True)
    cached_network(mini.kb, DATE)
    assert len(compiled) == 4
    assert len(_entries(mini)) == 4


def test_an_edit_invalidates_the_cache(mini: Observatory, compiled: list[dt.date]) -> None:
    before = cached_network(mini.kb, DATE)
    mini.record_status_event(
        "prj-test-line", dt.date(2025, 1, 1), ProjectStatus.IN_SERVICE, source_ids=["src-test-news"]
    )
    after = cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]
    assert "rail-almaty-tashkent-new" in before.closures
    assert "rail-almaty-tashkent-new" not in after.closures
    assert len(_entries(mini)) == 1  # entries of the earlier contents are dropped


def test_a_rebuild_from_changed_files_invalidates_the_cache(
    mini: Observatory, mini_dir: Path, compiled: list[dt.date]
) -> None:
    before = cached_network(mini.kb, DATE)
    links = mini_dir / "links.csv"
    links.write_text(
        links.read_text(encoding="utf-8").replace(
            "rail-xian-khorgos,cn-xian,cn-khorgos,rail,1435,3200,",
            "rail-xian-khorgos,cn-xian,cn-khorgos,rail,1435,3300,",
        ),
        encoding="utf-8",
    )
    Observatory.build(mini.kb.path, mini_dir)
    after = cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]
    assert after.length_km.sum() == pytest.approx(before.length_km.sum() + 2 * 100)


def test_a_code_change_invalidates_the_cache(
    mini: Observatory, compiled: list[dt.date], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_network(mini.kb, DATE)
    monkeypatch.setattr(snapshot_cache, "code_version", lambda: "another time model")
    cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]


def test_the_code_version_covers_the_network_package() -> None:
    package = Path(snapshot_cache.__file__).parent
    hashed = {p for pattern in snapshot_cache._CODE_FILES for p in package.parent.glob(pattern)}
    assert package / "parameters.py" in hashed
    assert package / "build.py" in hashed
    assert len(snapshot_cache.code_version()) == 64


def test_a_damaged_entry_is_ignored_and_replaced(
    mini: Observatory, compiled: list[dt.date]
) -> None:
    good = cached_network(mini.kb, DATE)
    path = cache_path_for(mini.kb.path)
    with sqlite3.connect(path) as connection:
        payload = connection.execute("SELECT payload FROM snapshots").fetchone()[0]
        damaged = payload[:100] + bytes([payload[100] ^ 0xFF]) + payload[101:]
        connection.execute("UPDATE snapshots SET payload = ?", (damaged,))
    again = cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]
    assert _same(good, again)
    cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]  # the entry was written again, sound


def test_an_entry_naming_a_forbidden_global_is_never_loaded(
    mini: Observatory, compiled: list[dt.date], tmp_path: Path
) -> None:
    cached_network(mini.kb, DATE)
    marker = tmp_path / "ran"
    # A pickle calling os.system: its digest matches, so only the allow-list stands in the way.
    evil = b"cos\nsystem\n(V touch " + str(marker).encode() + b"\ntR."
    with sqlite3.connect(cache_path_for(mini.kb.path)) as connection:
        connection.execute(
            "UPDATE snapshots SET payload = ?, digest = ?", (evil, hashlib.sha256(evil).hexdigest())
        )
    snapshot = cached_network(mini.kb, DATE)
    assert isinstance(snapshot, NetworkSnapshot)
    assert not marker.exists()
    assert compiled == [DATE, DATE]


def test_a_damaged_cache_file_of_caravan_is_replaced(
    mini: Observatory, compiled: list[dt.date]
) -> None:
    cached_network(mini.kb, DATE)
    path = cache_path_for(mini.kb.path)
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)  # the header (and its application id) survives
    path.write_bytes(bytes(data))
    assert file_kind(path)[0] is FileKind.SNAPSHOT_CACHE
    cached_network(mini.kb, DATE)
    cached_network(mini.kb, DATE)
    assert compiled == [DATE, DATE]  # recompiled once, then read from the new file


@pytest.mark.parametrize(
    "content",
    [b"my notes, not a cache\n", b"SQLite format 3\x00" + b"\x00" * 84],
    ids=["text file", "foreign bytes"],
)
def test_a_foreign_file_at_the_cache_path_is_never_written(
    mini: Observatory, compiled: list[dt.date], content: bytes
) -> None:
    path = cache_path_for(mini.kb.path)
    path.write_bytes(content)
    first = cached_network(mini.kb, DATE)
    second = cached_network(mini.kb, DATE)
    assert path.read_bytes() == content
    assert compiled == [DATE, DATE]  # no caching, but the right answer every time
    assert _same(first, second)


def test_another_programs_database_at_the_cache_path_is_never_written(
    mini: Observatory, compiled: list[dt.date]
) -> None:
    path = cache_path_for(mini.kb.path)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE snapshots (key TEXT)")
    content = path.read_bytes()
    cached_network(mini.kb, DATE)
    assert path.read_bytes() == content
    assert mini.route("Xi'an", "Tashkent", date=DATE).best.legs


def test_the_cache_keeps_a_bounded_number_of_entries(
    mini: Observatory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_cache, "MAX_ENTRIES", 3)
    for day in range(5):
        cached_network(mini.kb, DATE + dt.timedelta(days=day))
    assert len(_entries(mini)) == 3


def test_the_cache_file_is_not_a_knowledge_base(mini: Observatory) -> None:
    cached_network(mini.kb, DATE)
    with pytest.raises(Exception, match="is a caravan cache of compiled networks"):
        Observatory.open(cache_path_for(mini.kb.path))
