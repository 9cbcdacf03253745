"""Undoable commands: edits in the form, and deleting a network.

Form edits are recorded after the widget already shows them (the user typed it), so the first
``redo`` does nothing; later ``undo``/``redo`` put values back through a callback. Consecutive
typing in one text field merges into one command, as in any editor.

Deleting a network is done before its command is pushed (the user confirmed it); undo puts the
record back with :meth:`db.storage.store.Store.restore`, keeping its id and timestamps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db.model.errors import StoreError

if TYPE_CHECKING:  # the window imports this module at start-up: keep pydantic out of it
    from db.model.schemas import NetworkProfile
    from desktop.operations import DatabaseSession

translate = QCoreApplication.translate

FIELD_EDIT_ID = 4101

# key -> (value before, value after)
Changes = dict[str, tuple[Any, Any]]


class FieldEditCommand(QUndoCommand):
    """One edit of one or more form fields (a municipality and the province it filled in)."""

    def __init__(
        self,
        text: str,
        changes: Changes,
        apply: Callable[[dict[str, Any]], None],
        *,
        typing: bool = False,
    ) -> None:
        super().__init__(text)
        self.changes = dict(changes)
        self._apply = apply
        self._typing = typing
        self._first = True

    def id(self) -> int:
        return FIELD_EDIT_ID if self._typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEditCommand) or not other._typing or not self._typing:
            return False
        if set(other.changes) != set(self.changes):
            return False
        for key, (_before, after) in other.changes.items():
            self.changes[key] = (self.changes[key][0], after)
        # Typed and erased again: nothing left to undo.
        self.setObsolete(all(before == after for before, after in self.changes.values()))
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply({key: after for key, (_before, after) in self.changes.items()})

    def undo(self) -> None:
        self._apply({key: before for key, (before, _after) in self.changes.items()})


class DeleteNetworkCommand(QUndoCommand):
    """A network the user deleted; undo restores it during this session."""

    def __init__(
        self,
        session: DatabaseSession,
        removed: NetworkProfile,
        *,
        may_delete_again: Callable[[NetworkProfile], bool],
        restored: Callable[[UUID], None],
        failed: Callable[[StoreError], None],
    ) -> None:
        super().__init__(translate("Undo", "verwijderen van '{name}'").format(name=removed.name))
        self._session = session
        self.profile = removed
        self._may_delete_again = may_delete_again
        self._restored = restored
        self._failed = failed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # the delete was done before the command was pushed
            return
        if not self._may_delete_again(self.profile):
            self.setObsolete(True)
            return
        try:
            self.profile = self._session.delete(self.profile.id)
        except StoreError as error:
            self.setObsolete(True)
            self._failed(error)

    def undo(self) -> None:
        try:
            restored = self._session.restore(self.profile)
        except StoreError as error:
            self.setObsolete(True)
            self._failed(error)
            return
        self._restored(restored.id)
