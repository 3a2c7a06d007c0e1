"""Compiled network snapshots kept on disk beside the knowledge base, between processes.

Compiling a snapshot reads and decodes most of the knowledge base; a command-line
process that asks one route would spend more time on that than on the route. So a
compiled snapshot is stored in ``<knowledge base stem>.snapshots.sqlite`` beside the
knowledge base, keyed by everything it is computed from:

- the knowledge base's content key (its build and the journalled edits it holds: a
  rebuild or an edit makes new keys),
- the date, the cost settings and whether everything is forced open,
- the code: a digest of the source files that compile a snapshot (the network package,
  the records and the store's decoding), caravan's, numpy's and Python's versions and
  :data:`CACHE_FORMAT`, so a change to the time model never reads an old snapshot.

Reading is never trusting. An entry is used only when its stored SHA-256 matches its
bytes and it unpickles, through an allow-list of the network's and the records' classes,
numpy's arrays and a few builtin classes (nothing else can be constructed or called), into a :class:`NetworkSnapshot`;
anything else is ignored and compiled again. A cache file that is caravan's but damaged
is replaced. A file at that path that is not caravan's cache is never written: the
snapshot is then compiled without caching. Every failure of the cache falls back to
compiling; none reaches the caller. Writes are SQLite transactions (atomic).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import logging
import pickle
import platform
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caravan.model.scenario import Scenario
from caravan.network.build import network_from_knowledge_base
from caravan.network.parameters import CostSettings
from caravan.network.snapshot import NetworkSnapshot
from caravan.store.ownership import SNAPSHOT_CACHE_APPLICATION_ID, FileKind, file_kind

__all__ = [
    "CACHE_FORMAT",
    "MAX_ENTRIES",
    "cache_path_for",
    "cached_network",
    "code_version",
]

if TYPE_CHECKING:
    from caravan.store.queries import KnowledgeBase

logger = logging.getLogger(__name__)

#: Bump when the way snapshots are stored changes.
CACHE_FORMAT = 1

#: Snapshots kept per cache file; the oldest go first.
MAX_ENTRIES = 64

#: How long a writer waits for another process's write before giving up caching.
_BUSY_TIMEOUT_S = 2.0

#: Source files (relative to the caravan package) whose code shapes a compiled snapshot.
_CODE_FILES = ("network/*.py", "model/*.py", "store/schema.py", "store/sqlite_schema.py")


def cache_path_for(knowledge_base: Path) -> Path:
    """Where the snapshots of a knowledge base are cached: beside it, named after it."""
    return knowledge_base.with_name(f"{knowledge_base.stem}.snapshots.sqlite")


@functools.cache
def code_version() -> str:
    """A digest of the code that compiles snapshots, and of the versions that store them."""
    import numpy

    import caravan

    package = Path(caravan.__file__).parent
    hasher = hashlib.sha256()
    for pattern in _CODE_FILES:
        for path in sorted(package.glob(pattern)):
            hasher.update(path.relative_to(package).as_posix().encode() + b"\x00")
            hasher.update(path.read_bytes())
    versions = (CACHE_FORMAT, caravan.__version__, numpy.__version__, platform.python_version())
    hasher.update(repr(versions).encode())
    return hasher.hexdigest()


def cached_network(
    kb: KnowledgeBase,
    date: dt.date,
    settings: CostSettings | None = None,
    *,
    open_everything: bool = False,
    scenario: Scenario | None = None,
    today: dt.date | None = None,
) -> NetworkSnapshot:
    """The snapshot of ``date`` (under ``scenario``) from the disk cache, or compiled and cached."""
    settings = settings or CostSettings()
    path = cache_path_for(kb.path)
    today = today or date

    def compile_it() -> NetworkSnapshot:
        return network_from_knowledge_base(
            kb, date, settings, open_everything=open_everything, scenario=scenario, today=today
        )

    try:
        key = _key(kb, date, settings, open_everything)
        if scenario is not None:  # the scenario's overrides and the day its closures start
            extra = f"{scenario.key()}\x00{scenario.date_or(today).isoformat()}"
            key = hashlib.sha256(f"{key}\x00{extra}".encode()).hexdigest()
    except (OSError, sqlite3.Error) as error:  # no key, no cache
        logger.debug("snapshot cache unavailable: %s", error)
        return compile_it()
    snapshot = _read(path, key)
    if snapshot is not None:
        return snapshot
    snapshot = compile_it()
    _write(path, key, kb.content_key(), snapshot)
    return snapshot


def _key(kb: KnowledgeBase, date: dt.date, settings: CostSettings, open_everything: bool) -> str:
    parts = (
        code_version(),
        kb.content_key(),
        date.isoformat(),
        settings.model_dump_json(),
        "open" if open_everything else "as on the date",
    )
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


# -- reading ----------------------------------------------------------------------------
def _read(path: Path, key: str) -> NetworkSnapshot | None:
    """The snapshot stored under ``key``, when the file is caravan's and the entry sound."""
    kind, _ = file_kind(path)
    if kind is not FileKind.SNAPSHOT_CACHE:
        return None
    try:
        with _connection(path, "ro") as connection:
            row = connection.execute(
                "SELECT digest, payload FROM snapshots WHERE key = ?", (key,)
            ).fetchone()
    except sqlite3.Error as error:
        logger.debug("snapshot cache %s unreadable: %s", path, error)
        return None
    if row is None:
        return None
    digest, payload = row
    if not isinstance(payload, bytes) or hashlib.sha256(payload).hexdigest() != digest:
        logger.debug("snapshot cache %s: entry %s damaged, ignored", path, key[:12])
        return None
    try:
        snapshot = _SnapshotUnpickler(io.BytesIO(payload)).load()
    except Exception as error:  # any failure to decode means: compile instead
        logger.debug("snapshot cache %s: entry %s not decoded (%s)", path, key[:12], error)
        return None
    return snapshot if isinstance(snapshot, NetworkSnapshot) else None


