"""Opening a database file and the service API over it: list, get, create, update, delete.

Every call is one short transaction on its own session and returns validated pydantic objects,
never live ORM rows (SQLAlchemy's advice for GUIs: a session spans one user action). Saves use
optimistic locking: a record carries the version it was read at, and saving over a newer
version raises :class:`ConflictError` instead of overwriting.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from db.model.changes import Change as Change  # re-exported: the window imports the light module
from db.model.changes import ChangeKind as ChangeKind
from db.model.errors import ConflictError, DuplicateIdError, NotFoundError, WriteError
from db.model.reference import fold
from db.model.schemas import (
    Action,
    NetworkProfile,
)
from db.model.values import cents_from_euro, stored_timestamp
from db.storage import dbfile, history, history_diff, listing
from db.storage.atomic import publish_new_database
from db.storage.connection import read_only_location, sqlite_uri, store_error
from db.storage.engine import make_engine, writer
from db.storage.history import DeletedNetwork, NewVersion, VersionInfo, VersionKind, record_data
from db.storage.history_diff import FieldChange, HistoryEntry
from db.storage.listing import NetworkSummary as NetworkSummary
from db.storage.listing import SortKey as SortKey
from db.storage.listing import euro_from_cents
from db.storage.locations import default_database_path
from db.storage.paths import JournalChoice, journal_choice
from db.storage.schema_check import check_database_file
from db.storage.search_index import reindex_all, reindex_networks
from db.storage.tables import (
    ActionRow,
    AgreementPeriodRow,
    CaptionRow,
    ContactRow,
    GoalRow,
    InstrumentRow,
    Network,
    NetworkMunicipality,
    PartnerRow,
    SectionRow,
)

_log = logging.getLogger("netwerken.store")


def _now() -> datetime:
    return datetime.now(UTC)


def canonical_id(network_id: UUID | str) -> str:
    """An id as the file stores it: the UUID's lower-case hyphenated form ("ABC…" and
    "{abc…}" name the same network). Text that is no UUID stays as it is (finds nothing)."""
    if isinstance(network_id, UUID):
        return str(network_id)
    try:
        return str(UUID(network_id))
    except (ValueError, TypeError, AttributeError):
        return str(network_id)


@contextmanager
def translated_errors(path: Path | None) -> Iterator[None]:
    """Turn SQLite's terse failures into sentences; the caller's data stays where it was."""
    try:
        yield
    except (OperationalError, DBAPIError, sqlite3.Error) as error:
        raise store_error(getattr(error, "orig", error), path) from error


# --- conversion between rows and schemas: the only place that knows both shapes -------------


def load_profiles(session: Session, ids: Sequence[str]) -> dict[str, NetworkProfile]:
    """Full records for ``ids``, read with one plain query per table (no ORM objects).

    The ORM's eager loading builds an object per row and costs milliseconds per record; a
    database import validates ten thousand records, so this reads rows as tuples and hands one
    dict per record to the schema (which still validates every field).
    """
    if not ids:
        return {}
    wanted = list(ids)
    # Through the session's connection, not the session: the ORM's row handling (a third of
    # the read time at ten thousand records) has nothing to do for plain column tuples.
    connection = session.connection()

    def rows(table: Any, *columns: Any, order: Any) -> Any:
        return connection.execute(
            select(*columns).where(table.network_id.in_(wanted)).order_by(*order)
        )

    data: dict[str, dict[str, Any]] = {}
    for r in connection.execute(select(Network.__table__).where(Network.id.in_(wanted))):
        data[r.id] = {
            "id": r.id,
            "name": r.name,
            "alias": r.alias,
            "municipalities": [],
            "province": r.province,
            "region": r.region,
            "vision": r.vision,
            "target_group": r.target_group,
            "agreement_periods": [],
            "drawing_right_eur": r.drawing_right_eur,
            "instruments": [],
            "partners": [],
            "goals": [],
            "actions": [],
            "meetings": r.meetings,
            "contacts": [],
            "sections": [],
            "captions": [],
            "credits": lines_of(r.image_credits),
            "notes": r.notes,
            "source": {
                "file_name": r.source_file_name,
                "imported_at": r.source_imported_at,
                "raw_text": r.source_raw_text,
                "warnings": lines_of(r.source_warnings),
                "warnings_checked": bool(r.source_warnings_checked),
            },
            "created_at": r.created_at,
            "updated_at": r.updated_at,
            "version": r.version,
        }
    for network_id, name in rows(
        NetworkMunicipality,
        NetworkMunicipality.network_id,
        NetworkMunicipality.name,
        order=(NetworkMunicipality.network_id, NetworkMunicipality.position),
    ):
        data[network_id]["municipalities"].append(name)
    for network_id, ordinal, start_year, end_year in rows(
        AgreementPeriodRow,
        AgreementPeriodRow.network_id,
        AgreementPeriodRow.ordinal,
        AgreementPeriodRow.start_year,
        AgreementPeriodRow.end_year,
        order=(AgreementPeriodRow.network_id, AgreementPeriodRow.ordinal),
    ):
        data[network_id]["agreement_periods"].append(
            {"ordinal": ordinal, "start_year": start_year, "end_year": end_year}
        )
    for network_id, name in rows(
        InstrumentRow,
        InstrumentRow.network_id,
        InstrumentRow.name,
        order=(InstrumentRow.network_id, InstrumentRow.position),
    ):
        data[network_id]["instruments"].append(name)
    for network_id, name, description in rows(
        PartnerRow,
        PartnerRow.network_id,
        PartnerRow.name,
        PartnerRow.description,
        order=(PartnerRow.network_id, PartnerRow.position),
    ):
        data[network_id]["partners"].append({"name": name, "description": description})
    goals: dict[int, dict[str, Any]] = {}
    for network_id, goal_id, title in rows(
        GoalRow,
        GoalRow.network_id,
        GoalRow.id,
        GoalRow.title,
        order=(GoalRow.network_id, GoalRow.position),
    ):
        goals[goal_id] = {"title": title, "actions": []}
        data[network_id]["goals"].append(goals[goal_id])
    actions: dict[int, dict[str, Any]] = {}
    # Top-level actions first (parent_id NULL sorts before the sub-actions that point at them).
    for network_id, action_id, goal_id, parent_id, action_text in rows(
        ActionRow,
        ActionRow.network_id,
        ActionRow.id,
        ActionRow.goal_id,
        ActionRow.parent_id,
        ActionRow.text,
        order=(ActionRow.network_id, ActionRow.parent_id.is_not(None), ActionRow.position),
    ):
        if parent_id is not None:
            actions[parent_id]["children"].append({"text": action_text})
            continue
        actions[action_id] = {"text": action_text, "children": []}
        owner = goals[goal_id]["actions"] if goal_id is not None else data[network_id]["actions"]
        owner.append(actions[action_id])
    for network_id, *contact in rows(
        ContactRow,
        ContactRow.network_id,
        ContactRow.name,
        ContactRow.role,
        ContactRow.organisation,
        ContactRow.email,
        ContactRow.phone,
        order=(ContactRow.network_id, ContactRow.position),
    ):
        data[network_id]["contacts"].append(
            dict(zip(("name", "role", "organisation", "email", "phone"), contact, strict=True))
        )
    for network_id, title, body in rows(
        SectionRow,
        SectionRow.network_id,
        SectionRow.title,
        SectionRow.body,
        order=(SectionRow.network_id, SectionRow.position),
    ):
        data[network_id]["sections"].append({"title": title, "body": body})
    for network_id, caption in rows(
        CaptionRow,
        CaptionRow.network_id,
        CaptionRow.text,
        order=(CaptionRow.network_id, CaptionRow.position),
    ):
        data[network_id]["captions"].append(caption)
    return {
        network_id: NetworkProfile.model_validate(record) for network_id, record in data.items()
    }


class _RowWriter:
    """Records as plain table rows, written with Core executemany (no ORM objects).

    The one conversion from a profile to rows for every write: new records, saved edits, imports.
    It costs a fraction of building ORM objects: ten thousand records in seconds instead of a
    minute. Ids of goals and actions are assigned here, so sub-actions can name their parent
    without a query per row.
    """

    _ORDER: tuple[type[Any], ...] = ()  # parents first; set below _CHILD_TABLES

    def __init__(self, session: Session) -> None:
        self.session = session
        self.next_goal = int(session.scalar(select(func.max(GoalRow.id))) or 0) + 1
        self.next_action = int(session.scalar(select(func.max(ActionRow.id))) or 0) + 1
        self.pending: dict[type[Any], list[dict[str, Any]]] = {table: [] for table in self._ORDER}

    def network(
        self,
        profile: NetworkProfile,
        *,
        created_at: datetime,
        updated_at: datetime,
        version: int = 1,
    ) -> None:
        """The parent row of a record written anew (a new one starts at version 1)."""
        self.pending[Network].append(
            {
                "id": str(profile.id),
                **network_values(profile),
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

    def children(self, profile: NetworkProfile) -> None:
        """The rows of every list of ``profile`` (its parent row is written or updated apart)."""
        network_id = str(profile.id)
        pending = self.pending
        for position, name in enumerate(profile.municipalities):
            pending[NetworkMunicipality].append(
                {"network_id": network_id, "position": position, "name": name}
            )
        for period in profile.agreement_periods:
            pending[AgreementPeriodRow].append(
                {
                    "network_id": network_id,
                    "ordinal": period.ordinal,
                    "start_year": period.start_year,
                    "end_year": period.end_year,
                }
            )
        for position, name in enumerate(profile.instruments):
            pending[InstrumentRow].append(
                {"network_id": network_id, "position": position, "name": name}
            )
        for position, partner in enumerate(profile.partners):
            pending[PartnerRow].append(
                {
                    "network_id": network_id,
                    "position": position,
                    "name": partner.name,
                    "description": partner.description,
                }
            )
        for position, goal in enumerate(profile.goals):
            goal_id = self.next_goal
            self.next_goal += 1
            pending[GoalRow].append(
                {"id": goal_id, "network_id": network_id, "position": position, "title": goal.title}
            )
            self._actions(network_id, goal_id, goal.actions)
        self._actions(network_id, None, profile.actions)
        for position, contact in enumerate(profile.contacts):
            pending[ContactRow].append(
                {
                    "network_id": network_id,
                    "position": position,
                    "name": contact.name,
                    "role": contact.role,
                    "organisation": contact.organisation,
                    "email": contact.email,
                    "phone": contact.phone,
                }
            )
        for position, section in enumerate(profile.sections):
            pending[SectionRow].append(
                {
                    "network_id": network_id,
                    "position": position,
                    "title": section.title,
                    "body": section.body,
                }
            )
        for position, caption in enumerate(profile.captions):
            pending[CaptionRow].append(
                {"network_id": network_id, "position": position, "text": caption}
            )

    def _actions(self, network_id: str, goal_id: int | None, actions: list[Action]) -> None:
        rows = self.pending[ActionRow]
        for position, action in enumerate(actions):
            action_id = self.next_action
            self.next_action += 1
            rows.append(
                {
                    "id": action_id,
                    "network_id": network_id,
                    "goal_id": goal_id,
                    "parent_id": None,
                    "position": position,
                    "text": action.text,
                }
            )
            for child_position, child in enumerate(action.children):
                rows.append(
                    {
                        "id": self.next_action,
                        "network_id": network_id,
                        "goal_id": None,
                        "parent_id": action_id,
                        "position": child_position,
                        "text": child.text,
                    }
                )
                self.next_action += 1

    def write(self) -> None:
        for table in self._ORDER:
            if self.pending[table]:
                # Core executemany: the ORM bulk path costs as much again in bookkeeping.
                self.session.execute(insert(table.__table__), self.pending[table])
                self.pending[table] = []


def network_values(profile: NetworkProfile) -> dict[str, Any]:
    """The parent row's own columns (not id, timestamps or version)."""
    return {
        "name": profile.name,
        "alias": profile.alias,
        "province": profile.province.value if profile.province else None,
        "region": profile.region,
        "vision": profile.vision,
        "target_group": profile.target_group,
        "drawing_right_eur": profile.drawing_right_eur,
        "meetings": profile.meetings,
        "notes": profile.notes,
        "source_file_name": profile.source.file_name,
        "source_imported_at": profile.source.imported_at,
        "source_raw_text": profile.source.raw_text,
        "source_warnings": "\n".join(profile.source.warnings),
        "source_warnings_checked": profile.source.warnings_checked,
        "image_credits": "\n".join(profile.credits),
    }


