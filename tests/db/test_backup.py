"""Automatic backups: daily on start, before every replace/merge/migration, restorable."""

from __future__ import annotations

import gc
from datetime import date, timedelta
from pathlib import Path

import pytest

from db.exchange.database_file import export_database, inspect_import, restore_backup
from db.exchange.merge import replace_with
from db.storage.backup import backup_daily, backup_file, list_backups
from db.storage.dbfile import DatabaseFileError
from db.storage.store import Store
from tests.db.factories import full_profile
from tests.db.test_migrations import NETWORK_ID, make_oldest_database


def test_the_daily_backup_is_made_once_a_day(store: Store) -> None:
    assert store.path is not None
    store.create(full_profile())
    first = backup_daily(store.path)
    assert first is not None and first.exists()
    assert backup_daily(store.path) is None  # already one today
    tomorrow = backup_daily(store.path, today=date.today() + timedelta(days=1))
    assert tomorrow is not None
    [newest, oldest] = list_backups(store.path)
    assert (newest.reason, newest.networks) == ("dagelijks", 1)
    assert oldest.path == first


def test_no_daily_backup_of_a_file_that_does_not_exist(tmp_path: Path) -> None:
    assert backup_daily(tmp_path / "nog-niet.sqlite") is None
    assert not (tmp_path / "backups").exists()


def test_only_the_newest_are_kept(store: Store) -> None:
    assert store.path is not None
    made = [backup_file(store.path, reason="test", keep=3) for _ in range(5)]
    kept = [info.path for info in list_backups(store.path)]
    assert kept == list(reversed(made[-3:]))


def test_restore_brings_the_old_state_back_after_backing_up_the_current(
    store: Store, tmp_path: Path
) -> None:
    assert store.path is not None
    old = store.create(full_profile())
    export = tmp_path / "ander.sqlite"
    other = Store.open(tmp_path / "bron.sqlite")
    newer = other.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    export_database(other, export)
    other.close()

    replaced = replace_with(store, inspect_import(export))
    assert replaced.backup is not None
    assert [p.id for p in store.iter_profiles()] == [newer.id]

    [before_replace] = list_backups(store.path)
    assert (before_replace.reason, before_replace.networks) == ("voor-vervangen", 1)
    report = restore_backup(store, before_replace)
    assert [p.id for p in store.iter_profiles()] == [old.id]
    assert store.get(old.id).content_equals(old)
    assert report.backup is not None
    reasons = [info.reason for info in list_backups(store.path)]
    assert reasons == ["voor-terugzetten", "voor-vervangen"]
    # and the state before the restore can itself be restored
    restore_backup(store, list_backups(store.path)[0].path)
    assert [p.id for p in store.iter_profiles()] == [newer.id]


def test_a_damaged_backup_is_refused_and_nothing_changes(store: Store) -> None:
    assert store.path is not None
    kept = store.create(full_profile())
    damaged = backup_file(store.path, reason="test")
    data = bytearray(damaged.read_bytes())
    damaged.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(DatabaseFileError) as raised:
        restore_backup(store, damaged)
    assert "beschadigd" in str(raised.value)
    assert [p.id for p in store.iter_profiles()] == [kept.id]
    assert len(list_backups(store.path)) == 1  # no backup of a state that did not change


def test_a_migration_is_preceded_by_a_backup_that_can_be_restored(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    gc.collect()
    store = Store.open(path)  # migrates, after a backup of the old file
    try:
        [before] = list_backups(path)
        assert before.reason == "voor-migratie"
        store.delete(NETWORK_ID)
        restore_backup(store, before)  # an older schema: its copy is migrated on the way in
        assert store.get(NETWORK_ID).name == "Lokaal netwerk Genk"
    finally:
        store.close()
