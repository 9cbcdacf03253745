"""Erasing and exporting without personal data reach the stored versions through one door,
:mod:`db.storage.stored_versions`. Until the record history (issue 14) is in this branch no file
has a versions table; these tests put a stand-in behind the door (versions kept in memory, in
the JSON form every version has) to check that everything that should go through it does."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.exchange import database_file
from db.exchange.database_file import export_database, inspect_import
from db.privacy import erasure, persons
from db.privacy.erasure import erase_person, plan_erasure
from db.privacy.persons import find_persons, occurrences
from db.storage import personal_names
from db.storage.stored_versions import StoredRecord, has_history, stored_records
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    ERASED_SURNAME,
    OTHER_NAME,
    people_store,
)


class FakeHistory:
    """Versions in memory: seq -> (network id, record JSON)."""

    def __init__(self) -> None:
        self.versions: dict[int, tuple[str, dict[str, Any]]] = {}

    def records(
        self, _connection: object, network_ids: list[str] | None = None
    ) -> Iterator[StoredRecord]:
        for seq, (network_id, data) in sorted(self.versions.items()):
            if network_ids is None or network_id in network_ids:
                yield StoredRecord(seq, network_id, copy.deepcopy(data))

    def rewrite(
        self, _connection: object, change: Any, network_ids: list[str] | None = None
    ) -> int:
        changed = 0
        for seq, (network_id, data) in list(self.versions.items()):
            new = change(copy.deepcopy(data))
            if new is not None:
                self.versions[seq] = (network_id, new)
                changed += 1
        return changed

    def text(self) -> str:
        return repr(self.versions)


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch) -> FakeHistory:
    fake = FakeHistory()
    for module in (erasure, persons, personal_names, database_file):
        if hasattr(module, "stored_records"):
            monkeypatch.setattr(module, "stored_records", fake.records)
        if hasattr(module, "rewrite_stored_records"):
            monkeypatch.setattr(module, "rewrite_stored_records", fake.rewrite)
    return fake


def test_a_file_without_a_versions_table_has_no_stored_versions(tmp_path: Path) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    with store.plain_reading() as connection:
        assert not has_history(connection)
        assert list(stored_records(connection)) == []


def _old_versions(history: FakeHistory, store: Any) -> None:
    """Every record's stored JSON, ten times (as ten saves would leave them)."""
    seq = 0
    for profile in store.iter_profiles():
        for _ in range(10):
            seq += 1
            history.versions[seq] = (str(profile.id), profile.model_dump(mode="json"))


def test_erasing_rewrites_every_stored_version(tmp_path: Path, history: FakeHistory) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    _old_versions(history, store)
    [person] = find_persons(store, ERASED_EMAIL)
    assert occurrences(store, [person])[person.key].versions_records == 20
    assert plan_erasure(store, person).versions == 20
    report = erase_person(store, person, by="tester")
    assert report.versions == 20
    assert ERASED_SURNAME not in history.text() and "vermeulen" not in history.text().lower()
    assert OTHER_NAME in history.text()
    untouched = [
        data for _id, data in history.versions.values() if data["name"] == "Lokaal netwerk Aalst"
    ]
    assert len(untouched) == 10 and all(data["contacts"][0]["name"] for data in untouched)


def test_export_without_personal_data_filters_every_stored_version(
    tmp_path: Path, history: FakeHistory
) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    _old_versions(history, store)
    # A name that is only in an old version is still a contact name the filter must know.
    history.versions[999] = (
        next(iter(history.versions.values()))[0],
        {"name": "x", "contacts": [{"name": "Oud Contact", "email": "oud@x.be"}], "notes": ""},
    )
    with store.plain_reading() as connection:
        assert "Oud Contact" in personal_names.known_contact_names(connection)
    export_database(store, tmp_path / "copy.sqlite", without_personal_data=True)
    assert "@" not in history.text()
    assert ERASED_NAME not in history.text() and OTHER_NAME not in history.text()
    assert len(inspect_import(tmp_path / "copy.sqlite").profiles) == 3
