"""Import warnings stay on the record: stored, listed, found by the filter, marked checked,
kept through a migration; image credits are stored apart from captions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.model.errors import ConflictError
from db.search.query import SearchQuery
from db.search.results import search_ids
from db.storage.store import Store
from db.text.profile_text import parse_profile
from db.text.text_import import OnDuplicate, import_texts
from tests.db.test_migrations import NETWORK_ID, make_oldest_database

CUT_OFF = (
    "Melle (Oost- Vlaanderen)\n\nitem_left\n\nBeeld: Jan Janssens - CC BY-SA 2.0\n\nitem_right\n\n"
    "Lokaal Netwerk\n\nVisie: Samen vrije tijd.\n\nPartners: OCMW, CAW\n\n"
    "Contactpersoon: Els Smet\n"
)
COMPLETE = (
    "Genk (Limburg)\n\nLokaal Netwerk\n\nVisie: Samen.\n\nPartners: OCMW\n\n"
    "Contactpersoon: Jan Peeters, jan.peeters [at] genk.be\n"
)


def _import(store: Store, tmp_path: Path, **texts: str) -> None:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_texts(store, paths, OnDuplicate.KEEP)


def test_warnings_and_credits_are_stored_with_the_network(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, melle=CUT_OFF, genk=COMPLETE)
    read = parse_profile(CUT_OFF).profile
    (melle_id,) = store.ids_to_check()
    melle = store.get(melle_id)
    assert melle.source.warnings == read.source.warnings
    assert any("afgebroken in 'Contactpersoon'" in w for w in melle.source.warnings)
    assert not melle.source.warnings_checked and melle.source.needs_check
    assert melle.credits == ["Beeld: Jan Janssens - CC BY-SA 2.0"]
    assert melle.captions == []
    rows = {row.name: row.to_check for row in store.list_summaries()}
    assert rows == {"Lokaal netwerk Melle": True, "Lokaal netwerk Genk": False}


def test_the_filter_finds_them_and_marking_checked_keeps_the_warnings(
    store: Store, tmp_path: Path
) -> None:
    _import(store, tmp_path, melle=CUT_OFF, genk=COMPLETE)
    (melle_id,) = store.ids_to_check()
    assert search_ids(store, SearchQuery(to_check=True)) == [melle_id]
    assert search_ids(store, SearchQuery(text="OCMW", to_check=True)) == [melle_id]
    melle = store.get(melle_id)
    checked = store.mark_checked(melle_id, melle.version)
    assert checked.version == melle.version + 1
    assert checked.source.warnings == melle.source.warnings and checked.source.warnings_checked
    assert store.ids_to_check() == []
    assert search_ids(store, SearchQuery(to_check=True)) == []
    assert [row.to_check for row in store.list_summaries()] == [False, False]
    with pytest.raises(ConflictError):
        store.mark_checked(melle_id, melle.version, checked=False)  # stale version
    store.mark_checked(melle_id, checked.version, checked=False)
    assert store.ids_to_check() == [melle_id]


def test_an_edit_in_the_form_keeps_the_warnings(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, melle=CUT_OFF)
    (melle_id,) = store.ids_to_check()
    melle = store.get(melle_id)
    saved = store.update(melle.model_copy(update={"vision": "Een nieuwe visie."}))
    assert saved.source.warnings == melle.source.warnings
    assert store.ids_to_check() == [melle_id]


def test_the_query_for_networks_to_check_uses_the_partial_index(store: Store) -> None:
    with store.plain_reading() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM networks "
                "WHERE source_warnings != '' AND source_warnings_checked = 0"
            )
        )
    assert "ix_networks_to_check" in plan


def test_a_migrated_database_has_nothing_to_check(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    store = Store.open(path)
    try:
        profile = store.get(NETWORK_ID)
        assert profile.source.warnings == [] and not profile.source.warnings_checked
        assert profile.credits == []
        assert profile.captions == ["Beeld: Genk"]  # stored captions are left as they were
        assert store.ids_to_check() == []
    finally:
        store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
