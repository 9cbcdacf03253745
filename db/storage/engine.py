"""SQLAlchemy engines for Netwerken files, with the pragmas every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from db.storage.connection import BUSY_TIMEOUT_MS, configure

__all__ = ["BUSY_TIMEOUT_MS", "make_engine", "writer"]


def make_engine(
    url_or_path: str | Path,
    *,
    wal: bool = True,
    read_only: bool = False,
    busy_timeout_ms: int | None = None,
) -> Engine:
    """An engine whose connections enforce foreign keys, wait on locks and distrust the schema.

    The pragmas are :func:`db.storage.connection.configure`'s; transactions are begun by us (``BEGIN`` /
    ``BEGIN IMMEDIATE``).
    ``busy_timeout_ms`` (default :data:`BUSY_TIMEOUT_MS`) is how long a write waits for another
    program's lock before it gives up with :class:`db.model.errors.BusyError`.
    """
    timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else int(busy_timeout_ms)
    if isinstance(url_or_path, Path) or "://" not in str(url_or_path):
        path = Path(url_or_path)
        if read_only:
            url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
        else:
            url = f"sqlite:///{path.as_posix()}"
    else:
        url = str(url_or_path)
    # One connection per use: a desktop program has few, and no pooled connection then keeps
    # a file open after it was closed or replaced (import, restore).
    engine = create_engine(url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        configure(dbapi_connection, busy_timeout_ms=timeout_ms, wal=wal and not read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at once (BEGIN IMMEDIATE)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")
