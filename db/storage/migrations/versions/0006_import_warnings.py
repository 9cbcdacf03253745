"""import warnings and image credits

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-06

What the text reader guessed or could not place stays with the network it read, until the officer
marks it checked: ``source_warnings`` (one warning a line) and ``source_warnings_checked``.
Image credits of the web page (``Beeld: maker - CC BY-SA 2.0``) are kept apart from the captions:
``image_credits`` (one credit a line). A line of either cannot hold a line break (the schema
cleans them out), so a newline separates them. Existing rows get no warnings and no credits;
captions stored before are left as they are.

(Follows 0005, the compound search index; 0004, written in parallel, goes before 0005.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/storage/dbfile.py).
schema_version = 6


def upgrade() -> None:
    op.add_column(
        "networks", sa.Column("source_warnings", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "networks",
        sa.Column(
            "source_warnings_checked", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )
    op.add_column(
        "networks", sa.Column("image_credits", sa.Text(), nullable=False, server_default="")
    )
    op.create_index(
        "ix_networks_to_check",
        "networks",
        ["id"],
        sqlite_where=sa.text("source_warnings != '' AND source_warnings_checked = 0"),
    )
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.drop_index("ix_networks_to_check", table_name="networks")
    with op.batch_alter_table("networks") as batch:
        batch.drop_column("image_credits")
        batch.drop_column("source_warnings_checked")
        batch.drop_column("source_warnings")
    op.execute("PRAGMA user_version = 5")
