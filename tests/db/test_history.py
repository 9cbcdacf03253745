"""Every change stores a version, in the same transaction; deletions leave a tombstone; stored
versions are compact, readable, and rewritable (for a later erasure of personal data)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.model.errors import ConflictError
from db.storage import history
from db.storage.history import VersionKind, iter_versions, record_data, rewrite_version
from db.storage.store import Store, raw_connection
from db.text.text_import import OnDuplicate, import_texts
from tests.db.factories import full_profile
from tests.db.test_migrations import NETWORK_ID, make_oldest_database


def kinds(store: Store, network_id: object) -> list[str]:
    return [v.kind for v in store.history(str(network_id))]


def test_every_change_is_a_version_with_who_and_which_database(store: Store) -> None:
    store.author = "Fien"
    created = store.create(full_profile())
    saved = store.update(created.model_copy(update={"notes": "Nieuwe nota"}))
    store.update(saved)  # nothing changed: no version
    removed = store.delete(created.id)
    store.restore(removed)
    assert kinds(store, created.id) == ["create", "save", "delete", "restore"]
    versions = store.history(created.id)
    assert {v.author for v in versions} == {"Fien"}
    assert len({v.database_id for v in versions}) == 1
    assert versions[2].deleted and versions[2].name == created.name
    entries = store.history_entries(created.id)
    assert entries[1].fields == ("notes",)


def test_a_failed_save_leaves_no_version(store: Store) -> None:
    created = store.create(full_profile())
    store.update(created.model_copy(update={"notes": "eerst"}))
    with pytest.raises(ConflictError):
        store.update(created.model_copy(update={"notes": "verouderd"}))
    assert kinds(store, created.id) == ["create", "save"]


def test_a_text_import_and_a_batch_are_versions_of_their_kind(store: Store, tmp_path: Path) -> None:
    from db.text.profile_text import write_profile

    profile = full_profile()
    text = tmp_path / "borsbeek.txt"
    text.write_text(write_profile(profile), encoding="utf-8")
    import_texts(store, [text], OnDuplicate.SKIP)
    [stored] = list(store.iter_profiles())
    assert kinds(store, stored.id) == ["text-import"]


def test_deleted_networks_are_listed_and_restored_as_they_were(store: Store) -> None:
    kept = store.create(full_profile(name="Blijft", municipalities=["Genk"]))
    gone = store.create(full_profile())
    gone = store.update(gone.model_copy(update={"vision": "Laatste visie"}))
    store.delete(gone.id)
    [deleted] = store.deleted_networks()
    assert (deleted.name, deleted.network_id) == (gone.name, str(gone.id))
    restored = store.restore_deleted(gone.id)
    assert restored.vision == "Laatste visie" and restored.content_equals(gone)
    assert store.deleted_networks() == []
    assert kinds(store, gone.id)[-1] == "restore"
    assert kept.id != gone.id


def test_reverting_to_an_older_version_is_a_new_version(store: Store) -> None:
    first = store.create(full_profile())
    store.update(first.model_copy(update={"vision": "Tweede"}))
    [create, _save] = store.history(first.id)
    reverted = store.revert_to(first.id, create.seq)
    assert reverted.content_equals(first)
    assert kinds(store, first.id) == ["create", "save", "revert"]
    with pytest.raises(ConflictError):
        store.revert_to(first.id, create.seq, expected_version=1)


def test_later_versions_are_stored_against_the_last_whole_one(store: Store) -> None:
    profile = store.create(full_profile())
    for number in range(4):
        profile = store.update(profile.model_copy(update={"notes": f"nota {number}"}))
    with store.plain_reading() as connection:
        rows = connection.execute(
            "SELECT version_id, base_version_id, length(record) FROM network_versions ORDER BY seq"
        ).fetchall()
    whole_id, no_base, whole_size = rows[0]
    assert no_base is None
    assert all(base == whole_id for _id, base, _size in rows[1:])
    assert all(size * 3 < whole_size for _id, _base, size in rows[1:])
    records = store.version_records([v.seq for v in store.history(profile.id)])
    assert [r.notes for r in records.values() if r] == [
        full_profile().notes,
        "nota 0",
        "nota 1",
        "nota 2",
        "nota 3",
    ]


def test_rewriting_a_version_keeps_the_ones_stored_against_it_readable(store: Store) -> None:
    profile = store.create(full_profile(notes="Geheime nota"))
    store.update(profile.model_copy(update={"vision": "Andere visie"}))
    with store.write_session() as session:
        connection = raw_connection(session)
        [first, second] = list(iter_versions(connection, str(profile.id)))
        assert first.data is not None and first.data["notes"] == "Geheime nota"
        rewrite_version(connection, first.info.seq, {**first.data, "notes": ""})
    with store.plain_reading() as connection:
        [first, second] = list(iter_versions(connection, str(profile.id)))
        blobs = b"".join(
            history.inflate(row[0])
            for row in connection.execute("SELECT record FROM network_versions")
        )
    assert first.data is not None and first.data["notes"] == ""
    assert second.data is not None and second.data["vision"] == "Andere visie"
    assert b"Geheime nota" in blobs  # the later version still holds it itself, whole now
    assert second.info.content_hash == history.content_hash(second.data)


def test_a_damaged_version_is_reported_unreadable_not_a_crash(store: Store) -> None:
    profile = store.create(full_profile())
    with store.write_session() as session:
        raw_connection(session).execute("UPDATE network_versions SET record = x'00ff'")
    [entry] = store.history_entries(profile.id)
    assert not entry.readable
    assert store.version_records([entry.seq]) == {entry.seq: None}


def test_decompression_is_bounded() -> None:
    import zlib

    bomb = zlib.compress(b"[" + b"0," * 5_000_000 + b"0]")
    with pytest.raises(history.UnreadableVersionError):
        history.inflate(bomb, limit=1_000_000)


def test_the_migration_gives_each_existing_network_one_version(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    store = Store.open(path)
    try:
        [version] = store.history(NETWORK_ID)
        assert version.kind == VersionKind.INITIAL
        profile = store.get(NETWORK_ID)
        assert version.content_hash == history.content_hash(record_data(profile))
        with store.plain_reading() as connection:
            assert history.database_id(connection)
        # Nothing else changed for the file: its record is as it was.
        assert profile.version == 3 and profile.vision == "Visie van Genk"
    finally:
        store.close()


def test_listing_and_opening_never_read_the_versions(store: Store, tmp_path: Path) -> None:
    """The list and the start-up read the records' tables only: checked by making the
    versions table unreadable to them."""
    from db.storage.listing import Listing

    store.create(full_profile())
    assert store.path is not None
    copy = tmp_path / "zonder.sqlite"
    store.close()
    shutil.copyfile(store.path, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("ALTER TABLE network_versions RENAME TO elders")
    listing = Listing(copy)
    ids = listing.list_ids()
    assert [s.name for s in listing.summaries(ids)] == [full_profile().name]
