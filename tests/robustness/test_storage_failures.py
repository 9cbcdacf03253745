"""The file goes away or cannot be written: a clear message, no crash, nothing saved is lost.

Tests run as root in CI, and root ignores file permissions (``chmod``), so "cannot be written"
is simulated in ways root cannot get around:

* ``PRAGMA query_only`` on the store's connections: SQLite itself refuses every write, exactly
  the error a write-protected file gives (SQLITE_READONLY);
* a real read-only file system (a small tmpfs remounted read-only), where ``mount`` is allowed;
  skipped elsewhere;
* ``chmod`` only when not running as root.

"Disk full" likewise: ``PRAGMA max_page_count`` makes SQLite fail with SQLITE_FULL, the same
error a full disk gives, deterministically; and a real full tmpfs where ``mount`` is allowed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from db.model.errors import StoreError, WriteError
from db.model.schemas import NetworkProfile
from db.storage.dbfile import SCHEMA_VERSION, DatabaseFileError
from db.storage.store import Store
from tests.db.factories import full_profile
from tests.platforms import linux_only, not_as_root, not_on_windows, posix_only


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def on_every_connection(store: Store, *pragmas: str) -> None:
    @event.listens_for(store.engine, "connect")
    def _apply(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)


@contextmanager
def small_file_system(folder: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` at ``folder``, or a skip where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


# --- read-only --------------------------------------------------------------------------------


def test_a_write_protected_database_refuses_saves_clearly_and_keeps_everything(
    db_path: Path,
) -> None:
    store = Store.open(db_path)
    stored = store.create(full_profile())
    store.close()

    protected = Store.open(db_path)
    on_every_connection(protected, "PRAGMA query_only = ON")
    assert protected.get(stored.id) == stored  # reading goes on
    edited = protected.get(stored.id)
    edited.notes = "niet op te slaan"
    with pytest.raises(WriteError) as caught:
        protected.save(edited)
    assert "alleen-lezen" in str(caught.value)
    assert "niet opgeslagen" in str(caught.value)
    assert "read-only" in caught.value.english
    with pytest.raises(WriteError, match="alleen-lezen"):
        protected.create(NetworkProfile(name="Nieuw", municipalities=["Gent"]))
    with pytest.raises(WriteError, match="alleen-lezen"):
        protected.delete(stored.id)
    assert edited.notes == "niet op te slaan"  # what the form holds is untouched

    again = Store.open(db_path)
    assert again.get(stored.id) == stored
    assert again.count() == 1
    assert integrity(db_path) == "ok"


@posix_only("a folder's write permission (chmod); Windows ignores it on folders")
@not_as_root("chmod")
def test_a_database_without_write_permission_opens_for_reading(tmp_path: Path) -> None:
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    path = folder / "netwerken.sqlite"
    store = Store.open(path)
    stored = store.create(full_profile())
    store.close()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        reader = Store.open(path)
        assert reader.get(stored.id) == stored
        with pytest.raises(WriteError, match="alleen-lezen"):
            reader.save(stored)
        with pytest.raises(WriteError, match="alleen-lezen"):
            Store.open(folder / "nieuw.sqlite")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert Store.open(path).get(stored.id) == stored


@not_as_root("the read-only attribute")
def test_a_read_only_file_opens_for_reading_on_every_system(tmp_path: Path) -> None:
    """The portable counterpart of the test above: a file marked read-only (the attribute
    Windows shows in Explorer's properties; mode 0444 on POSIX) in a writable folder."""
    path = tmp_path / "netwerken.sqlite"
    store = Store.open(path)
    stored = store.create(full_profile())
    store.close()
    os.chmod(path, stat.S_IREAD)
    try:
        reader = Store.open(path)
        assert reader.get(stored.id) == stored
        with pytest.raises(WriteError, match="alleen-lezen"):
            reader.save(stored)
        reader.close()
    finally:
        os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
    assert Store.open(path).get(stored.id) == stored


@linux_only("a small tmpfs remounted read-only (mount)")
def test_a_database_on_a_read_only_file_system_can_be_read_not_written(tmp_path: Path) -> None:
    """Regression: on a read-only medium the file could not even be read (SQLite cannot make
    its -shm file there) and the message claimed the file had been moved or deleted."""
    with small_file_system(tmp_path / "medium", 2048) as medium:
        path = medium / "netwerken.sqlite"
        store = Store.open(path)
        stored = store.create(full_profile())
        store.close()
        remount_read_only(medium)

        reader = Store.open(path)
        assert reader.get(stored.id) == stored
        assert reader.count() == 1
        edited = reader.get(stored.id)
        edited.notes = "op een alleen-lezen schijf"
        with pytest.raises(WriteError) as caught:
            reader.save(edited)
        assert "alleen-lezen" in str(caught.value)
        assert "verplaatst of verwijderd" not in str(caught.value)
        with pytest.raises(WriteError, match="alleen-lezen"):
            Store.open(medium / "nieuw.sqlite")
        assert reader.get(stored.id) == stored
        reader.close()


# --- the file goes away ---------------------------------------------------------------------


@not_on_windows("a file that is open cannot be deleted there, which is its own protection")
def test_a_deleted_database_gives_a_clear_error_on_every_operation(db_path: Path) -> None:
    store = Store.open(db_path)
    stored = store.create(full_profile())
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    edited = stored.model_copy(deep=True)
    edited.notes = "na het verwijderen"
    for operation in (
        lambda: store.save(edited),
        lambda: store.create(NetworkProfile(name="Nieuw", municipalities=["Gent"])),
        lambda: store.delete(stored.id),
        lambda: store.get(stored.id),
        store.list_ids,
    ):
        with pytest.raises(WriteError, match="niet \\(meer\\) bereikbaar"):
            operation()
    assert not db_path.exists()  # no new, empty database quietly in its place
    assert edited.notes == "na het verwijderen"


@not_on_windows("a file that is open cannot be moved there, which is its own protection")
def test_a_database_moved_while_open_keeps_every_save_in_its_new_place(tmp_path: Path) -> None:
    path = tmp_path / "netwerken.sqlite"
    store = Store.open(path)
    saved = [
        store.create(NetworkProfile(name=f"Netwerk {number}", municipalities=["Gent"]))
        for number in range(5)
    ]
    last = saved[0]
    last.notes = "laatste wijziging voor het verplaatsen"
    last = store.save(last)

    moved = tmp_path / "elders" / "verplaatst.sqlite"
    moved.parent.mkdir()
    path.rename(moved)  # only the main file: saved work must not hide in a -wal beside it
    assert not Path(f"{path}-wal").exists()
    with pytest.raises(WriteError, match="verplaatst of verwijderd"):
        store.save(last)

    assert integrity(moved) == "ok"
    elsewhere = Store.open(moved)
    assert elsewhere.count() == 5
    assert elsewhere.get(last.id).notes == "laatste wijziging voor het verplaatsen"
    elsewhere.close()
    moved.rename(path)  # moved back: the open store carries on
    last.notes = "weer thuis"
    assert store.save(last).notes == "weer thuis"


# --- disk full --------------------------------------------------------------------------------


def test_a_full_disk_refuses_the_save_clearly_and_loses_nothing(db_path: Path) -> None:
    store = Store.open(db_path)
    kept = [store.create(full_profile(name=f"Netwerk {number}")) for number in range(3)]
    with store.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
    store.close()

    full = Store.open(db_path)
    on_every_connection(full, f"PRAGMA max_page_count = {pages + 2}")
    big = kept[1].model_copy(deep=True)
    big.vision = "Een lange visie. " * 5000  # far more than two free pages
    with pytest.raises(WriteError) as caught:
        full.save(big)
    assert "De schijf is vol" in str(caught.value)
    assert "Niets van wat al bewaard was ging verloren" in str(caught.value)
    assert "disk is full" in caught.value.english
    with pytest.raises(WriteError, match="schijf is vol"):
        full.create(full_profile(name="Te groot", vision="x " * 40000))
    assert big.vision.startswith("Een lange visie.")  # still in the form

    assert integrity(db_path) == "ok"
    again = Store.open(db_path)
    assert again.count() == 3
    for profile in kept:
        assert again.get(profile.id) == profile  # the failed save changed nothing, not half
    assert again.save(big).vision == big.vision  # once there is room, the same save lands


@linux_only("a small tmpfs (mount); PRAGMA max_page_count gives the same error everywhere")
def test_a_really_full_file_system_loses_no_acknowledged_save(tmp_path: Path) -> None:
    with small_file_system(tmp_path / "klein", 768) as small:
        path = small / "netwerken.sqlite"
        store = Store.open(path)
        acknowledged: dict[str, str] = {}
        refused = None
        for number in range(200):
            notes = f"notitie {number} " * 2000
            try:
                created = store.create(
                    NetworkProfile(name=f"Netwerk {number}", municipalities=["Gent"], notes=notes)
                )
            except StoreError as error:
                refused = error
                break
            acknowledged[str(created.id)] = notes.strip()
        assert isinstance(refused, WriteError), "the small file system never filled up"
        assert "schijf is vol" in str(refused)
        assert acknowledged, "not even one save fitted"
        # A new database on the full disk fails clearly and leaves no half-made files.
        before = set(os.listdir(small))
        with pytest.raises(WriteError):
            Store.open(small / "nieuw.sqlite")
        assert set(os.listdir(small)) == before
        store.close()

        assert integrity(path) == "ok"
        reopened = Store.open(path)
        assert reopened.schema_version() == SCHEMA_VERSION
        for network_id, notes in acknowledged.items():
            assert reopened.get(network_id).notes == notes
        reopened.close()


def test_a_failing_backup_before_a_migration_stops_it_clearly(tmp_path: Path) -> None:
    """Regression: an impossible backup (full disk, a file named like the backup folder)
    escaped as a raw OSError from Store.open instead of a sentence."""
    if SCHEMA_VERSION == 1:
        pytest.skip("needs a migration after the oldest one")
    from tests.db.test_migrations import NETWORK_ID, make_oldest_database

    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    (tmp_path / "backups").write_text("een bestand waar de back-upmap zou komen\n")
    before = path.read_bytes()
    with pytest.raises(WriteError) as caught:
        Store.open(path)
    assert "back-up" in str(caught.value)
    assert "ongewijzigd" in str(caught.value)
    assert path.read_bytes() == before  # not migrated without a way back
    (tmp_path / "backups").unlink()
    assert Store.open(path).get(NETWORK_ID).name == "Lokaal netwerk Genk"


# --- damaged files ----------------------------------------------------------------------------


@pytest.mark.parametrize("keep_bytes", [4096, 8192, 100])
def test_a_damaged_file_is_refused_when_opened_not_halfway_through_work(
    tmp_path: Path, keep_bytes: int
) -> None:
    """Regression: a file cut off after its header opened without complaint and then failed
    in every view (an exception in the window's list) right after the switch."""
    path = tmp_path / "afgekapt.sqlite"
    store = Store.open(path)
    for number in range(8):
        store.create(full_profile(name=f"Netwerk {number}"))
    store.close()
    path.write_bytes(path.read_bytes()[:keep_bytes])
    before = path.read_bytes()
    with pytest.raises((StoreError, DatabaseFileError)) as caught:
        Store.open(path)
    assert str(caught.value).strip()
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def _leave_a_write_ahead_log(path: Path) -> bytes:
    """What a crash leaves: committed changes still in ``<file>-wal``, not yet in the file."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE networks SET notes = 'alleen in het logboek'")
    connection.commit()
    log = Path(f"{path}-wal").read_bytes()
    connection.close()
    return log


def test_a_new_database_is_not_corrupted_by_the_log_of_a_deleted_one(tmp_path: Path) -> None:
    """Regression: after a crash the officer deleted (or moved) the database file but not its
    ``-wal``; the new database made under the same name had that foreign log replayed into it
    and was corrupt ("row missing from index")."""
    path = tmp_path / "netwerken.sqlite"
    store = Store.open(path)
    store.create(full_profile())
    store.close()
    log = _leave_a_write_ahead_log(path)
    for leftover in tmp_path.glob("netwerken.sqlite*"):
        leftover.unlink()
    Path(f"{path}-wal").write_bytes(log)  # the orphaned log

    fresh = Store.open(path)
    assert fresh.count() == 0
    fresh.create(NetworkProfile(name="Nieuw begin", municipalities=["Gent"]))
    fresh.close()
    assert integrity(path) == "ok"
    kept = list(tmp_path.glob("netwerken.sqlite-wal.verweesd-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == log  # set aside, not destroyed


@linux_only("a small tmpfs (mount)")
def test_a_backup_on_a_full_disk_fails_clearly_and_leaves_no_half_file(tmp_path: Path) -> None:
    """Regression: a backup that ran out of space left its ``.partial`` file behind, taking
    what little space was left (and one more every day the daily backup tried again)."""
    from db.storage.backup import backup_file, backup_folder, list_backups

    with small_file_system(tmp_path / "klein", 768) as small:
        path = small / "netwerken.sqlite"
        store = Store.open(path)
        for number in range(200):
            try:
                store.create(
                    NetworkProfile(
                        name=f"Netwerk {number}", municipalities=["Gent"], notes="vol " * 3000
                    )
                )
            except WriteError:
                break
        store.close()
        with pytest.raises((OSError, sqlite3.Error)):
            backup_file(path)
        assert list(backup_folder(path).iterdir()) == []
        assert list_backups(path) == []
        assert integrity(path) == "ok"
