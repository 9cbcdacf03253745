"""Saving without reading back: what create/update return is what a read gives afterwards, and
the optimistic lock (UPDATE ... WHERE version = ?) still refuses a stale save."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from db.model.errors import ConflictError
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from tests.db.factories import full_profile


def awkward() -> NetworkProfile:
    """Values the file keeps in another form: a naive and a non-UTC time, an amount of 12.5."""
    brussels = timezone(timedelta(hours=1))
    return full_profile(
        drawing_right_eur="12.5",
        created_at=datetime(2020, 5, 1, 8, 0, tzinfo=brussels),
        source={
            "file_name": "x.txt",
            "imported_at": datetime(2021, 1, 2, 3, 4, 5, 678),
            "raw_text": "ruw",
        },
        agreement_periods=[
            {"ordinal": 2, "start_year": 2020, "end_year": 2025},
            {"ordinal": 1, "start_year": 2014, "end_year": 2019},
        ],
    )


def test_create_returns_what_a_read_gives(store: Store) -> None:
    made = store.create(awkward())
    assert made == store.get(made.id)
    assert made.drawing_right_eur == Decimal("12.50") and str(made.drawing_right_eur) == "12.50"
    assert made.version == 1
    kept = store.restore(store.delete(made.id))  # undo keeps the timestamps
    assert kept == store.get(made.id) and kept.created_at == made.created_at


def test_update_returns_what_a_read_gives_and_steps_the_version(store: Store) -> None:
    made = store.create(full_profile())
    edited = awkward().model_copy(update={"id": made.id, "version": made.version})
    saved = store.update(edited)
    assert saved == store.get(made.id)
    assert saved.version == 2 and saved.created_at == made.created_at
    assert saved.updated_at is not None and made.updated_at is not None
    assert saved.updated_at >= made.updated_at
    again = store.update(saved.model_copy(update={"goals": [], "notes": "korter"}))
    assert again == store.get(made.id) and again.version == 3 and again.goals == []


def test_a_stale_save_is_refused_and_writes_nothing(store: Store) -> None:
    made = store.create(full_profile())
    first = store.update(made.model_copy(update={"notes": "eerste"}))
    with pytest.raises(ConflictError) as refused:
        store.update(made.model_copy(update={"notes": "verouderd", "goals": []}))
    assert refused.value.current == first
    assert store.get(made.id) == first  # children untouched too
    forced = store.update(made.model_copy(update={"notes": "toch"}), force=True)
    assert forced.version == 3 and forced == store.get(made.id)


def test_saving_over_a_deleted_record(store: Store) -> None:
    made = store.create(full_profile())
    store.delete(made.id)
    with pytest.raises(ConflictError) as refused:
        store.update(made)
    assert refused.value.current is None
    back = store.update(made.model_copy(update={"notes": "terug"}), force=True)
    assert back == store.get(made.id) and back.version == 1
    assert back.created_at == made.created_at


def test_saved_times_are_utc(store: Store) -> None:
    made = store.restore(awkward())  # keeps the times it was given
    assert made.created_at == datetime(2020, 5, 1, 7, 0, tzinfo=UTC)
    assert made.source.imported_at == datetime(2021, 1, 2, 3, 4, 5, 678, tzinfo=UTC)
