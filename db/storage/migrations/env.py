"""Alembic environment: always run through :func:`db.storage.migrate.upgrade`, on a connection it hands in."""

from __future__ import annotations

from alembic import context

from db.storage.tables import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the command-line alembic would get here
    raise RuntimeError(
        "Run migrations through db.storage.migrate.upgrade(), which supplies a connection."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds a table by copy-and-rename.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
