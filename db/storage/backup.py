"""Automatic backups beside the database: ``backups/<name>-<time>-<reason>.sqlite``.

A backup is a consistent snapshot made with SQLite's online backup API (safe while the program
writes), so it can be opened and restored like any database (restoring is an import:
:func:`db.exchange.database_file.restore_backup`). The newest ``KEEP`` are kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db.storage.paths import sqlite_file_uri

KEEP = 10
# Besides the newest KEEP: the last backup of each of the last DAILY_DAYS days, so a burst of
# backups (ten import attempts in an afternoon) never pushes out every earlier day.
DAILY_DAYS = 14


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    networks: int | None  # None when the backup cannot be read


def backup_folder(database: Path) -> Path:
    return database.parent / "backups"


def backup_file(database: Path, reason: str = "handmatig", keep: int = KEEP) -> Path:
    """Snapshot ``database`` into its backup folder and prune old backups; returns the new file."""
    folder = backup_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        source = sqlite3.connect(sqlite_file_uri(database, {"mode": "ro"}), uri=True)
        try:
            source.execute("PRAGMA trusted_schema = OFF")
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        partial.replace(target)
    except BaseException:
        # A failed copy (a full disk) must not leave a half backup eating the last free space.
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    prune(database, keep)
    return target


def list_backups(database: Path) -> list[BackupInfo]:
    """Backups of ``database``, newest first, with their record counts."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{database.stem}-*.sqlite"):
        parts = path.stem[len(database.stem) + 1 :].split("-", 3)
        try:
            made_at = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        reason = parts[3] if len(parts) > 3 else ""
        found.append(BackupInfo(path, made_at, reason, _count_networks(path)))
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def backup_daily(database: Path, keep: int = KEEP, today: date | None = None) -> Path | None:
    """The backup on start: made unless one was made today already (or there is no file yet)."""
    if not database.exists():
        return None
    backups = list_backups(database)
    if backups and backups[0].made_at.date() >= (today or date.today()):
        return None
    return backup_file(database, reason="dagelijks", keep=keep)


def prune(database: Path, keep: int = KEEP, today: date | None = None) -> None:
    """Remove old backups: the newest ``keep`` stay, and the newest of each of the last
    :data:`DAILY_DAYS` days."""
    today = today or date.today()
    backups = list_backups(database)  # newest first
    kept_days: set[date] = set()
    for index, info in enumerate(backups):
        day = info.made_at.date()
        last_of_its_day = day not in kept_days and (today - day).days < DAILY_DAYS
        kept_days.add(day)
        if index < keep or last_of_its_day:
            continue
        info.path.unlink(missing_ok=True)


@contextmanager
def backup_for_change(database: Path | None, reason: str) -> Iterator[Path | None]:
    """A backup before a change made in the ``with`` block; removed again if the block fails.

    A failed attempt changed nothing (it ran in one transaction), so its backup would only
    be a copy of the newest one, pushing older ones out: one backup per attempt that changes
    something. ``database`` None or missing (an in-memory store): no backup."""
    if database is None or not database.exists():
        yield None
        return
    made = backup_file(database, reason=reason)
    try:
        yield made
    except BaseException:
        made.unlink(missing_ok=True)
        raise


def _count_networks(path: Path) -> int | None:
    try:
        connection = sqlite3.connect(sqlite_file_uri(path, {"mode": "ro"}), uri=True)
        connection.execute("PRAGMA trusted_schema = OFF")
        try:
            return int(connection.execute("SELECT count(*) FROM networks").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None
