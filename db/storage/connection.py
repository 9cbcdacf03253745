"""Plain SQLite connections to a Netwerken file, and SQLite's failures as sentences.

The one place that knows how a connection to our files is set up (the pragmas every connection
needs, read-write or read-only) and how SQLite's terse errors read to a user. The SQLAlchemy
engine (:mod:`db.storage.engine`) applies the same setup to each of its connections; the record list
(:mod:`db.storage.listing`) uses these connections directly, so the window can show its list without
loading SQLAlchemy at start-up. Only the standard library is imported here.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from db.model.errors import BusyError, StoreError, WriteError
from db.storage.paths import StorageKind, sqlite_file_uri, storage_kind

BUSY_TIMEOUT_MS = 5000

_LOCKED = ("database is locked", "database table is locked", "database is busy")


def configure(connection: sqlite3.Connection, *, busy_timeout_ms: int, wal: bool | None) -> None:
    """The pragmas every connection to a Netwerken file gets.

    Transactions are begun by us (``BEGIN`` / ``BEGIN IMMEDIATE``) instead of by the sqlite3
    module, which would otherwise start them late and let two writers dead-lock on upgrade.
    ``wal``: True switches the file to the write-ahead log (local disks), False to a rollback
    journal (network and synchronised folders, :func:`db.storage.paths.journal_choice`), None
    leaves the file as it is (reading).
    """
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA trusted_schema = OFF")
    if wal:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    elif wal is False:
        # Only when the file is in WAL mode: the switch needs the file to itself, and is a
        # no-op otherwise. If another program holds it open, it stays as it is for now.
        mode = cursor.execute("PRAGMA journal_mode").fetchone()
        if mode is not None and str(mode[0]).lower() == "wal":
            with suppress(sqlite3.OperationalError):
                cursor.execute("PRAGMA journal_mode = DELETE")
    cursor.close()


def read_only_location(path: Path) -> bool:
    """True when the file lies where nothing may be written (write-protected medium, share, file)."""
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK)


def sqlite_uri(path: Path, *, read_only: bool) -> str:
    """The ``file:`` URI to open ``path`` with (built by :func:`db.storage.paths.sqlite_file_uri`).

    Read-write uses ``mode=rw``: if the file disappears while the program runs, SQLite must fail,
    not quietly create a new empty database in its place. Read-only uses ``immutable`` on a
    local disk: without -shm SQLite can read a write-ahead-log file only when told nothing else
    writes it, which holds where no one can write. Never on a share or in a synchronised
    folder, where a colleague may write the file while it is read.
    """
    if read_only:
        if storage_kind(path) is StorageKind.LOCAL:
            return sqlite_file_uri(path, {"mode": "ro", "immutable": "1"})
        return sqlite_file_uri(path, {"mode": "ro"})
    return sqlite_file_uri(path, {"mode": "rw"})


def connect(
    path: Path, *, read_only: bool = False, busy_timeout_ms: int | None = None
) -> sqlite3.Connection:
    """A configured connection to an existing file (never creates one). For reading: the
    write-ahead log is used as the file has it, nothing is switched."""
    connection = sqlite3.connect(
        sqlite_uri(path, read_only=read_only), uri=True, check_same_thread=True
    )
    try:
        configure(
            connection,
            busy_timeout_ms=BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms,
            wal=None,
        )
    except BaseException:
        connection.close()
        raise
    return connection


def store_error(error: BaseException, path: Path | None) -> StoreError:
    """The sentence for an SQLite failure on ``path``; the caller's data stays where it was."""
    where = path.name if path else "de database"
    detail = str(error).lower()
    if any(marker in detail for marker in _LOCKED):
        return BusyError()
    if "readonly" in detail or "read-only" in detail:
        return WriteError(
            f"{where} kan niet beschreven worden (alleen-lezen). Je wijzigingen zijn niet opgeslagen.",
            f"{where} cannot be written (read-only). Your changes were not saved.",
        )
    if "disk is full" in detail or "database or disk is full" in detail:
        return WriteError(
            f"De schijf is vol: {where} kon niet opgeslagen worden. Niets van wat al bewaard was ging verloren.",
            f"The disk is full: {where} could not be saved. Nothing saved before was lost.",
        )
    if "unable to open" in detail and path is not None and path.exists():
        return WriteError(
            f"{where} kan niet geopend worden om te schrijven: staat het bestand op een "
            f"alleen-lezen plaats? Je wijzigingen zijn niet opgeslagen. ({detail})",
            f"{where} cannot be opened for writing: is the file in a read-only place? "
            f"Your changes were not saved. ({detail})",
        )
    if "unable to open" in detail or "no such table" in detail or "disk i/o" in detail:
        return WriteError(
            f"{where} is niet (meer) bereikbaar: werd het bestand verplaatst of verwijderd? ({detail})",
            f"{where} cannot be reached (any more): was the file moved or deleted? ({detail})",
        )
    if "malformed" in detail or "not a database" in detail or "corrupt" in detail:
        return WriteError(
            f"{where} is beschadigd ({detail}). Zet een back-up terug.",
            f"{where} is damaged ({detail}). Restore a backup.",
        )
    return WriteError(
        f"Databasefout in {where}: {detail}",
        f"Database error in {where}: {detail}",
    )
