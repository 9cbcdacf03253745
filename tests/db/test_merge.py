"""Merging a colleague's file: a three-way merge against the latest common version.

Colleagues are stores in files of their own; an exchange is an export by one and a merge (or a
fresh start) by the other, as the officers do it.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID, uuid4

import pytest

from db.exchange.database_file import export_database, inspect_import
from db.exchange.merge import (
    Choice,
    ImportCandidate,
    MatchedBy,
    MergeReport,
    MergeStatus,
    MissingChoiceError,
    StalePlanError,
    apply_merge,
    plan_merge,
    replace_with,
)
from db.model.errors import ConflictError
from db.model.schemas import NetworkProfile, Partner
from db.search.maintenance import check_index
from db.storage.backup import list_backups
from db.storage.store import Store
from tests.db.factories import full_profile


def offered(*profiles: NetworkProfile) -> ImportCandidate:
    """A file without history (made before files kept one, or a JSON document)."""
    return ImportCandidate(Path("van-collega.sqlite"), "database", tuple(profiles))


class Office:
    """Colleagues with a database each, exchanging whole files through a shared folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stores: dict[str, Store] = {}
        self.sent = 0

    def start(self, name: str, profiles: list[NetworkProfile] | None = None) -> Store:
        store = Store.open(self.folder / f"{name}.sqlite")
        store.author = name
        for profile in profiles or []:
            store.create(profile)
        self.stores[name] = store
        return store

    def copy_of(self, source: str, name: str) -> Store:
        """A colleague who starts from another's exported file, working in it as their own."""
        target = self.folder / f"{name}.sqlite"
        export_database(self.stores[source], target)
        store = Store.open(target)
        store.author = name
        self.stores[name] = store
        return store

    def export(self, sender: str) -> Path:
        self.sent += 1
        target = self.folder / f"van-{sender}-{self.sent}.sqlite"
        export_database(self.stores[sender], target)
        return target

    def merge(
        self,
        receiver: str,
        sender: str | Path,
        *,
        prefer: Choice | None = None,
        choices: dict[UUID, object] | None = None,
    ) -> MergeReport:
        file = sender if isinstance(sender, Path) else self.export(sender)
        store = self.stores[receiver]
        plan = plan_merge(store, inspect_import(file))
        return apply_merge(store, plan, choices, default=prefer)  # type: ignore[arg-type]

    def close(self) -> None:
        for store in self.stores.values():
            store.close()


@pytest.fixture
def office(tmp_path: Path) -> Office:
    made = Office(tmp_path)
    yield made  # type: ignore[misc]
    made.close()


def three_networks() -> list[NetworkProfile]:
    return [
        full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]),
        full_profile(),  # Borsbeek
        full_profile(name="Lokaal netwerk Dilbeek", municipalities=["Dilbeek"]),
    ]


def by_name(store: Store, name: str) -> NetworkProfile:
    [found] = [p for p in store.iter_profiles() if p.name == name]
    return found


def edit(store: Store, name: str, **fields: object) -> NetworkProfile:
    return store.update(by_name(store, name).model_copy(update=fields))


# --- the scenarios of the issue --------------------------------------------------------------


