"""Erasing a person: nothing of them is left in the file's bytes, everything else stays."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from db.model.errors import ConflictError
from db.model.personal_data import REDACTED
from db.privacy.erasure import (
    delete_backups,
    erase_person,
    erasure_log,
    plan_erasure,
    rewrite_backup,
)
from db.privacy.persons import find_persons
from db.search.query import SearchQuery
from db.search.results import search_ids
from db.storage.backup import backup_file, list_backups
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    ERASED_PHONE,
    ERASED_SURNAME,
    NAMESAKE,
    OTHER_EMAIL,
    OTHER_NAME,
    OTHER_PHONE,
    file_bytes,
    holds,
    people_store,
)

ERASED_WORDS = (ERASED_NAME, ERASED_SURNAME, ERASED_EMAIL, ERASED_PHONE, "092667788", "266.77.88")


def test_erasing_leaves_no_byte_of_the_person_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    store, _ = people_store(path)
    assert holds(file_bytes(path), ERASED_SURNAME)
    [person] = find_persons(store, ERASED_EMAIL)
    report = erase_person(store, person, by="tester")
    assert report.networks == 2
    assert report.places >= 10
    data = file_bytes(path)
    for word in ERASED_WORDS:
        assert not holds(data, word), word
    for word in (OTHER_NAME, OTHER_EMAIL, OTHER_PHONE, NAMESAKE):
        assert holds(data, word), word
    assert search_ids(store, SearchQuery(text=ERASED_SURNAME)) == []
    assert search_ids(store, SearchQuery(text="Claes")) != []
    store.close()


def test_everything_else_is_unchanged(tmp_path: Path) -> None:
    store, stored = people_store(tmp_path / "n.sqlite")
    [person] = find_persons(store, ERASED_NAME)
    erase_person(store, person, by="tester")
    gent, melle, aalst = (store.get(p.id) for p in stored)
    assert [c.name for c in gent.contacts] == [OTHER_NAME]
    assert gent.contacts[0] == stored[0].contacts[1]
    assert melle.contacts == []
    assert gent.notes == (
        f"Bel {REDACTED} op {REDACTED} of mail {REDACTED}. {OTHER_NAME} weet ervan."
    )
    assert gent.captions == [f"Foto: {REDACTED} op de vrijetijdsbeurs"]
    assert gent.source.raw_text.splitlines()[1:] == [
        f"Contactpersoon: {REDACTED}",
        f"E-mail: {REDACTED}",
        f"Telefoon: {REDACTED}",
    ]
    skip = {"contacts", "notes", "captions", "sections", "source", "version", "updated_at"}
    assert gent.model_dump(exclude=skip) == stored[0].model_dump(exclude=skip)
    assert aalst.model_dump(exclude={"version"}) == stored[2].model_dump(exclude={"version"})
    assert aalst.version == stored[2].version  # not touched at all


def test_the_erasure_is_recorded_without_saying_who(tmp_path: Path) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    [person] = find_persons(store, ERASED_NAME)
    report = erase_person(store, person, by="ambtenaar")
    [record] = erasure_log(store)
    assert (record.by, record.networks, record.places) == ("ambtenaar", 2, report.places)
    with closing(sqlite3.connect(store.path)) as connection:
        meta = " ".join(str(row) for row in connection.execute("SELECT * FROM app_meta"))
    assert "Vermeulen" not in meta and "vermeulen" not in meta


def test_the_plan_lists_what_will_change_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    store, stored = people_store(path)
    [person] = find_persons(store, ERASED_NAME)
    plan = plan_erasure(store, person)
    assert [c.network_name for c in plan.networks] == [
        "Lokaal netwerk Gent",
        "Lokaal netwerk Melle",
    ]
    assert plan.networks[0].count.by_place["notes"] == 3
    assert any("notities" in line for line in plan.lines())
    assert store.get(stored[0].id) == stored[0]


def test_backups_made_before_are_listed_and_can_be_rewritten_or_deleted(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    store, _ = people_store(path)
    first = backup_file(path, reason="dagelijks")
    second = backup_file(path, reason="handmatig")
    [person] = find_persons(store, ERASED_NAME)
    assert {info.path for info, _ in plan_erasure(store, person).backups} == {first, second}
    report = erase_person(store, person, by="tester")
    assert {info.path for info in report.backups} == {first, second}
    assert rewrite_backup(first, person) > 0
    assert not holds(first.read_bytes(), ERASED_SURNAME)
    assert holds(first.read_bytes(), OTHER_NAME)
    assert not first.with_name(first.name + "-wal").exists()
    assert delete_backups([second]) == 1
    assert [info.path for info in list_backups(path)] == [first]


def test_an_erased_file_still_opens_and_saves(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    store, stored = people_store(path)
    [person] = find_persons(store, ERASED_NAME)
    erase_person(store, person, by="tester")
    store.close()
    from db.storage.store import Store

    reopened = Store.open(path)
    gent = reopened.get(stored[0].id)
    saved = reopened.update(gent.model_copy(update={"meetings": "Maandelijks."}))
    assert saved.meetings == "Maandelijks."
    with pytest.raises(ConflictError):
        reopened.update(stored[0])  # the form's stale copy cannot bring the person back
    reopened.close()


def test_an_erasure_that_would_break_a_record_erases_nothing(tmp_path: Path) -> None:
    from db.model.personal_data import REDACTED
    from db.privacy.erasure import ErasureError
    from tests.db.factories import full_profile

    path = tmp_path / "n.sqlite"
    store, stored = people_store(path)
    # A caption at its limit of 300 characters that names her: with the longer "[verwijderd]"
    # it would no longer be a valid caption.
    caption = "Jo Li " + "x" * 294
    store.create(
        full_profile(
            name="Lokaal netwerk Lier",
            municipalities=["Lier"],
            province=None,
            contacts=[{"name": "Jo Li", "email": "jo.li@lier.be"}],
            captions=[caption],
        )
    )
    [person] = find_persons(store, "jo.li@lier.be")
    with pytest.raises(ErasureError, match="Lokaal netwerk Lier"):
        erase_person(store, person, by="tester")
    assert holds(file_bytes(path), "jo.li@lier.be")
    assert store.get(stored[0].id) == stored[0]
    assert REDACTED not in file_bytes(path).decode("utf-8", "ignore")
