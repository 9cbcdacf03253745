"""Exchanging the database file itself: a clean snapshot out, a distrusted file in.

Export: ``VACUUM INTO`` a temporary name beside the target, which rebuilds the file from the
live records (deleted records do not come along, no ``-wal`` beside it, a consistent snapshot
while the program writes), record who made it and when, check it, then rename it into place.

Import follows SQLite's advice for database files from elsewhere ("Defense against the dark
arts"): only a private copy is ever opened, read-only, with ``trusted_schema`` off and tight
limits; ``quick_check`` first; then the application id, the schema version and the whole schema
(every table, index, trigger and view, compared with a database this program makes itself);
an older file's copy is migrated; last, every record goes through the pydantic rules. Anything
wrong ends in an :class:`ImportFileError` naming the reason, and the officer's own database is
never touched: it only changes afterwards, through :mod:`db.exchange.merge`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import weakref
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from sqlalchemy import Text, event, select

from db.exchange.merge import (
    ImportCandidate,
    ReplaceReport,
    TheirHistory,
    TheirVersion,
    replace_with,
)
from db.model.errors import ImportCancelled, WriteError
from db.model.limits import MAX_NETWORKS, Cancelled, thousands
from db.model.messages import summary
from db.model.personal_data import REDACTED, PersonalDataFilter
from db.model.schemas import NetworkProfile
from db.storage import dbfile, schema_check
from db.storage.atomic import fsync_file, partial_name, refuse_protected_target
from db.storage.backup import BackupInfo
from db.storage.dbfile import DatabaseFileError, ForeignDatabaseError
from db.storage.engine import make_engine
from db.storage.history import VERSIONS_TABLE, give_new_database_id
from db.storage.paths import (
    NotARegularFileError,
    regular_file_sentence,
    require_regular_file,
    sqlite_file_uri,
)
from db.storage.personal_names import personal_data_filter
from db.storage.schema_check import (
    SchemaObject as SchemaObject,
)
from db.storage.schema_check import (
    expected_schema as expected_schema,
)
from db.storage.schema_check import (
    read_schema as read_schema,
)
from db.storage.schema_check import (
    revision_for,
    schema_differences,
)
from db.storage.search_index import HOLDS_DELETED, INDEX_TABLE, INSIDE_TABLE, refill_raw
from db.storage.store import Store
from db.storage.stored_versions import rewrite_stored_records
from db.storage.tables import Base, Network

APP_META = "app_meta"
# The first schema whose files keep a history (an older file merges as before: every difference
# a conflict). Its copy is migrated, which gives it initial versions, but those are the copy's
# own, not a history the colleague's file really had.
HISTORY_SCHEMA_VERSION = 4
# Bound on the versions read from a file (their ids and hashes stay in memory during a merge):
# 10,000 networks with 50 versions each.
MAX_VERSIONS = 500_000
_T = TypeVar("_T")

# Generous for real records (the raw text of a profile is at most 2 million characters), small
# enough that a crafted file cannot make one value eat the memory.
_MAX_VALUE_BYTES = 64 * 1024 * 1024
_BATCH = 200
# The exported file's page size. Records here are mostly text: with 16 KiB pages a copy has
# a quarter of the pages of SQLite's default 4 KiB, fewer overflow chains and a shallower tree,
# and writing and checking it takes about 40% less time (measured at 10,000 networks; 32 KiB
# and 64 KiB gain almost nothing more). Any SQLite opens any page size.
EXPORT_PAGE_SIZE = 16384


class ImportFileError(DatabaseFileError):
    """A file offered for import cannot be used; nothing was changed."""


class DamagedDatabaseError(ImportFileError):
    pass


class UnexpectedSchemaError(ImportFileError, schema_check.UnexpectedSchemaError):
    pass


class InvalidRecordError(ImportFileError):
    pass


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    networks: int
    exported_at: datetime


_UNCHANGED_NL = "Het bestand werd niet ingelezen; je eigen database is ongewijzigd."
_UNCHANGED_EN = "The file was not imported; your own database is unchanged."


# --- export -----------------------------------------------------------------------------------


def export_database(
    store: Store, target: Path, *, without_personal_data: bool = False
) -> ExportReport:
    """Write a self-contained, rebuilt snapshot of ``store`` to ``target`` (atomically).

    ``without_personal_data``: the copy keeps each contact's role and organisation but no
    name, e-mail address or phone number, in any record, text or stored version
    (:func:`_take_out_personal_data`)."""
    target = Path(target)
    refuse_protected_target(target, store.path)
    for companion in ("-wal", "-journal"):
        if target.with_name(target.name + companion).exists():
            raise WriteError(
                f"{target.name} lijkt in gebruik door een ander programma (er staat een "
                f"{target.name}{companion} naast). Kies een andere naam.",
                f"{target.name} seems to be in use by another program (there is a "
                f"{target.name}{companion} beside it). Choose another name.",
            )
    partial = partial_name(target)
    exported_at = datetime.now(UTC)
    personal_filter = personal_data_filter(store) if without_personal_data else None
    try:
        raw = store.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            _purge_deleted_from_index(driver)
            # VACUUM INTO reads one consistent snapshot and writes only live records. It syncs
            # the new file as the source's `synchronous` says; that sync is wasted here (the
            # copy is synced once, finished, before the rename), so it is off for this step.
            synchronous = driver.execute("PRAGMA synchronous").fetchone()[0]
            page_size = driver.execute("PRAGMA page_size").fetchone()[0]
            driver.execute("PRAGMA synchronous = OFF")
            # On a database in use, page_size only says what the next rebuild should use:
            # VACUUM INTO writes the copy with it (the open file keeps its own).
            driver.execute(f"PRAGMA page_size = {EXPORT_PAGE_SIZE}")
            try:
                driver.execute("VACUUM INTO ?", (str(partial),))
            finally:
                driver.execute(f"PRAGMA page_size = {int(page_size)}")
                driver.execute(f"PRAGMA synchronous = {int(synchronous)}")
        finally:
            raw.close()
        if personal_filter is not None:
            _without_personal_data(partial, personal_filter)
        networks = _finish_export(partial, exported_at)
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise _export_failed(target, str(error)) from error
    except OSError as error:
        raise _export_failed(target, error.strerror or str(error)) from error
    finally:
        # In a read-only folder even removing a file that is not there fails: that must not
        # hide the sentence about why the export failed.
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    return ExportReport(target, networks, exported_at)


def _finish_export(partial: Path, exported_at: datetime) -> int:
    """Mark the snapshot as ours and as an export, drop what it does not need, sync it to disk
    and check it."""
    from db.storage.migrate import head_schema_version

    with closing(sqlite3.connect(partial, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        # Nobody else sees this file before export_database syncs it and renames it into place.
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA trusted_schema = OFF")
        # Pages freed below (the index's old segments) are overwritten with zeros, so no trace
        # of a deleted record stays in the file without a second VACUUM.
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            f"INSERT OR REPLACE INTO {APP_META} (key, value) VALUES (?, ?)",
            [
                ("program_version", dbfile.PROGRAM_VERSION),
                ("exported_at", exported_at.isoformat(timespec="seconds")),
            ],
        )
        # The copy is a file of its own from now on (a colleague may work in it): it gets its
        # own id; the versions it carries keep the id of the file they were made in.
        give_new_database_id(connection)
        if connection.execute(
            f"SELECT 1 FROM {APP_META} WHERE key = ?", (HOLDS_DELETED,)
        ).fetchone():
            _compact_search_index(connection)  # the source could not be purged (read-only)
            connection.execute(f"DELETE FROM {APP_META} WHERE key = ?", (HOLDS_DELETED,))
        connection.execute("COMMIT")
        # That was the last write. Syncing the file to disk and checking it both take a while
        # and do not wait on each other (SQLite and fsync release the GIL): run them together.
        with ThreadPoolExecutor(max_workers=1) as pool:
            synced = pool.submit(fsync_file, partial)
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
            synced.result()  # an OSError here ends the export like any other
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(str(p) for p in problems[:5]))
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if application_id != dbfile.APPLICATION_ID or version != head_schema_version():
            raise sqlite3.DatabaseError(f"header {application_id:#x}/{version}")
        return int(connection.execute("SELECT count(*) FROM networks").fetchone()[0])


def _text_columns() -> dict[str, list[str]]:
    """Every free-text column per table (ids, timestamps and the province are not text)."""
    columns: dict[str, list[str]] = {}
    for table in Base.metadata.sorted_tables:
        names = [c.name for c in table.columns if isinstance(c.type, Text)]
        if names:
            columns[table.name] = names
    return columns


def _without_personal_data(partial: Path, personal_filter: PersonalDataFilter) -> None:
    """Take every personal datum out of the snapshot, then rebuild it: the replaced texts'
    pages are zeroed as they are freed (``secure_delete``) and ``VACUUM`` drops the free pages."""
    with closing(sqlite3.connect(partial, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")  # synced once, finished, before the rename
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("BEGIN IMMEDIATE")
        _take_out_personal_data(connection, personal_filter)
        connection.execute("COMMIT")
        connection.execute("VACUUM")


def _take_out_personal_data(
    connection: sqlite3.Connection, personal_filter: PersonalDataFilter
) -> None:
    """Every contact name, e-mail address and phone number out of the copy, in the caller's
    transaction: contacts keep role and organisation, every text column and every stored version
    goes through the same filter as a JSON or CSV export, and the search index is written anew
    from what is left (its old segments would still hold the words)."""
    connection.create_function(
        "without_personal_data",
        1,
        lambda text: personal_filter.text(text) if text else text,
        deterministic=True,
    )
    for table, names in _text_columns().items():
        if table == "contacts":
            names = [n for n in names if n not in ("name", "email", "phone")]
        assignments = ", ".join(f"{n} = without_personal_data({n})" for n in names)
        connection.execute(f"UPDATE {table} SET {assignments}")
    connection.execute("UPDATE contacts SET name = ?, email = '', phone = ''", (REDACTED,))
    rewrite_stored_records(connection, personal_filter.record)
    refill_raw(connection)
    connection.execute(
        f"INSERT OR REPLACE INTO {APP_META} (key, value) VALUES ('personal_data', 'removed')"
    )


def _purge_deleted_from_index(connection: sqlite3.Connection) -> None:
    """Merge the open database's search index once networks were deleted since the last purge,
    so the snapshot does not carry their words. If the file is read-only or another program
    holds the write lock, the flag travels into the copy and the copy is merged instead."""
    flagged = connection.execute(f"SELECT 1 FROM {APP_META} WHERE key = ?", (HOLDS_DELETED,))
    if flagged.fetchone() is None:
        return
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 0")  # an export must not wait on a writer for this
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        for table in (INDEX_TABLE, INSIDE_TABLE):
            connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        connection.execute(f"DELETE FROM {APP_META} WHERE key = ?", (HOLDS_DELETED,))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _compact_search_index(connection: sqlite3.Connection) -> None:
    """Merge the full-text index inside the snapshot into one segment: an index keeps the words
    of deleted rows until its segments are merged, and deleted records must not be recoverable
    from an export. ("optimize" merges what is there; "rebuild" would re-read every record.)"""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        )
    ]
    for table in tables:
        connection.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')')


def _export_failed(target: Path, detail: str) -> WriteError:
    return WriteError(
        f"De export naar {target.name} is mislukt ({detail}). Een bestaand bestand met die naam "
        "bleef ongewijzigd.",
        f"The export to {target.name} failed ({detail}). An existing file of that name was left "
        "unchanged.",
    )


# --- import -----------------------------------------------------------------------------------


def inspect_import(path: Path, *, cancelled: Cancelled | None = None) -> ImportCandidate:
    """Read a database file from elsewhere without trusting it; return its validated records.

    Raises :class:`DatabaseFileError` (not a database, empty, foreign, newer) or one of the
    :class:`ImportFileError` kinds, each naming the reason. ``path`` itself is only read once,
    to copy it; the officer's own database is not involved at all. At most
    :data:`~db.model.limits.MAX_NETWORKS` networks are taken; ``cancelled()`` is asked between
    batches of records (True stops with :class:`~db.errors.ImportCancelled`).
    """
    path = Path(path)
    name = path.name
    with tempfile.TemporaryDirectory(prefix="netwerken-import-") as folder:
        arrived = Path(folder) / name
        _copy(path, arrived)
        header = dbfile.check_openable(arrived)  # its messages name the file as the user knows it
        if header.schema_version < 1:
            raise ForeignDatabaseError(
                f"Het bestand {name} is geen volledige Netwerken-database (geen schemaversie). {_UNCHANGED_NL}",
                f"The file {name} is not a complete Netwerken database (no schema version). {_UNCHANGED_EN}",
            )
        # A fixed, plain name from here on: SQLite opens it through a URI.
        copy = Path(folder) / "import.sqlite"
        arrived.rename(copy)
        _guarded(name, lambda: _fold_in_wal(path, copy))

        expected = _expected_or_unknown(header.schema_version, name)
        _check_structure(copy, name, expected, header.schema_version)
        migrated = header.schema_version < dbfile.SCHEMA_VERSION
        if migrated:
            _migrate_copy(copy, name)
            current = _expected_or_unknown(dbfile.SCHEMA_VERSION, name)
            _check_structure(copy, name, current, dbfile.SCHEMA_VERSION)
        program_version, exported_at = _guarded(name, lambda: _read_export_info(copy))
        profiles = _load_profiles(copy, name, cancelled)
        _check_unique_ids(profiles, name)
        their_history = (
            None
            if header.schema_version < HISTORY_SCHEMA_VERSION
            else _guarded(name, lambda: _keep_history(copy, name))
        )
    return ImportCandidate(
        source=path,
        kind="database",
        profiles=tuple(profiles),
        schema_version=header.schema_version,
        migrated=migrated,
        program_version=program_version,
        exported_at=exported_at,
        history=their_history,
    )


def _keep_history(copy: Path, name: str) -> TheirHistory:
    """Their versions' ids and hashes; the copy moves to a folder of its own, from which the
    merge reads the records it copies in (removed when the history is dropped or closed)."""
    with _untrusted(copy) as connection:
        count = connection.execute(f"SELECT count(*) FROM {VERSIONS_TABLE}").fetchone()[0]
        if count > MAX_VERSIONS:
            raise ImportFileError(
                f"Het bestand {name} bevat meer dan {MAX_VERSIONS} versies; zo'n geschiedenis "
                f"maakt Netwerken niet. {_UNCHANGED_NL}",
                f"The file {name} holds more than {MAX_VERSIONS} versions; Netwerken makes no "
                f"such history. {_UNCHANGED_EN}",
            )
        versions: dict[str, list[TheirVersion]] = {}
        for seq, version_id, network_id, kind, digest, imported in connection.execute(
            f"SELECT seq, version_id, network_id, kind, content_hash, imported FROM "
            f"{VERSIONS_TABLE} ORDER BY seq"
        ):
            if not all(isinstance(v, str) for v in (version_id, network_id, kind, digest)):
                continue  # not a sound version: left out (its row would be refused anyway)
            versions.setdefault(network_id[:36], []).append(
                TheirVersion(int(seq), version_id[:36], kind[:20], digest[:64], bool(imported))
            )
    folder = Path(tempfile.mkdtemp(prefix="netwerken-history-"))
    kept = folder / "import.sqlite"
    shutil.move(copy, kept)

    def read_rows(version_ids: Sequence[str]) -> Iterator[tuple[object, ...]]:
        marks = ",".join("?" * len(version_ids))
        try:
            with _untrusted(kept) as connection:
                yield from connection.execute(
                    "SELECT version_id, network_id, kind, content_hash, name, recorded_at, "
                    f"author, database_id, record, base_version_id FROM {VERSIONS_TABLE} "
                    f"WHERE version_id IN ({marks})",
                    list(version_ids),
                )
        except sqlite3.Error as error:
            raise _damaged(name, str(error)) from error

    their_history = TheirHistory(versions, read_rows)
    # The folder goes when the history does (or at exit); close() removes it at once.
    their_history.close = weakref.finalize(their_history, shutil.rmtree, folder, True)
    return their_history


def _check_unique_ids(profiles: list[NetworkProfile], name: str) -> None:
    """Ids are compared in canonical form: "ABC…" and "abc…" are one network twice (SQLite
    keeps them apart as text, so the file's own key does not catch it)."""
    twice = [str(i) for i, n in Counter(p.id for p in profiles).items() if n > 1]
    if twice:
        raise InvalidRecordError(
            f"Het bestand {name} bevat meerdere netwerken met dezelfde id "
            f"({', '.join(twice[:3])}). {_UNCHANGED_NL}",
            f"The file {name} holds several networks with the same id "
            f"({', '.join(twice[:3])}). {_UNCHANGED_EN}",
        )


def replace_database(store: Store, candidate: ImportCandidate) -> ReplaceReport:
    """Back up the officer's database, then replace its records by the candidate's, at once."""
    return replace_with(store, candidate)


def _copy(source: Path, copy: Path) -> None:
    try:
        # A device or a named pipe would be copied until the disk is full, or forever.
        require_regular_file(source)
        shutil.copyfile(source, copy)
    except NotARegularFileError:
        nl, en = regular_file_sentence(source)
        raise ImportFileError(f"{nl} {_UNCHANGED_NL}", f"{en} {_UNCHANGED_EN}") from None
    except OSError as error:
        raise DatabaseFileError(
            f"Het bestand {source} kan niet gelezen worden: {error.strerror or error}.",
            f"The file {source} cannot be read: {error.strerror or error}.",
        ) from error


def _fold_in_wal(source: Path, copy: Path) -> None:
    """Give the copy everything committed to the source, in rollback-journal mode.

    A file in write-ahead-log mode keeps its newest commits in ``-wal`` beside it until the
    last program closes it; when that log is there, it is copied too and checkpointed into the
    copy. Without one, only the header says WAL: it is set to rollback mode (bytes 18-19), as
    SQLite itself does, since a read-only open of a WAL file needs a log it cannot create.
    """
    with copy.open("r+b") as handle:
        handle.seek(18)
        in_wal_mode = handle.read(2) == b"\x02\x02"
    log = source.with_name(source.name + "-wal")
    if in_wal_mode and log.is_file() and log.stat().st_size > 0:
        _copy(log, copy.with_name(copy.name + "-wal"))
        with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
            _harden(connection)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode = DELETE")
        for leftover in ("-wal", "-shm"):
            copy.with_name(copy.name + leftover).unlink(missing_ok=True)
        return
    with copy.open("r+b") as handle:
        handle.seek(18)
        if handle.read(2) != b"\x01\x01":
            handle.seek(18)
            handle.write(b"\x01\x01")


def _expected_or_unknown(schema_version: int, name: str) -> frozenset[SchemaObject]:
    try:
        return expected_schema(schema_version)
    except KeyError:
        raise UnexpectedSchemaError(
            f"Het bestand {name} heeft schemaversie {schema_version}, die deze versie van "
            f"Netwerken niet kent. {_UNCHANGED_NL}",
            f"The file {name} has schema version {schema_version}, which this version of "
            f"Netwerken does not know. {_UNCHANGED_EN}",
        ) from None


def _harden(connection: sqlite3.Connection) -> None:
    setconfig = getattr(connection, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        # Defensive mode: no writable_schema tricks, no shadow-table writes from SQL.
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA cell_size_check = ON")
    connection.execute("PRAGMA mmap_size = 0")
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, _MAX_VALUE_BYTES)
    connection.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 1_000_000)
    connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)