def test_changes_to_different_networks_are_taken_without_asking(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Dilbeek", vision="Visie van A")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    plan = plan_merge(a, inspect_import(office.export("B")))
    assert plan.conflicts == []
    statuses = {item.name: item.status for item in plan.items}
    assert statuses["Lokaal netwerk Genk"] is MergeStatus.TAKE_THEIRS
    assert statuses["Lokaal netwerk Dilbeek"] is MergeStatus.KEEP_MINE
    report = apply_merge(a, plan)
    assert (report.taken, report.conflicts_resolved) == (1, 0)
    assert by_name(a, "Lokaal netwerk Genk").vision == "Visie van B"
    assert by_name(a, "Lokaal netwerk Dilbeek").vision == "Visie van A"
    assert "Overgenomen van hen: 1" in report.summary()
    assert "Taken from them: 1" in report.summary("en")
    assert check_index(a)


def test_a_deletion_travels_and_is_not_undone_by_an_older_file(office: Office) -> None:
    a = office.start("A", three_networks())
    office.copy_of("A", "B")
    older_from_b = office.export("B")
    a.delete(by_name(a, "Lokaal netwerk Borsbeek").id)
    report = office.merge("A", older_from_b)
    assert report.added == 0 and report.conflicts_resolved == 0
    assert [p.name for p in a.iter_profiles()] == ["Lokaal netwerk Dilbeek", "Lokaal netwerk Genk"]
    # ... and B, untouched there, loses it too when A's file arrives.
    report = office.merge("B", "A")
    assert report.deleted == 1
    assert "Lokaal netwerk Borsbeek" not in [p.name for p in office.stores["B"].iter_profiles()]
    assert [d.name for d in office.stores["B"].deleted_networks()] == ["Lokaal netwerk Borsbeek"]


def test_different_fields_of_one_network_are_combined(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Borsbeek", notes="Interne nota van A")
    mine = by_name(b, "Lokaal netwerk Borsbeek")
    b.update(mine.model_copy(update={"partners": [*mine.partners, Partner(name="CAW")]}))
    plan = plan_merge(a, inspect_import(office.export("B")))
    [item] = [i for i in plan.items if i.name == "Lokaal netwerk Borsbeek"]
    assert item.status is MergeStatus.COMBINED
    report = apply_merge(a, plan)
    assert report.combined == 1 and report.conflicts_resolved == 0
    merged = by_name(a, "Lokaal netwerk Borsbeek")
    assert merged.notes == "Interne nota van A"  # the officer's internal notes survive
    assert [p.name for p in merged.partners][-1] == "CAW"


def test_list_items_added_on_both_sides_are_both_kept_and_removals_travel(
    office: Office,
) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    mine = by_name(a, "Lokaal netwerk Genk")
    a.update(
        mine.model_copy(
            update={
                "partners": [mine.partners[0], Partner(name="Bib Genk")]
            }  # removed one, added one
        )
    )
    theirs = by_name(b, "Lokaal netwerk Genk")
    b.update(theirs.model_copy(update={"partners": [*theirs.partners, Partner(name="OCMW")]}))
    report = office.merge("A", "B")
    assert report.combined == 1 and report.conflicts_resolved == 0
    names = [p.name for p in by_name(a, "Lokaal netwerk Genk").partners]
    assert names == ["Vrijetijdsdienst", "Bib Genk", "OCMW"]


def test_the_same_field_changed_differently_is_a_conflict_for_that_field_only(
    office: Office,
) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Genk", vision="Visie van A", notes="Nota van A")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B", meetings="Maandelijks")
    plan = plan_merge(a, inspect_import(office.export("B")))
    [conflict] = plan.conflicts
    assert conflict.conflict_fields == ("vision",)
    assert conflict.base is not None and conflict.base.vision == three_networks()[0].vision
    with pytest.raises(MissingChoiceError):
        apply_merge(a, plan)
    report = apply_merge(a, plan, {conflict.key: {"vision": Choice.THEIRS}})
    merged = by_name(a, "Lokaal netwerk Genk")
    assert (merged.vision, merged.notes, merged.meetings) == (
        "Visie van B",
        "Nota van A",
        "Maandelijks",
    )
    assert [(d.fields, d.choices) for d in report.decisions] == [(("vision",), (Choice.THEIRS,))]
    # Decided once: the same file again asks nothing and changes nothing.
    again = plan_merge(a, inspect_import(office.export("B")))
    assert again.conflicts == []


@pytest.mark.parametrize("prefer", [Choice.MINE, Choice.THEIRS])
def test_prefer_decides_only_real_conflicts(office: Office, prefer: Choice) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Genk", vision="Visie van A")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    edit(b, "Lokaal netwerk Dilbeek", notes="Enkel B")
    report = office.merge("A", "B", prefer=prefer)
    assert report.conflicts_resolved == 1 and report.taken == 1
    expected = "Visie van A" if prefer is Choice.MINE else "Visie van B"
    assert by_name(a, "Lokaal netwerk Genk").vision == expected
    assert by_name(a, "Lokaal netwerk Dilbeek").notes == "Enkel B"  # one-sided: always taken


def test_deleted_here_changed_there_is_a_conflict(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    a.delete(by_name(a, "Lokaal netwerk Borsbeek").id)
    edit(b, "Lokaal netwerk Borsbeek", vision="B werkte verder")
    plan = plan_merge(a, inspect_import(office.export("B")))
    [conflict] = plan.conflicts
    assert conflict.status is MergeStatus.DELETE_CONFLICT and conflict.deleted_here
    apply_merge(a, plan, {conflict.key: Choice.THEIRS})
    assert by_name(a, "Lokaal netwerk Borsbeek").vision == "B werkte verder"


@pytest.mark.parametrize("prefer", [Choice.MINE, Choice.THEIRS])
def test_changed_here_deleted_there_is_a_conflict(office: Office, prefer: Choice) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Borsbeek", vision="A werkte verder")
    b.delete(by_name(b, "Lokaal netwerk Borsbeek").id)
    plan = plan_merge(a, inspect_import(office.export("B")))
    [conflict] = plan.conflicts
    assert conflict.status is MergeStatus.DELETE_CONFLICT and not conflict.deleted_here
    del plan
    from_b = office.export("B")
    plan = plan_merge(a, inspect_import(from_b))
    apply_merge(a, plan, default=prefer)
    names = [p.name for p in a.iter_profiles()]
    assert ("Lokaal netwerk Borsbeek" in names) is (prefer is Choice.MINE)
    # Decided once: the same file again asks nothing and changes nothing.
    again = plan_merge(a, inspect_import(from_b))
    assert again.conflicts == []
    assert apply_merge(a, again).changed_ids == ()


def test_the_same_file_twice_or_my_own_export_changes_nothing(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    from_b = office.export("B")
    office.merge("A", from_b)
    versions = {p.id: len(a.history(p.id)) for p in a.iter_profiles()}
    states = {p.id: p.version for p in a.iter_profiles()}
    for file in (from_b, office.export("A")):
        plan = plan_merge(a, inspect_import(file))
        assert all(
            item.status in (MergeStatus.IDENTICAL, MergeStatus.KEEP_MINE) for item in plan.items
        )
        report = apply_merge(a, plan)
        assert report.changed_ids == ()
    assert {p.id: len(a.history(p.id)) for p in a.iter_profiles()} == versions
    assert {p.id: p.version for p in a.iter_profiles()} == states


def test_a_chain_of_three_colleagues_ends_with_every_change_once(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.start("B")
    c = office.start("C")
    office.merge("B", "A")
    office.merge("C", "A")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    edit(c, "Lokaal netwerk Dilbeek", notes="Nota van C")
    edit(a, "Lokaal netwerk Borsbeek", meetings="Vergadering van A")
    for receiver, sender in (("B", "A"), ("C", "B"), ("A", "C")):
        report = office.merge(receiver, sender)
        assert report.conflicts_resolved == 0, (receiver, sender)
    # Round two: everything flows back without a conflict or a change that is not new.
    for receiver, sender in (("B", "A"), ("C", "B")):
        report = office.merge(receiver, sender)
        assert report.conflicts_resolved == 0, (receiver, sender)
    for store in (a, b, c):
        assert by_name(store, "Lokaal netwerk Genk").vision == "Visie van B"
        assert by_name(store, "Lokaal netwerk Dilbeek").notes == "Nota van C"
        assert by_name(store, "Lokaal netwerk Borsbeek").meetings == "Vergadering van A"
        assert store.count() == 3
    assert office.merge("A", "C").changed_ids == ()


def test_a_file_without_history_makes_every_difference_a_conflict_and_says_why(
    office: Office,
) -> None:
    a = office.start("A", three_networks())
    genk = by_name(a, "Lokaal netwerk Genk")
    theirs = genk.model_copy(update={"vision": "Hun visie", "notes": "Hun nota"})
    plan = plan_merge(a, offered(theirs))
    [conflict] = plan.conflicts
    assert conflict.without_history and conflict.conflict_fields == ("vision", "notes")
    assert not plan.has_history and "geen geschiedenis" in plan.reason()
    report = apply_merge(a, plan, {conflict.key: {"vision": Choice.THEIRS, "notes": Choice.MINE}})
    stored = a.get(genk.id)
    assert (stored.vision, stored.notes) == ("Hun visie", genk.notes)
    assert "geen geschiedenis" in report.summary() and "no history" in report.summary("en")


def test_the_merge_is_a_version_that_can_be_undone_by_restoring(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    before = by_name(a, "Lokaal netwerk Genk")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    office.merge("A", "B")
    versions = a.history(before.id)
    own = [v for v in versions if not v.imported]
    assert own[-1].kind == "merge" and own[-1].author == "A"
    assert any(v.imported and v.author == "B" for v in versions)
    a.revert_to(before.id, own[-2].seq)
    assert a.get(before.id).content_equals(before)
    assert a.history(before.id)[-1].kind == "revert"


# --- safety: all or nothing, never stale --------------------------------------------------------


def test_taking_theirs_makes_an_open_editor_conflict_instead_of_overwriting(
    office: Office,
) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    in_editor = by_name(a, "Lokaal netwerk Borsbeek").model_copy(update={"notes": "niet bewaard"})
    edit(b, "Lokaal netwerk Borsbeek", vision="Hun visie")
    office.merge("A", "B")
    with pytest.raises(ConflictError):
        a.update(in_editor)
    assert by_name(a, "Lokaal netwerk Borsbeek").vision == "Hun visie"


def test_records_without_shared_history_match_by_lead_municipality(store: Store) -> None:
    genk = store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    store.create(full_profile())
    theirs = full_profile(
        id=uuid4(), name="LN Genk", municipalities=["GENK"], vision="Hun visie van Genk"
    )
    plan = plan_merge(store, offered(theirs))
    [item] = plan.items
    assert item.status is MergeStatus.CONFLICT
    assert item.matched_by is MatchedBy.MUNICIPALITY
    assert item.mine is not None and item.mine.id == genk.id
    apply_merge(store, plan, {theirs.id: Choice.THEIRS})
    assert store.count() == 2
    assert store.get(genk.id).name == "LN Genk"  # my id kept, their content
    assert store.find(theirs.id) is None


def test_an_ambiguous_municipality_is_not_guessed(store: Store) -> None:
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    one = full_profile(id=uuid4(), name="Genk een", municipalities=["Genk"])
    two = full_profile(id=uuid4(), name="Genk twee", municipalities=["Genk", "As"])
    plan = plan_merge(store, offered(one, two))
    assert [item.status for item in plan.items] == [MergeStatus.NEW, MergeStatus.NEW]


def test_an_undecided_conflict_changes_nothing(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, "Lokaal netwerk Borsbeek", vision="Mijn visie")
    edit(b, "Lokaal netwerk Borsbeek", vision="Hun visie")
    b.create(full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"]))
    plan = plan_merge(a, inspect_import(office.export("B")))
    with pytest.raises(MissingChoiceError) as raised:
        apply_merge(a, plan)
    assert "Lokaal netwerk Borsbeek" in str(raised.value)
    assert "nothing was changed" in raised.value.english.lower()
    assert a.count() == 3
    assert list_backups(a.path) == []  # type: ignore[arg-type]


def test_a_record_changed_after_the_plan_stops_the_merge(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(b, "Lokaal netwerk Borsbeek", vision="Hun visie")
    new = b.create(full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"]))
    plan = plan_merge(a, inspect_import(office.export("B")))
    edit(a, "Lokaal netwerk Borsbeek", notes="intussen gewijzigd")
    with pytest.raises(StalePlanError):
        apply_merge(a, plan)
    assert a.find(new.id) is None  # the addition was rolled back too
    assert by_name(a, "Lokaal netwerk Borsbeek").notes == "intussen gewijzigd"


def test_a_failure_half_way_leaves_nothing_changed(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    first = b.create(full_profile(name="Eerste nieuwe", municipalities=["Wevelgem"]))
    edit(b, "Lokaal netwerk Borsbeek", vision="Hun visie")
    b.create(full_profile(name="Tweede nieuwe", municipalities=["Oudenaarde"]))
    plan = plan_merge(a, inspect_import(office.export("B")))
    versions_before = len(a.history(by_name(a, "Lokaal netwerk Borsbeek").id))
    import db.exchange.merge

    real = db.exchange.merge.insert_records

    def fails_after_writing(session: object, records: list[object]) -> None:
        real(session, records)  # type: ignore[arg-type]
        raise RuntimeError("stroomonderbreking")

    monkeypatch.setattr(db.exchange.merge, "insert_records", fails_after_writing)
    with pytest.raises(RuntimeError):
        apply_merge(a, plan)
    assert a.count() == 3
    assert a.find(first.id) is None
    borsbeek = by_name(a, "Lokaal netwerk Borsbeek")
    assert borsbeek.vision == full_profile().vision
    assert len(a.history(borsbeek.id)) == versions_before  # their versions were not copied in


def test_replace_backs_up_then_holds_exactly_their_records_with_their_history(
    office: Office,
) -> None:
    a = office.start("A", three_networks())
    b = office.start(
        "B", [full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])]
    )
    [wevelgem] = list(b.iter_profiles())
    report = replace_with(a, inspect_import(office.export("B")))
    assert (report.networks, report.previous) == (1, 3)
    assert report.backup is not None
    assert [p.id for p in a.iter_profiles()] == [wevelgem.id]
    assert [v.author for v in a.history(wevelgem.id)] == ["B", "A"]
    assert len(a.deleted_networks()) == 3  # the replacement removed them: found and restorable
    assert "voordien: 3" in report.summary()


def test_a_crafted_version_is_not_taken_into_my_history(office: Office) -> None:
    """A version whose record does not have the hash it claims is left out of my history."""
    import sqlite3

    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    file = office.export("B")
    with sqlite3.connect(file) as connection:
        connection.execute(
            "UPDATE network_versions SET content_hash = ? WHERE seq = (SELECT max(seq) FROM "
            "network_versions)",
            ("0" * 64,),
        )
    office.merge("A", file)
    genk = by_name(a, "Lokaal netwerk Genk")
    assert genk.vision == "Visie van B"  # their record itself is still validated and taken
    assert all(v.content_hash != "0" * 64 for v in a.history(genk.id))


def test_a_copied_file_has_its_own_database_id(office: Office) -> None:
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(b, "Lokaal netwerk Genk", vision="Visie van B")
    genk = by_name(b, "Lokaal netwerk Genk")
    [first, *_, last] = b.history(genk.id)
    assert first.database_id != last.database_id
    assert a.history(genk.id)[0].database_id == first.database_id
