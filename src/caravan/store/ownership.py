"""Which files are caravan's own: caravan writes only to paths it created.

Every SQLite file caravan writes carries an application id in its header (bytes 68–71):
one for knowledge bases, one for journals of edits, one for caches of compiled networks,
one for queues of proposed facts. A path that exists and does not carry
the id (a folder, a text file, someone else's database) is refused before anything opens
it for writing. Knowledge bases built before the id existed are recognised by their
``meta`` table, read-only.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from enum import Enum
from pathlib import Path

from caravan.errors import KnowledgeBaseError, NotAKnowledgeBaseError

__all__ = [
    "JOURNAL_APPLICATION_ID",
    "KNOWLEDGE_BASE_APPLICATION_ID",
    "OSM_LAYER_APPLICATION_ID",
    "PROPOSAL_QUEUE_APPLICATION_ID",
    "SNAPSHOT_CACHE_APPLICATION_ID",
    "FileKind",
    "file_kind",
    "reading_own_database",
    "require_own_file",
]

#: ``PRAGMA application_id`` of a caravan knowledge base ("CRVK").
KNOWLEDGE_BASE_APPLICATION_ID = 0x4352564B
#: ``PRAGMA application_id`` of a caravan journal of edits ("CRVJ").
JOURNAL_APPLICATION_ID = 0x4352564A
#: ``PRAGMA application_id`` of a caravan cache of compiled network snapshots ("CRVS").
SNAPSHOT_CACHE_APPLICATION_ID = 0x43525653
#: ``PRAGMA application_id`` of a network layer imported from OpenStreetMap ("CRVL").
OSM_LAYER_APPLICATION_ID = 0x4352564C
#: ``PRAGMA application_id`` of a caravan queue of proposed facts under review ("CRVP").
PROPOSAL_QUEUE_APPLICATION_ID = 0x43525650


class FileKind(Enum):
    """What a path holds, as far as caravan is concerned."""

    ABSENT = "absent"
    KNOWLEDGE_BASE = "knowledge base"
    LEGACY_KNOWLEDGE_BASE = "knowledge base of an earlier caravan"
    JOURNAL = "journal of edits"
    SNAPSHOT_CACHE = "cache of compiled networks"
    OSM_LAYER = "network layer imported from OpenStreetMap"
    PROPOSAL_QUEUE = "queue of proposed facts"
    FOREIGN = "not a caravan file"


def file_kind(path: Path) -> tuple[FileKind, str]:
    """Classify ``path`` without writing to it; the text says why when it is foreign."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return FileKind.FOREIGN, "is a broken symbolic link"
        return FileKind.ABSENT, ""
    except OSError as error:
        return FileKind.FOREIGN, f"cannot be read ({error.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return FileKind.FOREIGN, "is a folder"
    if not stat.S_ISREG(info.st_mode):
        return FileKind.FOREIGN, "is not a regular file"
    if info.st_size == 0:
        return FileKind.FOREIGN, "is an empty file"
    # The header is read through SQLite, never by opening the file ourselves: closing a
    # descriptor of a database releases every POSIX lock this process holds on it.
    try:
        application_id = _application_id(path, "ro")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "read-only" not in str(error):
            return FileKind.FOREIGN, f"cannot be read ({error})"
        # A hot journal that a read-only connection may not roll back: open to recover.
        application_id = _application_id(path, "rw")
    except sqlite3.DatabaseError:
        return FileKind.FOREIGN, "is not an SQLite database"
    if application_id == KNOWLEDGE_BASE_APPLICATION_ID:
        return FileKind.KNOWLEDGE_BASE, ""
    if application_id == JOURNAL_APPLICATION_ID:
        return FileKind.JOURNAL, ""
    if application_id == SNAPSHOT_CACHE_APPLICATION_ID:
        return FileKind.SNAPSHOT_CACHE, ""
    if application_id == OSM_LAYER_APPLICATION_ID:
        return FileKind.OSM_LAYER, ""
    if application_id == PROPOSAL_QUEUE_APPLICATION_ID:
        return FileKind.PROPOSAL_QUEUE, ""
    if application_id == 0 and _has_caravan_meta(path):
        return FileKind.LEGACY_KNOWLEDGE_BASE, ""
    return FileKind.FOREIGN, "is an SQLite database that caravan did not create"


def _application_id(path: Path, mode: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, timeout=30)
    try:
        connection.execute("PRAGMA query_only = ON")
        return int(connection.execute("PRAGMA application_id").fetchone()[0])
    finally:
        connection.close()


def require_own_file(path: Path, *allowed: FileKind) -> FileKind:
    """The kind of ``path`` if it is absent or one of ``allowed``; refuses anything else."""
    kind, reason = file_kind(path)
    if kind is FileKind.ABSENT or kind in allowed:
        return kind
    detail = reason if kind is FileKind.FOREIGN else f"is a caravan {kind.value}"
    raise NotAKnowledgeBaseError(
        f"{path} is not a caravan {allowed[0].value}: it {detail}. caravan writes only "
        "files it created, so it left this one untouched; choose another path"
    )


def _has_caravan_meta(path: Path) -> bool:
    """True for a knowledge base of an earlier schema: a meta table with caravan's keys."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        keys = {row[0] for row in connection.execute("SELECT key FROM meta")}
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return {"schema_version", "digest"} <= keys


@contextlib.contextmanager
def reading_own_database(
    path: Path,
    kind: FileKind,
    connect: Callable[[], AbstractContextManager[sqlite3.Connection]],
    description: str,
) -> Iterator[sqlite3.Connection | None]:
    """A connection for reading one of caravan's databases (None while it does not exist).

    A foreign file is refused before it is opened; an SQLite error while reading becomes a
    KnowledgeBaseError naming ``description`` and the file.
    """
    if require_own_file(path, kind) is FileKind.ABSENT:
        yield None
        return
    try:
        with connect() as connection:
            yield connection
    except sqlite3.Error as error:
        raise KnowledgeBaseError(f"cannot read {description} {path}: {error}") from error