def lines_of(text: str) -> list[str]:
    """A column holding one line per item (lines cannot hold a line break) as its items."""
    return text.split("\n") if text else []


def insert_profiles(session: Session, profiles: Iterable[NetworkProfile], now: datetime) -> int:
    """Insert many new records as plain multi-row INSERTs (see :class:`_RowWriter`)."""
    writer = _RowWriter(session)
    count = 0
    for profile in profiles:
        writer.network(
            profile, created_at=profile.created_at or now, updated_at=profile.updated_at or now
        )
        writer.children(profile)
        count += 1
        if count % 500 == 0:
            writer.write()
    writer.write()
    return count


def insert_record(
    session: Session,
    profile: NetworkProfile,
    *,
    created_at: datetime,
    updated_at: datetime,
    version: int = 1,
) -> None:
    """Write one whole record (its row must not exist) inside the caller's transaction."""
    writer = _RowWriter(session)
    writer.network(profile, created_at=created_at, updated_at=updated_at, version=version)
    writer.children(profile)
    writer.write()


def insert_records(
    session: Session, records: Iterable[tuple[NetworkProfile, datetime, datetime, int]]
) -> None:
    """Write whole records (rows must not exist) inside the caller's transaction: each with
    its creation time, update time and version; a batch of rows per table, not per record."""
    writer = _RowWriter(session)
    for count, (profile, created_at, updated_at, version) in enumerate(records, start=1):
        writer.network(profile, created_at=created_at, updated_at=updated_at, version=version)
        writer.children(profile)
        if count % 500 == 0:
            writer.write()
    writer.write()


