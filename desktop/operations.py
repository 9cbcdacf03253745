"""Every change to the open database goes through here, and is announced (learned from Anki).

:class:`DatabaseSession` owns the current :class:`~db.storage.store.Store`. Each operation is one short
store call; afterwards it emits ``changed(Change)`` saying which records changed, or
``databaseChanged(store)`` when another file was opened. Views listen and refresh themselves;
no view reaches into another to refresh it.

Errors are not caught here: the caller (a window or form) knows how to tell the user, and the
store guarantees that a failed call left the file as it was.

Start-up speed: a session can be opened on a file whose header was checked (current, ours)
without building the store. The record list reads through :attr:`DatabaseSession.listing`
(plain sqlite3), and the :class:`~db.storage.store.Store` (SQLAlchemy, pydantic) is built on first use;
the window has its code loaded on a worker thread right after its first paint
(:meth:`DatabaseSession.prepare_in_background`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal

from db.model.changes import Change, ChangeKind
from db.model.errors import ConflictError, StoreError, WriteError
from db.storage.dbfile import DatabaseFileError
from db.storage.listing import Listing, ListSource

if TYPE_CHECKING:
    from db.model.schemas import NetworkProfile
    from db.storage.store import Store

_PRELOAD_POLL_MS = 15


class DatabaseSession(QObject):
    """The open database and the operations on it."""

    changed = Signal(object)  # db.storage.store.Change
    databaseChanged = Signal(object)  # the new Store

    def __init__(
        self, store: Store | None = None, parent: QObject | None = None, *, path: Path | None = None
    ) -> None:
        """On an open ``store``, or on the file at ``path`` (checked by the caller with
        :func:`db.storage.dbfile.check_openable` and current): its store is built on first use."""
        super().__init__(parent)
        if store is None and path is None:
            raise ValueError("a session needs a store or the path of a checked file")
        self._store = store
        self._path = store.path if store is not None else path
        self._listing = Listing(self._path) if self._path is not None else None
        self._closed = False

    @property
    def store(self) -> Store:
        """The store, built the first time it is needed (SQLAlchemy is loaded then)."""
        if self._store is None:
            assert self._path is not None
            from db.storage.store import Store

            try:
                self._store = Store.open(self._path, create=False)
            except DatabaseFileError as error:
                # The file was checked at start; it changed since (replaced, removed).
                raise WriteError(str(error), error.english) from error
        return self._store

    @property
    def store_is_open(self) -> bool:
        """False while the session reads the file through the list only (just after start-up)."""
        return self._store is not None

    def prepare(self) -> None:
        """Build the store now (after the first paint), so no later action waits for it; a
        failure is told by the action that needs the store."""
        with suppress(StoreError):
            self.store  # noqa: B018 - building it is the point

    def prepare_in_background(self, then: Callable[[], object]) -> None:
        """Load and build the store on a worker thread, then call ``then`` on this (the UI)
        thread.

        Loading SQLAlchemy and pydantic and preparing the first read takes ~0.7 s: on the UI
        thread that would freeze the window just after it appeared. The worker touches no Qt
        object; the UI thread polls for it every few milliseconds and stays responsive. An action
        that needs the store sooner builds it itself (waiting for the import under way); the
        worker's store is then closed unused. Any failure in the worker is left to the UI
        thread, which repeats the step and reports it where it is needed.
        """
        path = self._path
        ready: list[Store] = []
        done = threading.Event()

        def load() -> None:
            try:
                from db.model.schemas import load_lazy_tables
                from db.storage.store import Store

                load_lazy_tables()
                # What was just loaded lives as long as the program: keep it out of the
                # collector's full passes (the first one would land on the UI thread, ~40 ms).
                gc.freeze()
                if path is not None:
                    store = Store.open(path, create=False)
                    ready.append(store)
                    store.warm_up()
            except Exception:  # the UI thread repeats the step and says what went wrong
                pass
            finally:
                done.set()

        def poll() -> None:
            if not done.is_set():
                QTimer.singleShot(_PRELOAD_POLL_MS, self, poll)
                return
            for store in ready:  # hand the worker's store over, unless it is too late
                if self._store is None and not self._closed and store.path == self._path:
                    self._store = store
                else:
                    store.close()
            if self._closed:
                return
            self.prepare()
            then()

        if self._store is not None:
            done.set()
        else:
            # Not a daemon: the interpreter waits for it at exit (under a second) instead of
            # killing it mid-import, which aborts the process ("exception not rethrown").
            threading.Thread(target=load, name="netwerken-load-store").start()
        QTimer.singleShot(0, self, poll)

    @property
    def listing(self) -> ListSource:
        """Where the record list reads ids and rows: plain sqlite3 on the file."""
        if self._listing is not None:
            return self._listing
        return self.store

    @property
    def path(self) -> Path | None:
        return self._path

    # reading ------------------------------------------------------------------------------------

    def get(self, network_id: UUID) -> NetworkProfile:
        return self.store.get(network_id)

    def find(self, network_id: UUID) -> NetworkProfile | None:
        return self.store.find(network_id)

    # changing records ---------------------------------------------------------------------------

    def save(self, profile: NetworkProfile, *, force: bool = False) -> NetworkProfile:
        """Create or update ``profile``; a conflict is announced too, since the record changed."""
        is_new = profile.version == 0
        try:
            saved = self.store.save(profile, force=force)
        except ConflictError as error:
            kind = ChangeKind.DELETED if error.current is None else ChangeKind.UPDATED
            self.announce(Change(kind, (profile.id,)))
            raise
        self.announce(Change(ChangeKind.CREATED if is_new else ChangeKind.UPDATED, (saved.id,)))
        return saved

    def mark_checked(self, network_id: UUID, version: int) -> NetworkProfile:
        """Mark a record's import warnings checked (:meth:`Store.mark_checked`)."""
        try:
            stored = self.store.mark_checked(network_id, version)
        except ConflictError as error:
            kind = ChangeKind.DELETED if error.current is None else ChangeKind.UPDATED
            self.announce(Change(kind, (network_id,)))
            raise
        self.announce(Change(ChangeKind.UPDATED, (network_id,)))
        return stored

    def delete(self, network_id: UUID, *, expected_version: int | None = None) -> NetworkProfile:
        removed = self.store.delete(network_id, expected_version=expected_version)
        self.announce(Change(ChangeKind.DELETED, (network_id,)))
        return removed

    def restore(self, profile: NetworkProfile) -> NetworkProfile:
        restored = self.store.restore(profile)
        self.announce(Change(ChangeKind.CREATED, (restored.id,)))
        return restored

    def announce(self, change: Change) -> None:
        """Tell the views what changed (also for operations done straight on the store: imports)."""
        if self._listing is not None:
            # The list re-reads what changed; after many changes at once, everything.
            if change.kind is ChangeKind.RELOADED or not change.ids:
                self._listing.forget()
            else:
                self._listing.follow(change.ids)
        self.changed.emit(change)

    # changing the file --------------------------------------------------------------------------

    def open_database(self, path: Path) -> Store:
        """Open an existing file; on any error the current database stays open."""
        from db.storage.store import Store

        store = Store.open(path, create=False)
        self._replace(store)
        return store

    def new_database(self, path: Path) -> Store:
        """Create a new, empty database file; an existing file is never overwritten."""
        if path.exists():
            raise WriteError(
                f"Het bestand {path.name} bestaat al. Kies een andere naam; "
                "een bestaande database wordt nooit overschreven.",
                f"The file {path.name} already exists. Choose another name; "
                "an existing database is never overwritten.",
            )
        from db.storage.store import Store

        store = Store.open(path, create=True)
        self._replace(store)
        return store

    def replace_store(self, store: Store) -> None:
        """Switch to a store opened elsewhere (restoring a backup, importing a database file)."""
        self._replace(store)

    def _replace(self, store: Store) -> None:
        old = self._store
        self._store = store
        self._path = store.path
        self._listing = Listing(store.path) if store.path is not None else None
        if old is not None and old is not store:
            old.close()
        self.databaseChanged.emit(store)

    def close(self) -> None:
        self._closed = True  # a store load still under way is not finished any more
        if self._store is not None:
            self._store.close()