@contextmanager
def _untrusted(copy: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(
        sqlite_file_uri(copy, {"mode": "ro"}), uri=True, isolation_level=None
    )
    try:
        _harden(connection)
        yield connection
    finally:
        connection.close()


def _guarded(name: str, work: Callable[[], _T]) -> _T:
    """Run ``work``; any SQLite failure on the copy means a damaged file."""
    try:
        return work()
    except sqlite3.Error as error:
        raise _damaged(name, str(error)) from error


def _damaged(name: str, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"Het bestand {name} is beschadigd ({detail}). {_UNCHANGED_NL}",
        f"The file {name} is damaged ({detail}). {_UNCHANGED_EN}",
    )


def _check_structure(
    copy: Path, name: str, expected: frozenset[SchemaObject], schema_version: int
) -> None:
    """quick_check, the whole schema, the migration bookkeeping and the links between rows."""

    def inspect() -> tuple[list[str], frozenset[SchemaObject], list[str], bool]:
        with _untrusted(copy) as connection:
            problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                return problems, frozenset(), [], False
            found = read_schema(connection)
            revisions: list[str] = []
            if any(o.kind == "table" and o.name == "alembic_version" for o in found):
                revisions = [
                    str(r[0]) for r in connection.execute("SELECT version_num FROM alembic_version")
                ]
            orphans = bool(connection.execute("PRAGMA foreign_key_check").fetchmany(1))
            return [], found, revisions, orphans

    problems, found, revisions, orphans = _guarded(name, inspect)
    if problems:
        raise _damaged(name, "; ".join(problems[:3]))
    differences = schema_differences(found, expected)
    if differences:
        generic = schema_check.differences_sentence(differences, name, _UNCHANGED_NL, _UNCHANGED_EN)
        raise UnexpectedSchemaError(str(generic), generic.english)
    if revisions != [revision_for(schema_version)]:
        raise UnexpectedSchemaError(
            f"Het bestand {name} zegt schemaversie {schema_version} te hebben, maar zijn "
            f"migratiegegevens kloppen daar niet mee. {_UNCHANGED_NL}",
            f"The file {name} claims schema version {schema_version}, but its migration "
            f"records do not match. {_UNCHANGED_EN}",
        )
    if orphans:
        raise _damaged(name, "gegevens verwijzen naar een netwerk dat er niet is")


def _migrate_copy(copy: Path, name: str) -> None:
    """Bring the private copy of an older file to the current schema (never the file itself)."""
    from db.storage.migrate import upgrade

    engine = make_engine(copy, wal=False)
    event.listen(engine, "connect", lambda connection, _record: _harden(connection))
    try:
        with engine.connect() as connection:
            upgrade(connection)
    except Exception as error:
        raise ImportFileError(
            f"Het bestand {name} (een oudere versie) kon niet bijgewerkt worden: {error}. {_UNCHANGED_NL}",
            f"The file {name} (an older version) could not be brought up to date: {error}. {_UNCHANGED_EN}",
        ) from error
    finally:
        engine.dispose()


def _read_export_info(copy: Path) -> tuple[str, datetime | None]:
    with _untrusted(copy) as connection:
        rows = connection.execute(
            f"SELECT key, value FROM {APP_META} WHERE key IN ('program_version', 'exported_at')"
        ).fetchall()
    info = {str(key): value for key, value in rows if isinstance(value, str)}
    program_version = info.get("program_version", "")[:40]
    exported_at: datetime | None = None
    try:
        exported_at = datetime.fromisoformat(info.get("exported_at", "")[:40])
    except ValueError:
        exported_at = None
    return program_version, exported_at


def _load_profiles(
    copy: Path, name: str, cancelled: Cancelled | None = None
) -> list[NetworkProfile]:
    """Every record of the copy, each validated like any record; the first bad one is named."""
    engine = make_engine(copy, read_only=True)
    event.listen(engine, "connect", lambda connection, _record: _harden(connection))
    source = Store(engine, copy)
    try:
        with source.read_session() as session:
            ids = list(session.scalars(select(Network.id).limit(MAX_NETWORKS + 1)))
        if len(ids) > MAX_NETWORKS:
            raise ImportFileError(
                f"Het bestand {name} bevat meer dan {thousands(MAX_NETWORKS)} netwerken; dit "
                f"programma neemt er hoogstens zoveel in één keer over. {_UNCHANGED_NL}",
                f"The file {name} holds more than {thousands(MAX_NETWORKS)} networks; this "
                f"program takes over at most that many at a time. {_UNCHANGED_EN}",
            )
        profiles: list[NetworkProfile] = []
        for start in range(0, len(ids), _BATCH):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            batch = ids[start : start + _BATCH]
            try:
                profiles.extend(source.get_many(batch))
            except Exception:
                # Find which record it was, one by one, to name it.
                for network_id in batch:
                    profiles.append(_load_one(source, network_id, name))
        return profiles
    except (ImportFileError, ImportCancelled):
        raise
    except Exception as error:
        raise _damaged(name, str(error)) from error
    finally:
        engine.dispose()


def _load_one(source: Store, network_id: object, name: str) -> NetworkProfile:
    try:
        return source.get(str(network_id))
    except ValidationError as error:
        nl, en = summary(error, "nl"), summary(error, "en")
    except Exception as error:  # a value of the wrong kind: text where a date belongs, ...
        nl = en = f"{type(error).__name__}: {error}"
    label = _record_label(source, network_id)
    raise InvalidRecordError(
        f"Het bestand {name} bevat een ongeldig netwerk ({label}):\n{nl}\n{_UNCHANGED_NL}",
        f"The file {name} holds an invalid network ({label}):\n{en}\n{_UNCHANGED_EN}",
    )


def _record_label(source: Store, network_id: object) -> str:
    try:
        with source.read_session() as session:
            network_name = session.scalar(select(Network.name).where(Network.id == network_id))
    except Exception:
        network_name = None
    shown = str(network_id)[:40]
    return f"'{str(network_name)[:80]}', id {shown}" if network_name else f"id {shown}"


def restore_backup(store: Store, backup: Path | BackupInfo) -> ReplaceReport:
    """Put a backup's records back in ``store``, after backing up the current state.

    A backup is read as carefully as any file from elsewhere (it may be damaged, or older than
    the program: then its copy is migrated), and the records change in one transaction.
    """
    path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    return replace_with(store, inspect_import(path), reason="voor-terugzetten")
