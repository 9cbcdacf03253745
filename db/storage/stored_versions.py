"""The one door through which personal-data work reaches the records' history.

Erasing a person and writing a copy without personal data must also change every stored
version of every record (the history of issue 14: table ``network_versions``, each version the
record's JSON, compressed). Both go through :func:`stored_records` (to count) and
:func:`rewrite_stored_records` (to change) and nothing else, so the storage format of versions
stays the history module's business.

A file without that table has no stored versions: both functions then report none, which is the
truth for such a file (see :func:`has_history`).

:func:`rewrite_stored_records` works in two passes: first the ``seq`` of every version ``change``
alters, then for each ``seq`` the version read afresh (:func:`db.storage.history.stored_record`),
changed and written back (:func:`db.storage.history.rewrite_version`). Not in one pass: versions
are stored compressed against an earlier whole version, and a batch already read would decode
against a base that the rewrite has just replaced. A rewritten version gets the hash of its new
content: a colleague's file still holding the old content no longer shares that version (a merge
with it asks about what differs, instead of finding the erased datum a common ancestor).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from db.storage import history

VERSIONS_TABLE = history.VERSIONS_TABLE

# A change to one version's JSON: the new JSON, or None to leave that version as it is.
RecordChange = Callable[[dict[str, Any]], dict[str, Any] | None]


@dataclass(frozen=True, slots=True)
class StoredRecord:
    seq: int
    network_id: str
    data: dict[str, Any]


def has_history(connection: sqlite3.Connection) -> bool:
    return (
        connection.execute(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (VERSIONS_TABLE,)
        ).fetchone()
        is not None
    )


def stored_records(
    connection: sqlite3.Connection, network_ids: list[str] | None = None
) -> Iterator[StoredRecord]:
    """Every stored version that holds a record (of ``network_ids``, or of all networks)."""
    if not has_history(connection):
        return iter(())
    return _records(connection, network_ids)


def _records(
    connection: sqlite3.Connection, network_ids: list[str] | None
) -> Iterator[StoredRecord]:
    for network_id in [None] if network_ids is None else network_ids:
        for version in history.iter_versions(connection, network_id):
            if version.data is not None:
                yield StoredRecord(version.info.seq, version.info.network_id, version.data)


def rewrite_stored_records(
    connection: sqlite3.Connection,
    change: RecordChange,
    network_ids: list[str] | None = None,
) -> int:
    """Apply ``change`` to every stored version (of ``network_ids``, or all) in the caller's
    transaction; returns how many versions changed."""
    if not has_history(connection):
        return 0
    altered = [
        stored.seq
        for stored in stored_records(connection, network_ids)
        if change(stored.data) is not None
    ]
    count = 0
    for seq in altered:
        try:
            data = history.stored_record(connection, seq)
        except history.UnreadableVersionError:
            continue
        changed = change(data) if data is not None else None
        if changed is None:
            continue
        history.rewrite_version(connection, seq, changed)
        count += 1
    return count
