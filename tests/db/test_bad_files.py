"""A corpus of files that must not get in: each is refused with its reason, and the officer's own
database keeps every byte."""

from __future__ import annotations

import gc
import hashlib
import json
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from db.exchange.database_file import export_database, inspect_import
from db.exchange.interchange import load_json
from db.exchange.merge import Choice, ImportCandidate, apply_merge, plan_merge, replace_with
from db.storage import dbfile
from db.storage.backup import backup_folder
from db.storage.dbfile import DatabaseFileError
from db.storage.store import Store
from tests.db.factories import full_profile
from tests.db.test_migrations import NETWORK_ID, make_oldest_database

Maker = Callable[[Path, Path], Path]  # (a good export, a folder) -> the file to offer


def officer_database(path: Path) -> Store:
    store = Store.open(path)
    store.create(full_profile())
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    return store


@pytest.fixture(scope="module")
def good_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound export with enough records to span several pages."""
    folder = tmp_path_factory.mktemp("goed")
    store = Store.open(folder / "bron.sqlite")
    for number in range(12):
        store.create(
            full_profile(
                name=f"Lokaal netwerk {number}",
                municipalities=[f"Gemeente {number}"],
                vision="Een lange visie. " * 40,
            )
        )
    target = folder / "export.sqlite"
    export_database(store, target)
    store.close()
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def altered(good: Path, folder: Path, *statements: str, name: str = "collega.sqlite") -> Path:
    target = folder / name
    target.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(target)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    return target


def not_sqlite(good: Path, folder: Path) -> Path:
    path = folder / "brief.sqlite"
    path.write_text("Beste collega, hierbij de gegevens.\n" * 20, encoding="utf-8")
    return path


def zero_bytes(good: Path, folder: Path) -> Path:
    path = folder / "leeg.sqlite"
    path.write_bytes(b"")
    return path


def truncated(good: Path, folder: Path) -> Path:
    path = folder / "afgebroken.sqlite"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def random_bytes_in_a_page(good: Path, folder: Path) -> Path:
    path = folder / "beschadigd.sqlite"
    path.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'networks'"
        ).fetchone()[0]
    noise = random.Random(7).randbytes(64)
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(noise)
    return path


def other_application(good: Path, folder: Path) -> Path:
    path = folder / "boekhouding.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        connection.execute("INSERT INTO invoices (amount) VALUES (12.5)")
        connection.commit()
    return path


def extra_trigger(good: Path, folder: Path) -> Path:
    return altered(
        good,
        folder,
        "CREATE TRIGGER wis_alles AFTER INSERT ON networks BEGIN DELETE FROM partners; END",
    )


def extra_view(good: Path, folder: Path) -> Path:
    return altered(good, folder, "CREATE VIEW kijk AS SELECT name FROM networks")


def extra_table(good: Path, folder: Path) -> Path:
    return altered(good, folder, "CREATE TABLE extra (x)")


def missing_index(good: Path, folder: Path) -> Path:
    return altered(good, folder, "DROP INDEX ix_networks_province")


def newer_schema(good: Path, folder: Path) -> Path:
    return altered(good, folder, f"PRAGMA user_version = {dbfile.SCHEMA_VERSION + 1}")


def no_schema_version(good: Path, folder: Path) -> Path:
    return altered(good, folder, "PRAGMA user_version = 0")


def invalid_record(good: Path, folder: Path) -> Path:
    return altered(
        good,
        folder,
        "UPDATE contacts SET email = 'geen-e-mail' WHERE id = (SELECT min(id) FROM contacts)",
    )


def wrong_kind_of_value(good: Path, folder: Path) -> Path:
    return altered(
        good,
        folder,
        "UPDATE networks SET created_at = 'gisteren' WHERE name = 'Lokaal netwerk 3'",
    )


def orphan_rows(good: Path, folder: Path) -> Path:
    return altered(
        good,
        folder,
        "INSERT INTO partners (network_id, position, name, description)"
        " VALUES ('00000000-0000-4000-8000-000000000000', 0, 'Wees', '')",
    )


def json_with_wrong_types(good: Path, folder: Path) -> Path:
    path = folder / "collega.json"
    network = full_profile().model_dump(mode="json")
    network["municipalities"] = "Borsbeek"
    network["version"] = "drie"
    path.write_text(
        json.dumps({"format": "netwerken", "version": 1, "networks": [network]}), encoding="utf-8"
    )
    return path


CORPUS: list[tuple[Maker, str]] = [
    (not_sqlite, "geen database"),
    (zero_bytes, "is leeg"),
    (truncated, "beschadigd"),
    (random_bytes_in_a_page, "beschadigd"),
    (other_application, "ander programma"),
    (extra_trigger, "onverwachte trigger 'wis_alles'"),
    (extra_view, "onverwachte view 'kijk'"),
    (extra_table, "onverwachte tabel 'extra'"),
    (missing_index, "index 'ix_networks_province' ontbreekt"),
    (newer_schema, "nieuwere versie"),
    (no_schema_version, "geen volledige Netwerken-database"),
    (invalid_record, "E-mail: is geen geldig e-mailadres"),
    (wrong_kind_of_value, "'Lokaal netwerk 3'"),
    (orphan_rows, "beschadigd"),
    (json_with_wrong_types, "Gemeenten: moet een lijst zijn"),
]


def offer(path: Path) -> ImportCandidate:
    return load_json(path) if path.suffix == ".json" else inspect_import(path)


@pytest.mark.parametrize(("make", "reason"), CORPUS, ids=[m.__name__ for m, _ in CORPUS])
def test_a_bad_file_is_refused_and_the_database_keeps_its_bytes(
    make: Maker, reason: str, good_export: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "eigen" / "netwerken.sqlite"
    mine.parent.mkdir()
    officer_database(mine).close()
    before = digest(mine)
    offered = make(good_export, tmp_path)
    offered_before = digest(offered) if offered.stat().st_size else ""

    store = Store.open(mine)  # the program is running with the officer's file open
    try:
        with pytest.raises(DatabaseFileError) as raised:
            candidate = offer(offered)
            # Had it been accepted, this is what the program would do next.
            apply_merge(store, plan_merge(store, candidate), default=Choice.THEIRS)
        assert store.count() == 2
    finally:
        store.close()

    assert reason in str(raised.value)
    assert offered.name in str(raised.value)
    assert raised.value.english and raised.value.english != str(raised.value)
    assert digest(mine) == before
    assert not backup_folder(mine).exists()  # nothing was even backed up: nothing changed
    if offered_before:
        assert digest(offered) == offered_before  # the offered file is not touched either


def test_an_older_file_is_migrated_on_a_copy_and_imports(tmp_path: Path) -> None:
    old = tmp_path / "oud.sqlite"
    make_oldest_database(old)
    gc.collect()  # the helper's last sqlite3 connection closes (and checkpoints) now, not later
    old_bytes = digest(old)
    candidate = inspect_import(old)
    assert candidate.migrated and candidate.schema_version == 1
    [profile] = candidate.profiles
    assert str(profile.id) == NETWORK_ID
    assert profile.goals[0].actions[0].children[0].text == "verlengen"
    assert digest(old) == old_bytes  # the file that arrived is never migrated itself
    assert not (tmp_path / "backups").exists()

    store = Store.open(tmp_path / "eigen.sqlite")
    try:
        replace_with(store, candidate)
        assert store.get(NETWORK_ID).name == "Lokaal netwerk Genk"
    finally:
        store.close()


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError) as raised:
        inspect_import(tmp_path / "bestaat-niet.sqlite")
    assert "kan niet gelezen worden" in str(raised.value)
