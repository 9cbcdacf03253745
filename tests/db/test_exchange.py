"""Exporting and importing the database file: a clean snapshot out, the same records back in."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, text

from db.exchange.database_file import (
    EXPORT_PAGE_SIZE,
    expected_schema,
    export_database,
    inspect_import,
    read_schema,
    replace_database,
)
from db.exchange.merge import MergeStatus, apply_merge, plan_merge
from db.model.errors import WriteError
from db.model.schemas import NetworkProfile
from db.search.maintenance import check_index
from db.storage import dbfile
from db.storage.backup import list_backups
from db.storage.search_index import reindex_networks
from db.storage.store import Store, insert_record
from db.storage.tables import Network
from tests.db.factories import full_profile

SECRET = "Zwijgplichtgeheimxq"


def fill(store: Store) -> list[NetworkProfile]:
    return [
        store.create(full_profile()),
        store.create(
            full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"], province="Limburg")
        ),
        store.create(
            full_profile(name="Lokaal netwerk Dilbeek", municipalities=["Dilbeek"], alias="")
        ),
    ]


def test_export_then_import_gives_an_equal_database(store: Store, tmp_path: Path) -> None:
    originals = fill(store)
    target = tmp_path / "uit" / "export.sqlite"
    target.parent.mkdir()
    report = export_database(store, target)
    assert report.networks == 3

    candidate = inspect_import(target)
    assert sorted(candidate.profiles, key=lambda p: p.name) == sorted(
        originals, key=lambda p: p.name
    )
    assert not candidate.migrated
    assert candidate.schema_version == dbfile.SCHEMA_VERSION

    other = Store.open(tmp_path / "ander.sqlite")
    try:
        replace_database(other, candidate)
        for original in originals:
            copy = other.get(original.id)
            assert copy.content_equals(original)
            assert (copy.created_at, copy.updated_at, copy.source) == (
                original.created_at,
                original.updated_at,
                original.source,
            )
        assert check_index(other)
    finally:
        other.close()


def test_the_export_is_self_contained_and_says_where_it_came_from(
    store: Store, tmp_path: Path
) -> None:
    fill(store)
    target = tmp_path / "export.sqlite"
    before = datetime.now(UTC) - timedelta(seconds=2)
    export_database(store, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, *(p.name for p in tmp_path.iterdir() if p.name.startswith("netwerken"))]
    )
    assert not target.with_name(target.name + "-wal").exists()
    assert not target.with_name(target.name + "-shm").exists()
    header = target.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback journal: no -wal needed beside it
    assert dbfile.check_openable(target).schema_version == dbfile.SCHEMA_VERSION
    with closing(sqlite3.connect(target)) as connection:
        meta = dict(connection.execute("SELECT key, value FROM app_meta").fetchall())
        assert connection.execute("PRAGMA application_id").fetchone()[0] == dbfile.APPLICATION_ID
        assert read_schema(connection) == expected_schema(dbfile.SCHEMA_VERSION)
        # Rebuilt with larger pages (faster to write, check and read); the open file keeps its own.
        assert connection.execute("PRAGMA page_size").fetchone()[0] == EXPORT_PAGE_SIZE
    assert meta["program_version"] == dbfile.PROGRAM_VERSION
    assert store.path is not None
    with closing(sqlite3.connect(store.path)) as connection:
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 4096
    store.update(store.get(store.list_ids()[0]))  # and it goes on working as before
    candidate = inspect_import(target)
    assert candidate.program_version == dbfile.PROGRAM_VERSION
    assert candidate.exported_at is not None and candidate.exported_at >= before


def test_export_while_a_write_transaction_is_open(store: Store, tmp_path: Path) -> None:
    fill(store)
    target = tmp_path / "tijdens-schrijven.sqlite"
    pending = full_profile(name="Nog niet bewaard", municipalities=["Wevelgem"])
    with store.write_session() as session:
        now = datetime.now(UTC)
        insert_record(session, pending, created_at=now, updated_at=now)
        session.flush()  # written inside the open transaction, not committed
        export_database(store, target)
    assert store.find(pending.id) is not None  # the writer committed afterwards
    exported = inspect_import(target)
    assert len(exported.profiles) == 3  # the snapshot holds only what was committed
    assert pending.id not in {p.id for p in exported.profiles}


def test_deleted_records_cannot_be_recovered_from_the_export(store: Store, tmp_path: Path) -> None:
    fill(store)
    secret = store.create(
        full_profile(
            name=f"Netwerk {SECRET}",
            municipalities=["Oudenaarde"],
            notes=f"Vertrouwelijk: {SECRET}",
            source={"file_name": "x.txt", "raw_text": f"{SECRET} ruw"},
        )
    )
    # Deleted as the store deletes, but without secure_delete (on in some SQLite builds only), so
    # that the old text stays behind in free pages or the log, as it does on many machines. Its
    # versions are erased too: a deleted network's history is kept on purpose (to restore it,
    # and so the deletion travels); here the point is what the rebuilt file leaves behind.
    with store.write_session() as session:
        session.execute(text("PRAGMA secure_delete = OFF"))
        session.execute(delete(Network).where(Network.id == str(secret.id)))
        session.execute(
            text("DELETE FROM network_versions WHERE network_id = :id"), {"id": str(secret.id)}
        )
        reindex_networks(session, [secret.id])
    assert store.find(secret.id) is None
    assert store.path is not None
    live = b"".join(
        p.read_bytes() for p in store.path.parent.iterdir() if p.name.startswith(store.path.name)
    )
    assert SECRET.encode() in live  # the live file (or its log) still holds traces...
    target = tmp_path / "schoon.sqlite"
    export_database(store, target)
    exported = target.read_bytes()
    assert SECRET.encode() not in exported  # ...the rebuilt export does not
    assert SECRET.lower().encode() not in exported  # not even as an index term
    assert len(inspect_import(target).profiles) == 3


def test_exporting_onto_the_open_database_is_refused(store: Store) -> None:
    fill(store)
    assert store.path is not None
    before = store.path.read_bytes()
    with pytest.raises(WriteError) as raised:
        export_database(store, store.path)
    assert "open is" in str(raised.value)
    assert store.path.read_bytes() == before


def test_a_failed_export_leaves_an_existing_file_alone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    target = tmp_path / "bestaand.sqlite"
    target.write_bytes(b"de vorige export")

    def full_disk(partial: Path, exported_at: datetime) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("db.exchange.database_file._finish_export", full_disk)
    with pytest.raises(WriteError) as raised:
        export_database(store, target)
    assert "disk is full" in str(raised.value)
    assert target.read_bytes() == b"de vorige export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_sync_that_fails_beside_the_check_ends_the_export_cleanly(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is synced to disk in a worker thread while it is checked: an error there
    must still reach the officer, and nothing half-written may stay behind."""
    fill(store)
    target = tmp_path / "bestaand.sqlite"
    target.write_bytes(b"de vorige export")
    synced: list[Path] = []

    def disk_gone(path: Path) -> None:
        synced.append(path)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("db.exchange.database_file.fsync_file", disk_gone)
    with pytest.raises(WriteError) as raised:
        export_database(store, target)
    assert "Input/output error" in str(raised.value)
    assert len(synced) == 1 and synced[0].name.endswith(".partial")
    assert target.read_bytes() == b"de vorige export"
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name]


