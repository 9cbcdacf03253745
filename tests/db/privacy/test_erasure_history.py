"""Erasing a person in a file with a real record history (issue 14's ``network_versions``):
the history still opens and still serves as a merge ancestor, and no byte of the file — nor of
any stored version once decompressed — still names the person."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from db.exchange.database_file import export_database, inspect_import
from db.exchange.merge import MergeStatus, apply_merge, plan_merge
from db.model.schemas import NetworkProfile
from db.privacy.erasure import erase_person, erasure_log
from db.privacy.persons import find_persons
from db.storage import history
from db.storage.store import Store
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    ERASED_PHONE,
    ERASED_SURNAME,
    OTHER_NAME,
    file_bytes,
    holds,
    people_store,
)

ERASED_WORDS = (ERASED_NAME, ERASED_SURNAME, ERASED_EMAIL, ERASED_PHONE, "092667788", "266.77.88")


def by_name(store: Store, name: str) -> NetworkProfile:
    [found] = [p for p in store.iter_profiles() if p.name == name]
    return found


def store_with_history(path: Path) -> Store:
    """The people's records, each saved a few more times: whole versions and versions stored
    against them (zlib with a preset dictionary), all naming the person in their older texts."""
    store, _ = people_store(path)
    store.author = "Officier"
    for round_ in range(4):
        for profile in store.iter_profiles():
            # Aalst never names her: its versions stay as they were, stored against a whole one.
            who = OTHER_NAME if profile.name == "Lokaal netwerk Aalst" else ERASED_NAME
            store.update(
                profile.model_copy(
                    update={"notes": f"{profile.notes}\nOverleg {round_} met {who}."}
                )
            )
    return store


def erase(store: Store) -> None:
    [person] = find_persons(store, ERASED_EMAIL)
    report = erase_person(store, person)
    assert report.versions > 0


def decompressed_versions(path: Path) -> bytes:
    """Every stored version's JSON, decompressed as the history stores it (a version kept
    against a whole one is decompressed with that one as zlib's dictionary)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            f"SELECT version_id, record, base_version_id FROM {history.VERSIONS_TABLE} "
            "WHERE record IS NOT NULL ORDER BY base_version_id IS NOT NULL"
        ).fetchall()
    assert any(base is not None for _id, _blob, base in rows)  # both forms are searched
    whole: dict[str, bytes] = {}
    found = []
    for version_id, blob, base in rows:
        raw = history.inflate(blob, whole[base] if base is not None else None)
        if base is None:
            whole[version_id] = raw
        json.loads(raw)  # really the record's JSON, not noise that cannot hold a name
        found.append(raw)
    return b"\n".join(found)


def test_the_history_of_erased_records_still_opens(tmp_path: Path) -> None:
    store = store_with_history(tmp_path / "n.sqlite")
    ids = [str(p.id) for p in store.iter_profiles()]
    before = {network_id: store.history(network_id) for network_id in ids}
    erase(store)
    for network_id in ids:
        versions = store.history(network_id)
        assert [v.seq for v in versions] == [v.seq for v in before[network_id]]
        entries = store.history_entries(network_id)
        assert len(entries) == len(versions)
        records = store.version_records([v.seq for v in versions])
        # No version became unreadable: every one opens as a valid record again.
        assert all(record is not None for record in records.values()), records
        assert all(ERASED_SURNAME not in record.model_dump_json() for record in records.values())  # type: ignore[union-attr]
        for version in versions[1:]:
            store.version_changes(network_id, version.seq)
    # The newest version of every record is what the file holds now, so a merge sees it.
    heads = _heads(store)
    for profile in store.iter_profiles():
        assert heads[str(profile.id)] == history.content_hash(history.record_data(profile))
    store.close()


def _heads(store: Store) -> dict[str, str]:
    with store.plain_reading() as connection:
        return {key: head.content_hash for key, head in history.heads(connection).items()}


def test_an_export_made_after_the_erasure_merges_back_without_false_conflicts(
    tmp_path: Path,
) -> None:
    mine = store_with_history(tmp_path / "mine.sqlite")
    erase(mine)
    export_database(mine, tmp_path / "colleague.sqlite")
    theirs = Store.open(tmp_path / "colleague.sqlite")
    theirs.author = "Collega"
    # The colleague edits an erased record (another field) and an untouched one; I edit
    # another field of the same erased record meanwhile.
    theirs.update(
        by_name(theirs, "Lokaal netwerk Gent").model_copy(update={"vision": "Visie van de collega"})
    )
    theirs.update(
        by_name(theirs, "Lokaal netwerk Aalst").model_copy(update={"meetings": "Elke dinsdag."})
    )
    mine.update(by_name(mine, "Lokaal netwerk Gent").model_copy(update={"meetings": "Elke week."}))
    sent = tmp_path / "van-collega.sqlite"
    export_database(theirs, sent)
    theirs.close()

    plan = plan_merge(mine, inspect_import(sent))
    assert plan.has_history and plan.without_history == []
    assert plan.conflicts == []
    statuses = {item.name: item.status for item in plan.items}
    assert statuses["Lokaal netwerk Gent"] is MergeStatus.COMBINED
    assert statuses["Lokaal netwerk Aalst"] is MergeStatus.TAKE_THEIRS
    assert statuses["Lokaal netwerk Melle"] is MergeStatus.IDENTICAL
    report = apply_merge(mine, plan)
    assert (report.taken, report.combined, report.conflicts_resolved) == (1, 1, 0)
    gent = by_name(mine, "Lokaal netwerk Gent")
    assert (gent.vision, gent.meetings) == ("Visie van de collega", "Elke week.")
    assert by_name(mine, "Lokaal netwerk Aalst").meetings == "Elke dinsdag."
    assert ERASED_SURNAME not in gent.model_dump_json()
    assert OTHER_NAME in gent.model_dump_json()
    mine.close()


def test_no_byte_nor_stored_version_of_the_file_names_the_erased_person(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    store = store_with_history(path)
    versions = decompressed_versions(path)
    assert all(holds(versions, word) for word in (ERASED_NAME, ERASED_EMAIL, ERASED_PHONE))
    erase(store)
    data = file_bytes(path)
    versions = decompressed_versions(path)
    for word in ERASED_WORDS:
        assert not holds(data, word), word
        assert not holds(versions, word), word
    assert holds(versions, OTHER_NAME)
    store.close()


def test_the_erasure_log_names_the_stores_author(tmp_path: Path) -> None:
    store = store_with_history(tmp_path / "n.sqlite")
    store.author = "Mevr. De Smet"  # Voorkeuren › Naam, as the window sets it
    erase(store)
    assert [entry.by for entry in erasure_log(store)] == ["Mevr. De Smet"]
    store.close()