def as_stored(
    profile: NetworkProfile, *, version: int, created_at: datetime, updated_at: datetime
) -> NetworkProfile:
    """``profile`` (validated) as reading it back after a write gives it: with its new version and
    timestamps, and the values the file keeps in another form (cents, UTC text) converted the
    same way. Saves the re-read of a record just written."""
    return profile.model_copy(
        update={
            "version": version,
            "created_at": stored_timestamp(created_at),
            "updated_at": stored_timestamp(updated_at),
            "drawing_right_eur": euro_from_cents(cents_from_euro(profile.drawing_right_eur)),
            "source": profile.source.model_copy(
                update={"imported_at": stored_timestamp(profile.source.imported_at)}
            ),
        }
    )


def raw_connection(session: Session) -> sqlite3.Connection:
    """The plain sqlite3 connection under the session's transaction (for :mod:`db.history`)."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def new_version(profile: NetworkProfile) -> NewVersion:
    """The version to record for ``profile`` as stored (:func:`as_stored` output or read back)."""
    return NewVersion(str(profile.id), profile.name, record_data(profile))


def record_stored(
    session: Session,
    profiles: Iterable[NetworkProfile],
    kind: VersionKind,
    author: str,
    *,
    now: datetime | None = None,
) -> None:
    """Record a version of each stored record, in the session's transaction."""
    history.record_versions(
        raw_connection(session), (new_version(p) for p in profiles), kind, author, at=now
    )


