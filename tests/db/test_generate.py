"""The generator of realistic networks: the same seed gives the same valid records, and the
database it builds (through the store's bulk insert) holds exactly them."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from benchmarks.generate import DEFAULT_SEED, build_database, generate_networks
from db.model.schemas import NetworkProfile
from db.search.maintenance import check_index
from db.search.query import SearchQuery
from db.search.results import search_ids
from db.storage.store import Store
from tests.db.factories import full_profile


def test_the_same_seed_gives_the_same_records() -> None:
    first = [p.model_dump() for p in generate_networks(60, seed=7)]
    again = [p.model_dump() for p in generate_networks(60, seed=7)]
    other = [p.model_dump() for p in generate_networks(60, seed=8)]
    assert first == again
    assert first != other
    # A longer run starts with the same records: a benchmark at 10,000 extends one at 1,000.
    assert [p.model_dump() for p in islice(generate_networks(100, seed=7), 60)] == first


def test_every_record_validates_and_looks_like_a_profile() -> None:
    records = list(generate_networks(300, seed=DEFAULT_SEED))
    assert len({record.id for record in records}) == 300
    for record in records:
        assert NetworkProfile.model_validate(record.model_dump()) == record
        assert record.municipalities and record.partners and record.contacts
        assert record.created_at is not None and record.updated_at is not None
    texts = " ".join(r.vision + " ".join(p.name for p in r.partners) for r in records)
    for word in ("OCMW", "Welzijnsschakel", "vzw", "coöperatie", "financiële", "Eén"):
        assert word in texts, word
    assert any(len(r.municipalities) > 1 for r in records)
    assert any(r.goals and any(a.children for g in r.goals for a in g.actions) for r in records)
    assert any(not r.goals for r in records)
    assert any(r.drawing_right_eur is None for r in records)
    assert len({len(r.model_dump_json()) // 1000 for r in records}) >= 4  # varied lengths


def test_build_database_stores_exactly_the_generated_records(tmp_path: Path) -> None:
    path = build_database(tmp_path / "gen.sqlite", 40, seed=3)
    store = Store.open(path)
    try:
        expected = list(generate_networks(40, seed=3))
        assert store.count() == 40
        stored = {p.id: p for p in store.get_many(p.id for p in expected)}
        for record in expected:
            assert stored[record.id].content_equals(record)
            assert stored[record.id].created_at == record.created_at
            assert stored[record.id].version == 1
        assert check_index(store)
        lead = expected[0].municipalities[0]
        assert expected[0].id in search_ids(store, SearchQuery(text=lead))
    finally:
        store.close()


def test_bulk_insert_writes_the_same_rows_as_a_single_save(tmp_path: Path) -> None:
    bulk = Store.open(tmp_path / "bulk.sqlite")
    single = Store.open(tmp_path / "single.sqlite")
    try:
        record = full_profile()
        bulk.replace_all([record])
        single.create(record, keep_timestamps=True)
        assert bulk.get(record.id).content_equals(single.get(record.id))
        assert bulk.get(record.id).source == record.source
        assert bulk.get(record.id).content_equals(record)
        # and the records keep working normally afterwards
        edited = bulk.update(bulk.get(record.id).model_copy(update={"name": "Ander netwerk"}))
        assert edited.version == 2
        assert check_index(bulk)
    finally:
        bulk.close()
        single.close()
