"""app meta

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

A small key/value table for facts about the file itself rather than about networks: an exported
file records the program version that made it and when (``program_version``, ``exported_at``).
The application id and the schema version stay in the SQLite header, where they can be read
without opening the file as a database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/dbfile.py).
schema_version = 3


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.drop_table("app_meta")
    op.execute("PRAGMA user_version = 2")
