"""The full-text index's shape and its upkeep: what the store writes in every transaction.

The index is an SQLite FTS5 table, ``network_search``, with one row per network and one column
per group of fields (name, municipalities, partners, actions, ...). Its tokenizer folds case and
diacritics (``cooperatie`` finds ``coöperatie``), prefix indexes make search-as-you-type cheap,
and ``bm25`` weighs a column by how telling a hit there is: a hit in the name or a municipality
ranks above one in an action text.

Dutch writes compounds as one word (*kansenpas*, *vrijetijdsaanbod*), and unicode61 only finds a
word from its start. A second FTS5 table, ``network_search_inside``, holds per column every
distinct word of four letters or more, accent-folded and lower-cased, *without its first letter*,
under the ``trigram`` tokenizer: a query word of three letters or more is then found inside a
word (``pas`` in ``ansenpas``) by a trigram phrase query. Only the tails are kept because a match
at the start of a word is the main table's job, and each word only once per field because inside
matches only make the third tier of the ranking (see :mod:`db.search.results`): at 10,000
generated networks the file grows 1.5x (the whole folded text would make it 1.9x, each distinct
word whole 1.7x). Folding happens here in Python: the trigram tokenizer (SQLite 3.34) has
``remove_diacritics`` only from SQLite 3.45, newer than the 3.40 Python 3.11 brings here.

Upkeep lives here, once, below the store: the store calls :func:`reindex_networks` (or
:func:`reindex_all`) in the same transaction as every write, so the index can never lag behind a
committed change. Triggers cannot do this: connections run with ``trusted_schema = OFF``, under
which SQLite refuses to write an FTS5 table from a trigger. Checking the index of a file that came
from elsewhere, and querying it, are the search room's (:mod:`db.search`).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    pass

INDEX_TABLE = "network_search"
KEYS_TABLE = "network_search_keys"
INSIDE_TABLE = "network_search_inside"
# app_meta key: set when a network was removed and its words may linger in the index.
HOLDS_DELETED = "search_index_holds_deleted"
TOKENIZER = "unicode61 remove_diacritics 2"
PREFIXES = "2 3 4"
INSIDE_TOKENIZER = "trigram"
# A query word needs this many letters to be looked for inside words; shorter ones would match
# nearly everything (and the trigram tokenizer cannot look up fewer than three characters).
INSIDE_MIN_LETTERS = 3

Executor = Session | Connection


# --- the indexed document: one column per field group, with its weight -----------------------


@dataclass(frozen=True, slots=True)
class IndexedField:
    key: str  # a key of db.model.messages.FIELD_LABELS
    weight: float
    sql: str  # the column's text, computed from the tables for the network aliased ``n``


def _lines(select_line: str) -> str:
    return f"coalesce((SELECT group_concat(line, char(10)) FROM ({select_line})), '')"


# In weight order: the field a hit is reported in is the first one that holds it.
FIELDS: tuple[IndexedField, ...] = (
    IndexedField("name", 10.0, "n.name"),
    IndexedField("alias", 8.0, "n.alias"),
    IndexedField(
        "municipalities",
        8.0,
        _lines(
            "SELECT name AS line FROM network_municipalities"
            " WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField(
        "instruments",
        4.0,
        _lines("SELECT name AS line FROM instruments WHERE network_id = n.id ORDER BY position"),
    ),
    IndexedField("province", 3.0, "coalesce(n.province, '')"),
    IndexedField("region", 3.0, "n.region"),
    IndexedField(
        "partners",
        3.0,
        _lines(
            "SELECT name || iif(description <> '', ': ' || description, '') AS line"
            " FROM partners WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField("target_group", 2.0, "n.target_group"),
    IndexedField(
        "contacts",
        2.0,
        _lines(
            "SELECT substr(iif(name <> '', ', ' || name, '') || iif(role <> '', ', ' || role, '')"
            " || iif(organisation <> '', ', ' || organisation, '')"
            " || iif(email <> '', ', ' || email, '') || iif(phone <> '', ', ' || phone, ''), 3)"
            " AS line FROM contacts WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField("vision", 1.5, "n.vision"),
    IndexedField(
        "goals",
        1.5,
        _lines("SELECT title AS line FROM goals WHERE network_id = n.id ORDER BY position"),
    ),
    IndexedField("meetings", 1.0, "n.meetings"),
    IndexedField(
        "sections",
        1.0,
        _lines(
            "SELECT trim(title || char(10) || body, char(10)) AS line"
            " FROM sections WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField(
        "captions",
        1.0,
        _lines("SELECT text AS line FROM captions WHERE network_id = n.id ORDER BY position"),
    ),
    # Goal actions, network actions and sub-actions alike; id order is the order they were written.
    IndexedField(
        "actions",
        1.0,
        _lines("SELECT text AS line FROM actions WHERE network_id = n.id ORDER BY id"),
    ),
    IndexedField("notes", 1.0, "n.notes"),
)
FIELD_KEYS = tuple(field.key for field in FIELDS)
COLUMNS = ", ".join(FIELD_KEYS)
PAGE_COLUMNS = ", ".join(f"s.{key}" for key in FIELD_KEYS)
DOCUMENTS = (
    f"SELECT k.docid AS docid, {', '.join(f'{f.sql} AS {f.key}' for f in FIELDS)}"
    f" FROM networks AS n JOIN {KEYS_TABLE} AS k ON k.network_id = n.id"
)
_IDS = "SELECT value FROM json_each(:ids)"

RANK = f"bm25({', '.join(str(f.weight) for f in FIELDS)})"

CREATE_STATEMENTS = (
    f"CREATE TABLE {KEYS_TABLE} (docid INTEGER PRIMARY KEY, network_id VARCHAR(36) NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5({COLUMNS},"
    f" tokenize = '{TOKENIZER}', prefix = '{PREFIXES}')",
    f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('rank', '{RANK}')",
)
INSIDE_CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {INSIDE_TABLE} USING fts5({COLUMNS}, tokenize = '{INSIDE_TOKENIZER}')",
    f"INSERT INTO {INSIDE_TABLE} ({INSIDE_TABLE}, rank) VALUES ('rank', '{RANK}')",
)
_INSIDE_INSERT = (
    f"INSERT INTO {INSIDE_TABLE} (rowid, {COLUMNS})"
    f" VALUES (:docid, {', '.join(':' + key for key in FIELD_KEYS)})"
)
# Networks read per round trip when the whole inside index is (re)built.
_BATCH = 500


# --- the words inside words ------------------------------------------------------------------

# Combining marks: what NFD splits off a letter, and what remove_diacritics drops.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# As for unicode61, letters, digits and private-use characters make up a word ("_" is replaced
# by a space first: one positive class is twice as fast as excluding "_" from \w). Words of
# three letters or fewer hold no three-letter match after their first letter.
_LONG_WORD = re.compile("[\\w\ue000-\uf8ff]{4,}")


def fold_word(text: str) -> str:
    """Lower case without accents, as unicode61 with ``remove_diacritics`` reads a word."""
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return text.lower()


def inside_text(value: str) -> str:
    """What the inside index holds for one field: each distinct word of four letters or more,
    folded, without its first letter, in order of first appearance."""
    if not value:
        return ""
    words = _LONG_WORD.findall(fold_word(value).replace("_", " "))
    return " ".join(dict.fromkeys(word[1:] for word in words))


def inside_row(docid: int, columns: Sequence[str | None]) -> dict[str, object]:
    row: dict[str, object] = {"docid": docid}
    for key, value in zip(FIELD_KEYS, columns, strict=True):
        row[key] = inside_text(value or "")
    return row


def _write_inside(executor: Executor, where: str, params: Mapping[str, object]) -> None:
    """Fill the inside index from the main index's stored text of the rows ``where`` selects,
    a batch at a time (the text is folded here, in Python)."""
    after = -1
    while True:
        rows = executor.execute(
            text(
                f"SELECT rowid, {COLUMNS} FROM {INDEX_TABLE} WHERE ({where}) AND rowid > :after"
                f" ORDER BY rowid LIMIT {_BATCH}"
            ),
            {**params, "after": after},
        ).all()
        if not rows:
            return
        executor.execute(text(_INSIDE_INSERT), [inside_row(row[0], row[1:]) for row in rows])
        after = int(rows[-1][0])


# --- upkeep: called by the store inside its write transaction --------------------------------


def reindex_networks(executor: Executor, ids: Iterable[UUID | str]) -> None:
    """Bring the index rows of ``ids`` in line with the tables: (re)written if the network
    exists, removed if it does not. Call it after the change is flushed, before the commit."""
    wanted = json.dumps(sorted({str(i) for i in ids}))
    if wanted == "[]":
        return
    params = {"ids": wanted}
    for table in (INDEX_TABLE, INSIDE_TABLE):
        executor.execute(
            text(
                f"DELETE FROM {table} WHERE rowid IN"
                f" (SELECT docid FROM {KEYS_TABLE} WHERE network_id IN ({_IDS}))"
            ),
            params,
        )
    executor.execute(text(f"DELETE FROM {KEYS_TABLE} WHERE network_id IN ({_IDS})"), params)
    # A deleted network's words stay in the index's segments until they are merged; note that,
    # so an export purges them (db.exchange.database_file) instead of merging on every export or delete.
    executor.execute(
        text(
            f"INSERT OR REPLACE INTO app_meta (key, value) SELECT '{HOLDS_DELETED}', '1'"
            f" WHERE EXISTS (SELECT 1 FROM json_each(:ids) AS j"
            f" WHERE j.value NOT IN (SELECT id FROM networks))"
        ),
        params,
    )
    executor.execute(
        text(f"INSERT INTO {KEYS_TABLE} (network_id) SELECT id FROM networks WHERE id IN ({_IDS})"),
        params,
    )
    executor.execute(
        text(f"INSERT INTO {INDEX_TABLE} (rowid, {COLUMNS}) {DOCUMENTS} WHERE n.id IN ({_IDS})"),
        params,
    )
    _write_inside(
        executor, f"rowid IN (SELECT docid FROM {KEYS_TABLE} WHERE network_id IN ({_IDS}))", params
    )


def refill_raw(connection: sqlite3.Connection) -> None:
    """Write both indexes anew from the tables on a plain sqlite3 connection, in the caller's
    transaction, and merge their segments: after text was taken out of every record (an export
    without personal data), no old word may stay behind in either index."""
    for table in (INDEX_TABLE, INSIDE_TABLE):
        connection.execute(f"DELETE FROM {table}")
    connection.execute(f"INSERT INTO {INDEX_TABLE} (rowid, {COLUMNS}) {DOCUMENTS}")
    after = -1
    while True:
        rows = connection.execute(
            f"SELECT rowid, {COLUMNS} FROM {INDEX_TABLE} WHERE rowid > ? ORDER BY rowid"
            f" LIMIT {_BATCH}",
            (after,),
        ).fetchall()
        if not rows:
            break
        connection.executemany(_INSIDE_INSERT, [inside_row(row[0], row[1:]) for row in rows])
        after = int(rows[-1][0])
    for table in (INDEX_TABLE, INSIDE_TABLE):
        connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def reindex_all(executor: Executor) -> int:
    """Rewrite the whole index from the tables (after a bulk change); returns the row count.

    The index tables are dropped and made anew rather than emptied: deleting every row of an FTS5
    table costs as much as filling it, dropping costs nothing (and leaves no old text behind)."""
    for table in (INDEX_TABLE, INSIDE_TABLE, KEYS_TABLE):
        executor.execute(text(f"DROP TABLE IF EXISTS {table}"))
    for statement in (*CREATE_STATEMENTS, *INSIDE_CREATE_STATEMENTS):
        executor.execute(text(statement))
    executor.execute(
        text(f"INSERT INTO {KEYS_TABLE} (network_id) SELECT id FROM networks ORDER BY id")
    )
    executor.execute(text(f"INSERT INTO {INDEX_TABLE} (rowid, {COLUMNS}) {DOCUMENTS}"))
    _write_inside(executor, "1", {})
    # One b-tree instead of many segments: queries on a freshly filled index stay fast.
    for table in (INDEX_TABLE, INSIDE_TABLE):
        executor.execute(text(f"INSERT INTO {table} ({table}) VALUES ('optimize')"))
    return int(executor.execute(text(f"SELECT count(*) FROM {KEYS_TABLE}")).scalar_one())
