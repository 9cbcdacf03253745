"""compound search

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-06

Dutch writes compounds as one word (*kansenpas*, *vrijetijdsaanbod*); the main search index only
finds a word from its start. This adds ``network_search_inside``: an FTS5 table with the
``trigram`` tokenizer holding, per column, every distinct word of four letters or more,
accent-folded and lower-cased, without its first letter (so a query word is found *inside* a
word). It is filled here from the text the main index already stores. The store keeps it in step
afterwards (:mod:`db.storage.search_index`).

As in 0002, the SQL and the folding below are a snapshot on purpose: a migration must do
tomorrow what it did today (a later change to the inside text gets a migration of its own, or the
index is rebuilt by ``netwerken reindex``; the check after an import notices a difference).
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None
# The schema version this revision leaves in PRAGMA user_version (see db/storage/dbfile.py).
schema_version = 5

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
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LONG_WORD = re.compile("[\\w\ue000-\uf8ff]{4,}")
_BATCH = 500


def _inside_text(value: str) -> str:
    if not value:
        return ""
    if not value.isascii():
        value = _MARKS.sub("", unicodedata.normalize("NFD", value))
    words = _LONG_WORD.findall(value.lower().replace("_", " "))
    return " ".join(dict.fromkeys(word[1:] for word in words))


def upgrade() -> None:
    names = [name for name, _weight in _COLUMNS]
    columns = ", ".join(names)
    weights = ", ".join(str(weight) for _name, weight in _COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE network_search_inside USING fts5({columns}, tokenize = 'trigram')"
    )
    op.execute(
        "INSERT INTO network_search_inside (network_search_inside, rank)"
        f" VALUES ('rank', 'bm25({weights})')"
    )
    connection = op.get_bind()
    insert = sa.text(
        f"INSERT INTO network_search_inside (rowid, {columns})"
        f" VALUES (:docid, {', '.join(':' + name for name in names)})"
    )
    after = -1
    while True:
        rows = connection.execute(
            sa.text(
                f"SELECT rowid, {columns} FROM network_search WHERE rowid > :after"
                f" ORDER BY rowid LIMIT {_BATCH}"
            ),
            {"after": after},
        ).all()
        if not rows:
            break
        connection.execute(
            insert,
            [
                {"docid": row[0]}
                | {
                    name: _inside_text(value or "")
                    for name, value in zip(names, row[1:], strict=True)
                }
                for row in rows
            ],
        )
        after = int(rows[-1][0])
    op.execute("INSERT INTO network_search_inside (network_search_inside) VALUES ('optimize')")
    op.execute(f"PRAGMA user_version = {schema_version}")


def downgrade() -> None:
    op.execute("DROP TABLE network_search_inside")
    op.execute("PRAGMA user_version = 3")
