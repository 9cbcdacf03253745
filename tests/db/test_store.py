"""The store: every field round-trips, saves are short transactions, stale saves conflict."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from db.model.errors import ConflictError, DuplicateIdError, NotFoundError, WriteError
from db.model.schemas import NetworkProfile
from db.storage import dbfile
from db.storage.locations import default_database_path
from db.storage.store import SortKey, Store
from tests.db.factories import full_profile


def test_every_field_round_trips(store: Store) -> None:
    original = full_profile()
    stored = store.create(original)
    assert stored.content_equals(original)
    assert stored.source == original.source
    assert stored.version == 1
    assert stored.created_at is not None and stored.updated_at is not None
    again = Store.open(store.path).get(original.id)
    assert again == stored


def test_update_replaces_lists_and_bumps_the_version_once(store: Store) -> None:
    stored = store.create(full_profile())
    edited = stored.model_copy(
        update={
            "partners": stored.partners[1:],
            "goals": [],
            "agreement_periods": stored.agreement_periods[:1],
            "name": "Netwerk Borsbeek",
        }
    )
    saved = store.update(edited)
    assert saved.version == 2
    assert saved.name == "Netwerk Borsbeek"
    assert [p.name for p in saved.partners] == ["Welzijnsschakel 't Schakeltje"]
    assert saved.goals == []
    # No orphaned child rows stay behind.
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
        assert (
            raw.execute("SELECT count(*) FROM actions").fetchone()[0] == 2
        )  # loose action + child


def test_stale_save_conflicts_and_changes_nothing(store: Store) -> None:
    stored = store.create(full_profile())
    mine = stored.model_copy(update={"meetings": "Mijn tekst"})
    theirs = stored.model_copy(update={"meetings": "Hun tekst"})
    store.update(theirs)
    with pytest.raises(ConflictError) as caught:
        store.update(mine)
    assert caught.value.current is not None
    assert caught.value.current.meetings == "Hun tekst"
    assert "gewijzigd door iemand anders" in str(caught.value)
    assert store.get(stored.id).meetings == "Hun tekst"
    forced = store.update(mine, force=True)
    assert forced.meetings == "Mijn tekst"


def test_saving_a_deleted_record_conflicts(store: Store) -> None:
    stored = store.create(full_profile())
    store.delete(stored.id)
    with pytest.raises(ConflictError) as caught:
        store.update(stored)
    assert caught.value.current is None
    assert "verwijderd" in str(caught.value)


def test_overwriting_a_deleted_record_brings_it_back(store: Store) -> None:
    stored = store.create(full_profile())
    store.delete(stored.id)
    saved = store.update(stored.model_copy(update={"meetings": "Toch bewaren"}), force=True)
    assert saved.meetings == "Toch bewaren"
    assert saved.content_equals(stored.model_copy(update={"meetings": "Toch bewaren"}))
    assert store.count() == 1


def test_delete_and_restore(store: Store) -> None:
    stored = store.create(full_profile())
    removed = store.delete(stored.id)
    assert store.count() == 0
    with pytest.raises(NotFoundError):
        store.get(stored.id)
    restored = store.restore(removed)
    assert restored.content_equals(stored)
    assert restored.created_at == stored.created_at


def test_create_refuses_a_duplicate_id(store: Store) -> None:
    stored = store.create(full_profile())
    with pytest.raises(DuplicateIdError):
        store.create(stored)


def test_save_creates_then_updates(store: Store) -> None:
    fresh = NetworkProfile(name="Lokaal netwerk Genk", municipalities=["Genk"])
    first = store.save(fresh)
    second = store.save(first.model_copy(update={"region": "Limburg-Noord"}))
    assert (first.version, second.version) == (1, 2)


def test_list_sorting_and_summaries(store: Store) -> None:
    store.create(NetworkProfile(name="Zwalm", municipalities=["Zwalm"], drawing_right_eur=100))
    store.create(NetworkProfile(name="Évergem", municipalities=["Evergem"], drawing_right_eur=5000))
    store.create(NetworkProfile(name="aalst", municipalities=["Aalst"]))
    by_name = [s.name for s in store.list_summaries(SortKey.NAME)]
    assert by_name == ["aalst", "Évergem", "Zwalm"]
    assert [s.name for s in store.list_summaries(SortKey.NAME, descending=True)] == [
        "Zwalm",
        "Évergem",
        "aalst",
    ]
    by_amount = [s.name for s in store.list_summaries(SortKey.DRAWING_RIGHT, descending=True)]
    assert by_amount == ["Évergem", "Zwalm", "aalst"]  # empty amounts last in both directions
    assert [s.name for s in store.list_summaries(SortKey.DRAWING_RIGHT)] == [
        "Zwalm",
        "Évergem",
        "aalst",
    ]


def test_summary_shows_current_period(store: Store) -> None:
    stored = store.create(full_profile())
    (summary,) = store.summaries([stored.id], year=2019)
    assert summary.current_period == "1e afsprakennota 2018–2019"
    assert summary.municipalities == "Borsbeek, Wommelgem"
    (later,) = store.summaries([stored.id], year=2030)
    assert later.current_period == "2e afsprakennota 2020–2025"


def test_file_carries_application_id_and_schema_version(store: Store) -> None:
    header = dbfile.read_header(store.path)
    assert header.application_id == dbfile.APPLICATION_ID
    assert header.schema_version == dbfile.SCHEMA_VERSION


def test_connection_pragmas(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_newer_file_is_refused_and_left_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute(f"PRAGMA user_version = {dbfile.SCHEMA_VERSION + 1}")
        raw.execute("PRAGMA journal_mode = DELETE")
    before = db_path.read_bytes()
    with pytest.raises(dbfile.NewerSchemaError) as caught:
        Store.open(db_path)
    assert "nieuwere versie van Netwerken" in str(caught.value)
    assert "newer version" in caught.value.english
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is leeg"),
        (b"dit is een tekstbestand\n" * 20, "geen SQLite-bestand"),
    ],
)
def test_non_databases_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "vreemd.sqlite"
    path.write_bytes(content)
    with pytest.raises(dbfile.NotADatabaseError, match=message):
        Store.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ander.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(dbfile.ForeignDatabaseError, match="ander programma"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_vanished_file_gives_a_clear_error_not_a_new_empty_database(db_path: Path) -> None:
    store = Store.open(db_path)
    stored = store.create(full_profile())
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(WriteError, match="niet \\(meer\\) bereikbaar"):
        store.update(stored)
    assert not db_path.exists()


def test_url_databases_work_in_memory_free_tmp(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{(tmp_path / 'url.sqlite').as_posix()}")
    store.create(full_profile(id=uuid.uuid4()))
    assert store.count() == 1


def test_default_path_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NETWERKEN_DB", str(tmp_path / "elders.sqlite"))
    assert default_database_path() == tmp_path / "elders.sqlite"


def test_opening_a_current_file_does_not_import_alembic(db_path: Path) -> None:
    Store.open(db_path).close()
    code = (
        "import sys; from db.storage.store import Store; Store.open(sys.argv[1]).count();"
        "print('alembic' in sys.modules, 'PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
