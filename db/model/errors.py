"""Errors the store raises: each carries a Dutch sentence (``str(error)``) and its English twin."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.model.schemas import NetworkProfile

__all__ = [
    "BusyError",
    "ConflictError",
    "DatabaseFileError",
    "DuplicateIdError",
    "ForeignDatabaseError",
    "ImportCancelled",
    "NewerSchemaError",
    "NotADatabaseError",
    "NotFoundError",
    "StoreError",
    "WriteError",
]


class DatabaseFileError(Exception):
    """A database file cannot be used; ``str(error)`` is a Dutch sentence, ``english`` the same in English."""

    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(dutch)
        self.english = english


class NotADatabaseError(DatabaseFileError):
    pass


class ForeignDatabaseError(DatabaseFileError):
    pass


class NewerSchemaError(DatabaseFileError):
    pass


class StoreError(Exception):
    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(dutch)
        self.english = english

    def message(self, language: str = "nl") -> str:
        return str(self) if language == "nl" else self.english


class NotFoundError(StoreError):
    def __init__(self, network_id: object) -> None:
        super().__init__(
            f"Het netwerk {network_id} bestaat niet (meer) in deze database.",
            f"The network {network_id} does not exist (any more) in this database.",
        )
        self.network_id = network_id


class DuplicateIdError(StoreError):
    def __init__(self, network_id: object) -> None:
        super().__init__(
            f"Er bestaat al een netwerk met id {network_id}.",
            f"A network with id {network_id} exists already.",
        )


class ConflictError(StoreError):
    """Someone else saved (or deleted) the record since it was read: never overwrite silently."""

    def __init__(self, name: str, current: NetworkProfile | None) -> None:
        if current is None:
            dutch = f"'{name}' werd intussen verwijderd door iemand anders."
            english = f"'{name}' was deleted by someone else in the meantime."
        else:
            dutch = (
                f"'{name}' werd intussen gewijzigd door iemand anders (versie {current.version}). "
                "Herlaad het netwerk of overschrijf bewust de andere wijziging."
            )
            english = (
                f"'{name}' was changed by someone else in the meantime (version {current.version}). "
                "Reload the network or deliberately overwrite the other change."
            )
        super().__init__(dutch, english)
        self.current = current


class BusyError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "De database is bezet door een ander programma. Probeer het straks opnieuw; je wijzigingen blijven in het formulier.",
            "The database is busy in another program. Try again in a moment; your changes stay in the form.",
        )


class WriteError(StoreError):
    """The file could not be written: read-only, gone, disk full, damaged."""


class ImportCancelled(StoreError):
    """The user stopped an import while the file was read; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(
            "Het inlezen werd gestopt; je database is ongewijzigd.",
            "Reading the file was stopped; your database is unchanged.",
        )
