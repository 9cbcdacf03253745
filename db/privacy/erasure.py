"""Erasing one person everywhere in the file (GDPR art. 17), so that no byte still holds them.

One write transaction, with ``PRAGMA secure_delete`` on (SQLite overwrites what it frees with
zeros instead of leaving it in free pages): every affected record is saved without the person
(:func:`db.model.personal_data.erase_from_record`: their contact entries go, their names,
addresses and numbers become "[verwijderd]" in every text), every stored version of every record
is rewritten the same way (:mod:`db.storage.stored_versions`), the search index is written anew
for those records and merged (an FTS index keeps the words of replaced rows in old segments
until it is merged), and the erasure is recorded: when, by whom, how many places, and never who.
Afterwards the write-ahead log is folded into the file and emptied, and ``VACUUM`` rebuilds the
file, so neither free pages nor the ``-wal`` keep an old copy.

No backup is made first, against the habit of every other destructive action: a backup would
be one more copy of what must go. The transaction itself is the safety: all of it or nothing.
Backups made before still hold the person; :func:`plan_erasure` lists them, and
:func:`delete_backups` or :func:`rewrite_backup` take them on when the officer says so.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from db.model.errors import StoreError
from db.model.messages import problems
from db.model.personal_data import PLACE_LABELS, ErasureCount, PersonMatcher, erase_from_record
from db.model.schemas import NetworkProfile
from db.privacy.persons import Person, backup_hits, contact_network_ids, occurrences
from db.storage import dbfile, history
from db.storage.backup import BackupInfo
from db.storage.search_index import INDEX_TABLE, INSIDE_TABLE
from db.storage.store import Store, load_profiles, save_in_session
from db.storage.stored_versions import rewrite_stored_records, stored_records

ERASURE_KEY_PREFIX = "erasure:"


class ErasureError(StoreError):
    pass


@dataclass
class NetworkChange:
    network_id: str
    network_name: str
    count: ErasureCount


@dataclass
class ErasurePlan:
    """What an erasure will change, for the confirmation the officer reads first."""

    person: Person
    networks: list[NetworkChange] = field(default_factory=list)
    versions: int = 0  # stored versions that hold the person
    backups: list[tuple[BackupInfo, int]] = field(default_factory=list)

    @property
    def places(self) -> int:
        return sum(change.count.total for change in self.networks)

    def lines(self, language: str = "nl") -> list[str]:
        english = language == "en"
        lines = []
        for change in self.networks:
            parts = ", ".join(
                f"{hits}× {PLACE_LABELS[place][1 if english else 0]}"
                for place, hits in sorted(change.count.by_place.items())
                if hits
            )
            lines.append(f"{change.network_name}: {parts}")
        if self.versions:
            lines.append(
                f"{self.versions} earlier version(s) in the history"
                if english
                else f"{self.versions} eerdere versie(s) in de geschiedenis"
            )
        for info, hits in self.backups:
            lines.append(
                f"Backup {info.path.name} still holds the person ({hits}×); it is not changed "
                "unless you choose to delete or rewrite it"
                if english
                else f"Back-up {info.path.name} bevat de persoon nog ({hits}×); die blijft zo "
                "tenzij je kiest om hem te wissen of te herschrijven"
            )
        return lines


@dataclass(frozen=True)
class ErasureReport:
    at: datetime
    by: str
    networks: int
    places: int
    versions: int
    backups: tuple[BackupInfo, ...]  # made before and still holding the person

    def summary(self, language: str = "nl") -> str:
        if language == "en":
            text = (
                f"Erased in {self.networks} network(s), {self.places} place(s), "
                f"{self.versions} earlier version(s)."
            )
            if self.backups:
                text += f" {len(self.backups)} backup(s) made before still hold the person."
            return text
        text = (
            f"Gewist in {self.networks} netwerk(en), op {self.places} plaats(en), in "
            f"{self.versions} eerdere versie(s)."
        )
        if self.backups:
            text += f" {len(self.backups)} eerder gemaakte back-up(s) bevatten de persoon nog."
        return text


def _affected_ids(store: Store, person: Person) -> list[str]:
    """Every network of this file the person is a contact of or is named in."""
    found = occurrences(store, [person], versions=False)[person.key]
    with store.plain_reading() as connection:
        contacts = contact_network_ids(connection, person.identity())
    return list(dict.fromkeys([*person.network_ids, *contacts, *found.networks]))


def plan_erasure(store: Store, person: Person, *, with_backups: bool = True) -> ErasurePlan:
    matcher = PersonMatcher(person.identity())
    plan = ErasurePlan(person)
    for profile in store.get_many(_affected_ids(store, person)):
        _new, count = erase_from_record(profile.model_dump(mode="json"), matcher)
        if count.total:
            plan.networks.append(NetworkChange(str(profile.id), profile.name, count))
    with store.plain_reading() as connection:
        for stored in stored_records(connection):
            if erase_from_record(stored.data, matcher)[1].total:
                plan.versions += 1
    if with_backups:
        plan.backups = backup_hits(store, person)
    return plan


def erase_person(
    store: Store, person: Person, *, by: str | None = None, compact: bool = True
) -> ErasureReport:
    """Erase ``person`` from every record and every stored version, then leave no trace in the
    file's bytes (``compact``: checkpoint and ``VACUUM``; only a test of the transaction itself
    would skip it).

    ``by`` defaults to the store's author, the name the history writes its versions under (set
    from Voorkeuren › Naam in the window, else the operating-system user), so the erasure log
    and the history name the same person for the same officer."""
    actor = (by or store.author or history.default_author())[:80]
    matcher = PersonMatcher(person.identity())
    backups_before = tuple(info for info, _hits in backup_hits(store, person))
    ids = _affected_ids(store, person)
    at = datetime.now(UTC)
    total = ErasureCount()
    changed = 0
    with store.write_session() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA secure_delete = ON")
        for profile in load_profiles(session, ids).values():
            data, count = erase_from_record(profile.model_dump(mode="json"), matcher)
            if not count.total:
                continue
            try:
                erased = NetworkProfile.model_validate(data)
            except ValidationError as error:
                # E.g. a short line that "[verwijderd]" makes too long: nothing is erased, and
                # the officer learns which record to shorten by hand first.
                raise ErasureError(
                    f"{profile.name} zou na het wissen niet meer geldig zijn ("
                    f"{'; '.join(p.message for p in problems(error, 'nl')[:3])}); er werd niets gewist. Pas dat "
                    "netwerk eerst zelf aan.",
                    f"{profile.name} would no longer be valid after erasing ("
                    f"{'; '.join(p.message for p in problems(error, 'en')[:3])}); nothing was erased. Edit that "
                    "network by hand first.",
                ) from error
            if save_in_session(session, erased) is None:  # cannot happen inside the lock
                raise ErasureError(
                    f"{profile.name} veranderde tijdens het wissen; er werd niets gewist.",
                    f"{profile.name} changed while erasing; nothing was erased.",
                )
            total.add(count)
            changed += 1

        def change(data: dict[str, Any]) -> dict[str, Any] | None:
            new, count = erase_from_record(data, matcher)
            return new if count.total else None

        versions = rewrite_stored_records(raw, change)
        # The replaced rows' words stay in the index's old segments until they are merged.
        for table in (INDEX_TABLE, INSIDE_TABLE):
            raw.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        raw.execute(
            "INSERT INTO app_meta (key, value) VALUES (?, ?)",
            (
                f"{ERASURE_KEY_PREFIX}{at.isoformat(timespec='seconds')}:{uuid.uuid4().hex[:8]}",
                json.dumps(
                    {
                        "at": at.isoformat(timespec="seconds"),
                        "by": actor,
                        "networks": changed,
                        "places": total.total,
                        "versions": versions,
                    }
                ),
            ),
        )
    if compact:
        leave_no_trace(store)
    return ErasureReport(at, actor, changed, total.total, versions, backups_before)


def leave_no_trace(store: Store) -> None:
    """Fold the write-ahead log into the file and empty it, then rebuild the file (``VACUUM``)
    so that no free page keeps erased text."""
    raw = store.engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.execute("PRAGMA secure_delete = ON")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        driver.execute("VACUUM")
        busy, _log, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    if busy:
        raise ErasureError(
            "De persoon is gewist, maar een ander programma houdt de database open, zodat de "
            "oude gegevens nog in het logbestand (-wal) kunnen staan. Sluit dat programma en "
            "start Netwerken opnieuw.",
            "The person was erased, but another program holds the database open, so the old "
            "data may still be in the log file (-wal). Close that program and restart Netwerken.",
        )


@dataclass(frozen=True, slots=True)
class ErasureRecord:
    at: str
    by: str
    networks: int
    places: int
    versions: int


def erasure_log(store: Store) -> list[ErasureRecord]:
    """Every erasure made in this file, oldest first (when, by whom, how many places)."""
    records = []
    with store.plain_reading() as connection:
        for (value,) in connection.execute(
            "SELECT value FROM app_meta WHERE key LIKE ? ORDER BY key", (ERASURE_KEY_PREFIX + "%",)
        ):
            try:
                data = json.loads(value)
                records.append(
                    ErasureRecord(
                        str(data["at"]),
                        str(data["by"]),
                        int(data["networks"]),
                        int(data["places"]),
                        int(data["versions"]),
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
    return records


# --- backups made before the erasure -----------------------------------------------------------


def delete_backups(backups: Sequence[BackupInfo | Path]) -> int:
    """Remove these backup files; returns how many went."""
    removed = 0
    for backup in backups:
        path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as error:
            raise ErasureError(
                f"De back-up {path.name} kon niet gewist worden: {error.strerror or error}.",
                f"The backup {path.name} could not be deleted: {error.strerror or error}.",
            ) from error
    return removed


def rewrite_backup(backup: BackupInfo | Path, person: Person, *, by: str | None = None) -> int:
    """Apply the same erasure to a backup file in place; returns the places changed there.

    Only a backup of this program's current schema is rewritten (opening an older one would
    migrate it and make yet another backup, holding the person); for an older one the officer
    is told to delete it instead."""
    path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    header = dbfile.read_header(path)
    if header.schema_version != dbfile.SCHEMA_VERSION:
        raise ErasureError(
            f"De back-up {path.name} is van een oudere versie en kan niet herschreven worden; "
            "wis hem in de plaats.",
            f"The backup {path.name} is from an older version and cannot be rewritten; delete "
            "it instead.",
        )
    store = Store.open(path, create=False)
    try:
        report = erase_person(store, person, by=by)
        raw = store.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            # A backup is a single file again, as backup_file made it.
            driver.execute("PRAGMA journal_mode = DELETE")
        finally:
            raw.close()
    finally:
        store.close()
    return report.places
