"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A full-text index (SQLite FTS5) over every text field of a network, filled for the networks a
file already holds. The store keeps it in step afterwards (:mod:`db.search.query`); triggers cannot,
because connections run with ``trusted_schema = OFF`` and FTS5 may then not be written from a
trigger.

The SQL below is a snapshot on purpose: a migration must do tomorrow what it did today, even when
``db/search.py`` has moved on (a later change to the index gets a migration of its own).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/dbfile.py).
schema_version = 2

# Column -> bm25 weight: a hit in the name or a municipality counts far more than one in an action.
_COLUMNS = (
    ("name", 10.0),
    ("alias", 8.0),
    ("municipalities", 8.0),
    ("instruments", 4.0),
    ("province", 3.0),
    ("region", 3.0),
    ("partners", 3.0),
    ("target_group", 2.0),
    ("contacts", 2.0),
    ("vision", 1.5),
    ("goals", 1.5),
    ("meetings", 1.0),
    ("sections", 1.0),
    ("captions", 1.0),
    ("actions", 1.0),
    ("notes", 1.0),
)


def _lines(sql_select: str) -> str:
    return f"coalesce((SELECT group_concat(line, char(10)) FROM ({sql_select})), '')"


_DOCUMENT = {
    "name": "n.name",
    "alias": "n.alias",
    "municipalities": _lines(
        "SELECT name AS line FROM network_municipalities WHERE network_id = n.id ORDER BY position"
    ),
    "instruments": _lines(
        "SELECT name AS line FROM instruments WHERE network_id = n.id ORDER BY position"
    ),
    "province": "coalesce(n.province, '')",
    "region": "n.region",
    "partners": _lines(
        "SELECT name || iif(description <> '', ': ' || description, '') AS line"
        " FROM partners WHERE network_id = n.id ORDER BY position"
    ),
    "target_group": "n.target_group",
    "contacts": _lines(
        "SELECT substr(iif(name <> '', ', ' || name, '') || iif(role <> '', ', ' || role, '')"
        " || iif(organisation <> '', ', ' || organisation, '')"
        " || iif(email <> '', ', ' || email, '') || iif(phone <> '', ', ' || phone, ''), 3) AS line"
        " FROM contacts WHERE network_id = n.id ORDER BY position"
    ),
    "vision": "n.vision",
    "goals": _lines("SELECT title AS line FROM goals WHERE network_id = n.id ORDER BY position"),
    "meetings": "n.meetings",
    "sections": _lines(
        "SELECT trim(title || char(10) || body, char(10)) AS line"
        " FROM sections WHERE network_id = n.id ORDER BY position"
    ),
    "captions": _lines(
        "SELECT text AS line FROM captions WHERE network_id = n.id ORDER BY position"
    ),
    "actions": _lines("SELECT text AS line FROM actions WHERE network_id = n.id ORDER BY id"),
    "notes": "n.notes",
}


def upgrade() -> None:
    columns = ", ".join(name for name, _weight in _COLUMNS)
    weights = ", ".join(str(weight) for _name, weight in _COLUMNS)
    op.execute(
        "CREATE TABLE network_search_keys"
        " (docid INTEGER PRIMARY KEY, network_id VARCHAR(36) NOT NULL UNIQUE)"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE network_search USING fts5({columns},"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
    )
    op.execute(
        f"INSERT INTO network_search (network_search, rank) VALUES ('rank', 'bm25({weights})')"
    )
    op.execute("INSERT INTO network_search_keys (network_id) SELECT id FROM networks ORDER BY id")
    values = ", ".join(_DOCUMENT[name] for name, _weight in _COLUMNS)
    op.execute(
        f"INSERT INTO network_search (rowid, {columns})"
        f" SELECT k.docid, {values}"
        " FROM networks AS n JOIN network_search_keys AS k ON k.network_id = n.id"
    )
    op.execute("INSERT INTO network_search (network_search) VALUES ('optimize')")
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.execute("DROP TABLE network_search")
    op.execute("DROP TABLE network_search_keys")
    op.execute("PRAGMA user_version = 1")
