"""Bring a database file's schema to the newest version with Alembic.

Imported only when a file actually needs migrating (new or older file): a normal start reads the
version from the header (:mod:`db.storage.dbfile`) and never loads Alembic.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from db.storage.dbfile import APPLICATION_ID

MIGRATIONS = Path(__file__).with_name("migrations")


class MigrationError(Exception):
    pass


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_schema_version() -> int:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_revision(script.get_current_head() or "base")
    assert head is not None
    return int(head.module.schema_version)


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate the database on ``connection`` (outside any transaction) to ``revision``.

    Foreign keys are switched off while tables are rebuilt: with them on, SQLite's
    copy-and-rename in batch mode would cascade-delete every child row. Afterwards
    ``foreign_key_check`` must come back empty, or the migration is rolled back.
    """
    raw = connection.connection.driver_connection  # pragmas must run outside a transaction
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.begin():
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            command.upgrade(alembic_config(connection), revision)
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise MigrationError(f"foreign key check failed after migration: {problems[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