def test_a_colleagues_live_database_file_imports(store: Store, tmp_path: Path) -> None:
    """Not an export but the file itself (write-ahead-log mode in its header)."""
    colleague = Store.open(tmp_path / "collega" / "netwerken.sqlite")
    theirs = colleague.create(
        full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    )
    colleague.close()
    assert colleague.path is not None
    assert colleague.path.read_bytes()[18:20] == b"\x02\x02"
    before = colleague.path.read_bytes()
    candidate = inspect_import(colleague.path)
    assert [p.id for p in candidate.profiles] == [theirs.id]
    assert colleague.path.read_bytes() == before


def test_a_file_with_its_log_beside_it_imports_every_commit(tmp_path: Path) -> None:
    """Commits still in ``-wal`` (the other program has it open) come along, read from copies."""
    source = tmp_path / "open-bij-collega.sqlite"
    colleague = Store.open(source)
    first = colleague.create(full_profile())
    colleague.close()
    with closing(sqlite3.connect(source, isolation_level=None)) as busy:
        busy.execute("PRAGMA wal_autocheckpoint = 0")
        busy.execute("UPDATE networks SET name = 'Nog in het logboek'")
        log = source.with_name(source.name + "-wal")
        assert log.stat().st_size > 0
        before = (source.read_bytes(), log.read_bytes())
        candidate = inspect_import(source)
        assert [p.name for p in candidate.profiles] == ["Nog in het logboek"]
        assert candidate.profiles[0].id == first.id
        assert (source.read_bytes(), log.read_bytes()) == before


