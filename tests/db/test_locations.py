"""Default places (Documents/Netwerken), the offered move from the old place, and publishing a new
database where the file system has no hard links (FAT, exFAT, some network shares).

The platform is reached through seams: platformdirs' two folders are monkeypatched (on Windows
they come from the shell, which no test can redirect), and ``os.link`` is made to fail as it does
on such file systems.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from db.model.errors import BusyError, WriteError
from db.storage import atomic, dbfile, locations
from db.storage.backup import backup_file, list_backups
from db.storage.store import Store
from db.text.samples import open_default_or
from tests.db.factories import full_profile


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(Documents, the old data folder), both under tmp_path; no NETWERKEN_DB override."""
    documents = tmp_path / "Documents"
    old_data = tmp_path / "AppData" / "Local" / "Netwerken"
    documents.mkdir()
    monkeypatch.delenv("NETWERKEN_DB", raising=False)
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *args, **kwargs: str(old_data))
    return documents, old_data


def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Make ``os.link`` fail as on FAT/exFAT; returns the calls it got."""
    calls: list[tuple[str, str]] = []

    def refuse(source: object, target: object, *args: object, **kwargs: object) -> None:
        calls.append((str(source), str(target)))
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    return calls


def make_database(path: Path, networks: int = 1) -> None:
    store = Store.open(path)
    try:
        for _ in range(networks):
            store.create(full_profile())
    finally:
        store.close()


# --- the default place ------------------------------------------------------------------------


def test_a_first_start_puts_the_database_and_its_backups_in_documents(
    places: tuple[Path, Path],
) -> None:
    documents, old_data = places
    store = open_default_or(None)
    try:
        assert store.path == documents / "Netwerken" / "netwerken.sqlite"
        assert store.count() == 5  # the samples
        assert backup_file(store.path).parent == documents / "Netwerken" / "backups"
    finally:
        store.close()
    assert not old_data.exists()


def test_a_database_in_the_old_place_keeps_being_found(places: tuple[Path, Path]) -> None:
    documents, old_data = places
    old = old_data / "netwerken.sqlite"
    old_data.mkdir(parents=True)
    make_database(old, networks=2)
    assert locations.default_database_path() == old
    store = open_default_or(None)  # not a new, empty one in Documents
    try:
        assert store.path == old
        assert store.count() == 2
    finally:
        store.close()
    assert not (documents / "Netwerken").exists()  # nothing moved or made without asking
    move = locations.pending_move()
    assert move == locations.PendingMove(old, documents / "Netwerken" / "netwerken.sqlite")


def test_no_move_is_offered_when_documents_already_has_one_or_the_path_is_set(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    documents, old_data = places
    old_data.mkdir(parents=True)
    make_database(old_data / "netwerken.sqlite")
    (documents / "Netwerken").mkdir()
    make_database(documents / "Netwerken" / "netwerken.sqlite")
    assert locations.pending_move() is None
    assert locations.default_database_path() == documents / "Netwerken" / "netwerken.sqlite"
    (documents / "Netwerken" / "netwerken.sqlite").unlink()
    monkeypatch.setenv("NETWERKEN_DB", str(documents / "elders.sqlite"))
    assert locations.pending_move() is None
    assert locations.default_database_path() == documents / "elders.sqlite"


def test_exports_start_in_documents_or_home_without_one(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    documents, _old = places
    assert locations.export_folder() == documents
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "geen"))
    assert locations.export_folder() == Path.home()


# --- moving -----------------------------------------------------------------------------------


def test_moving_keeps_every_record_and_the_backups_and_keeps_the_old_file(
    places: tuple[Path, Path],
) -> None:
    _documents, old_data = places
    old = old_data / "netwerken.sqlite"
    old_data.mkdir(parents=True)
    make_database(old, networks=3)
    backup_file(old, reason="dagelijks")
    move = locations.pending_move()
    assert move is not None

    report = locations.move_database(move.old, move.new)

    assert report.database == move.new
    assert report.backups_moved == 1
    assert report.old_kept_as == old.with_name("netwerken.sqlite.verplaatst")
    assert report.old_kept_as.exists() and not old.exists()
    assert dbfile.check_openable(move.new).schema_version == dbfile.SCHEMA_VERSION
    assert [b.networks for b in list_backups(move.new)] == [3]
    store = Store.open(move.new)
    try:
        assert store.count() == 3
    finally:
        store.close()
    assert locations.pending_move() is None
    assert locations.default_database_path() == move.new
    assert sorted(p.name for p in move.new.parent.iterdir()) == ["backups", "netwerken.sqlite"]


def test_moving_never_replaces_a_database_in_documents(places: tuple[Path, Path]) -> None:
    documents, old_data = places
    old, new = old_data / "netwerken.sqlite", documents / "Netwerken" / "netwerken.sqlite"
    old_data.mkdir(parents=True)
    make_database(old)
    new.parent.mkdir()
    new.write_bytes(b"iets anders")
    with pytest.raises(WriteError, match="er wordt niets overschreven"):
        locations.move_database(old, new)
    assert new.read_bytes() == b"iets anders"
    assert old.exists()


def test_moving_a_database_another_program_is_writing_is_refused_with_a_reason(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locations, "MOVE_BUSY_TIMEOUT_MS", 50)
    documents, old_data = places
    old, new = old_data / "netwerken.sqlite", documents / "Netwerken" / "netwerken.sqlite"
    old_data.mkdir(parents=True)
    make_database(old)
    other = sqlite3.connect(old, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program in the middle of a save
        with pytest.raises(BusyError):
            locations.move_database(old, new)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert old.exists() and not new.exists()
    assert list(new.parent.iterdir()) == []  # no half copy left behind


def test_moving_where_hard_links_do_not_exist(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    documents, old_data = places
    old, new = old_data / "netwerken.sqlite", documents / "Netwerken" / "netwerken.sqlite"
    old_data.mkdir(parents=True)
    make_database(old, networks=2)
    calls = no_hard_links(monkeypatch)
    locations.move_database(old, new)
    assert calls  # the link was tried and failed: the fallback made the file
    store = Store.open(new)
    try:
        assert store.count() == 2
    finally:
        store.close()


# --- a new database without hard links ----------------------------------------------------------


def test_a_new_database_is_made_where_hard_links_do_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = no_hard_links(monkeypatch)
    path = tmp_path / "usb-stick" / "netwerken.sqlite"
    store = Store.open(path)
    try:
        store.create(full_profile())
        assert store.count() == 1
    finally:
        store.close()
    assert calls and calls[0][1] == str(path)
    assert dbfile.check_openable(path).is_ours
    assert sorted(p.name for p in path.parent.iterdir()) == ["netwerken.sqlite"]  # no leftovers


def test_the_first_start_fills_the_default_database_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_hard_links(monkeypatch)
    default = tmp_path / "exfat" / "netwerken.sqlite"
    monkeypatch.setenv("NETWERKEN_DB", str(default))
    store = open_default_or(None)
    try:
        assert store.count() == 5
    finally:
        store.close()
    assert sorted(p.name for p in default.parent.iterdir()) == ["netwerken.sqlite"]


def test_without_hard_links_a_database_another_program_published_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two programs on their first run: the second never renames its file over the first's."""
    no_hard_links(monkeypatch)
    theirs = tmp_path / "netwerken.sqlite"
    make_database(tmp_path / "theirs.sqlite", networks=2)
    ours = tmp_path / ".ours.partial"
    make_database(ours, networks=1)
    real_exists = Path.exists

    def published_meanwhile(self: Path) -> bool:
        # The other program publishes its file right after our link attempt failed.
        if self == theirs and not real_exists(theirs):
            os.replace(tmp_path / "theirs.sqlite", theirs)
        return real_exists(self)

    monkeypatch.setattr(Path, "exists", published_meanwhile)
    atomic.publish_new_database(ours, theirs)
    monkeypatch.undo()
    store = Store.open(theirs)
    try:
        assert store.count() == 2  # theirs, not ours
    finally:
        store.close()


