"""Is a database file built exactly as this program builds its own? Checked on opening and import.

A file with our header can still carry a trigger, a view, a table or a column of its own: a
trigger runs with the officer's rights on the next save (it could delete the partners of other
networks). So every file is compared, object by object, with the schema this program gives a
database of the same version, before anything is written to it: on opening (Bestand › Openen,
``--db``, recent files, start-up) exactly as on import (:mod:`db.exchange.database_file`).

The expected schemas are derived from the migrations (:func:`derive_expected_schema`) and kept
as a snapshot beside this module (``schema_snapshot.json``), so opening a file costs one read of
``sqlite_schema`` and no Alembic; a test checks the snapshot against the migrations
(``python -m db.storage.schema_check`` writes it anew after a migration was added). Only the standard
library is imported at module level (start-up speed).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db.model.errors import DatabaseFileError
from db.storage import dbfile
from db.storage.connection import connect, read_only_location, store_error

SNAPSHOT = Path(__file__).with_name("schema_snapshot.json")
# Internal tables SQLite itself may add to any file (ANALYZE / PRAGMA optimize); harmless.
ALLOWED_EXTRA = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
_KINDS = {"table": "tabel", "index": "index", "trigger": "trigger", "view": "view"}
_SHOWN = 5


class UnexpectedSchemaError(DatabaseFileError):
    """The file holds objects (or columns) a Netwerken database does not have."""


@dataclass(frozen=True, slots=True)
class SchemaObject:
    kind: str  # table, index, trigger, view
    name: str
    table: str
    sql: str | None  # whitespace-normalised; None for SQLite's automatic indexes


def read_schema(connection: sqlite3.Connection) -> frozenset[SchemaObject]:
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return frozenset(
        SchemaObject(
            str(kind),
            str(name),
            str(table),
            " ".join(str(sql).split()) if sql is not None else None,
        )
        for kind, name, table, sql in rows
    )


def schema_differences(
    found: frozenset[SchemaObject], expected: frozenset[SchemaObject]
) -> list[tuple[str, str]]:
    """What is unexpected, missing or different, as (Dutch, English) phrases."""
    found_by_name = {(o.kind, o.name): o for o in found}
    expected_by_name = {(o.kind, o.name): o for o in expected}
    phrases: list[tuple[str, str]] = []
    for key in sorted(found_by_name.keys() - expected_by_name.keys()):
        kind, name = key
        if kind == "table" and name in ALLOWED_EXTRA:
            continue
        shown = name[:80]
        phrases.append(
            (f"onverwachte {_KINDS.get(kind, kind)} '{shown}'", f"unexpected {kind} '{shown}'")
        )
    for kind, name in sorted(expected_by_name.keys() - found_by_name.keys()):
        phrases.append(
            (f"{_KINDS.get(kind, kind)} '{name}' ontbreekt", f"{kind} '{name}' is missing")
        )
    for key in sorted(found_by_name.keys() & expected_by_name.keys()):
        if found_by_name[key] != expected_by_name[key]:
            kind, name = key
            phrases.append(
                (
                    f"{_KINDS.get(kind, kind)} '{name}' is anders opgebouwd",
                    f"{kind} '{name}' is built differently",
                )
            )
    return phrases


def differences_sentence(
    differences: list[tuple[str, str]], name: str, tail_nl: str, tail_en: str
) -> UnexpectedSchemaError:
    shown = differences[:_SHOWN]
    extra = len(differences) - _SHOWN
    more_nl = f" en nog {extra}" if extra > 0 else ""
    more_en = f" and {extra} more" if extra > 0 else ""
    return UnexpectedSchemaError(
        f"Het bestand {name} is niet opgebouwd zoals een Netwerken-database: "
        f"{', '.join(nl for nl, _ in shown)}{more_nl}. {tail_nl}",
        f"The file {name} is not built like a Netwerken database: "
        f"{', '.join(en for _, en in shown)}{more_en}. {tail_en}",
    )


# --- what a database of a given version looks like ---------------------------------------------


def revision_for(schema_version: int) -> str:
    """The Alembic revision that leaves ``schema_version`` in a file."""
    from alembic.script import ScriptDirectory

    from db.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    for revision in script.walk_revisions():
        if int(getattr(revision.module, "schema_version", -1)) == schema_version:
            return revision.revision
    raise KeyError(schema_version)


def derive_expected_schema(schema_version: int) -> frozenset[SchemaObject]:
    """The schema the migrations give a new database of ``schema_version`` (builds one)."""
    from db.storage.engine import make_engine
    from db.storage.migrate import upgrade

    revision = revision_for(schema_version)
    with tempfile.TemporaryDirectory(prefix="netwerken-reference-") as folder:
        path = Path(folder) / "reference.sqlite"
        with closing(sqlite3.connect(path)):
            pass  # an empty file, so the engine's mode=rw finds it
        engine = make_engine(path, wal=False)
        try:
            with engine.connect() as connection:
                upgrade(connection, revision)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(path)) as connection:
            return read_schema(connection)


@functools.cache
def _snapshot() -> dict[int, frozenset[SchemaObject]]:
    try:
        data = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        int(version): frozenset(SchemaObject(*entry) for entry in objects)
        for version, objects in data.items()
    }


@functools.cache
def expected_schema(schema_version: int) -> frozenset[SchemaObject]:
    """The schema a database of ``schema_version`` must have (``KeyError`` for an unknown one).

    From the snapshot when it has the version (opening a file stays fast), else derived."""
    if schema_version == 0:
        return frozenset()  # our header without a version: nothing may be in it yet
    known = _snapshot().get(schema_version)
    if known is not None:
        return known
    return derive_expected_schema(schema_version)


def write_snapshot() -> None:
    """Write ``schema_snapshot.json`` from the migrations (after adding one)."""
    data: dict[str, list[list[str | None]]] = {}
    for version in range(1, dbfile.SCHEMA_VERSION + 1):
        try:
            objects = derive_expected_schema(version)
        except KeyError:
            continue  # no migration leaves this version (a number was skipped)
        data[str(version)] = sorted([o.kind, o.name, o.table, o.sql] for o in objects)
    SNAPSHOT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --- the check on opening ---------------------------------------------------------------------


_OPEN_TAIL_NL = (
    "Het werd niet geopend, om je gegevens te beschermen. Kies Bestand › Database importeren "
    "om een gecontroleerde kopie van de netwerken over te nemen."
)
_OPEN_TAIL_EN = (
    "It was not opened, to protect your data. Choose File › Import database to take over a "
    "checked copy of its networks."
)


def check_database_file(path: Path, schema_version: int) -> None:
    """Refuse (:class:`UnexpectedSchemaError`) a file whose schema is not exactly ours for its
    version, or whose network ids are not in canonical form; changes nothing.

    Reads ``sqlite_schema`` and the ids' index on a read-only-if-need-be connection with
    ``trusted_schema`` off (no trigger or view of the file runs).
    """
    name = path.name
    try:
        expected = expected_schema(schema_version)
    except KeyError:
        return  # an unknown older version is refused by the migration with its own sentence
    connection = connect(path, read_only=read_only_location(path))
    try:
        found = read_schema(connection)
        differences = schema_differences(found, expected)
        if differences:
            raise differences_sentence(differences, name, _OPEN_TAIL_NL, _OPEN_TAIL_EN)
        if any(o.kind == "table" and o.name == "networks" for o in found):
            # Ids are compared as text everywhere; an upper-case or braced id would be a
            # second name for the same network. (Answered from the primary key's index.)
            odd = connection.execute(
                "SELECT id FROM networks WHERE id <> lower(id) OR length(id) <> 36 LIMIT 1"
            ).fetchone()
            if odd is not None:
                raise UnexpectedSchemaError(
                    f"Het bestand {name} bevat een netwerk-id in een vorm die dit programma "
                    f"niet maakt ({str(odd[0])[:40]!r}). {_OPEN_TAIL_NL}",
                    f"The file {name} holds a network id in a form this program does not "
                    f"make ({str(odd[0])[:40]!r}). {_OPEN_TAIL_EN}",
                )
    except sqlite3.Error as error:
        raise store_error(error, path) from error
    finally:
        connection.close()


if __name__ == "__main__":
    write_snapshot()
    print(SNAPSHOT)
