"""What an operation changed: views listen for these and decide whether to refresh.

A module of its own (no SQLAlchemy, no pydantic) so that the window can know the kinds of
change at start-up without loading the store; :mod:`db.storage.store` re-exports both names.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from uuid import UUID


class ChangeKind(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    RELOADED = "reloaded"  # many records changed at once (import, restore): views refetch


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed, so each view can decide whether to refresh."""

    kind: ChangeKind
    ids: tuple[UUID, ...] = ()
