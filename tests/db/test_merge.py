"""Merging a colleague's records: matched by id or municipality, conflicts decided, never silent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from db.exchange.merge import (
    Choice,
    ImportCandidate,
    MatchedBy,
    MergeStatus,
    MissingChoiceError,
    StalePlanError,
    apply_merge,
    plan_merge,
    replace_with,
)
from db.model.errors import ConflictError
from db.model.schemas import NetworkProfile
from db.search.maintenance import check_index
from db.storage.backup import list_backups
from db.storage.store import Store
from tests.db.factories import full_profile

LATER = timedelta(hours=3)  # within the day a clock may run ahead (db.schemas._moment)


def offered(*profiles: NetworkProfile) -> ImportCandidate:
    return ImportCandidate(Path("van-collega.sqlite"), "database", tuple(profiles))


def changed(profile: NetworkProfile, *, newer: bool, **fields: object) -> NetworkProfile:
    assert profile.updated_at is not None
    moment = profile.updated_at + (LATER if newer else -LATER)
    return profile.model_copy(update={**fields, "updated_at": moment})


@pytest.fixture
def three(store: Store) -> tuple[NetworkProfile, NetworkProfile, NetworkProfile]:
    genk = store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    borsbeek = store.create(full_profile())
    dilbeek = store.create(full_profile(name="Lokaal netwerk Dilbeek", municipalities=["Dilbeek"]))
    return genk, borsbeek, dilbeek


def test_the_plan_classifies_without_changing_anything(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    genk, borsbeek, _dilbeek = three
    same = genk.model_copy(update={"version": 9, "updated_at": datetime(2020, 1, 1, tzinfo=UTC)})
    other = changed(borsbeek, newer=True, vision="Een andere visie", notes="anders")
    new = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    plan = plan_merge(store, offered(same, other, new))
    assert [item.status for item in plan.items] == [
        MergeStatus.IDENTICAL,
        MergeStatus.CONFLICT,
        MergeStatus.NEW,
    ]
    assert plan.conflicts[0].differing == ("vision", "notes")
    assert plan.conflicts[0].matched_by is MatchedBy.ID
    assert plan.only_mine == 1
    assert store.count() == 3
    assert store.get(borsbeek.id).vision == borsbeek.vision


@pytest.mark.parametrize(
    ("choice", "theirs_newer", "expect_theirs"),
    [
        (Choice.MINE, True, False),
        (Choice.THEIRS, False, True),
        (Choice.NEWEST, True, True),
        (Choice.NEWEST, False, False),
    ],
)
def test_each_choice_decides_a_conflict(
    store: Store,
    three: tuple[NetworkProfile, ...],
    choice: Choice,
    theirs_newer: bool,
    expect_theirs: bool,
) -> None:
    genk, borsbeek, _dilbeek = three
    theirs = changed(borsbeek, newer=theirs_newer, vision="Hun visie", version=1)
    new = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    plan = plan_merge(store, offered(genk, theirs, new))
    report = apply_merge(store, plan, {theirs.id: choice})
    stored = store.get(borsbeek.id)
    assert stored.vision == ("Hun visie" if expect_theirs else borsbeek.vision)
    assert store.get(new.id).name == "Lokaal netwerk Wevelgem"
    assert report.added == 1
    assert report.conflicts_resolved == 1
    assert report.updated == (1 if expect_theirs else 0)
    # identical Genk + only-mine Dilbeek, and Borsbeek when mine stayed
    assert report.kept == (2 if expect_theirs else 3)
    assert report.backup is not None and report.backup.exists()
    assert any(b.reason == "voor-samenvoegen" for b in list_backups(store.path))  # type: ignore[arg-type]
    assert "Toegevoegd: 1" in report.summary()
    assert check_index(store)  # the search index follows the merged records
    if expect_theirs:
        assert stored.updated_at == theirs.updated_at
        assert stored.created_at == borsbeek.created_at
        assert stored.version == borsbeek.version + 1


def test_taking_theirs_makes_an_open_editor_conflict_instead_of_overwriting(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    _genk, borsbeek, _dilbeek = three
    in_editor = borsbeek.model_copy(update={"notes": "nog niet bewaard"})
    theirs = changed(borsbeek, newer=True, vision="Hun visie")
    apply_merge(store, plan_merge(store, offered(theirs)), default=Choice.THEIRS)
    with pytest.raises(ConflictError):
        store.update(in_editor)
    assert store.get(borsbeek.id).vision == "Hun visie"


def test_records_without_shared_history_match_by_lead_municipality(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    genk, _borsbeek, _dilbeek = three
    theirs = full_profile(
        id=uuid4(), name="LN Genk", municipalities=["GENK"], vision="Hun visie van Genk"
    )
    plan = plan_merge(store, offered(theirs))
    [item] = plan.items
    assert item.status is MergeStatus.CONFLICT
    assert item.matched_by is MatchedBy.MUNICIPALITY
    assert item.mine is not None and item.mine.id == genk.id
    report = apply_merge(store, plan, {theirs.id: Choice.THEIRS})
    assert report.updated == 1 and report.added == 0
    assert store.count() == 3
    assert store.get(genk.id).name == "LN Genk"  # my id kept, their content
    assert store.find(theirs.id) is None


def test_an_ambiguous_municipality_is_not_guessed(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    one = full_profile(id=uuid4(), name="Genk een", municipalities=["Genk"])
    two = full_profile(id=uuid4(), name="Genk twee", municipalities=["Genk", "As"])
    plan = plan_merge(store, offered(one, two))
    assert [item.status for item in plan.items] == [MergeStatus.NEW, MergeStatus.NEW]


def test_an_undecided_conflict_changes_nothing(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    _genk, borsbeek, _dilbeek = three
    theirs = changed(borsbeek, newer=True, vision="Hun visie")
    new = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    plan = plan_merge(store, offered(theirs, new))
    with pytest.raises(MissingChoiceError) as raised:
        apply_merge(store, plan)
    assert "Lokaal netwerk Borsbeek" in str(raised.value)
    assert "nothing was changed" in raised.value.english.lower()
    assert store.count() == 3
    assert list_backups(store.path) == []  # type: ignore[arg-type]


def test_a_record_changed_after_the_plan_stops_the_merge(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    _genk, borsbeek, _dilbeek = three
    theirs = changed(borsbeek, newer=True, vision="Hun visie")
    new = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    plan = plan_merge(store, offered(new, theirs))
    store.update(borsbeek.model_copy(update={"notes": "intussen gewijzigd"}))
    with pytest.raises(StalePlanError):
        apply_merge(store, plan, default=Choice.THEIRS)
    assert store.find(new.id) is None  # the addition before it was rolled back too
    assert store.get(borsbeek.id).notes == "intussen gewijzigd"


def test_a_failure_half_way_leaves_nothing_changed(
    store: Store, three: tuple[NetworkProfile, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    _genk, borsbeek, _dilbeek = three
    first = full_profile(name="Eerste nieuwe", municipalities=["Wevelgem"])
    second = full_profile(name="Tweede nieuwe", municipalities=["Oudenaarde"])
    theirs = changed(borsbeek, newer=True, vision="Hun visie")
    plan = plan_merge(store, offered(first, theirs, second))
    import db.exchange.merge

    real = db.exchange.merge.insert_record
    calls = 0

    def fails_the_third_time(session: object, profile: NetworkProfile, **times: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("stroomonderbreking")
        real(session, profile, **times)  # type: ignore[arg-type]

    monkeypatch.setattr(db.exchange.merge, "insert_record", fails_the_third_time)
    with pytest.raises(RuntimeError):
        apply_merge(store, plan, default=Choice.THEIRS)
    assert store.count() == 3
    assert store.find(first.id) is None
    assert store.get(borsbeek.id).vision == borsbeek.vision


def test_replace_backs_up_then_holds_exactly_their_records(
    store: Store, three: tuple[NetworkProfile, ...]
) -> None:
    theirs = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    report = replace_with(store, offered(theirs))
    assert (report.networks, report.previous) == (1, 3)
    assert report.backup is not None
    assert [p.id for p in store.iter_profiles()] == [theirs.id]
    assert store.get(theirs.id).content_equals(theirs)
    assert "voordien: 3" in report.summary()
