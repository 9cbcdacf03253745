"""history

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Every network's versions (:mod:`db.history`): one table, ``network_versions``, and the file's
own id in ``app_meta`` (``database_id``, made on first need). Nothing else changes for an
existing file.

Each network already in the file gets one version of kind ``initial`` in the same transaction,
but not here: :func:`db.storage.store.record_initial_versions` writes them once the schema is at
its newest (they are built from the records by the program's current code, which reads the
newest schema; a later migration may add columns).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/dbfile.py).
schema_version = 4


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
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.drop_index("ix_network_versions_network_seq", table_name="network_versions")
    op.drop_table("network_versions")
    op.execute("DELETE FROM app_meta WHERE key = 'database_id'")
    op.execute("PRAGMA user_version = 3")
