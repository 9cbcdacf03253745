"""Every change to the open database goes through here, and is announced (learned from Anki).

:class:`DatabaseSession` owns the current :class:`~db.store.Store`. Each operation is one short
store call; afterwards it emits ``changed(Change)`` saying which records changed, or
``databaseChanged(store)`` when another file was opened. Views listen and refresh themselves;
no view reaches into another to refresh it.

Errors are not caught here: the caller (a window or form) knows how to tell the user, and the
store guarantees that a failed call left the file as it was.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QObject, Signal

from db.errors import ConflictError, WriteError
from db.schemas import NetworkProfile
from db.store import Change, ChangeKind, Store


class DatabaseSession(QObject):
    """The open database and the operations on it."""

    changed = Signal(object)  # db.store.Change
    databaseChanged = Signal(object)  # the new Store

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    @property
    def path(self) -> Path | None:
        return self._store.path

    # reading ------------------------------------------------------------------------------------

    def get(self, network_id: UUID) -> NetworkProfile:
        return self._store.get(network_id)

    def find(self, network_id: UUID) -> NetworkProfile | None:
        return self._store.find(network_id)

    # changing records ---------------------------------------------------------------------------

    def save(self, profile: NetworkProfile, *, force: bool = False) -> NetworkProfile:
        """Create or update ``profile``; a conflict is announced too, since the record changed."""
        is_new = profile.version == 0
        try:
            saved = self._store.save(profile, force=force)
        except ConflictError as error:
            kind = ChangeKind.DELETED if error.current is None else ChangeKind.UPDATED
            self.changed.emit(Change(kind, (profile.id,)))
            raise
        self.changed.emit(Change(ChangeKind.CREATED if is_new else ChangeKind.UPDATED, (saved.id,)))
        return saved

    def delete(self, network_id: UUID, *, expected_version: int | None = None) -> NetworkProfile:
        removed = self._store.delete(network_id, expected_version=expected_version)
        self.changed.emit(Change(ChangeKind.DELETED, (network_id,)))
        return removed

    def restore(self, profile: NetworkProfile) -> NetworkProfile:
        restored = self._store.restore(profile)
        self.changed.emit(Change(ChangeKind.CREATED, (restored.id,)))
        return restored

    def announce(self, change: Change) -> None:
        """For operations done straight on the store (imports): tell the views."""
        self.changed.emit(change)

    # changing the file --------------------------------------------------------------------------

    def open_database(self, path: Path) -> Store:
        """Open an existing file; on any error the current database stays open."""
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
        store = Store.open(path, create=True)
        self._replace(store)
        return store

    def replace_store(self, store: Store) -> None:
        """Switch to a store opened elsewhere (restoring a backup, importing a database file)."""
        self._replace(store)

    def _replace(self, store: Store) -> None:
        old = self._store
        self._store = store
        if old is not store:
            old.close()
        self.databaseChanged.emit(store)

    def close(self) -> None:
        self._store.close()
