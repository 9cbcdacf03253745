"""history

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Every network's versions (:mod:`db.history`): one table, ``network_versions``, and the file's
own id in ``app_meta`` (``database_id``). Each network already in the file gets one version of
kind ``initial``, so that from now on a merge has something to compare with; nothing else
changes for an existing file.

The initial versions are written by the same code that writes every later version (the hash of
a record must be computed the same way, or two copies of one file would not recognise each
other's records).
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/dbfile.py).
schema_version = 4

_BATCH = 500


def upgrade() -> None:
    op.create_table(
        "network_versions",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("network_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("database_id", sa.String(length=36), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("record", sa.LargeBinary(), nullable=True),
        sa.Column("base_version_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_network_versions")),
        sa.UniqueConstraint("version_id", name=op.f("uq_network_versions_version_id")),
    )
    op.create_index(
        "ix_network_versions_network_seq",
        "network_versions",
        ["network_id", "imported", "seq"],
        unique=False,
    )
    _initial_versions()
    op.execute(f"PRAGMA user_version = {schema_version}")


def _initial_versions() -> None:
    from db.storage.history import (
        NewVersion,
        VersionKind,
        default_author,
        record_data,
        record_versions,
    )
    from db.storage.store import load_profiles

    bind = op.get_bind()
    raw = bind.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    ids = [row[0] for row in raw.execute("SELECT id FROM networks ORDER BY id")]
    author = default_author()
    session = Session(bind=bind)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        try:
            profiles = list(load_profiles(session, batch).values())
        except Exception:
            # One record that no longer passes the rules: the others still get their version;
            # that one gets none (an import names it when it reads the file's records).
            profiles = []
            for network_id in batch:
                try:
                    profiles.extend(load_profiles(session, [network_id]).values())
                except Exception:
                    continue
        record_versions(
            raw,
            (NewVersion(str(p.id), p.name, record_data(p)) for p in profiles),
            VersionKind.INITIAL,
            author,
            skip_unchanged=False,
        )


def downgrade() -> None:
    op.drop_index("ix_network_versions_network_seq", table_name="network_versions")
    op.drop_table("network_versions")
    op.execute("DELETE FROM app_meta WHERE key = 'database_id'")
    op.execute("PRAGMA user_version = 3")
