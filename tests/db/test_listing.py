"""The record list's queries (db.storage.listing): the same order and rows as the store gave before they
moved out of it, for every sort key, through the store and through the light reader alike."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import func, select

from benchmarks.generate import generate_networks
from db.model.errors import StoreError
from db.model.formats import format_period
from db.model.reference import fold
from db.model.schemas import NetworkProfile
from db.storage import listing
from db.storage.listing import Listing, NetworkSummary, SortKey
from db.storage.store import Store
from db.storage.tables import AgreementPeriodRow, Network, NetworkMunicipality
from tests.db.factories import full_profile

# --- the ORM implementation the store had before: the oracle ------------------------------------


def _old_list_ids(store: Store, sort: SortKey, descending: bool, year: int) -> list[UUID]:
    column: Any
    if sort is SortKey.MUNICIPALITY:
        column = (
            select(NetworkMunicipality.name)
            .where(NetworkMunicipality.network_id == Network.id)
            .order_by(NetworkMunicipality.position)
            .limit(1)
            .scalar_subquery()
        )
    elif sort is SortKey.PROVINCE:
        column = Network.province
    elif sort is SortKey.DRAWING_RIGHT:
        column = Network.drawing_right_eur
    elif sort is SortKey.PERIOD:
        column = (
            select(func.max(AgreementPeriodRow.start_year))
            .where(
                AgreementPeriodRow.network_id == Network.id, AgreementPeriodRow.start_year <= year
            )
            .scalar_subquery()
        )
    elif sort is SortKey.UPDATED:
        column = Network.updated_at
    else:
        column = Network.name
    with store.read_session() as session:
        rows = [
            (r[0], r[1], r[2]) for r in session.execute(select(Network.id, Network.name, column))
        ]
    by_name = sorted(rows, key=lambda r: fold(r[1]))
    filled = [r for r in by_name if r[2] not in (None, "")]
    empty = [r for r in by_name if r[2] in (None, "")]
    textual = sort in (SortKey.NAME, SortKey.MUNICIPALITY, SortKey.PROVINCE)
    filled.sort(key=lambda r: fold(r[2]) if textual else r[2], reverse=descending)
    return [UUID(r[0]) for r in filled + empty]


def _old_summary(profile: NetworkProfile, year: int) -> NetworkSummary:
    period = profile.current_period(year)
    return NetworkSummary(
        id=profile.id,
        name=profile.name,
        municipalities=", ".join(profile.municipalities),
        province=profile.province.value if profile.province else None,
        drawing_right_eur=profile.drawing_right_eur,
        current_period=format_period(period.ordinal, period.start_year, period.end_year)
        if period
        else "",
        updated_at=profile.updated_at,
        version=profile.version,
    )


# --- a database with every kind of value and tie ----------------------------------------------


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "lijst.sqlite"
    store = Store.open(path)
    profiles = list(generate_networks(120, seed=7))
    start = datetime(2024, 1, 1, tzinfo=UTC)
    extra = [
        # Ties by name, case and accents; empty province, amount and periods.
        NetworkProfile(name="Lokaal netwerk Évere", municipalities=["Evere"]),
        NetworkProfile(name="lokaal netwerk evere", municipalities=["Évere"], province="Brussel"),
        NetworkProfile(name="Lokaal netwerk Evere", municipalities=["Jette"], drawing_right_eur=0),
        full_profile(name="Zeta", municipalities=["Aalst"], drawing_right_eur="12.34"),
        full_profile(
            name="Alfa",
            municipalities=["Zwalm", "Aalst"],
            agreement_periods=[{"ordinal": 3, "start_year": 2030, "end_year": 2035}],
        ),
    ]
    # Distinct timestamps, some equal, so the "Gewijzigd" order has ties too.
    stamped = [
        p.model_copy(update={"updated_at": start + timedelta(hours=i // 2)})
        for i, p in enumerate([*profiles, *extra])
    ]
    store.write_batch(stamped)
    store.close()
    return path


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("year", [2019, 2031])
def test_list_order_is_the_one_the_store_had(
    listed: Path, sort: SortKey, descending: bool, year: int
) -> None:
    store = Store.open(listed, create=False)
    try:
        expected = _old_list_ids(store, sort, descending, year)
        assert store.list_ids(sort, descending, year=year) == expected
    finally:
        store.close()
    assert Listing(listed).list_ids(sort, descending, year=year) == expected


@pytest.mark.parametrize("year", [2010, 2019, 2031])
def test_summaries_are_the_rows_the_store_gave(listed: Path, year: int) -> None:
    store = Store.open(listed, create=False)
    try:
        ids = store.list_ids()
        wanted = [ids[5], ids[0], ids[-1], *ids[10:30]]
        expected = [_old_summary(p, year) for p in store.get_many(wanted)]
        assert store.summaries(wanted, year=year) == expected
        assert store.list_summaries() == store.summaries(ids)
    finally:
        store.close()
    assert Listing(listed).summaries(wanted, year=year) == expected
    assert all(isinstance(s.drawing_right_eur, Decimal | None) for s in expected)


def test_summaries_of_many_ids_and_of_unknown_ones(listed: Path) -> None:
    reader = Listing(listed)
    ids = reader.list_ids(SortKey.UPDATED)
    many = ids * 5  # more ids than one query takes; repeated ids repeat their row
    rows = reader.summaries([*many, "00000000-0000-0000-0000-000000000000"])
    assert [row.id for row in rows] == many
    assert reader.summaries([]) == []


def test_the_remembered_order_follows_changes_by_another_program(listed: Path, tmp_path: Path):
    copy = tmp_path / "kopie.sqlite"
    copy.write_bytes(listed.read_bytes())
    reader = Listing(copy)
    before = reader.list_ids()
    assert reader.list_ids() == before  # remembered: a second call gives the same
    other = Store.open(copy, create=False)  # another program renames the first network
    try:
        first = other.get(before[0])
        other.update(first.model_copy(update={"name": "Zzz laatste"}))
        assert reader.list_ids() == other.list_ids()
        assert reader.list_ids()[-1] == before[0]
        other.delete(before[1])  # a deletion changes the count
        assert before[1] not in reader.list_ids()
    finally:
        other.close()


def test_current_period_rule() -> None:
    periods = [listing.Period(1, 2008, 2013), listing.Period(2, 2014, 2019)]
    assert listing.current_period(periods, 2015) == periods[1]
    assert listing.current_period(periods, 2025) == periods[1]  # the last one before
    assert listing.current_period(periods, 2000) is None
    overlapping = [listing.Period(1, 2018, 2020), listing.Period(2, 2020, 2025)]
    assert listing.current_period(overlapping, 2020) == overlapping[1]
    assert listing.current_period([], date.today().year) is None


def test_a_damaged_or_foreign_file_gives_a_sentence(tmp_path: Path) -> None:
    foreign = tmp_path / "ander.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE iets (x)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="niet \\(meer\\) bereikbaar"):
        Listing(foreign).count()
    with pytest.raises(StoreError):
        Listing(tmp_path / "weg.sqlite").list_ids()


def test_following_own_changes_gives_the_order_a_fresh_read_gives(listed: Path, tmp_path: Path):
    copy = tmp_path / "kopie.sqlite"
    copy.write_bytes(listed.read_bytes())
    reader = Listing(copy)
    store = Store.open(copy, create=False)
    try:
        for sort in SortKey:
            reader.list_ids(sort)
            reader.list_ids(sort, descending=True)
        ids = reader.list_ids()
        renamed = store.update(store.get(ids[3]).model_copy(update={"name": "Aaa eerste"}))
        moved = store.update(
            store.get(ids[50]).model_copy(
                update={"municipalities": ["Zwalm"], "drawing_right_eur": None}
            )
        )
        removed = store.delete(ids[7])
        made = store.create(NetworkProfile(name="Middel", municipalities=["Gent"]))
        restored = store.restore(removed)
        reader.follow([renamed.id, moved.id, removed.id, made.id, restored.id])
        for sort in SortKey:
            for descending in (False, True):
                assert reader.list_ids(sort, descending) == Listing(copy).list_ids(
                    sort, descending
                ), (sort, descending)
        # Another program's creation is not explained by the changes followed: read afresh.
        other = Store.open(copy, create=False)
        try:
            extra = other.create(NetworkProfile(name="Van elders", municipalities=["Aalst"]))
        finally:
            other.close()
        mine = store.update(store.get(ids[9]).model_copy(update={"notes": "x"}))
        reader.follow([mine.id])
        assert extra.id in reader.list_ids()
    finally:
        store.close()


def test_fold_takes_a_short_way_for_ascii_with_the_same_result() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text(alphabet=st.characters(max_codepoint=127)))
    def same(text: str) -> None:
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
        full = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
        assert fold(text) == full

    same()


def test_a_network_stored_anew_goes_after_its_equals(listed: Path, tmp_path: Path) -> None:
    """Ties (same value, same name) keep storage order; undoing a deletion stores anew."""
    copy = tmp_path / "kopie.sqlite"
    copy.write_bytes(listed.read_bytes())
    reader = Listing(copy)
    store = Store.open(copy, create=False)
    try:
        for sort in SortKey:
            reader.list_ids(sort)  # descending orders are made later, from the values read now
        first = store.create(NetworkProfile(name="Dubbel", municipalities=["Gent"]))
        second = store.create(NetworkProfile(name="dubbel", municipalities=["Gent"]))
        reader.follow([first.id, second.id])
        assert reader.list_ids().index(first.id) < reader.list_ids().index(second.id)
        store.restore(store.delete(first.id))
        reader.follow([first.id])
        for sort in SortKey:
            for descending in (False, True):
                expected = Listing(copy).list_ids(sort, descending)
                assert reader.list_ids(sort, descending) == expected, (sort, descending)
        assert reader.list_ids().index(first.id) > reader.list_ids().index(second.id)
    finally:
        store.close()


def test_one_reader_sorting_by_every_key_in_turn(listed: Path) -> None:
    """After the first order, the next sort keys read only their values (from an index or the
    child tables): the same orders as the store's own implementation had."""
    reader = Listing(listed)
    store = Store.open(listed, create=False)
    try:
        for sort in [SortKey.PERIOD, *SortKey]:
            for descending in (True, False):
                expected = _old_list_ids(store, sort, descending, 2031)
                assert reader.list_ids(sort, descending, year=2031) == expected, sort
    finally:
        store.close()