def record_deleted(
    session: Session,
    removed: Iterable[tuple[str, str]],
    author: str,
    *,
    now: datetime | None = None,
) -> None:
    """A tombstone for each (id, name) removed, in the session's transaction."""
    history.record_versions(
        raw_connection(session),
        (NewVersion(network_id, name, None) for network_id, name in removed),
        VersionKind.DELETE,
        author,
        at=now,
    )


# --- the store ----------------------------------------------------------------------------------


class Store:
    """One open Netwerken database. Cheap to keep open: it holds no connection between calls."""

    def __init__(
        self, engine: Engine, path: Path | None, journal: JournalChoice | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self._writer = writer(engine)
        # Who the versions this store writes are by: the name set in Voorkeuren (the window
        # sets it), else the operating-system user.
        self.author = history.default_author()
        # Why the file is written without SQLite's write-ahead log (a share, a synchronised
        # folder), for the window to say once; None on a local disk.
        self.journal_note: tuple[str, str] | None = (
            (journal.dutch, journal.english) if journal is not None and not journal.wal else None
        )

    # opening ------------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        create: bool = True,
        busy_timeout_ms: int | None = None,
    ) -> Store:
        """Open (and if needed create or migrate) a database file, or an SQLAlchemy URL.

        A foreign, damaged or newer file is refused with :class:`DatabaseFileError` before
        anything is written to it. ``busy_timeout_ms`` overrides how long a write waits for
        another program's lock (default :data:`db.storage.engine.BUSY_TIMEOUT_MS`).
        """
        if isinstance(target, str) and "://" in target:
            engine = make_engine(target, busy_timeout_ms=busy_timeout_ms)
            store = cls(engine, None)
            store._migrate_if_needed(force=True)
            return store
        path = Path(target) if target is not None else default_database_path()
        journal = journal_choice(path)
        if path.exists():
            header = dbfile.check_openable(path)
            # Before anything is written: a trigger or view of the file's own would run with
            # the officer's rights on the next save.
            check_database_file(path, header.schema_version)
            if _read_only_location(path):
                # SQLite cannot make its -shm/-wal files beside the file, so a normal open would
                # fail even to read. Open it read-only: the officer can read; a save says why not.
                store = cls(
                    make_engine(
                        path,
                        uri=sqlite_uri(path, read_only=True),
                        read_only=True,
                        busy_timeout_ms=busy_timeout_ms,
                    ),
                    path,
                )
                store._check_readable()
                return store
            engine = make_engine(
                path,
                uri=sqlite_uri(path, read_only=False),
                wal=journal.wal,
                busy_timeout_ms=busy_timeout_ms,
            )
            store = cls(engine, path, journal)
            store._check_readable()
            _log.info("geopend: %s (write-ahead-log: %s)", path, "ja" if journal.wal else "nee")
            if header.schema_version < dbfile.SCHEMA_VERSION:
                store._migrate_if_needed(force=True, backup=header.schema_version > 0)
            return store
        if not create:
            raise dbfile.DatabaseFileError(
                f"Het bestand {path} bestaat niet.", f"The file {path} does not exist."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteError(
                f"De map {path.parent} kan niet gemaakt worden: {error.strerror or error}.",
                f"The folder {path.parent} cannot be created: {error.strerror or error}.",
            ) from error
        _create_database(path, wal=journal.wal)
        engine = make_engine(
            path,
            uri=sqlite_uri(path, read_only=False),
            wal=journal.wal,
            busy_timeout_ms=busy_timeout_ms,
        )
        return cls(engine, path, journal)

    def _check_readable(self) -> None:
        """Read the schema and the list of networks once, so that a damaged file (cut off,
        overwritten) is refused when it is opened, while the current database stays open,
        instead of failing in every view right after the switch."""
        try:
            with translated_errors(self.path), self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT count(*) FROM networks").scalar_one()
        except BaseException:
            self.engine.dispose()
            raise

    def _migrate_if_needed(self, force: bool = False, backup: bool = False) -> None:
        from db.storage.migrate import upgrade  # Alembic only when a file really needs it

        if backup and self.path is not None:
            from db.storage.backup import backup_file

            try:
                backup_file(self.path, reason="voor-migratie")
            except (OSError, sqlite3.Error) as error:
                # Never migrate without a way back; the file is not touched yet.
                raise WriteError(
                    f"{self.path.name} moet bijgewerkt worden naar een nieuwere versie, maar "
                    f"eerst kon geen back-up gemaakt worden ({error}). Het bestand bleef "
                    "ongewijzigd; maak ruimte vrij of kies een map waarin je mag schrijven.",
                    f"{self.path.name} must be upgraded to a newer version, but first no backup "
                    f"could be made ({error}). The file was left unchanged; free some space or "
                    "choose a folder you may write to.",
                ) from error
        with translated_errors(self.path), self.engine.connect() as connection:
            upgrade(connection, then=record_initial_versions)
            # The new version number is in the write-ahead log until a checkpoint; move it into
            # the file now, so a start that only reads the file's header (db.storage.dbfile) sees it.
            # Best effort: a reader in another program may hold part of the log back.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()

    def schema_version(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())

    def application_id(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.exec_driver_sql("PRAGMA application_id").scalar_one())

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with translated_errors(self.path), Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One write transaction that holds the write lock from its first statement."""
        with translated_errors(self.path), Session(self._writer) as session, session.begin():
            yield session

    # reading ------------------------------------------------------------------------------------

    def count(self) -> int:
        with self.read_session() as session:
            return int(session.scalar(select(func.count()).select_from(Network)) or 0)

    def warm_up(self) -> None:
        """Read one record and drop it: SQLAlchemy compiles the read statements once per engine
        (~25 ms), which the first record a user opens should not wait for."""
        with self.read_session() as session:
            first = session.scalar(select(Network.id).limit(1))
            if first is not None:
                load_profiles(session, [first])

    def get(self, network_id: UUID | str) -> NetworkProfile:
        with self.read_session() as session:
            found = load_profiles(session, [canonical_id(network_id)])
        if not found:
            raise NotFoundError(network_id)
        return next(iter(found.values()))

    def find(self, network_id: UUID | str) -> NetworkProfile | None:
        try:
            return self.get(network_id)
        except NotFoundError:
            return None

    def get_many(self, ids: Iterable[UUID | str]) -> list[NetworkProfile]:
        """Full records in the order asked, a batch of queries rather than one per record."""
        wanted = [canonical_id(i) for i in ids]
        found: dict[str, NetworkProfile] = {}
        with self.read_session() as session:
            for start in range(0, len(wanted), 500):
                found.update(load_profiles(session, wanted[start : start + 500]))
        return [found[i] for i in wanted if i in found]

    def iter_profiles(self, batch: int = 200) -> Iterator[NetworkProfile]:
        """Every record, in name order, a batch at a time (memory stays flat for big files)."""
        ids = self.list_ids()
        for start in range(0, len(ids), batch):
            yield from self.get_many(ids[start : start + batch])

    @contextmanager
    def plain_reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on a plain sqlite3 connection (for :mod:`db.storage.listing`)."""
        with translated_errors(self.path), self.engine.begin() as connection:
            plain = connection.connection.driver_connection
            assert isinstance(plain, sqlite3.Connection)
            yield plain

    def list_ids(
        self,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        *,
        year: int | None = None,
    ) -> list[UUID]:
        """Every network's id in list order (:func:`db.storage.listing.list_ids`)."""
        with self.plain_reading() as connection:
            return listing.list_ids(connection, SortKey(sort), descending, year=year)

    def summaries(
        self, ids: Iterable[UUID | str], *, year: int | None = None
    ) -> list[NetworkSummary]:
        """The list's row data for ``ids``, in that order (:func:`db.storage.listing.summaries`)."""
        wanted = list(ids)
        if not wanted:
            return []
        with self.plain_reading() as connection:
            return listing.summaries(connection, wanted, year=year)

    def list_summaries(
        self, sort: SortKey = SortKey.NAME, descending: bool = False
    ) -> list[NetworkSummary]:
        return self.summaries(self.list_ids(sort, descending))

    def ids_to_check(self) -> list[UUID]:
        """Networks with import warnings not yet marked checked ("te controleren")."""
        with self.plain_reading() as connection:
            return listing.ids_to_check(connection)

    def ids_by_municipality(self) -> dict[str, list[UUID]]:
        """Every network's id under each of its municipalities (folded: no case, no accents)."""
        index: dict[str, list[UUID]] = {}
        with self.read_session() as session:
            for network_id, name in session.execute(
                select(NetworkMunicipality.network_id, NetworkMunicipality.name)
            ):
                index.setdefault(fold(name), []).append(UUID(network_id))
        return index

    def find_by_municipality(self, name: str) -> list[NetworkProfile]:
        """Networks whose municipalities include ``name`` (ignoring case and accents)."""
        return self.get_many(dict.fromkeys(self.ids_by_municipality().get(fold(name), [])))

    # writing ------------------------------------------------------------------------------------

    def create(
        self,
        profile: NetworkProfile,
        *,
        keep_timestamps: bool = False,
        kind: VersionKind = VersionKind.CREATE,
    ) -> NetworkProfile:
        """Store a new record. ``keep_timestamps`` keeps created/updated as given (imports, undo)."""
        profile = NetworkProfile.model_validate(profile.model_dump())
        now = _now()
        created_at = (profile.created_at if keep_timestamps else None) or now
        updated_at = (profile.updated_at if keep_timestamps else None) or now
        stored = as_stored(profile, version=1, created_at=created_at, updated_at=updated_at)
        with self.write_session() as session:
            if session.get(Network, str(profile.id)) is not None:
                raise DuplicateIdError(profile.id)
            writer = _RowWriter(session)
            writer.network(profile, created_at=created_at, updated_at=updated_at)
            writer.children(profile)
            writer.write()
            reindex_networks(session, [profile.id])
            record_stored(session, [stored], kind, self.author, now=now)
        return stored

    def update(
        self, profile: NetworkProfile, *, force: bool = False, kind: VersionKind = VersionKind.SAVE
    ) -> NetworkProfile:
        """Save an edited record read at ``profile.version``.

        Raises :class:`ConflictError` when the stored version moved on (or the record is gone);
        ``force=True`` is the user's explicit "overwrite the other change".
        """
        profile = NetworkProfile.model_validate(profile.model_dump())
        with self.write_session() as session:
            stored = _update_in_session(session, profile, force=force)
            if stored is not None:
                record_stored(session, [stored], kind, self.author)
        if stored is None:
            raise ConflictError(profile.name, self.find(profile.id))
        return stored

    def write_batch(
        self,
        created: Iterable[NetworkProfile],
        updated: Iterable[NetworkProfile] = (),
        *,
        created_are_validated: bool = False,
        kind: VersionKind = VersionKind.SAVE,
    ) -> tuple[list[UUID], list[UUID]]:
        """Store new records and save edited ones in ONE transaction: all of it or nothing.

        New records go in as bulk inserts (an import of a thousand profiles takes a second, not a
        minute); edited ones are saved like :meth:`update`, and a stale one raises
        :class:`ConflictError` with nothing written. Every record is validated again (a
        ``model_copy(update=...)`` skips pydantic), except new ones the caller vouches for with
        ``created_are_validated`` because it has just built them with ``model_validate``.
        """
        new = [
            p if created_are_validated else NetworkProfile.model_validate(p.model_dump())
            for p in created
        ]
        edited = [NetworkProfile.model_validate(p.model_dump()) for p in updated]
        stale: NetworkProfile | None = None
        try:
            with self.write_session() as session:
                existing = set(
                    session.scalars(
                        select(Network.id).where(Network.id.in_([str(p.id) for p in new]))
                    )
                )
                if existing:
                    raise DuplicateIdError(sorted(existing)[0])
                now = _now()
                insert_profiles(session, new, now)
                stored = [
                    as_stored(
                        p,
                        version=1,
                        created_at=p.created_at or now,
                        updated_at=p.updated_at or now,
                    )
                    for p in new
                ]
                for profile in edited:
                    saved = _update_in_session(session, profile, force=False)
                    if saved is None:
                        stale = profile
                        raise _Rollback()
                    stored.append(saved)
                session.flush()
                reindex_networks(session, [p.id for p in [*new, *edited]])
                record_stored(session, stored, kind, self.author, now=now)
        except _Rollback:
            assert stale is not None
            raise ConflictError(stale.name, self.find(stale.id)) from None
        return [p.id for p in new], [p.id for p in edited]

    def mark_checked(
        self, network_id: UUID | str, version: int, *, checked: bool = True
    ) -> NetworkProfile:
        """Mark the import warnings of the record read at ``version`` as checked (or not): a
        change of the record like any other (a new version; :class:`ConflictError` when stale).
        The warnings themselves stay with the record."""
        stored = self.get(network_id)
        source = stored.source.model_copy(update={"warnings_checked": checked})
        return self.update(stored.model_copy(update={"source": source, "version": version}))

    def save(self, profile: NetworkProfile, *, force: bool = False) -> NetworkProfile:
        """Create a record never stored (version 0), update one that was."""
        if profile.version == 0:
            return self.create(profile)
        return self.update(profile, force=force)

    def delete(
        self, network_id: UUID | str, *, expected_version: int | None = None
    ) -> NetworkProfile:
        """Remove a record and return it as it was, so the caller can offer undo."""
        key = canonical_id(network_id)
        with self.write_session() as session:
            found = load_profiles(session, [key])
            if not found:
                raise NotFoundError(network_id)
            removed = next(iter(found.values()))
            if expected_version is not None and removed.version != expected_version:
                raise ConflictError(removed.name, removed)
            session.execute(delete(Network).where(Network.id == key))
            reindex_networks(session, [network_id])
            record_deleted(session, [(str(removed.id), removed.name)], self.author)
        return removed

    def restore(self, profile: NetworkProfile) -> NetworkProfile:
        """Put back a deleted record (undo) with its id, history and timestamps."""
        return self.create(profile, keep_timestamps=True, kind=VersionKind.RESTORE)

    def replace_all(
        self,
        profiles: Iterable[NetworkProfile],
        *,
        kind: VersionKind = VersionKind.REPLACE,
        before_records: Callable[[Session], object] | None = None,
    ) -> int:
        """Empty the database and store ``profiles``, in one transaction (all or nothing).

        Each record gets a version; a network that was here and is not any more gets a
        tombstone (the replacement removed it).
        """
        now = _now()
        with self.write_session() as session:
            before = {str(i): str(n) for i, n in session.execute(select(Network.id, Network.name))}
            if before_records is not None:  # e.g. the imported file's history comes first
                before_records(session)
            session.execute(delete(Network))
            kept: set[str] = set()
            count = 0
            batch: list[NetworkProfile] = []
            for profile in profiles:
                batch.append(profile)
                if len(batch) == 500:
                    count += self._replace_batch(session, batch, kind, now, kept)
                    batch = []
            count += self._replace_batch(session, batch, kind, now, kept)
            reindex_all(session)
            record_deleted(
                session,
                (
                    (network_id, name)
                    for network_id, name in before.items()
                    if network_id not in kept
                ),
                self.author,
                now=now,
            )
        return count

    def _replace_batch(
        self,
        session: Session,
        batch: list[NetworkProfile],
        kind: VersionKind,
        now: datetime,
        kept: set[str],
    ) -> int:
        count = insert_profiles(session, batch, now)
        record_stored(
            session,
            (
                as_stored(
                    p,
                    version=p.version or 1,
                    created_at=p.created_at or now,
                    updated_at=p.updated_at or now,
                )
                for p in batch
            ),
            kind,
            self.author,
            now=now,
        )
        kept.update(str(p.id) for p in batch)
        return count

    # history ------------------------------------------------------------------------------------

    def history(self, network_id: UUID | str) -> list[VersionInfo]:
        """A network's versions, oldest first (deleted networks too)."""
        with self.plain_reading() as connection:
            return history.versions_of(connection, str(network_id))

    def history_entries(self, network_id: UUID | str) -> list[HistoryEntry]:
        """A network's versions as the history lists them: who, when, which fields changed."""
        with self.plain_reading() as connection:
            versions = history.versions_of(connection, str(network_id))
            records = history.records_of(connection, [v.seq for v in versions if not v.deleted])
        return history_diff.entries(versions, records)

    def version_changes(self, network_id: UUID | str, seq: int) -> list[FieldChange]:
        """What version ``seq`` changed, field by field, against the readable version before
        it (everything, for the first; what was removed, for a deletion)."""
        with self.plain_reading() as connection:
            try:
                after = history.stored_record(connection, seq)
            except history.UnreadableVersionError:
                after = None
            before = history.last_record_before(connection, str(network_id), seq)
        return history_diff.field_changes(before[1] if before else None, after)

    def version_records(self, seqs: Sequence[int]) -> dict[int, NetworkProfile | None]:
        """Stored versions as records (None for a deletion or a version that cannot be read)."""
        with self.plain_reading() as connection:
            found = history.records_of(connection, seqs)
        return {seq: _profile_or_none(data) for seq, data in found.items()}

    def deleted_networks(self) -> list[DeletedNetwork]:
        """Networks deleted from this file, newest deletion first (to find and restore them)."""
        with self.plain_reading() as connection:
            return history.deleted_networks(connection)

    def restore_deleted(self, network_id: UUID | str) -> NetworkProfile:
        """Put a deleted network back as it was just before it was deleted."""
        wanted = str(network_id)
        with self.plain_reading() as connection:
            versions = history.versions_of(connection, wanted)
            own = [v for v in versions if not v.imported]
            found = history.last_record_before(connection, wanted, own[-1].seq + 1) if own else None
        profile = _profile_or_none(found[1]) if found else None
        if profile is None:
            raise NotFoundError(network_id)
        return self.create(
            profile.model_copy(update={"version": 0}),
            keep_timestamps=True,
            kind=VersionKind.RESTORE,
        )

    def revert_to(
        self, network_id: UUID | str, seq: int, *, expected_version: int | None = None
    ) -> NetworkProfile:
        """Make version ``seq`` the current content again, as a new version (undoable by
        putting back the version before it). Raises :class:`ConflictError` if the record
        moved on from ``expected_version``."""
        older = self.version_records([seq]).get(seq)
        if older is None or older.id != UUID(str(network_id)):
            raise NotFoundError(network_id)
        current = self.find(network_id)
        if current is None:
            return self.create(
                older.model_copy(update={"version": 0}),
                keep_timestamps=True,
                kind=VersionKind.REVERT,
            )
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(current.name, current)
        return self.update(
            older.model_copy(update={"version": current.version, "created_at": current.created_at}),
            kind=VersionKind.REVERT,
        )

    # facts --------------------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        with self.read_session() as session:
            counts = {
                "networks": session.scalar(select(func.count()).select_from(Network)) or 0,
                "partners": session.scalar(select(func.count()).select_from(PartnerRow)) or 0,
                "contacts": session.scalar(select(func.count()).select_from(ContactRow)) or 0,
                "goals": session.scalar(select(func.count()).select_from(GoalRow)) or 0,
                "actions": session.scalar(select(func.count()).select_from(ActionRow)) or 0,
            }
            journal = session.execute(text("PRAGMA journal_mode")).scalar_one()
        return {
            "path": str(self.path) if self.path else str(self.engine.url),
            "schema_version": self.schema_version(),
            "application_id": hex(self.application_id()),
            "journal_mode": journal,
            "counts": counts,
        }


_CHILD_TABLES = (
    ActionRow,
    GoalRow,
    NetworkMunicipality,
    AgreementPeriodRow,
    InstrumentRow,
    PartnerRow,
    ContactRow,
    SectionRow,
    CaptionRow,
)


_RowWriter._ORDER = (Network, *_CHILD_TABLES[::-1])


class _Rollback(Exception):
    """Leaves a write transaction without committing anything."""


def _update_in_session(
    session: Session, profile: NetworkProfile, *, force: bool
) -> NetworkProfile | None:
    """Write an edited record over the stored one and return it as stored; None (nothing
    written) when it is stale: ``UPDATE ... WHERE version = ?`` is the optimistic lock."""
    table = cast(Table, Network.__table__)
    network_id = str(profile.id)
    now = _now()
    statement = update(table).where(table.c.id == network_id)
    if not force:
        statement = statement.where(table.c.version == profile.version)
    found = session.execute(
        statement.values(
            **network_values(profile), updated_at=now, version=table.c.version + 1
        ).returning(table.c.version, table.c.created_at)
    ).first()
    writer = _RowWriter(session)
    if found is not None:
        _delete_children(session, network_id)
        version, created_at = found
    elif force:
        # "Save it anyway" over a record someone deleted: it comes back as a new row.
        version, created_at = 1, profile.created_at or now
        writer.network(profile, created_at=created_at, updated_at=now)
    else:
        return None
    writer.children(profile)
    writer.write()
    reindex_networks(session, [profile.id])
    return as_stored(profile, version=version, created_at=created_at, updated_at=now)


def record_initial_versions(connection: Connection) -> int:
    """One version of kind ``initial`` for every network without a version of this file's
    own: what a file made before files kept a history gets when it is migrated (in the
    migration's transaction), so that a merge has something to compare with.

    Written by the same code as every later version (the hash of a record must be computed the
    same way, or two copies of one file would not recognise each other's records), so it runs
    after the schema is at its newest, not inside migration 0004. A record that no longer
    passes the rules gets no version (an import names it when it reads the file's records).
    """
    session = Session(bind=connection)
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    ids = [
        row[0]
        for row in raw.execute(
            f"SELECT id FROM networks WHERE id NOT IN (SELECT network_id FROM "
            f"{history.VERSIONS_TABLE} WHERE imported = 0) ORDER BY id"
        )
    ]
    author = history.default_author()
    written = 0
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        try:
            profiles = list(load_profiles(session, batch).values())
        except ValueError:
            profiles = []
            for network_id in batch:
                try:
                    profiles.extend(load_profiles(session, [network_id]).values())
                except ValueError:
                    continue
        written += history.record_versions(
            raw,
            (new_version(p) for p in profiles),
            VersionKind.INITIAL,
            author,
            skip_unchanged=False,
        )
    return written


def _profile_or_none(data: dict[str, Any] | None) -> NetworkProfile | None:
    """A stored version's JSON as a validated record; None when it no longer passes the rules."""
    if data is None:
        return None
    try:
        return NetworkProfile.model_validate(data)
    except ValueError:
        return None


def _delete_children(session: Session, network_id: str) -> None:
    """Clear a record's lists before writing them anew.

    The ORM would insert the new rows before deleting the orphans, which trips the unique
    (network, ordinal) rule of agreement periods; one DELETE per table is also faster.
    """
    # Straight on the transaction's connection: nine small statements, where SQLAlchemy's own
    # handling of each would cost more than the deleting (a save must stay well under 30 ms).
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    for table in _CHILD_TABLES:
        raw.execute(f"DELETE FROM {table.__tablename__} WHERE network_id = ?", (network_id,))


def _create_database(path: Path, *, wal: bool = True) -> None:
    """Build a new, empty database under a temporary name and only then give it its real name.

    A program killed half-way through creating a file must not leave a file without our
    header at ``path``: the next start would refuse it as another program's database. So the
    schema is written to a hidden partial file, checkpointed (closing the last connection
    empties the write-ahead log into it) and linked into place in one step.
    """
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise WriteError(
            f"{path.name} kan niet gemaakt worden: de map {path.parent} is alleen-lezen.",
            f"{path.name} cannot be created: the folder {path.parent} is read-only.",
        )
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    leftovers = [partial, *(partial.with_name(partial.name + end) for end in ("-wal", "-shm"))]
    store = Store(make_engine(partial, wal=wal), path)  # messages name the file the user asked for
    try:
        store._migrate_if_needed(force=True)
        store.engine.dispose()
        publish_new_database(partial, path)
    except (OSError, sqlite3.Error) as error:
        raise WriteError(
            f"{path.name} kan niet gemaakt worden in {path.parent}: {error}.",
            f"{path.name} cannot be created in {path.parent}: {error}.",
        ) from error
    finally:
        store.engine.dispose()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)


def _read_only_location(path: Path) -> bool:
    return read_only_location(path)


def save_in_session(session: Session, profile: NetworkProfile) -> NetworkProfile | None:
    """Save an edited record inside a caller's write transaction (None when it is stale), for a
    change that must commit together with others (erasing a person: the records, their stored
    versions and the record of the erasure, all or nothing)."""
    return _update_in_session(session, profile, force=False)