def test_replace_backs_up_and_merge_keeps_my_later_edit(store: Store, tmp_path: Path) -> None:
    mine = fill(store)
    target = tmp_path / "export.sqlite"
    export_database(store, target)
    edited = store.update(mine[0].model_copy(update={"vision": "Mijn nieuwe visie"}))
    plan = plan_merge(store, inspect_import(target))
    # The export is an older version of my own record: no conflict, mine stays.
    assert plan.conflicts == []
    assert [item.status for item in plan.items].count(MergeStatus.KEEP_MINE) == 1
    report = apply_merge(store, plan)
    assert report.updated == 0 and report.kept == 3
    assert report.backup is None  # the merge kept mine: it changed nothing, so no backup
    assert store.get(edited.id).vision == "Mijn nieuwe visie"

    replace_database(store, inspect_import(target))
    assert store.get(edited.id).vision == mine[0].vision
    assert store.path is not None
    reasons = [b.reason for b in list_backups(store.path)]
    assert reasons == ["voor-vervangen"]


def test_a_deleted_network_is_purged_from_the_index_once_and_not_exported(tmp_path: Path) -> None:
    """Deleting marks the index; the next export merges it (in the open file) and clears the mark."""
    import sqlite3

    from db.storage.search_index import HOLDS_DELETED
    from tests.db.factories import full_profile

    store = Store.open(tmp_path / "werk.sqlite")
    secret = full_profile(
        name="Lokaal netwerk Zonnebeke", municipalities=["Zonnebeke"], vision="Geheimwoordxyz"
    )
    store.create(secret)
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))

    def marked() -> bool:
        with sqlite3.connect(store.path) as raw:
            return (
                raw.execute("SELECT 1 FROM app_meta WHERE key = ?", (HOLDS_DELETED,)).fetchone()
                is not None
            )

    assert not marked()  # creating and editing leave no deleted words behind
    store.delete(secret.id)
    assert marked()
    target = tmp_path / "uit.sqlite"
    export_database(store, target)
    assert not marked()
    assert b"Geheimwoordxyz" not in target.read_bytes()
    assert b"geheimwoordxyz" not in target.read_bytes()
    with sqlite3.connect(target) as raw:
        assert (
            raw.execute("SELECT 1 FROM app_meta WHERE key = ?", (HOLDS_DELETED,)).fetchone() is None
        )


def test_deleted_words_are_purged_in_the_copy_while_another_program_writes(
    store: Store, tmp_path: Path
) -> None:
    secret = store.create(
        full_profile(
            name="Lokaal netwerk Zonnebeke", municipalities=["Zonnebeke"], vision="Geheimwoordxyz"
        )
    )
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    store.delete(secret.id)
    target = tmp_path / "uit.sqlite"
    with store.write_session() as session:  # holds the write lock: the open file cannot be merged
        session.execute(text("UPDATE networks SET region = 'x' WHERE 0"))
        export_database(store, target)
    content = target.read_bytes().lower()
    assert b"geheimwoordxyz" not in content
    assert check_index(Store.open(target))
