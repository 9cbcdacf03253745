"""The one door through which personal-data work reaches the records' history.

Erasing a person and writing a copy without personal data must also change every stored
version of every record (the history of issue 14: table ``network_versions``, each version the
record's JSON, compressed). Both go through :func:`stored_records` (to count) and
:func:`rewrite_stored_records` (to change) and nothing else, so the storage format of versions
stays the history module's business.

A file without that table has no stored versions: both functions then report none, which is the
truth for such a file (see :func:`has_history`). Until the history module is in this branch, a
file that does have the table is refused with ``NotImplementedError`` rather than half-served.

Once the history is here, the two bodies are (checked against the history branch's module):

* :func:`stored_records`: ``history.iter_versions(connection)``, skipping deletions
  (``data is None``) and networks not asked for;
* :func:`rewrite_stored_records` in two passes: first the ``seq`` of every version ``change``
  alters, then for each ``seq`` the version read afresh (``history.stored_record``), changed and
  written back (``history.rewrite_version``). Not in one pass: versions are stored compressed
  against an earlier version, and a batch already read by ``iter_versions`` would decode
  against a base that the rewrite has just replaced.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

VERSIONS_TABLE = "network_versions"

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
    raise NotImplementedError(  # pragma: no cover - a table only the history branch makes
        "network_versions exists but the history module is not merged into this branch"
    )


def rewrite_stored_records(
    connection: sqlite3.Connection,
    change: RecordChange,
    network_ids: list[str] | None = None,
) -> int:
    """Apply ``change`` to every stored version (of ``network_ids``, or all) in the caller's
    transaction; returns how many versions changed."""
    if not has_history(connection):
        return 0
    raise NotImplementedError(  # pragma: no cover - a table only the history branch makes
        "network_versions exists but the history module is not merged into this branch"
    )
