"""Checking and repairing the search index of a database file (``netwerken reindex``, imports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.storage.search_index import (
    CREATE_STATEMENTS,
    DOCUMENTS,
    FIELD_KEYS,
    FIELDS,
    INDEX_TABLE,
    KEYS_TABLE,
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
    expected_table = _normalised_sql(CREATE_STATEMENTS[1])
    with store.write_session() as session:
        tables: dict[str, str | None] = dict(
            session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name IN (:index, :keys)"),
                {"index": INDEX_TABLE, "keys": KEYS_TABLE},
            ).all()
        )
        if _normalised_sql(tables.get(INDEX_TABLE) or "") != expected_table:
            return False
        if _normalised_sql(tables.get(KEYS_TABLE) or "") != _normalised_sql(CREATE_STATEMENTS[0]):
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
            # the indexed text is the text the tables hold now
            f"SELECT count(*) FROM ({DOCUMENTS}) AS d JOIN {INDEX_TABLE} AS s ON s.rowid = d.docid"
            f" WHERE {' OR '.join(f's.{key} IS NOT d.{key}' for key in FIELD_KEYS)}",
        )
        for check in checks:
            if session.execute(text(check)).scalar_one() != 0:
                return False
        rank = session.execute(
            text(f"SELECT v FROM {INDEX_TABLE}_config WHERE k = 'rank'")
        ).scalar_one_or_none()
        if rank != f"bm25({', '.join(str(f.weight) for f in FIELDS)})":
            return False
        try:
            # FTS5's own check that its inverted index matches the stored text.
            session.execute(
                text(
                    f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('integrity-check', 1)"
                )
            )
        except DBAPIError:
            return False
        session.rollback()
    return True


def ensure_index(store: Store) -> bool:
    """Check the index and rebuild it if it is missing or wrong; True when it was rebuilt."""
    if check_index(store):
        return False
    rebuild_index(store)
    return True
