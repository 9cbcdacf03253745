"""SQLAlchemy engines for Netwerken files, with the pragmas every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from db.storage.connection import BUSY_TIMEOUT_MS, configure
from db.storage.paths import sqlite_file_uri

__all__ = ["BUSY_TIMEOUT_MS", "make_engine", "writer"]


def make_engine(
    url_or_path: str | Path,
    *,
    wal: bool = True,
    read_only: bool = False,
    busy_timeout_ms: int | None = None,
    uri: str | None = None,
) -> Engine:
    """An engine whose connections enforce foreign keys, wait on locks and distrust the schema.

    The pragmas are :func:`db.storage.connection.configure`'s; transactions are begun by us (``BEGIN`` /
    ``BEGIN IMMEDIATE``). A path is opened through the ``file:`` URI
    :func:`db.storage.paths.sqlite_file_uri` builds (or ``uri``, when the caller built one with
    options), handed to sqlite3 directly: SQLAlchemy's URL parsing would read ``#`` or ``?``
    in a folder name as part of the URL. ``wal`` False keeps (or puts) the file in a rollback
    journal.
    ``busy_timeout_ms`` (default :data:`BUSY_TIMEOUT_MS`) is how long a write waits for another
    program's lock before it gives up with :class:`db.model.errors.BusyError`.
    """
    timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else int(busy_timeout_ms)
    if uri is not None or isinstance(url_or_path, Path) or "://" not in str(url_or_path):
        if uri is None:
            options = {"mode": "ro"} if read_only else {}
            uri = sqlite_file_uri(Path(url_or_path), options)
        target = uri

        def connect() -> sqlite3.Connection:
            # check_same_thread off as SQLAlchemy sets it for files: a connection is used by
            # one thread at a time (NullPool: one per use), not always the one that made it.
            return sqlite3.connect(target, uri=True, check_same_thread=False)

        # One connection per use: a desktop program has few, and no pooled connection then
        # keeps a file open after it was closed or replaced (import, restore).
        engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    else:
        engine = create_engine(str(url_or_path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        configure(dbapi_connection, busy_timeout_ms=timeout_ms, wal=None if read_only else wal)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at once (BEGIN IMMEDIATE)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")