#: Packages whose classes a snapshot is made of (their constructors do no I/O).
_SNAPSHOT_MODULES = ("caravan.network.", "caravan.model.")

#: Globals a snapshot may name besides caravan's classes (and numpy's dtype classes).
_ALLOWED_GLOBALS = frozenset(
    {
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "tuple"),
        ("builtins", "list"),
        ("builtins", "dict"),
        ("builtins", "object"),
        ("copyreg", "_reconstructor"),
        ("collections", "OrderedDict"),
        ("collections", "defaultdict"),
        ("datetime", "date"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.numeric", "_frombuffer"),
        ("numpy._core.numeric", "_frombuffer"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
    }
)


class _SnapshotUnpickler(pickle.Unpickler):
    """Constructs only caravan's classes, numpy arrays and a few plain builtins."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        if module.startswith(_SNAPSHOT_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type):  # classes only: no functions to call
                return found
        if module.startswith("numpy") and name.endswith("DType"):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot cache")


# -- writing ----------------------------------------------------------------------------
def _write(path: Path, key: str, kb_key: str, snapshot: NetworkSnapshot) -> None:
    """Store a snapshot; drop entries of other knowledge-base contents and the oldest."""
    kind, _ = file_kind(path)
    if kind not in (FileKind.ABSENT, FileKind.SNAPSHOT_CACHE):
        logger.debug("%s is not caravan's snapshot cache: not caching", path)
        return
    payload = pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.sha256(payload).hexdigest()
    for attempt in range(2):
        try:
            with _connection(path, "rwc") as connection:
                _prepare(connection)
                with _transaction(connection):
                    connection.execute("DELETE FROM snapshots WHERE kb_key != ?", (kb_key,))
                    connection.execute(
                        "INSERT OR REPLACE INTO snapshots "
                        "(key, kb_key, created_at, digest, payload) VALUES (?, ?, ?, ?, ?)",
                        (key, kb_key, time.time(), digest, payload),
                    )
                    connection.execute(
                        "DELETE FROM snapshots WHERE key NOT IN "
                        "(SELECT key FROM snapshots ORDER BY created_at DESC LIMIT ?)",
                        (MAX_ENTRIES,),
                    )
            return
        except sqlite3.DatabaseError as error:
            if attempt or isinstance(error, sqlite3.OperationalError):
                logger.debug("snapshot cache %s not written: %s", path, error)
                return
            # Caravan's own file, damaged: replace it (never a file caravan did not create).
            if file_kind(path)[0] is not FileKind.SNAPSHOT_CACHE:
                return
            logger.debug("snapshot cache %s damaged (%s): replaced", path, error)
            with contextlib.suppress(OSError):
                path.unlink()


def _prepare(connection: sqlite3.Connection) -> None:
    """Mark a new cache file as caravan's and create its table (idempotent)."""
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    if application_id == SNAPSHOT_CACHE_APPLICATION_ID:
        connection.execute("SELECT count(*) FROM snapshots").fetchone()  # detects damage
        return
    with _transaction(connection):
        connection.execute(f"PRAGMA application_id = {SNAPSHOT_CACHE_APPLICATION_ID}")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS snapshots (key TEXT PRIMARY KEY, kb_key TEXT NOT NULL, "
            "created_at REAL NOT NULL, digest TEXT NOT NULL, payload BLOB NOT NULL)"
        )


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any failure (the connection autocommits)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextlib.contextmanager
def _connection(path: Path, mode: str) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(
        f"file:{path}?mode={mode}", uri=True, timeout=_BUSY_TIMEOUT_S, isolation_level=None
    )
    try:
        if mode == "ro":
            connection.execute("PRAGMA query_only = ON")
        else:
            connection.execute("PRAGMA synchronous = FULL")
        yield connection
    finally:
        connection.close()
