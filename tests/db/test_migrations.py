"""Migrations: a file made with the oldest schema, holding data, opens in the newest with all data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from db.storage import dbfile
from db.storage.backup import list_backups
from db.storage.engine import make_engine
from db.storage.migrate import head_schema_version, upgrade
from db.storage.store import Store
from db.storage.tables import Base

NETWORK_ID = "2b0e5c1e-0000-4000-8000-000000000001"


def make_oldest_database(path: Path) -> None:
    """Schema revision 0001, filled by plain SQL as a program of that version would have."""
    engine = make_engine(path)
    with engine.connect() as connection:
        upgrade(connection, "0001")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute(
            "INSERT INTO networks (id, name, alias, province, region, vision, target_group, drawing_right_eur,"
            " meetings, notes, source_file_name, source_imported_at, source_raw_text, created_at, updated_at,"
            " version) VALUES (?, 'Lokaal netwerk Genk', '', 'Limburg', '', 'Visie van Genk', '', 1764100,"
            " 'Tweemaandelijks', '', 'genk.txt', NULL, 'Genk ruw', '2018-01-01T00:00:00.000000+00:00',"
            " '2018-01-02T00:00:00.000000+00:00', 3)",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO network_municipalities (network_id, position, name) VALUES (?, 0, 'Genk')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO agreement_periods (network_id, ordinal, start_year, end_year) VALUES (?, 1, 2018, 2019)",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO partners (network_id, position, name, description) VALUES (?, 0, 'vzw De Sfeer', '')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO goals (id, network_id, position, title) VALUES (7, ?, 0, 'Drempels wegwerken')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO actions (id, network_id, goal_id, parent_id, position, text) VALUES (11, ?, 7, NULL, 0, 'Rap op Stap')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO actions (id, network_id, goal_id, parent_id, position, text) VALUES (12, ?, NULL, 11, 0, 'verlengen')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO contacts (network_id, position, name, role, organisation, email, phone)"
            " VALUES (?, 0, 'Gert Philippeth', 'stafmedewerker cultuur', '', 'gert.philippeth@genk.be', '089 65 38 11')",
            (NETWORK_ID,),
        )
        raw.execute(
            "INSERT INTO captions (network_id, position, text) VALUES (?, 0, 'Beeld: Genk')",
            (NETWORK_ID,),
        )
        raw.execute("PRAGMA journal_mode = DELETE")


def test_head_revision_matches_the_version_the_program_checks() -> None:
    assert head_schema_version() == dbfile.SCHEMA_VERSION


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "fresh.sqlite")
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # Tables the models do not describe (the search index and its shadow tables) are fine.
    differences = [d for d in differences if not (isinstance(d, tuple) and d[0] == "remove_table")]
    assert differences == []


def test_oldest_database_with_data_migrates_and_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    if dbfile.SCHEMA_VERSION > 1:
        assert dbfile.read_header(path).schema_version == 1
    store = Store.open(path)
    assert store.schema_version() == dbfile.SCHEMA_VERSION
    profile = store.get(NETWORK_ID)
    assert profile.name == "Lokaal netwerk Genk"
    assert str(profile.drawing_right_eur) == "17641.00"
    assert profile.goals[0].title == "Drempels wegwerken"
    assert profile.goals[0].actions[0].text == "Rap op Stap"
    assert profile.goals[0].actions[0].children[0].text == "verlengen"
    assert profile.contacts[0].email == "gert.philippeth@genk.be"
    assert profile.captions == ["Beeld: Genk"]
    assert profile.version == 3
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, count in [("actions", 2), ("goals", 1), ("partners", 1), ("contacts", 1)]:
            assert raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count
    if dbfile.SCHEMA_VERSION > 1:
        # A migration of an existing file is preceded by a backup of it.
        assert any(b.reason == "voor-migratie" for b in list_backups(path))


@pytest.mark.skipif(dbfile.SCHEMA_VERSION == 1, reason="needs a migration after the oldest one")
def test_after_a_migration_the_file_header_says_the_new_version(tmp_path: Path) -> None:
    """Regression (a flaky start-up test): the new version stayed in the write-ahead log while
    any other connection had the file open, so a start reading only the header saw the old one
    and took the slow way."""
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    other = sqlite3.connect(path)
    try:
        assert other.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
        # Another program has the file open (idle): closing the store is then no last close,
        # and SQLite skips the checkpoint it makes at a last close.
        other.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        Store.open(path).close()
        assert dbfile.read_header(path).schema_version == dbfile.SCHEMA_VERSION
    finally:
        other.close()


_REBUILD_MIGRATION = '''
"""throwaway: rebuild the parent and child tables by copy-and-rename, as batch mode does"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = {head!r}
branch_labels = None
depends_on = None
schema_version = {schema_version}


def upgrade() -> None:
    for table in ("networks", "goals", "actions"):
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))
'''


def _scripts_with_a_table_rebuild(tmp_path: Path) -> Path:
    """The real migrations plus one that rebuilds ``networks`` (the parent of every child row)."""
    from alembic.script import ScriptDirectory

    from db.storage import migrate

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    (scripts / "versions" / "9999_rebuild.py").write_text(
        _REBUILD_MIGRATION.format(head=head, schema_version=dbfile.SCHEMA_VERSION),
        encoding="utf-8",
    )
    return scripts


def _child_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        return {
            table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "network_municipalities",
                "agreement_periods",
                "partners",
                "goals",
                "actions",
                "contacts",
                "captions",
            )
        }


def test_a_batch_rebuild_of_networks_keeps_every_child_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With foreign keys on, SQLite's copy-and-rename drops ``networks`` and so cascade-deletes
    every child row. db.storage.migrate.upgrade switches them off around the rebuild; this proves it,
    and that the same rebuild without that guard really would lose the children."""
    from alembic import command

    from db.storage import migrate

    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    before = _child_counts(path)
    assert all(before.values())
    unguarded = tmp_path / "zonder-bescherming.sqlite"
    shutil.copyfile(path, unguarded)
    monkeypatch.setattr(migrate, "MIGRATIONS", _scripts_with_a_table_rebuild(tmp_path))

    engine = make_engine(path)
    with engine.connect() as connection:
        upgrade(connection)
    engine.dispose()
    assert _child_counts(path) == before
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"
        assert "extra" in {row[1] for row in raw.execute("PRAGMA table_info(networks)")}
    # Read through a plain store: opening would (rightly) refuse the test migration's extra
    # column, which no real migration of this version adds.
    profile = Store(make_engine(path), path).get(NETWORK_ID)
    assert profile.goals[0].actions[0].children[0].text == "verlengen"

    # The control: the same scripts on a connection with foreign keys on lose every child.
    engine = make_engine(unguarded)
    with engine.connect() as connection, connection.begin():
        command.upgrade(migrate.alembic_config(connection), "head")
    engine.dispose()
    assert sum(_child_counts(unguarded).values()) == 0
