"""Checking and repairing the search index of a database file (``netwerken reindex``, imports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.storage.search_index import (
    CREATE_STATEMENTS,
    DOCUMENTS,
    FIELD_KEYS,
    INDEX_TABLE,
    INSIDE_CREATE_STATEMENTS,
    INSIDE_TABLE,
    KEYS_TABLE,
    RANK,
    inside_text,
    reindex_all,
)

if TYPE_CHECKING:
    from db.storage.store import Store


def rebuild_index(store: Store) -> int:
    """Make the index anew from the tables (``netwerken reindex``); returns the count."""
    with store.write_session() as session:
        return reindex_all(session)


def _normalised_sql(sql: str) -> str:
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())


def check_index(store: Store) -> bool:
    """True when the index is sound and holds exactly the networks' current text.

    Meant for a database file that came from elsewhere (an import): it reads everything once.
    """
    expected_tables = {
        KEYS_TABLE: CREATE_STATEMENTS[0],
        INDEX_TABLE: CREATE_STATEMENTS[1],
        INSIDE_TABLE: INSIDE_CREATE_STATEMENTS[0],
    }
    with store.write_session() as session:
        tables: dict[str, str | None] = dict(
            session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name IN (:index, :keys, :inside)"),
                {"index": INDEX_TABLE, "keys": KEYS_TABLE, "inside": INSIDE_TABLE},
            ).all()
        )
        for name, statement in expected_tables.items():
            if _normalised_sql(tables.get(name) or "") != _normalised_sql(statement):
                return False
        checks = (
            # every network has a key, every key a network, every key a row and nothing more
            "SELECT count(*) FROM networks AS n"
            f" WHERE NOT EXISTS (SELECT 1 FROM {KEYS_TABLE} AS k WHERE k.network_id = n.id)",
            f"SELECT count(*) FROM {KEYS_TABLE} AS k"
            " WHERE NOT EXISTS (SELECT 1 FROM networks AS n WHERE n.id = k.network_id)",
            f"SELECT (SELECT count(*) FROM {INDEX_TABLE}) - (SELECT count(*) FROM {KEYS_TABLE})",
            f"SELECT count(*) FROM {KEYS_TABLE} AS k"
            f" WHERE NOT EXISTS (SELECT 1 FROM {INDEX_TABLE} AS s WHERE s.rowid = k.docid)",
            f"SELECT (SELECT count(*) FROM {INSIDE_TABLE}) - (SELECT count(*) FROM {KEYS_TABLE})",
            f"SELECT count(*) FROM {KEYS_TABLE} AS k"
            f" WHERE NOT EXISTS (SELECT 1 FROM {INSIDE_TABLE} AS s WHERE s.rowid = k.docid)",
            # the indexed text is the text the tables hold now
            f"SELECT count(*) FROM ({DOCUMENTS}) AS d JOIN {INDEX_TABLE} AS s ON s.rowid = d.docid"
            f" WHERE {' OR '.join(f's.{key} IS NOT d.{key}' for key in FIELD_KEYS)}",
        )
        for check in checks:
            if session.execute(text(check)).scalar_one() != 0:
                return False
        if not _inside_text_is_current(session):
            return False
        for table in (INDEX_TABLE, INSIDE_TABLE):
            rank = session.execute(
                text(f"SELECT v FROM {table}_config WHERE k = 'rank'")
            ).scalar_one_or_none()
            if rank != RANK:
                return False
            try:
                # FTS5's own check that its inverted index matches the stored text.
                session.execute(
                    text(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
                )
            except DBAPIError:
                return False
        session.rollback()
    return True


def _inside_text_is_current(session: Session) -> bool:
    """The inside index holds what :func:`inside_text` makes of the main index's text (the main
    index's text itself is compared with the tables above). Read a batch at a time."""
    inside_columns = ", ".join(f"i.{key}" for key in FIELD_KEYS)
    after = -1
    while True:
        rows = session.execute(
            text(
                f"SELECT s.rowid, {', '.join(f's.{key}' for key in FIELD_KEYS)},"
                f" {inside_columns} FROM {INDEX_TABLE} AS s JOIN {INSIDE_TABLE} AS i"
                " ON i.rowid = s.rowid WHERE s.rowid > :after ORDER BY s.rowid LIMIT 500"
            ),
            {"after": after},
        ).all()
        if not rows:
            return True
        width = len(FIELD_KEYS)
        for row in rows:
            stored, inside = row[1 : 1 + width], row[1 + width :]
            if any(
                inside_text(value or "") != held for value, held in zip(stored, inside, strict=True)
            ):
                return False
        after = int(rows[-1][0])


def ensure_index(store: Store) -> bool:
    """Check the index and rebuild it if it is missing or wrong; True when it was rebuilt."""
    if check_index(store):
        return False
    rebuild_index(store)
    return True