def test_without_hard_links_the_second_program_waits_for_the_first_ones_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_hard_links(monkeypatch)
    target = tmp_path / "netwerken.sqlite"
    claim = tmp_path / ".netwerken.sqlite.claim"
    claim.write_bytes(b"")  # the first program is between its check and its rename
    make_database(tmp_path / "first.sqlite", networks=2)
    ours = tmp_path / ".ours.partial"
    make_database(ours, networks=1)

    def first_program_finishes() -> None:
        os.replace(tmp_path / "first.sqlite", target)
        claim.unlink()

    timer = threading.Timer(0.2, first_program_finishes)
    timer.start()
    try:
        atomic.publish_new_database(ours, target)
    finally:
        timer.join()
    assert ours.exists()  # ours was not used: the caller removes it
    store = Store.open(target)
    try:
        assert store.count() == 2
    finally:
        store.close()


def test_without_hard_links_a_claim_left_by_a_killed_program_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_hard_links(monkeypatch)
    target = tmp_path / "netwerken.sqlite"
    claim = tmp_path / ".netwerken.sqlite.claim"
    claim.write_bytes(b"")
    long_ago = claim.stat().st_mtime - atomic.STALE_CLAIM_S - 5
    os.utime(claim, (long_ago, long_ago))
    ours = tmp_path / ".ours.partial"
    make_database(ours, networks=1)
    atomic.publish_new_database(ours, target)
    assert dbfile.check_openable(target).is_ours
    assert not claim.exists()
