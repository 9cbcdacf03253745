"""Where the program keeps its files by default: ``Documents/Netwerken``, visible and backed up.

Office PCs back up (and sync to OneDrive) the Documents folder, not the hidden application-data
folder where the first versions put the database; an officer also finds a file there to mail or
copy. The default database and its ``backups`` folder beside it live in
``<Documents>/Netwerken``; exports and PDFs start in ``<Documents>``.

A database already in the old place (platformdirs' user data folder) keeps being found, and the
officer is offered to move it (:func:`pending_move`, :func:`move_database`): never a silent move.
Only the standard library and platformdirs (imported when a path is asked for, not at start).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.model.errors import BusyError, WriteError
from db.storage.atomic import publish_new_database
from db.storage.backup import backup_folder
from db.storage.dbfile import check_openable, sqlite_integrity

APP_FOLDER = "Netwerken"
DATABASE_NAME = "netwerken.sqlite"
ENVIRONMENT_OVERRIDE = "NETWERKEN_DB"
MOVED_SUFFIX = ".verplaatst"
# How long a move waits for another program to finish a save before it asks to close that one.
MOVE_BUSY_TIMEOUT_MS = 2000


def documents_folder() -> Path:
    """The user's Documents folder (Windows: the shell's, also when redirected to OneDrive)."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())


def export_folder() -> Path:
    """Where file dialogs for exports, PDFs and imports start: Documents (home if it is missing)."""
    documents = documents_folder()
    return documents if documents.is_dir() else Path.home()


def documents_database_path() -> Path:
    return documents_folder() / APP_FOLDER / DATABASE_NAME


def legacy_database_path() -> Path:
    """Where versions before 0.2 made the default database (hidden on Windows: AppData)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_FOLDER, appauthor=False)) / DATABASE_NAME


def default_database_path() -> Path:
    """``NETWERKEN_DB`` if set; else the database in Documents, or the one in the old place
    while only that one exists (so an officer's data is never "gone" after an update)."""
    override = os.environ.get(ENVIRONMENT_OVERRIDE)
    if override:
        return Path(override).expanduser()
    documents = documents_database_path()
    if not documents.exists():
        legacy = legacy_database_path()
        if legacy.exists():
            return legacy
    return documents


@dataclass(frozen=True, slots=True)
class PendingMove:
    old: Path
    new: Path


def pending_move() -> PendingMove | None:
    """The move to offer: the default database lies only in the old place (and no override)."""
    if os.environ.get(ENVIRONMENT_OVERRIDE):
        return None
    old, new = legacy_database_path(), documents_database_path()
    if old.exists() and not new.exists():
        return PendingMove(old, new)
    return None


@dataclass(frozen=True, slots=True)
class MoveReport:
    database: Path  # where the database is now
    backups_moved: int
    old_kept_as: Path | None  # the old file, renamed so it is no longer found; None if removed


def move_database(old: Path, new: Path) -> MoveReport:
    """Move a database and its backups from ``old`` to ``new``; the data is never at risk.

    The copy is made with SQLite's backup API while holding the old file's exclusive lock (so no
    other program writes meanwhile: that one is asked to close first, :class:`BusyError`),
    checked, and published under ``new`` without replacing anything there. Only then is the
    old file renamed to ``<name>.verplaatst`` (kept, not deleted: nothing is ever lost by a
    move) and the backups follow. Raises :class:`WriteError` with a sentence on failure; the old
    file is then untouched and still in use.
    """
    if new.exists():
        raise WriteError(
            f"In {new.parent} staat al een database {new.name}: er wordt niets overschreven.",
            f"There already is a database {new.name} in {new.parent}: nothing is overwritten.",
        )
    check_openable(old)
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_write(new, error) from error
    partial = new.with_name(f".{new.name}.{secrets.token_hex(4)}.moving")
    leftovers = [
        partial,
        *(partial.with_name(partial.name + end) for end in ("-journal", "-wal", "-shm")),
    ]
    try:
        _copy_exclusively(old, partial)
        problems = sqlite_integrity(partial)
        if problems:
            raise WriteError(
                f"De kopie van {old.name} is niet in orde ({problems[0]}); er is niets verplaatst.",
                f"The copy of {old.name} is not sound ({problems[0]}); nothing was moved.",
            )
        publish_new_database(partial, new)
    except OSError as error:
        raise _cannot_write(new, error) from error
    finally:
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    if not new.exists():
        raise WriteError(
            f"{new} kon niet aangemaakt worden; de database blijft in {old.parent}.",
            f"{new} could not be created; the database stays in {old.parent}.",
        )
    kept = old.with_name(old.name + MOVED_SUFFIX)
    try:
        old.replace(kept)
    except OSError:
        kept = old  # still open somewhere (Windows): the new one is found first all the same
    return MoveReport(new, _move_backups(backup_folder(old), backup_folder(new)), kept)


def _copy_exclusively(old: Path, target: Path) -> None:
    source = sqlite3.connect(f"file:{old.as_posix()}?mode=rw", uri=True, isolation_level=None)
    try:
        source.execute(f"PRAGMA busy_timeout = {int(MOVE_BUSY_TIMEOUT_MS)}")
        source.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            source.execute("BEGIN EXCLUSIVE")
            source.execute("COMMIT")  # in exclusive locking mode the lock stays after this
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise BusyError() from error
            raise
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _move_backups(old_folder: Path, new_folder: Path) -> int:
    """Move the backup files along (never over a file of the same name); returns how many."""
    if not old_folder.is_dir():
        return 0
    moved = 0
    new_folder.mkdir(parents=True, exist_ok=True)
    for backup in sorted(old_folder.glob("*.sqlite")):
        target = new_folder / backup.name
        if target.exists():
            continue
        try:
            shutil.move(backup, target)
        except OSError:
            continue  # a backup left behind is still a backup; the database moved
        moved += 1
    return moved


def _cannot_write(path: Path, error: OSError) -> WriteError:
    return WriteError(
        f"{path} kan niet gemaakt worden ({error.strerror or error}); de database blijft op "
        "de oude plaats en werkt gewoon verder.",
        f"{path} cannot be created ({error.strerror or error}); the database stays in its old "
        "place and keeps working.",
    )
