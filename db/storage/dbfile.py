"""What a database file is, read without SQLAlchemy or Alembic (start-up speed matters).

A Netwerken file carries an application id and its schema version in the SQLite header
(``PRAGMA application_id`` / ``PRAGMA user_version``). Reading them costs one small read, so the
program can refuse a foreign or newer file before it imports anything heavy.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.model.errors import (
    DatabaseFileError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
)

# "NWKN" in ASCII: marks a file as ours (SQLite reserves the header field for this).
APPLICATION_ID = 0x4E574B4E
# The schema version of the newest migration; tests check it matches the Alembic head.
SCHEMA_VERSION = 6
SQLITE_MAGIC = b"SQLite format 3\x00"
PROGRAM_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class FileHeader:
    application_id: int
    schema_version: int

    @property
    def is_ours(self) -> bool:
        return self.application_id == APPLICATION_ID


def read_header(path: Path) -> FileHeader:
    """Read the two header fields straight from the file's first 100 bytes (no lock, no write)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseFileError(
            f"Het bestand {path} kan niet gelezen worden: {error.strerror or error}.",
            f"The file {path} cannot be read: {error.strerror or error}.",
        ) from error
    if len(header) == 0:
        raise NotADatabaseError(
            f"Het bestand {path.name} is leeg: het is geen Netwerken-database.",
            f"The file {path.name} is empty: it is not a Netwerken database.",
        )
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(
            f"Het bestand {path.name} is geen database (geen SQLite-bestand).",
            f"The file {path.name} is not a database (not an SQLite file).",
        )
    # Offsets 60 (user_version) and 68 (application_id), big-endian, per the SQLite file format.
    return FileHeader(
        application_id=int.from_bytes(header[68:72], "big"),
        schema_version=int.from_bytes(header[60:64], "big"),
    )


def check_openable(path: Path) -> FileHeader:
    """Refuse, with a sentence a user understands, any file this program must not open."""
    header = read_header(path)
    if not header.is_ours:
        raise ForeignDatabaseError(
            f"Het bestand {path.name} is een SQLite-database van een ander programma, geen Netwerken-database.",
            f"The file {path.name} is an SQLite database of another program, not a Netwerken database.",
        )
    if header.schema_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"De database {path.name} werd gemaakt door een nieuwere versie van Netwerken "
            f"(schemaversie {header.schema_version}; deze versie kent tot {SCHEMA_VERSION}). "
            "Werk het programma bij om dit bestand te openen; het bestand blijft ongewijzigd.",
            f"The database {path.name} was made by a newer version of Netwerken "
            f"(schema version {header.schema_version}; this version knows up to {SCHEMA_VERSION}). "
            "Update the program to open this file; the file is left unchanged.",
        )
    return header


def sqlite_integrity(path: Path) -> list[str]:
    """``PRAGMA quick_check`` on a read-only connection; an empty list means the file is sound."""
    from db.storage.paths import sqlite_file_uri

    connection = sqlite3.connect(sqlite_file_uri(path, {"mode": "ro"}), uri=True)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages
